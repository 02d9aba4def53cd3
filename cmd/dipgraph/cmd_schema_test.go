package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// testSchema is a small valid schema for the CLI tests (the built-in one grows
// as data is added).
const testSchema = "../../schema/testdata/valid/complete.yaml"

func TestSchemaValidate(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // substrings
		stderr     []string
		noStderr   bool
		stdoutNone bool
	}{
		{
			name:     "valid file",
			args:     []string{"schema", "validate", testSchema},
			code:     ExitOK,
			stdout:   []string{"ok: 1 file, 6 labels, 4 relationship types, 2 languages, 5 gazetteer entries (2 Person, 1 Country, 1 City, 1 Organization)\n"},
			noStderr: true,
		},
		{
			name:   "global --schema without PATH",
			args:   []string{"--schema", "../../schema/testdata/valid/split", "schema", "validate"},
			code:   ExitOK,
			stdout: []string{"ok: 2 files, 2 labels, 0 relationship types, 0 languages, 2 gazetteer entries (1 Country, 1 City)"},
		},
		{
			name: "invalid file",
			args: []string{"schema", "validate", "../../schema/testdata/invalid/dates.yaml"},
			code: ExitInvalid,
			stderr: []string{
				`dates.yaml:11:55: gazetteer[1].offices[0].start: "2024-13" is not an ISO date`,
				`dates.yaml:14:74: gazetteer[1].offices[3].end: end 2019-12-31 is before start 2020-05-01`,
				"dipgraph: invalid schema: 6 problems\n",
			},
			stdoutNone: true,
		},
		{
			name:       "problems across files",
			args:       []string{"schema", "validate", "../../schema/testdata/invalid/dup-across-files"},
			code:       ExitInvalid,
			stderr:     []string{`b.yaml:11:10: gazetteer[1].id: duplicate id "country:eg" (also at `},
			stdoutNone: true,
		},
		{
			name:       "syntax error",
			args:       []string{"schema", "validate", "../../schema/testdata/invalid/syntax.yaml"},
			code:       ExitInvalid,
			stderr:     []string{"syntax.yaml:5: YAML syntax: "},
			stdoutNone: true,
		},
		{
			name:       "missing path",
			args:       []string{"schema", "validate", "no/such/schema.yaml"},
			code:       ExitUsage,
			stderr:     []string{"no/such/schema.yaml", "no such file"},
			stdoutNone: true,
		},
		{
			name:   "invalid --schema for another command",
			args:   []string{"--schema", "../../schema/testdata/invalid/version.yaml", "schema", "show"},
			code:   ExitInvalid,
			stderr: []string{"version.yaml:1:10: version: unsupported version 2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout = %q, want it to contain %q", stdout, want)
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr = %q, want it to contain %q", stderr, want)
				}
			}
			if tt.noStderr && stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			if tt.stdoutNone && stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
		})
	}
}

// TestSchemaValidateEveryProblem checks that the CLI prints exactly the
// problems the golden file lists.
func TestSchemaValidateEveryProblem(t *testing.T) {
	golden, err := os.ReadFile("../../schema/testdata/invalid/wrong-types.golden")
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "schema", "validate", "../../schema/testdata/invalid/wrong-types.yaml")
	if code != ExitInvalid {
		t.Fatalf("exit code = %d, want %d", code, ExitInvalid)
	}
	want := strings.ReplaceAll(string(golden), "testdata/", filepath.FromSlash("../../schema/testdata/"))
	n := strings.Count(want, "\n")
	want += "dipgraph: invalid schema: " + strconv.Itoa(n) + " problems\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

func TestSchemaShow(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "--schema", testSchema, "schema", "show")
	if code != ExitOK {
		t.Fatalf("exit code = %d, stderr: %s", code, stderr)
	}
	for _, re := range []string{
		`labels \(6\):`,
		`(?m)^  Person +id +name$`,
		`(?m)^  MET_WITH +\(Person\)--\(Person\) +sources$`,
		`(?m)^  SIGNED +\(Person\|Country\)->\(Treaty\)`,
		`(?m)^languages \(2\): +frames +titles +treaty nouns +venue nouns +event kinds +learned scorers$`,
		`(?m)^  ar Arabic +4 +1 +1 +1 +3 +-$`,
		`(?m)^  en +0 +0 +0 +0 +0 +ATTENDED$`,
		`(?m)^gazetteer: +entries +aliases +\* +ar +en$`,
		`(?m)^  Person +2 +4 +0 +4 +0$`,
		`(?m)^  Country +1 +4 +0 +3 +1$`,
		`(?m)^  Organization +1 +2 +1 +1 +0$`,
	} {
		if !regexp.MustCompile(re).MatchString(stdout) {
			t.Errorf("schema show output does not match %s:\n%s", re, stdout)
		}
	}
}

func TestSchemaShowJSON(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "--schema", testSchema, "schema", "show", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit code = %d, stderr: %s", code, stderr)
	}
	var got schemaStats
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if len(got.Labels) != 6 || len(got.Relationships) != 4 || len(got.Languages) != 2 || len(got.Gazetteer) != 4 {
		t.Errorf("counts: %d labels, %d relationships, %d languages, %d gazetteer rows; want 6, 4, 2, 4",
			len(got.Labels), len(got.Relationships), len(got.Languages), len(got.Gazetteer))
	}
	if l := got.Languages[0]; l.Code != "ar" || l.Frames != 4 || l.EventKinds != 3 {
		t.Errorf("first language = %+v, want ar with 4 frames and 3 event kinds", l)
	}
	if p := got.Gazetteer[0]; p.Type != "Person" || p.Entries != 2 || p.ByLang["ar"] != 4 {
		t.Errorf("first gazetteer row = %+v, want Person with 2 entries and 4 Arabic aliases", p)
	}
}

func TestSchemaShowBadFormat(t *testing.T) {
	code, _, stderr := runCLI(t, "", "schema", "show", "--format", "xml")
	if code != ExitUsage || !strings.Contains(stderr, "--format") {
		t.Errorf("exit code = %d, stderr %q; want %d and a --format message", code, stderr, ExitUsage)
	}
}

func TestSchemaDefault(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "schema", "validate")
	if code != ExitOK {
		t.Fatalf("the built-in schema does not validate (exit %d):\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "ok: ") || !strings.Contains(stdout, "Country") {
		t.Errorf("stdout = %q, want an ok summary with Country entries", stdout)
	}
}

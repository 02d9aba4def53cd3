package schema

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with the golden file at path, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./schema -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./schema -update to accept)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// cases lists the scenarios in dir: its YAML files and its subdirectories, each
// loaded as one schema, with the golden file that goes with it.
func cases(t *testing.T, dir string) (names []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".yaml") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("no test cases in %s", dir)
	}
	return names
}

func goldenPath(dir, name string) string {
	return filepath.Join(dir, strings.TrimSuffix(name, ".yaml")+".golden")
}

func TestLoadInvalid(t *testing.T) {
	dir := filepath.Join("testdata", "invalid")
	for _, name := range cases(t, dir) {
		t.Run(name, func(t *testing.T) {
			s, err := Load(filepath.Join(dir, name))
			if err == nil {
				t.Fatalf("Load succeeded with %d files, want problems", len(s.Files))
			}
			var probs Problems
			if !errors.As(err, &probs) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Load error %T %v is not Problems wrapping ErrInvalid", err, err)
			}
			if !slices.IsSortedFunc(probs, func(a, b Problem) int {
				return strings.Compare(fmt.Sprintf("%s\x00%09d\x00%09d", a.File, a.Line, a.Column),
					fmt.Sprintf("%s\x00%09d\x00%09d", b.File, b.Line, b.Column))
			}) {
				t.Errorf("problems are not sorted by file, line and column:\n%v", err)
			}
			golden(t, goldenPath(dir, name), err.Error()+"\n")
		})
	}
}

func TestLoadValid(t *testing.T) {
	dir := filepath.Join("testdata", "valid")
	for _, name := range cases(t, dir) {
		t.Run(name, func(t *testing.T) {
			s, err := Load(filepath.Join(dir, name))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			golden(t, goldenPath(dir, name), summary(s))
		})
	}
}

// summary prints what a loaded schema holds, including its compiled lookups.
func summary(s *Schema) string {
	var b strings.Builder
	fmt.Fprintf(&b, "files: %s\n", strings.Join(s.Files, " "))
	for _, n := range s.Nodes {
		fmt.Fprintf(&b, "node %s key %s, %d properties\n", n.Label, n.Key, len(n.Properties))
	}
	for _, r := range s.Relationships {
		fmt.Fprintf(&b, "rel %s %v -> %v symmetric=%v, %d properties\n", r.Type, r.From, r.To, r.Symmetric, len(r.Properties))
	}
	codes := make([]string, 0, len(s.Languages))
	for c := range s.Languages {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		l, _ := s.Lang(c)
		fmt.Fprintf(&b, "lang %s: %d frames, %d titles, %d month names\n", c, len(l.Frames), len(l.Titles), len(l.Dates.Months))
		for _, f := range l.Frames {
			slots := make([]string, 0, len(f.Slots))
			for name, s := range f.Slots {
				slots = append(slots, fmt.Sprintf("%s%v", name, s.Fill))
			}
			slices.Sort(slots)
			fmt.Fprintf(&b, "  frame %s event=%q scale=%q: %d verbs, %d nouns, %d phrases, slots %s, principals %v, %d relations\n",
				f.ID, f.Event, f.Scale, len(f.Verbs), len(f.Nouns), len(f.Phrases), strings.Join(slots, " "), f.Principals, len(f.Relations))
		}
		words := make([]string, 0, len(l.Words))
		for k, ws := range l.Words {
			words = append(words, fmt.Sprintf("%s(%d)", k, len(ws)))
		}
		slices.Sort(words)
		if len(words) > 0 {
			fmt.Fprintf(&b, "  words %s\n", strings.Join(words, " "))
		}
	}
	for _, e := range s.Gazetteer {
		fmt.Fprintf(&b, "entry %s %s %q, %d offices\n", e.ID, e.Type, e.Name, len(e.Offices))
	}
	for _, lang := range append([]string{""}, codes...) {
		for _, a := range s.Aliases(lang) {
			fmt.Fprintf(&b, "alias[%s] %q -> %s (%s %s)\n", lang, a.Folded, a.Entry.ID, a.Kind, a.Lang)
		}
	}
	return b.String()
}

func TestLoadErrors(t *testing.T) {
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		paths []string
		is    error
	}{
		{"missing file", []string{"testdata/no-such-file.yaml"}, fs.ErrNotExist},
		{"missing among others", []string{"testdata/valid/minimal.yaml", "testdata/nope"}, fs.ErrNotExist},
		{"directory without YAML", []string{empty}, ErrInvalid},
		{"no paths", nil, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.paths...)
			if !errors.Is(err, tt.is) {
				t.Fatalf("Load(%q) = %v, want an error wrapping %v", tt.paths, err, tt.is)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("the built-in schema is invalid:\n%v", err)
	}
	for _, label := range append(slices.Clone(EntryTypes), Event, Document) {
		if _, ok := s.Node(label); !ok {
			t.Errorf("built-in schema lacks node label %s", label)
		}
	}
	for _, typ := range []string{"MET_WITH", "SIGNED", "ATTENDED", "HELD_AT", "LOCATED_IN", "HOLDS_OFFICE",
		"VISITED", "PARTY_TO", "PARTICIPATED_IN", "MENTIONS"} {
		if _, ok := s.Rel(typ); !ok {
			t.Errorf("built-in schema lacks relationship type %s", typ)
		}
	}
	if again, _ := Default(); again != s {
		t.Errorf("Default loaded twice, want the same shared Schema")
	}
}

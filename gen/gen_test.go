package gen

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
)

// testSchema loads the built-in schema, or the directory named by
// DIPGEN_TEST_SCHEMA (to try data that is not built in yet).
func testSchema(t testing.TB) *schema.Schema {
	t.Helper()
	var s *schema.Schema
	var err error
	if dir := os.Getenv("DIPGEN_TEST_SCHEMA"); dir != "" {
		s, err = schema.Load(dir)
	} else {
		s, err = schema.Default()
	}
	if err != nil {
		t.Fatalf("load schema: %v", err)
	}
	return s
}

func corpus(t testing.TB, s *schema.Schema, seed uint64, n int) []byte {
	t.Helper()
	g, err := New(s, Options{Seed: seed, Expected: true})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var b bytes.Buffer
	if err := g.Write(context.Background(), &b, n); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	s := testSchema(t)
	a, b := corpus(t, s, 1, 200), corpus(t, s, 1, 200)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with seed 1 differ")
	}
	if c := corpus(t, s, 2, 200); bytes.Equal(a, c) {
		t.Fatal("seeds 1 and 2 give the same corpus")
	}
	// Article i does not depend on how many articles precede or follow it.
	g, _ := New(s, Options{Seed: 1, Expected: true})
	line := bytes.SplitN(a, []byte("\n"), 200)[123]
	one, _ := json.Marshal(g.Article(123))
	var x, y Article
	if err := json.Unmarshal(line, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(one, &y); err != nil {
		t.Fatal(err)
	}
	if x.Text != y.Text || x.ID != y.ID {
		t.Fatal("Article(123) differs from line 123 of the corpus")
	}
}

func TestArticles(t *testing.T) {
	s := testSchema(t)
	lines := strings.Split(strings.TrimSuffix(string(corpus(t, s, 1, 200)), "\n"), "\n")
	if len(lines) != 200 {
		t.Fatalf("got %d lines, want 200", len(lines))
	}
	rules := map[string]int{}
	ids := map[string]bool{}
	for _, line := range lines {
		var a Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("line is not JSON: %v", err)
		}
		if ids[a.ID] {
			t.Errorf("%s: duplicate id", a.ID)
		}
		ids[a.ID] = true
		if n := len(a.Text); n < 900 || n > maxBytes+500 {
			t.Errorf("%s: text is %d bytes, want about %d..%d", a.ID, n, minBytes, maxBytes)
		}
		if a.Lang != "ar" || a.Date == "" || a.Title == "" || a.Source == "" || !utf8.ValidString(a.Text) {
			t.Errorf("%s: incomplete article %+v", a.ID, a)
		}
		if strings.ContainsAny(a.Text+a.Title, "{}") {
			t.Errorf("%s: unexpanded placeholder in %q", a.ID, a.Text)
		}
		if a.Expected == nil || len(a.Expected.Relations) == 0 {
			t.Fatalf("%s: no expected relations", a.ID)
		}
		ents := map[string]bool{}
		for _, e := range a.Expected.Entities {
			ents[e.ID] = true
			for _, n := range e.Aliases {
				if !strings.Contains(a.Text, n) {
					t.Errorf("%s: expected entity %s spelled %q, not in the text", a.ID, e.ID, n)
				}
			}
		}
		for _, r := range a.Expected.Relations {
			rules[r.Type+" "+r.Rule]++
			if !ents[r.From] || (!ents[r.To] && !strings.HasPrefix(r.To, "gen:event:")) {
				t.Errorf("%s: relation %+v names an entity not in expected.entities", a.ID, r)
			}
			if r.Trigger != "" && !strings.Contains(a.Text, r.Trigger) {
				t.Errorf("%s: trigger %q not in the text", a.ID, r.Trigger)
			}
		}
	}
	for _, want := range []string{"MET_WITH ar.met_with.received", "MET_WITH ar.met_with.met", "MET_WITH ar.met_with.talks", "SIGNED ar.signed.signed", "ATTENDED ar.attended.presence", "ATTENDED ar.attended.witnessed"} {
		if rules[want] == 0 {
			t.Errorf("200 articles have no %s fact", want)
		}
	}
	t.Logf("facts by rule: %v", rules)
}

func TestExpand(t *testing.T) {
	for _, tc := range []struct{ name, tpl, want, err string }{
		{"plain", "a {x} b", "a 1 b", ""},
		{"missing", "a {y}", "", "no value for {y}"},
		{"unclosed", "a {x", "", "unclosed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := expand(tc.tpl, map[string]string{"x": "1"})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/schema"
)

// TestRelationEndsAreEntities checks, on every fixture and scenario text,
// that both ends of every relation are entities of the same result: the
// graph refuses a fact about a node the document does not hold (a country
// reached only through a person's gazetteer entry, say).
func TestRelationEndsAreEntities(t *testing.T) {
	x := defaultExtractor(t)
	files := fixtureAndScenarioTexts(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := x.extract(document.Document{ID: filepath.Base(f), Lang: "ar", Date: "2026-01-15", Text: string(b)})
		ids := map[string]bool{}
		for _, e := range res.Entities {
			ids[e.ID] = true
		}
		for _, r := range res.Relations {
			if !ids[r.From] || !ids[r.To] {
				t.Errorf("%s: %s %s -> %s: an end is no entity of the result", f, r.Type, r.From, r.To)
			}
		}
	}
}

// TestRelationPropertiesDeclared checks, on every fixture and scenario text,
// that every property of every relation is declared for its type in the
// default schema: ingest stores only declared properties and warns about the
// rest, so an undeclared one is a fact the graph silently lacks.
func TestRelationPropertiesDeclared(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := defaultExtractor(t)
	files := fixtureAndScenarioTexts(t)
	seen := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := x.extract(document.Document{ID: filepath.Base(f), Lang: "ar", Date: "2026-01-15", Text: string(b)})
		for _, r := range res.Relations {
			rt, ok := s.Rel(r.Type)
			if !ok {
				t.Errorf("%s: relation type %s is not declared", f, r.Type)
				continue
			}
			for name := range r.Properties {
				seen++
				if !slices.ContainsFunc(rt.Properties, func(p schema.Property) bool { return p.Name == name }) {
					t.Errorf("%s: %s.%s is not declared in the schema", f, r.Type, name)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no relation property seen")
	}
}

// fixtureAndScenarioTexts lists the texts of every fixture set and scenario.
func fixtureAndScenarioTexts(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../fixtures/*/*.txt", "testdata/scenarios/*.txt"} {
		fs, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 50 {
		t.Fatalf("%d texts found, want the fixtures and scenarios", len(files))
	}
	return files
}

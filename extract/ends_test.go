package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// TestRelationEndsAreEntities checks, on every fixture and scenario text,
// that both ends of every relation are entities of the same result: the
// graph refuses a fact about a node the document does not hold (a country
// reached only through a person's gazetteer entry, say).
func TestRelationEndsAreEntities(t *testing.T) {
	x := defaultExtractor(t)
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

package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gen"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// Results returns the extraction results of articles 0..n-1 of the corpus of
// seed, each document hashed as dipgraph's input readers hash it.
func Results(s *schema.Schema, seed uint64, n int) ([]extract.Result, error) {
	g, err := gen.New(s, gen.Options{Seed: seed})
	if err != nil {
		return nil, err
	}
	x, err := extract.New(s, extract.Options{})
	if err != nil {
		return nil, err
	}
	out := make([]extract.Result, n)
	for i := range n {
		a := g.Article(i)
		sum := sha256.Sum256([]byte(a.Text))
		var err error
		out[i], err = x.Extract(document.Document{ID: a.ID, Source: a.Source, Title: a.Title, Date: a.Date,
			Lang: a.Lang, Text: a.Text, TextSHA256: hex.EncodeToString(sum[:])})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
	}
	return out, nil
}

// Restated returns three documents reporting one meeting, in both directions,
// with different confidences, names and properties: what the generated corpus
// may lack for the fact's support and confidence and the entities' name,
// aliases and derived properties to be tested.
func Restated() []extract.Result {
	b := graphtest.Builder{P: "restated-"}
	r1 := graphtest.Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
	r2 := graphtest.Meeting(b, "d2", "h2", "p2", "p1", "2026-05-20")
	r3 := b.Doc("d3", "h3")
	graphtest.Entity(r3, b, "Person", "p1", "P one", "the first")
	graphtest.Entity(r3, b, "Person", "p2", "Person p2")
	r3.Entities[0].Properties["provisional"] = false
	graphtest.Fact(r3, b, "MET_WITH", "p2", "p1", "2026-05-20", 103, "p1 and p2 met again.")
	graphtest.Fact(r3, b, "MET_WITH", "p2", "p1", "2026-05-20", 7, "p1 and p2 met, says d3 twice.")
	return []extract.Result{*r1, *r2, *r3}
}

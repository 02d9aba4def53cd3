// Package corpus makes small extraction results for the baselines' tests: the
// first n articles of a generated corpus (package gen), extracted in process
// with the schema's default options, optionally with every document and
// entity key prefixed so that tests sharing a database keep apart.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gen"
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
		out[i] = x.Extract(extract.Document{ID: a.ID, Source: a.Source, Title: a.Title, Date: a.Date,
			Lang: a.Lang, Text: a.Text, Hash: hex.EncodeToString(sum[:])})
	}
	return out, nil
}

// Prefixed returns a copy of results with p before every document id, entity
// id and relation end. Property values are left alone.
func Prefixed(results []extract.Result, p string) []extract.Result {
	out := make([]extract.Result, len(results))
	for i, r := range results {
		r.Document.ID = p + r.Document.ID
		r.Entities = append([]extract.Entity(nil), r.Entities...)
		for j := range r.Entities {
			r.Entities[j].ID = p + r.Entities[j].ID
		}
		r.Relations = append([]extract.Relation(nil), r.Relations...)
		for j := range r.Relations {
			r.Relations[j].From, r.Relations[j].To = p+r.Relations[j].From, p+r.Relations[j].To
		}
		out[i] = r
	}
	return out
}

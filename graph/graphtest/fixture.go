package graphtest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
)

// Prefix returns a fresh prefix for the keys of one test, so tests sharing a
// database never touch each other's data.
func Prefix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "gt" + hex.EncodeToString(b) + "-"
}

// Builder builds results by hand, every key starting with its prefix.
type Builder struct {
	P string
}

// ID returns the prefixed key of name.
func (b Builder) ID(name string) string { return b.P + name }

// Doc starts a result for document id with the given fingerprint.
func (b Builder) Doc(id, hash string) *extract.Result {
	return &extract.Result{Document: document.Document{ID: b.ID(id), Source: "test", Title: "Title of " + id,
		Date: "2026-05-20", Lang: "ar", Fingerprint: hash, URL: "https://example.org/" + id}}
}

// Entity adds an entity of type typ with key name (prefixed), its name and
// aliases; a mention is placed at a position derived from the name.
func Entity(r *extract.Result, b Builder, typ, name, display string, aliases ...string) *extract.Result {
	id := b.ID(name)
	for _, e := range r.Entities {
		if e.ID == id {
			return r
		}
	}
	start := 10 * len(r.Entities)
	r.Entities = append(r.Entities, extract.Entity{ID: id, Type: typ, Name: display, Aliases: aliases,
		Mentions:   []extract.Span{{Start: start, End: start + len([]rune(display)), Text: display}},
		Properties: map[string]any{"provisional": !strings.Contains(name, "gaz")}})
	return r
}

// Fact adds a relation between the prefixed keys from and to, with a date
// (may be empty) and an evidence sentence at start.
func Fact(r *extract.Result, b Builder, typ, from, to, date string, start int, sentence string) *extract.Result {
	props := map[string]any{}
	if date != "" {
		props["date"] = date
	}
	r.Relations = append(r.Relations, extract.Relation{Type: typ, From: b.ID(from), To: b.ID(to), Properties: props,
		Evidence: extract.Span{Start: start, End: start + len([]rune(sentence)), Text: sentence},
		Rule:     "test." + strings.ToLower(typ), Confidence: 0.5 + float64(start%5)/10})
	return r
}

// Meeting builds a document reporting that persons a and b met on date, at an
// event, each person mentioned with an Arabic alias.
func Meeting(b Builder, doc, hash, a, c, date string) *extract.Result {
	r := b.Doc(doc, hash)
	Entity(r, b, "Person", a, "Person "+a, "الرئيس "+a)
	Entity(r, b, "Person", c, "Person "+c, "الرئيس "+c)
	ev := "event:talks-" + date + "-" + a + "-" + c
	if c < a {
		ev = "event:talks-" + date + "-" + c + "-" + a
	}
	Entity(r, b, "Event", ev, "talks "+date)
	Fact(r, b, "MET_WITH", a, c, date, 100, fmt.Sprintf("%s met %s on %s (%s).", a, c, date, doc))
	Fact(r, b, "ATTENDED", a, ev, date, 100, fmt.Sprintf("%s attended the talks (%s).", a, doc))
	Fact(r, b, "ATTENDED", c, ev, date, 100, fmt.Sprintf("%s attended the talks (%s).", c, doc))
	return r
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

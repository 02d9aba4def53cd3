package graphtest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// Scenarios of derived properties: the properties documents disagree on (a
// person's role and country, an office's role, an event's kind) are a
// function of the documents that state them, whatever the order of writes,
// their batching, the number of writers, a replaced or a forgotten document.

// derivedDoc is one document of DerivedCorpus: persons a and c meet on date
// (the document's date too); noRole leaves out a's role, so that a's role and
// country come from different documents.
type derivedDoc struct {
	id, date, a, c string
	noRole         bool
}

// derivedDocs has dates that tie (d01, d03, d07), are empty (d04, d08) or
// partial (d05), and an order in which the last document to name a person is
// not the latest-dated one.
var derivedDocs = []derivedDoc{
	{"d01", "2026-05-03", "amy", "bob", false},
	{"d02", "2026-05-01", "bob", "cat", false},
	{"d03", "2026-05-03", "amy", "cat", true},
	{"d04", "", "amy", "bob", false},
	{"d05", "2026-04", "bob", "amy", false},
	{"d06", "2026-05-02", "amy", "cat", true},
	{"d07", "2026-05-03", "bob", "cat", false},
	{"d08", "", "cat", "amy", false},
	{"d09", "2026-05-01", "amy", "bob", false},
	{"d10", "2026-05-02", "cat", "bob", false},
}

// DerivedDoc builds one document that states derived properties: each person
// a role and a country, an office (HOLDS_OFFICE to Egypt) with a role, an
// event kind and attendance roles, all naming the document.
func DerivedDoc(b Builder, id, date, a, c string, noRole bool) *extract.Result {
	r := Meeting(b, id, "h-"+id, a, c, date)
	r.Document.Date = date
	Entity(r, b, "Country", "country:gaz-eg", "Egypt", "مصر")
	for i := range r.Entities {
		e := &r.Entities[i]
		switch e.Type {
		case "Person":
			if !(noRole && e.ID == b.ID(a)) {
				e.Properties["role"] = "role in " + id
			}
			e.Properties["country"] = "country in " + id
		case "Event":
			e.Properties["kind"] = "talks in " + id
		}
	}
	for i := range r.Relations {
		if r.Relations[i].Type == "ATTENDED" {
			r.Relations[i].Properties["role"] = fmt.Sprintf("attendee %d in %s", i, id)
		}
	}
	Fact(r, b, "HOLDS_OFFICE", a, "country:gaz-eg", "", 150, fmt.Sprintf("%s holds office (%s).", a, id))
	r.Relations[len(r.Relations)-1].Properties["role"] = "office in " + id
	return r
}

// DerivedCorpus returns the documents of derivedDocs.
func DerivedCorpus(b Builder) []*extract.Result {
	var out []*extract.Result
	for _, d := range derivedDocs {
		out = append(out, DerivedDoc(b, d.id, d.date, d.a, d.c, d.noRole))
	}
	return out
}

// writeEach writes rs one per call, in order.
func writeEach(t *testing.T, st graph.Store, rs []*extract.Result) {
	t.Helper()
	for _, r := range rs {
		Write(t, st, r)
	}
}

// rebuilt writes rs under a fresh prefix (renaming b's prefix in them) and
// returns that part of the graph with b's prefix back, for comparisons.
func rebuilt(t *testing.T, st Store, b Builder, rs []*extract.Result) *graph.Dump {
	t.Helper()
	fresh := Builder{P: Prefix()}
	t.Cleanup(func() { cleanup(t, st, fresh) })
	writeEach(t, st, Renamed(rs, b.P, fresh.P))
	return renamed(t, Snapshot(t, st, fresh.P), fresh.P, b.P)
}

// Renamed returns copies of rs with every id (document, entity, relation end)
// and string property value moved from prefix from to prefix to.
func Renamed(rs []*extract.Result, from, to string) []*extract.Result {
	fix := func(s string) string {
		if len(s) >= len(from) && s[:len(from)] == from {
			return to + s[len(from):]
		}
		return s
	}
	var out []*extract.Result
	for _, r := range rs {
		c := *r
		c.Document.ID = fix(c.Document.ID)
		c.Entities = slices.Clone(r.Entities)
		for i := range c.Entities {
			c.Entities[i].ID = fix(c.Entities[i].ID)
		}
		c.Relations = slices.Clone(r.Relations)
		for i := range c.Relations {
			rel := &c.Relations[i]
			rel.From, rel.To = fix(rel.From), fix(rel.To)
			props := map[string]any{}
			for k, v := range rel.Properties {
				if s, ok := v.(string); ok {
					v = fix(s)
				}
				props[k] = v
			}
			rel.Properties = props
		}
		out = append(out, &c)
	}
	return out
}

// statedBy returns the value of prop that the latest-dated document of rs
// (ties: the greatest id) states for entity id: the rule graph/doc.go
// documents.
func statedBy(rs []*extract.Result, id, prop string) any {
	var best *extract.Result
	var val any
	for _, r := range rs {
		for _, e := range r.Entities {
			v, ok := e.Properties[prop]
			if e.ID != id || !ok {
				continue
			}
			if best == nil || cmp.Or(cmp.Compare(r.Document.Date, best.Document.Date), cmp.Compare(r.Document.ID, best.Document.ID)) > 0 {
				best, val = r, v
			}
		}
	}
	return val
}

// checkRule checks amy's role and country and her office's role against the
// documented rule.
func checkRule(t *testing.T, d *graph.Dump, b Builder, rs []*extract.Result) {
	t.Helper()
	amy := nodeOf(d, b.ID("amy"))
	if amy == nil {
		t.Fatalf("no amy:\n%s", Format(d))
	}
	check(t, "amy's role", amy.Props["role"], statedBy(rs, b.ID("amy"), "role"))
	check(t, "amy's country", amy.Props["country"], statedBy(rs, b.ID("amy"), "country"))
	var office any
	var best *extract.Result
	for _, r := range rs {
		for _, rel := range r.Relations {
			if rel.Type == "HOLDS_OFFICE" && rel.From == b.ID("amy") && (best == nil ||
				cmp.Or(cmp.Compare(r.Document.Date, best.Document.Date), cmp.Compare(r.Document.ID, best.Document.ID)) > 0) {
				best, office = r, rel.Properties["role"]
			}
		}
	}
	for _, r := range relsOf(d, "HOLDS_OFFICE") {
		if r.From == b.ID("amy") {
			check(t, "amy's office role", r.Props["role"], office)
		}
	}
}

// testDerivedOrder writes one corpus one document at a time in order, in
// reverse order, shuffled in one batch and in batches of three: one graph.
func testDerivedOrder(t *testing.T, st Store, b Builder) {
	rs := DerivedCorpus(b)
	writeEach(t, st, rs)
	want := Snapshot(t, st, b.P)
	checkRule(t, want, b, rs)
	orders := map[string][][]*extract.Result{}
	rev := slices.Clone(rs)
	slices.Reverse(rev)
	for _, r := range rev {
		orders["reverse"] = append(orders["reverse"], []*extract.Result{r})
	}
	shuffled := slices.Clone(rs)
	for i := range shuffled { // a fixed permutation
		j := (i*7 + 3) % len(shuffled)
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	orders["shuffled, one batch"] = [][]*extract.Result{shuffled}
	rotated := append(slices.Clone(rs[4:]), rs[:4]...)
	for i := 0; i < len(rotated); i += 3 {
		orders["rotated, batches of 3"] = append(orders["rotated, batches of 3"], rotated[i:min(i+3, len(rotated))])
	}
	for name, batches := range orders {
		p := Builder{P: Prefix()}
		t.Cleanup(func() { cleanup(t, st, p) })
		for _, batch := range batches {
			Write(t, st, Renamed(batch, b.P, p.P)...)
		}
		sameGraph(t, name, want, renamed(t, Snapshot(t, st, p.P), p.P, b.P))
	}
}

// testDerivedForget forgets the documents that state amy's role, country and
// office: the graph is the one built without them.
func testDerivedForget(t *testing.T, st Store, b Builder) {
	rs := DerivedCorpus(b)
	writeEach(t, st, rs)
	gone := map[string]bool{b.ID("d01"): true, b.ID("d03"): true, b.ID("d07"): true}
	if _, err := st.Forget(context.Background(), []string{b.ID("d01"), b.ID("d03"), b.ID("d07")}); err != nil {
		t.Fatal(err)
	}
	var rest []*extract.Result
	for _, r := range rs {
		if !gone[r.Document.ID] {
			rest = append(rest, r)
		}
	}
	got := Snapshot(t, st, b.P)
	checkRule(t, got, b, rest)
	sameGraph(t, "after forgetting the latest documents", rebuilt(t, st, b, rest), got)
}

// testDerivedReplace rewrites documents: the winner with another role, a
// document re-dated to be the latest, the old winner re-dated to be the
// earliest, a document that stops stating a role. The graph is the one
// built from the final versions.
func testDerivedReplace(t *testing.T, st Store, b Builder) {
	rs := DerivedCorpus(b)
	writeEach(t, st, rs)
	final := slices.Clone(rs)
	edits := []*extract.Result{
		DerivedDoc(b, "d01", "2026-05-03", "amy", "bob", false), // same role, then another
		DerivedDoc(b, "d09", "2026-06-01", "amy", "bob", false), // the latest now
		DerivedDoc(b, "d07", "2025", "bob", "cat", false),       // the earliest now
		DerivedDoc(b, "d10", "2026-05-02", "cat", "bob", false),
	}
	edits[0].Entities[0].Properties["role"] = "another role in d01"
	for i := range edits[3].Entities {
		delete(edits[3].Entities[i].Properties, "role")
	}
	for _, e := range edits {
		Write(t, st, e)
		for i, r := range final {
			if r.Document.ID == e.Document.ID {
				final[i] = e
			}
		}
	}
	got := Snapshot(t, st, b.P)
	check(t, "amy's role", nodeOf(got, b.ID("amy")).Props["role"], "role in d09")
	sameGraph(t, "after replacing documents", rebuilt(t, st, b, final), got)
}

// testDerivedConcurrent writes the corpus from 5 goroutines, twice over
// (each document written twice, by different goroutines): the serial graph.
func testDerivedConcurrent(t *testing.T, st Store, b Builder) {
	rs := DerivedCorpus(b)
	want := rebuilt(t, st, b, rs)
	const writers = 5
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 2*len(rs); i += writers {
				batch := []extract.Result{*rs[i%len(rs)], *rs[(i*3+1)%len(rs)]}
				if _, err := st.Write(context.Background(), batch); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write: %v", err)
	}
	got := Snapshot(t, st, b.P)
	checkRule(t, got, b, rs)
	sameGraph(t, "5 writers against one", want, got)
}

package graphtest

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

func relsOf(d *graph.Dump, typ string) []graph.DumpRel {
	var out []graph.DumpRel
	for _, r := range d.Rels {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

func nodeOf(d *graph.Dump, key string) *graph.DumpNode {
	for i, n := range d.Nodes {
		if n.Props["id"] == key {
			return &d.Nodes[i]
		}
	}
	return nil
}

func list(vs ...any) []any { return vs }

// evidenceOf returns the Evidence nodes of the fact with the given key, in
// document order.
func evidenceOf(d *graph.Dump, key any) []graph.DumpNode {
	var out []graph.DumpNode
	for _, n := range d.Nodes {
		if len(n.Labels) == 1 && n.Labels[0] == "Evidence" && n.Props["fact"] == key {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b graph.DumpNode) int { return cmp.Compare(a.Props["doc"].(string), b.Props["doc"].(string)) })
	return out
}

// evidenceProp lists one property of a fact's Evidence nodes, in document
// order.
func evidenceProp(d *graph.Dump, r graph.DumpRel, prop string) []any {
	var out []any
	for _, e := range evidenceOf(d, r.Props["key"]) {
		out = append(out, e.Props[prop])
	}
	return out
}

// mentionedBy lists the documents that mention the entity key, sorted.
func mentionedBy(d *graph.Dump, key string) []any {
	var out []any
	for _, r := range relsOf(d, "MENTIONS") {
		if r.To == key {
			out = append(out, r.From)
		}
	}
	slices.SortFunc(out, func(a, b any) int { return cmp.Compare(a.(string), b.(string)) })
	return out
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func testWriteShape(t *testing.T, st Store, b Builder) {
	r := Meeting(b, "d1", "h1", "zed", "amy", "2026-05-20")
	stats := Write(t, st, r)
	if stats.Documents != 1 || stats.NodesCreated != 7 {
		t.Errorf("stats = %+v, want 1 document and 7 nodes created (3 entities, 3 Evidence)", stats)
	}
	d := Snapshot(t, st, b.P)
	if len(d.Nodes) != 7 {
		t.Fatalf("nodes:\n%s", Format(d))
	}
	doc := nodeOf(d, b.ID("d1"))
	if doc == nil {
		t.Fatalf("no Document node:\n%s", Format(d))
	}
	check(t, "document labels", doc.Labels, []string{"Document"})
	for k, v := range map[string]any{"hash": "h1", "source": "test", "date": "2026-05-20", "lang": "ar",
		"title": "Title of d1", "url": "https://example.org/d1"} {
		check(t, "document "+k, doc.Props[k], v)
	}
	amy := nodeOf(d, b.ID("amy"))
	if amy == nil {
		t.Fatalf("no Person amy:\n%s", Format(d))
	}
	check(t, "labels", amy.Labels, []string{"Entity", "Person"})
	check(t, "name", amy.Props["name"], "Person amy")
	check(t, "aliases", amy.Props["aliases"], list("Person amy", "الرئيس amy"))
	check(t, "mentioned by", mentionedBy(d, b.ID("amy")), list(b.ID("d1")))
	check(t, "provisional", amy.Props["provisional"], true)
	check(t, "MENTIONS", len(relsOf(d, "MENTIONS")), 3)
	check(t, "HAS_EVIDENCE", len(relsOf(d, "HAS_EVIDENCE")), 3)
	check(t, "ATTENDED", len(relsOf(d, "ATTENDED")), 2)
	met := relsOf(d, "MET_WITH")
	if len(met) != 1 {
		t.Fatalf("MET_WITH:\n%s", Format(d))
	}
	m := met[0]
	check(t, "MET_WITH from", m.From, b.ID("amy"))
	check(t, "MET_WITH to", m.To, b.ID("zed"))
	key := "MET_WITH|" + b.ID("amy") + "|" + b.ID("zed") + "|2026-05-20"
	check(t, "key", m.Props["key"], key)
	check(t, "date", m.Props["date"], "2026-05-20")
	check(t, "support", m.Props["support"], int64(1))
	check(t, "confidence", m.Props["confidence"], 0.5)
	ev := evidenceOf(d, key)
	if len(ev) != 1 {
		t.Fatalf("Evidence of %s:\n%s", key, Format(d))
	}
	check(t, "Evidence", ev[0].Props, map[string]any{"id": b.ID("d1") + "|" + key, "fact": key, "doc": b.ID("d1"),
		"type": "MET_WITH", "text": "zed met amy on 2026-05-20 (d1).", "start": int64(100), "end": int64(131),
		"rule": "test.met_with", "confidence": 0.5})
}

func testIdempotent(t *testing.T, st Store, b Builder) {
	rs := []*extract.Result{
		Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"),
		Meeting(b, "d2", "h2", "amy", "bob", "2026-05-20"),
		Meeting(b, "d3", "h3", "bob", "cat", "2026-05-21"),
	}
	Write(t, st, rs...)
	before := Snapshot(t, st, b.P)
	stats := Write(t, st, rs...)
	if stats.NodesCreated != 0 || stats.NodesDeleted != 0 || stats.RelationshipsDeleted != 0 {
		t.Errorf("second write changed the graph: %+v", stats)
	}
	Write(t, st, rs[1])
	sameGraph(t, "after writing the same results again", before, Snapshot(t, st, b.P))
}

func testFingerprints(t *testing.T, st Store, b Builder) {
	Write(t, st, Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"), Meeting(b, "d2", "h2", "amy", "bob", "2026-05-20"))
	got, err := st.Fingerprints(context.Background(), []string{b.ID("d1"), b.ID("d2"), b.ID("nope")})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "fingerprints", got, map[string]string{b.ID("d1"): "h1", b.ID("d2"): "h2"})
	Write(t, st, Meeting(b, "d1", "h1b", "amy", "bob", "2026-05-20"))
	got, _ = st.Fingerprints(context.Background(), []string{b.ID("d1")})
	check(t, "fingerprint after rewrite", got, map[string]string{b.ID("d1"): "h1b"})

	// Clearing a fingerprint keeps the document and what it contributes.
	before := Snapshot(t, st, b.P)
	if err := st.ClearFingerprints(context.Background(), []string{b.ID("d1"), b.ID("nope")}); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Fingerprints(context.Background(), []string{b.ID("d1"), b.ID("d2"), b.ID("nope")})
	check(t, "fingerprints after clearing d1", got, map[string]string{b.ID("d1"): "", b.ID("d2"): "h2"})
	delete(nodeOf(before, b.ID("d1")).Props, "hash")
	sameGraph(t, "after clearing a fingerprint", before, Snapshot(t, st, b.P))
}

func testMetWithOrder(t *testing.T, st Store, b Builder) {
	// Two documents state the meeting in opposite directions: one edge, from the
	// lower key to the higher, carrying both sources.
	Write(t, st, Meeting(b, "d1", "h1", "zed", "amy", "2026-05-20"))
	Write(t, st, Meeting(b, "d2", "h2", "amy", "zed", "2026-05-20"))
	met := relsOf(Snapshot(t, st, b.P), "MET_WITH")
	if len(met) != 1 {
		t.Fatalf("MET_WITH edges = %d, want 1: %+v", len(met), met)
	}
	check(t, "from", met[0].From, b.ID("amy"))
	check(t, "to", met[0].To, b.ID("zed"))
	check(t, "documents", evidenceProp(Snapshot(t, st, b.P), met[0], "doc"), list(b.ID("d1"), b.ID("d2")))
	check(t, "support", met[0].Props["support"], int64(2))
}

func testSharedFact(t *testing.T, st Store, b Builder) {
	Write(t, st, Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"))
	Write(t, st, Meeting(b, "d2", "h2", "bob", "amy", "2026-05-20"), Meeting(b, "d3", "h3", "amy", "bob", "2026-06-01"))
	d := Snapshot(t, st, b.P)
	met := relsOf(d, "MET_WITH")
	if len(met) != 2 {
		t.Fatalf("MET_WITH edges = %d, want 2 (one per date):\n%s", len(met), Format(d))
	}
	check(t, "documents of the shared meeting", evidenceProp(d, met[0], "doc"), list(b.ID("d1"), b.ID("d2")))
	check(t, "support of the shared meeting", met[0].Props["support"], int64(2))
	check(t, "evidence of the shared meeting", evidenceProp(d, met[0], "text"),
		list("amy met bob on 2026-05-20 (d1).", "bob met amy on 2026-05-20 (d2)."))
	check(t, "documents of the other date", evidenceProp(d, met[1], "doc"), list(b.ID("d3")))
	check(t, "support of the other date", met[1].Props["support"], int64(1))
	events := 0
	for _, n := range d.Nodes {
		if len(n.Labels) == 2 && n.Labels[1] == "Event" {
			events++
		}
	}
	check(t, "Event nodes", events, 2)
	check(t, "ATTENDED edges", len(relsOf(d, "ATTENDED")), 4)
}

func testReplace(t *testing.T, st Store, b Builder) {
	Write(t, st, Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"))
	only := Meeting(b, "d2", "h2", "amy", "bob", "2026-05-20")
	Entity(only, b, "Person", "cat", "Person cat")
	Fact(only, b, "MET_WITH", "cat", "amy", "2026-05-20", 300, "cat met amy (d2).")
	Write(t, st, only)
	want := Snapshot(t, st, b.P)

	// d2 changes: the meeting with cat is gone, the shared meeting stays with a
	// new sentence.
	changed := b.Doc("d2", "h2b")
	Entity(changed, b, "Person", "amy", "Person amy")
	Entity(changed, b, "Person", "bob", "Person bob")
	Fact(changed, b, "MET_WITH", "bob", "amy", "2026-05-20", 7, "amy and bob held talks (d2 v2).")
	Write(t, st, changed)
	d := Snapshot(t, st, b.P)
	if nodeOf(d, b.ID("cat")) != nil {
		t.Errorf("cat is still there, though only the old d2 mentioned it")
	}
	met := relsOf(d, "MET_WITH")
	if len(met) != 1 {
		t.Fatalf("MET_WITH edges:\n%s", Format(d))
	}
	check(t, "documents", evidenceProp(d, met[0], "doc"), list(b.ID("d1"), b.ID("d2")))
	check(t, "support", met[0].Props["support"], int64(2))
	check(t, "evidence", evidenceProp(d, met[0], "text"), list("amy met bob on 2026-05-20 (d1).", "amy and bob held talks (d2 v2)."))
	check(t, "evidence start", evidenceProp(d, met[0], "start"), list(int64(100), int64(7)))
	check(t, "confidence", met[0].Props["confidence"], 0.7)
	check(t, "aliases of amy", nodeOf(d, b.ID("amy")).Props["aliases"], list("Person amy", "الرئيس amy"))
	att := relsOf(d, "ATTENDED")
	for _, r := range att {
		check(t, "ATTENDED documents", evidenceProp(d, r, "doc"), list(b.ID("d1")))
		check(t, "ATTENDED support", r.Props["support"], int64(1))
	}
	// Back to the first version: the graph is what it was.
	Write(t, st, only)
	sameGraph(t, "after restoring d2", want, Snapshot(t, st, b.P))
}

// testReplaceForms replaces a document that still mentions an entity, under
// another name and without one of its spellings: what only the old version
// gave the entity is taken away, what the other document gives it stays.
func testReplaceForms(t *testing.T, st Store, b Builder) {
	Write(t, st, Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"))
	want := Snapshot(t, st, b.P)
	two := b.Doc("d2", "h2")
	Entity(two, b, "Person", "amy", "A amy", "amy two")
	Write(t, st, two)
	amy := nodeOf(Snapshot(t, st, b.P), b.ID("amy"))
	check(t, "name with d2", amy.Props["name"], "A amy")
	check(t, "aliases with d2", amy.Props["aliases"], list("A amy", "Person amy", "amy two", "الرئيس amy"))

	changed := b.Doc("d2", "h2b")
	Entity(changed, b, "Person", "amy", "Person amy")
	Write(t, st, changed)
	amy = nodeOf(Snapshot(t, st, b.P), b.ID("amy"))
	check(t, "name after replacing d2", amy.Props["name"], "Person amy")
	check(t, "aliases after replacing d2", amy.Props["aliases"], list("Person amy", "الرئيس amy"))
	check(t, "mentioned by", mentionedBy(Snapshot(t, st, b.P), b.ID("amy")), list(b.ID("d1"), b.ID("d2")))

	// Without d2 the graph is what it was.
	if _, err := st.Forget(context.Background(), []string{b.ID("d2")}); err != nil {
		t.Fatal(err)
	}
	sameGraph(t, "after forgetting d2", want, Snapshot(t, st, b.P))
}

func testForget(t *testing.T, st Store, b Builder) {
	Write(t, st, Meeting(b, "d1", "h1", "amy", "bob", "2026-05-20"))
	want := Snapshot(t, st, b.P)
	two := Meeting(b, "d2", "h2", "bob", "amy", "2026-05-20")
	Entity(two, b, "Person", "cat", "Person cat", "كات")
	Fact(two, b, "MET_WITH", "cat", "bob", "2026-05-22", 50, "cat met bob (d2).")
	Write(t, st, two)
	stats, err := st.Forget(context.Background(), []string{b.ID("d2"), b.ID("unknown")})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 1 {
		t.Errorf("forget stats = %+v, want 1 document", stats)
	}
	sameGraph(t, "after forgetting d2", want, Snapshot(t, st, b.P))
}

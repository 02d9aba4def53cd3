package graphtest

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

//go:embed testdata/graph.yaml
var testSchema embed.FS

// Schema returns the schema the suite writes under: a copy of the default
// graph.yaml (labels and relationship types, no gazetteer), kept in testdata so
// the suite does not change while the default schema is edited.
func Schema(t testing.TB) *schema.Schema {
	t.Helper()
	s, err := schema.LoadFS(testSchema, "testdata/graph.yaml")
	if err != nil {
		t.Fatalf("test schema: %v", err)
	}
	return s
}

// Store is what the suite needs: a graph.Store that can dump its contents.
type Store interface {
	graph.Store
	graph.Dumper
}

// Opener returns a store for schema s, ready for writes (constraints applied).
// It registers its own cleanup with t.
type Opener func(t *testing.T, s *schema.Schema) Store

// Run runs the conformance suite against the stores open returns. Every test
// uses keys with a prefix of its own and forgets its documents when done.
func Run(t *testing.T, open Opener) {
	s := Schema(t)
	tests := []struct {
		name string
		fn   func(t *testing.T, st Store, b Builder)
	}{
		{"ApplyIdempotent", func(t *testing.T, st Store, _ Builder) { testApply(t, st, s) }},
		{"WriteShape", testWriteShape},
		{"Idempotent", testIdempotent},
		{"Fingerprints", testFingerprints},
		{"MetWithOrder", testMetWithOrder},
		{"SharedFact", testSharedFact},
		{"Replace", testReplace},
		{"ReplaceForms", testReplaceForms},
		{"Forget", testForget},
		{"Invalid", testInvalid},
		{"Unstored", testUnstored},
		{"Concurrent", testConcurrent},
		{"ManySources", testManySources},
		{"DerivedOrder", testDerivedOrder},
		{"DerivedForget", testDerivedForget},
		{"DerivedReplace", testDerivedReplace},
		{"DerivedConcurrent", testDerivedConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := open(t, s)
			b := Builder{P: Prefix()}
			t.Cleanup(func() { cleanup(t, st, b) })
			tt.fn(t, st, b)
		})
	}
}

// cleanup forgets every document of the test's prefix and checks that nothing
// of the prefix is left.
func cleanup(t *testing.T, st Store, b Builder) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := st.Dump(ctx, b.P)
	if err != nil {
		t.Errorf("cleanup dump: %v", err)
		return
	}
	var docs []string
	for _, n := range d.Nodes {
		if len(n.Labels) == 1 && n.Labels[0] == "Document" {
			docs = append(docs, n.Props["id"].(string))
		}
	}
	if _, err := st.Forget(ctx, docs); err != nil {
		t.Errorf("cleanup forget: %v", err)
		return
	}
	if d, err := st.Dump(ctx, b.P); err == nil && (len(d.Nodes) > 0 || len(d.Rels) > 0) {
		t.Errorf("forgetting every document left %d nodes and %d relationships:\n%s", len(d.Nodes), len(d.Rels), Format(d))
	}
}

// Write writes results and fails the test on error.
func Write(t *testing.T, st graph.Store, rs ...*extract.Result) graph.Stats {
	t.Helper()
	in := make([]extract.Result, len(rs))
	for i, r := range rs {
		in[i] = *r
	}
	stats, err := st.Write(context.Background(), in)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return stats
}

// Snapshot dumps the prefix's part of the graph without ingestion times.
func Snapshot(t *testing.T, st graph.Dumper, prefix string) *graph.Dump {
	t.Helper()
	d, err := st.Dump(context.Background(), prefix)
	if err != nil {
		t.Fatalf("dump: %v", err)
	}
	Unstamped(d)
	return d
}

// Unstamped removes the ingestion times of d's nodes and relationships.
func Unstamped(d *graph.Dump) {
	for _, n := range d.Nodes {
		delete(n.Props, "ingested_at")
	}
	for _, r := range d.Rels {
		delete(r.Props, "ingested_at")
	}
}

// Format renders a dump one line per node and relationship, for diffs.
func Format(d *graph.Dump) string {
	var sb strings.Builder
	for _, n := range d.Nodes {
		p, _ := json.Marshal(n.Props)
		fmt.Fprintf(&sb, "(%s %s)\n", strings.Join(n.Labels, ":"), p)
	}
	for _, r := range d.Rels {
		p, _ := json.Marshal(r.Props)
		fmt.Fprintf(&sb, "(%s)-[%s %s]->(%s)\n", r.From, r.Type, p, r.To)
	}
	return sb.String()
}

// sameGraph fails the test when two snapshots differ.
func sameGraph(t *testing.T, what string, want, got *graph.Dump) {
	t.Helper()
	if w, g := Format(want), Format(got); w != g {
		t.Errorf("%s: graphs differ\n%s", what, Diff(w, g))
	}
}

// Diff lists the lines of two Format outputs that only one has: "-" for
// want, "+" for got.
func Diff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			fmt.Fprintf(&b, "- %s\n", l)
			count[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
			count[l]++
		}
	}
	return b.String()
}

func testApply(t *testing.T, st Store, s *schema.Schema) {
	ctx := context.Background()
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatalf("first apply: %v", err)
	}
	rep, err := st.Apply(ctx, s)
	if err != nil {
		t.Fatalf("second apply: %v", err)
	}
	if len(rep.Created) != 0 {
		t.Errorf("second apply created %v", rep.Created)
	}
	if len(rep.Existing) == 0 {
		t.Errorf("second apply reports nothing existing")
	}
}

func testInvalid(t *testing.T, st Store, b Builder) {
	good := Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
	bad := b.Doc("d2", "h2")
	Entity(bad, b, "Person", "p3", "P3")
	Fact(bad, b, "MET_WITH", "p3", "nobody", "2026-05-20", 0, "p3 met nobody.")
	_, err := st.Write(context.Background(), []extract.Result{*good, *bad})
	if !errors.Is(err, graph.ErrInvalid) {
		t.Fatalf("write with an endpoint that is no entity: err = %v, want ErrInvalid", err)
	}
	bad2 := b.Doc("d3", "h3")
	Entity(bad2, b, "Spaceship", "s1", "S1")
	if _, err := st.Write(context.Background(), []extract.Result{*bad2}); !errors.Is(err, graph.ErrInvalid) {
		t.Fatalf("write with an undeclared label: err = %v, want ErrInvalid", err)
	}
	if d := Snapshot(t, st, b.P); len(d.Nodes) != 0 {
		t.Errorf("invalid writes left nodes:\n%s", Format(d))
	}
}

// testUnstored: a property the schema does not declare is not written, and the
// write reports it in Stats.Unstored instead of dropping it silently.
func testUnstored(t *testing.T, st Store, b Builder) {
	r := Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
	r.Entities[0].Properties["mood"] = "cheerful"
	r.Relations[0].Properties["weather"] = "rain"
	stats, err := st.Write(context.Background(), []extract.Result{*r})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{r.Entities[0].Type + ".mood", r.Relations[0].Type + ".weather"} {
		if stats.Unstored[k] != 1 {
			t.Errorf("Unstored[%q] = %d, want 1 (Unstored: %v)", k, stats.Unstored[k], stats.Unstored)
		}
	}
	d := Snapshot(t, st, b.P)
	for _, n := range d.Nodes {
		if _, ok := n.Props["mood"]; ok {
			t.Errorf("undeclared property stored on %v", n.Props["id"])
		}
	}
	for _, rel := range d.Rels {
		if _, ok := rel.Props["weather"]; ok {
			t.Errorf("undeclared property stored on %s", rel.Type)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/bench/internal/corpus"
	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestSameGraphAsIngest writes one generated corpus with dipgraph's writer
// (graph.Neo4j, in batches as dipgraph ingest does) under one key prefix and
// with the naive writer (from its JSON Lines) under another, and requires the
// two parts of the graph to be equal but for the prefix and ingestion times:
// same nodes, labels, relationships and properties.
func TestSameGraphAsIngest(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	results, err := corpus.Results(s, 1, 40)
	if err != nil {
		t.Fatal(err)
	}
	results = append(results, corpus.Restated()...)
	// A bound against a hung database, not a speed check: both writers of 40
	// documents take seconds on a quiet machine, minutes on a saturated one.
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	ingest, naive := graphtest.Prefix(), graphtest.Prefix()
	forget(t, st, ingest)
	forget(t, st, naive)

	t0 := time.Now()
	batched := graphtest.Prefixed(results, ingest)
	for i := 0; i < len(batched); i += 16 {
		if _, err := st.Write(ctx, batched[i:min(i+16, len(batched))]); err != nil {
			t.Fatalf("graph.Neo4j write: %v", err)
		}
	}
	var lines bytes.Buffer
	enc := json.NewEncoder(&lines)
	for _, r := range graphtest.Prefixed(results, naive) {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("dipgraph's writer: %v", time.Since(t0))
	t0 = time.Now()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	w := &writer{sess: drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.Database})}
	defer w.sess.Close(ctx)
	invalid, err := shape.Read(s, &lines, func(d shape.Document) error { return w.write(ctx, d) })
	if err != nil {
		t.Fatalf("naive write: %v", err)
	}
	if w.docs != len(results) || invalid != 0 {
		t.Fatalf("naive wrote %d documents, skipped %d invalid; want %d, 0", w.docs, invalid, len(results))
	}

	t.Logf("naive writer: %v, %d statements", time.Since(t0), w.statements)
	want := unprefixed(graphtest.Snapshot(t, st, ingest), ingest)
	got := unprefixed(graphtest.Snapshot(t, st, naive), naive)
	substantial(t, want)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("the naive writer's graph differs from dipgraph's:\n%s", diff(graphtest.Format(want), graphtest.Format(got)))
	}
}

// substantial fails the test unless d has what makes the comparison worth
// something: Evidence, a fact stated by several documents, an entity several
// documents name under different forms.
func substantial(t *testing.T, d *graph.Dump) {
	t.Helper()
	evidence, shared := 0, 0
	for _, n := range d.Nodes {
		if n.Labels[0] == "Evidence" {
			evidence++
		}
	}
	mentions := map[string]int{}
	for _, r := range d.Rels {
		if n, _ := r.Props["support"].(int64); n > 1 {
			shared++
		}
		if r.Type == "MENTIONS" {
			mentions[r.To]++
		}
	}
	hub := 0
	for _, n := range mentions {
		hub = max(hub, n)
	}
	if evidence == 0 || shared == 0 || hub < 2 {
		t.Fatalf("corpus too thin to compare: %d Evidence nodes, %d facts with support > 1, at most %d documents name one entity",
			evidence, shared, hub)
	}
}

// unprefixed removes prefix p from every key and string value of d.
func unprefixed(d *graph.Dump, p string) *graph.Dump {
	strip := func(v any) any {
		switch x := v.(type) {
		case string:
			return strings.ReplaceAll(x, p, "")
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				if s, ok := e.(string); ok {
					out[i] = strings.ReplaceAll(s, p, "")
				} else {
					out[i] = e
				}
			}
			return out
		}
		return v
	}
	for _, n := range d.Nodes {
		for k, v := range n.Props {
			n.Props[k] = strip(v)
		}
	}
	for i := range d.Rels {
		r := &d.Rels[i]
		r.From, r.To = strip(r.From).(string), strip(r.To).(string)
		for k, v := range r.Props {
			r.Props[k] = strip(v)
		}
	}
	return d
}

// diff lists the lines only one of two texts has.
func diff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var sb strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			sb.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			sb.WriteString("+ " + l + "\n")
		}
	}
	return sb.String()
}

// forget removes the documents of prefix p when the test ends, with dipgraph's
// Forget (which the naive writer's graph must support too), and checks that
// nothing of the prefix is left.
func forget(t *testing.T, st *graph.Neo4j, p string) {
	t.Cleanup(func() { // runs after ForgetPrefix's cleanup, registered below
		d, err := st.Dump(context.Background(), p)
		if err != nil {
			t.Errorf("cleanup: %v", err)
		} else if len(d.Nodes)+len(d.Rels) > 0 {
			t.Errorf("forgetting every document left %d nodes and %d relationships:\n%s", len(d.Nodes), len(d.Rels), graphtest.Format(d))
		}
	})
	graphtest.ForgetPrefix(t, st, p)
}

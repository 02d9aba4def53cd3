package graphtest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// Corpus is n documents over a small set of people, so that writers share
// nodes and facts heavily.
func Corpus(b Builder, n int) []*extract.Result {
	people := []string{"amy", "bob", "cat", "dan", "eve", "fay"}
	var out []*extract.Result
	for i := 0; i < n; i++ {
		a, c := people[i%len(people)], people[(i*7+1)%len(people)]
		if a == c {
			c = people[(i+1)%len(people)]
		}
		r := Meeting(b, fmt.Sprintf("d%03d", i), fmt.Sprintf("h%d", i), a, c, fmt.Sprintf("2026-05-%02d", 1+i%3))
		Entity(r, b, "Country", "country:gaz-eg", "Egypt", "مصر")
		Fact(r, b, "VISITED", a, "country:gaz-eg", "", 200, fmt.Sprintf("%s visited Egypt (d%03d).", a, i))
		out = append(out, r)
	}
	return out
}

func testConcurrent(t *testing.T, st Store, b Builder) {
	const docs, writers = 48, 8
	serial := Builder{P: b.P + "s-"}
	for _, r := range Corpus(serial, docs) {
		Write(t, st, r)
	}
	par := Builder{P: b.P + "p-"}
	rs := Corpus(par, docs)
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(rs); i += writers * 2 {
				batch := []extract.Result{*rs[i]}
				if i+writers < len(rs) {
					batch = append(batch, *rs[i+writers])
				}
				if _, err := st.Write(context.Background(), batch); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent write: %v", err)
	}
	got := Snapshot(t, st, par.P)
	seen := map[string]bool{}
	for _, n := range got.Nodes {
		k := n.Props["id"].(string)
		if seen[k] {
			t.Errorf("duplicate node %s", k)
		}
		seen[k] = true
	}
	seenRel := map[string]bool{}
	for _, r := range got.Rels {
		k := r.Type + " " + r.From + " " + r.To + fmt.Sprint(r.Props["key"])
		if seenRel[k] {
			t.Errorf("duplicate relationship %s", k)
		}
		seenRel[k] = true
	}
	want := Snapshot(t, st, serial.P)
	sameGraph(t, "8 writers against one", renamed(t, want, serial.P, par.P), got)
}

// renamed rewrites a dump's keys from one prefix to another.
func renamed(t *testing.T, d *graph.Dump, from, to string) *graph.Dump {
	t.Helper()
	var fix func(v any) any
	fix = func(v any) any {
		switch x := v.(type) {
		case string:
			return strings.ReplaceAll(x, from, to)
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = fix(e)
			}
			return out
		}
		return v
	}
	out := &graph.Dump{}
	for _, n := range d.Nodes {
		p := map[string]any{}
		for k, v := range n.Props {
			p[k] = fix(v)
		}
		out.Nodes = append(out.Nodes, graph.DumpNode{Labels: n.Labels, Props: p})
	}
	for _, r := range d.Rels {
		p := map[string]any{}
		for k, v := range r.Props {
			p[k] = fix(v)
		}
		out.Rels = append(out.Rels, graph.DumpRel{Type: r.Type, From: fix(r.From).(string), To: fix(r.To).(string), Props: p})
	}
	return out
}

package graphtest

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
)

// maxPropBytes bounds the JSON size of any one property: provenance must not
// grow with the number of documents that state a fact or name an entity.
const maxPropBytes = 512

// boundedProps fails the test for every property of every node and
// relationship in d larger than maxPropBytes.
func boundedProps(t *testing.T, d *graph.Dump) {
	t.Helper()
	checkProps := func(what string, props map[string]any) {
		for k, v := range props {
			if b, _ := json.Marshal(v); len(b) > maxPropBytes {
				t.Errorf("%s: property %s takes %d bytes (bound %d)", what, k, len(b), maxPropBytes)
			}
		}
	}
	for _, n := range d.Nodes {
		checkProps(fmt.Sprint(n.Labels, n.Props["id"]), n.Props)
	}
	for _, r := range d.Rels {
		checkProps(r.Type+" "+r.From+"->"+r.To, r.Props)
	}
}

// testManySources has 500 documents state one undated fact (an office) and
// name the same country, in batches of 50; then forgets all but one.
func testManySources(t *testing.T, st Store, b Builder) {
	const docs, batch, kept = 500, 50, 237
	var all []extract.Result
	for i := 0; i < docs; i++ {
		r := b.Doc(fmt.Sprintf("d%03d", i), fmt.Sprintf("h%d", i))
		Entity(r, b, "Person", "xi", "Xi Jinping", "شي جينبينغ")
		Entity(r, b, "Country", "country:gaz-cn", "China", "الصين")
		Fact(r, b, "HOLDS_OFFICE", "xi", "country:gaz-cn", "", i, fmt.Sprintf("President Xi of China (d%03d).", i))
		all = append(all, *r)
	}
	ctx := context.Background()
	for i := 0; i < docs; i += batch {
		if _, err := st.Write(ctx, all[i:i+batch]); err != nil {
			t.Fatalf("write batch %d: %v", i/batch, err)
		}
	}
	key := "HOLDS_OFFICE|" + b.ID("xi") + "|" + b.ID("country:gaz-cn") + "|"
	d := Snapshot(t, st, b.P)
	boundedProps(t, d)
	office := relsOf(d, "HOLDS_OFFICE")
	if len(office) != 1 {
		t.Fatalf("HOLDS_OFFICE edges = %d, want 1", len(office))
	}
	check(t, "support", office[0].Props["support"], int64(docs))
	check(t, "confidence", office[0].Props["confidence"], 0.9)
	check(t, "Evidence nodes", len(evidenceOf(d, key)), docs)
	check(t, "documents naming China", len(mentionedBy(d, b.ID("country:gaz-cn"))), docs)

	var forget []string
	for i := 0; i < docs; i++ {
		if i != kept {
			forget = append(forget, b.ID(fmt.Sprintf("d%03d", i)))
		}
	}
	stats, err := st.Forget(ctx, forget)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "documents forgotten", stats.Documents, docs-1)
	d = Snapshot(t, st, b.P)
	boundedProps(t, d)
	office = relsOf(d, "HOLDS_OFFICE")
	if len(office) != 1 {
		t.Fatalf("HOLDS_OFFICE edges = %d after forgetting, want 1", len(office))
	}
	doc := b.ID(fmt.Sprintf("d%03d", kept))
	check(t, "support", office[0].Props["support"], int64(1))
	check(t, "confidence", office[0].Props["confidence"], 0.7)
	check(t, "documents", evidenceProp(d, office[0], "doc"), list(doc))
	check(t, "evidence", evidenceProp(d, office[0], "text"), list(fmt.Sprintf("President Xi of China (d%03d).", kept)))
	check(t, "evidence start", evidenceProp(d, office[0], "start"), list(int64(kept)))
	check(t, "documents naming China", mentionedBy(d, b.ID("country:gaz-cn")), list(doc))
	check(t, "nodes left", len(d.Nodes), 4) // the document, Xi, China, one Evidence
}

package graph_test

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// TestRehearsalCoversSchema: Warm's made-up documents are valid and state a
// fact of every type of the default schema, so a rehearsal runs every fact
// statement.
func TestRehearsalCoversSchema(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	rs := graph.Rehearsal(s, 10)
	if len(rs) != 10 {
		t.Fatalf("%d valid documents of 10", len(rs))
	}
	seen := map[string]bool{}
	for _, r := range rs {
		for _, rel := range r.Relations {
			seen[rel.Type] = true
		}
	}
	for _, rt := range s.Relationships {
		if rt.Type != "MENTIONS" && rt.Type != "HAS_EVIDENCE" && !seen[rt.Type] {
			t.Errorf("no %s in the rehearsal", rt.Type)
		}
	}
}

package graph_test

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// BenchmarkPlan measures the client side of a write: turning a batch of 100
// results into parameter rows. go test -bench Plan -run '^$' ./graph/
func BenchmarkPlan(bm *testing.B) {
	s := graphtest.Schema(bm)
	rs := benchCorpus(graphtest.Builder{P: "bp-"}, 100)
	bm.ReportAllocs()
	for bm.Loop() {
		graph.PlanFor(s, rs)
	}
}

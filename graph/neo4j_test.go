package graph_test

import (
	"context"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// openNeo4j opens the database of the environment (see graphtest.Neo4jConfig)
// and applies the test schema.
func openNeo4j(t *testing.T) *graph.Neo4j {
	t.Helper()
	cfg := graphtest.Neo4jConfig(t)
	s := graphtest.Schema(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatalf("apply: %v", err)
	}
	return st
}

func TestNeo4jConformance(t *testing.T) {
	st := openNeo4j(t)
	graphtest.Run(t, func(t *testing.T, s *schema.Schema) graphtest.Store { return st })
}

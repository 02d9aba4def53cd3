package graph_test

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

func TestMemoryConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T, s *schema.Schema) graphtest.Store {
		return graph.NewMemory(s)
	})
}

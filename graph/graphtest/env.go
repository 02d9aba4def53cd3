package graphtest

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// Neo4jConfig returns the connection to test against, from NEO4J_URI,
// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE. Without NEO4J_URI the test is
// skipped, unless CI=true, where a missing database is a failure.
func Neo4jConfig(t testing.TB) graph.Config {
	t.Helper()
	cfg := graph.Config{
		URI:      os.Getenv("NEO4J_URI"),
		User:     os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if cfg.URI == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set; CI runs the Neo4j tests against a real database")
		}
		t.Skip("NEO4J_URI is not set; skipping the tests against a real Neo4j")
	}
	if cfg.User == "" {
		cfg.User = "neo4j"
	}
	return cfg
}

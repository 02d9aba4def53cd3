// Command naive is the baseline writer of bench/ingest.sh: it reads the JSON
// Lines of `dipgraph extract --format json` and writes the graph `dipgraph
// ingest` writes (the shape of package bench/internal/shape) the obvious way,
// with the official Go driver: one transaction per document, and in it one
// MERGE statement per Document, entity, mention, Evidence and fact. It first
// applies the schema's constraints and indexes as dipgraph does.
//
//	NEO4J_URI=bolt://… NEO4J_USER=neo4j NEO4J_PASSWORD=… naive [--schema DIR] results.jsonl
//
// It loads a corpus into a database that does not hold its documents yet: it
// does not replace earlier versions of a document, and a document id given
// twice is an error. Documents graph.Validate rejects are skipped and counted.
//
// It prints one JSON object: docs, invalid, seconds, docs_per_s, statements,
// nodes_created, relationships_created.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "naive:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	dir := flag.String("schema", "", "schema directory (default: built-in)")
	db := flag.String("database", "neo4j", "database name")
	flag.Parse()
	if flag.NArg() != 1 {
		return fmt.Errorf("usage: naive [--schema DIR] results.jsonl")
	}
	s, err := schema.Default()
	if *dir != "" {
		s, err = schema.Load(*dir)
	}
	if err != nil {
		return err
	}
	cfg := graph.Config{URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: *db}
	if err := apply(ctx, cfg, s); err != nil {
		return err
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *config.Config) { c.NotificationsMinSeverity = notifications.DisabledLevel })
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	w := &writer{sess: drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: *db})}
	defer w.sess.Close(ctx)
	start := time.Now()
	invalid, err := shape.Read(s, f, func(d shape.Document) error { return w.write(ctx, d) })
	if err != nil {
		return err
	}
	sec := time.Since(start).Seconds()
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"docs": w.docs, "invalid": invalid, "seconds": sec, "docs_per_s": float64(w.docs) / sec,
		"statements": w.statements, "nodes_created": w.nodes, "relationships_created": w.rels,
	})
}

// apply creates the constraints and indexes dipgraph ingest creates, with
// the graph package's own Apply.
func apply(ctx context.Context, cfg graph.Config, s *schema.Schema) error {
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	_, err = st.Apply(ctx, s)
	return err
}

// Command csvexport turns the JSON Lines of `dipgraph extract --format json`
// into CSV files for `neo4j-admin database import full`: the offline upper bound
// of bench/ingest.sh. The import gives the graph `dipgraph ingest` writes (the
// shape of package bench/internal/shape), without its constraints and indexes:
// Document nodes, entity nodes (their schema label and Entity), MENTIONS,
// facts with key, support and confidence, and one Evidence node per document
// and fact linked by HAS_EVIDENCE.
//
//	csvexport [--schema DIR] --out DIR results.jsonl
//
// Files, each with a neo4j-admin header, ids in one id space:
//
//	documents.csv, evidence.csv, entities-<Label>.csv   nodes
//	mentions.csv, has_evidence.csv, facts-<TYPE>.csv    relationships
//
// Lists use ";", the import's default array delimiter; a list item holding
// one is an error. Like bench/naive, it takes each document once (a document
// id given twice is an error) and skips the documents graph.Validate rejects.
// It prints one line of counts.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "csvexport:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := flag.String("schema", "", "schema directory (default: built-in)")
	out := flag.String("out", "", "output directory")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		return fmt.Errorf("usage: csvexport [--schema DIR] --out DIR results.jsonl")
	}
	s, err := schema.Default()
	if *dir != "" {
		s, err = schema.Load(*dir)
	}
	if err != nil {
		return err
	}
	in, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	g := newGraph(s, time.Now().UTC().Format(time.RFC3339Nano))
	invalid, err := shape.Read(s, in, g.add)
	if err != nil {
		return err
	}
	if err := g.write(*out); err != nil {
		return err
	}
	fmt.Printf("documents=%d invalid=%d entities=%d facts=%d evidence=%d\n",
		len(g.docs), invalid, len(g.nodes), len(g.facts), len(g.evidence))
	return nil
}

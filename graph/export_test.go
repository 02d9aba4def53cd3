package graph

import (
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// SetBeforeTx installs a hook run at the start of every write transaction of
// n, with the ids of the documents in it; tests use it to inject faults.
func SetBeforeTx(n *Neo4j, f func(ids []string) error) { n.beforeTx = f }

// SortDump puts d in the canonical order of Dump.
func SortDump(d *Dump) { d.sort() }

// PlanFor builds the plan of a write of results, for benchmarks.
func PlanFor(s *schema.Schema, results []extract.Result) { newPlan(s, results, "now") }

// Rehearsal returns the made-up documents of Warm's rehearsals.
func Rehearsal(s *schema.Schema, n int) []extract.Result { return rehearsal(s, n) }

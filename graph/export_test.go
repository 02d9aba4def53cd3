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

// NewBulkRuns returns a Bulk that sorts its entity and fact records in runs
// of runSize bytes.
func NewBulkRuns(s *schema.Schema, dir string, runSize int) (*Bulk, error) {
	return newBulk(s, dir, runSize)
}

// BulkRuns returns the number of run files b made, and the most a merge
// reads at once.
func BulkRuns(b *Bulk) (int, int) {
	if b == nil {
		return 0, spillFanIn
	}
	return b.ents.made + b.facts.made, spillFanIn
}

package graph

import (
	"context"
	"errors"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// Version names how the writer lays results out in the graph (see the
// package comment); it changes when a graph written before cannot be
// updated in place.
const Version = "2"

// Store is where the knowledge graph lives. Neo4j (Open) and an in-memory fake
// (NewMemory) implement it; graphtest.Run is the conformance suite both pass.
//
// Contract, for every implementation:
//
//   - Every method honours ctx: it returns promptly with an error wrapping
//     ctx.Err() once ctx is done, without having made a partial write visible.
//   - A Store is safe for concurrent use by several goroutines. Concurrent
//     writes never create two nodes with one key nor two relationships with one
//     fact key, and the final graph does not depend on how writes interleave.
//   - Entity nodes are keyed by the key property of their schema label; fact
//     relationships by (type, from, to, date), MET_WITH from the lower key to
//     the higher. Each fact has one Evidence node per document that states
//     it and carries their number (support) and best confidence; no property
//     grows with the number of documents (see the package comment).
//   - Errors never contain the database password.
type Store interface {
	// Apply creates the uniqueness constraints and indexes s declares and waits
	// until they are online. It is idempotent: a second call creates nothing and
	// reports everything as existing.
	Apply(ctx context.Context, s *schema.Schema) (ApplyReport, error)

	// Fingerprints returns the stored fingerprint (Document.Fingerprint) of
	// each document in ids that the graph holds, "" for one stored without;
	// ids it does not hold are absent from the map.
	Fingerprints(ctx context.Context, ids []string) (map[string]string, error)

	// ClearFingerprints removes the stored fingerprint of the documents ids,
	// all or none, leaving their contributions: the next ingest that reads
	// them rewrites them, as it does a changed document. Unknown ids are
	// ignored.
	ClearFingerprints(ctx context.Context, ids []string) error

	// Write stores results. For each document, its previous contributions (if
	// any) are replaced by the new ones atomically: a reader sees the old version
	// or the new, never a mix. Writing the same results again changes nothing
	// but ingestion timestamps. A document that appears twice counts once, the
	// last occurrence wins. Results are validated first (Validate); an invalid
	// one fails the whole call with an error wrapping ErrInvalid and nothing is
	// written. On any other error, documents of earlier, committed batches stay
	// written and the error says so through Stats.Documents.
	Write(ctx context.Context, results []extract.Result) (Stats, error)

	// Forget removes the contributions of the documents ids, their Document
	// nodes, the facts no other document supports and the entities no document
	// mentions any more. Unknown ids are ignored.
	Forget(ctx context.Context, ids []string) (Stats, error)

	// Close releases the connection; the Store is unusable afterwards.
	Close(ctx context.Context) error
}

// Dumper is implemented by stores that can list part of their graph; the
// conformance suite and debugging tools use it.
type Dumper interface {
	// Dump returns every node whose key starts with prefix and every
	// relationship between two such nodes, in a canonical order.
	Dump(ctx context.Context, prefix string) (*Dump, error)
}

// ApplyReport says what Apply did.
type ApplyReport struct {
	// Created and Existing list constraint and index names.
	Created, Existing []string
}

// Stats counts what a write changed. Neo4j fills the graph counters from the
// database's own result summaries.
type Stats struct {
	// Documents is the number of documents written or forgotten.
	Documents            int
	NodesCreated         int
	NodesDeleted         int
	RelationshipsCreated int
	RelationshipsDeleted int
	PropertiesSet        int
	// Batches is the number of transactions committed (after any splits).
	Batches int
	// Unstored counts properties the results carried that the schema does not
	// declare ("Event.participants": 12). They are not written; callers report
	// them so that nothing is dropped silently. Declare a property in the schema
	// to store it.
	Unstored map[string]int
}

func (s *Stats) addUnstored(m map[string]int) {
	if len(m) == 0 {
		return
	}
	if s.Unstored == nil {
		s.Unstored = map[string]int{}
	}
	for k, v := range m {
		s.Unstored[k] += v
	}
}

// Add adds o to s.
func (s *Stats) Add(o Stats) {
	s.Documents += o.Documents
	s.NodesCreated += o.NodesCreated
	s.NodesDeleted += o.NodesDeleted
	s.RelationshipsCreated += o.RelationshipsCreated
	s.RelationshipsDeleted += o.RelationshipsDeleted
	s.PropertiesSet += o.PropertiesSet
	s.Batches += o.Batches
	s.addUnstored(o.Unstored)
}

// Errors callers tell apart.
var (
	// ErrInvalid is wrapped by errors about results that cannot be stored (an
	// undeclared label or relationship type, an endpoint that is not an entity of
	// the same result, an unsupported property value).
	ErrInvalid = errors.New("invalid result")
	// ErrUnreachable means the database could not be reached.
	ErrUnreachable = errors.New("neo4j unreachable")
	// ErrAuth means the database rejected the user name or password.
	ErrAuth = errors.New("neo4j authentication failed")
	// ErrNoDatabase means the named database does not exist.
	ErrNoDatabase = errors.New("neo4j database not found")
	// ErrConfig means the connection settings are wrong (a bad URI).
	ErrConfig = errors.New("neo4j configuration")
)

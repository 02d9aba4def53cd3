package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Warm has the server plan the statements that write new documents
// (documents, entities of every label, mentions, facts of every type,
// Evidence) and the fingerprint read, so that the first batches of an
// ingest do not wait for the planner: each runs once with empty lists, in a
// transaction that is rolled back. Plans are cached by the server for every
// client until the schema changes; Apply's changes come first. Writes wait
// until Warm has returned.
func (n *Neo4j) Warm(ctx context.Context) error {
	if n.s == nil {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	sess := n.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return fmt.Errorf("warm: %w", n.classify(err))
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	empty := map[string]any{"rows": []any{}, "ids": []any{}, "keys": []any{}, "now": "", "all": false}
	for _, q := range n.newDocStatements() {
		res, err := tx.Run(ctx, q, empty)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("warm: %w", n.classify(err))
		}
	}
	return nil
}

// newDocStatements are the statements of a write of new documents, in the
// order a write runs them, and the fingerprint read.
func (n *Neo4j) newDocStatements() []string {
	out := []string{cypherFingerprints, cypherDocs}
	for _, nt := range n.s.Nodes {
		if identOK(nt.Label) && identOK(nt.Key) && !bookkeeping(nt.Label) {
			out = append(out, cypherNodes(nt.Label, nt.Key, n.entityDerived(nt.Label)))
		}
	}
	out = append(out, cypherNewMentions)
	for _, rt := range n.s.Relationships {
		if identOK(rt.Type) && !bookkeeping(rt.Type) {
			out = append(out, cypherFacts(rt.Type, n.factDerived(rt.Type)))
		}
	}
	return append(out, cypherNewEvidence)
}

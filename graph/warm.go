package graph

import (
	"context"
	"fmt"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Warm has the server plan the statements that write new documents
// (documents, entities of every label, mentions, facts of every type,
// Evidence) and the fingerprint read, so that the first batches of an
// ingest do not wait for the planner: each runs once with empty lists, in a
// transaction that is rolled back. Plans are cached by the server for every
// client until the schema changes; Apply's changes come first.
//
// rehearsals more transactions then write a batch of made-up documents
// (WarmDocs of them, with an entity of every label and a fact of every
// type) and are rolled back, leaving nothing: they run the server's write
// path so that its JIT compiler has compiled it before real documents come,
// which a server just started otherwise does during the first thousands of
// documents. Writes wait until Warm has returned.
func (n *Neo4j) Warm(ctx context.Context, rehearsals int) error {
	if n.s == nil {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	sess := n.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if err := n.plan(ctx, sess); err != nil {
		return fmt.Errorf("warm: %w", n.classify(err))
	}
	if rehearsals == 0 {
		return nil
	}
	rs := rehearsal(n.s, WarmDocs)
	if len(rs) == 0 {
		return nil
	}
	for range rehearsals {
		if err := n.rehearse(ctx, sess, rs); err != nil {
			return fmt.Errorf("warm: %w", n.classify(err))
		}
	}
	return nil
}

// plan runs every statement of newDocStatements with empty lists in a
// transaction it rolls back.
func (n *Neo4j) plan(ctx context.Context, sess neo4j.SessionWithContext) error {
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	empty := map[string]any{"rows": []any{}, "ids": []any{}, "keys": []any{}, "now": "", "all": false}
	for _, q := range n.newDocStatements() {
		res, err := tx.Run(ctx, q, empty)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// WarmDocs is the number of made-up documents of a rehearsal (Warm).
const WarmDocs = 100

// rehearse writes rs in a transaction and rolls it back.
func (n *Neo4j) rehearse(ctx context.Context, sess neo4j.SessionWithContext, rs []extract.Result) error {
	stamp := n.clock.now()
	p := newPlan(n.s, rs, stamp)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	x := &txRun{ctx: ctx, tx: tx, st: &Stats{}}
	n.statements(x, p, p.docIDs, stamp)
	return x.err
}

// rehearsal makes up n valid documents under s: each names an entity of
// every label a fact type links, a few shared between documents as hubs
// are, and states a fact of every type. Their ids start with
// "dipgraph-warm:", and they are never committed.
func rehearsal(s *schema.Schema, n int) []extract.Result {
	var out []extract.Result
	for i := range n {
		r := extract.Result{Document: document.Document{ID: fmt.Sprintf("dipgraph-warm:doc-%d", i), Date: "2000-01-01",
			Title: "warm-up", Source: "dipgraph", Lang: "und", Fingerprint: "warm"}}
		ent := func(label, side string, k int) string {
			id := fmt.Sprintf("dipgraph-warm:%s-%s%d", label, side, k)
			for _, e := range r.Entities {
				if e.ID == id {
					return id
				}
			}
			r.Entities = append(r.Entities, extract.Entity{ID: id, Type: label, Name: id, Aliases: []string{id + "-alias"},
				Mentions: []extract.Span{{Start: 0, End: len(id), Text: id}}})
			return id
		}
		for _, rt := range s.Relationships {
			if bookkeeping(rt.Type) || len(rt.From) == 0 || len(rt.To) == 0 {
				continue
			}
			from, to := ent(rt.From[0], "a", i%5), ent(rt.To[0], "b", i%7)
			props := map[string]any{}
			if declared(rt.Properties, "date") {
				props["date"] = "2000-01-01"
			}
			r.Relations = append(r.Relations, extract.Relation{Type: rt.Type, From: from, To: to, Properties: props,
				Evidence: extract.Span{Start: 0, End: 7, Text: "warm-up"}, Rule: "dipgraph.warm", Confidence: 0.5})
		}
		if Validate(s, &r) == nil {
			out = append(out, r)
		}
	}
	return out
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

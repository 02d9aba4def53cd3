package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// codeOOM is the error a transaction gets when it needs more memory than the
// transaction memory pool allows. The driver classes it transient and would
// retry it unchanged; Write splits the batch instead.
const codeOOM = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"

// ErrTooLarge is wrapped by the error of a write whose single document does
// not fit in the database's transaction memory; larger batches are split.
var ErrTooLarge = errors.New("too large for transaction memory")

// tooLarge carries an out-of-memory error out of a transaction function
// without letting the driver retry it: it does not unwrap to a Neo4jError.
type tooLarge struct{ msg string }

func (e *tooLarge) Error() string        { return ErrTooLarge.Error() + ": " + e.msg }
func (e *tooLarge) Is(target error) bool { return target == ErrTooLarge }

// Write stores results; see Store.
func (n *Neo4j) Write(ctx context.Context, results []extract.Result) (Stats, error) {
	if n.s == nil {
		return Stats{}, fmt.Errorf("%w: store opened without a schema", ErrConfig)
	}
	for i := range results {
		if err := Validate(n.s, &results[i]); err != nil {
			return Stats{}, err
		}
	}
	if len(results) == 0 {
		return Stats{}, nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.writeSplit(ctx, dedupe(results))
}

// writeSplit writes results in one transaction, or in halves (recursively)
// when they do not fit in transaction memory.
func (n *Neo4j) writeSplit(ctx context.Context, results []extract.Result) (Stats, error) {
	return split(len(results), func(i int) string { return results[i].Document.ID },
		func(i, j int) (Stats, error) { return n.writeTx(ctx, results[i:j], nil) })
}

// forgetBatch bounds the documents forgotten in one transaction.
const forgetBatch = 500

// Forget removes documents; see Store. Each group of up to 500 documents is
// forgotten atomically.
func (n *Neo4j) Forget(ctx context.Context, ids []string) (Stats, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	var total Stats
	for i := 0; i < len(ids); i += forgetBatch {
		part := ids[i:min(i+forgetBatch, len(ids))]
		st, err := split(len(part), func(i int) string { return part[i] },
			func(i, j int) (Stats, error) { return n.writeTx(ctx, nil, part[i:j]) })
		total.Add(st)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// split runs tx on [0, n), and on halves (recursively) of any range that
// does not fit in transaction memory. A single item that does not fit is left
// out and named (by name) in the ErrTooLarge error returned with the stats of
// the rest.
func split(n int, name func(i int) string, tx func(i, j int) (Stats, error)) (Stats, error) {
	var tooBig []string
	var rec func(i, j int) (Stats, error)
	rec = func(i, j int) (Stats, error) {
		st, err := tx(i, j)
		if !errors.Is(err, ErrTooLarge) {
			return st, err
		}
		if j-i < 2 {
			tooBig = append(tooBig, name(i))
			return Stats{}, nil
		}
		mid := (i + j) / 2
		st, err = rec(i, mid)
		if err != nil {
			return st, err
		}
		st2, err := rec(mid, j)
		st.Add(st2)
		return st, err
	}
	st, err := rec(0, n)
	if err == nil && len(tooBig) > 0 {
		err = fmt.Errorf("%w: %s", ErrTooLarge, strings.Join(tooBig, ", "))
	}
	return st, err
}

// dedupe keeps the last result of each document, in order.
func dedupe(results []extract.Result) []extract.Result {
	last := map[string]int{}
	for i, r := range results {
		last[r.Document.ID] = i
	}
	out := make([]extract.Result, 0, len(last))
	for i, r := range results {
		if last[r.Document.ID] == i {
			out = append(out, r)
		}
	}
	return out
}

// writeTx runs one write transaction: results to store, or (when results is
// nil) documents to forget.
func (n *Neo4j) writeTx(ctx context.Context, results []extract.Result, forget []string) (Stats, error) {
	var p *plan
	ids := forget
	var now any
	if results != nil {
		stamp := n.clock.now()
		p = newPlan(n.s, results, stamp)
		ids, now = p.docIDs, stamp
	}
	sess := n.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	st, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (Stats, error) {
		var st Stats
		if n.beforeTx != nil {
			if err := n.beforeTx(ids); err != nil {
				return st, oom(err)
			}
		}
		x := &txRun{ctx: ctx, tx: tx, st: &st, log: n.cfg.Logger}
		n.statements(x, p, ids, now)
		return st, oom(x.err)
	})
	if err != nil {
		return Stats{}, fmt.Errorf("write %d documents: %w", len(ids), n.classify(err))
	}
	if p != nil {
		st.addUnstored(p.unstored)
	}
	return st, nil
}

// statements runs the statements of one write transaction through x: results
// to store (p), or (when p is nil) the documents ids to forget. now is the
// ingestion stamp of p.
//
// Every statement's text depends only on the schema (one per label or
// relationship type at most), never on which labels or types a batch holds:
// the server plans each once and keeps it in its query cache. Mentions and
// facts find their ends by element id, read from the statements that set the
// documents and merged the entities.
func (n *Neo4j) statements(x *txRun, p *plan, ids []string, now any) {
	old := map[string][]string{}
	var touched []any // entities whose name, aliases and derived properties are recomputed
	var eids map[string]any
	if p == nil {
		for _, rec := range x.run(cypherOldFacts, map[string]any{"ids": toAny(ids)}) {
			old[rec.Values[0].(string)] = strs(rec.Values[1])
		}
	} else {
		eids, touched = n.writeEntities(x, p, old, now)
	}
	if len(old) > 0 {
		for _, rec := range x.run(cypherStaleMentions, map[string]any{"ids": toAny(keysOf(old)), "all": p == nil, "now": now}) {
			touched = append(touched, asList(rec.Values[0])...)
		}
	}
	touched = distinct(touched)
	if p != nil {
		added := supportAdded(p, old)
		for _, g := range p.rels {
			x.run(cypherFacts(g.Type, n.factDerived(g.Type)), map[string]any{"rows": factRows(g, added, eids)})
		}
	}
	if stale := staleEvidence(old, p); len(stale) > 0 {
		x.run(cypherDeleteEvidence, map[string]any{"ids": toAny(stale)})
	}
	if p != nil {
		known, fresh := byDoc(p.evidence, old)
		if len(fresh) > 0 {
			x.run(cypherNewEvidence, map[string]any{"rows": newEvidenceRows(fresh, eids)})
		}
		if len(known) > 0 {
			x.run(cypherEvidence, map[string]any{"rows": withDocEIDs(known, eids)})
		}
	}
	n.recount(x, old)
	if len(touched) > 0 {
		for _, nt := range n.s.Nodes {
			if identOK(nt.Label) && !bookkeeping(nt.Label) {
				x.run(cypherRecompute(nt.Label, n.entityDerived(nt.Label)), map[string]any{"keys": touched})
			}
		}
		x.run(cypherOrphans, map[string]any{"ids": touched})
	}
	if p == nil {
		x.run(cypherDeleteDocs, map[string]any{"ids": toAny(keysOf(old))})
		x.st.Documents = len(old)
	} else {
		x.st.Documents = len(p.docIDs)
	}
	x.st.Batches = 1
}

// writeEntities sets the Document nodes of p, filling old with the fact keys
// of the documents known before, merges the entities and writes the
// mentions. It returns the element ids of the documents (by id) and of the
// entities (by eidKey), and the entities whose mention changed.
func (n *Neo4j) writeEntities(x *txRun, p *plan, old map[string][]string, now any) (eids map[string]any, touched []any) {
	eids = map[string]any{}
	redated := map[string]bool{}
	for _, rec := range x.run(cypherDocs, map[string]any{"rows": rowsAny(p.docs)}) {
		id := rec.Values[0].(string)
		eids[id] = rec.Values[4]
		if known, _ := rec.Values[1].(bool); known {
			old[id] = strs(rec.Values[2])
			before, _ := rec.Values[3].(string)
			redated[id] = before != p.dates[id]
		}
	}
	for _, g := range p.nodes {
		for _, rec := range x.run(cypherNodes(g.Label, g.Key, n.entityDerived(g.Label)), map[string]any{"rows": rowsAny(g.Rows)}) {
			eids[eidKey(g.Label, rec.Values[0].(string))] = rec.Values[1]
		}
	}
	var known, fresh []any
	for _, g := range p.mentions {
		k, f := byDoc(g.Rows, old)
		known = append(known, withEIDs(k, g.Label, eids)...)
		fresh = append(fresh, newMentionRows(f, g.Label, eids, now)...)
	}
	if len(fresh) > 0 {
		x.run(cypherNewMentions, map[string]any{"rows": fresh})
	}
	if len(known) > 0 { // replaced documents: returns the entities to recompute
		for _, rec := range x.run(cypherMentions, map[string]any{"rows": withRedated(known, redated), "now": now}) {
			touched = append(touched, asList(rec.Values[0])...)
		}
	}
	return eids, touched
}

// entityDerived returns the derived properties of label, checked to be
// safe in query text (Validate checked those of written entities).
func (n *Neo4j) entityDerived(label string) []string {
	nt, ok := n.s.Node(label)
	if !ok {
		return nil
	}
	return safe(EntityDerived(nt))
}

// factDerived returns the derived properties of relationship type typ.
func (n *Neo4j) factDerived(typ string) []string {
	rt, ok := n.s.Rel(typ)
	if !ok {
		return nil
	}
	return safe(FactDerived(rt))
}

// safe keeps the names identOK accepts; the schema loader accepts no other.
func safe(names []string) []string {
	return slices.DeleteFunc(names, func(s string) bool { return !identOK(s) })
}

// recount runs cypherRecount per relationship type for every fact the old
// versions of the documents supported.
func (n *Neo4j) recount(x *txRun, old map[string][]string) {
	byType := map[string][]string{}
	for _, key := range oldKeys(old) {
		t := factType(key)
		if _, ok := n.s.Rel(t); !ok || !identOK(t) {
			continue // a type the schema no longer declares cannot be named safely
		}
		byType[t] = append(byType[t], key)
	}
	for _, t := range keysOf(byType) {
		x.run(cypherRecount(t, n.factDerived(t)), map[string]any{"keys": toAny(byType[t])})
	}
}

// oom turns a memory pool error into tooLarge; other errors pass unchanged.
func oom(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == codeOOM {
		return &tooLarge{msg: ne.Msg}
	}
	return err
}

// txRun runs statements in a transaction until the first error, adding up the
// database's counters.
type txRun struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
	st  *Stats
	log *slog.Logger
	err error
}

func (x *txRun) run(cypher string, params map[string]any) []*neo4j.Record {
	if x.err != nil {
		return nil
	}
	begin := time.Now()
	res, err := x.tx.Run(x.ctx, cypher, params)
	if err != nil {
		x.err = err
		return nil
	}
	recs, err := res.Collect(x.ctx)
	if err != nil {
		x.err = err
		return nil
	}
	sum, err := res.Consume(x.ctx)
	if err != nil {
		x.err = err
		return nil
	}
	c := sum.Counters()
	if x.log != nil {
		first := summary(cypher)
		x.log.Debug("statement", "took", time.Since(begin), "records", len(recs), "query", first)
	}
	x.st.NodesCreated += c.NodesCreated()
	x.st.NodesDeleted += c.NodesDeleted()
	x.st.RelationshipsCreated += c.RelationshipsCreated()
	x.st.RelationshipsDeleted += c.RelationshipsDeleted()
	x.st.PropertiesSet += c.PropertiesSet()
	return recs
}

// summary is the first line of a statement that tells it from the others:
// past a leading CYPHER line and UNWIND.
func summary(cypher string) string {
	s := strings.TrimPrefix(cypher, keepPlan)
	if strings.HasPrefix(s, "UNWIND $rows") {
		_, s, _ = strings.Cut(s, "\n")
	}
	first, _, _ := strings.Cut(s, "\n")
	return first
}

func rowsAny(rows []map[string]any) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out
}

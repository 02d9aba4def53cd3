package graph

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// Memory is an in-memory Store for fast tests. It executes the same plans as
// the Neo4j store, statement by statement, so both pass graphtest.Run. The zero
// value is not usable; call NewMemory.
type Memory struct {
	s     *schema.Schema
	clock clock

	mu       sync.Mutex
	applied  map[string]bool
	docs     map[string]map[string]any            // Document properties by id
	nodes    map[string]*memNode                  // entities by key
	mentions map[string]map[string]map[string]any // doc id -> entity key -> props
	rels     map[string]*memRel                   // facts by key
	evidence map[string]map[string]any            // Evidence properties by id
	byFact   map[string]map[string]bool           // fact key -> evidence ids
	byDoc    map[string]map[string]bool           // document id -> evidence ids
}

type memNode struct {
	label string
	props map[string]any
}

type memRel struct {
	typ, from, to string
	props         map[string]any
}

// NewMemory returns an empty in-memory store for schema s.
func NewMemory(s *schema.Schema) *Memory {
	return &Memory{s: s, applied: map[string]bool{}, docs: map[string]map[string]any{},
		nodes: map[string]*memNode{}, mentions: map[string]map[string]map[string]any{}, rels: map[string]*memRel{},
		evidence: map[string]map[string]any{}, byFact: map[string]map[string]bool{}, byDoc: map[string]map[string]bool{}}
}

// Apply records the constraint and index names s asks for.
func (m *Memory) Apply(ctx context.Context, s *schema.Schema) (ApplyReport, error) {
	stmts, err := schemaStatements(s)
	if err != nil {
		return ApplyReport{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var rep ApplyReport
	for _, st := range stmts {
		if m.applied[st.name] {
			rep.Existing = append(rep.Existing, st.name)
		} else {
			m.applied[st.name] = true
			rep.Created = append(rep.Created, st.name)
		}
	}
	return rep, ctx.Err()
}

// Fingerprints returns the stored fingerprint of each known document.
func (m *Memory) Fingerprints(ctx context.Context, ids []string) (map[string]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]string{}
	for _, id := range ids {
		if d, ok := m.docs[id]; ok {
			h, _ := d["hash"].(string)
			out[id] = h
		}
	}
	return out, ctx.Err()
}

// ClearFingerprints removes stored fingerprints; see Store.
func (m *Memory) ClearFingerprints(ctx context.Context, ids []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		if d, ok := m.docs[id]; ok {
			delete(d, "hash")
		}
	}
	return ctx.Err()
}

// Write stores results; see Store.
func (m *Memory) Write(ctx context.Context, results []extract.Result) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	for i := range results {
		if err := Validate(m.s, &results[i]); err != nil {
			return Stats{}, err
		}
	}
	if len(results) == 0 {
		return Stats{}, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	p := newPlan(m.s, results, m.clock.now())
	var st Stats
	old := m.oldFacts(p.docIDs)
	for _, g := range p.nodes {
		for _, row := range g.Rows {
			m.upsertNode(g.Label, row, &st)
		}
	}
	for _, row := range p.docs {
		props := clone(row["props"].(map[string]any))
		props["id"] = row["id"]
		if m.docs[row["id"].(string)] == nil {
			st.NodesCreated++
		}
		m.docs[row["id"].(string)] = props
	}
	now := p.docs[0]["props"].(map[string]any)["ingested_at"]
	for _, g := range p.mentions {
		for _, row := range g.Rows {
			doc, key := row["doc"].(string), row["key"].(string)
			if m.mentions[doc] == nil {
				m.mentions[doc] = map[string]map[string]any{}
			}
			if m.mentions[doc][key] == nil {
				st.RelationshipsCreated++
			}
			props := map[string]any{"name": row["name"], "forms": row["forms"], "count": row["count"],
				"start": row["start"], "end": row["end"], "ingested_at": now}
			for k, v := range row["stated"].(map[string]any) {
				props[k] = v
			}
			m.mentions[doc][key] = dropNil(props)
		}
	}
	touched := m.staleMentions(keysOf(old), false, now, &st)
	for _, g := range p.rels {
		for _, row := range g.Rows {
			m.upsertRel(g.Type, row, &st)
		}
	}
	m.deleteEvidence(staleEvidence(old, p), &st)
	facts := oldKeys(old)
	for _, row := range p.evidence {
		m.upsertEvidence(row, &st)
		facts = append(facts, row["props"].(map[string]any)["fact"].(string))
	}
	m.recount(facts, &st)
	m.recompute(touched, &st)
	st.Documents = len(p.docIDs)
	st.Batches = 1
	st.addUnstored(p.unstored)
	return st, nil
}

// Forget removes documents; see Store.
func (m *Memory) Forget(ctx context.Context, ids []string) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var st Stats
	old := m.oldFacts(ids)
	touched := m.staleMentions(keysOf(old), true, nil, &st)
	m.deleteEvidence(staleEvidence(old, nil), &st)
	m.recount(oldKeys(old), &st)
	m.recompute(touched, &st)
	for id := range old {
		delete(m.docs, id)
		st.NodesDeleted++
		st.Documents++
	}
	st.Batches = 1
	return st, nil
}

// Close does nothing.
func (m *Memory) Close(context.Context) error { return nil }

// oldFacts returns the fact keys each known document among ids supports.
func (m *Memory) oldFacts(ids []string) map[string][]string {
	out := map[string][]string{}
	for _, id := range ids {
		if _, ok := m.docs[id]; ok {
			keys := []string{}
			for evID := range m.byDoc[id] {
				keys = append(keys, m.evidence[evID]["fact"].(string))
			}
			slices.Sort(keys)
			out[id] = keys
		}
	}
	return out
}

func (m *Memory) upsertNode(label string, row map[string]any, st *Stats) {
	key := row["key"].(string)
	n := m.nodes[key]
	if n == nil {
		nt, _ := m.s.Node(label)
		n = &memNode{label: label, props: map[string]any{nt.Key: key}}
		m.nodes[key] = n
		st.NodesCreated++
	}
	offerDerived(n.props, row)
	if name, ok := row["name"].(string); ok {
		if old, ok := n.props["name"].(string); !ok || name < old {
			n.props["name"] = name
		}
	}
	n.props["aliases"] = toAny(union(strs(n.props["aliases"]), strs(row["aliases"])))
}

// staleMentions deletes the mentions of docs not stamped now (all of them when
// all is set) and returns the keys of every entity the docs mentioned.
func (m *Memory) staleMentions(docs []string, all bool, now any, st *Stats) []string {
	var touched []string
	for _, d := range docs {
		for key, props := range m.mentions[d] {
			touched = append(touched, key)
			if all || props["ingested_at"] != now {
				delete(m.mentions[d], key)
				st.RelationshipsDeleted++
			}
		}
	}
	slices.Sort(touched)
	return slices.Compact(touched)
}

func (m *Memory) upsertRel(typ string, row map[string]any, st *Stats) {
	key := row["key"].(string)
	r := m.rels[key]
	if r == nil {
		r = &memRel{typ: typ, from: row["from"].(string), to: row["to"].(string), props: map[string]any{"key": key}}
		m.rels[key] = r
		st.RelationshipsCreated++
	}
	setProp(r.props, "date", row["date"])
	offerDerived(r.props, row)
}

// offerDerived sets the derived properties of row (props and by) on props
// where row's Rank is not lower than the stored one, as offerClauses does.
func offerDerived(props map[string]any, row map[string]any) {
	by := row["by"].(map[string]any)
	for k, v := range row["props"].(map[string]any) {
		rank := by[k].(string)
		if cur, ok := props[SourceProp(k)].(string); !ok || rank >= cur {
			props[k], props[SourceProp(k)] = v, rank
		}
	}
}

// String summarises the store's contents.
func (m *Memory) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return fmt.Sprintf("memory graph: %d documents, %d entities, %d facts", len(m.docs), len(m.nodes), len(m.rels))
}

package graph

import (
	"slices"
	"strings"
)

// This file holds the fake's side of evidence, replacing and forgetting
// documents; it mirrors cypherEvidence, cypherDeleteEvidence, the support in
// cypherFacts, cypherRecount, cypherRecompute and cypherOrphans.

// upsertEvidence stores one Evidence node and its HAS_EVIDENCE, as
// cypherEvidence does.
func (m *Memory) upsertEvidence(row map[string]any, st *Stats) {
	id, doc := row["id"].(string), row["doc"].(string)
	props := clone(row["props"].(map[string]any))
	for k, v := range row["stated"].(map[string]any) {
		props[k] = v
	}
	dropNil(props)
	if m.evidence[id] == nil {
		st.NodesCreated++
		st.RelationshipsCreated++
	}
	m.evidence[id] = props
	fact := props["fact"].(string)
	for _, idx := range []struct {
		m   map[string]map[string]bool
		key string
	}{{m.byFact, fact}, {m.byDoc, doc}} {
		if idx.m[idx.key] == nil {
			idx.m[idx.key] = map[string]bool{}
		}
		idx.m[idx.key][id] = true
	}
}

// deleteEvidence deletes Evidence nodes by id, as cypherDeleteEvidence does.
func (m *Memory) deleteEvidence(ids []string, st *Stats) {
	for _, id := range ids {
		e := m.evidence[id]
		if e == nil {
			continue
		}
		delete(m.evidence, id)
		delete(m.byFact[e["fact"].(string)], id)
		delete(m.byDoc[e["doc"].(string)], id)
		st.NodesDeleted++
		st.RelationshipsDeleted++
	}
}

// recount sets support and confidence of facts from their evidence and
// deletes facts without any, as cypherFacts and cypherRecount do.
func (m *Memory) recount(keys []string, st *Stats) {
	for _, key := range keys {
		r := m.rels[key]
		if r == nil {
			continue
		}
		if len(m.byFact[key]) == 0 {
			delete(m.rels, key)
			st.RelationshipsDeleted++
			continue
		}
		best := 0.0
		stated := map[string]map[string]any{}
		for id := range m.byFact[key] {
			e := m.evidence[id]
			best = max(best, e["confidence"].(float64))
			stated[m.rank(e["doc"].(string))] = e
		}
		r.props["support"] = int64(len(m.byFact[key]))
		r.props["confidence"] = best
		if rt, ok := m.s.Rel(r.typ); ok {
			applyDerived(r.props, FactDerived(rt), stated)
		}
	}
}

// rank is the Rank of a stored document.
func (m *Memory) rank(doc string) string {
	date, _ := m.docs[doc]["date"].(string)
	return Rank(date, doc)
}

// recompute sets name and aliases of entities from the mentions left, and
// deletes entities no document mentions.
func (m *Memory) recompute(keys []string, st *Stats) {
	for _, key := range keys {
		n := m.nodes[key]
		if n == nil {
			continue
		}
		var names, forms, sources []string
		stated := map[string]map[string]any{}
		for doc, ms := range m.mentions {
			if p, ok := ms[key]; ok {
				if name, ok := p["name"].(string); ok {
					names = append(names, name)
				}
				forms = append(forms, strs(p["forms"])...)
				sources = append(sources, doc)
				stated[m.rank(doc)] = p
			}
		}
		if len(sources) == 0 {
			delete(m.nodes, key)
			st.NodesDeleted++
			for k, r := range m.rels {
				if r.from == key || r.to == key {
					delete(m.rels, k)
					st.RelationshipsDeleted++
				}
			}
			continue
		}
		slices.Sort(names)
		setProp(n.props, "name", nil)
		if len(names) > 0 {
			n.props["name"] = names[0]
		}
		n.props["aliases"] = toAny(union(nil, forms))
		if nt, ok := m.s.Node(n.label); ok {
			applyDerived(n.props, EntityDerived(nt), stated)
		}
	}
}

// staleEvidence returns the ids of the Evidence nodes of the old versions of
// documents that their new versions in p (nil when forgetting) do not state,
// sorted.
func staleEvidence(old map[string][]string, p *plan) []string {
	var out []string
	for doc, keys := range old {
		var now []string
		if p != nil {
			now = p.facts[doc]
		}
		for _, k := range keys {
			if _, found := slices.BinarySearch(now, k); !found {
				out = append(out, evidenceID(doc, k))
			}
		}
	}
	slices.Sort(out)
	return out
}

// oldKeys returns every fact key of old, sorted, once.
func oldKeys(old map[string][]string) []string {
	var out []string
	for _, keys := range old {
		out = append(out, keys...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// factType returns the relationship type named in a fact key.
func factType(key string) string {
	t, _, _ := strings.Cut(key, "|")
	return t
}

func keysOf(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

package graph

import (
	"slices"
	"strings"
)

// This file holds the fake's side of replacing and forgetting documents; it
// mirrors cypherRetract, cypherRecompute and cypherOrphans.

// retractFacts removes the evidence of the given documents from each fact key
// and deletes facts left without any.
func (m *Memory) retractFacts(stale map[string][]string, st *Stats) {
	for key, docs := range stale {
		r := m.rels[key]
		if r == nil {
			continue
		}
		var keep []map[string]any
		for _, e := range evidenceOf(r.props) {
			if !slices.Contains(docs, e["source"].(string)) {
				keep = append(keep, e)
			}
		}
		if len(keep) == 0 {
			delete(m.rels, key)
			st.RelationshipsDeleted++
			continue
		}
		setEvidence(r.props, keep)
	}
}

// recompute sets name, aliases and sources of entities from the mentions left,
// and deletes entities no document mentions.
func (m *Memory) recompute(keys []string, st *Stats) {
	for _, key := range keys {
		n := m.nodes[key]
		if n == nil {
			continue
		}
		var names, forms, sources []string
		for doc, ms := range m.mentions {
			if p, ok := ms[key]; ok {
				if name, ok := p["name"].(string); ok {
					names = append(names, name)
				}
				forms = append(forms, strs(p["forms"])...)
				sources = append(sources, doc)
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
		n.props["sources"] = toAny(union(nil, sources))
	}
}

// staleFacts returns, per fact key, the documents whose old version supported
// it and whose new version in p (nil when forgetting) does not.
func staleFacts(old map[string][]string, p *plan) map[string][]string {
	now := map[string]map[string]bool{}
	if p != nil {
		for _, d := range p.docs {
			set := map[string]bool{}
			for _, k := range asList(d["props"].(map[string]any)["facts"]) {
				set[k.(string)] = true
			}
			now[d["id"].(string)] = set
		}
	}
	out := map[string][]string{}
	for doc, keys := range old {
		for _, k := range keys {
			if !now[doc][k] {
				out[k] = append(out[k], doc)
			}
		}
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
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

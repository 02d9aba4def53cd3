package graph

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// Helpers of newPlan: merging a document's entities, their forms and
// gazetteer properties, and small set operations.

// mergeEntities merges entities listed twice under one id.
func mergeEntities(es []extract.Entity) []extract.Entity {
	var out []extract.Entity
	at := map[string]int{}
	for _, e := range es {
		i, ok := at[e.ID]
		if !ok {
			at[e.ID] = len(out)
			out = append(out, e)
			continue
		}
		o := &out[i]
		o.Aliases = append(append([]string{}, o.Aliases...), e.Aliases...)
		o.Aliases = append(o.Aliases, e.Name)
		o.Mentions = append(append([]extract.Span{}, o.Mentions...), e.Mentions...)
		if len(e.Properties) > 0 {
			merged := map[string]any{}
			for k, v := range o.Properties {
				merged[k] = v
			}
			for k, v := range e.Properties {
				merged[k] = v
			}
			o.Properties = merged
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Mentions, func(a, b extract.Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	}
	return out
}

// formsOf is the sorted set of an entity's name, aliases and mention texts.
func formsOf(e extract.Entity) []string {
	forms := append([]string{e.Name}, e.Aliases...)
	for _, m := range e.Mentions {
		forms = append(forms, m.Text)
	}
	return union(nil, forms)
}

// GazetteerProps copies what the gazetteer knows about id into props, for the
// properties nt declares. The writer sets these on entity nodes; the
// benchmark's baseline writers use it to write the same graph.
func GazetteerProps(s *schema.Schema, nt *schema.NodeType, id string, props map[string]any) {
	e, ok := s.Entry(id)
	if !ok {
		return
	}
	for k, v := range map[string]string{"wikidata": e.Wikidata, "country": e.Country, "iso2": e.ISO2,
		"capital": e.Capital, "city": e.City, "kind": e.Kind} {
		if v != "" && declared(nt.Properties, k) {
			props[k] = v
		}
	}
}

func declared(ps []schema.Property, name string) bool {
	return slices.ContainsFunc(ps, func(p schema.Property) bool { return p.Name == name })
}

// BetterEvidence reports whether evidence a (an Evidence node's properties)
// should be kept over b for one document and fact: the higher confidence, then the earlier sentence, then the rule
// and text in byte order, so the choice does not depend on extraction order.
func BetterEvidence(a, b map[string]any) bool {
	return cmp.Or(cmp.Compare(b["confidence"].(float64), a["confidence"].(float64)),
		cmp.Compare(a["start"].(int64), b["start"].(int64)), cmp.Compare(a["end"].(int64), b["end"].(int64)),
		cmp.Compare(a["rule"].(string), b["rule"].(string)), cmp.Compare(a["text"].(string), b["text"].(string))) < 0
}

// union returns the sorted set of the strings in old (nil or []string) and add,
// without empty strings.
func union(old any, add []string) []string {
	var out []string
	if o, ok := old.([]string); ok {
		out = append(out, o...)
	}
	for _, s := range add {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// storedValue is what the writer stores of a stated property value v (a
// valid one): Neo4j's form (normValue), and nil, no value, for an empty list,
// which a bulk import's CSV cannot tell from no value either.
func storedValue(v any) any {
	nv, _ := normValue(v)
	if l, ok := nv.([]any); ok && len(l) == 0 {
		return nil
	}
	return nv
}

package graph

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// plan is a batch of results turned into parameter rows: one list per label and
// per (type, from label, to label), every list sorted by key, one row per key
// (contributions of several documents merged), so no statement touches one
// node or relationship twice. Both stores execute the same plan.
type plan struct {
	docIDs   []string // every document of the batch, sorted
	docs     []map[string]any
	nodes    []rows // per label
	mentions []rows // per label of the entity mentioned
	rels     []rows // per type, from label, to label
}

// rows is one statement's worth of parameter rows.
type rows struct {
	Label, Key string   // node label and key property (nodes, mentions)
	Type       string   // relationship type (rels)
	From, To   endpoint // endpoint labels and keys (rels)
	Rows       []map[string]any
}

// endpoint is the label and key property of one end of a relationship.
type endpoint struct{ Label, Key string }

// factKey identifies a fact relationship: type, ends and date.
func factKey(typ, from, to, date string) string {
	return typ + "|" + from + "|" + to + "|" + date
}

// orient returns the ends of rel as stored: symmetric types go from the lower
// key to the higher.
func orient(symmetric bool, from, to string) (string, string) {
	if symmetric && to < from {
		return to, from
	}
	return from, to
}

// newPlan builds the plan for results, which must be valid; now is the
// ingestion time stamped on documents. Where documents disagree on an entity's
// or a fact's property, the later one in results wins, as a later write does.
func newPlan(s *schema.Schema, results []extract.Result, now string) *plan {
	results = dedupe(results)
	byID := map[string]*extract.Result{}
	order := make([]string, len(results)) // later documents win conflicting properties
	p := &plan{}
	for i := range results {
		byID[results[i].Document.ID] = &results[i]
		order[i] = results[i].Document.ID
		p.docIDs = append(p.docIDs, order[i])
	}
	sort.Strings(p.docIDs)

	nodes := map[string]map[string]any{} // by entity id
	labels := map[string]string{}        // entity id -> label
	rels := map[string]map[string]any{}  // by fact key
	relGroup := map[string][3]string{}   // fact key -> type, from label, to label
	var mentions []map[string]any
	var mentionLabel []string
	for _, id := range order {
		r := byID[id]
		facts := map[string]bool{}
		local := map[string]string{}
		for _, e := range mergeEntities(r.Entities) {
			local[e.ID] = e.Type
			labels[e.ID] = e.Type
			nt, _ := s.Node(e.Type)
			n := nodes[e.ID]
			if n == nil {
				n = map[string]any{"key": e.ID, "name": nilIfEmpty(e.Name), "props": map[string]any{}}
				nodes[e.ID] = n
			}
			if old, ok := n["name"].(string); e.Name != "" && (!ok || e.Name < old) {
				n["name"] = e.Name
			}
			forms := formsOf(e)
			n["aliases"] = union(n["aliases"], forms)
			n["docs"] = union(n["docs"], []string{id})
			props := n["props"].(map[string]any)
			gazetteerProps(s, nt, e.ID, props)
			for k, v := range e.Properties {
				if declared(nt.Properties, k) && !slices.Contains(entityOwned, k) && k != nt.Key {
					props[k], _ = normValue(v)
				}
			}
			starts, ends := make([]any, len(e.Mentions)), make([]any, len(e.Mentions))
			for i, m := range e.Mentions {
				starts[i], ends[i] = int64(m.Start), int64(m.End)
			}
			mentions = append(mentions, map[string]any{"doc": id, "key": e.ID, "name": nilIfEmpty(e.Name),
				"forms": toAny(forms), "count": int64(len(e.Mentions)), "starts": starts, "ends": ends})
			mentionLabel = append(mentionLabel, e.Type)
		}
		for _, rel := range r.Relations {
			rt, _ := s.Rel(rel.Type)
			from, to := orient(rt.Symmetric, rel.From, rel.To)
			date, _ := rel.Properties["date"].(string)
			key := factKey(rel.Type, from, to, date)
			facts[key] = true
			row := rels[key]
			if row == nil {
				row = map[string]any{"key": key, "from": from, "to": to, "props": map[string]any{}, "evidence": []any{}}
				rels[key] = row
				relGroup[key] = [3]string{rel.Type, local[from], local[to]}
			}
			row["docs"] = union(row["docs"], []string{id})
			props := row["props"].(map[string]any)
			for k, v := range rel.Properties {
				if declared(rt.Properties, k) && !slices.Contains(provenance, k) {
					props[k], _ = normValue(v)
				}
			}
			ev := map[string]any{"source": id, "text": rel.Evidence.Text, "start": int64(rel.Evidence.Start),
				"end": int64(rel.Evidence.End), "rule": rel.Rule, "confidence": rel.Confidence}
			if !slices.ContainsFunc(row["evidence"].([]any), func(o any) bool { return sameEvidence(o.(map[string]any), ev) }) {
				row["evidence"] = append(row["evidence"].([]any), ev)
			}
		}
		d := r.Document
		props := map[string]any{"id": id, "ingested_at": now, "facts": toAny(sortedKeys(facts))}
		for k, v := range map[string]string{"source": d.Source, "url": d.URL, "title": d.Title,
			"date": d.Date, "lang": d.Lang, "hash": d.Hash} {
			if v != "" {
				props[k] = v
			}
		}
		p.docs = append(p.docs, map[string]any{"id": id, "props": props})
	}

	nodeGroups := map[string][]map[string]any{}
	for id, n := range nodes {
		n["aliases"], n["docs"] = toAny(n["aliases"].([]string)), toAny(n["docs"].([]string))
		nodeGroups[labels[id]] = append(nodeGroups[labels[id]], n)
	}
	p.nodes = groupRows(s, nodeGroups)
	mentionGroups := map[string][]map[string]any{}
	for i, m := range mentions {
		mentionGroups[mentionLabel[i]] = append(mentionGroups[mentionLabel[i]], m)
	}
	p.mentions = groupRows(s, mentionGroups)

	relGroups := map[[3]string][]map[string]any{}
	for key, row := range rels {
		row["docs"] = toAny(row["docs"].([]string))
		relGroups[relGroup[key]] = append(relGroups[relGroup[key]], row)
	}
	for g, rs := range relGroups {
		fn, _ := s.Node(g[1])
		tn, _ := s.Node(g[2])
		sortRows(rs)
		p.rels = append(p.rels, rows{Type: g[0], From: endpoint{g[1], fn.Key}, To: endpoint{g[2], tn.Key}, Rows: rs})
	}
	slices.SortFunc(p.rels, func(a, b rows) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From.Label, b.From.Label), cmp.Compare(a.To.Label, b.To.Label))
	})
	return p
}

// groupRows turns rows by label into sorted statements.
func groupRows(s *schema.Schema, byLabel map[string][]map[string]any) []rows {
	var out []rows
	for label, rs := range byLabel {
		nt, _ := s.Node(label)
		sortRows(rs)
		out = append(out, rows{Label: label, Key: nt.Key, Rows: rs})
	}
	slices.SortFunc(out, func(a, b rows) int { return cmp.Compare(a.Label, b.Label) })
	return out
}

func sortRows(rs []map[string]any) {
	slices.SortFunc(rs, func(a, b map[string]any) int {
		da, _ := a["doc"].(string)
		db, _ := b["doc"].(string)
		return cmp.Or(cmp.Compare(a["key"].(string), b["key"].(string)), cmp.Compare(da, db))
	})
}

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

// gazetteerProps copies what the gazetteer knows about id into props, for the
// properties nt declares.
func gazetteerProps(s *schema.Schema, nt *schema.NodeType, id string, props map[string]any) {
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

func sameEvidence(a, b map[string]any) bool {
	return a["start"] == b["start"] && a["end"] == b["end"] && a["rule"] == b["rule"] && a["text"] == b["text"]
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

func sortedKeys(m map[string]bool) []string {
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

package main

import (
	"maps"
	"slices"

	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// exportGraph is the whole graph of a corpus, accumulated in memory the way
// successive writes accumulate it in Neo4j.
type exportGraph struct {
	s   *schema.Schema
	now string // the ingested_at of documents and mentions

	docs     []map[string]any
	nodes    map[string]*node // by key
	mentions []row
	evidence []map[string]any
	facts    map[string]*fact // by key
}

// node is an entity: the smallest name given, the union of forms, the
// derived properties of the greatest-ranked document that states each, with
// that rank under graph.SourceProp.
type node struct {
	label, key, name string
	forms            []string
	props            map[string]any
}

// fact is a fact relationship with its support and best confidence.
type fact struct {
	typ, from, to string
	props         map[string]any
	support       int64
	confidence    float64
}

// offer sets the derived properties stated by the document of rank where
// no document of a greater rank stated them.
func offer(props map[string]any, rank string, stated map[string]any) {
	for k, v := range stated {
		if cur, ok := props[graph.SourceProp(k)].(string); !ok || rank >= cur {
			props[k], props[graph.SourceProp(k)] = v, rank
		}
	}
}

// row is a relationship row: its ends and properties.
type row struct {
	from, to string
	props    map[string]any
}

func newGraph(s *schema.Schema, now string) *exportGraph {
	return &exportGraph{s: s, now: now, nodes: map[string]*node{}, facts: map[string]*fact{}}
}

// add adds what one document contributes.
func (g *exportGraph) add(d shape.Document) error {
	g.docs = append(g.docs, with(d.Props, "ingested_at", g.now))
	for _, e := range d.Entities {
		n := g.nodes[e.ID]
		if n == nil {
			n = &node{label: e.Label, key: e.Key, name: e.Name, props: map[string]any{}}
			g.nodes[e.ID] = n
		}
		if e.Name != "" && (n.name == "" || e.Name < n.name) {
			n.name = e.Name
		}
		n.forms = shape.Union(n.forms, e.Forms)
		offer(n.props, d.Rank, e.Props)
		g.mentions = append(g.mentions, row{from: d.ID, to: e.ID, props: with(e.Mention, "ingested_at", g.now)})
	}
	for _, f := range d.Facts {
		x := g.facts[f.Key]
		if x == nil {
			x = &fact{typ: f.Type, from: f.From.ID, to: f.To.ID, props: map[string]any{"date": f.Date}}
			g.facts[f.Key] = x
		}
		offer(x.props, d.Rank, f.Props)
		x.support++
		x.confidence = max(x.confidence, f.Evidence["confidence"].(float64))
		g.evidence = append(g.evidence, f.Evidence)
	}
	return nil
}

// write writes the CSV files into dir.
func (g *exportGraph) write(dir string) error {
	w := &csvDir{dir: dir}
	docCols := []column{{"id", "ID"}, {"source", ""}, {"url", ""}, {"title", ""}, {"date", ""}, {"lang", ""},
		{"hash", ""}, {"ingested_at", ""}}
	w.nodes("documents.csv", docCols, "Document", g.docs)
	evCols := []column{{"id", "ID"}, {"fact", ""}, {"doc", ""}, {"type", ""}, {"text", ""}, {"start", "long"},
		{"end", "long"}, {"rule", ""}, {"confidence", "double"}}
	var factProps, entityProps []schema.Property
	for _, rt := range g.s.Relationships {
		factProps = append(factProps, derivedProps(rt.Properties, graph.FactDerived(&rt))...)
	}
	for _, nt := range g.s.Nodes {
		entityProps = append(entityProps, derivedProps(nt.Properties, graph.EntityDerived(&nt))...)
	}
	w.nodes("evidence.csv", append(evCols, statedColumns(factProps)...), "Evidence", g.evidence)
	for _, nt := range g.s.Nodes {
		var rows []map[string]any
		for _, id := range slices.Sorted(maps.Keys(g.nodes)) {
			if n := g.nodes[id]; n.label == nt.Label {
				rows = append(rows, with(with(with(n.props, nt.Key, id), "name", n.name), "aliases", shape.Strings(n.forms)))
			}
		}
		if len(rows) > 0 {
			cols := append([]column{{nt.Key, "ID"}, {"name", ""}, {"aliases", "string[]"}}, declaredColumns(nt.Properties, nt.Key, "name", "aliases")...)
			cols = append(cols, sourceColumns(graph.EntityDerived(&nt))...)
			w.nodes("entities-"+nt.Label+".csv", cols, nt.Label+";Entity", rows)
		}
	}
	w.rels("mentions.csv", append([]column{{"name", ""}, {"forms", "string[]"}, {"count", "long"}, {"start", "long"},
		{"end", "long"}, {"ingested_at", ""}}, statedColumns(entityProps)...), "MENTIONS", g.mentions)
	var has []row
	for _, ev := range g.evidence {
		has = append(has, row{from: ev["doc"].(string), to: ev["id"].(string), props: map[string]any{}})
	}
	w.rels("has_evidence.csv", nil, "HAS_EVIDENCE", has)
	for _, rt := range g.s.Relationships {
		var rows []row
		for _, key := range slices.Sorted(maps.Keys(g.facts)) {
			if f := g.facts[key]; f.typ == rt.Type {
				props := with(with(with(f.props, "key", key), "support", f.support), "confidence", f.confidence)
				rows = append(rows, row{from: f.from, to: f.to, props: props})
			}
		}
		if len(rows) > 0 {
			cols := append([]column{{"key", ""}, {"support", "long"}, {"confidence", "double"}}, declaredColumns(rt.Properties, "key", "support", "confidence")...)
			cols = append(cols, sourceColumns(graph.FactDerived(&rt))...)
			w.rels("facts-"+rt.Type+".csv", cols, rt.Type, rows)
		}
	}
	return w.err
}

// with returns a copy of m with k set to v.
func with(m map[string]any, k string, v any) map[string]any {
	out := maps.Clone(m)
	if out == nil {
		out = map[string]any{}
	}
	out[k] = v
	return out
}

// derivedProps returns the declarations of the properties names.
func derivedProps(ps []schema.Property, names []string) []schema.Property {
	var out []schema.Property
	for _, p := range ps {
		if slices.Contains(names, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// statedColumns returns one column per property, under its graph.StatedProp
// name, once per name.
func statedColumns(ps []schema.Property) []column {
	var out []column
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.Name] {
			seen[p.Name] = true
			out = append(out, column{graph.StatedProp(p.Name), importTypes[p.Type]})
		}
	}
	return out
}

// sourceColumns returns the graph.SourceProp column of each derived property.
func sourceColumns(names []string) []column {
	var out []column
	for _, k := range names {
		out = append(out, column{graph.SourceProp(k), ""})
	}
	return out
}

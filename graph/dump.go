package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Dump is part of a graph in a canonical form: nodes sorted by key,
// relationships by type, start and end key, property values as Neo4j returns
// them (string, bool, int64, float64, []any).
type Dump struct {
	Nodes []DumpNode
	Rels  []DumpRel
}

// DumpNode is one node: its labels (sorted) and properties.
type DumpNode struct {
	Labels []string
	Props  map[string]any
}

// DumpRel is one relationship between the nodes keyed From and To.
type DumpRel struct {
	Type, From, To string
	Props          map[string]any
}

func (d *Dump) sort() {
	key := func(n DumpNode) string { s, _ := n.Props["id"].(string); return s }
	slices.SortFunc(d.Nodes, func(a, b DumpNode) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(strings.Join(a.Labels, ":"), strings.Join(b.Labels, ":")))
	})
	slices.SortFunc(d.Rels, func(a, b DumpRel) int {
		ka, _ := a.Props["key"].(string)
		kb, _ := b.Props["key"].(string)
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To), cmp.Compare(ka, kb))
	})
}

// Dump lists the nodes whose key starts with prefix and the relationships
// between them.
func (m *Memory) Dump(ctx context.Context, prefix string) (*Dump, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d := &Dump{}
	for id, props := range m.docs {
		if strings.HasPrefix(id, prefix) {
			d.Nodes = append(d.Nodes, DumpNode{Labels: []string{labelDocument}, Props: clone(props)})
		}
	}
	for key, n := range m.nodes {
		if strings.HasPrefix(key, prefix) {
			labels := []string{n.label, labelEntity}
			slices.Sort(labels)
			d.Nodes = append(d.Nodes, DumpNode{Labels: labels, Props: clone(n.props)})
		}
	}
	for id, props := range m.evidence {
		if doc := props["doc"].(string); strings.HasPrefix(id, prefix) && strings.HasPrefix(doc, prefix) {
			d.Nodes = append(d.Nodes, DumpNode{Labels: []string{labelEvidence}, Props: clone(props)})
			d.Rels = append(d.Rels, DumpRel{Type: relHasEvidence, From: doc, To: id, Props: map[string]any{}})
		}
	}
	for doc, ms := range m.mentions {
		for key, props := range ms {
			if strings.HasPrefix(doc, prefix) && strings.HasPrefix(key, prefix) {
				d.Rels = append(d.Rels, DumpRel{Type: relMentions, From: doc, To: key, Props: clone(props)})
			}
		}
	}
	for _, r := range m.rels {
		if strings.HasPrefix(r.from, prefix) && strings.HasPrefix(r.to, prefix) {
			d.Rels = append(d.Rels, DumpRel{Type: r.typ, From: r.from, To: r.to, Props: clone(r.props)})
		}
	}
	d.sort()
	return d, ctx.Err()
}

// Dump lists the Document, Entity and Evidence nodes whose id starts with
// prefix and the relationships between them.
func (n *Neo4j) Dump(ctx context.Context, prefix string) (*Dump, error) {
	sess := n.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	d, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (*Dump, error) {
		d := &Dump{}
		params := map[string]any{"p": prefix}
		for _, label := range []string{labelDocument, labelEntity, labelEvidence} {
			res, err := tx.Run(ctx, fmt.Sprintf(`MATCH (n:%s) WHERE n.id STARTS WITH $p
RETURN labels(n), properties(n)`, label), params)
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				labels := strs(r.Values[0])
				slices.Sort(labels)
				d.Nodes = append(d.Nodes, DumpNode{Labels: labels, Props: r.Values[1].(map[string]any)})
			}
			res, err = tx.Run(ctx, fmt.Sprintf(`MATCH (a:%s)-[r]->(b) WHERE a.id STARTS WITH $p AND b.id STARTS WITH $p
RETURN type(r), a.id, b.id, properties(r)`, label), params)
			if err != nil {
				return nil, err
			}
			if recs, err = res.Collect(ctx); err != nil {
				return nil, err
			}
			for _, r := range recs {
				d.Rels = append(d.Rels, DumpRel{Type: r.Values[0].(string), From: r.Values[1].(string),
					To: r.Values[2].(string), Props: r.Values[3].(map[string]any)})
			}
		}
		return d, nil
	})
	if err != nil {
		return nil, n.classify(err)
	}
	d.sort()
	return d, nil
}

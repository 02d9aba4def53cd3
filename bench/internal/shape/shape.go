package shape

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// Document is what one document contributes to the graph.
type Document struct {
	ID string
	// Rank orders the document among those that state a derived property
	// (graph.Rank): the one of the greatest rank wins.
	Rank string
	// Props are the Document node's properties, without ingested_at.
	Props map[string]any
	// Entities are the entities the document names, one per key, in the order
	// of the result.
	Entities []Entity
	// Facts are the facts the document states, one per key, sorted by key.
	Facts []Fact
}

// Entity is one entity a document names and its MENTIONS from the document.
type Entity struct {
	// Label and Key are the node's label and key property, ID its key.
	Label, Key, ID string
	// Name is the name the document gives ("" for none).
	Name string
	// Forms are the name, aliases and mention texts, sorted and without
	// duplicates: what the entity's aliases gain, and the mention's forms.
	Forms []string
	// Props are the derived properties the document states (gazetteer and
	// extraction, as the schema declares them, none nil).
	Props map[string]any
	// Derived lists the label's derived properties (graph.EntityDerived).
	Derived []string
	// Mention holds the MENTIONS properties, without ingested_at, with Props
	// under their graph.StatedProp names.
	Mention map[string]any
}

// Fact is one fact a document states, with the document's Evidence for it.
type Fact struct {
	Type, Key string
	From, To  End
	// Date is the fact's date (its key's), nil when it has none or the type
	// declares none.
	Date any
	// Props are the derived properties the document states (none nil).
	Props map[string]any
	// Derived lists the type's derived properties (graph.FactDerived).
	Derived []string
	// Evidence holds the Evidence node's properties (id, fact, doc, type,
	// text, start, end, rule, confidence, and Props under their
	// graph.StatedProp names).
	Evidence map[string]any
}

// End is one end of a fact: the entity's label, key property and key.
type End struct{ Label, Key, ID string }

// Properties the writer maintains itself, which extraction may not set.
var (
	entityOwned = []string{"name", "aliases"}
	factOwned   = []string{"key", "support", "confidence"}
)

// Of returns what r contributes under s. r must be valid (graph.Validate).
func Of(s *schema.Schema, r *extract.Result) Document {
	d := Document{ID: r.Document.ID, Rank: graph.Rank(r.Document.Date, r.Document.ID), Props: docProps(r.Document)}
	at := map[string]int{}
	var spans [][]extract.Span
	for _, e := range r.Entities {
		nt, _ := s.Node(e.Type)
		i, seen := at[e.ID]
		if !seen {
			i = len(d.Entities)
			at[e.ID] = i
			x := Entity{Label: e.Type, Key: nt.Key, ID: e.ID, Name: e.Name, Forms: []string{e.Name}, Props: map[string]any{},
				Derived: graph.EntityDerived(nt)}
			graph.GazetteerProps(s, nt, e.ID, x.Props)
			d.Entities = append(d.Entities, x)
			spans = append(spans, nil)
		}
		x := &d.Entities[i]
		x.Forms = append(append(x.Forms, e.Name), e.Aliases...)
		for _, m := range e.Mentions {
			x.Forms = append(x.Forms, m.Text)
		}
		spans[i] = append(spans[i], e.Mentions...)
		for k, v := range e.Properties {
			if declared(nt.Properties, k) && !slices.Contains(entityOwned, k) && k != nt.Key {
				x.Props[k] = v
				if v == nil {
					delete(x.Props, k)
				}
			}
		}
	}
	for i := range d.Entities {
		x := &d.Entities[i]
		x.Forms = sortedSet(x.Forms)
		x.Mention = mention(x.Name, x.Forms, spans[i])
		for k, v := range x.Props {
			x.Mention[graph.StatedProp(k)] = v
		}
	}
	d.Facts = facts(s, r, at, d.Entities)
	return d
}

// facts returns the facts of r, one per key, sorted by key; ents are r's
// entities, at their index by key.
func facts(s *schema.Schema, r *extract.Result, at map[string]int, ents []Entity) []Fact {
	byKey := map[string]*Fact{}
	for _, rel := range r.Relations {
		rt, _ := s.Rel(rel.Type)
		from, to := rel.From, rel.To
		if rt.Symmetric && to < from {
			from, to = to, from
		}
		date, _ := rel.Properties["date"].(string)
		key := rel.Type + "|" + from + "|" + to + "|" + date
		f := byKey[key]
		if f == nil {
			f = &Fact{Type: rel.Type, Key: key, From: end(ents[at[from]]), To: end(ents[at[to]]), Props: map[string]any{},
				Derived: graph.FactDerived(rt)}
			if date != "" && declared(rt.Properties, "date") {
				f.Date = date
			}
			byKey[key] = f
		}
		for k, v := range rel.Properties {
			if k != "date" && declared(rt.Properties, k) && !slices.Contains(factOwned, k) {
				f.Props[k] = v
				if v == nil {
					delete(f.Props, k)
				}
			}
		}
		ev := map[string]any{"id": r.Document.ID + "|" + key, "fact": key, "doc": r.Document.ID, "type": rel.Type,
			"text": rel.Evidence.Text, "start": int64(rel.Evidence.Start), "end": int64(rel.Evidence.End),
			"rule": rel.Rule, "confidence": rel.Confidence}
		if f.Evidence == nil || graph.BetterEvidence(ev, f.Evidence) {
			f.Evidence = ev
		}
	}
	out := make([]Fact, 0, len(byKey))
	for _, f := range byKey {
		for k, v := range f.Props {
			f.Evidence[graph.StatedProp(k)] = v
		}
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Fact) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

func end(e Entity) End { return End{Label: e.Label, Key: e.Key, ID: e.ID} }

// docProps returns the Document node's properties: the id and every
// non-empty field.
func docProps(d document.Document) map[string]any {
	props := map[string]any{"id": d.ID}
	for k, v := range map[string]string{"source": d.Source, "url": d.URL, "title": d.Title,
		"date": d.Date, "lang": d.Lang, "hash": d.Fingerprint} {
		if v != "" {
			props[k] = v
		}
	}
	return props
}

// mention returns the MENTIONS properties: the name (when there is one), the
// forms, the number of mentions and the span of the first.
func mention(name string, forms []string, spans []extract.Span) map[string]any {
	m := map[string]any{"forms": Strings(forms), "count": int64(len(spans))}
	if name != "" {
		m["name"] = name
	}
	if len(spans) > 0 {
		first := slices.MinFunc(spans, func(a, b extract.Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		m["start"], m["end"] = int64(first.Start), int64(first.End)
	}
	return m
}

// Union returns the sorted set of the strings of a and b.
func Union(a, b []string) []string { return sortedSet(append(slices.Clone(a), b...)) }

// sortedSet sorts ss and drops duplicates and blank strings.
func sortedSet(ss []string) []string {
	ss = slices.DeleteFunc(ss, func(s string) bool { return strings.TrimSpace(s) == "" })
	slices.Sort(ss)
	return slices.Compact(ss)
}

// Strings returns ss as a []any, the list type Neo4j returns.
func Strings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func declared(ps []schema.Property, name string) bool {
	return slices.ContainsFunc(ps, func(p schema.Property) bool { return p.Name == name })
}

package graph

import (
	"fmt"
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// The columns of the bulk import files and the records of entities and
// facts. Ids live in one id space per label, so that keys unique per label
// only cannot collide.

func (b *Bulk) docColumns() []column {
	cols := []column{{"id", "ID(" + labelDocument + ")"}}
	for _, k := range []string{"source", "url", "title", "date", "lang", "hash", "ingested_at"} {
		cols = append(cols, column{k, ""})
	}
	return cols
}

// evidenceColumns are the Evidence properties cypherNewEvidence sets, then
// what documents state of every fact type's derived properties.
func (b *Bulk) evidenceColumns() []column {
	cols := []column{{"id", "ID(" + labelEvidence + ")"}, {"fact", ""}, {"doc", ""}, {"type", ""}, {"text", ""},
		{"start", "long"}, {"end", "long"}, {"rule", ""}, {"confidence", "double"}}
	var names []string
	types := map[string]string{}
	for _, rt := range b.s.Relationships {
		for _, k := range FactDerived(&rt) {
			if _, ok := types[k]; !ok {
				names = append(names, k)
				types[k] = propType(rt.Properties, k)
			}
		}
	}
	slices.Sort(names)
	for _, k := range names {
		cols = append(cols, column{StatedProp(k), types[k]})
	}
	return cols
}

// statedColumns are the columns of what a mention states of the derived
// properties names of its entity.
func statedColumns(ps []schema.Property, names []string) []column {
	var cols []column
	for _, k := range names {
		cols = append(cols, column{StatedProp(k), propType(ps, k)})
	}
	return cols
}

func propType(ps []schema.Property, name string) string {
	for _, p := range ps {
		if p.Name == name {
			return importTypes[p.Type]
		}
	}
	return ""
}

// entityColumns are the columns of the entities of label: key, name,
// aliases, derived properties and their sources.
func (b *Bulk) entityColumns(label string) []column {
	nt, _ := b.s.Node(label)
	cols := []column{{nt.Key, "ID(" + label + ")"}, {"name", ""}, {"aliases", "string[]"}}
	derived := EntityDerived(nt)
	for _, k := range derived {
		cols = append(cols, column{k, propType(nt.Properties, k)})
	}
	for _, k := range derived {
		cols = append(cols, column{SourceProp(k), ""})
	}
	return cols
}

// nodeRecord returns the cells of an entity's properties, in the order of
// entityColumns.
func (b *Bulk) nodeRecord(label string, props map[string]any) []any {
	cols := b.entityColumns(label)
	rec := make([]any, len(cols))
	for i, c := range cols {
		rec[i] = props[c.name]
	}
	return rec
}

// factColumns are the property columns of facts of typ: key, support,
// confidence, date when declared, derived properties and their sources.
func (b *Bulk) factColumns(typ string) []column {
	rt, _ := b.s.Rel(typ)
	cols := []column{{"key", ""}, {"support", "long"}, {"confidence", "double"}}
	if declared(rt.Properties, "date") {
		cols = append(cols, column{"date", ""})
	}
	derived := FactDerived(rt)
	for _, k := range derived {
		cols = append(cols, column{k, propType(rt.Properties, k)})
	}
	for _, k := range derived {
		cols = append(cols, column{SourceProp(k), ""})
	}
	return cols
}

// factFileColumns are the columns of a file of facts of typ from entities
// of label from to entities of label to.
func (b *Bulk) factFileColumns(typ, from, to string) []column {
	return append([]column{{"", "START_ID(" + from + ")"}, {"", "END_ID(" + to + ")"}}, b.factColumns(typ)...)
}

// factRecord returns the cells of a fact's properties, in the order of
// factColumns.
func (b *Bulk) factRecord(typ string, props map[string]any) []any {
	cols := b.factColumns(typ)
	rec := make([]any, len(cols))
	for i, c := range cols {
		rec[i] = props[c.name]
	}
	return rec
}

// flatRow returns the properties a plan's entity or fact row gives: its
// own (key, name, aliases, date), support and confidence when fact, and
// its derived properties with their sources.
func flatRow(row map[string]any, fact bool) map[string]any {
	out := map[string]any{"key": row["key"], "name": row["name"], "aliases": row["aliases"], "date": row["date"]}
	if fact {
		out["support"], out["confidence"] = int64(1), 0.5
	}
	for k, v := range row["props"].(map[string]any) {
		out[k] = v
	}
	for k, v := range row["by"].(map[string]any) {
		out[SourceProp(k)] = v
	}
	return out
}

// rowOK reports the first cell of rec its column cannot hold.
func rowOK(cols []column, rec []any) error {
	for i, c := range cols {
		if !typeOK(c.typ, rec[i]) {
			return fmt.Errorf("property %s: a %T where the schema declares %s", c.name, rec[i], c.typ)
		}
	}
	return nil
}

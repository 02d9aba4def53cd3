package graph

import (
	"slices"
	"strconv"

	"github.com/dipgraph/dipgraph/schema"
)

// Derived properties: the properties of an entity or a fact that documents
// state and may disagree on (a person's role and country, an office's role,
// an event's kind). Each document's statement is kept with its mention of the
// entity (MENTIONS) or its Evidence of the fact, under StatedProp(name); the
// entity or fact carries the value stated by its latest-dated supporting
// document and, under SourceProp(name), that document's Rank. See the
// package comment.

// Rank orders the documents that state a derived property: by date (ISO
// 8601 strings, empty first, "2026" before "2026-05" before "2026-05-20"),
// then by id. It is date + " " + id: a space sorts before every character of
// a date, so comparing ranks as strings compares (date, id). The document of
// the greatest rank wins.
func Rank(date, id string) string { return date + " " + id }

// StatedProp is the property of a MENTIONS relationship or an Evidence node
// that holds what its document states for the derived property name.
func StatedProp(name string) string { return "stated." + name }

// SourceProp is the property of an entity or a fact that holds the Rank of
// the document its derived property name comes from.
func SourceProp(name string) string { return name + ".by" }

// EntityDerived lists the derived properties of entities of nt, sorted: the
// declared properties but the key and those the writer owns (name,
// aliases).
func EntityDerived(nt *schema.NodeType) []string {
	var out []string
	for _, p := range nt.Properties {
		if p.Name != nt.Key && !slices.Contains(entityOwned, p.Name) {
			out = append(out, p.Name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FactDerived lists the derived properties of facts of rt, sorted: the
// declared properties but those the writer owns (key, support, confidence)
// and date, which is the fact key's.
func FactDerived(rt *schema.RelType) []string {
	var out []string
	for _, p := range rt.Properties {
		if p.Name != "date" && !slices.Contains(factOwned, p.Name) {
			out = append(out, p.Name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// winner keeps, per derived property, the value of the greatest rank.
type winner struct {
	props map[string]any // property -> value
	by    map[string]any // property -> rank (string)
}

func newWinner() *winner { return &winner{props: map[string]any{}, by: map[string]any{}} }

// offer proposes the values stated by the document of rank; each replaces
// the current value when rank is not lower than the current value's (the
// same document restating a property replaces its own value).
func (w *winner) offer(rank string, stated map[string]any) {
	for k, v := range stated {
		if v == nil {
			continue
		}
		if cur, ok := w.by[k].(string); !ok || rank >= cur {
			w.props[k], w.by[k] = v, rank
		}
	}
}

// statedRow returns, for the derived properties names, what a document
// states under their StatedProp names; a property it does not state is nil,
// which removes it from an existing MENTIONS or Evidence (SET +=).
func statedRow(names []string, stated map[string]any) map[string]any {
	out := make(map[string]any, len(names))
	for _, k := range names {
		out[StatedProp(k)] = stated[k]
	}
	return out
}

// applyDerived sets the derived properties names of props (an entity's or a
// fact's) from the statements of its supporting documents, rank -> stated
// (StatedProp names), as cypherRecompute and cypherRecount do.
func applyDerived(props map[string]any, names []string, stated map[string]map[string]any) {
	for _, k := range names {
		best, found := "", false
		var val any
		for rank, st := range stated {
			if v := st[StatedProp(k)]; v != nil && (!found || rank > best) {
				best, val, found = rank, v, true
			}
		}
		delete(props, k)
		delete(props, SourceProp(k))
		if found {
			props[k], props[SourceProp(k)] = val, best
		}
	}
}

// derivedSets returns, for the fixed query text, the SET items that set the
// derived properties names of variable v from list, a list of [rank,
// stated values…] sorted by rank, greatest first: each property from the
// first entry that states it.
func derivedSets(v, list string, names []string) []string {
	var out []string
	for i, k := range names {
		pick := "[x IN " + list + " WHERE x[" + itoa(i+1) + "] IS NOT NULL][0]"
		out = append(out, v+"."+quote(k)+" = "+pick+"["+itoa(i+1)+"]", v+"."+quote(SourceProp(k))+" = "+pick+"[0]")
	}
	return out
}

// statedList returns the Cypher list [rank, v.`stated.a`, v.`stated.b`…] for
// names.
func statedList(rank, v string, names []string) string {
	out := "[" + rank
	for _, k := range names {
		out += ", " + v + "." + quote(StatedProp(k))
	}
	return out + "]"
}

// offerClauses returns one FOREACH per derived property that sets it on v
// from row.props and row.by when row's rank is not lower than v's: the
// incremental form of derivedSets for documents added.
func offerClauses(v string, names []string) string {
	var out string
	for _, k := range names {
		by := v + "." + quote(SourceProp(k))
		out += "\nFOREACH (_ IN CASE WHEN row.by." + quote(k) + " >= coalesce(" + by + ", '') THEN [1] ELSE [] END |\n" +
			"  SET " + v + "." + quote(k) + " = row.props." + quote(k) + ", " + by + " = row.by." + quote(k) + ")"
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

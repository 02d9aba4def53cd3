package graph

import "slices"

// Parameter rows that depend on what the documents of a write had before
// (cypherDocs): which rows may be created rather than merged, and what the
// write adds to each fact's support and confidence.

// byDoc splits rows (each with a "doc") into those of documents known before
// the write (keys of old) and those of the others, keeping their order.
func byDoc(rows []map[string]any, old map[string][]string) (known, fresh []any) {
	for _, r := range rows {
		if _, ok := old[r["doc"].(string)]; ok {
			known = append(known, r)
		} else {
			fresh = append(fresh, r)
		}
	}
	return known, fresh
}

// withRedated returns copies of mention rows with redated set for the
// documents whose date this write changes.
func withRedated(rows []any, redated map[string]bool) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		m := clone(r.(map[string]any))
		m["redated"] = redated[m["doc"].(string)]
		out[i] = m
	}
	return out
}

// added is what a write adds to one fact: the number of Evidence nodes it
// creates and their best confidence.
type added struct {
	n    int64
	best float64
}

// supportAdded returns, per fact key, the Evidence of p that does not exist
// yet: an Evidence node exists exactly when its document supported its fact
// before (old, read from the documents' Evidence under their write locks).
func supportAdded(p *plan, old map[string][]string) map[string]added {
	before := map[string]bool{}
	for doc, keys := range old {
		for _, k := range keys {
			before[evidenceID(doc, k)] = true
		}
	}
	out := map[string]added{}
	for _, ev := range p.evidence {
		if before[ev["id"].(string)] {
			continue
		}
		props := ev["props"].(map[string]any)
		fact, conf := props["fact"].(string), props["confidence"].(float64)
		a, ok := out[fact]
		if !ok || conf > a.best {
			a.best = conf
		}
		a.n++
		out[fact] = a
	}
	return out
}

// factRows returns the rows of cypherFacts for g: the plan's rows with what
// the write adds to each fact and the element ids of its ends (eids, by
// eidKey).
func factRows(g rows, add map[string]added, eids map[string]any) []any {
	out := make([]any, len(g.Rows))
	for i, r := range g.Rows {
		key := r["key"].(string)
		row := map[string]any{"key": key, "date": r["date"], "props": r["props"], "by": r["by"],
			"a":     eids[eidKey(r["fromLabel"].(string), r["from"].(string))],
			"b":     eids[eidKey(r["toLabel"].(string), r["to"].(string))],
			"added": int64(0), "best": nil}
		if a, ok := add[key]; ok {
			row["added"], row["best"] = a.n, a.best
		}
		out[i] = row
	}
	return out
}

// eidKey is the key of an entity's element id in the map the statements of
// a write fill: its label and key (keys are unique per label only).
func eidKey(label, key string) string { return label + "\x00" + key }

// withEIDs returns copies of mention rows of entities of label with d and n,
// the element ids of their document and entity.
func withEIDs(rs []any, label string, eids map[string]any) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		m := clone(r.(map[string]any))
		m["d"], m["n"] = eids[m["doc"].(string)], eids[eidKey(label, m["key"].(string))]
		out[i] = m
	}
	return out
}

// withDocEIDs returns copies of Evidence rows with d, the element id of
// their document.
func withDocEIDs(rs []any, eids map[string]any) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		m := clone(r.(map[string]any))
		m["d"] = eids[m["doc"].(string)]
		out[i] = m
	}
	return out
}

// distinct returns the strings of ids, sorted, once.
func distinct(ids []any) []any {
	s := strs(ids)
	slices.Sort(s)
	return toAny(slices.Compact(s))
}

// newMentionRows returns the rows of cypherNewMentions for mention rows of
// entities of label: the element ids of the document and the entity (d, n)
// and the relationship's properties (props), stated ones included, nulls
// left out.
func newMentionRows(rs []any, label string, eids map[string]any, now any) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		m := r.(map[string]any)
		props := map[string]any{"name": m["name"], "forms": m["forms"], "count": m["count"], "start": m["start"],
			"end": m["end"], "ingested_at": now}
		for k, v := range m["stated"].(map[string]any) {
			props[k] = v
		}
		out[i] = map[string]any{"d": eids[m["doc"].(string)], "n": eids[eidKey(label, m["key"].(string))], "props": dropNil(props)}
	}
	return out
}

// newEvidenceRows returns the rows of cypherNewEvidence for Evidence rows:
// the element id of the document (d) and the node's properties (props),
// stated ones included, nulls left out.
func newEvidenceRows(rs []any, eids map[string]any) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		m := r.(map[string]any)
		props := clone(m["props"].(map[string]any))
		for k, v := range m["stated"].(map[string]any) {
			props[k] = v
		}
		out[i] = map[string]any{"d": eids[m["doc"].(string)], "props": dropNil(props)}
	}
	return out
}

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

// factRows returns the rows of cypherFacts: the plan's rows with what the
// write adds to each fact.
func factRows(rows []map[string]any, add map[string]added) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		key := r["key"].(string)
		row := map[string]any{"key": key, "from": r["from"], "to": r["to"], "date": r["date"], "props": r["props"],
			"by": r["by"], "added": int64(0), "best": nil}
		if a, ok := add[key]; ok {
			row["added"], row["best"] = a.n, a.best
		}
		out[i] = row
	}
	return out
}

// distinct returns the strings of ids, sorted, once.
func distinct(ids []any) []any {
	s := strs(ids)
	slices.Sort(s)
	return toAny(slices.Compact(s))
}

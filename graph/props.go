package graph

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// clock hands out ingestion stamps, strictly increasing within a process, so a
// write can tell the mentions it made from older ones.
type clock struct {
	mu   sync.Mutex
	last time.Time
}

func (c *clock) now() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := time.Now().UTC()
	if !t.After(c.last) {
		t = c.last.Add(time.Microsecond)
	}
	c.last = t
	return t.Format(time.RFC3339Nano)
}

// setProp sets k to v, or removes k when v is nil (as Neo4j does).
func setProp(props map[string]any, k string, v any) {
	if v == nil {
		delete(props, k)
		return
	}
	props[k] = v
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func dropNil(m map[string]any) map[string]any {
	for k, v := range m {
		if v == nil {
			delete(m, k)
		}
	}
	return m
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// strs returns the strings of a []any or []string.
func strs(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// evidenceOf reads the parallel provenance lists of a fact into entries.
func evidenceOf(props map[string]any) []map[string]any {
	src := asList(props["sources"])
	list := func(name string, i int) any {
		l := asList(props[name])
		if i < len(l) {
			return l[i]
		}
		return nil
	}
	out := make([]map[string]any, len(src))
	for i, s := range src {
		out[i] = map[string]any{"source": s, "text": list("evidence", i), "start": list("evidence_start", i),
			"end": list("evidence_end", i), "rule": list("rules", i), "confidence": list("confidences", i)}
	}
	return out
}

// setEvidence sorts entries by source, start, end and rule and writes them back
// as parallel lists, with confidence the highest of them.
func setEvidence(props map[string]any, evs []map[string]any) {
	slices.SortStableFunc(evs, func(a, b map[string]any) int {
		return cmp.Or(cmp.Compare(a["source"].(string), b["source"].(string)),
			cmp.Compare(a["start"].(int64), b["start"].(int64)), cmp.Compare(a["end"].(int64), b["end"].(int64)),
			cmp.Compare(a["rule"].(string), b["rule"].(string)))
	})
	lists := map[string][]any{}
	best := 0.0
	for _, e := range evs {
		for _, f := range [][2]string{{"sources", "source"}, {"evidence", "text"}, {"evidence_start", "start"},
			{"evidence_end", "end"}, {"rules", "rule"}, {"confidences", "confidence"}} {
			lists[f[0]] = append(lists[f[0]], e[f[1]])
		}
		if c := e["confidence"].(float64); c > best {
			best = c
		}
	}
	for _, name := range []string{"sources", "evidence", "evidence_start", "evidence_end", "rules", "confidences"} {
		l := lists[name]
		if l == nil {
			l = []any{}
		}
		props[name] = l
	}
	props["confidence"] = best
}

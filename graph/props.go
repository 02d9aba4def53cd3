package graph

import (
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

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"golang.org/x/text/width"
)

// rowWriter prints query results: header once, then rows, then flush.
type rowWriter interface {
	header(keys []string) error
	row(values []any) error
	flush() error
}

func newRowWriter(format string, w io.Writer, maxWidth int) (rowWriter, error) {
	switch format {
	case "table":
		return &tableWriter{w: w, max: maxWidth}, nil
	case "json":
		return &jsonWriter{w: w}, nil
	case "csv":
		return &csvWriter{w: csv.NewWriter(w)}, nil
	}
	return nil, usageErrorf("--format %q: want table, json or csv", format)
}

// tableWriter aligns columns; it holds the rows until flush to size them.
type tableWriter struct {
	w    io.Writer
	max  int
	keys []string
	rows [][]string
}

func (t *tableWriter) header(keys []string) error { t.keys = keys; return nil }

func (t *tableWriter) row(values []any) error {
	cells := make([]string, len(values))
	for i, v := range values {
		cells[i] = text(v, ", ")
		if t.max > 0 && i < len(values)-1 {
			cells[i] = cut(cells[i], t.max)
		}
	}
	t.rows = append(t.rows, cells)
	return nil
}

func (t *tableWriter) flush() error {
	widths := make([]int, len(t.keys))
	for i, k := range t.keys {
		widths[i] = displayWidth(k)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b bytes.Buffer
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(isolate(c))
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)))
			}
		}
		b.WriteByte('\n')
	}
	line(t.keys)
	rule := make([]string, len(t.keys))
	for i := range rule {
		rule[i] = strings.Repeat("─", widths[i])
		if t.max > 0 && i == len(rule)-1 {
			rule[i] = strings.Repeat("─", min(widths[i], max(t.max, displayWidth(t.keys[i]))))
		}
	}
	line(rule)
	for _, r := range t.rows {
		line(r)
	}
	fmt.Fprintf(&b, "(%d %s)\n", len(t.rows), plural(len(t.rows), "row", "rows"))
	_, err := t.w.Write(b.Bytes())
	return err
}

// isolate wraps text holding right-to-left letters in Unicode's first strong
// isolate (U+2068 … U+2069): a terminal or viewer that applies the
// bidirectional algorithm then lays the cell out in its own direction
// without moving it across the columns. Both marks are invisible.
func isolate(s string) string {
	for _, r := range s {
		if unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) {
			return "\u2068" + s + "\u2069"
		}
	}
	return s
}

// displayWidth is the number of terminal cells s takes: combining marks
// (Arabic vowel signs) and format characters take none, wide East Asian
// characters two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// cut shortens s to at most n characters of display width, ending it with "…".
func cut(s string, n int) string {
	if displayWidth(s) <= n {
		return s
	}
	w := 0
	for i, r := range s {
		rw := displayWidth(string(r))
		if w+rw > n-1 {
			return strings.TrimSpace(s[:i]) + "…"
		}
		w += rw
	}
	return s
}

// text renders a value for a table cell or a CSV field, lists joined by sep.
func text(v any, sep string) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'g', 4, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = text(e, sep)
		}
		return strings.Join(parts, sep)
	case dbtype.Node:
		return "(" + strings.Join(append([]string{""}, x.Labels...), ":") + " " + nodeName(x.Props) + ")"
	case dbtype.Relationship:
		return "[:" + x.Type + "]"
	case dbtype.Path:
		return fmt.Sprintf("path of %d relationships", len(x.Relationships))
	}
	b, err := json.Marshal(jsonValue(v))
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// nodeName is what names a node in a cell: its id, else its name.
func nodeName(props map[string]any) string {
	for _, k := range []string{"id", "name"} {
		if s, ok := props[k].(string); ok {
			return s
		}
	}
	return ""
}

// jsonValue turns driver values into plain JSON-ready values: nodes and
// relationships become objects with their labels or type and properties,
// temporal values ISO strings.
func jsonValue(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	case dbtype.Node:
		return map[string]any{"labels": x.Labels, "properties": jsonValue(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "properties": jsonValue(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = jsonValue(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = jsonValue(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case fmt.Stringer:
		return x.String()
	}
	return v
}

// jsonWriter prints JSON Lines, keys in column order.
type jsonWriter struct {
	w    io.Writer
	keys []string
}

func (j *jsonWriter) header(keys []string) error { j.keys = keys; return nil }

func (j *jsonWriter) row(values []any) error {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range j.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := marshalNoEscape(jsonValue(values[i]))
		if err != nil {
			return fmt.Errorf("column %s: %w", k, err)
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteString("}\n")
	_, err := j.w.Write(b.Bytes())
	return err
}

func (j *jsonWriter) flush() error { return nil }

// marshalNoEscape is json.Marshal without HTML escaping (no \u003c for <),
// maps with sorted keys as usual.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// csvWriter prints RFC 4180 CSV with a header row.
type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) header(keys []string) error { return c.w.Write(keys) }

func (c *csvWriter) row(values []any) error {
	rec := make([]string, len(values))
	for i, v := range values {
		rec[i] = text(v, ";")
	}
	return c.w.Write(rec)
}

func (c *csvWriter) flush() error { c.w.Flush(); return c.w.Error() }

package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// GraphML writes a GraphML document to w (see the package comment).
type GraphML struct {
	w        io.Writer
	body     *spool
	nodeCols columns
	edgeCols columns
	edges    int
	closed   bool
}

// NewGraphML returns a GraphML writer to w.
func NewGraphML(w io.Writer) (*GraphML, error) {
	s, err := newSpool()
	if err != nil {
		return nil, err
	}
	return &GraphML{w: w, body: s}, nil
}

// Node writes a node.
func (g *GraphML) Node(n Node) error {
	attrs := map[string]any{"labels": ":" + strings.Join(n.Labels, ":"), "label": Caption(n)}
	for k, v := range n.Props {
		attrs[k] = v
	}
	if err := g.nodeCols.add(attrs); err != nil {
		return fmt.Errorf("node %s: %w", n.Ref().Key, err)
	}
	fmt.Fprintf(g.body, "    <node id=%s>\n", attr(xmlID(n.Ref())))
	g.data("n", attrs)
	_, err := io.WriteString(g.body, "    </node>\n")
	return err
}

// Rel writes an edge.
func (g *GraphML) Rel(r Rel) error {
	attrs := map[string]any{"type": r.Type, "label": r.Type}
	for k, v := range r.Props {
		attrs[k] = v
	}
	if err := g.edgeCols.add(attrs); err != nil {
		return fmt.Errorf("%s relationship from %s to %s: %w", r.Type, r.Start.Key, r.End.Key, err)
	}
	g.edges++
	fmt.Fprintf(g.body, "    <edge id=\"e%d\" source=%s target=%s>\n", g.edges, attr(xmlID(r.Start)), attr(xmlID(r.End)))
	g.data("e", attrs)
	_, err := io.WriteString(g.body, "    </edge>\n")
	return err
}

// data writes one <data> element per non-null attribute, sorted by key.
func (g *GraphML) data(domain string, attrs map[string]any) {
	keys := make([]string, 0, len(attrs))
	for k, v := range attrs {
		if v != nil {
			keys = append(keys, k)
		}
	}
	sortKeys(keys)
	for _, k := range keys {
		v := attrs[k]
		text := scalarText(v)
		if it := items(v); it != nil || isList(v) {
			text = strings.Join(it, "; ")
		}
		fmt.Fprintf(g.body, "      <data key=%s>%s</data>\n", attr(domain+"_"+k), escape(text))
	}
}

// Close writes the header, the spooled nodes and edges and the footer.
func (g *GraphML) Close() error {
	if g.closed {
		return nil
	}
	g.closed = true
	defer g.body.remove()
	b := bufio.NewWriter(g.w)
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, d := range []struct {
		prefix, domain string
		cols           *columns
		first          []string
	}{{"n", "node", &g.nodeCols, []string{"labels", "label", "id", "name"}}, {"e", "edge", &g.edgeCols, []string{"type", "label"}}} {
		for _, k := range d.cols.sorted(d.first...) {
			fmt.Fprintf(b, "  <key id=%s for=%q attr.name=%s attr.type=%q/>\n", attr(d.prefix+"_"+k), d.domain, attr(k), graphMLType(d.cols.typeFor(k)))
		}
	}
	b.WriteString("  <graph id=\"G\" edgedefault=\"directed\">\n")
	if err := b.Flush(); err != nil {
		return err
	}
	if err := g.body.copyTo(g.w); err != nil {
		return err
	}
	_, err := io.WriteString(g.w, "  </graph>\n</graphml>\n")
	return err
}

// graphMLType maps an import type to GraphML's attr.type; lists are strings.
func graphMLType(t string) string {
	switch t {
	case tLong:
		return "long"
	case tDouble:
		return "double"
	case tBoolean:
		return "boolean"
	}
	return "string"
}

func xmlID(r Ref) string { return r.Space + ":" + r.Key }

// attr returns s as a quoted, escaped XML attribute value.
func attr(s string) string { return `"` + escape(s) + `"` }

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func isList(v any) bool {
	switch v.(type) {
	case []any, []string:
		return true
	}
	return false
}

package export

import (
	"errors"
	"slices"
)

// ErrValue is wrapped by errors about a value a format cannot hold.
var ErrValue = errors.New("value cannot be exported")

// Node is a node: its labels, sorted, and its properties, id among them.
type Node struct {
	Labels []string
	Props  map[string]any
}

// Rel is a relationship between two nodes, given by their Ref.
type Rel struct {
	Type       string
	Start, End Ref
	Props      map[string]any
}

// Ref names a node: its id space and key.
type Ref struct {
	Space, Key string
}

// Ref returns the node's id space and key.
func (n Node) Ref() Ref { return RefOf(n.Labels, n.Props) }

// RefOf returns the id space and key of a node with these labels and
// properties: the space is Document, Evidence or Entity when the node has the
// label, else its labels joined with "_"; the key its id property.
func RefOf(labels []string, props map[string]any) Ref {
	key, _ := props["id"].(string)
	for _, s := range []string{"Document", "Evidence", "Entity"} {
		if slices.Contains(labels, s) {
			return Ref{Space: s, Key: key}
		}
	}
	l := slices.Clone(labels)
	slices.Sort(l)
	sp := ""
	for i, x := range l {
		if i > 0 {
			sp += "_"
		}
		sp += x
	}
	return Ref{Space: sp, Key: key}
}

// Writer writes one export: every node first, then every relationship,
// then Close.
type Writer interface {
	Node(n Node) error
	Rel(r Rel) error
	// Close writes what remains (headers, files) and releases temporary
	// files; it must be called, after an error too.
	Close() error
}

// Caption is what to show for a node: an entity's name, a document's title
// (else its id), an evidence's fact type and document, else the id.
func Caption(n Node) string {
	s := func(k string) string { v, _ := n.Props[k].(string); return v }
	switch {
	case slices.Contains(n.Labels, "Evidence") && s("type") != "":
		return s("type") + " · " + s("doc")
	case slices.Contains(n.Labels, "Document") && s("title") != "":
		return s("title")
	case s("name") != "":
		return s("name")
	}
	return s("id")
}

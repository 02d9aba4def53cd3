package schema

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file is phase 1 of loading: a walk over the yaml.Node tree of one file,
// guided by a spec of the format (format.go), that collects every problem with
// its position instead of stopping at the first.

// kind is the shape a spec expects of a node.
type kind int

const (
	kindString kind = iota // any scalar but null
	kindInt
	kindBool
	kindFloat
	kindList   // a sequence of elem
	kindObject // a mapping with the fixed keys of fields
	kindMap    // a mapping with free keys (strings, or integers with intKeys)
)

// spec describes what a node may contain.
type spec struct {
	kind kind
	// nonEmpty rejects empty strings, lists and maps (and null).
	nonEmpty bool
	fields   []field // kindObject
	elem     *spec   // kindList and kindMap
	// intKeys makes a kindMap's keys integers, between keyMin and keyMax unless
	// both are 0.
	intKeys        bool
	keyMin, keyMax int
	// key checks each key of a kindMap with string keys.
	key func(w *walker, k *yaml.Node, path string)
	// check runs after the node's own shape is accepted; it adds further problems
	// and records facts for the checks across files.
	check func(w *walker, n *yaml.Node, path string)
}

// field is one key of an object.
type field struct {
	name     string
	required bool
	spec     *spec
}

// walker collects the problems of one file and the facts checked across files.
type walker struct {
	file  string
	probs Problems
	facts *facts
}

// add reports a problem at node n.
func (w *walker) add(n *yaml.Node, path, format string, args ...any) {
	w.probs = append(w.probs, Problem{File: w.file, Line: n.Line, Column: n.Column, Path: path,
		Message: fmt.Sprintf(format, args...)})
}

// pos returns where n is, for the checks across files.
func (w *walker) pos(n *yaml.Node, path string) pos {
	return pos{file: w.file, line: n.Line, col: n.Column, path: path}
}

// walk checks n against s.
func (w *walker) walk(n *yaml.Node, s *spec, path string) {
	if n.Kind == yaml.AliasNode {
		w.add(n, path, "YAML aliases (*%s) are not supported; write the value out", n.Value)
		return
	}
	if isNull(n) && s.kind != kindBool && s.kind != kindInt && s.kind != kindFloat {
		if s.nonEmpty {
			w.add(n, path, "must not be empty")
		}
		return
	}
	switch s.kind {
	case kindString:
		if n.Kind != yaml.ScalarNode {
			w.add(n, path, "want a string, got %s", describe(n))
			return
		}
		if s.nonEmpty && strings.TrimSpace(n.Value) == "" {
			w.add(n, path, "must not be empty")
			return
		}
	case kindInt:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
			w.add(n, path, "want an integer, got %s", describe(n))
			return
		}
	case kindBool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			w.add(n, path, "want true or false, got %s", describe(n))
			return
		}
	case kindFloat:
		if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!float" && n.ShortTag() != "!!int") {
			w.add(n, path, "want a number, got %s", describe(n))
			return
		}
	case kindList:
		if n.Kind != yaml.SequenceNode {
			w.add(n, path, "want a list, got %s", describe(n))
			return
		}
		if s.nonEmpty && len(n.Content) == 0 {
			w.add(n, path, "must not be empty")
		}
		for i, c := range n.Content {
			w.walk(c, s.elem, fmt.Sprintf("%s[%d]", path, i))
		}
	case kindObject:
		if n.Kind != yaml.MappingNode {
			w.add(n, path, "want a mapping, got %s", describe(n))
			return
		}
		w.walkObject(n, s, path)
	case kindMap:
		if n.Kind != yaml.MappingNode {
			w.add(n, path, "want a mapping, got %s", describe(n))
			return
		}
		if s.nonEmpty && len(n.Content) == 0 {
			w.add(n, path, "must not be empty")
		}
		w.walkMap(n, s, path)
	}
	if s.check != nil {
		s.check(w, n, path)
	}
}

// walkObject checks the keys of an object mapping and walks their values.
func (w *walker) walkObject(n *yaml.Node, s *spec, path string) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.mapKey(k, seen, path) {
			continue
		}
		f, ok := findField(s.fields, k.Value)
		if !ok {
			w.add(k, join(path, k.Value), "unknown field %q (want one of: %s)", k.Value, fieldNames(s.fields))
			continue
		}
		w.walk(v, f.spec, join(path, k.Value))
	}
	for _, f := range s.fields {
		if _, ok := seen[f.name]; f.required && !ok {
			w.add(n, path, "missing required field %q", f.name)
		}
	}
}

// walkMap checks the free keys of a mapping and walks their values.
func (w *walker) walkMap(n *yaml.Node, s *spec, path string) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !w.mapKey(k, seen, path) {
			continue
		}
		p := join(path, k.Value)
		if s.intKeys {
			x, err := strconv.Atoi(k.Value)
			switch {
			case k.ShortTag() != "!!int" || err != nil:
				w.add(k, p, "key: want an integer, got %s", describe(k))
				continue
			case (s.keyMin != 0 || s.keyMax != 0) && (x < s.keyMin || x > s.keyMax):
				w.add(k, p, "key %d out of range %d..%d", x, s.keyMin, s.keyMax)
			}
		} else if s.key != nil {
			s.key(w, k, p)
		}
		w.walk(v, s.elem, p)
	}
}

// mapKey checks that k is a plain scalar key not seen before in its mapping.
func (w *walker) mapKey(k *yaml.Node, seen map[string]*yaml.Node, path string) bool {
	switch {
	case k.Kind != yaml.ScalarNode:
		w.add(k, path, "mapping key: want a string, got %s", describe(k))
		return false
	case k.Value == "<<" && k.ShortTag() == "!!merge":
		w.add(k, path, "YAML merge keys (<<) are not supported")
		return false
	}
	if first, dup := seen[k.Value]; dup {
		w.add(k, join(path, k.Value), "duplicate key %q (first at line %d)", k.Value, first.Line)
		return false
	}
	seen[k.Value] = k
	return true
}

func findField(fields []field, name string) (field, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

func fieldNames(fields []field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// join appends a field name to a path.
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of a node for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "a boolean"
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!str":
		return "a string"
	case "!!timestamp":
		return "a timestamp"
	}
	return "a value tagged " + n.ShortTag()
}

// child returns the value of key in mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// scalar returns the value of key in mapping n if it is a non-null scalar.
func scalar(n *yaml.Node, key string) (string, *yaml.Node) {
	c := child(n, key)
	if c == nil || c.Kind != yaml.ScalarNode || isNull(c) {
		return "", nil
	}
	return c.Value, c
}

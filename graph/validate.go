package graph

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// Fixed names the writer owns; everything else in query text comes from the
// schema and passes identOK.
const (
	labelDocument  = "Document"
	labelEntity    = "Entity"
	labelEvidence  = "Evidence"
	relMentions    = "MENTIONS"
	relHasEvidence = "HAS_EVIDENCE"
)

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// identOK reports whether name may appear in query text as a label, type or
// property name.
func identOK(name string) bool { return identRE.MatchString(name) }

// factOwned names the fact properties the writer maintains itself.
var factOwned = []string{"key", "support", "confidence"}

// entityOwned names the node properties the writer maintains itself.
var entityOwned = []string{"name", "aliases"}

// bookkeeping reports whether label or type is one the writer owns, which no
// extracted entity or relation may use.
func bookkeeping(name string) bool {
	return name == labelDocument || name == labelEvidence || name == relMentions || name == relHasEvidence
}

// Validate checks that r can be stored under s: a document id, entities of
// declared labels with safe keys, relationships of declared types between
// entities of r whose labels the type allows, and property values Neo4j can
// hold. Properties the schema does not declare for the label or type are not
// stored and not checked. Errors wrap ErrInvalid and name the document.
func Validate(s *schema.Schema, r *extract.Result) error {
	id := r.Document.ID
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%w: document %q: %s", ErrInvalid, id, fmt.Sprintf(format, args...))
	}
	if id == "" {
		return fail("empty document id")
	}
	types := map[string]string{}
	for _, e := range r.Entities {
		if e.ID == "" {
			return fail("entity %q has no id", e.Name)
		}
		nt, ok := s.Node(e.Type)
		if !ok || bookkeeping(e.Type) || !identOK(e.Type) || !identOK(nt.Key) {
			return fail("entity %q: type %q is not a node label of the schema", e.ID, e.Type)
		}
		if t, seen := types[e.ID]; seen && t != e.Type {
			return fail("entity %q has two types, %s and %s", e.ID, t, e.Type)
		}
		types[e.ID] = e.Type
		for k, v := range e.Properties {
			if !declared(nt.Properties, k) {
				continue // not stored
			}
			if _, err := normValue(v); err != nil {
				return fail("entity %q: property %s: %v", e.ID, k, err)
			}
		}
	}
	for _, rel := range r.Relations {
		rt, ok := s.Rel(rel.Type)
		if !ok || bookkeeping(rel.Type) || !identOK(rel.Type) {
			return fail("relation type %q is not declared in the schema", rel.Type)
		}
		for _, end := range []struct {
			id, side string
			allowed  []string
		}{{rel.From, "from", rt.From}, {rel.To, "to", rt.To}} {
			label, ok := types[end.id]
			if !ok {
				return fail("%s %s: %q is not an entity of this document", rel.Type, end.side, end.id)
			}
			if len(end.allowed) > 0 && !slices.Contains(end.allowed, label) {
				return fail("%s %s: %q is a %s; the schema allows %v", rel.Type, end.side, end.id, label, end.allowed)
			}
		}
		for k, v := range rel.Properties {
			if !declared(rt.Properties, k) {
				continue // not stored
			}
			if _, err := normValue(v); err != nil {
				return fail("%s %s-%s: property %s: %v", rel.Type, rel.From, rel.To, k, err)
			}
		}
	}
	return nil
}

// normValue converts v to what Neo4j stores and returns (int64, float64,
// string, bool, []any of one of those); nil stays nil.
func normValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string, bool, int64, float64:
		return x, nil
	case int:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case float32:
		return float64(x), nil
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			n, err := normValue(e)
			if err != nil {
				return nil, err
			}
			if _, isList := n.([]any); isList || n == nil {
				return nil, fmt.Errorf("lists may only hold strings, numbers and booleans")
			}
			out[i] = n
		}
		return out, nil
	default:
		return nil, fmt.Errorf("unsupported value of type %T", v)
	}
}

package schema

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/norm"
	"gopkg.in/yaml.v3"
)

// This file holds the checks that span files: declarations recorded during the
// walk of every file, then compared once all files were walked.

// pos is where something was found.
type pos struct {
	file      string
	line, col int
	path      string
}

func (p pos) String() string { return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col) }

func (p pos) problem(format string, args ...any) Problem {
	return Problem{File: p.file, Line: p.line, Column: p.col, Path: p.path, Message: fmt.Sprintf(format, args...)}
}

// ref is a use of a name declared elsewhere; want is the entry type a gazetteer
// reference must point to.
type ref struct {
	name string
	want string
	at   pos
}

// decl is a declaration of a label, type, language or entry.
type decl struct {
	at  pos
	typ string // entry type, for gazetteer ids
}

// alias is one name of a gazetteer entry, for the check of shared aliases.
type alias struct {
	id        string
	form      string
	ambiguous bool
	at        pos
}

// facts is what the walk of all files recorded for the checks across files.
type facts struct {
	labels, rels, ids            map[string][]decl
	labelRefs, relRefs, typeRefs []ref
	idRefs                       []ref
	// packIDRefs are a language pack's references to gazetteer entries
	// (a title's country): checked when the schema has a gazetteer.
	packIDRefs []ref
	aliases    map[string][]alias // by type + "\x00" + folded form
	// packs holds, by language code, what the files of one language pack
	// declare and what its frames use (frames.go).
	packs map[string]*packFacts
}

func newFacts() *facts {
	return &facts{labels: map[string][]decl{}, rels: map[string][]decl{},
		ids: map[string][]decl{}, aliases: map[string][]alias{}, packs: map[string]*packFacts{}}
}

// declare records a declaration of name, found in scalar field key of n.
func (w *walker) declare(m map[string][]decl, n *yaml.Node, key, path, typ string) {
	if name, v := scalar(n, key); v != nil && name != "" {
		m[name] = append(m[name], decl{at: w.pos(v, join(path, key)), typ: typ})
	}
}

func recordNode(w *walker, n *yaml.Node, path string) {
	w.declare(w.facts.labels, n, "label", path, "")
}

func recordRel(w *walker, n *yaml.Node, path string) {
	w.declare(w.facts.rels, n, "type", path, "")
	if sym, v := scalar(n, "symmetric"); v != nil && sym == "true" {
		from, to := stringList(child(n, "from")), stringList(child(n, "to"))
		sort.Strings(from)
		sort.Strings(to)
		if strings.Join(from, ",") != strings.Join(to, ",") {
			w.add(v, join(path, "symmetric"), "a symmetric relationship needs the same labels in from and to")
		}
	}
}

func recordLabelRef(w *walker, n *yaml.Node, path string) {
	w.facts.labelRefs = append(w.facts.labelRefs, ref{name: n.Value, at: w.pos(n, path)})
}

func recordRelRef(w *walker, n *yaml.Node, path string) {
	w.facts.relRefs = append(w.facts.relRefs, ref{name: n.Value, at: w.pos(n, path)})
}

// recordEntry records a gazetteer entry's id, references and aliases, and checks
// the fields that only some types may have.
func recordEntry(w *walker, n *yaml.Node, path string) {
	typ, _ := scalar(n, "type")
	w.declare(w.facts.ids, n, "id", path, typ)
	id, _ := scalar(n, "id")
	for _, f := range []struct{ key, want string }{{"country", Country}, {"city", City}, {"capital", City}} {
		if v, vn := scalar(n, f.key); vn != nil && v != "" {
			w.facts.idRefs = append(w.facts.idRefs, ref{name: v, want: f.want, at: w.pos(vn, join(path, f.key))})
		}
	}
	for _, f := range []struct{ key, only string }{{"offices", Person}, {"capital", Country}, {"iso2", Country}} {
		if k := child(n, f.key); k != nil && typ != "" && typ != f.only && !isNull(k) {
			w.add(k, join(path, f.key), "only a %s may have %s", f.only, f.key)
		}
	}
	if id == "" || typ == "" {
		return
	}
	amb, _ := scalar(n, "ambiguous")
	add := func(v *yaml.Node, p string) {
		if v.Kind != yaml.ScalarNode || isNull(v) {
			return
		}
		key := typ + "\x00" + norm.Fold(v.Value)
		for _, a := range w.facts.aliases[key] {
			if a.id == id {
				return // the same entry may repeat a form across languages
			}
		}
		w.facts.aliases[key] = append(w.facts.aliases[key], alias{id: id, form: v.Value, ambiguous: amb == "true", at: w.pos(v, p)})
	}
	for _, key := range []string{"names", "short"} {
		m := child(n, key)
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if l := m.Content[i+1]; l.Kind == yaml.SequenceNode {
				for j, v := range l.Content {
					add(v, fmt.Sprintf("%s.%s.%s[%d]", path, key, m.Content[i].Value, j))
				}
			}
		}
	}
	if l := child(n, "abbreviations"); l != nil && l.Kind == yaml.SequenceNode {
		for j, v := range l.Content {
			add(v, fmt.Sprintf("%s.abbreviations[%d]", path, j))
		}
	}
}

// stringList returns the scalar values of a sequence node.
func stringList(n *yaml.Node) []string {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind == yaml.ScalarNode {
			out = append(out, c.Value)
		}
	}
	return out
}

// check compares what all files declared and used.
func (f *facts) check() Problems {
	var ps Problems
	dups := func(m map[string][]decl, what string) {
		for name, ds := range m {
			for i, d := range ds {
				if len(ds) > 1 {
					other := ds[0]
					if i == 0 {
						other = ds[1]
					}
					ps = append(ps, d.at.problem("duplicate %s %q (also at %s)", what, name, other.at))
				}
			}
		}
	}
	dups(f.labels, "node label")
	dups(f.rels, "relationship type")
	ps = append(ps, f.checkPacks()...)
	dups(f.ids, "id")
	for _, r := range f.labelRefs {
		if _, ok := f.labels[r.name]; !ok {
			ps = append(ps, r.at.problem("undeclared node label %q", r.name))
		}
	}
	for _, r := range f.typeRefs {
		if _, ok := f.labels[r.name]; !ok {
			ps = append(ps, r.at.problem("entry type %q is not a declared node label", r.name))
		}
	}
	for _, r := range f.relRefs {
		if _, ok := f.rels[r.name]; !ok {
			ps = append(ps, r.at.problem("undeclared relationship type %q", r.name))
		}
	}
	refs := f.idRefs
	if len(f.ids) > 0 {
		refs = append(refs, f.packIDRefs...)
	}
	for _, r := range refs {
		ds, ok := f.ids[r.name]
		switch {
		case !ok:
			ps = append(ps, r.at.problem("no gazetteer entry with id %q", r.name))
		case ds[0].typ != r.want:
			ps = append(ps, r.at.problem("%q is %s, want %s", r.name, article(ds[0].typ), article(r.want)))
		}
	}
	for _, as := range f.aliases {
		if len(as) < 2 {
			continue
		}
		for i, a := range as {
			for j, b := range as {
				if i != j && !(a.ambiguous && b.ambiguous) {
					ps = append(ps, a.at.problem("alias %q is also a name of %s (%s); mark both ambiguous: true if they share it", a.form, b.id, b.at))
					break
				}
			}
		}
	}
	return ps
}

// article puts a or an before a type name.
func article(typ string) string {
	if typ != "" && strings.ContainsRune("AEIOU", rune(typ[0])) {
		return "an " + typ
	}
	return "a " + typ
}

// ValidDate reports whether s is an ISO date: YYYY, YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// DateBefore reports whether the ISO date a is wholly before b, comparing at the
// precision of the less precise one (2013 is not before 2013-03-14).
func DateBefore(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

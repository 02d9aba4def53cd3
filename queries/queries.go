// Package queries holds the analysts' Cypher cookbook: one query per file,
// a header comment saying what it answers and its parameters. README.md
// lists them; queries_test.go runs each against Neo4j on a known graph;
// `dipgraph query` runs them by name.
//
// # Header
//
// Each file starts with // comments. The first sentence says what the query
// answers (List shows it). A line "Parameters:" is followed by one line per
// parameter, "$name  what it is", or "$a, $b  what they are"; a trailing
// "[…]" on that line holds its attributes, comma-separated: "integer" (the
// value is a whole number, not a string) and "default: VALUE" (a JSON value,
// null included; without a default the parameter is required).
//
//	// Parameters:
//	//   $person  entity id of one participant, or null for all [default: null]
//	//   $limit   number of rows [integer, default: 25]
package queries

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// FS holds the *.cypher files.
//
//go:embed *.cypher
var FS embed.FS

// ErrUnknown is wrapped by errors about a query name the cookbook lacks.
var ErrUnknown = errors.New("no such query")

// ErrParam is wrapped by errors about missing or malformed parameter values.
var ErrParam = errors.New("bad parameter")

// Query is one query of the cookbook.
type Query struct {
	// Name is the file name without ".cypher".
	Name string
	// Summary is the header's first sentence.
	Summary string
	// Doc is the whole header, comment marks removed.
	Doc string
	// Params are the declared parameters in header order.
	Params []Param
	// Text is the query without its header and trailing semicolon.
	Text string
}

// Param is a declared parameter of a query.
type Param struct {
	Name, Doc string
	// Integer means the value is a whole number.
	Integer bool
	// Default is the value when none is given; HasDefault says whether there
	// is one (a required parameter has none).
	Default    any
	HasDefault bool
}

// Text returns the query in NAME.cypher without its trailing semicolon, ready
// for a driver.
func Text(name string) (string, error) {
	b, err := FS.ReadFile(name + ".cypher")
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimSpace(string(b)), ";"), nil
}

// List returns every query of the cookbook, sorted by name.
func List() ([]Query, error) {
	files, err := fs.Glob(FS, "*.cypher")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	out := make([]Query, 0, len(files))
	for _, f := range files {
		q, err := Get(strings.TrimSuffix(f, ".cypher"))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// Get returns the query NAME; an unknown name is an error wrapping
// ErrUnknown.
func Get(name string) (Query, error) {
	if strings.ContainsAny(name, "/\\.") {
		return Query{}, fmt.Errorf("%w: %q", ErrUnknown, name)
	}
	b, err := FS.ReadFile(name + ".cypher")
	if err != nil {
		return Query{}, fmt.Errorf("%w: %q", ErrUnknown, name)
	}
	q, err := Parse(name, string(b))
	if err != nil {
		return Query{}, fmt.Errorf("%s.cypher: %w", name, err)
	}
	return q, nil
}

var paramLine = regexp.MustCompile(`^\s+(\$\w+(?:\s*,\s*\$\w+)*)\s+(.*)$`)

// Parse reads a query file's header and text.
func Parse(name, src string) (Query, error) {
	q := Query{Name: name}
	var doc, body []string
	inHeader, inParams := true, false
	for line := range strings.SplitSeq(src, "\n") {
		if inHeader && strings.HasPrefix(line, "//") {
			c := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
			doc = append(doc, c)
			if strings.TrimSpace(c) == "Parameters:" {
				inParams = true
				continue
			}
			if m := paramLine.FindStringSubmatch(" " + c); inParams && m != nil {
				desc, attrs := m[2], ""
				if i := strings.LastIndex(desc, "["); i >= 0 && strings.HasSuffix(desc, "]") {
					desc, attrs = strings.TrimSpace(desc[:i]), desc[i+1:len(desc)-1]
				}
				for n := range strings.SplitSeq(m[1], ",") {
					p := Param{Name: strings.TrimPrefix(strings.TrimSpace(n), "$"), Doc: desc}
					if err := p.attrs(attrs); err != nil {
						return q, fmt.Errorf("parameter $%s: %w", p.Name, err)
					}
					q.Params = append(q.Params, p)
				}
				continue
			}
			if !strings.HasPrefix(c, " ") {
				inParams = false
			}
			continue
		}
		inHeader = false
		body = append(body, line)
	}
	q.Doc = strings.TrimSpace(strings.Join(doc, "\n"))
	q.Summary = summary(q.Doc)
	q.Text = strings.TrimSuffix(strings.TrimSpace(strings.Join(body, "\n")), ";")
	if q.Text == "" {
		return q, errors.New("no query text")
	}
	for _, p := range q.Params {
		if !strings.Contains(q.Text, "$"+p.Name) {
			return q, fmt.Errorf("parameter $%s is declared but the query does not use it", p.Name)
		}
	}
	return q, nil
}

// attrs reads a parameter's "[integer, default: 25]" attributes.
func (p *Param) attrs(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	for a := range strings.SplitSeq(s, ",") {
		a = strings.TrimSpace(a)
		switch {
		case a == "integer":
			p.Integer = true
		case strings.HasPrefix(a, "default:"):
			v := strings.TrimSpace(strings.TrimPrefix(a, "default:"))
			if err := json.Unmarshal([]byte(v), &p.Default); err != nil {
				return fmt.Errorf("default %q is not a JSON value", v)
			}
			p.HasDefault = true
		default:
			return fmt.Errorf("unknown attribute %q (want integer or default: VALUE)", a)
		}
	}
	if p.Integer && p.HasDefault && p.Default != nil {
		f, ok := p.Default.(float64)
		if !ok || f != float64(int64(f)) {
			return fmt.Errorf("default %v is not an integer", p.Default)
		}
		p.Default = int64(f)
	}
	return nil
}

// summary is the first sentence of a header.
func summary(doc string) string {
	s := strings.Join(strings.Fields(doc), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	if i := strings.Index(s, " Parameters:"); i >= 0 {
		s = s[:i]
	}
	return s
}

// Bind returns the parameters of q from values given as text (NAME → VALUE):
// "null" is null, an integer parameter's value a whole number, any other a
// string; parameters not given take their default. An unknown name, a
// required parameter not given or a malformed integer is an error wrapping
// ErrParam.
func (q Query) Bind(values map[string]string) (map[string]any, error) {
	out := map[string]any{}
	known := map[string]bool{}
	var missing []string
	for _, p := range q.Params {
		known[p.Name] = true
		v, ok := values[p.Name]
		switch {
		case !ok && p.HasDefault:
			out[p.Name] = p.Default
		case !ok:
			missing = append(missing, p.Name)
		case v == "null":
			out[p.Name] = nil
		case p.Integer:
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%w: %s=%q: want a whole number", ErrParam, p.Name, v)
			}
			out[p.Name] = n
		default:
			out[p.Name] = v
		}
	}
	for name := range values {
		if !known[name] {
			return nil, fmt.Errorf("%w: query %s has no parameter %q (it takes %s)", ErrParam, q.Name, name, q.paramNames())
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%w: query %s needs %s", ErrParam, q.Name, strings.Join(prefixed(missing), ", "))
	}
	return out, nil
}

func (q Query) paramNames() string {
	if len(q.Params) == 0 {
		return "none"
	}
	var n []string
	for _, p := range q.Params {
		n = append(n, p.Name)
	}
	return strings.Join(n, ", ")
}

func prefixed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "--param " + n + "=…"
	}
	return out
}

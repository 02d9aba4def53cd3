package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// column is a property column: its name and neo4j-admin type ("" for string,
// "ID" for the node id, long, double, boolean, string[], long[]).
type column struct{ name, typ string }

func (c column) header() string {
	if c.typ == "" {
		return c.name
	}
	return c.name + ":" + c.typ
}

// importTypes maps schema property types to neo4j-admin column types.
var importTypes = map[string]string{"string": "", "date": "", "int": "long", "float": "double", "bool": "boolean",
	"string[]": "string[]", "int[]": "long[]"}

// declaredColumns returns a column per declared property, except those named.
func declaredColumns(ps []schema.Property, except ...string) []column {
	var out []column
	for _, p := range ps {
		if !slices.Contains(except, p.Name) {
			out = append(out, column{p.Name, importTypes[p.Type]})
		}
	}
	return out
}

// arrayDelimiter is neo4j-admin import's default.
const arrayDelimiter = ";"

// csvDir writes CSV files into dir, keeping the first error.
type csvDir struct {
	dir string
	err error
}

// nodes writes a node file: one row per properties map, the label column last.
func (w *csvDir) nodes(name string, cols []column, label string, rows []map[string]any) {
	header := []string{}
	for _, c := range cols {
		header = append(header, c.header())
	}
	w.file(name, append(header, ":LABEL"), func(emit func([]string) error) error {
		for _, props := range rows {
			rec, err := record(cols, props)
			if err != nil {
				return err
			}
			if err := emit(append(rec, label)); err != nil {
				return err
			}
		}
		return nil
	})
}

// rels writes a relationship file of one type.
func (w *csvDir) rels(name string, cols []column, typ string, rows []row) {
	header := []string{":START_ID", ":END_ID", ":TYPE"}
	for _, c := range cols {
		header = append(header, c.header())
	}
	w.file(name, header, func(emit func([]string) error) error {
		for _, r := range rows {
			rec, err := record(cols, r.props)
			if err != nil {
				return err
			}
			if err := emit(append([]string{r.from, r.to, typ}, rec...)); err != nil {
				return err
			}
		}
		return nil
	})
}

// file creates name with header and the records body emits.
func (w *csvDir) file(name string, header []string, body func(emit func([]string) error) error) {
	if w.err != nil {
		return
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		w.err = err
		return
	}
	f, err := os.Create(filepath.Join(w.dir, name))
	if err != nil {
		w.err = err
		return
	}
	b := bufio.NewWriterSize(f, 1<<20)
	c := csv.NewWriter(b)
	err = c.Write(header)
	if err == nil {
		err = body(c.Write)
	}
	c.Flush()
	if err == nil {
		err = c.Error()
	}
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		w.err = fmt.Errorf("%s: %w", name, err)
	}
}

// record returns the cells of props for cols; an absent or nil property is an
// empty cell, which the import leaves unset.
func record(cols []column, props map[string]any) ([]string, error) {
	out := make([]string, len(cols))
	for i, c := range cols {
		s, err := cell(props[c.name])
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", c.name, err)
		}
		out[i] = s
	}
	return out, nil
}

func cell(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case []any:
		items := make([]string, len(x))
		for i, e := range x {
			s, err := cell(e)
			if err != nil {
				return "", err
			}
			if strings.Contains(s, arrayDelimiter) {
				return "", fmt.Errorf("list item %q holds the array delimiter %q", s, arrayDelimiter)
			}
			items[i] = s
		}
		return strings.Join(items, arrayDelimiter), nil
	}
	return "", fmt.Errorf("unsupported value of type %T", v)
}

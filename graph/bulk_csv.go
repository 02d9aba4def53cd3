package graph

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The CSV files of a bulk import, in the format of neo4j-admin database
// import: a header of name:type columns, strings always quoted (an unquoted
// empty cell is no property, a quoted one the empty string), lists joined by
// ArrayDelimiter.

// ArrayDelimiter separates the items of a list in a cell of the bulk CSV
// files: the unit separator (U+001F), which no text dipgraph stores holds.
// neo4j-admin import must be given it: --array-delimiter=U+001F.
const ArrayDelimiter = "\x1f"

// column is a property column: its name and neo4j-admin type ("" for
// string, "ID(space)" for a node id, "START_ID(space)" and "END_ID(space)"
// for a relationship's ends, long, double, boolean, string[]…).
type column struct{ name, typ string }

func (c column) header() string {
	if c.typ == "" {
		return c.name
	}
	return c.name + ":" + c.typ
}

// importTypes maps schema property types to neo4j-admin column types.
var importTypes = map[string]string{"string": "", "date": "", "int": "long", "float": "double", "bool": "boolean",
	"string[]": "string[]", "int[]": "long[]", "float[]": "double[]", "bool[]": "boolean[]"}

// csvFile is one CSV file written row by row.
type csvFile struct {
	path string
	cols []column
	f    *os.File
	w    *bufio.Writer
	rows int
	// multiline is whether a cell holds a line break: neo4j-admin must be
	// told (--multiline-fields), and reads such a file more slowly.
	multiline bool
}

func createCSV(dir, name string, cols []column) (*csvFile, error) {
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c := &csvFile{path: path, cols: cols, f: f, w: bufio.NewWriterSize(f, 1<<16)}
	for i, col := range cols {
		if i > 0 {
			c.w.WriteByte(',')
		}
		c.w.WriteString(col.header())
	}
	c.w.WriteByte('\n')
	return c, nil
}

// row writes one record, a value per column: nil (no property), or a value
// of the column's type (string, bool, int64, float64 or a list of them).
func (c *csvFile) row(values ...any) error {
	for i, v := range values {
		if i > 0 {
			c.w.WriteByte(',')
		}
		if !typeOK(c.cols[i].typ, v) {
			return fmt.Errorf("property %s: a %T where the schema declares %s", c.cols[i].name, v, c.cols[i].typ)
		}
		if err := writeCell(c.w, v); err != nil {
			return fmt.Errorf("property %s: %w", c.cols[i].name, err)
		}
		c.multiline = c.multiline || spansLines(v)
	}
	c.rows++
	return c.w.WriteByte('\n')
}

// typeOK reports whether v can be written in a column of type typ and read
// back as the same value.
func typeOK(typ string, v any) bool {
	if v == nil {
		return true
	}
	if l, ok := v.([]any); ok {
		if !strings.HasSuffix(typ, "[]") || len(l) == 0 {
			return false // an empty list has no CSV form but the empty string's
		}
		elem := strings.TrimSuffix(typ, "[]")
		if elem == "string" {
			elem = ""
		}
		for _, e := range l {
			if !typeOK(elem, e) {
				return false
			}
		}
		return true
	}
	switch v.(type) {
	case string:
		return typ == "" || strings.Contains(typ, "ID(")
	case bool:
		return typ == "boolean"
	case int64:
		return typ == "long"
	case float64:
		return typ == "double"
	}
	return false
}

// spansLines reports whether a string of v, or of the list v, holds a line
// break.
func spansLines(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.ContainsAny(x, "\r\n")
	case []any:
		return slices.ContainsFunc(x, spansLines)
	}
	return false
}

func (c *csvFile) close() error {
	err := c.w.Flush()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func writeCell(w *bufio.Writer, v any) error {
	switch x := v.(type) {
	case nil:
	case string:
		quoted(w, x)
	case bool:
		w.WriteString(strconv.FormatBool(x))
	case int64:
		w.WriteString(strconv.FormatInt(x, 10))
	case float64:
		w.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case []any:
		var b strings.Builder
		for i, e := range x {
			if i > 0 {
				b.WriteString(ArrayDelimiter)
			}
			s, err := listItem(e)
			if err != nil {
				return err
			}
			b.WriteString(s)
		}
		quoted(w, b.String())
	default:
		return fmt.Errorf("unsupported value of type %T", v)
	}
	return nil
}

func listItem(v any) (string, error) {
	switch x := v.(type) {
	case string:
		if strings.Contains(x, ArrayDelimiter) || x == "" {
			return "", fmt.Errorf("list item %q is empty or holds the array delimiter U+001F", x)
		}
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	}
	return "", fmt.Errorf("unsupported list item of type %T", v)
}

// quoted writes s between double quotes, doubling the quotes it holds.
func quoted(w *bufio.Writer, s string) {
	w.WriteByte('"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		w.WriteString(s[:i+1])
		w.WriteByte('"')
		s = s[i+1:]
	}
	w.WriteString(s)
	w.WriteByte('"')
}

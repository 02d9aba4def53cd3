package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// CSV writes neo4j-admin import files into a directory (see the package
// comment).
type CSV struct {
	dir, delim string
	tables     map[string]*table // by file name
	names      []string          // file names in creation order
	closed     bool
}

// table is one CSV file in the making: its columns and spooled rows, each a
// JSON object of cells.
type table struct {
	node       bool
	label      string // node files: the :LABEL cell
	typ        string // relationship files: the :TYPE cell
	start, end string // id spaces
	space      string // node files: the id space
	cols       columns
	rows       *spool
}

// NewCSV returns a writer of CSV files into dir, which it creates; delim is
// the array delimiter (one character; ";" when empty).
func NewCSV(dir, delim string) (*CSV, error) {
	if delim == "" {
		delim = ";"
	}
	if len([]rune(delim)) != 1 || delim == "," || delim == `"` || delim == "\n" {
		return nil, fmt.Errorf("array delimiter %q: want one character other than a comma, a quote or a newline", delim)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &CSV{dir: dir, delim: delim, tables: map[string]*table{}}, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

func (c *CSV) table(name string, t *table) (*table, error) {
	if x := c.tables[name]; x != nil {
		return x, nil
	}
	s, err := newSpool()
	if err != nil {
		return nil, err
	}
	t.rows = s
	c.tables[name] = t
	c.names = append(c.names, name)
	return t, nil
}

// Node adds a node to the file of its labels.
func (c *CSV) Node(n Node) error {
	ref := n.Ref()
	name := "nodes-" + unsafeName.ReplaceAllString(strings.Join(n.Labels, "_"), "_") + ".csv"
	t, err := c.table(name, &table{node: true, label: strings.Join(n.Labels, ";"), space: ref.Space})
	if err != nil {
		return err
	}
	if t.space != ref.Space {
		return fmt.Errorf("node %s: labels %v in two id spaces", ref.Key, n.Labels)
	}
	return c.row(t, ref.Key, n.Props)
}

// Rel adds a relationship to the file of its type and end spaces.
func (c *CSV) Rel(r Rel) error {
	name := "rels-" + unsafeName.ReplaceAllString(r.Type+"-"+r.Start.Space+"-"+r.End.Space, "_") + ".csv"
	t, err := c.table(name, &table{typ: r.Type, start: r.Start.Space, end: r.End.Space})
	if err != nil {
		return err
	}
	props := map[string]any{":START_ID": r.Start.Key, ":END_ID": r.End.Key}
	for k, v := range r.Props {
		props[k] = v
	}
	return c.row(t, r.Start.Key+" → "+r.End.Key, props)
}

// row spools one row's cells.
func (c *CSV) row(t *table, what string, props map[string]any) error {
	if err := t.cols.add(props); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	cells := make(map[string]string, len(props))
	for k, v := range props {
		if v == nil {
			continue
		}
		if isList(v) {
			it := items(v)
			for _, s := range it {
				if strings.Contains(s, c.delim) {
					return fmt.Errorf("%s: property %s: list item %q holds the array delimiter %q (choose another with --array-delimiter)", what, k, s, c.delim)
				}
			}
			cells[k] = strings.Join(it, c.delim)
			continue
		}
		cells[k] = scalarText(v)
	}
	b, err := json.Marshal(cells)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = t.rows.Write(b)
	return err
}

// Close writes every file with its header, and import.sh.
func (c *CSV) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	defer func() {
		for _, t := range c.tables {
			t.rows.remove()
		}
	}()
	var nodes, rels []string
	for _, name := range c.names {
		t := c.tables[name]
		if err := c.write(name, t); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if t.node {
			nodes = append(nodes, name)
		} else {
			rels = append(rels, name)
		}
	}
	return c.script(nodes, rels)
}

// write writes one file: the header, then each spooled row.
func (c *CSV) write(name string, t *table) error {
	var names, header []string
	if t.node {
		names = t.cols.sorted("id")
		for _, k := range names {
			if k == "id" {
				header = append(header, "id:ID("+t.space+")")
				continue
			}
			header = append(header, column(k, t.cols.typeFor(k)))
		}
		header = append(header, ":LABEL")
	} else {
		names = t.cols.sorted(":START_ID", ":END_ID")
		for _, k := range names {
			switch k {
			case ":START_ID":
				header = append(header, ":START_ID("+t.start+")")
			case ":END_ID":
				header = append(header, ":END_ID("+t.end+")")
			default:
				header = append(header, column(k, t.cols.typeFor(k)))
			}
		}
		header = append(header, ":TYPE")
	}
	f, err := os.Create(filepath.Join(c.dir, name))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	writeRecord(w, header, nil)
	r, err := t.rows.reader()
	if err != nil {
		f.Close()
		return err
	}
	dec := json.NewDecoder(r)
	quoted := make([]bool, len(names)+1)
	for i, k := range names {
		typ := t.cols.typeFor(k)
		quoted[i] = typ == tString || typ == tString+"[]" || strings.HasPrefix(k, ":")
	}
	quoted[len(names)] = true
	rec := make([]string, len(names)+1)
	present := make([]bool, len(names)+1)
	for dec.More() {
		var cells map[string]string
		if err := dec.Decode(&cells); err != nil {
			f.Close()
			return err
		}
		for i, k := range names {
			rec[i], present[i] = cells[k]
		}
		rec[len(names)], present[len(names)] = t.label+t.typ, true
		writeRecord(w, rec, func(i int) bool { return present[i] && quoted[i] })
		clear(present)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// column is a header cell: name, and :type unless a string.
func column(name, typ string) string {
	if typ == tString {
		return name
	}
	return name + ":" + typ
}

// writeRecord writes one CSV line; a cell is quoted when quote says so (a
// string, so that "" is an empty string and not a missing value) or when it
// must be.
func writeRecord(w *bufio.Writer, rec []string, quote func(int) bool) {
	for i, s := range rec {
		if i > 0 {
			w.WriteByte(',')
		}
		if (quote != nil && quote(i)) || strings.ContainsAny(s, ",\"\r\n") || s != strings.TrimSpace(s) {
			w.WriteByte('"')
			w.WriteString(strings.ReplaceAll(s, `"`, `""`))
			w.WriteByte('"')
			continue
		}
		w.WriteString(s)
	}
	w.WriteByte('\n')
}

// script writes import.sh: the neo4j-admin command that loads the files into
// an empty database.
func (c *CSV) script(nodes, rels []string) error {
	slices.Sort(nodes)
	slices.Sort(rels)
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# Loads this export into an empty database with neo4j-admin (the server stopped):\n" +
		"#   sh import.sh [DATABASE]    (default neo4j; NEO4J_ADMIN names the neo4j-admin to run)\n" +
		"# Then, in the new database: dipgraph schema apply (constraints and indexes).\nset -e\ncd \"$(dirname \"$0\")\"\n")
	b.WriteString("exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"${1:-neo4j}\" \\\n")
	b.WriteString("\t--overwrite-destination=false --multiline-fields=true --array-delimiter=" + shellDelim(c.delim) + " \\\n")
	for _, n := range nodes {
		b.WriteString("\t--nodes=" + n + " \\\n")
	}
	for _, r := range rels {
		b.WriteString("\t--relationships=" + r + " \\\n")
	}
	b.WriteString("\t\"$@\"\n")
	return os.WriteFile(filepath.Join(c.dir, "import.sh"), []byte(b.String()), 0o755)
}

// ImportArgs returns the arguments of neo4j-admin database import full, after
// the database name, that load the files in dir (as import.sh runs them).
func (c *CSV) ImportArgs() []string {
	args := []string{"--multiline-fields=true", "--array-delimiter=" + neoDelim(c.delim)}
	var nodes, rels []string
	for _, name := range c.names {
		p := filepath.Join(c.dir, name)
		if c.tables[name].node {
			nodes = append(nodes, "--nodes="+p)
		} else {
			rels = append(rels, "--relationships="+p)
		}
	}
	slices.Sort(nodes)
	slices.Sort(rels)
	return append(append(args, nodes...), rels...)
}

// neoDelim is the delimiter as neo4j-admin takes it: the character, or
// U+XXXX for one that is not printable ASCII.
func neoDelim(d string) string {
	r := []rune(d)[0]
	if r > ' ' && r < 0x7f {
		return d
	}
	return fmt.Sprintf("U+%04X", r)
}

func shellDelim(d string) string { return "'" + strings.ReplaceAll(neoDelim(d), "'", `'\''`) + "'" }

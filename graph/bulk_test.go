package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// TestBulkSameAsMemory writes one corpus into graph.Bulk and into the
// in-memory store (which runs the writer's plans as Neo4j does), reads the
// CSV files back as neo4j-admin database import reads them, and requires the
// same graph: nodes, labels, relationships, property values and their types
// (ingestion times apart).
func TestBulkSameAsMemory(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: "bk-"}
	var rs []extract.Result
	for _, r := range append(graphtest.DerivedCorpus(b), graphtest.Corpus(b, 24)...) {
		rs = append(rs, *r)
	}
	rs[0].Document.Title = `a "quoted" title, with a comma` + "\nand a new line"
	mem := graph.NewMemory(s)
	bulk, err := graph.NewBulk(s, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < len(rs); i += 5 {
		for _, st := range []graph.Store{mem, bulk} {
			if _, err := st.Write(ctx, rs[i:min(i+5, len(rs))]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := bulk.Close(ctx); err != nil {
		t.Fatal(err)
	}
	want := graphtest.Snapshot(t, mem, "")
	got := readImport(t, bulk.Files())
	graphtest.Unstamped(got)
	if len(want.Nodes) == 0 || len(want.Rels) == 0 {
		t.Fatal("empty graph")
	}
	if w, g := graphtest.Format(want), graphtest.Format(got); w != g {
		t.Fatalf("the CSV graph differs from the writer's:\n%s", graphtest.Diff(w, g))
	}
	for i := range want.Nodes { // Format does not show int64 from float64
		if !reflect.DeepEqual(want.Nodes[i], got.Nodes[i]) {
			t.Fatalf("node %d: want %#v\ngot %#v", i, want.Nodes[i], got.Nodes[i])
		}
	}
	for i := range want.Rels {
		if !reflect.DeepEqual(want.Rels[i], got.Rels[i]) {
			t.Fatalf("relationship %d: want %#v\ngot %#v", i, want.Rels[i], got.Rels[i])
		}
	}
	st := bulk.Stats()
	if st.Documents != len(rs) || st.NodesCreated != len(want.Nodes) || st.RelationshipsCreated != len(want.Rels) {
		t.Errorf("stats %+v, want %d documents, %d nodes, %d relationships", st, len(rs), len(want.Nodes), len(want.Rels))
	}
}

// TestBulkRefuses: a value its column cannot hold (nothing of that write is
// in the files), replacing and forgetting.
func TestBulkRefuses(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: "bk-"}
	bulk, err := graph.NewBulk(s, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ok := graphtest.Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
	if _, err := bulk.Write(ctx, []extract.Result{*ok}); err != nil {
		t.Fatal(err)
	}
	bad := graphtest.Meeting(b, "d2", "h2", "p3", "p4", "2026-05-21")
	bad.Entities[0].Properties["provisional"] = "yes" // declared bool
	if _, err := bulk.Write(ctx, []extract.Result{*bad}); !errors.Is(err, graph.ErrInvalid) || !strings.Contains(err.Error(), "provisional") {
		t.Errorf("a string for a bool: err = %v, want ErrInvalid naming the property", err)
	}
	if _, err := bulk.Forget(ctx, []string{b.ID("d1")}); !errors.Is(err, graph.ErrBulk) {
		t.Errorf("forget: err = %v, want ErrBulk", err)
	}
	if err := bulk.ClearFingerprints(ctx, []string{b.ID("d1")}); !errors.Is(err, graph.ErrBulk) {
		t.Errorf("clear fingerprints: err = %v, want ErrBulk", err)
	}
	if err := bulk.Close(ctx); err != nil {
		t.Fatal(err)
	}
	d := readImport(t, bulk.Files())
	for _, n := range d.Nodes {
		if id, _ := n.Props["id"].(string); strings.Contains(id, "d2") || strings.Contains(id, "p3") {
			t.Errorf("the refused write left %v", n)
		}
	}
	if len(d.Nodes) == 0 {
		t.Error("the first write is not in the files")
	}
}

// TestBulkTwice: a document written by two writes fails
// Close with ErrBulk naming it, records in memory as in runs; a Bulk whose
// documents all differ closes.
func TestBulkTwice(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: "bt-"}
	d1 := graphtest.Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
	d2 := graphtest.Meeting(b, "d2", "h2", "p3", "p4", "2026-05-21")
	for _, tc := range []struct {
		name   string
		writes [][]extract.Result
		twice  string // the document Close names, "" for none
	}{
		{"once each", [][]extract.Result{{*d1}, {*d2}}, ""},
		{"in two writes", [][]extract.Result{{*d1}, {*d2}, {*d1}}, b.ID("d1")},
		{"after a write of two", [][]extract.Result{{*d1, *d2}, {*d2}}, b.ID("d2")},
	} {
		for _, runSize := range []int{1 << 20, 16} {
			t.Run(fmt.Sprintf("%s, runs of %d", tc.name, runSize), func(t *testing.T) {
				bulk, err := graph.NewBulkRuns(s, t.TempDir(), runSize)
				if err != nil {
					t.Fatal(err)
				}
				ctx := context.Background()
				for _, w := range tc.writes {
					if _, err := bulk.Write(ctx, w); err != nil {
						t.Fatal(err)
					}
				}
				err = bulk.Close(ctx)
				switch {
				case tc.twice == "" && err != nil:
					t.Errorf("close: %v", err)
				case tc.twice != "" && (!errors.Is(err, graph.ErrBulk) || !strings.Contains(err.Error(), tc.twice+`" written twice`)):
					t.Errorf("close: err = %v, want ErrBulk saying %s was written twice", err, tc.twice)
				}
			})
		}
	}
}

// readImport reads bulk files as neo4j-admin import does: header types, one
// id space per label, lists split at graph.ArrayDelimiter, an unquoted empty
// cell no property and a quoted one the empty string.
func readImport(t *testing.T, files graph.BulkFiles) *graph.Dump {
	t.Helper()
	d := &graph.Dump{}
	for _, spec := range files.Nodes {
		labels, path, _ := strings.Cut(spec, "=")
		for _, rec := range readCSV(t, path) {
			props := map[string]any{}
			for _, c := range rec {
				if c.present {
					props[c.name] = c.value
				}
			}
			ls := strings.Split(labels, ":")
			d.Nodes = append(d.Nodes, graph.DumpNode{Labels: sorted(ls), Props: props})
		}
	}
	for _, spec := range files.Relationships {
		typ, path, _ := strings.Cut(spec, "=")
		for _, rec := range readCSV(t, path) {
			r := graph.DumpRel{Type: typ, Props: map[string]any{}}
			for _, c := range rec {
				switch {
				case strings.HasPrefix(c.typ, "START_ID"):
					r.From = c.value.(string)
				case strings.HasPrefix(c.typ, "END_ID"):
					r.To = c.value.(string)
				case c.present:
					r.Props[c.name] = c.value
				}
			}
			d.Rels = append(d.Rels, r)
		}
	}
	graph.SortDump(d)
	return d
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

type cell struct {
	name, typ string
	present   bool
	value     any
}

// readCSV parses a bulk file: RFC 4180 with quoted fields that may hold
// new lines, telling quoted cells from unquoted ones.
func readCSV(t *testing.T, path string) [][]cell {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type field struct {
		s      string
		quoted bool
	}
	var records [][]field
	var rec []field
	var cur strings.Builder
	quoted, inQuotes := false, false
	s := string(data)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuotes && c == '"' && i+1 < len(s) && s[i+1] == '"':
			cur.WriteByte('"')
			i++
		case inQuotes && c == '"':
			inQuotes = false
		case inQuotes:
			cur.WriteByte(c)
		case c == '"':
			inQuotes, quoted = true, true
		case c == ',' || c == '\n':
			rec = append(rec, field{cur.String(), quoted})
			cur.Reset()
			quoted = false
			if c == '\n' {
				records = append(records, rec)
				rec = nil
			}
		default:
			cur.WriteByte(c)
		}
	}
	if len(records) == 0 {
		t.Fatalf("%s: no header", path)
	}
	var out [][]cell
	for _, r := range records[1:] {
		var cells []cell
		for i, h := range records[0] {
			name, typ, _ := strings.Cut(h.s, ":")
			c := cell{name: name, typ: typ, present: r[i].quoted || r[i].s != ""}
			if c.present {
				c.value = convert(t, filepath.Base(path), typ, r[i].s)
			}
			cells = append(cells, c)
		}
		out = append(out, cells)
	}
	return out
}

func convert(t *testing.T, file, typ, s string) any {
	t.Helper()
	if strings.HasSuffix(typ, "[]") {
		var l []any
		for _, x := range strings.Split(s, graph.ArrayDelimiter) {
			l = append(l, convert(t, file, strings.TrimSuffix(typ, "[]"), x))
		}
		return l
	}
	var v any
	var err error
	switch typ {
	case "long":
		v, err = strconv.ParseInt(s, 10, 64)
	case "double":
		v, err = strconv.ParseFloat(s, 64)
	case "boolean":
		v, err = strconv.ParseBool(s)
	default:
		v = s
	}
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return v
}

// TestBulkMultiline: Files lists as multiline the files, and only those,
// with a value that holds a line break (a document's title, an alias).
func TestBulkMultiline(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: "bm-"}
	for _, tc := range []struct {
		name string
		edit func(*extract.Result)
		want []string // file names
	}{
		{"none", func(*extract.Result) {}, nil},
		{"a title", func(r *extract.Result) { r.Document.Title = "Talks\nin two lines" }, []string{"documents.csv"}},
		{"an alias", func(r *extract.Result) { r.Entities[0].Aliases = append(r.Entities[0].Aliases, "Person\r\np1") },
			[]string{"entities-Person.csv", "mentions-Person.csv"}}, // the mention's forms hold it too
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := graphtest.Meeting(b, "d1", "h1", "p1", "p2", "2026-05-20")
			tc.edit(r)
			bulk, err := graph.NewBulk(s, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if _, err := bulk.Write(ctx, []extract.Result{*r}); err != nil {
				t.Fatal(err)
			}
			if err := bulk.Close(ctx); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range bulk.Files().Multiline {
				got = append(got, filepath.Base(f))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("multiline files %v, want %v", got, tc.want)
			}
		})
	}
}

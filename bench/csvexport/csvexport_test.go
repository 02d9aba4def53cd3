package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/bench/internal/corpus"
	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// TestSameGraphAsIngest exports a generated corpus, reads the CSV files back
// as neo4j-admin import reads them (header types, ";" lists, empty cells
// unset) and requires the graph to equal what graph.Memory, which runs the
// writer's plans, holds after writing the same results: same nodes, labels,
// relationships, properties and property types, but for ingestion times.
func TestSameGraphAsIngest(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	results, err := corpus.Results(s, 1, 60)
	if err != nil {
		t.Fatal(err)
	}
	results = append(results, corpus.Restated()...)
	dir := t.TempDir()
	export(t, s, results, dir)

	m := graph.NewMemory(s)
	for i := 0; i < len(results); i += 16 {
		if _, err := m.Write(context.Background(), results[i:min(i+16, len(results))]); err != nil {
			t.Fatal(err)
		}
	}
	want := canonical(graphtest.Snapshot(t, m, ""))
	got := canonical(readImport(t, dir))
	if len(want.Nodes) == 0 || len(want.Rels) == 0 {
		t.Fatal("empty graph")
	}
	if !reflect.DeepEqual(want, got) {
		w, g := graphtest.Format(want), graphtest.Format(got)
		t.Errorf("the CSV graph differs from dipgraph's (%d/%d nodes, %d/%d relationships):\n%s",
			len(got.Nodes), len(want.Nodes), len(got.Rels), len(want.Rels), diff(w, g))
		for i := range min(len(want.Nodes), len(got.Nodes)) {
			if !reflect.DeepEqual(want.Nodes[i], got.Nodes[i]) {
				t.Errorf("first differing node (Go values):\nwant %#v\ngot  %#v", want.Nodes[i], got.Nodes[i])
				break
			}
		}
	}
}

func TestExportErrors(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := corpus.Restated()
	semicolon := corpus.Restated()[:1]
	semicolon[0].Entities = append([]extract.Entity(nil), semicolon[0].Entities...)
	semicolon[0].Entities[0].Aliases = []string{"one; two"}
	tests := []struct {
		name    string
		results []extract.Result
		want    string
	}{
		{"document twice", []extract.Result{r[0], r[1], r[0]}, "given twice"},
		{"delimiter in a list", semicolon, "holds the array delimiter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGraph(s, "now")
			_, err := shape.Read(s, jsonLines(t, tt.results), g.add)
			if err == nil {
				err = g.write(t.TempDir())
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func jsonLines(t *testing.T, results []extract.Result) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, r := range results {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	return &b
}

// export runs the export of results, through their JSON Lines, into dir.
func export(t *testing.T, s *schema.Schema, results []extract.Result, dir string) {
	t.Helper()
	g := newGraph(s, "2026-01-01T00:00:00Z")
	invalid, err := shape.Read(s, jsonLines(t, results), g.add)
	if err != nil {
		t.Fatal(err)
	}
	if invalid != 0 {
		t.Fatalf("%d invalid documents", invalid)
	}
	if err := g.write(dir); err != nil {
		t.Fatal(err)
	}
}

// readImport reads every CSV file of dir as neo4j-admin import would: a file
// with an :ID column holds nodes, one with :START_ID relationships.
func readImport(t *testing.T, dir string) *graph.Dump {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSV files in %s (%v)", dir, err)
	}
	d := &graph.Dump{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		header := recs[0]
		for _, rec := range recs[1:] {
			var labels []string
			var typ, from, to string
			props := map[string]any{}
			for i, h := range header {
				name, kind, _ := strings.Cut(h, ":")
				switch {
				case kind == "LABEL":
					labels = strings.Split(rec[i], ";")
				case kind == "TYPE":
					typ = rec[i]
				case kind == "START_ID":
					from = rec[i]
				case kind == "END_ID":
					to = rec[i]
				case rec[i] == "":
				default:
					props[name] = value(t, f, kind, rec[i])
				}
			}
			if from != "" {
				d.Rels = append(d.Rels, graph.DumpRel{Type: typ, From: from, To: to, Props: props})
				continue
			}
			slices.Sort(labels)
			d.Nodes = append(d.Nodes, graph.DumpNode{Labels: labels, Props: props})
		}
	}
	return d
}

// value converts a cell as the import does for its column type.
func value(t *testing.T, file, kind, s string) any {
	t.Helper()
	var v any
	var err error
	switch kind {
	case "", "ID":
		v = s
	case "long":
		v, err = strconv.ParseInt(s, 10, 64)
	case "double":
		v, err = strconv.ParseFloat(s, 64)
	case "boolean":
		v, err = strconv.ParseBool(s)
	case "string[]":
		var l []any
		for _, x := range strings.Split(s, ";") {
			l = append(l, x)
		}
		v = l
	default:
		t.Fatalf("%s: column type %q not handled by the test", file, kind)
	}
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return v
}

// canonical drops ingestion times and sorts d: nodes by id and labels,
// relationships by type, ends and key.
func canonical(d *graph.Dump) *graph.Dump {
	for _, n := range d.Nodes {
		delete(n.Props, "ingested_at")
	}
	for _, r := range d.Rels {
		delete(r.Props, "ingested_at")
	}
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	slices.SortFunc(d.Nodes, func(a, b graph.DumpNode) int {
		return cmp.Or(cmp.Compare(str(a.Props, "id"), str(b.Props, "id")),
			cmp.Compare(strings.Join(a.Labels, ":"), strings.Join(b.Labels, ":")))
	})
	slices.SortFunc(d.Rels, func(a, b graph.DumpRel) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
			cmp.Compare(str(a.Props, "key"), str(b.Props, "key")))
	})
	return d
}

// diff lists the lines only one of two texts has.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			sb.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			sb.WriteString("+ " + l + "\n")
		}
	}
	return sb.String()
}

package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMergeType(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"", "long", "long"}, {"long", "double", "double"}, {"long", "string", "string"},
		{"string[]", "string[]", "string[]"}, {"long[]", "double[]", "double[]"}, {"string", "string[]", "string"},
	} {
		if got := mergeType(tt.a, tt.b); got != tt.want {
			t.Errorf("mergeType(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestCSV: strings quoted (an empty string stays one, a missing value is an
// empty cell), numbers typed in the header, lists joined by the delimiter.
func TestCSV(t *testing.T) {
	dir := t.TempDir()
	w, err := NewCSV(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	nodes := []Node{
		{Labels: []string{"Entity", "Person"}, Props: map[string]any{"id": "p1", "name": "شي, \"Xi\"", "aliases": []any{"a", "b"}, "n": int64(2)}},
		{Labels: []string{"Entity", "Person"}, Props: map[string]any{"id": "p2", "name": "", "n": 1.5}},
	}
	for _, n := range nodes {
		if err := w.Node(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Rel(Rel{Type: "MET_WITH", Start: nodes[0].Ref(), End: nodes[1].Ref(), Props: map[string]any{"date": "2026"}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Node(Node{Labels: []string{"Entity", "Person"}, Props: map[string]any{"id": "p3", "aliases": []any{"x;y"}}}); err == nil ||
		!strings.Contains(err.Error(), "array delimiter") {
		t.Errorf("a list item holding the delimiter: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "nodes-Entity_Person.csv"))
	want := "id:ID(Entity),aliases:string[],n:double,name,:LABEL\n" +
		"\"p1\",\"a;b\",2,\"شي, \"\"Xi\"\"\",\"Entity;Person\"\n" +
		"\"p2\",,1.5,\"\",\"Entity;Person\"\n"
	if string(got) != want {
		t.Errorf("nodes file:\n%s\nwant\n%s", got, want)
	}
	rels, _ := os.ReadFile(filepath.Join(dir, "rels-MET_WITH-Entity-Entity.csv"))
	if string(rels) != ":START_ID(Entity),:END_ID(Entity),date,:TYPE\n\"p1\",\"p2\",\"2026\",\"MET_WITH\"\n" {
		t.Errorf("relationships file:\n%s", rels)
	}
	script, _ := os.ReadFile(filepath.Join(dir, "import.sh"))
	if !strings.Contains(string(script), "--nodes=nodes-Entity_Person.csv") || !strings.Contains(string(script), "--relationships=rels-MET_WITH-Entity-Entity.csv") {
		t.Errorf("import.sh:\n%s", script)
	}
}

func TestGraphML(t *testing.T) {
	var b bytes.Buffer
	w, err := NewGraphML(&b)
	if err != nil {
		t.Fatal(err)
	}
	w.Node(Node{Labels: []string{"Document"}, Props: map[string]any{"id": "d<1>", "title": "a & b", "n": int64(1)}})
	w.Node(Node{Labels: []string{"Document"}, Props: map[string]any{"id": "d2", "n": 2.5}})
	w.Rel(Rel{Type: "CITES", Start: Ref{"Document", "d<1>"}, End: Ref{"Document", "d2"}})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{`<key id="n_n" for="node" attr.name="n" attr.type="double"/>`, `<node id="Document:d&lt;1&gt;">`,
		`<data key="n_label">a &amp; b</data>`, `<edge id="e1" source="Document:d&lt;1&gt;" target="Document:d2">`, "</graphml>\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("GraphML lacks %s:\n%s", want, s)
		}
	}
}

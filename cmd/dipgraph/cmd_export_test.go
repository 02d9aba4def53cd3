package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// subgraph is the Cypher that returns a test's nodes and the relationships
// between them.
const subgraph = `MATCH (n) WHERE n.id STARTS WITH $p
OPTIONAL MATCH (n)-[r]->(m) WHERE m.id STARTS WITH $p
RETURN n, r, m`

// dump returns the canonical dump of the nodes and relationships under prefix.
func dump(t *testing.T, cfg graph.Config, prefix string) *graph.Dump {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	d, err := st.Dump(ctx, prefix)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestExportGraphML: a GraphML reader (networkx) reads the export back, with
// the nodes, edges and attributes of the graph.
func TestExportGraphML(t *testing.T) {
	b := writeKnown(t)
	out := filepath.Join(t.TempDir(), "g.graphml")
	code, _, stderr := runNeo4jCLI(t, nil, "export", "--cypher", subgraph, "--param", "p="+b.P, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := dump(t, graphtest.Neo4jConfig(t), b.P)
	if !strings.Contains(stderr, fmt.Sprintf("exported %d nodes and %d relationships as graphml", len(want.Nodes), len(want.Rels))) {
		t.Errorf("summary: %s", stderr)
	}
	python(t, "networkx")
	script := `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"nodes": {n: d for n, d in g.nodes(data=True)},
                  "edges": sorted([[a, b, d["type"], d.get("date", "")] for a, b, d in g.edges(data=True)])}, ensure_ascii=False))`
	res, err := exec.Command("python3", "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read the export: %v\n%s", err, res)
	}
	var got struct {
		Nodes map[string]map[string]any
		Edges [][]any
	}
	if err := json.Unmarshal(res, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Rels) {
		t.Fatalf("networkx read %d nodes and %d edges, want %d and %d", len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Rels))
	}
	xi := got.Nodes["Entity:"+b.ID("person:xi")]
	if xi["labels"] != ":Entity:Person" || xi["label"] != "Xi Jinping" || xi["name"] != "Xi Jinping" || xi["aliases"] != "Xi Jinping; شي جينبينغ" {
		t.Errorf("Xi's attributes: %v", xi)
	}
	doc := got.Nodes["Document:"+b.ID("doc-a")]
	if doc["label"] != "Title of doc-a" || doc["date"] != "2026-05-20" {
		t.Errorf("document's attributes: %v", doc)
	}
	ev := got.Nodes["Evidence:"+b.ID("doc-a")+"|MET_WITH|"+b.ID("person:putin")+"|"+b.ID("person:xi")+"|2026-05-20"]
	if ev["label"] != "MET_WITH · "+b.ID("doc-a") || ev["start"] != float64(10) {
		t.Errorf("evidence's attributes: %v", ev)
	}
	met := []any{"Entity:" + b.ID("person:putin"), "Entity:" + b.ID("person:xi"), "MET_WITH", "2026-05-20"}
	found := false
	for _, e := range got.Edges {
		found = found || reflect.DeepEqual(e, met)
	}
	if !found {
		t.Errorf("no edge %v in %v", met, got.Edges)
	}
}

// python skips the test without python3 and the module, or fails it in CI,
// where scripts/test installs them.
func python(t *testing.T, module string) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with %s is needed (scripts/test installs it): %v", module, err)
		}
		t.Skipf("python3 with %s is not installed", module)
	}
}

// TestExportCSVRoundTrip: the CSV export, loaded by neo4j-admin database
// import into the empty database of a second Neo4j, gives the same graph.
func TestExportCSVRoundTrip(t *testing.T) {
	b := writeKnown(t)
	cfg := graphtest.Neo4jConfig(t)
	dir := filepath.Join(t.TempDir(), "csv")
	code, _, stderr := runNeo4jCLI(t, nil, "export", "--format", "csv", "--cypher", subgraph, "--param", "p="+b.P, "-o", dir)
	if code != ExitOK || !strings.Contains(stderr, "import.sh") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
	if err != nil || len(files) < 5 {
		t.Fatalf("files %v, import.sh: %v", files, err)
	}
	for _, f := range files {
		if !strings.Contains(string(script), filepath.Base(f)) {
			t.Errorf("import.sh does not load %s", filepath.Base(f))
		}
	}
	second := startSecondNeo4j(t)
	// import.sh itself, with neo4j-admin of the second instance.
	wrapper := filepath.Join(t.TempDir(), "neo4j-admin")
	os.WriteFile(wrapper, []byte("#!/bin/sh\nexec "+second.script+" admin \"$@\"\n"), 0o755)
	cmd := exec.Command("sh", filepath.Join(dir, "import.sh"))
	cmd.Env = append(second.env, "NEO4J_ADMIN="+wrapper)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	second.start(t)
	got, want := dump(t, second.cfg, b.P), dump(t, cfg, b.P)
	if len(want.Nodes) == 0 || len(want.Rels) == 0 {
		t.Fatal("empty graph")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported graph differs:\n got %+v\nwant %+v", got, want)
	}
}

// secondNeo4j is a Neo4j instance of scripts/neo4j of the test's own,
// stopped when the test ends.
type secondNeo4j struct {
	script, inst string
	env          []string
	cfg          graph.Config
}

func startSecondNeo4j(t *testing.T) *secondNeo4j {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	inst := filepath.Join(t.TempDir(), "neo4j")
	bolt, http := freePort(t), freePort(t)
	s := &secondNeo4j{script: filepath.Join(root, "scripts", "neo4j"), inst: inst,
		env: append(os.Environ(), "DIPGRAPH_NEO4J_INSTANCE="+inst, "DIPGRAPH_BOLT_PORT="+bolt, "DIPGRAPH_HTTP_PORT="+http,
			"DIPGRAPH_NEO4J_HEAP=384m", "DIPGRAPH_NEO4J_PAGECACHE=64m")}
	s.cfg = graph.Config{URI: "bolt://127.0.0.1:" + bolt, User: "neo4j", Database: "neo4j"}
	t.Cleanup(func() {
		cmd := exec.Command(s.script, "stop")
		cmd.Env = s.env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("stop the second Neo4j: %v\n%s", err, out)
		}
	})
	return s
}

func (s *secondNeo4j) start(t *testing.T) {
	t.Helper()
	cmd := exec.Command(s.script, "start")
	cmd.Env = s.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("start a second Neo4j: %v\n%s", err, out)
	}
	pw, err := os.ReadFile(filepath.Join(s.inst, "password"))
	if err != nil {
		t.Fatal(err)
	}
	s.cfg.Password = strings.TrimSpace(string(pw))
}

func freePort(t *testing.T) string {
	t.Helper()
	a := unusedAddr(t)
	return a[strings.LastIndex(a, ":")+1:]
}

// TestExportJSONL: nodes then relationships, one JSON object a line.
func TestExportJSONL(t *testing.T) {
	b := writeKnown(t)
	code, stdout, stderr := runNeo4jCLI(t, nil, "export", "-f", "jsonl", "--cypher", subgraph, "-p", "p="+b.P)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := dump(t, graphtest.Neo4jConfig(t), b.P)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(want.Nodes)+len(want.Rels) {
		t.Fatalf("%d lines, want %d", len(lines), len(want.Nodes)+len(want.Rels))
	}
	var first, last map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[len(lines)-1]), &last)
	if first["type"] != "node" || last["type"] != "relationship" || last["start"].(map[string]any)["space"] == nil {
		t.Errorf("first %v, last %v", first, last)
	}
	if !strings.Contains(stdout, `"name":"Xi Jinping"`) || !strings.Contains(stdout, `"aliases":["Xi Jinping","شي جينبينغ"]`) {
		t.Errorf("jsonl lacks Xi:\n%s", stdout)
	}
}

func TestExportErrors(t *testing.T) {
	b := writeKnown(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "-f", "csv"}, ExitUsage, "name it with --output"},
		{[]string{"export", "--cypher", "MATCH (n) WHERE n.id STARTS WITH $p RETURN n.id", "-p", "p=" + b.P}, ExitUsage, "no node, relationship or path"},
		{[]string{"export", "--cypher", "MATCH (n RETURN n"}, ExitInvalid, "invalid query"},
		{[]string{"export", "--query", "nope"}, ExitUsage, `no query "nope"`},
		{[]string{"export", "-p", "a=1"}, ExitUsage, "--param goes with --query or --cypher"},
		{[]string{"export", "-f", "csv", "-o", t.TempDir(), "--array-delimiter", ",,"}, ExitUsage, "array delimiter"},
	}
	for _, tt := range tests {
		code, _, stderr := runNeo4jCLI(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// writeKnown writes a small graph under a fresh prefix: two documents
// reporting Xi and Putin's talks in Arabic; it returns the builder, and
// removes the graph when the test ends.
func writeKnown(t *testing.T) graphtest.Builder {
	t.Helper()
	cfg := graphtest.Neo4jConfig(t)
	s := graphtest.Schema(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(ctx) })
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	b := graphtest.Builder{P: graphtest.Prefix()}
	a := b.Doc("doc-a", "ha")
	graphtest.Entity(a, b, "Person", "person:xi", "Xi Jinping", "شي جينبينغ")
	graphtest.Entity(a, b, "Person", "person:putin", "Vladimir Putin", "فلاديمير بوتين")
	graphtest.Entity(a, b, "Event", "event:talks", "talks 2026-05-20")
	graphtest.Entity(a, b, "Treaty", "treaty:t1", "البيان المشترك")
	graphtest.Fact(a, b, "MET_WITH", "person:xi", "person:putin", "2026-05-20", 10, "عقد الرئيس الصيني شي جينبينغ جلسة مباحثات مع الرئيس الروسي فلاديمير بوتين.")
	graphtest.Fact(a, b, "ATTENDED", "person:xi", "event:talks", "2026-05-20", 10, "عقد الرئيس الصيني شي جينبينغ جلسة مباحثات.")
	graphtest.Fact(a, b, "SIGNED", "person:xi", "treaty:t1", "2026-05-20", 40, "ووقع الجانبان البيان المشترك.")
	graphtest.Fact(a, b, "SIGNED", "person:putin", "treaty:t1", "2026-05-20", 40, "ووقع الجانبان البيان المشترك.")
	d := b.Doc("doc-b", "hb")
	d.Document.Date = "2026-06-02"
	graphtest.Entity(d, b, "Person", "person:putin", "Vladimir Putin", "بوتين")
	graphtest.Entity(d, b, "Person", "person:xi", "Xi Jinping")
	graphtest.Fact(d, b, "MET_WITH", "person:putin", "person:xi", "2026-05-20", 3, "Putin and Xi held talks (B).")
	if _, err := st.Write(ctx, []extract.Result{*a, *d}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Forget(ctx, []string{b.ID("doc-a"), b.ID("doc-b")}) })
	return b
}

func TestQueryCLI(t *testing.T) {
	b := writeKnown(t)
	xi, putin := b.ID("person:xi"), b.ID("person:putin")

	// Table: flags after the name, columns aligned, the Arabic sentence
	// isolated and whole in the last column.
	code, stdout, stderr := runNeo4jCLI(t, nil, "query", "evidence", "--param", "from="+xi, "-p", "to="+putin, "--max-width", "12")
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "type      date        document") || lines[4] != "(2 rows)" {
		t.Fatalf("table:\n%s", stdout)
	}
	arabic := "\u2068عقد الرئيس الصيني شي جينبينغ جلسة مباحثات مع الرئيس الروسي فلاديمير بوتين.\u2069"
	if !strings.HasSuffix(lines[2], "  "+arabic) || !strings.HasPrefix(lines[2], "MET_WITH  2026-05-20  "+b.P[:11]+"…") {
		t.Errorf("first row %q: want the sentence isolated and whole at the end", lines[2])
	}
	if !strings.Contains(lines[2], "…") || displayWidth(lines[2][:strings.Index(lines[2], "\u2068")]) != displayWidth(lines[3][:strings.Index(lines[3], "Putin")]) {
		t.Errorf("rows not aligned or not cut at --max-width:\n%s\n%s", lines[2], lines[3])
	}

	// JSON Lines, keys in column order.
	code, stdout, stderr = runNeo4jCLI(t, nil, "query", "--format", "json", "treaties", "--param", "treaty="+b.ID("treaty:t1"))
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(stdout, `{"treaty":"`+b.ID("treaty:t1")+`","kind":null,"date":"2026-05-20","signatories":["Vladimir Putin","Xi Jinping"],`) ||
		!strings.HasSuffix(stdout, `"name":"البيان المشترك"}`+"\n") {
		t.Errorf("json: %s", stdout)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(stdout), &row); err != nil {
		t.Errorf("json does not parse: %v", err)
	}

	// CSV, lists joined with ";".
	code, stdout, _ = runNeo4jCLI(t, nil, "query", "mentions", "-p", "entity="+putin, "-f", "csv")
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != ExitOK || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, stdout)
	}
	want := [][]string{{"document", "date", "url", "mentions", "forms", "title"},
		{b.ID("doc-b"), "2026-06-02", "https://example.org/doc-b", "1", "Vladimir Putin;بوتين", "Title of doc-b"},
		{b.ID("doc-a"), "2026-05-20", "https://example.org/doc-a", "1", "Vladimir Putin;فلاديمير بوتين", "Title of doc-a"}}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("csv:\n got %q\nwant %q", recs, want)
	}

	// A .cypher file of one's own, its parameters declared the same way.
	file := filepath.Join(t.TempDir(), "mine.cypher")
	os.WriteFile(file, []byte("// Names.\n// Parameters:\n//   $p  prefix\n//   $n  rows [integer, default: 1]\n"+
		"MATCH (e:Person) WHERE e.id STARTS WITH $p RETURN e.name AS name ORDER BY name LIMIT $n;\n"), 0o644)
	code, stdout, stderr = runNeo4jCLI(t, nil, "query", file, "--param", "p="+b.P, "--param", "n=5", "-f", "csv")
	if code != ExitOK || stdout != "name\nVladimir Putin\nXi Jinping\n" {
		t.Errorf("own file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	errors := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown query", []string{"query", "nope"}, ExitUsage, `no query "nope" in the cookbook`},
		{"missing parameter", []string{"query", "timeline"}, ExitUsage, "query timeline needs --param person=…"},
		{"unknown parameter", []string{"query", "timeline", "-p", "who=x"}, ExitUsage, `has no parameter "who"`},
		{"bad integer", []string{"query", "most_meetings", "-p", "limit=many"}, ExitUsage, `limit="many": want a whole number`},
		{"bad format", []string{"query", "most_meetings", "-f", "xml"}, ExitUsage, `--format "xml"`},
		{"no name", []string{"query"}, ExitUsage, "query needs one NAME"},
		{"missing file", []string{"query", "no/such.cypher"}, ExitInvalid, "no/such.cypher: cannot read"},
		{"syntax error", []string{"query", writeFile(t, "bad.cypher", "MATCH (n RETURN n")}, ExitInvalid, "invalid query: "},
	}
	for _, tt := range errors {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runNeo4jCLI(t, nil, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestQueryList(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "query", "--list")
	for _, want := range []string{"met_with\n    Who met whom, and when.\n", "--param limit=…  number of rows (integer, default 25)",
		"--param person=…  entity id of the person (required)"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, list lacks %q:\n%s", code, want, stdout)
		}
	}
}

func TestFlagsFirst(t *testing.T) {
	app := NewApp(&Env{})
	tests := []struct{ in, want string }{
		{"dipgraph query timeline --param person=x -f json", "dipgraph query --param person=x --format json timeline"},
		{"dipgraph --log-level debug query a -p x=1 --list", "dipgraph --log-level debug query --param x=1 --list a"},
		{"dipgraph ingest dir --workers 4 - --force", "dipgraph ingest --workers 4 --force dir -"},
		{"dipgraph ingest dir -- --workers", "dipgraph ingest dir -- --workers"},
		{"dipgraph schema validate x --json", "dipgraph schema validate x --json"},
		{"dipgraph --schema s", "dipgraph --schema s"},
	}
	for _, tt := range tests {
		if got := strings.Join(flagsFirst(app, strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "شِي": 2, "\u2068x\u2069": 1, "中国": 4, "": 0} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
	if got := cut("abcdefgh", 5); got != "abcd…" {
		t.Errorf("cut = %q", got)
	}
}

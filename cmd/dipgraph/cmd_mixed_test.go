package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestIngestMixedLanguagesCLI ingests the same meeting reported by an Arabic
// and an English article (written for this test; neither names its
// language): one Event, one MET_WITH, two Evidence nodes, each document
// keeping its language.
func TestIngestMixedLanguagesCLI(t *testing.T) {
	prefix := graphtest.Prefix()
	docs := []map[string]string{
		{"id": prefix + "mixed-ar", "date": "2026-05-20",
			"text": "موسكو - استقبل الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في موسكو اليوم، وعقد الزعيمان مباحثات في الكرملين."},
		{"id": prefix + "mixed-en", "date": "2026-05-20",
			"text": "MOSCOW -- Russian President Vladimir Putin received Chinese President Xi Jinping in Moscow today, and the two leaders held talks at the Kremlin."},
	}
	f := filepath.Join(t.TempDir(), "mixed.jsonl")
	var b []byte
	for _, d := range docs {
		line, _ := json.Marshal(d)
		b = append(append(b, line...), '\n')
	}
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ids := []string{docs[0]["id"], docs[1]["id"]}
	t.Cleanup(func() { runNeo4jCLI(t, nil, append([]string{"forget", "-q"}, ids...)...) })
	if code, _, stderr := runNeo4jCLI(t, nil, "ingest", f); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}

	cfg := graphtest.Neo4jConfig(t)
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	query := func(q string) []*neo4j.Record {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, drv, q, map[string]any{"ids": ids}, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res.Records
	}
	langs := map[string]any{}
	for _, rec := range query(`MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.lang AS lang`) {
		id, _ := rec.Get("id")
		langs[id.(string)], _ = rec.Get("lang")
	}
	if langs[ids[0]] != "ar" || langs[ids[1]] != "en" {
		t.Errorf("document languages = %v, want ar and en", langs)
	}
	events := query(`MATCH (d:Document)-[:MENTIONS]->(e:Event) WHERE d.id IN $ids
RETURN e.id AS event, count(DISTINCT d) AS docs`)
	if len(events) != 1 {
		t.Fatalf("%d events, want 1: %v", len(events), events)
	}
	if n, _ := events[0].Get("docs"); n != int64(2) {
		t.Errorf("the event is mentioned by %v documents, want 2", n)
	}
	facts := query(`MATCH (d:Document)-[:HAS_EVIDENCE]->(ev:Evidence {type: 'MET_WITH'}) WHERE d.id IN $ids
RETURN ev.fact AS fact, collect(ev.doc) AS docs, collect(ev.rule) AS rules`)
	if len(facts) != 1 {
		t.Fatalf("%d MET_WITH facts have evidence, want 1: %v", len(facts), facts)
	}
	fact, _ := facts[0].Get("fact")
	docsOf, _ := facts[0].Get("docs")
	got := []string{}
	for _, d := range docsOf.([]any) {
		got = append(got, d.(string))
	}
	sort.Strings(got)
	if len(got) != 2 || got[0] != ids[0] || got[1] != ids[1] {
		t.Errorf("evidence of %v from %v, want one per document %v", fact, got, ids)
	}
	edges := query(`MATCH (:Person {id: 'person:vladimir-putin'})-[r:MET_WITH]-(:Person {id: 'person:xi-jinping'})
WHERE r.date = '2026-05-20' RETURN count(r) AS n`)
	if n, _ := edges[0].Get("n"); n != int64(1) {
		t.Errorf("%v MET_WITH edges between Putin and Xi on the day, want 1", n)
	}
}

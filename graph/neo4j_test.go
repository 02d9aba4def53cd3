package graph_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// openNeo4j opens the database of the environment (see graphtest.Neo4jConfig)
// and applies the test schema.
func openNeo4j(t *testing.T) *graph.Neo4j {
	t.Helper()
	cfg := graphtest.Neo4jConfig(t)
	s := graphtest.Schema(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatalf("apply: %v", err)
	}
	return st
}

func TestNeo4jConformance(t *testing.T) {
	st := openNeo4j(t)
	graphtest.Run(t, func(t *testing.T, s *schema.Schema) graphtest.Store { return st })
}

func TestNeo4jSplitsOversizedBatch(t *testing.T) {
	st := openNeo4j(t)
	b := graphtest.Builder{P: graphtest.Prefix()}
	graphtest.ForgetPrefix(t, st, b.P)
	huge := b.ID("d007")
	var calls []int
	graph.SetBeforeTx(st, func(ids []string) error {
		calls = append(calls, len(ids))
		if len(ids) > 3 || slices.Contains(ids, huge) {
			return &neo4j.Neo4jError{Code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError", Msg: "simulated"}
		}
		return nil
	})
	defer graph.SetBeforeTx(st, nil)
	var in []extract.Result
	for _, r := range graphtest.Corpus(b, 10) {
		in = append(in, *r)
	}
	stats, err := st.Write(context.Background(), in)
	if !errors.Is(err, graph.ErrTooLarge) || !strings.Contains(err.Error(), huge) {
		t.Fatalf("err = %v, want ErrTooLarge naming %s", err, huge)
	}
	// 10 fails, 5 fails, 2 and 3 pass; 5 fails, 2 passes, 3 (with d007) fails,
	// d007 alone fails and is left out, 2 pass. A retry would have run a
	// failing batch twice in a row.
	if want := []int{10, 5, 2, 3, 5, 2, 3, 1, 2}; !reflect.DeepEqual(calls, want) {
		t.Errorf("transaction sizes = %v, want %v", calls, want)
	}
	if stats.Documents != 9 || stats.Batches != 4 {
		t.Errorf("stats = %+v, want 9 documents in 4 transactions", stats)
	}
	rows, err := st.Query(context.Background(), "MATCH (d:Document) WHERE d.id STARTS WITH $p RETURN count(d) AS n", map[string]any{"p": b.P})
	if err != nil || rows[0]["n"] != int64(9) {
		t.Errorf("documents stored = %v (%v), want 9", rows, err)
	}
}

func TestNeo4jConnectionErrors(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	unused := l.Addr().String()
	l.Close()
	const secret = "not-the-password-7c1f"
	tests := []struct {
		name string
		edit func(*graph.Config)
		want error
		text string
	}{
		{"unreachable", func(c *graph.Config) { c.URI = "bolt://" + unused; c.Password = secret }, graph.ErrUnreachable, "connection refused"},
		{"wrong password", func(c *graph.Config) { c.Password = secret }, graph.ErrAuth, "wrong user name or password"},
		{"missing database", func(c *graph.Config) { c.Database = "nosuchdb" }, graph.ErrNoDatabase, `"nosuchdb" does not exist`},
		{"bad scheme", func(c *graph.Config) { c.URI = "http://127.0.0.1:7474" }, graph.ErrConfig, "scheme"},
		{"credentials in URI", func(c *graph.Config) { c.URI = "bolt://neo4j:" + secret + "@127.0.0.1:7687" }, graph.ErrConfig, "credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cfg
			tt.edit(&c)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			start := time.Now()
			st, err := graph.Open(ctx, c, graphtest.Schema(t))
			if err == nil {
				st.Close(ctx)
				t.Fatal("open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("err = %q, want it to say %q", err, tt.text)
			}
			if strings.Contains(err.Error(), secret) || (cfg.Password != "" && strings.Contains(err.Error(), cfg.Password)) {
				t.Errorf("err shows the password: %q", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s to fail", d)
			}
		})
	}
}

// TestNeo4jNoDuplicatesAcrossProcesses writes one corpus through two stores
// (two drivers, as two processes would) with four goroutines each, then asks
// Neo4j for keys held by more than one node or relationship.
func TestNeo4jNoDuplicatesAcrossProcesses(t *testing.T) {
	st1, st2 := openNeo4j(t), openNeo4j(t)
	b := graphtest.Builder{P: graphtest.Prefix()}
	graphtest.ForgetPrefix(t, st1, b.P)
	rs := graphtest.Corpus(b, 64)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		st := st1
		if w%2 == 1 {
			st = st2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rs); i += 8 {
				if _, err := st.Write(context.Background(), []extract.Result{*rs[i]}); err != nil {
					t.Errorf("write: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, q := range []string{
		"MATCH (n:Person) WHERE n.id STARTS WITH $p WITH n.id AS k, count(*) AS c WHERE c > 1 RETURN k",
		"MATCH (n:Entity) WHERE n.id STARTS WITH $p WITH n.id AS k, count(*) AS c WHERE c > 1 RETURN k",
		"MATCH (n:Document) WHERE n.id STARTS WITH $p WITH n.id AS k, count(*) AS c WHERE c > 1 RETURN k",
		"MATCH (a:Person)-[r:MET_WITH]->() WHERE a.id STARTS WITH $p WITH r.key AS k, count(*) AS c WHERE c > 1 RETURN k",
		"MATCH (a:Person)-[r:VISITED]->() WHERE a.id STARTS WITH $p WITH r.key AS k, count(*) AS c WHERE c > 1 RETURN k",
		"MATCH (d:Document)-[r:MENTIONS]->(n) WHERE d.id STARTS WITH $p WITH d, n, count(r) AS c WHERE c > 1 RETURN d.id",
	} {
		rows, err := st1.Query(context.Background(), q, map[string]any{"p": b.P})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if len(rows) > 0 {
			t.Errorf("duplicates: %s: %v", q, rows)
		}
	}
	rows, _ := st1.Query(context.Background(), "MATCH (:Document)-[m:MENTIONS]->(n:Country {id: $id}) RETURN count(m) AS n", map[string]any{"id": b.ID("country:gaz-eg")})
	if len(rows) != 1 || rows[0]["n"] != int64(64) {
		t.Errorf("64 documents should mention the shared country: %v", rows)
	}
}

// TestNeo4jConcurrentApply applies a schema no one has applied before from
// several drivers at the same moment, as parallel test packages or two
// ingests starting together do. Concurrent constraint creation can deadlock
// on Neo4j's schema locks; Apply must retry and succeed in every process, and
// between them create each constraint and index exactly once.
func TestNeo4jConcurrentApply(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	ctx := context.Background()
	tag := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, graphtest.Prefix())
	label, rel := "Race"+tag, "RACE_"+strings.ToUpper(tag)
	yaml := fmt.Sprintf(`version: 1
nodes:
  - label: %[1]sA
    key: id
    properties:
      - {name: id, type: string}
      - {name: name, type: string, index: true}
  - label: %[1]sB
    key: id
    properties:
      - {name: id, type: string}
      - {name: name, type: string, index: true}
relationships:
  - type: %[2]s_ONE
    from: [%[1]sA]
    to: [%[1]sB]
    properties:
      - {name: key, type: string}
      - {name: date, type: date, index: true}
  - type: %[2]s_TWO
    from: [%[1]sA]
    to: [%[1]sB]
    properties:
      - {name: key, type: string}
`, label, rel)
	s, err := schema.LoadFS(fstest.MapFS{"race.yaml": {Data: []byte(yaml)}}, "race.yaml")
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	lower := []string{strings.ToLower(label), strings.ToLower(rel)}
	t.Cleanup(func() { dropSchemaItems(t, cfg, lower) })

	const procs = 4
	stores := make([]*graph.Neo4j, procs)
	for i := range stores {
		st, err := graph.Open(ctx, cfg, s)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { _ = st.Close(context.Background()) })
		stores[i] = st
	}
	reps := make([]graph.ApplyReport, procs)
	errs := make([]error, procs)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			reps[i], errs[i] = st.Apply(ctx, s)
		}()
	}
	close(start)
	wg.Wait()
	created := map[string]int{}
	for i := range stores {
		if errs[i] != nil {
			t.Errorf("process %d: apply: %v", i, errs[i])
		}
		for _, n := range reps[i].Created {
			created[n]++
		}
	}
	// Two node keys, two name indexes, two relationship keys, one date index.
	var mine []string
	for n, c := range created {
		if strings.HasPrefix(n, lower[0]) || strings.HasPrefix(n, lower[1]) {
			mine = append(mine, n)
			if c != 1 {
				t.Errorf("%s created %d times, want once", n, c)
			}
		}
	}
	want := []string{
		lower[0] + "a_id_unique", lower[0] + "a_name", lower[0] + "b_id_unique", lower[0] + "b_name",
		lower[1] + "_one_date", lower[1] + "_one_key_unique", lower[1] + "_two_key_unique",
	}
	slices.Sort(mine)
	slices.Sort(want)
	if !slices.Equal(mine, want) {
		t.Errorf("created %v, want %v", mine, want)
	}
	rows, err := stores[0].Query(ctx, "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $a OR name STARTS WITH $b RETURN count(*) AS n",
		map[string]any{"a": lower[0], "b": lower[1]})
	if err != nil {
		t.Fatalf("show constraints: %v", err)
	}
	if len(rows) != 1 || rows[0]["n"] != int64(4) {
		t.Errorf("constraints in the database: %v, want 4", rows)
	}

	// Apply skips what the database lists, and still creates what it lacks.
	dropSchemaItems(t, cfg, []string{lower[0] + "a_name", lower[1] + "_two_key_unique"})
	rep, err := stores[1].Apply(ctx, s)
	if err != nil {
		t.Fatalf("apply after a drop: %v", err)
	}
	var again []string
	for _, n := range rep.Created {
		if strings.HasPrefix(n, lower[0]) || strings.HasPrefix(n, lower[1]) {
			again = append(again, n)
		}
	}
	slices.Sort(again)
	want = []string{lower[0] + "a_name", lower[1] + "_two_key_unique"}
	slices.Sort(want)
	if !slices.Equal(again, want) {
		t.Errorf("apply after dropping %v created %v", want, again)
	}
}

// dropSchemaItems drops the constraints and indexes whose names start with
// one of the prefixes.
func dropSchemaItems(t *testing.T, cfg graph.Config, prefixes []string) {
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Errorf("cleanup: %v", err)
		return
	}
	defer drv.Close(ctx)
	// Constraints first: dropping one drops its backing index too.
	for _, kind := range []string{"CONSTRAINT", "INDEX"} {
		plural := map[string]string{"CONSTRAINT": "CONSTRAINTS", "INDEX": "INDEXES"}[kind]
		res, err := neo4j.ExecuteQuery(ctx, drv, "SHOW "+plural+" YIELD name RETURN name", nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Errorf("cleanup: %v", err)
			return
		}
		for _, r := range res.Records {
			name, _ := r.Values[0].(string)
			if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(name, p) }) {
				continue
			}
			// name comes from SHOW and matched a prefix of our own test identifiers.
			if _, err := neo4j.ExecuteQuery(ctx, drv, "DROP "+kind+" `"+name+"` IF EXISTS", nil,
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database)); err != nil {
				t.Errorf("cleanup: drop %s: %v", name, err)
			}
		}
	}
}

// TestNeo4jSameAsMemory writes one corpus, replaces and forgets documents in
// the fake and in Neo4j: both hold the same graph, bookkeeping included
// (derived properties, their sources, what each document stated).
func TestNeo4jSameAsMemory(t *testing.T) {
	st := openNeo4j(t)
	mem := graph.NewMemory(graphtest.Schema(t))
	b := graphtest.Builder{P: graphtest.Prefix()}
	graphtest.ForgetPrefix(t, st, b.P)
	rs := graphtest.DerivedCorpus(b)
	redated := graphtest.DerivedDoc(b, "d02", "2027", "bob", "cat", true)
	for _, s := range []graph.Store{st, mem} {
		for i := 0; i < len(rs); i += 4 {
			graphtest.Write(t, s, rs[i:min(i+4, len(rs))]...)
		}
		graphtest.Write(t, s, redated)
		if _, err := s.Forget(context.Background(), []string{b.ID("d07")}); err != nil {
			t.Fatal(err)
		}
	}
	want := graphtest.Format(graphtest.Snapshot(t, mem, b.P))
	if got := graphtest.Format(graphtest.Snapshot(t, st, b.P)); got != want {
		t.Errorf("Neo4j differs from the fake:\n%s", graphtest.Diff(want, got))
	}
	if !strings.Contains(want, `"role.by":"2027 `+b.ID("d02")) || !strings.Contains(want, `"stated.role":"role in d01"`) {
		t.Errorf("no derived property sources or statements in the graph:\n%s", want)
	}
}

// TestNeo4jWarm plans every statement of a write of new documents, for every
// label and type of the default schema (those the tests' corpus never
// writes too): each must be valid Cypher the server accepts; its rehearsals
// write every label and type, and leave nothing.
func TestNeo4jWarm(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := st.Warm(ctx, 1); err != nil {
		t.Fatalf("warm: %v", err)
	}
	rows, err := st.Query(ctx, "MATCH (n) WHERE n.id STARTS WITH 'dipgraph-warm:' RETURN count(n) AS n", nil)
	if err != nil || rows[0]["n"] != int64(0) {
		t.Errorf("warm left %v nodes of its rehearsals (%v)", rows, err)
	}
}

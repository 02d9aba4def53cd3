package graph_test

import (
	"context"
	"errors"
	"net"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
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

// forgetPrefix forgets every document of the prefix when the test ends.
func forgetPrefix(t *testing.T, st *graph.Neo4j, prefix string) {
	t.Cleanup(func() {
		ctx := context.Background()
		rows, err := st.Query(ctx, "MATCH (d:Document) WHERE d.id STARTS WITH $p RETURN d.id AS id", map[string]any{"p": prefix})
		if err != nil {
			t.Errorf("cleanup: %v", err)
			return
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r["id"].(string)
		}
		if _, err := st.Forget(ctx, ids); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
}

func TestNeo4jSplitsOversizedBatch(t *testing.T) {
	st := openNeo4j(t)
	b := graphtest.Builder{P: graphtest.Prefix()}
	forgetPrefix(t, st, b.P)
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
	forgetPrefix(t, st1, b.P)
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

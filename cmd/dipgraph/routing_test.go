package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// TestIngestRoutingURI: a neo4j:// URI, which makes the driver ask the server
// for a routing table and send writes to the leader it names, works against a
// single server as against a cluster or Aura: ping, schema apply, a sharded
// ingest and forget all go through it.
func TestIngestRoutingURI(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme != "bolt" {
		t.Skipf("the test database is reached by %s://; the test turns a bolt:// URI into neo4j://", u.Scheme)
	}
	u.Scheme = "neo4j"
	routing := map[string]string{"NEO4J_URI": u.String()}

	dir := t.TempDir()
	prefix := graphtest.Prefix()
	var ids []string
	for _, name := range []string{"fx01-egypt-turkey-reception", "fx02-saudi-pakistan-signing", "fx03-uae-kazakhstan-talks"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "articles", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, prefix+name+".txt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, prefix+name)
	}
	t.Cleanup(func() { runNeo4jCLI(t, nil, append([]string{"forget", "-q"}, ids...)...) })

	if code, stdout, stderr := runNeo4jCLI(t, routing, "ping"); code != ExitOK || !strings.HasPrefix(stdout, "ok: Neo4j/") {
		t.Fatalf("ping through %s: exit %d, %q %q", u, code, stdout, stderr)
	}
	if code, _, stderr := runNeo4jCLI(t, routing, "schema", "apply"); code != ExitOK {
		t.Fatalf("schema apply through %s: exit %d: %s", u, code, stderr)
	}
	var written int64
	for i := range 2 {
		code, stdout, stderr := runNeo4jCLI(t, routing, "ingest", "--json", "--shard", []string{"0/2", "1/2"}[i], dir)
		if code != ExitOK {
			t.Fatalf("ingest through %s: exit %d: %s", u, code, stderr)
		}
		var sum ingestSummary
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatalf("%v: %q", err, stdout)
		}
		written += sum.Written
	}
	if written != int64(len(ids)) {
		t.Errorf("the two shards wrote %d documents through %s, want %d", written, u, len(ids))
	}
	code, stdout, stderr := runNeo4jCLI(t, routing, append([]string{"forget", "--json"}, ids...)...)
	if code != ExitOK || !strings.Contains(stdout, `"forgotten":3`) {
		t.Errorf("forget through %s: exit %d, %q %q", u, code, stdout, stderr)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// runNeo4jCLI runs the whole CLI in-process with the test database's
// connection in its environment (see graphtest.Neo4jConfig) plus extra.
func runNeo4jCLI(t *testing.T, extra map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cfg := graphtest.Neo4jConfig(t)
	vars := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password,
		"NEO4J_DATABASE": cfg.Database}
	for k, v := range extra {
		vars[k] = v
	}
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }}
	code = Run(context.Background(), append([]string{"dipgraph"}, args...), env)
	return code, out.String(), errOut.String()
}

func unusedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func TestPingCLI(t *testing.T) {
	const secret = "wrong-pw-4d2e"
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"ok", nil, nil, ExitOK, "ok: Neo4j/", ""},
		{"unreachable", map[string]string{"NEO4J_PASSWORD": secret}, []string{"--uri", "bolt://" + unusedAddr(t)}, ExitFailure, "", "neo4j unreachable"},
		{"unreachable after waiting", nil, []string{"--uri", "bolt://" + unusedAddr(t), "--wait", "1s"}, ExitFailure, "", "gave up after"},
		{"wrong password", map[string]string{"NEO4J_PASSWORD": secret}, nil, ExitFailure, "", "wrong user name or password"},
		{"wrong password flag", nil, []string{"--password", secret, "--wait", "30s"}, ExitFailure, "", "authentication failed"},
		{"missing database", nil, []string{"--database", "nosuchdb"}, ExitFailure, "", `database "nosuchdb" does not exist`},
		{"bad scheme", nil, []string{"--uri", "http://localhost:7474"}, ExitUsage, "", "scheme must be one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			code, stdout, stderr := runNeo4jCLI(t, tt.env, append([]string{"ping"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.HasPrefix(stdout, tt.stdout) || (tt.stdout != "" && strings.Count(stdout, "\n") != 1) {
				t.Errorf("stdout = %q, want one line starting %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) || (tt.stderr == "" && stderr != "") {
				t.Errorf("stderr = %q, want %q", stderr, tt.stderr)
			}
			if strings.Contains(stdout+stderr, secret) {
				t.Errorf("output shows the password: %q", stdout+stderr)
			}
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestSchemaApplyCLI(t *testing.T) {
	code, _, stderr := runNeo4jCLI(t, nil, "schema", "apply")
	if code != ExitOK {
		t.Fatalf("first apply: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runNeo4jCLI(t, nil, "schema", "apply", "--json")
	if code != ExitOK {
		t.Fatalf("second apply: exit %d: %s", code, stderr)
	}
	var rep struct{ Created, Existing []string }
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v: %q", err, stdout)
	}
	if len(rep.Created) != 0 || len(rep.Existing) == 0 {
		t.Errorf("second apply = %+v, want nothing created", rep)
	}
}

// TestIngestForgetCLI ingests copies of two fixture articles with the real
// extractor, ingests them again (skipped), changes one, then forgets both.
func TestIngestForgetCLI(t *testing.T) {
	dir := t.TempDir()
	prefix := graphtest.Prefix()
	var ids []string
	for _, name := range []string{"fx01-egypt-turkey-reception", "fx02-saudi-pakistan-signing"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "articles", name+".txt"))
		if err != nil {
			t.Skip("fixtures not available:", err)
		}
		if err := os.WriteFile(filepath.Join(dir, prefix+name+".txt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, prefix+name)
	}
	t.Cleanup(func() { runNeo4jCLI(t, nil, append([]string{"forget", "-q"}, ids...)...) })
	ingest := func() (sum ingestSummary) {
		t.Helper()
		code, stdout, stderr := runNeo4jCLI(t, nil, "ingest", "--json", "--workers", "4", dir)
		if code != ExitOK {
			t.Fatalf("ingest: exit %d: %s", code, stderr)
		}
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatalf("%v: %q", err, stdout)
		}
		return sum
	}
	if sum := ingest(); sum.Written != 2 || sum.NodesCreated == 0 || sum.RelationshipsCreated == 0 {
		t.Errorf("first ingest = %+v, want 2 written with nodes and relationships created", sum)
	}
	if sum := ingest(); sum.Skipped != 2 || sum.Written != 0 {
		t.Errorf("second ingest = %+v, want 2 skipped", sum)
	}
	f := filepath.Join(dir, ids[0]+".txt")
	b, _ := os.ReadFile(f)
	if err := os.WriteFile(f, append(b, "\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := ingest(); sum.Skipped != 1 || sum.Written != 1 || sum.NodesCreated != 0 {
		t.Errorf("after a change = %+v, want 1 skipped, 1 written, nothing new", sum)
	}
	code, stdout, stderr := runNeo4jCLI(t, nil, append([]string{"forget", "--json"}, ids...)...)
	if code != ExitOK {
		t.Fatalf("forget: exit %d: %s", code, stderr)
	}
	var fs struct {
		Forgotten    int `json:"forgotten"`
		NodesDeleted int `json:"nodes_deleted"`
	}
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil || fs.Forgotten != 2 || fs.NodesDeleted == 0 {
		t.Errorf("forget = %+v (%v), want 2 documents forgotten and nodes deleted: %q", fs, err, stdout)
	}
	// Forgetting again is safe, and the ids Neo4j no longer holds are named.
	code, stdout, stderr = runNeo4jCLI(t, nil, append([]string{"forget", "--json"}, ids...)...)
	if code != ExitOK {
		t.Fatalf("forget again: exit %d: %s", code, stderr)
	}
	for _, id := range ids {
		if !strings.Contains(stderr, id) {
			t.Errorf("forget again: stderr %q does not name unknown id %q", stderr, id)
		}
	}
	var again struct {
		Forgotten int      `json:"forgotten"`
		Unknown   []string `json:"unknown"`
	}
	if err := json.Unmarshal([]byte(stdout), &again); err != nil || again.Forgotten != 0 || len(again.Unknown) != len(ids) {
		t.Errorf("forget again = %+v (%v), want nothing forgotten and %d unknown", again, err, len(ids))
	}
	if code, _, stderr := runNeo4jCLI(t, nil, "forget"); code != ExitUsage {
		t.Errorf("forget without ids: exit %d, want %d: %s", code, ExitUsage, stderr)
	}
}

func TestIngestUnreachableCLI(t *testing.T) {
	code, _, stderr := runNeo4jCLI(t, map[string]string{"NEO4J_URI": "bolt://" + unusedAddr(t)}, "ingest", t.TempDir())
	if code != ExitFailure || !strings.Contains(stderr, "neo4j unreachable") {
		t.Errorf("exit %d, stderr %q; want 1 and an unreachable message", code, stderr)
	}
}

func TestIngestInvalidDocumentExitCode(t *testing.T) {
	prefix := graphtest.Prefix()
	text, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "articles", "fx03-uae-kazakhstan-talks.txt"))
	if err != nil {
		t.Skip("fixtures not available:", err)
	}
	line, _ := json.Marshal(map[string]string{"id": prefix + "ok", "text": string(text)})
	f := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(f, append(line, "\n{\"id\": broken\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { runNeo4jCLI(t, nil, "forget", "-q", prefix+"ok") })
	code, stdout, stderr := runNeo4jCLI(t, nil, "ingest", f)
	if code != ExitInvalid {
		t.Errorf("exit code = %d, want %d; stderr %q", code, ExitInvalid, stderr)
	}
	if !strings.Contains(stdout, "2 read, 0 skipped unchanged, 1 written, 1 failed") {
		t.Errorf("summary = %q", stdout)
	}
	if !strings.Contains(stderr, "in.jsonl:2") {
		t.Errorf("stderr = %q, want the bad line named", stderr)
	}
}

// TestIngestMissingPathCLI: a missing path is one more bad input: named, the
// other inputs written, exit code 3.
func TestIngestMissingPathCLI(t *testing.T) {
	prefix := graphtest.Prefix()
	text, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "articles", "fx03-uae-kazakhstan-talks.txt"))
	if err != nil {
		t.Skip("fixtures not available:", err)
	}
	good := filepath.Join(t.TempDir(), prefix+"good.txt")
	if err := os.WriteFile(good, text, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { runNeo4jCLI(t, nil, "forget", "-q", prefix+"good") })
	code, stdout, stderr := runNeo4jCLI(t, nil, "ingest", "nope.txt", good)
	if code != ExitInvalid {
		t.Errorf("exit code = %d, want %d; stderr %q", code, ExitInvalid, stderr)
	}
	if !strings.Contains(stdout, "2 read, 0 skipped unchanged, 1 written, 1 failed") {
		t.Errorf("summary = %q", stdout)
	}
	if !strings.Contains(stderr, "nope.txt: cannot read: no such file or directory") {
		t.Errorf("stderr = %q, want the missing path named", stderr)
	}
}

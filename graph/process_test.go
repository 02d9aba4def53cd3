package graph_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gen"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// writeEnv names the JSON Lines file of results that the test binary, run
// as a child process, writes to the database of the environment.
const writeEnv = "DIPGRAPH_TEST_WRITE_PROCESS"

func TestMain(m *testing.M) {
	if path := os.Getenv(writeEnv); path != "" {
		if err := writeProcess(path); err != nil {
			fmt.Fprintln(os.Stderr, "write process:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// writeProcess writes the results of path with a Loader of two writers, as
// one `dipgraph ingest` process does.
func writeProcess(path string) error {
	s, err := schema.Default()
	if err != nil {
		return err
	}
	rs, err := readResults(path)
	if err != nil {
		return err
	}
	cfg := graph.Config{URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	in := make(chan extract.Result)
	go func() {
		defer close(in)
		for _, r := range rs {
			in <- r
		}
	}()
	var failed error
	l := &graph.Loader{Store: st, Batch: 5, Writers: 2, Done: func(_ []string, _ graph.Stats, err error) {
		if err != nil {
			failed = err
		}
	}}
	if err := l.Run(ctx, in); err != nil {
		return err
	}
	return failed
}

func readResults(path string) ([]extract.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []extract.Result
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r extract.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

func writeResults(t *testing.T, path string, rs []extract.Result) {
	t.Helper()
	var b strings.Builder
	for _, r := range rs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNeo4jProcesses writes a generated corpus from four processes at once,
// on overlapping slices in different orders (every document written by two
// of them), and requires the graph, byte for byte in its canonical dump, to
// be the graph of one serial write.
func TestNeo4jProcesses(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graphtest.Neo4jConfig(t), s) // the schema the processes write under
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	const n, procs = 160, 4
	g, err := gen.New(s, gen.Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(s, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var corpus []extract.Result
	for i := range n {
		a := g.Article(i)
		res, err := x.Extract(document.Document{ID: a.ID, Source: a.Source, Title: a.Title, Date: a.Date, Lang: a.Lang, Text: a.Text})
		if err != nil {
			t.Fatal(err)
		}
		corpus = append(corpus, res)
	}
	serial, parallel := graphtest.Prefix(), graphtest.Prefix()
	graphtest.ForgetPrefix(t, st, serial)
	graphtest.ForgetPrefix(t, st, parallel)

	dir := t.TempDir()
	writeResults(t, filepath.Join(dir, "serial.jsonl"), graphtest.Prefixed(corpus, serial))
	rs, err := readResults(filepath.Join(dir, "serial.jsonl")) // as the processes read them
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(rs); i += 10 {
		if _, err := st.Write(ctx, rs[i:min(i+10, len(rs))]); err != nil {
			t.Fatalf("serial write: %v", err)
		}
	}

	all := graphtest.Prefixed(corpus, parallel)
	var cmds []*exec.Cmd
	for p := range procs {
		var part []extract.Result
		for i := range n / 2 {
			part = append(part, all[(p*n/procs+i)%n])
		}
		if p%2 == 1 {
			slices.Reverse(part)
		}
		path := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", p))
		writeResults(t, path, part)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), writeEnv+"="+path)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for p, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v", p, err)
		}
	}
	want := graphtest.Format(graphtest.Snapshot(t, st, serial))
	got := strings.ReplaceAll(graphtest.Format(graphtest.Snapshot(t, st, parallel)), parallel, serial)
	if !strings.Contains(want, `"role":`) || !strings.Contains(want, "HOLDS_OFFICE") {
		t.Fatalf("the corpus has no derived properties to disagree on:\n%s", want)
	}
	if got != want {
		t.Errorf("%d processes on overlapping slices differ from one serial write:\n%s", procs, graphtest.Diff(want, got))
	}
}

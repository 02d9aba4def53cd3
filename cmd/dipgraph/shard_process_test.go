package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gen"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/schema"
)

// processEnv, set to a key prefix, makes the test binary run the dipgraph
// CLI on its arguments instead of the tests, as a real process the tests can
// kill. The results of extraction get the prefix before their entity keys (the
// document ids of the input carry it already), so that runs of the same
// corpus under two prefixes share no node in the test database.
const processEnv = "DIPGRAPH_TEST_PROCESS_PREFIX"

// shardDocsEnv sets the size of the corpus of TestShardProcesses (default
// 200; bench/HISTORY.md records a run at 10,000).
const shardDocsEnv = "DIPGRAPH_TEST_SHARD_DOCS"

func TestMain(m *testing.M) {
	if prefix, ok := os.LookupEnv(processEnv); ok {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Run(ctx, append([]string{"dipgraph"}, os.Args[1:]...), &Env{
			Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
			wrapExtractor: func(x extractor) extractor { return keyPrefixer{x: x, p: prefix} },
		})
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// keyPrefixer puts p before the entity keys and relation ends of x's results.
type keyPrefixer struct {
	x extractor
	p string
}

func (k keyPrefixer) Extract(d document.Document) (extract.Result, error) {
	r, err := k.x.Extract(d)
	if err != nil {
		return r, err
	}
	for i := range r.Entities {
		r.Entities[i].ID = k.p + r.Entities[i].ID
	}
	for i := range r.Relations {
		r.Relations[i].From, r.Relations[i].To = k.p+r.Relations[i].From, k.p+r.Relations[i].To
	}
	return r, nil
}

// Lang is the wrapped extractor's, so that ingest names the language it
// reads each document in as it does without the prefix.
func (k keyPrefixer) Lang(d document.Document) string {
	if l, ok := k.x.(langReader); ok {
		return l.Lang(d)
	}
	return d.Lang
}

// dipgraphProcess returns the command running `dipgraph ARGS…` in a child
// process with the test database's connection and the key prefix p.
func dipgraphProcess(t *testing.T, p string, extraEnv []string, args ...string) *exec.Cmd {
	t.Helper()
	cfg := graphtest.Neo4jConfig(t)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), processEnv+"="+p, "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User,
		"NEO4J_PASSWORD="+cfg.Password, "NEO4J_DATABASE="+cfg.Database, envJobIndex+"=", envShards+"=")
	cmd.Env = append(cmd.Env, extraEnv...)
	return cmd
}

// writeCorpus writes articles as JSON Lines into files, line i into file
// order[i] % len(files), each id prefixed with p.
func writeCorpus(t *testing.T, arts []gen.Article, p string, order []int, files []string) {
	t.Helper()
	bufs := make([]bytes.Buffer, len(files))
	for _, i := range order {
		a := arts[i]
		a.ID = p + a.ID
		line, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b := &bufs[i%len(files)]
		b.Write(append(line, '\n'))
	}
	for i, f := range files {
		if err := os.WriteFile(f, bufs[i].Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShardProcesses is the proof of sharded ingest: four `dipgraph ingest`
// processes, one per shard, run at once on a generated corpus laid out
// differently (three files, shuffled) than for one serial run, and are
// killed with SIGKILL part-way; each shard is run again, now with its index
// from JOB_COMPLETION_INDEX as in a Kubernetes Indexed Job. The test counts
// that the shards cover every document exactly once and that the re-runs
// skip what was written before the kill and write the rest, and requires the
// graph, byte for byte in its canonical dump, to be the graph of the serial
// run.
func TestShardProcesses(t *testing.T) {
	const shards = 4
	n := 200
	if v := os.Getenv(shardDocsEnv); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < shards {
			t.Fatalf("%s=%q: want a number of documents ≥ %d", shardDocsEnv, v, shards)
		}
	}
	s, err := schema.Default() // the schema the processes write under
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graphtest.Neo4jConfig(t), s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close(context.Background()) })
	g, err := gen.New(s, gen.Options{Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	arts := make([]gen.Article, n)
	for i := range arts {
		arts[i] = g.Article(i)
	}
	serial, sharded := graphtest.Prefix(), graphtest.Prefix()
	graphtest.ForgetPrefix(t, st, serial)
	graphtest.ForgetPrefix(t, st, sharded)
	dir := t.TempDir()

	inOrder := make([]int, n)
	for i := range inOrder {
		inOrder[i] = i
	}
	one := filepath.Join(dir, "serial.jsonl")
	writeCorpus(t, arts, serial, inOrder, []string{one})
	start := time.Now()
	var out, errOut bytes.Buffer
	cmd := dipgraphProcess(t, serial, nil, "ingest", "--json", "--quiet", one)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	first := summaryOf(t, "serial ingest", cmd.Run(), &out, &errOut)
	invalid := first.Invalid // results the extractor gets wrong: the same in every run
	if first.Written+invalid != int64(n) {
		t.Fatalf("serial ingest: %+v, want %d documents written or invalid", first, n)
	}
	t.Logf("serial ingest of %d documents: %s (%d invalid)", n, time.Since(start).Round(time.Millisecond), invalid)

	shuffled := rand.New(rand.NewPCG(1, 2)).Perm(n)
	files := []string{filepath.Join(dir, "c.jsonl"), filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}
	writeCorpus(t, arts, sharded, shuffled, files)
	ids := make([]string, n)
	for i, a := range arts {
		ids[i] = sharded + a.ID
	}
	stored := func() int {
		t.Helper()
		fp, err := st.Fingerprints(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		return len(fp)
	}

	// Round 1: all shards at once, killed once an eighth of the documents is
	// written, in batches small enough for the kill to fall between many
	// transactions.
	batch := strconv.Itoa(max(5, n/200))
	start = time.Now()
	var procs []*exec.Cmd
	exited := make(chan int, shards)
	for i := range shards {
		cmd := dipgraphProcess(t, sharded, nil, append([]string{"ingest", "--quiet", "--batch", batch,
			"--shard", fmt.Sprintf("%d/%d", i, shards)}, files...)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
		go func() { _ = cmd.Wait(); exited <- i }()
	}
	done := 0
	for k := stored(); k < n/8 && done < shards; k = stored() {
		select {
		case <-exited:
			done++
		case <-time.After(20 * time.Millisecond):
		}
	}
	for _, p := range procs {
		_ = p.Process.Kill() // SIGKILL: no clean-up of any kind
	}
	for range shards - done {
		<-exited
	}
	killed := stored()
	t.Logf("round 1: killed after %s with %d of %d documents stored", time.Since(start).Round(time.Millisecond), killed, n)
	if int64(killed) >= int64(n)-invalid {
		t.Fatalf("the shards finished before they could be killed (raise %s)", shardDocsEnv)
	}

	// Round 2: every shard again, its index from the environment.
	start = time.Now()
	type run struct {
		cmd      *exec.Cmd
		out, err bytes.Buffer
	}
	runs := make([]*run, shards)
	for i := range shards {
		r := &run{cmd: dipgraphProcess(t, sharded, []string{envJobIndex + "=" + strconv.Itoa(i), envShards + "=" + strconv.Itoa(shards)},
			append([]string{"ingest", "--json", "--quiet"}, files...)...)}
		r.cmd.Stdout, r.cmd.Stderr = &r.out, &r.err
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		runs[i] = r
	}
	var read, skipped, written, failed int64
	for i, r := range runs {
		sum := summaryOf(t, fmt.Sprintf("shard %d re-run", i), r.cmd.Wait(), &r.out, &r.err)
		t.Logf("shard %d re-run: %+v", i, sum)
		if sum.Shard != fmt.Sprintf("%d/%d", i, shards) || sum.Read+sum.OtherShards != int64(n) ||
			sum.Skipped+sum.Written+sum.Failed != sum.Read || sum.Read == 0 {
			t.Errorf("shard %d re-run: %+v; want its shard named, and read + other shards = %d", i, sum, n)
		}
		read, skipped, written, failed = read+sum.Read, skipped+sum.Skipped, written+sum.Written, failed+sum.Failed
	}
	t.Logf("round 2: %s", time.Since(start).Round(time.Millisecond))
	if want := int64(n - killed); read != int64(n) || skipped != int64(killed) || written+failed != want || failed != invalid {
		t.Errorf("the shards read %d, skipped %d, wrote %d and failed %d documents; want %d read, the %d stored before the kill skipped, "+
			"%d written or failed, and the %d invalid of the serial run failed", read, skipped, written, failed, n, killed, want, invalid)
	}
	if k := stored(); int64(k) != int64(n)-invalid {
		t.Errorf("%d of %d documents stored after the re-runs, want all but the %d invalid", k, n, invalid)
	}

	want := graphtest.Format(graphtest.Snapshot(t, st, serial))
	got := strings.ReplaceAll(graphtest.Format(graphtest.Snapshot(t, st, sharded)), sharded, serial)
	if !strings.Contains(want, `"role":`) || !strings.Contains(want, "HOLDS_OFFICE") {
		t.Fatalf("the corpus has no derived properties to disagree on:\n%.2000s", want)
	}
	if got != want {
		t.Errorf("%d shard processes, killed and re-run, differ from one serial run:\n%s", shards, graphtest.Diff(want, got))
	}
	t.Logf("graphs equal: %d lines of canonical dump", strings.Count(want, "\n"))
}

// summaryOf returns the --json summary of an ingest process that ended with
// err: success, or exit 3 when every failed document was invalid (a result
// the extractor got wrong, reported on stderr and the same in every run).
func summaryOf(t *testing.T, what string, err error, stdout, stderr *bytes.Buffer) ingestSummary {
	t.Helper()
	var sum ingestSummary
	if jerr := json.Unmarshal(stdout.Bytes(), &sum); jerr != nil {
		t.Fatalf("%s: %v (%v): %q\n%s", what, err, jerr, stdout.String(), stderr.String())
	}
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == ExitInvalid && sum.Failed == sum.Invalid) {
		t.Fatalf("%s: %v: %+v\n%s", what, err, sum, stderr.String())
	}
	return sum
}

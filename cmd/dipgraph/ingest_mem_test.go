package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gen"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/input"
	"github.com/dipgraph/dipgraph/schema"
)

// BenchmarkIngestMemory runs ingest's whole pipeline — read JSON Lines,
// fingerprint, extract on two workers, batch, under ingest's default soft
// memory limit (GOMEMLIMIT when set, as ingest) — over DIPGRAPH_BENCH_DOCS
// generated documents (default 10,000; dipgen's seed 1, streamed, never on
// disk) into a store that keeps nothing, and reports the process's peak RSS:
// what dipgraph itself holds, without a database. Run it once per size, each
// in its own process, for the peak to be that size's:
//
//	DIPGRAPH_BENCH_DOCS=1000000 go test -run '^$' -bench IngestMemory -benchtime 1x ./cmd/dipgraph/
func BenchmarkIngestMemory(bm *testing.B) {
	n, s, x := benchSetup(bm)
	for bm.Loop() {
		benchIngest(bm, s, x, discard{}, n)
	}
	bm.ReportMetric(float64(peakRSS(bm))/(1<<20), "peak-RSS-MB")
}

// BenchmarkBulkMemory is BenchmarkIngestMemory into a graph.Bulk (ingest
// --bulk without neo4j-admin): the CSV files written into a temporary
// directory, entities and facts merged by Close, whose time counts.
//
//	DIPGRAPH_BENCH_DOCS=100000 go test -run '^$' -bench BulkMemory -benchtime 1x ./cmd/dipgraph/
func BenchmarkBulkMemory(bm *testing.B) {
	n, s, x := benchSetup(bm)
	for bm.Loop() {
		st, err := graph.NewBulk(s, bm.TempDir())
		if err != nil {
			bm.Fatal(err)
		}
		benchIngest(bm, s, x, st, n)
	}
	bm.ReportMetric(float64(peakRSS(bm))/(1<<20), "peak-RSS-MB")
}

// benchSetup returns the number of documents (DIPGRAPH_BENCH_DOCS, default
// 10,000), the built-in schema and its extractor.
func benchSetup(bm *testing.B) (int, *schema.Schema, extractor) {
	n := 10000
	if v := os.Getenv("DIPGRAPH_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			bm.Fatal(err)
		}
	}
	s, err := schema.Default()
	if err != nil {
		bm.Fatal(err)
	}
	x, err := newExtractor(s, "")
	if err != nil {
		bm.Fatal(err)
	}
	return n, s, x
}

// benchIngest runs ingest over n generated documents into st, closes st and
// reports the documents a second.
func benchIngest(bm *testing.B, s *schema.Schema, x extractor, st graph.Store, n int) {
	g, err := gen.New(s, gen.Options{Seed: 1})
	if err != nil {
		bm.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(g.Write(context.Background(), bufio.NewWriterSize(pw, 1<<16), n)) }()
	env := &Env{Stdin: pr, Stdout: io.Discard, Stderr: io.Discard}
	o := ingestOptions{workers: 2, writers: 1, batch: 100,
		input: input.Options{StdinFormat: "jsonl", Stdin: pr, MaxDocBytes: 5 << 20}}
	if os.Getenv("GOMEMLIMIT") == "" { // as ingest --memory-limit auto
		defer setMemoryLimit(autoMemoryLimit(input.DefaultMaxDocBytes))()
	}
	probe := startProbe(bm)
	defer probe.end()
	start := time.Now()
	sum, err := ingest(context.Background(), env, st, s, x, []string{"-"}, o)
	if err != nil {
		bm.Fatal(err)
	}
	probe.setPhase("close")
	if err := st.Close(context.Background()); err != nil {
		bm.Fatal(err)
	}
	if sum.Written+sum.Failed != int64(n) {
		bm.Fatalf("%d written and %d failed of %d", sum.Written, sum.Failed, n)
	}
	bm.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
}

// peakRSS is the process's peak resident set in bytes (VmHWM).
func peakRSS(tb testing.TB) int64 {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		tb.Skip("no /proc/self/status")
	}
	return procStatus("VmHWM:")
}

// discard is a store that keeps nothing: every document is new, every write
// succeeds.
type discard struct{}

func (discard) Apply(context.Context, *schema.Schema) (graph.ApplyReport, error) {
	return graph.ApplyReport{}, nil
}
func (discard) Fingerprints(context.Context, []string) (map[string]string, error) {
	return map[string]string{}, nil
}
func (discard) ClearFingerprints(context.Context, []string) error { return nil }
func (discard) Write(_ context.Context, rs []extract.Result) (graph.Stats, error) {
	return graph.Stats{Documents: len(rs), Batches: 1}, nil
}
func (discard) Forget(context.Context, []string) (graph.Stats, error) { return graph.Stats{}, nil }
func (discard) Close(context.Context) error                           { return nil }

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/input"
	"github.com/dipgraph/dipgraph/schema"
)

// fakeExtractor reads documents written by writeDocs ("a c date" per file)
// into hand-built results, so these tests do not depend on extraction quality.
// With conflict, every document gives its people a different role. A document
// whose id ends with bug fails as extract.Extractor reports a panic.
type fakeExtractor struct {
	b        graphtest.Builder
	conflict bool
	bug      string
}

func (f fakeExtractor) Extract(d document.Document) (extract.Result, error) {
	if f.bug != "" && strings.HasSuffix(d.ID, f.bug) {
		return extract.Result{}, &extract.PanicError{Value: "runtime error: index out of range [3] with length 3",
			Stack: []byte("goroutine 7 [running]:\nextract.(*run).events(...)")}
	}
	var a, c, date string
	fmt.Sscan(d.Text, &a, &c, &date)
	r := graphtest.Meeting(f.b, strings.TrimPrefix(d.ID, f.b.P), d.Fingerprint, a, c, date)
	r.Document = d
	if f.conflict {
		for i := range r.Entities {
			r.Entities[i].Properties["role"] = "role from " + strings.TrimPrefix(d.ID, f.b.P)
		}
	}
	return *r, nil
}

// writeDocs writes n text documents named PREFIXdNN.txt into a new directory.
func writeDocs(t *testing.T, prefix string, n int) string {
	t.Helper()
	dir := t.TempDir()
	people := []string{"amy", "bob", "cat", "dan", "eve"}
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("%s %s 2026-05-%02d\n", people[i%5], people[(i+1+i/5%4)%5], 1+i%4)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%sd%02d.txt", prefix, i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// faultStore fails every Write after the first ok ones, as a database that
// stops mid-run would.
type faultStore struct {
	graph.Store
	ok     int64
	writes atomic.Int64
}

var errDown = errors.New("connection lost: database stopped")

func (f *faultStore) Write(ctx context.Context, rs []extract.Result) (graph.Stats, error) {
	if f.writes.Add(1) > f.ok {
		return graph.Stats{}, errDown
	}
	return f.Store.Write(ctx, rs)
}

func quietEnv() *Env {
	var out, errOut bytes.Buffer
	return &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
}

// stores returns the stores the pipeline tests run against: the in-memory fake
// and, when NEO4J_URI is set, the real database.
func stores(t *testing.T, s *schema.Schema) map[string]graphtest.Store {
	out := map[string]graphtest.Store{"memory": graph.NewMemory(s)}
	if os.Getenv("NEO4J_URI") != "" || os.Getenv("CI") == "true" {
		st, err := graph.Open(context.Background(), graphtest.Neo4jConfig(t), s)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { st.Close(context.Background()) })
		if _, err := st.Apply(context.Background(), s); err != nil {
			t.Fatal(err)
		}
		out["neo4j"] = st
	}
	return out
}

func TestIngestStopsCleanlyAndResumes(t *testing.T) {
	s := graphtest.Schema(t)
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			b := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, b.P)
			dir := writeDocs(t, b.P, 20)
			o := ingestOptions{workers: 4, writers: 1, batch: 3}
			down := &faultStore{Store: st, ok: 2}
			sum, err := ingest(context.Background(), quietEnv(), down, s, fakeExtractor{b: b}, []string{dir}, o)
			if !errors.Is(err, errDown) {
				t.Fatalf("err = %v, want the write error", err)
			}
			if sum.Written == 0 || sum.Written > 6 || sum.Failed == 0 {
				t.Errorf("summary after the failure = %+v, want ≤ 6 written and some failed", sum)
			}
			held := graphtest.Snapshot(t, st, b.P)
			docs := 0
			for _, n := range held.Nodes {
				if n.Labels[0] == "Document" {
					docs++
				}
			}
			if int64(docs) != sum.Written {
				t.Errorf("the store holds %d documents, the summary says %d written", docs, sum.Written)
			}
			sum2, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o)
			if err != nil {
				t.Fatalf("resume: %v", err)
			}
			if sum2.Skipped != sum.Written || sum2.Written != 20-sum.Written || sum2.Failed != 0 {
				t.Errorf("resume summary = %+v, want %d skipped and %d written", sum2, sum.Written, 20-sum.Written)
			}
			// The resumed graph is the graph of one clean run.
			clean := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, clean.P)
			cleanDir := writeDocs(t, clean.P, 20)
			if _, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: clean}, []string{cleanDir}, o); err != nil {
				t.Fatal(err)
			}
			want := strings.NewReplacer(clean.P, b.P, cleanDir, dir).Replace(graphtest.Format(graphtest.Snapshot(t, st, clean.P)))
			if got := graphtest.Format(graphtest.Snapshot(t, st, b.P)); got != want {
				t.Errorf("resumed graph differs from a clean run:\nwant:\n%s\ngot:\n%s", want, got)
			}
		})
	}
}

func TestIngestSameGraphWhateverTheWorkers(t *testing.T) {
	s := graphtest.Schema(t)
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			want := map[bool]string{}
			for _, conflict := range []bool{true, false} { // documents disagree on a property
				for _, o := range []ingestOptions{
					{workers: 1, writers: 1, batch: 100},
					{workers: 8, writers: 1, batch: 2},
					{workers: 3, writers: 1, batch: 7},
					{workers: 8, writers: 2, batch: 2},
					{workers: 3, writers: 8, batch: 1},
				} {
					b := graphtest.Builder{P: graphtest.Prefix()}
					graphtest.ForgetPrefix(t, st, b.P)
					dir := writeDocs(t, b.P, 30)
					sum, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b, conflict: conflict}, []string{dir}, o)
					if err != nil || sum.Written != 30 {
						t.Fatalf("%+v: summary %+v, err %v", o, sum, err)
					}
					got := strings.NewReplacer(b.P, "P-", dir, "DIR").Replace(graphtest.Format(graphtest.Snapshot(t, st, b.P)))
					if w, ok := want[conflict]; !ok {
						want[conflict] = got
					} else if got != w {
						t.Errorf("%+v, conflict %v: graph differs from one worker's:\n%s", o, conflict, graphtest.Diff(w, got))
					}
				}
			}
			// Undated documents: the greatest id states the role of its people.
			if !strings.Contains(want[true], `"role":"role from d29"`) {
				t.Errorf("the last document should win the role of its people:\n%s", want[true])
			}
		})
	}
}

// TestIngestHashSkipAndChange: a document is skipped only when its text, its
// metadata and the extraction (schema and rules) are all unchanged.
func TestIngestHashSkipAndChange(t *testing.T) {
	s := graphtest.Schema(t)
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			b := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, b.P)
			dir := writeDocs(t, b.P, 5)
			o := ingestOptions{workers: 2, writers: 1, batch: 10, extraction: "rules 1 schema a"}
			run := func() ingestSummary {
				t.Helper()
				sum, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o)
				if err != nil {
					t.Fatal(err)
				}
				return sum
			}
			if sum := run(); sum.Written != 5 {
				t.Fatalf("first run = %+v, want 5 written", sum)
			}
			if sum := run(); sum.Skipped != 5 || sum.Written != 0 {
				t.Errorf("second run = %+v, want 5 skipped", sum)
			}
			if err := os.WriteFile(filepath.Join(dir, b.P+"d01.txt"), []byte("amy eve 2026-06-01"), 0o644); err != nil {
				t.Fatal(err)
			}
			if sum := run(); sum.Skipped != 4 || sum.Written != 1 {
				t.Errorf("after a changed text = %+v, want 4 skipped and 1 written", sum)
			}
			o.input.Date = "2026-06-02" // metadata: the publication date of undated documents
			if sum := run(); sum.Written != 5 {
				t.Errorf("after a changed --date = %+v, want 5 written", sum)
			}
			o.extraction = "rules 2 schema a"
			if sum := run(); sum.Written != 5 {
				t.Errorf("after new rules = %+v, want 5 written", sum)
			}
			o.extraction = "rules 2 schema b"
			if sum := run(); sum.Written != 5 {
				t.Errorf("after a new schema = %+v, want 5 written", sum)
			}
			if sum := run(); sum.Skipped != 5 || sum.Written != 0 {
				t.Errorf("run again = %+v, want 5 skipped", sum)
			}
			o.force = true
			if sum := run(); sum.Written != 5 {
				t.Errorf("--force = %+v, want 5 written", sum)
			}
		})
	}
}

// TestFingerprint: every field extraction reads is part of the fingerprint.
func TestFingerprint(t *testing.T) {
	base := document.Document{ID: "d", TextSHA256: "h", Title: "t", Date: "2026-01-02", URL: "u", Source: "s", Lang: "ar"}
	want := fingerprint(base, "x")
	if got := fingerprint(base, "x"); got != want {
		t.Fatalf("fingerprint is not stable: %s then %s", want, got)
	}
	for name, change := range map[string]func(*document.Document, *string){
		"text":       func(d *document.Document, _ *string) { d.TextSHA256 = "h2" },
		"title":      func(d *document.Document, _ *string) { d.Title = "t2" },
		"date":       func(d *document.Document, _ *string) { d.Date = "2026-01-03" },
		"url":        func(d *document.Document, _ *string) { d.URL = "u2" },
		"lang":       func(d *document.Document, _ *string) { d.Lang = "en" },
		"extraction": func(_ *document.Document, x *string) { *x = "y" },
		"shifted":    func(d *document.Document, _ *string) { d.Title, d.Date = "t2026-01-02", "" },
	} {
		d, x := base, "x"
		change(&d, &x)
		if fingerprint(d, x) == want {
			t.Errorf("changing %s leaves the fingerprint unchanged", name)
		}
	}
	moved := base
	moved.Source = "elsewhere/d.txt"
	if fingerprint(moved, "x") != want {
		t.Error("a document read from another path has another fingerprint")
	}
}

func TestIngestBadDocumentsFailAlone(t *testing.T) {
	s := graphtest.Schema(t)
	st := graph.NewMemory(s)
	b := graphtest.Builder{P: graphtest.Prefix()}
	f := filepath.Join(t.TempDir(), "in.jsonl")
	lines := fmt.Sprintf(`{"id": "%[1]sd1", "text": "amy bob 2026-05-01"}
{"id": "%[1]sd2", "text": "amy cat 2026-05-02"
{"id": "%[1]sd3", "text": "bob cat 2026-05-03"}
`, b.P)
	if err := os.WriteFile(f, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	env := quietEnv()
	sum, err := ingest(context.Background(), env, st, s, fakeExtractor{b: b}, []string{f}, ingestOptions{workers: 2, writers: 1, batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.Written != 2 || sum.Failed != 1 || sum.Invalid != 1 {
		t.Errorf("summary = %+v, want 3 read, 2 written, 1 invalid", sum)
	}
	if msg := env.Stderr.(*bytes.Buffer).String(); !strings.Contains(msg, "in.jsonl:2") {
		t.Errorf("stderr = %q, want the bad line named", msg)
	}
}

func TestProgressLine(t *testing.T) {
	dir := writeDocs(t, "p-", 3)
	if err := os.WriteFile(filepath.Join(dir, "more.jsonl"), []byte("{}\n\n{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n, ok := countDocs([]string{dir}); !ok || n != 5 {
		t.Errorf("countDocs = %d, %v; want 5", n, ok)
	}
	if _, ok := countDocs([]string{dir, "-"}); ok {
		t.Errorf("countDocs counted standard input")
	}
	p := &progress{begin: time.Now().Add(-10 * time.Second), sum: &counters{}}
	p.total.Store(100)
	p.sum.written.Store(40)
	p.sum.skipped.Store(10)
	if got, want := p.line(), "ingest: 50/100 documents (40 written, 10 skipped, 0 failed), 5.0 docs/s, ETA 10s"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
}

// cancelStore cancels the run (as SIGINT does) when its second write begins.
type cancelStore struct {
	graph.Store
	cancel context.CancelFunc
	writes atomic.Int64
}

func (c *cancelStore) Write(ctx context.Context, rs []extract.Result) (graph.Stats, error) {
	if c.writes.Add(1) == 2 {
		c.cancel()
	}
	return c.Store.Write(ctx, rs)
}

func TestIngestInterrupted(t *testing.T) {
	s := graphtest.Schema(t)
	st := graph.NewMemory(s)
	b := graphtest.Builder{P: graphtest.Prefix()}
	dir := writeDocs(t, b.P, 12)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := ingestOptions{workers: 2, writers: 1, batch: 3}
	sum, err := ingest(ctx, quietEnv(), &cancelStore{Store: st, cancel: cancel}, s, fakeExtractor{b: b}, []string{dir}, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sum.Written != 3 {
		t.Errorf("summary = %+v, want the first batch written", sum)
	}
	sum, err = ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o)
	if err != nil || sum.Skipped != 3 || sum.Written != 9 {
		t.Errorf("resume: %+v, %v; want 3 skipped and 9 written", sum, err)
	}
}

// TestIngestForceResumes: a forced run rewrites documents that extract
// differently than when they were written (as after a change of rules that
// kept their version); interrupted after its first batch, it is completed by
// the next plain run, which rewrites the documents the forced run did not
// reach and skips those it did.
func TestIngestForceResumes(t *testing.T) {
	s := graphtest.Schema(t)
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			b := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, b.P)
			dir := writeDocs(t, b.P, 12)
			o := ingestOptions{workers: 2, writers: 1, batch: 3}
			if _, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o); err != nil {
				t.Fatal(err)
			}
			changed := fakeExtractor{b: b, conflict: true} // the new rules give roles
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			forced := o
			forced.force = true
			sum, err := ingest(ctx, quietEnv(), &cancelStore{Store: st, cancel: cancel}, s, changed, []string{dir}, forced)
			if !errors.Is(err, context.Canceled) || sum.Written != 3 {
				t.Fatalf("forced run: %+v, %v; want 3 written, then interrupted", sum, err)
			}
			sum, err = ingest(context.Background(), quietEnv(), st, s, changed, []string{dir}, o)
			if err != nil || sum.Skipped != 3 || sum.Written != 9 {
				t.Errorf("plain run after the interrupted forced run: %+v, %v; want 3 skipped and 9 written", sum, err)
			}
			clean := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, clean.P)
			cleanDir := writeDocs(t, clean.P, 12)
			if _, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: clean, conflict: true}, []string{cleanDir}, o); err != nil {
				t.Fatal(err)
			}
			want := strings.NewReplacer(clean.P, b.P, cleanDir, dir).Replace(graphtest.Format(graphtest.Snapshot(t, st, clean.P)))
			if got := graphtest.Format(graphtest.Snapshot(t, st, b.P)); got != want {
				t.Errorf("graph after the resumed forced run differs from a clean run:\n%s", graphtest.Diff(want, got))
			}
		})
	}
}

// TestIngestForceStdin: --force reads standard input twice (ids first, to
// clear their fingerprints), from a copy; interrupted, it is completed by
// the next plain run.
func TestIngestForceStdin(t *testing.T) {
	s := graphtest.Schema(t)
	st := graph.NewMemory(s)
	b := graphtest.Builder{P: graphtest.Prefix()}
	lines := fmt.Sprintf("{\"id\": \"%[1]sd1\", \"text\": \"amy bob 2026-05-01\"}\n{\"id\": \"%[1]sd2\", \"text\": \"amy cat 2026-05-02\"}\n", b.P)
	run := func(ctx context.Context, st graph.Store, force bool) (ingestSummary, error) {
		o := ingestOptions{workers: 1, writers: 1, batch: 1, force: force,
			input: input.Options{StdinFormat: "jsonl", Stdin: strings.NewReader(lines)}}
		return ingest(ctx, quietEnv(), st, s, fakeExtractor{b: b}, []string{"-"}, o)
	}
	if sum, err := run(context.Background(), st, false); err != nil || sum.Written != 2 {
		t.Fatalf("ingest - = %+v, %v; want 2 written", sum, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if sum, err := run(ctx, &cancelStore{Store: st, cancel: cancel}, true); !errors.Is(err, context.Canceled) || sum.Written != 1 {
		t.Fatalf("ingest --force - = %+v, %v; want 1 written, then interrupted", sum, err)
	}
	if sum, err := run(context.Background(), st, false); err != nil || sum.Written != 1 || sum.Skipped != 1 {
		t.Errorf("ingest - after the interrupted forced run = %+v, %v; want 1 skipped, 1 written", sum, err)
	}
}

// TestIngestInternalError: a document whose extraction meets a bug fails
// alone, named with its file and "internal error"; its previous version
// stays in the graph with its fingerprint, so the next run tries it again,
// and the exit code says a document failed.
func TestIngestInternalError(t *testing.T) {
	s := graphtest.Schema(t)
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			b := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, b.P)
			dir := writeDocs(t, b.P, 5)
			o := ingestOptions{workers: 2, writers: 1, batch: 2}
			if _, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o); err != nil {
				t.Fatal(err)
			}
			before := graphtest.Format(graphtest.Snapshot(t, st, b.P))
			for _, d := range []string{"d01", "d03"} {
				if err := os.WriteFile(filepath.Join(dir, b.P+d+".txt"), []byte("amy dan 2026-06-01\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			env := quietEnv()
			sum, err := ingest(context.Background(), env, st, s, fakeExtractor{b: b, bug: "d03"}, []string{dir}, o)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Written != 1 || sum.Skipped != 3 || sum.Failed != 1 || sum.Invalid != 0 {
				t.Errorf("summary = %+v, want 1 written, 3 skipped, 1 failed (not invalid)", sum)
			}
			if code := exitCode(context.Background(), sum.err()); code != ExitFailure {
				t.Errorf("exit code = %d, want %d", code, ExitFailure)
			}
			msg := env.Stderr.(*bytes.Buffer).String()
			if !strings.Contains(msg, b.P+"d03.txt: document "+b.P+"d03: internal error: runtime error: index out of range") ||
				!strings.Contains(msg, "extract.(*run).events") {
				t.Errorf("stderr = %q, want the file, the internal error and its stack", msg)
			}
			got := graphtest.Format(graphtest.Snapshot(t, st, b.P))
			for _, line := range strings.Split(before, "\n") {
				if strings.Contains(line, b.P+"d03") && !strings.Contains(got, line) {
					t.Errorf("the failed document's previous version changed: %s is gone", line)
				}
			}
			if !strings.Contains(got, "Person dan") {
				t.Errorf("the other changed document was not written:\n%s", got)
			}
			sum, err = ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir}, o)
			if err != nil || sum.Written != 1 || sum.Skipped != 4 {
				t.Errorf("next run = %+v, %v; want the failed document written, the others skipped", sum, err)
			}
		})
	}
}

// TestIngestTooLarge: a document over the default limit (5 MB) is reported
// with its file, size and the limit, and not extracted; the others are
// written; the exit code is 3.
func TestIngestTooLarge(t *testing.T) {
	s := graphtest.Schema(t)
	st := graph.NewMemory(s)
	b := graphtest.Builder{P: graphtest.Prefix()}
	dir := writeDocs(t, b.P, 3)
	big := "amy bob 2026-05-01\n" + strings.Repeat("نص ", 1_300_000) // 6.5 MB
	if err := os.WriteFile(filepath.Join(dir, b.P+"d01.txt"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	env := quietEnv()
	sum, err := ingest(context.Background(), env, st, s, fakeExtractor{b: b}, []string{dir}, ingestOptions{workers: 2, writers: 1, batch: 10})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 2 || sum.Failed != 1 || sum.Invalid != 1 {
		t.Errorf("summary = %+v, want 2 written, 1 invalid", sum)
	}
	if code := exitCode(context.Background(), sum.err()); code != ExitInvalid {
		t.Errorf("exit code = %d, want %d", code, ExitInvalid)
	}
	if msg := env.Stderr.(*bytes.Buffer).String(); !strings.Contains(msg, b.P+"d01.txt: too large: 6.5 MB, the limit is 5 MB") {
		t.Errorf("stderr = %q, want the file, its size and the limit", msg)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/input"
	"github.com/urfave/cli/v2"
)

// TestShardOfIsSHA256 pins the shard function to published SHA-256 test
// vectors (their first 8 bytes), so that a change of hash, which would move
// documents between shards, fails here.
func TestShardOfIsSHA256(t *testing.T) {
	vectors := map[string]uint64{
		"":    0xe3b0c44298fc1c14,
		"abc": 0xba7816bf8f01cfea,
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq": 0x248d6a61d20638b8,
	}
	for id, h := range vectors {
		for _, n := range []int{1, 2, 3, 4, 7, 16, 1000, 1 << 20} {
			if got, want := shardOf(id, n), int(h%uint64(n)); got != want {
				t.Errorf("shardOf(%q, %d) = %d, want %d", id, n, got, want)
			}
		}
	}
}

// TestShardsPartition: every document and every problem belongs to exactly
// one of N shards, and the shards of 10,000 ids are of about equal size, for
// numbered ids and for ids whose letters differ only in their high bits (a
// hash whose low bits depend only on the low bits of each byte, as FNV-1a's
// do, puts all of those in one shard of a power of two).
func TestShardsPartition(t *testing.T) {
	for name, id := range map[string]func(int) string{
		"numbered": func(i int) string { return fmt.Sprintf("gen-%06d", i) },
		"letters aeimquy": func(i int) string {
			var b []byte
			for range 6 {
				b, i = append(b, "aeimquy"[i%7]), i/7
			}
			return string(b)
		},
	} {
		t.Run(name, func(t *testing.T) { testPartition(t, id) })
	}
}

func testPartition(t *testing.T, id func(int) string) {
	const n = 10000
	var items []input.Item
	for i := range n {
		items = append(items, input.Item{Doc: document.Document{ID: id(i)}})
	}
	for i := range 50 {
		items = append(items, input.Item{Err: &input.Problem{Source: "feed.jsonl", Line: i + 1, Msg: "not JSON"}})
	}
	for _, shards := range []int{1, 2, 3, 4, 7, 16} {
		size := make([]int, shards)
		for _, it := range items {
			var owners []int
			for i := range shards {
				if (shard{index: i, count: shards}).owns(it) {
					owners = append(owners, i)
				}
			}
			if len(owners) != 1 {
				t.Fatalf("%d shards: item %+v belongs to shards %v, want exactly one", shards, it, owners)
			}
			if it.Err == nil {
				size[owners[0]]++
			}
		}
		for i, sz := range size {
			if even := n / shards; sz < even*85/100 || sz > even*115/100 {
				t.Errorf("%d shards: shard %d has %d of %d ids, want %d ± 15%%", shards, i, sz, n, even)
			}
		}
	}
	if !(shard{}).owns(items[0]) || !(shard{}).owns(items[n]) {
		t.Error("without a shard, a process must take everything")
	}
}

// TestShardOption reads the shard from --shard, or from JOB_COMPLETION_INDEX
// with --shards or DIPGRAPH_SHARDS; bad values are usage errors that name the
// flag or the variable.
func TestShardOption(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want shard
		err  string // "" when none
	}{
		{"none", nil, nil, shard{}, ""},
		{"flag", []string{"--shard", "2/4"}, nil, shard{2, 4}, ""},
		{"flag first", []string{"--shard", "0/1"}, nil, shard{0, 1}, ""},
		{"flag wins over the job index", []string{"--shard", "1/3"}, map[string]string{envJobIndex: "2"}, shard{1, 3}, ""},
		{"flag and the same count", []string{"--shard", "1/3", "--shards", "3"}, nil, shard{1, 3}, ""},
		{"job index and --shards", []string{"--shards", "8"}, map[string]string{envJobIndex: "7"}, shard{7, 8}, ""},
		{"job index and env", nil, map[string]string{envJobIndex: "0", envShards: "4"}, shard{0, 4}, ""},
		{"--shards wins over env", []string{"--shards", "5"}, map[string]string{envJobIndex: "4", envShards: "4"}, shard{4, 5}, ""},

		{"index too big", []string{"--shard", "4/4"}, nil, shard{}, `--shard "4/4": the shard index must be below the number of shards: 0 to 3`},
		{"no slash", []string{"--shard", "3"}, nil, shard{}, `--shard "3": want I/N`},
		{"negative", []string{"--shard", "-1/4"}, nil, shard{}, `--shard "-1/4": want I/N`},
		{"zero shards", []string{"--shard", "0/0"}, nil, shard{}, `--shard "0/0": the number of shards must be at least 1`},
		{"words", []string{"--shard", "one/four"}, nil, shard{}, `--shard "one/four": want I/N`},
		{"counts disagree", []string{"--shard", "1/3", "--shards", "4"}, nil, shard{}, "--shard 1/3 says 3 shards but --shards says 4"},
		{"counts disagree env", []string{"--shard", "1/3"}, map[string]string{envShards: "4"}, shard{}, "--shard 1/3 says 3 shards but DIPGRAPH_SHARDS says 4"},
		{"job index without count", nil, map[string]string{envJobIndex: "3"}, shard{}, "JOB_COMPLETION_INDEX=3 is set but not the number of shards: set --shards or DIPGRAPH_SHARDS"},
		{"job index too big", nil, map[string]string{envJobIndex: "4", envShards: "4"}, shard{}, "JOB_COMPLETION_INDEX=4 is not below the number of shards 4 (DIPGRAPH_SHARDS)"},
		{"job index not a number", []string{"--shards", "4"}, map[string]string{envJobIndex: "x1"}, shard{}, `JOB_COMPLETION_INDEX="x1": want a shard index`},
		{"bad env count", nil, map[string]string{envJobIndex: "0", envShards: "four"}, shard{}, `DIPGRAPH_SHARDS="four": the number of shards must be a whole number`},
		{"zero --shards", []string{"--shards", "0"}, map[string]string{envJobIndex: "0"}, shard{}, "--shards 0: the number of shards must be at least 1"},
		{"count without index", []string{"--shards", "4"}, nil, shard{}, "--shards 4 needs the shard index from JOB_COMPLETION_INDEX"},
		{"env count without index", nil, map[string]string{envShards: "4"}, shard{}, "DIPGRAPH_SHARDS 4 needs the shard index from JOB_COMPLETION_INDEX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := &Env{Getenv: func(k string) string { return tt.env[k] }}
			var got shard
			var err error
			app := &cli.App{Flags: shardFlags(), Writer: &bytes.Buffer{}, ErrWriter: &bytes.Buffer{},
				Action: func(c *cli.Context) error { got, err = shardOption(c, env); return nil }}
			if rerr := app.Run(append([]string{"x"}, tt.args...)); rerr != nil {
				t.Fatal(rerr)
			}
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v, want shard %v", err, tt.want)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || exitCode(context.Background(), err) != ExitUsage):
				t.Fatalf("error %v (exit %d), want a usage error containing %q", err, exitCode(context.Background(), err), tt.err)
			case got != tt.want:
				t.Errorf("shard = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestIngestBadShardCLI: a bad shard is a usage error, told before
// connecting to Neo4j.
func TestIngestBadShardCLI(t *testing.T) {
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
		return map[string]string{"NEO4J_URI": "bolt://" + unusedAddr(t), envJobIndex: "5", envShards: "5"}[k]
	}}
	code := Run(context.Background(), []string{"dipgraph", "ingest", t.TempDir()}, env)
	if code != ExitUsage || !strings.Contains(errOut.String(), "JOB_COMPLETION_INDEX=5 is not below the number of shards 5") {
		t.Errorf("exit %d, stderr %q; want %d and the variable named", code, errOut.String(), ExitUsage)
	}
}

// recordStore records the documents written through it.
type recordStore struct {
	graph.Store
	mu  sync.Mutex
	ids []string
}

func (r *recordStore) Write(ctx context.Context, rs []extract.Result) (graph.Stats, error) {
	st, err := r.Store.Write(ctx, rs)
	if err == nil {
		r.mu.Lock()
		for _, x := range rs {
			r.ids = append(r.ids, x.Document.ID)
		}
		r.mu.Unlock()
	}
	return st, err
}

// TestIngestShardsCoverEveryDocumentOnce runs ingest once per shard of 3, on
// the same documents laid out as text files and as JSON Lines split over two
// files in reverse order, and counts: each document is written by exactly one
// shard, the same one in both layouts; one bad line is reported by exactly
// one shard; each shard's counts add up to the whole input.
func TestIngestShardsCoverEveryDocumentOnce(t *testing.T) {
	s := graphtest.Schema(t)
	const docs, shards = 40, 3
	for name, st := range stores(t, s) {
		t.Run(name, func(t *testing.T) {
			owner := map[string]int{} // document id → shard, from the first layout
			b := graphtest.Builder{P: graphtest.Prefix()}
			graphtest.ForgetPrefix(t, st, b.P)
			dir := writeDocs(t, b.P, docs)
			for layout := range 2 {
				inputs := []string{dir}
				if layout == 1 {
					inputs = jsonlLayout(t, dir)
					var ids []string // the same ids again: forget the first layout's documents
					for i := range docs {
						ids = append(ids, b.ID(fmt.Sprintf("d%02d", i)))
					}
					if _, err := st.Forget(context.Background(), ids); err != nil {
						t.Fatal(err)
					}
				}
				var read, failed int64
				written := map[string]int{}
				for i := range shards {
					rec := &recordStore{Store: st}
					o := ingestOptions{workers: 2, writers: 1, batch: 4, shard: shard{i, shards}}
					sum, err := ingest(context.Background(), quietEnv(), rec, s, fakeExtractor{b: b}, inputs, o)
					if err != nil {
						t.Fatalf("layout %d shard %d: %v", layout, i, err)
					}
					if sum.Shard != fmt.Sprintf("%d/%d", i, shards) {
						t.Errorf("summary shard = %q", sum.Shard)
					}
					if total := docs + int64(layout); sum.Read+sum.OtherShards != total {
						t.Errorf("layout %d shard %d: %d read + %d left to others, want %d", layout, i, sum.Read, sum.OtherShards, total)
					}
					read, failed = read+sum.Read, failed+sum.Failed
					if int64(len(rec.ids)) != sum.Written {
						t.Errorf("layout %d shard %d: %d written, summary says %d", layout, i, len(rec.ids), sum.Written)
					}
					for _, id := range rec.ids {
						written[strings.TrimPrefix(id, b.P)]++
						key := strings.TrimPrefix(id, b.P)
						if layout == 0 {
							owner[key] = i
						} else if owner[key] != i {
							t.Errorf("document %s: shard %d with text files, %d with JSON Lines", key, owner[key], i)
						}
					}
				}
				if len(written) != docs {
					t.Errorf("layout %d: %d distinct documents written, want %d", layout, len(written), docs)
				}
				for id, k := range written {
					if k != 1 {
						t.Errorf("layout %d: document %s written by %d shards", layout, id, k)
					}
				}
				if want := docs + int64(layout); read != want || failed != int64(layout) {
					t.Errorf("layout %d: shards read %d and failed %d in all, want %d and %d", layout, read, failed, want, layout)
				}
			}
		})
	}
}

// jsonlLayout writes the text files of dir as JSON Lines, in reverse order
// and split over two files, with one line that is not JSON.
func jsonlLayout(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(files)
	var lines [][]byte
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": strings.TrimSuffix(filepath.Base(f), ".txt"), "text": string(text)})
		lines = append(lines, line)
	}
	out := t.TempDir()
	half := len(lines) / 2
	a, b := filepath.Join(out, "b.jsonl"), filepath.Join(out, "a.jsonl")
	if err := os.WriteFile(a, append(bytes.Join(lines[:half], []byte("\n")), "\n{not json\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, append(bytes.Join(lines[half:], []byte("\n")), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{a, b}
}

// TestShardInProgressAndSummary: a sharded run says its shard in the
// progress line and the summary, and counts what it left to the others.
func TestShardInProgressAndSummary(t *testing.T) {
	sum := &counters{}
	sum.written.Add(3)
	sum.others.Add(9)
	p := &progress{shard: "1/4", sum: sum, begin: time.Now()}
	p.total.Store(-1)
	if got, want := p.line(), "ingest shard 1/4: 12 documents (3 written, 0 skipped, 0 failed, 9 other shards)"; !strings.HasPrefix(got, want) {
		t.Errorf("progress line = %q, want it to start %q", got, want)
	}
	var out bytes.Buffer
	printSummary(&Env{Stdout: &out, Stderr: &out}, ingestSummary{Read: 3, Written: 3, Shard: "1/4", OtherShards: 9, Seconds: 1})
	if want := "ingest shard 1/4: 3 read, 0 skipped unchanged, 3 written, 0 failed, 9 left to other shards;"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("summary = %q, want it to start %q", out.String(), want)
	}
}

// clearStore records the ids whose fingerprints a forced run clears.
type clearStore struct {
	graph.Store
	cleared []string
}

func (c *clearStore) ClearFingerprints(ctx context.Context, ids []string) error {
	c.cleared = append(c.cleared, ids...)
	return c.Store.ClearFingerprints(ctx, ids)
}

// TestForcedShard: a forced run of one shard clears and rewrites that
// shard's documents only, leaving the others' fingerprints to their shards.
func TestForcedShard(t *testing.T) {
	s := graphtest.Schema(t)
	st := graph.NewMemory(s)
	b := graphtest.Builder{P: graphtest.Prefix()}
	dir := writeDocs(t, b.P, 30)
	if sum, err := ingest(context.Background(), quietEnv(), st, s, fakeExtractor{b: b}, []string{dir},
		ingestOptions{workers: 2, writers: 1, batch: 7}); err != nil || sum.Written != 30 {
		t.Fatalf("first ingest: %+v, %v", sum, err)
	}
	rec := &clearStore{Store: st}
	sh := shard{index: 1, count: 2}
	sum, err := ingest(context.Background(), quietEnv(), rec, s, fakeExtractor{b: b}, []string{dir},
		ingestOptions{workers: 2, writers: 1, batch: 7, force: true, shard: sh})
	if err != nil {
		t.Fatal(err)
	}
	mine := 0
	for i := range 30 {
		if shardOf(b.ID(fmt.Sprintf("d%02d", i)), 2) == 1 {
			mine++
		}
	}
	if sum.Written != int64(mine) || sum.Skipped != 0 || sum.OtherShards != int64(30-mine) || len(rec.cleared) != mine {
		t.Errorf("forced shard 1/2: %+v, %d fingerprints cleared; want the shard's %d documents cleared and written", sum, len(rec.cleared), mine)
	}
	for _, id := range rec.cleared {
		if shardOf(id, 2) != 1 {
			t.Errorf("forced shard 1/2 cleared the fingerprint of %s, of shard 0", id)
		}
	}
}

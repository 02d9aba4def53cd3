package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// stamp matches the ingestion stamps, which differ between two Bulks.
var stamp = regexp.MustCompile(`"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"`)

// TestBulkRunsSameFiles writes one corpus into a Bulk that holds every
// entity and fact record in memory and into Bulks that sort them in small
// runs (many runs: a k-way merge, and with the smallest more runs than one
// merge reads, so merges of merges), and requires the same files, byte for
// byte but for the ingestion stamps; and no temporary file left.
func TestBulkRunsSameFiles(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: "br-"}
	var rs []extract.Result
	for _, r := range append(graphtest.DerivedCorpus(b), graphtest.Corpus(b, 40)...) {
		rs = append(rs, *r)
	}
	write := func(t *testing.T, runSize int) (string, int) {
		t.Helper()
		dir := t.TempDir()
		bulk, err := graph.NewBulkRuns(s, dir, runSize)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for i := 0; i < len(rs); i += 3 {
			if _, err := bulk.Write(ctx, rs[i:min(i+3, len(rs))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := bulk.Close(ctx); err != nil {
			t.Fatal(err)
		}
		runs, _ := graph.BulkRuns(bulk)
		var listed []string
		for _, spec := range append(bulk.Files().Nodes, bulk.Files().Relationships...) {
			listed = append(listed, filepath.Base(spec[slices.Index([]byte(spec), '=')+1:]))
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, e := range entries {
			found = append(found, e.Name())
		}
		slices.Sort(listed)
		if !slices.Equal(found, listed) {
			t.Errorf("run size %d: the directory holds %v, the import files are %v", runSize, found, listed)
		}
		return dir, runs
	}
	wantDir, runs := write(t, 16<<20)
	if runs != 0 {
		t.Fatalf("a run size of 16 MB made %d runs", runs)
	}
	_, fanIn := graph.BulkRuns(nil)
	for _, tc := range []struct {
		name    string
		runSize int
		minRuns int
	}{
		{"a few runs", 4 << 10, 3},
		{"more runs than a merge reads", 1, fanIn + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, runs := write(t, tc.runSize)
			if runs < tc.minRuns {
				t.Fatalf("%d runs, want at least %d", runs, tc.minRuns)
			}
			entries, err := os.ReadDir(wantDir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				want, err := os.ReadFile(filepath.Join(wantDir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				want, got = stamp.ReplaceAll(want, []byte("STAMP")), stamp.ReplaceAll(got, []byte("STAMP"))
				if string(want) != string(got) {
					t.Errorf("%s differs:\n%s", e.Name(), graphtest.Diff(string(want), string(got)))
				}
			}
		})
	}
}

package input

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIDs adds ids to the set, some twice, and checks that exactly the
// second ones are reported, with where the first was seen: with the real
// fingerprint (the table grows several times), with every id sharing one
// fingerprint (each candidate confirmed by reading the log), and with the
// log in memory when no temporary file can be made.
func TestIDs(t *testing.T) {
	cases := []struct {
		name string
		n    int
		fp   func(string) uint32
		tmp  string
	}{
		{name: "fingerprints", n: 20000},
		{name: "one fingerprint for all", n: 400, fp: func(string) uint32 { return 7 }},
		{name: "two fingerprints", n: 1000, fp: func(id string) uint32 { return uint32(len(id) % 2) }},
		{name: "log in memory", n: 5000, tmp: filepath.Join(t.TempDir(), "missing")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newIDs(slog.New(slog.DiscardHandler))
			s.tmp = tc.tmp
			if s.tmp == "" {
				s.tmp = t.TempDir()
			}
			if tc.fp != nil {
				s.fp = tc.fp
			}
			defer s.close()
			add := func(id string, p Problem) string {
				t.Helper()
				first, err := s.add(id, &p)
				if err != nil {
					t.Fatal(err)
				}
				return first
			}
			for i := range tc.n {
				if first := add(fmt.Sprintf("doc-%d", i), Problem{Source: fmt.Sprintf("f%d.jsonl", i%3), Line: i + 1}); first != "" {
					t.Fatalf("doc-%d: reported as a duplicate of %s", i, first)
				}
			}
			// Again, every seventh, and one id that is a prefix of others.
			for i := 0; i < tc.n; i += 7 {
				want := fmt.Sprintf("f%d.jsonl:%d", i%3, i+1)
				if first := add(fmt.Sprintf("doc-%d", i), Problem{Source: "again.jsonl", Line: i + 1}); first != want {
					t.Fatalf("doc-%d again: first in %q, want %q", i, first, want)
				}
			}
			if first := add("doc-", Problem{Source: "x.txt"}); first != "" {
				t.Fatalf("doc-: reported as a duplicate of %s", first)
			}
			if first := add("doc-", Problem{Source: "y.txt"}); first != "x.txt" {
				t.Fatalf("doc- again: first in %q, want x.txt", first)
			}
			if s.n != tc.n+1 {
				t.Errorf("%d ids in the table, want %d", s.n, tc.n+1)
			}
			if 4*s.n > 3*s.slots.n {
				t.Errorf("table of %d slots holds %d ids: more than 3/4 full", s.slots.n, s.n)
			}
			if inMemory := s.log.f == nil; inMemory != (tc.tmp != "") {
				t.Errorf("log in memory: %v", inMemory)
			}
			if inMemory := s.slots.f == nil; inMemory != (tc.tmp != "") {
				t.Errorf("table in memory: %v", inMemory)
			}
		})
	}
}

// TestIDsFileFails checks that a failure of the table's temporary file is
// an error naming it, not a document taken as new.
func TestIDsFileFails(t *testing.T) {
	s := newIDs(slog.New(slog.DiscardHandler))
	s.tmp = t.TempDir()
	defer s.close()
	const n = 40000 // a table of 64k slots, 128 blocks, most of them not cached
	for i := range n {
		if _, err := s.add(fmt.Sprintf("doc-%d", i), &Problem{Source: "a.txt"}); err != nil {
			t.Fatal(err)
		}
	}
	id := ""
	for i := range n { // an id whose block is not cached: looking it up reads the file
		k := s.home(s.fp(fmt.Sprintf("doc-%d", i)), s.slots.n) / blockSlots
		if s.slots.cache[k%cacheBlocks].at != k {
			id = fmt.Sprintf("doc-%d", i)
			break
		}
	}
	if err := s.slots.f.Close(); err != nil {
		t.Fatal(err)
	}
	first, err := s.add(id, &Problem{Source: "b.txt"})
	if err == nil || !strings.HasPrefix(err.Error(), "duplicate-id table: ") || !strings.Contains(err.Error(), "dipgraph-id-slots-") {
		t.Errorf("add %s after the table's file failed: %q, %v; want an error naming the table's file", id, first, err)
	}
}

// TestReadLeavesNoIDFile reads files with a duplicate id, their ids kept in
// Options.TempDir, and checks that nothing is left there.
func TestReadLeavesNoIDFile(t *testing.T) {
	dir := t.TempDir()
	got, err := readAll(t, []string{"testdata/bad/lines.jsonl", "testdata/plain.txt", "testdata/plain.txt"}, Options{TempDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	want := `err testdata/plain.txt: id: duplicate id "plain" (first in testdata/plain.txt)`
	if len(got) == 0 || got[len(got)-1] != want {
		t.Errorf("last item %q, want %q", got[len(got)-1:], want)
	}
	emptyDir(t, dir)
}

// emptyDir fails t when dir holds anything: the id set's temporary files
// are deleted as soon as they are open.
func emptyDir(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}

// TestIDsTempFileGone checks that the set leaves no file behind.
func TestIDsTempFileGone(t *testing.T) {
	dir := t.TempDir()
	s := newIDs(slog.New(slog.DiscardHandler))
	s.tmp = dir
	if _, err := s.add("a", &Problem{Source: "a.txt"}); err != nil {
		t.Fatal(err)
	}
	s.close()
	emptyDir(t, dir)
}

// BenchmarkIDs adds b.N new ids, the table in a temporary file and, for
// comparison, in memory: the time per id is what the file costs a
// document.
func BenchmarkIDs(b *testing.B) {
	for _, where := range []string{"file", "memory"} {
		b.Run(where, func(b *testing.B) {
			s := newIDs(slog.New(slog.DiscardHandler))
			s.tmp = b.TempDir()
			if where == "memory" {
				s.tmp = filepath.Join(s.tmp, "missing")
			}
			defer s.close()
			p := Problem{Source: "corpus.jsonl"}
			for i := 0; b.Loop(); i++ {
				p.Line = i + 1
				if first, err := s.add(fmt.Sprintf("gen-1-%07d", i), &p); err != nil || first != "" {
					b.Fatal(first, err)
				}
			}
		})
	}
}

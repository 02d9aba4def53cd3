package graph

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestSpillStable: every key once, in order, with its payloads in the order
// they were added, whether the records fit in memory, make a few runs or
// more runs than one merge reads; and no file left once removed.
func TestSpillStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type rec struct{ key, payload string }
	var recs []rec
	for i := range 2000 {
		recs = append(recs, rec{fmt.Sprintf("k%03d", r.IntN(300)), fmt.Sprintf("p%04d", i)})
	}
	want := map[string][]string{}
	for _, x := range recs {
		want[x.key] = append(want[x.key], x.payload)
	}
	for _, tc := range []struct {
		name    string
		runSize int
		runs    int
	}{
		{"in memory", 1 << 20, 0},
		{"a few runs", 8 << 10, 3},
		{"merges of merges", 200, spillFanIn + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := newSpill(dir, tc.runSize)
			for _, x := range recs {
				if err := s.add(x.key, []byte(x.payload)); err != nil {
					t.Fatal(err)
				}
			}
			var keys []string
			err := s.each(func(k []byte, ps iter.Seq[[]byte]) error {
				keys = append(keys, string(k))
				var got []string
				for p := range ps {
					got = append(got, string(p))
				}
				if !slices.Equal(got, want[string(k)]) {
					t.Errorf("key %s: payloads %v, want %v", k, got, want[string(k)])
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(keys) != len(want) || !slices.IsSorted(keys) {
				t.Errorf("%d keys (sorted: %v), want %d sorted", len(keys), slices.IsSorted(keys), len(want))
			}
			if s.made < tc.runs || (tc.runs == 0 && s.made != 0) {
				t.Errorf("%d run files, want at least %d", s.made, tc.runs)
			}
			if err := s.remove(); err != nil {
				t.Fatal(err)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestSpillCorruptRun: a run cut short fails the merge with an error naming
// it, and remove still leaves nothing.
func TestSpillCorruptRun(t *testing.T) {
	dir := t.TempDir()
	s := newSpill(dir, 64)
	for i := range 100 {
		if err := s.add(fmt.Sprintf("k%02d", i%7), []byte(fmt.Sprintf("payload %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.flush(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(s.runs[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(s.runs[1], info.Size()-3); err != nil {
		t.Fatal(err)
	}
	err = s.each(func(_ []byte, ps iter.Seq[[]byte]) error {
		for range ps {
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), s.runs[1]) {
		t.Errorf("err = %v, want one naming %s", err, s.runs[1])
	}
	if err := s.remove(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestSpillPartialRead: a reader that takes only the first payload of each
// key, or none, still gets every key once, in order, with its first
// payload, in memory as from runs.
func TestSpillPartialRead(t *testing.T) {
	for _, runSize := range []int{1 << 20, 64, 16} {
		for _, take := range []int{0, 1} {
			t.Run(fmt.Sprintf("run size %d, take %d", runSize, take), func(t *testing.T) {
				s := newSpill(t.TempDir(), runSize)
				for i := range 300 {
					if err := s.add(fmt.Sprintf("k%02d", i%11), []byte(fmt.Sprintf("p%03d", i))); err != nil {
						t.Fatal(err)
					}
				}
				var got []string
				err := s.each(func(k []byte, ps iter.Seq[[]byte]) error {
					n := 0
					for p := range ps {
						if n == take {
							break
						}
						got = append(got, string(k)+"="+string(p))
						n++
					}
					if take == 0 {
						got = append(got, string(k))
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for i := range 11 {
					if take == 0 {
						want = append(want, fmt.Sprintf("k%02d", i))
					} else {
						want = append(want, fmt.Sprintf("k%02d=p%03d", i, i))
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("got %v, want %v", got, want)
				}
				_ = s.remove()
			})
		}
	}
}

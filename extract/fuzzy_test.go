package extract

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// TestLevenshteinBand checks the banded distance against the whole table on
// random strings of a small alphabet, for every bound.
func TestLevenshteinBand(t *testing.T) {
	full := func(a, b []rune) int {
		prev := make([]int, len(b)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(a); i++ {
			cur := make([]int, len(b)+1)
			cur[0] = i
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev = cur
		}
		return prev[len(b)]
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() []rune {
		rs := make([]rune, rng.IntN(14))
		for k := range rs {
			rs[k] = 'a' + rune(rng.IntN(3))
		}
		return rs
	}
	for range 20000 {
		a, b := word(), word()
		for limit := 1; limit <= 5; limit++ {
			want := min(full(a, b), limit)
			if got := levenshtein(a, b, limit); got != want {
				t.Fatalf("levenshtein(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
			}
		}
	}
}

// TestPairSigBound checks the bound match relies on to skip levenshtein:
// strings d edits apart have at most 2d bits of pairSig the other has not,
// either way round, on random strings and random edits of them.
func TestPairSigBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	letter := func() rune { return 'a' + rune(rng.IntN(6)) }
	for range 20000 {
		a := make([]rune, 1+rng.IntN(16))
		for k := range a {
			a[k] = letter()
		}
		b := append([]rune(nil), a...)
		edits := rng.IntN(4)
		for range edits {
			switch p := rng.IntN(len(b) + 1); {
			case rng.IntN(3) == 0 || len(b) == 0:
				b = append(b[:p], append([]rune{letter()}, b[p:]...)...) // insert
			case p < len(b) && rng.IntN(2) == 0:
				b = append(b[:p], b[p+1:]...) // delete
			case p < len(b):
				b[p] = letter() // substitute
			}
		}
		d := levenshtein(a, b, 64)
		sa, sb := pairSig(a), pairSig(b)
		if n := bits.OnesCount64(sa &^ sb); n > 2*d {
			t.Fatalf("%q and %q, %d edits apart: %d pair bits of the first missing from the second", string(a), string(b), d, n)
		}
		if n := bits.OnesCount64(sb &^ sa); n > 2*d {
			t.Fatalf("%q and %q, %d edits apart: %d pair bits of the second missing from the first", string(a), string(b), d, n)
		}
	}
}

package extract

import (
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

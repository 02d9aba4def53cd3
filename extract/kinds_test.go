package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// TestNextKind checks nextKind against a walk over the tokens with hitAt,
// for every kind and every start, on the fixture articles.
func TestNextKind(t *testing.T) {
	x := unitExtractor(t)
	r := newRun(x, document.Document{ID: "k", Text: benchText(t)}, &buffers{})
	found := 0
	for k := range nKinds {
		want := len(r.toks)
		for i := len(r.toks); i >= 0; i-- {
			if _, ok := r.hitAt(i, k); ok {
				want, found = i, found+1
			}
			if got := r.nextKind(i, k); got != want {
				t.Fatalf("nextKind(%d, %d) = %d, want %d", i, k, got, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("the fixtures start no hit of any kind")
	}
}

package extract

import "testing"

// TestListMaskHoldsEveryList checks that every word list has a bit of its own
// in a listMask: a list past the mask's width would silently never match.
func TestListMaskHoldsEveryList(t *testing.T) {
	for l := list(0); l < nLists; l++ {
		var m listMask
		m.add(l)
		for o := list(0); o < nLists; o++ {
			if got := m.has(o); got != (o == l) {
				t.Fatalf("mask of list %d (%s): has(%d) = %v", l, listPurpose[l], o, got)
			}
		}
	}
}

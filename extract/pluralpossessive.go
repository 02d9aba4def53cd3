package extract

import "strings"

// This file reads a multilateral event named after a plural possessive of
// its participants, where names are written with the possessive endings of
// the pack (possessives): the mark alone after the plural word that is a
// multilateral marker (the G8 Foreign Ministers' Meeting, the ASEAN
// Leaders’ Meeting), unless a reference to the principals ends with that
// word (the two leaders' meeting is theirs). A pack with no possessives
// reads none.

// pluralPossessive reports a possessive mark at token k standing alone: the
// mark of one of the pack's possessive endings, written with no space after
// a word that ends with the rest of that ending and with a space or the
// text's end after it.
func (r *run) pluralPossessive(k int) bool {
	if k < 1 || k >= len(r.toks) || r.toks[k].Word || !r.toks[k-1].Word || r.toks[k-1].End != r.toks[k].Start {
		return false
	}
	if k+1 < len(r.toks) && r.toks[k+1].Start == r.toks[k].End {
		return false
	}
	for _, p := range r.x.lists[wPossessive] {
		rest := strings.TrimPrefix(p, r.toks[k].S)
		if rest != p && rest != "" && strings.HasSuffix(r.toks[k-1].S, rest) {
			return true
		}
	}
	return false
}

// possessorMarker returns the first token of a multilateral marker that
// ends at token e, no earlier than token s, followed by a plural possessive
// mark right before the event noun at token e+2; -1 when there is none, or
// when a reference to the principals ends at token e.
func (r *run) possessorMarker(e, s int) int {
	if !r.pluralPossessive(e + 1) {
		return -1
	}
	for i := e; i >= s && i >= e-3; i-- {
		if h, ok := r.hitAt(i, kRef); ok && h.end == e+1 {
			return -1 // the two leaders' meeting: the principals' own
		}
	}
	for i := e; i >= s && i >= e-3; i-- {
		if h, ok := r.wordAt(i, wMultilateral); ok && h.end == e+1 {
			return i
		}
	}
	return -1
}

package extract

import "slices"

// This file finds mentions by position. After the entities are read, r.ments
// is sorted by start token, so a range of tokens is a range of mentions found
// by binary search: reading a clause costs what the clause holds, not what
// the document holds.

// mentsIn returns the mentions starting in tokens [s, e), in order.
func (r *run) mentsIn(s, e int) []mention {
	lo := r.firstMentFrom(s)
	hi := lo
	for hi < len(r.ments) && r.ments[hi].start < e {
		hi++
	}
	return r.ments[lo:hi]
}

// firstMentFrom returns the index of the first mention starting at token s
// or after it: sort.Search over r.ments, written out, as it runs for every
// clause and trigger.
func (r *run) firstMentFrom(s int) int {
	lo, hi := 0, len(r.ments)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if r.ments[m].start < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// mentsOver returns the mentions that cover token i.
func (r *run) mentsOver(i int) []mention {
	hi := r.firstMentFrom(i + 1)
	var out []mention
	for k := hi - 1; k >= 0 && k >= hi-8; k-- {
		if m := r.ments[k]; m.start <= i && i < m.end {
			out = append(out, m)
		}
	}
	return out
}

// negated reports a negation word in the few tokens before the trigger at i.
func (r *run) negated(si, i int) bool {
	for k := i - 1; k >= r.sents[si].start && k >= i-3; k-- {
		if r.tokIn(k, wNegation) {
			return true // as written: كلا is no ك + لا
		}
	}
	return false
}

// dedupe drops repeated ids, keeping the first, in a new slice, or in ids
// itself when none repeats (its capacity cut to its length, so that an
// append to the one does not write to the other). Most lists are short: the
// ids before are searched rather than put in a map.
func dedupe(ids []string) []string {
	out := ids[:0:0]
	if len(ids) <= 16 {
		repeats := false
		for i := 1; i < len(ids) && !repeats; i++ {
			repeats = slices.Contains(ids[:i], ids[i])
		}
		if !repeats {
			return ids[:len(ids):len(ids)]
		}
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// hostVenue returns an earlier meeting of the same host on the same day
// that has a venue: the host receives guest after guest there.
func (r *run) hostVenue(ev *event) *event {
	if len(ev.principals) == 0 {
		return nil
	}
	for k := len(r.evs) - 1; k >= 0; k-- {
		e := r.evs[k]
		if e != ev && e.venue != "" && e.date == ev.date && e.modality != "planned" && e.scale != "multilateral" &&
			len(e.principals) > 0 && e.principals[0] == ev.principals[0] && e.kind != signingKind {
			return e
		}
	}
	return nil
}

// mentionOf returns the first token of the first mention of id in tokens
// [s, e), or -1.
func (r *run) mentionOf(id string, s, e int) int {
	for _, m := range r.mentsIn(s, e) {
		if m.id == id {
			return m.start
		}
	}
	return -1
}

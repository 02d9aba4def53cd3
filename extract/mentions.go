package extract

import "sort"

// This file finds mentions by position. After the entities are read, r.ments
// is sorted by start token, so a range of tokens is a range of mentions found
// by binary search: reading a clause costs what the clause holds, not what
// the document holds.

// mentsIn returns the mentions starting in tokens [s, e), in order.
func (r *run) mentsIn(s, e int) []mention {
	lo := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= s })
	hi := lo
	for hi < len(r.ments) && r.ments[hi].start < e {
		hi++
	}
	return r.ments[lo:hi]
}

// mentsOver returns the mentions that cover token i.
func (r *run) mentsOver(i int) []mention {
	hi := sort.Search(len(r.ments), func(k int) bool { return r.ments[k].start > i })
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

// dedupe drops repeated ids, keeping the first.
func dedupe(ids []string) []string {
	out := ids[:0:0]
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

package extract

import "strings"

// possessiveIn returns the number of tokens of a possessive ending at token
// k inside a title that starts at token i (the pack's possessives: Egypt's,
// the People's), or 0. The ending is written with no space after a word and
// a word follows it: the title goes on with what the possessor owns. A
// plural whose word already ends with the letters of the ending writes its
// mark alone (the two countries’ relations), unless a quote opened inside
// the title is closed by it.
func (r *run) possessiveIn(i, k int) int {
	if k <= i || k+1 >= len(r.toks) || r.toks[k].Word || !r.toks[k-1].Word || r.toks[k-1].End != r.toks[k].Start {
		return 0
	}
	for _, p := range r.x.lists[wPossessive] {
		mark, rest := r.toks[k].S, strings.TrimPrefix(p, r.toks[k].S)
		if rest == p || rest == "" {
			continue
		}
		next := r.toks[k+1]
		if next.Word && next.S == rest && next.Start == r.toks[k].End && k+2 < len(r.toks) && r.toks[k+2].Word {
			return 2
		}
		if next.Word && next.Start > r.toks[k].End && strings.HasSuffix(r.toks[k-1].S, rest) && !r.quoteOpen(i, k, mark) {
			return 1
		}
	}
	return 0
}

// quoteOpen reports a mark written before a word, with no space after it,
// between tokens i and k: a quote the mark at k may close.
func (r *run) quoteOpen(i, k int, mark string) bool {
	for j := i; j < k; j++ {
		if !r.toks[j].Word && r.toks[j].S == mark && j+1 < len(r.toks) && r.toks[j+1].Start == r.toks[j].End &&
			(j == 0 || r.toks[j-1].End < r.toks[j].Start) {
			return true
		}
	}
	return false
}

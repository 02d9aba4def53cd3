package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// This file matches the names of persons the gazetteer does not list as
// written against the names it lists, allowing the spelling differences of
// transliteration (قاسم جومارت توقاييف for توكاييف، آبيي أحمد for آبي أحمد):
// whole names only, compared on their folded forms, never inside other
// words; the mention keeps its offsets in the original text.

// fuzzyName is a gazetteer person's name of two words or more, folded.
type fuzzyName struct {
	runes []rune // the words joined by spaces
	sig   uint64 // the letters it has (letterSig)
	pairs uint64 // the pairs of runes next to each other it has (pairSig)
	words int
	ref   int // index into Extractor.entries
}

// letterSig is a set of the letters of rs, by their code point modulo 64:
// two names an edit apart differ in at most two of its bits.
func letterSig(rs []rune) uint64 {
	var s uint64
	for _, r := range rs {
		if r != ' ' {
			s |= 1 << (uint(r) % 64)
		}
	}
	return s
}

// pairSig is a set of the pairs of runes next to each other in rs, each by a
// hash of the pair modulo 64. An edit spoils at most two of a name's pairs,
// so a name d edits from another has at most 2d bits the other has not,
// either way round: a test that rules out most names before levenshtein.
func pairSig(rs []rune) uint64 {
	var s uint64
	for i := 1; i < len(rs); i++ {
		h := (uint64(uint32(rs[i-1]))<<32 | uint64(uint32(rs[i]))) * 0x9E3779B97F4A7C15
		s |= 1 << (h >> 58)
	}
	return s
}

// fuzzyKey buckets names by word count and by the first letter of a word.
type fuzzyKey struct {
	words int
	first rune
}

// fuzzyIndex holds the gazetteer's person names twice: under the first
// letter of their first word and of their last word. A transliteration
// keeps one of the two: candidates are the names of either bucket.
type fuzzyIndex map[fuzzyKey]*fuzzyBucket

// fuzzyBucket holds a bucket's names by length, and beside them, in
// arrays of their own, what match tests before reading a name: its length
// in runes, letterSig and pairSig. Passing over the many names a bucket
// holds reads those few bytes of each, in order.
type fuzzyBucket struct {
	names []fuzzyName
	lens  []int32
	sigs  []uint64
	pairs []uint64
}

// newFuzzyIndex indexes the (pack language) names of gazetteer persons.
func newFuzzyIndex(entries []*schema.Entry, lang string) fuzzyIndex {
	byKey := map[fuzzyKey][]fuzzyName{}
	for ref, e := range entries {
		if e.Type != schema.Person {
			continue
		}
		for _, n := range e.Names[lang] {
			ws := norm.Words(norm.Fold(n))
			if len(ws) < 2 {
				continue
			}
			rs := []rune(strings.Join(ws, " "))
			fn := fuzzyName{runes: rs, sig: letterSig(rs), pairs: pairSig(rs), words: len(ws), ref: ref}
			a, b := firstRuneOf(ws[0]), firstRuneOf(ws[len(ws)-1])
			byKey[fuzzyKey{len(ws), a}] = append(byKey[fuzzyKey{len(ws), a}], fn)
			if b != a {
				byKey[fuzzyKey{len(ws), b}] = append(byKey[fuzzyKey{len(ws), b}], fn)
			}
		}
	}
	// Each bucket goes by length, so that match reads only the names of
	// the lengths an edit or two away. The order of a bucket's names does
	// not change what match finds: the best distance, and whether two
	// persons share it.
	idx := fuzzyIndex{}
	for key, names := range byKey {
		slices.SortStableFunc(names, func(x, y fuzzyName) int { return cmp.Compare(len(x.runes), len(y.runes)) })
		b := &fuzzyBucket{names: names}
		for _, fn := range names {
			b.lens, b.sigs, b.pairs = append(b.lens, int32(len(fn.runes))), append(b.sigs, fn.sig), append(b.pairs, fn.pairs)
		}
		idx[key] = b
	}
	return idx
}

// match returns the one gazetteer person whose name is within a
// transliteration's distance of words: the whole name at an edit distance of
// 1 (2 for names of more than ten letters). Two persons at the same best
// distance match none.
func (idx fuzzyIndex) match(words []string) (int, bool) {
	n := len(words)
	if n < 2 {
		return 0, false
	}
	name := []rune(strings.Join(words, " "))
	size := len(name)
	limit := 1
	if size > 10 {
		limit = 2
	}
	best, bestD, tie := -1, limit+1, false
	a, b := firstRuneOf(words[0]), firstRuneOf(words[n-1])
	sig, pairs := letterSig(name), pairSig(name)
	for _, key := range []fuzzyKey{{n, a}, {n, b}} {
		bk := idx[key]
		if bk == nil {
			continue
		}
		k, _ := slices.BinarySearch(bk.lens, int32(size-limit))
		for ; k < len(bk.lens) && int(bk.lens[k]) <= size+limit; k++ {
			if bits.OnesCount64(bk.sigs[k]^sig) > 2*limit {
				continue // more letters differ than edits could explain
			}
			if bits.OnesCount64(pairs&^bk.pairs[k]) > 2*limit || bits.OnesCount64(bk.pairs[k]&^pairs) > 2*limit {
				continue // more pairs of letters differ than edits could explain
			}
			c := &bk.names[k]
			d := levenshtein(name, c.runes, limit+1)
			switch {
			case d < bestD:
				best, bestD, tie = c.ref, d, false
			case d == bestD && c.ref != best:
				tie = true
			}
		}
		if a == b {
			break
		}
	}
	if best < 0 || tie || bestD > limit {
		return 0, false
	}
	return best, true
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// levenshtein returns the edit distance of a and b, or max when it is max
// or more. Names are short: the rows live on the stack. Only the cells
// within max-1 of the diagonal are worked out: a cell further off is max or
// more, and so is every cell a path through it reaches.
func levenshtein(a, b []rune, max int) int {
	if d := len(a) - len(b); d >= max || -d >= max {
		return max
	}
	if len(b) >= 63 {
		return max
	}
	const off = 1 << 30 // a cell off the band
	var prevA, curA [64]int
	prev, cur := prevA[:len(b)+1], curA[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := i-max+1, i+max-1 // the band of row i
		if lo <= 1 {
			lo, cur[0] = 1, i
		} else {
			cur[lo-1] = off
		}
		if hi >= len(b) {
			hi = len(b)
		} else {
			cur[hi+1] = off
		}
		low := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low >= max {
			return max
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], max)
}

// fuzzyPersons gives each provisional person whose name is a transliteration
// away from a gazetteer person's that person instead: its mentions, aliases
// and offices move to the gazetteer entity.
func (r *run) fuzzyPersons() {
	for _, id := range append([]string(nil), r.order...) {
		a := r.ents[id]
		if a == nil || a.Type != schema.Person || a.entry != nil || len(a.Mentions) == 0 {
			continue
		}
		var words []string
		for _, m := range r.ments {
			if m.id == id && !m.title {
				words = r.foldedWords(m.start, m.end)
				break
			}
		}
		if r.x.lang.Capitalised {
			words = withoutInitials(words) // Retno L. P. Marsudi is Retno Marsudi
		}
		linked := false
		if !r.transliterated(words) {
			if linked = r.linkedLatin(words); !linked {
				continue
			}
		}
		ref, ok := r.x.fuzzy.match(words)
		if !ok || linked && !r.wordByWord(words, r.x.entries[ref]) {
			continue
		}
		e := r.x.entries[ref]
		to := r.entity(e.ID, e.Type, e.Name, e)
		to.Mentions = append(to.Mentions, a.Mentions...)
		to.aliases = append(to.aliases, a.aliases...)
		if to.first < 0 || a.first >= 0 && a.first < to.first {
			to.first = a.first
		}
		for k, v := range a.Properties {
			if _, has := to.Properties[k]; !has && k != "provisional" {
				to.Properties[k] = v
			}
		}
		for k := range r.ments {
			if r.ments[k].id == id {
				r.ments[k].id = e.ID
			}
		}
		for k := range r.offices {
			if r.offices[k].person == id {
				r.offices[k].person = e.ID
			}
		}
		delete(r.ents, id)
	}
}

// transliterated reports a name whose spelling may vary as foreign names'
// do: no name link (بن، آل، عبد) and words of three letters or more. Arabic
// names are spelled alike everywhere, and one letter tells محمد بن سلمان
// from محمد بن سلطان.
func (r *run) transliterated(words []string) bool {
	if len(words) == 0 || r.x.in(wGivenName, words[len(words)-1]) {
		return false
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) < 3 || r.x.in(wNameLink, w) {
			return false
		}
		for _, p := range r.x.lists[wNamePrefix] {
			if strings.HasPrefix(w, p) {
				return false
			}
		}
	}
	return true
}

// linkedLatin reports, where names are capitalised, an Arabic name written
// in Latin letters with its links (Soltan bin Saad Al-Muraikhi): unlike in
// Arabic script, its words are spelled many ways.
func (r *run) linkedLatin(words []string) bool {
	if !r.x.lang.Capitalised || len(words) < 3 {
		return false
	}
	links := 0
	for _, w := range words {
		switch {
		case r.x.in(wNameLink, w):
			links++
		case utf8.RuneCountInString(w) < 3:
			return false
		}
	}
	return links > 0 && links < len(words)-1
}

// wordByWord reports a gazetteer person e with a name of as many words as
// words whose links are the same and whose other words are each at most one
// edit apart: Soltan for Sultan, never Sultan for Salman.
func (r *run) wordByWord(words []string, e *schema.Entry) bool {
	for _, n := range e.Names[r.x.lang.Code] {
		ws := norm.Words(norm.Fold(n))
		if len(ws) != len(words) {
			continue
		}
		ok := true
		for i, w := range words {
			if r.x.in(wNameLink, w) || r.x.in(wNameLink, ws[i]) {
				ok = ok && w == ws[i]
				continue
			}
			ok = ok && levenshtein([]rune(w), []rune(ws[i]), 2) <= 1
		}
		if ok {
			return true
		}
	}
	return false
}

// withoutInitials returns words without those of one letter (the initials
// inside a name), in a new slice.
func withoutInitials(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if utf8.RuneCountInString(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// foldedWords returns the folded words of tokens [s, e).
func (r *run) foldedWords(s, e int) []string {
	var out []string
	for k := s; k < e; k++ {
		if r.toks[k].Word {
			out = append(out, r.toks[k].S)
		}
	}
	return out
}

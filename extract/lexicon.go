package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/norm"
)

// kind says what a lexicon phrase is.
type kind uint8

const (
	kGaz      kind = iota // a gazetteer name; ref indexes Extractor.entries
	kShort                // a gazetteer short form (شي); ref as kGaz
	kAdj                  // a nationality adjective; ref is the country entry
	kTitle                // a title; ref indexes lang.Titles
	kTrigger              // a trigger; ref indexes lang.Triggers
	kTreaty               // a treaty noun; ref indexes lang.TreatyNouns
	kVenue                // a venue noun
	kEvent                // an event noun; sub is the event kind
	kModality             // a modality word
	kRef                  // a reference word; sub is the reference name
	kWord                 // a word of a named list; sub is the purpose
	kDate                 // a date word (month, weekday, relative day)
	kOrgAdj               // an organisation's adjective (الخليجية); ref is the entry
	nKinds
)

// lexeme is one phrase of the lexicon, as folded word tokens.
type lexeme struct {
	toks []string
	kind kind
	ref  int
	sub  string
}

// lexicon finds phrases in token streams. Phrases are indexed by their first
// token; lists are sorted longest first.
type lexicon struct {
	// first holds, for each folded word, the phrases it starts and the word
	// lists it is in, so that one lookup answers both.
	first      map[string]*wordInfo
	proclitics []string // folded, longest first
	// hyphens lets a hyphen written with no space join a phrase's words
	// (LangPack.Hyphenated).
	hyphens bool
	article string // the definite article, folded (ال)
	// clitics holds what scan needs of each proclitic, in the same order;
	// byFirst[r] those that start with rune r, for r below len(byFirst).
	clitics []clitic
	byFirst [0x700][]clitic
	// firstOf[r] lists the proclitics that start with rune r, in order.
	firstOf [0x700][]string
	// maybe has bit wordHash(w) set for every key w of first, so most words
	// that start no phrase are passed over without a map lookup.
	maybe [maybeBits / 64]uint64
	// vocab numbers the words that go on a phrase after its first (finish
	// fills it from 1): the tries are keyed by these ids, so that following
	// a phrase compares numbers, not strings.
	vocab map[string]int32
}

// maybeBits is the size of lexicon.maybe.
const maybeBits = 1 << 16

// mark sets w's bit in the filter, for a word looked up elsewhere (a word
// list of Extractor.sets); the filter then still never passes over a key.
func (l *lexicon) mark(w string) {
	h := wordHash(w)
	l.maybe[h/64] |= 1 << (h % 64)
}

// mayBe reports whether w may be a first word of a phrase or a marked word:
// false means it is neither.
func (l *lexicon) mayBe(w string) bool {
	h := wordHash(w)
	return l.maybe[h/64]&(1<<(h%64)) != 0
}

// wordHash is a cheap hash of a word's length and a few of its bytes.
func wordHash(s string) uint32 {
	n := len(s)
	h := uint32(n)
	if n > 0 {
		h = h*131 + uint32(s[n-1])
		h = h*131 + uint32(s[n/2])
		h = h*131 + uint32(s[(n-1)/3])
		h = h*131 + uint32(s[(n-1)*2/3])
	}
	return h % maybeBits
}

// wordInfo is what the lexicon knows of a folded word.
type wordInfo struct {
	phrases []*lexeme // the phrases it starts, longest first
	// trie holds the same phrases by their next words (finish builds it):
	// matching reads as many words as the text goes on with, not every
	// phrase of the first word.
	trie *lexNode
	// lists holds the word lists it is in (wMaqsura: a name stop written
	// with ى, so that the same folded form written with ي is a name, not the
	// stop).
	lists listMask
}

// info returns what the lexicon knows of the folded word w, or nil.
func (l *lexicon) info(w string) *wordInfo {
	if !l.mayBe(w) {
		return nil // no phrase starts with w, and w is in no list
	}
	return l.first[w]
}

// entry returns the wordInfo of w, creating it.
func (l *lexicon) entry(w string) *wordInfo {
	e := l.first[w]
	if e == nil {
		e = &wordInfo{}
		l.first[w] = e
	}
	return e
}

// clitic is a proclitic as scan uses it.
type clitic struct {
	s     string
	runes int  // length in runes
	def   bool // it ends in the article, or is لل
	lil   bool // it ends in لل: the article may be put back after it
}

// hit is a phrase found in a text: tokens [start, end) of the token slice.
type hit struct {
	lx         *lexeme
	start, end int
	// clitic is the number of runes of proclitic stripped from the first token.
	clitic int
	// def reports that the stripped proclitic ends in the definite article, so
	// an indefinite phrase was found in a definite word (المباحثات).
	def bool
	// restored reports that the article was put back after لل (للصين → الصين):
	// the surface form is the article plus the token after the clitic.
	restored bool
	// kind and ref are lx.kind and lx.ref, kept in the hit (in what would be
	// padding) so that the loops over a token's hits need not read lx.
	kind kind
	ref  int32
}

func newLexicon(proclitics []string, article string, contractions []string) *lexicon {
	lx := &lexicon{first: map[string]*wordInfo{}, article: article}
	seen := map[string]bool{}
	for _, p := range proclitics {
		f := norm.Fold(p)
		if f != "" && !seen[f] {
			seen[f] = true
			lx.proclitics = append(lx.proclitics, f)
		}
	}
	sort.SliceStable(lx.proclitics, func(i, j int) bool {
		return utf8.RuneCountInString(lx.proclitics[i]) > utf8.RuneCountInString(lx.proclitics[j])
	})
	var folded []string
	for _, c := range contractions {
		folded = append(folded, norm.Fold(c))
	}
	for _, p := range lx.proclitics {
		// لل: a preposition that swallowed the article's first letter
		// (article_contractions) is definite, and its word has the article.
		contracted := slices.ContainsFunc(folded, func(c string) bool { return c != "" && strings.HasSuffix(p, c) })
		lx.clitics = append(lx.clitics, clitic{s: p, runes: utf8.RuneCountInString(p),
			def: strings.HasSuffix(p, article) || slices.Contains(folded, p), lil: contracted})
	}
	for _, c := range lx.clitics {
		if r, _ := utf8.DecodeRuneInString(c.s); r < rune(len(lx.byFirst)) {
			lx.byFirst[r] = append(lx.byFirst[r], c)
			lx.firstOf[r] = append(lx.firstOf[r], c.s)
		}
	}
	return lx
}

// procliticsOf returns the proclitics that w may start with, in the order of l.proclitics: those
// that start with its first rune.
func (l *lexicon) procliticsOf(w string) []string {
	if r := firstRune(w); r < rune(len(l.firstOf)) {
		return l.firstOf[r]
	}
	return l.proclitics
}

// firstRune returns the first rune of w, utf8.RuneError when there is none;
// it decodes the two-byte runes of Arabic inline.
func firstRune(w string) rune {
	if len(w) >= 2 && w[0] >= 0xC2 && w[0] <= 0xDF && w[1]&0xC0 == 0x80 {
		return rune(w[0]&0x1F)<<6 | rune(w[1]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// runesAtLeast reports whether s has at least n runes, reading no further than
// the nth.
func runesAtLeast(s string, n int) bool {
	if len(s) > 4*(n-1) {
		return true // no rune takes more than four bytes
	}
	for range s {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}

// add registers a phrase; empty phrases are ignored. It reports whether the
// phrase had any word.
func (l *lexicon) add(phrase string, k kind, ref int, sub string) bool {
	toks := norm.Words(norm.Fold(phrase))
	if len(toks) == 0 {
		return false
	}
	e := l.entry(toks[0])
	for _, o := range e.phrases {
		if o.kind == k && o.ref == ref && o.sub == sub && equalToks(o.toks, toks) {
			return true
		}
	}
	e.phrases = append(e.phrases, &lexeme{toks: toks, kind: k, ref: ref, sub: sub})
	l.mark(toks[0])
	return true
}

// lexNode is a node of a first word's trie: the phrases that end after as
// many words as its depth, and the nodes of the words that may follow, by
// their vocabulary ids in increasing order (most nodes have a few).
type lexNode struct {
	// ends holds a hit of each phrase, its lexeme, kind and ref filled in,
	// so that a hit found is a copy with its place set, and the lexeme
	// itself need not be read.
	ends []hit
	ids  []int32
	kids []*lexNode
}

// child returns the node of the word id after n, or nil.
func (n *lexNode) child(id int32) *lexNode {
	lo, hi := 0, len(n.ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if n.ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(n.ids) && n.ids[lo] == id {
		return n.kids[lo]
	}
	return nil
}

// add returns the node of the word id after n, creating it.
func (n *lexNode) add(id int32) *lexNode {
	if c := n.child(id); c != nil {
		return c
	}
	k, _ := slices.BinarySearch(n.ids, id)
	c := &lexNode{}
	n.ids = slices.Insert(n.ids, k, id)
	n.kids = slices.Insert(n.kids, k, c)
	return c
}

func (l *lexicon) finish() {
	l.vocab = map[string]int32{}
	// Words are numbered in sorted order so that the ids do not depend on
	// the order of map iteration.
	var words []string
	for _, e := range l.first {
		for _, lx := range e.phrases {
			for _, t := range lx.toks[1:] {
				if _, ok := l.vocab[t]; !ok {
					l.vocab[t] = 0
					words = append(words, t)
				}
			}
		}
	}
	slices.Sort(words)
	for i, w := range words {
		l.vocab[w] = int32(i + 1)
	}
	for _, e := range l.first {
		list := e.phrases
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].toks) > len(list[j].toks) })
		e.trie = &lexNode{}
		for _, lx := range list {
			n := e.trie
			for _, t := range lx.toks[1:] {
				n = n.add(l.vocab[t])
			}
			n.ends = append(n.ends, hit{lx: lx, kind: lx.kind, ref: int32(lx.ref)})
		}
	}
}

func equalToks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scan returns every phrase found at every word token, in token order. A
// proclitic may be stripped from the first token only when what remains has at
// least two runes; after a stripped article-ending clitic (لل، بال) the
// article is put back, so للصين finds الصين.
func (l *lexicon) scan(toks []norm.Token) []hit {
	return l.appendHits(make([]hit, 0, len(toks)+16), toks) // news text has about one hit a word
}

// appendHits is scan appending to hits.
func (l *lexicon) appendHits(hits []hit, toks []norm.Token) []hit {
	return l.appendHitsIn(hits, nil, toks, &formCache{})
}

// appendHitsIn is appendHits also setting, when in is not nil, in[i] to the
// word lists token i is in as written. It reads the words' forms through fc.
func (l *lexicon) appendHitsIn(hits []hit, in []listMask, toks []norm.Token, fc *formCache) []hit {
	fc.toks = resize(fc.toks, len(toks))
	forms := fc.toks
	for i := range toks {
		if toks[i].Word {
			forms[i] = fc.get(l, toks[i].S)
		}
	}
	for i, f := range forms {
		if f == nil {
			continue
		}
		if in != nil {
			in[i] = f.lists
		}
		for k := range f.reads {
			rd := &f.reads[k]
			from := len(hits)
			if rd.next != nil && l.mayGoOn(toks, forms, i+1, rd.kids) {
				hits = l.matchPhrases(hits, toks, forms, i, rd.next, rd.clitic, rd.def)
			} else {
				for _, h := range rd.ends {
					h.start, h.end, h.clitic, h.def = i, i+1, rd.clitic, rd.def
					hits = append(hits, h)
				}
			}
			if rd.restored {
				for k := from; k < len(hits); k++ {
					hits[k].restored = true
				}
			}
		}
	}
	return hits
}

// mayGoOn reports whether a phrase may go on at token k, given kids, the
// mask of the ids of the words that may follow (reading.kids): false means
// that only the phrases of the word before are found there.
func (l *lexicon) mayGoOn(toks []norm.Token, forms []*form, k int, kids uint64) bool {
	if k >= len(forms) {
		return false
	}
	if f := forms[k]; f != nil {
		return f.id != 0 && kids&(1<<(f.id%64)) != 0
	}
	return l.hyphens // a hyphen or an initial's stop may join the next word
}

// matchPhrases appends the phrases of the trie root found at token i, longest
// first, forms holding the forms of the tokens (nil: no word). With the trie
// it reads the words after i once.
func (l *lexicon) matchPhrases(hits []hit, toks []norm.Token, forms []*form, i int, root *lexNode, clitic int, def bool) []hit {
	var path [16]*lexNode
	var end [16]int // the token after the phrase's word at each depth
	depth := 0
	n := root
	path[0], end[0] = n, i+1
	for k := i + 1; len(n.ids) > 0 && k < len(forms) && depth+1 < len(path); k++ {
		if forms[k] == nil {
			if l.hyphens && (hyphenJoins(toks, k) || initialJoins(toks, k) || initialStop(toks, k) || apostropheJoins(toks, k)) {
				continue // el-Sisi, Kassym-Jomart, U.S., S. Jaishankar, N'Djamena: a hyphen, an initial's stop or an apostrophe written with no space joins a phrase's words
			}
			break
		}
		c := n.child(forms[k].id)
		if c == nil {
			break
		}
		n = c
		depth++
		path[depth], end[depth] = n, k+1
	}
	for d := depth; d >= 0; d-- {
		e := end[d]
		if d > 0 && l.hyphens && initialJoins(toks, e-2) && e < len(toks) && toks[e].S == "." && toks[e-1].End == toks[e].Start {
			e++ // U.S.: the initials' last stop is the abbreviation's
		}
		for _, h := range path[d].ends {
			h.start, h.end, h.clitic, h.def = i, e, clitic, def
			hits = append(hits, h)
		}
	}
	return hits
}

// hyphenJoins reports a hyphen at token k written with no space between the
// words on either side of it.
func hyphenJoins(toks []norm.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && toks[k].S == "-" && toks[k-1].Word && toks[k+1].Word &&
		toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start
}

// apostropheJoins reports an apostrophe at token k written with no space
// between two words: N'Djamena, Côte d'Ivoire.
func apostropheJoins(toks []norm.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && (toks[k].S == "'" || toks[k].S == "’") && toks[k-1].Word && toks[k+1].Word &&
		toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start
}

// initialJoins reports a full stop at token k written with no space between
// two one-letter words: the initials of one abbreviation (U.S., U.N.).
func initialJoins(toks []norm.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && toks[k].S == "." && toks[k-1].Word && toks[k+1].Word &&
		toks[k-1].End-toks[k-1].Start == 1 && toks[k+1].End-toks[k+1].Start == 1 &&
		toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start
}

// initialStop reports a full stop at token k written right after a
// one-letter word and before a word: a name's initial (S. Jaishankar).
func initialStop(toks []norm.Token, k int) bool {
	return k > 0 && k+1 < len(toks) && toks[k].S == "." && toks[k-1].Word && toks[k+1].Word &&
		toks[k-1].End-toks[k-1].Start == 1 && toks[k-1].End == toks[k].Start
}

// hitIndex returns, for each of n tokens, the indexes into hits of the hits
// starting at it, in hits order. All the lists share one backing array.
func hitIndex(hits []hit, n int) [][]int {
	at, _ := hitIndexInto(nil, nil, hits, n)
	return at
}

// hitIndexInto is hitIndex reusing the memory of at and of idx, the backing
// array of its lists; it returns both.
func hitIndexInto(at [][]int, idx []int, hits []hit, n int) ([][]int, []int) {
	at = resize(at, n)
	if !sortedByStart(hits) {
		for i, h := range hits {
			at[h.start] = append(at[h.start], i)
		}
		return at, idx
	}
	// scan finds hits in token order: the lists are runs of 0, 1, 2, ….
	idx = resize(idx, len(hits))
	for i := range idx {
		idx[i] = i
	}
	for lo := 0; lo < len(hits); {
		hi := lo + 1
		for hi < len(hits) && hits[hi].start == hits[lo].start {
			hi++
		}
		at[hits[lo].start] = idx[lo:hi:hi]
		lo = hi
	}
	return at, idx
}

func sortedByStart(hits []hit) bool {
	for i := 1; i < len(hits); i++ {
		if hits[i].start < hits[i-1].start {
			return false
		}
	}
	return true
}

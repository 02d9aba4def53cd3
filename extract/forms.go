package extract

import (
	"strings"
)

// form is what the lexicon reads in a word as written, whatever follows it:
// the lists it is in, its id among the words that go on phrases, and the
// readings by which it may start phrases. Only the phrases' further words
// depend on the text, so a form is worked out once per word.
type form struct {
	id    int32    // lexicon.vocab's id of the word, 0 when no phrase goes on with it
	lists listMask // the word lists it is in as written
	// reads are the ways the word starts phrases, in the order their hits
	// are listed: as written, then after each proclitic it starts with.
	reads []reading
}

// reading is a way a word starts phrases: the word as written or what
// remains after a proclitic, with how the hits it starts read.
type reading struct {
	// ends are the phrases of that one word; next is its trie when longer
	// phrases start with it, else nil, so that reading a word that starts
	// none does not go through its trie.
	ends []hit
	next *lexNode
	// kids has bit id%64 set for the id of each word that may follow in
	// next, so that most words after it are passed over without the trie.
	kids     uint64
	clitic   int  // runes of the proclitic stripped
	def      bool // the proclitic ends in the definite article
	restored bool // the article was put back after لل
}

// noForm is the form of every word the lexicon knows nothing of.
var noForm = &form{}

// formOf works out the form of the folded word w. A proclitic may be stripped
// only when what remains has at least two runes; after a stripped
// article-ending clitic (لل) the article is put back, so للصين reads as الصين.
func (l *lexicon) formOf(w string) *form {
	f := form{id: l.vocab[w]}
	if e := l.info(w); e != nil {
		f.lists = e.lists
		f.reads = appendReading(f.reads, e, reading{})
	}
	clitics := l.clitics
	if r := firstRune(w); r < rune(len(l.byFirst)) {
		clitics = l.byFirst[r] // the only ones w can start with
	}
	for k := range clitics {
		p := &clitics[k]
		if len(w) <= len(p.s) || !strings.HasPrefix(w, p.s) {
			continue
		}
		rest := w[len(p.s):]
		if !runesAtLeast(rest, 2) {
			continue
		}
		if e := l.info(rest); e != nil {
			f.reads = appendReading(f.reads, e, reading{clitic: p.runes, def: p.def})
		}
		if p.lil && !strings.HasPrefix(rest, l.article) {
			// لل+صين → الصين; بال+صين is already covered by ب + الصين.
			if e := l.info(l.article + rest); e != nil {
				f.reads = appendReading(f.reads, e, reading{clitic: p.runes, def: true, restored: true})
			}
		}
	}
	if f.id == 0 && !f.lists.any() && len(f.reads) == 0 {
		return noForm
	}
	return &f
}

// appendReading appends rd, a reading of the word of e, to reads when that
// word starts any phrase.
func appendReading(reads []reading, e *wordInfo, rd reading) []reading {
	if len(e.phrases) == 0 || e.trie == nil {
		return reads
	}
	rd.ends = e.trie.ends
	if len(e.trie.ids) > 0 {
		rd.next = e.trie
		for _, id := range e.trie.ids {
			rd.kids |= 1 << (id % 64)
		}
	}
	return append(reads, rd)
}

// maxForms bounds the words a formCache keeps: the commonest words of the
// news come first, and a few tens of thousands of them make most of any text.
const maxForms = 1 << 15

// formCache keeps the forms of the words read before, so that most words
// are looked up once rather than once as written and once per proclitic.
// A run's buffers hold one, so it lives as long as the lexicon that made
// its forms; toks is the memory of the forms of one text's tokens.
type formCache struct {
	m    map[string]*form
	toks []*form
}

// get returns the form of the folded word w.
func (c *formCache) get(l *lexicon, w string) *form {
	if f, ok := c.m[w]; ok {
		return f
	}
	f := l.formOf(w)
	if c.m == nil {
		c.m = map[string]*form{}
	}
	if len(c.m) < maxForms {
		c.m[strings.Clone(w)] = f // w is a piece of a whole text
	}
	return f
}

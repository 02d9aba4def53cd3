package extract

import (
	"cmp"
	"io"
	"math/bits"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// run is the state of one Extract call.
type run struct {
	x     *Extractor
	buf   *buffers // the memory of the slices below
	doc   document.Document
	orig  []rune
	bytes []int32 // rune offset → byte offset in doc.Text (byteIndex)
	text  *norm.Text
	toks  []norm.Token
	hits  []hit
	at    [][]int // token index → indexes into hits starting there
	taken []bool  // tokens already part of an entity mention
	// inList and isWord give each token's word lists (wordMasks).
	inList, isWord []listMask
	kinds          []uint16 // token → bit k set when a hit of kind k starts there
	date           string   // document date

	// starts gives each token the lists that have a phrase starting at it,
	// of one word or more (wordMasks).
	starts []listMask
	// mayChain marks the tokens where a title chain may start (wordMasks).
	mayChain []bool
	// sentWords gives each sentence the lists that have a word or a phrase
	// in it, as written or after a proclitic (has).
	sentWords []listMask
	// kindBits[k] has bit i set when a hit of kind k starts at token i
	// (wordMasks), so that a loop over the tokens of one kind passes over
	// the others many at a time (nextKind).
	kindBits [nKinds][]uint64

	ents  map[string]*acc
	order []string // entity ids by first mention
	ments []mention
	// mstart and mend map a token to 1 + the index in ments of the mention
	// starting at it, or ending just before it (0: none); rebuilt on sorting.
	mstart, mend []int
	rels         []Relation
	// relEvent maps a relation index to the event it was made from.
	relEvent map[int]*event
	seen     map[relKey]int // relation key → index in rels

	naccs     int // accumulators taken from buf.accs (newAcc)
	offices   []officeNote
	venueCity map[string]string // venue id → city id
	// shortFirst holds the first words of the short forms of persons named
	// (shorts).
	shortFirst wordFilter

	sents []sentence
	dates []foundDate
	evs   []*event
	cur   *event // the bilateral event read last
	sign  *event // the signing read last
	// evoked lists the events evoked in the sentence being read; multis the
	// multilateral events it names.
	evoked []sentenceEvent
	// delegates maps the head of a delegation to its members named so far
	// (engine.go, delegationMembers).
	delegates map[string][]string
	multis    []multiMention
	// topicMulti is the multilateral event the article's first sentences
	// name: what it is about.
	topicMulti *event
	// lastMultis holds the events a participation named together last
	// ("للمشاركة في اللقاء التشاوري والقمة"): a later arrival that names
	// none of them goes to all of them.
	lastMultis []*event
	inTreaty   []bool
	// partyBodies are the spans [start, end) of the bodies the gazetteer
	// lacks that a treaty title names among its parties after between:
	// organisations of their own inside the title.
	partyBodies [][2]int
	// lastTopic is the first person of the last sentence that named one.
	lastTopic string
	// group is a reading that waits for the list of the group it names;
	// guests are the persons such lists named.
	group  *pendingGroup
	guests []string
	// waiting holds readings that wait for the event they name; carry what
	// carrying slots found for the readings after them.
	waiting []waitingAttach
	carry   map[string]carried
	// chainMemo keeps chainEnd's answers while the frames are read (2 +
	// the end; 0: not asked yet).
	chainMemo []int32
	// spanBlock and nameBlock hold the room given to mentions and aliases
	// (room); they go into the Result, so each run makes its own.
	spanBlock []Span
	nameBlock []string
	// trace receives the explanation of Explain; nil otherwise.
	trace io.Writer
}

// acc accumulates one entity while reading a document.
type acc struct {
	Entity
	first   int      // folded offset of the first mention
	aliases []string // surface names, deduplicated on output
	entry   *schema.Entry
	last    string // last name token for short references (provisional persons)
	// weak entities (organisations read from an org noun) are kept only
	// when a relation names them, or a treaty title names them among its
	// parties (party).
	weak, party bool
}

// officeNote records that a title gave a person an office.
type officeNote struct {
	person, role, country string
	tok                   int
}

// mention is an entity mention in token coordinates.
type mention struct {
	start, end int // token range
	id         string
	typ        string
	role       string // office named by a title next to it
	country    string // country id named next to a title
	title      bool   // found through a title with no name (title-only reference)
	weak       bool   // a weak entity's: it may cover other mentions
}

// newRun reads doc into the memory of b, which the run owns until it is done.
func newRun(x *Extractor, doc document.Document, b *buffers) *run {
	// The maps of entities and relation keys grow with every document: they
	// are kept in b, emptied.
	if b.ents == nil {
		b.ents, b.seen = map[string]*acc{}, map[relKey]int{}
		b.relEvent, b.carry = map[int]*event{}, map[string]carried{}
	}
	clear(b.ents)
	clear(b.seen)
	clear(b.relEvent)
	clear(b.carry)
	r := &run{x: x, buf: b, doc: doc, ents: b.ents, seen: b.seen, relEvent: b.relEvent, carry: b.carry}
	var valid bool
	b.orig, b.bytes, valid = decodeInto(b.orig, b.bytes, doc.Text)
	r.orig = b.orig
	if valid {
		r.bytes = b.bytes
	}
	b.text.Refold(r.orig)
	r.text = &b.text
	b.toks = b.text.AppendTokens(b.toks[:0])
	r.toks = b.toks
	n := len(r.toks)
	b.masks = resize(b.masks, 3*n)
	r.inList, r.isWord, r.starts = b.masks[:n], b.masks[n:2*n], b.masks[2*n:]
	b.hits = r.dropUnpossessed(x.lex.appendHitsIn(b.hits[:0], r.inList, r.toks, &b.forms))
	r.hits = b.hits
	b.at, b.idx = hitIndexInto(b.at, b.idx, r.hits, n)
	r.at = b.at
	b.kinds = resize(b.kinds, n)
	r.kinds = b.kinds
	b.mayChain = resize(b.mayChain, n)
	r.mayChain = b.mayChain
	words := (n + 63) / 64
	b.kindBits = resize(b.kindBits, int(nKinds)*words)
	for k := range r.kindBits {
		r.kindBits[k] = b.kindBits[k*words : (k+1)*words]
	}
	r.wordMasks()
	b.taken = resize(b.taken, n)
	r.taken = b.taken
	b.mstart, b.mend = resize(b.mstart, n+1), resize(b.mend, n+1)
	r.mstart, r.mend = b.mstart, b.mend
	r.ments, r.order, r.offices, r.sents = b.ments[:0], b.order[:0], b.offices[:0], b.sents[:0]
	b.itemBlock, b.groupBlock, b.intBlock = b.itemBlock[:0], b.groupBlock[:0], b.intBlock[:0]
	b.segBlock, b.markBlock, b.trigBlock = b.segBlock[:0], b.markBlock[:0], b.trigBlock[:0]
	r.sentences()
	b.sentWords = resize(b.sentWords, len(r.sents))
	r.sentWords = b.sentWords
	for si, s := range r.sents {
		for k := s.start; k < s.end; k++ {
			r.sentWords[si] = r.sentWords[si].or(r.isWord[k]).or(r.starts[k])
		}
	}
	b.dates.Reset(x.dates.r, r.text, r.orig)
	r.date = doc.Date
	if r.date == "" {
		r.date = r.datelineYear(x.dates.documentDate(r))
	}
	r.dates = x.dates.find(r) // relative dates need the document date

	return r
}

// hitAt returns the longest hit of kind k starting at token i. Most tokens
// start no hit of kind k: for them it tests one mask and returns. It is
// small enough to be inlined where it is called (the compiler's budget):
// mind that when changing it.
func (r *run) hitAt(i int, k kind) (best hit, found bool) {
	if uint(i) >= uint(len(r.kinds)) || r.kinds[i]&(1<<k) == 0 {
		return
	}
	for _, hi := range r.at[i] {
		h := &r.hits[hi]
		if h.kind == k && (!found || h.end > best.end || h.end == best.end && h.clitic < best.clitic) {
			best, found = *h, true
		}
	}
	return
}

// nextKind returns the first token at i or after it where a hit of kind k
// starts, len(r.toks) when there is none.
func (r *run) nextKind(i int, k kind) int {
	bs := r.kindBits[k]
	i = max(i, 0)
	w := i >> 6
	if w >= len(bs) {
		return len(r.toks)
	}
	m := bs[w] & (^uint64(0) << (i & 63))
	for m == 0 {
		if w++; w >= len(bs) {
			return len(r.toks)
		}
		m = bs[w]
	}
	return w<<6 + bits.TrailingZeros64(m)
}

// wordAt returns the longest hit of the word list l at token i. As hitAt,
// it is small enough to be inlined.
func (r *run) wordAt(i int, l list) (best hit, found bool) {
	if uint(i) >= uint(len(r.starts)) || !r.starts[i].has(l) {
		return
	}
	for _, hi := range r.at[i] {
		h := &r.hits[hi]
		if h.kind == kWord && h.ref == int32(l)+1 && (!found || h.end > best.end) {
			best, found = *h, true
		}
	}
	return
}

// word reports whether token i is a word of the list l, as written or after
// a proclitic.
func (r *run) word(i int, l list) bool {
	return i >= 0 && i < len(r.isWord) && r.isWord[i].has(l)
}

// tokIn reports whether token i as written is a word of the list l.
func (r *run) tokIn(i int, l list) bool {
	return i >= 0 && i < len(r.inList) && r.inList[i].has(l)
}

// runes returns the length of token i in runes, which is the length of
// its string in runes: the string holds one rune per folded rune.
func (r *run) runes(i int) int {
	return r.toks[i].End - r.toks[i].Start
}

// span returns the original rune offsets and text of tokens [s, e), skipping
// clitic runes of the first token.
func (r *run) span(s, e, clitic int) Span {
	fs := r.toks[s].Start + clitic
	fe := r.toks[e-1].End
	a, b := r.text.Span(fs, fe)
	return Span{Start: a, End: b, Text: r.textOf(a, b)}
}

// entity returns the accumulator for id, creating it.
func (r *run) entity(id, typ, name string, entry *schema.Entry) *acc {
	a, ok := r.ents[id]
	if !ok && typ == schema.Person && entry == nil {
		if a = r.namedInFull(id); a != nil {
			return a // عبد العزيز بن عبد الله after عبدالعزيز بن عبدالله بن عبدالعزيز
		}
	}
	if !ok {
		a = r.newAcc()
		*a = acc{Entity: Entity{ID: id, Type: typ, Name: name, Properties: map[string]any{}},
			entry: entry, first: -1}
		if entry != nil && entry.Wikidata != "" {
			a.Properties["wikidata"] = entry.Wikidata
		}
		r.ents[id] = a
		r.order = append(r.order, id)
	}
	return a
}

// newAcc returns an accumulator for a new entity: one the buffers keep from
// the documents before, or a new one they keep for the next. Nothing of a
// Result points to an acc; its Entity is copied out.
func (r *run) newAcc() *acc {
	b := r.buf
	if r.naccs == len(b.accs) {
		b.accs = append(b.accs, new(acc))
	}
	r.naccs++
	return b.accs[r.naccs-1]
}

// release gives the memory of the slices the run grew back to its buffers,
// for the next document; the run must be done.
func (r *run) release() {
	b := r.buf
	b.ments, b.order, b.offices, b.sents = r.ments[:0], r.order[:0], r.offices[:0], r.sents[:0]
}

// mention records a mention of entity a over tokens [s, e).
func (r *run) addMention(a *acc, s, e, clitic int, restored bool, m mention) {
	sp := r.span(s, e, clitic)
	if restored {
		sp.Text = r.x.article + sp.Text
	}
	for _, old := range a.Mentions {
		if old.Start == sp.Start && old.End == sp.End {
			return
		}
	}
	if a.Mentions == nil && a.aliases == nil {
		a.Mentions, a.aliases = r.room(roomEach)
	}
	a.Mentions = append(a.Mentions, sp)
	a.aliases = append(a.aliases, sp.Text)
	if a.first < 0 || sp.Start < a.first {
		a.first = sp.Start
	}
	m.start, m.end, m.id, m.typ = s, e, a.ID, a.Type
	r.ments = append(r.ments, m)
	r.mstart[s], r.mend[e] = len(r.ments), len(r.ments)
	for k := s; k < e; k++ {
		r.taken[k] = true
	}
}

// roomEach is how many mentions room gives an entity: most have one or two.
const roomEach = 2

// room returns empty lists with room for n mentions and n aliases, cut from
// blocks that the run shares among its entities: one allocation for the
// first mentions of many. Their capacity is cut to n, so that appending past
// it moves a list rather than writing into the room of the next.
func (r *run) room(n int) ([]Span, []string) {
	if len(r.spanBlock)+n > cap(r.spanBlock) {
		r.spanBlock, r.nameBlock = make([]Span, 0, 8*n), make([]string, 0, 8*n)
	}
	k := len(r.spanBlock)
	r.spanBlock, r.nameBlock = r.spanBlock[:k+n], r.nameBlock[:k+n]
	return r.spanBlock[k : k : k+n], r.nameBlock[k : k : k+n]
}

// sortMentions orders mentions by position.
func (r *run) sortMentions() {
	byStart := func(a, b mention) int { return cmp.Compare(a.start, b.start) }
	if !slices.IsSortedFunc(r.ments, byStart) {
		// A stable sort of the indexes, then one copy of each mention: the
		// order of slices.SortStableFunc(r.ments, byStart), moving four
		// bytes a step rather than a whole mention.
		b := r.buf
		b.mentOrder = b.mentOrder[:0]
		for k := range r.ments {
			b.mentOrder = append(b.mentOrder, int32(k))
		}
		slices.SortStableFunc(b.mentOrder, func(x, y int32) int { return cmp.Compare(r.ments[x].start, r.ments[y].start) })
		b.mentCopy = append(b.mentCopy[:0], r.ments...)
		for k, x := range b.mentOrder {
			r.ments[k] = b.mentCopy[x]
		}
		clear(b.mentCopy) // no strings of this document kept past it
	}
	clear(r.mstart)
	clear(r.mend)
	for k, m := range r.ments {
		r.mstart[m.start], r.mend[m.end] = k+1, k+1
	}
}

// namedInFull returns the provisional person already read whose key goes on
// from the new key id by whole words, when id has three words or more (a
// person first named with the father's and grandfather's names, later with
// the father's only), or nil.
func (r *run) namedInFull(id string) *acc {
	if strings.Count(id, "-") < 3 { // person:ar-a-b-c has three dashes
		return nil
	}
	var found *acc
	for _, o := range r.order {
		if len(o) > len(id) && o[len(id)] == '-' && strings.HasPrefix(o, id) {
			if found != nil {
				return nil // two people go on from it: neither
			}
			found = r.ents[o]
		}
	}
	return found
}

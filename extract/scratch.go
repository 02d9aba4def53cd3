package extract

import (
	"math"
	"slices"
	"sync"

	"unicode/utf8"

	"github.com/dipgraph/dipgraph/extract/dates"
	"github.com/dipgraph/dipgraph/norm"
)

// byteIndex returns, for each rune of text and one past the last, its byte
// offset in text, so that pieces of the text can be cut from it rather than
// copied out of its runes; orig is []rune(text). It returns nil when text is
// not valid UTF-8: an invalid byte reads as U+FFFD, which a substring would
// not spell.
func byteIndex(text string, orig []rune) []int32 {
	_, idx, ok := decodeInto(make([]rune, 0, len(orig)), nil, text)
	if !ok {
		return nil
	}
	return idx
}

// decodeInto sets rs to []rune(text) and idx to byteIndex(text, rs), in one
// pass over text and reusing their memory; ok is false when idx is not to be
// used, as byteIndex returns nil.
func decodeInto(rs []rune, idx []int32, text string) (_ []rune, _ []int32, ok bool) {
	ok = len(text) <= math.MaxInt32
	// A text has at most as many runes as bytes: both slices are sized once
	// and written by index.
	rs = slices.Grow(rs[:0], len(text))[:len(text)]
	idx = slices.Grow(idx[:0], len(text)+1)[:len(text)+1]
	k := 0
	for i := 0; i < len(text); k++ {
		c, r, n := text[i], rune(0), 1
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2 // Arabic and the other two-byte runes
		default:
			if r, n = utf8.DecodeRuneInString(text[i:]); r == utf8.RuneError && n == 1 {
				ok = false // an invalid byte
			}
		}
		rs[k], idx[k] = r, int32(i)
		i += n
	}
	idx[k] = int32(len(text))
	return rs[:k], idx[:k+1], ok
}

// textOf returns the original text of runes [a, b): a substring of the
// document, or when it is not valid UTF-8 a string made of its runes.
func (r *run) textOf(a, b int) string {
	if r.bytes == nil {
		return string(r.orig[a:b])
	}
	return r.doc.Text[r.bytes[a]:r.bytes[b]]
}

// buffers holds the per-document slices of a run. An Extractor keeps them
// between documents (Extractor.buffers), so that reading a document allocates
// little more than what it finds; nothing of a Result points into them.
type buffers struct {
	orig         []rune
	bytes        []int32
	text         norm.Text
	toks         []norm.Token
	hits         []hit
	at           [][]int
	idx          []int
	taken        []bool
	inTreaty     []bool
	mstart, mend []int
	masks        []listMask
	kinds        []uint16
	mayChain     []bool
	sentWords    []listMask
	kindBits     []uint64
	key          []byte // a map key being built
	ments        []mention
	cands        []hit
	chainMemo    []int32
	forms        formCache
	dates        dates.Text
	ents         map[string]*acc
	seen         map[relKey]int
	relEvent     map[int]*event
	carry        map[string]carried
	short        map[string]string // shorts' maps
	firstAt      map[string]int
	accs         []*acc
	order        []string
	offices      []officeNote
	sents        []sentence
	// The clauses of the sentences take their lists from these blocks
	// (reserve), which a run empties when it starts; inGroup is readSegment's.
	itemBlock  []item
	groupBlock []group
	intBlock   []int
	inGroup    []bool
	segBlock   []segment
	markBlock  []marker
	trigBlock  []trig
	segs       []segment // readSentence's clauses before resumeRelatives
	mentOrder  []int32   // sortMentions' order and copy of the mentions
	mentCopy   []mention
}

// maxKeptMap is the most keys a map of the buffers may have held and still
// be emptied for the next document rather than made anew: emptying a map
// takes time in the room it grew to.
const maxKeptMap = 256

// blockSize is the least room a new block of reserve holds.
const blockSize = 256

// reserve returns an empty slice with room for n elements, cut from the
// unused end of *block (a new block, twice as large, when it has less room
// left), so that many short lists share one allocation and the buffers end
// up with a block that holds a whole document's. Its capacity is n:
// appending past it moves the list out of the block. commit marks what was
// kept as used.
func reserve[T any](block *[]T, n int) []T {
	if cap(*block)-len(*block) < n {
		*block = make([]T, 0, max(n, blockSize, 2*cap(*block)))
	}
	k := len(*block)
	return (*block)[k : k : k+n]
}

// commit marks s, filled from the room reserve gave last, as used in
// *block; a list that moved out of the block leaves it as it was.
func commit[T any](block *[]T, s []T) {
	k := len(*block) + len(s)
	if len(s) > 0 && k <= cap(*block) && &(*block)[:k][k-1] == &s[len(s)-1] {
		*block = (*block)[:k]
	}
}

// bufferPool hands out buffers; its zero value is ready to use.
type bufferPool struct{ p sync.Pool }

func (bp *bufferPool) get() *buffers {
	if b, ok := bp.p.Get().(*buffers); ok {
		return b
	}
	return &buffers{}
}

// put returns b for another document; the run that used it must be done.
func (bp *bufferPool) put(b *buffers) {
	bp.p.Put(b)
}

// resize returns s with length n and every element zero, reusing its memory
// when it is large enough.
func resize[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

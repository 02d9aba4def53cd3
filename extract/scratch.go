package extract

import (
	"math"
	"sync"

	"github.com/dipgraph/dipgraph/extract/norm"
	"unicode/utf8"
)

// byteIndex returns, for each rune of text and one past the last, its byte
// offset in text, so that pieces of the text can be cut from it rather than
// copied out of its runes; orig is []rune(text). It returns nil when text is
// not valid UTF-8: an invalid byte reads as U+FFFD, which a substring would
// not spell.
func byteIndex(text string, orig []rune) []int32 {
	return byteIndexInto(nil, text, orig)
}

// byteIndexInto is byteIndex reusing the memory of idx.
func byteIndexInto(idx []int32, text string, orig []rune) []int32 {
	if len(text) > math.MaxInt32 {
		return nil
	}
	idx = resize(idx, len(orig)+1)
	b := 0
	for i, r := range orig {
		idx[i] = int32(b)
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			if _, n = utf8.DecodeRuneInString(text[b:]); n == 1 {
				return nil // an invalid byte
			}
		}
		b += n
	}
	idx[len(orig)] = int32(b)
	return idx
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
	key          []byte // a map key being built
	ments        []mention
	cands        []hit
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

package extract

import (
	"math"
	"unicode/utf8"
)

// byteIndex returns, for each rune of text and one past the last, its byte
// offset in text, so that pieces of the text can be cut from it rather than
// copied out of its runes; orig is []rune(text). It returns nil when text is
// not valid UTF-8: an invalid byte reads as U+FFFD, which a substring would
// not spell.
func byteIndex(text string, orig []rune) []int32 {
	if len(text) > math.MaxInt32 {
		return nil
	}
	idx := make([]int32, len(orig)+1)
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

package dates

import (
	"unicode"
	"unicode/utf8"
)

// token is a word, a number or one punctuation rune of folded text.
type token struct {
	bs, be     int32 // byte offsets of its text in the scanned string
	start, end int32 // folded rune offsets
	// group indexes dict.groups: the phrases whose first word is the
	// token's text; -1 when none is, or when the scan had no dict.
	group int32
	num   bool
}

// scan splits folded runes into tokens; spaces separate tokens and are dropped.
// s is string(rs), whose substrings the tokens share. With a dict it looks
// every token up once.
func scan(rs []rune, s string, d *dict) []token {
	return scanAppend(make([]token, 0, len(rs)/5+8), rs, s, 0, 0, d)
}

// scanAppend is scan of rs[i:], appended to toks; s is string(rs) and bi the
// byte offset of rs[i] in it. rs[i-1] must not belong to a word or a number.
func scanAppend(toks []token, rs []rune, s string, i, bi int, d *dict) []token {
	for i < len(rs) {
		r := rs[i]
		if isSpace(r) {
			i, bi = i+1, bi+runeLen(r)
			continue
		}
		j, bj := i, bi
		num := false
		switch {
		case r >= '0' && r <= '9':
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j, bj = j+1, bj+1
			}
			num = true
		case isWordRune(r):
			j, bj = wordEnd(rs, j, bj)
		default:
			j, bj = j+1, bj+runeLen(r)
		}
		t := token{bs: int32(bi), be: int32(bj), start: int32(i), end: int32(j), group: -1, num: num}
		if d != nil {
			t.group = d.lookup(s[bi:bj])
		}
		toks = append(toks, t)
		i, bi = j, bj
	}
	return toks
}

// wordEnd returns the rune and byte offsets of the end of the word at rune
// j, byte bj of rs.
func wordEnd(rs []rune, j, bj int) (int, int) {
	for ; j < len(rs); j++ {
		r := rs[j]
		if uint32(r) >= uint32(len(wordTable)) {
			if !isWordSlow(r) {
				break
			}
			bj += runeLen(r)
			continue
		}
		if !wordTable[r] {
			break
		}
		if bj++; r >= utf8.RuneSelf {
			bj++ // below U+0700: two bytes
		}
	}
	return j, bj
}

// runeLen is the number of bytes r takes in a string converted from runes.
// It answers the runes of one and two bytes inline.
func runeLen(r rune) int {
	switch {
	case uint32(r) < utf8.RuneSelf:
		return 1
	case uint32(r) < 0x800:
		return 2
	}
	return runeLenSlow(r)
}

func runeLenSlow(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.RuneLen(utf8.RuneError)
}

// wordTable[r] is isWordSlow(r) for the runes below U+0700.
var wordTable = func() (t [0x700]bool) {
	for r := range t {
		t[r] = isWordSlow(rune(r))
	}
	return t
}()

func isWordRune(r rune) bool {
	if uint32(r) < uint32(len(wordTable)) {
		return wordTable[r]
	}
	return isWordSlow(r)
}

func isWordSlow(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && !(r >= '0' && r <= '9')
}

// isSpace is unicode.IsSpace with a fast answer for the runes between Latin-1
// and U+1680, the first space character after it.
func isSpace(r rune) bool {
	if r > 0xFF && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}

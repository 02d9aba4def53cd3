package dates

import "unicode"

// token is a word, a number or one punctuation rune of folded text.
type token struct {
	text       string
	start, end int // folded rune offsets
	num        bool
	line       int // 0-based line of the folded text
}

// scan splits folded runes into tokens; spaces separate tokens and are dropped.
func scan(rs []rune) []token {
	var toks []token
	line := 0
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\n':
			line++
			i++
		case unicode.IsSpace(r):
			i++
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			toks = append(toks, token{text: string(rs[i:j]), start: i, end: j, num: true, line: line})
			i = j
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			toks = append(toks, token{text: string(rs[i:j]), start: i, end: j, line: line})
			i = j
		default:
			toks = append(toks, token{text: string(r), start: i, end: i + 1, line: line})
			i++
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && !(r >= '0' && r <= '9')
}

package norm

import "unicode/utf8"

// Token is a word or a punctuation rune of a folded Text. Start and End are
// offsets into Text.Folded (runes, End exclusive); S is the token's folded
// string, a substring of one string shared by all tokens of the text.
type Token struct {
	Start, End int
	S          string
	// Word is true for runs of letters and digits, false for one punctuation
	// rune (newlines included).
	Word bool
}

// Tokens splits the folded text into words (runs of letters, digits and
// combining marks) and single punctuation runes; spaces are dropped. It
// allocates the shared string once and the token slice.
func (t *Text) Tokens() []Token {
	return t.AppendTokens(make([]Token, 0, len(t.Folded)/5+1))
}

// AppendTokens is Tokens appending to toks.
func (t *Text) AppendTokens(toks []Token) []Token {
	s := t.String()
	bi := 0 // byte index of the current rune in s
	wordStart, wordByte := -1, 0
	for ri, r := range t.Folded {
		size, word := 1, false
		if uint32(r) < tableSize {
			if r >= utf8.RuneSelf {
				size = 2
			}
			word = wordTable[r]
		} else {
			if size = utf8.RuneLen(r); size < 0 {
				size = len(string(utf8.RuneError)) // as the conversion to string writes it
			}
			word = isWordSlow(r)
		}
		if word {
			if wordStart < 0 {
				wordStart, wordByte = ri, bi
			}
		} else {
			if wordStart >= 0 {
				toks = append(toks, Token{Start: wordStart, End: ri, S: s[wordByte:bi], Word: true})
				wordStart = -1
			}
			if r != ' ' {
				toks = append(toks, Token{Start: ri, End: ri + 1, S: s[bi : bi+size]})
			}
		}
		bi += size
	}
	if wordStart >= 0 {
		toks = append(toks, Token{Start: wordStart, End: len(t.Folded), S: s[wordByte:], Word: true})
	}
	return toks
}

// Words splits an already folded phrase into its word tokens' strings,
// dropping punctuation and spaces. It is used to compile word lists.
func Words(folded string) []string {
	var out []string
	start := -1
	for i, r := range folded {
		isWord := IsWord(r)
		if isWord && start < 0 {
			start = i
		} else if !isWord && start >= 0 {
			out = append(out, folded[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, folded[start:])
	}
	return out
}

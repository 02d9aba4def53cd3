package norm

import "unicode"

// wordTable[r] reports isWordSlow(r) for r < tableSize, computed once.
var wordTable = func() (t [tableSize]bool) {
	for r := range t {
		t[r] = isWordSlow(rune(r))
	}
	return t
}()

// IsWord reports whether r belongs to a word token: a letter, a digit or a
// nonspacing mark.
func IsWord(r rune) bool {
	if uint32(r) < tableSize {
		return wordTable[r]
	}
	return isWordSlow(r)
}

func isWordSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

package norm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	unorm "golang.org/x/text/unicode/norm"
)

// tableSize is how many runes from U+0000 the fold table covers: ASCII, Latin,
// Greek, Cyrillic, Hebrew and the Arabic block, almost every rune of the news.
const tableSize = 0x0700

// foldTable[r] is foldSlow(r) for r < tableSize, computed once.
var foldTable = func() (t [tableSize]rune) {
	for r := range t {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

// foldRune returns the folded form of r, or -1 when r is dropped (diacritics,
// tatweel, format characters).
func foldRune(r rune) rune {
	if uint32(r) < tableSize {
		return foldTable[r]
	}
	return foldSlow(r)
}

// foldSlow is foldRune without the table.
func foldSlow(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A,
		r >= 0x06D6 && r <= 0x06ED, r == 0x0640: // harakat, superscript alef, Quranic marks, tatweel
		return -1
	case r >= 0x0300 && r <= 0x036F: // combining diacritical marks of Latin, Greek, Cyrillic
		return -1
	case r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F || r == 0xFEFF ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069: // joiners, bidi marks, BOM
		return -1
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ې', 'ۍ', 'ێ':
		return 'ي'
	case 'ة', 'ۃ':
		return 'ه'
	case 'ک', 'ڪ':
		return 'ك'
	case 'گ':
		return 'ك'
	case 'ہ', 'ھ', 'ە':
		return 'ه'
	case 'پ':
		return 'ب'
	case 'چ':
		return 'ج'
	case 'ژ':
		return 'ز'
	case 'ڤ', 'ڥ':
		return 'ف'
	case '\u00A0', '\u2007', '\u202F', '\t':
		return ' '
	case '“', '”', '„', '«', '»', '″':
		return '"'
	case '‘', '’', '‚', '′':
		return '\''
	case '،':
		return ','
	case '؛':
		return ';'
	case '؟':
		return '?'
	}
	if l := latinBase(r); l >= 0 {
		return l
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠')
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰')
	}
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}

// Fold returns the folded form of s, for comparing names and words. Whitespace
// runs are collapsed to one space and the result is trimmed.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for _, r := range s {
		f := foldRune(r)
		if f < 0 {
			continue
		}
		if isSpace(f) {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(f)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// Text is a folded text with the map back to the original.
type Text struct {
	// Folded holds the folded runes. Unlike Fold, whitespace is not collapsed, but
	// every whitespace rune becomes ' ', and newlines stay '\n'.
	Folded []rune
	// Offsets[i] is the rune offset in the original text of Folded[i];
	// Offsets[len(Folded)] is the original text's length in runes.
	Offsets []int
	// s is string(Folded) when New made it.
	s string
	// buf is the folded string's bytes as it is built, kept for Refold.
	buf []byte
}

// New folds text, keeping for each folded rune its offset in the original.
func New(text string) *Text {
	return fold(text, nil)
}

// FromRunes is New of a text given as its runes, []rune(text).
func FromRunes(rs []rune) *Text {
	return fold("", rs)
}

// Refold makes t FromRunes(rs), reusing the memory t holds; only the folded
// string is new, so tokens of the text t held before stay valid.
func (t *Text) Refold(rs []rune) {
	t.Folded, t.Offsets, t.buf = t.Folded[:0], t.Offsets[:0], t.buf[:0]
	fill(t, "", rs)
}

// fold folds text, or rs when it is not nil.
func fold(text string, rs []rune) *Text {
	n, size := len(rs), 2*len(rs)+8 // most runes of the news take two bytes
	if rs == nil {
		n, size = utf8.RuneCountInString(text), len(text)+8
	}
	t := &Text{Folded: make([]rune, 0, n), Offsets: make([]int, 0, n+1), buf: make([]byte, 0, size)}
	fill(t, text, rs)
	return t
}

// fill appends the folded text, or rs when it is not nil, to t.
func fill(t *Text, text string, rs []rune) {
	if rs != nil && len(t.Folded) == 0 {
		fillRunes(t, rs)
		return
	}
	f := folder{t: t, b: t.buf}
	if rs != nil {
		for _, r := range rs {
			f.add(r)
		}
	} else {
		for _, r := range text {
			f.add(r)
		}
	}
	f.t.Offsets = append(f.t.Offsets, f.i)
	f.t.s = string(f.b)
	f.t.buf = f.b
}

// fillRunes is fill of rs into an empty t. It sizes t's slices once for the
// longest result and writes them by index, rune by rune, as folder.add
// would append.
func fillRunes(t *Text, rs []rune) {
	folded := slices.Grow(t.Folded[:0], len(rs)+8)
	offsets := slices.Grow(t.Offsets[:0], len(rs)+9)
	b := slices.Grow(t.buf[:0], 2*len(rs)+16)
	teh := false // as folder.teh: a letter after a teh marbuta starts a new word
	for i, r := range rs {
		var f rune
		if uint32(r) < tableSize {
			f = textTable[r]
		} else {
			f = textRune(r)
		}
		if f < 0 {
			continue
		}
		if teh && isArabicLetter(f) {
			folded, offsets, b = append(folded, ' '), append(offsets, i), append(b, ' ')
		}
		teh = r == tehMarbuta
		folded, offsets = append(folded, f), append(offsets, i)
		switch {
		case f < utf8.RuneSelf:
			b = append(b, byte(f))
		case f < 0x800: // two bytes: Arabic and the other scripts below U+0800
			b = append(b, 0xC0|byte(f>>6), 0x80|byte(f)&0x3F)
		default:
			b = utf8.AppendRune(b, f)
		}
	}
	offsets = append(offsets, len(rs))
	t.Folded, t.Offsets, t.buf = folded, offsets, b
	t.s = string(t.buf)
}

// folder builds a Text rune by rune.
type folder struct {
	t *Text
	b []byte // the folded string
	i int    // offset in the original of the next rune
	// teh reports that the last letter written was a teh marbuta (ة), which
	// ends a word: a letter right after it starts the next word, glued to it
	// where a page lost a space (العراقيةبغداد).
	teh bool
}

// tehMarbuta is the letter that only ever ends an Arabic word.
const tehMarbuta = '\u0629'

func (fo *folder) add(r rune) {
	var f rune
	if uint32(r) < tableSize {
		f = textTable[r]
	} else {
		f = textRune(r)
	}
	if f >= 0 {
		if fo.teh && isArabicLetter(f) {
			fo.t.Folded = append(fo.t.Folded, ' ') // the lost space, at the next word's offset
			fo.t.Offsets = append(fo.t.Offsets, fo.i)
			fo.b = append(fo.b, ' ')
		}
		fo.teh = r == tehMarbuta
		fo.t.Folded = append(fo.t.Folded, f)
		fo.t.Offsets = append(fo.t.Offsets, fo.i)
		switch {
		case f < utf8.RuneSelf:
			fo.b = append(fo.b, byte(f))
		case f < 0x800: // two bytes: Arabic and the other scripts below U+0800
			fo.b = append(fo.b, 0xC0|byte(f>>6), 0x80|byte(f)&0x3F)
		default:
			fo.b = utf8.AppendRune(fo.b, f)
		}
	}
	fo.i++
}

// textRune returns the rune a Text holds for r: '\n' for a line break, ' '
// for other whitespace, else foldRune(r).
func textRune(r rune) rune {
	if r == '\n' || r == '\r' {
		return '\n'
	}
	f := foldRune(r)
	if f >= 0 && isSpace(f) {
		f = ' '
	}
	return f
}

// textTable[r] is textRune(r) for r < tableSize, computed once.
var textTable = func() (t [tableSize]rune) {
	for r := range t {
		t[r] = textRune(rune(r))
	}
	return t
}()

// String returns the folded text as a string, string(t.Folded); New makes it
// once, so every reader of the text can share its substrings.
func (t *Text) String() string {
	if t.s == "" && len(t.Folded) > 0 {
		return string(t.Folded)
	}
	return t.s
}

// Span maps a folded range [start, end) back to rune offsets in the original.
func (t *Text) Span(start, end int) (int, int) {
	if end <= start {
		return t.Offsets[start], t.Offsets[start]
	}
	return t.Offsets[start], t.Offsets[end-1] + 1
}

// isSpace is unicode.IsSpace with a fast answer for the runes between Latin-1
// and U+1680, the first space character after it.
func isSpace(r rune) bool {
	if r > 0xFF && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}

// latinBase returns the lower-case base letter of a Latin letter with
// diacritics (Erdoğan → erdogan, João → joao, Đ → d), or -1 for any other
// rune. Letters that are no base letter plus marks fold to their nearest
// one (ø → o, ł → l, ı → i).
func latinBase(r rune) rune {
	if !(r >= 0x00C0 && r <= 0x024F || r >= 0x1E00 && r <= 0x1EFF) || r == 0x00D7 || r == 0x00F7 {
		return -1
	}
	switch unicode.ToLower(r) {
	case 'ø':
		return 'o'
	case 'ł':
		return 'l'
	case 'đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'ħ':
		return 'h'
	}
	d := unorm.NFD.String(string(r))
	b, _ := utf8.DecodeRuneInString(d)
	if b < utf8.RuneSelf && unicode.IsLetter(b) {
		return unicode.ToLower(b)
	}
	return -1
}

// isArabicLetter reports a folded Arabic letter (hamza to yeh, no marks).
func isArabicLetter(r rune) bool { return r >= '\u0621' && r <= '\u064A' && r != '\u0640' }

// HasHamzaAlef reports whether s holds an alef with a hamza or a madda (أ، إ،
// آ), a letter that folding turns into a bare alef: the written word is not
// the one its folded form may also spell (فإن is no فان).
func HasHamzaAlef(s string) bool {
	return strings.ContainsAny(s, "أإآ")
}

// HasAlefMaqsura reports whether s holds an alef maqsura (ى), a letter that
// folding turns into ي: على and علي fold alike.
func HasAlefMaqsura(s string) bool {
	return strings.ContainsRune(s, 'ى')
}

package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/norm"
)

func TestHitIndex(t *testing.T) {
	x := unitExtractor(t)
	for _, text := range []string{
		"",
		"استقبل الرئيس شي جين بينغ وزير الخارجية التركي في بكين.",
		"وللصين والصين بالصين، «اتفاقية» \"\" للل وال بال . . ؟ \n\n و",
	} {
		toks := norm.New(text).Tokens()
		hits := x.lex.scan(toks)
		want := make([][]int, len(toks))
		for i, h := range hits {
			want[h.start] = append(want[h.start], i)
		}
		if got := hitIndex(hits, len(toks)); !reflect.DeepEqual(got, want) {
			t.Errorf("hitIndex(%q) = %v, want %v", text, got, want)
		}
	}
	// Out of order hits are indexed all the same.
	hits := []hit{{start: 2}, {start: 0}, {start: 2}, {start: 1}}
	want := [][]int{{1}, {3}, {0, 2}, nil}
	if got := hitIndex(hits, 4); !reflect.DeepEqual(got, want) {
		t.Errorf("hitIndex = %v, want %v", got, want)
	}
}

func TestTextOf(t *testing.T) {
	for _, text := range []string{"", "abc", "وَقَّعَ الرئيسُ شي\nفي 16 مايو", "a\xffب\xfe", "\u00a0“x”", "\ufffdب", "ب\xef\xbf", "\xc0\x80ب", "ب\xd8", "\xd8xب", "\xdf\xbf\xe0\xa0\x80"} {
		if rs, _, _ := decodeInto(nil, nil, text); !slices.Equal(rs, []rune(text)) {
			t.Fatalf("decodeInto(%q) = %q, want %q", text, rs, []rune(text))
		}
		r := &run{doc: document.Document{Text: text}, orig: []rune(text)}
		r.bytes = byteIndex(text, r.orig)
		for a := 0; a <= len(r.orig); a++ {
			for b := a; b <= len(r.orig); b++ {
				if got, want := r.textOf(a, b), string(r.orig[a:b]); got != want {
					t.Fatalf("textOf(%d, %d) of %q = %q, want %q", a, b, text, got, want)
				}
			}
		}
	}
}

func TestRunesAtLeast(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "وال", "\xff", "ب\xff", "abc"} {
		for n := -1; n <= 4; n++ {
			if got, want := runesAtLeast(s, n), utf8.RuneCountInString(s) >= n; got != want {
				t.Errorf("runesAtLeast(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

func TestProcliticsOf(t *testing.T) {
	x := unitExtractor(t)
	for _, w := range []string{"", "والصين", "للصين", "بكين", "شي", "x", "\U0001F600"} {
		var want []string
		for _, p := range x.lex.proclitics {
			if strings.HasPrefix(w, p) {
				want = append(want, p)
			}
		}
		var got []string
		for _, p := range x.lex.procliticsOf(w) {
			if strings.HasPrefix(w, p) {
				got = append(got, p)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("procliticsOf(%q) gives %v, want %v", w, got, want)
		}
	}
}

func TestFirstRuneAndRunesAtLeast(t *testing.T) {
	for _, s := range []string{"", "a", "ب", "بال", "\xd8", "\xd8x", "\xc0\x80", "\xe0\xa0\x80", "\U0001F600ب", "ab\xffcd", "\xff\xff\xff\xff\xff"} {
		if want, _ := utf8.DecodeRuneInString(s); firstRune(s) != want {
			t.Errorf("firstRune(%q) = %q, want %q", s, firstRune(s), want)
		}
		for n := 0; n <= 6; n++ {
			if got, want := runesAtLeast(s, n), utf8.RuneCountInString(s) >= n; got != want {
				t.Errorf("runesAtLeast(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestDefiniteInPlace checks definite, which reads a word in place, against
// the same test on the word's runes.
func TestDefiniteInPlace(t *testing.T) {
	x := defaultExtractor(t)
	r := &run{x: x}
	byRunes := func(w string) bool {
		if strings.HasPrefix(w, x.article) || r.contracted(w) {
			return true
		}
		rs := []rune(w)
		if len(rs) <= 3 || !strings.HasPrefix(string(rs[1:]), x.article) {
			return false
		}
		for _, p := range x.lex.procliticsOf(w) {
			if utf8.RuneCountInString(p) == 1 && strings.HasPrefix(w, p) {
				return true
			}
		}
		return false
	}
	words := []string{"", "a", "\xff", "\xff" + x.article + "ab", "\xd8" + x.article + "xy"}
	for _, p := range x.lex.proclitics {
		for _, rest := range []string{"", "x", "xy", x.article, x.article + "x", x.article + "xy", "\xff" + x.article + "xy"} {
			words = append(words, p+rest, p+p+rest, "\xff"+p+rest)
		}
	}
	for _, w := range words {
		if got, want := r.definite(w), byRunes(w); got != want {
			t.Errorf("definite(%q) = %v, want %v", w, got, want)
		}
	}
}

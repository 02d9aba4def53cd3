package norm

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"alef and hamza forms", "أإآٱ", "اااا"},
		{"ya and ta marbuta", "مصطفى القاهرة", "مصطفي القاهره"},
		{"diacritics and tatweel", "وَقَّعَ الـرئيس", "وقع الرئيس"},
		{"persian letters", "کی", "كي"},
		{"arabic-indic digits", "٢٠ مايو ٢٠٢٥", "20 مايو 2025"},
		{"latin lower case", "Xi JINPING", "xi jinping"},
		{"latin diacritics", "Erdoğan João Lourenço Šefčovič", "erdogan joao lourenco sefcovic"},
		{"latin letters with no decomposition", "Støre Łukasz Đukanović Kılıç", "store lukasz dukanovic kilic"},
		{"vietnamese", "Nguyễn Xuân Phúc", "nguyen xuan phuc"},
		{"combining marks dropped", "Jose\u0301", "jose"},
		{"signs kept", "2×3÷4", "2×3÷4"},
		{"whitespace collapsed", "  شي\u00a0 جين\tبينغ  ", "شي جين بينغ"},
		{"bidi marks dropped", "\u200fبكين\u200e", "بكين"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextSpanMapsBackToOriginal(t *testing.T) {
	orig := "وَقَّعَ الرئيسُ شي"
	txt := New(orig)
	folded := string(txt.Folded)
	if folded != "وقع الرئيس شي" {
		t.Fatalf("folded = %q", folded)
	}
	// "الرئيس" starts at folded rune 4.
	start, end := txt.Span(4, 10)
	got := string([]rune(orig)[start:end])
	if got != "الرئيس" {
		t.Errorf("span = %q", got)
	}
	if start != 8 {
		t.Errorf("start = %d, want 8", start)
	}
}

func TestTablesMatchDefinitions(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := foldRune(r), foldSlow(r); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", r, got, want)
		}
		if got, want := IsWord(r), isWordSlow(r); got != want {
			t.Fatalf("IsWord(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("وَقَّعَ الرئيسُ شي، في 16 مايو.\n\xff\xfeA")
	f.Fuzz(func(t *testing.T, text string) {
		txt := New(text)
		if fr := FromRunes([]rune(text)); !reflect.DeepEqual(fr, txt) {
			t.Fatalf("FromRunes gives %+v, New %+v", fr, txt)
		}
		if txt.String() != string(txt.Folded) {
			t.Fatalf("String() = %q, want %q", txt.String(), string(txt.Folded))
		}
		for _, tok := range txt.Tokens() {
			if want := string(txt.Folded[tok.Start:tok.End]); tok.S != want {
				t.Fatalf("token %d..%d is %q, runes give %q", tok.Start, tok.End, tok.S, want)
			}
		}
	})
}

func TestTextString(t *testing.T) {
	for _, s := range []string{"", "وَقَّعَ الرئيسُ\n\u00a0Ⱥ\xff“x”", "abc"} {
		txt := New(s)
		if got, want := txt.String(), string(txt.Folded); got != want {
			t.Errorf("New(%q).String() = %q, want %q", s, got, want)
		}
		bare := &Text{Folded: txt.Folded}
		if got, want := bare.String(), string(txt.Folded); got != want {
			t.Errorf("String of a Text not made by New = %q, want %q", got, want)
		}
	}
}

// TestGluedWordsSplitAfterTehMarbuta checks that a teh marbuta followed by a
// letter, two words a page glued together, gives two tokens whose spans map
// back to the two words of the original.
func TestGluedWordsSplitAfterTehMarbuta(t *testing.T) {
	for _, tc := range []struct {
		orig string
		want []string // the original text of each word token
	}{
		{"العاصمة العراقيةبغداد.", []string{"العاصمة", "العراقية", "بغداد"}},
		{"المدينةَالمنورة", []string{"المدينة", "المنورة"}}, // a final mark is no part of a span
		{"القمة العربية", []string{"القمة", "العربية"}},
		{"قمةٌ", []string{"قمة"}},
	} {
		rs := []rune(tc.orig)
		for _, txt := range []*Text{New(tc.orig), FromRunes(rs)} {
			var got []string
			for _, tok := range txt.Tokens() {
				if tok.Word {
					s, e := txt.Span(tok.Start, tok.End)
					got = append(got, string(rs[s:e]))
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%q: words %q, want %q", tc.orig, got, tc.want)
			}
		}
	}
}

func TestFoldedLetters(t *testing.T) {
	tests := []struct {
		in             string
		hamza, maqsura bool
	}{
		{"فإن", true, false},
		{"فان", false, false},
		{"آل", true, false},
		{"على", false, true},
		{"علي", false, false},
		{"Erdoğan", false, false},
	}
	for _, tt := range tests {
		if got := HasHamzaAlef(tt.in); got != tt.hamza {
			t.Errorf("HasHamzaAlef(%q) = %v, want %v", tt.in, got, tt.hamza)
		}
		if got := HasAlefMaqsura(tt.in); got != tt.maqsura {
			t.Errorf("HasAlefMaqsura(%q) = %v, want %v", tt.in, got, tt.maqsura)
		}
	}
}

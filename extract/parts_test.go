package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"
)

// TestPartsCoverTheText checks that a long text is cut into parts of about
// partRunes runes, at line ends, that together are the text, and that a
// text of an article's size is one part.
func TestPartsCoverTheText(t *testing.T) {
	line := strings.Repeat("كلمة ", 40) + "\n" // 201 runes
	long := strings.Repeat(line, 3*partRunes/utf8.RuneCountInString(line))
	for _, tc := range []struct {
		name, text string
		min, max   int // how many parts
	}{
		{"article", strings.Repeat(line, 20), 1, 1},
		{"archive", long, 3, 4},
		{"one long line", strings.Repeat("كلمة ", 3*partRunes/5), 3, 4},
	} {
		parts, offsets := partsOf(tc.text)
		if len(parts) < tc.min || len(parts) > tc.max {
			t.Errorf("%s: %d parts, want %d to %d", tc.name, len(parts), tc.min, tc.max)
		}
		if strings.Join(parts, "") != tc.text {
			t.Errorf("%s: the parts are not the text", tc.name)
		}
		at := 0
		for k, p := range parts {
			if offsets[k] != at {
				t.Errorf("%s: part %d at rune %d, want %d", tc.name, k, offsets[k], at)
			}
			at += utf8.RuneCountInString(p)
			if n := utf8.RuneCountInString(p); len(parts) > 1 && n > partRunes {
				t.Errorf("%s: part %d has %d runes, more than %d", tc.name, k, n, partRunes)
			}
			if k < len(parts)-1 && tc.name == "archive" && !strings.HasSuffix(p, "\n") {
				t.Errorf("%s: part %d does not end at a line end", tc.name, k)
			}
		}
	}
}

// TestLongDocumentInParts checks that a file of many copies of one article
// gives the article's facts once, every mention and evidence pointing at its
// own text in the whole document.
func TestLongDocumentInParts(t *testing.T) {
	x := defaultExtractor(t)
	article := "استقبل الرئيس عبد الفتاح السيسي اليوم في قصر الاتحادية وزير الخارجية التركي هاكان فيدان، وبحث الجانبان العلاقات الثنائية.\n\n"
	one := x.extract(document.Document{ID: "one", Lang: "ar", Date: "2026-02-10", Text: article})
	n := 3*partRunes/utf8.RuneCountInString(article) + 1
	text := strings.Repeat(article, n)
	if parts, _ := partsOf(text); len(parts) < 3 {
		t.Fatalf("%d parts, want 3 or more", len(parts))
	}
	many := x.extract(document.Document{ID: "many", Lang: "ar", Date: "2026-02-10", Text: text})
	rs := []rune(text)
	for _, e := range many.Entities {
		for _, m := range e.Mentions {
			if got := string(rs[m.Start:m.End]); got != m.Text {
				t.Fatalf("%s: mention [%d,%d) reads %q, text says %q", e.ID, m.Start, m.End, m.Text, got)
			}
		}
	}
	for _, r := range many.Relations {
		if got := string(rs[r.Evidence.Start:r.Evidence.End]); got != r.Evidence.Text {
			t.Fatalf("%s evidence [%d,%d) reads %q, text says %q", r.Type, r.Evidence.Start, r.Evidence.End, r.Evidence.Text, got)
		}
	}
	if len(one.Relations) == 0 {
		t.Fatal("the article alone gives no relation")
	}
	if len(many.Relations) != len(one.Relations) {
		t.Errorf("%d relations from %d copies, want the article's %d", len(many.Relations), n, len(one.Relations))
	}
	ids := map[string]int{}
	for _, e := range many.Entities {
		ids[e.ID]++
	}
	for _, e := range one.Entities {
		if ids[e.ID] != 1 {
			t.Errorf("%s: %d entities, want 1", e.ID, ids[e.ID])
		}
	}
	for _, e := range many.Entities {
		if e.Type == "Person" && len(e.Mentions) < n {
			t.Errorf("%s: %d mentions in %d copies", e.ID, len(e.Mentions), n)
		}
	}
}

package dates

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"القاهرة في 16 مايو 2024 / أ ش أ /\n\nاستقبل الرئيس، اليوم الثلاثاء، ضيفه",
	"04 - 11 - 2025\nوصل أمس الجمعة ويغادر غداً الخميس",
	"مساء الخامس من فبراير 2022 وفي صباح يوم 20 مايو عام 2026",
	"طهران/ 15 كانون الثاني/ يناير/ ارنا - اليوم الأربعاء 15 كانون الثاني 2025",
	"٢٠ مايو ٢٠٢٥ و31 فبراير 2025 و1.2.3.2025 و9999-12-31 و0000-01-01",
	"يوم الجمعة الماضي والشهر المقبل والعام الماضي و10 ديسمبر",
	"غداً\u0640\u064b\u200f 2025/11/",
	"\xff\xfe 12 مايو",
}

// checkFound checks that offsets are inside the text and the date is real.
func checkFound(t *testing.T, text string, f Found) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	if f.Start < 0 || f.End > n || f.End <= f.Start {
		t.Fatalf("bad offsets %d..%d in a text of %d runes: %q", f.Start, f.End, n, text)
	}
	d := f.Date
	switch {
	case d.Year < 1 || d.Year > 9999:
		t.Fatalf("bad year in %v", d)
	case d.Day != 0 && !Valid(d.Year, d.Month, d.Day):
		t.Fatalf("invalid date %v", d)
	case d.Month < 0 || d.Month > 12 || d.Day != 0 && d.Month == 0:
		t.Fatalf("invalid date %v", d)
	}
	if _, err := Parse(d.String()); err != nil {
		t.Fatalf("String of %#v does not parse: %v", d, err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 2026, 5, 20)
	}
	f.Add("اليوم", 1, 1, 1)
	f.Add("غدا", 9999, 12, 31)
	f.Add("الشهر الماضي", 1, 1, 0)
	r := testReader()
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		ref := Date{Year: y, Month: m, Day: d}
		if !Valid(y, max(m, 1), max(d, 1)) || m == 0 && d != 0 {
			ref = Date{}
		}
		last := 0
		for _, fd := range r.Find(text, ref) {
			checkFound(t, text, fd)
			if fd.Start < last {
				t.Fatalf("overlapping or unordered results at %d: %q", fd.Start, text)
			}
			last = fd.End
		}
	})
}

func FuzzDocumentDate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	r := testReader()
	f.Fuzz(func(t *testing.T, text string) {
		d, sp, ok := r.DocumentDate(text)
		if !ok {
			if !d.IsZero() || sp != (Span{}) {
				t.Fatalf("not found but returned %v %v", d, sp)
			}
			return
		}
		checkFound(t, text, Found{Date: d, Start: sp.Start, End: sp.End})
		if got := string([]rune(text)[sp.Start:sp.End]); got != sp.Text {
			t.Fatalf("span text %q, offsets give %q", sp.Text, got)
		}
		if d.Month == 0 {
			t.Fatalf("year-only document date %v", d)
		}
	})
}

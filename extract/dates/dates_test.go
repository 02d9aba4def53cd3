package dates

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/norm"
)

func testReader() *Reader { return New(testWords, WithWords(testExtra)) }

func mustParse(t *testing.T, s string) Date {
	t.Helper()
	d, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "2025-11-03", want: "2025-11-03"},
		{in: "2025-11", want: "2025-11"},
		{in: "2025", want: "2025"},
		{in: "2024-02-29", want: "2024-02-29"},
		{in: "2025-02-29", err: `invalid date "2025-02-29": bad day (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "2025-13", err: `invalid date "2025-13": bad month (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "03-11-2025", err: `invalid date "03-11-2025": bad year (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "2025/11/03", err: `invalid date "2025/11/03": missing '-' (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "", err: `invalid date "": wrong length (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "0000", err: `invalid date "0000": bad year (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{in: "+025-11-03", err: `invalid date "+025-11-03": bad year (want YYYY-MM-DD, YYYY-MM or YYYY)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := Parse(tt.in)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err || !errors.Is(err, ErrDate) {
					t.Fatalf("Parse(%q) = %v, %v; want error %q", tt.in, d, err, tt.err)
				}
				return
			}
			if err != nil || d.String() != tt.want {
				t.Fatalf("Parse(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Date{2024, 2, 28}
	if got := d.AddDays(2).String(); got != "2024-03-01" {
		t.Errorf("AddDays(2) = %s", got)
	}
	if got := (Date{2025, 1, 1}).AddDays(-1).String(); got != "2024-12-31" {
		t.Errorf("AddDays(-1) = %s", got)
	}
	if got := (Date{2025, 5, 0}).AddDays(3); got != (Date{2025, 5, 0}) {
		t.Errorf("AddDays on a month = %v", got)
	}
	if w := (Date{2026, 5, 17}).Weekday(); w != 7 {
		t.Errorf("2026-05-17 weekday = %d, want 7 (Sunday)", w)
	}
	if !(Date{}).IsZero() || (Date{Year: 1}).IsZero() {
		t.Error("IsZero")
	}
}

func TestDocumentDate(t *testing.T) {
	tests := []struct {
		name, text, want, span string
	}{
		{"dashes with spaces", "04 - 11 - 2025\n\nنص الخبر", "2025-11-04", "04 - 11 - 2025"},
		{"dots", "الرباط، 03.11.2025 (ومع)\nنص", "2025-11-03", "03.11.2025"},
		{"year first with slashes", "2025/11/03\nنص", "2025-11-03", "2025/11/03"},
		{"ISO", "2025-11-03 نص", "2025-11-03", "2025-11-03"},
		{"month day year when second above 12", "11/25/2025\nنص", "2025-11-25", "11/25/2025"},
		{"day month name year", "16 مايو 2024", "2024-05-16", "16 مايو 2024"},
		{"dateline with slash", "بكين 25 مارس 2016 / شينخوا\nنص", "2016-03-25", "25 مارس 2016"},
		{"dateline with في", "القاهرة في 16 مايو 2024 / أ ش أ /", "2024-05-16", "16 مايو 2024"},
		{"agency between", "الرياض - واس - 20 أيار 2025\nنص", "2025-05-20", "20 أيار 2025"},
		{"arabic-indic digits", "٢٠ مايو ٢٠٢٥", "2025-05-20", "٢٠ مايو ٢٠٢٥"},
		{"weekday first", "الأحد 20 مايو 2026", "2026-05-20", "الأحد 20 مايو 2026"},
		{"weekday and comma", "الأربعاء، 5 آذار 2025\nنص", "2025-03-05", "الأربعاء، 5 آذار 2025"},
		{"levantine two-word month", "طهران 15 كانون الثاني 2025", "2025-01-15", "15 كانون الثاني 2025"},
		{"hijri date skipped", "الرياض 06 جمادى الأولى 1447 هـ الموافق 28 أكتوبر 2025 م واس", "2025-10-28", "28 أكتوبر 2025"},
		{"date later in the first paragraph",
			"طهران/ 15 كانون الثاني/ يناير/ ارنا - أجرى الرئيس محادثات، اليوم الأربعاء 15 كانون الثاني 2025، في قصر",
			"2025-01-15", "اليوم الأربعاء 15 كانون الثاني 2025"},
		{"fifth non-empty line", "أ\n\nب\nج\nد\n1 مايو 2020", "2020-05-01", "1 مايو 2020"},
		{"month precision", "تقرير مايو 2024\nنص", "2024-05", "مايو 2024"},
		{"full date preferred over month", "تقرير مايو 2024\n3 يونيو 2024", "2024-06-03", "3 يونيو 2024"},
		{"diacritics and tatweel", "القاهرة فى 16 مَايـو 2024", "2024-05-16", "16 مَايـو 2024"},
	}
	none := []struct{ name, text string }{
		{"no year", "أبوظبي في 14 يناير / وام /\nنص"},
		{"sixth non-empty line", "أ\nب\nج\nد\nه\n1 مايو 2020"},
		{"invalid day", "31 فبراير 2025"},
		{"numeric invalid", "31.02.2025"},
		{"bare month", "مايو"},
		{"version number", "الإصدار 1.2.3.2025"},
		{"empty", ""},
	}
	r := testReader()
	for _, piece := range []int{1, 7, firstPiece} {
		t.Run(fmt.Sprintf("piece %d", piece), func(t *testing.T) {
			defer func(n int) { firstPiece = n }(firstPiece)
			firstPiece = piece
			testDocumentDate(t, r, tests, none)
		})
	}
}

func testDocumentDate(t *testing.T, r *Reader, tests []struct{ name, text, want, span string }, none []struct{ name, text string }) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, sp, ok := r.DocumentDate(tt.text)
			if !ok {
				t.Fatalf("no date in %q", tt.text)
			}
			if d.String() != tt.want || sp.Text != tt.span {
				t.Errorf("DocumentDate = %s %q, want %s %q", d, sp.Text, tt.want, tt.span)
			}
			if got := string([]rune(tt.text)[sp.Start:sp.End]); got != sp.Text {
				t.Errorf("span offsets give %q, text %q", got, sp.Text)
			}
		})
	}
	for _, tt := range none {
		t.Run("none/"+tt.name, func(t *testing.T) {
			if d, sp, ok := r.DocumentDate(tt.text); ok {
				t.Errorf("DocumentDate = %s %q, want none", d, sp.Text)
			}
		})
	}
}

func TestFind(t *testing.T) {
	// 2026-05-20 is a Wednesday.
	const ref = "2026-05-20"
	tests := []struct {
		name, text, ref string
		want            []string // "date|text|rel"
	}{
		{name: "today morning", text: "عقد صباح اليوم جلسة", want: []string{"2026-05-20|صباح اليوم|rel"}},
		{name: "today", text: "استقبل اليوم الرئيس", want: []string{"2026-05-20|اليوم|rel"}},
		{name: "today with weekday", text: "استقبل، اليوم الأربعاء، ضيفه", want: []string{"2026-05-20|اليوم الأربعاء|rel"}},
		{name: "today with weekday and date", text: "اليوم الأربعاء 15 كانون الثاني 2025، في", want: []string{"2025-01-15|اليوم الأربعاء 15 كانون الثاني 2025|"}},
		{name: "yesterday", text: "وصل أمس إلى", want: []string{"2026-05-19|أمس|rel"}},
		{name: "yesterday friday", text: "وصل أمس الجمعة إلى", want: []string{"2026-05-15|أمس الجمعة|rel"}},
		{name: "yesterday tuesday", text: "وصل أمس الثلاثاء", want: []string{"2026-05-19|أمس الثلاثاء|rel"}},
		{name: "tomorrow", text: "يغادر غداً", want: []string{"2026-05-21|غداً|rel"}},
		{name: "tomorrow thursday", text: "يغادر طهران غداً الخميس", want: []string{"2026-05-21|غداً الخميس|rel"}},
		{name: "day before yesterday", text: "وصل أول أمس", want: []string{"2026-05-18|أول أمس|rel"}},
		{name: "evening ordinal with connector", text: "مساء الخامس من فبراير 2022 وقع", want: []string{"2022-02-05|مساء الخامس من فبراير 2022|"}},
		{name: "compound ordinal", text: "في الحادي والعشرين من مارس", want: []string{"2026-03-21|الحادي والعشرين من مارس|rel"}},
		{name: "morning of day with year word", text: "في صباح يوم 20 مايو عام 2026", want: []string{"2026-05-20|صباح يوم 20 مايو عام 2026|"}},
		{name: "day sunday", text: "التقى يوم الأحد", want: []string{"2026-05-17|يوم الأحد|rel"}},
		{name: "weekday on ref", text: "الأربعاء", want: []string{"2026-05-20|الأربعاء|rel"}},
		{name: "last friday", text: "يوم الجمعة الماضي", want: []string{"2026-05-15|يوم الجمعة الماضي|rel"}},
		{name: "next saturday", text: "يوم السبت المقبل", want: []string{"2026-05-23|يوم السبت المقبل|rel"}},
		{name: "next wednesday is a week on", text: "الأربعاء المقبل", want: []string{"2026-05-27|الأربعاء المقبل|rel"}},
		{name: "day month no year", text: "زار 20 مايو", want: []string{"2026-05-20|20 مايو|rel"}},
		{name: "day month within two months after", text: "يزور في 10 يوليو", want: []string{"2026-07-10|10 يوليو|rel"}},
		{name: "day month far after ref is last year", text: "في 10 ديسمبر", want: []string{"2025-12-10|10 ديسمبر|rel"}},
		{name: "month names in two calendars", text: "15 كانون الثاني/ يناير/ ارنا", want: []string{"2026-01-15|15 كانون الثاني/ يناير|rel"}},
		{name: "levantine month with year", text: "في 5 تشرين الأول 2024", want: []string{"2024-10-05|5 تشرين الأول 2024|"}},
		{name: "maghreb month", text: "يوم 3 جوان 2025", want: []string{"2025-06-03|يوم 3 جوان 2025|"}},
		{name: "month before day with year", text: "في مايو 20، 2024 وقع", want: []string{"2024-05-20|مايو 20، 2024|"}},
		{name: "month before day without year", text: "في مايو 20 وقع", want: []string{"2026-05-20|مايو 20|rel"}},
		{name: "month and year", text: "في مايو 2024", want: []string{"2024-05|مايو 2024|"}},
		{name: "year word", text: "منذ عام 1990", want: []string{"1990|عام 1990|"}},
		{name: "last month", text: "في الشهر الماضي", want: []string{"2026-04|الشهر الماضي|rel"}},
		{name: "last year", text: "في العام الماضي", want: []string{"2025|العام الماضي|rel"}},
		{name: "next month across a year", text: "الشهر المقبل", ref: "2025-12-03", want: []string{"2026-01|الشهر المقبل|rel"}},
		{name: "numeric", text: "بتاريخ 06-04-2025 و2025/11/03", want: []string{"2025-04-06|06-04-2025|", "2025-11-03|2025/11/03|"}},
		{name: "several", text: "وصل أمس، ويغادر غدا، بعد زيارة في 3 مايو 2025.", want: []string{
			"2026-05-19|أمس|rel", "2026-05-21|غدا|rel", "2025-05-03|3 مايو 2025|"}},
		{name: "31 february not found", text: "في 31 فبراير 2025", want: nil},
		{name: "31 april without year not found", text: "في 31 أبريل", want: nil},
		{name: "relative without ref not found", text: "اليوم وأمس و20 مايو", ref: "-", want: nil},
		{name: "absolute without ref found", text: "في 20 مايو 2024", ref: "-", want: []string{"2024-05-20|20 مايو 2024|"}},
		{name: "part alone is not a date", text: "صباح الخير", want: nil},
		{name: "arabic-indic digits", text: "في ٢٠ مايو ٢٠٢٥", want: []string{"2025-05-20|٢٠ مايو ٢٠٢٥|"}},
	}
	r := testReader()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rd Date
			switch tt.ref {
			case "":
				rd = mustParse(t, ref)
			case "-":
			default:
				rd = mustParse(t, tt.ref)
			}
			rs := []rune(tt.text)
			var got []string
			for _, f := range r.Find(tt.text, rd) {
				rel := ""
				if f.Relative {
					rel = "rel"
				}
				got = append(got, fmt.Sprintf("%s|%s|%s", f.Date, string(rs[f.Start:f.End]), rel))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("Find(%q):\ngot:\n%s\nwant:\n%s", tt.text, g, w)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	for _, d := range []Date{{}, {2025, 11, 3}, {1, 1, 1}, {9999, 12, 31}, {2024, 0, 0}, {7, 3, 0},
		{-5, 1, 2}, {12345, 1, 1}, {2025, 100, 1}, {2025, 1, -1}, {0, 5, 5}} {
		var want string
		switch {
		case d.Year == 0:
		case d.Month == 0:
			want = fmt.Sprintf("%04d", d.Year)
		case d.Day == 0:
			want = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
		default:
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
		}
		if got := d.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", d, got, want)
		}
	}
}

// TestDocumentDatePieces reads long expressions at every distance from the
// start of the text, piece by piece in pieces of every size: the date must be
// the one read in one piece.
func TestDocumentDatePieces(t *testing.T) {
	exprs := []string{
		"صباح يوم أول أمس، الجمعة، الحادي والعشرين من كانون الثاني/ كانون الثاني)، عام 2025",
		"اليوم، الأربعاء، 15 كانون الثاني/ يناير/ 2025",
		"2025/11/03", "04 - 11 - 2025", "مايو 2024 ثم 3 يونيو 2024",
	}
	r := testReader()
	defer func(n int) { firstPiece = n }(firstPiece)
	for _, ex := range exprs {
		for lead := 0; lead < 40; lead += 3 {
			text := strings.Repeat("كلمة ", lead) + ex + " نص"
			firstPiece = 1 << 20
			want, wantSp, wantOK := r.DocumentDate(text)
			for piece := 1; piece < 120; piece++ {
				firstPiece = piece
				if d, sp, ok := r.DocumentDate(text); d != want || sp != wantSp || ok != wantOK {
					t.Fatalf("%q in pieces of %d: %v %v %v, want %v %v %v", text, piece, d, sp, ok, want, wantSp, wantOK)
				}
			}
		}
	}
}

// TestTextScansOnce reads the document date and the dates of one Text, in
// either order and in pieces of every size: both must be what the Reader
// reads from the text alone.
func TestTextScansOnce(t *testing.T) {
	r := testReader()
	defer func(n int) { firstPiece = n }(firstPiece)
	ref := Date{Year: 2025, Month: 1, Day: 22}
	for _, text := range append(fuzzSeeds, strings.Join(fuzzSeeds, "\n\n")) {
		for piece := 1; piece < 60; piece += 7 {
			firstPiece = piece
			wantD, wantSp, wantOK := r.DocumentDate(text)
			wantF := r.Find(text, ref)
			nt := norm.New(text)
			for _, findFirst := range []bool{false, true} {
				tx := r.NewText(nt, []rune(text))
				var f []Found
				if findFirst {
					f = tx.Find(ref)
				}
				d, sp, ok := tx.DocumentDate()
				if !findFirst {
					f = tx.Find(ref)
				}
				if d != wantD || sp != wantSp || ok != wantOK || !reflect.DeepEqual(f, wantF) {
					t.Fatalf("%q (Find first: %v, pieces of %d): %v %v %v %v, want %v %v %v %v",
						text, findFirst, piece, d, sp, ok, f, wantD, wantSp, wantOK, wantF)
				}
			}
		}
	}
}

package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract/dates"

	"github.com/dipgraph/dipgraph/schema"
)

// TestUndatedTitles checks that a title with no name in a document with no
// date resolves only to the one person ever known to hold the office, and
// only when that person's tenure meets those of the persons the document
// names (the title-only person is found through the meeting it takes part in).
func TestUndatedTitles(t *testing.T) {
	x := unitExtractor(t)
	tests := []struct {
		name, text, date string
		want, not        string // person ids that must (not) be found
	}{
		{"sole holder ever", "التقى الرئيس فلاديمير بوتين مع الرئيس الصيني.", "", "person:xi-jinping", ""},
		{"sole holder ever, out of office when the persons named held theirs", "التقى وزير الخارجية التركي هاكان فيدان مع الرئيس المصري.", "", "", "person:hosni-mubarak"},
		{"sole holder ever, in office with the persons named", "التقى وزير الخارجية التركي هاكان فيدان مع الرئيس الصيني.", "", "person:xi-jinping", ""},
		{"sole holder ever, out of office now, in office with the persons named", "التقى وزير الخارجية الروسي ميخائيل سيدوروف مع الرئيس المصري.", "", "person:hosni-mubarak", ""},
		{"two holders over time, no date", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "", "", "person:hakan-fidan"},
		{"two holders over time, dated", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "2024-05-01", "person:hakan-fidan", ""},
		{"two holders over time, earlier date", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "2020-05-01", "person:mevlut-cavusoglu", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Date: tc.date, Text: tc.text})
			if tc.want != "" {
				if e, ok := entityByID(res, tc.want); !ok || e.Type != schema.Person {
					t.Errorf("%s not found: %+v", tc.want, res.Entities)
				}
			}
			if tc.not != "" {
				if _, ok := entityByID(res, tc.not); ok {
					t.Errorf("%s found with no date", tc.not)
				}
			}
		})
	}
}

// TestYearlessDateline checks that a dateline with no year takes the one year
// in which the tenures of the persons named (and the weekday named) allow it.
func TestYearlessDateline(t *testing.T) {
	x := unitExtractor(t)
	tests := []struct{ name, text, want string }{
		{"tenures meet on one day", "أنقرة في 4 يونيو\nالتقى وزير الخارجية التركي هاكان فيدان سلفه مولود جاويش أوغلو.", "2023-06-04"},
		{"after the gazetteer's last date: no date", "أنقرة في 5 يونيو\nالتقى وزير الخارجية التركي هاكان فيدان الرئيس فلاديمير بوتين.", ""},
		{"the weekday picks the year", "بكين - 4 - 3\nالتقى الرئيس شي جين بينغ اليوم الأربعاء وزير الخارجية التركي مولود جاويش أوغلو.", "2020-03-04"},
		{"no known person: no date", "بكين - 4 - 3\nعقد الاجتماع اليوم الأربعاء.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text})
			if res.Document.Date != tc.want {
				t.Errorf("date %q, want %q", res.Document.Date, tc.want)
			}
		})
	}
}

// TestYearlessDatelineRecent checks that a dateline with no year that fits
// several years of the tenures takes the latest of them not after today.
func TestYearlessDatelineRecent(t *testing.T) {
	s, err := schema.Load("testdata/unit", "../schema/default/lang")
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(s, Options{Today: dates.Date{Year: 2026, Month: 11, Day: 21}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, want string }{
		{"this year", "أنقرة في 5 يونيو\nالتقى وزير الخارجية التركي هاكان فيدان الرئيس فلاديمير بوتين.", "2026-06-05"},
		{"later in the year than today: last year", "أنقرة في 11 ديسمبر\nالتقى وزير الخارجية التركي هاكان فيدان الرئيس فلاديمير بوتين.", "2025-12-11"},
		{"no known person: no date", "أنقرة في 11 ديسمبر\nعقد الاجتماع اليوم.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text})
			if res.Document.Date != tc.want {
				t.Errorf("date %q, want %q", res.Document.Date, tc.want)
			}
		})
	}
}

// TestYearFirstDateLine checks that, in a pack whose dates may be written
// year first, a full date at the top of a page (2024-10-07) is the document
// date, not the dateline without a year its month and day would read as
// day first (10 July), and that a day-first dateline still counts.
func TestYearFirstDateLine(t *testing.T) {
	x := langExtractor(t, "en")
	tests := []struct{ name, text, want string }{
		{"month and day both 12 or less", " date 2024-10-07 The Daily Courier\nPrime Minister Narendra Modi met President Mohamed Muizzu.", "2024-10-07"},
		{"day above 12", " date 2021-11-25 The Daily Courier\nPrime Minister Narendra Modi met President Mohamed Muizzu.", "2021-11-25"},
		{"published line", "Published 2022-05-10\nPresident Yoon Suk Yeol met Prime Minister Fumio Kishida.", "2022-05-10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Lang: "en", Text: tc.text})
			if res.Document.Date != tc.want {
				t.Errorf("date %q, want %q", res.Document.Date, tc.want)
			}
		})
	}
}

// TestMonthFirstDateline checks that a dateline naming the month before the
// day and no year (VIENTIANE, Oct 9 —) takes the year the tenures of the
// persons named allow, as a day-first one does, and that a month and day
// followed by a year remain a full date.
func TestMonthFirstDateline(t *testing.T) {
	x := langExtractor(t, "en")
	tests := []struct{ name, text, want string }{
		{"tenure of one year", "VIENTIANE, Oct 9 — Prime Minister Paetongtarn Shinawatra attended the 44th ASEAN Summit today.", "2024-10-09"},
		{"dateline with a full stop", "BANGKOK, Oct 9. Prime Minister Paetongtarn Shinawatra received Prime Minister Anwar Ibrahim.", "2024-10-09"},
		{"the year given", "VIENTIANE, Oct 9, 2025 — Prime Minister Anwar Ibrahim attended the 46th ASEAN Summit today.", "2025-10-09"},
		{"no known person: no date", "VIENTIANE, Oct 9 — The summit opened today.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Lang: "en", Text: tc.text})
			if res.Document.Date != tc.want {
				t.Errorf("date %q, want %q", res.Document.Date, tc.want)
			}
		})
	}
}

package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/schema"
)

// TestUndatedTitles checks that a title with no name in a document with no
// date resolves only to the one person ever known to hold the office (the
// title-only person is found through the meeting it takes part in).
func TestUndatedTitles(t *testing.T) {
	x := unitExtractor(t)
	tests := []struct {
		name, text, date string
		want, not        string // person ids that must (not) be found
	}{
		{"sole holder ever", "التقى الرئيس فلاديمير بوتين مع الرئيس الصيني.", "", "person:xi-jinping", ""},
		{"two holders over time, no date", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "", "", "person:hakan-fidan"},
		{"two holders over time, dated", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "2024-05-01", "person:hakan-fidan", ""},
		{"two holders over time, earlier date", "التقى الرئيس فلاديمير بوتين مع وزير الخارجية التركي.", "2020-05-01", "person:mevlut-cavusoglu", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.Extract(Document{ID: "t", Date: tc.date, Text: tc.text})
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

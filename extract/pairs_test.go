package extract

import (
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// TestOfficePairs checks that a dual title names the holders of its office in
// the document's two countries, who meet when the verb says so.
func TestOfficePairs(t *testing.T) {
	x := defaultExtractor(t)
	const (
		fidan     = "person:hakan-fidan"
		abdelatty = "person:badr-abdelatty"
		erdogan   = "person:recep-tayyip-erdogan"
		sisi      = "person:abdel-fattah-el-sisi"
	)
	tests := []struct {
		name string
		text string
		want []string // pairs(res, "MET_WITH") that must be found
		not  []string // and must not
	}{
		{"foreign ministers of the two countries, by the gazetteer",
			"استقبل الرئيس التركي رجب طيب أردوغان الرئيس المصري عبد الفتاح السيسي في أنقرة.\nوقبل ذلك التقى وزيرا خارجية البلدين وأجريا مباحثات.",
			[]string{met(erdogan, sisi), met(fidan, abdelatty)}, nil},
		{"foreign ministers in the oblique case",
			"استقبل الرئيس التركي رجب طيب أردوغان الرئيس المصري عبد الفتاح السيسي في أنقرة.\nوعقد وزيري الخارجية جلسة مباحثات.",
			[]string{met(fidan, abdelatty)}, nil},
		{"named ministers are no pair",
			"التقى وزيرا الخارجية التركي هاكان فيدان والمصري بدر عبد العاطي في القاهرة.",
			[]string{met(fidan, abdelatty)}, nil},
		{"one country only",
			"قال الرئيس التركي رجب طيب أردوغان إن وزيري الخارجية التقيا.",
			nil, []string{met(fidan, abdelatty)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text, Date: "2025-02-18"})
			got := pairs(res, "MET_WITH")
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("no meeting %s in %v", w, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("unwanted meeting %s", n)
				}
			}
		})
	}
}

// TestOfficePairAttends checks that a dual title in an attendance list names
// the two office holders as attendees.
func TestOfficePairAttends(t *testing.T) {
	x := defaultExtractor(t)
	text := "استقبل الرئيس التركي رجب طيب أردوغان الرئيس المصري عبد الفتاح السيسي في أنقرة بحضور وزيري خارجية البلدين."
	res := x.extract(document.Document{ID: "t", Text: text, Date: "2025-03-03"})
	got := pairs(res, "ATTENDED")
	for _, p := range []string{"person:hakan-fidan", "person:badr-abdelatty"} {
		if !slices.Contains(got, p+"|event") {
			t.Errorf("%s does not attend: %v", p, got)
		}
	}
}

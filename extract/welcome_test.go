package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// TestWelcomeThenTalks checks that a welcome on arrival followed by talks is
// one meeting, held where the talks were, and that a welcome alone is none.
func TestWelcomeThenTalks(t *testing.T) {
	x := defaultExtractor(t)
	const arrival = "وصل الرئيس الإيراني مسعود بزشكيان إلى سلطنة عمان اليوم في زيارة دولة.\nوكان في استقباله لدى وصوله مطار مسقط الدولي السلطان هيثم بن طارق."
	tests := []struct {
		name, text string
		meetings   int
		venue      string
	}{
		{"talks at a palace", arrival + "\nثم عقد الجانبان جلسة مباحثات رسمية في قصر العلم العامر.", 1, "venue:al-alam-palace"},
		{"a head of state's welcome alone", arrival, 1, "venue:ar-مطار-مسقط-الدولي"},
		{"a minister's welcome alone", "وصل الرئيس الإيراني مسعود بزشكيان إلى سلطنة عمان اليوم في زيارة دولة.\nوكان في استقباله لدى وصوله مطار مسقط الدولي وزير الخارجية بدر البوسعيدي.", 0, ""},
		{"the palace replaces the airport", "وصل رئيس الوزراء الباكستاني شهباز شريف إلى الرياض اليوم.\nوكان في استقباله لدى هبوط طائرته في مطار الملك خالد الدولي ولي العهد الأمير محمد بن سلمان.\nثم عقد الجانبان جلسة مباحثات في قصر اليمامة.", 1, "venue:al-yamamah-palace"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text, Date: "2026-03-12"})
			ms := relations(res, "MET_WITH")
			if len(ms) != tc.meetings {
				t.Fatalf("%d meetings, want %d: %v", len(ms), tc.meetings, ms)
			}
			if tc.meetings > 0 {
				if got := str(ms[0].Properties["venue"]); got != tc.venue {
					t.Errorf("venue %q, want %q", got, tc.venue)
				}
			}
		})
	}
}

// TestWelcomeCeremonyVenue checks that the welcome ceremony of a principal of
// the meeting read last joins that meeting and gives its venue.
func TestWelcomeCeremonyVenue(t *testing.T) {
	x := defaultExtractor(t)
	text := "استقبل الملك عبدالله الثاني الرئيس المصري عبد الفتاح السيسي اليوم.\nوأقيمت مراسم استقبال رسمية للرئيس السيسي في قصر الحسينية."
	res := x.extract(document.Document{ID: "t", Text: text, Date: "2025-01-20"})
	ms := relations(res, "MET_WITH")
	if len(ms) != 1 {
		t.Fatalf("%d meetings, want 1: %v", len(ms), ms)
	}
	if got := str(ms[0].Properties["venue"]); got != "venue:al-husseiniya-palace" {
		t.Errorf("venue %q, want venue:al-husseiniya-palace", got)
	}
}

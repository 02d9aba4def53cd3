package extract

import (
	"slices"
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/schema"
)

// TestInitials checks that Latin initials and particles belong to a name,
// even when one of them is also a name stop (في) or looks like one (فان).
func TestInitials(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name, text, want, not string
	}{
		{"في between initials", "وحضر اللقاء سفير الهند لدى الأردن جي في سرينيفاس.", "جي في سرينيفاس", ""},
		{"two initials", "وصل وزير الدولة الهندي إم جيه أكبر إلى عمان.", "إم جيه أكبر", ""},
		{"a particle that looks like ف + أن", "التقى رئيس الوزراء وزير الخارجية الهولندي كاسبار فان فيلدن.", "كاسبار فان فيلدن", ""},
		{"two particles", "التقى رئيس الوزراء وزير الخارجية الهولندي كاسبار فان دير فيلدن اليوم.", "كاسبار فان دير فيلدن", ""},
		{"في starts no name", "قال وزير الخارجية في إطار جولته إن العلاقات متينة.", "", "في إطار جولته"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text, Date: "2025-12-18"})
			if tc.want != "" && !hasEntity(res, schema.Person, tc.want) {
				t.Errorf("no person %q in %v", tc.want, res.Entities)
			}
			if tc.not != "" && hasEntity(res, schema.Person, tc.not) {
				t.Errorf("unwanted person %q", tc.not)
			}
		})
	}
}

// TestTitleAndSurname checks that a title before the surname of a person
// named before refers to that person, not to the last holder of the title.
func TestTitleAndSurname(t *testing.T) {
	x := defaultExtractor(t)
	text := "التقى وزير الخارجية الهندي إس جايشانكار نظيره الأردني أيمن الصفدي.\nواستقبل رئيس الوزراء ناريندرا مودي الوزير الصفدي."
	res := x.extract(document.Document{ID: "t", Text: text, Date: "2025-12-18"})
	got := pairs(res, "MET_WITH")
	if want := met("person:narendra-modi", "person:ayman-safadi"); !slices.Contains(got, want) {
		t.Errorf("no meeting %s in %v", want, got)
	}
	if bad := met("person:narendra-modi", "person:subrahmanyam-jaishankar"); slices.Contains(got, bad) {
		t.Errorf("unwanted meeting %s", bad)
	}
}

// TestTreatyWithoutParties checks that a title ending with its parties is
// also named without them.
func TestTreatyWithoutParties(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct{ name, text, alias string }{
		{"parties after بين", "وقع الوزيران اتفاقية الشراكة بين موسكو وطهران في الكرملين.", "اتفاقية الشراكة"},
		{"a party after مع", "وقع الرئيس معاهدة استراتيجية شاملة مع روسيا.", "معاهدة استراتيجية شاملة"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text, Date: "2025-01-17"})
			for _, e := range res.Entities {
				if e.Type == schema.Treaty && slices.Contains(e.Aliases, tc.alias) {
					return
				}
			}
			t.Errorf("no treaty named %q in %v", tc.alias, res.Entities)
		})
	}
}

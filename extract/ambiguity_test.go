package extract

import (
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/schema"
)

// TestSharedNames checks that a name shared by several gazetteer entries goes
// to the one the context supports, and to none when nothing does.
func TestSharedNames(t *testing.T) {
	x := defaultExtractor(t)
	tests := []struct {
		name string
		text string
		typ  string
		want string // an entity name that must be found
		not  string // one that must not be found
	}{
		{"a city in the dateline", "عمان - استقبل الملك عبدالله الثاني وزير خارجية اليونان.", schema.City, "Amman", ""},
		{"no country in the dateline", "عمان - استقبل الملك عبدالله الثاني وزير خارجية اليونان.", schema.Country, "", "Oman"},
		{"a dateline with an agency", "عمان (بترا) - التقى وزير الخارجية نظيره القبرصي.", schema.City, "Amman", ""},
		{"a dateline with a date", "عمان في 3 مايو /بترا/ - بحث وزير الخارجية مع نظيره التعاون.", schema.City, "Amman", ""},
		{"a dateline with a day and a month", "عمان 14 أيار 2024 (بترا)\nاستقبل جلالة الملك وزير خارجية اليونان.", schema.City, "Amman", ""},
		{"a country starting a headline", "عمان تستضيف جولة جديدة من المحادثات.", schema.City, "", "Amman"},
		{"a city after a capital word and adjective", "وصل الرئيس إلى العاصمة الأردنية عمان مساء أمس.", schema.City, "Amman", ""},
		{"a country by default", "وقعت عمان والهند اتفاقية الشراكة الاقتصادية الشاملة.", schema.Country, "Oman", ""},
		{"a country in an Omani text", "وصل الوزير العماني إلى الهند. وتربط عمان والهند علاقات وثيقة.", schema.City, "", "Amman"},
		{"the capital of a country of its name", "وصل الوزير إلى الكويت أمس.", schema.City, "", "Kuwait City"},
		{"a palace in the city named after it", "أجرى أردوغان وضيفه محادثات في القصر الرئاسي في أنقرة.", schema.Venue, "Beştepe Presidential Complex", ""},
		{"a palace in the country named after it", "استقبل الرئيس ضيفه في القصر الرئاسي في العاصمة التركية.", schema.Venue, "Beştepe Presidential Complex", ""},
		{"a palace in the dateline city", "الجزائر العاصمة - استقبل الرئيس الجزائري عبد المجيد تبون ضيفه في القصر الرئاسي.", schema.Venue, "El Mouradia Palace", ""},
		{"a palace the document's countries alone do not place", "وصل وزير الخارجية التونسي أمس.\nوأجرى الرئيس مباحثات مع ضيفه بالقصر الرئاسي في مدينة أخرى.", schema.Venue, "", "Carthage Palace"},
		{"a palace of no known country", "استقبل الرئيس ضيفه في القصر الرئاسي.", schema.Venue, "", "Beştepe Presidential Complex"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Text: tc.text, Date: "2025-05-03"})
			if tc.want != "" && !hasEntity(res, tc.typ, tc.want) {
				t.Errorf("no %s %q in %v", tc.typ, tc.want, res.Entities)
			}
			if tc.not != "" && hasEntity(res, tc.typ, tc.not) {
				t.Errorf("unwanted %s %q", tc.typ, tc.not)
			}
		})
	}
}

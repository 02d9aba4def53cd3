package extract

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/schema"
)

// unitExtractor builds an Extractor on the test gazetteer and the built-in
// Arabic language pack.
func unitExtractor(t testing.TB) *Extractor {
	t.Helper()
	s, err := schema.Load("testdata/unit", "../schema/default/lang")
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func entityByID(res Result, id string) (Entity, bool) {
	for _, e := range res.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return Entity{}, false
}

func relations(res Result, typ string) []Relation {
	var out []Relation
	for _, r := range res.Relations {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

func TestExtract(t *testing.T) {
	x := unitExtractor(t)
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, res Result)
	}{
		{"clitic on a name", "أكد التعاون بين مصر والصين وللصين دور.", func(t *testing.T, res Result) {
			e, ok := entityByID(res, "country:cn")
			if !ok || len(e.Mentions) != 2 {
				t.Fatalf("China: %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Text != "الصين" {
					t.Errorf("mention text %q, want the name without its clitic", m.Text)
				}
			}
		}},
		{"no hit inside a word", "قال الشيخ إن وكالة شينخوا نشرت الخبر.", func(t *testing.T, res Result) {
			if _, ok := entityByID(res, "person:xi-jinping"); ok {
				t.Error("شي matched inside a longer word")
			}
			if _, ok := entityByID(res, "org:xinhua"); !ok {
				t.Error("شينخوا not found")
			}
		}},
		{"longest match", "عقد اللقاء في مصر الجديدة.", func(t *testing.T, res Result) {
			if _, ok := entityByID(res, "country:eg"); ok {
				t.Error("مصر matched inside مصر الجديدة")
			}
			if _, ok := entityByID(res, "city:heliopolis"); !ok {
				t.Error("مصر الجديدة not found")
			}
		}},
		{"new person after a title", "استقبل الرئيس شي جين بينغ وزير الخارجية الروسي سيرغي لافروف في بكين.", func(t *testing.T, res Result) {
			e, ok := entityByID(res, "person:ar-سيرغي-لافروف")
			if !ok || e.Properties["provisional"] != true || e.Properties["country"] != "country:ru" {
				t.Fatalf("provisional person: %+v in %+v", e, res.Entities)
			}
			if n := len(relations(res, "MET_WITH")); n != 1 {
				t.Errorf("MET_WITH: %d", n)
			}
		}},
		{"title only resolves on the document date", "استقبل الرئيس شي جين بينغ اليوم وزير الخارجية التركي في بكين.", func(t *testing.T, res Result) {
			rs := relations(res, "MET_WITH")
			if len(rs) != 1 || rs[0].To != "person:hakan-fidan" && rs[0].From != "person:hakan-fidan" {
				t.Fatalf("MET_WITH: %+v", rs)
			}
			if rs[0].Properties["date"] != "2024-03-01" {
				t.Errorf("date %v", rs[0].Properties["date"])
			}
		}},
		{"planned meeting", "من المقرر أن يستقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 0 {
				t.Errorf("planned meeting gave %+v", rs)
			}
		}},
		{"future verb", "سيستقبل الرئيس شي جين بينغ الرئيس فلاديمير بوتين.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 0 {
				t.Errorf("future meeting gave %+v", rs)
			}
		}},
		{"phone call", "أجرى الرئيس شي جين بينغ اتصالا هاتفيا مع الرئيس فلاديمير بوتين بحثا خلاله العلاقات.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 0 {
				t.Errorf("phone call gave %+v", rs)
			}
		}},
		{"signing by the principals", "عقد الرئيس شي جين بينغ جلسة مباحثات مع الرئيس فلاديمير بوتين في قاعة الشعب الكبرى ببكين.\nوقع الرئيسان \"البيان المشترك بشأن تعزيز الشراكة\".",
			func(t *testing.T, res Result) {
				if rs := relations(res, "SIGNED"); len(rs) != 2 {
					t.Errorf("SIGNED: %+v", rs)
				}
				rs := relations(res, "MET_WITH")
				if len(rs) != 1 || rs[0].Properties["venue"] != "venue:great-hall" {
					t.Errorf("MET_WITH: %+v", rs)
				}
				if rs := relations(res, "LOCATED_IN"); len(rs) != 1 || rs[0].To != "city:beijing" {
					t.Errorf("LOCATED_IN: %+v", rs)
				}
			}},
		{"witness is no signatory", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوشهد الرئيس شي جين بينغ توقيع مذكرة تفاهم في مجال الطاقة، وقعها وزير الطاقة الروسي سيرغي تسيفيليف.",
			func(t *testing.T, res Result) {
				for _, r := range relations(res, "SIGNED") {
					if r.From == "person:xi-jinping" {
						t.Error("a witness signed")
					}
				}
				att := relations(res, "ATTENDED")
				if len(att) != 1 || att[0].From != "person:xi-jinping" {
					t.Errorf("ATTENDED: %+v", att)
				}
			}},
		{"one treaty in two forms", "وقعت الصين وروسيا على \"اتفاقية حسن الجوار والصداقة والتعاون\". وأرسى اتفاقية حسن الجوار والتعاون أساسا متينا.",
			func(t *testing.T, res Result) {
				n := 0
				for _, e := range res.Entities {
					if e.Type == "Treaty" {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%d treaties, want 1: %+v", n, res.Entities)
				}
				if rs := relations(res, "PARTY_TO"); len(rs) != 2 {
					t.Errorf("PARTY_TO: %+v", rs)
				}
			}},
		{"short name after the full name", "التقى هاكان فيدان الرئيس شي جين بينغ. وقال فيدان إن العلاقات جيدة.", func(t *testing.T, res Result) {
			e, _ := entityByID(res, "person:hakan-fidan")
			if !strings.Contains(strings.Join(e.Aliases, "|"), "فيدان") || len(e.Mentions) != 2 {
				t.Errorf("Fidan: %+v", e)
			}
		}},
		{"علي with ي is a name, على with ى is not", "استقبل الرئيس شي جين بينغ وزير الخارجية الروسي علي حسن في بكين.", func(t *testing.T, res Result) {
			if _, ok := entityByID(res, "person:ar-علي-حسن"); !ok {
				t.Errorf("علي حسن not found: %+v", res.Entities)
			}
		}},
		{"signers stand before the title", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nووقع الرئيسان \"معاهدة حسن الجوار\" في خطوة وصفها وزير الخارجية الروسي سيرغي لافروف بأنها تاريخية.",
			func(t *testing.T, res Result) {
				rs := relations(res, "SIGNED")
				if len(rs) != 2 {
					t.Fatalf("SIGNED: %+v", rs)
				}
				for _, r := range rs {
					if r.From == "person:ar-سيرغي-لافروف" {
						t.Error("a person named after the title signed")
					}
				}
			}},
		{"treaties between the same countries stay apart", "وقعت الصين وروسيا \"معاهدة الحدود البحرية بين الصين وروسيا\". وكانت معاهدة التجارة الحرة بين الصين وروسيا قد أبرمت من قبل.",
			func(t *testing.T, res Result) {
				n := 0
				for _, e := range res.Entities {
					if e.Type == "Treaty" {
						n++
					}
				}
				if n != 2 {
					t.Errorf("%d treaties, want 2", n)
				}
			}},
		{"a reference joins a third leader", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nوانضم وزير الخارجية التركي هاكان فيدان إلى الرئيسين في قمة ثلاثية.",
			func(t *testing.T, res Result) {
				pairs := map[string]bool{}
				for _, r := range relations(res, "MET_WITH") {
					a, b := r.From, r.To
					if b < a {
						a, b = b, a
					}
					pairs[a+" "+b] = true
				}
				if len(pairs) != 3 {
					t.Errorf("MET_WITH pairs: %v, want 3", pairs)
				}
			}},
		{"a verb with no subject has the sentence's subject", "واصل الرئيس شي جين بينغ لقاءاته اليوم، حيث التقى الرئيس فلاديمير بوتين.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 1 {
				t.Errorf("MET_WITH: %+v", rs)
			}
		}},
		{"كما التقى has the host of the last meeting", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nكما التقى وزير الخارجية التركي هاكان فيدان.", func(t *testing.T, res Result) {
			found := false
			for _, r := range relations(res, "MET_WITH") {
				found = found || r.From == "person:xi-jinping" && r.To == "person:hakan-fidan" || r.To == "person:xi-jinping" && r.From == "person:hakan-fidan"
			}
			if !found {
				t.Errorf("MET_WITH: %+v", relations(res, "MET_WITH"))
			}
		}},
		{"a light verb makes a definite noun a meeting", "عقد الرئيس شي جين بينغ والرئيس فلاديمير بوتين اليوم القمة السنوية في بكين.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 1 {
				t.Errorf("MET_WITH: %+v", rs)
			}
		}},
		{"a definite noun alone refers back", "وتناولت المباحثات بين الرئيس شي جين بينغ والرئيس فلاديمير بوتين التعاون.", func(t *testing.T, res Result) {
			if rs := relations(res, "MET_WITH"); len(rs) != 0 {
				t.Errorf("MET_WITH: %+v", rs)
			}
		}},
		{"dual witnesses are the leaders of the meeting", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين.\nثم شهدا توقيع مذكرة تفاهم في مجال الطاقة وقعها وزير الخارجية التركي هاكان فيدان.", func(t *testing.T, res Result) {
			if n := len(relations(res, "ATTENDED")); n != 2 {
				t.Errorf("ATTENDED: %+v", relations(res, "ATTENDED"))
			}
		}},
		{"a date after the document date dates no event", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين لبحث خطة التعاون حتى عام 2030.", func(t *testing.T, res Result) {
			rs := relations(res, "MET_WITH")
			if len(rs) != 1 || rs[0].Properties["date"] != "2024-03-01" {
				t.Errorf("MET_WITH: %+v", rs)
			}
		}},
		{"a surname after a title", "استقبل الرئيس شي جين بينغ وزير الخارجية الروسي سيرغي لافروف.\nوقال الوزير لافروف عزما على التعاون.", func(t *testing.T, res Result) {
			for _, e := range res.Entities {
				if e.Type == "Person" && strings.Contains(e.ID, "عزما") {
					t.Errorf("name ran into a verb: %s", e.ID)
				}
			}
		}},
		{"stop words never start a name", "استقبل الرئيس شي جين بينغ وفدا يضم عددا من الوزراء.", func(t *testing.T, res Result) {
			for _, e := range res.Entities {
				if e.Type == "Person" && e.ID != "person:xi-jinping" {
					t.Errorf("unexpected person %s", e.ID)
				}
			}
		}},
		{"Moroccan month names", "التقى الرئيس شي جين بينغ الرئيس فلاديمير بوتين في 27 نونبر 2023.", func(t *testing.T, res Result) {
			rs := relations(res, "MET_WITH")
			if len(rs) != 1 || rs[0].Properties["date"] != "2023-11-27" {
				t.Errorf("MET_WITH: %+v", rs)
			}
		}},
		{"a bare name never takes the article of a feminine noun", "التقى الرئيس شي جين بينغ وزير المالية الروسي في ماليه.\nوأكد أن السياسة المالية مستقرة.", func(t *testing.T, res Result) {
			e, ok := entityByID(res, "city:male")
			if !ok || len(e.Mentions) != 1 {
				t.Errorf("Malé: %+v", e)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := x.extract(document.Document{ID: "t", Date: "2024-03-01", Text: tc.text})
			tc.check(t, res)
			for _, r := range res.Relations {
				if r.Evidence.Text == "" || r.Rule == "" {
					t.Errorf("relation without provenance: %+v", r)
				}
			}
		})
	}
}

package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"
)

// FuzzExtract feeds arbitrary text to the extractor: it must not panic, must
// terminate, and every offset must lie inside the text.
func FuzzExtract(f *testing.F) {
	x := unitExtractor(f)
	for _, s := range []string{
		"استقبل الرئيس شي جين بينغ وزير الخارجية التركي في بكين.",
		"وقع الرئيسان \"البيان المشترك بشأن",
		"«اتفاقية» \"\" للل وال بال . . ؟ \n\n و",
		"من جانبه، قال بحضور كل من و و و ،،،",
		"سيستقبل 2025/13/45 أمس اليوم",
		"Maky Sall of Senegal, Joe Biden (United States) and Xi (China",
		"Kazakhstan Kassym-Joomart Tokayev, Uzbekistan Shavkat Mirziyoyev; from Chile, A B",
		"signed by the Minister of Education, Science, and Technology, Hugbel Roa, Kenya's Ambassador to",
		"Director General (South Asia) Rashid Alam Khan and Indo-Pacific Security Affairs David",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		res := x.extract(document.Document{ID: "f", Text: text})
		n := utf8.RuneCountInString(text)
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start > m.End {
					t.Fatalf("mention %+v outside text of %d runes", m, n)
				}
			}
		}
		for _, r := range res.Relations {
			if r.Evidence.Start < 0 || r.Evidence.End > n {
				t.Fatalf("evidence %+v outside text of %d runes", r.Evidence, n)
			}
		}
	})
}

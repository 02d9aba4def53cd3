package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/schema"
)

// withRoles builds an extractor of the default schema whose pack lang has
// the scorers roles instead of its own, keeping the candidates when keep.
func withRoles(t *testing.T, lang string, roles map[string]schema.RoleWeights, keep bool) *Extractor {
	t.Helper()
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	s2 := *s
	s2.Languages = map[string]*schema.LangPack{}
	for code, p := range s.Languages {
		s2.Languages[code] = p
	}
	p := *s.Languages[lang]
	p.Roles = roles
	s2.Languages[lang] = &p
	x, err := New(&s2, Options{Lang: lang, Candidates: keep})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// A summit the frames read, whose participants are named as its speakers,
// which no frame reads: the persons are found, the frames state nothing of
// them.
const learnedSummit = `انطلقت اليوم في الجزائر أعمال القمة العربية الحادية والثلاثين.
وألقى كلمة في الجلسة الافتتاحية كل من الرئيس التونسي قيس سعيد والرئيس الموريتاني محمد ولد الشيخ الغزواني.`

// The same participants, announced: a summit to come states nothing.
const learnedPlanned = `تنطلق غدا في الجزائر أعمال القمة العربية الحادية والثلاثين.
ومن المقرر أن يلقي كلمة في الجلسة الافتتاحية كل من الرئيس التونسي قيس سعيد والرئيس الموريتاني محمد ولد الشيخ الغزواني.`

// A list of participants a line each, after a sentence naming the summit
// that ends with a colon: every line is read with the summit.
const learnedList = `انطلقت اليوم في الجزائر أعمال القمة العربية الحادية والثلاثين، ويحضرها:
الرئيس التونسي قيس سعيد
الرئيس الموريتاني محمد ولد الشيخ الغزواني`

func learnedFacts(res Result) []string {
	var out []string
	for _, r := range res.Relations {
		if strings.Contains(r.Rule, ".learned.") {
			out = append(out, r.Type+" "+r.From)
		}
	}
	return out
}

// TestLearnedScorer checks the scorers' machinery with models that accept
// or refuse every candidate: what they may state (an attendance at a
// summit, of persons the frames stated nothing of), and what they never
// state whatever the weights (in a sentence that announces the event).
func TestLearnedScorer(t *testing.T) {
	doc := func(text string) document.Document {
		return document.Document{ID: "t", Lang: "ar", Date: "2022-11-01", Text: text}
	}
	all := withRoles(t, "ar", map[string]schema.RoleWeights{"ATTENDED": {Threshold: 0.5, Bias: 20}}, false)
	none := withRoles(t, "ar", map[string]schema.RoleWeights{"ATTENDED": {Threshold: 0.5, Bias: -20}}, false)
	off := withRoles(t, "ar", nil, false)

	got := learnedFacts(all.extract(doc(learnedSummit)))
	want := []string{"ATTENDED person:kais-saied", "ATTENDED person:mohamed-ould-ghazouani"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("accept-all scorer on a summit: got %q, want %q", got, want)
	}
	for _, r := range all.extract(doc(learnedSummit)).Relations {
		if strings.Contains(r.Rule, ".learned.") && (r.Properties["date"] != "2022-11-01" || !strings.HasPrefix(r.To, "event:")) {
			t.Errorf("%s %s -> %s %v: want the summit's event and date", r.Type, r.From, r.To, r.Properties)
		}
	}
	if got := learnedFacts(none.extract(doc(learnedSummit))); len(got) != 0 {
		t.Errorf("refuse-all scorer stated %q", got)
	}
	if got := learnedFacts(off.extract(doc(learnedSummit))); len(got) != 0 {
		t.Errorf("a pack with no scorer stated %q", got)
	}
	if got := learnedFacts(all.extract(doc(learnedList))); !reflect.DeepEqual(got, want) {
		t.Errorf("accept-all scorer on a list after a colon: got %q, want %q", got, want)
	}
	noColon := strings.Replace(learnedList, "ويحضرها:", "ويحضرها عدد من القادة.", 1)
	if got := learnedFacts(all.extract(doc(noColon))); len(got) != 0 {
		t.Errorf("accept-all scorer on lines no colon introduces stated %q", got)
	}
	if got := learnedFacts(all.extract(doc(learnedPlanned))); len(got) != 0 {
		t.Errorf("accept-all scorer on an announced summit stated %q", got)
	}
}

// TestCandidatesChangeNothing checks that keeping the candidates (for
// training) changes no entity and no relation of any fixture or scenario,
// and that every feature is of a template the schema declares, so that a
// model trained on them loads.
func TestCandidatesChangeNothing(t *testing.T) {
	plain := defaultExtractor(t)
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	keep, err := New(s, Options{Candidates: true})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, tmpl := range schema.RoleTemplates {
		known[tmpl] = true
	}
	seen, features := map[string]bool{}, 0
	for _, f := range fixtureAndScenarioTexts(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := document.Document{ID: filepath.Base(f), Lang: "ar", Date: "2026-01-15", Text: string(b)}
		a, k := plain.extract(d), keep.extract(d)
		if !reflect.DeepEqual(a.Entities, k.Entities) || !reflect.DeepEqual(a.Relations, k.Relations) {
			t.Errorf("%s: the result differs when the candidates are kept", f)
		}
		for _, c := range k.Candidates {
			for _, feat := range c.Features {
				features++
				tmpl := schema.RoleTemplate(feat)
				seen[tmpl] = true
				if !known[tmpl] {
					t.Errorf("%s: feature %q of an undeclared template", f, feat)
				}
			}
		}
	}
	if features == 0 {
		t.Fatal("no candidate feature computed")
	}
	for _, tmpl := range schema.RoleTemplates {
		if !seen[tmpl] {
			t.Logf("template %s not seen in the fixtures", tmpl)
		}
	}
}

// TestExplainLearned checks that Explain states what Extract states,
// learned facts included, and writes each candidate the scorers decided
// with its probability.
func TestExplainLearned(t *testing.T) {
	x := withRoles(t, "ar", map[string]schema.RoleWeights{"ATTENDED": {Threshold: 0.5, Bias: 20}}, false)
	d := document.Document{ID: "t", Lang: "ar", Date: "2022-11-01", Text: learnedSummit}
	var w bytes.Buffer
	got, want := x.Explain(d, &w), x.extract(d)
	if !reflect.DeepEqual(got.Relations, want.Relations) {
		t.Errorf("Explain stated %d relations, Extract %d", len(got.Relations), len(want.Relations))
	}
	for _, line := range []string{"learned #1 ATTENDED Kais Saied -> ", "p=1.0000 (threshold 0.50), stated"} {
		if !strings.Contains(w.String(), line) {
			t.Errorf("the explanation lacks %q:\n%s", line, w.String())
		}
	}
}

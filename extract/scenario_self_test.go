package extract

import (
	"strings"
	"testing"
)

// These tests check the scenario harness itself: that it reads the format,
// and that a wrong expectation fails.

// harnessResult is a made-up extraction: Xi met Putin, Wang Yi attended, Xi
// signed a joint statement.
func harnessResult() Result {
	ev := "event:meeting:2026-05-20:person:vladimir-putin+person:xi-jinping"
	return Result{
		Entities: []Entity{
			{ID: "person:xi-jinping", Type: "Person", Name: "Xi Jinping", Aliases: []string{"شي جينبينغ"}, Mentions: []Span{{Text: "شي جينبينغ"}}},
			{ID: "person:vladimir-putin", Type: "Person", Name: "Vladimir Putin", Mentions: []Span{{Text: "فلاديمير بوتين"}}},
			{ID: "person:wang-yi", Type: "Person", Name: "Wang Yi", Mentions: []Span{{Text: "وانغ يي"}}},
			{ID: "person:ar-سالم-الحربي", Type: "Person", Name: "الدكتور سالم الحربي", Mentions: []Span{{Text: "الدكتور سالم الحربي"}}},
			{ID: "treaty:ar-بيان", Type: "Treaty", Name: "البيان المشترك", Mentions: []Span{{Text: "البيان المشترك"}}},
			{ID: "venue:great-hall", Type: "Venue", Name: "Great Hall of the People", Mentions: []Span{{Text: "قاعة الشعب الكبرى"}}},
			{ID: ev, Type: "Event", Name: "meeting", Properties: map[string]any{"kind": "meeting", "date": "2026-05-20"}},
		},
		Relations: []Relation{
			{Type: "MET_WITH", From: "person:xi-jinping", To: "person:vladimir-putin", Properties: map[string]any{"date": "2026-05-20", "event": ev, "venue": "venue:great-hall"}, Rule: "ar.met_with.received"},
			{Type: "ATTENDED", From: "person:wang-yi", To: ev, Properties: map[string]any{"event": ev}, Rule: "ar.attended.presence"},
			{Type: "SIGNED", From: "person:xi-jinping", To: "treaty:ar-بيان", Properties: map[string]any{"date": "2026-05-20"}, Rule: "ar.signed.signed"},
			{Type: "HOLDS_OFFICE", From: "person:xi-jinping", To: "country:cn", Rule: "ar.title"},
		},
	}
}

func mustScenario(t *testing.T, facts string, partial bool) scenario {
	t.Helper()
	head := "# a test\ndate: 2026-05-20\n"
	if partial {
		head += "partial\n"
	}
	sc, err := parseScenario("self", head+"\nنص.\n----\n"+facts)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestScenarioHarness(t *testing.T) {
	const right = "MET_WITH Vladimir Putin | Xi Jinping @2026-05-20\nATTENDED Wang Yi @2026-05-20\nSIGNED شي جينبينغ -> البيان المشترك\n"
	tests := []struct {
		name    string
		facts   string
		partial bool
		want    []string // substrings of the problems, in order; none when empty
	}{
		{"right facts pass", right, false, nil},
		{"a NOT fact absent passes", right + "NOT MET_WITH Wang Yi | *\nNOT ENTITY Person سالم الحربي\n", false, nil},
		{"an optional fact absent passes", right + "OPTIONAL MET_WITH Wang Yi | Xi Jinping\n", false, nil},
		{"a wrong meeting fails", "MET_WITH Wang Yi | Vladimir Putin\nATTENDED Wang Yi\nSIGNED Xi Jinping -> البيان المشترك\n", false,
			[]string{"missing: MET_WITH Wang Yi | Vladimir Putin", "unexpected: MET_WITH Xi Jinping (شي جينبينغ) | Vladimir Putin (فلاديمير بوتين) @2026-05-20   [ar.met_with.received]"}},
		{"a right venue passes", "MET_WITH Xi Jinping | Vladimir Putin @2026-05-20 at:Great Hall of the People\nATTENDED Wang Yi\nSIGNED Xi Jinping -> البيان المشترك\n", false, nil},
		{"a wrong venue fails", "MET_WITH Xi Jinping | Vladimir Putin at:Kremlin\nATTENDED Wang Yi\nSIGNED Xi Jinping -> البيان المشترك\n", false,
			[]string{"wrong date or venue: MET_WITH Xi Jinping | Vladimir Putin at:Kremlin (found @2026-05-20 at:Great Hall of the People (قاعة الشعب الكبرى))"}},
		{"a wrong date fails", "MET_WITH Xi Jinping | Vladimir Putin @2026-05-21\nATTENDED Wang Yi\nSIGNED Xi Jinping -> البيان المشترك\n", false,
			[]string{"wrong date: MET_WITH Xi Jinping | Vladimir Putin @2026-05-21 (found @2026-05-20)"}},
		{"the event's date counts for an attendance", "MET_WITH Xi Jinping | Vladimir Putin\nATTENDED Wang Yi @2026-05-19\nSIGNED Xi Jinping -> البيان المشترك\n", false,
			[]string{"wrong date: ATTENDED Wang Yi @2026-05-19 (found @2026-05-20)"}},
		{"a NOT fact found fails", right + "NOT SIGNED Xi Jinping -> *\n", false, []string{"found though NOT: SIGNED"}},
		{"an unnamed fact is unexpected", "MET_WITH Xi Jinping | Vladimir Putin\n", false, []string{"unexpected: ATTENDED Wang Yi (وانغ يي) -> <meeting> @2026-05-20", "unexpected: SIGNED"}},
		{"partial allows other facts", "MET_WITH Xi Jinping | Vladimir Putin\n", true, nil},
		{"partial still wants its facts", "MET_WITH Xi Jinping | Wang Yi\n", true, []string{"missing: MET_WITH Xi Jinping | Wang Yi"}},
		{"an entity is named without its honorific", right + "ENTITY Person سالم الحربي\n", false, []string{"missing: ENTITY Person سالم الحربي (Person entities:"}},
		{"an entity found by its canonical name", right + "ENTITY Person Xi Jinping\nENTITY Treaty البيان المشترك\n", false, nil},
		{"NOT ENTITY matches a mention", right + "NOT ENTITY Person الدكتور سالم الحربي\n", false, []string{"found though NOT: Person"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			probs := checkScenario(mustScenario(t, tc.facts, tc.partial), harnessResult())
			if len(probs) != len(tc.want) {
				t.Fatalf("%d problems, want %d:\n%s", len(probs), len(tc.want), strings.Join(probs, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(probs[i], w) {
					t.Errorf("problem %d is %q, want it to contain %q", i, probs[i], w)
				}
			}
		})
	}
}

// TestScenarioWrongExpectation runs the real extractor with an expectation no
// text could satisfy: the harness must report it, whatever the engine reads.
func TestScenarioWrongExpectation(t *testing.T) {
	x := defaultExtractor(t)
	sc, err := parseScenario("wrong", "date: 2026-05-20\n\nاستقبل الرئيس الصيني شي جينبينغ اليوم في بكين الرئيس الروسي فلاديمير بوتين.\n----\nMET_WITH Narendra Modi | Kais Saied @2026-05-20\n")
	if err != nil {
		t.Fatal(err)
	}
	res := runScenario(x, sc)
	probs := checkScenario(sc, res)
	if len(probs) == 0 || !strings.Contains(probs[0], "missing: MET_WITH Narendra Modi | Kais Saied") {
		t.Fatalf("a wrong expectation passed: %q", probs)
	}
	if r := scenarioReport(x, sc, res, probs); !strings.Contains(r, "wrong.txt") || !strings.Contains(r, "relations found:") {
		t.Errorf("the report names neither the file nor the relations found:\n%s", r)
	}
}

func TestParseScenarioErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no date", "# x\n\nنص\n----\n", "self.txt:1: the header gives no date:"},
		{"bad date", "date: 20-5-2026\n\nنص\n----\n", "self.txt:1: date \"20-5-2026\" is not YYYY-MM-DD"},
		{"no separator", "date: 2026-05-20\n\nنص\n", "no separator line"},
		{"unknown fact", "date: 2026-05-20\n\nنص\n----\nMET X | Y\n", "self.txt:5: \"MET X | Y\": want MET_WITH"},
		{"one end", "date: 2026-05-20\n\nنص\n----\nMET_WITH X\n", "self.txt:5: \"MET_WITH X\": MET_WITH needs two ends joined by \"|\""},
		{"a star asserted", "date: 2026-05-20\n\nنص\n----\nMET_WITH X | *\n", "only for NOT facts"},
		{"a bad fact date", "date: 2026-05-20\n\nنص\n----\nATTENDED X @May\n", "date \"May\" is not YYYY-MM-DD"},
		{"an unknown entity type", "date: 2026-05-20\n\nنص\n----\nENTITY Human X\n", "unknown entity type \"Human\""},
		{"a stray header line", "date: 2026-05-20\nfoo\n\nنص\n----\n", "self.txt:2: header line \"foo\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseScenario("self", tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

package extract

import (
	"errors"
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/schema"
)

func defaultSet(t *testing.T, opts Options) *Set {
	t.Helper()
	s, err := schema.Default()
	if err != nil {
		t.Skipf("built-in schema does not load (its own tests report why): %v", err)
	}
	set, err := NewSet(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestSetLang(t *testing.T) {
	set := defaultSet(t, Options{})
	tests := []struct {
		name, lang, text, want string
	}{
		{"given language wins", "ar", "President Xi Jinping met Vladimir Putin.", "ar"},
		{"arabic script", "", "استقبل الرئيس شي جين بينغ الرئيس بوتين.", "ar"},
		{"latin script", "", "President Xi Jinping met Vladimir Putin.", "en"},
		{"mostly latin with an arabic name", "", "Minister Sameh Shoukry (سامح شكري) met his counterpart in Cairo on Monday.", "en"},
		{"no letters falls back", "", "2026-05-20 — 12:30", "ar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Lang(document.Document{Lang: tt.lang, Text: tt.text}); got != tt.want {
				t.Errorf("Lang = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSetLangFlag(t *testing.T) {
	set := defaultSet(t, Options{Lang: "en"})
	if got := set.Lang(document.Document{Text: "استقبل الرئيس الضيف."}); got != "en" {
		t.Errorf("with Options.Lang en, Lang = %q, want en", got)
	}
}

func TestSetExtractReadsEachLanguage(t *testing.T) {
	set := defaultSet(t, Options{})
	docs := []document.Document{
		{ID: "ar", Date: "2026-05-20", Text: "استقبل الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ اليوم."},
		{ID: "en", Date: "2026-05-20", Text: "Russian President Vladimir Putin received Chinese President Xi Jinping today."},
	}
	for _, d := range docs {
		res, err := set.Extract(d)
		if err != nil {
			t.Fatal(err)
		}
		if res.Document.Lang != d.ID {
			t.Errorf("%s: document lang %q", d.ID, res.Document.Lang)
		}
		found := false
		for _, r := range res.Relations {
			if r.Type == "MET_WITH" && (r.From == "person:vladimir-putin" && r.To == "person:xi-jinping" || r.From == "person:xi-jinping" && r.To == "person:vladimir-putin") {
				found = true
				if want := d.ID + ".met_with.received"; r.Rule != want {
					t.Errorf("%s: rule %q, want %q", d.ID, r.Rule, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no MET_WITH between the same two gazetteer persons: %v", d.ID, res.Relations)
		}
	}
}

func TestSetUnknownLanguage(t *testing.T) {
	set := defaultSet(t, Options{})
	_, err := set.Extract(document.Document{ID: "x", Lang: "fr", Text: "Le président a reçu son homologue."})
	if !errors.Is(err, ErrNoPack) {
		t.Fatalf("err = %v, want ErrNoPack", err)
	}
	s, _ := schema.Default()
	if _, err := NewSet(s, Options{Lang: "fr"}); !errors.Is(err, ErrNoPack) {
		t.Fatalf("NewSet with Lang fr: err = %v, want ErrNoPack", err)
	}
}

func TestEnglishProvisionalKey(t *testing.T) {
	set := defaultSet(t, Options{})
	res, err := set.Extract(document.Document{ID: "k", Date: "2026-03-10",
		Text: "President Cyril Ramaphosa received the new Omani Ambassador Salim Harith Albusaidi on Tuesday."})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := entityByID(res, "person:salim-harith-albusaidi"); !ok {
		t.Errorf("no person:salim-harith-albusaidi (a key without ar-): %v", res.Entities)
	}
}

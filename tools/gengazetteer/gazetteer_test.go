package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/schema"
)

// gazetteerDir is the default gazetteer, relative to this package.
const gazetteerDir = "../../schema/default/gazetteer"

// gazetteerFiles are the default gazetteer files and the entry type each holds.
var gazetteerFiles = map[string]string{
	"countries.yaml":       schema.Country,
	"cities.yaml":          schema.City,
	"organizations.yaml":   schema.Organization,
	"persons.yaml":         schema.Person,
	"persons-world.yaml":   schema.Person,
	"persons-leaders.yaml": schema.Person,
	"venues.yaml":          schema.Venue,
}

// minCounts are the least numbers of entries per type the default gazetteer
// must keep.
var minCounts = map[string]int{
	schema.Country:      195,
	schema.City:         195,
	schema.Organization: 70,
	schema.Person:       320,
	schema.Venue:        40,
}

var (
	idPattern  = regexp.MustCompile(`^(person|country|city|venue|org):[a-z0-9]+(-[a-z0-9]+)*$`)
	qidPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	// clitics are the one-letter proclitics (و ف ب ل ك) and لل; a name that
	// starts with one of them and also exists without it is a clitic form.
	clitics = []string{"لل", "و", "ف", "ب", "ل", "ك"}
)

// idPrefix maps an entry type to the kind prefix of its ids.
var idPrefix = map[string]string{
	schema.Person:       "person",
	schema.Country:      "country",
	schema.City:         "city",
	schema.Venue:        "venue",
	schema.Organization: "org",
}

// loadFile decodes one gazetteer file strictly into a schema.File.
func loadFile(t *testing.T, path string) schema.File {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f schema.File
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

// loadGazetteer loads every default gazetteer file and returns all entries.
func loadGazetteer(t *testing.T) []schema.Entry {
	t.Helper()
	var all []schema.Entry
	for name, typ := range gazetteerFiles {
		f := loadFile(t, filepath.Join(gazetteerDir, name))
		if f.Version != 1 {
			t.Errorf("%s: version %d, want 1", name, f.Version)
		}
		if f.Source == "" {
			t.Errorf("%s: no source", name)
		}
		if len(f.Nodes)+len(f.Relationships)+len(f.Languages) > 0 {
			t.Errorf("%s: a gazetteer file holds only gazetteer entries", name)
		}
		for _, e := range f.Gazetteer {
			if e.Type != typ {
				t.Errorf("%s: %s has type %q, want %q", name, e.ID, e.Type, typ)
			}
		}
		all = append(all, f.Gazetteer...)
	}
	return all
}

// normalize folds an Arabic alias the way the extractor does before matching:
// no diacritics or tatweel, one alef, ى as ي, ة as ه, single spaces.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
			continue
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(strings.ToLower(b.String())), " ")
}

// validDate reports whether s is an ISO date: YYYY, YYYY-MM or YYYY-MM-DD.
func validDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// aliases returns every name of an entry that the extractor matches: names,
// short forms, abbreviations and adjectives, in every language.
func aliases(e schema.Entry) []string {
	var out []string
	for _, m := range []map[string][]string{e.Names, e.Short, e.Adjectives} {
		for _, l := range m {
			out = append(out, l...)
		}
	}
	return append(out, e.Abbreviations...)
}

func TestGazetteer(t *testing.T) {
	entries := loadGazetteer(t)
	byID := map[string]schema.Entry{}
	counts := map[string]int{}
	for _, e := range entries {
		if !idPattern.MatchString(e.ID) {
			t.Errorf("%s: id is not <kind>:<lower-case slug>", e.ID)
		} else if p := idPrefix[e.Type]; !strings.HasPrefix(e.ID, p+":") {
			t.Errorf("%s: a %s id starts with %q", e.ID, e.Type, p+":")
		}
		if _, dup := byID[e.ID]; dup {
			t.Errorf("%s: duplicate id", e.ID)
		}
		byID[e.ID] = e
		counts[e.Type]++
	}
	for typ, min := range minCounts {
		if counts[typ] < min {
			t.Errorf("%d %s entries, want at least %d", counts[typ], typ, min)
		}
	}
	ref := func(e schema.Entry, field, id, typ string) {
		if id == "" {
			return
		}
		if r, ok := byID[id]; !ok {
			t.Errorf("%s: %s %q does not exist", e.ID, field, id)
		} else if r.Type != typ {
			t.Errorf("%s: %s %q is a %s, want a %s", e.ID, field, id, r.Type, typ)
		}
	}
	for _, e := range entries {
		checkEntry(t, e)
		ref(e, "country", e.Country, schema.Country)
		ref(e, "city", e.City, schema.City)
		ref(e, "capital", e.Capital, schema.City)
		for _, o := range e.Offices {
			ref(e, "office country", o.Country, schema.Country)
			ref(e, "office org", o.Org, schema.Organization)
		}
	}
	checkAliases(t, entries)
}

// checkEntry checks the fields one entry needs for its type.
func checkEntry(t *testing.T, e schema.Entry) {
	t.Helper()
	if e.Name == "" {
		t.Errorf("%s: no name", e.ID)
	}
	if len(e.Names["ar"]) == 0 {
		t.Errorf("%s: no Arabic name", e.ID)
	}
	if len(e.Names["en"]) == 0 {
		t.Errorf("%s: no English name", e.ID)
	}
	if e.Wikidata != "" && !qidPattern.MatchString(e.Wikidata) {
		t.Errorf("%s: wikidata %q is not a QID", e.ID, e.Wikidata)
	}
	for _, a := range aliases(e) {
		if strings.TrimSpace(a) != a || a == "" {
			t.Errorf("%s: alias %q is empty or has outer spaces", e.ID, a)
		}
	}
	switch e.Type {
	case schema.Country:
		if len(e.ISO2) != 2 || strings.ToLower(e.ISO2) != strings.TrimPrefix(e.ID, "country:") {
			t.Errorf("%s: iso2 %q does not match the id", e.ID, e.ISO2)
		}
		if len(e.Adjectives["ar"]) == 0 {
			t.Errorf("%s: no Arabic adjectives", e.ID)
		}
	case schema.City:
		if e.Country == "" {
			t.Errorf("%s: city without country", e.ID)
		}
	case schema.Venue:
		if e.City == "" {
			t.Errorf("%s: venue without city", e.ID)
		}
	case schema.Person:
		if e.Country == "" {
			t.Errorf("%s: person without country", e.ID)
		}
		// A person may hold no office (a leader's spouse); offices held
		// must be well formed.
		for i, o := range e.Offices {
			where := fmt.Sprintf("%s: office %d (%s)", e.ID, i, o.Role)
			if o.Role == "" {
				t.Errorf("%s: no role", where)
			}
			if (o.Country == "") == (o.Org == "") {
				t.Errorf("%s: needs exactly one of country and org", where)
			}
			if !validDate(o.Start) {
				t.Errorf("%s: start %q is not an ISO date", where, o.Start)
			}
			if o.End != "" && !validDate(o.End) {
				t.Errorf("%s: end %q is not an ISO date", where, o.End)
			}
			if o.End != "" && o.End < o.Start {
				t.Errorf("%s: ends %s before it starts %s", where, o.End, o.Start)
			}
			if !roles[o.Role] {
				t.Errorf("%s: role %q is not a canonical role", where, o.Role)
			}
		}
	}
}

// roles is the small, fixed set of canonical office names.
var roles = map[string]bool{
	"President": true, "Vice President": true, "Prime Minister": true,
	"Deputy Prime Minister": true, "Foreign Minister": true,
	"Deputy Foreign Minister": true, "Defence Minister": true, "Minister": true,
	"King": true, "Queen": true, "Emperor": true, "Crown Prince": true,
	"Emir": true, "Sultan": true, "Pope": true, "Supreme Leader": true,
	"Chancellor": true, "General Secretary": true, "Secretary": true,
	"Secretary-General": true, "Chairman": true, "Speaker": true,
	"High Representative": true, "Special Coordinator": true, "Director": true, "Adviser": true,
	"Spokesperson": true, "Ambassador": true, "Envoy": true, "Commander": true,
	"Governor": true, "Leader": true,
}

// checkAliases fails on an alias shared by two entries of the same type unless
// both are marked ambiguous, on a name listed twice in one entry, and on
// clitic-prefixed forms of a name the same entry already lists.
func checkAliases(t *testing.T, entries []schema.Entry) {
	t.Helper()
	type owner struct {
		id        string
		ambiguous bool
	}
	seen := map[string]owner{}
	for _, e := range entries {
		own := map[string]bool{}
		for _, a := range aliases(e) {
			n := normalize(a)
			if own[n] {
				// The same name as a name and an adjective (السعودية) is fine
				// only across fields; within a list it is a slip.
				continue
			}
			own[n] = true
			key := e.Type + "\x00" + n
			if o, ok := seen[key]; ok && !(o.ambiguous && e.Ambiguous) {
				t.Errorf("%s and %s share the %s alias %q; mark both ambiguous or drop one", o.id, e.ID, e.Type, a)
			} else if !ok {
				seen[key] = owner{e.ID, e.Ambiguous}
			}
		}
		for _, l := range e.Names {
			checkList(t, e.ID, l)
		}
		for _, l := range e.Short {
			checkList(t, e.ID, l)
		}
		for _, l := range e.Adjectives {
			checkList(t, e.ID, l)
		}
		for a := range own {
			for _, c := range clitics {
				if strings.HasPrefix(a, c) && own[strings.TrimPrefix(a, c)] && !strings.HasPrefix(a, "ال") {
					t.Errorf("%s: %q looks like a clitic form of %q", e.ID, a, strings.TrimPrefix(a, c))
				}
			}
		}
	}
}

// checkList fails on a name listed twice in one list after normalisation.
func checkList(t *testing.T, id string, l []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, a := range l {
		n := normalize(a)
		if seen[n] {
			t.Errorf("%s: %q is listed twice", id, a)
		}
		seen[n] = true
	}
}

// TestNormalizeAndDates keeps the helpers honest, so the checks above can fail.
func TestNormalizeAndDates(t *testing.T) {
	for in, want := range map[string]string{
		"أحمد":     "احمد",
		"إردوغان":  "اردوغان",
		"شى":       "شي",
		"الجزيرة":  "الجزيره",
		"مُحَمَّد": "محمد",
		"عـــمان":  "عمان",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"2024-05-07": true, "2024-05": true, "2024": true,
		"2024-13": false, "2024-02-30": false, "24-05-07": false, "": false,
	} {
		if got := validDate(in); got != want {
			t.Errorf("validDate(%q) = %v, want %v", in, got, want)
		}
	}
}

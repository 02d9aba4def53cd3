package gen

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// lexicon is what the generator takes from the schema: the Arabic language
// pack's words and the gazetteer's entries, grouped for drawing.
type lexicon struct {
	met          map[string][]trigger // MET_WITH triggers by the template pattern they fit
	signed       []trigger
	presence     []trigger // attendance
	witness      []trigger // witnessing a signing
	visit        []trigger
	titles       map[string][]string // title phrases by role
	principal    []string            // roles of heads of state or government, sorted
	minor        []string            // other roles, sorted
	honorifics   []string
	treatyNouns  []schema.TreatyNoun
	venueNouns   []string
	signingNouns []string
	modality     []string
	speaker      []string
	dates        schema.DateWords
	dateNext     []string
	countries    []*country // countries with a known capital, by id
	venues       map[string][]*schema.Entry
}

// country is a gazetteer country with what the generator needs about it.
type country struct {
	e       *schema.Entry
	capital *schema.Entry
	leaders []*schema.Entry // gazetteer persons with an office of this country
	pool    []*person       // generated officials, built once per corpus
}

// trigger is a frame of the language pack with its phrases, as the templates
// use them.
type trigger struct {
	ID      string
	Phrases []string
}

func newLexicon(s *schema.Schema, t *templates) (*lexicon, error) {
	lang, ok := s.Lang("ar")
	if !ok {
		return nil, fmt.Errorf("schema has no Arabic language pack")
	}
	lx := &lexicon{
		met:          map[string][]trigger{},
		titles:       map[string][]string{},
		treatyNouns:  lang.TreatyNouns,
		venueNouns:   lang.VenueNouns,
		signingNouns: lang.Events["signing_ceremony"],
		modality:     lang.Modality,
		speaker:      lang.References["speaker"],
		dates:        lang.Dates,
		dateNext:     lang.Words["date_next"],
		venues:       map[string][]*schema.Entry{},
	}
	byID := map[string]trigger{}
	for _, f := range lang.Frames {
		byID[f.ID] = trigger{ID: f.ID, Phrases: slices.Concat(f.Verbs, f.Phrases, f.Nouns)}
	}
	// The templates name the frames each of their patterns draws phrases from.
	for pattern, ids := range t.Frames {
		for _, id := range ids {
			tr, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("templates/ar.yaml: frames.%s: the language pack has no frame %q", pattern, id)
			}
			switch pattern {
			case "signed":
				lx.signed = append(lx.signed, tr)
			case "witness":
				lx.witness = append(lx.witness, tr)
			case "presence":
				lx.presence = append(lx.presence, tr)
			case "visit":
				lx.visit = append(lx.visit, tr)
			default:
				lx.met[pattern] = append(lx.met[pattern], tr)
			}
		}
	}
	principal := map[string]bool{}
	for _, t := range lang.Titles {
		lx.titles[t.Role] = append(lx.titles[t.Role], t.Phrase)
		if t.Principal {
			principal[t.Role] = true
		}
	}
	for role := range lx.titles {
		if principal[role] {
			lx.principal = append(lx.principal, role)
		} else {
			lx.minor = append(lx.minor, role)
		}
	}
	// Honorifics that contain a title (السيد الرئيس) would name a second office.
	single := map[string]bool{}
	for _, t := range lang.Titles {
		if !strings.Contains(t.Phrase, " ") {
			single[t.Phrase] = true
		}
	}
	lx.honorifics = nil
	for _, h := range lang.Words["honorifics"] {
		if !slices.ContainsFunc(strings.Fields(h), func(w string) bool { return single[w] }) {
			lx.honorifics = append(lx.honorifics, h)
		}
	}
	sort.Strings(lx.principal)
	sort.Strings(lx.minor)

	cities := map[string]*schema.Entry{}
	persons := map[string][]*schema.Entry{}
	for i := range s.Gazetteer {
		e := &s.Gazetteer[i]
		switch e.Type {
		case schema.City:
			cities[e.ID] = e
		case schema.Venue:
			if len(e.Names["ar"]) > 0 {
				lx.venues[e.City] = append(lx.venues[e.City], e)
			}
		case schema.Person:
			if len(e.Names["ar"]) == 0 {
				continue
			}
			seen := map[string]bool{}
			for _, o := range e.Offices {
				if o.Country != "" && !seen[o.Country] {
					seen[o.Country] = true
					persons[o.Country] = append(persons[o.Country], e)
				}
			}
		}
	}
	for i := range s.Gazetteer {
		e := &s.Gazetteer[i]
		if e.Type != schema.Country || len(e.Names["ar"]) == 0 || len(e.Adjectives["ar"]) == 0 {
			continue
		}
		capital := cities[e.Capital]
		if capital == nil || len(capital.Names["ar"]) == 0 {
			continue
		}
		lx.countries = append(lx.countries, &country{e: e, capital: capital, leaders: persons[e.ID]})
	}
	var missing []string
	for name, n := range map[string]int{
		"MET_WITH subject_object triggers": len(lx.met["subject_object"]), "MET_WITH with triggers": len(lx.met["with"]),
		"MET_WITH noun triggers": len(lx.met["noun"]), "SIGNED triggers": len(lx.signed),
		"ATTENDED list triggers": len(lx.presence), "ATTENDED witness triggers": len(lx.witness),
		"VISITED triggers": len(lx.visit), "principal titles": len(lx.principal), "other titles": len(lx.minor),
		"honorifics": len(lx.honorifics), "treaty nouns": len(lx.treatyNouns), "venue nouns": len(lx.venueNouns),
		"signing_ceremony event nouns": len(lx.signingNouns), "modality words": len(lx.modality),
		"speaker references": len(lx.speaker), "months": len(lx.dates.Months), "weekdays": len(lx.dates.Weekdays),
		"relative date words 0 and -1": min(len(lx.dates.Relative[0]), len(lx.dates.Relative[-1])),
		"parts of the day":             len(lx.dates.Parts), "date_next words": len(lx.dateNext), "countries with capitals": min(len(lx.countries)/3, 1),
	} {
		if n == 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("schema lacks what the generator needs: %s", strings.Join(missing, ", "))
	}
	return lx, nil
}

// leader returns a gazetteer person holding an office of c on date whose role
// is principal (or, with principal false, any other role), or nil.
func (lx *lexicon) leader(r *rng, c *country, date string, principal bool) (*schema.Entry, string) {
	type held struct {
		e    *schema.Entry
		role string
	}
	var found []held
	for _, e := range c.leaders {
		for _, o := range e.Offices {
			if o.Country != c.e.ID || len(lx.titles[o.Role]) == 0 || lx.isPrincipal(o.Role) != principal {
				continue
			}
			if o.Start <= date && (o.End == "" || date < o.End) {
				found = append(found, held{e, o.Role})
			}
		}
	}
	if len(found) == 0 {
		return nil, ""
	}
	h := found[r.IntN(len(found))]
	return h.e, h.role
}

func (lx *lexicon) isPrincipal(role string) bool {
	i := sort.SearchStrings(lx.principal, role)
	return i < len(lx.principal) && lx.principal[i] == role
}

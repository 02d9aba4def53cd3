package schema

import (
	"cmp"
	"slices"

	"github.com/dipgraph/dipgraph/norm"
)

// This file compiles the lookups others need from the gazetteer, once, at load
// time.

// Alias kinds: which list of an entry a form comes from.
const (
	AliasName         = "name"
	AliasShort        = "short"
	AliasAbbreviation = "abbreviation"
	AliasAdjective    = "adjective"
)

// Alias is one form under which a gazetteer entry may appear in text.
type Alias struct {
	// Form is the text as written in the gazetteer; Folded is norm.Fold(Form).
	Form, Folded string
	// Kind is AliasName, AliasShort, AliasAbbreviation or AliasAdjective.
	Kind string
	// Lang is the language of the form; empty for abbreviations, which match in
	// every language.
	Lang  string
	Entry *Entry
}

// Holding is one office held by a gazetteer person.
type Holding struct {
	Person *Entry
	Office *Office
}

// index holds the lookups built by compile.
type index struct {
	aliases  map[string][]Alias            // by language, sorted by Folded, then entry id
	byFolded map[string]map[string][]Alias // by language, then folded form
	holders  map[[2]string][]Holding       // by role and country or org id, by start
}

// Aliases returns every alias usable in text of language lang: the entries'
// names, short forms and adjectives in lang and all abbreviations, sorted by
// folded form and entry id. The slice is shared; do not modify it.
func (s *Schema) Aliases(lang string) []Alias {
	if a, ok := s.idx.aliases[lang]; ok {
		return a
	}
	return s.idx.aliases[""]
}

// Lookup returns the aliases of language lang whose folded form equals
// norm.Fold(text), of any entry type.
func (s *Schema) Lookup(lang, text string) []Alias {
	m, ok := s.idx.byFolded[lang]
	if !ok {
		m = s.idx.byFolded[""]
	}
	return m[norm.Fold(text)]
}

// Holders returns who held office role for place (a country or organisation id),
// ordered by start date. The slice is shared; do not modify it.
func (s *Schema) Holders(role, place string) []Holding {
	return s.idx.holders[[2]string{role, place}]
}

// HolderOn returns the person who held office role for place on date (an ISO
// date of any precision), if exactly one did.
func (s *Schema) HolderOn(role, place, date string) (*Entry, bool) {
	var found *Entry
	for _, h := range s.Holders(role, place) {
		if DateBefore(date, h.Office.Start) || (h.Office.End != "" && DateBefore(h.Office.End, date)) {
			continue
		}
		if found != nil && found != h.Person {
			return nil, false
		}
		found = h.Person
	}
	return found, found != nil
}

// compile builds the lookups of s.idx from s.Gazetteer.
func (s *Schema) compile() {
	s.idx = index{aliases: map[string][]Alias{}, byFolded: map[string]map[string][]Alias{}, holders: map[[2]string][]Holding{}}
	langs := map[string]bool{"": true}
	for code := range s.Languages {
		langs[code] = true
	}
	var abbrevs []Alias
	byLang := map[string][]Alias{}
	for i := range s.Gazetteer {
		e := &s.Gazetteer[i]
		for _, a := range e.Abbreviations {
			abbrevs = append(abbrevs, Alias{Form: a, Folded: norm.Fold(a), Kind: AliasAbbreviation, Entry: e})
		}
		for _, l := range []struct {
			kind  string
			forms map[string][]string
		}{{AliasName, e.Names}, {AliasShort, e.Short}, {AliasAdjective, e.Adjectives}} {
			for lang, forms := range l.forms {
				langs[lang] = true
				for _, f := range forms {
					byLang[lang] = append(byLang[lang], Alias{Form: f, Folded: norm.Fold(f), Kind: l.kind, Lang: lang, Entry: e})
				}
			}
		}
		for j := range e.Offices {
			o := &e.Offices[j]
			for _, place := range []string{o.Country, o.Org} {
				if place != "" {
					k := [2]string{o.Role, place}
					s.idx.holders[k] = append(s.idx.holders[k], Holding{Person: e, Office: o})
				}
			}
		}
	}
	for lang := range langs {
		all := slices.Concat(byLang[lang], abbrevs)
		slices.SortStableFunc(all, func(a, b Alias) int {
			return cmp.Or(cmp.Compare(a.Folded, b.Folded), cmp.Compare(a.Entry.ID, b.Entry.ID))
		})
		m := map[string][]Alias{}
		for _, a := range all {
			m[a.Folded] = append(m[a.Folded], a)
		}
		s.idx.aliases[lang], s.idx.byFolded[lang] = all, m
	}
	for _, hs := range s.idx.holders {
		slices.SortStableFunc(hs, func(a, b Holding) int { return cmp.Compare(a.Office.Start, b.Office.Start) })
	}
}

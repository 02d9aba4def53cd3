package extract

import (
	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// officeKey names an office of a country.
type officeKey struct{ role, country string }

// term is a person's time in an office of the gazetteer.
type term struct{ person, start, end string }

// tenures returns the gazetteer's persons' tenures by office, in gazetteer
// order, so that finding an office's holder reads only that office's tenures.
func tenures(entries []*schema.Entry) map[officeKey][]term {
	by := map[officeKey][]term{}
	for _, e := range entries {
		if e.Type != schema.Person {
			continue
		}
		for _, o := range e.Offices {
			k := officeKey{o.Role, o.Country}
			by[k] = append(by[k], term{person: e.ID, start: o.Start, end: o.End})
		}
	}
	return by
}

// holderOn returns the one gazetteer person who held the office role of
// country on the ISO date date, or "" when none or several did. With no date,
// only the one person ever known to have held the office is its holder:
// today's holder may not be the article's.
func (x *Extractor) holderOn(role, country, date string) string {
	found := ""
	for _, t := range x.tenures[officeKey{role, country}] {
		if date == "" || within(date, t.start, t.end) {
			if found != "" && found != t.person {
				return "" // two holders: do not guess
			}
			found = t.person
		}
	}
	return found
}

// surnameKey names an office by its role and the last word of a holder's
// name, folded.
type surnameKey struct{ role, surname string }

// surnameTerm is a person's time in an office of a country.
type surnameTerm struct{ person, country, start, end string }

// surnameTenures indexes the gazetteer's persons' tenures by role and by the
// last word of each of their names of two words or more in the language
// lang (President Biden, Foreign Minister Marsudi).
func surnameTenures(entries []*schema.Entry, lang string) map[surnameKey][]surnameTerm {
	by := map[surnameKey][]surnameTerm{}
	for _, e := range entries {
		if e.Type != schema.Person || len(e.Offices) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Names[lang]...) {
			ws := norm.Words(norm.Fold(n))
			if len(ws) < 2 || seen[ws[len(ws)-1]] {
				continue
			}
			last := ws[len(ws)-1]
			seen[last] = true
			for _, o := range e.Offices {
				k := surnameKey{o.Role, last}
				by[k] = append(by[k], surnameTerm{person: e.ID, country: o.Country, start: o.Start, end: o.End})
			}
		}
	}
	return by
}

// holderNamed returns the one gazetteer person whose name ends with the
// folded word surname and who held the office role (of country, when it is
// given) on the ISO date date, or "" when none or several did. With no
// date, only the one such person ever known.
func (x *Extractor) holderNamed(role, country, surname, date string) string {
	found := ""
	for _, t := range x.surnames[surnameKey{role, surname}] {
		if (country == "" || t.country == country) && (date == "" || within(date, t.start, t.end)) {
			if found != "" && found != t.person {
				return ""
			}
			found = t.person
		}
	}
	return found
}

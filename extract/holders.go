package extract

import "github.com/dipgraph/dipgraph/schema"

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

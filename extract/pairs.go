package extract

import "github.com/dipgraph/dipgraph/schema"

// refOfficePair is the reference name of the lexicon's dual titles
// (LangPack.OfficePairs); the lexeme's ref indexes them.
const refOfficePair = "office_pair"

// officePair returns the two persons a dual title in tokens [s, e) names
// (وزيرا خارجية البلدين): the holders of its office, on the document date, in
// the two countries of the meeting read last, else of the persons named
// before it. It returns nothing unless both are known.
func (r *run) officePair(s, e int) []string {
	for k := s; k < e; k++ {
		h, ok := r.hitAt(k, kRef)
		if !ok || h.lx.sub != refOfficePair {
			continue
		}
		cs := r.pairCountries(k)
		if len(cs) != 2 {
			return nil
		}
		roles := r.x.lang.OfficePairs[h.lx.ref].Roles
		a, b := r.holderOf(roles, cs[0]), r.holderOf(roles, cs[1])
		if a == "" || b == "" || a == b {
			return nil
		}
		for _, id := range []string{a, b} {
			if en := r.entryByID(id); en != nil && r.ents[id] == nil {
				r.entity(en.ID, schema.Person, en.Name, en)
			}
		}
		return []string{a, b}
	}
	return nil
}

// holderOf returns the holder of the first of roles that has one in country.
func (r *run) holderOf(roles []string, country string) string {
	for _, role := range roles {
		if p := r.holder(role, country); p != "" {
			return p
		}
	}
	return ""
}

// pairCountries returns the first two countries of the principals of the
// meeting read last, then of the persons named before token i.
func (r *run) pairCountries(i int) []string {
	var cs []string
	add := func(id string) {
		c := r.personCountry(id)
		if c == "" || len(cs) == 2 {
			return
		}
		for _, o := range cs {
			if o == c {
				return
			}
		}
		cs = append(cs, c)
	}
	if r.cur != nil && r.cur.modality != "planned" {
		for _, p := range r.cur.principals {
			add(p)
		}
	}
	for _, m := range r.ments {
		if m.start >= i {
			break
		}
		if m.typ == schema.Person {
			add(m.id)
		}
	}
	return cs
}

// personCountry returns the country of a person: the one of an office the
// document gave them, else the gazetteer's, else that of their gazetteer
// office on the document date.
func (r *run) personCountry(id string) string {
	for k := len(r.offices) - 1; k >= 0; k-- {
		if o := r.offices[k]; o.person == id && o.country != "" {
			return o.country
		}
	}
	a := r.ents[id]
	if a == nil || a.entry == nil {
		return ""
	}
	if a.entry.Country != "" {
		return a.entry.Country
	}
	for _, o := range a.entry.Offices {
		if o.Country != "" && (r.date == "" || within(r.date, o.Start, o.End)) {
			return o.Country
		}
	}
	return ""
}

// pairInMarker returns the two persons a dual title inside a marker phrase of
// list l that belongs to the trigger of in names, when no list follows the
// marker: "اجتماعات اللجنة … برئاسة رئيسي وزراء البلدين" names its chairs.
func (r *run) pairInMarker(in *inst, l list) []string {
	seg := in.trig().seg
	for k := range in.sf.segs {
		resumed := in.sf.segs[k].resumes == seg // it goes on after a relative clause
		for _, mk := range in.sf.segs[k].marks {
			if mk.l == l && (mk.owner == in.ti || mk.owner < 0 && resumed) {
				if ps := r.officePair(mk.start, mk.end); len(ps) == 2 {
					return ps
				}
			}
		}
	}
	return nil
}

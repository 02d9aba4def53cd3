package extract

import (
	"cmp"
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// officeRelations turns offices read from titles into HOLDS_OFFICE relations,
// venues into HELD_AT and LOCATED_IN, and sideline meetings into PART_OF.
func (r *run) officeRelations() {
	for _, o := range r.offices {
		if o.country == "" || r.ents[o.country] == nil {
			continue
		}
		si := r.sentenceOf(o.tok)
		if si < 0 {
			continue
		}
		r.relateRule("HOLDS_OFFICE", o.person, o.country, map[string]any{"role": o.role}, si, r.x.rules.title, 0.8)
	}
	for _, m := range r.ments {
		if m.typ != schema.Venue {
			continue
		}
		if city := r.venueCity[m.id]; city != "" && r.ents[city] != nil {
			r.relateRule("LOCATED_IN", m.id, city, map[string]any{}, r.sentenceOf(m.start), r.x.rules.venue, 0.8)
		}
	}
	venueOf := map[string]string{}
	for _, ev := range r.evs {
		venueOf[ev.id] = ev.venue
	}
	for k := range r.rels {
		rel := &r.rels[k]
		if ev, _ := rel.Properties["event"].(string); rel.Type == "MET_WITH" && venueOf[ev] != "" {
			rel.Properties["venue"] = venueOf[ev] // the venue may be named in a later mention
		}
	}
	for _, ev := range r.evs {
		if !r.stated(ev) {
			continue
		}
		if ev.venue != "" {
			r.relateRule("HELD_AT", ev.id, ev.venue, map[string]any{"date": ev.date}, ev.sent, r.x.rules.venue, 0.8)
		}
		if p := r.eventByID(ev.partOf); p != nil && ev.partOf != "" {
			r.relateRule("PART_OF", ev.id, p.id, map[string]any{"date": ev.date}, ev.sent, r.x.rules.sidelines, 0.8)
		}
	}
	r.participations()
}

// stated reports whether an event took place as the document reports it:
// neither announced nor a welcome no talks joined, and with a fact.
func (r *run) stated(ev *event) bool {
	if ev.modality == "planned" || ev.tentative && !ev.leadersMet {
		return false
	}
	for _, rel := range r.rels {
		if rel.Properties["event"] == ev.id || rel.To == ev.id {
			return true
		}
	}
	return false
}

// participations records the principals of every event that took place (host,
// guest, signatory) as PARTICIPATED_IN with their role, so the graph keeps the
// participants' roles (the event node keeps only its principals). Attendees and witnesses
// have ATTENDED already; announced events have no participants yet.
func (r *run) participations() {
	for _, ev := range r.evs {
		if !r.stated(ev) || ev.scale == "multilateral" {
			continue
		}
		for _, p := range ev.principals {
			role := ev.roles[p]
			if r.ents[p] == nil {
				continue
			}
			r.relateRule("PARTICIPATED_IN", p, ev.id, map[string]any{"role": role, "date": ev.date}, ev.sent, r.x.rules.participant, 0.8)
		}
	}
}

// result assembles the Result: entities by first mention, events last, then
// relations in the order found.
func (r *run) result() Result {
	doc := r.doc
	if doc.Date == "" {
		doc.Date = r.date
	}
	res := Result{Document: doc, Entities: []Entity{}, Relations: r.rels}
	if res.Relations == nil {
		res.Relations = []Relation{}
	}
	var list []*acc
	for _, id := range r.order {
		a := r.ents[id]
		if a == nil {
			continue // a provisional person found to be a gazetteer one (fuzzyPersons)
		}
		if (len(a.Mentions) == 0 || a.weak && !a.party) && !r.referenced(id) {
			continue
		}
		list = append(list, a)
	}
	slices.SortStableFunc(list, func(a, b *acc) int { return cmp.Compare(a.first, b.first) })
	res.Entities = make([]Entity, 0, len(list)+len(r.evs)) // events come last
	for _, a := range list {
		e := a.Entity
		// pdqsort as sort.Slice ran it: the same order for equal starts.
		slices.SortFunc(e.Mentions, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
		slices.Sort(a.aliases)
		e.Aliases = slices.Compact(a.aliases)
		if len(e.Properties) == 0 {
			e.Properties = nil
		}
		res.Entities = append(res.Entities, e)
	}
	for _, ev := range r.evs {
		if ev.tentative && !ev.leadersMet || !r.stated(ev) && ev.modality != "planned" {
			continue
		}
		props := map[string]any{"kind": ev.kind}
		set := func(k, v string) {
			if v != "" {
				props[k] = v
			}
		}
		set("date", ev.date)
		set("venue", ev.venue)
		set("city", ev.city)
		set("modality", ev.modality)
		set("treaty", ev.treaty)
		set("cameo", ev.cameo)
		set("plover", ev.plover)
		set("plover_mode", ev.mode)
		set("part_of", ev.partOf)
		set("scale", ev.scale)
		if ev.scale != "multilateral" && len(ev.principals) > 0 {
			props["principals"] = ev.sortedPrincipals() // a signing of no named signer has none
		}
		name := ev.name
		if name == "" {
			name = ev.kind + " " + ev.date
		}
		ev := Entity{ID: ev.id, Type: schema.Event, Name: name, Properties: props}
		res.Entities = append(res.Entities, ev)
	}
	return res
}

// referenced reports whether a relation names id.
func (r *run) referenced(id string) bool {
	for _, rel := range r.rels {
		if rel.From == id || rel.To == id {
			return true
		}
	}
	return false
}

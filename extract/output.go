package extract

import (
	"cmp"
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// officeRelations turns offices read from titles into HOLDS_OFFICE relations,
// and venues into HELD_AT and LOCATED_IN.
func (r *run) officeRelations() {
	t := schema.Trigger{ID: "title", Confidence: 0.8}
	for _, o := range r.offices {
		if o.country == "" || r.ents[o.country] == nil {
			continue
		}
		si := r.sentenceOf(o.tok)
		if si < 0 {
			continue
		}
		r.relate("HOLDS_OFFICE", o.person, o.country, map[string]any{"role": o.role}, si, t)
	}
	vt := schema.Trigger{ID: "venue", Confidence: 0.8}
	for _, m := range r.ments {
		if m.typ != schema.Venue {
			continue
		}
		if city := r.venueCity[m.id]; city != "" && r.ents[city] != nil {
			r.relate("LOCATED_IN", m.id, city, map[string]any{}, r.sentenceOf(m.start), vt)
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
		if ev.venue != "" {
			r.relate("HELD_AT", ev.id, ev.venue, map[string]any{"date": ev.date}, ev.sent, vt)
		}
	}
	r.participations()
}

// participations records the principals of every event that took place (host,
// guest, signatory) as PARTICIPATED_IN with their role, so the graph keeps the
// participants' roles (the event node keeps only its principals). Attendees and witnesses
// have ATTENDED already; announced events have no participants yet.
func (r *run) participations() {
	t := schema.Trigger{ID: "event.participant", Confidence: 0.8}
	for _, ev := range r.evs {
		if ev.modality == "planned" {
			continue
		}
		for _, p := range sortedKeys(ev.roles) {
			role := ev.roles[p]
			if role == "attendee" || role == "witness" || r.ents[p] == nil {
				continue
			}
			r.relate("PARTICIPATED_IN", p, ev.id, map[string]any{"role": role, "date": ev.date}, ev.sent, t)
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
		if len(a.Mentions) == 0 && !r.referenced(id) {
			continue
		}
		list = append(list, a)
	}
	slices.SortStableFunc(list, func(a, b *acc) int { return cmp.Compare(a.first, b.first) })
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
		props["principals"] = ev.sortedPrincipals()
		ev := Entity{ID: ev.id, Type: schema.Event, Name: ev.kind + " " + ev.date, Properties: props}
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

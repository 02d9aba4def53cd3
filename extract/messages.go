package extract

import (
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// msgState remembers, from one sentence to the next, the persons of the
// messages read: "تلقى X رسالة من Y. ونقل الرسالة Z لدى لقائه X".
type msgState struct {
	senders []string
	party   string // the one person of a message sentence with no pair yet
	venue   string // the venue of that sentence
}

// message reads a MET_WITH trigger of pattern message, a verb of handing
// over a leader's message (تسلم، نقل، سلم) in a sentence that names the
// message: the carrier meets the recipient; the sender, named after the
// message noun and its "from" word, meets no one.
func (r *run) message(si int, h hit, t schema.Trigger, planned bool) {
	if planned || r.has(si, wNotMeeting) || r.negated(si, h.start) || !r.has(si, wMessage) {
		return
	}
	s, e := r.sents[si].start, r.sents[si].end
	for k := h.end; k < e; k++ {
		// An attendance list ends the persons of the handing over.
		if th, ok := r.hitAt(k, kTrigger); ok && r.x.lang.Triggers[th.lx.ref].Relation == "ATTENDED" {
			e = k
			break
		}
	}
	r.msg.senders = append(r.msg.senders, r.senders(s, e)...)
	var ps []string
	for _, p := range r.persons(s, e, true) {
		if !slices.Contains(r.msg.senders, p) {
			ps = append(ps, p)
		}
	}
	if len(ps) == 1 && r.msg.party != "" && r.msg.party != ps[0] {
		ps = []string{r.msg.party, ps[0]}
	}
	venues := r.typed(s, r.sents[si].end, schema.Venue)
	if len(ps) < 2 {
		if len(ps) == 1 {
			r.msg.party, r.msg.venue = ps[0], ""
			if len(venues) > 0 {
				r.msg.venue = venues[0]
			}
		}
		return
	}
	ps = ps[:2]
	if len(venues) == 0 && r.msg.venue != "" && slices.Contains(ps, r.msg.party) {
		venues = []string{r.msg.venue} // received at his office, then the carrier named
	}
	r.msg.party, r.msg.venue = "", ""
	r.meetPair(si, ps, venues, t)
}

// meetPair records the meeting of the two persons ps (the first the host)
// read from sentence si, at the first of venues when it has none yet.
func (r *run) meetPair(si int, ps, venues []string, t schema.Trigger) {
	date, explicit := r.datedSentence(si)
	ev := r.newEvent("meeting", date, explicit, ps, si)
	r.cur = ev
	if ev.venue == "" && len(venues) > 0 {
		ev.venue, ev.city = venues[0], r.venueCity[venues[0]]
	}
	for k, p := range ps {
		role := t.Roles["object"]
		if k == 0 {
			role = t.Roles["subject"]
		}
		if _, ok := ev.roles[p]; !ok && role != "" {
			ev.roles[p] = role
		}
	}
	if r.relate("MET_WITH", ps[0], ps[1], map[string]any{"date": ev.date, "venue": ev.venue, "event": ev.id}, si, t) {
		r.relEvent[len(r.rels)-1] = ev
	}
}

// senders returns the persons named as the senders of a message in tokens
// [s, e): the first person after a message noun and its "from" word (رسالة
// خطية من أخيه الرئيس X).
func (r *run) senders(s, e int) []string {
	var out []string
	for k := s; k < e; k++ {
		h, ok := r.wordAt(k, wMessage)
		if !ok {
			continue
		}
		f := h.end
		for f < e && f < h.end+2 && !r.word(f, wMessageFrom) {
			f++ // رسالة خطية من
		}
		if !r.word(f, wMessageFrom) {
			continue
		}
		for _, m := range r.ments {
			if m.typ == schema.Person && m.start > f && m.start <= f+6 && m.end <= e {
				out = append(out, m.id)
				break
			}
		}
	}
	return out
}

// broughtTogether reads a MET_WITH trigger of pattern joined (لقاء جمعه بالرئيس Y،
// الاجتماع الذي جمعهما بالرئيس Z): the persons after it in its clause meet
// the principals of the meeting read in the same sentence, or else the
// person named last before it.
func (r *run) broughtTogether(si int, h hit, t schema.Trigger, planned bool) {
	if planned || h.def || r.has(si, wNotMeeting) || r.negated(si, h.start) {
		return
	}
	_, e := r.segment(si, h.end, h.end)
	objs := r.persons(h.end, e, false)
	if len(objs) == 0 {
		return
	}
	var subj []string
	if r.cur != nil && r.cur.sent == si && r.cur.modality != "planned" {
		subj = r.cur.principals
	} else if p := r.lastPersonBefore(h.start); p != "" {
		subj = []string{p}
	}
	ps := dedupe(append(append([]string(nil), subj...), objs...))
	if len(ps) < 2 || len(ps) > 4 {
		return
	}
	date, explicit := r.datedSentence(si)
	ev := r.newEvent("meeting", date, explicit, ps, si)
	r.cur = ev
	for k, p := range ps {
		role := t.Roles["object"]
		if k < len(subj) {
			role = t.Roles["subject"]
		}
		if _, ok := ev.roles[p]; !ok && role != "" {
			ev.roles[p] = role
		}
	}
	for a := 0; a < len(ps); a++ {
		for b := a + 1; b < len(ps); b++ {
			if b < len(subj) {
				continue // the principals read already met each other
			}
			if r.relate("MET_WITH", ps[a], ps[b], map[string]any{"date": ev.date, "venue": ev.venue, "event": ev.id}, si, t) {
				r.relEvent[len(r.rels)-1] = ev
			}
		}
	}
}

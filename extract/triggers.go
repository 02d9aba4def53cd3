package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// meeting reads a MET_WITH trigger: the persons of its clause meet; the first
// is the host.
func (r *run) meeting(si int, h hit, t schema.Trigger, planned bool) {
	if t.Pattern == "message" {
		r.message(si, h, t, planned)
		return
	}
	if t.Pattern == "joined" {
		r.broughtTogether(si, h, t, planned)
		return
	}
	if r.has(si, wNotMeeting) || r.negated(si, h.start) {
		return
	}
	s, e := r.segment(si, h.start, h.end)
	for k := h.end; k < e; k++ {
		// "عقد الرئيسان مباحثات، ثم شهدا توقيع …": a signing or a
		// witnessing verb ends the meeting's clause.
		if th, ok := r.hitAt(k, kTrigger); ok && r.x.lang.Triggers[th.lx.ref].Relation != "MET_WITH" && r.x.lang.Triggers[th.lx.ref].Relation != "ATTENDED" || ok && r.x.lang.Triggers[th.lx.ref].Pattern == "witness" {
			e = k
			break
		}
	}
	if t.Pattern == "with_apart" && (h.def || !r.withPerson(h.end, e)) {
		return // بحث alone is a noun or a verb with no counterpart
	}
	ps := r.persons(s, e, true)
	if p := r.withSubject(si, s, h.end, e, t); p != "" {
		ps = dedupe(append([]string{p}, ps...)) // "، حيث شارك أمس مع Y و Z"
	}
	if len(ps) == 1 && !planned {
		// "استقبل X عددا من السفراء": the guests are listed after.
		from := h.end
		if k := r.mentionOf(ps[0], h.end, e); k >= 0 && k <= h.end+6 {
			from = r.ments[r.mstart[k]-1].end
		}
		if r.groupReception(si, from) {
			r.listHost = &listHost{host: ps[0], t: t, sent: si}
			return
		}
	}
	if len(ps) == 1 && r.welcomeOf(h, t, ps[0]) {
		// "وجرت مراسم استقبال الرئيس X أمام قصر Y": the welcome of a
		// principal of the meeting read last is part of that meeting.
		ps = append([]string(nil), r.cur.principals...)
	}
	if len(ps) == 1 && r.cur != nil {
		// "انضم X إلى الرئيسين في قمة": a reference to the principals next
		// to the trigger joins them to the one person named.
		ps = append(ps, r.persons(max(s, h.start-3), min(e, h.end+3), true)...)
		ps = dedupe(ps)
	}
	if len(ps) == 1 && r.spouseBefore(s, r.mentionOf(ps[0], s, e)) {
		return // "التقت عقيلة الرئيس مع Y": the spouse is no one we know
	}
	if len(ps) == 1 && t.Pattern != "noun" && r.untitled(h.end, r.mentionOf(ps[0], h.end, e)) {
		return // "التقى المبعوث الإريتري Y": the subject is someone not known
	}
	if len(ps) == 1 && t.Pattern != "noun" && r.mentionOf(ps[0], h.end, e) >= 0 && r.mentionOf(ps[0], s, h.start) < 0 {
		// "… حيث التقى Y", "كما التقى Y": a verb with no subject in its
		// clause has the subject of its sentence, else the host of the
		// meeting read last. But in "استقبلت رئيسة الحكومة X الوزيرة
		// السنغالية" X is the subject and the object is a title no one
		// known holds: the meeting's other side is unknown, not guessed.
		if r.titleOnlyAfter(r.mentionOf(ps[0], h.end, e), e) {
			return
		}
		if before := r.persons(r.sents[si].start, s, false); len(before) > 0 {
			ps = dedupe([]string{before[0], ps[0]})
		} else if r.cur != nil && len(r.cur.principals) > 0 && r.cur.modality != "planned" {
			ps = dedupe([]string{r.cur.principals[0], ps[0]})
		} else if t.Pattern == "with_pronoun" {
			// "خلال اجتماعه مع Y": the pronoun is the person named last
			// before the sentence.
			if p := r.lastPersonBefore(r.sents[si].start); p != "" {
				ps = dedupe([]string{p, ps[0]})
			}
		}
	}
	if len(ps) < 2 {
		return
	}
	// Three persons or more: only the trigger's subject and object (and the
	// persons listed with them) are principals.
	subj, objPairs := 1, t.Pattern == "noun"
	if len(ps) > 2 {
		if qs, n, plain := r.principals(s, e, h, t); len(qs) >= 2 && n > 0 {
			ps, subj, objPairs = qs, n, t.Pattern == "noun" && plain
		}
	}
	if len(ps) > 4 {
		ps = ps[:4]
	}
	kind := t.Event
	if kind == "" {
		kind = "meeting"
	}
	date, explicit := r.datedSentence(si)
	known := len(r.evs)
	ev := r.newEvent(kind, date, explicit, ps, si)
	date = ev.date
	r.cur = ev
	if ev.venue != "" && ev.kind == welcome && kind != welcome {
		// "ثم عقد الجانبان مباحثات في قصر X": the talks after a welcome at
		// the airport are where the two met.
		if vs := r.typed(r.sents[si].start, r.sents[si].end, schema.Venue); len(vs) > 0 {
			ev.venue, ev.city = vs[0], r.venueCity[vs[0]]
		}
	}
	if ev.venue == "" {
		if vs := r.typed(r.sents[si].start, r.sents[si].end, schema.Venue); len(vs) > 0 {
			ev.venue = vs[0]
			ev.city = r.venueCity[vs[0]]
		} else if v := r.frameVenue(si); v != "" {
			ev.venue, ev.city = v, r.venueCity[v]
		} else if prev := r.hostVenue(ev); prev != nil {
			ev.venue, ev.city = prev.venue, prev.city
		}
	}
	if ev.city == "" {
		if cs := r.typed(h.start, r.sents[si].end, schema.City); len(cs) > 0 {
			ev.city = cs[0]
		}
	}
	if planned {
		if len(r.evs) > known {
			ev.modality = "planned" // a plan does not undo a meeting already reported
		}
		return
	}
	roles := t.Roles
	for k, p := range ps {
		role := roles["object"]
		if k == 0 {
			role = roles["subject"]
		}
		if _, ok := ev.roles[p]; !ok && role != "" {
			ev.roles[p] = role
		}
	}
	if ev.kind == welcome && kind == welcome {
		return // a welcome at the airport is no meeting until talks join it
	}
	for a := 0; a < len(ps); a++ {
		for b := a + 1; b < len(ps); b++ {
			if a >= subj && !objPairs {
				break // استقبل X A و B: the host meets each guest
			}
			if r.relate("MET_WITH", ps[a], ps[b], map[string]any{"date": date, "venue": ev.venue, "event": ev.id}, si, t) {
				r.relEvent[len(r.rels)-1] = ev
			}
		}
	}
}

// frameVenue returns the venue of the event that frames sentence si ("على
// هامش القمة، التقى X و Y"): the first venue of the first earlier sentence
// that names an event of the frame's kind and a venue, or "".
func (r *run) frameVenue(si int) string {
	kind := ""
	for k := r.sents[si].start; k < r.sents[si].end && kind == ""; k++ {
		h, ok := r.wordAt(k, wFrame)
		if !ok {
			continue
		}
		for n := h.end; n < h.end+2 && n < r.sents[si].end; n++ {
			if eh, ok := r.hitAt(n, kEvent); ok {
				kind = eh.lx.sub
				break
			}
		}
	}
	if kind == "" {
		return ""
	}
	for sj := 0; sj < si; sj++ {
		vs := r.typed(r.sents[sj].start, r.sents[sj].end, schema.Venue)
		if len(vs) == 0 {
			continue
		}
		for k := r.sents[sj].start; k < r.sents[sj].end; k++ {
			if eh, ok := r.hitAt(k, kEvent); ok && eh.lx.sub == kind {
				return vs[0]
			}
		}
	}
	return ""
}

// untitled reports a title chain with a country in tokens [s, e) that
// names no one and does not lead to the token e: a person the text names by
// an office that resolves to nobody (المبعوث الإريتري).
func (r *run) untitled(s, e int) bool {
	for k := s; k < e; k++ {
		if _, ok := r.hitAt(k, kTitle); !ok || r.taken[k] {
			continue
		}
		c, _ := r.chainAt(k)
		// The chain that leads to the person at e is the person's own; a
		// title with no country (الوزير) may refer back to the host.
		return c.country != "" && c.end+r.nameGap(c) < e
	}
	return false
}

// withSubject returns the subject of a verb of the with patterns whose
// clause [s, e) names no one before its مع: the first person of the
// sentence before the clause ("وصل X …، حيث شارك أمس مع Y"), or "".
func (r *run) withSubject(si, s, from, e int, t schema.Trigger) string {
	if t.Pattern != "with" && t.Pattern != "with_apart" {
		return ""
	}
	for k := from; k < e; k++ {
		if !r.word(k, wWith) {
			continue
		}
		if len(r.persons(s, k, false)) > 0 || len(r.persons(k+1, e, false)) == 0 {
			return ""
		}
		if before := r.persons(r.sents[si].start, s, false); len(before) > 0 {
			return before[0]
		}
		return ""
	}
	return ""
}

// spouseBefore reports a spouse word in tokens [s, e).
func (r *run) spouseBefore(s, e int) bool {
	for k := s; k < e; k++ {
		if r.word(k, wSpouse) {
			return true
		}
	}
	return false
}

// hostVenue returns an earlier meeting of the same host on the same day
// that has a venue: the host receives guest after guest there ("ثم استقبل
// الرئيس Y"، "كما التقى Z").
func (r *run) hostVenue(ev *event) *event {
	if len(ev.principals) == 0 {
		return nil
	}
	for k := len(r.evs) - 1; k >= 0; k-- {
		e := r.evs[k]
		if e != ev && e.venue != "" && e.date == ev.date && e.modality != "planned" &&
			len(e.principals) > 0 && e.principals[0] == ev.principals[0] && e.kind != "signing_ceremony" {
			return e
		}
	}
	return nil
}

// withPerson reports a مع in tokens [s, e) with a person after it.
func (r *run) withPerson(s, e int) bool {
	for k := s; k < e; k++ {
		if r.word(k, wWith) {
			return len(r.persons(k+1, e, true)) > 0
		}
	}
	return false
}

// titleOnlyAfter reports a definite title (الوزيرة، الرئيس) after the mention
// starting at token i and before e, outside any mention: a person the text
// names by office alone and whom no office holder matched.
func (r *run) titleOnlyAfter(i, e int) bool {
	k := i + 1
	if m, ok := r.mentionAt(i); ok {
		k = r.ments[m].end
	}
	for ; k < e; k++ {
		if m, ok := r.mentionAt(k); ok {
			k = r.ments[m].end - 1
			continue
		}
		if h, ok := r.hitAt(k, kTitle); ok && h.def && !r.inTreaty[k] {
			return true
		}
	}
	return false
}

// lastPersonBefore returns the person mentioned last before token i.
func (r *run) lastPersonBefore(i int) string {
	id, at := "", -1
	for _, m := range r.ments {
		if m.typ == schema.Person && m.end <= i && m.start > at && !r.inTreaty[m.start] {
			id, at = m.id, m.start
		}
	}
	return id
}

// negated reports a negation word in the few tokens before the trigger at i.
func (r *run) negated(si, i int) bool {
	for k := i - 1; k >= r.sents[si].start && k >= i-3; k-- {
		if r.word(k, wNegation) {
			return true
		}
	}
	return false
}

// signing reads a SIGNED trigger: the persons after it (or before it in its
// clause) sign the nearest treaty; countries become parties (PARTY_TO).
func (r *run) signing(si int, h hit, t schema.Trigger, planned bool) {
	if planned || r.negated(si, h.start) {
		return
	}
	sEnd := r.sents[si].end
	_, e := r.segment(si, h.start, h.end)
	for k := h.end; k < e; k++ {
		// "وقع الزعيمان A، ثم شهدا توقيع B": B is not signed by them.
		if wh, ok := r.hitAt(k, kTrigger); ok && r.x.lang.Triggers[wh.lx.ref].Pattern == "witness" {
			e = k
			break
		}
	}
	var treaties []string
	if ts := r.typed(h.end, e, schema.Treaty); len(ts) > 0 {
		treaties = ts // وقع … "معاهدة …"، إضافة إلى "إعلان …"
	} else if ts := r.typed(h.end, sEnd, schema.Treaty); len(ts) > 0 {
		treaties = ts[:1]
	} else if ts := r.typed(r.sents[si].start, h.start, schema.Treaty); len(ts) > 0 {
		treaties = ts[len(ts)-1:]
	} else if id := r.kindRef(h.end, h.start); id != "" {
		treaties = []string{id} // وقع الاتفاقية: the agreement last named
	} else if ts := r.typed(0, h.start, schema.Treaty); len(ts) > 0 {
		treaties = ts[len(ts)-1:] // وقعها: the treaty last named
	}
	for _, treaty := range treaties {
		r.sign1(si, h, t, treaty, e)
	}
}

// kindRef reads a bare definite treaty noun at token k (الاتفاقية، المذكرة)
// as the treaty of its kind named last before token before, or "".
func (r *run) kindRef(k, before int) string {
	h, ok := r.hitAt(k, kTreaty)
	if !ok || h.end != k+1 || !h.def && !strings.HasPrefix(h.lx.toks[0], r.x.article) {
		return ""
	}
	id := ""
	for _, m := range r.ments {
		if m.typ == schema.Treaty && m.start < before {
			if a := r.ents[m.id]; a != nil && a.Properties["kind"] == h.lx.sub {
				id = m.id
			}
		}
	}
	return id
}

// sign1 records the signing of one treaty by the trigger at h.
func (r *run) sign1(si int, h hit, t schema.Trigger, treaty string, e int) {
	sEnd := r.sents[si].end
	var signers []string
	// "وقع X و Y المعاهدة": the signers stand between the verb and the title;
	// persons after the title are read only when none stands before it.
	ts := r.mentionOf(treaty, h.end, sEnd)
	// "وقع الجانبان على …": the sides are the countries; the signers, when
	// named, follow the title.
	refs := true
	for k := h.end; k < max(ts, h.end+2) && k < sEnd; k++ {
		if r.word(k, wPartyRef) {
			refs = false
		}
	}
	if ts > h.end {
		signers = r.persons(h.end, ts, refs)
	}
	if len(signers) == 0 {
		// "… على هامش زيارة الرئيس X": a person of the frame signs nothing.
		end := sEnd
		for k := h.end; k < sEnd; k++ {
			if r.word(k, wFrame) {
				end = k
				break
			}
		}
		signers = r.persons(h.end, end, refs)
	}
	countries := r.typed(h.end, e, schema.Country)
	if len(signers) == 0 {
		s, _ := r.segment(si, h.start, h.end)
		signers = r.persons(s, h.start, true)
		if len(countries) == 0 {
			countries = r.typed(s, h.start, schema.Country)
		}
	}
	date, explicit := r.datedSentence(si)
	for _, c := range countries {
		r.relate("PARTY_TO", c, treaty, map[string]any{}, si, t) // a party for good: the signing carries the date
	}
	if len(signers) == 0 {
		return
	}
	ev := r.newEvent("signing_ceremony", date, explicit, signers, si)
	date = ev.date
	for _, p := range signers {
		ev.roles[p] = "signatory"
		if r.relate("SIGNED", p, treaty, map[string]any{"date": date, "event": ev.id}, si, t) {
			r.relEvent[len(r.rels)-1] = ev
		}
	}
	ev.treaty = treaty
	r.sign = ev
	for _, w := range r.witnesses {
		if w.sent != si {
			continue
		}
		for _, p := range w.persons {
			if _, ok := ev.roles[p]; ok {
				continue
			}
			ev.roles[p] = "witness"
			if r.relate("ATTENDED", p, ev.id, map[string]any{"date": date, "role": "witness", "event": ev.id}, si, w.t) {
				r.relEvent[len(r.rels)-1] = ev
			}
		}
	}
}

// witness reads "شهد X و Y توقيع …": X and Y attend the signing ceremony of
// this sentence.
func (r *run) witness(si int, h hit, t schema.Trigger) {
	sEnd := r.sents[si].end
	stop := sEnd
	signing := false
	for k := h.end; k < sEnd; k++ {
		if sh, ok := r.hitAt(k, kTrigger); ok && r.x.lang.Triggers[sh.lx.ref].Relation == "SIGNED" {
			signing = true
			stop = min(stop, k)
			break
		}
		if r.inTreaty[k] || r.word(k, wSigning) {
			signing = true
			stop = min(stop, k)
		}
	}
	if !signing && len(h.lx.toks) == 1 {
		return
	}
	ws := r.persons(h.end, stop, true)
	if len(ws) == 0 && signing && r.cur != nil && r.cur.modality != "planned" {
		ws = r.cur.principals // "ثم شهدا توقيع …": the leaders of the meeting
	}
	if len(ws) == 0 {
		return
	}
	// The signing itself is read later in the sentence; remember the witnesses.
	r.witnesses = append(r.witnesses, witnessNote{persons: ws, sent: si, t: t})
}

// attendance reads "بحضور X" and "حضر … X، و Y": the persons listed attend
// the current meeting.
func (r *run) attendance(si int, h hit, t schema.Trigger) {
	from := h.end
	if r.word(h.start-1, wRelative) {
		// "X، الذي حضر المحادثات": the person the relative clause is about.
		if k, ok := r.mentionBefore(h.start - 1); ok && r.ments[k].typ == schema.Person && r.ments[k].start >= r.sents[si].start {
			from = r.ments[k].start
		}
	}
	r.attendees(si, from, &t)
}

// attendance1 returns the attendance trigger of sentence si-1 when its
// list ends that sentence, or nil.
func (r *run) attendance1(si int) *schema.Trigger {
	if si == 0 {
		return nil
	}
	for k := r.sents[si-1].start; k < r.sents[si-1].end; k++ {
		if h, ok := r.hitAt(k, kTrigger); ok && !r.inTreaty[k] {
			if t := r.x.lang.Triggers[h.lx.ref]; t.Relation == "ATTENDED" && t.Pattern != "witness" {
				return &t
			}
		}
	}
	return nil
}

// listGoesOn reports a sentence that goes on with the attendance list of
// the sentence before: "حضر اللقاء X. ومن الجانب الهندي Y" (a function
// word, then a side marker).
func (r *run) listGoesOn(si int) bool {
	k := r.sents[si].start
	if k+1 >= r.sents[si].end || !r.word(k, wFunction) || !r.word(k+1, wSideMarker) {
		return false
	}
	return r.attendance1(si) != nil
}

// attendees reads the persons listed from token from of sentence si as
// attendees of the current meeting.
func (r *run) attendees(si, from int, tp *schema.Trigger) {
	ev := r.cur
	refs := false
	if r.sign != nil && r.signingNoun(r.sents[si].start, from) {
		ev, refs = r.sign, true // "وجرى التوقيع بحضور X": X attends the signing
	} else if r.sign != nil && r.signedBefore(si, from) {
		// "وقع X و Y، بحضور الرئيسين، اتفاقية …": the leaders of the
		// meeting attend the signing of their ministers.
		ev, refs = r.sign, true
	}
	if ev == nil || ev.modality == "planned" || tp == nil {
		return
	}
	t := *tp
	e := r.sents[si].end
	for k := from; k < e; k++ {
		if r.word(k, wListBreak) {
			e = k
			break
		}
	}
	if ev.sent != si && r.summitAttended(from, e) {
		return // "وشارك في الجلسة الافتتاحية للقمة X": the summit, not the meeting
	}
	k := r.signingAfter(si, from, e)
	if k < 0 && r.signingNoun(from, r.sents[si].end) {
		k = r.signingAfter(si, from, r.sents[si].end) // بحضور X مراسم توقيع …، حيث وقع
	}
	if k >= 0 {
		// "وبحضور الرئيسين، وقع X و Y …": the persons listed before the
		// signing verb witness the signing read next.
		if ws := r.persons(from, k, true); len(ws) > 0 {
			r.witnesses = append(r.witnesses, witnessNote{persons: ws, sent: si, t: t})
		}
		return
	}
	ps := r.persons(from, e, refs)
	if pair := r.officePair(from, e); len(pair) > 0 {
		ps = dedupe(append(ps, pair...)) // بحضور وزيري خارجية البلدين
	}
	for _, p := range ps {
		if _, ok := ev.roles[p]; ok && (ev.sent == si || !r.demote(ev, p)) {
			continue
		}
		ev.roles[p] = "attendee"
		if r.relate("ATTENDED", p, ev.id, map[string]any{"date": ev.date, "role": "attendee", "event": ev.id}, si, t) {
			r.relEvent[len(r.rels)-1] = ev
		}
	}
}

// summitAttended reports a summit noun between the attendance verb and the
// first person of its list, which starts at token from (شارك في الجلسة
// العامة للقمة X): the list attends the summit.
func (r *run) summitAttended(from, e int) bool {
	first := e
	for _, m := range r.ments {
		if m.typ == schema.Person && m.start >= from && m.start < first {
			first = m.start
		}
	}
	for k := from; k < first; k++ {
		if h, ok := r.hitAt(k, kEvent); ok && h.lx.sub == "summit" {
			return true
		}
	}
	return false
}

// signingAfter returns the first signing verb of sentence si in tokens
// [from, e), or -1.
func (r *run) signingAfter(si, from, e int) int {
	for k := from; k < e; k++ {
		if h, ok := r.hitAt(k, kTrigger); ok && !r.inTreaty[k] && r.x.lang.Triggers[h.lx.ref].Relation == "SIGNED" {
			return k
		}
	}
	return -1
}

// signedBefore reports a signing verb in sentence si before token i.
func (r *run) signedBefore(si, i int) bool {
	for k := r.sents[si].start; k < i; k++ {
		if h, ok := r.hitAt(k, kTrigger); ok && !r.inTreaty[k] && r.x.lang.Triggers[h.lx.ref].Relation == "SIGNED" {
			return true
		}
	}
	return false
}

// signingNoun reports a signing event noun (التوقيع، مراسم التوقيع) in
// tokens [s, e).
func (r *run) signingNoun(s, e int) bool {
	for k := s; k < e; k++ {
		if h, ok := r.hitAt(k, kEvent); ok && h.lx.sub == "signing_ceremony" {
			return true
		}
	}
	return false
}

// demote reports whether person p, said in a later sentence to attend the
// meeting ev, is one of three principals or more that is not the first:
// "وحضر الاجتماع X" tells that X only attended ("شارك فيه X" in the
// sentence of the meeting names a principal); p is taken out of the principals, and the meetings
// of ev with p are dropped when the events settle.
func (r *run) demote(ev *event, p string) bool {
	if len(ev.principals) < 3 || ev.principals[0] == p || ev.roles[p] == "attendee" {
		return false
	}
	ps := ev.principals[:0:0]
	for _, q := range ev.principals {
		if q != p {
			ps = append(ps, q)
		}
	}
	ev.principals = ps
	return true
}

// visit reads a VISITED trigger: the person before it (or after it) visits the
// country (or the city's country) named after it.
func (r *run) visit(si int, h hit, t schema.Trigger, planned bool) {
	if planned || r.negated(si, h.start) {
		return
	}
	s := r.sents[si]
	var who []string
	if ps := r.persons(s.start, h.start, false); len(ps) > 0 {
		who = ps[len(ps)-1:]
	} else if ps := r.persons(h.end, s.end, false); len(ps) > 0 {
		who = ps[:1]
	}
	if len(who) == 0 {
		return
	}
	to := ""
	for _, m := range r.ments {
		if m.start < h.end || m.start > h.end+3 {
			continue
		}
		switch m.typ {
		case schema.Country:
			to = m.id
		case schema.City:
			if a := r.ents[m.id]; a.entry != nil {
				to = a.entry.Country
			}
		}
		if to != "" {
			break
		}
	}
	if to == "" && h.end-h.start == 1 {
		r.visitPerson(si, h, t, who[0])
		return
	}
	if to == "" || r.ents[to] == nil {
		return
	}
	r.relate("VISITED", who[0], to, map[string]any{"date": r.sentenceDate(si)}, si, t)
}

// visitPerson reads "زار X الوزير Y في مقر إقامته": a visit whose object
// is a person, not a place, is a meeting of the visitor and that person.
func (r *run) visitPerson(si int, h hit, t schema.Trigger, who string) {
	_, e := r.segment(si, h.start, h.end)
	var obj string
	for _, p := range r.persons(h.end, e, false) {
		if p != who {
			obj = p
			break
		}
	}
	if obj == "" || r.mentionOf(obj, h.end, min(e, h.end+12)) < 0 {
		return
	}
	r.meetPair(si, []string{obj, who}, r.typed(r.sents[si].start, r.sents[si].end, schema.Venue), t)
}

// mentionOf returns the first token of the first mention of id in tokens
// [s, e), or -1.
func (r *run) mentionOf(id string, s, e int) int {
	for _, m := range r.ments {
		if m.id == id && m.start >= s && m.start < e {
			return m.start
		}
	}
	return -1
}

// dedupe drops repeated ids, keeping the first.
func dedupe(ids []string) []string {
	out := ids[:0:0]
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// personMention is one person's first mention in a clause.
type personMention struct {
	id         string
	start, end int
}

// clausePersons returns the first mention of each person in tokens [s, e),
// outside treaty titles, in order.
func (r *run) clausePersons(s, e int) []personMention {
	var out []personMention
	seen := map[string]bool{}
	for _, m := range r.ments {
		if m.start >= s && m.end <= e && m.typ == schema.Person && !r.inTreaty[m.start] && !seen[m.id] {
			seen[m.id] = true
			out = append(out, personMention{m.id, m.start, m.end})
		}
	}
	return out
}

// listJoined reports whether the tokens [a, b) between two person mentions
// join them in one list: a separator (و، a comma, مع) followed only by the
// next person's titles and honorifics. sep reports a "مع" (ثم مع Z): the
// person joins the meeting's other side, not a list of guests meeting each
// other.
func (r *run) listJoined(a, b int) (ok, sep bool) {
	if b-a > 12 {
		return false, false
	}
	last := -1 // the first token after the last separator
	for k := a; k <= b && k < len(r.toks); k++ {
		w := r.toks[k].S
		if k == b {
			w = ""
		}
		switch {
		case k < b && r.word(k, wClause):
			return false, false
		case k < b && r.word(k, wWith):
			last, sep = k+1, true
		case k < b && (w == "و" || w == ","):
			last = k + 1
		case r.waw(k) && (k == b || r.chainEnd(k) == b):
			last = k // و on the next person's title or name
		}
	}
	if last < 0 {
		return false, false
	}
	return last == b || r.chainEnd(last) == b, sep
}

// waw reports a proclitic و on token k: some lexicon hit there (a name, a
// title, an honorific) was read after stripping it.
func (r *run) waw(k int) bool {
	if k < 0 || k >= len(r.at) || !strings.HasPrefix(r.toks[k].S, "و") {
		return false
	}
	for _, hi := range r.at[k] {
		if h := r.hits[hi]; h.clitic > 0 && strings.HasPrefix(r.toks[k].S, "و") {
			return true
		}
	}
	return false
}

// chainEnd returns the end of the title chain at token i, or -1.
func (r *run) chainEnd(i int) int {
	if c, ok := r.chainAt(i); ok {
		return c.end + r.nameGap(c)
	}
	return -1
}

// chain returns the persons of ms from index from on that are coordinated
// with the one before them, and whether every join was a plain list (no مع).
func (r *run) chain(ms []personMention, from int) ([]string, bool) {
	if from >= len(ms) {
		return nil, true
	}
	out := []string{ms[from].id}
	plain := true
	for i := from + 1; i < len(ms); i++ {
		ok, sep := r.listJoined(ms[i-1].end, ms[i].start)
		if !ok {
			break
		}
		plain = plain && !sep
		out = append(out, ms[i].id)
	}
	return out, plain
}

// principals reads the principals of the meeting trigger h in its clause
// [s, e): the subject (with the persons coordinated with it) and the object
// (the first person after the trigger or after مع, with the persons
// coordinated with it). A third person of the clause that is neither (a
// predecessor, a person spoken about) is no principal. It returns the
// principals, the number of subjects first among them, and whether the
// objects form a plain list (they then meet each other too).
func (r *run) principals(s, e int, h hit, t schema.Trigger) ([]string, int, bool) {
	ms := r.clausePersons(s, e)
	withAt := -1
	if h.end > h.start && r.word(h.end-1, wWith) {
		withAt = h.end - 1
	} else {
		for k := h.end; k < e; k++ {
			if r.word(k, wWith) {
				withAt = k
				break
			}
		}
	}
	first := len(ms) // the first mention after the trigger
	for i, m := range ms {
		if m.start >= h.end {
			first = i
			break
		}
	}
	var subj []string
	objFrom := first
	if first > 0 {
		subj, _ = r.chain(ms[:first], 0)
	} else if first < len(ms) {
		if t.Pattern == "subject_object" || withAt < 0 {
			subj = []string{ms[first].id}
		} else {
			var sub []personMention
			for _, m := range ms[first:] {
				if m.start < withAt {
					sub = append(sub, m)
				}
			}
			subj, _ = r.chain(sub, 0)
		}
		objFrom = first + len(subj)
	}
	if withAt >= 0 {
		for objFrom < len(ms) && ms[objFrom].start < withAt {
			objFrom++
		}
	}
	obj, plain := r.chain(ms, objFrom)
	out := dedupe(append(append([]string(nil), subj...), obj...))
	return out, min(len(subj), len(out)), plain
}

// listHost remembers a reception of a group ("استقبل X عددا من السفراء
// … ويتعلق الأمر بكل من:") whose guests are listed in the lines after it.
type listHost struct {
	host string
	t    schema.Trigger
	sent int
	ev   *event // the first guest's meeting
}

// groupReception reports a group word in the few tokens from k, before any
// person: the object of the reception is a group, not a person.
func (r *run) groupReception(si, k int) bool {
	for e := min(r.sents[si].end, k+12); k < e; k++ {
		if m := r.mstart[k]; m != 0 && r.ments[m-1].typ == schema.Person {
			return false
		}
		if r.word(k, wGroup) {
			return true
		}
	}
	return false
}

// listItem reports whether sentence si is a line of a list: it opens with a
// dash or a bullet.
func (r *run) listItem(si int) bool {
	k := r.sents[si].start
	if k >= len(r.toks) || r.toks[k].Word {
		return false
	}
	switch r.toks[k].S {
	case "-", "–", "—", "•", "*", "·":
		return true
	}
	return false
}

// listGuest reads a list line after a group reception: the first person of
// the line meets the host, each in a meeting of their own (the host receives
// them in turn, they do not meet each other).
func (r *run) listGuest(si int) {
	lh := r.listHost
	ps := r.persons(r.sents[si].start, r.sents[si].end, false)
	if len(ps) == 0 || ps[0] == lh.host {
		return
	}
	date, explicit := r.datedSentence(lh.sent)
	ev := r.newEvent("meeting", date, explicit, []string{lh.host, ps[0]}, lh.sent)
	if ev.venue == "" {
		if vs := r.typed(r.sents[lh.sent].start, r.sents[lh.sent].end, schema.Venue); len(vs) > 0 {
			ev.venue = vs[0]
			ev.city = r.venueCity[vs[0]]
		}
	}
	if lh.ev == nil {
		lh.ev = ev
	}
	r.cur = lh.ev
	if _, ok := ev.roles[lh.host]; !ok && lh.t.Roles["subject"] != "" {
		ev.roles[lh.host] = lh.t.Roles["subject"]
	}
	if _, ok := ev.roles[ps[0]]; !ok && lh.t.Roles["object"] != "" {
		ev.roles[ps[0]] = lh.t.Roles["object"]
	}
	if r.relate("MET_WITH", lh.host, ps[0], map[string]any{"date": ev.date, "venue": ev.venue, "event": ev.id}, si, lh.t) {
		r.relEvent[len(r.rels)-1] = ev
	}
}

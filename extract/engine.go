package extract

import (
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// This file is the frame engine: sentence by sentence, it reads the frames the
// triggers evoke, fills their slots, and turns each reading into an event and
// the relations its frame states. It knows no word of any language: the
// frames, their phrases and their fillers' word lists come from the pack.

// sentenceEvent is an event evoked in a sentence, where its trigger stands.
type sentenceEvent struct {
	ev  *event
	tok int
}

// frames reads every sentence's frames in text order.
func (r *run) frames() {
	r.buf.chainMemo = resize(r.buf.chainMemo, len(r.toks))
	r.chainMemo = r.buf.chainMemo
	defer func() { r.chainMemo = nil }()
	// The multilateral event the first sentences name is what the article is
	// about, before any sentence is read.
	for si := 0; si < len(r.sents) && si <= 2 && r.topicMulti == nil; si++ {
		r.multilaterals(si)
	}
	for si := range r.sents {
		r.evoked = r.evoked[:0]
		r.openWitnessed(si, false)
		r.multilaterals(si)
		sf := r.readSentence(si)
		r.traceSentence(sf)
		r.groupGuests(sf)
		var deferred []int
		for ti := range sf.trigs {
			if !r.evokeOwn(sf, ti) {
				deferred = append(deferred, ti)
			}
		}
		for _, ti := range deferred {
			r.evokeAny(sf, ti)
		}
		r.toldAfter(si)
		if tp := r.sentenceTopic(sf); tp != "" {
			r.lastTopic = tp
		}
	}
	r.openWitnessed(len(r.sents), true)
	r.settleEvents()
	r.officeRelations()
}

// evokeOwn reads trigger ti with its frames that evoke an event of their own,
// in pack order, until one states something. It stops at the first frame
// that adds to an event read elsewhere, which must wait for every event of
// the sentence: it then reports false, and the trigger is read again later.
func (r *run) evokeOwn(sf *sentenceFrame, ti int) bool {
	for _, fi := range sf.trigs[ti].frames {
		f := r.x.frames[fi]
		if f.attach >= 0 {
			return false
		}
		if r.evoke(sf, ti, f) {
			return true
		}
	}
	return true
}

// evokeAny reads trigger ti with every frame, in pack order, until one states
// something.
func (r *run) evokeAny(sf *sentenceFrame, ti int) {
	for _, fi := range sf.trigs[ti].frames {
		if r.evoke(sf, ti, r.x.frames[fi]) {
			return
		}
	}
}

// applies reports whether frame f applies to sentence si: the words it
// requires are there and none of the words that cancel it.
func (r *run) applies(f *cframe, si int) bool {
	for _, l := range f.unless {
		if l == wAppeal {
			continue // read after the trigger only (appealAfter)
		}
		if r.has(si, l) {
			return false
		}
	}
	if len(f.requires) == 0 {
		return true
	}
	for _, l := range f.requires {
		if r.has(si, l) {
			return true
		}
	}
	return false
}

// evoke reads frame f at trigger ti. It reports whether the reading stated an
// event (announced ones included): a trigger is read by one frame only.
func (r *run) evoke(sf *sentenceFrame, ti int, f *cframe) bool {
	t := &sf.trigs[ti]
	si := sf.si
	in := &inst{f: f, sf: sf, ti: ti}
	if !r.applies(f, si) {
		r.traceReading(in, "does not apply (requires/unless)")
		return false
	}
	if r.negated(si, t.start) {
		r.traceReading(in, "negated")
		return f.attach < 0 // a negated event is read, and states nothing
	}
	if r.timeOfOther(in) {
		r.traceReading(in, "tells the time of another event")
		return true // "after the signing ceremony, X said": no signer named
	}
	if r.appealAfter(in) {
		r.traceReading(in, "an appeal to those it names")
		return true // "X called on Y to act": no meeting
	}
	if f.RequiresClause && !r.requiredInClause(in) {
		r.traceReading(in, "does not apply (requires, in its clause)")
		return false
	}
	r.fill(in)
	r.spousesApart(in)
	r.carryOver(in)
	r.delegationMembers(in)
	if !r.states(in) {
		if r.groupObject(in) {
			r.traceReading(in, "waits for the group it names")
			return true
		}
		if r.waitEvent(in) {
			r.traceReading(in, "waits for the event it names")
			return true
		}
		if r.countedSigningOpened(in) {
			r.traceReading(in, "opens the signing of counted documents")
			return false
		}
		if r.openForAside(in) {
			r.traceReading(in, "opens its event for the persons present")
			return false
		}
		r.traceReading(in, "states nothing")
		return false
	}
	var ok bool
	if f.attach >= 0 {
		ok = r.attachTo(in)
	} else {
		ok = r.newReading(in)
	}
	if t.planned {
		r.traceReading(in, "planned")
	} else if ok {
		r.traceReading(in, "stated")
	} else {
		r.traceReading(in, "no event")
	}
	return ok
}

// states reports whether a reading has what at least one of its relations
// needs, and for a meeting two principals.
func (r *run) states(in *inst) bool {
	for _, rel := range in.f.rels {
		switch {
		case rel.among >= 0:
			if len(in.fills[rel.among]) >= 2 {
				return true
			}
		case rel.from >= 0 && (rel.to == slotEvent || rel.to >= 0 && len(in.fills[rel.to]) > 0) && len(in.fills[rel.from]) > 0:
			return true
		}
	}
	return false
}

// principalsOf returns the principals of a reading, in slot order.
func (r *run) principalsOf(in *inst) []string {
	var ps []string
	for _, s := range in.f.principals {
		if s >= 0 {
			ps = append(ps, in.fills[s]...)
		}
	}
	return dedupe(ps)
}

// newReading turns a reading of a frame with an event of its own into that
// event (new, or one read before with the same principals) and its facts.
func (r *run) newReading(in *inst) bool {
	t := in.trig()
	si := in.sf.si
	ps := r.principalsOf(in)
	date, explicit := r.datedSentence(si)
	var ev *event
	if in.f.Event == signingKind {
		treaty := ""
		if s := in.f.slot("treaty"); s >= 0 && len(in.fills[s]) > 0 {
			treaty = in.fills[s][0]
		}
		ev = r.newSigning(treaty, date, explicit, ps, si)
	} else {
		if len(ps) < 2 && r.needsTwo(in.f) {
			return false
		}
		ev = r.newEvent(in.f.Event, date, explicit, ps, si)
	}
	ev.codes(in.f)
	if in.f.Tentative {
		if ev.sent == si && len(ev.frames) == 0 {
			ev.tentative = true
			ev.leadersMet = in.f.LeadersMeet && r.leaders(ps)
		}
	} else {
		if ev.tentative && ev.kind != in.f.Event {
			ev.kind = in.f.Event
			ev.venue, ev.city = "", "" // the talks' venue replaces the welcome's
		}
		ev.tentative = false
	}
	ev.frames = append(ev.frames, in.f.ID)
	r.evoked = append(r.evoked, sentenceEvent{ev: ev, tok: t.start})
	if t.planned {
		if ev.sent == si && len(ev.frames) == 1 {
			ev.modality = "planned" // a plan does not undo an event already reported
		}
		return true
	}
	r.placeEvent(ev, in)
	for k, s := range in.f.slots {
		for _, p := range in.fills[k] {
			if _, ok := ev.roles[p]; !ok && s.types&tPerson != 0 {
				ev.roles[p] = s.name
			}
		}
	}
	if ev.kind != signingKind && len(ev.principals) >= 2 {
		r.cur = ev
	} else if ev.kind == signingKind {
		r.sign = ev
		ev.told = max(ev.told, si)
	}
	r.emit(in, ev)
	r.spousesAttend(in, ev, si)
	if in.delegation != "" && !t.planned {
		// The delegation held talks: its members named before attend them.
		rule := in.f.rule
		for _, m := range r.delegates[in.delegation] {
			if m != in.delegation && !slices.Contains(ev.principals, m) {
				if r.relateRule("ATTENDED", m, ev.id, map[string]any{"event": ev.id, "date": ev.date, "role": "delegation"}, si, rule, in.f.confidence) {
					r.relEvent[len(r.rels)-1] = ev
				}
			}
		}
	}
	r.attachWaiting(ev, si)
	return true
}

// asideAfter reports an aside (in the presence of) after the trigger of in,
// in its sentence: the persons it lists attend the event the trigger tells.
func (r *run) asideAfter(in *inst) bool {
	t := in.trig()
	for k := t.end; k < r.sents[in.sf.si].end; k++ {
		if _, ok := r.wordAt(k, wAside); ok {
			return true
		}
	}
	return false
}

// openForAside opens the event of a reading with one principal, which states
// no fact of its own (a reception whose guests are not named), so that the
// persons its sentence lists as present attend it: "X received, in the
// presence of Y and Z, …". It becomes the current meeting: those present
// at "the meeting" told next attend it too.
func (r *run) openForAside(in *inst) bool {
	t := in.trig()
	if in.f.attach >= 0 || in.f.Event == signingKind || !r.needsTwo(in.f) || t.planned || t.form == formNoun || !r.asideAfter(in) {
		return false
	}
	ps := r.principalsOf(in)
	if len(ps) != 1 {
		return false
	}
	date, explicit := r.datedSentence(in.sf.si)
	ev := r.newEvent(in.f.Event, date, explicit, ps, in.sf.si)
	ev.codes(in.f)
	ev.frames = append(ev.frames, in.f.ID)
	r.placeEvent(ev, in)
	ev.roles[ps[0]] = in.f.slots[in.f.principals[0]].name
	r.evoked = append(r.evoked, sentenceEvent{ev: ev, tok: t.start})
	r.cur = ev
	return true
}

// delegationMembers keeps, for a reading that makes persons attend (an
// entourage: the delegation includes X, Y), the persons it names as members
// of the delegation whose reference stands in the trigger's phrase or right
// before it, when that delegation's head is known.
func (r *run) delegationMembers(in *inst) {
	t := in.trig()
	s := r.sents[in.sf.si]
	near := false
	for k := max(s.start, t.start-6); k < t.end && !near; k++ {
		if h, ok := r.hitAt(k, kRef); ok && h.lx.sub == refDelegation {
			near = true
		}
	}
	if !near {
		return
	}
	head := r.delegationHead(t.start)
	if head == "" {
		return
	}
	for _, rel := range in.f.rels {
		if rel.typ != "ATTENDED" || rel.from < 0 || rel.to >= 0 && in.f.slots[rel.to].sidelines() {
			continue
		}
		for _, p := range in.fills[rel.from] {
			if a := r.ents[p]; a != nil && a.Type == schema.Person && p != head && !slices.Contains(r.delegates[head], p) {
				if r.delegates == nil {
					r.delegates = map[string][]string{}
				}
				r.delegates[head] = append(r.delegates[head], p)
			}
		}
	}
}

// carried is what a carrying slot found in a reading that stated nothing,
// and that reading.
type carried struct {
	ids  []string
	sent int
	in   *inst
}

// carryOver fills the empty carrying slots of in with what a reading before
// kept for a slot of that name, and keeps what its own carrying slots found
// when another slot of its relations found nothing ("وقعت موريتانيا
// والسنغال 7 اتفاقيات" and the agreements each told after).
func (r *run) carryOver(in *inst) {
	for k, s := range in.f.slots {
		if !s.carry {
			continue
		}
		c, ok := r.carry[s.name]
		switch {
		case len(in.fills[k]) == 0 && ok && in.sf.si-c.sent <= 4:
			in.fills[k] = c.ids
			if !r.states(in) {
				r.carry[s.name] = carried{ids: c.ids, sent: in.sf.si, in: in} // told again: the treaties come after this one
			}
		case len(in.fills[k]) > 0 && !r.states(in):
			r.carry[s.name] = carried{ids: in.fills[k], sent: in.sf.si, in: in}
		case len(in.fills[k]) > 0:
			delete(r.carry, s.name)
		}
	}
}

// toldAfter reads the treaties sentence si names without a signing of its
// own, in the sentences right after a reading whose carrying slot found what
// signed but no treaty ("وقعت السعودية وماليزيا أربع مذكرات تفاهم"، then
// "وتتعلق مذكرة التفاهم الثالثة بـ…"): that reading states each of them, with
// its carried fill alone.
func (r *run) toldAfter(si int) {
	for _, se := range r.evoked {
		if se.ev.kind == signingKind {
			return // the sentence tells a signing of its own
		}
	}
	names := make([]string, 0, len(r.carry))
	for name := range r.carry {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		c := r.carry[name]
		if c.in == nil || si <= c.sent || si-c.sent > 4 {
			continue
		}
		f := c.in.f
		ts, cs := f.slot("treaty"), f.slot(name)
		if ts < 0 || cs < 0 {
			continue
		}
		for _, m := range r.mentsIn(r.sents[si].start, r.sents[si].end) {
			if m.typ != schema.Treaty || r.signed(m.id) || r.namedBefore(m.id, c.sent) {
				continue
			}
			in := &inst{f: f, sf: c.in.sf, ti: c.in.ti, fills: make([][]string, len(f.slots))}
			in.fills[cs], in.fills[ts] = c.ids, []string{m.id}
			r.newReading(in)
			r.traceReading(in, "stated, told after")
			c.sent = si // a list of them goes on
			r.carry[name] = c
		}
	}
}

// signed reports a treaty with a signing read already.
func (r *run) signed(treaty string) bool {
	for _, ev := range r.evs {
		if ev.kind == signingKind && ev.treaty == treaty {
			return true
		}
	}
	return false
}

// requiredInClause reports a word of one of the lists frame in.f requires
// in the clause of its trigger.
func (r *run) requiredInClause(in *inst) bool {
	sg := in.sf.segs[in.trig().seg]
	for k := sg.start; k < sg.end && k < len(r.toks); k++ {
		for _, l := range in.f.requires {
			if r.isWord[k].has(l) || r.starts[k].has(l) {
				return true
			}
		}
	}
	return false
}

// waitingAttach is the reading of a frame that adds to an event the text
// names before it tells it: "شهدت كوالالمبور توقيع أربع مذكرات، بحضور X و
// Y" and the memoranda signed in the next sentences.
type waitingAttach struct {
	in      *inst
	signing bool // the sentence named a signing: only a signing takes it
}

// waitEvent keeps a reading of a frame with no event of its own whose event
// slot found nothing while its persons are named and its sentence names an
// event: the next event evoked within two sentences takes them.
func (r *run) waitEvent(in *inst) bool {
	if in.f.attach < 0 || in.trig().planned || len(in.fills[in.f.attach]) > 0 {
		return false
	}
	bilateral := false
	for _, fl := range in.f.slots[in.f.attach].fill {
		bilateral = bilateral || fl.kind == fCurrent || fl.kind == fSigning || fl.kind == fCountedSigning
	}
	if !bilateral {
		return false // a multilateral event is named, or none is taken
	}
	persons := false
	for k, s := range in.f.slots {
		if k != in.f.attach && s.types&tPerson != 0 && len(in.fills[k]) > 0 {
			persons = true
		}
	}
	if !persons {
		return false
	}
	s := r.sents[in.sf.si]
	named, signing := false, false
	for k := s.start; k < s.end; k++ {
		if h, ok := r.hitAt(k, kEvent); ok {
			named = true
			signing = signing || h.lx.sub == signingKind
		}
	}
	if !named {
		return false
	}
	r.waiting = append(r.waiting, waitingAttach{in: in, signing: signing})
	return true
}

// attachWaiting gives event ev, evoked in sentence si, the readings that wait
// for it.
func (r *run) attachWaiting(ev *event, si int) {
	kept := r.waiting[:0]
	for _, w := range r.waiting {
		switch {
		case si-w.in.sf.si > 2:
			continue // too far: the event it named was never told
		case w.signing != (ev.kind == signingKind):
			kept = append(kept, w)
		default:
			w.in.fills[w.in.f.attach] = []string{ev.id}
			r.emit(w.in, ev)
		}
	}
	r.waiting = kept
}

// pendingGroup is a reading whose object is a group named afterwards:
// "استقبل X عددا من السفراء" and the list of ambassadors after it.
type pendingGroup struct {
	in   *inst
	slot int // the empty principal slot the group fills
	sent int
	took bool
}

// groupObject reports a reading of a frame with principals whose first slot is
// filled and one other empty while a group word follows the trigger in its
// clause before any person: the reading waits for the list of the group in
// the next sentences (groupGuests).
func (r *run) groupObject(in *inst) bool {
	if in.f.Event == "" || len(in.f.principals) < 2 || in.trig().planned {
		return false
	}
	first, empty := in.f.principals[0], -1
	for _, s := range in.f.principals[1:] {
		if s >= 0 && len(in.fills[s]) == 0 && empty < 0 {
			empty = s
		}
	}
	if empty >= 0 {
		last := in.f.slots[empty].fill[len(in.f.slots[empty].fill)-1].kind
		if last != fObject && last != fList {
			return false // a guest read after a marker word, not the object's group
		}
	}
	if first < 0 || len(in.fills[first]) == 0 || empty < 0 {
		return false
	}
	t := in.trig()
	sg := in.sf.segs[t.seg]
	for k := t.end; k < sg.end && k < t.end+24; k++ {
		if m := r.mstart[k]; m > 0 && r.ments[m-1].typ == schema.Person && !slices.Contains(in.fills[first], r.ments[m-1].id) {
			return false
		}
		if r.word(k, wGroup) {
			r.group = &pendingGroup{in: in, slot: empty, sent: in.sf.si}
			return true
		}
	}
	return false
}

// groupGuests reads the sentence after a reading that waits for its group:
// the persons a list line or a listing sentence names are each a principal of
// a reading of their own (the host receives them in turn; they do not meet
// each other). A sentence that names persons in no list ends the wait.
func (r *run) groupGuests(sf *sentenceFrame) {
	g := r.group
	if g == nil || sf.si == g.sent {
		return
	}
	s := r.sents[sf.si]
	line := s.start < s.end && !r.toks[s.start].Word && bullet(r.toks[s.start].S)
	var ps []string
	for _, sg := range sf.segs {
		for _, it := range sg.items {
			if it.typ == schema.Person && it.ref == "" {
				ps = append(ps, it.id)
				if line {
					break
				}
			}
		}
		if line && len(ps) > 0 {
			break
		}
	}
	if len(ps) == 0 {
		if sf.si > g.sent+2 && !g.took {
			r.group = nil
		}
		return
	}
	if !line && !r.has(sf.si, wListLead) {
		r.group = nil // persons in no list: the group was not listed
		return
	}
	g.took = true
	for _, p := range ps {
		in := &inst{f: g.in.f, sf: g.in.sf, ti: g.in.ti, fills: make([][]string, len(g.in.fills))}
		copy(in.fills, g.in.fills)
		in.fills[g.slot] = []string{p}
		if slices.Contains(in.fills[in.f.principals[0]], p) {
			continue
		}
		r.newReading(in)
		r.guests = append(r.guests, p)
	}
	if !line {
		r.group = nil
	}
}

// needsTwo reports a frame whose facts are all between two persons (MET_WITH):
// with fewer than two principals it states nothing.
func (r *run) needsTwo(f *cframe) bool {
	for _, rel := range f.rels {
		if rel.typ != "MET_WITH" {
			return false
		}
	}
	return true
}

// attachTo adds a reading of a frame with no event of its own to the event
// its event slot found.
func (r *run) attachTo(in *inst) bool {
	ids := in.fills[in.f.attach]
	if len(ids) == 0 {
		return false
	}
	for _, id := range ids {
		ev := r.eventByID(id)
		if ev == nil || in.trig().planned || ev.modality == "planned" {
			continue
		}
		if ev.kind == signingKind && ev.treaty == "" && len(ev.principals) == 0 && !ev.counted {
			continue // "شهدا توقيع 20 وثيقة": no document, no signer named
		}
		ev.codes(in.f)
		in.fills[in.f.attach] = []string{id}
		r.emit(in, ev)
		if ev.scale == "multilateral" {
			// An entourage later in the sentence goes with the summit.
			r.evoked = append(r.evoked, sentenceEvent{ev: ev, tok: in.trig().start})
		}
	}
	in.fills[in.f.attach] = ids
	return true
}

// emit records the relations frame reading in states about event ev.
func (r *run) emit(in *inst, ev *event) {
	si := in.sf.si
	conf := in.f.confidence
	rule := in.f.rule
	fills := func(s int) []string {
		if s == slotEvent {
			return []string{ev.id}
		}
		if s < 0 {
			return nil
		}
		return in.fills[s]
	}
	add := func(typ, from, to, role string) {
		if from == "" || to == "" || from == to {
			return
		}
		props := map[string]any{"event": ev.id, "date": ev.date}
		switch typ {
		case "MET_WITH":
			props["venue"] = ev.venue
		case "ATTENDED", "PARTICIPATED_IN":
			if o := r.eventByID(to); o != nil && o != ev && o.scale == "multilateral" && ev.scale != "multilateral" {
				// a meeting's principal attends the summit on whose sidelines it is held
				props["event"] = o.id
				if o.date != "" {
					props["date"] = o.date
				}
			} else if slices.Contains(ev.principals, from) && ev.scale != "multilateral" || slices.Contains(r.guests, from) {
				return // a principal attends nothing of their own meeting
			} else if ev.counted && !r.x.lang.SigningsApart && r.metBefore(from, ev) {
				return // the documents of the talks they held: part of their meeting
			}
			props["role"] = role
		case "PARTY_TO":
			delete(props, "date") // a party for good: the signing carries the date
			delete(props, "event")
		case "SIGNED":
			if a := r.ents[from]; a != nil && a.Type == schema.Country && r.namedBefore(to, si) {
				return // "وقعت الصين وروسيا على الاتفاقية" of a treaty read before: its history
			}
		}
		if r.relateRule(typ, from, to, props, si, rule, conf) {
			r.relEvent[len(r.rels)-1] = ev
		}
	}
	treaty := in.f.slot("treaty")
	var own map[string]string
	if treaty >= 0 {
		own, _ = r.ownParties(in, in.fills[treaty])
	}
	for _, rel := range in.f.rels {
		if rel.among >= 0 {
			ps := fills(rel.among)
			if len(ps) < 2 || len(ps) > 3 || r.has(si, wSeries) {
				continue
			}
			for a := 0; a < len(ps); a++ {
				for b := a + 1; b < len(ps); b++ {
					add(rel.typ, ps[a], ps[b], "")
				}
			}
			continue
		}
		role := ""
		if rel.from >= 0 {
			role = in.f.slots[rel.from].name
		}
		for _, from := range fills(rel.from) {
			if rel.viaCountry {
				from = r.personCountry(from)
				if a := r.ents[from]; a == nil || len(a.Mentions) == 0 {
					continue // a country the document never names is no node of it
				}
			}
			for _, to := range fills(rel.to) {
				if t, ok := own[from]; ok && rel.to == treaty && t != to {
					continue // a party of another document of the list
				}
				add(rel.typ, from, to, role)
			}
		}
	}
}

// namedBefore reports whether entity id was named in a sentence before si
// other than the first (a headline).
func (r *run) namedBefore(id string, si int) bool {
	a := r.ents[id]
	if a == nil || si < 1 {
		return false
	}
	for _, m := range a.Mentions {
		if m.Start < r.sents[si].from && m.Start >= r.sents[0].to {
			return true
		}
	}
	return false
}

// eventByID returns the event read with id, or nil.
func (r *run) eventByID(id string) *event {
	for _, ev := range r.evs {
		if ev.id == id {
			return ev
		}
	}
	return nil
}

// currentOf returns the event evoked nearest to the trigger of in in its
// sentence, else the event read last.
func (r *run) currentOf(in *inst) *event {
	t := in.trig()
	var best *event
	dist := 1 << 30
	for _, se := range r.evoked {
		d := se.tok - t.start
		if d < 0 {
			d = -d
		} else {
			d++ // a tie goes to the event read before
		}
		if d < dist && se.ev.modality != "planned" {
			best, dist = se.ev, d
		}
	}
	if best != nil {
		return best
	}
	if r.cur != nil && r.cur.modality != "planned" {
		return r.cur
	}
	return nil
}

// signingOf returns the signing evoked in the sentence of in, else the one
// read in the sentence before.
func (r *run) signingOf(in *inst) *event {
	// "ثم شهدا توقيع T، وقعها X": the signing of the treaty named right
	// after the trigger, when the sentence evoked it.
	t := in.trig()
	if ts := r.typed(t.end, r.sents[in.sf.si].end, schema.Treaty); len(ts) > 0 {
		for _, se := range r.evoked {
			if se.ev.kind == signingKind && se.ev.treaty == ts[0] {
				return se.ev
			}
		}
	}
	for _, se := range r.evoked {
		if se.ev.kind == signingKind {
			return se.ev
		}
	}
	if r.sign == nil {
		return nil
	}
	last := r.sign.sent
	if r.x.lang.SigningsApart {
		// Where a signing is an event apart, the sentence that told it
		// again counts: "The MoU was signed by X and Y. Z was also present
		// on the occasion."
		last = max(last, r.sign.told)
	}
	if last >= in.sf.si-1 {
		return r.sign
	}
	return nil
}

// sentenceTopic returns the first person sentence sf names, or "".
func (r *run) sentenceTopic(sf *sentenceFrame) string {
	for _, sg := range sf.segs {
		for _, it := range sg.items {
			if it.typ == schema.Person && it.ref == "" {
				return it.id
			}
		}
	}
	return ""
}

// placeEvent gives a new event of sentence si its venue and city: the first
// venue of the sentence, else that of the event it happened on the sidelines
// of, else the venue where its host met someone earlier that day.
func (r *run) placeEvent(ev *event, in *inst) {
	si := in.sf.si
	t := in.trig()
	if ev.venue == "" {
		if vs := r.typed(r.sents[si].start, r.sents[si].end, schema.Venue); len(vs) > 0 {
			ev.venue, ev.city = vs[0], r.venueCity[vs[0]]
		}
	}
	if m := r.sidelinesOf(in.sf); m != nil && m != ev {
		ev.partOf = m.id
		if ev.venue == "" {
			ev.venue, ev.city = m.venue, m.city
		}
		if !ev.explicit && m.date != "" && ev.date != m.date {
			r.redate(ev, m.date)
		}
	}
	if ev.venue == "" {
		if prev := r.hostVenue(ev); prev != nil {
			ev.venue, ev.city = prev.venue, prev.city
		}
	}
	if ev.city == "" {
		if cs := r.typed(t.start, r.sents[si].end, schema.City); len(cs) > 0 {
			ev.city = cs[0]
		}
	}
}

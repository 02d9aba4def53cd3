package extract

import (
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// inst is one reading of a frame at a trigger: the frame, where it was
// evoked, and what its slots hold.
type inst struct {
	f     *cframe
	sf    *sentenceFrame
	ti    int
	fills [][]string // by slot: entity ids (event ids for event slots)
	// subjEnd is where the subject the subject filler took ends, so the
	// object filler takes a list after it.
	subjEnd int
	// subjAfter marks a subject the subject filler took after a verb (the
	// verb first), and subjSlot the slot it filled.
	subjAfter bool
	subjSlot  int
	// delegation is the head of the delegation a reference of a filled
	// slot stood for (the delegation held talks with X); "" none.
	delegation string
	// spouses are the persons spousesApart took out of the principal
	// slots: they attend the event.
	spouses []string
}

func (in *inst) trig() *trig { return &in.sf.trigs[in.ti] }

// fill runs the fillers of every slot of in.
func (r *run) fill(in *inst) {
	in.fills = make([][]string, len(in.f.slots))
	in.subjEnd, in.subjAfter, in.subjSlot, in.delegation = 0, false, -1, ""
	t := in.trig()
	refOnly := t.form == formNoun && t.def && !r.lightVerbBefore(in.sf.si, t.start)
	taken := map[string]bool{}
	for si, s := range in.f.slots {
		for _, fl := range s.fill {
			if refOnly && (fl.kind == fSubject || fl.kind == fTopic || fl.kind == fPrincipals) {
				continue // المباحثات: a definite noun names no new subject
			}
			if fl.kind == fTopic {
				continue // read last, when the text names no one else (below)
			}
			ids := r.runFiller(in, fl, s.types)
			if s.types&^tEvent != 0 {
				out := make([]string, 0, len(ids))
				for _, id := range ids {
					if !taken[id] && !r.ofKind(id, s.notKinds) {
						out = append(out, id)
					}
				}
				ids = out
			}
			if len(ids) > 0 {
				in.fills[si] = ids
				for _, id := range ids {
					taken[id] = true
				}
				if fl.kind == fSubject && in.subjAfter && in.subjSlot < 0 {
					in.subjSlot = si
				}
				break
			}
		}
	}
	r.dropSubject(in, refOnly)
	// The topic fills a slot the text left empty, when the reading named
	// someone else and no list of its own already makes its principals
	// (مباحثات برئاسة X و Y has no subject to guess).
	if refOnly || r.amongFilled(in) || r.unnamedSubject(in) {
		return
	}
	for si, s := range in.f.slots {
		if len(in.fills[si]) > 0 || !slices.ContainsFunc(s.fill, func(f filler) bool { return f.kind == fTopic }) {
			continue
		}
		if id := r.topic(in); id != "" && !taken[id] {
			in.fills[si] = []string{id}
			taken[id] = true
		}
	}
}

// dropSubject reads a verb with no subject of its own: in a clause opened by
// a clause word (حيث التقى Y، كما التقى Y), or after an event of the topic
// evoked earlier in the sentence (…، ثم استقبل Y), a verb whose one list
// after it filled the first principal and nothing the second has the topic
// as subject (the person named earlier in the sentence, or the host of the
// meeting under way) and that list as its object.
func (r *run) dropSubject(in *inst, refOnly bool) {
	if refOnly || !in.subjAfter || in.subjSlot < 0 || len(in.f.principals) < 2 {
		return
	}
	first, second := in.f.principals[0], in.f.principals[1]
	if in.subjSlot != first || len(in.fills[second]) > 0 {
		return
	}
	t := in.trig()
	sg := in.sf.segs[t.seg]
	if in.f.slots[second].types&tPerson == 0 {
		return
	}
	clauseWord := r.word(sg.start, wClause) && sg.start < t.start
	if clauseWord && t.seg == 0 && (r.cur == nil || r.cur.modality == "planned") {
		return // no meeting under way to take the subject from
	}
	id := r.topic(in)
	if id == "" || slices.Contains(in.fills[first], id) {
		return
	}
	// An event the sentence evoked before with the topic among its
	// principals goes on (تسلم X أوراق اعتماد Y، ثم استقبل Z); one of the same
	// kind without it is the list this clause goes on with, whose subject it
	// shares ("يلتقي خلالها مع X، كما يلتقي Y").
	goesOn := false
	for _, se := range r.evoked {
		if se.tok >= t.start || se.ev.modality == "planned" {
			continue
		}
		if slices.Contains(se.ev.principals, id) {
			goesOn = true
		} else if se.ev.kind == in.f.Event {
			return
		}
	}
	if !clauseWord && !goesOn {
		return
	}
	in.fills[second] = in.fills[first]
	in.fills[first] = []string{id}
}

// unnamedSubject reports a verb whose subject is a spouse named by her
// spouse's title only ("والتقت عقيلة الرئيس مع X"): the clause has a
// subject, and it is not the topic.
func (r *run) unnamedSubject(in *inst) bool {
	t := in.trig()
	if t.form == formNoun || t.end >= len(r.toks) {
		return false
	}
	if _, ok := r.wordAt(t.end, wSpouse); ok {
		return true
	}
	return false
}

// amongFilled reports a reading whose relations among one slot's fillers
// already have two of them.
func (r *run) amongFilled(in *inst) bool {
	for _, rel := range in.f.rels {
		if rel.among >= 0 && len(in.fills[rel.among]) >= 2 {
			return true
		}
	}
	return false
}

// gref is a group of a sentence: its clause and its index there.
type gref struct {
	sg *segment
	g  *group
}

// governed returns the groups trigger ti of sf governs, in text order: those
// of its clause, and of a clause that resumes it after a relative clause.
func (r *run) governed(sf *sentenceFrame, ti int) []gref {
	return r.appendGoverned(nil, sf, ti)
}

// appendGoverned is governed appending to out.
func (r *run) appendGoverned(out []gref, sf *sentenceFrame, ti int) []gref {
	for k := range sf.segs {
		sg := &sf.segs[k]
		for gi := range sg.groups {
			if sg.groups[gi].gov == ti {
				out = append(out, gref{sg, &sg.groups[gi]})
			}
		}
	}
	return out
}

// runFiller returns what one filler finds for a slot taking types.
func (r *run) runFiller(in *inst, fl filler, types typeMask) []string {
	t := in.trig()
	var out []string
	addGroup := func(sg *segment, g *group) {
		for _, ii := range g.items {
			if it := &sg.items[ii]; it.ref == "" {
				if typeBit(it.typ)&types != 0 {
					out = append(out, it.id) // itemIDs of a mention, without its slice
				}
				continue
			}
			if in.f.Event == signingKind && r.word(sg.items[ii].start, wPartyRef) {
				continue // "ووقع الجانبان T": the two sides, no signer named
			}
			ids := r.itemIDs(sg.items[ii], types)
			if sg.items[ii].ref == refDelegation && len(ids) > 0 {
				in.delegation = ids[0]
			}
			out = append(out, ids...)
		}
	}
	var room [8]gref // most triggers govern a few groups
	gs := r.appendGoverned(room[:0], in.sf, in.ti)
	if types&tCountry != 0 {
		// "وقعها من جانب الإمارات X": a country that labels a side
		// names whose the signer is; it fills no slot itself.
		kept := gs[:0:0]
		for _, x := range gs {
			if !r.sideLabel(x.sg, x.g) && !r.officeCountries(x.sg, x.g) {
				kept = append(kept, x)
			}
		}
		gs = kept
	}
	switch fl.kind {
	case fSubject:
		for _, x := range gs {
			if x.g.pre && !x.g.opaque && !x.g.prep && !(x.g.inTitle && r.x.lang.TitleStatesApart) && r.groupHas(x.sg, x.g, types) {
				addGroup(x.sg, x.g)
				in.subjEnd = max(in.subjEnd, x.g.end)
			}
		}
		if len(out) == 0 && t.form != formNoun && r.x.lang.SubjectFirst {
			// X was received by Y and met with Z: a verb coordinated with the
			// one before it shares its subject.
			for p := r.coordinated(in.sf, in.ti); p >= 0 && len(out) == 0; p = r.coordinated(in.sf, p) {
				for _, x := range r.governed(in.sf, p) {
					if x.g.pre && !x.g.opaque && !x.g.prep && r.groupHas(x.sg, x.g, types) {
						addGroup(x.sg, x.g)
					}
				}
			}
		}
		if len(out) == 0 && t.form != formNoun && !r.x.lang.SubjectFirst {
			// Verb first: the first list the verb governs directly.
			for _, x := range gs {
				g := x.g
				if g.pre || g.via >= 0 || g.opaque || g.prep || g.inTitle || g.start < t.end {
					continue
				}
				if r.groupHas(x.sg, g, types) || r.strongGroup(x.sg, g) {
					// The first list after the verb is its subject, whatever
					// its type: "وقع الرئيس X اتفاقيات في الكويت" has no
					// state as subject.
					addGroup(x.sg, g)
					in.subjEnd, in.subjAfter = g.end, true
					break
				}
			}
		}
	case fObject:
		for _, x := range gs {
			g := x.g
			if !g.pre && g.via < 0 && !g.opaque && !g.prep && g.start >= t.end && g.start >= in.subjEnd && r.groupHas(x.sg, g, types) {
				addGroup(x.sg, g)
				break
			}
		}
	case fAfter:
		for _, x := range gs {
			if x.g.via >= 0 && x.sg.marks[x.g.via].l == fl.list {
				addGroup(x.sg, x.g)
			}
		}
		if len(out) == 0 && types&tPerson != 0 {
			out = r.pairInMarker(in, fl.list)
		}
	case fList:
		for _, x := range gs {
			if !x.g.pre && x.g.via < 0 && !x.g.opaque && !x.g.prep {
				addGroup(x.sg, x.g)
			}
		}
		out = append(out, r.listGoesOn(in, types)...)
		if rel := t.start - 1; len(out) == 0 && types&tPerson != 0 && rel > 0 && r.word(rel, wRelative) {
			// "X، الذي حضر المحادثات": the antecedent of a relative clause is
			// the list of the verb that opens it.
			if id := r.antecedent(in.sf, rel); id != "" {
				out = append(out, id)
			}
		}
	case fAll:
		// "ووقع الرئيسان T في خطوة وصفها X": with its subject before the
		// treaty, a verb's direct lists end at the treaty's title.
		te := -1
		for _, m := range r.mentsIn(t.end, r.sents[in.sf.si].end) {
			if m.typ == schema.Treaty {
				te = m.end
				break
			}
		}
		subjBefore := false
		for _, x := range gs {
			if g := x.g; te >= 0 && !g.opaque && !g.prep && g.via < 0 && g.end <= te {
				subjBefore = true
			}
		}
		for _, x := range gs {
			g := x.g
			if g.opaque || g.prep {
				continue
			}
			if g.via >= 0 {
				if l := x.sg.marks[g.via].l; l != wWith && l != wBetween {
					continue
				}
			} else if subjBefore && g.start >= te {
				continue
			}
			if g.end <= t.start && r.reportedAfter(g.end, t.start) {
				continue // "وصرح X بأنه تم توقيع T": the speaker signs nothing
			}
			addGroup(x.sg, g)
		}
	case fCarried:
		// The head of one side, named in the clause or sentence before the
		// other's (the Omani side was headed by X, while …).
		if c, ok := r.carry[fl.slot]; ok && in.sf.si-c.sent <= 1 {
			out = append(out, c.ids...)
		}
	case fTopic:
		if types&tPerson != 0 {
			if id := r.topic(in); id != "" {
				out = append(out, id)
			}
		}
	case fPrincipals:
		if ev := r.cur; ev != nil && ev.modality != "planned" {
			out = append(out, ev.principals...)
		}
	case fTreaty:
		out = r.treatiesOf(in)
	case fScope:
		for _, it := range in.sf.segs[t.seg].items {
			if it.ref == "" && typeBit(it.typ)&types != 0 && !r.inTreaty[it.start] {
				out = append(out, it.id)
			}
		}
	case fPlace:
		if id := r.visitedAt(t.end); id != "" {
			out = append(out, id)
		}
	case fEvent:
		for _, ev := range r.multisOf(in) {
			out = append(out, ev.id)
		}
	case fCurrent:
		if ev := r.currentOf(in); ev != nil {
			if !r.x.lang.SigningsApart || !r.ownEvent(in, ev) {
				out = append(out, ev.id)
			}
		} else {
			// No talks are under way: a delegation goes to the summit the
			// article is about.
			for _, ev := range r.multisOf(in) {
				out = append(out, ev.id)
			}
		}
	case fSigning:
		if ev := r.signingOf(in); ev != nil {
			out = append(out, ev.id)
		}
	case fCountedSigning:
		if ev := r.countedSigning(in); ev != nil {
			out = append(out, ev.id)
		}
	case fSidelines:
		if ev := r.sidelinesOf(in.sf); ev != nil {
			out = append(out, ev.id)
		}
	case fListParties:
		own, order := r.ownParties(in, r.treatiesOf(in))
		for _, id := range order {
			if a := r.ents[id]; own[id] != "" && a != nil && typeBit(a.Type)&types != 0 {
				out = append(out, id)
			}
		}
	case fTitleParties:
		for _, id := range r.treatiesOf(in) {
			out = append(out, r.titleParties(id, t.seg, in.sf, types)...)
		}
	case fAntecedent:
		if id := r.pronounAntecedent(in); id != "" {
			out = append(out, id)
		}
	case fPossessor:
		out = append(out, r.possessors(in)...)
	case fDative:
		for _, x := range gs {
			if g := x.g; g.prep && !g.opaque && g.via < 0 && r.dativeAt(g.prepAt) {
				addGroup(x.sg, g)
			}
		}
	}
	return dedupe(out)
}

// coordinated returns the trigger that trigger ti of sf is coordinated
// with: the one before it in its clause, when a list separator (and) stands
// right before ti; -1 when there is none.
func (r *run) coordinated(sf *sentenceFrame, ti int) int {
	t := sf.trigs[ti]
	if k := t.start - 1; ti == 0 || k < 0 || !r.toks[k].Word || !r.tokIn(k, wSeparator) {
		return -1
	}
	if p := sf.trigs[ti-1]; p.seg == t.seg && p.end < t.start {
		return ti - 1
	}
	return -1
}

// strongGroup reports a group with a person, a country or an organisation the
// gazetteer knows: a body read from an org noun alone may be an apposition.
func (r *run) strongGroup(sg *segment, g *group) bool {
	for _, ii := range g.items {
		it := sg.items[ii]
		if typeBit(it.typ)&(tPerson|tCountry|tOrganization) == 0 {
			continue
		}
		if a := r.ents[it.id]; it.ref != "" || a == nil || !a.weak {
			return true
		}
	}
	return false
}

// ofKind reports whether entity id is a gazetteer entry of one of kinds.
func (r *run) ofKind(id string, kinds []string) bool {
	if len(kinds) == 0 {
		return false
	}
	a := r.ents[id]
	return a != nil && a.entry != nil && slices.Contains(kinds, a.entry.Kind)
}

// groupHas reports whether group g holds an item of types.
func (r *run) groupHas(sg *segment, g *group, types typeMask) bool {
	for _, ii := range g.items {
		if typeBit(sg.items[ii].typ)&types != 0 {
			return true
		}
	}
	return false
}

// itemIDs resolves an item to the entities it names, if of types.
func (r *run) itemIDs(it item, types typeMask) []string {
	if it.ref == "" {
		if typeBit(it.typ)&types != 0 {
			return []string{it.id}
		}
		return nil
	}
	if types&tPerson == 0 {
		return nil
	}
	ev := r.cur
	if ev != nil && ev.modality == "planned" {
		ev = nil
	}
	switch it.ref {
	case "principals":
		if ev != nil {
			return append([]string(nil), ev.principals...)
		}
		return r.lastPersons(it.start, 2) // الزعيمين with no meeting read: the two named last
	case "host":
		if ev != nil && len(ev.principals) > 0 {
			return ev.principals[:1:1]
		}
		if ev == nil && r.cur == nil {
			// معاليه with no meeting read yet: the person the article opens with.
			if id := r.firstPerson(it.start); id != "" {
				return []string{id}
			}
		}
	case "guest":
		if ev != nil && len(ev.principals) == 2 {
			return ev.principals[1:2:2]
		}
	case refOfficePair:
		return r.officePair(it.start, it.end)
	case refDelegation:
		if id := r.delegationHead(it.start); id != "" {
			return []string{id}
		}
	}
	return nil
}

// refDelegation is the reference kind of a delegation named before (the
// delegation): it stands for the person who heads it.
const refDelegation = "delegation"

// definiteBefore reports the article, as a word of its own, up to four
// words before token i with only words between that may qualify a noun (the
// senior Eritrean Government delegation); no word of the function list
// (a, an) may come first.
func (r *run) definiteBefore(i int) bool {
	if !r.x.articleWord {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if !r.toks[k].Word {
			return false
		}
		if r.toks[k].S == r.x.article {
			return true
		}
		if r.tokIn(k, wFunction) || r.tokIn(k, wSeparator) {
			return false
		}
	}
	return false
}

// delegationHead returns the person who heads the delegation named last
// before token i: the one named right after a word of chair_words (led by,
// headed by) that follows a delegation reference. "" when none was named.
func (r *run) delegationHead(i int) string {
	for k := i - 1; k > 0; k-- {
		h, ok := r.wordAt(k, wChair)
		if !ok || h.end > i {
			continue
		}
		named := false
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if rh, ok := r.hitAt(j, kRef); ok && rh.lx.sub == refDelegation {
				named = true
				break
			}
		}
		if !named {
			continue
		}
		for _, m := range r.mentsIn(h.end, min(i, h.end+15)) {
			if m.typ == schema.Person && r.adjacent(h.end, m.start) {
				return m.id
			}
		}
	}
	return ""
}

// lastPersons returns the n distinct persons named last before token i, in
// the sentence of i or the two before it, or none when fewer were named.
func (r *run) lastPersons(i, n int) []string {
	si := r.sentenceOf(i)
	from := 0
	if si > 2 {
		from = r.sents[si-2].start
	}
	var out []string
	ms := r.mentsIn(from, i)
	for k := len(ms) - 1; k >= 0 && len(out) < n; k-- {
		if ms[k].typ == schema.Person && !slices.Contains(out, ms[k].id) {
			out = append(out, ms[k].id)
		}
	}
	if len(out) < n {
		return nil
	}
	slices.Reverse(out)
	return out
}

// topic returns the person sentence si is about, for a trigger whose clause
// names no subject: the first person of the sentence before the trigger's
// clause, else the host of the event read last.
func (r *run) topic(in *inst) string {
	if id := r.frontedSubject(in); id != "" {
		return id
	}
	t := in.trig()
	if t.seg > 0 && r.word(in.sf.segs[t.seg].start, wRelative) {
		// "X، الذي يقوم بزيارة …": a relative clause is about the person
		// named right before it.
		items := in.sf.segs[t.seg-1].items
		for k := len(items) - 1; k >= 0; k-- {
			if items[k].typ == schema.Person {
				if ids := r.itemIDs(items[k], tPerson); len(ids) > 0 {
					return ids[len(ids)-1]
				}
			}
		}
	}
	for k := 0; k < t.seg; k++ {
		for _, it := range in.sf.segs[k].items {
			if it.typ == schema.Person {
				if ids := r.itemIDs(it, tPerson); len(ids) > 0 {
					return ids[0]
				}
			}
		}
	}
	if r.x.lang.SubjectFirst {
		// X arrived in Cairo on a state visit to Egypt: the subject of a
		// trigger before this one in its clause.
		for p := in.ti - 1; p >= 0 && in.sf.trigs[p].seg == t.seg; p-- {
			for _, x := range r.governed(in.sf, p) {
				if !x.g.pre || x.g.opaque || x.g.prep {
					continue
				}
				for _, ii := range x.g.items {
					if it := x.sg.items[ii]; it.typ == schema.Person {
						if ids := r.itemIDs(it, tPerson); len(ids) > 0 {
							return ids[0]
						}
					}
				}
			}
		}
	}
	if r.cur != nil && r.cur.modality != "planned" && len(r.cur.principals) > 0 {
		return r.cur.principals[0]
	}
	return r.lastTopic
}

// listGoesOn returns the persons of the sentences after a list trigger's
// sentence that go on with its list: "حضر اللقاء X. ومن الجانب الهندي Y".
func (r *run) listGoesOn(in *inst, types typeMask) []string {
	si := in.sf.si
	t := in.trig()
	if t.seg != len(in.sf.segs)-1 || si+1 >= len(r.sents) {
		return nil
	}
	var out []string
	for sj := si + 1; sj < len(r.sents) && sj <= si+3; sj++ {
		k := r.sents[sj].start
		if k+1 >= r.sents[sj].end || !r.word(k, wFunction) || !r.word(k+1, wSideMarker) {
			break
		}
		for _, m := range r.mentsIn(r.sents[sj].start, r.sents[sj].end) {
			if typeBit(m.typ)&types != 0 && m.typ == schema.Person {
				out = append(out, m.id)
			}
		}
	}
	return out
}

// visitedAt returns the country named within three tokens after token i, or
// the country of a city named there.
func (r *run) visitedAt(i int) string {
	for _, m := range r.mentsIn(i, i+4) {
		switch m.typ {
		case schema.Country:
			return m.id
		case schema.City:
			if a := r.ents[m.id]; a != nil && a.entry != nil && a.entry.Country != "" && r.ents[a.entry.Country] != nil {
				return a.entry.Country
			}
		}
	}
	return ""
}

// treatiesOf returns the treaties a signing trigger signs: those of its
// clause after it, else the first after it in its sentence, else the last
// before it in its clause, else the one a definite treaty noun after it
// refers back to, else the last one named.
func (r *run) treatiesOf(in *inst) []string {
	t := in.trig()
	s := r.sents[in.sf.si]
	sg := in.sf.segs[t.seg]
	// In its clause, a treaty named after the next trigger that reads
	// treaties is that trigger's: "ووقع الرئيسان T، ثم شهدا توقيع U".
	end := sg.end
	for k := range in.sf.trigs {
		if o := &in.sf.trigs[k]; o.start > t.start && o.start < end && r.readsTreaties(o) {
			end = o.start
		}
	}
	if ts := r.treatyList(t.end, end); len(ts) > 0 {
		return ts
	}
	// Past its clause, a treaty named after a later trigger of the
	// sentence that reads treaties and names signers of its own is that
	// trigger's too: "ووقع الأولى X، ووقع الاتفاقية الثانية Y" gives the
	// second document its own signers ("كما وقعا على T" names none).
	last := s.end
	for k := range in.sf.trigs {
		if o := &in.sf.trigs[k]; o.start > t.start && o.start < last && r.readsTreaties(o) && r.namesSigners(in.sf, k) {
			last = o.start
		}
	}
	if ts := r.typed(t.end, last, schema.Treaty); len(ts) > 0 {
		return ts[:1]
	}
	if ts := r.typed(sg.start, t.start, schema.Treaty); len(ts) > 0 {
		return ts[len(ts)-1:]
	}
	if id := r.kindRef(t.end, t.start); id != "" {
		return []string{id}
	}
	if t.form != formNoun && !r.pluralObject(t.end, end) {
		if ts := r.typed(0, t.start, schema.Treaty); len(ts) > 0 {
			return ts[len(ts)-1:] // وقعها: the treaty last named
		}
	}
	return nil
}

// pluralObject reports, where names are capitalised, a plural treaty noun
// (treaty_plurals) among the first words after a trigger ending at token k,
// before e: "the parties signed agreements on …" signs documents only
// counted, not the treaty last named.
func (r *run) pluralObject(k, e int) bool {
	if !r.x.lang.Capitalised {
		return false
	}
	for j := k; j < e && j < k+3; j++ {
		if r.word(j, wTreatyPlural) {
			return true
		}
	}
	return false
}

// titleParties returns the entities of the types named as the parties in a
// title of treaty id written in clause seg of sf, after its first treaty
// break word (مذكرة تفاهم مع X، اتفاقية بين X و Y لتعزيز …): the parties a
// signing names inside the title.
func (r *run) titleParties(id string, seg int, sf *sentenceFrame, types typeMask) []string {
	var out []string
	sg := sf.segs[seg]
	for _, m := range r.mentsIn(sg.start, sg.end) {
		if m.id != id || m.typ != schema.Treaty {
			continue
		}
		for k := m.start + 2; k < m.end; k++ {
			if !r.word(k, wTreatyStop) || !r.partiesAt(k) {
				continue
			}
			e := min(r.partiesEnd(k+1), m.end)
			for _, p := range r.mentsIn(k+1, e) {
				if typeBits[p.typ]&types != 0 && p.end <= e && !slices.Contains(out, p.id) {
					out = append(out, p.id)
				}
			}
			break
		}
	}
	return out
}

// antecedent returns the person named right before the relative word at
// token rel of sentence sf (only punctuation between), or "".
func (r *run) antecedent(sf *sentenceFrame, rel int) string {
	var last *item
	for k := range sf.segs {
		for ii := range sf.segs[k].items {
			if it := &sf.segs[k].items[ii]; it.end <= rel && (last == nil || it.end > last.end) {
				last = it
			}
		}
	}
	if last == nil || last.typ != schema.Person || last.ref != "" || !r.adjacent(last.end, rel) {
		return ""
	}
	return last.id
}

// readsTreaties reports a trigger with a frame that reads a treaty or a
// signing: a signing, a witnessing.
func (r *run) readsTreaties(t *trig) bool {
	for _, fi := range t.frames {
		for _, sl := range r.x.frames[fi].slots {
			for _, fl := range sl.fill {
				if fl.kind == fTreaty || fl.kind == fSigning || fl.kind == fCountedSigning {
					return true
				}
			}
		}
	}
	return false
}

// kindRef reads a bare definite treaty noun at token k (الاتفاقية، المذكرة)
// as the treaty of its kind named last before token before, or "".
func (r *run) kindRef(k, before int) string {
	h, ok := r.hitAt(k, kTreaty)
	if !ok || h.end != k+1 || !h.def && !r.articled(h.lx.toks[0]) {
		return ""
	}
	id := ""
	for _, m := range r.mentsIn(0, before) {
		if m.typ == schema.Treaty {
			if a := r.ents[m.id]; a != nil && a.Properties["kind"] == h.lx.sub {
				id = m.id
			}
		}
	}
	if id == "" {
		// An excerpt that starts "ووقع الاتفاقية": the one treaty of that
		// kind the text names afterwards, when there is only one.
		for _, m := range r.mentsIn(k+1, len(r.toks)) {
			if m.typ != schema.Treaty || m.id == id {
				continue
			}
			if a := r.ents[m.id]; a != nil && a.Properties["kind"] == h.lx.sub {
				if id != "" {
					return ""
				}
				id = m.id
			}
		}
	}
	return id
}

// dativeAt reports a dative preposition clitic on token k (لحضرة، لجلالته).
func (r *run) dativeAt(k int) bool {
	return k >= 0 && k < len(r.toks) && r.startsWithList(k, wDative) && r.cliticStripped(k)
}

// firstPerson returns the first person named (not by a title alone) before
// token before, or "".
func (r *run) firstPerson(before int) string {
	for _, m := range r.mentsIn(0, before) {
		if m.typ == schema.Person && !m.title {
			return m.id
		}
	}
	return ""
}

// treatyList returns the treaties named in tokens [s, e) as one list: the
// first, and each next one joined to it by a comma, a conjunction or a list
// lead ("مذكرة … ومذكرة …"), not one a phrase refers to ("بموجب اتفاق سابق").
func (r *run) treatyList(s, e int) []string {
	var out []string
	end := -1
	for _, m := range r.mentsIn(s, e) {
		if m.end > e || m.typ != schema.Treaty || slices.Contains(out, m.id) {
			continue
		}
		if end >= 0 && !r.treatyJoined(end, m.start) && r.listParties(end) != m.start {
			break
		}
		out, end = append(out, m.id), m.end
	}
	return out
}

// listParties returns, for a between word at token k right after a
// treaty, the token after the parties it names when the next token is a
// treaty of the same list, joined by a conjunction: "مذكرة … بين X و Y،
// ومذكرة … بين Z و W". It returns -1 when no such list stands there.
func (r *run) listParties(k int) int {
	e, next := r.namedParties(k)
	if !next {
		return -1
	}
	return e
}

// namedParties reads the parties (bodies, states, places, joined by commas
// and list separators) a between word at token k names: it returns the
// token after them (k when none is there) and whether a treaty joined by a
// conjunction follows them.
func (r *run) namedParties(k int) (int, bool) {
	if !r.word(k, wBetween) {
		return k, false
	}
	n, end := 0, k
	for j := k + 1; j < len(r.toks) && j < k+maxParties; {
		if m, ok := r.mentionAt(j); ok {
			switch {
			case r.ments[m].typ == schema.Treaty && n > 0 && r.startsWithList(j, wConjunction):
				return j, true
			case r.ments[m].typ == schema.Treaty:
				return end, false
			case partyType[r.ments[m].typ]:
				n++
				j = r.ments[m].end
				end = j
				continue
			}
			return end, false
		}
		if _, ok := r.hitAt(j, kTreaty); ok && n > 0 && r.startsWithList(j, wConjunction) && r.word(j+1, wBetween) {
			return j, true // ومذكرة بين Z و W
		}
		switch {
		case !r.toks[j].Word && r.toks[j].S != "." && r.toks[j].S != "\n":
			j++ // a comma
		case r.toks[j].Word && r.tokIn(j, wSeparator):
			j++
		default:
			return end, false
		}
	}
	return end, false
}

// maxParties bounds, in tokens, the parties a treaty of a list names after
// its between word.
const maxParties = 40

// ownParties returns, for a reading whose treaty slot holds a list of
// documents each told with its own parties ("مذكرة … بين X و Y، ومذكرة …
// بين Z و W"), the treaty each party named after a document's between word
// belongs to ("" for a document the reading did not take, a bare noun with
// no title: its parties sign nothing the reading states); nil when no
// document of the list names parties before the next.
func (r *run) ownParties(in *inst, treaties []string) (own map[string]string, order []string) {
	if len(treaties) == 0 {
		return nil, nil
	}
	s := r.sents[in.sf.si]
	claim := func(from, to int, treaty string) {
		last := from
		for _, p := range r.mentsIn(from, to) {
			if p.start < last {
				continue // a place inside a body's name: غرفة تجارة وصناعة عمان
			}
			last = p.end
			if own == nil {
				own = map[string]string{}
			}
			if _, seen := own[p.id]; !seen {
				own[p.id] = treaty
				order = append(order, p.id)
			}
		}
	}
	for k := s.start; k < s.end; k++ {
		treaty, end := "", -1
		if m, ok := r.mentionAt(k); ok && r.ments[m].typ == schema.Treaty {
			treaty, end = r.ments[m].id, r.ments[m].end
			if !slices.Contains(treaties, treaty) {
				treaty = ""
			}
		} else if h, ok := r.hitAt(k, kTreaty); ok && own != nil && r.startsWithList(k, wConjunction) {
			end = h.end // ومذكرة بين Z و W: a document with no title
		}
		if end < 0 {
			continue
		}
		e, next := r.namedParties(end)
		if next || own != nil && e > end {
			claim(end, e, treaty)
		}
		k = max(k, e-1)
	}
	return own, order
}

// treatyJoined reports that only a comma, a conjunction, a list lead or the
// article stand between tokens a and b, or nothing but a conjunction on the
// word at b.
func (r *run) treatyJoined(a, b int) bool {
	if b-a > 6 {
		return false
	}
	if a == b {
		return r.startsWithList(b, wConjunction)
	}
	for k := a; k < b; {
		switch {
		case !r.toks[k].Word && r.toks[k].S != "." && r.toks[k].S != "\n":
			k++ // a comma, a quote
		case r.toks[k].Word && (r.tokIn(k, wSeparator) || r.tokIn(k, wConjunction)):
			k++
		case r.x.articleWord && (r.toks[k].S == r.x.article || r.tokIn(k, wFunction)):
			k++ // T1, the T2 and a T3: an article written as a word before a title
		default:
			h, ok := r.wordAt(k, wListLead)
			if !ok {
				return false
			}
			k = max(h.end, k+1)
		}
	}
	return true
}

// sideLabel reports a group of countries right after a side marker (من جانب
// الإمارات، من الجانب الإثيوبي).
func (r *run) sideLabel(sg *segment, g *group) bool {
	if g.start == 0 || !r.word(g.start-1, wSideMarker) {
		return false
	}
	for _, ii := range g.items {
		if sg.items[ii].typ != schema.Country {
			return false
		}
	}
	return true
}

// reportedAfter reports a complementizer in tokens [a, b): what a list
// before it says is reported, and the list is its speaker.
func (r *run) reportedAfter(a, b int) bool {
	for k := a; k < b; k++ {
		if r.word(k, wComplementizer) {
			return true
		}
	}
	return false
}

// officeCountries reports a group of countries that completes the title
// right before it ("مع وزير التعليم العالي بماليزيا"), or the title chain of
// the person named right after it when a marker governs it ("مع وزير
// التجارة الدولية والصناعة بماليزيا X"), or that follows a government word
// ("بين حكومة جمهورية مصر العربية"). They name an office or a document's
// party, not a state that acts: the group fills no slot of countries.
func (r *run) officeCountries(sg *segment, g *group) bool {
	if g.inTitle && g.via >= 0 {
		return true // مع وزير التجارة الدولية والصناعة بماليزيا X
	}
	for _, ii := range g.items {
		if sg.items[ii].typ != schema.Country {
			return false
		}
	}
	for k := max(sg.start, g.start-4); k < g.start; k++ {
		if h, ok := r.hitAt(k, kTitle); ok && h.end == g.start {
			return true
		}
	}
	// بين حكومة جمهورية مصر العربية، وحكومة الجمهورية التونسية: the
	// governments are the document's parties.
	k := g.start - 1
	for k > sg.start && r.word(k, wStateForm) {
		k--
	}
	return k >= sg.start && k < g.start && r.word(k, wGovernment)
}

// pronounAntecedent returns the person a pronoun on the trigger stands for:
// the one named last before the trigger in its sentence, else the topic.
func (r *run) pronounAntecedent(in *inst) string {
	t := in.trig()
	found := ""
	for k := 0; k <= t.seg && k < len(in.sf.segs); k++ {
		for _, it := range in.sf.segs[k].items {
			if it.start >= t.start || it.typ != schema.Person {
				continue
			}
			if ids := r.itemIDs(it, tPerson); len(ids) > 0 {
				found = ids[len(ids)-1]
			}
		}
	}
	if found != "" {
		return found
	}
	return r.topic(in)
}

// possessors returns the persons of the last list of two persons or more
// named before the trigger of in, in its sentence: those a plural possessive
// in the trigger stands for ("X and Y witnessed the signing after their
// talks"); in a sentence that names no person before the trigger, the two
// persons of the sentence before, when it names two and no more ("X and Y
// signed a declaration. It was signed after their talks.").
func (r *run) possessors(in *inst) []string {
	t := in.trig()
	si := in.sf.si
	if len(r.typed(r.sents[si].start, t.start, schema.Person)) == 0 {
		if si == 0 {
			return nil
		}
		ps := r.typed(r.sents[si-1].start, r.sents[si-1].end, schema.Person)
		if len(ps) != 2 {
			return nil
		}
		return ps
	}
	var last []string
	for k := range in.sf.segs {
		sg := &in.sf.segs[k]
		if sg.start >= t.start {
			break
		}
		for _, g := range sg.groups {
			if g.end > t.start {
				continue
			}
			var ids []string
			for _, ii := range g.items {
				if it := sg.items[ii]; it.ref == "" && it.typ == schema.Person && !slices.Contains(ids, it.id) {
					ids = append(ids, it.id)
				}
			}
			if len(ids) >= 2 {
				last = ids
			}
		}
	}
	return last
}

// ownEvent reports an event whose principals are every person the other
// slots of in hold: those present at "the signing, in the presence of X and
// Y, after their talks" attend something else than their own talks (the
// next filler's event), where signings are apart from talks.
func (r *run) ownEvent(in *inst, ev *event) bool {
	n := 0
	for k, s := range in.f.slots {
		if s.types&tPerson == 0 || k == in.f.attach {
			continue
		}
		for _, p := range in.fills[k] {
			if !slices.Contains(ev.principals, p) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// namesSigners reports whether trigger ti of sf governs a group, not after a
// preposition, naming a person or a party of its own.
func (r *run) namesSigners(sf *sentenceFrame, ti int) bool {
	for _, gr := range r.governed(sf, ti) {
		if gr.g.prep {
			continue
		}
		for _, ii := range gr.g.items {
			if it := &gr.sg.items[ii]; it.ref == "" && (it.typ == schema.Person || partyType[it.typ]) {
				return true
			}
		}
	}
	return false
}

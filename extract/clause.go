package extract

import (
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// This file reads the structure of one sentence that the slot fillers need:
// its clauses, the triggers and marker words in each, the participants named
// (entity mentions and references to persons already read), how they group
// into coordinated lists, and which trigger or marker governs each list.

// trig is a frame trigger found in a sentence.
type trig struct {
	start, end int
	frames     []int // the frames its phrase evokes, in pack order
	form       string
	planned    bool // a future verb, a modality word before it, a future light verb
	def        bool // a noun with the article
	seg        int  // its clause, an index into sentence.segs
}

// marker is a word of a governing list in a clause: with, between, a message's
// sender or recipient, a reception's honoured guest, the sidelines of an event.
type marker struct {
	start, end int
	l          list
	owner      int // the trigger it belongs to (index into sentence.trigs), -1 none
}

// item is one participant named in a clause: an entity mention, or a
// reference to persons read before (الرئيسان، جلالته، نظيره، وزيرا خارجية
// البلدين), resolved when a filler reads it.
type item struct {
	start, end int
	id         string // the entity of a mention
	typ        string // its type; schema.Person for references
	ref        string // the reference kind of a reference (principals, host, guest, pair)
}

// group is a coordinated list of items: "X و Y"، "X، و Y، و Z".
type group struct {
	start, end int
	items      []int // indexes into segment.items
	// gov is the trigger (index into sentence.trigs) governing the group, and
	// via the marker it governs it through (-1: directly); pre marks a group
	// before its trigger (the trigger's subject); -1 when nothing governs it.
	gov, via int
	pre      bool
	// opaque marks a group in the region of an opaque marker (sidelines).
	opaque bool
	// prep marks a group after a preposition (في الكويت، إلى الرئيس X):
	// the complement of a preposition is no subject, object or list item.
	// prepAt is the token that carries the preposition.
	prep   bool
	prepAt int
	// inTitle marks a group of countries named inside the title chain of
	// the person named right after it (سفيرة روسيا X): no subject of its own.
	inTitle bool
}

// segment is one clause of a sentence.
type segment struct {
	start, end int
	items      []item
	groups     []group
	marks      []marker
	// resumes is the clause this one goes on with after a relative clause
	// between them ("شهد مراسم التوقيع التي جرت في القصر، X و Y"); -1 none.
	resumes int
}

// sentenceFrame is what the frame engine reads of one sentence.
type sentenceFrame struct {
	si    int
	trigs []trig
	segs  []segment
}

// cliticMarkers are the marker lists whose one-letter words may be written
// joined to the word after them.
var cliticMarkers = []list{wWith}

// cliticOf reports a one-letter word of list l written joined to token i,
// where a title, an honorific or a mention starts after it.
func (r *run) cliticOf(i int, l list) bool {
	if r.kinds[i]&(1<<kTitle|1<<kGaz) == 0 && !r.starts[i].has(wHonorific) {
		return false // no title, name or honorific starts at i
	}
	joined := false // a title, name or honorific read after a proclitic
	for _, hi := range r.at[i] {
		h := &r.hits[hi]
		if h.clitic > 0 && (h.kind == kTitle || h.kind == kGaz || h.kind == kWord && h.lx.ref-1 == int(wHonorific)) {
			joined = true
			break
		}
	}
	if !joined {
		return false
	}
	w := r.toks[i].S
	for _, p := range r.x.letters[l] {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func sortMarks(ms []marker) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// transparent reports a marker list through which a trigger governs the list
// after it as its own (side markers, list leads).
func transparent(l list) bool { return l == wSideMarker || l == wListLead }

// opaque reports a marker list whose region takes the persons after it out of
// every slot but the ones reading that list (the sidelines of an event).
func opaque(l list) bool { return l == wSidelines || l == wRepresented || l == wAuspices }

// markerLists are the word lists whose words are markers.
var markerLists = []list{wWith, wBetween, wChair, wRecipient, wHonour, wMessageFrom, wCarrier, wSidelines, wRepresented, wAuspices, wSideMarker, wListLead}

// markerMask is the set of markerLists.
var markerMask = func() (m listMask) {
	for _, l := range markerLists {
		m.add(l)
	}
	return m
}()

// readSentence finds the triggers of sentence si and splits it into clauses
// with their markers, items, groups and governors.
func (r *run) readSentence(si int) *sentenceFrame {
	s := r.sents[si]
	sf := &sentenceFrame{si: si, segs: r.buf.segs[:0]}
	// Clauses: a clause break starts a new one, unless it is part of a
	// trigger phrase (في حضور، نقل الرسالة), which starts it instead.
	start := s.start
	for k := s.start; k < s.end; k++ {
		if k <= start || !r.word(k, wClause) || r.x.lang.Capitalised && r.inPerson(k) {
			continue
		}
		b := k
		if ts := r.trigStart(k, s.start); ts >= 0 {
			if ts == k || ts <= start {
				if ts < k {
					continue // inside a trigger that starts the clause already
				}
			} else {
				b = ts
			}
		}
		if b > start {
			sf.segs = append(sf.segs, segment{start: start, end: b, resumes: -1})
			start = b
		}
	}
	sf.segs = append(sf.segs, segment{start: start, end: s.end, resumes: -1})
	r.buf.segs = sf.segs
	sf.segs = r.resumeRelatives(sf.segs)
	sf.trigs = reserve(&r.buf.trigBlock, s.end-s.start)
	seg := 0
	for i := r.nextKind(s.start, kTrigger); i < s.end; i = r.nextKind(i+1, kTrigger) {
		for seg+1 < len(sf.segs) && i >= sf.segs[seg].end {
			seg++
		}
		h, ok := r.hitAt(i, kTrigger)
		if !ok || r.inTreaty[i] || r.inPerson(i) || r.inMulti(i) {
			continue
		}
		if r.referenceNoun(h, si) {
			continue // المباحثات، القمة: an event read before, which governs no one
		}
		if h.clitic > 0 && r.tokIn(i, wGivenName) {
			continue // فيصل is a name, not ف + يصل
		}
		if r.longerName(h) {
			continue // حضرة صاحب السمو: an honorific, not حضره
		}
		t := trig{start: h.start, end: h.end, seg: seg, def: h.def, frames: reserve(&r.buf.intBlock, len(r.at[i]))}
		for _, hi := range r.at[i] {
			o := r.hits[hi]
			if o.kind == kTrigger && o.end == h.end {
				t.frames = append(t.frames, o.lx.ref)
				t.form = o.lx.sub
			}
		}
		sortInts(t.frames)
		t.frames = compactInts(t.frames)
		commit(&r.buf.intBlock, t.frames)
		applies := reserve(&r.buf.intBlock, len(t.frames))
		for _, fi := range t.frames {
			if r.applies(r.x.frames[fi], si) {
				applies = append(applies, fi)
			}
		}
		if len(applies) == 0 {
			i = h.end - 1
			continue // تسلم with no message: a trigger of no frame here
		}
		t.frames = applies
		commit(&r.buf.intBlock, t.frames)
		if len(t.form) > 8 && t.form[:8] == "planned-" {
			t.planned, t.form = true, t.form[8:]
		}
		if !t.planned {
			t.planned = r.modalBefore(si, i) || (t.form == formNoun && r.futureVerbBefore(si, i))
		}
		sf.trigs = append(sf.trigs, t)
		i = h.end - 1
	}
	commit(&r.buf.trigBlock, sf.trigs)
	for k := range sf.segs {
		r.readSegment(sf, k)
	}
	return sf
}

// longerName reports an honorific or a title at a trigger's first token that
// reaches past the trigger: the trigger is part of it.
func (r *run) longerName(h hit) bool {
	if hh, ok := r.wordAt(h.start, wHonorific); ok && hh.end > h.end {
		return true
	}
	if th, ok := r.hitAt(h.start, kTitle); ok && th.end > h.end {
		return true
	}
	return false
}

// insideWeak reports a mention inside a weak entity's mention (a country
// in an organisation's name).
func (r *run) insideWeak(m mention) bool {
	if m.weak {
		return false
	}
	for _, o := range r.mentsIn(max(0, m.start-maxOrg), m.start+1) {
		if o.weak && o.start <= m.start && m.end <= o.end && o != m {
			return true
		}
	}
	return false
}

// trigStart returns the start of a trigger phrase of two words or more that
// covers token k (starting at s or later), or -1.
func (r *run) trigStart(k, s int) int {
	for j := k; j >= s && j >= k-3; j-- {
		for _, hi := range r.at[j] {
			if h := r.hits[hi]; h.kind == kTrigger && h.end > k && h.end-h.start > 1 {
				return j
			}
		}
	}
	return -1
}

// inMulti reports whether token i lies in the name of a multilateral event
// of the sentence being read: "قمة خليجية صينية" evokes no meeting.
func (r *run) inMulti(i int) bool {
	for _, m := range r.multis {
		if m.start <= i && i < m.end {
			return true
		}
	}
	return false
}

// referenceNoun reports an event noun trigger with the article and no light
// verb before it: it names an event already read.
func (r *run) referenceNoun(h hit, si int) bool {
	if !h.def && !r.articled(h.lx.toks[0]) && !r.articleBefore(h.start) {
		return false
	}
	for _, hi := range r.at[h.start] {
		if o := r.hits[hi]; o.kind == kTrigger && o.end == h.end && o.lx.sub != formNoun {
			return false
		}
	}
	return !r.lightVerbBefore(si, h.start)
}

// articleBefore reports the article, as a word of its own, right before
// token i (the visit).
func (r *run) articleBefore(i int) bool {
	return r.x.articleWord && i > 0 && r.toks[i-1].S == r.x.article
}

// resumeRelatives ends each relative clause at its first comma: what follows
// the comma goes on with the clause before the relative clause.
func (r *run) resumeRelatives(segs []segment) []segment {
	out := reserve(&r.buf.segBlock, 2*len(segs)) // a clause cut in two adds one
	for k, sg := range segs {
		sg.resumes = -1
		_, aside := r.wordAt(sg.start, wAside)
		if k == 0 || !r.word(sg.start, wRelative) && !aside {
			out = append(out, sg)
			continue
		}
		cut := -1
		for i := sg.start + 1; i < sg.end; i++ {
			if !r.toks[i].Word && r.toks[i].S == "," {
				cut = i + 1
				break
			}
		}
		if aside && cut > 0 && cut < sg.end && (r.startsWithList(cut, wConjunction) || !r.personIn(sg.start, cut) || !r.commaBefore(sg.start)) {
			cut = -1 // "بحضور X، وY", "بحضور مدير الديوان، السيد X", an aside no comma opened: it goes on
		}
		if cut < 0 || cut >= sg.end {
			out = append(out, sg)
			continue
		}
		before := len(out) - 1
		out = append(out, segment{start: sg.start, end: cut, resumes: -1})
		out = append(out, segment{start: cut, end: sg.end, resumes: before})
	}
	commit(&r.buf.segBlock, out)
	return out
}

// commaBefore reports a comma right before token i: an aside set off by
// commas opens with one, so one that does not is no parenthesis and its
// commas separate the items of its list.
func (r *run) commaBefore(i int) bool {
	return i > 0 && !r.toks[i-1].Word && r.toks[i-1].S == ","
}

// postingAfterTitle reports, where names are capitalised, a posting word at
// token i right after a title (the ambassador to the UAE X): the place the
// title's holder is posted to, no marker of the clause.
func (r *run) postingAfterTitle(i int) bool {
	if !r.x.lang.Capitalised || !r.word(i, wPosting) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if h, ok := r.hitAt(k, kTitle); ok && h.end == i {
			return true
		}
	}
	return false
}

// inPerson reports whether token i lies inside a person's mention.
func (r *run) inPerson(i int) bool {
	if !r.taken[i] {
		return false
	}
	for _, m := range r.mentsOver(i) {
		if m.typ == schema.Person && !m.title {
			return true
		}
	}
	return false
}

// readSegment reads the markers, items and groups of clause k of sf.
func (r *run) readSegment(sf *sentenceFrame, k int) {
	sg := &sf.segs[k]
	sg.marks = reserve(&r.buf.markBlock, 2*(sg.end-sg.start))
	// A sentence with no trigger governs nothing: its clauses are read for
	// their items alone (the sentence's topic, a group's guests).
	markEnd := sg.end
	if len(sf.trigs) == 0 {
		markEnd = sg.start
	}
	// Markers.
	for i := sg.start; i < markEnd; i++ {
		if r.kinds[i]&(1<<kWord) == 0 || !r.starts[i].and(markerMask).any() || r.inTreaty[i] || r.trigAt(sf, i) >= 0 || r.postingAfterTitle(i) {
			continue
		}
		if h, l, ok := r.markerAt(i, sg.start); ok {
			sg.marks = append(sg.marks, marker{start: i, end: h.end, l: l, owner: -1})
			i = h.end - 1
		}
	}
	// A one-letter marker written joined to the next word (التقى بالرئيس X):
	// a marker of no length at that word.
	for i := sg.start; i < markEnd; i++ {
		if !r.toks[i].Word {
			continue
		}
		for _, l := range cliticMarkers {
			if r.cliticOf(i, l) {
				if r.trigAt(sf, i) < 0 { // no marker inside a trigger
					sg.marks = append(sg.marks, marker{start: i, end: i, l: l, owner: -1})
				}
				break
			}
		}
	}
	commit(&r.buf.markBlock, sg.marks)
	sortMarks(sg.marks)
	for m := range sg.marks {
		sg.marks[m].owner = r.ownerOf(sf, k, sg.marks[m].start)
		if sg.marks[m].owner < 0 && sg.marks[m].l == wListLead && sg.resumes >= 0 {
			// "استقبل X رؤساء الوفود الذين وصلوا، وهم Y": a list lead after
			// a relative clause lists for the clause before it.
			for ti, t := range sf.trigs {
				if t.seg == sg.resumes {
					sg.marks[m].owner = ti
				}
			}
		}
	}
	// Items: entity mentions and references.
	ms := r.mentsIn(sg.start, sg.end)
	sg.items = reserve(&r.buf.itemBlock, len(ms)+sg.end-sg.start)
	for _, m := range ms {
		if r.inTreaty[m.start] && m.typ != schema.Treaty {
			continue
		}
		if r.insideWeak(m) {
			continue // الإمارات in مصرف الإمارات المركزي
		}
		switch m.typ {
		case schema.Person, schema.Country, schema.Organization, schema.City:
			sg.items = append(sg.items, item{start: m.start, end: m.end, id: m.id, typ: m.typ})
		}
	}
	for i := r.nextKind(sg.start, kRef); i < sg.end; i = r.nextKind(i+1, kRef) {
		if r.taken[i] || r.inTreaty[i] {
			continue
		}
		h, ok := r.hitAt(i, kRef)
		if !ok {
			continue
		}
		switch h.lx.sub {
		case "principals", "host", "guest", refOfficePair:
			sg.items = append(sg.items, item{start: h.start, end: h.end, typ: schema.Person, ref: h.lx.sub})
			i = h.end - 1
		case refDelegation:
			if r.trigAt(sf, i) < 0 && r.definiteBefore(i) {
				sg.items = append(sg.items, item{start: h.start, end: h.end, typ: schema.Person, ref: h.lx.sub})
			}
			i = h.end - 1
		}
	}
	sortItems(sg.items)
	// A reference right before a name is that name's apposition (الوزيران
	// المالكي وشكري): the names speak for themselves.
	kept := sg.items[:0]
	for i, it := range sg.items {
		if it.ref != "" && i+1 < len(sg.items) && sg.items[i+1].ref == "" && sg.items[i+1].typ == schema.Person && r.adjacent(it.end, sg.items[i+1].start) {
			continue
		}
		kept = append(kept, it)
	}
	sg.items = kept
	commit(&r.buf.itemBlock, sg.items)
	if len(sf.trigs) == 0 {
		return
	}
	// Groups: items joined by separators, titles and side markers.
	r.buf.inGroup = resize(r.buf.inGroup, len(sg.items))
	inGroup := r.buf.inGroup
	chained := make([]bool, len(sg.items))
	sg.groups = reserve(&r.buf.groupBlock, len(sg.items))
	for i := 0; i < len(sg.items); i++ {
		if inGroup[i] {
			continue
		}
		inGroup[i] = true
		g := group{start: sg.items[i].start, end: sg.items[i].end, items: append(reserve(&r.buf.intBlock, len(sg.items)-i), i), gov: -1, via: -1}
		j := i + 1
		for j < len(sg.items) {
			if sg.items[j].typ != sg.items[i].typ {
				// بين X ورئيس وزراء ماليزيا Y: a country inside the title
				// chain of the list's next person leaves the list whole.
				if !r.chainCountry(sg, j) || sg.items[j+1].typ != sg.items[i].typ {
					break
				}
				if ok, _ := r.listJoined(sg.items[j-1].end, sg.items[j+1].start); !ok || r.subjectAfterComma(sf, sg, sg.items[j-1].end, j+1) {
					break
				}
				chained[j], inGroup[j+1] = true, true
				g.items = append(g.items, j+1)
				g.end = sg.items[j+1].end
				j += 2
				continue
			}
			if ok, _ := r.listJoined(sg.items[j-1].end, sg.items[j].start); !ok {
				break
			}
			if r.subjectAfterComma(sf, sg, sg.items[j-1].end, j) {
				break
			}
			inGroup[j] = true
			g.items = append(g.items, j)
			g.end = sg.items[j].end
			j++
		}
		// X, Minister of Foreign Affairs of Russia, and Y: where names are
		// capitalised, a list of persons goes on past the apposition after
		// each name, and the places the apposition names are no items of it.
		for r.x.lang.Capitalised && sg.items[i].typ == schema.Person && sg.items[i].ref == "" {
			last := sg.items[g.items[len(g.items)-1]]
			e := r.appositionEnd(last.end, sg.end)
			next := -1
			for k := g.items[len(g.items)-1] + 1; k < len(sg.items); k++ {
				if sg.items[k].start >= e && sg.items[k].typ == schema.Person {
					next = k // past the places of an apposition or of the next title (and U.S. President Y)
					break
				}
			}
			if next < 0 || sg.items[next].ref != "" || inGroup[next] {
				break
			}
			// What reads as an apposition but runs up to the next name is that
			// name's title: "X, Russia's Ambassador to Kuwait Y".
			titled := e > last.end && e == sg.items[next].start
			if ok, _ := r.listJoined(e, sg.items[next].start); !ok && !titled || r.subjectAfterComma(sf, sg, e, next) {
				break
			}
			inGroup[next] = true
			g.items = append(g.items, next)
			g.end = sg.items[next].end
		}
		// X وزير خارجية السودان، وY: where names are not capitalised, a list
		// of persons goes on past a title chain written right after a name
		// (its apposition), when a list joint follows the chain; the places
		// the chain names are no items of the list.
		for !r.x.lang.Capitalised && sg.items[i].typ == schema.Person && sg.items[i].ref == "" {
			last := sg.items[g.items[len(g.items)-1]]
			c, ok := r.chainAt(last.end)
			if !ok || !c.titled || c.end >= sg.end {
				break
			}
			next := -1
			for k := g.items[len(g.items)-1] + 1; k < len(sg.items); k++ {
				if sg.items[k].start >= c.end && sg.items[k].typ == schema.Person {
					next = k
					break
				}
			}
			if next < 0 || sg.items[next].ref != "" || inGroup[next] {
				break
			}
			if r.chainEnd(last.end) == sg.items[next].start && !r.conjoinedIn(c.end, sg.items[next].start+1) {
				break // استقبل X الرئيس الروسي، السيد Y: the chain is Y's title
			}
			if ok, _ := r.listJoined(c.end, sg.items[next].start); !ok {
				break
			}
			inGroup[next] = true
			g.items = append(g.items, next)
			g.end = sg.items[next].end
		}
		commit(&r.buf.intBlock, g.items)
		sg.groups = append(sg.groups, g)
	}
	commit(&r.buf.groupBlock, sg.groups)
	for gi := range sg.groups {
		g := &sg.groups[gi]
		g.inTitle = gi+1 < len(sg.groups) && r.titleCountries(sg, g, &sg.groups[gi+1]) || len(g.items) == 1 && chained[g.items[0]]
		p, at := r.prepositional(sg.start, g.start)
		g.prep, g.prepAt = p && !r.groupHas(sg, g, tOrganization), at
		r.govern(sf, k, g)
	}
}

// titleCountries reports a group of countries inside a title chain that
// leads to the person group next: "سفيرة روسيا ليلى كريم".
func (r *run) titleCountries(sg *segment, g, next *group) bool {
	for _, ii := range g.items {
		if sg.items[ii].typ != schema.Country {
			return false
		}
	}
	if !r.groupHas(sg, next, tPerson) {
		return false
	}
	// رئيس جمهورية السنغال، X: a chain that ends at or inside its country
	// names the person right after the country, or after one comma.
	if last := g.items[len(g.items)-1]; last+1 < len(sg.items) && sg.items[last+1].start == next.start && r.labelsPerson(sg.items[last], sg.items[last+1]) {
		return true
	}
	apposed := next.start == g.end || next.start == g.end+1 && !r.toks[g.end].Word && r.toks[g.end].S == ","
	for k := max(sg.start, g.start-4); k < g.start; k++ {
		if _, ok := r.hitAt(k, kTitle); ok && (r.chainEnd(k) == next.start || apposed && r.chainEnd(k) >= g.start && r.chainEnd(k) <= g.end) {
			return true
		}
	}
	return false
}

// chainCountry reports item j of sg: a country inside the title chain that
// leads from after the item before it to the person right after it.
func (r *run) chainCountry(sg *segment, j int) bool {
	if j == 0 || j+1 >= len(sg.items) {
		return false
	}
	it, next := sg.items[j], sg.items[j+1]
	if it.typ != schema.Country || it.ref != "" || next.typ != schema.Person || next.ref != "" {
		return false
	}
	for k := sg.items[j-1].end; k < it.start; k++ {
		if _, ok := r.hitAt(k, kTitle); ok && r.chainEnd(k) == next.start {
			return true
		}
	}
	return r.labelsPerson(it, next)
}

// labelsPerson reports country item c opening the title of person item p
// right after it, where the pack keeps such states apart
// (title_states_apart): the country written right before the name (the
// Presidents of A X and B Y), or as the possessor, itself or a body of it
// (A government's …), of the title chain that leads to the name (A's
// Commerce Secretary X).
func (r *run) labelsPerson(c, p item) bool {
	if !r.x.lang.TitleStatesApart || c.typ != schema.Country || c.ref != "" || p.typ != schema.Person || p.ref != "" {
		return false
	}
	if p.start == c.end {
		return true
	}
	k := c.end
	for n := 0; n < 2 && k < p.start && r.toks[k].Word; n++ {
		k++ // Nepal government's Commerce Secretary X: the state's body owns the title
	}
	if k+1 >= p.start || r.toks[k].Word || !slices.Contains(r.x.lists[wPossessive], r.toks[k].S+r.toks[k+1].S) {
		return false
	}
	for k += 2; k < p.start && k < c.end+16; k++ {
		if _, ok := r.hitAt(k, kTitle); ok && r.chainEnd(k) == p.start {
			return true
		}
	}
	return false
}

// prepositional reports a preposition before the mention starting at token
// i, past the mention's own title chain (titles, honorifics, nationalities),
// and the token that carries it.
func (r *run) prepositional(from, i int) (bool, int) {
	k := i - 1
	for n := 0; k >= from && n < 8; n++ {
		if !r.toks[k].Word {
			if r.toks[k].S == "," {
				k--
				continue
			}
			break
		}
		if r.x.articleWord && r.toks[k].S == r.x.article {
			k--
			continue // the Vice President of the UAE, X: an article of its own is part of the title chain
		}
		_, title := r.hitAt(k, kTitle)
		_, adj := r.hitAt(k, kAdj)
		_, hon := r.wordAt(k, wHonorific)
		if !title && !adj && !hon && !r.word(k, wGovernment) && !r.word(k, wCityLead) {
			break
		}
		if (title || hon) && r.startsWithList(k, wConjunction) && r.cliticStripped(k) {
			return false, -1 // ومعالي X: the next item of a list, whatever the item before it ends with
		}
		k--
	}
	if k >= from {
		// وصل إلى العاصمة X: a trigger phrase that ends with a preposition
		for _, hi := range r.at[k] {
			if h := r.hits[hi]; h.kind == kTrigger && h.end == k+1 && h.end-h.start > 1 && r.tokIn(k, wFunction) && !r.listLeadEnds(k+1) {
				return true, k
			}
		}
		for j := k - 1; j >= from && j >= k-3; j-- {
			for _, hi := range r.at[j] {
				if h := r.hits[hi]; h.kind == kTrigger && h.end == k+1 && r.tokIn(k, wFunction) && !r.listLeadEnds(k+1) {
					return true, k
				}
			}
		}
	}
	if k+1 < len(r.toks) && k+1 <= i && r.startsWithList(k+1, wPrepClitic) && !r.cliticOf(k+1, wWith) && r.cliticStripped(k+1) {
		return true, k + 1 // المبعوث الخاص للرئيس X: a complement, by its clitic
	}
	if k >= from && r.tokIn(k, wFunction) && !(r.x.articleWord && r.tokIn(k, wSeparator)) && !r.word(k, wWith) && !r.word(k, wComplementizer) && !r.listLeadEnds(k+1) && !r.membersOf(from, k) {
		return true, k
	}
	return false, -1
}

// membersOf reports a function word at k that follows, a few words on, a
// trigger of a frame with no event of its own (an attendance): "the
// delegation consists of X, Y" lists the delegation's members, no
// complement of the function word.
func (r *run) membersOf(from, k int) bool {
	for i := max(from, k-4); i < k; i++ {
		for _, hi := range r.at[i] {
			t := r.hits[hi]
			if t.kind != kTrigger || t.end >= k || t.end < k-2 || r.x.frames[t.lx.ref].attach < 0 {
				continue
			}
			clear := true
			for m := t.end; m < k; m++ {
				clear = clear && r.toks[m].Word && r.kinds[m]&^(1<<kWord|1<<kAdj|1<<kRef) == 0
			}
			if clear {
				return true
			}
		}
	}
	return false
}

// cliticStripped reports a token some lexicon hit was read in after a
// proclitic.
func (r *run) cliticStripped(k int) bool {
	for _, hi := range r.at[k] {
		if r.hits[hi].clitic > 0 {
			return true
		}
	}
	return false
}

// govern finds what governs group g of clause k: a marker right before it (or
// a transparent one, through which its trigger governs), else the nearest
// trigger before it, else the first trigger after it (g is its subject).
func (r *run) govern(sf *sentenceFrame, k int, g *group) {
	sg := &sf.segs[k]
	for m := len(sg.marks) - 1; m >= 0; m-- {
		mk := sg.marks[m]
		if mk.start >= g.start {
			continue
		}
		if opaque(mk.l) && r.trigBetween(sf, mk.end, g.start) < 0 && !r.sideAfterRepresented(sg, mk, g) {
			g.opaque, g.prep = true, false
			g.gov, g.via = mk.owner, m
			return
		}
		if r.adjacent(mk.end, g.start) {
			g.gov, g.via, g.prep = mk.owner, m, false
			if transparent(mk.l) {
				g.via = -1
			}
			return
		}
	}
	if ti := r.verbAfter(sf, k, g); ti >= 0 {
		g.gov, g.pre = ti, true // In the presence of …, X and Y signed: the verb's subject
		return
	}
	if ti := r.copulaOpener(sf, k, g); ti >= 0 {
		g.gov = ti
		return
	}
	before := -1
	for ti, t := range sf.trigs {
		if t.seg == k && t.end <= g.start {
			before = ti
		}
	}
	if before < 0 && sg.resumes >= 0 {
		for ti, t := range sf.trigs {
			if t.seg == sg.resumes {
				before = ti // the clause before the relative clause goes on
			}
		}
	}
	if before >= 0 {
		g.gov = before
		return
	}
	for ti, t := range sf.trigs {
		if t.seg == k && t.start >= g.end {
			g.gov, g.pre = ti, true
			return
		}
	}
}

// copulaOpener returns the phrase trigger that opens clause k when group g
// follows a copula of the pack, titles apart ("Participants at Monday's
// meeting, at X's invitation, were A, B and C"): the list is the opening
// phrase's, not that of a trigger inside it. -1 otherwise.
func (r *run) copulaOpener(sf *sentenceFrame, k int, g *group) int {
	c := g.start - 1
	for c >= sf.segs[k].start && !r.word(c, wCopula) && g.start-c < 15 {
		c--
	}
	if c < sf.segs[k].start || !r.word(c, wCopula) || !r.adjacent(c+1, g.start) {
		return -1
	}
	first := -1
	for ti, t := range sf.trigs {
		if t.seg == k && (first < 0 || t.start < sf.trigs[first].start) {
			first = ti
		}
	}
	if first < 0 || sf.trigs[first].form != formPhrase || sf.trigs[first].end > c {
		return -1
	}
	return first
}

// subjectAfterComma reports, in a subject-first pack, the items from
// item j of clause sg on, set off from the one before by a comma alone, that
// a verb trigger follows right away ("During his meeting with X, Y
// discussed …"; "In the presence of X, Y and his counterpart Z signed"):
// the subject of that verb, not more items of the list before.
func (r *run) subjectAfterComma(sf *sentenceFrame, sg *segment, a, j int) bool {
	if !r.x.lang.SubjectFirst {
		return false
	}
	for k := a; k < sg.items[j].start; k++ {
		if r.toks[k].Word && (r.tokIn(k, wSeparator) || r.sepPhrase(k) > k) {
			return false
		}
	}
	end := sg.items[j].end
	for n := j + 1; n < len(sg.items) && sg.items[n].typ == sg.items[j].typ; n++ {
		ok, _ := r.listJoined(end, sg.items[n].start)
		if !ok || !r.sepWordBetween(end, sg.items[n].start) {
			break
		}
		end = sg.items[n].end
	}
	if end < len(r.toks) && r.toks[end].Word && !r.tokIn(end, wSeparator) && r.trigAt(sf, end) < 0 && !r.capital(end) && len(r.at[end]) == 0 {
		end++ // an adverb (also)
	}
	ti := r.trigAt(sf, end)
	return ti >= 0 && sf.trigs[ti].start == end && sf.trigs[ti].form != formNoun || r.reportBreak(end)
}

// sepWordBetween reports a list separator written as a word between tokens
// a and b (and, as well as).
func (r *run) sepWordBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if r.toks[k].Word && (r.tokIn(k, wSeparator) || r.sepPhrase(k) > k) {
			return true
		}
	}
	return false
}

// verbAfter returns, in a subject-first pack, the verb or phrase trigger of
// clause k that follows group g right away, its persons' title chains and
// an adverb apart ("X and his counterpart Y also signed"), when some other
// trigger or marker stands before g in the clause: g is that verb's subject,
// not a list of the trigger before it. -1 otherwise.
func (r *run) verbAfter(sf *sentenceFrame, k int, g *group) int {
	if !r.x.lang.SubjectFirst {
		return -1
	}
	e := g.end
	if e < len(r.toks) && r.toks[e].Word && !r.tokIn(e, wSeparator) && r.trigAt(sf, e) < 0 && !r.capital(e) && len(r.at[e]) == 0 {
		e++ // an adverb (also, jointly)
	}
	ti := r.trigAt(sf, e)
	if ti < 0 || sf.trigs[ti].start != e || sf.trigs[ti].seg != k || sf.trigs[ti].form == formNoun {
		return -1
	}
	if b := r.chainStart(g.start); b == 0 || r.toks[b-1].Word || r.toks[b-1].S != "," {
		return -1 // the delegation that comprises X and Y also met Z: no comma sets X off
	}
	for tj, t := range sf.trigs {
		if tj != ti && t.seg == k && t.end <= g.start {
			return ti
		}
	}
	return -1
}

// chainStart returns where the title chain before the name starting at
// token i begins: i, or the first of the titles, nationalities, honorifics,
// qualifiers and articles right before it.
func (r *run) chainStart(i int) int {
	k := i
	for k > 0 && i-k < 10 {
		j := k - 1
		if !r.toks[j].Word {
			if r.toks[j].S == "." && r.abbrevStop(j) {
				k = j // Mr.
				continue
			}
			break
		}
		_, title := r.hitAt(j, kTitle)
		_, adj := r.hitAt(j, kAdj)
		_, hon := r.wordAt(j, wHonorific)
		_, qual := r.wordAt(j, wQualifier)
		if !title && !adj && !hon && !qual && !(r.x.articleWord && r.toks[j].S == r.x.article) && !r.inTitleHit(j) {
			break
		}
		k = j
	}
	return k
}

// inTitleHit reports a token inside a title phrase (Foreign in Egyptian
// Foreign Minister).
func (r *run) inTitleHit(j int) bool {
	for s := max(0, j-4); s <= j; s++ {
		if h, ok := r.hitAt(s, kTitle); ok && h.end > j {
			return true
		}
	}
	return false
}

// sideAfterRepresented reports, where names are capitalised, a person's
// group after the one a represented marker governs, past a list separator
// ("signed by X on behalf of Egypt and Y on behalf of Angola"): the next
// side's signer, not one more party stood in for.
func (r *run) sideAfterRepresented(sg *segment, mk marker, g *group) bool {
	if !r.x.lang.Capitalised || mk.l != wRepresented || !r.groupHas(sg, g, tPerson) {
		return false
	}
	for k := mk.end; k < g.start; k++ {
		if r.tokIn(k, wSeparator) || !r.toks[k].Word && r.toks[k].S == "," {
			return true
		}
	}
	return false
}

// markerAt returns the marker word at token i: the longest word of a marker
// list there, in the order of markerLists on a tie.
func (r *run) markerAt(i, segStart int) (hit, list, bool) {
	var best hit
	var bestL list
	found := false
	if !r.starts[i].and(markerMask).any() {
		return best, bestL, found // no phrase of a marker list starts at i
	}
	for _, hi := range r.at[i] {
		h := r.hits[hi]
		if h.kind != kWord || h.ref == 0 {
			continue
		}
		l := list(h.ref - 1)
		rank := slices.Index(markerLists, l)
		if rank < 0 || l == wMessageFrom && !r.afterMessage(segStart, i) {
			continue
		}
		if !found || h.end > best.end || h.end == best.end && rank < slices.Index(markerLists, bestL) {
			best, bestL, found = h, l, true
		}
	}
	return best, bestL, found
}

// adjacent reports whether only the title chain of what starts at b (titles,
// honorifics, a nationality, a comma) stands between a and b.
func (r *run) adjacent(a, b int) bool {
	if a >= b {
		return a == b
	}
	if b-a > 14 {
		return false
	}
	for k := a; k < b; k++ {
		if e := r.chainEnd(k); e == b || e > 0 && e >= b {
			return true
		}
		if r.toks[k].Word && !r.word(k, wSeparator) && !r.word(k, wListLead) && !r.word(k, wSideMarker) && !(r.x.articleWord && (r.toks[k].S == r.x.article || r.tokIn(k, wPronoun))) {
			if _, ok := r.hitAt(k, kTitle); !ok {
				_, hon := r.wordAt(k, wHonorific)
				_, adj := r.hitAt(k, kAdj) // وزيرا الخارجية التركي X: a nationality
				if !hon && !adj {
					return false
				}
			}
		}
	}
	return true
}

// ownerOf returns the trigger a marker at token i of clause k belongs to:
// the nearest one before it, else the first one after it; -1 when the clause
// has none.
func (r *run) ownerOf(sf *sentenceFrame, k, i int) int {
	before, after := -1, -1
	for ti, t := range sf.trigs {
		if t.seg != k {
			continue
		}
		if t.end <= i {
			before = ti
		} else if after < 0 {
			after = ti
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// trigAt returns the trigger of sf starting at token i, or -1.
func (r *run) trigAt(sf *sentenceFrame, i int) int {
	for ti, t := range sf.trigs {
		if t.start <= i && i < t.end {
			return ti
		}
	}
	return -1
}

// trigBetween returns the first trigger of sf within tokens [a, b), or -1.
func (r *run) trigBetween(sf *sentenceFrame, a, b int) int {
	for ti, t := range sf.trigs {
		if t.start >= a && t.start < b {
			return ti
		}
	}
	return -1
}

// afterMessage reports a message noun in the few tokens before i, from s on:
// "رسالة خطية من X" names the sender after من.
func (r *run) afterMessage(s, i int) bool {
	for k := i - 1; k >= s && k >= i-4; k-- {
		if r.word(k, wMessage) {
			return true
		}
	}
	return false
}

func sortItems(items []item) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].start < items[j-1].start; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func sortInts(s []int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// listJoined reports whether the tokens [a, b) between two mentions join them
// in one list: separators (a conjunction, a comma, a list lead, a side
// marker phrase) and then only the next item's title chain, or a conjunction
// written joined to the next item. Any other word, a with-word included,
// ends the list.
func (r *run) listJoined(a, b int) (ok, sep bool) {
	if b-a > 14 {
		return false, false
	}
	k, seen := a, false
	for k < b {
		switch {
		case !r.toks[k].Word && (r.toks[k].S == "," || r.tokIn(k, wSeparator)):
			k++
		case !r.toks[k].Word && r.toks[k].S == "\"":
			k++ // الرئيس الإيراني "X"، والرئيس التركي "Y"
			continue
		case r.toks[k].Word && (r.tokIn(k, wSeparator) || r.tokIn(k, wConjunction)):
			k++
		case r.x.articleWord && r.sepPhrase(k) > k:
			k = r.sepPhrase(k) // as well as, along with
		case r.toks[k].Word && k == b-1 && r.stateForm(k):
			k++ // الإمارات وجمهورية إثيوبيا
		case r.word(k, wListLead):
			if !seen && r.mend[a] > 0 && r.ments[r.mend[a]-1].typ == schema.Person {
				// التقى X كلا من Y و Z: a list lead right after a person
				// opens the object's list, which the subject is not part of
				return false, false
			}
			h, _ := r.wordAt(k, wListLead)
			k = max(h.end, k+1)
		default:
			if e := r.sideEnd(k); e == b && (seen || r.conjoined(k)) {
				return true, false // "، ومن الجانب السوداني X"
			}
			if seen && r.chainEnd(k) == b && !r.counterpartAfterComma(a, k) {
				return true, false
			}
			if e := r.qualifierEnd(k); seen && r.x.lang.QualifiersFirst && e > k && e < b && r.chainEnd(e) == b {
				return true, false // X, European Commission President Y; X, Russia's Ambassador Y
			}
			if seen && r.x.articleWord && (r.toks[k].S == r.x.article || r.tokIn(k, wPronoun)) && r.chainEnd(k+1) == b {
				return true, false // X and the Vice Minister, Mr. Y; X and his Serbian counterpart Y
			}
			if r.conjoined(k) && (k == b-1 && r.mstart[k] > 0 || r.chainEnd(k) == b) {
				return true, false // "وX"، "والرئيس X": the conjunction joined to the next item
			}
			if h, ok := r.wordAt(k, wHonorific); ok && h.clitic > 0 && r.conjoined(k) && !r.cliticAfterConjunction(k, wWith) && (h.end == b || r.chainEnd(h.end) == b) {
				return true, false // "، والدكتور X": the conjunction joined to the next item's honorific
			}
			if k == a && r.honoredAfterTitle(a, b) {
				return true, false // "X نائب رئيس الوزراء والدكتور Y": X's title, then the next item
			}
			if r.portfolioItem(k) == b {
				return true, false // "X، والتخطيط الدكتور Y": the holder of the next portfolio of a list
			}
			if k == a && r.conjoined(b) {
				return false, false
			}
			return false, false
		}
		seen = true
	}
	return seen || r.conjoined(b), false
}

// qualifierEnd returns the end of a body's or a state's name at token k
// with its possessive ending (Russia's), which qualifies the title after it
// in a language whose qualifiers come first; k when none is named there.
func (r *run) qualifierEnd(k int) int {
	m, ok := r.mentionAt(k)
	if !ok || r.ments[m].typ == schema.Person {
		return k
	}
	e := r.ments[m].end
	if e+1 < len(r.toks) && !r.toks[e].Word && slices.Contains(r.x.lists[wPossessive], r.toks[e].S+r.toks[e+1].S) {
		e += 2
	}
	return e
}

// sepPhrase returns the end of a list separator of several words at token
// k (as well as), or k.
func (r *run) sepPhrase(k int) int {
	if h, ok := r.wordAt(k, wSeparator); ok && h.end > k+1 {
		return h.end
	}
	return k
}

// appositionEnd returns the end of the apposition after a name ending at
// token e, before limit: a comma, a title chain, and the places and bodies
// it names after "of" or "to" (", Minister of Foreign Affairs of the
// Republic of Serbia"); e when no apposition follows.
func (r *run) appositionEnd(e, limit int) int {
	if e+1 < limit && r.tokIn(e, wPortfolioLead) {
		// X of the Kingdom of Saudi Arabia, Y: a name's country after it
		j := e + 1
		if r.x.articleWord && r.toks[j].S == r.x.article {
			j++
		}
		if m, ok := r.mentionAt(j); ok && r.ments[m].typ == schema.Country {
			return r.ments[m].end
		}
	}
	if e+1 >= limit || r.toks[e].Word || r.toks[e].S != "," {
		return e
	}
	k := e + 1
	if r.x.articleWord && r.toks[k].S == r.x.article {
		k++
	}
	c, ok := r.chainAt(k)
	if !ok || !c.titled {
		return e
	}
	end := c.end
	for end+1 < limit && (r.tokIn(end, wPortfolioLead) || r.tokIn(end, wPosting)) {
		j := end + 1
		if r.x.articleWord && r.toks[j].S == r.x.article {
			j++
		}
		m, ok := r.mentionAt(j)
		if !ok || r.ments[m].typ == schema.Person {
			break
		}
		end = r.ments[m].end
	}
	return end
}

// counterpartAfterComma reports a counterpart reference at token k (نظيره)
// after punctuation alone from token a: "استقبل X، نظيره Y" names the object,
// not one more item of X's list (with و, "X ونظيره Y" is one list).
func (r *run) counterpartAfterComma(a, k int) bool {
	h, ok := r.hitAt(k, kRef)
	if !ok || h.lx.sub != "counterpart" || h.clitic > 0 || r.startsWithList(k, wConjunction) {
		return false
	}
	for j := a; j < k; j++ {
		if r.toks[j].Word {
			return false
		}
	}
	return true
}

// conjoined reports a conjunction written joined to token k: some lexicon hit
// there (a name, a title, an honorific) was read after stripping it.
func (r *run) conjoined(k int) bool {
	if k < 0 || k >= len(r.at) || !r.startsWithList(k, wConjunction) {
		return false
	}
	for _, hi := range r.at[k] {
		if r.hits[hi].clitic > 0 {
			return true
		}
	}
	return false
}

// startsWithList reports whether token k starts with a word of the list l
// (a proclitic written joined to it).
func (r *run) startsWithList(k int, l list) bool {
	w := r.toks[k].S
	for _, p := range r.x.lists[l] {
		if len(p) < len(w) && w[:len(p)] == p {
			return true
		}
	}
	return false
}

// sideEnd returns where a side marker phrase at token k ends and a title chain
// or name goes on ("ومن الجانب السوداني X"): the end of that chain, or -1.
func (r *run) sideEnd(k int) int {
	j := k
	if r.word(j, wFunction) {
		j++
	}
	if !r.word(j, wSideMarker) {
		return -1
	}
	return r.chainEnd(j)
}

// chainEnd returns the end of the title chain at token i, or -1. While the
// frames are read the mentions no longer change: the answers are kept.
func (r *run) chainEnd(i int) int {
	if i >= len(r.toks) {
		return -1
	}
	if r.chainMemo != nil && r.chainMemo[i] != 0 {
		return int(r.chainMemo[i]) - 2
	}
	e := -1
	if c, ok := r.chainAt(i); ok {
		e = c.end + r.nameGap(c)
	}
	if r.chainMemo != nil {
		r.chainMemo[i] = int32(e + 2)
	}
	return e
}

// conjoinedIn reports a conjunction in tokens [a, b), as a word or written
// joined to the next word.
func (r *run) conjoinedIn(a, b int) bool {
	for k := a; k < b && k < len(r.toks); k++ {
		if r.toks[k].Word && (r.tokIn(k, wConjunction) || r.conjoined(k)) {
			return true
		}
	}
	return false
}

// cliticAfterConjunction reports token k written as a conjunction, then a
// one-letter word of list l, then the rest (وبصاحب السمو: and with His
// Highness).
func (r *run) cliticAfterConjunction(k int, l list) bool {
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if !strings.HasPrefix(w, p) {
			continue
		}
		for _, q := range r.x.letters[l] {
			if strings.HasPrefix(w[len(p):], q) {
				return true
			}
		}
	}
	return false
}

// stateForm reports a state's form (جمهورية، دولة) at token k, after a
// conjunction or not.
func (r *run) stateForm(k int) bool {
	if r.word(k, wStateForm) {
		return true
	}
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(w) > len(p) && strings.HasPrefix(w, p) && r.x.in(wStateForm, w[len(p):]) {
			return true
		}
	}
	return false
}

// personIn reports a person named (not by a title alone) in tokens [s, e).
func (r *run) personIn(s, e int) bool {
	for _, m := range r.mentsIn(s, e) {
		if m.typ == schema.Person && !m.title {
			return true
		}
	}
	return false
}

// honoredAfterTitle reports, after a person ending at token a, a title
// chain that runs up to token b over an honorific joined to a conjunction
// right before b: "X نائب رئيس الوزراء والدكتور Y" lists X, with his title,
// and Y.
func (r *run) honoredAfterTitle(a, b int) bool {
	if r.mend[a] == 0 || r.ments[r.mend[a]-1].typ != schema.Person {
		return false
	}
	c, ok := r.chainAt(a)
	if !ok || !c.titled || c.end != b {
		return false
	}
	for t := a + 1; t < b; t++ {
		if h, ok := r.wordAt(t, wHonorific); ok && h.end == b && h.clitic > 0 && r.startsWithList(t, wConjunction) {
			return true
		}
	}
	return false
}

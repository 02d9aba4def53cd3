package extract

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// The learned scorers. The frames state what their phrases say; around
// them, real reporting names the same facts in many more ways than a pack
// can list. So, after the frames, every pair of persons named in one
// sentence, every person and the event of their sentence, and every signer
// and treaty named together is a candidate fact, described by features the
// engine computes from the text and from what the frames read (the closed
// set schema.RoleTemplates). A logistic model per relation type, trained on
// the pack's development articles and shipped as data in the pack
// (LangPack.Roles), weighs each candidate the frames did not state; one
// that reaches the model's threshold is stated too, with the rule
// "<lang>.learned.<type>". No word is known to the Go code: words reach
// the model only as features.

// Candidate is a fact the learned scorers weigh, as `extract --candidates`
// prints it for training: its ends, the event and date it would carry,
// whether the frames stated it already, its features and its probability.
type Candidate struct {
	Type   string `json:"type"`
	From   string `json:"from"`
	To     string `json:"to"`
	Event  string `json:"event,omitempty"`
	Date   string `json:"date,omitempty"`
	Stated bool   `json:"stated"`
	// Open reports that the scorers decide it (learning.open): only such
	// candidates are learned from and stated.
	Open     bool     `json:"open"`
	Score    float64  `json:"score"`
	Sentence int      `json:"sentence"`
	Features []string `json:"features"`
}

// learnedRule is the rule id of facts the scorers state ("ar.learned.met_with").
func (x *Extractor) learnedRule(typ string) string {
	switch typ {
	case "MET_WITH":
		return x.lang.Code + ".learned.met_with"
	case "ATTENDED":
		return x.lang.Code + ".learned.attended"
	}
	return x.lang.Code + ".learned.signed"
}

// lmention is a mention the candidates are built from.
type lmention struct {
	start, end int // tokens
	id, typ    string
	title      bool
	sent       int
}

// learned builds the candidates, scores them and states those the models
// accept. It returns the candidates when the extractor keeps them.
func (r *run) learned() []Candidate {
	models := r.x.lang.Roles
	if len(models) == 0 && !r.x.candidates {
		return nil
	}
	l := r.newLearning()
	cands := l.candidates()
	if len(cands) == 0 {
		return nil
	}
	for i := range cands {
		cands[i].Open = !cands[i].Stated && l.open(&cands[i])
	}
	for i := range cands {
		c := &cands[i]
		m, ok := models[c.Type]
		if !ok {
			continue
		}
		z := m.Bias
		for _, f := range c.Features {
			z += m.Weights[f]
		}
		c.Score = math.Round(1e4/(1+math.Exp(-z))) / 1e4
		if c.Stated || c.Score < m.Threshold || !c.Open {
			continue
		}
		props := map[string]any{}
		if c.Date != "" {
			props["date"] = c.Date
		}
		if c.Event != "" {
			props["event"] = c.Event
			if ev := r.eventByID(c.Event); ev != nil && c.Type == "MET_WITH" && ev.venue != "" {
				props["venue"] = ev.venue
			}
		}
		r.relateRule(c.Type, c.From, c.To, props, c.Sentence, r.x.learnedRule(c.Type), c.Score)
	}
	if !r.x.candidates {
		return nil
	}
	return cands
}

// open reports whether the scorers decide candidate c: they complete the
// frames, stating facts only of ends the frames stated nothing of (a
// person with no fact; a treaty no one was read to sign), never beside a
// fact the frames read.
func (l *learning) open(c *Candidate) bool {
	if !l.plain(c.Sentence) {
		return false
	}
	switch c.Type {
	case "ATTENDED":
		return len(l.facts[c.From]) == 0
	case "MET_WITH":
		return len(l.facts[c.From]) == 0 && len(l.facts[c.To]) == 0
	}
	return !l.facts[c.To]["signed-by"]
}

// plain reports whether sentence si may state a learned fact: it names an
// event (a trigger, an event noun, an event the frames read) and says
// nothing that makes its events other than past facts (a modality word, a
// planned or tentative event, a negation, a cancellation, a non-meeting).
func (l *learning) plain(si int) bool {
	r := l.r
	if si < 0 || si >= len(r.sents) || r.has(si, wNotMeeting) || r.has(si, wCancel) || r.has(si, wNegation) {
		return false
	}
	for _, ev := range r.evs {
		if ev.sent == si && (ev.modality == "planned" || ev.tentative) {
			return false
		}
	}
	named := len(l.live[si]) > 0
	s := r.sents[si]
	for i := s.start; i < s.end; i++ {
		for _, hi := range r.at[i] {
			switch h := &r.hits[hi]; h.kind {
			case kModality:
				return false
			case kTrigger:
				if strings.HasPrefix(h.lx.sub, "planned-") {
					return false
				}
				named = true
			case kEvent:
				named = true
			}
		}
	}
	return named
}

// learning holds what the candidates of one document are built from.
type learning struct {
	r     *run
	ments []lmention
	// bySent lists, per sentence, the indexes in ments of its mentions.
	bySent [][]int
	// live lists the events that took place as reported (stated, neither
	// planned nor tentative), by sentence.
	live   map[int][]*event
	order  []*event // the live events in document order
	met    map[[2]string]bool
	facts  map[string]map[string]bool // entity → what the frames stated of it (met, attended, signed…)
	signed map[[2]string]bool
	att    map[string]bool
	roles  map[string][]string // entity → the slots frames filled with it
	buf    []string
}

func (r *run) newLearning() *learning {
	l := &learning{r: r, bySent: make([][]int, len(r.sents)), live: map[int][]*event{},
		met: map[[2]string]bool{}, facts: map[string]map[string]bool{}, signed: map[[2]string]bool{},
		att: map[string]bool{}, roles: map[string][]string{}}
	for _, m := range r.ments {
		a := r.ents[m.id]
		if a == nil || len(a.Mentions) == 0 || a.weak {
			continue
		}
		si := r.sentenceOf(m.start)
		if si < 0 {
			continue
		}
		l.bySent[si] = append(l.bySent[si], len(l.ments))
		l.ments = append(l.ments, lmention{start: m.start, end: m.end, id: m.id, typ: a.Type, title: m.title, sent: si})
	}
	for _, ev := range r.evs {
		if ev.tentative || ev.modality == "planned" || !r.stated(ev) && ev.scale != "multilateral" {
			continue // a multilateral event named is one that took place unless planned
		}
		l.live[ev.sent] = append(l.live[ev.sent], ev)
		l.order = append(l.order, ev)
		for p, slot := range ev.roles {
			l.roles[p] = append(l.roles[p], slot)
		}
	}
	for p := range l.roles {
		slices.Sort(l.roles[p])
		l.roles[p] = slices.Compact(l.roles[p])
	}
	note := func(id, what string) {
		if l.facts[id] == nil {
			l.facts[id] = map[string]bool{}
		}
		l.facts[id][what] = true
	}
	for _, rel := range r.rels {
		switch rel.Type {
		case "MET_WITH":
			l.met[pairKey(rel.From, rel.To)] = true
			note(rel.From, "met")
			note(rel.To, "met")
		case "ATTENDED":
			l.att[rel.From] = true
			note(rel.From, "attended")
		case "SIGNED":
			l.signed[[2]string{rel.From, rel.To}] = true
			note(rel.From, "signed")
			note(rel.To, "signed-by")
		case "PARTICIPATED_IN":
			note(rel.From, "participated")
		case "VISITED":
			note(rel.From, "visited")
		}
	}
	return l
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// bucket names n by the bounds it reaches: 0, 1, 2, 3-4, 5-8, 9+.
func bucket(n int) string {
	switch {
	case n <= 2:
		return strconv.Itoa(n)
	case n <= 4:
		return "3-4"
	case n <= 8:
		return "5-8"
	}
	return "9+"
}

// candidates builds every candidate of the document: a pair of persons
// named in one sentence or in two that follow each other; a person and the
// event of their sentence (or the one before, or the document's); a signer
// and a treaty named at most two sentences apart.
func (l *learning) candidates() []Candidate {
	var out []Candidate
	seenPair := map[[2]string]bool{}
	seenAtt := map[string]int{} // person → index in out
	seenSig := map[[2]string]bool{}
	for si, ms := range l.bySent {
		persons := l.distinct(ms, schema.Person)
		for a := 0; a < len(persons); a++ {
			pa := l.ments[persons[a]]
			if k, ok := seenAtt[pa.id]; ok {
				if len(out[k].Features) < 400 && out[k].Sentence != si {
					out[k].Features = sortedSet(append(out[k].Features, l.single(persons, a)...))
				}
			} else if ev, where := l.eventFor(si); ev != nil && !slices.Contains(ev.principals, pa.id) {
				c := Candidate{Type: "ATTENDED", From: pa.id, To: ev.id, Event: ev.id, Date: ev.date,
					Stated: l.att[pa.id], Sentence: si}
				if c.Date == "" {
					c.Date = l.r.sentenceDate(si) // an event named with no day: the day of its sentence
				}
				c.Features = l.single(persons, a)
				c.Features = append(c.Features, "event=target-"+where+"-"+ev.scale)
				c.Features = sortedSet(c.Features)
				seenAtt[pa.id] = len(out)
				out = append(out, c)
			}
			for b := a + 1; b < len(persons); b++ {
				out = l.metWith(out, seenPair, si, pa, l.ments[persons[b]], persons, 0)
			}
		}
		// a person of this sentence and one of the sentence before
		if si > 0 {
			before := l.distinct(l.bySent[si-1], schema.Person)
			for _, i := range before {
				for _, j := range persons {
					out = l.metWith(out, seenPair, si, l.ments[i], l.ments[j], persons, 1)
				}
			}
		}
		// SIGNED: a signer and a treaty named at most two sentences apart.
		for _, ti := range ms {
			t := l.ments[ti]
			if t.typ != schema.Treaty {
				continue
			}
			for sj := max(0, si-2); sj <= min(len(l.bySent)-1, si+2); sj++ {
				for _, xi := range l.bySent[sj] {
					x := l.ments[xi]
					if x.typ != schema.Person && x.typ != schema.Organization && x.typ != schema.Country {
						continue
					}
					key := [2]string{x.id, t.id}
					if seenSig[key] {
						continue
					}
					seenSig[key] = true
					c := Candidate{Type: "SIGNED", From: x.id, To: t.id, Stated: l.signed[key], Sentence: max(si, sj)}
					if ev := l.signingOf(t.id, si); ev != nil {
						c.Event, c.Date = ev.id, ev.date
					} else {
						c.Date = l.r.sentenceDate(si)
					}
					a, b := x, t
					if b.start < a.start {
						a, b = b, a
					}
					gap := sj - si
					if gap < 0 {
						gap = -gap
					}
					c.Features = sortedSet(l.pair(a, b, l.distinct(l.bySent[a.sent], schema.Person), gap))
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// metWith adds the MET_WITH candidate of persons a (named first) and b of
// sentences gap apart, b's sentence being si, unless the pair has one.
func (l *learning) metWith(out []Candidate, seen map[[2]string]bool, si int, a, b lmention, persons []int, gap int) []Candidate {
	key := pairKey(a.id, b.id)
	if a.id == b.id || seen[key] {
		return out
	}
	seen[key] = true
	c := Candidate{Type: "MET_WITH", From: a.id, To: b.id, Stated: l.met[key], Sentence: si}
	if ev := l.sameSentence(a.sent); ev != nil {
		c.Event, c.Date = ev.id, ev.date
	} else if ev := l.sameSentence(si); ev != nil {
		c.Event, c.Date = ev.id, ev.date
	} else {
		c.Date = l.r.sentenceDate(si)
	}
	if gap == 0 {
		c.Features = sortedSet(l.pair(a, b, persons, 0))
	} else {
		c.Features = sortedSet(l.pair(a, b, l.distinct(l.bySent[a.sent], schema.Person), gap))
	}
	return append(out, c)
}

// distinct returns the first mention of each entity of type typ among ms.
func (l *learning) distinct(ms []int, typ string) []int {
	var out []int
	for _, i := range ms {
		m := l.ments[i]
		if m.typ != typ {
			continue
		}
		dup := false
		for _, j := range out {
			if l.ments[j].id == m.id {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}

// eventFor returns the event a person of sentence si would have attended:
// one read in the sentence (a multilateral one first), else the last one
// read before it, else the first of the document; and where it was found.
func (l *learning) eventFor(si int) (*event, string) {
	if evs := l.live[si]; len(evs) > 0 {
		for _, ev := range evs {
			if ev.scale == "multilateral" {
				return ev, "same"
			}
		}
		return evs[0], "same"
	}
	var last *event
	for _, ev := range l.order {
		if ev.sent < si {
			last = ev
		}
	}
	if last != nil {
		return last, "before"
	}
	if len(l.order) > 0 {
		return l.order[0], "after"
	}
	return nil, ""
}

// sameSentence returns the first bilateral live event of sentence si, else
// any live one there.
func (l *learning) sameSentence(si int) *event {
	evs := l.live[si]
	for _, ev := range evs {
		if ev.scale != "multilateral" {
			return ev
		}
	}
	if len(evs) > 0 {
		return evs[0]
	}
	return nil
}

// signingOf returns the live event of treaty t, else a live event of sentence si.
func (l *learning) signingOf(t string, si int) *event {
	for _, ev := range l.order {
		if ev.treaty == t {
			return ev
		}
	}
	return l.sameSentence(si)
}

// single is the features of the person persons[a] in its sentence.
func (l *learning) single(persons []int, a int) []string {
	m := l.ments[persons[a]]
	r := l.r
	s := r.sents[m.sent]
	f := l.buf[:0]
	f = append(f, "type="+m.typ, "np="+bucket(len(persons)), "pos="+bucket(a), "sent="+bucket(m.sent))
	f = l.endFeatures(f, "a", m)
	f = l.sentenceFeatures(f, m.sent)
	f = l.window(f, "L", max(s.start, m.start-6), m.start)
	f = l.window(f, "R", m.end, min(s.end, m.end+6))
	l.buf = f[:0]
	return slices.Clone(f)
}

// pair is the features of two ends a (first in the text) and b, gap
// sentences apart; persons are those of a's sentence.
func (l *learning) pair(a, b lmention, persons []int, gap int) []string {
	r := l.r
	f := l.buf[:0]
	between := 0
	for _, pi := range persons {
		if m := l.ments[pi]; m.start >= a.end && m.end <= b.start {
			between++
		}
	}
	f = append(f, "type="+a.typ+"-"+b.typ, "np="+bucket(len(persons)), "nb="+bucket(between),
		"gap="+bucket(gap), "sent="+bucket(a.sent), "country="+l.countries(a.id, b.id))
	f = l.endFeatures(f, "a", a)
	f = l.endFeatures(f, "b", b)
	ra, rb := l.roles[a.id], l.roles[b.id]
	if len(ra) > 0 && len(rb) > 0 {
		f = append(f, "roles="+ra[0]+"|"+rb[0])
	}
	if l.met[pairKey(a.id, b.id)] {
		f = append(f, "stated=pair-met")
	}
	f = l.sentenceFeatures(f, a.sent)
	sa, sb := r.sents[a.sent], r.sents[b.sent]
	f = l.window(f, "L", max(sa.start, a.start-5), a.start)
	if gap == 0 {
		f = append(f, "dist="+bucket(b.start-a.end))
		if b.start-a.end <= 14 {
			f = l.window(f, "B", a.end, b.start)
		} else {
			f = l.window(f, "B", a.end, a.end+7)
			f = l.window(f, "B", b.start-7, b.start)
		}
	} else {
		f = l.sentenceFeatures(f, b.sent)
		f = l.window(f, "B", a.end, min(sa.end, a.end+7))
		f = l.window(f, "B", max(sb.start, b.start-7), b.start)
	}
	f = l.window(f, "R", b.end, min(sb.end, b.end+5))
	l.buf = f[:0]
	return slices.Clone(f)
}

// endFeatures describes one end (side a or b): its slots, what the frames
// stated of it, whether a title named it and whether it holds an office.
func (l *learning) endFeatures(f []string, side string, m lmention) []string {
	for _, slot := range l.roles[m.id] {
		f = append(f, "role="+side+"-"+slot)
	}
	for _, what := range []string{"met", "attended", "signed", "signed-by", "participated", "visited"} {
		if l.facts[m.id][what] {
			f = append(f, "stated="+side+"-"+what)
		}
	}
	if m.title {
		f = append(f, "title="+side)
	}
	if a := l.r.ents[m.id]; a != nil {
		if _, ok := a.Properties["role"]; ok {
			f = append(f, "office="+side)
		}
	}
	return f
}

// countries compares the countries of two persons.
func (l *learning) countries(a, b string) string {
	ca, cb := "", ""
	if e := l.r.ents[a]; e != nil {
		ca = str(e.Properties["country"])
	}
	if e := l.r.ents[b]; e != nil {
		cb = str(e.Properties["country"])
	}
	switch {
	case ca == "" || cb == "":
		return "unknown"
	case ca == cb:
		return "same"
	}
	return "different"
}

// sentenceFeatures describes sentence si: its events and the phrases in it
// that are no words of names (triggers, event nouns, titles, word lists).
func (l *learning) sentenceFeatures(f []string, si int) []string {
	r := l.r
	planned := false
	for _, ev := range r.evs {
		if ev.sent == si && (ev.modality == "planned" || ev.tentative) {
			planned = true
		}
	}
	if planned {
		f = append(f, "event=planned")
	}
	evs := l.live[si]
	if len(evs) == 0 {
		f = append(f, "event=none")
	}
	for _, ev := range evs {
		f = append(f, "event="+ev.kind, "event="+ev.scale)
	}
	s := r.sents[si]
	for i := s.start; i < s.end; i++ {
		f = l.phrases(f, "S", i)
	}
	for li := list(0); li < nLists; li++ {
		if r.sentWords[si].has(li) {
			f = append(f, "Sl="+listPurpose[li])
		}
	}
	return f
}

// window describes the tokens [from, to) with position p: each word, the
// word without its proclitic, its lists and phrases, a mention as its type.
func (l *learning) window(f []string, p string, from, to int) []string {
	r := l.r
	for i := max(from, 0); i < to && i < len(r.toks); i++ {
		if k := r.mstart[i]; k > 0 {
			m := r.ments[k-1]
			if a := r.ents[m.id]; a != nil {
				f = append(f, p+"m="+a.Type)
			} else {
				f = append(f, p+"m="+m.typ)
			}
			if m.end > i+1 {
				i = min(m.end, to) - 1
			}
			continue
		}
		t := r.toks[i]
		if !t.Word {
			if t.S != "\n" {
				f = append(f, p+"p="+t.S)
			}
			continue
		}
		f = append(f, p+"w="+t.S)
		for _, c := range r.x.lex.procliticsOf(t.S) {
			if len(c) < len(t.S) && t.S[:len(c)] == c && runesAtLeast(t.S[len(c):], 3) {
				f = append(f, p+"s="+t.S[len(c):])
				break
			}
		}
		for li := list(0); li < nLists; li++ {
			if r.isWord[i].or(r.starts[i]).has(li) {
				f = append(f, p+"l="+listPurpose[li])
			}
		}
		f = l.phrases(f, p, i)
	}
	return f
}

// phrases describes the phrases of the pack that start at token i.
func (l *learning) phrases(f []string, p string, i int) []string {
	r := l.r
	for _, hi := range r.at[i] {
		h := &r.hits[hi]
		switch h.kind {
		case kTitle:
			f = append(f, p+"k=title")
		case kTrigger:
			f = append(f, p+"f="+r.x.lang.Frames[h.ref].ID, p+"k=trigger-"+h.lx.sub)
		case kTreaty:
			f = append(f, p+"k=treaty")
		case kVenue:
			f = append(f, p+"k=venue")
		case kEvent:
			f = append(f, p+"e="+h.lx.sub)
		case kModality:
			f = append(f, p+"k=modality")
		case kRef:
			f = append(f, p+"k=ref-"+h.lx.sub)
		case kDate:
			f = append(f, p+"k=date")
		case kAdj:
			f = append(f, p+"k=nationality")
		}
	}
	return f
}

// sortedSet sorts f and drops repeats.
func sortedSet(f []string) []string {
	slices.Sort(f)
	return slices.Compact(f)
}

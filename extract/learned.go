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
	// skip marks a candidate left unscored: no model weighs its type, or
	// the scorers would not decide it (not open), and no one asked for
	// the candidates.
	skip bool
	// hits are the indexes of its features in its type's model, when the
	// features are not kept as strings; merged counts the sentences whose
	// features were added to those of the first.
	hits   []int32
	merged int
}

// roleModel is a scorer of the pack compiled for scoring: its features are
// numbered in their sorted order, so that a candidate's features are
// looked up without building their strings, and summed in one order.
type roleModel struct {
	threshold, bias float64
	index           map[string]int32
	w               []float64
}

// compileRoles compiles the pack's scorers.
func compileRoles(roles map[string]schema.RoleWeights) map[string]*roleModel {
	out := map[string]*roleModel{}
	for typ, m := range roles {
		keys := make([]string, 0, len(m.Weights))
		for k := range m.Weights {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		rm := &roleModel{threshold: m.Threshold, bias: m.Bias, index: make(map[string]int32, len(keys)), w: make([]float64, len(keys))}
		for i, k := range keys {
			rm.index[k] = int32(i)
			rm.w[i] = m.Weights[k]
		}
		out[typ] = rm
	}
	return out
}

// score is the probability of c, rounded to four places.
func (m *roleModel) score(c *Candidate) float64 {
	idx := c.hits
	if c.Features != nil {
		idx = idx[:0]
		for _, f := range c.Features {
			if i, ok := m.index[f]; ok {
				idx = append(idx, i)
			}
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	z := m.bias
	for _, i := range idx {
		z += m.w[i]
	}
	return math.Round(1e4/(1+math.Exp(-z))) / 1e4
}

// feats collects the features of one candidate: as strings when the
// candidates are kept, else only as the indexes of those its type's model
// weighs.
type feats struct {
	keep  bool
	strs  []string
	model *roleModel
	buf   []byte
	hits  []int32
	n     int // features added, weighed or not
}

// add adds the feature written by the concatenation of parts.
func (f *feats) add(parts ...string) {
	f.n++
	if f.keep {
		f.strs = append(f.strs, strings.Join(parts, ""))
		return
	}
	if f.model == nil {
		return
	}
	f.buf = f.buf[:0]
	for _, p := range parts {
		f.buf = append(f.buf, p...)
	}
	if i, ok := f.model.index[string(f.buf)]; ok {
		f.hits = append(f.hits, i)
	}
}

// newFeats starts the features of a candidate of type typ.
func (l *learning) newFeats(typ string) *feats {
	f := &l.f
	*f = feats{keep: l.r.x.candidates, model: l.r.x.roles[typ], buf: f.buf[:0], strs: f.strs[:0]}
	return f
}

// store gives c the features f collected.
func (l *learning) store(c *Candidate, f *feats) {
	if f.keep {
		c.Features = sortedSet(append(c.Features, f.strs...))
		return
	}
	c.hits = append(c.hits, f.hits...)
}

// mayLearn reports whether the document may hold a fact the scorers of
// models state: without an ATTENDED scorer or an event of many parties,
// only MET_WITH and SIGNED scorers may.
func (r *run) mayLearn(models map[string]schema.RoleWeights) bool {
	if _, ok := models["MET_WITH"]; ok {
		return true
	}
	if _, ok := models["SIGNED"]; ok {
		return true
	}
	for _, ev := range r.evs {
		if ev.scale == "multilateral" && !ev.tentative && ev.modality != "planned" {
			return true
		}
	}
	return false
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
	if !r.x.candidates && (len(r.x.roles) == 0 || !r.mayLearn(models)) {
		return nil
	}
	l := r.newLearning()
	cands := l.candidates()
	if len(cands) == 0 {
		return nil
	}
	for i := range cands {
		c := &cands[i]
		m := r.x.roles[c.Type]
		if m == nil || c.skip {
			continue
		}
		c.Score = m.score(c)
		if c.Open {
			r.traceLearned(c, m.threshold)
		}
		if c.Stated || c.Score < m.threshold || !c.Open {
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

// traceLearned writes, for Explain, a candidate the scorers decided.
func (r *run) traceLearned(c *Candidate, threshold float64) {
	if r.trace == nil {
		return
	}
	verdict := "stated"
	if c.Score < threshold {
		verdict = "not stated"
	}
	name := func(id string) string {
		if a := r.ents[id]; a != nil {
			return a.Name
		}
		return id
	}
	r.tracef("\nlearned #%d %s %s -> %s: p=%.4f (threshold %.2f), %s", c.Sentence, c.Type, name(c.From), name(c.To), c.Score, threshold, verdict)
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
		// a person at a multilateral event: a summit, a conference, a
		// council's session. Who attended a bilateral meeting or a signing is
		// read by the frames (delegations, witnesses): beside them, persons
		// the scorers took for attendees were mostly signers or bystanders.
		ev := l.r.eventByID(c.To)
		return l.facts[c.From] == 0 && ev != nil && ev.scale == "multilateral"
	case "MET_WITH":
		return l.facts[c.From] == 0 && l.facts[c.To] == 0
	}
	return l.facts[c.To]&factSignedBy == 0
}

// plain reports whether sentence si may state a learned fact: it names an
// event (a trigger, an event noun, an event the frames read) and says
// nothing that makes its events other than past facts (a modality word, a
// planned or tentative event, a negation, a cancellation, a non-meeting).
//
// A line of a list that a sentence ending with a colon introduces names the
// event of that sentence ("taking part in the summit:" and a leader a line).
func (l *learning) plain(si int) bool {
	calm, named := l.calm(si)
	if !calm {
		return false
	}
	if named {
		return true
	}
	if head := l.listHead(si); head >= 0 {
		calm, named = l.calm(head)
		return calm && named
	}
	return false
}

// listHead returns the sentence ending with a colon whose list sentence si
// is a line of (each line between them short, as list lines are), or -1.
func (l *learning) listHead(si int) int {
	r := l.r
	for j := si - 1; j >= 0 && si-j <= 40; j-- {
		s := r.sents[j]
		if s.end > s.start && r.toks[s.end-1].S == ":" {
			return j
		}
		if s.end-s.start > 16 {
			return -1
		}
	}
	return -1
}

// calm reports whether sentence si says nothing that makes its events other
// than past facts (a modality word, a planned or tentative event, a
// negation, a cancellation, a non-meeting), and whether it names an event
// (a trigger, an event noun, an event the frames read).
func (l *learning) calm(si int) (calm, named bool) {
	r := l.r
	if si < 0 || si >= len(r.sents) || r.has(si, wNotMeeting) || r.has(si, wCancel) || r.has(si, wNegation) {
		return false, false
	}
	for _, ev := range r.evs {
		if ev.sent == si && (ev.modality == "planned" || ev.tentative) {
			return false, false
		}
	}
	named = len(l.live[si]) > 0
	s := r.sents[si]
	for i := s.start; i < s.end; i++ {
		for _, hi := range r.at[i] {
			switch h := &r.hits[hi]; h.kind {
			case kModality:
				return false, false
			case kTrigger:
				if strings.HasPrefix(h.lx.sub, "planned-") {
					return false, false
				}
				named = true
			case kEvent:
				named = true
			}
		}
	}
	return true, named
}

// stoodInFor reports whether mention m follows a phrase of words.represented
// with at most titles, nationalities and honorifics between ("in the absence
// of President X", "نيابة عن الرئيس X"): the one stood in for attends nothing.
func (l *learning) stoodInFor(m lmention) bool {
	r := l.r
	from := r.sents[m.sent].start
	i := m.start
	for steps := 0; steps < 6; steps++ {
		k, ok := l.endingAt(from, i, func(h *hit) bool {
			return h.kind == kTitle || h.kind == kAdj || h.kind == kWord && h.ref > 0 && list(h.ref-1) == wHonorific
		})
		if !ok {
			break
		}
		i = k
	}
	_, ok := l.endingAt(from, i, func(h *hit) bool {
		return h.kind == kWord && h.ref > 0 && list(h.ref-1) == wRepresented
	})
	return ok
}

// endingAt returns the start of a phrase ending just before token i, no
// earlier than token from, of which is reports true.
func (l *learning) endingAt(from, i int, is func(*hit) bool) (int, bool) {
	r := l.r
	for k := max(from, i-6); k < i; k++ {
		for _, hi := range r.at[k] {
			if h := &r.hits[hi]; h.end == i && is(h) {
				return k, true
			}
		}
	}
	return 0, false
}

// learning holds what the candidates of one document are built from.
type learning struct {
	r     *run
	ments []lmention
	// bySent lists, per sentence, the indexes in ments of its mentions.
	bySent [][]int
	// live lists the events that took place as reported (stated, neither
	// planned nor tentative), by sentence.
	live  map[int][]*event
	order []*event // the live events in document order
	// facts holds, by entity, what the frames stated of it (factMet…);
	// met and signed the pairs they stated, when MET_WITH or SIGNED
	// candidates are built.
	facts  map[string]uint8
	met    map[[2]string]bool
	signed map[[2]string]bool
	f      feats // reused by newFeats
}

// What the frames stated of an entity (learning.facts), and the names the
// features give them.
const (
	factMet uint8 = 1 << iota
	factAttended
	factSigned
	factSignedBy
	factParticipated
	factVisited
)

var factNames = [...]string{"met", "attended", "signed", "signed-by", "participated", "visited"}

func (r *run) newLearning() *learning {
	l := &learning{r: r, bySent: make([][]int, len(r.sents)), live: map[int][]*event{}, facts: map[string]uint8{}}
	_, metWith := r.x.roles["MET_WITH"]
	_, signed := r.x.roles["SIGNED"]
	if r.x.candidates || metWith || signed {
		l.met, l.signed = map[[2]string]bool{}, map[[2]string]bool{}
	}
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
	}
	for _, rel := range r.rels {
		switch rel.Type {
		case "MET_WITH":
			if l.met != nil {
				l.met[pairKey(rel.From, rel.To)] = true
			}
			l.facts[rel.From] |= factMet
			l.facts[rel.To] |= factMet
		case "ATTENDED":
			l.facts[rel.From] |= factAttended
		case "SIGNED":
			if l.signed != nil {
				l.signed[[2]string{rel.From, rel.To}] = true
			}
			l.facts[rel.From] |= factSigned
			l.facts[rel.To] |= factSignedBy
		case "PARTICIPATED_IN":
			l.facts[rel.From] |= factParticipated
		case "VISITED":
			l.facts[rel.From] |= factVisited
		}
	}
	return l
}

// rolesOf lists the slots the frames filled with entity id in the live
// events, sorted.
func (l *learning) rolesOf(id string) []string {
	var out []string
	for _, ev := range l.order {
		if slot, ok := ev.roles[id]; ok && !slices.Contains(out, slot) {
			out = append(out, slot)
		}
	}
	slices.Sort(out)
	return out
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
	all := l.r.x.candidates
	_, metWith := l.r.x.lang.Roles["MET_WITH"]
	_, signed := l.r.x.lang.Roles["SIGNED"]
	_, attended := l.r.x.lang.Roles["ATTENDED"]
	metWith, signed, attended = metWith || all, signed || all, attended || all
	var out []Candidate
	seenPair := map[[2]string]bool{}
	seenAtt := map[string]int{} // person → index in out
	seenSig := map[[2]string]bool{}
	for si, ms := range l.bySent {
		persons := l.distinct(ms, schema.Person)
		for a := 0; a < len(persons); a++ {
			pa := l.ments[persons[a]]
			if k, ok := seenAtt[pa.id]; ok {
				if c := &out[k]; !c.skip && c.merged < 3 && c.Sentence != si {
					f := l.newFeats(c.Type)
					l.single(f, persons, a)
					l.store(c, f)
					c.merged++
				}
			} else if ev, where := l.eventFor(si); attended && ev != nil && !slices.Contains(ev.principals, pa.id) {
				c := Candidate{Type: "ATTENDED", From: pa.id, To: ev.id, Event: ev.id, Date: ev.date,
					Stated: l.facts[pa.id]&factAttended != 0, Sentence: si}
				if c.Date == "" {
					c.Date = l.r.sentenceDate(si) // an event named with no day: the day of its sentence
				}
				c.Open = !c.Stated && l.open(&c) && !l.stoodInFor(pa)
				seenAtt[pa.id] = len(out)
				if !c.Open && !all {
					c.skip = true
					out = append(out, c)
					continue
				}
				f := l.newFeats(c.Type)
				l.single(f, persons, a)
				f.add("event=target-", where, "-", ev.scale)
				l.store(&c, f)
				out = append(out, c)
			}
			if !metWith {
				continue
			}
			for b := a + 1; b < len(persons); b++ {
				out = l.metWith(out, seenPair, si, pa, l.ments[persons[b]], persons, 0)
			}
		}
		// a person of this sentence and one of the sentence before
		if si > 0 && metWith {
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
			if t.typ != schema.Treaty || !signed {
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
					c.Open = !c.Stated && l.open(&c)
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
					f := l.newFeats(c.Type)
					l.pair(f, a, b, l.distinct(l.bySent[a.sent], schema.Person), gap)
					l.store(&c, f)
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
	c.Open = !c.Stated && l.open(&c)
	if ev := l.sameSentence(a.sent); ev != nil {
		c.Event, c.Date = ev.id, ev.date
	} else if ev := l.sameSentence(si); ev != nil {
		c.Event, c.Date = ev.id, ev.date
	} else {
		c.Date = l.r.sentenceDate(si)
	}
	f := l.newFeats(c.Type)
	if gap == 0 {
		l.pair(f, a, b, persons, 0)
	} else {
		l.pair(f, a, b, l.distinct(l.bySent[a.sent], schema.Person), gap)
	}
	l.store(&c, f)
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
func (l *learning) single(f *feats, persons []int, a int) {
	m := l.ments[persons[a]]
	r := l.r
	s := r.sents[m.sent]
	f.add("type=", m.typ)
	f.add("np=", bucket(len(persons)))
	f.add("pos=", bucket(a))
	f.add("sent=", bucket(m.sent))
	l.endFeatures(f, "a", m)
	l.sentenceFeatures(f, m.sent)
	l.window(f, "L", max(s.start, m.start-6), m.start)
	l.window(f, "R", m.end, min(s.end, m.end+6))
	l.governing(f, m)
}

// governing describes the nearest tokens before and after mention m in its
// sentence that carry a phrase or a word list of the pack (a trigger, a
// marker, a title…), with their distance: what governs the mention however
// long the title chain or list around it.
func (l *learning) governing(f *feats, m lmention) {
	s := l.r.sents[m.sent]
	l.nearest(f, "G", m.start-1, s.start-1, -1, m.start)
	l.nearest(f, "H", m.end, s.end, 1, m.end)
}

// nearest describes with position p the first two words from token i
// towards stop (by step, ±1) that carry a class of the pack, and the
// distance of the first from token edge.
func (l *learning) nearest(f *feats, p string, i, stop, step, edge int) {
	r := l.r
	for found := 0; i != stop && found < 2; i += step {
		if r.taken[i] || !r.toks[i].Word {
			continue
		}
		n := f.n
		l.classes(f, p, i)
		if f.n == n {
			continue
		}
		if found == 0 {
			f.add(p, "d=", bucket(max(i-edge, edge-i)))
		}
		found++
	}
}

// classes appends the pack's classes of token i (its lists and the
// phrases starting there) with position p.
func (l *learning) classes(f *feats, p string, i int) {
	r := l.r
	for li := list(0); li < nLists; li++ {
		if r.isWord[i].or(r.starts[i]).has(li) {
			f.add(p, "l=", listPurpose[li])
		}
	}
	l.phrases(f, p, i)
}

// pair is the features of two ends a (first in the text) and b, gap
// sentences apart; persons are those of a's sentence.
func (l *learning) pair(f *feats, a, b lmention, persons []int, gap int) {
	r := l.r
	between := 0
	for _, pi := range persons {
		if m := l.ments[pi]; m.start >= a.end && m.end <= b.start {
			between++
		}
	}
	f.add("type=", a.typ, "-", b.typ)
	f.add("np=", bucket(len(persons)))
	f.add("nb=", bucket(between))
	f.add("gap=", bucket(gap))
	f.add("sent=", bucket(a.sent))
	f.add("country=", l.countries(a.id, b.id))
	l.endFeatures(f, "a", a)
	l.endFeatures(f, "b", b)
	ra, rb := l.rolesOf(a.id), l.rolesOf(b.id)
	if len(ra) > 0 && len(rb) > 0 {
		f.add("roles=", ra[0], "|", rb[0])
	}
	if l.met[pairKey(a.id, b.id)] {
		f.add("stated=pair-met")
	}
	l.sentenceFeatures(f, a.sent)
	sa, sb := r.sents[a.sent], r.sents[b.sent]
	l.window(f, "L", max(sa.start, a.start-5), a.start)
	if gap == 0 {
		f.add("dist=", bucket(b.start-a.end))
		if b.start-a.end <= 14 {
			l.window(f, "B", a.end, b.start)
		} else {
			l.window(f, "B", a.end, a.end+7)
			l.window(f, "B", b.start-7, b.start)
		}
	} else {
		l.sentenceFeatures(f, b.sent)
		l.window(f, "B", a.end, min(sa.end, a.end+7))
		l.window(f, "B", max(sb.start, b.start-7), b.start)
	}
	l.window(f, "R", b.end, min(sb.end, b.end+5))
	l.governing(f, a)
	l.governing(f, b)
}

// endFeatures describes one end (side a or b): its slots, what the frames
// stated of it, whether a title named it and whether it holds an office.
func (l *learning) endFeatures(f *feats, side string, m lmention) {
	for _, slot := range l.rolesOf(m.id) {
		f.add("role=", side, "-", slot)
	}
	for k, what := range factNames {
		if l.facts[m.id]&(1<<k) != 0 {
			f.add("stated=", side, "-", what)
		}
	}
	if m.title {
		f.add("title=", side)
	}
	if a := l.r.ents[m.id]; a != nil {
		if _, ok := a.Properties["role"]; ok {
			f.add("office=", side)
		}
	}
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
func (l *learning) sentenceFeatures(f *feats, si int) {
	r := l.r
	planned := false
	for _, ev := range r.evs {
		if ev.sent == si && (ev.modality == "planned" || ev.tentative) {
			planned = true
		}
	}
	if planned {
		f.add("event=planned")
	}
	evs := l.live[si]
	if len(evs) == 0 {
		f.add("event=none")
	}
	for _, ev := range evs {
		f.add("event=", ev.kind)
		f.add("event=", ev.scale)
	}
	s := r.sents[si]
	for i := s.start; i < s.end; i++ {
		l.phrases(f, "S", i)
	}
	for li := list(0); li < nLists; li++ {
		if r.sentWords[si].has(li) {
			f.add("Sl=", listPurpose[li])
		}
	}
}

// window describes the tokens [from, to) with position p: each word, the
// word without its proclitic, its lists and phrases, a mention as its type.
func (l *learning) window(f *feats, p string, from, to int) {
	r := l.r
	for i := max(from, 0); i < to && i < len(r.toks); i++ {
		if k := r.mstart[i]; k > 0 {
			m := r.ments[k-1]
			if a := r.ents[m.id]; a != nil {
				f.add(p, "m=", a.Type)
			} else {
				f.add(p, "m=", m.typ)
			}
			if m.end > i+1 {
				i = min(m.end, to) - 1
			}
			continue
		}
		t := r.toks[i]
		if !t.Word {
			if t.S != "\n" {
				f.add(p, "p=", t.S)
			}
			continue
		}
		f.add(p, "w=", t.S)
		for _, c := range r.x.lex.procliticsOf(t.S) {
			if len(c) < len(t.S) && t.S[:len(c)] == c && runesAtLeast(t.S[len(c):], 3) {
				f.add(p, "s=", t.S[len(c):])
				break
			}
		}
		for li := list(0); li < nLists; li++ {
			if r.isWord[i].or(r.starts[i]).has(li) {
				f.add(p, "l=", listPurpose[li])
			}
		}
		l.phrases(f, p, i)
	}
}

// phrases describes the phrases of the pack that start at token i.
func (l *learning) phrases(f *feats, p string, i int) {
	r := l.r
	for _, hi := range r.at[i] {
		h := &r.hits[hi]
		switch h.kind {
		case kTitle:
			f.add(p, "k=title")
		case kTrigger:
			f.add(p, "f=", r.x.lang.Frames[h.ref].ID)
			f.add(p, "k=trigger-", h.lx.sub)
		case kTreaty:
			f.add(p, "k=treaty")
		case kVenue:
			f.add(p, "k=venue")
		case kEvent:
			f.add(p, "e=", h.lx.sub)
		case kModality:
			f.add(p, "k=modality")
		case kRef:
			f.add(p, "k=ref-", h.lx.sub)
		case kDate:
			f.add(p, "k=date")
		case kAdj:
			f.add(p, "k=nationality")
		}
	}
}

// sortedSet sorts f and drops repeats.
func sortedSet(f []string) []string {
	slices.Sort(f)
	return slices.Compact(f)
}

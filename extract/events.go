package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
)

// event is a meeting, signing, visit or multilateral event found in the
// document.
type event struct {
	id, kind, date, venue, city, modality string
	principals                            []string
	roles                                 map[string]string // person → the slot that named them (host, guest, signatory…)
	treaty                                string
	counted                               bool // a signing of counted documents (counted_signing): witnesses attend it
	explicit                              bool // the date was written, not the document's
	sent                                  int
	// told is the sentence that told the event last (a signing told again:
	// "… signed a MoU. The MoU was signed by X and Y."); 0 before sent.
	told int
	// tentative events (a welcome on arrival) state nothing until a frame
	// that is not tentative joins them.
	tentative bool
	// leadersMet is a tentative event of heads of state or government whose
	// frame says they meet (leaders_meet): it states its facts unless talks
	// join it, which then give it their kind and venue.
	leadersMet bool
	// frames lists the frames read into the event.
	frames []string
	// scale is multilateral for a summit or conference, known by its name.
	scale, name string
	// partOf is the multilateral event this one happened on the sidelines of.
	partOf string
	// cameo, plover and mode are the event codes of the first frame read.
	cameo, plover, mode string
}

// signingKind is the event kind of a signing, which is known by its treaty.
const signingKind = "signing_ceremony"

// codes gives ev the event codes of frame f unless it has some.
func (ev *event) codes(f *cframe) {
	if ev.cameo == "" && ev.plover == "" {
		ev.cameo, ev.plover, ev.mode = f.CAMEO, f.PLOVER, f.PLOVERMode
	}
}

// markTreatyTokens marks tokens inside treaty titles: names there are not
// participants.
func (r *run) markTreatyTokens() {
	r.buf.inTreaty = resize(r.buf.inTreaty, len(r.toks))
	r.inTreaty = r.buf.inTreaty
	for _, m := range r.ments {
		if m.typ == schema.Treaty {
			for k := m.start; k < m.end; k++ {
				r.inTreaty[k] = true
			}
		}
	}
}

// modalBefore reports a modality word in sentence si before token i.
func (r *run) modalBefore(si, i int) bool {
	for k := r.sents[si].start; k < i; k++ {
		if _, ok := r.hitAt(k, kModality); ok {
			return true
		}
	}
	return false
}

// futureVerbBefore reports a future light verb (سيعقد) in the two tokens
// before the event noun at i.
func (r *run) futureVerbBefore(si, i int) bool {
	// A future light verb anywhere before the noun in its clause: "سيعقد
	// رئيس الوزراء X اجتماعا مع Y".
	cs, _ := r.segment(si, i, i+1)
	for k := i - 1; k >= cs; k-- {
		w := r.toks[k].S
		for _, p := range r.x.lists[wFuture] {
			if strings.HasPrefix(w, p) && (r.x.in(wLightVerb, w[len(p):]) || r.x.in(wPassiveVerb, w[len(p):])) {
				return true
			}
		}
	}
	for k := i - 1; k >= r.sents[si].start && k >= i-2; k-- {
		w := r.toks[k].S
		for _, p := range r.x.lists[wFutureVerb] {
			if strings.HasPrefix(w, p) && len([]rune(w)) >= len([]rune(p))+3 {
				return true
			}
		}
	}
	return false
}

// has reports whether sentence si contains a word of the list purpose.
func (r *run) has(si int, l list) bool {
	// r.sentWords[si] holds the lists of the sentence's words (r.isWord)
	// and of the phrases that start in it (r.starts: كل من، اتصال هاتفي).
	return r.sentWords[si].has(l)
}

// typed returns the distinct entities of type typ in tokens [s, e), outside
// treaty titles (but treaties), in order.
func (r *run) typed(s, e int, typ string) []string {
	var out []string
	for _, m := range r.mentsIn(s, e) {
		if m.end <= e && m.typ == typ && (typ == schema.Treaty || !r.inTreaty[m.start]) && !slices.Contains(out, m.id) {
			out = append(out, m.id)
		}
	}
	return out
}

// segment returns the clause of sentence si around the tokens [ts, te): from
// the last clause break before it to the first one after it.
func (r *run) segment(si, ts, te int) (int, int) {
	s, e := r.sents[si].start, r.sents[si].end
	for k := ts - 1; k >= s; k-- {
		if r.word(k, wClause) {
			s = k + 1
			break
		}
	}
	for k := te; k < e; k++ {
		if r.word(k, wClause) {
			e = k
			break
		}
	}
	return s, e
}

// newEvent creates or joins the event of kind on date between principals.
// A mention without a written date (a headline) joins the event of the same
// principals with one, and the other way round.
func (r *run) newEvent(kind, date string, explicit bool, principals []string, si int) *event {
	key := strings.Join(sortedCopy(principals), "+")
	for _, ev := range r.evs {
		if ev.scale == "multilateral" || ev.kind == signingKind || strings.Join(ev.sortedPrincipals(), "+") != key {
			continue
		}
		if r.joinDate(ev, date, explicit) {
			return ev
		}
	}
	ev := &event{kind: kind, date: date, principals: principals, roles: map[string]string{}, sent: si, explicit: explicit}
	ev.id = "event:" + kind + ":" + date + ":" + key
	r.evs = append(r.evs, ev)
	return ev
}

// newSigning creates or joins the signing of treaty on date; with no treaty
// named, the signing of the same signatories.
func (r *run) newSigning(treaty, date string, explicit bool, signatories []string, si int) *event {
	key := treaty
	if key == "" {
		key = strings.Join(sortedCopy(signatories), "+")
	}
	for _, ev := range r.evs {
		if ev.kind != signingKind {
			continue
		}
		same := treaty != "" && ev.treaty == treaty ||
			treaty == "" && ev.treaty == "" && strings.Join(ev.sortedPrincipals(), "+") == key
		if same && r.joinDate(ev, date, explicit) {
			for _, p := range signatories {
				if !slices.Contains(ev.principals, p) {
					ev.principals = append(ev.principals, p)
				}
			}
			return ev
		}
	}
	ev := &event{kind: signingKind, date: date, principals: append([]string(nil), signatories...), roles: map[string]string{},
		sent: si, explicit: explicit, treaty: treaty}
	ev.id = "event:" + signingKind + ":" + date + ":" + key
	r.evs = append(r.evs, ev)
	return ev
}

// joinDate reports whether an event dated date (written in the sentence when
// explicit) is ev, and dates ev with it when only the new one was written.
func (r *run) joinDate(ev *event, date string, explicit bool) bool {
	switch {
	case ev.date == date:
		ev.explicit = ev.explicit || explicit
		return true
	case explicit && !ev.explicit:
		r.redate(ev, date)
		ev.explicit = true
		return true
	case !explicit && ev.explicit:
		return true
	}
	return false
}

// redate gives ev the date date, and the id that goes with it.
func (r *run) redate(ev *event, date string) {
	old := ev.date
	ev.date = date
	if ev.scale != "multilateral" {
		ev.id = strings.Replace(ev.id, ":"+old+":", ":"+date+":", 1)
		if old == "" {
			ev.id = "event:" + ev.kind + ":" + date + ":" + strings.TrimPrefix(ev.id, "event:"+ev.kind+"::")
		}
	}
}

// settleEvents gives every relation made from an event the event's final id
// and date (a later mention may have dated it), drops the relations of
// events that stayed tentative, then drops duplicates.
func (r *run) settleEvents() {
	out := r.rels[:0]
	seen := map[relKey]int{} // key → index in out
	for k, rel := range r.rels {
		if ev := r.relEvent[k]; ev != nil {
			if ev.tentative && !ev.leadersMet {
				continue // a welcome no talks joined
			}
			if rel.Type == "MET_WITH" && (ev.roles[rel.From] == "attendee" || ev.roles[rel.To] == "attendee") {
				continue // a principal found later to have only attended
			}
			if _, ok := rel.Properties["event"]; ok {
				rel.Properties["event"] = ev.id
			}
			if _, ok := rel.Properties["date"]; ok || rel.Type == "ATTENDED" {
				rel.Properties["date"] = ev.date
			}
			if rel.Type == "ATTENDED" || rel.Type == "PARTICIPATED_IN" {
				if rel.To == rel.Properties["event"] || r.eventByID(rel.To) == nil {
					rel.To = ev.id
				}
			}
			for k, v := range rel.Properties {
				if v == "" || v == nil {
					delete(rel.Properties, k)
				}
			}
		}
		key := keyOf(rel.Type, rel.From, rel.To, rel.Properties)
		if j, ok := seen[key]; ok {
			if betterEvidence(rel, out[j]) {
				out[j].Evidence, out[j].Rule, out[j].Confidence = rel.Evidence, rel.Rule, rel.Confidence
			}
			continue
		}
		seen[key] = len(out)
		out = append(out, rel)
	}
	r.rels = out
	r.relEvent = nil
}

func (ev *event) sortedPrincipals() []string { return sortedCopy(ev.principals) }

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// relateRule records a relation once, with the rule and confidence of the
// frame that found it.
func (r *run) relateRule(typ, from, to string, props map[string]any, si int, rule string, conf float64) bool {
	if from == "" || to == "" || from == to {
		return false
	}
	if props == nil {
		props = map[string]any{}
	}
	key := keyOf(typ, from, to, props)
	rel := Relation{Type: typ, From: from, To: to, Evidence: r.evidence(si), Rule: rule, Confidence: conf}
	if j, ok := r.seen[key]; ok {
		if betterEvidence(rel, r.rels[j]) {
			r.rels[j].Evidence, r.rels[j].Rule, r.rels[j].Confidence = rel.Evidence, rel.Rule, rel.Confidence
		}
		return false
	}
	r.seen[key] = len(r.rels)
	rel.Properties = props
	if r.rels == nil {
		r.rels = make([]Relation, 0, 16) // most news states a dozen or so
	}
	r.rels = append(r.rels, rel)
	return true
}

// relKey is what makes two relations one: the same type between the same
// ends (either way round for MET_WITH), on the same date, of the same event.
// Its strings are the relation's own, so a key costs no allocation.
type relKey struct{ typ, from, to, date, event string }

// keyOf returns the key of a relation.
func keyOf(typ, from, to string, props map[string]any) relKey {
	if typ == "MET_WITH" && to < from {
		from, to = to, from
	}
	return relKey{typ, from, to, str(props["date"]), str(props["event"])}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// lightVerbBefore reports a light verb (عقد، أجرى) before token i in its
// clause: "عقد X و Y القمة" holds a meeting the definite noun names.
func (r *run) lightVerbBefore(si, i int) bool {
	s, _ := r.segment(si, i, i+1)
	for k := i - 1; k >= s; k-- {
		if r.word(k, wLightVerb) || r.word(k, wPassiveVerb) {
			return true
		}
	}
	// A light verb that is also the clause break opening the clause (وجرى
	// خلال اللقاء التوقيع على T) holds the noun as well.
	return s > r.sents[si].start && r.word(s-1, wClause) && (r.word(s-1, wLightVerb) || r.word(s-1, wPassiveVerb))
}

// betterEvidence reports whether a's evidence should replace b's for the same
// fact: a higher confidence wins; at equal confidence a sentence of the body
// (one that ends with a full stop or question mark) wins over a headline.
func betterEvidence(a, b Relation) bool {
	if a.Confidence != b.Confidence {
		return a.Confidence > b.Confidence
	}
	return isBodySentence(a.Evidence.Text) && !isBodySentence(b.Evidence.Text)
}

// isBodySentence reports whether text ends like a sentence of running text:
// with a mark of Unicode's Sentence_Terminal property.
func isBodySentence(text string) bool {
	t := strings.TrimRightFunc(text, func(c rune) bool {
		return unicode.IsSpace(c) || unicode.In(c, unicode.Pi, unicode.Pf) || c == '"' || c == '\'' || c == ')'
	})
	c, _ := utf8.DecodeLastRuneInString(t)
	return c != utf8.RuneError && unicode.Is(unicode.Sentence_Terminal, c)
}

package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// event is a meeting, signing or visit found in the document.
type event struct {
	id, kind, date, venue, city, modality string
	principals                            []string
	roles                                 map[string]string // person → host, guest, signatory, witness, attendee
	treaty                                string
	explicit                              bool // the date was written, not the document's
	sent                                  int
}

// events reads every sentence's triggers in text order.
func (r *run) events() {
	r.markTreatyTokens()
	for si := range r.sents {
		s := r.sents[si]
		if r.listHost != nil && si > r.listHost.sent {
			if r.listItem(si) {
				r.listGuest(si)
			} else if len(r.persons(s.start, s.end, false)) > 0 {
				r.listHost = nil
			}
		}
		if r.listGoesOn(si) {
			r.attendees(si, s.start, r.attendance1(si))
		}
		for i := s.start; i < s.end; i++ {
			h, ok := r.hitAt(i, kTrigger)
			if !ok || r.inTreaty[i] {
				continue
			}
			t := r.x.lang.Triggers[h.lx.ref]
			if t.Pattern == "noun" && h.def && !r.lightVerbBefore(si, i) {
				continue // المباحثات: a reference to talks already reported
			}
			planned := h.lx.sub == "planned" || r.modalBefore(si, i) ||
				(t.Pattern == "noun" && r.futureVerbBefore(si, i))
			switch t.Relation {
			case "MET_WITH":
				r.meeting(si, h, t, planned)
			case "SIGNED":
				r.signing(si, h, t, planned)
			case "ATTENDED":
				if hh, ok := r.wordAt(i, wHonorific); ok && hh.end > h.end || planned && t.Pattern != "witness" {
					break // حضرة صاحب السمو: an honorific; من المقرر أن يحضر: planned
				}
				if t.Pattern == "witness" {
					r.witness(si, h, t)
				} else {
					r.attendance(si, h, t)
				}
			case "VISITED":
				r.visit(si, h, t, planned)
			}
			i = h.end - 1
		}
	}
	r.settleEvents()
	r.officeRelations()
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
			if strings.HasPrefix(w, p) && r.x.in(wLightVerb, w[len(p):]) {
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
	for k := r.sents[si].start; k < r.sents[si].end; k++ {
		if r.word(k, l) {
			return true
		}
	}
	return false
}

// persons returns the distinct persons mentioned in tokens [s, e), outside
// treaty titles, in order; references to the principals stand for them.
func (r *run) persons(s, e int, refs bool) []string {
	var out []string
	add := func(id string) {
		for _, o := range out {
			if o == id {
				return
			}
		}
		out = append(out, id)
	}
	host, guest := "", "" // جلالته، سموه: the host of the current meeting; الضيف: its guest
	if refs && r.cur != nil && r.cur.modality != "planned" && len(r.cur.principals) > 0 {
		host = r.cur.principals[0]
		if n := len(r.cur.principals); n == 2 {
			guest = r.cur.principals[1]
		}
	}
	ref := func(k int) {
		if h, ok := r.hitAt(k, kRef); ok && h.lx.sub == "host" {
			add(host)
		} else if ok && h.lx.sub == "guest" && guest != "" {
			add(guest)
		}
	}
	from := s // the first token not yet read for references
	for _, m := range r.ments {
		if host != "" && m.start >= from {
			// A reference before this mention takes its place in the order.
			for k := from; k < min(m.start, e); k++ {
				ref(k)
			}
			from = m.start
		}
		if m.start >= s && m.end <= e && m.typ == schema.Person && !r.inTreaty[m.start] {
			add(m.id)
		}
	}
	for k := from; host != "" && k < e; k++ {
		ref(k)
	}
	if len(out) == 0 && refs {
		out = append(out, r.officePair(s, e)...)
	}
	if len(out) == 0 && refs && r.cur != nil {
		for k := s; k < e; k++ {
			if h, ok := r.hitAt(k, kRef); ok && h.lx.sub == "principals" {
				for _, p := range r.cur.principals {
					add(p)
				}
				break
			}
		}
	}
	return out
}

// typed returns the distinct entities of type typ in tokens [s, e).
func (r *run) typed(s, e int, typ string) []string {
	var out []string
	for _, m := range r.ments {
		if m.start >= s && m.end <= e && m.typ == typ && (typ == schema.Treaty || !r.inTreaty[m.start]) {
			dup := false
			for _, o := range out {
				dup = dup || o == m.id
			}
			if !dup {
				out = append(out, m.id)
			}
		}
	}
	return out
}

// segment returns the clause of sentence si around the trigger at [ts, te):
// from the last clause break before it to the first one after it.
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

// welcome is the event kind of a guest's welcome on arrival, which the talks
// that follow join.
const welcome = "welcome_ceremony"

// welcomeOf reports a welcome noun trigger (مراسم استقبال) at h whose one
// person p is a principal of the meeting read last.
func (r *run) welcomeOf(h hit, t schema.Trigger, p string) bool {
	if t.Pattern != "noun" || r.cur == nil || r.cur.modality == "planned" || !slices.Contains(r.cur.principals, p) {
		return false
	}
	e, ok := r.hitAt(h.start, kEvent)
	return ok && e.lx.sub == welcome
}

// newEvent creates or joins the event of kind on date between principals.
// A mention without a written date (a headline) joins the event of the same
// principals with one, and the other way round.
func (r *run) newEvent(kind, date string, explicit bool, principals []string, si int) *event {
	sorted := append([]string(nil), principals...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "+")
	for _, ev := range r.evs {
		if strings.Join(ev.sortedPrincipals(), "+") != key ||
			(ev.kind != kind && (ev.kind == "signing_ceremony" || kind == "signing_ceremony")) {
			continue
		}
		switch {
		case ev.date == date:
			ev.explicit = ev.explicit || explicit
			return ev
		case explicit && !ev.explicit:
			ev.date, ev.explicit = date, true
			ev.id = "event:" + ev.kind + ":" + date + ":" + key
			return ev
		case !explicit && ev.explicit:
			return ev
		}
	}
	ev := &event{kind: kind, date: date, principals: principals, roles: map[string]string{}, sent: si, explicit: explicit}
	ev.id = "event:" + kind + ":" + date + ":" + key
	r.evs = append(r.evs, ev)
	return ev
}

// settleEvents gives every relation made from an event the event's final id
// and date (a later mention may have dated it), then drops duplicates.
func (r *run) settleEvents() {
	out := r.rels[:0]
	seen := map[string]int{} // key → index in out
	for k, rel := range r.rels {
		if ev := r.relEvent[k]; ev != nil {
			if rel.Type == "MET_WITH" && (ev.roles[rel.From] == "attendee" || ev.roles[rel.To] == "attendee") {
				continue // a principal found later to have only attended
			}
			rel.Properties["event"] = ev.id
			rel.Properties["date"] = ev.date
			if rel.Type == "ATTENDED" {
				rel.To = ev.id
			}
		}
		from, to := rel.From, rel.To
		if rel.Type == "MET_WITH" && to < from {
			from, to = to, from
		}
		key := rel.Type + "|" + from + "|" + to + "|" + str(rel.Properties["date"]) + "|" + str(rel.Properties["event"])
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

func (ev *event) sortedPrincipals() []string {
	s := append([]string(nil), ev.principals...)
	sort.Strings(s)
	return s
}

// rule returns the rule id of trigger t.
func (r *run) rule(t schema.Trigger) string { return r.x.lang.Code + "." + t.ID }

// relate records a relation once.
func (r *run) relate(typ, from, to string, props map[string]any, si int, t schema.Trigger) bool {
	if from == "" || to == "" || from == to {
		return false
	}
	key := typ + "|" + from + "|" + to + "|" + str(props["date"]) + "|" + str(props["event"])
	if typ == "MET_WITH" && to < from {
		key = typ + "|" + to + "|" + from + "|" + str(props["date"]) + "|" + str(props["event"])
	}
	conf := t.Confidence
	if conf == 0 {
		conf = 0.7
	}
	rel := Relation{Type: typ, From: from, To: to, Evidence: r.evidence(si), Rule: r.rule(t), Confidence: conf}
	if j, ok := r.seen[key]; ok {
		if betterEvidence(rel, r.rels[j]) {
			r.rels[j].Evidence, r.rels[j].Rule, r.rels[j].Confidence = rel.Evidence, rel.Rule, rel.Confidence
		}
		return false
	}
	r.seen[key] = len(r.rels)
	for k, v := range props {
		if v == "" || v == nil {
			delete(props, k)
		}
	}
	rel.Properties = props
	r.rels = append(r.rels, rel)
	return true
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
		if r.word(k, wLightVerb) {
			return true
		}
	}
	return false
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

// isBodySentence reports whether text ends like a sentence of running text.
func isBodySentence(text string) bool {
	t := strings.TrimRight(text, " \t\"'»”)")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "؟") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/schema"
)

// This file reads multilateral events: a summit, a conference, a ministerial
// meeting named by an event noun of a kind the pack lists as multilateral,
// qualified by an organisation (قمة مجلس التعاون، القمة الخليجية), an ordinal
// (الـ46), a marker (الوزاري، الطارئة) or two nationalities (القمة العربية
// الصينية). Such an event is known by its name, not by its principals.

// multiMention is a multilateral event named in a sentence.
type multiMention struct {
	start, end int
	ev         *event
}

// multilaterals reads the multilateral events named in sentence sf, creating
// or joining their events; a bare definite noun of a multilateral kind (القمة)
// refers to the one of its kind read last.
func (r *run) multilaterals(si int) {
	r.multis = r.multis[:0]
	s := r.sents[si]
	for i := r.nextKind(s.start, kEvent); i < s.end; i = r.nextKind(i+1, kEvent) {
		h, ok := r.hitAt(i, kEvent)
		if !ok || !r.x.multiKinds[h.lx.sub] || r.inTreaty[i] {
			continue
		}
		q := r.qualifiers(h.end, s.end)
		start := h.start
		if r.x.lang.QualifiersFirst {
			start = r.qualifiersBefore(&q, h.start, s.start)
		}
		if !q.multilateral() {
			if (h.def || r.articled(h.lx.toks[0]) || r.word(h.start, wEventRef)) && r.x.namesMultilateral[h.lx.sub] {
				// القمة: the summit read last; اللقاء refers to a meeting of
				// any kind, and is no reference to a multilateral one.
				ev := r.lastMulti(h.lx.sub)
				if ev == nil {
					// "وتهدف القمة": a summit the text never named in full,
					// of the organisation the document names.
					if org := r.docOrg(); org != "" {
						ev = r.newMulti(h.lx.sub, qual{org: org}, si)
						if r.topicMulti == nil && si <= 2 {
							r.topicMulti = ev // the leaders' summit in Brisbane: what the article is about
						}
					}
				}
				if ev != nil {
					r.dateMulti(ev, si)
					r.multis = append(r.multis, multiMention{start: h.start, end: h.end, ev: ev})
				}
			}
			continue
		}
		ev := r.newMulti(h.lx.sub, q, si)
		r.dateMulti(ev, si)
		r.multis = append(r.multis, multiMention{start: start, end: q.end, ev: ev})
		if r.topicMulti == nil && si <= 2 {
			r.topicMulti = ev // the article is about this event
		}
		i = q.end - 1
	}
}

// dateMulti dates ev with the day sentence si writes, when the sentence that
// named ev first wrote none: a summit named in a headline and told "held
// yesterday" in the lead takes yesterday's date.
func (r *run) dateMulti(ev *event, si int) {
	if ev.explicit {
		return
	}
	// Only a full day: a month or a year in a later sentence is more often
	// history (founded in May 1981) than the summit's date.
	if date, explicit := r.datedSentence(si); explicit && len(date) == len("2006-01-02") {
		ev.date, ev.explicit = date, true
		return
	}
	if r.x.lang.SummitsDatedAhead {
		if date := r.dayAhead(si); date != "" {
			ev.date, ev.explicit = date, true
		}
	}
}

// daysAhead bounds, in days after the document's date, the day a sentence
// gives a summit told before it opens (summits_dated_ahead).
const daysAhead = 7

// dayAhead returns the first full day sentence si writes that comes after
// the document's date by daysAhead days at most, or "".
func (r *run) dayAhead(si int) string {
	doc, err := time.Parse(time.DateOnly, r.date)
	if err != nil {
		return ""
	}
	s := r.sents[si]
	for _, d := range r.dates {
		if d.start < s.from || d.start >= s.to || len(d.date) != len(time.DateOnly) {
			continue
		}
		day, err := time.Parse(time.DateOnly, d.date)
		if err != nil {
			continue
		}
		if day.After(doc) && !day.After(doc.AddDate(0, 0, daysAhead)) {
			return d.date
		}
	}
	return ""
}

// qual is what qualifies an event noun.
type qual struct {
	end       int
	org       string   // an organisation named
	countries []string // countries by name or adjective
	ordinal   int
	marker    bool
	city      string
}

func (q qual) multilateral() bool {
	if q.org == "" && len(q.countries) >= 2 && len(q.countries) <= 3 {
		// القمة الهندية الروسية الثالثة والعشرين: the meeting of two or
		// three states' leaders, known by its principals, whatever its
		// ordinal or markers.
		return false
	}
	return q.org != "" || len(q.countries) >= 2 || q.ordinal > 0 || q.marker
}

// qualifiers reads the words after an event noun ending at token k, up to e:
// organisations, nationalities, an ordinal, markers, a year, a city.
func (r *run) qualifiers(k, e int) qual {
	q := qual{end: k}
	for j := k; j < e && j < k+12; {
		if !r.toks[j].Word {
			if r.toks[j].S == "-" || r.toks[j].S == "\"" {
				j++
				continue
			}
			break
		}
		if m, ok := r.mentionAt(j); ok && !r.ments[m].weak {
			switch r.ments[m].typ {
			case schema.Organization:
				if q.org == "" {
					q.org = r.ments[m].id
				}
			case schema.Country:
				q.countries = append(q.countries, r.ments[m].id)
			case schema.City:
				q.city = r.ments[m].id
			default:
				return q
			}
			j = r.ments[m].end
			q.end = j
			continue
		}
		if h, ok := r.hitAt(j, kOrgAdj); ok && h.clitic == 0 && q.org == "" {
			q.org = r.x.entries[h.lx.ref].ID // القمة الخليجية
			j, q.end = h.end, h.end
			continue
		}
		if h, ok := r.hitAt(j, kAdj); ok && h.clitic == 0 {
			q.countries = append(q.countries, r.x.entries[h.lx.ref].ID)
			j, q.end = h.end, h.end
			continue
		}
		if n, end := r.ordinalAt(j); n > 0 {
			q.ordinal, j, q.end = n, end, end
			continue
		}
		if h, ok := r.wordAt(j, wMultilateral); ok {
			q.marker, j, q.end = true, h.end, h.end
			continue
		}
		if _, ok := r.hitAt(j, kDate); ok || isDigits(r.toks[j].S) {
			j++ // a year: القمة 2025
			continue
		}
		if r.word(j, wDateLead) || r.word(j, wFunction) {
			j++ // في الرياض
			continue
		}
		if q.org == "" && r.genitiveTo(j, k+8) {
			j++ // قمة قادة دول مجلس التعاون: words before the organisation
			continue
		}
		if q.org == "" && len(q.countries) == 0 {
			// الدورة السابعة للجنة العليا المشتركة الموريتانية المغربية: a
			// body of two states, whose session is theirs, not a multilateral
			// event's.
			if cs := r.bodyOfStates(j, k+10); len(cs) > 0 {
				q.countries = cs
			}
		}
		break
	}
	return q
}

// bodyOfStates returns the two or three states named, by adjective or by
// name (with between and a conjunction), after the ordinary words that
// start at token j and name a body before token e: "للجنة العليا المشتركة
// الموريتانية المغربية"، "للجنة المشتركة بين المغرب وموريتانيا". Nil when
// anything else comes first.
func (r *run) bodyOfStates(j, e int) []string {
	var cs []string
	k := j
	for ; k < e && k < len(r.toks) && r.toks[k].Word && len(cs) == 0; k++ {
		if _, ok := r.mentionAt(k); ok {
			break
		}
		if _, ok := r.hitAt(k, kAdj); ok {
			break
		}
		if r.word(k, wClause) && !r.word(k, wBetween) || r.word(k, wDateLead) {
			return nil
		}
		if _, ok := r.hitAt(k, kTrigger); ok {
			return nil
		}
	}
	if k == j && !r.word(k, wBetween) {
		return nil // the states right after the event noun are read as its qualifiers
	}
	for k < e && k < len(r.toks) && len(cs) < 4 {
		if !r.toks[k].Word {
			if r.toks[k].S == "-" || r.toks[k].S == "–" {
				k++
				continue
			}
			break
		}
		if h, ok := r.hitAt(k, kAdj); ok {
			cs = append(cs, r.x.entries[h.lx.ref].ID)
			k = h.end
			continue
		}
		if m, ok := r.mentionAt(k); ok && r.ments[m].typ == schema.Country {
			cs = append(cs, r.ments[m].id)
			k = r.ments[m].end
			continue
		}
		if r.tokIn(k, wSeparator) && len(cs) > 0 {
			k++
			continue
		}
		break
	}
	if len(cs) < 2 || len(cs) > 3 {
		return nil
	}
	return cs
}

// qualifiersBefore reads, in a language whose qualifiers come first, the
// words before an event noun starting at token k, down to the sentence
// start s: "the 34th Arab League summit", "the annual GCC summit", "the
// China-Arab States summit". It adds them to q and returns the first token
// of the event's name.
func (r *run) qualifiersBefore(q *qual, k, s int) int {
	start := k
	for j := k - 1; j >= s && j >= k-8; {
		if !r.toks[j].Word {
			if r.toks[j].S == "-" {
				j--
				continue
			}
			if r.toks[j].S == ")" && j-2 >= s && r.toks[j-2].S == "(" && r.toks[j-1].Word {
				j -= 3 // an abbreviation after the name: "the Economic Cooperation Organization (ECO) summit"
				continue
			}
			if m := r.possessorMarker(j-1, s); j == k-1 && m >= 0 {
				q.marker, j, start = true, m-1, m // the G8 Foreign Ministers' Meeting
				continue
			}
			break
		}
		if m := r.mend[j+1]; m > 0 && !r.ments[m-1].weak {
			mm := r.ments[m-1]
			switch mm.typ {
			case schema.Organization:
				if q.org == "" {
					q.org = mm.id
				}
			case schema.Country:
				q.countries = append(q.countries, mm.id)
			case schema.City:
				q.city = mm.id
			default:
				return start
			}
			j, start = mm.start-1, mm.start
			continue
		}
		if h, ok := r.hitAt(j, kOrgAdj); ok && h.end == j+1 && q.org == "" {
			q.org = r.x.entries[h.lx.ref].ID
			j, start = j-1, j
			continue
		}
		if h, ok := r.hitAt(j, kAdj); ok && h.end == j+1 {
			q.countries = append(q.countries, r.x.entries[h.lx.ref].ID)
			j, start = j-1, j
			continue
		}
		if n := r.x.ordinals[r.toks[j].S]; n > 0 && q.ordinal == 0 {
			q.ordinal, j, start = n, j-1, j
			continue
		}
		if h, ok := r.wordAt(j, wMultilateral); ok && h.end == j+1 {
			q.marker, j, start = true, j-1, j
			continue
		}
		if isDigits(r.toks[j].S) {
			j, start = j-1, j // a year: the 2025 summit
			continue
		}
		break
	}
	return start
}

// genitiveTo reports an ordinary word at token j, with the article or a
// proclitic on it or none, after which an organisation is named before
// token e with only such words between: "قمة قادة دول مجلس التعاون",
// "الدورة الـ79 للجمعية العامة للأمم المتحدة".
func (r *run) genitiveTo(j, e int) bool {
	for k := j; k < e && k < len(r.toks) && (r.toks[k].Word || r.toks[k].S == "\""); k++ {
		if !r.toks[k].Word {
			continue // قمة مجموعة "بريكس"
		}
		if m, ok := r.mentionAt(k); ok {
			return r.ments[m].typ == schema.Organization
		}
		if r.word(k, wClause) || r.word(k, wSeparator) && k > j {
			return false
		}
		if _, ok := r.hitAt(k, kTrigger); ok {
			return false
		}
	}
	return false
}

// ordinalAt reads an ordinal at token j: the event ordinal article and a
// number (الـ46، الـ 46), a number alone, or ordinal words (السادسة والأربعين).
// It returns the number and the end token, or 0.
func (r *run) ordinalAt(j int) (int, int) {
	k := j
	if h, ok := r.wordAt(k, wEventOrdinal); ok {
		k = h.end
	} else if k < len(r.toks) {
		// ال43: the article written on the number
		for _, p := range r.x.lists[wEventOrdinal] {
			if w := r.toks[k].S; len(w) > len(p) && strings.HasPrefix(w, p) && isDigits(w[len(p):]) {
				if n, err := strconv.Atoi(w[len(p):]); err == nil && n > 0 && n < 1000 {
					return n, k + 1
				}
			}
		}
	}
	if k < len(r.toks) && isDigits(r.toks[k].S) {
		if n, err := strconv.Atoi(r.toks[k].S); err == nil && n > 0 && n < 1000 {
			return n, k + 1
		}
	}
	if k < len(r.toks) {
		if n := r.x.ordinals[r.toks[k].S]; n > 0 {
			if k+1 < len(r.toks) {
				if m := r.x.ordinals[r.toks[k].S+" "+r.toks[k+1].S]; m > 0 {
					return m, k + 2
				}
			}
			return n, k + 1
		}
	}
	return 0, j
}

// docOrg returns the intergovernmental organisation the document names
// most, or "".
func (r *run) docOrg() string {
	count := map[string]int{}
	best, n := "", 0
	for _, m := range r.ments {
		if m.typ != schema.Organization || m.weak {
			continue
		}
		a := r.ents[m.id]
		if a == nil || a.entry == nil || (a.entry.Kind != "intergovernmental" && a.entry.Kind != "forum") {
			continue
		}
		count[m.id]++
		if count[m.id] > n || count[m.id] == n && m.id < best {
			best, n = m.id, count[m.id]
		}
	}
	return best
}

// lastMulti returns the multilateral event of kind read last, or nil.
func (r *run) lastMulti(kind string) *event {
	for k := len(r.evs) - 1; k >= 0; k-- {
		if ev := r.evs[k]; ev.scale == "multilateral" && (ev.kind == kind || kind == "") {
			return ev
		}
	}
	return nil
}

// newMulti creates or joins the multilateral event of kind that q names.
func (r *run) newMulti(kind string, q qual, si int) *event {
	if q.org == "" && q.ordinal > 0 && len(q.countries) < 2 {
		q.org = r.docOrg() // لقاؤهم التشاوري الـ18: the numbered meeting of the organisation the text is about
	}
	key := kind
	if q.org != "" {
		key += ":" + strings.TrimPrefix(q.org, "org:")
	}
	for _, c := range q.countries {
		key += ":" + strings.TrimPrefix(c, "country:")
	}
	if q.ordinal > 0 {
		key += ":" + strconv.Itoa(q.ordinal)
	}
	date, explicit := r.datedSentence(si)
	for _, ev := range r.evs {
		if ev.scale == "multilateral" && ev.id == "event:"+key {
			return ev
		}
		if ev.scale == "multilateral" && ev.kind == kind && q.ordinal == 0 && strings.HasPrefix(ev.id, "event:"+key+":") {
			return ev // القمة الخليجية after القمة الخليجية الـ46
		}
	}
	ev := &event{kind: kind, date: date, explicit: explicit, roles: map[string]string{}, sent: si, scale: "multilateral"}
	if q.ordinal == 0 && q.org == "" && len(q.countries) < 2 {
		key += ":" + date // a ministerial meeting of no organisation: known by its day
	}
	ev.id = "event:" + key
	ev.city = q.city
	ev.name = r.multiName(kind, q)
	r.evs = append(r.evs, ev)
	return ev
}

// multiName builds a readable name: ordinal, organisation (or the countries'
// names), kind, city: "46th Gulf Cooperation Council summit, Manama".
func (r *run) multiName(kind string, q qual) string {
	var parts []string
	if q.ordinal > 0 {
		parts = append(parts, ordinalEnglish(q.ordinal))
	}
	if q.org != "" {
		parts = append(parts, r.entryName(q.org))
	} else {
		var cs []string
		for _, c := range q.countries {
			cs = append(cs, r.entryName(c))
		}
		if len(cs) > 0 {
			parts = append(parts, strings.Join(cs, "–"))
		}
	}
	parts = append(parts, strings.ReplaceAll(kind, "_", " "))
	name := strings.Join(parts, " ")
	if q.city != "" {
		name += ", " + r.entryName(q.city)
	}
	return name
}

// entryName returns the canonical name of a gazetteer entry, or id.
func (r *run) entryName(id string) string {
	if i, ok := r.x.index[id]; ok {
		return r.x.entries[i].Name
	}
	return id
}

// ordinalEnglish writes n as an English ordinal: 1st, 2nd, 46th.
func ordinalEnglish(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suf)
}

// multiOf returns the multilateral event of a trigger's clause (after the
// trigger first), else of its sentence, else the one read last when the
// sentence refers to one.
func (r *run) multiOf(in *inst) *event {
	t := in.trig()
	sg := in.sf.segs[t.seg]
	var before *event
	for _, m := range r.multis {
		if m.start >= t.end && m.start < sg.end || m.start >= t.start && m.end <= t.end {
			return m.ev // after the trigger, or inside it (the leaders at the summit were)
		}
		if m.start >= sg.start && m.end <= t.start {
			before = m.ev
		}
	}
	if before != nil {
		return before
	}
	next := sg.end // the clause after the trigger's
	if t.seg+1 < len(in.sf.segs) {
		next = in.sf.segs[t.seg+1].end
	}
	for _, m := range r.multis {
		if m.start >= t.end && m.start < next {
			return m.ev
		}
	}
	if r.topicMulti != nil && !r.namesEvent(sg.start, sg.end) {
		return r.topicMulti // an article about a summit: "وصل X الذي يرأس وفد بلاده"
	}
	return nil
}

// multisOf returns the multilateral events a trigger's clause names after
// it, one after another ("للمشاركة في اللقاء التشاوري والقمة الخليجية
// مع دول آسيا الوسطى"), else the one multiOf finds.
func (r *run) multisOf(in *inst) []*event {
	t := in.trig()
	sg := in.sf.segs[t.seg]
	var out []*event
	for _, m := range r.multis {
		if m.start >= t.end && m.start < sg.end && !slices.Contains(out, m.ev) {
			out = append(out, m.ev)
		}
	}
	if len(out) > 0 {
		if len(out) > 1 {
			r.lastMultis = append(r.lastMultis[:0], out...)
		}
		return out
	}
	if ev := r.multiOf(in); ev != nil {
		if len(r.lastMultis) > 1 && slices.Contains(r.lastMultis, ev) {
			return slices.Clone(r.lastMultis)
		}
		return []*event{ev}
	}
	return nil
}

// namesEvent reports an event noun in tokens [s, e): a trigger's clause that
// names an event of its own does not take the article's summit.
func (r *run) namesEvent(s, e int) bool {
	for k := s; k < e; k++ {
		if r.kinds[k]&(1<<kEvent) != 0 {
			return true
		}
	}
	return false
}

// sidelinesOf returns the multilateral event sentence sf names right after
// a sidelines word (على هامش القمة), or nil.
func (r *run) sidelinesOf(sf *sentenceFrame) *event {
	for _, sg := range sf.segs {
		for _, mk := range sg.marks {
			if mk.l != wSidelines {
				continue
			}
			for _, m := range r.multis {
				if m.start >= mk.end && m.start <= mk.end+3 {
					if r.occasionAhead(m) {
						return nil
					}
					return m.ev
				}
			}
		}
	}
	return nil
}

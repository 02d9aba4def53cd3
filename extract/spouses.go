package extract

import (
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// spousesApart takes out of the principal slots of a reading of a frame
// with an event of its own, in a language whose spouses attend
// (spouses_attend), the persons named as a spouse (a word of spouses right
// before the name, over a comma or a title: "his wife, X", "First Lady X")
// beside another person of the slot: they attend the event the reading
// tells, and are none of its principals. A spouse alone in a slot is a
// principal ("First Lady X received Y").
func (r *run) spousesApart(in *inst) {
	in.spouses = in.spouses[:0]
	if !r.x.lang.SpousesAttend || in.f.Event == "" || in.f.Event == signingKind {
		return
	}
	s := r.sents[in.sf.si]
	for _, k := range in.f.principals {
		if k < 0 || len(in.fills[k]) == 0 {
			continue
		}
		var kept, apart []string
		for _, p := range in.fills[k] {
			if r.namedSpouse(p, s.start, s.end) {
				apart = append(apart, p)
			} else {
				kept = append(kept, p)
			}
		}
		if len(apart) == 0 || len(kept) == 0 {
			continue // "First Lady X received Y": a spouse alone in the slot is a principal
		}
		in.fills[k] = kept
		for _, p := range apart {
			if !slices.Contains(in.spouses, p) {
				in.spouses = append(in.spouses, p)
			}
		}
	}
}

// namedSpouse reports a mention of person p in tokens [s, e) that a word of
// spouses introduces.
func (r *run) namedSpouse(p string, s, e int) bool {
	for _, m := range r.mentsIn(s, e) {
		if m.id == p && m.typ == schema.Person && r.spouseBefore(m.start, s) {
			return true
		}
	}
	return false
}

// spouseBefore reports a word of spouses that ends right before token i (a
// comma, a title chain or a title between), not before token s.
func (r *run) spouseBefore(i, s int) bool {
	for k := max(s, i-6); k < i; k++ {
		h, ok := r.wordAt(k, wSpouse)
		if !ok {
			continue
		}
		j := h.end
		for j < i {
			if r.toks[j].S == "," {
				j++
			} else if c, ok := r.chainAt(j); ok && c.end > j {
				j = c.end
			} else if t, ok := r.hitAt(j, kTitle); ok {
				j = t.end
			} else {
				break
			}
		}
		if j == i {
			return true
		}
	}
	return false
}

// spousesAttend states that the spouses a reading took out of its
// principals, and the other persons its sentence names as a spouse ("X
// and his wife Y", "Z and First Lady W"), attend its event ev.
func (r *run) spousesAttend(in *inst, ev *event, si int) {
	if in.trig().planned || !r.x.lang.SpousesAttend {
		return
	}
	s := r.sents[si]
	for _, m := range r.mentsIn(s.start, s.end) {
		if m.typ == schema.Person && !slices.Contains(in.spouses, m.id) && r.spouseBefore(m.start, s.start) {
			in.spouses = append(in.spouses, m.id)
		}
	}
	for _, p := range in.spouses {
		if slices.Contains(ev.principals, p) {
			continue
		}
		if r.relateRule("ATTENDED", p, ev.id, map[string]any{"event": ev.id, "date": ev.date, "role": "spouse"}, si, in.f.rule, in.f.confidence) {
			r.relEvent[len(r.rels)-1] = ev
		}
	}
}

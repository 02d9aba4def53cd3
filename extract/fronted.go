package extract

import "github.com/dipgraph/dipgraph/schema"

// reportBreak reports, where names are capitalised and the subject comes
// first, a clause break written as a word in small letters at token k that
// goes on with the clause of the name before it (said, expressed, stressed):
// no relative, time lead or aside, which open a clause of their own about
// the name before them.
func (r *run) reportBreak(k int) bool {
	if !r.x.lang.SubjectFirst || !r.x.lang.Capitalised || k >= len(r.toks) || !r.toks[k].Word || r.capital(k) {
		return false
	}
	return r.tokIn(k, wClause) && !r.tokIn(k, wRelative) && !r.tokIn(k, wTimeLead) && !r.tokIn(k, wAside)
}

// frontedSubject returns, in a subject-first pack, the person written after
// the comma that closes a phrase opening the sentence with the noun of
// trigger in's event ("Following his meeting with Y, X expressed …"; "After her talks
// with Y, X stressed …"): the sentence's subject, whose event the phrase
// tells. "" when a person comes before the trigger in its sentence, or none
// is set off after it.
func (r *run) frontedSubject(in *inst) string {
	if !r.x.lang.SubjectFirst {
		return ""
	}
	t := in.trig()
	if t.form != formNoun {
		return "" // "The meeting, hosted by X, has Y in attendance": Y is no subject of X's hosting
	}
	for k := 0; k <= t.seg; k++ {
		for _, it := range in.sf.segs[k].items {
			if it.typ == schema.Person && it.start < t.start {
				return ""
			}
		}
	}
	sg := &in.sf.segs[t.seg]
	for j := 1; j < len(sg.items); j++ {
		it := sg.items[j]
		if it.start < t.end || it.typ != schema.Person || sg.items[j-1].start < t.end {
			continue
		}
		if !r.subjectAfterComma(in.sf, sg, sg.items[j-1].end, j) {
			continue
		}
		if ids := r.itemIDs(it, tPerson); len(ids) > 0 {
			return ids[0]
		}
	}
	return ""
}

package extract

import (
	"slices"

	"github.com/dipgraph/dipgraph/schema"
)

// countedSigning fills a counted_signing slot: the signing signingOf finds,
// else, when the trigger's sentence names a signing (an event noun of the
// signing kind) and that sentence or the one before it names a count of
// documents ("27 اتفاقية", "ست اتفاقيات"), the signing of those documents;
// a sentence that names a signing further on takes the signing read last,
// counted or not.
// Such a signing names no treaty and no signatory: it is the one event its
// witnesses attend. A planned reading opens none.
func (r *run) countedSigning(in *inst) *event {
	si := in.sf.si
	counts := r.counting() && r.namesSigning(si) && (r.namesCount(si) || si > 0 && r.namesCount(si-1))
	if ev := r.signingOf(in); ev != nil {
		if counts && ev.treaty == "" && len(ev.principals) == 0 {
			ev.counted = true // the states signed them: "وقعت تونس والجزائر 27 اتفاقية"
		}
		return ev
	}
	if r.sign != nil && (r.sign.counted && r.counting() || !in.trig().planned) && r.namesSigning(si) {
		// A sentence that names a signing ceremony further on refers to the
		// signing read last: "وحضر مراسم التوقيع X" sentences after the
		// count, "التوقيع جرى بحضور X" after the signatories.
		return r.sign
	}
	if in.trig().planned || !counts {
		return nil
	}
	return r.openCounted(si)
}

// metBefore reports a meeting read before event ev (not a signing, not a
// summit) with person p as a principal: "بعد المحادثات، شهد الرئيسان توقيع
// 20 وثيقة" is told of the principals of the talks.
func (r *run) metBefore(p string, ev *event) bool {
	for _, e := range r.evs {
		if e == ev {
			return false
		}
		if e.kind != signingKind && e.scale != "multilateral" && !e.tentative && e.modality != "planned" &&
			len(e.principals) > 1 && slices.Contains(e.principals, p) {
			return true
		}
	}
	return false
}

// namesSigning reports an event noun of the signing kind in sentence si.
func (r *run) namesSigning(si int) bool {
	for k := r.sents[si].start; k < r.sents[si].end; k++ {
		if h, ok := r.hitAt(k, kEvent); ok && h.lx.sub == signingKind {
			return true
		}
	}
	return false
}

// namesCount reports a treaty noun, singular or plural (treaty_plurals),
// after a number or a count word in sentence si, or a dual treaty noun read
// as a count (dualCount): a count of documents, not a title.
func (r *run) namesCount(si int) bool {
	for k := r.sents[si].start; k < r.sents[si].end; k++ {
		h, ok := r.hitAt(k, kTreaty)
		if (ok || r.word(k, wTreatyPlural)) && r.countBefore(k) || ok && r.dualCount(k, h.end, r.titleEnd(h.end)) {
			return true // a dual is a count of two too
		}
	}
	return false
}

// counting reports a pack that declares treaty_plurals: its signings of
// counted documents are events.
func (r *run) counting() bool {
	return len(r.x.lang.Words[listPurpose[wTreatyPlural]]) > 0
}

// countedSigningOpened opens, for a signing reading that states nothing (no
// signatory named: "وقعت إندونيسيا واليابان 12 مذكرة تفاهم"), the signing of
// the documents its sentence counts, so that the witnesses named next attend
// it. It reports whether it did.
func (r *run) countedSigningOpened(in *inst) bool {
	si := in.sf.si
	if in.f.Event != signingKind || in.trig().planned || !r.counting() || !r.namesCount(si) {
		return false
	}
	r.openCounted(si)
	return true
}

// openCounted opens, on the date of sentence si, the signing of counted
// documents that names no treaty, and makes it the signing read last.
func (r *run) openCounted(si int) *event {
	date, explicit := r.datedSentence(si)
	ev := r.newSigning("", date, explicit, nil, si)
	ev.counted = true
	// A signing counted again (the headline, then the lead) is read last in
	// the later sentence: the witnesses named after the lead attend it.
	ev.sent = max(ev.sent, si)
	r.sign = ev
	return ev
}

// timeOfOther reports a reading of a signing frame whose trigger a word of
// time_leads stands before, the article between or not ("after the signing
// ceremony", "prior to the signing of"): the signing tells when something
// else happened, and those named after it did not sign.
func (r *run) timeOfOther(in *inst) bool {
	if in.f.Event != signingKind {
		return false
	}
	e := in.trig().start
	if r.articleBefore(e) {
		e--
	}
	for k := max(0, e-3); k < e; k++ {
		if h, ok := r.wordAt(k, wTimeLead); ok && h.end == e {
			return true
		}
	}
	return false
}

// openWitnessed ends the wait of the readings whose sentence named a signing
// that no later reading told, two sentences on or with the document (final):
// a witness of the signing of a treaty named after the signing noun in its
// clause, with no signer told ("وأوضحت أن الجانبين شهدا التوقيع على T"),
// attends the signing of that treaty, opened for it. A witness named after
// the signing noun is none (a signer the reading took for one: "شهد X توقيع
// Y و Z على T"), and a signing of counted
// documents, or a reading that waited for any other event, is dropped as
// before.
func (r *run) openWitnessed(si int, final bool) {
	kept := r.waiting[:0]
	for _, w := range r.waiting {
		if !final && si-w.in.sf.si <= 2 || !w.signing {
			kept = append(kept, w)
			continue
		}
		if ev := r.witnessedSigning(w.in); ev != nil {
			w.in.fills[w.in.f.attach] = []string{ev.id}
			r.emit(w.in, ev)
		}
	}
	r.waiting = kept
}

// witnessedSigning returns the signing of the treaty a witness reading names
// after the signing noun of its clause, opened on the date of its sentence,
// or nil when the reading is no witness's (its event is not first a
// counted_signing), names no treaty there, or names one of its witnesses
// after the signing noun.
func (r *run) witnessedSigning(in *inst) *event {
	if fills := in.f.slots[in.f.attach].fill; len(fills) == 0 || fills[0].kind != fCountedSigning {
		return nil
	}
	t := in.trig()
	si := in.sf.si
	end := in.sf.segs[t.seg].end
	noun := -1 // the signing noun: the trigger's own (شهد توقيع) or after it
	for k := t.start; k < end && noun < 0; k++ {
		if h, ok := r.hitAt(k, kEvent); ok && h.lx.sub == signingKind {
			noun = max(k, t.end)
		}
	}
	treaty := -1
	for _, m := range r.mentsIn(max(noun, 0), end) {
		if m.typ == schema.Treaty {
			treaty = m.start
			break
		}
	}
	if noun < 0 || treaty < 0 {
		return nil
	}
	id := ""
	for k, s := range in.f.slots {
		if k == in.f.attach || s.types&tPerson == 0 {
			continue
		}
		for _, p := range in.fills[k] {
			for _, m := range r.mentsIn(noun, r.sents[si].end) {
				if m.id == p {
					return nil // a signer: "شهد X توقيع Y و Z على T"
				}
			}
		}
	}
	for _, m := range r.mentsIn(treaty, treaty+1) {
		if m.typ == schema.Treaty {
			id = m.id
		}
	}
	date, explicit := r.datedSentence(si)
	return r.newSigning(id, date, explicit, nil, si)
}

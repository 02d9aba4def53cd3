package extract

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
)

// treatyMention is one title of a treaty, agreement or statement in the text.
type treatyMention struct {
	start, end, clitic int
	quoted             bool
	kind               string
	words              []string // folded words of the title
	// names are the folded title words inside entity names (countries,
	// cities): shared by every treaty between the same parties, they never
	// make two titles one.
	names map[string]bool
	group int
	// subj and noun are the number of subject words before the treaty noun
	// (a cultural exchange programme) and of the noun's words, where the
	// title starts with its subject; subj is 0 where it starts with the noun.
	subj, noun int
	// ref is 1 + the index in found of the title a definite noun phrase
	// (مذكرة التفاهم) refers back to; 0 for a title.
	ref int
	// after is the token after the treaty noun.
	after int
	// dual is 1 + the token of the dual noun (مذكرتي تفاهم بشأن X، وفي Y)
	// whose phrase names this document, the second of the two; 0 otherwise.
	dual, dualClitic int
}

// maxTitle bounds a treaty title in tokens.
const maxTitle = 60

// treaties finds treaty titles after treaty nouns, quoted or up to a boundary,
// and merges the forms of one title (shortened, respelled) into one entity.
func (r *run) treaties() {
	var found []treatyMention
	for i := r.nextKind(0, kTreaty); i < len(r.toks); i = r.nextKind(i+1, kTreaty) {
		h, ok := r.hitAt(i, kTreaty)
		if !ok || r.countBefore(i) || r.reachedBefore(i) || r.inVenue(i) {
			continue
		}
		quotedBefore := i > 0 && r.toks[i-1].S == "\"" && h.clitic == 0
		var second *treatyMention
		tm := treatyMention{start: i, clitic: h.clitic, kind: h.lx.sub, after: h.end}
		named := r.namingQuote(h.end)
		switch {
		case named > 0:
			end := r.closeQuote(named + 1)
			if end < 0 || end == named+1 {
				continue
			}
			// the deal dubbed "X": the quoted words alone are its title
			tm.start, tm.clitic, tm.end, tm.quoted = named+1, 0, end, true
		case quotedBefore:
			end := r.closeQuote(i)
			if end < 0 {
				continue
			}
			tm.end, tm.quoted = r.signersCut(i, end), true
		case h.end < len(r.toks) && r.toks[h.end].S == "\"":
			end := r.closeQuote(h.end + 1)
			if end < 0 || end == h.end+1 {
				continue
			}
			tm.end, tm.quoted = r.signersCut(h.end, end+1), true
		default:
			if n := r.premodifiers(i); n > 0 {
				tm.start = i - n // the Currency Swap Agreement: a title before its noun
				tm.end = max(h.end, r.titleEnd(h.end))
				break
			}
			if n := r.subjectWords(i, h.end); n > 0 {
				end := max(h.end, r.titleEnd(h.end))
				if end == h.end && !r.signedNear(i-n, h.end) {
					continue // "the trade deal is very fair": a document spoken of, none signed
				}
				tm.start = i - n // a cultural exchange programme: its subject before its noun
				tm.subj, tm.noun = n, h.end-i
				tm.end = end
				break
			}
			if r.word(h.end, wTreatyNotTitle) && !r.purposeTitle(i, h.end) {
				continue // إعلان مسبق، إعلان عن: an announcement, no document
			}
			if r.countedPlural(i, h.end) {
				continue // agreements between the two countries, these MoUs the relations: documents counted
			}
			if r.listedAfter(h.end) {
				continue // علاقات وثيقة وقوية، اتفاقية وبرنامج تعاون: no title follows
			}
			if n, end := r.ordinalWord(h.end); n > 0 && (h.def || r.articled(h.lx.toks[len(h.lx.toks)-1])) {
				tm.end = end // مذكرة التفاهم الثانية: one of several, named by its rank
				break
			}
			if h.def && !r.articled(h.lx.toks[0]) {
				continue // المذكرة، الاتفاقية: a reference, not a title
			}
			if r.articled(h.lx.toks[0]) && len(h.lx.toks) == 1 {
				continue // a bare definite noun refers back
			}
			tm.end = r.titleEnd(h.end)
			if r.verbAfterDefinite(i, h.end) {
				tm.end = h.end // the agreement completes …: a reference, no title
			}
			if r.dualCount(i, h.end, tm.end) {
				continue // مذكرتي تفاهم للتعاون: two documents counted, no title
			}
			if k, clitic, e := r.dualSecond(i, h.end, tm.end); k > 0 {
				// اتفاقيتي تعاون في مجال X وفي مجال Y: the second subject is the second document
				second = &treatyMention{start: k, clitic: clitic, kind: h.lx.sub, after: k + 1, end: e, dual: i + 1, dualClitic: h.clitic}
				tm.end = k
				if r.toks[k-1].S == "," {
					tm.end = k - 1
				}
			}
			_, adj := r.hitAt(h.end, kAdj)
			after := r.acronymGoesOn(h.end) // memorandum of understanding (MoU) to establish …
			if after > h.end && tm.end == after+1 {
				tm.end = after // a Memorandum of Understanding (MoU) to that effect: the lead goes on with nothing
			}
			if tm.end == h.end || len(h.lx.toks) > 1 && !adj && !r.partiesAt(after) && !r.word(after, wTreatyLead) && !r.startsWithList(after, wTreatyLeadPrefix) && !r.yearRange(after) {
				// A bare noun names no document (بيانا مشتركا أكدا فيه …);
				// a definite one (مذكرة التفاهم) refers to the last title
				// of its kind.
				if ref := r.treatyRef(h, found); ref > 0 {
					found = append(found, treatyMention{start: i, end: h.end, clitic: h.clitic, kind: h.lx.sub, words: h.lx.toks, ref: ref})
					i = h.end - 1
					continue
				}
				if e := r.bodyParties(h.end); e > h.end && !h.def {
					tm.end = e // مذكرة تفاهم بين وزارة X ومركز Y: a document named by its parties alone
				} else if !r.signedRight(i) || h.def || r.articleBefore(i) {
					continue // "signed the MoU": the article written as a word refers back too
				} else {
					tm.end = h.end // "وقع الجانبان بيانا مشتركا": a document with no title
				}
			}
		}
		r.titleWords(&tm)
		found = append(found, tm)
		i = tm.end - 1
		if second != nil {
			r.titleWords(second)
			found = append(found, *second)
			i = second.end - 1
		}
	}
	groups := groupTreaties(found)
	for g, members := range groups {
		best := members[0]
		for _, m := range members[1:] {
			if best.ref > 0 || m.ref > 0 {
				if best.ref > 0 && m.ref == 0 {
					best = m
				}
				continue
			}
			if (m.quoted && !best.quoted) || (m.quoted == best.quoted && len(m.words) > len(best.words)) {
				best = m
			}
		}
		sp := r.span(best.start, best.end, best.clitic)
		name := strings.Trim(sp.Text, "\"“”«» ")
		a := r.entity(treatyID(r.x.lang.KeyPrefix, best.words), schema.Treaty, name, nil)
		a.Properties["kind"] = best.kind
		for _, m := range members {
			r.addMention(a, m.start, m.end, m.clitic, false, mention{})
			if cut := r.partiesCut(m); cut > 0 {
				// The title without its parties is a name of it too
				// (اتفاقية الشراكة بين موسكو وطهران: اتفاقية الشراكة).
				a.aliases = append(a.aliases, r.span(m.start, cut, m.clitic).Text)
			}
			if m.dual > 0 {
				// the dual's whole phrase names the second document too
				a.aliases = append(a.aliases, r.span(m.dual-1, m.end, m.dualClitic).Text)
			}
			if m.quoted {
				s := r.span(m.start, m.end, m.clitic)
				a.aliases = append(a.aliases, strings.Trim(s.Text, "\"“”«» "))
			} else if m.ref == 0 {
				for _, cut := range r.phraseCuts(m) {
					a.aliases = append(a.aliases, r.span(m.start, cut, m.clitic).Text)
				}
			}
		}
		_ = g
	}
}

// titleWords fills the folded words of title tm and those of them inside
// entity names.
func (r *run) titleWords(tm *treatyMention) {
	for k := tm.start; k < tm.end; k++ {
		if r.toks[k].Word {
			w := r.toks[k].S
			if k == tm.start && tm.clitic > 0 {
				w = string([]rune(w)[tm.clitic:])
			}
			tm.words = append(tm.words, w)
			if r.taken[k] {
				if tm.names == nil {
					tm.names = map[string]bool{}
				}
				tm.names[w] = true
			}
		}
	}
}

// dualSecond finds, for a dual treaty noun (treaty_duals) at token i whose
// title runs from token e to end, the second document the dual names: a
// treaty lead written after a conjunction inside the title or right after it
// and its comma (مذكرتي تفاهم بشأن X، وفي مجال Y), or further on in the
// words of its clause (… في مجال X بين A وB وفي مجال Y): the first title
// then runs up to it. A trigger or an event noun in the words read past the
// first title (وفي ختام اللقاء أكد …) makes them no second subject. It returns the token of
// that lead, the runes of its conjunction and where the second title ends;
// k is 0 where there is none.
func (r *run) dualSecond(i, e, end int) (k, clitic, second int) {
	if !r.word(i, wTreatyDual) {
		return 0, 0, 0
	}
	at := -1
	for j := e + 1; j < len(r.toks) && j < end+maxTitle/4; j++ {
		if j >= end && !r.toks[j].Word {
			break // past the title, the clause's next words up to a punctuation mark
		}
		if r.conjoinedLead(j) > 0 {
			at = j
			break
		}
	}
	if at < 0 && end+1 < len(r.toks) && end > e && r.toks[end].S == "," && r.conjoinedLead(end+1) > 0 {
		at = end + 1
	}
	if at < 0 {
		return 0, 0, 0
	}
	second = r.titleEnd(at + 1)
	if second <= at+1 || r.eventWordIn(min(at, end), second) {
		return 0, 0, 0 // وفي ختام اللقاء أكد …: the clause goes on with an event, no subject
	}
	return at, r.conjoinedLead(at), second
}

// eventWordIn reports a trigger or an event noun among tokens [s, e).
func (r *run) eventWordIn(s, e int) bool {
	for k := s; k < e && k < len(r.toks); k++ {
		if r.kinds[k]&(1<<kTrigger|1<<kEvent) != 0 {
			return true
		}
	}
	return false
}

// conjoinedLead returns the runes of the conjunction written joined to a
// treaty lead at token k (وفي، وبشأن), or 0.
func (r *run) conjoinedLead(k int) int {
	if !r.toks[k].Word || r.tokIn(k, wTreatyLead) || !r.word(k, wTreatyLead) {
		return 0
	}
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(p) < len(w) && strings.HasPrefix(w, p) && r.x.in(wTreatyLead, w[len(p):]) {
			return utf8.RuneCountInString(p)
		}
	}
	return 0
}

// premodifiers returns how many capitalised words stand right before the
// treaty noun at token i and belong to its title (the Currency Swap
// Agreement), in a language whose qualifiers come first and whose names are
// capitalised; 0 in any other. A function word, a trigger, a title, an
// honorific or a person's name read already ends them; the name of a place
// or a body is one of them (the Bangkok Declaration).
func (r *run) premodifiers(i int) int {
	if !r.x.lang.Capitalised || !r.x.lang.QualifiersFirst {
		return 0
	}
	n := 0
	for k := i - 1; k >= 0 && n < 6; k-- {
		if r.toks[k].Word && r.taken[k] && r.mend[k+1] > 0 && partyType[r.ments[r.mend[k+1]-1].typ] {
			// the Bangkok Declaration, the ASEAN Leaders' Statement: the
			// place or body a document is named after is part of its title
			n += k + 1 - r.ments[r.mend[k+1]-1].start
			k = r.ments[r.mend[k+1]-1].start
			continue
		}
		if n > 0 && r.x.lang.Hyphenated && k > 0 && r.joined(k) && r.premodifierWord(k-1) {
			n++ // the Non-Aggression Pact: a hyphen written with no space joins two words of the title
			continue
		}
		if r.pluralMark(k) && r.premodifierWord(k-1) {
			n += 2 // the G7 Leaders’ Declaration: the plural possessor of the document is part of its title
			k--
			continue
		}
		if n > 0 && k > 0 && r.tokIn(k, wSeparator) && r.premodifierWord(k-1) && !r.joined(k-2) {
			n++ // the Partnership and Cooperation Agreement: a conjunction between two capitalised words
			continue
		}
		hyphened := r.x.lang.Hyphenated && k > 1 && r.joined(k-1) && r.premodifierWord(k-2)
		if !r.toks[k].Word || r.taken[k] || !r.capital(k) && !hyphened || r.tokIn(k, wFunction) || r.tokIn(k, wHonorific) {
			break
		}
		if k == r.sents[r.sentenceOf(k)].start {
			break // Another MoU: a sentence's first word is capitalised whatever it is
		}
		if _, ok := r.hitAt(k, kTrigger); ok {
			break
		}
		if _, ok := r.hitAt(k, kTitle); ok {
			break
		}
		n++
	}
	return n
}

// sideSigned reports, where names are capitalised, a phrase of
// words.represented at token k (for the, on behalf of) followed by the name
// of a state or a body that ends the clause: the side a signer signs the
// document for ("signed the Memorandum for the United States and …"), no
// part of its title ("an agreement for the Construction of …" goes on).
func (r *run) sideSigned(k int) bool {
	if !r.x.lang.Capitalised {
		return false
	}
	h, ok := r.wordAt(k, wRepresented)
	if !ok {
		return false
	}
	j := h.end
	m, ok := r.mentionAt(j)
	if !ok && r.toks[j-1].Word && r.tokIn(j-1, wFunction) {
		m, ok = r.mentionAt(j - 1) // "for the": the article may be the party's own
	}
	if !ok || !partyType[r.ments[m].typ] {
		return false
	}
	e := r.ments[m].end
	return e >= len(r.toks) || !r.toks[e].Word || !r.word(e, wTreatyLead)
}

// premodifierWord reports a capitalised word at token k that may stand in a title
// before its noun: not taken by a name, no function word, no honorific, not
// a sentence's first word.
func (r *run) premodifierWord(k int) bool {
	return k >= 0 && r.toks[k].Word && !r.taken[k] && r.capital(k) && !r.tokIn(k, wFunction) && !r.tokIn(k, wHonorific) &&
		k != r.sents[r.sentenceOf(k)].start
}

// subjectWords returns how many words of the subject (treaty_subjects), a
// conjunction between two of them included, stand right before the
// singular treaty noun from token i to e (a cultural exchange programme, a
// trade and economic cooperation agreement), in a language whose
// qualifiers come first and whose names are capitalised; 0 in any other,
// and when a count stands before them (two cooperation agreements: documents
// counted, no title).
func (r *run) subjectWords(i, e int) int {
	if !r.x.lang.Capitalised || !r.x.lang.QualifiersFirst || r.word(i, wTreatyPlural) || r.word(e-1, wTreatyPlural) {
		return 0
	}
	n := 0
	for k := i - 1; k >= 0 && i-k <= 6; k-- {
		if !r.toks[k].Word || r.taken[k] {
			break
		}
		if r.tokIn(k, wTreatySubject) {
			n = i - k
			continue
		}
		if n == i-k-1 && r.tokIn(k, wSeparator) && r.tokIn(k-1, wTreatySubject) {
			continue // trade and economic cooperation
		}
		break
	}
	if n == 0 || r.countBefore(i-n) {
		return 0
	}
	return n
}

// govAfterConj reports a government word written after a conjunction at
// token k (وحكومة).
func (r *run) govAfterConj(k int) bool {
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(w) > len(p) && strings.HasPrefix(w, p) && r.x.in(wGovernment, w[len(p):]) {
			return true
		}
	}
	return false
}

// frameHere reports whether the trigger hit h evokes a frame that applies to
// its sentence: منح (granted) is no verb in a sentence with no decoration.
func (r *run) frameHere(h hit) bool {
	si := r.sentenceOf(h.start)
	if si < 0 {
		return true
	}
	for _, hi := range r.at[h.start] {
		o := r.hits[hi]
		if o.kind == kTrigger && o.end == h.end && r.applies(r.x.frames[o.lx.ref], si) {
			return true
		}
	}
	return false
}

// ordinalWord reads an ordinal word at token k (الثانية): its number and end.
func (r *run) ordinalWord(k int) (int, int) {
	if k >= len(r.toks) || !r.toks[k].Word {
		return 0, k
	}
	if k+1 < len(r.toks) {
		if n := r.x.ordinals[r.toks[k].S+" "+r.toks[k+1].S]; n > 0 {
			return n, k + 2
		}
	}
	if n := r.x.ordinals[r.toks[k].S]; n > 0 {
		return n, k + 1
	}
	return 0, k
}

// signedRight reports a signing trigger in the three tokens before token i
// (its clause): a treaty noun there with no title is the document signed.
func (r *run) signedRight(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if !r.toks[k].Word && r.toks[k].S != "," {
			return false
		}
		for _, hi := range r.at[k] {
			h := r.hits[hi]
			if h.kind == kTrigger && h.end <= i && r.x.frames[h.lx.ref].Event == signingKind {
				return true
			}
			if h.kind == kWord && h.lx.ref-1 == int(wIssue) && h.end <= i {
				return true // أصدر الجانبان بيانا مشتركا
			}
		}
	}
	return false
}

// signedNear reports a trigger of a signing frame within six words before
// token s or four after token e, with no punctuation but a comma between:
// a document told by its noun around its signing ("signed a trade
// agreement", "the signing earlier this week of a cooperation agreement",
// "a cooperation agreement was also signed by …").
func (r *run) signedNear(s, e int) bool {
	signing := func(k int) bool {
		for _, hi := range r.at[k] {
			if h := r.hits[hi]; h.kind == kTrigger && r.x.frames[h.lx.ref].Event == signingKind {
				return true
			}
		}
		return false
	}
	for k := s - 1; k >= 0 && k >= s-6; k-- {
		if !r.toks[k].Word && r.toks[k].S != "," {
			break
		}
		if signing(k) {
			return true
		}
	}
	for k := e; k < len(r.toks) && k < e+4; k++ {
		if !r.toks[k].Word {
			break
		}
		if signing(k) {
			return true
		}
	}
	return false
}

// treatyRef returns 1 + the index in found of the last title of the kind of
// the definite treaty noun phrase h (مذكرة التفاهم, البيان المشترك), or 0:
// a phrase of two words or more ending with the article refers back.
func (r *run) treatyRef(h hit, found []treatyMention) int {
	if len(h.lx.toks) < 2 || !r.articled(h.lx.toks[len(h.lx.toks)-1]) {
		return 0
	}
	for k := len(found) - 1; k >= 0; k-- {
		if found[k].kind == h.lx.sub && found[k].ref == 0 {
			return k + 1
		}
	}
	return 0
}

// dashedAdjectives reports a dash at token k between two nationality
// adjectives (الجزائرية–المصرية, المصرية - الأردنية): one qualifier of a
// title, not its end.
func (r *run) dashedAdjectives(k int) bool {
	switch r.toks[k].S {
	case "-", "–", "—":
	default:
		return false
	}
	if k < 1 || k+1 >= len(r.toks) {
		return false
	}
	b, ok := r.hitAt(k-1, kAdj)
	if !ok || b.end != k {
		return false
	}
	_, ok = r.hitAt(k+1, kAdj)
	return ok
}

// yearRange reports a year or a range of years at token k (خطة عمل
// 2023-2024): the title goes on after it.
func (r *run) yearRange(k int) bool {
	if k >= len(r.toks) {
		return false
	}
	t := r.toks[k].S
	return len(t) == 4 && t[0] >= '0' && t[0] <= '9' && t[3] >= '0' && t[3] <= '9'
}

// partyType lists the entity types that name a party after بين in a title;
// a capital stands for its government ("بين القاهرة والرياض").
var partyType = map[string]bool{schema.Country: true, schema.Organization: true, schema.City: true}

// partiesAt reports a treaty break word (بين) at token k followed by a party.
func (r *run) partiesAt(k int) bool {
	if !r.word(k, wTreatyStop) {
		return false
	}
	j := k + 1
	if r.word(j, wGovernment) {
		j++ // بين حكومة الكويت وحكومة …
	}
	if m, ok := r.mentionAt(j); ok {
		return partyType[r.ments[m].typ]
	}
	if h, ok := r.hitAt(k+1, kRef); ok && h.lx.sub == "sides" {
		return true // بين البلدين
	}
	if r.word(k, wBetween) && r.bodyNames(k+1) > k+1 {
		return true // between Central Bureau of India and Anti-Corruption Commission of Maldives
	}
	// "بين وزارتي الخارجية الكازاخستانية والروسية": bodies named by the
	// adjectives of their countries.
	for j := k + 2; j <= k+3 && j < len(r.toks); j++ {
		if h, ok := r.hitAt(j, kAdj); ok && h.clitic == 0 {
			a, ok := r.hitAt(j+1, kAdj)
			return ok && a.clitic > 0
		}
	}
	return false
}

// partiesEnd returns the end of the parties named by mentions from token k
// (X، Y و Z), or k when no party mention starts there.
func (r *run) partiesEnd(k int) int {
	end := k
	for {
		if r.word(k, wGovernment) || r.conjoined(k) && r.startsWithList(k, wConjunction) && r.govAfterConj(k) {
			k++
		}
		m, ok := r.mentionAt(k)
		if h, isRef := r.hitAt(k, kRef); !ok && isRef && h.lx.sub == "sides" {
			end, k = h.end, h.end
			continue
		}
		if e := r.bodyNames(k); e > k && (!ok || e > r.ments[m].end) {
			end, k = e, e // bodies the gazetteer lacks, named in capitals
			continue
		}
		if !ok || !partyType[r.ments[m].typ] {
			return end
		}
		end = r.ments[m].end
		k = end
		if k < len(r.toks) && (r.toks[k].S == "," || r.tokIn(k, wSeparator)) {
			k = r.articleBeforeParty(k + 1)
		}
	}
}

// articleBeforeParty returns, where the article is a word of its own, the
// token after the article at token k when a party mention follows it
// (between Bahrain and the Philippines); else k.
func (r *run) articleBeforeParty(k int) int {
	if !r.x.articleWord || k+1 >= len(r.toks) || r.toks[k].S != r.x.article {
		return k
	}
	if m, ok := r.mentionAt(k + 1); ok && partyType[r.ments[m].typ] {
		return k + 1
	}
	return k
}

// bodyNames returns, where names are capitalised and the article is a word,
// the end of the names of bodies the gazetteer lacks written from token k as
// the parties of a title: capitalised words and the names of places and
// bodies, joined by function words and title links (the National College of
// Policing and Law Enforcement of Maldives), each with its acronym in
// parentheses, and a list separator between two of them; else k. They must
// hold a capitalised word that is no name read already, and end with a
// name or an acronym.
func (r *run) bodyNames(k int) int {
	if !r.x.lang.Capitalised || !r.x.articleWord {
		return k
	}
	end, own := k, false
	for j := k; j < len(r.toks) && j < k+maxTitle; {
		if m, ok := r.mentionAt(j); ok {
			if !partyType[r.ments[m].typ] {
				break
			}
			j = r.ments[m].end
			end = j
		} else if r.toks[j].Word && r.capital(j) && !r.taken[j] && !r.tokIn(j, wFunction) {
			if _, t := r.hitAt(j, kTitle); t {
				break
			}
			if _, t := r.hitAt(j, kTrigger); t {
				break
			}
			if _, t := r.hitAt(j, kTreaty); t {
				break
			}
			j++
			end, own = j, true
		} else if r.joined(j) && j > k {
			j++
			continue
		} else if j > k && r.toks[j].S == "(" && j+2 < len(r.toks) && r.toks[j+2].S == ")" && r.toks[j+1].Word {
			j += 3 // (NJAI)
			end = j
			continue
		} else if e := r.shortNameInParens(j); j > k && e > j {
			j = e // (EXIM Bank)
			end = j
			continue
		} else if r.toks[j].Word && (r.tokIn(j, wFunction) || r.tokIn(j, wTitleLink) || r.tokIn(j, wSeparator)) {
			j++
			continue
		} else {
			break
		}
	}
	if !own {
		return k
	}
	return end
}

// partyBody returns, where names are not capitalised, the end of a body
// the gazetteer lacks named from token k by a noun of org_nouns and the
// words after it (وزارة الثقافة المغربية، ومعهد الدراسات الإفريقية): a
// party of a title after between; else k. A body inside a person's title
// is none.
func (r *run) partyBody(k int) int {
	if r.x.lang.Capitalised || k >= len(r.toks) || !r.toks[k].Word || r.taken[k] {
		return k
	}
	h, ok := r.wordAt(k, wOrgNoun)
	if !ok || r.inTitle(k) {
		return k
	}
	if e := r.orgEnd(h.end); e > h.end {
		return e
	}
	return k
}

// bodyParties returns, for a between word at token k, the end of the
// parties after it of which one at least is a body partyBody reads (وزارة
// التجارة الناميبية ومركز تعزيز التجارة …), recording those bodies in
// partyBodies; else k. A title that is nothing but its parties ends there:
// two parties at least, the last ending its clause.
func (r *run) bodyParties(k int) int {
	if !r.word(k, wBetween) {
		return k
	}
	var bodies [][2]int
	end, parties, own := k, 0, false
	for j := k + 1; j < len(r.toks); {
		if e := r.sidesBodies(j); e > j {
			end, parties, own = e, parties+2, true // بين وزارتي العدل للبلدين: a body of each
			break
		}
		if b := r.partyBody(j); b > j {
			bodies = append(bodies, [2]int{j, b})
			j = b
		} else if m, ok := r.mentionAt(j); ok && partyType[r.ments[m].typ] {
			j = r.ments[m].end
		} else {
			break
		}
		end, parties = j, parties+1
		if j < len(r.toks) && (r.toks[j].S == "," || r.tokIn(j, wSeparator)) {
			j++
		}
	}
	if len(bodies) == 0 && !own || parties < 2 || end < len(r.toks) && r.toks[end].Word {
		return k // one party, or a name cut short: no title
	}
	if end+1 < len(r.toks) && r.toks[end].S == "," && (r.word(end+1, wTreatyLead) || r.startsWithList(end+1, wTreatyLeadPrefix)) {
		end = max(end, r.titleEnd(end+1)) // بين X، وY، للتعاون بشأن …: the purpose after the parties
	}
	r.partyBodies = append(r.partyBodies, bodies...)
	return end
}

// sidesBodies returns the end of the bodies of both sides named from token
// k by a government word, the portfolio after it and a reference to the two
// sides (وزارتي العدل للبلدين، وزارتي الخارجية في البلدين); else k.
func (r *run) sidesBodies(k int) int {
	if !r.word(k, wGovernment) {
		return k
	}
	for j := k + 1; j < len(r.toks) && j <= k+4 && r.toks[j].Word; j++ {
		if h, ok := r.hitAt(j, kRef); ok && h.lx.sub == "sides" {
			if j == k+1 {
				return k // بين حكومتي البلدين: the states, no body
			}
			return h.end
		}
		if r.tokIn(j, wFunction) && j > k+1 {
			continue // في البلدين
		}
		if !r.articled(r.toks[j].S) && !r.definite(r.toks[j].S) {
			return k
		}
	}
	return k
}

// placeAfter reports a function word at token k followed by a city, a
// country or a venue (في طشقند، في الكرملين): a place, not a part of a title.
func (r *run) placeAfter(k int) bool {
	if !r.tokIn(k, wFunction) && !r.tokIn(k, wPostingAt) {
		return false
	}
	m, ok := r.mentionAt(k + 1)
	return ok && (r.ments[m].typ == schema.City || r.ments[m].typ == schema.Country || r.ments[m].typ == schema.Venue)
}

// listedAfter reports a word joined by a conjunction (و) right after a treaty noun that is no
// name: the noun is an adjective or one item of a list of documents.
func (r *run) listedAfter(i int) bool {
	if i >= len(r.toks) || !r.toks[i].Word || r.taken[i] {
		return false
	}
	return r.x.prefixedBy(r.toks[i].S, wConjunction) && utf8.RuneCountInString(r.toks[i].S) > 3
}

// dualCount reports a dual treaty noun at i (treaty_duals) whose title,
// tokens [e, end), joins no second subject to the first with a conjunction
// (في مجالي الشباب والرياضة): two documents told apart by nothing, a count.
func (r *run) dualCount(i, e, end int) bool {
	if !r.word(i, wTreatyDual) {
		return false
	}
	if k, _, _ := r.dualSecond(i, e, end); k > 0 {
		return false // a second subject after a conjunction: two titles
	}
	for k := e; k < end; k++ {
		if r.toks[k].Word && r.startsWithList(k, wConjunction) && !r.taken[k] {
			return false
		}
	}
	return true
}

// capitalsIn counts the capital letters of token k, the letters of an
// acronym; ok is false when a character of it is no letter.
func (r *run) capitalsIn(k int) (caps int, ok bool) {
	for _, c := range r.span(k, k+1, 0).Text {
		switch {
		case unicode.IsUpper(c):
			caps++
		case !unicode.IsLetter(c):
			return 0, false
		}
	}
	return caps, true
}

// acronymGoesOn returns, where names are capitalised, the token after an
// acronym in parentheses at token k that the title goes on after (a
// memorandum of understanding (MoU) to establish …: a treaty lead follows
// it); else k. An acronym ending a title is no part of it.
func (r *run) acronymGoesOn(k int) int {
	if !r.x.lang.Capitalised || k+3 >= len(r.toks) || r.toks[k].S != "(" || r.toks[k+2].S != ")" || !r.toks[k+1].Word {
		return k
	}
	caps, ok := r.capitalsIn(k + 1)
	if !ok {
		return k
	}
	if caps < 2 || !r.capital(k+1) || !r.word(k+3, wTreatyLead) && !r.startsWithList(k+3, wTreatyLeadPrefix) {
		return k
	}
	return k + 3
}

// capitalList returns, where names are capitalised, the end of a list of
// capitalised words that a title in capitals goes on with at the comma at
// token k (Cooperation in the Fields of Sport, Culture and Heritage): groups
// of capitalised words, each after a comma, the last after a word of
// list_separators; else k. A name read already, a title or a trigger is no
// subject of the list.
func (r *run) capitalList(k int) int {
	if !r.x.lang.Capitalised || r.toks[k].S != "," || k == 0 || !r.toks[k-1].Word || !r.capital(k-1) {
		return k
	}
	subject := func(j int) bool {
		if j >= len(r.toks) || !r.toks[j].Word || r.taken[j] || !r.capital(j) || r.tokIn(j, wSeparator) {
			return false
		}
		_, title := r.hitAt(j, kTitle)
		_, trig := r.hitAt(j, kTrigger)
		return !title && !trig
	}
	j := k
	for n := 0; n < 6; n++ {
		last := j < len(r.toks) && r.toks[j].Word && r.tokIn(j, wSeparator)
		if !last && (j >= len(r.toks) || r.toks[j].S != ",") {
			return k
		}
		j++
		if !subject(j) {
			return k
		}
		for j < len(r.toks) && subject(j) {
			j++
		}
		if last {
			return j
		}
	}
	return k
}

// countedPlural reports, where names are capitalised and the article is a
// word, a plural treaty noun (treaty_plurals) from token i to e that is one
// word (agreements on …: the subjects of several documents), or that the
// article follows, or only the parties (agreements between the two
// countries): documents counted, not a title. A plural of several words
// (protocols of understanding) may still name one document.
func (r *run) countedPlural(i, e int) bool {
	if !r.x.lang.Capitalised || !r.x.articleWord || !r.word(i, wTreatyPlural) && !r.word(e-1, wTreatyPlural) {
		return false
	}
	if e == i+1 {
		return true // agreements on cooperation in areas including …, MoUs: a one-word plural names no document
	}
	if e < len(r.toks) && r.toks[e].S == r.x.article {
		return true
	}
	if !r.partiesAt(e) {
		return false
	}
	end := r.partiesEnd(e + 1)
	return end > e+1 && (end >= len(r.toks) || !r.word(end, wTreatyLead) && !r.startsWithList(end, wTreatyLeadPrefix))
}

// documentOfTitle reports, where the article is a word, a treaty noun at
// token k after a treaty link and the article (a protocol amending articles
// of the agreement on …, a protocol on the agreement on …): the document the
// title is about, inside it, not the next document of a list.
func (r *run) documentOfTitle(k int) bool {
	return r.x.articleWord && k >= 2 && r.toks[k-1].S == r.x.article && r.tokIn(k-2, wTreatyLink)
}

// countBefore reports whether a number or a count word stands before token i
// ("20 اتفاقية تعاون", "عدد من"): a count of documents, not a title. A
// number that opens a line with a mark of item_marks after it numbers an
// item of a list (1. MoU on …) and counts nothing.
func (r *run) countBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		t := r.toks[k].S
		if (t[0] >= '0' && t[0] <= '9' || r.tokIn(k, wTreatyNum)) && !r.itemNumber(k) {
			return true
		}
	}
	return false
}

// itemNumber reports a number at token k that opens its line, with a mark
// of item_marks right after it (1. MoU on …, 2) Agreement on …): the
// number of an item of a list.
func (r *run) itemNumber(k int) bool {
	return (k == 0 || r.toks[k-1].S == "\n") && k+1 < len(r.toks) && r.x.in(wItemMark, r.toks[k+1].S)
}

// reachedBefore reports a word of treaty_reached right before token i, or
// before the function word before it ("reached agreement on", "reach an
// agreement on"): an agreement reached in talks, not a document.
func (r *run) reachedBefore(i int) bool {
	k := i - 1
	if k > 0 && r.tokIn(k, wFunction) {
		k--
	}
	return k >= 0 && r.tokIn(k, wTreatyReached)
}

// namingQuote returns the opening quote after a naming word that follows a
// treaty noun ending at token k (the deal dubbed "X", an agreement called
// "X"), or -1.
func (r *run) namingQuote(k int) int {
	n, ok := r.wordAt(k, wTreatyNaming)
	if !ok || n.end >= len(r.toks) || r.toks[n.end].S != "\"" {
		return -1
	}
	return n.end
}

// closeQuote returns the index of the closing quote after token i on the same
// line, or -1.
func (r *run) closeQuote(i int) int {
	for k := i; k < len(r.toks) && k < i+maxTitle; k++ {
		switch r.toks[k].S {
		case "\"":
			return k
		case "\n":
			return -1
		}
	}
	return -1
}

// verbAsNoun reports a verb at token k of a title begun at token i that
// the word before it makes a noun, where the article is a word of its own:
// the article, or a treaty link that is no list separator ("a memorandum on
// the exchange of experts", "the MoU on Letter of Exchange on …").
func (r *run) verbAsNoun(i, k int) bool {
	if !r.x.articleWord || k <= i {
		return false
	}
	return r.toks[k-1].S == r.x.article || r.tokIn(k-1, wTreatyLink) && !r.tokIn(k-1, wSeparator)
}

// titleEnd returns the end of an unquoted title starting after the noun at i.
func (r *run) titleEnd(i int) int {
	k, limit := i, i+16
	attached := false
	for k < len(r.toks) && k < limit {
		t := r.toks[k]
		if !t.Word {
			// خطة عمل 2023-2024: a dash between two years
			if t.S == "-" && k > i && r.yearRange(k-1) && r.yearRange(k+1) {
				k++
				continue
			}
			// اللجنة العليا الجزائرية–المصرية: a dash between two
			// nationality adjectives joins them
			if r.dashedAdjectives(k) {
				k++
				continue
			}
			// Egypt's general authority, the two countries’ relations: a
			// possessive ending goes on with what the possessor owns
			// (an ending and a number are counted as the word they end)
			if n := r.possessiveIn(i, k); n > 0 {
				k += n
				limit += n
				continue
			}
			// of 1.82 cusec water, of 50,000 houses: a mark inside a number
			if k > i && r.numberMark(k) {
				k += 2
				limit += 2
				continue
			}
			// on anti-corruption, on visa-free travel: where the pack joins
			// words by a hyphen written with no space, they are one word
			if k > i && r.x.lang.Hyphenated && r.joined(k) {
				k++
				continue
			}
			// in the Fields of Sport, Culture and Heritage: a title in
			// capitals lists its subjects
			if e := r.capitalList(k); e > k {
				k = e
				continue
			}
			// on economic, trade and technical cooperation: the same in
			// small letters, the commas counted as no words
			if e := r.lowerList(i, k); e > k {
				for j := k; j < e; j++ {
					if !r.toks[j].Word {
						limit++
					}
				}
				k = e
				continue
			}
			// the Standard Operating Procedure (SOP) on …: an acronym in
			// parentheses with the title going on after it
			if e := r.acronymGoesOn(k); e > k {
				k = e
				continue
			}
			// Sanitary and Phytosanitary (SPS) Cooperation: an acronym
			// inside a title in capitals
			if e := r.acronymInside(k); e > k && k > i {
				k = e
				limit += 3
				continue
			}
			// لإنشاء "مجلس التنسيق": a quoted name inside the title
			if t.S == "\"" && k > i {
				if e := r.closeQuote(k + 1); e > k+1 {
					k = e + 1
					continue
				}
			}
			break
		}
		if r.purposeLink(i, k) {
			k += 2 // … الضرائب المفروضة على الدخل: the purpose goes on
			continue
		}
		if e := r.secondParty(i, k); e > k {
			limit += e - k
			k = e // between Bahrain and the Philippines: the second party
			continue
		}
		if r.word(k, wTreatyStop) {
			// "بين أوزبكستان والاتحاد الأوروبي" belongs to the title; "بين حكومتي البلدين" not.
			if !r.partiesAt(k) {
				break
			}
			if e := r.partiesEnd(k + 1); e > k+1 {
				if r.word(k, wBetween) && r.possessiveIn(i, e) > 0 {
					k = e // between Egypt's authority and …: a party that owns what follows
					continue
				}
				// The parties end the title ("… بين موسكو وطهران تعطي …")
				// unless its purpose follows (… لإنشاء لجنة).
				if e+1 < len(r.toks) && r.toks[e].S == "," && r.toks[e+1].Word && (r.word(e+1, wTreatyLead) || r.startsWithList(e+1, wTreatyLeadPrefix)) {
					e++ // بين حكومة X، وحكومة Y، للتعاون في …
				}
				if e >= len(r.toks) || !r.toks[e].Word || r.placeAfter(e) || !r.word(e, wTreatyLead) && !r.startsWithList(e, wTreatyLeadPrefix) {
					return e
				}
				if r.x.lang.Capitalised {
					limit += e - k // parties named in full in capitals: the purpose after them has its own length
				}
				k = e
				continue
			}
		}
		if h, ok := r.wordAt(k, wTreatyStop); ok && h.end > k+1 {
			break // on the sidelines of, in the presence of: a break of several words
		}
		if r.sideSigned(k) {
			break // signed the Memorandum for the United States and …: the side signed for
		}
		if r.placeAfter(k) {
			// إعلانا مشتركا في طشقند: where it was signed, or where it acts
			// (منح دراسية للدراسة في إندونيسيا): kept, and cut off in a
			// variant of the name (phraseCuts).
			if m, ok := r.mentionAt(k + 1); ok && k+1 < len(r.toks) {
				k = r.ments[m].end
				if n := r.possessiveIn(i, k); n > 0 {
					k += n // and Oman's library: the place owns what follows
					continue
				}
				break
			}
			break
		}
		if r.word(k+1, wSideMarker) {
			break // من الجانب السعودي
		}
		if h, ok := r.wordAt(k, wSeparator); ok && h.end > k+1 {
			break // كل من: the signers listed after the title
		}
		if _, ok := r.hitAt(k, kDate); ok || r.inDate(k) || r.inDate(k+1) && !r.inDate(k) && r.x.in(wDateLead, r.toks[k].S) {
			break
		}
		if h, ok := r.hitAt(k, kTrigger); ok && (h.lx.sub != formNoun && !r.verbAsNoun(i, k) || h.clitic > 0 && !h.def || r.word(k-1, wLightVerb)) && r.frameHere(h) && !r.nameOfDocument(i, k) {
			break // a verb, or an event noun after a conjunction or a light verb: a new clause
		}
		if _, ok := r.hitAt(k, kTreaty); ok && k > i && !r.documentOfTitle(k) && !r.documentInTitle(i, k) {
			// A document the title implements or is annexed to
			// (treaty_attached), and those listed with it, are inside it.
			if r.tokIn(k-1, wTreatyAttached) {
				attached = true
			} else if !attached || !r.conjunctionOn(k) {
				break // وثيقة ومذكرة: the next document of a list
			}
		}
		k++
	}
	if k == limit {
		k = r.phraseAtLimit(i, k) // … in the Southernmost Part of the Melaka Straits
	}
	return k
}

// phraseCuts returns where an unquoted title may also be taken to end: before
// each word inside it that starts a new phrase (a preposition, a
// conjunction on a word, a comma), once the title has its noun and two words
// of subject, and before a place once it has two words (إعلانا مشتركا في
// طشقند: إعلانا مشتركا). Each such prefix is a complete noun phrase that texts and
// readers cite the document by ("مذكرة تفاهم للتعاون الاقتصادي" for
// "مذكرة تفاهم للتعاون الاقتصادي والفني بهدف …").
func (r *run) phraseCuts(m treatyMention) []int {
	var out []int
	words := 0
	for k := m.start; k < m.end; k++ {
		if !r.toks[k].Word {
			if r.x.lang.Hyphenated && k > m.start && r.joined(k) {
				continue // anti-corruption: one word
			}
			if n := r.possessiveIn(m.start, k); n > 0 {
				k += n - 1 // Egypt's authority: the possessor is no end
				words++
				continue
			}
			if r.numberMark(k) {
				k++ // 50,000: one number
				words++
				continue
			}
			if words >= 3 && k > m.start {
				out = append(out, k)
			}
			continue
		}
		if words >= 2 && r.placeAfter(k) {
			out = append(out, k) // إعلانا مشتركا في طشقند: the title without where it was signed
		} else if words >= 3 && (r.tokIn(k, wFunction) || r.tokIn(k, wTreatyStop) || r.conjunctionOn(k) ||
			r.startsWithList(k, wTreatyLeadPrefix) && !r.tokIn(k, wTreatyLead) || isDigits(r.toks[k].S)) {
			out = append(out, k) // before a preposition, a conjunction, a purpose, a number
		} else if words >= 3 && k-1 >= m.after+2 && r.contentEnd(k-1) {
			// after any word of content: a title that runs on past its end
			// ("… cultural cooperation while Ghana …") is still cited by
			// what it had read by then
			out = append(out, k)
		}
		words++
	}
	return out
}

// contentEnd reports a word at token k that may end a title: a word of four
// letters or more, no function word, break or conjunction. A title cut
// there keeps its noun and at least three tokens of its subject.
func (r *run) contentEnd(k int) bool {
	return r.toks[k].Word && r.runes(k) >= 4 && !r.tokIn(k, wFunction) && !r.tokIn(k, wTreatyStop) &&
		!r.tokIn(k, wConjunction)
}

// conjunctionOn reports a conjunction written joined to token k (والفني).
func (r *run) conjunctionOn(k int) bool {
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(w) > len(p)+4 && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// partiesCut returns where the parties that end an unquoted title start (بين
// X و Y، مع X), or 0 when they do not end it or nothing is left before them.
func (r *run) partiesCut(m treatyMention) int {
	if m.quoted || m.ref > 0 {
		return 0
	}
	for k := m.start + 2; k < m.end; k++ {
		if r.word(k, wTreatyStop) && r.partiesAt(k) && r.partiesEnd(k+1) == m.end {
			return k
		}
	}
	return 0
}

// purposeLink reports a preposition at token k (على، عن) that goes on with
// the purpose of a title whose noun ends at i: the title states a purpose
// (لتجنب، بشأن), the word before the preposition and the one after it have the
// article, and the one after is no name, date or trigger ("… المفروضة على
// الدخل", not "… على هامش الزيارة").
func (r *run) purposeLink(i, k int) bool {
	if k < i+2 || k+1 >= len(r.toks) || !r.tokIn(k, wTreatyLink) || !r.toks[k+1].Word {
		return false
	}
	if !r.word(i, wTreatyLead) && !r.startsWithList(i, wTreatyLeadPrefix) {
		return false
	}
	if !r.definite(r.toks[k-1].S) || !r.articled(r.toks[k+1].S) || r.taken[k+1] {
		return false
	}
	if _, ok := r.hitAt(k+1, kDate); ok {
		return false
	}
	_, trig := r.hitAt(k+1, kTrigger)
	return !trig
}

// signersCut ends a quoted title at a second بين that introduces the signers
// by title ("… بين وزير الإعلام …" when the outlet closes the quote late).
func (r *run) signersCut(from, end int) int {
	seen := false
	for k := from; k < end-1; k++ {
		if !r.word(k, wTreatyStop) {
			continue
		}
		if _, ok := r.hitAt(k+1, kTitle); ok && seen {
			return k
		}
		seen = true
	}
	return end
}

// inDate reports whether token k lies in a date expression.
func (r *run) inDate(k int) bool {
	if k >= len(r.toks) {
		return false
	}
	off := r.text.Offsets[r.toks[k].Start]
	for _, d := range r.dates {
		if off >= d.start && off < d.end {
			return true
		}
	}
	return false
}

// groupTreaties merges titles: one a prefix of the other, or (when one is not
// quoted) sharing most of their content words.
func groupTreaties(ms []treatyMention) [][]treatyMention {
	var groups [][]treatyMention
	groupOf := make([]int, len(ms))
	for i, m := range ms {
		if m.ref > 0 {
			g := groupOf[m.ref-1]
			groups[g] = append(groups[g], m)
			groupOf[i] = g
			continue
		}
		// A title joins a group it is the same treaty as every title of: a
		// bare "cooperation agreement" is the prefix of two agreements with
		// their own subjects, which stay two.
		placed := false
		for g := range groups {
			same := false
			for _, o := range groups[g] {
				if o.ref > 0 {
					continue
				}
				if !sameTreaty(m, o) {
					same = false
					break
				}
				same = true
			}
			if same {
				groups[g] = append(groups[g], m)
				groupOf[i] = g
				placed = true
				break
			}
		}
		if !placed {
			groupOf[i] = len(groups)
			groups = append(groups, []treatyMention{m})
		}
	}
	return groups
}

func sameTreaty(a, b treatyMention) bool {
	if prefix(a.words, b.words) || prefix(b.words, a.words) {
		return true
	}
	if a.quoted && b.quoted || a.kind != b.kind {
		return false
	}
	ca, cb := content(a.subject(), a.names), content(b.subject(), b.names)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	n := 0
	for w := range ca {
		if cb[w] {
			n++
		}
	}
	// Two titles that each end on a word the other lacks name two subjects
	// (an agreement on cooperation in agriculture, another on cooperation in
	// tourism), whatever words of the kind they share.
	if la, lb := lastContent(a.subject(), a.names), lastContent(b.subject(), b.names); la != "" && lb != "" && !cb[la] && !ca[lb] {
		return false
	}
	// One shared word is enough only when a title has no other, and never
	// between a subject written before its noun and one written after it
	// (a cooperation agreement, an agreement of friendship and cooperation).
	one := n == min(len(ca), len(cb)) && (a.subj > 0) == (b.subj > 0)
	return 2*n >= min(len(ca), len(cb)) && (n >= 2 || one)
}

// subject returns the words of the title that tell its subject: those
// after its first word, or, where the subject comes before the noun, all
// but the noun's.
func (m treatyMention) subject() []string {
	if m.subj == 0 || m.subj+m.noun > len(m.words) {
		return m.words[1:]
	}
	return append(m.words[:m.subj:m.subj], m.words[m.subj+m.noun:]...)
}

// lastContent returns the last word of ws that content keeps, or "".
func lastContent(ws []string, names map[string]bool) string {
	for i := len(ws) - 1; i >= 0; i-- {
		if utf8.RuneCountInString(ws[i]) >= 4 && !names[ws[i]] {
			return ws[i]
		}
	}
	return ""
}

func prefix(p, s []string) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if p[i] != s[i] {
			return false
		}
	}
	return true
}

// content returns the words of at least four runes that are not names.
func content(ws []string, names map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range ws {
		if utf8.RuneCountInString(w) >= 4 && !names[w] {
			out[w] = true
		}
	}
	return out
}

// treatyID is a stable key from a title's folded words after the pack's key
// prefix: the first six words, and a hash of the whole title when it is
// longer.
func treatyID(keyPrefix string, words []string) string {
	head := words
	if len(head) > 6 {
		head = head[:6]
	}
	id := "treaty:" + keyPrefix + strings.Join(head, "-")
	if len(words) > 6 {
		h := fnv.New32a()
		h.Write([]byte(strings.Join(words, " ")))
		id += fmt.Sprintf("-%08x", h.Sum32())
	}
	return id
}

// inVenue reports a token inside a venue's name (the National Convention
// Centre): a treaty noun there names no document.
func (r *run) inVenue(i int) bool {
	if !r.taken[i] {
		return false
	}
	for _, m := range r.ments {
		if m.typ == schema.Venue && m.start <= i && i < m.end {
			return true
		}
	}
	return false
}

// secondParty returns, where the article is a word of its own and names
// are capitalised, the end of the second party of a title written after a
// list separator and the article (between Bahrain and the Philippines,
// between Egypt's authority … and the National Library of Tajikistan):
// the title from token i holds a between word before token k and no comma
// between it and k. Else k.
func (r *run) secondParty(i, k int) int {
	if !r.x.articleWord || !r.x.lang.Capitalised || k+2 >= len(r.toks) || !r.word(k, wSeparator) || r.toks[k+1].S != r.x.article {
		return k
	}
	b := -1
	for j := i; j < k; j++ {
		if r.word(j, wBetween) {
			b = j
		} else if b >= 0 && r.toks[j].S == "," {
			return k
		}
	}
	if b < 0 {
		return k
	}
	if m, ok := r.mentionAt(k + 2); ok && partyType[r.ments[m].typ] {
		return r.ments[m].end
	}
	if e := r.bodyNames(k + 2); e > k+2 {
		return e
	}
	return k
}

// shortNameInParens returns, where names are capitalised, the end of a
// short name of two capitalised words in parentheses opening at token j
// (the Export-Import Bank of Thailand (EXIM Bank)); else j.
func (r *run) shortNameInParens(j int) int {
	if !r.x.lang.Capitalised || j+3 >= len(r.toks) || r.toks[j].S != "(" || r.toks[j+3].S != ")" {
		return j
	}
	for i := j + 1; i <= j+2; i++ {
		if !r.toks[i].Word || !r.capital(i) {
			return j
		}
	}
	return j + 4
}

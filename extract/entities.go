package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// typeRank orders entity types when two gazetteer names cover the same words.
func typeRank(typ string) int {
	switch typ {
	case schema.Country:
		return 0
	case schema.City:
		return 1
	case schema.Organization:
		return 2
	case schema.Venue:
		return 3
	case schema.Person:
		return 4
	}
	return 0 // as a missing key of a map
}

// entities finds every entity mention: gazetteer names (longest first), persons
// after titles and honorifics, short references, venues and treaties.
func (r *run) entities() {
	r.gazetteer()
	r.inferYear(r.x.today)
	r.titled()
	r.shorts()
	r.linkedNames()
	r.appositiveNames()
	r.pairAppositives()
	r.portfolioHolders()
	r.listLineNames()
	r.countryItems()
	if r.x.lang.Capitalised {
		r.shorts() // the surnames of the names read from appositions (Shaheeb and Kumar signed)
	}
	r.fuzzyPersons()
	r.venues()
	r.treaties()
	r.markTreatyTokens()
	r.acronymOrgs()
	r.orgs()
	r.sortMentions()
}

// capital reports whether token i may start a name by its case: always in a
// language that writes names with no capital, else when its first letter
// is a capital (WHO and US, not who and us).
func (r *run) capital(i int) bool {
	return !r.x.lang.Capitalised || unicode.IsUpper(r.orig[r.text.Offsets[r.toks[i].Start]])
}

// gazetteer takes gazetteer matches, longest first, never overlapping.
func (r *run) gazetteer() {
	cands := r.buf.cands[:0]
	for _, h := range r.hits {
		if h.kind == kGaz {
			cands = append(cands, h)
		}
	}
	r.buf.cands = cands
	slices.SortStableFunc(cands, func(a, b hit) int {
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return cmp.Compare(lb, la)
		}
		// الملك فيليب السادس: of two names as long, the one that does not
		// start with a title word (الملك فيليب, another king's) first.
		if ta, tb := r.titleWord(a.start), r.titleWord(b.start); ta != tb {
			if tb {
				return -1
			}
			return 1
		}
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.clitic != b.clitic {
			return cmp.Compare(a.clitic, b.clitic)
		}
		return cmp.Compare(typeRank(r.x.entries[a.lx.ref].Type), typeRank(r.x.entries[b.lx.ref].Type))
	})
	var ctx placeContext     // read on the first shared name
	shared := [2]int{-1, -1} // the tokens of the shared name read last
	for i, h := range cands {
		if r.anyTaken(h.start, h.end) || shared == [2]int{h.start, h.end} || !r.capital(h.start) {
			continue
		}
		if alts := alternatives(cands, i); len(alts) > 1 || r.x.sharedCity[h.ref] || h.lx.sub == subReference {
			if len(alts) == 0 {
				alts = []hit{h}
			}
			shared = [2]int{h.start, h.end}
			var ok bool
			if h, ok = r.resolve(alts, &ctx); !ok {
				continue
			}
		}
		if h.def && h.end-h.start == 1 && r.adjAsWritten(h.start) {
			continue // البوروندي: the adjective, not ال + بوروندي
		}
		if h.def && !h.restored && h.end-h.start == 1 && r.endsWith(h.start, wFeminine) {
			continue // المالية is no ال + ماليه: a feminine noun, not a bare name
		}
		e := r.x.entries[h.lx.ref]
		if r.misread(h, e) {
			continue
		}
		if e.Type == schema.City && r.x.lang.Capitalised && (r.honorificBefore(h.start) && r.plain(h.end) || r.titledName(h.start-1)) {
			continue // Ms. Sofia Tesfamariam, Deputy Foreign Minister Marcelino Medina: a name, not the city
		}
		if e.Type == schema.Venue && r.officeOf(h.start) {
			continue // رئيس الديوان الملكي، وزير شؤون الديوان الأميري: a title's body, no place
		}
		if e.Type == schema.Person && r.inLongerNasab(h) {
			continue // عبدالعزيز بن عبدالله بن عبدالعزيز holds عبدالله بن عبدالعزيز, and is someone else
		}
		if h.end-h.start > 1 && r.tokIn(h.end-1, wFunction) {
			continue // شي آن must not eat "شي أن"
		}
		if e.Type == schema.Person && r.runes(h.start)-h.clitic < 3 && h.end-h.start == 1 {
			continue // one short token (شي) is a name only after a title
		}
		a := r.entity(e.ID, e.Type, e.Name, e)
		if e.Type == schema.Person && h.clitic == 0 {
			if k := r.nasabBefore(e, h.start, h.end); k < h.start {
				r.addMention(a, k, h.end, r.conjOnName(k), false, mention{})
				continue
			}
		}
		r.addMention(a, h.start, h.end, h.clitic, h.restored, mention{})
	}
}

// officeOf reports whether a name starting at token i is the body of a
// title: inside a title, right after one, or after a portfolio lead.
func (r *run) officeOf(i int) bool {
	if r.inTitle(i) || i > 0 && r.tokIn(i-1, wPortfolioLead) {
		return true
	}
	th, _ := r.titleEnding(i)
	return th
}

// titleWord reports a title or an honorific starting at token i.
func (r *run) titleWord(i int) bool {
	if r.tokIn(i, wHonorific) {
		return true
	}
	_, ok := r.hitAt(i, kTitle)
	return ok
}

// inLongerNasab reports a person's name that a longer name goes on with
// through a patronymic: a patronymic right before it (… بن عبدالله بن
// عبدالعزيز), or, for a name of two words or more with a link other than a
// name prefix, a patronymic or a plain name word right after it (أحمد بن
// عبدالعزيز قطان).
func (r *run) inLongerNasab(h hit) bool {
	if h.start > 0 && r.tokIn(h.start-1, wPatronymic) {
		return true
	}
	if h.end >= len(r.toks) {
		return false
	}
	if r.tokIn(h.end, wPatronymic) {
		return true
	}
	linked := false
	for k := h.start; k < h.end; k++ {
		// a link to a father or a family (بن، آل), not a name's prefix
		// (عبد الفتاح السيسي صورة: the name ends before the noun)
		linked = linked || r.tokIn(k, wNameLink) && !r.tokIn(k, wNamePrefix)
	}
	return linked && r.plain(h.end) && !r.definite(r.toks[h.end].S) && !r.articled(r.toks[h.end].S)
}

// adjAsWritten reports a nationality adjective over token i as written,
// with no proclitic stripped.
func (r *run) adjAsWritten(i int) bool {
	for _, hi := range r.at[i] {
		if h := r.hits[hi]; h.kind == kAdj && h.clitic == 0 && h.end == i+1 {
			return true
		}
	}
	return false
}

func (r *run) anyTaken(s, e int) bool {
	for k := s; k < e; k++ {
		if r.taken[k] {
			return true
		}
	}
	return false
}

// mentionAt returns the mention starting at token i.
func (r *run) mentionAt(i int) (int, bool) {
	if i < 0 || i >= len(r.mstart) || r.mstart[i] == 0 {
		return 0, false
	}
	return r.mstart[i] - 1, true
}

// mentionEndingAt returns the mention whose last token is i-1 (or i-2 when
// a comma stands between).
func (r *run) mentionBefore(i int) (int, bool) {
	for _, j := range []int{i - 1, i - 2} {
		if j < 0 {
			return 0, false
		}
		if r.mend[j+1] > 0 {
			return r.mend[j+1] - 1, true
		}
		if r.toks[j].S != "," {
			return 0, false
		}
	}
	return 0, false
}

// plain reports whether token i is an ordinary word: not part of an entity, a
// title, a trigger, a date or any word list the extractor reads.
func (r *run) plain(i int) bool {
	if i >= len(r.toks) || !r.toks[i].Word || r.taken[i] {
		return false
	}
	t := r.toks[i].S
	if t[0] >= '0' && t[0] <= '9' || r.runes(i) < 2 {
		return false
	}
	if !r.capital(i) {
		return false // a language that writes names with a capital: a small letter starts none
	}
	spelledApart := r.tokIn(i, wMaqsura) && !norm.HasAlefMaqsura(r.span(i, i+1, 0).Text)
	// Sultan Al-Shamsy, Sultan bin Saad: a given name kept out of names
	// as a title starts one before a name link (linkAfterGiven).
	given := r.x.lang.Capitalised && r.tokIn(i, wGivenName) && r.linkAfterGiven(i+1)
	if r.tokIn(i, wNameStop) && !spelledApart && !given || r.tokIn(i, wHonorific) {
		return false
	}
	for _, hi := range r.at[i] {
		h := r.hits[hi]
		switch h.kind {
		case kTrigger:
			if h.clitic > 0 && r.tokIn(i, wGivenName) {
				continue // فيصل: a given name, whatever ف + يصل reads
			}
			return false
		case kTitle:
			if given || i > 0 && r.tokIn(i-1, wNameLink) && r.tokIn(i, wGivenName) {
				continue // فهد بن سلطان: after a name link a given name, not a title
			}
			return false
		case kDate, kEvent, kTreaty, kAdj, kModality, kRef, kVenue:
			return false
		case kWord:
			if l := h.lx.ref - 1; l == int(wHonorific) || (l == int(wClause) && !r.capitalInside(i) || l == int(wNameStop) && !spelledApart && !given) && !r.foldApart(i, h) {
				return false
			}
		}
	}
	return true
}

// linkAfterGiven reports a name link at token k that makes the given name
// before it the first word of a name, not a title: a patronymic (bin), or
// another link written with a capital (Al).
func (r *run) linkAfterGiven(k int) bool {
	return k < len(r.toks) && (r.tokIn(k, wPatronymic) || r.tokIn(k, wNameLink) && r.capital(k))
}

// titledName reports a given name at token k right after a title (Deputy
// Foreign Minister Marcelino …): what follows it is the rest of a name.
func (r *run) titledName(k int) bool {
	if k < 1 || !r.plain(k) {
		return false
	}
	for j := max(0, k-4); j < k; j++ {
		if h, ok := r.hitAt(j, kTitle); ok && h.end == k {
			return true
		}
	}
	return false
}

// honorificBefore reports an honorific right before token i (Mr., Ms.),
// its abbreviation's stop included.
func (r *run) honorificBefore(i int) bool {
	k := i - 1
	if k >= 0 && !r.toks[k].Word && r.toks[k].S == "." {
		k--
	}
	for j := max(0, k-2); j <= k; j++ {
		if h, ok := r.wordAt(j, wHonorific); ok && h.end == k+1 {
			return true
		}
	}
	return false
}

// capitalInside reports a word written with a capital inside a sentence,
// in a language that writes names with a capital: a word of a list written
// in small letters (said) is then a name (al-Said).
func (r *run) capitalInside(i int) bool {
	if !r.x.lang.Capitalised || !r.capital(i) {
		return false
	}
	si := r.sentenceOf(i)
	return si >= 0 && si < len(r.sents) && r.sents[si].start < i
}

// foldApart reports a name stop found at token i after a proclitic whose
// written form keeps the letters that folding changes in the stop (فان is
// Van, not فإن).
func (r *run) foldApart(i int, h hit) bool {
	if h.clitic == 0 {
		return false
	}
	rest := r.toks[i].S
	for n := 0; n < h.clitic && rest != ""; n++ {
		_, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
	}
	if e := r.x.lex.info(rest); e == nil || !e.lists.has(wFoldApart) {
		return false
	}
	text := r.span(i, i+1, 0).Text
	return norm.Fold(text) == text
}

// nameAt reads a person's name starting at token i: up to four name words,
// joined by name links (بن، عبد، آل), a word with the article only after a link
// or as the last word. It returns the end token, or i when there is no name.
func (r *run) nameAt(i int) int {
	if i < len(r.toks) && r.tokIn(i, wPatronymic) {
		return i // بن عبد العزيز: the rest of a name, not one
	}
	if h, ok := r.wordAt(i, wGovernment); ok && h.start == i {
		return i // حكومة الإقليم، بحكومة الوحدة: a government, no name
	}
	words, k := 0, i
	for k < len(r.toks) && words < 4 {
		t := r.toks[k].S
		if k > i && r.joined(k) && r.plainName(k+1) {
			k++ // شتوكل-شتيلفريد: a hyphen with no space joins two names
			continue
		}
		if k > i && r.joined(k) && r.syllable(k+1) {
			k += 2 // Kim Keon-hee
			continue
		}
		if k > i && r.x.lang.Capitalised && apostropheJoins(r.toks, k) && (r.plainName(k+1) || r.syllable(k+1)) {
			k += 2 // Ma'ruf Amin, O'Brien: an apostrophe with no space inside a name word
			continue
		}
		if k > i && r.middleInitial(k) && (r.plainName(k+2) || r.middleInitial(k+2)) {
			k += 2 // Retno L. P. Marsudi, William J. Burns: initials inside a name
			continue
		}
		if k > i && r.toks[k].Word && !r.taken[k] && r.capital(k) && r.joined(k+1) && r.syllable(k+2) {
			k += 3 // Lee In-young: a given name whose first syllable is a word kept out of names
			words++
			continue
		}
		if r.particleAt(i, k) {
			k++ // جي في سرينيفاس، كاسبار فان فيلدن: though في and ف+أن are name stops
			words++
			continue
		}
		if r.toks[k].Word && r.tokIn(k, wNameLink) && k > i {
			if k+1 < len(r.toks) && (r.plainName(k+1) || r.linkedWord(k+1)) {
				k++
				continue
			}
			if r.joined(k+1) && r.plainName(k+2) {
				k += 2 // al-Sudani: a link joined to the name word by a hyphen
				continue
			}
			if r.joined(k+1) && r.linkedWord(k+2) {
				k += 3 // Al-Sheikh: joined to a word read elsewhere as an honorific
				words++
				continue
			}
			break
		}
		afterLink := k > i && r.tokIn(k-1, wNameLink)
		if k > i && !afterLink && r.honorificInName(k) {
			k++ // عبد الله سليمان الشيخ سيديا، الحسين سيدي عبد الله الديه
			words++
			continue
		}
		if !r.plainName(k) && !(afterLink && r.linkedWord(k)) {
			if words >= 2 && r.familyName(k) {
				k++ // علي جراح الصباح: a family name that is also a common word
			}
			break
		}
		if k > i && r.tokIn(k, wNameCompound) {
			k++ // سراج الدين
			continue
		}
		if k > i && !afterLink && r.startsWithList(k, wConjunction) && r.runes(k) > 3 && !r.tokIn(k, wGivenName) && r.plainName(k+1) {
			break // و+word and a name word after it start the next item of a list; a surname (واندايي) ends the name
		}
		if r.startsWithList(k, wPrepClitic) && !r.tokIn(k, wGivenName) && (k == i && r.cliticStripped(k) || words >= 2 && (r.cliticStripped(k) || r.word(k, wNameStop))) {
			break // لرئيسة، لحركة: a preposition on a noun, not a name (nor its end: X Y بتسليم، بتصريح)
		}
		if k > i && r.startsWithList(k, wConjunction) && !r.tokIn(k, wPronoun) && r.word(k, wPronoun) {
			break // مكرم جبر وهو يرتدي: a pronoun (with a conjunction) starts a clause
		}
		if k == i && r.definiteClitic(t) {
			break // للجنة، بالرئيس: not a name
		}
		if k == i && r.nounEnded(k) {
			break // تنمية الموارد، بعلاقات الصداقة: a noun, not a given name
		}
		if k == i && r.tokIn(k, wPronoun) && k+1 < len(r.toks) && r.articled(r.toks[k+1].S) {
			break // هي الأولى: a pronoun and its predicate
		}
		if r.articled(t) && !afterLink && !r.foldedInitial(k) {
			if r.articledGiven(i, k) {
				k++
				words++
				continue
			}
			if k == i {
				break
			}
			k++ // a nisba (العيبان، المالكي) ends the name, or a family name after it
			words++
			if r.word(k, wFamilyName) && !r.taken[k] {
				k++ // محمد عبدالله المبارك الصباح
			}
			break
		}
		k++
		words++
	}
	if words == 1 && k == i+1 {
		// A one-word name must end a clause: "وزير الخارجية سوجيونو.", and
		// have three letters at least (استقبال الرئيس له.).
		if (k < len(r.toks) && r.toks[k].Word || r.runes(i) < 3) && !r.styledOf(k) {
			return i
		}
	}
	if k > i+1 && r.startsWithList(i, wConjunction) && r.articled(r.toks[i+1].S) {
		return i // وشؤون المغتربين: the next item of a portfolio
	}
	if k > i+1 && r.x.lang.Capitalised && r.abbrevStop(k) {
		k++ // Surangel Whipps Jr.: the stop of a shortened last word is the name's
	}
	return k
}

// nounEnded reports a word at token k with the ending of a feminine or plural
// noun (noun_endings) that no given name list holds: an unknown name does not
// start with it.
// The ending is compared as written, before folding: folded, the feminine
// ending of تنمية is also the last letter of عبده.
func (r *run) nounEnded(k int) bool {
	if !r.toks[k].Word || !r.endsWith(k, wNounEnding) || r.tokIn(k, wGivenName) || r.tokIn(k, wArticledGiven) {
		return false
	}
	w := []rune(r.span(k, k+1, 0).Text)
	for len(w) > 0 && norm.Fold(string(w[len(w)-1])) == "" {
		w = w[:len(w)-1] // diacritics and tatweel after the ending
	}
	for _, suf := range r.x.lang.Words[listPurpose[wNounEnding]] {
		if strings.HasSuffix(string(w), suf) {
			return true
		}
	}
	return false
}

// honorificInName reports a one-word honorific at token k between two name
// words: written inside a name (سليمان الشيخ سيديا، الحسين سيدي عبد الله),
// it is one of the name's words, not the title of a second person.
func (r *run) honorificInName(k int) bool {
	if !r.toks[k].Word || !r.tokIn(k, wHonorific) || k+1 >= len(r.toks) || !r.toks[k+1].Word || r.tokIn(k+1, wHonorific) {
		return false
	}
	if h, ok := r.wordAt(k, wHonorific); !ok || h.start != k || h.end != k+1 || h.clitic > 0 {
		return false // صاحب السمو: an honorific of more words, or one with a conjunction (والسيد)
	}
	return r.plainName(k+1) && !r.articled(r.toks[k+1].S) || r.tokIn(k+1, wNameLink)
}

// articledGiven reports a given name written with the article
// (articled_given_names: الحسين، الحافظ) at token k, the first word of the
// name read from token i: it starts the name, where a word with the article
// otherwise starts none.
func (r *run) articledGiven(i, k int) bool {
	return k == i && r.tokIn(k, wArticledGiven)
}

// styledOf reports, where names are capitalised, a title link and a country
// at token k, after the one word of a name (Queen Maxima of the Netherlands,
// King Abdullah of Jordan): the name ends before the link.
func (r *run) styledOf(k int) bool {
	if !r.x.lang.Capitalised || !r.tokIn(k, wTitleLink) {
		return false
	}
	j := k + 1
	if r.tokIn(j, wFunction) {
		j++
	}
	return j < len(r.toks) && r.countryAt(j)
}

// familyName reports a word with the article at token k whose only reading
// is a name stop after the article (الصباح: the morning, and the Al-Sabah
// family) and after which no date or time word comes: the last word of a
// name of two words or more.
func (r *run) familyName(k int) bool {
	if k >= len(r.toks) || !r.toks[k].Word || r.taken[k] || !r.articled(r.toks[k].S) {
		return false
	}
	if r.word(k, wFamilyName) {
		return true
	}
	if r.tokIn(k, wNameStop) || r.tokIn(k, wHonorific) {
		return false
	}
	for _, hi := range r.at[k] {
		h := r.hits[hi]
		if h.kind != kWord || h.lx.ref-1 != int(wNameStop) {
			return false
		}
	}
	if k+1 < len(r.toks) {
		if _, ok := r.hitAt(k+1, kDate); ok {
			return false
		}
	}
	return true
}

// particleAt reports whether token k, in a name starting at token i, is a
// Latin initial (إس، جي، في) or a particle (فان، فون، دي) of a foreign name,
// followed by a name word or another one. After the initials that begin a
// name, any may follow; after a name word, only one that is no name stop (في،
// إن) and is written with no hamza (فإن is no فان).
func (r *run) particleAt(i, k int) bool {
	if !r.tokIn(k, wParticle) || k+1 >= len(r.toks) || !r.toks[k+1].Word || k == i && r.tokIn(k, wNameStop) {
		return false
	}
	initials := true
	for j := i; j < k; j++ {
		initials = initials && r.tokIn(j, wParticle)
	}
	if !initials && (r.tokIn(k, wNameStop) || norm.HasHamzaAlef(r.span(k, k+1, 0).Text)) {
		return false
	}
	return r.tokIn(k+1, wParticle) || r.plainName(k+1)
}

// foldedInitial reports a token whose first letter folding changed (إليزابيث
// folds to a word that looks like it has the article, but has none).
func (r *run) foldedInitial(k int) bool {
	a, _ := utf8.DecodeRuneInString(r.span(k, k+1, 0).Text)
	b, _ := utf8.DecodeRuneInString(r.toks[k].S)
	return a != b
}

// joined reports a hyphen at token k written with no space on either side.
func (r *run) joined(k int) bool {
	return k+1 < len(r.toks) && !r.toks[k].Word && r.toks[k].S == "-" &&
		r.toks[k-1].End == r.toks[k].Start && r.toks[k].End == r.toks[k+1].Start
}

// middleInitial reports, where names are capitalised, a capital letter
// with a full stop right after it at token k: an initial.
func (r *run) middleInitial(k int) bool {
	return r.x.lang.Capitalised && k+2 < len(r.toks) && r.toks[k].Word && !r.taken[k] && r.runes(k) == 1 && r.capital(k) &&
		!r.toks[k+1].Word && r.toks[k+1].S == "." && r.toks[k].End == r.toks[k+1].Start
}

// syllable reports, where names are capitalised, a word in small letters
// written right after a hyphen inside a name: the second syllable of a
// given name (Moon Jae-in, Kim Keon-hee, Lee Jae-myung), read with the
// first.
func (r *run) syllable(k int) bool {
	if !r.x.lang.Capitalised || k >= len(r.toks) || !r.toks[k].Word || r.taken[k] || r.capital(k) {
		return false
	}
	n := utf8.RuneCountInString(r.toks[k].S)
	return n >= 2 && n <= 5 && !r.tokIn(k, wFunction) && len(r.at[k]) == 0
}

// contracted reports a word that starts with a contraction of a preposition
// and the article (لل).
func (r *run) contracted(w string) bool {
	for _, c := range r.x.lists[wArticleContraction] {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// definiteClitic reports a word starting with a proclitic that ends in the
// article, or with لل.
func (r *run) definiteClitic(w string) bool {
	for _, p := range r.x.lex.proclitics {
		if len(p) < len(w) && strings.HasPrefix(w, p) && (strings.HasSuffix(p, r.x.article) || r.contracted(p)) && p != r.x.article {
			return true
		}
	}
	return false
}

// knownAt matches, at token j, the words of a person already mentioned (the
// full name again, or its beginning). It returns the person and the end token.
func (r *run) knownAt(j int) (string, int) {
	best, bestEnd := "", j
	for _, m := range r.ments {
		if m.typ != schema.Person || m.title || m.start >= j {
			continue
		}
		n := m.end - m.start
		k := 0
		for k < n && j+k < len(r.toks) && r.toks[j+k].S == r.toks[m.start+k].S {
			k++
		}
		if k == n || (k >= 2 && k == n-1) {
			if j+k > bestEnd {
				best, bestEnd = m.id, j+k
			}
		}
	}
	return best, bestEnd
}

func (r *run) plainName(i int) bool { return r.plain(i) }

// slug joins the folded words of tokens [s, e) with dashes.
// newKey returns the provisional key of an entity of kind (person, org,
// venue) the gazetteer lacks, named by tokens [s, e): the pack's key prefix
// and the slug of its name.
func (r *run) newKey(kind string, s, e, clitic int) string {
	return kind + ":" + r.x.lang.KeyPrefix + r.slug(s, e, clitic)
}

func (r *run) slug(s, e, clitic int) string {
	var b strings.Builder
	joined := false // the word before is a name prefix (عبد): عبد العزيز is عبدالعزيز
	for k := s; k < e; k++ {
		if !r.toks[k].Word {
			continue
		}
		w := r.toks[k].S
		if k == s && clitic > 0 {
			w = string([]rune(w)[clitic:])
		}
		if b.Len() > 0 && !joined {
			b.WriteByte('-')
		}
		b.WriteString(w)
		joined = k+1 < e && r.word(k, wNamePrefix) && r.toks[k+1].Word && strings.HasPrefix(r.toks[k+1].S, r.x.article)
	}
	return b.String()
}

// endsWith reports whether token i ends with a suffix of the word list l.
func (r *run) endsWith(i int, l list) bool {
	for _, suf := range r.x.lists[l] {
		if strings.HasSuffix(r.toks[i].S, suf) {
			return true
		}
	}
	return false
}

// misread reports a one-word gazetteer name that the words around it show to
// be something else: an organisation's short name that is also a nationality
// adjective agreeing with a definite noun before it ("العاصمة العمانية"), or
// a city name followed by the adjective of another country (a dual noun:
// "العلمين التركي والفلسطيني", the two flags).
func (r *run) misread(h hit, e *schema.Entry) bool {
	if h.end-h.start != 1 {
		return false
	}
	switch e.Type {
	case schema.Organization:
		_, adj := r.hitAt(h.start, kAdj)
		return adj && h.clitic == 0 && h.start > 0 && r.toks[h.start-1].Word && r.definite(r.toks[h.start-1].S)
	case schema.City:
		a, ok := r.hitAt(h.end, kAdj)
		return ok && e.Country != "" && r.x.entries[a.lx.ref].ID != e.Country
	}
	return false
}

// definite reports a word with the article, after at most one proclitic
// letter (العاصمة، بالعاصمة), or starting with لل.
func (r *run) definite(w string) bool {
	if r.articled(w) || r.contracted(w) {
		return true
	}
	// More than three runes, the article after the first: read in place
	// rather than from []rune(w).
	if !runesAtLeast(w, 4) {
		return false
	}
	if _, n := utf8.DecodeRuneInString(w); !r.articled(w[n:]) {
		return false
	}
	// A one-letter proclitic before the article (بالعاصمة), not a word
	// whose second letters happen to spell it (خالد).
	for _, p := range r.x.lex.procliticsOf(w) {
		if utf8.RuneCountInString(p) == 1 && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// linkedWord reports a word that is a name after a name link though it reads
// as an honorific or a title elsewhere: آل الشيخ، بن سلطان.
func (r *run) linkedWord(k int) bool {
	if !r.toks[k].Word || r.taken[k] || r.tokIn(k, wNameStop) {
		return false
	}
	_, hon := r.wordAt(k, wHonorific)
	_, title := r.hitAt(k, kTitle)
	return hon || title
}

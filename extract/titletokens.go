package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// possessiveIn returns the number of tokens of a possessive ending at token
// k inside a title that starts at token i (the pack's possessives: Egypt's,
// the People's), or 0. The ending is written with no space after a word and
// a word follows it: the title goes on with what the possessor owns. A
// plural whose word already ends with the letters of the ending writes its
// mark alone (the two countries’ relations), unless a quote opened inside
// the title is closed by it. A title after the ending (Germany's
// Ambassador X) is a person's, no part of the document's.
func (r *run) possessiveIn(i, k int) int {
	if k <= i || k+1 >= len(r.toks) || r.toks[k].Word || !r.toks[k-1].Word || r.toks[k-1].End != r.toks[k].Start {
		return 0
	}
	owned := func(j int) bool {
		if j >= len(r.toks) || !r.toks[j].Word {
			return false
		}
		_, title := r.hitAt(j, kTitle)
		return !title
	}
	for _, p := range r.x.lists[wPossessive] {
		rest := strings.TrimPrefix(p, r.toks[k].S)
		if rest == p || rest == "" {
			continue
		}
		if next := r.toks[k+1]; next.Word && next.S == rest && next.Start == r.toks[k].End && owned(k+2) {
			return 2
		}
	}
	if owned(k+1) && r.pluralPossessive(k) && !r.quoteOpen(i, k, r.toks[k].S) {
		return 1
	}
	return 0
}

// quoteOpen reports a mark written before a word, with no space after it,
// between tokens i and k: a quote the mark at k may close.
func (r *run) quoteOpen(i, k int, mark string) bool {
	for j := i; j < k; j++ {
		if !r.toks[j].Word && r.toks[j].S == mark && j+1 < len(r.toks) && r.toks[j+1].Start == r.toks[j].End &&
			(j == 0 || r.toks[j-1].End < r.toks[j].Start) {
			return true
		}
	}
	return false
}

// documentInTitle reports, where the article is a word, a treaty noun at
// token k inside a title begun at token i that names the document the
// title is about: after a treaty link that is no list separator (a MoU on
// Youth Exchange Programme), or after the article and words of its
// own name (implementation of the Road Transport Agreement, amending the
// intergovernmental Agreement on …); after a link, the words of a name
// before the noun are capitalised. The article after a list separator
// starts the next document of a list.
func (r *run) documentInTitle(i, k int) bool {
	if !r.x.articleWord || k <= i {
		return false
	}
	j := k - 1
	for j > i && (r.toks[j].Word && r.toks[j].S != r.x.article && !r.tokIn(j, wTreatyLink) && !r.tokIn(j, wFunction) &&
		!r.tokIn(j, wSeparator) && !r.tokIn(j, wTreatyStop) && !r.taken[j] || r.joined(j)) {
		j--
	}
	if j < i || !r.toks[j].Word || r.tokIn(j, wSeparator) {
		return false
	}
	if r.toks[j].S == r.x.article {
		return j > i && j < k-1 && !r.tokIn(j-1, wSeparator) && r.toks[j-1].Word
	}
	if !r.tokIn(j, wTreatyLink) {
		return false
	}
	for m := j + 1; m < k; m++ {
		if r.toks[m].Word && !r.capital(m) {
			return false // on trade cooperation agreement: no name of its own
		}
	}
	return true
}

// nameOfDocument reports, where names are capitalised, a capitalised word at
// token k that starts or goes on with the name of a document inside a title
// begun at token i (documentInTitle): a trigger there (the Cultural Exchange
// Programme) is a word of that name, no verb.
func (r *run) nameOfDocument(i, k int) bool {
	if !r.x.lang.Capitalised || !r.x.articleWord {
		return false
	}
	for m := k; m < len(r.toks) && m < k+maxTitle && r.toks[m].Word && r.capital(m); m++ {
		if _, ok := r.hitAt(m, kTreaty); ok && m > k {
			return r.documentInTitle(i, m)
		}
	}
	return false
}

// numberMark reports a mark of number_marks at token k written with no
// space between two numbers (1.82, 50,000): one number, inside a title.
func (r *run) numberMark(k int) bool {
	return k > 0 && k+1 < len(r.toks) && !r.toks[k].Word && r.x.in(wNumberMark, r.toks[k].S) &&
		isDigits(r.toks[k-1].S) && isDigits(r.toks[k+1].S) &&
		r.toks[k-1].End == r.toks[k].Start && r.toks[k].End == r.toks[k+1].Start
}

// lowerList returns, where names are capitalised and the article is a
// word, the token after the list separator that ends a list of subjects in
// small letters a title goes on with at the comma at token k (on economic,
// trade, cultural and technical cooperation; in the fields of culture,
// education and science): items of one to three such words, each after a
// comma, the last after a word of list_separators; else k. The title goes
// on from there as before. An item holds no name, function word, link,
// break, title, trigger or date.
func (r *run) lowerList(i, k int) int {
	if !r.x.lang.Capitalised || !r.x.articleWord || k <= i || r.toks[k].S != "," || !r.lowerItem(k-1) {
		return k
	}
	j := k
	for n := 0; n < 8; n++ {
		last := r.toks[j].Word && r.tokIn(j, wSeparator)
		if !last && r.toks[j].S != "," {
			return k
		}
		j++
		w := 0
		for w < 3 && r.lowerItem(j+w) {
			w++
		}
		if w == 0 {
			return k
		}
		if last {
			if !r.listEnd(j + w) {
				return k // … and sports Minister X said: the list ran into a clause
			}
			return j
		}
		j += w
		if j >= len(r.toks) {
			return k
		}
	}
	return k
}

// listEnd reports whether token k may follow the last item of a list in
// small letters: the end of the text, a mark, a link or a lead that goes on
// with the title, a break, a trigger, or a word of treaty_not_title (has,
// was).
func (r *run) listEnd(k int) bool {
	if k >= len(r.toks) || !r.toks[k].Word {
		return true
	}
	if r.tokIn(k, wTreatyLink) || r.word(k, wTreatyLead) || r.word(k, wTreatyStop) || r.word(k, wTreatyNotTitle) {
		return true
	}
	_, trig := r.hitAt(k, kTrigger)
	return trig
}

// lowerItem reports a word at token k that may be a subject of a list in
// small letters (lowerList).
func (r *run) lowerItem(k int) bool {
	if k < 0 || k >= len(r.toks) || !r.toks[k].Word || r.taken[k] || r.capital(k) || isDigits(r.toks[k].S) {
		return false
	}
	if r.tokIn(k, wFunction) || r.tokIn(k, wTreatyLink) || r.tokIn(k, wSeparator) || r.tokIn(k, wTreatyStop) || r.inDate(k) {
		return false
	}
	_, title := r.hitAt(k, kTitle)
	_, trig := r.hitAt(k, kTrigger)
	return !title && !trig
}

// acronymInside returns, where names are capitalised and the article is a
// word, the token after an acronym in parentheses at token k that a title
// in capitals goes on after in capitals, with a list separator or none
// (Sanitary and Phytosanitary (SPS) Cooperation; Small and Medium
// Enterprises (SMEs) and Cooperatives Development); else k. A name, a
// title, a trigger or a date after it ends the title there.
func (r *run) acronymInside(k int) int {
	if !r.x.lang.Capitalised || !r.x.articleWord || k == 0 || k+3 >= len(r.toks) || r.toks[k].S != "(" || r.toks[k+2].S != ")" ||
		!r.toks[k+1].Word || !r.toks[k-1].Word || !r.capital(k-1) || !r.capital(k+1) {
		return k
	}
	caps, ok := r.capitalsIn(k + 1)
	if !ok {
		return k
	}
	j := k + 3
	if r.toks[j].Word && r.tokIn(j, wSeparator) {
		j++
	}
	if caps < 2 || j >= len(r.toks) || !r.toks[j].Word || !r.capital(j) || r.taken[j] || r.inDate(j) {
		return k
	}
	if _, ok := r.hitAt(j, kTitle); ok {
		return k
	}
	if _, ok := r.hitAt(j, kTrigger); ok {
		return k
	}
	return k + 3
}

// verbAfterDefinite reports, where names are capitalised and the article
// is a word, a treaty noun from token i to e with the article right before
// it and a word in small letters after it that is no treaty lead, parties,
// year range, subject or participle of the pack's participle_endings (the
// agreement completes …, the MOU outlined …): the noun refers to a
// document and its clause goes on with the verb; no title follows it. A
// participle still names the document's subject (the treaty banning …).
func (r *run) verbAfterDefinite(i, e int) bool {
	if !r.x.lang.Capitalised || !r.x.articleWord || i == 0 || e >= len(r.toks) || r.toks[i-1].S != r.x.article {
		return false
	}
	for _, p := range r.x.lists[wParticipleEnding] {
		if w := r.toks[e].S; len(w) > len(p)+2 && strings.HasSuffix(w, p) {
			return false
		}
	}
	if !r.toks[e].Word || r.capital(e) || r.taken[e] || isDigits(r.toks[e].S) {
		return false
	}
	return !r.word(e, wTreatyLead) && !r.startsWithList(e, wTreatyLeadPrefix) && !r.partiesAt(e) && !r.yearRange(e) &&
		!r.tokIn(e, wTreatySubject)
}

// phraseAtLimit returns, where names are capitalised and the article is a
// word, the end of the noun phrase a title begun at token i is inside when
// it reaches its length limit at token k (… in the Southernmost Part of the
// | Melaka Straits; … of the two | countries; … in the Northern | Part of
// the Sulu Sea): after an article, a link, a function word or a count, or
// between two capitalised words, the title goes on over up to eight tokens:
// words that are no link, function word, break, trigger or person's name
// (a treaty noun only as the document the title is about), and a link with
// the article or none between two capitalised words; else k.
func (r *run) phraseAtLimit(i, k int) int {
	if !r.x.lang.Capitalised || !r.x.articleWord || k <= i || k >= len(r.toks) || !r.toks[k-1].Word || !r.toks[k].Word {
		return k
	}
	open := r.toks[k-1].S == r.x.article || r.tokIn(k-1, wTreatyLink) || r.tokIn(k-1, wFunction) || r.tokIn(k-1, wTreatyNum) ||
		r.capital(k-1) && r.capital(k)
	if !open {
		return k
	}
	j := k
	if r.toks[j].S == r.x.article {
		j++ // … for the Year of | the Dragon …
	}
	start := j
	for j < len(r.toks) && j < k+8 && r.toks[j].Word {
		if r.tokIn(j, wTreatyLink) && !r.tokIn(j, wSeparator) && j > k && r.capital(j-1) {
			n := j + 1
			if n < len(r.toks) && r.toks[n].S == r.x.article {
				n++
			}
			if n < len(r.toks) && r.toks[n].Word && r.capital(n) && n < k+8 {
				j = n // Part of the Sulu Sea: a name in capitals goes on
				continue
			}
			break
		}
		if r.tokIn(j, wFunction) || r.tokIn(j, wTreatyLink) || r.tokIn(j, wSeparator) || r.tokIn(j, wTreatyStop) {
			break
		}
		if _, ok := r.hitAt(j, kTrigger); ok {
			break
		}
		if m, ok := r.mentionAt(j); ok && r.ments[m].typ == schema.Person {
			break
		}
		if _, ok := r.hitAt(j, kTreaty); ok && !r.documentInTitle(i, j) {
			break
		}
		j++
	}
	if j == start {
		return k
	}
	return j
}

package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/schema"
)

// This file reads organisations the gazetteer does not list: a head noun of
// the pack's org_nouns (وزارة، هيئة، مصرف، معهد…) and the words that name it
// (وزارة النقل والبنية التحتية التركية، مصرف الإمارات العربية المتحدة
// المركزي). Such a body is kept only when a fact names it (a signing party):
// named in passing, or in a person's title, it is no entity of its own.

// maxOrg bounds an organisation's name in tokens.
const maxOrg = 10

// orgs finds organisation names after org nouns.
func (r *run) orgs() {
	for i := 0; i < len(r.toks); i++ {
		if r.taken[i] || !r.toks[i].Word {
			continue
		}
		h, ok := r.wordAt(i, wOrgNoun)
		if !ok || r.inTreaty[i] {
			continue
		}
		if r.inTitle(i) {
			continue // رئيس مجلس الوزراء: the body is part of a title
		}
		end := r.orgEnd(h.end)
		if end == h.end {
			continue
		}
		r.addOrg(i, end, h, false)
		i = end - 1
	}
	for _, b := range r.partyBodies {
		if h, ok := r.wordAt(b[0], wOrgNoun); ok {
			r.addOrg(b[0], b[1], h, true) // a party of a title: kept with it
		}
	}
}

// addOrg adds the organisation named by tokens [i, end), whose org noun is
// h; a party of a treaty title is kept with no fact naming it.
func (r *run) addOrg(i, end int, h hit, party bool) {
	// والمجلس الانتقالي: the name keeps its article, not the conjunction;
	// للمجلس has the article put back.
	cl, art := h.clitic, ""
	switch {
	case h.restored:
		art = r.x.article
	case h.def:
		cl -= utf8.RuneCountInString(r.x.article)
	}
	sp := r.span(i, end, cl)
	sp.Text = art + sp.Text
	a := r.entity("org:"+r.x.lang.KeyPrefix+art+r.slug(i, end, cl), schema.Organization, sp.Text, nil)
	a.Properties["provisional"] = true
	a.weak = true
	a.party = a.party || party
	for _, cut := range r.orgCuts(i, end) {
		a.aliases = append(a.aliases, art+r.span(i, cut, cl).Text)
	}
	m := mention{start: i, end: end, id: a.ID, typ: a.Type, weak: true}
	a.Mentions = append(a.Mentions, sp)
	a.aliases = append(a.aliases, sp.Text)
	if a.first < 0 || sp.Start < a.first {
		a.first = sp.Start
	}
	r.ments = append(r.ments, m)
}

// inTitle reports whether token i lies in a title that starts at most four
// tokens before it.
func (r *run) inTitle(i int) bool {
	for k := i; k >= 0 && k >= i-4; k-- {
		for _, hi := range r.at[k] {
			if h := r.hits[hi]; h.kind == kTitle && h.end > i {
				return true
			}
		}
	}
	return false
}

// orgEnd returns the end of an organisation's name whose head noun ends at
// token k: definite words (with a conjunction or a proclitic), nationality
// adjectives, the countries and cities it belongs to, "في" and a place; and
// right after the noun, indefinite words in construct that a definite word
// or a place closes (غرفة تجارة وصناعة عمان), else one indefinite word.
func (r *run) orgEnd(k int) int {
	end := k
	for j := k; j < len(r.toks) && j < k+maxOrg; {
		if !r.toks[j].Word {
			break
		}
		if _, ok := r.hitAt(j, kTrigger); ok {
			break
		}
		if _, ok := r.hitAt(j, kTitle); ok {
			break
		}
		if m, ok := r.mentionAt(j); ok {
			t := r.ments[m].typ
			if t != schema.Country && t != schema.City && t != schema.Organization {
				break
			}
			if j > k && r.startsWithList(j, wConjunction) && r.cliticStripped(j) {
				break // الصندوق السعودي للتنمية والجمهورية اليمنية: the next party
			}
			j = r.ments[m].end
			end = j
			continue
		}
		if r.taken[j] {
			break
		}
		if h, ok := r.hitAt(j, kAdj); ok {
			j = h.end
			end = j
			continue
		}
		if (r.word(j, wDateLead) || r.tokIn(j, wFunction)) && j+1 < len(r.toks) {
			if m, ok := r.mentionAt(j + 1); ok && (r.ments[m].typ == schema.City || r.ments[m].typ == schema.Country) {
				j = r.ments[m].end // هيئة تشجيع الاستثمار في الكويت
				end = j
				continue
			}
			break
		}
		w := r.toks[j].S
		// A body's name goes on over the adjectives that end a person's
		// (org_adjectives): جهاز الأمن الوطني، وزارة التعاون الدولي.
		if r.tokIn(j, wNameStop) && !(j > k && r.tokIn(j, wOrgAdjective)) || r.word(j, wClause) || r.tokIn(j, wSeparator) || r.tokIn(j, wFunction) {
			break
		}
		if _, ok := r.wordAt(j, wOrgNoun); ok && j > k {
			break // والمجلس التركي: the next body of a list
		}
		if r.articled(w) || r.definite(w) || r.definiteClitic(w) {
			j++
			end = j
			continue
		}
		if j == k && r.plain(j) {
			if e := r.constructChain(j); e > j {
				j = e // غرفة تجارة وصناعة عمان، وكالة دعم وتشجيع الاستثمارات التركية
				end = j
				continue
			}
			j++ // وزارة خارجية مصر: one indefinite word in construct
			end = j
			continue
		}
		break
	}
	return end
}

// linkWord reports a word that may stand inside a construct chain of a
// body's name: no trigger, title, place, list or clause word, no body of its
// own, nothing definite, no number.
func (r *run) linkWord(j int) bool {
	w := r.toks[j].S
	if w[0] >= '0' && w[0] <= '9' || r.runes(j) < 2 || r.articled(w) || r.definite(w) || r.definiteClitic(w) {
		return false
	}
	for _, kd := range []kind{kTrigger, kTitle, kAdj, kDate} {
		if _, ok := r.hitAt(j, kd); ok {
			return false
		}
	}
	if _, ok := r.mentionAt(j); ok {
		return false
	}
	if _, ok := r.wordAt(j, wOrgNoun); ok && j > 0 {
		return false
	}
	return !r.word(j, wClause) && !r.tokIn(j, wFunction) && !r.tokIn(j, wSeparator) && !r.word(j, wListBreak) && !r.word(j, wRelative)
}

// maxConstruct bounds the indefinite words of a construct chain in a body's
// name.
const maxConstruct = 4

// constructChain returns the end of a chain of indefinite words in
// construct after an org noun, starting at token k and joined by a
// conjunction at most (تجارة وصناعة، دعم وتشجيع), when a definite word, a
// nationality adjective or a place the gazetteer knows closes it, as it
// closes every construct chain: the token of that closing word. It returns
// k when nothing closes the chain.
func (r *run) constructChain(k int) int {
	for j := k; j < len(r.toks) && j < k+maxConstruct; j++ {
		if !r.toks[j].Word {
			return k
		}
		if m, ok := r.mentionAt(j); ok && j > k {
			if t := r.ments[m].typ; (t == schema.Country || t == schema.City) && !r.cliticStripped(j) {
				return j
			}
			return k
		}
		if r.taken[j] {
			return k
		}
		if j > k {
			if _, ok := r.hitAt(j, kAdj); ok {
				return k // a nationality adjective after an indefinite word: no closed chain
			}
			if w := r.toks[j].S; r.articled(w) && r.plain(j) {
				return j
			}
		}
		if !r.linkWord(j) {
			return k
		}
	}
	return k
}

// orgCuts returns the shorter names an organisation is also cited by: its
// name before a preposition and a place, or before its nationality.
func (r *run) orgCuts(s, e int) []int {
	var out []int
	for k := s + 2; k < e; k++ {
		if r.tokIn(k, wFunction) || r.word(k, wDateLead) {
			out = append(out, k)
			continue
		}
		if m, ok := r.mentionAt(k); ok && r.ments[m].typ == schema.Country && r.ments[m].end == e {
			out = append(out, k) // وزارة الأوقاف بجمهورية مصر العربية: the ministry of its country
			continue
		}
		if h, ok := r.hitAt(k, kAdj); ok && h.end == e {
			out = append(out, k)
		}
	}
	return out
}

// maxAcronymName bounds, in tokens, the name an acronym in parentheses
// abbreviates.
const maxAcronymName = 14

// acronymOrgs finds, where names are capitalised, organisations the text
// names in full before their acronym in parentheses: "the Judicial Service
// Commission (JSC)", "National Judicial Authority of India (NJAI)". The
// initials of the capitalised words before the parenthesis (all the letters
// of a word in capitals, each part of a hyphenated word) spell the acronym;
// the words between them are the pack's function words, portfolio leads and
// title links. The name must hold an org noun; a title or a name the
// gazetteer knows as a whole is left as it is.
func (r *run) acronymOrgs() {
	if !r.x.lang.Capitalised || !r.x.articleWord {
		return
	}
	for k := 1; k+2 < len(r.toks); k++ {
		if r.toks[k].S != "(" || r.toks[k+2].S != ")" || !r.toks[k+1].Word {
			continue
		}
		acr := []rune(r.span(k+1, k+2, 0).Text)
		if len(acr) < 2 || len(acr) > 8 || !allUpper(acr) {
			continue
		}
		s := r.acronymStart(k, acr)
		if s < 0 {
			continue
		}
		if m, ok := r.mentionAt(s); ok && r.ments[m].end == k {
			continue // United Arab Emirates (UAE): known as a whole
		}
		if h, ok := r.hitAt(s, kTitle); ok && h.end == k {
			continue // National Security Adviser (NSA): a title
		}
		noun := false
		for j := s; j < k && !noun; j++ {
			_, noun = r.wordAt(j, wOrgNoun)
		}
		if !noun {
			continue
		}
		sp := r.span(s, k, 0)
		a := r.entity("org:"+r.x.lang.KeyPrefix+r.slug(s, k, 0), schema.Organization, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, s, k, 0, false, mention{})
		a.aliases = append(a.aliases, string(acr))
	}
}

// acronymStart returns the first token of the name before the parenthesis
// at token k whose initials spell acr, or -1.
func (r *run) acronymStart(k int, acr []rune) int {
	var initials []rune // of the words from j to k, last word first
	for j := k - 1; j >= 0 && j >= k-maxAcronymName; j-- {
		t := r.toks[j]
		switch {
		case !t.Word && t.S == "-" && j > 0 && r.toks[j-1].Word:
			continue
		case !t.Word:
			return -1
		case r.tokIn(j, wFunction) || r.tokIn(j, wPortfolioLead) || r.tokIn(j, wTitleLink):
			continue
		case !r.capital(j):
			return -1
		}
		if m, ok := r.mentionAt(j); ok && r.ments[m].typ == schema.Person {
			return -1
		}
		w := []rune(r.span(j, j+1, 0).Text)
		if allUpper(w) {
			initials = append(initials, reversed(w)...)
		} else {
			initials = append(initials, unicode.ToUpper(w[0]))
		}
		if len(initials) > len(acr) {
			return -1
		}
		if len(initials) == len(acr) && equalReversed(initials, acr) {
			return j
		}
	}
	return -1
}

// allUpper reports runes that are all letters in capitals.
func allUpper(rs []rune) bool {
	for _, c := range rs {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return len(rs) > 0
}

// reversed returns rs in reverse order, in a new slice.
func reversed(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, c := range rs {
		out[len(rs)-1-i] = c
	}
	return out
}

// equalReversed reports whether rev, read backwards, equals rs.
func equalReversed(rev, rs []rune) bool {
	for i := range rs {
		if rev[len(rev)-1-i] != rs[i] {
			return false
		}
	}
	return true
}

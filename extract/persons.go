package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// titleChain is what precedes a name: titles, honorifics, a nationality
// adjective or a country name, "لدى X" for envoys.
type titleChain struct {
	start, end  int
	role        string
	principal   bool
	country     string
	titled      bool // at least one title (not only honorifics)
	adj         bool // a nationality adjective may follow
	counterpart bool
	portfolio   bool // a portfolio completes a title: its role names no one holder
	guest       bool // the counterpart is the guest (ضيفه), the visitor named first
	posted      bool // a posting follows (لدى القاهرة): the gazetteer's offices name no posting
}

// chainKinds returns the kinds of hits and the word lists whose phrases
// may start a title chain in a pack (Extractor.chainStarts, chainLists):
// titles, reference words and honorifics (and side markers, a list read as
// written or after a proclitic), and where qualifiers come first
// nationalities, names and qualifiers too.
func chainKinds(qualifiersFirst bool) (kinds uint32, lists listMask) {
	kinds = 1<<kTitle | 1<<kRef
	lists.add(wHonorific)
	if qualifiersFirst {
		kinds |= 1<<kAdj | 1<<kGaz
		lists.add(wQualifier)
	}
	return kinds, lists
}

// chainAt reads a title chain starting at token i.
func (r *run) chainAt(i int) (titleChain, bool) {
	c := titleChain{start: i, end: i}
	// Most tokens start no chain (r.mayChain: a title, a reference word, a
	// side marker, an honorific; in a pack that puts qualifiers first, a
	// nationality, a name or a qualifier too).
	if uint(i) >= uint(len(r.mayChain)) || !r.mayChain[i] {
		return c, false
	}
	j := i
	if r.x.lang.QualifiersFirst {
		j = r.qualifierFirst(&c, j)
	}
	for j < len(r.toks) {
		if h, ok := r.hitAt(j, kTitle); ok && !h.def && !r.taken[j] && (h.clitic == 0 || j == i) && !r.givenTitle(h) {
			if c.titled && c.country == "" && r.countryAt(h.end) {
				break // "رئيس الحكومة سفير مصر X": a second person's title
			}
			t := r.x.lang.Titles[h.lx.ref]
			if c.role == "" {
				c.role, c.principal = t.Role, t.Principal
				if c.country == "" {
					c.country = t.Country // a style one state's holder bears
				}
			}
			c.titled, c.adj = true, true
			j = h.end
			if r.word(j-1, wCityLead) && j < len(r.toks) && r.toks[j].Word && !r.taken[j] {
				j++ // أمير منطقة تبوك: the place the title ends on is the title's
			}
			bare := h.end-h.start == 1 && !h.def && !r.articled(h.lx.toks[0])
			// "مساعد الرئيس للشؤون الدولية X": a title after an indefinite
			// noun is that noun's complement; its portfolio is not the title's.
			owned := h.start > 0 && r.plain(h.start-1) && !r.definite(r.toks[h.start-1].S) && !(r.x.lang.QualifiersFirst && r.word(h.start-1, wQualifier))
			if k := r.portfolio(j, bare); k > j && !owned && (bare || r.countryAt(k) || r.startsName(k) || r.x.articleWord) {
				if r.x.articleWord && c.country == "" {
					for q := j; q < k && c.country == ""; q++ {
						if m, ok := r.mentionAt(q); ok && r.ments[m].typ == schema.Country {
							c.country = r.ments[m].id // Minister of Foreign Affairs of Guinea-Bissau, X
						}
					}
				}
				j, c.portfolio = k, true // وزير الإعلام X، وزير الدولة للشؤون الاقتصادية X
			}
			continue
		}
		if h, ok := r.hitAt(j, kRef); ok && (h.lx.sub == "counterpart" || h.lx.sub == "guest" && r.adjAt(h.end)) && !r.taken[j] {
			if c.titled && !c.counterpart && r.startsWithList(j, wConjunction) {
				// "وزير الخارجية ونظيره الأرجنتيني": a title and, joined
				// to it, the counterpart: two persons, each its own chain.
				break
			}
			// نظيره الهندي; ضيفه الجورجي: the guest of that country
			c.counterpart, c.adj, c.guest = true, true, h.lx.sub == "guest"
			j = h.end
			continue
		}
		if r.word(j, wSideMarker) && !r.taken[j] {
			if h, ok := r.hitAt(j+1, kAdj); ok && h.clitic == 0 {
				c.country = r.x.entries[h.lx.ref].ID
				j = h.end
				continue
			}
		}
		if h, ok := r.wordAt(j, wQualifier); ok && c.titled && h.clitic == 0 && !r.taken[j] {
			j = h.end // سفير تركيا الجديد X
			continue
		}
		if c.titled && r.x.lang.QualifiersFirst && j+2 < len(r.toks) && r.toks[j].S == "(" && r.toks[j+1].Word && r.toks[j+2].S == ")" {
			j += 3 // the title's abbreviation: National Security Adviser (NSA) X
			continue
		}
		if h, ok := r.wordAt(j, wQualifier); ok && !c.titled && r.x.lang.QualifiersFirst && h.clitic == 0 && !r.taken[j] {
			_, title := r.hitAt(h.end, kTitle)
			_, adj := r.hitAt(h.end, kAdj)
			m, named := r.mentionAt(h.end)
			if title || adj || named && r.ments[m].typ == schema.Country {
				j = h.end // Acting Minister of Foreign Affairs X, senior U.S. diplomat X
				if !title {
					j = r.qualifierFirst(&c, j)
				}
				continue
			}
		}
		if h, ok := r.wordAt(j, wHonorific); ok && !r.taken[j] && (h.clitic == 0 || r.wawName(i, j, h.end)) {
			j = h.end
			if r.abbrevStop(j) {
				j++ // Mr. X
			}
			continue
		}
		if c.adj {
			if h, ok := r.hitAt(j, kAdj); ok && h.clitic == 0 {
				if c.country == "" {
					c.country = r.x.entries[h.lx.ref].ID
				}
				j = h.end
				if k := r.portfolio(j, false); k > j && k+1 < len(r.toks) && r.setOffName(k+1) {
					j, c.portfolio = k, true // وزير الدولة السعودي للشؤون الخارجية، X،
				}
				continue
			}
			if k, ok := r.mentionAt(j + 1); ok && r.ments[k].typ == schema.Country && !r.taken[j] && r.stateFormWord(j) {
				// نائب وزير الخارجية لجمهورية المكسيك X، سفير جمهورية المكسيك X
				if c.country == "" {
					c.country = r.ments[k].id
				}
				j = r.ments[k].end
				continue
			}
			if k, ok := r.mentionAt(j); ok && (r.ments[k].typ == schema.Country || r.ments[k].typ == schema.Organization) {
				if c.country == "" && r.ments[k].typ == schema.Country {
					c.country = r.ments[k].id
				}
				j = r.ments[k].end
				continue
			}
			if r.word(j, wPostingAt) && c.titled && j+1 < len(r.toks) {
				// "السفير الإيطالي في دمشق X": where an envoy is posted,
				// when a name follows the place.
				if k, ok := r.mentionAt(j + 1); ok && (r.ments[k].typ == schema.City || r.ments[k].typ == schema.Country) && (r.nameAt(r.ments[k].end) > r.ments[k].end || r.personAt(r.ments[k].end)) {
					j = r.ments[k].end
					continue
				}
			}
			if r.word(j, wPosting) && j+1 < len(r.toks) && r.toks[j+1].Word {
				c.posted = true
				if k, ok := r.mentionAt(j + 1); ok {
					j = r.ments[k].end
				} else {
					j += 2 // لدى المملكة
				}
				continue
			}
		}
		break
	}
	c.end = j
	return c, j > i
}

// personAt reports a person the gazetteer names at token k.
func (r *run) personAt(k int) bool {
	m, ok := r.mentionAt(k)
	return ok && r.ments[m].typ == schema.Person
}

// titleConjoined reports a title at token i with a conjunction written on
// it (ومدير), which starts the next item of a list.
func (r *run) titleConjoined(i int) bool {
	h, ok := r.hitAt(i, kTitle)
	return ok && h.start == i && h.clitic > 0 && r.startsWithList(i, wConjunction)
}

// leaders reports whether each of the persons ps, two at least, holds a
// leading office (one a title marked principal names: a head of state or
// government): one the text gave them, or their gazetteer office on the
// document's date.
func (r *run) leaders(ps []string) bool {
	if len(ps) < 2 {
		return false
	}
	for _, p := range ps {
		if !r.leader(p) {
			return false
		}
	}
	return true
}

// leader reports whether person id holds a leading office (leaders).
func (r *run) leader(id string) bool {
	for _, o := range r.offices {
		if o.person == id && r.x.leading[o.role] {
			return true
		}
	}
	ref, ok := r.x.index[id]
	if !ok {
		return false
	}
	for _, o := range r.x.entries[ref].Offices {
		if r.x.leading[o.Role] && within(r.date, o.Start, o.End) {
			return true
		}
	}
	return false
}

// hasOffice reports whether the text gave person id an office.
func (r *run) hasOffice(id string) bool {
	for _, o := range r.offices {
		if o.person == id {
			return true
		}
	}
	return false
}

// maxComplement bounds, in tokens, the complement of a title that
// complementName reads.
const maxComplement = 8

// complementName returns, in a language whose article is a proclitic and
// whose names take no capital, where the name of the holder of the title
// chain c begins after the rest of the title, from token j where the chain
// ends: the body, department or place the title is of, in words with the
// article (الإدارة العربية، الصناعات الدفاعية), a preposition or a list
// separator before one (في الخارجية، والشرق الأوسط), portfolio leads,
// nationality adjectives, org nouns in construct (مكتب، هيئة), world
// regions the pack names (إدارة آسيا، لشؤون شمال أفريقيا), countries,
// cities and organisations. The name is two or three words that
// punctuation, a list separator, a clause break, a word with a conjunction
// or the end ends; an honorific may stand before it. It returns j when
// there is none.
func (r *run) complementName(c titleChain, j int) int {
	if !c.titled || r.x.lang.Capitalised || r.x.articleWord || r.x.article == "" || j >= len(r.toks) || r.nameAt(j) > j {
		return j
	}
	words := 0
	for k := j; k < len(r.toks) && k < j+maxComplement; k++ {
		if !r.toks[k].Word {
			if words > 0 && r.toks[k].S == "," && k+1 < len(r.toks) {
				// … في حكومة الوفاق، X،: the name set off after the complement
				n := k + 1
				if h, ok := r.wordAt(n, wHonorific); ok && h.clitic == 0 {
					n = h.end
				}
				if n < len(r.toks) && !r.taken[n] && r.heldName(n) && r.nameAt(n) < len(r.toks) && !r.toks[r.nameAt(n)].Word {
					return n
				}
			}
			return j
		}
		if m, ok := r.mentionAt(k); ok {
			switch r.ments[m].typ {
			case schema.Country, schema.City, schema.Organization:
				k = r.ments[m].end - 1
				words++
				continue
			}
			return j
		}
		if r.taken[k] {
			return j
		}
		if _, ok := r.hitAt(k, kTrigger); ok {
			return j
		}
		if _, ok := r.hitAt(k, kTitle); ok {
			return j
		}
		if h, ok := r.wordAt(k, wRegion); ok {
			k = h.end - 1
			words++
			continue // إدارة آسيا، لشؤون شمال أفريقيا
		}
		if h, ok := r.wordAt(k, wHonorific); ok && h.clitic == 0 {
			if words > 0 && r.heldName(h.end) {
				return h.end // رئيس المراسم والتشريفات الأميرية الشيخ X
			}
			return j
		}
		if words > 0 && (r.plain(k) && !r.definite(r.toks[k].S) || r.givenName(k)) && r.heldName(k) {
			return k
		}
		if r.givenName(k) {
			return j // a name the words after it do not end as a name's end
		}
		if r.word(k, wComplementizer) {
			return j // قال وزير الخارجية إن …: a reported clause, no complement
		}
		if (r.tokIn(k, wFunction) || r.tokIn(k, wPortfolioLead)) && k+1 < len(r.toks) && (r.definite(r.toks[k+1].S) || r.construct(k+1) || r.region(k+1)) {
			continue // في الخارجية، لشؤون الشرق الأوسط، لشؤون أفريقيا
		}
		if r.word(k, wPostingAt) && k+1 < len(r.toks) {
			if m, ok := r.mentionAt(k + 1); ok && r.ments[m].typ != schema.Person {
				continue // في القاهرة
			}
		}
		if r.word(k, wClause) || r.word(k, wDateLead) {
			return j
		}
		if r.construct(k) {
			words++
			continue // مكتب رئاسة الجمهورية
		}
		if h, ok := r.hitAt(k, kAdj); ok {
			k = h.end - 1
			words++
			continue
		}
		if _, ok := r.wordAt(k, wOrgNoun); ok {
			words++
			continue
		}
		w := r.toks[k].S
		if r.startsWithList(k, wConjunction) {
			_, size := utf8.DecodeRuneInString(w)
			w = w[size:] // والشرق
		}
		if r.definite(w) {
			words++
			continue
		}
		return j
	}
	return j
}

// construct reports a common noun with no article at token k that a noun
// with the article, another such noun or an entity completes (مكتب رئاسة
// الجمهورية، هيئة الصناعات): a word of a body's name, not of a person's.
func (r *run) construct(k int) bool {
	if !r.tokIn(k, wNameStop) || r.definite(r.toks[k].S) || r.tokIn(k, wFunction) || r.tokIn(k, wPortfolioLead) || k+1 >= len(r.toks) || !r.toks[k+1].Word {
		return false
	}
	if _, ok := r.mentionAt(k + 1); ok {
		return true
	}
	if r.region(k + 1) {
		return true // إدارة إفريقيا
	}
	return r.definite(r.toks[k+1].S) || r.tokIn(k+1, wNameStop) && !r.tokIn(k+1, wFunction)
}

// region reports a world region of the pack's regions at token k, written
// with no proclitic (إفريقيا، شمال أفريقيا).
func (r *run) region(k int) bool {
	h, ok := r.wordAt(k, wRegion)
	return ok && h.clitic == 0
}

// heldName reports a name of two or three words at token k that ends where
// a long title's holder's name ends: at punctuation, a list separator, a
// clause break, the end of the text, or a word with a conjunction on it
// (ونائب).
func (r *run) heldName(k int) bool {
	if k >= len(r.toks) || r.givenName(k) == false && r.tokIn(k, wNameStop) {
		return false
	}
	e := r.nameAt(k)
	if e < k+2 || e > k+3 {
		return false
	}
	if r.endedName(k) {
		return true
	}
	return e < len(r.toks) && r.toks[e].Word && r.startsWithList(e, wConjunction) && r.runes(e) > 3
}

// countryIn returns the first country named from token s to e, or "".
func (r *run) countryIn(s, e int) string {
	for k := s; k < e; k++ {
		if m, ok := r.mentionAt(k); ok && r.ments[m].typ == schema.Country {
			return r.ments[m].id
		}
	}
	return ""
}

// namesHolder reports whether the name at tokens j to end may be a spelling
// of person id's: it shares a word of three letters or more, no name link
// (ولد، بن), with one of the
// names the document or the gazetteer gives them in the pack's language, or
// its last word is two edits at most from the last word of one.
func (r *run) namesHolder(j, end int, id string) bool {
	var names []string
	if a := r.ents[id]; a != nil {
		names = append(names, a.aliases...)
	}
	if ref, ok := r.x.index[id]; ok {
		names = append(names, r.x.entries[ref].Names[r.x.lang.Code]...)
	}
	last := []rune(r.toks[end-1].S)
	for _, n := range names {
		ws := norm.Words(norm.Fold(n))
		if len(ws) == 0 {
			continue
		}
		for k := j; k < end; k++ {
			if utf8.RuneCountInString(r.toks[k].S) >= 3 && !r.tokIn(k, wNameLink) && !r.tokIn(k, wPatronymic) && slices.Contains(ws, r.toks[k].S) {
				return true
			}
		}
		if len(last) >= 4 && levenshtein(last, []rune(ws[len(ws)-1]), 3) <= 2 {
			return true
		}
	}
	return false
}

// givenTitle reports a one-word title that is also a given name, written
// right before a name link, in a language that capitalises names: the
// first word of a name (Sultan Al-Shamsy, Sultan bin Saad Al-Muraikhi),
// not a title (Sultan Haitham bin Tarik).
func (r *run) givenTitle(h hit) bool {
	return r.x.lang.Capitalised && h.end-h.start == 1 && r.tokIn(h.start, wGivenName) && r.capital(h.start) && r.linkAfterGiven(h.end)
}

// qualifierFirst reads, in a language whose qualifiers come first, the
// nationality adjective or the country's name (with a possessive ending)
// that stands before a title at token j: "Egyptian President X", "Egypt's
// Foreign Minister X". It gives c the country and returns the token of the
// title, or j when none follows.
func (r *run) qualifierFirst(c *titleChain, j int) int {
	end, country := j, ""
	if h, ok := r.hitAt(j, kAdj); ok && !r.taken[j] {
		end, country = h.end, r.x.entries[h.lx.ref].ID
	} else if k, ok := r.mentionAt(j); ok && r.ments[k].typ == schema.Country {
		end, country = r.ments[k].end, r.ments[k].id
		if end+1 < len(r.toks) && !r.toks[end].Word && slices.Contains(r.x.lists[wPossessive], r.toks[end].S+r.toks[end+1].S) {
			end += 2
		}
	}
	if end == j {
		return j
	}
	if _, ok := r.hitAt(end, kTitle); !ok || r.taken[end] {
		if _, ok := r.wordAt(end, wHonorific); !ok || r.taken[end] {
			if h, ok := r.hitAt(end, kRef); !ok || h.lx.sub != "counterpart" || r.taken[end] {
				return j // (his Serbian counterpart X: the counterpart's country)
			}
		}
	}
	c.country = country
	return end
}

// sideItem returns the runes of a list separator to strip from the name at
// j after the side chain c that starts at i and follows a person: "X عن
// الجانب البرازيلي وY عن الجانب …" lists Y, whose name does not start with
// و. It returns 0 otherwise.
func (r *run) sideItem(c titleChain, i, j int) int {
	if c.titled || c.counterpart || c.country == "" || i < 1 {
		return 0
	}
	w := r.toks[j].S
	first, _ := utf8.DecodeRuneInString(w)
	if !r.x.in(wSeparator, string(first)) || utf8.RuneCountInString(w) < 4 {
		return 0
	}
	if k, ok := r.mentionBefore(i - 1); !ok || r.ments[k].typ != schema.Person {
		return 0
	}
	return 1
}

// agreement reports a word at j that is an adjective agreeing with the
// chain c before it, not a name: a chain of one indefinite feminine noun
// that is no title (دولة) followed by an indefinite feminine word (دولة
// شريكة، دولة فلسطينية مستقلة).
func (r *run) agreement(c titleChain, j int) bool {
	if c.titled || c.end-c.start != 1 || j >= len(r.toks) {
		return false
	}
	n := c.end - 1
	return r.endsWith(n, wFeminine) && !r.definite(r.toks[n].S) &&
		r.endsWith(j, wFeminine) && !r.definite(r.toks[j].S)
}

// portfolio returns the end of the definite words from token j that
// complete a title: after a bare office noun (وزير الإعلام، وزيرة التضامن
// الاجتماعي، وزير الصحة والسكان), after a preposition with the article
// (وزير الدولة للشؤون الاقتصادية) or a portfolio lead (لشؤون المتوسط). At
// most four words the lexicon knows as nothing else, with the article, a
// proclitic and the article, or a list separator and the article. After a
// title that is not bare, the caller keeps them only when a name or a
// country follows.
func (r *run) portfolio(j int, bare bool) int {
	if r.x.articleWord {
		return r.portfolioWords(j)
	}
	k := j
	for k < len(r.toks) && k < j+4 && r.toks[k].Word && !r.taken[k] {
		if _, ok := r.mentionAt(k); ok {
			break
		}
		w := r.toks[k].S
		if r.tokIn(k, wPortfolioLead) && k+1 < len(r.toks) && r.articled(r.toks[k+1].S) {
			k++ // لشؤون المتوسط
			continue
		}
		// للشؤون is لشؤون, a name stop, after ل: only word lists may
		// know the first word after a preposition.
		if !r.plain(k) && !r.nounOnly(k) && !r.stopOnly(k) && (k > j || !r.definiteClitic(w) || r.kinds[k]&^(1<<kWord) != 0) {
			break
		}
		if k == j && r.definiteClitic(w) {
			if c, _ := utf8.DecodeRuneInString(w); !bare || !r.x.in(wSeparator, string(c)) {
				k++ // للشؤون، وزير الطاقة والثروة المعدنية
				continue
			}
		}
		if r.tokIn(k+1, wNameLink) && !r.tokIn(k+1, wNamePrefix) {
			break // المختار ولد اجاي: a definite first name, then a link (not عبد, which starts a name)
		}
		if k > j {
			if c, size := utf8.DecodeRuneInString(w); r.x.in(wSeparator, string(c)) {
				w = w[size:] // والسكان
			}
		}
		if !r.articled(w) {
			break
		}
		k++
	}
	return k
}

// portfolioWords reads, in a language whose article is a word of its own,
// the portfolio after a title at token j: a portfolio lead (of, for), then
// words that never belong to a name (Agriculture, Foreign Affairs), joined
// by separators and the article ("Minister of Youth and Sports X"). It
// returns the token after the portfolio, or j when none is there.
func (r *run) portfolioWords(j int) int {
	if !r.tokIn(j, wPortfolioLead) || r.taken[j] {
		return j
	}
	end := j
	for k := j + 1; k < len(r.toks) && k < j+8; k++ {
		if m, ok := r.mentionAt(k); ok && end == j && (r.ments[m].typ == schema.Country || r.ments[m].typ == schema.Organization) {
			end = r.ments[m].end // Special Envoy for Syria X, Minister of Foreign Affairs of Russia X
			k = end - 1
			continue
		}
		if !r.toks[k].Word || r.taken[k] {
			break
		}
		if r.tokIn(k, wNameStop) && !r.tokIn(k, wFunction) && !r.tokIn(k, wSeparator) && (r.capital(k) || r.portfolioNoun(k)) {
			end = k + 1
			continue
		}
		if (r.tokIn(k, wSeparator) || r.toks[k].S == r.x.article) && end == k {
			continue // Youth and Sports, of the Interior
		}
		if r.toks[k].S == r.x.article && k == j+1 {
			continue
		}
		if end == k && r.tokIn(k, wPortfolioLead) {
			if e := r.portfolioWords(k); e > k {
				return e // Secretary of State for East Asian Affairs
			}
		}
		break
	}
	return end
}

// portfolioNoun reports a word written in small letters that may still
// name a portfolio (minister for foreign affairs): a name stop of five
// letters or more that ends no clause or list and is no date.
func (r *run) portfolioNoun(k int) bool {
	if utf8.RuneCountInString(r.toks[k].S) < 5 || r.word(k, wClause) || r.word(k, wListBreak) || r.word(k, wRelative) {
		return false
	}
	_, date := r.hitAt(k, kDate)
	return !date
}

// nounOnly reports a token whose every hit took the article off it: with
// the article a trigger verb is a noun (والبحث العلمي).
func (r *run) nounOnly(k int) bool {
	if r.taken[k] || len(r.at[k]) == 0 {
		return false
	}
	for _, hi := range r.at[k] {
		if !r.hits[hi].def {
			return false
		}
	}
	return true
}

// stopOnly reports a token that only word lists know, and none of those
// that end a phrase (clause and list breaks, relatives, honorifics): an
// adjective kept out of names (الرئاسي، الوطني) may qualify a portfolio.
func (r *run) stopOnly(k int) bool {
	if r.kinds[k]&^(1<<kWord) != 0 {
		return false
	}
	return !r.word(k, wClause) && !r.word(k, wRelative) && !r.word(k, wHonorific) && !r.word(k, wListBreak)
}

// adjAt reports a nationality adjective, without a proclitic, at token j.
func (r *run) adjAt(j int) bool {
	h, ok := r.hitAt(j, kAdj)
	return ok && h.clitic == 0
}

// countryAt reports a country, by name or adjective, at token j.
func (r *run) countryAt(j int) bool {
	if h, ok := r.hitAt(j, kAdj); ok && h.clitic == 0 {
		return true
	}
	k, ok := r.mentionAt(j)
	if !ok && j+1 < len(r.toks) && !r.taken[j] && r.stateFormWord(j) {
		k, ok = r.mentionAt(j + 1) // بمملكة ليسوتو
	}
	return ok && r.ments[k].typ == schema.Country
}

// wawName reports an honorific with و that starts the chain at i and stands
// right before a name: "والشيخ X" is the next item of a list.
func (r *run) wawName(i, j, end int) bool {
	if j != i || end >= len(r.toks) {
		return false
	}
	if _, ok := r.hitAt(end, kTitle); ok {
		return false
	}
	return r.nameAt(end) > end+1
}

// titled finds persons introduced by titles and honorifics, and title-only
// references to office holders.
func (r *run) titled() {
	for i := 0; i < len(r.toks); {
		if r.taken[i] || !r.toks[i].Word || !r.mayChain[i] && r.kinds[i]&(1<<kTitle) == 0 && !r.starts[i].has(wSpouse) {
			i++ // no spouse word, chain or title starts here
			continue
		}
		if h, ok := r.wordAt(i, wSpouse); ok {
			i = r.spouse(i, h.end)
			continue
		}
		if end := r.nameOverHonorific(i); end > i {
			i = end
			continue
		}
		c, ok := r.chainAt(i)
		if !ok {
			r.definiteTitle(i)
			i++
			continue
		}
		j := c.end
		if n := r.nameGap(c); n > 0 {
			j += n
		}
		// Appositive: "توكاييف رئيس جمهورية كازاخستان" gives the office to the person before.
		if c.titled {
			// Not "X ومدير …" when X has a title of his own: the conjunction
			// starts the next item of a list.
			if k, ok := r.mentionBefore(i); ok && r.ments[k].typ == schema.Person && (j >= len(r.toks) || !r.startsName(j)) && !(r.titleConjoined(i) && r.hasOffice(r.ments[k].id)) {
				r.office(r.ments[k].id, c.role, c.country, r.ments[k].start)
				i = j
				continue
			}
		}
		if k, ok := r.mentionAt(j); ok && r.ments[k].typ == schema.Person {
			r.office(r.ments[k].id, c.role, c.country, j)
			i = r.ments[k].end
			continue
		}
		if h, ok := r.hitAt(j, kShort); ok && !r.taken[j] && r.nameAt(j) <= h.end && r.shortWhole(h) {
			// A short form that a longer unknown name goes on from is that
			// name's first word (وزير التموين شريف فاروق).
			e := r.x.entries[h.lx.ref]
			a := r.entity(e.ID, e.Type, e.Name, e)
			r.addMention(a, h.start, h.end, h.clitic, h.restored, mention{})
			r.office(e.ID, c.role, c.country, j)
			i = h.end
			continue
		}
		if id, end := r.knownAt(j); id != "" {
			r.addMention(r.ents[id], j, end, 0, false, mention{})
			r.office(id, c.role, c.country, j)
			i = end
			continue
		}
		if id := r.titledSurname(c, j); id != "" {
			// President Biden, Foreign Minister Marsudi: the surname of the
			// office's holder on the document date.
			a := r.ents[id]
			if a == nil {
				e := r.x.entries[r.x.index[id]]
				a = r.entity(e.ID, e.Type, e.Name, e)
			}
			r.addMention(a, j, j+1, 0, false, mention{})
			r.office(id, c.role, c.country, j)
			i = j + 1
			continue
		}
		if id := r.surnameAt(j); id != "" {
			// "الرئيس سلام أكد": the surname of a person named before.
			r.addMention(r.ents[id], j, j+1, 0, false, mention{})
			r.office(id, c.role, c.country, j)
			i = j + 1
			continue
		}
		if k := r.complementName(c, j); k > j {
			// مدير الإدارة الإفريقية في الخارجية X: the holder of a title
			// named after the body or department the title is of.
			if c.country == "" {
				c.country = r.countryIn(j, k)
			}
			end := r.nameAt(k)
			sp := r.span(k, end, 0)
			a := r.entity(r.newKey("person", k, end, 0), schema.Person, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, k, end, 0, false, mention{})
			r.office(a.ID, c.role, c.country, k)
			i = end
			continue
		}
		holder := ""
		if c.titled && c.role != "" && c.country != "" && !c.portfolio && !c.posted && !(r.x.lang.Capitalised && r.nameAt(j) > j+1) {
			// Where names are capitalised, two capitalised words after the
			// title name its holder, whoever held it before.
			holder = r.holder(c.role, c.country)
			// A name after the title that a given name or an honorific
			// leads, spelled nothing like the holder's, is someone else's:
			// the holder the gazetteer knows may have left the office, or
			// share it (envoys, ministers of state).
			if end := r.nameAt(j); holder != "" && end > j+1 && (r.givenName(j) || r.honorificBefore(j)) && !r.namesHolder(j, end, holder) {
				holder = ""
			}
		}
		if end := r.nameAt(j); end > j && holder == "" && !r.agreement(c, j) {
			cl := max(r.sideItem(c, i, j), r.conjOnName(j))
			sp := r.span(j, end, cl)
			a := r.entity(r.newKey("person", j, end, cl), schema.Person, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, j, end, cl, false, mention{})
			r.office(a.ID, c.role, c.country, j)
			i = end
			continue
		}
		if c.counterpart && c.country != "" {
			id := ""
			if c.guest {
				id = r.firstCountryPerson(c.country, i) // the visitor, named first
			}
			if id == "" {
				id = r.countryPerson(c.country, i)
			}
			if id != "" {
				r.addMentionOnly(r.ents[id], i, j, mention{title: true})
			}
			i = j
			continue
		}
		if c.titled && c.role != "" && !c.portfolio && !c.posted {
			if holder == "" {
				holder = r.holder(c.role, c.country)
			}
			if id := holder; id != "" {
				a := r.ents[id]
				if a == nil {
					e := r.x.entries[r.x.index[id]]
					a = r.entity(e.ID, e.Type, e.Name, e)
				}
				r.addMentionOnly(a, i, j, mention{title: true})
			}
		}
		i = j
	}
}

// nameOverHonorific reads, at a one-word honorific at token i right after a
// given name that nothing read yet (القاهرة، الحسين سيدي عبد الله الديه), the
// name that goes on over the honorific from that given name: the honorific
// is the name's word, not the title of the words after it. It returns the
// name's end, or i.
func (r *run) nameOverHonorific(i int) int {
	k := i - 1
	if k < 0 || r.taken[k] || !r.toks[k].Word || !r.honorificInName(i) || !r.tokIn(k, wGivenName) && !r.tokIn(k, wArticledGiven) {
		return i
	}
	if k > 0 && r.toks[k-1].Word && r.plainName(k-1) && !r.articled(r.toks[k-1].S) {
		return i // the given name is not the name's first word
	}
	end := r.nameAt(k)
	if end <= i+1 || r.anyTaken(k, end) {
		return i
	}
	sp := r.span(k, end, 0)
	a := r.entity(r.newKey("person", k, end, 0), schema.Person, sp.Text, nil)
	a.Properties["provisional"] = true
	r.addMention(a, k, end, 0, false, mention{})
	return end
}

// titledSurname returns, where names are capitalised, the gazetteer person
// a title chain c and one name word at token j name: the one holder of the
// chain's office (of its country, when it names one) on the document date
// whose name ends with that word. "" when the word goes on with more name
// words, or no one or several fit.
func (r *run) titledSurname(c titleChain, j int) string {
	if r.x.surnames == nil || !c.titled || c.role == "" || c.posted || !r.plainName(j) || r.plainName(j+1) {
		return ""
	}
	if j+2 < len(r.toks) && r.joined(j+1) {
		return "" // Abdel Fattah al-Burhan, Jae-myung: a hyphen goes on with the name
	}
	return r.x.holderNamed(c.role, c.country, r.toks[j].S, r.date)
}

// spouse reads "عقيلة الرئيس التركي X" from the spouse word at i, whose
// phrase ends at j: the titles after it are the spouse's, so they name no
// office holder; the name after them is the spouse (a new person unless
// known). It returns the token to go on from.
func (r *run) spouse(i, j int) int {
	for j < len(r.toks) {
		// The titles, with the article or not, and what qualifies them.
		if c, ok := r.chainAt(j); ok {
			j = c.end
		} else if h, ok := r.hitAt(j, kTitle); ok {
			j = h.end
		} else if h, ok := r.hitAt(j, kAdj); ok && j > i {
			j = h.end
		} else {
			break
		}
	}
	if r.x.lang.SpousesAttend && j > i && j+1 < len(r.toks) && r.toks[j].S == "," && r.toks[j+1].Word {
		j++ // his wife, X: the name set off by a comma
	}
	if k, ok := r.mentionAt(j); ok && r.ments[k].typ == schema.Person {
		return r.ments[k].end
	}
	for k := i; k < j; k++ {
		r.taken[k] = true
	}
	if end := r.nameAt(j); end > j {
		sp := r.span(j, end, 0)
		a := r.entity(r.newKey("person", j, end, 0), schema.Person, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, j, end, 0, false, mention{})
		return end
	}
	return j
}

// linkedNames finds persons named with no title before them whose name is
// linked (X بن Y Z, X آل Y): the lists of attendees after a long title
// ("ورئيس الاتحاد السعودي لكرة القدم X بن Y Z").
func (r *run) linkedNames() {
	for k := 1; k+2 < len(r.toks); k++ {
		if r.taken[k] || !r.toks[k].Word || !r.tokIn(k+1, wNameLink) || r.toks[k+1].S == r.x.article {
			continue
		}
		// The name starts at k: the word before is no name word (a
		// definite word ends a title, it does not start a name).
		if p := r.toks[k-1].S; r.tokIn(k-1, wNameLink) || r.plainName(k-1) && !r.articled(p) {
			continue
		}
		if r.definiteClitic(r.toks[k].S) || r.word(k, wCityLead) {
			continue // مدينة بن قردان
		}
		end := r.nameAt(k)
		if end < k+3 {
			continue
		}
		cl := r.conjOnName(k)
		sp := r.span(k, end, cl)
		a := r.entity(r.newKey("person", k, end, cl), schema.Person, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, k, end, cl, false, mention{})
		k = end
	}
}

// nameGap returns how many tokens after the title chain c stand between it
// and the name it introduces: an opening quote (الرئيس الإيراني "X"), or a
// comma after a chain that names a country (وزير خارجية إيران، X). 0 when a
// name does not follow.
func (r *run) nameGap(c titleChain) int {
	if t := r.titleTail(c); t > c.end {
		end := c.end
		if r.toks[t].Word {
			return t - end // Minister of Family and Social Services X: the name itself
		}
		c.end = t // the Speaker of the Council of the Nation (Upper House), X,
		if n := r.nameGap(c); n > 0 {
			return t - end + n
		}
		return 0
	}
	j := c.end
	n := 0
	if j+1 < len(r.toks) && !r.toks[j].Word && r.toks[j].S == "," && (c.titled || c.counterpart && c.country != "") {
		// وزير خارجية إيران، X; نائب وزير الخارجية، الأمير X; نظيره اليوناني، X: a comma before
		// the name of a chain that names its country, or before an
		// honorific, a person named or a name of two words (a given name
		// first, or any where names are capitalised: governor, Yi Gang).
		_, hon := r.wordAt(j+1, wHonorific)
		m, known := r.mentionAt(j + 1)
		if c.country != "" || hon || known && r.ments[m].typ == schema.Person || r.nameAt(j+1) >= j+3 && (r.givenName(j+1) || r.x.lang.Capitalised) || r.setOffName(j+1) {
			n++
		}
	}
	if j+n < len(r.toks) && !r.toks[j+n].Word && r.toks[j+n].S == "\"" {
		n++
	} else if r.slashed(j + n) {
		n++
	}
	if n == 1 && r.toks[j].S == "," {
		if h, ok := r.wordAt(j+n, wHonorific); ok && !r.taken[j+n] {
			n = h.end - j // الرئيس السنغالي، السيد X
			if r.abbrevStop(h.end) {
				n++ // the Vice Minister, Mr. X
			}
		}
	}
	if n == 0 || j+n >= len(r.toks) {
		return 0
	}
	if k, ok := r.mentionAt(j + n); ok && r.ments[k].typ == schema.Person {
		return n
	}
	if r.taken[j+n] {
		return 0
	}
	if _, ok := r.hitAt(j+n, kShort); ok {
		return n
	}
	if r.nameAt(j+n) > j+n {
		return n
	}
	return 0
}

// titleTail returns, in a language that capitalises names and writes its
// article as a word of its own, the comma that ends the rest of a title
// the chain c did not read as its portfolio ("Speaker of the Council of the
// Nation (Upper House), X,"; "Spokesman for the Presidency, X,"), or the
// name that follows a capitalised word kept out of names there with no
// comma ("Minister of Family and Social Services X Y,"): title links, the
// article, separators, capitalised words, entities, possessive
// endings and parentheses, up to a comma that a name set off by punctuation follows
// (an honorific may come first). It returns c.end when there is none.
func (r *run) titleTail(c titleChain) int {
	if !c.titled || !r.x.lang.Capitalised || !r.x.articleWord || c.end >= len(r.toks) || !r.tokIn(c.end, wTitleLink) && r.toks[c.end].S != "(" && !r.portfolioJoined(c.end) && !r.bodyHead(c.end) && !r.portfolioListed(c, c.end) {
		return c.end
	}
	capitals, afterStop := 0, -1
	listed := false
	for k := c.end; k < len(r.toks) && k < c.end+12; k++ {
		t := r.toks[k]
		if k == afterStop && capitals > 0 && r.plainName(k) && r.endedName(k) {
			return k // … of the Presidential Administration X Y,
		}
		switch {
		case !t.Word && t.S == "," && (capitals == 0 || k == afterStop) && r.portfolioListed(c, k):
			// Minister of Education, Science and Technology, X: the
			// portfolios listed, the last after "and"
			listed = true
		case !t.Word && t.S == ",":
			if capitals == 0 || r.tokIn(k-1, wTitleLink) || r.toks[k-1].S == r.x.article || !r.setOffAfter(k+1) {
				return c.end
			}
			return k
		case !t.Word && t.S == ")":
			if capitals > 0 {
				afterStop = k + 1 // Director General (South Asia) X Y
			}
		case !t.Word && t.S == "(":
		case !t.Word && k > c.end && r.joined(k) && r.capital(k+1):
			// Indo-Pacific: words joined by a hyphen
		case !t.Word && k+1 < len(r.toks) && slices.Contains(r.x.lists[wPossessive], t.S+r.toks[k+1].S):
			k++ // People's
		case !t.Word:
			return c.end
		case r.tokIn(k, wTitleLink) || t.S == r.x.article || r.tokIn(k, wSeparator):
		case r.capital(k):
			if m, ok := r.mentionAt(k); ok {
				if r.ments[m].typ == schema.Person {
					return c.end
				}
				k = r.ments[m].end - 1
				afterStop = k + 1 // … Assurance Agency Indonesia X Y: a place or a body ends the title
			} else if r.bodyWord(k) || listed && r.tokIn(k-1, wSeparator) {
				afterStop = k + 1
			}
			capitals++
		default:
			return c.end
		}
	}
	return c.end
}

// bodyWord reports, at token k, a capitalised word that belongs to no name:
// a word of the pack's name stops or the head noun of a body (University).
func (r *run) bodyWord(k int) bool {
	if !r.toks[k].Word || !r.capital(k) || r.taken[k] {
		return false
	}
	return r.tokIn(k, wNameStop) || r.tokIn(k, wOrgNoun)
}

// bodyHead reports, at token k, the capitalised head noun of a body the
// pack names (University), which goes on with the body a title is of.
func (r *run) bodyHead(k int) bool {
	return r.toks[k].Word && r.capital(k) && !r.taken[k] && r.tokIn(k, wOrgNoun)
}

// portfolioListed reports, at the comma at token k after the portfolio of a
// title chain c, one more portfolio: a capitalised word that belongs to no
// name ("Minister of Education, Science and Technology").
func (r *run) portfolioListed(c titleChain, k int) bool {
	return c.portfolio && k+1 < len(r.toks) && !r.toks[k].Word && r.toks[k].S == "," && r.bodyWord(k+1)
}

// portfolioJoined reports a list separator at token k that joins one more
// portfolio to a title chain ending there: a capitalised word after it that
// starts no mention ("Minister of Transport and Logistics, X,").
func (r *run) portfolioJoined(k int) bool {
	if !r.toks[k].Word || !r.tokIn(k, wSeparator) || k+1 >= len(r.toks) || !r.capital(k+1) {
		return false
	}
	_, ok := r.mentionAt(k + 1)
	return !ok
}

// endedName reports a name of two or three words at token j that
// punctuation, a list separator, a clause break or the end of the text ends:
// where a long title's words that are kept out of names end, its holder's
// name begins.
func (r *run) endedName(j int) bool {
	e := r.nameAt(j)
	if e < j+2 || e > j+3 {
		return false
	}
	if e == len(r.toks) {
		return true
	}
	if !r.toks[e].Word {
		return r.toks[e].S == "," || r.toks[e].S == "." || r.toks[e].S == ";"
	}
	// … Affairs David Helvey visited: where names are capitalised, a word
	// in small letters ends one
	return r.tokIn(e, wSeparator) || r.word(e, wClause) || r.x.lang.Capitalised && !r.capital(e)
}

// setOffAfter reports, at token j after a comma, a person: a known one or a
// name of two to four capitalised words, an honorific perhaps first, that
// punctuation or the end of the text ends.
func (r *run) setOffAfter(j int) bool {
	if h, ok := r.wordAt(j, wHonorific); ok && !r.taken[j] {
		j = h.end
		if r.abbrevStop(j) {
			j++
		}
	}
	if j >= len(r.toks) {
		return false
	}
	if m, ok := r.mentionAt(j); ok {
		return r.ments[m].typ == schema.Person
	}
	if r.taken[j] {
		return false
	}
	e := r.nameAt(j)
	if e < j+2 {
		return false
	}
	return e == len(r.toks) || !r.toks[e].Word && (r.toks[e].S == "," || r.toks[e].S == "." || r.toks[e].S == ";")
}

// setOffName reports, at token j after the comma that ends a title chain
// or its portfolio (وزير الدولة للشؤون الخارجية، X), a name of two or three words
// set off by punctuation after it as well: the apposition of a person the
// gazetteer lacks. In a language that capitalises names, capitals say it.
func (r *run) setOffName(j int) bool {
	if r.x.lang.Capitalised || j < 1 || j >= len(r.toks) || r.toks[j-1].S != "," || r.articled(r.toks[j].S) {
		return false
	}
	e := r.nameAt(j)
	if e < j+2 || e > j+3 {
		return false
	}
	return e == len(r.toks) || !r.toks[e].Word && (r.toks[e].S == "," || r.toks[e].S == ".")
}

// slashed reports a name written between slashes at token j, as some
// agencies write foreign names (رئيس الوزراء الكمبودي /X Y/).
func (r *run) slashed(j int) bool {
	if j+1 >= len(r.toks) || r.toks[j].Word || r.toks[j].S != "/" {
		return false
	}
	end := r.nameAt(j + 1)
	if end == j+1 {
		if _, ok := r.hitAt(j+1, kShort); !ok {
			if k, ok := r.mentionAt(j + 1); ok && r.ments[k].typ == schema.Person {
				end = r.ments[k].end
			}
		}
	}
	return end > j+1 && end < len(r.toks) && r.toks[end].S == "/"
}

// definiteTitle reads "الوزير" or "الرئيس" with the article and no name as
// the person last given that office in the text.
func (r *run) definiteTitle(i int) {
	h, ok := r.hitAt(i, kTitle)
	if !ok || !h.def || r.taken[i] || (h.end < len(r.toks) && r.startsName(h.end)) {
		return
	}
	if r.surnameAt(h.end) != "" {
		return // الوزير الصفدي: the title of a person named before, by surname
	}
	if r.x.articleWord {
		// the Vice Minister of Foreign Affairs, Mr. X: the title is X's.
		j := r.portfolio(h.end, false)
		if j+1 < len(r.toks) && !r.toks[j].Word && r.toks[j].S == "," {
			j++
			if hh, ok := r.wordAt(j, wHonorific); ok {
				j = hh.end
				if r.abbrevStop(j) {
					j++
				}
			}
		}
		if m, ok := r.mentionAt(j); ok && r.ments[m].typ == schema.Person || j < len(r.toks) && r.startsName(j) {
			return
		}
	}
	role := r.x.lang.Titles[h.lx.ref].Role
	// "الوزيرة السنغالية": a nationality adjective after the title names the
	// holder's country; a minister of another country is not meant.
	country := ""
	if a, ok := r.hitAt(h.end, kAdj); ok && a.clitic == 0 {
		country = r.x.entries[a.lx.ref].ID
	}
	for k := len(r.offices) - 1; k >= 0; k-- {
		o := r.offices[k]
		if country != "" && o.country != country {
			continue
		}
		if o.role == role || strings.HasPrefix(o.role, role+" ") {
			r.addMentionOnly(r.ents[o.person], h.start, h.end, mention{title: true})
			return
		}
	}
}

// firstCountryPerson returns the person of country named first before
// token i, or "".
func (r *run) firstCountryPerson(country string, i int) string {
	found, at := "", i
	for _, m := range r.ments {
		if m.typ == schema.Person && m.start < at && r.ents[m.id].Properties["country"] == country {
			found, at = m.id, m.start
		}
	}
	return found
}

// countryPerson returns the counterpart of country at token i: the person of
// that country who holds the office of the person named last before i (the
// one it is the counterpart of), else one whose office is not known to
// differ; a principal of a meeting before others, the one named last before
// ties. A president who sent a letter is not a foreign minister's counterpart.
func (r *run) countryPerson(country string, i int) string {
	var want []string
	last := -1 // mentions are not in text order: the nearest before i
	for _, m := range r.ments {
		if m.typ == schema.Person && m.start < i && m.start > last && r.personCountry(m.id) != country {
			want, last = r.rolesOf(m.id), m.start
		}
	}
	// fit is 2 for the same office, 1 when either office is unknown, 0 for
	// known, different offices.
	fit := func(p string) int {
		have := r.rolesOf(p)
		if len(want) == 0 || len(have) == 0 {
			return 1
		}
		for _, w := range want {
			if slices.Contains(have, w) {
				return 2
			}
		}
		return 0
	}
	found, best, at := "", 0, -1
	consider := func(p string, principal bool, start int) {
		f := fit(p)
		if f == 0 || r.personCountry(p) != country {
			return
		}
		sc := 2 * f
		if principal {
			sc++
		}
		if sc > best || sc == best && start > at {
			found, best, at = p, sc, start
		}
	}
	for _, m := range r.ments {
		if m.typ == schema.Person && m.start < i {
			consider(m.id, false, m.start)
		}
	}
	for _, ev := range r.evs {
		for _, p := range ev.principals {
			consider(p, true, i)
		}
	}
	return found
}

// rolesOf returns the offices of a person: those the text gives them and
// their gazetteer offices, each under the first name of its office in the
// language pack's dual titles (Foreign Minister and Minister of Foreign
// Affairs are one office).
func (r *run) rolesOf(person string) []string {
	var out []string
	add := func(role string) {
		if role == "" {
			return
		}
		if c, ok := r.x.sameOffice[role]; ok {
			role = c
		}
		if !slices.Contains(out, role) {
			out = append(out, role)
		}
	}
	for _, o := range r.offices {
		if o.person == person {
			add(o.role)
		}
	}
	if a := r.ents[person]; a != nil && a.entry != nil {
		for _, o := range a.entry.Offices {
			if r.date == "" || within(r.date, o.Start, o.End) {
				add(o.Role)
			}
		}
	}
	return out
}

// startsName reports whether a person's name starts at token j.
func (r *run) startsName(j int) bool {
	if k, ok := r.mentionAt(j); ok && r.ments[k].typ == schema.Person {
		return true
	}
	return r.nameAt(j) > j
}

// addMentionOnly records a title-only reference: it counts as a mention for
// relations but its text is no alias of the person.
func (r *run) addMentionOnly(a *acc, s, e int, m mention) {
	m.start, m.end, m.id, m.typ = s, e, a.ID, a.Type
	r.ments = append(r.ments, m)
	r.mstart[s], r.mend[e] = len(r.ments), len(r.ments)
	for k := s; k < e; k++ {
		r.taken[k] = true
	}
}

// office notes that person id holds role (in country) as a title near token at
// says.
func (r *run) office(id, role, country string, at int) {
	a := r.ents[id]
	if a == nil || role == "" {
		return
	}
	if _, ok := a.Properties["role"]; !ok {
		a.Properties["role"] = role
	}
	if country == "" && a.entry != nil {
		country = r.entryCountry(a.entry, role)
	}
	if country != "" {
		if _, ok := a.Properties["country"]; !ok {
			a.Properties["country"] = country
		}
	}
	r.offices = append(r.offices, officeNote{person: id, role: role, country: country, tok: at})
}

// entryCountry returns the country of a gazetteer person's office with role.
func (r *run) entryCountry(e *schema.Entry, role string) string {
	for _, o := range e.Offices {
		if o.Role == role && o.Country != "" {
			return o.Country
		}
	}
	return e.Country
}

// holder returns the person holding role in country on the document date: a
// person of this document first (the latest one given that office), else the
// gazetteer.
func (r *run) holder(role, country string) string {
	for k := len(r.offices) - 1; k >= 0; k-- {
		o := r.offices[k]
		if o.role == role && (country == "" || o.country == country) {
			return o.person
		}
	}
	if country == "" {
		return ""
	}
	if id := r.x.holderOn(role, country, r.date); id != "" && (r.date != "" || r.tenuresAllow(id)) {
		return id
	}
	return r.namedHolder(role, country)
}

// tenuresAllow reports, for a document with no date, whether gazetteer
// person id held office while every gazetteer person the document names by
// name held theirs: the only president ever known is no holder in an article
// whose other persons all left office before he took it.
func (r *run) tenuresAllow(id string) bool {
	e := r.entryByID(id)
	if e == nil {
		return false
	}
	from, to, ok := tenure(e.Offices, r.x.today)
	if !ok {
		return true
	}
	for _, m := range r.ments {
		b := r.ents[m.id]
		if m.typ != schema.Person || m.title || m.id == id || b == nil || b.entry == nil || len(b.entry.Offices) == 0 {
			continue
		}
		s, e, ok := tenure(b.entry.Offices, r.x.today)
		if ok && (s.Compare(to) > 0 || e.Compare(from) < 0) {
			return false
		}
	}
	return true
}

// namedHolder returns the one gazetteer person this document names who ever
// held office role of country: "سلطان عمان" in an undated article that also
// names السلطان قابوس, when the gazetteer knows two sultans.
func (r *run) namedHolder(role, country string) string {
	found := ""
	for _, id := range r.order {
		a := r.ents[id]
		if a == nil || a.entry == nil || a.Type != schema.Person {
			continue
		}
		for _, o := range a.entry.Offices {
			if o.Role == role && o.Country == country {
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
	}
	return found
}

// within reports whether the ISO date d falls in [start, end]; dates of any
// precision compare by their common prefix. An unknown date matches offices
// still held.
func within(d, start, end string) bool {
	if d == "" {
		return end == ""
	}
	if start != "" && cmpISO(d, start) < 0 {
		return false
	}
	return end == "" || cmpISO(d, end) <= 0
}

func cmpISO(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}

// shorts finds short references to persons already named: gazetteer short
// forms, and the last name word (or عبد+word) of a name seen earlier.
func (r *run) shorts() {
	short, firstAt := r.buf.short, r.buf.firstAt // folded form → person id ("" when ambiguous); person id → first token
	if short == nil || len(short) > maxKeptMap || len(firstAt) > maxKeptMap {
		short, firstAt = map[string]string{}, map[string]int{}
		r.buf.short, r.buf.firstAt = short, firstAt
	}
	clear(short)
	clear(firstAt)
	for _, m := range r.ments {
		if m.typ != schema.Person || m.title {
			continue
		}
		if p, ok := firstAt[m.id]; !ok || m.start < p {
			firstAt[m.id] = m.start
		}
		if m.end-m.start >= 2 {
			last := m.end - 1
			form := r.toks[last].S
			prev := r.toks[last-1].S
			r.fatherShort(short, m)
			if r.tokIn(last-1, wNameLink) {
				if m.end-m.start < 3 || !r.x.prefixedBy(prev, wNamePrefix) {
					continue // آل نهيان: a family name
				}
				form = prev + " " + form
			}
			if utf8.RuneCountInString(form) < 3 {
				continue
			}
			r.addShort(short, form, m.id)
		}
	}
	r.shortFirst = firstWords(short)
	headline := 0 // the tokens of the first line: a headline names people by surname before the text names them fully
	if len(r.sents) > 0 {
		headline = r.sents[0].end
	}
	for i := range r.toks {
		if r.taken[i] || !r.toks[i].Word {
			continue
		}
		if h, ok := r.hitAt(i, kShort); ok && r.shortWhole(h) {
			e := r.x.entries[h.lx.ref]
			if p, seen := firstAt[e.ID]; seen && (p < i || i < headline) {
				r.addMention(r.ents[e.ID], h.start, h.end, h.clitic, h.restored, mention{})
				continue
			}
		}
		if r.word(i, wFatherLink) && !r.fatherShortAt(i) {
			continue
		}
		r.matchShort(i, short, firstAt)
	}
}

// fatherShortAt reports token i, a link to a father's name, where a short
// form may start: after a name, a punctuation mark, a trigger, a title, an
// honorific or a function word ("استقبل ابن زايد"), not right after a word
// that may be a name's first ("الأمير عبدالعزيز بن سلمان" is another person).
func (r *run) fatherShortAt(i int) bool {
	p := i - 1
	if p < 0 || !r.toks[p].Word || r.taken[p] {
		return true
	}
	if r.word(p, wFunction) || r.word(p, wHonorific) {
		return true
	}
	for _, m := range r.mentsIn(max(0, p-6), i) {
		if m.end == i {
			return true
		}
	}
	for k := max(0, p-4); k <= p; k++ {
		for _, hi := range r.at[k] {
			if h := &r.hits[hi]; h.end == i && (h.kind == kTrigger || h.kind == kTitle) {
				return true
			}
		}
	}
	return false
}

// fatherShort records, for a name of three words or more with a link to a
// father's name after its first word (محمد بن سلمان آل سعود), the link and
// the father's name as its short forms, with each link of the pack ("بن
// سلمان", "ابن سلمان"): ambiguous when another person's name has them too.
func (r *run) fatherShort(short map[string]string, m mention) {
	if m.end-m.start < 3 {
		return
	}
	for k := m.start + 1; k+1 < m.end; k++ {
		if r.tokIn(k, wFatherLink) {
			if r.toks[k+1].Word && !r.tokIn(k+1, wNameLink) {
				for _, l := range r.x.lang.Words[listPurpose[wFatherLink]] {
					r.addShort(short, norm.Fold(l)+" "+r.toks[k+1].S, m.id)
				}
			}
			return
		}
	}
}

// addShort records form as a short form of person id, or as ambiguous ("")
// when it is already another person's.
func (r *run) addShort(short map[string]string, form, id string) {
	if old, ok := short[form]; ok && old != id {
		short[form] = ""
	} else {
		short[form] = id
	}
}

// matchShort matches a short form at token i, as written or after a proclitic.
func (r *run) matchShort(i int, short map[string]string, firstAt map[string]int) {
	if len(short) == 0 {
		return
	}
	w, next := r.toks[i].S, ""
	if i+1 < len(r.toks) && r.toks[i+1].Word {
		next = r.toks[i+1].S
	}
	if r.tryShort(i, w, 0, next, short, firstAt) {
		return
	}
	for _, p := range r.x.lex.procliticsOf(w) {
		if strings.HasPrefix(w, p) && r.shortFirst.may(w[len(p):]) && runesAtLeast(w[len(p):], 3) && !strings.HasSuffix(p, r.x.article) &&
			r.tryShort(i, w[len(p):], utf8.RuneCountInString(p), next, short, firstAt) {
			return
		}
	}
}

// tryShort matches the short form form (after clitic runes of token i), with
// the next word when there is one and then alone.
func (r *run) tryShort(i int, form string, clitic int, next string, short map[string]string, firstAt map[string]int) bool {
	if !r.shortFirst.may(form) {
		return false // no short form starts with form
	}
	try := func(id string, end int) bool {
		if id == "" || firstAt[id] >= i {
			return false
		}
		r.addMention(r.ents[id], i, end, clitic, false, mention{})
		return true
	}
	if next != "" {
		k := append(append(append(r.buf.key[:0], form...), ' '), next...)
		r.buf.key = k
		if try(short[string(k)], i+2) {
			return true
		}
	}
	return try(short[form], i+1)
}

// surnameAt returns the one person named before token j whose full name (of
// two words or more) ends with the word at j.
func (r *run) surnameAt(j int) string {
	if j >= len(r.toks) || !r.toks[j].Word || r.taken[j] {
		return ""
	}
	if j+1 < len(r.toks) && r.tokIn(j+1, wNameLink) {
		return "" // الأمير عبدالعزيز بن سعود: a longer name starts here
	}
	found := ""
	for _, m := range r.ments {
		if m.typ != schema.Person || m.title || m.start >= j || m.end-m.start < 2 {
			continue
		}
		if r.toks[m.end-1].S != r.toks[j].S && !r.givenNamed(m, j) {
			continue
		}
		if found != "" && found != m.id {
			return ""
		}
		found = m.id
	}
	return found
}

// givenNamed reports, where names are capitalised, a name of the Arabic
// kind (with a patronymic: Hamad bin Isa Al Khalifa) mentioned at m whose
// first word is the word at token j: after a title or an honorific such a
// person is named by the given name (King Hamad, Sayyid Asaad).
func (r *run) givenNamed(m mention, j int) bool {
	if !r.x.lang.Capitalised || r.toks[m.start].S != r.toks[j].S {
		return false
	}
	for k := m.start + 1; k < m.end; k++ {
		if r.tokIn(k, wPatronymic) {
			return true
		}
	}
	return r.familyFirst(m, j)
}

// appositiveNames finds persons named with no title before them but with one
// right after: "حنيفة أمان وزير خارجية ماليزيا"، "وقعها مراد مدلسي وزير
// الشؤون الخارجية". Two to four plain words, none with the article but the
// last, that start after a boundary (a trigger, a separator, punctuation, a
// marker word) and end right before a title chain, or before a comma and one,
// name a person who holds that title.
func (r *run) appositiveNames() {
	for i := 2; i < len(r.toks); i++ {
		if r.taken[i] || !r.toks[i].Word || !r.mayChain[i] {
			continue
		}
		c, ok := r.chainAt(i)
		if !ok || !c.titled {
			continue
		}
		end := i
		if r.x.articleWord && r.toks[end-1].S == r.x.article && end >= 2 && !r.toks[end-2].Word && r.toks[end-2].S == "," {
			end-- // X, the Governor of …: an article of its own before the title
		}
		if m := r.ownerBefore(end); m >= 0 && r.toks[r.ments[m].start-1].S == "," {
			end = r.ments[m].start // X, Kenya's Ambassador to …: the owner is the title's
			if c.country == "" {
				c.country = r.ments[m].id
			}
		}
		apposed := false
		if !r.toks[end-1].Word && r.toks[end-1].S == "," {
			end--
			apposed = true
		}
		start, words := end, 0
		for start > 0 && words < 4 && r.plain(start-1) && !r.listLeadEnds(start) && (start == end || !r.definite(r.toks[start-1].S) || r.tokIn(start-2, wNameLink)) {
			// A nisba (الروضان) may end the name; a word with the article
			// goes on with it after a name link (عبد الرحمن X); the links
			// (بن، آل) are no words of their own.
			start--
			if !r.tokIn(start, wNameLink) {
				words++
			}
		}
		if end-start < 2 || start == 0 {
			continue
		}
		// After a comma, "ومن جانب الهند، شكتيكانتا داس محافظ …": the
		// apposition vouches for a foreign name no list knows.
		comma := !r.toks[start-1].Word && r.toks[start-1].S == "," && end-start <= 3 && r.foreignName(start, end)
		// وقع عليها شنول قازانجي مدير عام الأولى: a trigger's subject.
		afterTrigger := r.triggerEnds(start) && end-start <= 3 && r.foreignName(start, end)
		// وحضور وفدي الحركة وجمال الشوبكي سفير …: a list item by its conjunction.
		conj := r.startsWithList(start, wConjunction) && r.givenName(start)
		// Sajid Raza, Secretary of …: where names are capitalised, capitalised
		// words set off by a comma before a title are a name.
		capped := r.x.lang.Capitalised && apposed && end-start <= 3 && r.foreignName(start, end)
		// signed by X Y, Minister of …: there, a word in small letters
		// bounds the name as well as punctuation does.
		bounded := r.nameBoundary(start-1) || capped && r.toks[start-1].Word && !r.capital(start-1)
		if lead := r.listLeadEnds(start); !lead && !comma && !afterTrigger && !conj && (!bounded || !r.givenName(start) && !capped) {
			continue // كل من بيريه بويويا المبعوث الخاص: a list lead vouches for a name
		}
		// وجمال الشوبكي سفير …: a given name after a conjunction and a
		// nisba, which nameAt reads as the next item of a portfolio.
		nisba := conj && end-start == 2 && r.conjOnName(start) > 0 && r.articled(r.toks[start+1].S)
		if r.nameAt(start) < end && !nisba {
			continue // the words do not read as one name
		}
		cl := r.conjOnName(start) // وعباس كلرو ممثل …: the conjunction is no part of the name
		sp := r.span(start, end, cl)
		a := r.entity(r.newKey("person", start, end, cl), schema.Person, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, start, end, cl, false, mention{})
		r.office(a.ID, c.role, c.country, i)
		i = c.end - 1
	}
}

// countryItems finds, where names are capitalised, the persons of a list
// whose every item is a name and the country it comes from: "X (Senegal),
// Y (Mali) and Z (Niger)", "X of Senegal, Y of Mali". Where one item's
// name is a person already read, the names of the others, two or three
// capitalised words, are persons too: the list's shape is the evidence.
func (r *run) countryItems() {
	if !r.x.lang.Capitalised {
		return
	}
	for _, s := range r.sents {
		var items []countryItem
		for k := s.start; k < s.end; k++ {
			it := countryItem{start: k}
			if m, ok := r.mentionAt(k); ok {
				if r.ments[m].typ != schema.Person {
					k = r.ments[m].end - 1
					continue
				}
				it.end, it.known = r.ments[m].end, true
			} else if r.plain(k) && (k == s.start || !r.plain(k-1)) {
				it.end = r.nameAt(k)
				if n := r.wordsIn(k, it.end); n < 2 || n > 3 {
					continue
				}
			} else {
				continue
			}
			e := it.end
			if e < s.end && !r.toks[e].Word && r.toks[e].S == "(" {
				it.paren = true
				e++
			} else if !r.tokIn(e, wOriginLink) {
				k = it.end - 1
				continue
			} else {
				e++
			}
			m, ok := r.mentionAt(e)
			if !ok || r.ments[m].typ != schema.Country {
				k = it.end - 1
				continue
			}
			e = r.ments[m].end
			if it.paren {
				if e >= s.end || r.toks[e].Word || r.toks[e].S != ")" {
					k = it.end - 1
					continue
				}
				e++
			}
			if e < s.end && r.toks[e].Word && r.capital(e) && !r.tokIn(e, wSeparator) {
				k = it.end - 1
				continue // Y of Mali Airlines: the country starts a longer name
			}
			items = append(items, it)
			k = e - 1
		}
		if len(items) < 2 {
			items = r.countryFirst(s)
		}
		known, paren := 0, 0
		for _, it := range items {
			if it.known {
				known++
			}
			if it.paren {
				paren++
			}
		}
		if known == 0 || len(items) < 2 || paren != 0 && paren != len(items) {
			continue
		}
		for _, it := range items {
			if it.known || r.taken[it.start] {
				continue
			}
			sp := r.span(it.start, it.end, 0)
			a := r.entity(r.newKey("person", it.start, it.end, 0), schema.Person, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, it.start, it.end, 0, false, mention{})
		}
	}
}

// countryItem is a name of a list of countryItems: [start, end), a
// person read before (known), followed by its country in parentheses
// (paren).
type countryItem struct {
	start, end int
	known      bool
	paren      bool
}

// countryFirst returns the items of a list in sentence s whose every item
// is a country and a name, a comma perhaps between ("Kazakhstan X Y,
// Uzbekistan Z W"; "from Guatemala, X Y; from Nicaragua, Z W"): each name
// that punctuation, a list separator or a word in small letters ends.
func (r *run) countryFirst(s sentence) []countryItem {
	var items []countryItem
	for k := s.start; k < s.end; k++ {
		m, ok := r.mentionAt(k)
		if !ok || r.ments[m].typ != schema.Country {
			continue
		}
		j := r.ments[m].end
		if j < s.end && !r.toks[j].Word && r.toks[j].S == "," {
			j++
		}
		it := countryItem{start: j}
		if p, ok := r.mentionAt(j); ok {
			if r.ments[p].typ != schema.Person {
				continue
			}
			it.end, it.known = r.ments[p].end, true
		} else if r.plain(j) {
			it.end = r.nameAt(j)
			if n := r.wordsIn(j, it.end); n < 2 || n > 3 {
				continue
			}
		} else {
			continue
		}
		if e := it.end; e < s.end && (r.toks[e].Word && r.capital(e) && !r.tokIn(e, wSeparator) || !r.toks[e].Word && r.toks[e].S != "," && r.toks[e].S != ";" && r.toks[e].S != ".") {
			continue
		}
		items = append(items, it)
		k = it.end - 1
	}
	return items
}

// wordsIn counts the words of a name at tokens [s, e) (Kassym-Jomart is
// two), or returns 0 when one of them has fewer than three letters or
// something other than a hyphen joins them.
func (r *run) wordsIn(s, e int) int {
	n := 0
	for k := s; k < e; k++ {
		switch {
		case r.toks[k].Word && utf8.RuneCountInString(r.toks[k].S) >= 3:
			n++
		case !r.toks[k].Word && r.joined(k):
		default:
			return 0
		}
	}
	return n
}

// ownerBefore returns the mention of a country written in the possessive
// right before token k (Kenya's), or -1.
func (r *run) ownerBefore(k int) int {
	if k < 3 || r.toks[k-2].Word || !slices.Contains(r.x.lists[wPossessive], r.toks[k-2].S+r.toks[k-1].S) || r.mend[k-2] == 0 {
		return -1
	}
	m := r.mend[k-2] - 1
	if r.ments[m].typ != schema.Country || r.ments[m].start < 1 {
		return -1
	}
	return m
}

// conjOnName returns the runes of a conjunction written on token k before
// a given name (ومحمد), to leave out of the name; 0 otherwise.
func (r *run) conjOnName(k int) int {
	if r.tokIn(k, wGivenName) {
		return 0
	}
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(w) > len(p) && strings.HasPrefix(w, p) && r.x.in(wGivenName, w[len(p):]) {
			return utf8.RuneCountInString(p)
		}
	}
	return 0
}

// shortWhole reports a short form that is a whole word: one of fewer than
// three letters only as written (لي is Li Qiang; ولي is a title's word).
func (r *run) shortWhole(h hit) bool {
	return h.clitic == 0 || h.end-h.start > 1 || utf8.RuneCountInString(r.toks[h.start].S)-h.clitic >= 3
}

// givenName reports whether token k is a given name of the pack, as written
// or after a conjunction (وعبدالله).
func (r *run) givenName(k int) bool {
	if r.tokIn(k, wGivenName) {
		return true
	}
	w := r.toks[k].S
	for _, p := range r.x.lists[wConjunction] {
		if len(w) > len(p) && strings.HasPrefix(w, p) && r.x.in(wGivenName, w[len(p):]) {
			return true
		}
	}
	return false
}

// nameBoundary reports whether token k can stand right before a name that
// starts a phrase: punctuation, a separator, a trigger, or a marker word.
func (r *run) nameBoundary(k int) bool {
	if !r.toks[k].Word {
		return true
	}
	if r.mend[k+1] > 0 {
		if t := r.ments[r.mend[k+1]-1].typ; t == schema.Country || t == schema.Organization {
			return true // عن حكومة الكويت X وزير …
		}
	}
	if r.tokIn(k, wSeparator) || r.word(k, wWith) || r.word(k, wBetween) || r.word(k, wListLead) || r.honorificBefore(k+1) {
		return true
	}
	for _, hi := range r.at[k] {
		if h := r.hits[hi]; h.kind == kTrigger && h.end == k+1 {
			return true
		}
	}
	return false
}

// listLineNames finds the persons of list lines: a line opening with a dash
// or a bullet, then a name of two to four plain words, then a dash, a comma or
// a colon and a country, or the end of the line ("- مصطفى إلكر كيليش – تركيا").
// The list's layout is the evidence that the words are a name.
func (r *run) listLineNames() {
	for _, s := range r.sents {
		k := s.start
		if k >= s.end || r.toks[k].Word || !bullet(r.toks[k].S) {
			continue
		}
		start := k + 1
		end := start
		for end < s.end && end-start < 5 && r.plain(end) {
			end++
		}
		if end-start < 2 || end-start > 4 {
			continue
		}
		if end < s.end {
			if r.toks[end].Word || !(bullet(r.toks[end].S) || r.toks[end].S == "," || r.toks[end].S == ":") {
				continue
			}
			m, ok := r.mentionAt(end + 1)
			if !ok || r.ments[m].typ != schema.Country {
				continue
			}
		}
		sp := r.span(start, end, 0)
		a := r.entity(r.newKey("person", start, end, 0), schema.Person, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, start, end, 0, false, mention{})
	}
}

// bullet reports a mark that opens a list line or separates its parts.
func bullet(s string) bool {
	switch s {
	case "-", "–", "—", "•", "*", "·":
		return true
	}
	return false
}

// pairAppositives reads the holders named after a dual title, each by a
// nationality and a name: "وقع وزيرا مالية البلدين، التركي ناجي أقبال،
// والصومالي محمد إبراهيم فرغيتي". Each is a person with the title's office
// in that country.
func (r *run) pairAppositives() {
	for i := r.nextKind(0, kRef); i < len(r.toks); i = r.nextKind(i+1, kRef) {
		h, ok := r.hitAt(i, kRef)
		if !ok || h.lx.sub != refOfficePair {
			continue
		}
		role := ""
		if roles := r.x.lang.OfficePairs[h.lx.ref].Roles; len(roles) > 0 {
			role = roles[0]
		}
		k := h.end
		for n := 0; n < 2 && k < len(r.toks); n++ {
			if !r.toks[k].Word && r.toks[k].S == "," {
				k++
			}
			if k < len(r.toks) && r.tokIn(k, wConjunction) {
				k++
			}
			a, ok := r.hitAt(k, kAdj)
			if !ok || a.clitic > 0 && !r.startsWithList(k, wConjunction) {
				break
			}
			country := r.x.entries[a.lx.ref].ID
			j := a.end
			if m, ok := r.mentionAt(j); ok && r.ments[m].typ == schema.Person {
				r.office(r.ments[m].id, role, country, j)
				k = r.ments[m].end
				continue
			}
			end := r.nameAt(j)
			if end < j+2 {
				break
			}
			sp := r.span(j, end, 0)
			p := r.entity(r.newKey("person", j, end, 0), schema.Person, sp.Text, nil)
			p.Properties["provisional"] = true
			r.addMention(p, j, end, 0, false, mention{})
			r.office(p.ID, role, country, j)
			k = end
		}
	}
}

// nasabBefore returns where a known person's name starts when the text
// writes it with a father's name inserted before the name matched at
// [start, end) (أنور بن محمد قرقاش for أنور قرقاش): a name of e that starts
// with a word two or four tokens before, the tokens between being a name
// link and a name word each time. It returns start when there is none.
func (r *run) nasabBefore(e *schema.Entry, start, end int) int {
	for _, back := range []int{3, 5} {
		k := start - back
		if k < 0 || r.anyTaken(k, start) {
			continue
		}
		ok := true
		for p := k + 1; p < start && ok; p += 2 {
			ok = r.tokIn(p, wNameLink) && r.plain(p+1)
		}
		if !ok || !r.plain(k) {
			continue
		}
		first, last := r.toks[k].S, r.toks[end-1].S
		if c := r.conjOnName(k); c > 0 {
			first = string([]rune(first)[c:])
		}
		for _, n := range e.Names[r.x.lang.Code] {
			w := norm.Words(norm.Fold(n))
			if len(w) >= 2 && w[0] == first && w[len(w)-1] == last && len(w) < end-k {
				return k
			}
		}
	}
	return start
}

// listLeadEnds reports a list lead (كل من) that ends right before token k.
func (r *run) listLeadEnds(k int) bool {
	for j := max(0, k-3); j < k; j++ {
		if h, ok := r.wordAt(j, wListLead); ok && h.end == k {
			return true
		}
	}
	return false
}

// foreignName reports words [s, e) that may be a name no list knows: each of
// three letters at least but one of two inside the name that is no
// function word (تران لو كوانغ), the first no word read after a proclitic
// (بجانب).
func (r *run) foreignName(s, e int) bool {
	if r.cliticStripped(s) {
		return false
	}
	for k := s; k < e; k++ {
		if n := utf8.RuneCountInString(r.toks[k].S); n < 3 && (n < 2 || k == s || k == e-1 || r.tokIn(k, wFunction)) {
			return false
		}
	}
	return true
}

// triggerEnds reports a trigger phrase that ends right before token k.
func (r *run) triggerEnds(k int) bool {
	if k == 0 {
		return false
	}
	for j := max(0, k-4); j < k; j++ {
		for _, hi := range r.at[j] {
			if h := r.hits[hi]; h.kind == kTrigger && h.end == k {
				return true
			}
		}
	}
	return false
}

// stateFormWord reports a state's form (جمهورية) at token k, as written or
// after a proclitic (لجمهورية، وجمهورية).
func (r *run) stateFormWord(k int) bool {
	if r.word(k, wStateForm) {
		return true
	}
	w := r.toks[k].S
	for _, p := range r.x.lex.procliticsOf(w) {
		if len(w) > len(p) && strings.HasPrefix(w, p) && r.x.in(wStateForm, w[len(p):]) {
			return true
		}
	}
	return false
}

// portfolioHolders reads the holders of a list of portfolios that goes on
// after a person with the office noun left out: "ووزراء الخارجية X،
// والطاقة والموارد الطبيعية Y، والمواصلات والنقل البحري Z". After a
// person, a comma or nothing, then a portfolio opening with a conjunction
// and the article (no list break: والوفد المرافق له), an honorific perhaps
// and a name of two words or more, of three letters each but a short word
// inside, name one more person; the list goes on from each.
func (r *run) portfolioHolders() {
	if r.x.articleWord {
		return // a language whose article is a word of its own repeats the office noun
	}
	for n := len(r.ments); n > 0; n-- {
		m := r.ments[len(r.ments)-n]
		if m.typ != schema.Person {
			continue
		}
		for e := m.end; ; {
			j := e
			if j < len(r.toks) && !r.toks[j].Word && r.toks[j].S == "," {
				j++
			}
			k := r.portfolioItem(j)
			if k < 0 {
				break
			}
			if _, ok := r.mentionAt(k); ok || k >= len(r.toks) || r.taken[k] {
				break // a person read already, or anything else: the list ends
			}
			end := r.nameAt(k)
			if end < k+2 || r.anyTaken(k, end) || !r.foreignName(k, end) {
				break
			}
			sp := r.span(k, end, 0)
			a := r.entity(r.newKey("person", k, end, 0), schema.Person, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, k, end, 0, false, mention{})
			e = end
		}
	}
}

// portfolioItem returns where the holder's name starts after a portfolio
// of a list at token j, opening with a conjunction and the article, an
// honorific perhaps after it (، والتخطيط الدكتور X); -1 when none is there
// (والوفد المرافق له: a list break, the delegation).
func (r *run) portfolioItem(j int) int {
	if r.x.articleWord || j >= len(r.toks) || r.taken[j] || !r.startsWithList(j, wConjunction) || !r.definiteClitic(r.toks[j].S) || r.word(j, wListBreak) {
		return -1
	}
	k := r.portfolio(j, false)
	if k == j {
		return -1
	}
	if h, ok := r.wordAt(k, wHonorific); ok {
		k = h.end
	}
	return k
}

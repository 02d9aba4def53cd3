package extract

import (
	"github.com/dipgraph/dipgraph/schema"
)

// A gazetteer name may belong to several entries: a generic venue name that
// many countries use (القصر الرئاسي), a city that shares its name with another
// country (عمان: Amman and Oman), two cities of one name (طرابلس). The words
// around a mention and the places of the whole document choose among them.

// Context scores of a candidate entry.
const (
	ctxDateline   = 5 // a city named in the dateline position (عمان - …)
	ctxCityLead   = 4 // a city after a city word (العاصمة الأردنية عمان)
	ctxNearCity   = 4 // the candidate's city named right after it
	ctxNearAdj    = 3 // an adjective of the candidate's country next to it
	ctxNearName   = 2 // the candidate's country named next to it
	ctxDocCity    = 3 // the candidate's city is the dateline city
	ctxDocCountry = 2 // the candidate's country is the dateline city's country
	ctxDocMax     = 3 // the most the document's other places may add
	nearBefore    = 4 // tokens before a mention that count as next to it
	nearAfter     = 6 // tokens after a mention that count as next to it
)

// placeContext is what a document says about places without ambiguity.
type placeContext struct {
	dateline string         // the city of the dateline, or ""
	support  map[string]int // country id → unambiguous mentions of it, its cities, adjectives and people
}

// alternatives returns the gazetteer hits in cands over the same tokens as
// cands[i] (which is among them), each entry once, or nil when cands[i] is
// the only entry there.
func alternatives(cands []hit, i int) []hit {
	h := cands[i]
	shared := false
	for k := i + 1; k < len(cands) && cands[k].end-cands[k].start == h.end-h.start && cands[k].start == h.start; k++ {
		shared = shared || cands[k].end == h.end && cands[k].lx.ref != h.lx.ref
	}
	if !shared {
		return nil // the common case: one entry, nothing to allocate
	}
	var alts []hit
	for k := i; k < len(cands); k++ {
		c := cands[k]
		if c.start != h.start || c.end != h.end {
			if c.end-c.start != h.end-h.start || c.start > h.start {
				break
			}
			continue
		}
		dup := false
		for _, a := range alts {
			if a.lx.ref == c.lx.ref {
				dup = true
				break
			}
		}
		if !dup {
			alts = append(alts, c)
		}
	}
	return alts
}

// subReference marks a lexicon phrase that is one of an entry's references
// (Entry.References): it names the entry only with the document's support.
const subReference = "reference"

// resolve chooses among the entries that share the words of alts (hits over
// the same tokens, in the gazetteer order). A city of another country loses to
// the country of its own name only by context; the candidate with the highest
// context score wins. With no winner, it returns the first of alts when one of
// them is no ambiguous entry (a country before a city of its name), and false
// when all are ambiguous: a shared name matches only with supporting context.
func (r *run) resolve(alts []hit, ctx *placeContext) (hit, bool) {
	strict := false // a reference (المملكة) names an entry only with the document's support
	for _, h := range alts {
		strict = strict || h.lx.sub == subReference
	}
	if len(alts) == 1 {
		if !r.x.entries[alts[0].lx.ref].Ambiguous && !strict {
			return alts[0], true
		}
		if strict {
			if ctx.support == nil {
				*ctx = r.places()
			}
			if local, doc := r.contextScore(alts[0], *ctx); local+doc > 0 {
				return alts[0], true
			}
			return hit{}, false
		}
		// A name the gazetteer marks ambiguous though no other entry has it
		// is also a common word (ماليه: Malé, and finance): only context
		// makes it the place.
		if ctx.support == nil {
			*ctx = r.places()
		}
		if local, _ := r.contextScore(alts[0], *ctx); local > 0 {
			return alts[0], true
		}
		return hit{}, false
	}
	var kept []hit
	for _, h := range alts {
		e := r.x.entries[h.lx.ref]
		if e.Type == schema.City && e.Country != "" && r.hasEntry(alts, e.Country) && !r.datelineAt(h.start, h.end) {
			continue // الكويت: the country, not the capital of that name, but in a dateline
		}
		kept = append(kept, h)
	}
	if len(kept) == 1 {
		return kept[0], true
	}
	if ctx.support == nil {
		*ctx = r.places()
	}
	best, bestScore, tie := kept[0], -1, false
	for _, h := range kept {
		local, doc := r.contextScore(h, *ctx)
		s := local + doc
		if local == 0 && r.x.entries[h.lx.ref].Type == schema.Venue {
			s = 0 // a venue needs words around it or the dateline, not only the document's countries
		}
		switch {
		case s > bestScore:
			best, bestScore, tie = h, s, false
		case s == bestScore:
			tie = true
		}
	}
	if bestScore > 0 && !tie {
		return best, true
	}
	if strict {
		return hit{}, false
	}
	for _, h := range kept {
		if !r.x.entries[h.lx.ref].Ambiguous {
			return kept[0], true
		}
	}
	return hit{}, false
}

func (r *run) hasEntry(alts []hit, id string) bool {
	for _, h := range alts {
		if r.x.entries[h.lx.ref].ID == id {
			return true
		}
	}
	return false
}

// placeOf returns the city and the country of a gazetteer entry.
func (r *run) placeOf(e *schema.Entry) (city, country string) {
	switch e.Type {
	case schema.Country:
		return "", e.ID
	case schema.City:
		return e.ID, e.Country
	case schema.Venue:
		if c := r.entryByID(e.City); c != nil {
			return e.City, c.Country
		}
		return e.City, ""
	}
	return "", e.Country
}

func (r *run) entryByID(id string) *schema.Entry {
	if i, ok := r.x.index[id]; ok {
		return r.x.entries[i]
	}
	return nil
}

// contextScore scores a candidate entry by the words around its mention and
// the dateline (local), and by the places the document names (doc).
func (r *run) contextScore(h hit, ctx placeContext) (local, doc int) {
	e := r.x.entries[h.lx.ref]
	city, country := r.placeOf(e)
	score := 0
	if e.Type == schema.City {
		if r.datelineAt(h.start, h.end) {
			score += ctxDateline
		}
		k := h.start - 1
		if _, adj := r.adjBefore(k); adj {
			k--
		}
		if h.clitic == 0 && r.word(k, wCityLead) {
			score += ctxCityLead
		}
	}
	si := r.sentenceOf(h.start)
	lo, hi := max(r.sents[si].start, h.start-nearBefore), min(r.sents[si].end, h.end+nearAfter)
	var nearCity, nearAdj, nearName bool
	for _, c := range r.hits[r.firstHit(lo):] {
		if c.start >= hi {
			break
		}
		if c.start >= h.start && c.start < h.end {
			continue
		}
		switch c.kind {
		case kAdj:
			nearAdj = nearAdj || r.x.entries[c.lx.ref].ID == country
		case kGaz:
			o := r.x.entries[c.lx.ref]
			if !r.unambiguousAt(c) {
				continue
			}
			nearCity = nearCity || o.Type == schema.City && o.ID == city && city != e.ID && c.start >= h.end
			nearName = nearName || o.Type == schema.Country && o.ID == country && country != e.ID
		}
	}
	if nearCity {
		score += ctxNearCity
	}
	if nearAdj {
		score += ctxNearAdj
	}
	if nearName {
		score += ctxNearName
	}
	if ctx.dateline != "" && e.ID != ctx.dateline {
		if d := r.entryByID(ctx.dateline); city == ctx.dateline {
			score += ctxDocCity
		} else if d != nil && d.Country == country && country != "" {
			score += ctxDocCountry
		}
	}
	return score, min(ctx.support[country], ctxDocMax)
}

// adjBefore reports a nationality adjective ending at token k.
func (r *run) adjBefore(k int) (hit, bool) {
	for s := max(0, k-1); s <= k; s++ {
		if a, ok := r.hitAt(s, kAdj); ok && a.end == k+1 {
			return a, true
		}
	}
	return hit{}, false
}

// firstHit returns the index of the first hit starting at token i or later.
func (r *run) firstHit(i int) int {
	lo, hi := 0, len(r.hits)
	for lo < hi {
		m := (lo + hi) / 2
		if r.hits[m].start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// unambiguousAt reports whether the gazetteer hit c is the only entry over its
// tokens.
func (r *run) unambiguousAt(c hit) bool {
	for _, hi := range r.at[c.start] {
		o := r.hits[hi]
		if o.kind == kGaz && o.end == c.end && o.lx.ref != c.lx.ref {
			return false
		}
	}
	return true
}

// datelineAt reports a name over tokens [i, j) in the dateline position:
// first on a line among the first lines, followed by a dash, a bracket (the
// agency), a comma, or a day and a month (after في or not).
func (r *run) datelineAt(i, j int) bool {
	if i >= 3*datelineSpan || i > 0 && r.toks[i-1].S != "\n" {
		return false
	}
	switch r.tokS(j) {
	case "-", "–", "—", "(", ":", "،", ",":
		return true
	}
	if r.x.in(wDateLead, r.tokS(j)) {
		j++ // CITY في 12 مايو
	}
	if _, day := smallNumber(r.tokS(j), 31); day {
		h, month := r.hitAt(j+1, kDate)
		return month && h.lx.sub == "month"
	}
	return false
}

// places reads the dateline city and how often each country is named without
// ambiguity (itself, its cities and venues, its adjectives, its people).
func (r *run) places() placeContext {
	ctx := placeContext{support: map[string]int{}}
	for _, h := range r.hits {
		switch h.kind {
		case kAdj:
			ctx.support[r.x.entries[h.lx.ref].ID]++
		case kGaz:
			e := r.x.entries[h.lx.ref]
			if ctx.dateline == "" && e.Type == schema.City && r.datelineAt(h.start, h.end) {
				ctx.dateline = e.ID
			}
			if !r.unambiguousAt(h) {
				continue
			}
			if _, c := r.placeOf(e); c != "" {
				ctx.support[c]++
			}
		}
	}
	return ctx
}

package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// venues finds venues named by a venue noun and a name (قصر الاتحادية، قاعة
// X) that the gazetteer does not know, and the city each venue is in.
func (r *run) venues() {
	r.venueCity = map[string]string{}
	for i := r.nextKind(0, kVenue); i < len(r.toks); i = r.nextKind(i+1, kVenue) {
		h, ok := r.hitAt(i, kVenue)
		if !ok || r.taken[i] || (h.def && !r.articled(h.lx.toks[0])) {
			continue
		}
		if th, ok := r.titleEnding(i); ok && th && h.clitic == 0 {
			continue // رئيس ديوان الرئاسة: part of a title
		}
		if r.x.lang.Capitalised && !r.capital(i) {
			continue // the headquarters of …: a common noun where names are capitalised
		}
		if s := r.nameBefore(i); s < i && (s < i-1 || !r.word(i, wWeakVenue)) {
			// Oguzhan Palace, Addis Ababa Bole International Airport: where
			// qualifiers come first the name stands before the venue noun,
			// and a city after it is where the venue is.
			sp := r.span(s, h.end, 0)
			a := r.entity(r.newKey("venue", s, h.end, 0), schema.Venue, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, s, h.end, 0, false, mention{})
			continue
		}
		j := h.end
		k := j
		indef := 0 // indefinite name words so far (مطار هواري بومدين الدولي)
		for k < len(r.toks) && k-j < 5 {
			if m, ok := r.mentionAt(k); ok && (r.ments[m].typ == schema.City || r.ments[m].typ == schema.Country) && !r.cliticStripped(k) {
				k = r.ments[m].end // مطار القاهرة الدولي، فندق شيراتون الدوحة
				continue
			}
			if !(r.plain(k) || k > j && r.adjectiveWord(k)) {
				break
			}
			t := r.toks[k].S
			if k > j && r.definiteClitic(t) {
				break // قصر X بالعاصمة: where it is, not its name
			}
			if !r.articled(t) && !r.definite(t) {
				if k > j && indef == 0 || r.tokIn(k, wFunction) {
					break // قاعة الشعب الكبرى ببكين: a definite name ends at an indefinite word
				}
				indef++
			}
			k++
		}
		if s := r.ownName(h); k == j && s >= 0 {
			i = s
			// at the Presidential Palace, at State House: a venue noun of two
			// capitalised words is the venue's name.
			// Many cities have one: the key names the city said right after
			// it (the State House in Juba, State House, Nairobi), so that
			// two are two nodes.
			key := r.newKey("venue", i, j, 0)
			for _, m := range r.ments {
				if m.typ == schema.City && m.start >= j && m.start <= j+3 && (!r.hasPunct(j, m.start) || m.start == j+1 && r.toks[j].S == ",") {
					key += "-" + strings.TrimPrefix(m.id, "city:")
					break
				}
			}
			sp := r.span(i, j, 0)
			a := r.entity(key, schema.Venue, sp.Text, nil)
			a.Properties["provisional"] = true
			r.addMention(a, i, j, 0, false, mention{})
			continue
		}
		if g, ok := r.wordAt(j, wVenueGeneric); ok && k < g.end {
			k = g.end // مقر رئاسة: a generic word that is no name word
		}
		if r.word(i, wWeakVenue) && k-j < 2 && (k == j || !r.generic(j, k)) {
			// مقر المهرجان، مقر آخر: a seat, no venue's name. A generic
			// word after it (مقر رئاسة، مقر إقامة) waits for the name or
			// the body that completes it, below.
			if m, ok := r.mentionAt(k); !ok || r.ments[m].typ != schema.Organization {
				continue
			}
		}
		if k == j {
			continue
		}
		clitic := h.clitic
		if r.generic(j, k) {
			// قاعة الاجتماعات، مقر إقامة: no name yet. A quoted name
			// after it is the venue (مقر إقامة "X"); an organisation or a
			// definite word with a preposition completes it (مقر الأمانة
			// العامة لمجلس التعاون، … للمجلس).
			if q := r.quotedName(k); q > k+1 {
				i, k, clitic = k+1, q, 0
			} else if m, ok := r.mentionAt(k); ok && r.ments[m].typ == schema.Organization {
				k = r.ments[m].end // مقر الأمانة العامة لمجلس التعاون
			} else if k < len(r.toks) && r.toks[k].Word && !r.taken[k] && r.definiteClitic(r.toks[k].S) && r.x.prefixedBy(r.toks[k].S, wArticleContraction) {
				k++ // للمجلس, not بالأمانة (where it is)
			} else if e := r.definiteRun(k); e > k && !r.articled(r.toks[k-1].S) {
				k = e // مقر رئاسة الجمهورية، مقر وزارة الشؤون الخارجية
			} else {
				continue
			}
		}
		sp := r.span(i, k, clitic)
		a := r.entity(r.newKey("venue", i, k, clitic), schema.Venue, sp.Text, nil)
		a.Properties["provisional"] = true
		r.addMention(a, i, k, clitic, false, mention{})
	}
	r.sortMentions()
	// A venue's city: the gazetteer's, or a city named right after it
	// ("بقاعة الشعب الكبرى ببكين", "في قاعة X بالعاصمة بكين").
	for idx, m := range r.ments {
		if m.typ != schema.Venue {
			continue
		}
		if a := r.ents[m.id]; a.entry != nil && a.entry.City != "" {
			r.venueCity[m.id] = a.entry.City
			continue
		}
		for _, n := range r.ments[idx+1:] {
			if n.start > m.end+3 || r.hasPunct(m.end, n.start) {
				break
			}
			if n.typ == schema.City {
				if _, ok := r.venueCity[m.id]; !ok {
					r.venueCity[m.id] = n.id
				}
				break
			}
		}
	}
}

// ownName returns the first token of a venue noun h of two words or more,
// each capitalised, that names the venue by itself (at the Presidential
// Palace, at State House, at the National Convention Centre), in a language
// that capitalises names and writes its article as a word of its own: up
// to two capitalised words kept out of names may come first, and the
// article or a word in small letters before them. A capitalised word after
// it makes it part of a longer name. -1 when it names none.
func (r *run) ownName(h hit) int {
	if !r.x.lang.Capitalised || !r.x.articleWord || h.clitic != 0 || h.end-h.start < 2 || h.start == 0 {
		return -1
	}
	for k := h.start; k < h.end; k++ {
		if !r.toks[k].Word || !r.capital(k) {
			return -1
		}
	}
	if h.end < len(r.toks) && r.toks[h.end].Word && r.capital(h.end) {
		return -1 // the Presidential Palace Hotel: a longer name goes on
	}
	s := h.start
	for s > 0 && h.start-s < 2 && r.toks[s-1].Word && !r.taken[s-1] && r.capital(s-1) && r.tokIn(s-1, wNameStop) && r.toks[s-1].S != r.x.article {
		s-- // the National Convention Centre
	}
	if s == 0 {
		return -1
	}
	if p := s - 1; r.toks[p].S != r.x.article && (!r.toks[p].Word || r.capital(p)) {
		return -1 // Hyderabad House: the words before name it (nameBefore)
	}
	return s
}

// nameBefore returns the first token of a venue's name written before the
// venue noun at token i, in a language whose names are capitalised and whose
// qualifiers come first: up to four capitalised plain words, hyphens and a
// city's name right before it (Al-Salam Royal Palace, Addis Ababa Bole
// International Airport); i when none is written there. A weak venue noun
// (House) takes two words or more: Upper House is no venue.
func (r *run) nameBefore(i int) int {
	if !r.x.lang.QualifiersFirst || !r.x.lang.Capitalised {
		return i
	}
	s, words := i, 0
	for k := i - 1; k >= 0 && words < 4; {
		switch m := r.mend[k+1]; {
		case !r.toks[k].Word && r.toks[k].S == "-" && k > 0 && r.plain(k-1) && s == k+1:
			k--
		case m > 0 && r.ments[m-1].typ == schema.City && s < i:
			return r.ments[m-1].start // Addis Ababa Bole International Airport
		case r.plain(k) && m == 0:
			s, k, words = k, k-1, words+1
		default:
			return s
		}
	}
	return s
}

// adjectiveWord reports a word with the article at token k that only word
// lists know and that ends no clause (الدولي، الرئاسي): an adjective that
// may end a venue's name.
func (r *run) adjectiveWord(k int) bool {
	if k >= len(r.toks) || !r.toks[k].Word || r.taken[k] || !r.articled(r.toks[k].S) {
		return false
	}
	if r.kinds[k]&^(1<<kWord) != 0 || r.word(k, wClause) || r.word(k, wRelative) || r.tokIn(k, wHonorific) {
		return false // بمطار الخرطوم المشير X: an honorific starts the next name
	}
	if k+1 < len(r.toks) {
		if _, ok := r.hitAt(k+1, kDate); ok {
			return false
		}
	}
	return true
}

// generic reports whether tokens [s, e) are all generic venue words
// (الاجتماعات، إقامة، الأمانة العامة).
func (r *run) generic(s, e int) bool {
	for s < e {
		h, ok := r.wordAt(s, wVenueGeneric)
		if !ok || h.end > e {
			return false
		}
		s = h.end
	}
	return true
}

// definiteRun returns the end of the one or two words with the article from
// token k, or k.
func (r *run) definiteRun(k int) int {
	e := k
	for e < len(r.toks) && e < k+2 && r.toks[e].Word && !r.taken[e] && r.articled(r.toks[e].S) {
		if _, date := r.hitAt(e, kDate); date || e > k && r.tokIn(e, wNameStop) {
			break // … الجمهورية اليوم
		}
		if _, title := r.hitAt(e, kTitle); title && e > k {
			break // بمقر رئاسة الوزراء المبعوث …: a title starts the object
		}
		e++
	}
	return e
}

// quotedName returns the end of a quoted name of one to three plain words
// opening at token k ("X"), or k.
func (r *run) quotedName(k int) int {
	if k+2 >= len(r.toks) || r.toks[k].Word || r.toks[k].S != "\"" {
		return k
	}
	for e := k + 1; e < len(r.toks) && e <= k+4; e++ {
		if !r.toks[e].Word {
			if r.toks[e].S == "\"" && e > k+1 {
				return e
			}
			return k
		}
		if !r.plain(e) {
			return k
		}
	}
	return k
}

// titleEnding reports whether a title ends right before token i.
func (r *run) titleEnding(i int) (bool, bool) {
	for k := max(0, i-3); k < i; k++ {
		if h, ok := r.hitAt(k, kTitle); ok && h.end == i {
			return true, true
		}
	}
	return false, false
}

// hasPunct reports whether a sentence or clause mark lies in tokens [s, e).
func (r *run) hasPunct(s, e int) bool {
	for k := s; k < e && k < len(r.toks); k++ {
		if !r.toks[k].Word && r.toks[k].S != "-" {
			return true
		}
	}
	return false
}

package extract

import (
	"math/bits"
	"slices"
	"strings"
)

// list is a word list of LangPack.Words that the extractor reads, by purpose.
// Lists are bits of a word's mask, so one lookup answers for all of them.
type list uint8

// Word lists read by the extractor; listPurpose names their keys in
// LangPack.Words.
const (
	wHonorific list = iota
	wNameLink
	wNameStop
	wNameCompound
	wClause
	wListBreak
	wTreatyStop
	wTreatyNum
	wTreatyNotTitle
	wTreatyLead
	wFuture
	wFutureVerb
	wLightVerb
	wNotMeeting
	wNegation
	wCityLead
	wSeparator
	wWith
	wFunction
	wFeminine
	wSideMarker
	wPosting
	wPartyRef
	wSidelines
	wGroup
	wSpouse
	wQualifier
	wVenueGeneric
	wParticle
	wTreatyLink
	wPronoun
	wMessage
	wMessageFrom
	wRelative
	wPostingAt
	wPortfolioLead
	wNamePrefix
	wListLead
	wConjunction
	wSeries
	wBetween
	wHonour
	wRecipient
	wCarrier
	wCancel
	wMultilateral
	wEventOrdinal
	wArticleContraction
	wTreatyLeadPrefix
	wDateLead
	wDatePast
	wDateNext
	wDateMonth
	wGivenName
	wGovernment
	wRepresented
	wPatronymic
	wOrgNoun
	wIssue
	wDecoration
	wChair
	wPrepClitic
	wWeakVenue
	wComplementizer
	wDative
	wFamilyName
	wStateForm
	wAuspices
	wReaction
	wAside
	wPossessive
	wAbbrev
	wEventRef
	wTreatyReached
	wTreatyPlural
	wTreatyDual
	wTitleLink
	wTreatySubject
	wCeremony
	wCopula
	wTreatyNaming
	wTreatyAttached
	wItemMark
	wNumberMark
	wParticipleEnding
	wTimeLead
	wFatherLink
	wRegion
	wOriginLink
	wOrgAdjective
	wPassiveVerb
	wArticledGiven
	wAppeal
	wTreatyInfinitive
	wNounEnding
	// wMaqsura is no list of the pack: the name stops written with ى (على),
	// whose folded form is also a name written with ي (علي).
	wMaqsura
	// wFoldApart is no list of the pack either: the name stops written with
	// a letter that folding changes (أن، إلى); after a proclitic, a token
	// written without it (فان، بان) is a name word.
	wFoldApart
	nLists
)

// listPurpose names the keys of LangPack.Words the lists are read from: the
// closed set schema.WordPurposes (TestPurposes keeps the two equal).
var listPurpose = [nLists]string{
	wHonorific:          "honorifics",
	wNameLink:           "name_links",
	wNameStop:           "name_stops",
	wNameCompound:       "name_compounds",
	wClause:             "clause_breaks",
	wListBreak:          "list_breaks",
	wTreatyStop:         "treaty_breaks",
	wTreatyNum:          "treaty_counts",
	wTreatyNotTitle:     "treaty_not_title",
	wTreatyLead:         "treaty_leads",
	wFuture:             "future_prefixes",
	wFutureVerb:         "future_verb_prefixes",
	wLightVerb:          "light_verbs",
	wNotMeeting:         "not_meeting",
	wNegation:           "negation",
	wCityLead:           "city_lead",
	wSeparator:          "list_separators",
	wWith:               "with_words",
	wFunction:           "function_words",
	wFeminine:           "feminine_endings",
	wSideMarker:         "side_markers",
	wPosting:            "posting",
	wPartyRef:           "party_refs",
	wSidelines:          "sidelines",
	wGroup:              "group_objects",
	wSpouse:             "spouses",
	wQualifier:          "title_qualifiers",
	wVenueGeneric:       "venue_generic",
	wParticle:           "name_particles",
	wTreatyLink:         "treaty_links",
	wPronoun:            "pronouns",
	wMessage:            "message_nouns",
	wMessageFrom:        "message_from",
	wRelative:           "relatives",
	wPostingAt:          "posting_at",
	wPortfolioLead:      "portfolio_leads",
	wNamePrefix:         "name_prefixes",
	wListLead:           "list_leads",
	wConjunction:        "conjunctions",
	wSeries:             "series",
	wBetween:            "between_words",
	wHonour:             "honour_words",
	wRecipient:          "recipient_words",
	wCarrier:            "carrier_words",
	wCancel:             "cancel_words",
	wMultilateral:       "multilateral_markers",
	wEventOrdinal:       "event_ordinals",
	wArticleContraction: "article_contractions",
	wTreatyLeadPrefix:   "treaty_lead_prefixes",
	wDateLead:           "date_leads",
	wDatePast:           "date_past",
	wDateNext:           "date_next",
	wDateMonth:          "date_month",
	wGivenName:          "given_names",
	wGovernment:         "government_words",
	wRepresented:        "represented",
	wPatronymic:         "patronymics",
	wOrgNoun:            "org_nouns",
	wIssue:              "issue_verbs",
	wDecoration:         "decorations",
	wChair:              "chair_words",
	wCeremony:           "ceremony_nouns",
	wPrepClitic:         "preposition_clitics",
	wWeakVenue:          "weak_venue_nouns",
	wComplementizer:     "complementizers",
	wDative:             "dative_clitics",
	wFamilyName:         "family_names",
	wStateForm:          "state_forms",
	wAuspices:           "auspices",
	wReaction:           "reaction_words",
	wAside:              "asides",
	wPossessive:         "possessives",
	wAbbrev:             "abbreviations",
	wEventRef:           "event_references",
	wTreatyReached:      "treaty_reached",
	wTreatyPlural:       "treaty_plurals",
	wTreatyDual:         "treaty_duals",
	wTitleLink:          "title_links",
	wTreatySubject:      "treaty_subjects",
	wCopula:             "copulas",
	wTreatyNaming:       "treaty_naming",
	wTreatyAttached:     "treaty_attached",
	wItemMark:           "item_marks",
	wNumberMark:         "number_marks",
	wParticipleEnding:   "participle_endings",
	wTimeLead:           "time_leads",
	wFatherLink:         "father_links",
	wRegion:             "regions",
	wOriginLink:         "origin_links",
	wOrgAdjective:       "org_adjectives",
	wPassiveVerb:        "passive_verbs",
	wArticledGiven:      "articled_given_names",
	wAppeal:             "appeal_marks",
	wTreatyInfinitive:   "treaty_infinitives",
	wNounEnding:         "noun_endings",
}

// listMask is a set of word lists.
type listMask [2]uint64

// The lists must fit in a listMask: this fails to compile when they do not.
const _ = uint(len(listMask{})*64 - int(nLists))

// has reports whether l is in the set.
func (m listMask) has(l list) bool { return m[l>>6]&(1<<(l&63)) != 0 }

// add puts l in the set.
func (m *listMask) add(l list) { m[l>>6] |= 1 << (l & 63) }

// or returns the lists of m and of n.
func (m listMask) or(n listMask) listMask { return listMask{m[0] | n[0], m[1] | n[1]} }

// and returns the lists both m and n hold.
func (m listMask) and(n listMask) listMask { return listMask{m[0] & n[0], m[1] & n[1]} }

// andNot returns the lists of m that are not in n.
func (m listMask) andNot(n listMask) listMask { return listMask{m[0] &^ n[0], m[1] &^ n[1]} }

// any reports whether the set holds a list.
func (m listMask) any() bool { return m[0]|m[1] != 0 }

// listOf returns the list read under purpose, or false.
func listOf(purpose string) (list, bool) {
	i := slices.Index(listPurpose[:], purpose)
	if i < 0 || purpose == "" {
		return 0, false
	}
	return list(i), true
}

// in reports whether the folded word w is in the word list l.
func (x *Extractor) in(l list, w string) bool {
	e := x.lex.info(w)
	return e != nil && e.lists.has(l)
}

// wordMasks fills, for each token, the lists whose longest phrase at it is
// the token alone, after a proclitic or not (r.isWord), from the lists it
// belongs to as written (r.inList, which appendHitsIn filled), and the lists
// that have a phrase starting at it (r.starts), and whether a title chain
// may start at it (r.mayChain); and the bits of r.kindBits.
func (r *run) wordMasks() {
	in, word := r.inList, r.isWord
	for i := range r.toks {
		var kinds uint16
		// single and longer are the lists with a phrase of this token alone
		// at it, and with a longer one.
		var starts, single, longer listMask
		for _, hi := range r.at[i] {
			h := &r.hits[hi]
			kinds |= 1 << h.kind
			if h.kind != kWord || h.ref == 0 {
				continue
			}
			l := list(h.ref - 1)
			starts.add(l)
			if h.end == i+1 {
				single.add(l)
			} else {
				longer.add(l)
			}
		}
		r.kinds[i] |= kinds
		for ks := kinds; ks != 0; ks &= ks - 1 {
			r.kindBits[bits.TrailingZeros16(ks)][i>>6] |= 1 << (i & 63)
		}
		r.starts[i] = starts
		word[i] = in[i].or(single.andNot(longer))
		r.mayChain[i] = uint32(r.kinds[i])&r.x.chainStarts != 0 || starts.and(r.x.chainLists).any() || word[i].has(wSideMarker)
	}
}

// prefixedBy reports whether w starts with a word of list l, or is one.
func (x *Extractor) prefixedBy(w string, l list) bool {
	for _, p := range x.lists[l] {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

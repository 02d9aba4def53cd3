package schema

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file is the contract between a language pack and the extractor: the
// closed vocabulary of purposes the extractor implements (slot fillers, word
// lists, frame options), and the checks that every name a pack uses is one of
// them. The extractor interprets the pack; it knows no word of any language.

// Frame is an event frame of a language pack: the phrases that evoke an event,
// how each slot of the event is filled from the text around the phrase, and
// the relations between the slots' fillers that the event states.
type Frame struct {
	// ID names the frame; the rule reported with a fact is "<lang>.<id>".
	ID string `yaml:"id"`
	// Event is the kind of event the frame evokes: a key of the pack's events.
	// A frame with no event adds to an event read elsewhere (its event slot).
	Event string `yaml:"event,omitempty"`
	// Scale is bilateral (the default: an event is known by its principals) or
	// multilateral (an event is known by its name: a summit, a conference).
	Scale string `yaml:"scale,omitempty"`
	// CAMEO is the event's CAMEO code (040, 042, 043, 057…) and PLOVER its
	// PLOVER event type and mode (CONSULT visit, CONSULT multilateral…).
	CAMEO      string `yaml:"cameo,omitempty"`
	PLOVER     string `yaml:"plover,omitempty"`
	PLOVERMode string `yaml:"plover_mode,omitempty"`
	// Confidence is reported with the facts of this frame (0..1].
	Confidence float64 `yaml:"confidence,omitempty"`
	// Verbs, Nouns and Phrases evoke the frame. A verb with a future prefix
	// (words.future_prefixes) announces the event; a noun with the article
	// refers to an event already read unless a light verb precedes it.
	Verbs   []string `yaml:"verbs,omitempty"`
	Nouns   []string `yaml:"nouns,omitempty"`
	Phrases []string `yaml:"phrases,omitempty"`
	// Requires names word lists one of which the sentence must contain for the
	// frame to apply; Unless names word lists any of which cancels it.
	Requires []string `yaml:"requires,omitempty"`
	Unless   []string `yaml:"unless,omitempty"`
	// RequiresClause looks for the words of Requires in the trigger's clause
	// only (its sentence cut at clause breaks): a verb that presides over a
	// ceremony named in the same clause, not over a meeting beside a
	// ceremony told after كما. Only with Requires.
	RequiresClause bool `yaml:"requires_clause,omitempty"`
	// Slots says how each slot is filled: by fillers tried in order until one
	// finds something.
	Slots map[string]Slot `yaml:"slots"`
	// Principals names the slots whose fillers are the event's principals:
	// a bilateral event is known by them.
	Principals []string `yaml:"principals,omitempty"`
	// Tentative events state nothing until an event of another frame with the
	// same principals joins them (a welcome on arrival, joined by talks).
	Tentative bool `yaml:"tentative,omitempty"`
	// LeadersMeet states a tentative event at once when each of its
	// principals holds a leading office (a title the pack marks principal: a
	// head of state or government): a king welcoming a president on arrival
	// meets him. Only with Tentative.
	LeadersMeet bool `yaml:"leaders_meet,omitempty"`
	// Relations are the facts the frame states between its slots.
	Relations []FrameRelation `yaml:"relations,omitempty"`
}

// Slot says how one slot of a frame is filled.
type Slot struct {
	// Fill lists fillers, tried in order until one finds something. A filler
	// is a name of Fillers, or after:LIST for the ones that read after a word
	// of the word list LIST.
	Fill []string `yaml:"fill"`
	// Types lists the entity types the slot takes (Person when empty).
	Types []string `yaml:"types,omitempty"`
	// NotKinds lists gazetteer kinds the slot never takes (media: a news
	// agency in a dateline signs nothing).
	NotKinds []string `yaml:"not_kinds,omitempty"`
	// Carry keeps what the slot found in a reading that stated nothing for
	// want of another slot (states that sign "seven agreements"), for the
	// next readings of frames with a slot of that name that find nothing,
	// and for the treaties the next sentences name without a signing of
	// their own (schema/README.md, "Slots").
	Carry bool `yaml:"carry,omitempty"`
}

// FrameRelation is one fact of a frame: a relationship from every filler of
// one slot to every filler of another, or among the fillers of one slot.
type FrameRelation struct {
	Type string `yaml:"type"`
	From string `yaml:"from,omitempty"`
	To   string `yaml:"to,omitempty"`
	// Among relates every pair of the slot's fillers, when they are at most
	// three and the sentence names no series (words.series).
	Among string `yaml:"among,omitempty"`
	// Via country relates the country of each filler of From instead.
	Via string `yaml:"via,omitempty"`
}

// Fillers is the closed set of slot fillers the extractor implements, with
// what each reads. A trigger's clause is its sentence cut at clause breaks;
// each person named in a clause is governed by the nearest trigger or marker
// word before it, or, with none before, by the first trigger after it.
var Fillers = map[string]string{
	"subject":    "the persons named before the trigger in its clause, else the first list after it (verb first)",
	"object":     "the list after the subject that the trigger governs directly",
	"after":      "after:LIST — the list right after a word of the word list LIST that belongs to the trigger (with, between, from…)",
	"list":       "every person the trigger governs after it, directly or through side markers and list leads",
	"all":        "every person the trigger governs, before and after it, but those after opaque markers (sidelines, a message's sender)",
	"topic":      "the person the sentence is about: the first person of the sentence before the clause, else the host of the event read last",
	"principals": "the principals of the current meeting: the last event read with two principals or more, unless only planned",
	"treaty":     "the treaties of the trigger's clause (after it first), else the one a definite treaty noun refers back to, else the last one named",
	"scope":      "every entity of the slot's types in the trigger's clause, outside treaty titles",
	"place":      "the country, or the country of the city, named right after the trigger",
	"event":      "the multilateral event (summit, conference…) named in the trigger's clause (after it first), else the next one named, else the one the article is about",
	"current":    "the event evoked nearest to the trigger in its sentence, else the event read last",
	"signing":    "the signing of the trigger's sentence, else the signing read last",
	"dative":     "the persons of the trigger's clause marked by a dative preposition (for X: أقيمت لـX مراسم استقبال)",
	"antecedent": "the person a pronoun on the trigger stands for: the one named last before it in its sentence, else the topic (استقبله X)",
	"sidelines":  "the multilateral event the trigger's sentence names right after a sidelines word: the principals of a meeting held on its sidelines are there",
	"parties":    "the entities of the slot's types named as the parties in the title of the trigger's treaty, after a treaty break word (مذكرة تفاهم مع X، اتفاقية بين X و Y)",

	"counted_signing": "the signing of the trigger's sentence, else the signing read last, else, when the sentence names a signing and it or the one before a count of documents (27 اتفاقية), the signing of those documents, which names no treaty",
	"possessor":       "the persons of the last list of two or more named before the trigger in its sentence: those a plural possessive in the trigger stands for (X and Y witnessed the signing after their talks)",
	"list_parties":    "the entities of the slot's types that each document of a list names as its own parties after its between word (مذكرة … بين X و Y، ومذكرة … بين Z و W): each is a party of the document it follows only",
	"carried":         "carried:SLOT — what the carrying slot SLOT of a reading in the same or the sentence before kept when that reading stated nothing (the head of the side named first, for the head of the other)",
}

// SlotTypes are the entity types a slot may take (Slot.Types): the ones the
// extractor finds in text. A Venue is read only as an event's place.
var SlotTypes = []string{Person, Country, City, Organization, Treaty, Event}

// FrameScales are the values of Frame.Scale.
var FrameScales = []string{"bilateral", "multilateral"}

// FrameVia are the values of FrameRelation.Via.
var FrameVia = []string{"country"}

// eventFillers fill the event slot of a frame with no event of its own.
var eventFillers = []string{"event", "current", "signing", "sidelines", "counted_signing"}

// WordPurposes is the closed set of word lists (LangPack.Words) the extractor
// reads, with what it reads them for. A list not named here is an error: the
// extractor would never read it.
var WordPurposes = map[string]string{
	"honorifics":           "honorifics before a name (ranks with their grades are one honorific)",
	"government_words":     "words for a state's government before its name (the government of X), read in a treaty's parties",
	"represented":          "words before the person someone stands in for (on behalf of): that person takes part in nothing",
	"patronymics":          "name links that join a name to a father's or a family's (bin, Al): no name starts with one",
	"org_nouns":            "head nouns of organisations' names (ministry, authority, bank…): a body the gazetteer lacks, kept when a fact names it",
	"issue_verbs":          "verbs that issue or adopt a document: a bare treaty noun after one is a document with no title",
	"decorations":          "nouns of a decoration, which a leader hands over in person",
	"chair_words":          "words before those who chair a meeting (chaired by): its principals",
	"ceremony_nouns":       "nouns of a signing ceremony: a frame that requires them reads one who presides over or patronises the ceremony as its witness",
	"preposition_clitics":  "prepositions written joined to the next word (li-): the list after one is a complement, no subject or object",
	"weak_venue_nouns":     "venue nouns that name a venue only with two words or more after them, or an organisation (the seat of)",
	"given_names":          "common given names: the evidence that unknown words with no title before them are a person's name",
	"name_links":           "particles inside names (bin, Al, Abd): the word after them may carry the article",
	"name_prefixes":        "prefixes a name word may be written joined to (Abd+word): with the next word they form a short name",
	"name_stops":           "words that never belong to a person's name",
	"name_compounds":       "words that continue a name without ending it (ad-Din, Allah)",
	"name_particles":       "Latin initials and particles inside foreign names",
	"clause_breaks":        "words that end a trigger's clause",
	"list_breaks":          "words that end a list of attendees",
	"list_separators":      "words and marks that join the items of a list",
	"list_leads":           "words that introduce a list of names (each of, namely)",
	"conjunctions":         "the coordinating conjunction, as a proclitic on a list's next item",
	"series":               "words that make a list of guests a series of separate meetings",
	"with_words":           "prepositions of company: the list after them is the other side of a meeting",
	"between_words":        "the preposition between: the list after it are the two sides",
	"copulas":              "a copula that sets a list after the phrase trigger opening its clause (participants at the meeting, at X's invitation, were A and B): that trigger governs the list",
	"time_leads":           "prepositions of time before a signing noun (after the signing ceremony, prior to the signing of): the signing tells when something else happened, it names no signer",
	"appeal_marks":         "words that, right after the persons a call is made on, make it an appeal to them (called on X to act): a frame that names them in unless reads no event there; they cancel nothing elsewhere in the sentence",
	"treaty_infinitives":   "the mark of an infinitive that, after a treaty noun in small letters and before a verb in small letters with its object, names the document by its purpose (a declaration to combat invasive species), where treaty_not_title would end it",
	"participle_endings":   "endings of a participle that, after a treaty noun with the article, names the document by its subject (the treaty banning …), where another word would be the verb of the noun's clause (the agreement completes …)",
	"number_marks":         "marks written between two numbers with no space that keep them one number (1.82, 50,000): a title goes on over them",
	"item_marks":           "marks after a number that opens a line and makes it the number of an item of a list (1. MoU on …, 2) Agreement on …): no count of documents",
	"treaty_naming":        "words between a treaty noun and the quoted title they introduce (the deal dubbed \"X\", an agreement called \"X\"): the quoted words alone name the document",
	"side_markers":         "the word 'side' before a nationality adjective (من الجانب المصري X)",
	"sidelines":            "words that name the event another one happened on the sidelines of",
	"honour_words":         "words before the guest of a reception held in their honour",
	"recipient_words":      "prepositions before the recipient of a message or credentials",
	"carrier_words":        "verbs with a pronoun object naming the carrier of a message after them",
	"message_nouns":        "a leader's message",
	"message_from":         "the word between a message noun and its sender",
	"future_prefixes":      "prefixes of a verb in the future tense",
	"future_verb_prefixes": "prefixes of a light verb in the future tense before an event noun",
	"light_verbs":          "verbs that hold an event named by a noun (hold, conduct)",
	"not_meeting":          "words of a phone or video call",
	"cancel_words":         "words that cancel, postpone or deny an event",
	"negation":             "negation particles before a trigger",
	"city_lead":            "words before a city's name (the capital, the city of)",
	"function_words":       "function words a gazetteer name never ends with",
	"complementizers":      "words that open a reported clause (that): what follows is no prepositional complement",
	"dative_clitics":       "preposition clitics that mark whom something is done for (لـ): read by the dative filler",
	"family_names":         "family names that end a person's name though they read as common words (الصباح)",
	"state_forms":          "words of a state's formal name before the country's name (جمهورية، دولة): a list goes on through them",
	"auspices":             "words before the patron of an event (under the auspices of): the patron takes part in nothing",
	"reaction_words":       "words of a reaction to an event (welcomed, praised): a frame that names them in unless does not read the reaction as taking part",
	"asides":               "clause breaks that open an aside (in the presence of): after its comma the clause before goes on, unless a conjunction continues the aside's list",
	"feminine_endings":     "endings of feminine nouns and adjectives",
	"noun_endings":         "endings of feminine and plural nouns: an unknown name does not start with a word that has one unless a given name list holds it",
	"posting":              "the preposition after an envoy's title naming the country of posting",
	"posting_at":           "the preposition naming where an envoy is posted, before a name",
	"party_refs":           "references to the two sides of a meeting that name countries, not persons",
	"group_objects":        "words that make the object of a reception a group listed afterwards",
	"spouses":              "words naming a spouse: the titles after them are the spouse's",
	"title_qualifiers":     "words that qualify a title before the name (new, appointed)",
	"venue_generic":        "words after a venue noun that name no venue by themselves",
	"treaty_breaks":        "words that end an unquoted treaty title",
	"treaty_counts":        "words before a treaty noun that count documents",
	"treaty_plurals":       "plural treaty nouns, which name documents only counted (ست اتفاقيات): a count, never a title",
	"treaty_duals":         "dual treaty nouns (two memoranda): a count of two, unless the title after them joins two subjects",
	"treaty_subjects":      "words of a subject written before a singular treaty noun, in lower case where names are capitalised (a cultural exchange programme, a trade and economic cooperation agreement): the title starts with them; one of the subject and the noun alone names a document only with a signing told near it",
	"treaty_not_title":     "words after a treaty noun that make it a common noun",
	"treaty_reached":       "words before a treaty noun (an article between) that make it a consensus, no document: reach an agreement on …",
	"treaty_leads":         "words after a complete treaty noun phrase that go on with its title",
	"treaty_links":         "prepositions that go on with a title's purpose",
	"treaty_attached":      "words relating a document to another it implements, amends or is annexed to: the treaty noun after one stays inside the title",
	"father_links":         "links to a father's name (bin, ibn): one of them and the father's name alone, after a full name ending so, name that one person",
	"pronouns":             "personal pronouns",
	"relatives":            "relative pronouns",
	"portfolio_leads":      "words that lead a portfolio after a title",
	"origin_links":         "words that link a person to the country they come from or stand for (X of Senegal): in a list of such items where one is a person, each is",
	"regions":              "world regions named without the article (Africa, North Africa): in a title's complement they read as words with the article do",
	"passive_verbs":        "auxiliaries of the passive (it was done) that hold a signing noun after them in their clause as a light verb does: تم اليوم التوقيع على T",
	"articled_given_names": "given names written with the article (al-Hussein, al-Hafiz): a person's name may start with one",
	"org_adjectives":       "adjectives that end a person's name (name_stops) but go on a body's name (national, international): جهاز الأمن الوطني، وزارة التعاون الدولي",
	"title_links":          "words that go on with a long title past its portfolio, up to the comma before its holder's name, in a language that capitalises names (Chairman of the Committee on Foreign Affairs of the House, X,)",
	"multilateral_markers": "words after an event noun that make the event multilateral (ministerial, consultative, the leaders of)",
	"event_ordinals":       "the article before an ordinal number in an event's name (the 46th)",
	"article_contractions": "proclitics that swallow the article's first letter (a preposition on the article): the article is put back after them",
	"treaty_lead_prefixes": "proclitics that let a word go on with a treaty title (a preposition of purpose)",
	"date_leads":           "prepositions before a date or a dateline's day",
	"date_past":            "words after a weekday or month naming the one before",
	"date_next":            "words after a weekday or month naming the one after",
	"date_month":           "the word month",
	"abbreviations":        "words written shortened with a full stop (Mr., Dr., Gen.): the stop after one ends no sentence and parts no title from its name",
	"event_references":     "event nouns with a possessive pronoun (their summit): like the noun with the article, they refer to the multilateral event of their kind read last",
	"possessives":          "possessive endings after a country's name that make it qualify the title after it (Egypt's President X), in a language whose qualifiers come first",
}

// RequiredWords are the word lists a language pack must give for the
// extractor to read it at all.
var RequiredWords = []string{"name_stops", "clause_breaks", "list_separators", "conjunctions"}

// checkWordPurpose reports a word list the extractor does not read.
func checkWordPurpose(w *walker, k *yaml.Node, path string) {
	checkWordKey(w, k, path)
	if _, ok := WordPurposes[k.Value]; ok || !identRE.MatchString(k.Value) {
		return
	}
	w.add(k, path, "unknown word list %q: the extractor never reads it (%s)", k.Value, purposeHint(k.Value))
}

// purposeHint names the purpose that an unknown one is likely a misspelling
// of, or where the purposes are listed.
func purposeHint(name string) string {
	if near := nearest(name, sortedNames(WordPurposes)); near != "" {
		return fmt.Sprintf("did you mean %q?", near)
	}
	return "see the word lists in schema/README.md"
}

// nearest returns the name of names within two edits of s, ignoring case,
// or "".
func nearest(s string, names []string) string {
	best, dist := "", 3
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), n); d < dist {
			best, dist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// packFacts is what the files of one language pack declare (word lists,
// event kinds, frame ids) and what its frames use, checked once every file
// was read: a pack may be split over several files.
type packFacts struct {
	lists, kinds map[string]bool
	frames       map[string][]pos
	listRefs     []ref
	kindRefs     []ref
	hasFrames    bool
	first        pos
}

// pack returns the facts of the pack of language code.
func (f *facts) pack(code string) *packFacts {
	p := f.packs[code]
	if p == nil {
		p = &packFacts{lists: map[string]bool{}, kinds: map[string]bool{}, frames: map[string][]pos{}}
		f.packs[code] = p
	}
	return p
}

// checkLangPack records what one file's part of a language pack declares
// and uses, and checks its frames' names against the extractor's vocabulary.
func checkLangPack(w *walker, n *yaml.Node, path string) {
	code, _ := scalar(n, "code")
	p := w.facts.pack(code)
	if code == "" {
		// The missing code is reported; the frames are still checked on
		// their own, but against no pack.
		p = &packFacts{lists: map[string]bool{}, kinds: map[string]bool{}, frames: map[string][]pos{}}
	}
	if p.first.file == "" {
		p.first = w.pos(n, path)
	}
	if ws := child(n, "words"); ws != nil && ws.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(ws.Content); i += 2 {
			p.lists[ws.Content[i].Value] = true
		}
	}
	if es := child(n, "events"); es != nil && es.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(es.Content); i += 2 {
			p.kinds[es.Content[i].Value] = true
		}
	}
	for _, key := range []string{"multilateral", "multilateral_always"} {
		if ms := child(n, key); ms != nil && ms.Kind == yaml.SequenceNode {
			for j, c := range ms.Content {
				p.kindRefs = append(p.kindRefs, ref{name: c.Value, at: w.pos(c, fmt.Sprintf("%s.%s[%d]", path, key, j))})
			}
		}
	}
	fs := child(n, "frames")
	if fs == nil || fs.Kind != yaml.SequenceNode {
		return
	}
	p.hasFrames = true
	for i, f := range fs.Content {
		fp := fmt.Sprintf("%s.frames[%d]", path, i)
		if id, in := scalar(f, "id"); in != nil && id != "" {
			p.frames[id] = append(p.frames[id], w.pos(in, join(fp, "id")))
		}
		checkFrame(w, f, fp, p)
	}
}

// checkPacks checks the references of every language pack across its files.
func (f *facts) checkPacks() Problems {
	var ps Problems
	for _, code := range sortedKeysOf(f.packs) {
		p := f.packs[code]
		for _, r := range p.listRefs {
			if _, ok := WordPurposes[r.name]; !ok {
				ps = append(ps, r.at.problem("unknown word list %q: the extractor never reads it (%s)", r.name, purposeHint(r.name)))
			} else if !p.lists[r.name] {
				ps = append(ps, r.at.problem("word list %q is not in the words of language %s", r.name, code))
			}
		}
		for _, r := range p.kindRefs {
			if !p.kinds[r.name] {
				ps = append(ps, r.at.problem("event kind %q is not a key of the events of language %s", r.name, code))
			}
		}
		for id, at := range p.frames {
			if len(at) > 1 {
				for _, a := range at[1:] {
					ps = append(ps, a.problem("frame id %q used twice in language %s (first at %s)", id, code, at[0]))
				}
			}
		}
		if p.hasFrames {
			for _, name := range RequiredWords {
				if !p.lists[name] {
					ps = append(ps, p.first.problem("words.%s is missing in language %s: the extractor needs it to read frames", name, code))
				}
			}
		}
	}
	return ps
}

func sortedKeysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkFrame checks one frame's names.
func checkFrame(w *walker, f *yaml.Node, path string, p *packFacts) {
	if f.Kind != yaml.MappingNode {
		return
	}
	event, en := scalar(f, "event")
	if en != nil && event != "" {
		p.kindRefs = append(p.kindRefs, ref{name: event, at: w.pos(en, join(path, "event"))})
	}
	if scale, sn := scalar(f, "scale"); sn != nil && scale != "" && !slices.Contains(FrameScales, scale) {
		w.add(sn, join(path, "scale"), "unknown scale %q (want one of: %s)", scale, strings.Join(FrameScales, ", "))
	}
	if child(f, "verbs") == nil && child(f, "nouns") == nil && child(f, "phrases") == nil {
		w.add(f, path, "a frame needs verbs, nouns or phrases to evoke it")
	}
	if rc, rn := scalar(f, "requires_clause"); rn != nil && rc == "true" && child(f, "requires") == nil {
		w.add(rn, join(path, "requires_clause"), "requires_clause applies only to a frame with requires")
	}
	if lm, ln := scalar(f, "leaders_meet"); ln != nil && lm == "true" {
		if t, _ := scalar(f, "tentative"); t != "true" {
			w.add(ln, join(path, "leaders_meet"), "leaders_meet applies only to a tentative frame")
		}
	}
	for _, key := range []string{"requires", "unless"} {
		if l := child(f, key); l != nil && l.Kind == yaml.SequenceNode {
			for j, c := range l.Content {
				p.listRefs = append(p.listRefs, ref{name: c.Value, at: w.pos(c, fmt.Sprintf("%s.%s[%d]", path, key, j))})
			}
		}
	}
	slots := map[string]bool{}
	hasEvent := false
	if ss := child(f, "slots"); ss != nil && ss.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(ss.Content); i += 2 {
			name, s := ss.Content[i].Value, ss.Content[i+1]
			slots[name] = true
			sp := join(join(path, "slots"), name)
			if fill := child(s, "fill"); fill != nil && fill.Kind == yaml.SequenceNode {
				for j, c := range fill.Content {
					hasEvent = hasEvent || slices.Contains(eventFillers, c.Value)
					checkFiller(w, c, fmt.Sprintf("%s.fill[%d]", sp, j), p)
				}
			}
			if ts := child(s, "types"); ts != nil && ts.Kind == yaml.SequenceNode {
				for j, c := range ts.Content {
					if !slices.Contains(SlotTypes, c.Value) {
						w.add(c, fmt.Sprintf("%s.types[%d]", sp, j), "%q is no entity type a slot takes (want one of: %s)", c.Value, strings.Join(SlotTypes, ", "))
					}
				}
			}
		}
	}
	// A frame's event is wrong only once its event and slots have the right
	// shape; a wrong shape is reported on its own.
	if child(f, "event") == nil && !hasEvent && child(f, "slots") != nil && child(f, "slots").Kind == yaml.MappingNode {
		w.add(f, path, "a frame with no event of its own needs a slot filled by event, current or signing")
	}
	if ps := child(f, "principals"); ps != nil && ps.Kind == yaml.SequenceNode {
		for j, c := range ps.Content {
			if !slots[c.Value] {
				w.add(c, fmt.Sprintf("%s.principals[%d]", path, j), "principals name %q, which is no slot of this frame", c.Value)
			}
		}
	}
	if rs := child(f, "relations"); rs != nil && rs.Kind == yaml.SequenceNode {
		for j, rel := range rs.Content {
			rp := fmt.Sprintf("%s.relations[%d]", path, j)
			if t, tn := scalar(rel, "type"); tn != nil && relTypeRE.MatchString(t) {
				recordRelRef(w, tn, join(rp, "type")) // an unsafe type is reported as such
			}
			if rel.Kind != yaml.MappingNode {
				continue
			}
			fromN, toN, amongN := child(rel, "from"), child(rel, "to"), child(rel, "among")
			switch {
			case amongN != nil && (fromN != nil || toN != nil):
				w.add(rel, rp, "a relation has from and to, or among, not both")
			case amongN == nil && (fromN == nil || toN == nil):
				w.add(rel, rp, "a relation needs from and to, or among")
			}
			for _, key := range []string{"from", "to", "among"} {
				v, vn := scalar(rel, key)
				switch {
				case vn == nil || v == "" || slots[v]:
				case v == "event" && key == "to":
					// the frame's own event, when no slot is named event
				case v == "event":
					w.add(vn, join(rp, key), "%s names %q, which is no slot of this frame (the frame's event may only be a relation's to)", key, v)
				default:
					w.add(vn, join(rp, key), "%s names %q, which is no slot of this frame", key, v)
				}
			}
			if v, vn := scalar(rel, "via"); vn != nil && v != "" {
				switch {
				case !slices.Contains(FrameVia, v):
					w.add(vn, join(rp, "via"), "unknown via %q (want one of: %s)", v, strings.Join(FrameVia, ", "))
				case fromN == nil:
					w.add(vn, join(rp, "via"), "via applies to the fillers of from; a relation with no from has none")
				}
			}
		}
	}
}

// checkFiller checks one filler name of a slot.
func checkFiller(w *walker, c *yaml.Node, path string, p *packFacts) {
	name, arg, hasArg := strings.Cut(c.Value, ":")
	if _, ok := Fillers[name]; !ok {
		w.add(c, path, "unknown filler %q (want one of: %s)", c.Value, strings.Join(sortedNames(Fillers), ", "))
		return
	}
	switch {
	case name == "after" && arg == "":
		w.add(c, path, "after needs a word list: after:LIST")
	case name == "after":
		p.listRefs = append(p.listRefs, ref{name: arg, at: w.pos(c, path)})
	case name == "carried" && arg == "":
		w.add(c, path, "carried needs a slot name: carried:SLOT")
	case name == "carried":
	case hasArg:
		w.add(c, path, "filler %q takes no argument", name)
	}
}

func sortedNames(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

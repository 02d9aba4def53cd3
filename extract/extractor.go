package extract

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract/dates"
	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// Options tune an Extractor.
type Options struct {
	// Lang is the language pack to read documents with when a document names
	// none; "ar" when empty.
	Lang string
	// Today is the date open office tenures are taken to run to, when a dateline
	// without a year is dated from the tenures of the people it names. The CLI
	// passes the current date; when zero, the latest date in the gazetteer's
	// offices is used, so extraction never reads the clock.
	Today dates.Date
	// Candidates keeps the candidate facts the learned scorers weigh in each
	// Result, with their features (learned.go): what training reads.
	Candidates bool
}

// Extractor holds everything compiled from a schema for one language. It is
// read-only after New and safe for concurrent use.
type Extractor struct {
	// possessedNouns says that the pack has treaty nouns that name a
	// document only after a plural possessive (possessed.go).
	possessedNouns bool

	today dates.Date // see Options.Today
	// candidates is Options.Candidates.
	candidates bool
	// roles are the pack's learned scorers, compiled (learned.go).
	roles  map[string]*roleModel
	schema *schema.Schema
	lang   *schema.LangPack
	lex    *lexicon
	// leading holds the roles of the titles the pack marks principal (heads
	// of state and government).
	leading map[string]bool
	// rules names the relations the engine states of its own, for the
	// pack's code ("ar.title").
	rules struct{ title, venue, sidelines, participant string }
	// chainStarts and chainLists are the kinds of hits and the word lists
	// that may start a title chain in this pack (chainKinds).
	chainStarts uint32
	chainLists  listMask
	entries     []*schema.Entry
	index       map[string]int // entry id → index in entries
	// tenures holds the persons' offices of entries, by office (holderOn).
	tenures map[officeKey][]term
	// surnames holds the same tenures by role and surname, in a pack that
	// capitalises names (holderNamed).
	surnames map[surnameKey][]surnameTerm
	// sameOffice maps each name of an office in the language pack's dual
	// titles to the first one (Foreign Minister → Minister of Foreign Affairs).
	sameOffice map[string]string
	// lists holds the folded words of each list, sorted; letters those of
	// one rune (a proclitic may be one).
	lists   [nLists][]string
	letters [nLists][]string
	// article is the definite article: a proclitic (ال), or a word of its
	// own (the) when articleWord.
	article     string
	articleWord bool
	dates       dateReader
	// frames are the pack's event frames, compiled; multiKinds the event
	// kinds that may name a multilateral event.
	frames     []*cframe
	multiKinds map[string]bool
	// namesMultilateral holds the kinds whose bare definite noun (القمة)
	// names a multilateral event when the document names an organisation.
	namesMultilateral map[string]bool
	// fuzzy indexes the gazetteer's person names for transliterated spellings.
	fuzzy fuzzyIndex
	// ordinals maps the folded ordinal words of the pack's dates to numbers.
	ordinals map[string]int
	// sharedCity[ref] reports an ambiguous city: entries[ref].Ambiguous
	// and a City, kept apart from the entries so that the gazetteer
	// candidates of a text are tested without reading their entries.
	sharedCity []bool
	// buffers keeps the working memory of finished runs for the next ones.
	buffers bufferPool
	// hook, when set, runs at the start of every Extract; tests make it panic.
	hook func(document.Document)
}

// New compiles the schema's gazetteer and the language pack opts.Lang (default
// "ar") into an Extractor.
func New(s *schema.Schema, opts Options) (*Extractor, error) {
	if s == nil {
		return nil, fmt.Errorf("extract: nil schema")
	}
	code := opts.Lang
	if code == "" {
		code = "ar"
	}
	lang, ok := s.Lang(code)
	if !ok {
		return nil, fmt.Errorf("extract: schema has no language pack %q", code)
	}
	x := &Extractor{schema: s, lang: lang, index: map[string]int{}}
	x.chainStarts, x.chainLists = chainKinds(lang.QualifiersFirst)
	x.rules.title, x.rules.venue = lang.Code+".title", lang.Code+".venue"
	x.rules.sidelines, x.rules.participant = lang.Code+".sidelines", lang.Code+".event.participant"
	x.today = opts.Today
	x.candidates = opts.Candidates
	x.roles = compileRoles(lang.Roles)
	if x.today.IsZero() {
		x.today = latestOfficeDate(s)
	}
	x.article = articleOf(lang.Proclitics)
	if lang.Article != "" {
		x.article, x.articleWord = norm.Fold(lang.Article), true
	}
	x.lex = newLexicon(lang.Proclitics, x.article, lang.Words[listPurpose[wArticleContraction]])
	x.lex.hyphens = lang.Hyphenated
	x.leading = map[string]bool{}
	for _, t := range lang.Titles {
		if t.Principal {
			x.leading[t.Role] = true
		}
	}
	x.sameOffice = map[string]string{}
	for _, p := range lang.OfficePairs {
		for _, role := range p.Roles {
			if _, ok := x.sameOffice[role]; !ok && len(p.Roles) > 0 {
				x.sameOffice[role] = p.Roles[0]
			}
		}
	}
	for i := range s.Gazetteer {
		e := &s.Gazetteer[i]
		ref := len(x.entries)
		x.entries = append(x.entries, e)
		x.sharedCity = append(x.sharedCity, e.Ambiguous && e.Type == schema.City)
		x.index[e.ID] = ref
		for _, n := range e.Names[code] {
			x.lex.add(n, kGaz, ref, "")
		}
		if lang.KeyPrefix == "" && e.Type == schema.Person && !slices.Contains(e.Names[code], e.Name) {
			// A pack whose slugs are the gazetteer's form writes names as the
			// canonical name is written: a person is named so too.
			x.lex.add(e.Name, kGaz, ref, "")
		}
		for _, n := range e.Abbreviations {
			x.lex.add(n, kGaz, ref, "")
		}
		for _, n := range e.Short[code] {
			x.lex.add(n, kShort, ref, "")
		}
		for _, n := range e.References[code] {
			x.lex.add(n, kGaz, ref, subReference)
		}
		for _, n := range e.Adjectives[code] {
			if e.Type == schema.Organization {
				x.lex.add(n, kOrgAdj, ref, "") // read only in the names of events
			} else {
				x.lex.add(n, kAdj, ref, "")
			}
		}
	}
	for i, t := range lang.Titles {
		x.lex.add(t.Phrase, kTitle, i, "")
	}
	frames, err := compileFrames(lang)
	if err != nil {
		return nil, err
	}
	x.frames = frames
	for i, f := range lang.Frames {
		forms := []struct {
			form    string
			phrases []string
		}{{formVerb, f.Verbs}, {formNoun, f.Nouns}, {formPhrase, f.Phrases}}
		for _, fp := range forms {
			for _, p := range fp.phrases {
				x.lex.add(p, kTrigger, i, fp.form)
				if fp.form == formNoun {
					continue
				}
				for _, pre := range lang.Words[listPurpose[wFuture]] {
					x.lex.add(pre+p, kTrigger, i, "planned-"+fp.form) // a verb in the future tense
				}
			}
		}
	}
	x.ordinals = map[string]int{}
	for _, m := range []map[int][]string{lang.Dates.Ordinals, lang.Ordinals} {
		for n, words := range m {
			for _, w := range words {
				x.ordinals[strings.Join(norm.Words(norm.Fold(w)), " ")] = n
			}
		}
	}
	x.multiKinds = map[string]bool{}
	x.namesMultilateral = map[string]bool{}
	for _, k := range lang.Multilateral {
		x.multiKinds[k] = true
	}
	for _, k := range lang.MultilateralAlways {
		x.namesMultilateral[k] = true
	}
	for i, p := range lang.OfficePairs {
		x.lex.add(p.Phrase, kRef, i, refOfficePair)
	}
	for i, t := range lang.TreatyNouns {
		x.lex.add(t.Phrase, kTreaty, i, t.Kind)
		x.possessedNouns = x.possessedNouns || t.Possessed
	}
	for _, v := range lang.VenueNouns {
		x.lex.add(v, kVenue, 0, "")
	}
	for _, k := range sortedKeys(lang.Events) {
		for _, p := range lang.Events[k] {
			x.lex.add(p, kEvent, 0, k)
		}
	}
	for _, m := range lang.Modality {
		x.lex.add(m, kModality, 0, "")
	}
	for _, k := range sortedKeys(lang.References) {
		for _, p := range lang.References[k] {
			x.lex.add(p, kRef, 0, k)
		}
	}
	for _, k := range sortedKeys(lang.Words) {
		l, known := listOf(k)
		ref := 0
		if known {
			ref = int(l) + 1
		}
		for _, p := range lang.Words[k] {
			f := norm.Fold(p)
			x.lex.add(p, kWord, ref, k)
			x.lex.mark(f)
			if known {
				x.lex.entry(f).lists.add(l)
				if !slices.Contains(x.lists[l], f) {
					x.lists[l] = append(x.lists[l], f)
				}
			}
		}
	}
	for l := range x.lists {
		slices.Sort(x.lists[l])
		for _, w := range x.lists[l] {
			if utf8.RuneCountInString(w) == 1 {
				x.letters[l] = append(x.letters[l], w)
			}
		}
	}
	for _, p := range lang.Words[listPurpose[wNameStop]] {
		if norm.HasAlefMaqsura(p) {
			x.lex.entry(norm.Fold(p)).lists.add(wMaqsura)
		}
		if norm.Fold(p) != p {
			x.lex.entry(norm.Fold(p)).lists.add(wFoldApart)
		}
	}
	for m, names := range lang.Dates.Months {
		for _, n := range names {
			x.lex.add(n, kDate, m, "month")
		}
	}
	for d, names := range lang.Dates.Weekdays {
		for _, n := range names {
			x.lex.add(n, kDate, d, "weekday")
		}
	}
	for d, names := range lang.Dates.Relative {
		for _, n := range names {
			x.lex.add(n, kDate, d, "relative")
		}
	}
	x.lex.finish()
	x.tenures = tenures(x.entries)
	if lang.Capitalised {
		x.surnames = surnameTenures(x.entries, code)
	}
	x.fuzzy = newFuzzyIndex(x.entries, code)
	x.dates = newDateReader(lang)
	return x, nil
}

// articled reports a word that carries the definite article: one that
// starts with it when the article is a proclitic, the article itself when
// it is a word of its own. With no article, no word does.
func (r *run) articled(w string) bool {
	switch {
	case r.x.article == "":
		return false
	case r.x.articleWord:
		return w == r.x.article
	}
	return strings.HasPrefix(w, r.x.article)
}

// articleOf returns the definite article among the proclitics: the two-letter
// proclitic that the others end with most often (ال in Arabic).
func articleOf(proclitics []string) string {
	count := map[string]int{}
	for _, p := range proclitics {
		f := []rune(norm.Fold(p))
		if len(f) >= 2 {
			count[string(f[len(f)-2:])]++
		}
	}
	best, n := "", 0
	for _, k := range sortedKeys(count) {
		if count[k] > n {
			best, n = k, count[k]
		}
	}
	return best
}

func sortedKeys[V any, K interface{ ~int | ~string }](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// ErrInternal is wrapped by the error of Extract when extraction met a bug
// (a panic): the document has no result, and callers count it as failed.
var ErrInternal = errors.New("internal error")

// PanicError is a panic recovered in Extract: the value and the stack of the
// goroutine that panicked. It wraps ErrInternal.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("%v: %v", ErrInternal, e.Value) }
func (e *PanicError) Unwrap() error { return ErrInternal }

// Extract reads one document. A document with no text gives a Result with
// no entities. A bug met while reading it (a panic) does not stop the
// caller's other documents: Extract returns a *PanicError, which wraps
// ErrInternal, and no result. It is safe to call from many goroutines.
func (x *Extractor) Extract(doc document.Document) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = Result{}, &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	if x.hook != nil {
		x.hook(doc)
	}
	return x.extract(doc), nil
}

// extract is Extract without the recover, so that tests and fuzzing see bugs.
func (x *Extractor) extract(doc document.Document) Result {
	if doc.Lang == "" {
		doc.Lang = x.lang.Code
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Result{Document: doc, Entities: []Entity{}, Relations: []Relation{}}
	}
	if parts, offsets := partsOf(doc.Text); len(parts) > 1 {
		return x.extractParts(doc, parts, offsets)
	}
	return x.extractOne(doc)
}

// extractOne reads a document (or a part of a long one) in one run.
func (x *Extractor) extractOne(doc document.Document) Result {
	b := x.buffers.get()
	r := newRun(x, doc, b)
	r.entities()
	r.frames()
	cands := r.learned()
	res := r.result()
	res.Candidates = cands
	r.release()
	x.buffers.put(b)
	return res
}

// latestOfficeDate is the latest start or end date of any office in the
// gazetteer: the date the data is known to be current to.
func latestOfficeDate(s *schema.Schema) dates.Date {
	var latest dates.Date
	for i := range s.Gazetteer {
		for _, o := range s.Gazetteer[i].Offices {
			for _, v := range []string{o.Start, o.End} {
				if d, err := dates.Parse(v); err == nil && d.Compare(latest) > 0 {
					latest = d
				}
			}
		}
	}
	return latest
}

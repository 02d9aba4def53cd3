package extract

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/schema"
)

// ErrNoPack is wrapped by the error of Set.Extract for a document whose
// language has no language pack in the schema.
var ErrNoPack = errors.New("no language pack")

// Set reads every document with the language pack of its language: one
// Extractor per pack of the schema. It is read-only after NewSet and safe
// for concurrent use.
type Set struct {
	byLang map[string]*Extractor
	codes  []string // the packs' codes, sorted
	// scripts holds the Unicode script of each pack that names one, in the
	// order of codes.
	scripts []packScript
	// scriptOf[r] is, for a rune below len(scriptOf), 1 + the index in
	// scripts of the first script the letter r is in, 0 when r is no letter
	// or in none of them: what Lang reads of the runes of most texts.
	scriptOf [0x800]uint8
	// fallback is the language of a document that names none and whose
	// script tells nothing: Options.Lang, "ar" when empty.
	fallback string
}

type packScript struct {
	code  string
	table *unicode.RangeTable
}

// NewSet compiles every language pack of the schema with its gazetteer.
// opts.Lang, when given, is the language of the documents that name none
// (no detection then); it must be a pack of the schema.
func NewSet(s *schema.Schema, opts Options) (*Set, error) {
	if s == nil {
		return nil, fmt.Errorf("extract: nil schema")
	}
	set := &Set{byLang: map[string]*Extractor{}, fallback: opts.Lang}
	if set.fallback == "" {
		set.fallback = "ar"
	}
	for code := range s.Languages {
		set.codes = append(set.codes, code)
	}
	sort.Strings(set.codes)
	if _, ok := s.Languages[set.fallback]; !ok {
		return nil, fmt.Errorf("extract: %w for %q (the schema has %s)", ErrNoPack, set.fallback, strings.Join(set.codes, ", "))
	}
	for _, code := range set.codes {
		o := opts
		o.Lang = code
		x, err := New(s, o)
		if err != nil {
			return nil, fmt.Errorf("language %s: %w", code, err)
		}
		set.byLang[code] = x
		if t, ok := unicode.Scripts[s.Languages[code].Script]; ok {
			set.scripts = append(set.scripts, packScript{code, t})
		}
	}
	if opts.Lang != "" {
		set.scripts = nil // every document that names no language is in opts.Lang
	}
	if len(set.scripts) >= 1<<8 {
		return nil, fmt.Errorf("extract: %d scripts, more than %d", len(set.scripts), 1<<8-1)
	}
	for r := range rune(len(set.scriptOf)) {
		set.scriptOf[r] = uint8(set.scriptIndex(r) + 1)
	}
	return set, nil
}

// Langs returns the codes of the languages the set reads, sorted.
func (s *Set) Langs() []string { return append([]string(nil), s.codes...) }

// Extractor returns the extractor of language code.
func (s *Set) Extractor(code string) (*Extractor, bool) {
	x, ok := s.byLang[code]
	return x, ok
}

// detectRunes is how many runes of a text Lang looks at.
const detectRunes = 4000

// detectEnough letters of one script decide the language without reading on.
const detectEnough = 200

// Lang returns the language doc is read in: its Lang when it names one,
// else the language of the pack whose script the text's letters reach
// detectEnough in first, or that most letters of its first runes are in
// (ties go to the first code), else the fallback.
func (s *Set) Lang(doc document.Document) string {
	if doc.Lang != "" {
		return doc.Lang
	}
	if len(s.scripts) == 0 {
		return s.fallback
	}
	counts := make([]int, len(s.scripts))
	n := 0
	for _, r := range doc.Text {
		if n++; n > detectRunes {
			break
		}
		i := -1
		if r < rune(len(s.scriptOf)) {
			i = int(s.scriptOf[r]) - 1
		} else {
			i = s.scriptIndex(r)
		}
		if i < 0 {
			continue
		}
		if counts[i]++; counts[i] >= detectEnough {
			return s.scripts[i].code // a few hundred letters of one script tell the language
		}
	}
	best, most := s.fallback, 0
	for i, c := range counts {
		if c > most {
			best, most = s.scripts[i].code, c
		}
	}
	return best
}

// scriptIndex returns the index in s.scripts of the first script the letter
// r is in, -1 when r is no letter or in none of them.
func (s *Set) scriptIndex(r rune) int {
	if !unicode.IsLetter(r) {
		return -1
	}
	for i, p := range s.scripts {
		if unicode.Is(p.table, r) {
			return i
		}
	}
	return -1
}

// Extract reads doc with the pack of its language (Lang); the result's
// document names that language. A language with no pack is an error that
// wraps ErrNoPack; a bug is a *PanicError, as for Extractor.Extract.
func (s *Set) Extract(doc document.Document) (Result, error) {
	doc.Lang = s.Lang(doc)
	x, ok := s.byLang[doc.Lang]
	if !ok {
		return Result{}, fmt.Errorf("document %s: language %q: %w (the schema has %s)", doc.ID, doc.Lang, ErrNoPack, strings.Join(s.codes, ", "))
	}
	return x.Extract(doc)
}

package schema

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// This file is the spec of the schema format that phase 1 walks (walk.go) and
// the checks of single values. README.md documents the same rules for analysts.

// Version is the only schema format version.
const Version = 1

var (
	identRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	relTypeRE  = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	langRE     = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	ruleIDRE   = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)
	entryIDRE  = regexp.MustCompile(`^[a-z][a-z0-9_]*:[^\s:][^\s]*$`)
	wikidataRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	iso2RE     = regexp.MustCompile(`^[A-Z]{2}$`)
)

// PropertyTypes lists the property types in the order README.md gives them.
var PropertyTypes = []string{TypeString, TypeDate, TypeInt, TypeFloat, TypeBool, TypeStringList, TypeIntList}

// EntryTypes lists the types a gazetteer entry may have.
var EntryTypes = []string{Person, Country, City, Venue, Organization, Treaty}

var (
	str     = &spec{kind: kindString}
	reqStr  = &spec{kind: kindString, nonEmpty: true}
	boolean = &spec{kind: kindBool}
	// words is an optional list of non-empty words or phrases.
	words = &spec{kind: kindList, elem: reqStr}
	// phrases is a list of words or phrases that must not be empty.
	phrases  = &spec{kind: kindList, elem: reqStr, nonEmpty: true}
	wordMap  = &spec{kind: kindMap, elem: phrases, key: checkWordKey}
	langMap  = &spec{kind: kindMap, elem: phrases, key: checkLangKey}
	dayWords = func(lo, hi int) *spec {
		return &spec{kind: kindMap, intKeys: true, keyMin: lo, keyMax: hi, elem: phrases}
	}
)

var fileSpec = &spec{kind: kindObject, fields: []field{
	{"version", true, &spec{kind: kindInt, check: checkVersion}},
	{"source", false, str},
	{"nodes", false, &spec{kind: kindList, elem: nodeSpec}},
	{"relationships", false, &spec{kind: kindList, elem: relSpec}},
	{"languages", false, &spec{kind: kindList, elem: langSpec}},
	{"gazetteer", false, &spec{kind: kindList, elem: entrySpec}},
}}

var propsSpec = &spec{kind: kindList, check: checkPropNames, elem: &spec{kind: kindObject, fields: []field{
	{"name", true, &spec{kind: kindString, nonEmpty: true, check: checkIdent}},
	{"type", true, &spec{kind: kindString, nonEmpty: true, check: checkPropType}},
	{"index", false, boolean},
	{"doc", false, str},
}}}

var nodeSpec = &spec{kind: kindObject, check: recordNode, fields: []field{
	{"label", true, &spec{kind: kindString, nonEmpty: true, check: checkIdent}},
	{"key", true, &spec{kind: kindString, nonEmpty: true, check: checkIdent}},
	{"properties", false, propsSpec},
	{"doc", false, str},
}}

var labelList = &spec{kind: kindList, nonEmpty: true, elem: &spec{kind: kindString, nonEmpty: true, check: recordLabelRef}}

var relSpec = &spec{kind: kindObject, check: recordRel, fields: []field{
	{"type", true, &spec{kind: kindString, nonEmpty: true, check: checkRelType}},
	{"from", true, labelList},
	{"to", true, labelList},
	{"properties", false, propsSpec},
	{"symmetric", false, boolean},
	{"doc", false, str},
}}

var langSpec = &spec{kind: kindObject, check: checkLang, fields: []field{
	{"code", true, &spec{kind: kindString, nonEmpty: true, check: checkLangCode}},
	{"name", false, str},
	{"script", false, &spec{kind: kindString, nonEmpty: true, check: checkScript}},
	{"key_prefix", false, str},
	{"capitalised", false, boolean},
	{"article", false, str},
	{"qualifiers_first", false, boolean},
	{"hyphenated", false, boolean},
	{"subject_first", false, boolean},
	{"signings_apart", false, boolean},
	{"spouses_attend", false, boolean},
	{"title_states_apart", false, boolean},
	{"summits_dated_ahead", false, boolean},
	{"proclitics", false, words},
	{"frames", false, &spec{kind: kindList, elem: frameSpec}},
	{"titles", false, &spec{kind: kindList, elem: &spec{kind: kindObject, check: checkTitle, fields: []field{
		{"phrase", true, reqStr},
		{"role", true, reqStr},
		{"principal", false, boolean},
		{"country", false, str},
	}}}},
	{"office_pairs", false, &spec{kind: kindList, elem: &spec{kind: kindObject, fields: []field{
		{"phrase", true, reqStr},
		{"roles", true, phrases},
	}}}},
	{"treaty_nouns", false, &spec{kind: kindList, elem: &spec{kind: kindObject, fields: []field{
		{"phrase", true, reqStr},
		{"kind", true, reqStr},
		{"possessed", false, boolean},
	}}}},
	{"venue_nouns", false, words},
	{"events", false, wordMap},
	{"multilateral", false, words},
	{"multilateral_always", false, words},
	{"ordinals", false, dayWords(1, 199)},
	{"modality", false, words},
	{"references", false, wordMap},
	{"dates", false, &spec{kind: kindObject, fields: []field{
		{"months", false, dayWords(1, 12)},
		{"weekdays", false, dayWords(1, 7)},
		{"ordinals", false, dayWords(1, 31)},
		{"relative", false, &spec{kind: kindMap, intKeys: true, elem: phrases}},
		{"parts", false, words},
		{"year", false, words},
		{"day", false, words},
		{"year_first", false, boolean},
	}}},
	// A word list may be empty: the language has no such words (English
	// writes no conjunction joined to the next word).
	{"words", false, &spec{kind: kindMap, elem: &spec{kind: kindList, elem: reqStr}, key: checkWordPurpose}},
	// Learned scorers of candidate facts (roles.go), by relation type.
	{"roles", false, roleSpec},
}}

var frameSpec = &spec{kind: kindObject, fields: []field{
	{"id", true, &spec{kind: kindString, nonEmpty: true, check: checkRuleID}},
	{"event", false, str},
	{"scale", false, str},
	{"cameo", false, str},
	{"plover", false, str},
	{"plover_mode", false, str},
	{"confidence", false, &spec{kind: kindFloat, check: checkConfidence}},
	{"verbs", false, phrases},
	{"nouns", false, phrases},
	{"phrases", false, phrases},
	{"requires", false, phrases},
	{"unless", false, phrases},
	{"requires_clause", false, boolean},
	{"slots", true, &spec{kind: kindMap, nonEmpty: true, key: checkWordKey, elem: slotSpec}},
	{"principals", false, phrases},
	{"tentative", false, boolean},
	{"leaders_meet", false, boolean},
	{"relations", true, &spec{kind: kindList, nonEmpty: true, elem: &spec{kind: kindObject, fields: []field{
		{"type", true, &spec{kind: kindString, nonEmpty: true, check: checkRelType}},
		{"from", false, reqStr},
		{"to", false, reqStr},
		{"among", false, reqStr},
		{"via", false, reqStr},
	}}}},
}}

var slotSpec = &spec{kind: kindObject, fields: []field{
	{"fill", true, phrases},
	{"types", false, phrases},
	{"not_kinds", false, phrases},
	{"carry", false, boolean},
}}

var entrySpec = &spec{kind: kindObject, check: recordEntry, fields: []field{
	{"id", true, &spec{kind: kindString, nonEmpty: true, check: checkEntryID}},
	{"type", true, &spec{kind: kindString, nonEmpty: true, check: checkEntryType}},
	{"name", true, reqStr},
	{"wikidata", false, &spec{kind: kindString, check: matches(wikidataRE, "a Wikidata id like Q148")}},
	{"names", false, langMap},
	{"short", false, langMap},
	{"abbreviations", false, words},
	{"adjectives", false, langMap},
	{"references", false, langMap},
	{"iso2", false, &spec{kind: kindString, check: matches(iso2RE, "two upper-case letters (ISO 3166-1 alpha-2)")}},
	{"country", false, str},
	{"city", false, str},
	{"capital", false, str},
	{"offices", false, &spec{kind: kindList, elem: officeSpec}},
	{"ambiguous", false, boolean},
	{"kind", false, str},
}}

var officeSpec = &spec{kind: kindObject, check: checkOffice, fields: []field{
	{"role", true, reqStr},
	{"country", false, str},
	{"org", false, str},
	{"start", true, &spec{kind: kindString, nonEmpty: true, check: checkDate}},
	{"end", false, &spec{kind: kindString, check: checkDate}},
}}

func checkVersion(w *walker, n *yaml.Node, path string) {
	if n.Value != "1" {
		w.add(n, path, "unsupported version %s (supported: %d)", n.Value, Version)
	}
}

func checkIdent(w *walker, n *yaml.Node, path string) {
	if !identRE.MatchString(n.Value) {
		w.add(n, path, "%q is not a safe identifier (want a letter, then letters, digits or _)", n.Value)
	}
}

func checkRelType(w *walker, n *yaml.Node, path string) {
	if !relTypeRE.MatchString(n.Value) {
		w.add(n, path, "%q is not a safe relationship type (want an upper-case letter, then upper-case letters, digits or _)", n.Value)
	}
}

func checkPropType(w *walker, n *yaml.Node, path string) {
	if !slices.Contains(PropertyTypes, n.Value) {
		w.add(n, path, "unknown property type %q (want one of: %s)", n.Value, strings.Join(PropertyTypes, ", "))
	}
}

// checkPropNames reports a property declared twice on one type.
func checkPropNames(w *walker, n *yaml.Node, path string) {
	checkUnique(w, n, path, "name", "property %q declared twice (first at line %d)")
}

// checkUnique reports list items whose field repeats an earlier item's value;
// msg takes the value and the line of its first use.
func checkUnique(w *walker, n *yaml.Node, path, field, msg string) {
	first := map[string]int{}
	for i, item := range n.Content {
		val, v := scalar(item, field)
		if v == nil {
			continue
		}
		if line, dup := first[val]; dup {
			w.add(v, fmt.Sprintf("%s[%d].%s", path, i, field), msg, val, line)
			continue
		}
		first[val] = v.Line
	}
}

func checkLangCode(w *walker, n *yaml.Node, path string) {
	if !langRE.MatchString(n.Value) {
		w.add(n, path, "%q is not a language code (want BCP 47, like ar or fa)", n.Value)
	}
}

// checkScript reports a script that is no Unicode script name.
func checkScript(w *walker, n *yaml.Node, path string) {
	if _, ok := unicode.Scripts[n.Value]; !ok {
		w.add(n, path, "%q is not a Unicode script name (want one like Arabic, Latin, Cyrillic)", n.Value)
	}
}

func checkLangKey(w *walker, k *yaml.Node, path string) {
	if !langRE.MatchString(k.Value) {
		w.add(k, path, "key %q is not a language code (want BCP 47, like ar or en)", k.Value)
	}
}

func checkWordKey(w *walker, k *yaml.Node, path string) {
	if !identRE.MatchString(k.Value) {
		w.add(k, path, "key %q: want a letter, then letters, digits or _", k.Value)
	}
}

func checkRuleID(w *walker, n *yaml.Node, path string) {
	if !ruleIDRE.MatchString(n.Value) {
		w.add(n, path, "%q is not a rule id (want lower case letters, digits, _ . -)", n.Value)
	}
}

// checkLang checks a language pack as a whole. A code may be given in
// several files: their parts make one pack (frames.go).
func checkLang(w *walker, n *yaml.Node, path string) {
	checkLangPack(w, n, path)
}

func checkConfidence(w *walker, n *yaml.Node, path string) {
	var f float64
	if err := n.Decode(&f); err != nil || !(f >= 0 && f <= 1) {
		w.add(n, path, "confidence %s out of range 0..1", n.Value)
	}
}

func checkEntryID(w *walker, n *yaml.Node, path string) {
	if !entryIDRE.MatchString(n.Value) {
		w.add(n, path, "%q is not an entry id (want kind:slug, like person:xi-jinping)", n.Value)
	}
}

func checkEntryType(w *walker, n *yaml.Node, path string) {
	if !slices.Contains(EntryTypes, n.Value) {
		w.add(n, path, "unknown entry type %q (want one of: %s)", n.Value, strings.Join(EntryTypes, ", "))
		return
	}
	w.facts.typeRefs = append(w.facts.typeRefs, ref{name: n.Value, at: w.pos(n, path)})
}

func matches(re *regexp.Regexp, want string) func(*walker, *yaml.Node, string) {
	return func(w *walker, n *yaml.Node, path string) {
		if n.Value != "" && !re.MatchString(n.Value) {
			w.add(n, path, "%q: want %s", n.Value, want)
		}
	}
}

func checkDate(w *walker, n *yaml.Node, path string) {
	if n.Value != "" && !ValidDate(n.Value) {
		w.add(n, path, "%q is not an ISO date (want YYYY, YYYY-MM or YYYY-MM-DD)", n.Value)
	}
}

// checkTitle records the country a title names by itself.
func checkTitle(w *walker, n *yaml.Node, path string) {
	if country, cn := scalar(n, "country"); cn != nil && country != "" {
		w.facts.packIDRefs = append(w.facts.packIDRefs, ref{name: country, want: Country, at: w.pos(cn, join(path, "country"))})
	}
}

// checkOffice checks what ties the fields of an office together and records its
// references.
func checkOffice(w *walker, n *yaml.Node, path string) {
	country, cn := scalar(n, "country")
	org, on := scalar(n, "org")
	if country == "" && org == "" {
		w.add(n, path, "an office needs a country or an org")
	}
	if cn != nil && country != "" {
		w.facts.idRefs = append(w.facts.idRefs, ref{name: country, want: Country, at: w.pos(cn, join(path, "country"))})
	}
	if on != nil && org != "" {
		w.facts.idRefs = append(w.facts.idRefs, ref{name: org, want: Organization, at: w.pos(on, join(path, "org"))})
	}
	start, _ := scalar(n, "start")
	end, en := scalar(n, "end")
	if en != nil && ValidDate(start) && ValidDate(end) && DateBefore(end, start) {
		w.add(en, join(path, "end"), "end %s is before start %s", end, start)
	}
}

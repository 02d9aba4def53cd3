package extract

import (
	"fmt"
	"regexp"
	"strings"
)

// A scenario is one file of testdata/scenarios: an Arabic text and the facts
// an analyst reads in it (see testdata/scenarios/README.md for the format).
type scenario struct {
	name    string // the file name without .txt
	date    string // the document date of the header
	lang    string // the language of the header; "ar" when it names none
	partial bool   // other MET_WITH, SIGNED and ATTENDED facts may be found
	text    string
	facts   []fact
}

// factMode says what a fact line asks of the extractor.
type factMode int

const (
	want     factMode = iota // must be found
	wantNot                  // must not be found
	optional                 // may be found: neither missing nor unexpected
)

// A fact is one expectation line.
type fact struct {
	line int
	mode factMode
	typ  string // MET_WITH, SIGNED, ATTENDED, VISITED or ENTITY
	a, b string // the two ends (ENTITY: the entity type and its name); b may be * after NOT
	date string // "" when the line gives none
	// venue is the venue a MET_WITH must have ("at:NAME"), "" when the line
	// gives none.
	venue string
	src   string // the line as written
}

func (f fact) String() string { return f.src }

// scenarioSep is the line between the text and the facts.
var scenarioSep = regexp.MustCompile(`^-{4,}\s*$`)

var (
	isoDate    = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	entityType = map[string]bool{"Person": true, "Country": true, "City": true, "Venue": true, "Organization": true, "Treaty": true}
)

// parseScenario reads a scenario file. Every problem is reported with its
// line number, all at once.
func parseScenario(name, src string) (scenario, error) {
	sc := scenario{name: name}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var errs []string
	bad := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s.txt:%d: %s", name, n, fmt.Sprintf(format, args...)))
	}
	i := 0
	// The header: comments, "date: …" and "partial", up to the first blank line.
	for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(l, "#"):
		case l == "partial":
			sc.partial = true
		case strings.HasPrefix(l, "lang:"):
			sc.lang = strings.TrimSpace(strings.TrimPrefix(l, "lang:"))
		case strings.HasPrefix(l, "date:"):
			sc.date = strings.TrimSpace(strings.TrimPrefix(l, "date:"))
			if !isoDate.MatchString(sc.date) {
				bad(i+1, "date %q is not YYYY-MM-DD", sc.date)
			}
		default:
			bad(i+1, "header line %q: want a # comment, date: YYYY-MM-DD, lang: CODE or partial (and a blank line before the text)", l)
		}
	}
	if sc.date == "" {
		bad(1, "the header gives no date:")
	}
	// The text, up to the separator.
	start := i
	for ; i < len(lines) && !scenarioSep.MatchString(lines[i]); i++ {
	}
	if i == len(lines) {
		bad(len(lines), "no separator line (----) after the text")
		return sc, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	sc.text = strings.TrimSpace(strings.Join(lines[start:i], "\n"))
	if sc.text == "" {
		bad(i+1, "no text before the separator")
	}
	// The facts, one a line.
	for i++; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f, err := parseFact(l)
		if err != nil {
			bad(i+1, "%v", err)
			continue
		}
		f.line = i + 1
		sc.facts = append(sc.facts, f)
	}
	if len(errs) > 0 {
		return sc, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return sc, nil
}

// parseFact reads one expectation line:
//
//	[NOT |OPTIONAL ]MET_WITH A | B [@DATE] [at:VENUE]
//	[NOT |OPTIONAL ]SIGNED A -> TREATY [@DATE]
//	[NOT |OPTIONAL ]ATTENDED A [@DATE]
//	[NOT |OPTIONAL ]VISITED A -> PLACE [@DATE]
//	[NOT ]ENTITY TYPE NAME
func parseFact(l string) (fact, error) {
	f := fact{src: l}
	rest := l
	switch {
	case strings.HasPrefix(rest, "NOT "):
		f.mode, rest = wantNot, strings.TrimSpace(rest[4:])
	case strings.HasPrefix(rest, "OPTIONAL "):
		f.mode, rest = optional, strings.TrimSpace(rest[9:])
	}
	typ, body, _ := strings.Cut(rest, " ")
	f.typ, body = typ, strings.TrimSpace(body)
	if k := strings.Index(body, " at:"); k >= 0 {
		if f.typ != "MET_WITH" {
			return f, fmt.Errorf("%q: only a MET_WITH names a venue (at:)", l)
		}
		f.venue = strings.TrimSpace(body[k+4:])
		body = strings.TrimSpace(body[:k])
		if f.venue == "" {
			return f, fmt.Errorf("%q: at: names no venue", l)
		}
	}
	if f.typ != "ENTITY" {
		if k := strings.LastIndex(body, "@"); k >= 0 {
			f.date = strings.TrimSpace(body[k+1:])
			body = strings.TrimSpace(body[:k])
			if !isoDate.MatchString(f.date) {
				return f, fmt.Errorf("%q: date %q is not YYYY-MM-DD", l, f.date)
			}
		}
	}
	var sep string
	switch f.typ {
	case "MET_WITH":
		sep = "|"
	case "SIGNED", "VISITED":
		sep = "->"
	case "ATTENDED":
		f.a = body
	case "ENTITY":
		t, n, _ := strings.Cut(body, " ")
		if !entityType[t] {
			return f, fmt.Errorf("%q: unknown entity type %q", l, t)
		}
		f.a, f.b = t, strings.TrimSpace(n)
		if f.mode == optional {
			return f, fmt.Errorf("%q: an ENTITY is wanted or NOT, never OPTIONAL", l)
		}
	default:
		return f, fmt.Errorf("%q: want MET_WITH, SIGNED, ATTENDED, VISITED or ENTITY, optionally after NOT or OPTIONAL", l)
	}
	if sep != "" {
		a, b, ok := strings.Cut(body, sep)
		if !ok {
			return f, fmt.Errorf("%q: %s needs two ends joined by %q", l, f.typ, sep)
		}
		f.a, f.b = strings.TrimSpace(a), strings.TrimSpace(b)
	}
	if f.a == "" || (sep != "" || f.typ == "ENTITY") && f.b == "" {
		return f, fmt.Errorf("%q: an end is empty", l)
	}
	if (f.a == "*" || f.b == "*") && f.mode != wantNot {
		return f, fmt.Errorf("%q: * (anyone) is only for NOT facts", l)
	}
	return f, nil
}

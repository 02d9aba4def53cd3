package dates

import (
	"strconv"
	"unicode/utf8"
)

// expr is one date expression read from tokens [start, end).
type expr struct {
	start, end int
	// abs holds the explicit date parts (Year 0 when the text gives no year).
	abs    Date
	hasAbs bool
	// rel is the day offset of a relative word; hasRel says one was read.
	rel    int
	hasRel bool
	// weekday is the ISO weekday named, 0 when none.
	weekday int
	// shift is -1 after a "past" word, +1 after a "next" word.
	shift int
	// monthNoun and yearNoun mark "the month" and "the year" with a shift.
	monthNoun, yearNoun bool
	// skip is the token after an invalid explicit date (31 February), which
	// must not be read again in parts.
	skip int
}

// parser reads date expressions from a token slice.
type parser struct {
	toks []token
	s    string // the scanned string the tokens index
	dict *dict
}

// text returns the text of token i.
func (p *parser) text(i int) string { return p.s[p.toks[i].bs:p.toks[i].be] }

// match returns the longest phrase of one of kinds starting at token i.
func (p *parser) match(i int, kinds ...kind) (phrase, int, bool) {
	if i >= len(p.toks) {
		return phrase{}, i, false
	}
	g := p.toks[i].group
	if g < 0 {
		return phrase{}, i, false
	}
	for _, ph := range p.dict.groups[g] {
		if !hasKind(kinds, ph.kind) || i+len(ph.words) > len(p.toks) {
			continue
		}
		ok := true
		for k, w := range ph.words[1:] {
			if p.text(i+1+k) != w || p.toks[i+1+k].num {
				ok = false
				break
			}
		}
		if ok {
			return ph, i + len(ph.words), true
		}
	}
	return phrase{}, i, false
}

func hasKind(kinds []kind, k kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// punct reports whether token i is one of the punctuation runes in set.
func (p *parser) punct(i int, set string) bool {
	if i >= len(p.toks) || p.toks[i].num || p.toks[i].end-p.toks[i].start != 1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.text(i))
	for _, s := range set {
		if r == s {
			return !isWordRune(r)
		}
	}
	return false
}

// number returns token i's value when it is a number of 1..maxDigits digits.
func (p *parser) number(i, minDigits, maxDigits int) (int, bool) {
	if i >= len(p.toks) || !p.toks[i].num {
		return 0, false
	}
	n := len(p.text(i))
	if n < minDigits || n > maxDigits {
		return 0, false
	}
	v, err := strconv.Atoi(p.text(i))
	return v, err == nil
}

// parse reads the longest date expression starting at token i.
func (p *parser) parse(i int) (expr, bool) {
	e := expr{start: i}
	j := i
	if _, k, ok := p.match(j, kPart); ok {
		j = k
	}
	if _, k, ok := p.match(j, kDay); ok {
		j = k
	}
	if ph, k, ok := p.match(j, kRelative); ok {
		e.rel, e.hasRel, j = ph.value, true, k
		e.end = j
		if _, k, ok := p.match(j, kPart); ok { // اليوم صباحا
			j, e.end = k, k
		}
	}
	// A weekday, possibly followed by a comma and an explicit date.
	wj := j
	if p.punct(wj, ",") && e.hasRel {
		wj++
	}
	if ph, k, ok := p.match(wj, kWeekday); ok {
		e.weekday, j, e.end = ph.value, k, k
		if ph, k, ok := p.match(j, kPast, kNext); ok {
			e.shift, j, e.end = shiftOf(ph), k, k
		}
	}
	aj := j
	if p.punct(aj, ",") && (e.weekday != 0 || e.hasRel) {
		aj++
	}
	if e.shift == 0 {
		if d, k, ok := p.absolute(aj); ok {
			e.abs, e.hasAbs, e.end = d, true, k
		} else if k > aj {
			e.skip = k
		}
	}
	if !e.hasAbs && !e.hasRel && e.weekday == 0 {
		// "the month / the year" with a past or next word.
		if ph, k, ok := p.match(j, kMonthNoun, kYear); ok {
			if s, k2, ok := p.match(k, kPast, kNext); ok {
				e.monthNoun, e.yearNoun = ph.kind == kMonthNoun, ph.kind == kYear
				e.shift, e.end = shiftOf(s), k2
			}
		}
	}
	return e, e.end > e.start
}

func shiftOf(ph phrase) int {
	if ph.kind == kPast {
		return -1
	}
	return 1
}

// absolute reads an explicit date at token i: numeric (20-05-2025,
// 2025/05/20), day and month name with an optional year, month name and year,
// or a year word and year. When it reads a date that does not exist (31
// February) it returns ok false with the token after that date.
func (p *parser) absolute(i int) (Date, int, bool) {
	if d, k, ok := p.numeric(i); ok || k > i {
		return d, k, ok
	}
	j := i
	day := 0
	if v, ok := p.number(j, 1, 2); ok {
		day, j = v, j+1
	} else if ph, k, ok := p.match(j, kOrdinal); ok {
		day, j = ph.value, k
	}
	if day != 0 {
		// An optional short connector word between day and month (الخامس من فبراير).
		if _, _, ok := p.match(j, kMonth); !ok && j < len(p.toks) && !p.toks[j].num &&
			utf8.RuneCountInString(p.text(j)) <= 2 && isWordRune(firstRune(p.text(j))) {
			j++
		}
	}
	ph, k, ok := p.match(j, kMonth)
	if !ok {
		if day == 0 {
			return p.yearOnly(i)
		}
		return Date{}, i, false
	}
	d := Date{Month: ph.value, Day: day}
	j = k
	if day == 0 {
		// A month name before its day (May 20, 2026).
		if v, ok := p.number(j, 1, 2); ok && v >= 1 {
			d.Day, j = v, j+1
		}
	}
	end := j
	// A second name of the same month (كانون الثاني/ يناير).
	if p.punct(j, "/-(") {
		if ph2, k2, ok := p.match(j+1, kMonth); ok && ph2.value == d.Month {
			j, end = k2, k2
			if p.punct(j, ")") {
				j, end = j+1, j+1
			}
		}
	}
	yj := j
	if p.punct(yj, ",/-") {
		yj++
	}
	if _, k, ok := p.match(yj, kYear); ok {
		yj = k
	}
	if y, ok := p.number(yj, 4, 4); ok && y >= 1000 {
		d.Year, end = y, yj+1
	}
	if d.Day == 0 && d.Year == 0 {
		return Date{}, i, false // a bare month name is not a date
	}
	if d.Day != 0 && !Valid(max(d.Year, 2000), d.Month, d.Day) ||
		d.Year != 0 && d.Day != 0 && !Valid(d.Year, d.Month, d.Day) {
		return Date{}, end, false // not a real day: skip it whole
	}
	return d, end, true
}

// yearOnly reads a year word and a four-digit year (عام 2024).
func (p *parser) yearOnly(i int) (Date, int, bool) {
	if _, k, ok := p.match(i, kYear); ok {
		if y, ok := p.number(k, 4, 4); ok && y >= 1000 {
			return Date{Year: y}, k + 1, true
		}
	}
	return Date{}, i, false
}

// numeric reads three numbers joined by the same separator (- . /), day first
// unless the first has four digits or the second is above 12.
func (p *parser) numeric(i int) (Date, int, bool) {
	if i+4 >= len(p.toks) || !p.toks[i].num {
		return Date{}, i, false
	}
	sep := p.text(i + 1)
	if !p.punct(i+1, "-./") || p.text(i+3) != sep || !p.punct(i+3, "-./") {
		return Date{}, i, false
	}
	// Not part of a longer chain (an IP address, a version, a phone number).
	if p.punct(i+5, "-./") && i+6 < len(p.toks) && p.toks[i+6].num {
		return Date{}, i, false
	}
	if i > 1 && p.toks[i-2].num && p.punct(i-1, "-./") {
		return Date{}, i, false
	}
	var d Date
	if y, ok := p.number(i, 4, 4); ok {
		m, ok1 := p.number(i+2, 1, 2)
		dd, ok2 := p.number(i+4, 1, 2)
		if !ok1 || !ok2 {
			return Date{}, i, false
		}
		d = Date{Year: y, Month: m, Day: dd}
	} else {
		a, ok1 := p.number(i, 1, 2)
		b, ok2 := p.number(i+2, 1, 2)
		y, ok3 := p.number(i+4, 4, 4)
		if !ok1 || !ok2 || !ok3 {
			return Date{}, i, false
		}
		d = Date{Year: y, Month: b, Day: a}
		if b > 12 {
			d.Month, d.Day = a, b
		}
	}
	if d.Year < 1000 || !Valid(d.Year, d.Month, d.Day) {
		return Date{}, i + 5, false
	}
	return d, i + 5, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

package extract

import (
	"github.com/dipgraph/dipgraph/extract/dates"
	"github.com/dipgraph/dipgraph/schema"
)

// foundDate is a date expression of the document: original rune offsets and
// the ISO date it names.
type foundDate struct {
	start, end int
	date       string
	relative   bool
}

// dateReader finds dates with the dates package.
type dateReader struct {
	r *dates.Reader
}

func newDateReader(lang *schema.LangPack) dateReader {
	return dateReader{r: dates.New(lang.Dates, dates.WithWords(lang.Words))}
}

// documentDate returns the publication date read from the text, or "".
func (d dateReader) documentDate(r *run) string {
	if dt, _, ok := r.dateText().DocumentDate(); ok {
		return dt.String()
	}
	return ""
}

// find returns every date in the text, relative ones resolved against the
// document date.
func (d dateReader) find(r *run) []foundDate {
	var ref dates.Date
	if r.date != "" {
		ref, _ = dates.Parse(r.date)
	}
	var out []foundDate
	for _, f := range r.dateText().Find(ref) {
		out = append(out, foundDate{start: f.Start, end: f.End, date: f.Date.String(), relative: f.Relative})
	}
	return out
}

// dateText returns the text of r as the date reader reads it, which newRun
// sets: the document date and every date of the text are read from one
// scan.
func (r *run) dateText() *dates.Text {
	return &r.buf.dates
}

// datelineSpan bounds, in tokens, where a dateline without a year is looked
// for: the first lines of the article.
const datelineSpan = 40

// inferYear gives a document with no date the date of its year-less
// dateline ("أبوظبي في 11 ديسمبر", "الرياض - 4 - 3") from the persons of
// the gazetteer named in the article: they held their offices together over
// a window in which that day (on the weekday the text names, if it names
// one) falls; when it falls in several years, news being recent, the latest
// of them (never after today). It runs after the gazetteer names are read;
// it sets r.date and reads the dates again.
func (r *run) inferYear(today dates.Date) {
	if r.date != "" {
		return
	}
	month, day := r.yearlessDateline()
	if month == 0 {
		return
	}
	from, to := dates.Date{}, today
	seen := false
	for _, m := range r.ments {
		a := r.ents[m.id]
		if m.typ != schema.Person || a == nil || a.entry == nil || len(a.entry.Offices) == 0 {
			continue
		}
		s, e, ok := tenure(a.entry.Offices, today)
		if !ok {
			continue
		}
		seen = true
		if s.Compare(from) > 0 {
			from = s
		}
		if e.Compare(to) < 0 {
			to = e
		}
	}
	if !seen || from.Year == 0 || from.Compare(to) > 0 {
		return
	}
	weekday := r.namedWeekday()
	found := dates.Date{}
	for y := from.Year; y <= to.Year; y++ {
		if !dates.Valid(y, month, day) {
			continue
		}
		d := dates.Date{Year: y, Month: month, Day: day}
		if d.Compare(from) < 0 || d.Compare(to) > 0 || weekday != 0 && d.Weekday() != weekday {
			continue
		}
		found = d // several years fit: news is recent, the latest one
	}
	if found.IsZero() {
		return
	}
	r.date = found.String()
	r.dates = r.x.dates.find(r)
}

// tenure returns the span over which a person held any of the offices (an
// open end runs to today).
func tenure(offices []schema.Office, today dates.Date) (from, to dates.Date, ok bool) {
	for i, o := range offices {
		s, err := dates.Parse(o.Start)
		if err != nil {
			return from, to, false
		}
		e := today
		if o.End != "" {
			if e, err = dates.Parse(o.End); err != nil {
				return from, to, false
			}
		}
		if i == 0 || s.Compare(from) < 0 {
			from = s
		}
		if i == 0 || e.Compare(to) > 0 {
			to = e
		}
	}
	return from, to, len(offices) > 0
}

// datelineYear returns the document date when a dateline without a year
// ("الكويت - 28 - 12") opens a text whose top lines give a full date of
// another day (an event ahead: "القمة المقررة في 5 يناير 2021"): the
// dateline's day in the year that puts it nearest that date. Otherwise it
// returns found.
func (r *run) datelineYear(found string) string {
	d, err := dates.Parse(found)
	if err != nil || !d.Full() {
		return found
	}
	month, day := r.yearlessDateline()
	if month == 0 || month == d.Month && day == d.Day {
		return found
	}
	best, bestGap := "", 0
	for y := d.Year - 1; y <= d.Year+1; y++ {
		c := dates.Date{Year: y, Month: month, Day: day}
		if !c.Valid() {
			continue
		}
		gap := c.DaysTo(d)
		if gap < 0 {
			gap = -gap
		}
		if best == "" || gap < bestGap {
			best, bestGap = c.String(), gap
		}
	}
	if best == "" {
		return found
	}
	return best
}

// yearlessDateline reads a day and a month with no year in the first tokens:
// "11 ديسمبر" or "4 - 3" (day first), or the month's name and the day ("Oct
// 9"). It returns 0, 0 when there is none.
func (r *run) yearlessDateline() (month, day int) {
	n := min(len(r.toks), datelineSpan)
	for k := 0; k+1 < n; k++ {
		if h, ok := r.hitAt(k, kDate); ok && h.lx.sub == "month" && h.end+1 < n {
			if d, ok := smallNumber(r.toks[h.end].S, 31); ok && r.toks[h.end+1].S != "," && !isDigits(r.toks[h.end+1].S) {
				return h.lx.ref, d // Oct 9 —
			}
		}
		d, ok := smallNumber(r.toks[k].S, 31)
		if !ok {
			continue
		}
		if r.x.lang.Dates.YearFirst && k >= 2 && r.toks[k-1].S == "-" && len(r.toks[k-2].S) == 4 && isDigits(r.toks[k-2].S) {
			continue // 2024-10-07: the month and day of a full date, no dateline
		}
		if h, ok := r.hitAt(k+1, kDate); ok && h.lx.sub == "month" {
			if _, year := smallNumber(r.tokS(h.end), 9999); year {
				return 0, 0 // a year follows: the date reader's case
			}
			return h.lx.ref, d
		}
		if k+2 < n && r.toks[k+1].S == "-" {
			if m, ok := smallNumber(r.toks[k+2].S, 12); ok && r.tokS(k+3) != "-" {
				return m, d
			}
		}
	}
	return 0, 0
}

// tokS returns the text of token k, or "".
func (r *run) tokS(k int) string {
	if k < 0 || k >= len(r.toks) {
		return ""
	}
	return r.toks[k].S
}

// namedWeekday returns the weekday (1 = Monday) the first lines name, or 0.
func (r *run) namedWeekday() int {
	for k := 0; k < min(len(r.toks), 3*datelineSpan); k++ {
		if h, ok := r.hitAt(k, kDate); ok && h.lx.sub == "weekday" {
			return h.lx.ref
		}
	}
	return 0
}

// smallNumber parses s as a positive number of ASCII digits up to max.
func smallNumber(s string, max int) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = 10*n + int(c-'0')
	}
	return n, n >= 1 && n <= max
}

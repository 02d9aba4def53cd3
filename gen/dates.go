package gen

import (
	"strconv"
	"time"
)

// Articles are dated between these days.
var (
	firstDay = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
)

func (a *article) randomDay() time.Time {
	days := int(lastDay.Sub(firstDay).Hours() / 24)
	return firstDay.AddDate(0, 0, a.r.IntN(days+1))
}

// dateVars are the placeholders of an absolute date expression.
func (a *article) dateVars(d time.Time) map[string]string {
	w := a.g.lx.dates
	iso := int(d.Weekday())
	if iso == 0 {
		iso = 7
	}
	return map[string]string{
		"day":     strconv.Itoa(d.Day()),
		"dd":      d.Format("02"),
		"m":       strconv.Itoa(int(d.Month())),
		"mm":      d.Format("01"),
		"month":   a.r.pickFirst(w.Months[int(d.Month())]),
		"year":    strconv.Itoa(d.Year()),
		"weekday": a.r.pickFirst(w.Weekdays[iso]),
		"next":    a.r.pick(a.g.lx.dateNext),
	}
}

// when writes the date of an event held offset days from the document date:
// relative (اليوم، أمس) or absolute in one of several formats.
func (a *article) when(d time.Time, offset int) string {
	vars := a.dateVars(d)
	rel := a.g.lx.dates.Relative[offset]
	if len(rel) > 0 && a.r.chance(0.5) {
		vars["rel"] = a.r.pick(rel)
		vars["part"] = a.r.pick(a.g.lx.dates.Parts)
		return a.expand(a.r.pick(a.g.t.Dates.Relative), vars)
	}
	return a.expand(a.r.pick(a.g.t.Dates.Absolute), vars)
}

// later writes a vague future date (الأسبوع المقبل، في مارس المقبل).
func (a *article) later(d time.Time) string {
	return a.expand(a.r.pick(a.g.t.Dates.Later), a.dateVars(d))
}

func isoDate(d time.Time) string { return d.Format(time.DateOnly) }

package dates

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date of known precision: a full day, a month or a year.
// Month and Day are 0 when unknown; Day is never known without Month.
type Date struct {
	Year, Month, Day int
}

// ErrDate is wrapped by every error Parse returns.
var ErrDate = errors.New("invalid date")

// Parse reads an ISO 8601 calendar date: YYYY-MM-DD, YYYY-MM or YYYY. The date
// must exist (2025-02-30 is rejected); years run from 0001 to 9999.
func Parse(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%w %q: %s (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrDate, s, why)
	}
	num := func(part string) (int, bool) {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var d Date
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("wrong length")
	}
	if d.Year, ok = num(s[:4]); !ok || d.Year == 0 {
		return bad("bad year")
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad("missing '-'")
		}
		if d.Month, ok = num(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return bad("bad month")
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad("missing '-'")
		}
		if d.Day, ok = num(s[8:10]); !ok || !Valid(d.Year, d.Month, d.Day) {
			return bad("bad day")
		}
	}
	return d, nil
}

// Valid reports whether year-month-day is a real calendar day (proleptic
// Gregorian, years 1..9999).
func Valid(year, month, day int) bool {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= daysIn(year, month)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY by its precision; the zero
// Date gives "".
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return d.format()
	}
	var b [10]byte
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return string(digits(b[:0], d.Year, 4))
	case d.Day == 0:
		return string(digits(append(digits(b[:0], d.Year, 4), '-'), d.Month, 2))
	}
	return string(digits(append(digits(append(digits(b[:0], d.Year, 4), '-'), d.Month, 2), '-'), d.Day, 2))
}

// digits appends the n-digit decimal form of v (0 <= v < 10^n) to b.
func digits(b []byte, v, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		p := 1
		for range i {
			p *= 10
		}
		b = append(b, byte('0'+v/p%10))
	}
	return b
}

// format is String for dates out of the usual ranges.
func (d Date) format() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// IsZero reports whether d is the zero Date (no date at all).
func (d Date) IsZero() bool { return d == Date{} }

// Full reports whether d is known to the day.
func (d Date) Full() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// AddDays returns d moved by n days. It needs a full date; a date of month or
// year precision is returned unchanged.
func (d Date) AddDays(n int) Date {
	if !d.Full() {
		return d
	}
	return fromTime(d.time().AddDate(0, 0, n))
}

// Weekday returns the ISO weekday of a full date (1 = Monday .. 7 = Sunday), or
// 0 when d is not full.
func (d Date) Weekday() int {
	if !d.Full() {
		return 0
	}
	w := int(d.time().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e, comparing
// field by field (a month sorts before its days).
func (d Date) Compare(e Date) int {
	for _, p := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if p[0] != p[1] {
			if p[0] < p[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func (d Date) time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
}

func fromTime(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Valid reports whether a full date names a day of the calendar (no 31
// April, no 29 February of a common year).
func (d Date) Valid() bool {
	return d.Full() && fromTime(d.time()) == d
}

// DaysTo returns the number of days from d to e, both full dates.
func (d Date) DaysTo(e Date) int {
	return int(e.time().Sub(d.time()).Hours() / 24)
}

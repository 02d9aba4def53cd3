// Package dates reads calendar dates in news text: the publication date at the
// top of an article (DocumentDate) and every date expression in a sentence
// (Find), absolute ("16 مايو 2024", "2025/11/03", "الخامس من فبراير") or relative
// to the document date ("اليوم", "أمس الجمعة", "يوم الأحد"). It is pure: the
// words come from a schema.DateWords compiled once by New, and every offset it
// reports counts runes in the text it was given.
//
// Numeric dates are read day-month-year, the Arab convention, unless the first
// number has four digits (year-month-day) or the second is above 12
// (month-day-year). Dates that do not exist (31 February) are never reported.
//
// An expression is, in order: an optional part of the day (صباح) and day word
// (يوم); a relative word (اليوم، أمس، غدا) and/or a weekday, the weekday
// optionally followed by a past or next word (الماضي، المقبل); then an optional
// explicit date: a day number or ordinal word, at most one short connector word
// (من), a month name, optionally a second name of the same month after "/"
// (كانون الثاني/ يناير), or a month name and then its day number (May 20),
// and an optional year, itself optionally after a year
// word (عام). A month name with a year gives month precision, a year word and
// a year gives year precision, and with the WithWords option "the month" and
// "the year" followed by a past or next word (الشهر الماضي، العام المقبل) give
// the month or year before or after the reference date.
//
// Relative expressions resolve against the reference date: a relative word
// with a weekday gives that weekday on or before the offset day (on or after
// it for future offsets), so أمس الجمعة is the latest Friday on or before the
// day before; a weekday alone is the latest such day on or before the
// reference (after "past": strictly before; after "next": strictly after); a
// day and month without a year take the reference year, or the year before
// when that would put them more than about two months after the reference.
package dates

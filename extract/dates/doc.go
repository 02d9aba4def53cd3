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
package dates

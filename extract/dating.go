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
	if dt, _, ok := d.r.DocumentDateFolded(r.text, r.orig); ok {
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
	for _, f := range d.r.FindFolded(r.text, r.orig, ref) {
		out = append(out, foundDate{start: f.Start, end: f.End, date: f.Date.String(), relative: f.Relative})
	}
	return out
}

package main

import (
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/dates"
	"github.com/dipgraph/dipgraph/schema"
)

// newExtractor compiles the extractor for the commands that read documents. The
// clock is read here, at the edge, and nowhere in extract: open office tenures
// run to today when a dateline without a year is dated.
func newExtractor(s *schema.Schema) (*extract.Extractor, error) {
	now := time.Now()
	return extract.New(s, extract.Options{
		Today: dates.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()},
	})
}

package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/dipgraph/dipgraph/document"

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

// reportInternal reports a document whose extraction failed on a bug
// (extract.ErrInternal): where it was read and the error on stderr, the
// stack in the log.
func reportInternal(env *Env, d document.Document, err error) {
	where := d.Location
	if where == "" {
		where = d.Source
	}
	fmt.Fprintf(env.Stderr, "dipgraph: %s: document %s: %v (a bug in dipgraph: please report it with this document)\n", where, d.ID, err)
	var pe *extract.PanicError
	if errors.As(err, &pe) {
		env.Logger().Error("internal error", "document", d.ID, "at", where, "panic", fmt.Sprint(pe.Value), "stack", string(pe.Stack))
	}
}

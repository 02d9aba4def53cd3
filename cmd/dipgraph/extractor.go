package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/extract/dates"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
)

// newExtractor compiles the extractor for the commands that read documents:
// one per language pack, each document read with the pack of its language
// (its JSONL lang, else lang, the --lang flag, else the one its script names).
// The clock is read here, at the edge, and nowhere in extract: open office
// tenures run to today when a dateline without a year is dated.
func newExtractor(s *schema.Schema, lang string) (*extract.Set, error) {
	return newExtractorWith(s, lang, false)
}

// newExtractorWith is newExtractor that keeps the candidate facts of the
// learned scorers in each result when candidates is true.
func newExtractorWith(s *schema.Schema, lang string, candidates bool) (*extract.Set, error) {
	if _, ok := s.Lang(lang); lang != "" && !ok {
		codes := make([]string, 0, len(s.Languages))
		for code := range s.Languages {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		return nil, usageErrorf("--lang %q: the schema has no language pack for it (it has %s)", lang, strings.Join(codes, ", "))
	}
	now := time.Now()
	return extract.NewSet(s, extract.Options{
		Lang:       lang,
		Today:      dates.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()},
		Candidates: candidates,
	})
}

// langFlag is the --lang flag of the commands that read documents.
func langFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Usage: "language of the documents that name none (default: detected from the script)"}
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

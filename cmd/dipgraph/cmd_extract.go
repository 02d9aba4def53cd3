package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/input"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"
)

func init() {
	invalidSentinels = append(invalidSentinels, input.ErrInvalid)
}

func extractCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract entities and relations from articles and print them",
		ArgsUsage: "[INPUT…]",
		Description: "Reads text, Markdown or JSON Lines articles (\"-\" for standard input) and prints\n" +
			"one JSON object per document, in input order, or a readable table.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "json", Usage: "output format: json or table"},
			&cli.StringFlag{Name: "date", Usage: "publication date (YYYY-MM-DD) for documents that give none"},
			langFlag(),
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "documents read in parallel"},
			&cli.StringFlag{Name: "stdin-format", Value: "text", Usage: "how \"-\" is read: text or jsonl"},
			maxDocSizeFlag(),
			&cli.BoolFlag{Name: "candidates", Usage: "with --format json, add the candidate facts the learned scorers weighed, with their features (for training)"},
		},
		Action: func(c *cli.Context) error { return runExtract(c, env) },
	}
}

func runExtract(c *cli.Context, env *Env) error {
	format := c.String("format")
	if format != "json" && format != "table" {
		return usageErrorf("--format must be json or table, not %q", format)
	}
	workers := c.Int("workers")
	if workers < 1 {
		return usageErrorf("--workers must be at least 1")
	}
	s, err := loadSchema(c, env)
	if err != nil {
		return err
	}
	x, err := newExtractorWith(s, c.String("lang"), c.Bool("candidates"))
	if err != nil {
		return err
	}
	inputs, err := defaultInputs(c, env)
	if err != nil {
		return err
	}
	limit, err := maxDocSize(c)
	if err != nil {
		return err
	}
	opts := input.Options{Date: c.String("date"), StdinFormat: c.String("stdin-format"),
		Stdin: env.Stdin, Logger: env.Logger(), MaxDocBytes: limit}
	return extractDocs(c.Context, env, x, inputs, opts, format, workers)
}

// extractDocs reads inputs, extracts each document with workers goroutines
// and prints the results in input order. Documents that cannot be read, and
// those whose extraction fails on a bug (extract.ErrInternal), are reported
// and counted; the others are printed.
func extractDocs(ctx context.Context, env *Env, x extractor, inputs []string, opts input.Options, format string, workers int) error {
	type extracted struct {
		res extract.Result
		err error
	}
	g, ctx := errgroup.WithContext(ctx)
	out := bufio.NewWriter(env.Stdout)
	bad, internal := 0, 0
	ordered(ctx, g, workers, 2*workers,
		func(send func(input.Item) error) error {
			return input.Read(ctx, inputs, opts, func(it input.Item) error { return send(it) })
		},
		func(it input.Item) extracted {
			if it.Err != nil {
				return extracted{err: it.Err}
			}
			res, err := x.Extract(it.Doc)
			return extracted{res: res, err: err}
		},
		func(it input.Item, e extracted) error {
			switch {
			case errors.Is(e.err, extract.ErrInternal):
				internal++
				reportInternal(env, it.Doc, e.err)
				return nil
			case e.err != nil:
				bad++
				fmt.Fprintf(env.Stderr, "dipgraph: %v\n", e.err)
				return nil
			}
			if err := writeResult(out, format, e.res); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			return nil
		}, nil)
	err := g.Wait()
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	switch {
	case err != nil:
		return err
	case internal > 0:
		return fmt.Errorf("%w: %d document(s) failed on an internal error, %d could not be read", errReported, internal, bad)
	case bad > 0:
		return fmt.Errorf("%w: %w: %d document(s) could not be read", errReported, input.ErrInvalid, bad)
	}
	return nil
}

func writeResult(w io.Writer, format string, res extract.Result) error {
	if format == "json" {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		_, err = w.Write(b)
		return err
	}
	return writeTable(w, res)
}

// writeTable prints a readable summary of one result: entities by type, then
// relations with their evidence. Arabic text is printed as is.
func writeTable(w io.Writer, res extract.Result) error {
	var b strings.Builder
	d := res.Document
	fmt.Fprintf(&b, "== %s  (date %s, %d entities, %d relations)\n", firstNonEmpty(d.Source, d.ID), d.Date,
		len(res.Entities), len(res.Relations))
	byType := map[string][]extract.Entity{}
	names := map[string]string{}
	for _, e := range res.Entities {
		byType[e.Type] = append(byType[e.Type], e)
		names[e.ID] = e.Name
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(&b, "  %s\n", t)
		for _, e := range byType[t] {
			fmt.Fprintf(&b, "    %-40s %s  [%s]\n", e.ID, e.Name, strings.Join(e.Aliases, " | "))
		}
	}
	if len(res.Relations) > 0 {
		fmt.Fprintf(&b, "  Relations\n")
	}
	for _, r := range res.Relations {
		fmt.Fprintf(&b, "    %s  %s -> %s%s  (%s %.2f)\n", r.Type, firstNonEmpty(names[r.From], r.From),
			firstNonEmpty(names[r.To], r.To), tableProps(r.Properties, names), r.Rule, r.Confidence)
		fmt.Fprintf(&b, "      [%d:%d] %s\n", r.Evidence.Start, r.Evidence.End, r.Evidence.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tableProps prints relation properties as "  key=value" pairs in key order,
// entity ids replaced by their names.
func tableProps(props map[string]any, names map[string]string) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		v := fmt.Sprint(props[k])
		if v == "" {
			continue
		}
		if n, ok := names[v]; ok && n != "" {
			v = n
		}
		fmt.Fprintf(&b, "  %s=%s", k, v)
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

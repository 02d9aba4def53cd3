package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/dipgraph/dipgraph/gen"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// errUsage marks command-line mistakes.
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dipgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 1, "corpus seed")
	n := fs.Int("n", 1000, "number of articles")
	expected := fs.Bool("expected", false, "add the inserted facts to each line")
	dir := fs.String("schema", "", "schema directory (default: built-in)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 || *n < 0 {
		return fmt.Errorf("%w: dipgen [--seed N] [--n COUNT] [--expected] [--schema DIR]", errUsage)
	}
	var s *schema.Schema
	var err error
	if *dir != "" {
		s, err = schema.Load(*dir)
	} else {
		s, err = schema.Default()
	}
	if err != nil {
		return fmt.Errorf("%w: %w", schema.ErrInvalid, err)
	}
	g, err := gen.New(s, gen.Options{Seed: *seed, Expected: *expected})
	if err != nil {
		return fmt.Errorf("%w: %w", schema.ErrInvalid, err)
	}
	return g.Write(ctx, stdout, *n)
}

func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, context.Canceled):
		return 130
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	fmt.Fprintln(os.Stderr, "dipgen:", err)
	switch {
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, schema.ErrInvalid):
		return 3
	}
	return 1
}

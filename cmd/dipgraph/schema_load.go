package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
)

func init() {
	invalidSentinels = append(invalidSentinels, schema.ErrInvalid)
}

// loadSchema returns the schema named by the global --schema flags (files or
// directories, merged), or the schema built into the binary. Every command that
// needs the schema calls it. When the schema is invalid it prints every problem
// to env.Stderr and returns an error wrapping errReported and schema.ErrInvalid
// (exit code 3); a path that does not exist is a usage error.
func loadSchema(c *cli.Context, env *Env) (*schema.Schema, error) {
	paths := c.StringSlice("schema")
	if len(paths) == 0 {
		s, err := schema.Default()
		return s, reportSchemaError(env.Stderr, err)
	}
	s, err := schema.Load(paths...)
	return s, reportSchemaError(env.Stderr, err)
}

// reportSchemaError prints the problems of an invalid schema, one a line, and
// marks the error as reported; other errors pass through (a missing path becomes
// a usage error).
func reportSchemaError(w io.Writer, err error) error {
	if err == nil {
		return nil
	}
	var probs schema.Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			fmt.Fprintln(w, p)
		}
		fmt.Fprintf(w, "dipgraph: invalid schema: %d %s\n", len(probs), plural(len(probs), "problem", "problems"))
		return fmt.Errorf("%w: %w", errReported, err)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("%v", err)
	}
	return err
}

// plural returns one or many depending on n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

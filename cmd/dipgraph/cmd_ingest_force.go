package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/input"
)

// clearForced prepares a forced run (ingest --force): it reads the inputs
// once for their document ids and clears the fingerprints the store holds
// for them, before anything is rewritten. Each document's fingerprint is then
// stored again only with its rewrite, in the same transaction, so a forced
// run that stops half-way (killed, interrupted, a failed write) is completed
// by the next run, forced or not: it finds the documents the forced run did
// not reach without a fingerprint, and rewrites them.
//
// Standard input cannot be read twice: it is first copied to a temporary
// file, which o.input reads from then on. The returned function removes it.
func clearForced(ctx context.Context, st graph.Store, inputs []string, o *ingestOptions) (func(), error) {
	done := func() {}
	var spool *os.File
	if slices.Contains(inputs, "-") && o.input.Stdin != nil {
		f, err := os.CreateTemp("", "dipgraph-stdin-*")
		if err != nil {
			return done, fmt.Errorf("--force: copy standard input: %w", err)
		}
		done = func() { f.Close(); os.Remove(f.Name()) }
		stdin := o.input.Stdin
		if err := detach(ctx, func() error { _, err := io.Copy(f, stdin); return err }); err != nil {
			return done, fmt.Errorf("--force: copy standard input: %w", err)
		}
		spool, o.input.Stdin = f, f
	}
	rewind := func() error {
		if spool == nil {
			return nil
		}
		_, err := spool.Seek(0, io.SeekStart)
		return err
	}
	if err := rewind(); err != nil {
		return done, err
	}
	var ids []string
	err := input.Read(ctx, inputs, o.input, func(it input.Item) error {
		if it.Err == nil && o.shard.owns(it) {
			ids = append(ids, it.Doc.ID)
		}
		return nil
	})
	if err != nil {
		return done, err
	}
	if err := rewind(); err != nil {
		return done, err
	}
	if err := st.ClearFingerprints(ctx, ids); err != nil {
		return done, fmt.Errorf("--force: %w", err)
	}
	return done, nil
}

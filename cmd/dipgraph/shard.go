package main

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/input"
	"github.com/urfave/cli/v2"
)

// Environment variables of a sharded ingest: Kubernetes sets the first in
// every pod of an Indexed Job; the second is the Job's completions.
const (
	envJobIndex = "JOB_COMPLETION_INDEX"
	envShards   = "DIPGRAPH_SHARDS"
)

// shard is the part of the inputs one ingest process takes: the documents
// whose id hashes to index modulo count (see shardOf). The zero value takes
// every document.
type shard struct {
	index, count int
}

// on reports whether the process takes only part of the inputs.
func (s shard) on() bool { return s.count > 0 }

// String is "INDEX/COUNT", as --shard takes it.
func (s shard) String() string { return fmt.Sprintf("%d/%d", s.index, s.count) }

// owns reports whether it belongs to the shard. A document belongs to the
// shard of its id; a problem (a line that is not JSON, a document too large,
// an unreadable file) to the shard of its file and line, so that among the
// processes of a sharded run exactly one reports it.
func (s shard) owns(it input.Item) bool {
	if !s.on() {
		return true
	}
	if it.Err == nil {
		return shardOf(it.Doc.ID, s.count) == s.index
	}
	var p *input.Problem
	if errors.As(it.Err, &p) {
		return shardOf(p.Source+":"+strconv.Itoa(p.Line), s.count) == s.index
	}
	return shardOf(it.Err.Error(), s.count) == s.index
}

// shardOf is the shard of a document id among n: the first 8 bytes of the
// SHA-256 of the id's UTF-8 bytes, read as a big-endian integer, modulo n. It
// depends on the id alone, never on the file the document is in, its position
// or the number of files, every bit of the id counts for every n, and any
// tool can compute it (`printf %s ID | sha256sum`, the first 16 hex digits,
// modulo n). It is part of the command's contract: changing it would move
// documents between shards (harmlessly, since ingest skips what is already
// written, but a re-run of one shard would no longer redo exactly its part).
func shardOf(id string, n int) int {
	h := sha256.Sum256([]byte(id))
	return int(binary.BigEndian.Uint64(h[:8]) % uint64(n))
}

// shardFlags are ingest's flags choosing a shard.
func shardFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "shard", Usage: "take only shard `I/N` of the documents (by a hash of their id; I from 0 to N-1)"},
		&cli.IntFlag{Name: "shards", Usage: "number of shards `N` when the index comes from " + envJobIndex +
			" (Kubernetes Indexed Jobs; env " + envShards + ")"},
	}
}

// shardOption reads the shard of an ingest process: --shard I/N, else the
// index from JOB_COMPLETION_INDEX and the count from --shards or
// DIPGRAPH_SHARDS, else every document. Inconsistent or malformed values are
// usage errors naming the flag or variable.
func shardOption(c *cli.Context, env *Env) (shard, error) {
	getenv := func(k string) string {
		if env.Getenv == nil {
			return ""
		}
		return strings.TrimSpace(env.Getenv(k))
	}
	count, countFrom := 0, ""
	switch {
	case c.IsSet("shards"):
		count, countFrom = c.Int("shards"), "--shards"
		if count < 1 {
			return shard{}, usageErrorf("--shards %d: the number of shards must be at least 1", count)
		}
	case getenv(envShards) != "":
		n, err := count1(getenv(envShards))
		if err != nil {
			return shard{}, usageErrorf("%s=%q: %v", envShards, getenv(envShards), err)
		}
		count, countFrom = n, envShards
	}
	if c.IsSet("shard") {
		s, err := parseShard(c.String("shard"))
		if err != nil {
			return shard{}, usageErrorf("--shard %q: %v", c.String("shard"), err)
		}
		if count != 0 && count != s.count {
			return shard{}, usageErrorf("--shard %s says %d shards but %s says %d", s, s.count, countFrom, count)
		}
		return s, nil
	}
	idx := getenv(envJobIndex)
	if idx == "" {
		if count != 0 {
			return shard{}, usageErrorf("%s %d needs the shard index from %s (set by Kubernetes Indexed Jobs); "+
				"to run one shard by hand use --shard I/N", countFrom, count, envJobIndex)
		}
		return shard{}, nil
	}
	i, err := strconv.Atoi(idx)
	if err != nil || i < 0 || !digits(idx) {
		return shard{}, usageErrorf("%s=%q: want a shard index 0, 1, 2…", envJobIndex, idx)
	}
	if count == 0 {
		return shard{}, usageErrorf("%s=%d is set but not the number of shards: set --shards or %s to the Job's completions",
			envJobIndex, i, envShards)
	}
	if i >= count {
		return shard{}, usageErrorf("%s=%d is not below the number of shards %d (%s)", envJobIndex, i, count, countFrom)
	}
	return shard{index: i, count: count}, nil
}

// parseShard parses "I/N" with 0 ≤ I < N.
func parseShard(v string) (shard, error) {
	is, ns, ok := strings.Cut(strings.TrimSpace(v), "/")
	if !ok || !digits(is) || !digits(ns) {
		return shard{}, errors.New("want I/N, the shard index and the number of shards, e.g. 0/4")
	}
	i, err1 := strconv.Atoi(is)
	n, err2 := count1(ns)
	switch {
	case err1 != nil:
		return shard{}, fmt.Errorf("shard index %s: %w", is, err1)
	case err2 != nil:
		return shard{}, err2
	case i >= n:
		return shard{}, fmt.Errorf("the shard index must be below the number of shards: 0 to %d", n-1)
	}
	return shard{index: i, count: n}, nil
}

// count1 parses a number of shards: a whole number of at least 1.
func count1(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || !digits(v) {
		return 0, errors.New("the number of shards must be a whole number")
	}
	if n < 1 {
		return 0, errors.New("the number of shards must be at least 1")
	}
	return n, nil
}

// digits reports whether v is a non-empty run of ASCII digits.
func digits(v string) bool {
	if v == "" {
		return false
	}
	for _, r := range v {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// shardLabel is " shard I/N" for the progress line and summary of a sharded
// run, else empty.
func shardLabel(s string) string {
	if s == "" {
		return ""
	}
	return " shard " + s
}

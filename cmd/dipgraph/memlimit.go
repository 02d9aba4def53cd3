package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// memoryLimitBase is the part of ingest's automatic memory limit that does
// not depend on --max-doc-size: about what a run of ingest --bulk holds at
// the collector's default pace (GOGC 100) on 10,000 documents, so small runs
// collect as often as without a limit.
const memoryLimitBase = 120 << 20

// memoryLimitPerDocByte is the automatic limit's allowance per byte of
// --max-doc-size: extracting one document takes about 9 times its size.
const memoryLimitPerDocByte = 9

// memoryLimitFlag is ingest's --memory-limit.
func memoryLimitFlag() cli.Flag {
	return &cli.StringFlag{Name: "memory-limit", Value: "auto",
		Usage: "soft limit of dipgraph's own memory (Go's GOMEMLIMIT): near it the garbage collector works harder, so memory stays flat however many documents are read; never an error. auto: GOMEMLIMIT when set, else 120 MiB plus 9 times --max-doc-size (163 MiB by default); off: none. Units as --max-doc-size"}
}

// autoMemoryLimit is --memory-limit auto's limit for documents of at most
// maxDoc bytes.
func autoMemoryLimit(maxDoc int64) int64 {
	if maxDoc > (math.MaxInt64-memoryLimitBase)/memoryLimitPerDocByte {
		return math.MaxInt64
	}
	return memoryLimitBase + memoryLimitPerDocByte*maxDoc
}

// memoryLimit reads --memory-limit: the limit in bytes (math.MaxInt64 for
// none), and whether dipgraph sets one (not when auto and GOMEMLIMIT is set:
// the Go runtime has applied it).
func memoryLimit(c *cli.Context, env *Env, maxDoc int64) (int64, bool, error) {
	v := strings.TrimSpace(c.String("memory-limit"))
	switch strings.ToLower(v) {
	case "auto", "":
		if env.Getenv != nil && env.Getenv("GOMEMLIMIT") != "" {
			return 0, false, nil
		}
		return autoMemoryLimit(maxDoc), true, nil
	case "off", "0":
		return math.MaxInt64, true, nil
	}
	n, err := parseSize(v)
	if err != nil {
		return 0, false, usageErrorf("--memory-limit: %v, auto or off", err)
	}
	return n, true, nil
}

// setMemoryLimit sets the Go runtime's soft memory limit to n bytes and
// returns the function that puts the previous one back (commands run in
// tests' processes).
func setMemoryLimit(n int64) (restore func()) {
	prev := debug.SetMemoryLimit(n)
	return func() { debug.SetMemoryLimit(prev) }
}

// memoryLimitText is n for a log line.
func memoryLimitText(n int64) string {
	if n == math.MaxInt64 {
		return "off"
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

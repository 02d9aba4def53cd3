package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
)

// maxDocSizeFlag is --max-doc-size of extract and ingest; its default is
// input.DefaultMaxDocBytes.
func maxDocSizeFlag() cli.Flag {
	return &cli.StringFlag{Name: "max-doc-size", Value: "5MB",
		Usage: "largest document read (a text file or a JSON line); larger ones are reported and skipped. Units: B, KB, MB, GB, KiB, MiB, GiB"}
}

// maxDocSize reads --max-doc-size.
func maxDocSize(c *cli.Context) (int64, error) {
	n, err := parseSize(c.String("max-doc-size"))
	if err != nil {
		return 0, usageErrorf("--max-doc-size: %v", err)
	}
	return n, nil
}

// sizeUnits are the units parseSize accepts, longest first.
var sizeUnits = []struct {
	suffix string
	bytes  int64
}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}

// parseSize parses a positive size such as 5MB, 512KiB, 1.5GB or 5000000.
func parseSize(s string) (int64, error) {
	num, unit := strings.TrimSpace(s), int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			num, unit = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.bytes
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || f*float64(unit) > 1<<62 {
		return 0, fmt.Errorf("%q is not a size (like 5MB, 512KiB or 5000000)", s)
	}
	return int64(f * float64(unit)), nil
}

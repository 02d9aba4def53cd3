package main

import (
	"testing"

	"github.com/dipgraph/dipgraph/input"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"5MB": input.DefaultMaxDocBytes, "5000000": 5e6, "512KiB": 512 << 10,
		"1.5 GB": 15e8, "2mib": 2 << 20, "100B": 100, "3kb": 3000} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-5MB", "0", "five", "5TB", "5IB"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}

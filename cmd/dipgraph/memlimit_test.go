package main

import (
	"errors"
	"math"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestMemoryLimit(t *testing.T) {
	const maxDoc = 5_000_000
	tests := []struct {
		name       string
		args       []string
		gomemlimit string
		want       int64
		set        bool
		usage      bool
	}{
		{name: "auto by default", want: 120<<20 + 9*maxDoc, set: true},
		{name: "auto given", args: []string{"--memory-limit", "auto"}, want: 120<<20 + 9*maxDoc, set: true},
		{name: "auto leaves GOMEMLIMIT", gomemlimit: "300MiB", set: false},
		{name: "a size overrides GOMEMLIMIT", args: []string{"--memory-limit", "256MiB"}, gomemlimit: "300MiB", want: 256 << 20, set: true},
		{name: "off", args: []string{"--memory-limit", "off"}, want: math.MaxInt64, set: true},
		{name: "zero is off", args: []string{"--memory-limit", "0"}, want: math.MaxInt64, set: true},
		{name: "not a size", args: []string{"--memory-limit", "lots"}, usage: true},
		{name: "negative", args: []string{"--memory-limit", "-5MB"}, usage: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := &Env{Getenv: func(k string) string {
				if k == "GOMEMLIMIT" {
					return tc.gomemlimit
				}
				return ""
			}}
			var got int64
			var set bool
			var err error
			app := &cli.App{Flags: []cli.Flag{memoryLimitFlag()}, Action: func(c *cli.Context) error {
				got, set, err = memoryLimit(c, env, maxDoc)
				return nil
			}}
			if rerr := app.Run(append([]string{"dipgraph"}, tc.args...)); rerr != nil {
				t.Fatal(rerr)
			}
			if tc.usage {
				if !errors.Is(err, errUsage) {
					t.Fatalf("error %v, want a usage error", err)
				}
				return
			}
			if err != nil || got != tc.want || set != tc.set {
				t.Errorf("got %d, set %v, err %v; want %d, set %v", got, set, err, tc.want, tc.set)
			}
		})
	}
}

func TestAutoMemoryLimitHuge(t *testing.T) {
	if got := autoMemoryLimit(math.MaxInt64 / 2); got != math.MaxInt64 {
		t.Errorf("autoMemoryLimit(MaxInt64/2) = %d, want no limit", got)
	}
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runCLI runs the whole CLI in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(string) string { return "" },
	}
	code = Run(context.Background(), append([]string{"dipgraph"}, args...), env)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown global flag", []string{"--no-such-flag"}, "flag provided but not defined"},
		{"unknown command", []string{"no-such-command"}, "no-such-command"},
		{"bad log level", []string{"--log-level", "loud", "ping"}, "--log-level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != ExitUsage {
				t.Errorf("exit code = %d, want %d (stderr: %s)", code, ExitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.want)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "--help")
	if code != ExitOK {
		t.Fatalf("exit code = %d, want 0", code)
	}
	for _, cmd := range []string{"schema", "extract", "ingest", "forget", "ping"} {
		if !strings.Contains(stdout, cmd) {
			t.Errorf("help does not list %q:\n%s", cmd, stdout)
		}
	}
}

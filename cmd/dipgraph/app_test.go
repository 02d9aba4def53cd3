package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
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

// TestNoInputOnATerminal: extract and ingest without inputs, standard input
// a terminal, print their usage and exit 2 rather than wait for typed text;
// from a pipe they read it.
func TestNoInputOnATerminal(t *testing.T) {
	for _, cmd := range []string{"extract", "ingest"} {
		var out, errOut bytes.Buffer
		env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
			StdinIsTerminal: func() bool { return true }}
		args := []string{"dipgraph", cmd}
		if cmd == "ingest" {
			args = append(args, "--uri", "bolt://"+unusedAddr(t)) // never connected to
		}
		code := Run(context.Background(), args, env)
		if code != ExitUsage || !strings.Contains(errOut.String(), "no input") ||
			!strings.Contains(errOut.String(), "Usage: dipgraph "+cmd+" [options] [INPUT…]") {
			t.Errorf("%s on a terminal: exit %d, stderr %q; want 2 and the usage", cmd, code, errOut.String())
		}
	}
	code, stdout, stderr := runCLI(t, "استقبل الرئيس المصري نظيره التركي في القاهرة.", "extract")
	if code != ExitOK || !strings.Contains(stdout, `"id":"stdin"`) {
		t.Errorf("extract from a pipe: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestIngestBadPathsBeforeConnecting: ingest names paths it cannot read
// before connecting to Neo4j, and with nothing else to read exits 3 without
// connecting (the URI here reaches nothing).
func TestIngestBadPathsBeforeConnecting(t *testing.T) {
	code, _, stderr := runCLI(t, "", "ingest", "--uri", "bolt://"+unusedAddr(t), "nope.txt", "no/such/dir")
	if code != ExitInvalid || !strings.Contains(stderr, "nope.txt: cannot read: no such file or directory") ||
		!strings.Contains(stderr, "no/such/dir: cannot read") || strings.Contains(stderr, "unreachable") {
		t.Errorf("exit %d, stderr %q; want 3, both paths named, no connection", code, stderr)
	}
}

// TestConnectionMessages: ping never shows a URI's user information, and an
// authentication failure without a password says how to set it.
func TestConnectionMessages(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "ping", "--uri", "http://neo4j:s3cret@127.0.0.1:7474")
	if code != ExitUsage || strings.Contains(stdout+stderr, "s3cret") || strings.Contains(stdout+stderr, "neo4j:") {
		t.Errorf("ping with user information in a bad URI: exit %d, output %q; want 2 without it", code, stdout+stderr)
	}
	code, _, stderr = runCLI(t, "", "ping", "--uri", "bolt://neo4j:s3cret@127.0.0.1:notaport")
	if code != ExitUsage || strings.Contains(stderr, "s3cret") {
		t.Errorf("ping with user information in an unparsable URI: exit %d, stderr %q; want 2 without it", code, stderr)
	}
	auth := fmt.Errorf("connect: %w: user \"neo4j\" at bolt://127.0.0.1:7687: wrong user name or password", graph.ErrAuth)
	if err := connError(auth, graph.Config{}); !errors.Is(err, graph.ErrAuth) || !strings.Contains(err.Error(), `eval "$(scripts/neo4j env)"`) {
		t.Errorf("no password: %v; want the hint", err)
	}
	if err := connError(auth, graph.Config{Password: "given"}); strings.Contains(err.Error(), "scripts/neo4j env") {
		t.Errorf("with a password: %v; want no hint", err)
	}
}

// TestExitCodes: the README's table of exit codes holds for every command:
// help is 0, a mistake on the command line 2, whatever the command.
func TestExitCodes(t *testing.T) {
	uri := "--uri=bolt://" + unusedAddr(t) // never reached: usage errors come first
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"help"}, ExitOK},
		{[]string{"help", "query"}, ExitOK},
		{[]string{"help", "schema", "validate"}, ExitOK},
		{[]string{"help", "no-such-command"}, ExitUsage},
		{[]string{"--version"}, ExitOK},
		{[]string{"--version", "--schema", "no/such/schema"}, ExitUsage},
		{[]string{"no-such-command"}, ExitUsage},
		{[]string{"schema", "no-such-subcommand"}, ExitUsage},
		{[]string{"export", "--format", "xml", uri}, ExitUsage},
		{[]string{"export", "extra-argument", uri}, ExitUsage},
		{[]string{"query", uri}, ExitUsage},
		{[]string{"query", "a", "b", uri}, ExitUsage},
		{[]string{"ping", "extra-argument", uri}, ExitUsage},
		{[]string{"forget", uri}, ExitUsage},
		{[]string{"ping", "--uri", "ftp://x"}, ExitUsage},
	}
	for _, cmd := range []string{"schema", "extract", "ingest", "forget", "query", "export", "ping"} {
		tests = append(tests,
			struct {
				args []string
				code int
			}{[]string{cmd, "--no-such-flag"}, ExitUsage},
			struct {
				args []string
				code int
			}{[]string{cmd, "--help"}, ExitOK})
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "--version")
	for _, want := range []string{"dipgraph ", "\nextraction rules " + extract.Version + "\n", "\ngraph layout " + graph.Version + "\n", "\nschema "} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, --version lacks %q:\n%s", code, want, stdout)
		}
	}
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Digest()
	if !strings.Contains(stdout, "schema "+d+" (built-in)") {
		t.Errorf("--version does not give the schema digest %s:\n%s", d, stdout)
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit codes; doc.go documents them for users.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitInvalid     = 3
	ExitInterrupted = 130
)

// Env is everything the CLI reads from and writes to the outside world. main
// passes the process's; tests pass their own, so the whole CLI runs in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable (os.Getenv in main).
	Getenv func(string) string
	// IsTerminal reports whether Stderr is a terminal (progress bars); nil means no.
	IsTerminal func() bool
	// StdinIsTerminal reports whether Stdin is a terminal: extract and ingest
	// then need their inputs named; nil means no.
	StdinIsTerminal func() bool

	logger *slog.Logger
	// wrapExtractor, when set, wraps ingest's extractor; tests prefix the
	// keys of its results to keep their data apart in a shared database.
	wrapExtractor func(extractor) extractor
}

// Logger returns the logger configured by the global flags, writing to Stderr.
func (e *Env) Logger() *slog.Logger {
	if e.logger == nil {
		e.logger = slog.New(slog.NewTextHandler(e.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return e.logger
}

// errUsage marks command-line mistakes; Run maps it to ExitUsage.
var errUsage = errors.New("usage")

// errInvalid marks invalid schema files or input documents; Run maps it to
// ExitInvalid. Packages have their own sentinels, which exitCode also knows.
var errInvalid = errors.New("invalid input")

// defaultInputs returns the inputs of extract or ingest: its arguments, or
// "-" (standard input) when there are none, unless standard input is a
// terminal, where nobody would know the command waits for typed text: then
// a usage error.
func defaultInputs(c *cli.Context, env *Env) ([]string, error) {
	if c.Args().Present() {
		return c.Args().Slice(), nil
	}
	if env.StdinIsTerminal != nil && env.StdinIsTerminal() {
		return nil, usageErrorf("no input: name the files or directories to read, or - for standard input\n"+
			"Usage: dipgraph %s [options] %s", c.Command.Name, c.Command.ArgsUsage)
	}
	return []string{"-"}, nil
}

// usageErrorf returns an error wrapping errUsage.
func usageErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// NewApp builds the command-line application around env.
func NewApp(env *Env) *cli.App {
	app := &cli.App{
		Name:                 "dipgraph",
		Usage:                "turn news articles about diplomacy into a knowledge graph in Neo4j",
		Writer:               env.Stdout,
		ErrWriter:            env.Stderr,
		Reader:               env.Stdin,
		HideVersion:          true, // --version is ours: it prints more than a number
		EnableBashCompletion: false,
		ExitErrHandler:       func(*cli.Context, error) {}, // Run maps errors to exit codes
		OnUsageError:         onUsageError,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{
				Name:  "schema",
				Usage: "schema YAML file or directory (repeatable); default: the built-in schema",
			},
			&cli.BoolFlag{
				Name:  "version",
				Usage: "print the version, the extraction rules', the graph layout's and the schema's digest",
			},
			&cli.StringFlag{
				Name:  "log-level",
				Value: "warn",
				Usage: "log level: debug, info, warn, error",
			},
		},
		Before: func(c *cli.Context) error {
			var level slog.Level
			if err := level.UnmarshalText([]byte(c.String("log-level"))); err != nil {
				return usageErrorf("--log-level: %v", err)
			}
			env.logger = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
			return nil
		},
		Commands: []*cli.Command{
			schemaCommand(env),
			extractCommand(env),
			ingestCommand(env),
			forgetCommand(env),
			queryCommand(env),
			exportCommand(env),
			pingCommand(env),
		},
	}
	setUsageErrorHandlers(app.Commands)
	// Without this, urfave/cli reports an unknown command with its own exit code 3,
	// which we reserve for invalid input.
	app.Action = func(c *cli.Context) error {
		if c.Bool("version") {
			return printVersion(c, env)
		}
		if c.Args().Present() {
			return usageErrorf("unknown command %q", c.Args().First())
		}
		return cli.ShowAppHelp(c)
	}
	return app
}

func onUsageError(_ *cli.Context, err error, _ bool) error {
	return fmt.Errorf("%w: %v", errUsage, err)
}

func setUsageErrorHandlers(cmds []*cli.Command) {
	for _, c := range cmds {
		if c.OnUsageError == nil {
			c.OnUsageError = onUsageError
		}
		setUsageErrorHandlers(c.Subcommands)
	}
}

// Run runs the CLI with args (args[0] is the program name) and returns the exit
// code. It is the only place where errors become messages and exit codes.
func Run(ctx context.Context, args []string, env *Env) int {
	app := NewApp(env)
	err := app.RunContext(ctx, flagsFirst(app, args))
	code := exitCode(ctx, err)
	if err != nil && !errors.Is(err, errReported) {
		msg := err.Error()
		if errors.Is(err, errUsage) {
			msg = strings.TrimPrefix(msg, errUsage.Error()+": ")
			msg += "\nRun 'dipgraph --help' for usage."
		}
		if code == ExitInterrupted {
			msg = "interrupted"
		}
		fmt.Fprintf(env.Stderr, "dipgraph: %s\n", msg)
	}
	return code
}

// errReported marks errors whose details were already printed (a list of schema
// problems, per-document failures); Run prints nothing more for them.
var errReported = errors.New("reported")

// invalidSentinels are package errors that mean "invalid schema or input";
// packages register theirs in init functions of this command's files.
var invalidSentinels []error

func exitCode(ctx context.Context, err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return ExitInterrupted
	case errors.Is(err, errUsage):
		return ExitUsage
	case errors.Is(err, errInvalid):
		return ExitInvalid
	}
	for _, s := range invalidSentinels {
		if errors.Is(err, s) {
			return ExitInvalid
		}
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		// dipgraph's commands return no cli.ExitCoder; urfave/cli's own
		// (help for an unknown command, exit code 3) are usage errors.
		return ExitUsage
	}
	return ExitFailure
}

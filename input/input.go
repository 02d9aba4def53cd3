package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract/dates"
)

// Stdin formats accepted in Options.StdinFormat.
const (
	FormatText  = "text"
	FormatJSONL = "jsonl"
)

// DefaultMaxDocBytes is the largest text file or JSON line read when
// Options.MaxDocBytes is 0: 5 MB, a hundred times a long news article.
const DefaultMaxDocBytes = 5_000_000

// ErrInvalid is wrapped by every per-document problem (see Problem) and by
// argument errors callers should report as invalid input rather than a failure.
var ErrInvalid = errors.New("invalid input")

// ErrTooLarge is wrapped, besides ErrInvalid, by the Problem of a document
// larger than Options.MaxDocBytes.
var ErrTooLarge = errors.New("document too large")

// ErrNoInput is returned by Read when it is given no inputs.
var ErrNoInput = errors.New("no input files")

// Options configures Read. The zero value reads text from no standard input.
type Options struct {
	// Date is the publication date given on the command line (ISO), used for
	// documents whose metadata has none; it must be valid when set.
	Date string
	// StdinFormat is how "-" is read: "text" (one document; the default when
	// empty) or "jsonl".
	StdinFormat string
	// Stdin is what "-" reads; nil makes "-" an error.
	Stdin io.Reader
	// Logger receives debug messages about skipped files; nil discards them.
	Logger *slog.Logger
	// MaxDocBytes bounds one text file or one JSON line; 0 means
	// DefaultMaxDocBytes. A larger document is a Problem wrapping ErrTooLarge
	// that names its size and the limit; it is not held in memory.
	MaxDocBytes int64
	// TempDir is where Read keeps the ids it has read, to report duplicates
	// (two files deleted as soon as they are open); "" is os.TempDir. When no
	// file can be made there, the ids are kept in memory and Logger is told.
	TempDir string
}

// Item is one document or one problem; exactly one of Doc and Err is set.
type Item struct {
	Doc document.Document
	// Err is a *Problem naming the file (and line, and field) that could not be
	// read; it wraps ErrInvalid.
	Err error
}

// Read reads every input in order and calls yield once per document or
// problem. A path that does not exist or cannot be read, and a file named
// with an unknown extension, are problems like a bad document: named, and
// the other inputs read. It stops and returns ctx.Err() when ctx is
// cancelled, and returns yield's error as is when yield fails. Other errors
// are fatal mistakes in the arguments, checked before the first document is
// read: no inputs (ErrNoInput), "-" given twice or without Options.Stdin, an
// invalid Options.Date or StdinFormat.
//
// Memory is bounded by Options.MaxDocBytes: one text file or one JSON line is
// held at a time, plus 64 KiB of the set of ids seen, to report duplicates:
// its table (11 to 21 bytes per document, 16 MiB at 10^6 documents) and the
// ids themselves with their source and line are in temporary files (see
// Options.TempDir), read and written through the system's page cache, which
// are gone when Read returns.
func Read(ctx context.Context, inputs []string, opts Options, yield func(Item) error) error {
	r, args, err := newReader(inputs, opts, yield)
	if err != nil {
		return err
	}
	defer r.seen.close()
	for _, a := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readArg(ctx, a); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Check checks inputs as Read does before reading any document, without
// reading one: it returns Read's fatal error, or the problems of the paths
// Read would report (missing, unreadable, of an unknown type), and the
// inputs that have none, in order. Commands check their inputs with it
// before connecting to a database.
func Check(inputs []string, opts Options) (ok []string, problems []*Problem, err error) {
	_, args, err := newReader(inputs, opts, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range args {
		if a.problem != nil {
			problems = append(problems, a.problem)
		} else {
			ok = append(ok, a.path)
		}
	}
	return ok, problems, nil
}

// SkipDir reports whether a directory walk skips the directory (or file)
// name: hidden names (.git, .cache…) and the folders tools fill with their
// own files (node_modules, bower_components, jspm_packages, vendor,
// __pycache__, site-packages, venv).
func SkipDir(name string) bool {
	switch name {
	case "node_modules", "bower_components", "jspm_packages", "vendor", "__pycache__", "site-packages", "venv":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// arg is one checked command-line input.
type arg struct {
	path    string
	dir     bool
	stdin   bool
	problem *Problem // a path that cannot be read: reported in its turn
}

type reader struct {
	opts  Options
	log   *slog.Logger
	max   int64
	yield func(Item) error
	seen  ids
}

func newReader(inputs []string, opts Options, yield func(Item) error) (*reader, []arg, error) {
	if len(inputs) == 0 {
		return nil, nil, ErrNoInput
	}
	if opts.Date != "" {
		if _, err := dates.Parse(opts.Date); err != nil {
			return nil, nil, fmt.Errorf("%w: --date: %w", ErrInvalid, err)
		}
	}
	switch opts.StdinFormat {
	case "":
		opts.StdinFormat = FormatText
	case FormatText, FormatJSONL:
	default:
		return nil, nil, fmt.Errorf("%w: stdin format %q: want %q or %q", ErrInvalid, opts.StdinFormat, FormatText, FormatJSONL)
	}
	if opts.MaxDocBytes <= 0 {
		opts.MaxDocBytes = DefaultMaxDocBytes
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	args := make([]arg, 0, len(inputs))
	stdin := false
	for _, in := range inputs {
		if in == "-" {
			if stdin {
				return nil, nil, fmt.Errorf("%w: standard input (-) given more than once", ErrInvalid)
			}
			if opts.Stdin == nil {
				return nil, nil, fmt.Errorf("%w: standard input (-) is not available", ErrInvalid)
			}
			stdin = true
			args = append(args, arg{path: in, stdin: true})
			continue
		}
		fi, err := os.Stat(in)
		switch {
		case err != nil:
			args = append(args, arg{path: in, problem: &Problem{Source: in, Msg: "cannot read: " + errText(err), Err: err}})
		case fi.IsDir():
			args = append(args, arg{path: in, dir: true})
		case kindOf(in) == kindUnknown:
			args = append(args, arg{path: in, problem: &Problem{Source: in,
				Msg: fmt.Sprintf("unknown file type %q (want .txt, .md or .jsonl)", filepath.Ext(in))}})
		default:
			args = append(args, arg{path: in})
		}
	}
	r := &reader{opts: opts, log: log, max: opts.MaxDocBytes, yield: yield, seen: newIDs(log)}
	r.seen.tmp = opts.TempDir
	return r, args, nil
}

type kind int

const (
	kindUnknown kind = iota
	kindText
	kindMarkdown
	kindJSONL
)

func kindOf(path string) kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return kindText
	case ".md":
		return kindMarkdown
	case ".jsonl":
		return kindJSONL
	}
	return kindUnknown
}

func (r *reader) readArg(ctx context.Context, a arg) error {
	switch {
	case a.problem != nil:
		return r.problem(a.problem)
	case a.stdin && r.opts.StdinFormat == FormatJSONL:
		return r.readJSONL(ctx, "stdin", "-", r.opts.Stdin)
	case a.stdin:
		return r.readText(r.opts.Stdin, "-", "stdin", "stdin", kindText, -1)
	case a.dir:
		return r.readDir(ctx, a.path)
	}
	return r.readFile(ctx, a.path, stripExt(filepath.Base(a.path)))
}

// readDir walks root in lexical order, reading every known file.
func (r *reader) readDir(ctx context.Context, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable directory or entry: report it, go on with the rest.
			if d != nil && d.IsDir() && path != root {
				err2 := r.problem(&Problem{Source: path, Msg: "cannot read directory: " + errText(err)})
				if err2 != nil {
					return err2
				}
				return fs.SkipDir
			}
			return r.problem(&Problem{Source: path, Msg: "cannot read: " + errText(err)})
		}
		if path != root && SkipDir(d.Name()) {
			r.log.Debug("skip", "path", path)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if kindOf(path) == kindUnknown {
			r.log.Debug("skip file of unknown type", "path", path)
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = d.Name()
		}
		return r.readFile(ctx, path, stripExt(filepath.ToSlash(rel)))
	})
}

// readFile reads one text, Markdown or JSON Lines file; id is the document id
// for a text file.
func (r *reader) readFile(ctx context.Context, path, id string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.problem(&Problem{Source: path, Msg: "cannot read: " + errText(err)})
	}
	defer f.Close()
	k := kindOf(path)
	if k == kindJSONL {
		return r.readJSONL(ctx, path, path, f)
	}
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return r.readText(f, path, path, id, k, size)
}

func (r *reader) problem(p *Problem) error {
	return r.yield(Item{Err: p})
}

// emit checks a document's id for duplicates and yields it; at is where the
// document was read (line is 0 for a whole file).
func (r *reader) emit(d document.Document, at Problem) error {
	first, err := r.seen.add(d.ID, &at)
	if err != nil {
		return err
	}
	if first != "" {
		at.Field = "id"
		at.Msg = fmt.Sprintf("duplicate id %q (first in %s)", d.ID, first)
		return r.problem(&at)
	}
	d.Location = at.location()
	return r.yield(Item{Doc: d})
}

func stripExt(p string) string {
	return strings.TrimSuffix(p, filepath.Ext(p))
}

// errText is err's message without the path os errors repeat.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

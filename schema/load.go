package schema

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed default
var defaultFS embed.FS

var loadDefault = sync.OnceValues(func() (*Schema, error) { return LoadFS(defaultFS, "default") })

// Default returns the schema built into the binary (the files under default/,
// reported as default/...). It is loaded once; the Schema is shared and
// read-only.
func Default() (*Schema, error) { return loadDefault() }

// Load reads schema files and directories (directories recursively, their *.yaml
// and *.yml files) and returns the merged schema. A path that does not exist
// gives an error wrapping fs.ErrNotExist; an invalid schema gives Problems,
// which wraps ErrInvalid.
func Load(paths ...string) (*Schema, error) {
	var srcs []source
	for _, p := range paths {
		found, err := yamlFiles(osFS{}, filepath.Clean(p))
		if err != nil {
			return nil, err
		}
		for _, name := range found {
			b, err := os.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("read schema: %w", err)
			}
			srcs = append(srcs, source{name: name, data: b})
		}
	}
	return loadSources(srcs)
}

// osFS is the operating system's files under their own names (os.DirFS would
// refuse absolute paths and ..).
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// LoadFS is Load on a file system; paths are slash-separated and relative to
// fsys.
func LoadFS(fsys fs.FS, paths ...string) (*Schema, error) {
	var srcs []source
	for _, p := range paths {
		found, err := yamlFiles(fsys, p)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, fmt.Errorf("read schema: %w", err)
			}
			srcs = append(srcs, source{name: f, data: b})
		}
	}
	return loadSources(srcs)
}

// source is one file's name and content.
type source struct {
	name string
	data []byte
}

// yamlFiles lists p itself if it is a file, or every YAML file below it, sorted.
func yamlFiles(fsys fs.FS, p string) ([]string, error) {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if !info.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = fs.WalkDir(fsys, p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if len(out) == 0 {
		return nil, Problems{{File: p, Message: "no .yaml or .yml files in this directory"}}
	}
	sort.Strings(out)
	return out, nil
}

// loadSources runs both phases: walk every file collecting problems, check
// across files, then decode strictly and merge.
func loadSources(srcs []source) (*Schema, error) {
	if len(srcs) == 0 {
		return nil, Problems{{Message: "no schema files given"}}
	}
	var (
		probs Problems
		facts = newFacts()
		roots = make([]*yaml.Node, len(srcs))
	)
	for i, src := range srcs {
		root, ps := parse(src)
		probs = append(probs, ps...)
		if root == nil {
			continue
		}
		roots[i] = root
		w := &walker{file: src.name, facts: facts}
		w.walk(root, fileSpec, "")
		probs = append(probs, w.probs...)
	}
	probs = append(probs, facts.check()...)
	if len(probs) > 0 {
		return nil, sortProblems(probs)
	}
	files := make([]*File, len(srcs))
	names := make([]string, len(srcs))
	for i, src := range srcs {
		f, err := decodeStrict(src)
		if err != nil {
			probs = append(probs, Problem{File: src.name, Message: err.Error()})
			continue
		}
		files[i], names[i] = f, src.name
	}
	if len(probs) > 0 {
		return nil, sortProblems(probs)
	}
	return build(names, files), nil
}

// parse checks that a file is UTF-8 text holding one YAML document whose root is
// a mapping, and returns that mapping.
func parse(src source) (root *yaml.Node, probs Problems) {
	at := func(off int, format string, args ...any) Problems {
		line, col := position(src.data, off)
		return Problems{{File: src.name, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}}
	}
	if i := bytes.IndexByte(src.data, 0); i >= 0 {
		return nil, at(i, "binary file (NUL byte), not YAML")
	}
	if !utf8.Valid(src.data) {
		off := 0
		for off < len(src.data) {
			r, size := utf8.DecodeRune(src.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, at(off, "invalid UTF-8")
	}
	defer func() {
		if r := recover(); r != nil {
			root, probs = nil, Problems{{File: src.name, Message: fmt.Sprintf("YAML parser failed: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src.data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Problems{{File: src.name, Message: "empty file (want a mapping with version: 1)"}}
		}
		return nil, Problems{syntaxProblem(src, err)}
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, Problems{{File: src.name, Line: next.Line, Column: next.Column, Message: "more than one YAML document; put one per file"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, Problems{syntaxProblem(src, err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, Problems{{File: src.name, Message: "not a YAML document"}}
	}
	root = doc.Content[0]
	if isNull(root) {
		return nil, Problems{{File: src.name, Message: "empty file (want a mapping with version: 1)"}}
	}
	if root.Kind != yaml.MappingNode {
		return nil, Problems{{File: src.name, Line: root.Line, Column: root.Column,
			Message: fmt.Sprintf("want a mapping (version, nodes, relationships, languages, gazetteer), got %s", describe(root))}}
	}
	return root, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line \d+: (.*)$`)

// syntaxProblem turns a yaml.v3 syntax error into a Problem. yaml.v3 often
// gives the line where the enclosing block or flow collection starts, or that
// line minus one; the line reported here is the first line at which the text
// stops being valid YAML, found by bisecting over prefixes of the file.
func syntaxProblem(src source, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		msg = m[1]
	}
	lines := bytes.SplitAfter(src.data, []byte("\n"))
	lo, hi := 0, len(lines) // the prefix of lo lines parses; hi lines fail
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if parses(bytes.Join(lines[:mid], nil)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return Problem{File: src.name, Line: hi, Message: "YAML syntax: " + msg}
}

// parses reports whether data is a stream of well-formed YAML documents.
func parses(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			return errors.Is(err, io.EOF)
		}
	}
}

// position returns the 1-based line and column (in runes) of byte offset off.
func position(data []byte, off int) (line, col int) {
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// decodeStrict decodes one file into File, rejecting unknown fields. After the
// walk accepted the file it should not fail; if it does, that is a problem too.
func decodeStrict(src source) (f *File, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decode: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src.data))
	dec.KnownFields(true)
	f = &File{}
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("decode: %v", err)
	}
	return f, nil
}

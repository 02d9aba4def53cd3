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
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed default
var defaultFS embed.FS

// Default loads the schema built into the binary (the files under default/).
func Default() (*Schema, error) {
	sub, err := fs.Sub(defaultFS, "default")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub, ".")
}

// Load reads schema files and directories (recursively, *.yaml and *.yml) from
// the operating system and returns the merged schema.
func Load(paths ...string) (*Schema, error) {
	var names []string
	for _, p := range paths {
		found, err := yamlFiles(os.DirFS(filepath.Dir(p)), filepath.Base(p))
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			names = append(names, filepath.Join(filepath.Dir(p), f))
		}
	}
	srcs := make([]source, 0, len(names))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		srcs = append(srcs, source{name: n, data: b})
	}
	return loadSources(srcs)
}

// LoadFS is Load on a file system; paths are relative to fsys.
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
		return nil, fmt.Errorf("schema: %s: %w: no .yaml files", p, ErrInvalid)
	}
	sort.Strings(out)
	return out, nil
}

// loadSources decodes every source strictly and merges them.
func loadSources(srcs []source) (*Schema, error) {
	var (
		names []string
		files []*File
		errs  []error
	)
	for _, src := range srcs {
		f, err := decodeStrict(src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names = append(names, src.name)
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(names, files), nil
}

// decodeStrict decodes one file into File, rejecting unknown fields.
func decodeStrict(src source) (*File, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src.data))
	dec.KnownFields(true)
	var f File
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w: %v", src.name, ErrInvalid, err)
	}
	return &f, nil
}

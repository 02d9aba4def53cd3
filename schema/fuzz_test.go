package schema

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to the loader as one schema file. No input may
// make it panic, and every failure must be a list of problems.
func FuzzLoad(f *testing.F) {
	for _, glob := range []string{"testdata/*/*.yaml", "testdata/*/*/*.yaml", "default/*.yaml", "default/*/*.yaml"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("version: 1\nnodes: [{label: A, key: id}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := LoadFS(fstest.MapFS{"f.yaml": {Data: data}}, "f.yaml")
		if err == nil {
			if s == nil {
				t.Fatal("LoadFS returned neither a schema nor an error")
			}
			return
		}
		var probs Problems
		if !errors.As(err, &probs) || len(probs) == 0 || !errors.Is(err, ErrInvalid) {
			t.Fatalf("LoadFS error %T %q is not a non-empty Problems", err, err)
		}
		for _, p := range probs {
			if p.File != "f.yaml" || p.Message == "" {
				t.Fatalf("problem without file or message: %#v", p)
			}
		}
	})
}

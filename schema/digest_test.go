package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDigest: the digest depends on what a schema declares, not on where its
// files are or the order they are named in, and any changed word changes it.
func TestDigest(t *testing.T) {
	src := filepath.Join("testdata", "valid", "split")
	graph, err := os.ReadFile(filepath.Join(src, "graph.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	places, err := os.ReadFile(filepath.Join(src, "places.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	digest := func(t *testing.T, paths ...string) string {
		t.Helper()
		s, err := Load(paths...)
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Digest()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	write := func(t *testing.T, dir, name string, b []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	base := digest(t, src)
	if len(base) != 64 {
		t.Fatalf("digest %q is not a hex SHA-256", base)
	}
	other := t.TempDir()
	g := write(t, other, "a-graph.yaml", graph)
	p := write(t, other, "b-places.yaml", places)
	if d := digest(t, p, g); d != base {
		t.Errorf("same content from other files in another order: digest %s, want %s", d, base)
	}
	// One name more in the gazetteer is another schema.
	const list = "it: ["
	i := strings.Index(string(places), list)
	if i < 0 {
		t.Fatal("places.yaml has no name list to change")
	}
	changed := string(places[:i+len(list)]) + "Roma Capitale, " + string(places[i+len(list):])
	dir := t.TempDir()
	write(t, dir, "graph.yaml", graph)
	write(t, dir, "places.yaml", []byte(changed))
	if d := digest(t, dir); d == base {
		t.Error("a schema with one more Arabic name has the same digest")
	}
}

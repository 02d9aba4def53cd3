package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCountriesInSync fails when the committed countries.yaml differs from what
// the generator writes: run `go run ./tools/gengazetteer` from the module root.
func TestCountriesInSync(t *testing.T) {
	extras, err := os.ReadFile("country-extras.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate(extras)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(gazetteerDir, "countries.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("countries.yaml is out of date: run go run ./tools/gengazetteer from the module root")
	}
}

func TestGenerate(t *testing.T) {
	extras, err := os.ReadFile("country-extras.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out, err := generate(extras)
	if err != nil {
		t.Fatal(err)
	}
	again, err := generate(extras)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("generator output is not deterministic")
	}
	f := loadFile(t, filepath.Join(gazetteerDir, "countries.yaml"))
	if len(f.Gazetteer) < 195 {
		t.Errorf("%d countries, want at least 195", len(f.Gazetteer))
	}
	if n := len(unMembers); n != 193 {
		t.Errorf("%d UN member codes, want 193", n)
	}
	prev := ""
	kinds := map[string]int{}
	for _, e := range f.Gazetteer {
		if e.ID <= prev {
			t.Errorf("%s: entries not sorted by id", e.ID)
		}
		prev = e.ID
		kinds[e.Kind]++
		if len(e.Names["ar"]) == 0 || len(e.Adjectives["ar"]) == 0 {
			t.Errorf("%s: needs an Arabic name and Arabic adjectives", e.ID)
		}
	}
	if kinds[kindMember] != 193 || kinds[kindObserver] != 2 || kinds[kindPartially] != 2 {
		t.Errorf("kinds %v, want 193 members, 2 observers, 2 partially recognized", kinds)
	}
}

func TestGenerateRejects(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"unknown field":   {"countries:\n  cn: {adjective: [الصيني]}\n", "field adjective not found"},
		"unknown country": {"countries:\n  zz: {adj: [x]}\n", `unknown country "zz"`},
		"not yaml":        {"countries: [\n", "decode extras"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := generate([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("generate: err %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

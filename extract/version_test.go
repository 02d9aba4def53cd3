package extract

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/schema"
)

const versionRecord = "testdata/version.txt"

// TestVersion ties Version to the golden output of the fixtures: when the
// goldens change while the built-in schema stays the same, the rules changed,
// and Version must change with them (ingest would otherwise skip documents
// written by the old rules). The record is rewritten by go test ./extract
// -update, which refuses to record changed goldens under an unchanged Version.
func TestVersion(t *testing.T) {
	if *schemaFlag != "" {
		t.Skip("the record is of the built-in schema")
	}
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	digest, err := s.Digest()
	if err != nil {
		t.Fatal(err)
	}
	now := map[string]string{"version": Version, "schema": digest, "goldens": goldensDigest(t)}
	rec := readRecord(t)
	if rec["goldens"] != now["goldens"] && rec["schema"] == now["schema"] && rec["version"] == now["version"] {
		t.Fatalf("the golden output changed under the same schema and extract.Version %q: change Version in version.go, then run go test ./extract -update", Version)
	}
	if *update {
		var b strings.Builder
		b.WriteString("# What TestVersion compares (go test ./extract -update rewrites it).\n")
		for _, k := range []string{"version", "schema", "goldens"} {
			fmt.Fprintf(&b, "%s %s\n", k, now[k])
		}
		if err := os.WriteFile(versionRecord, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, k := range []string{"version", "schema", "goldens"} {
		if rec[k] != now[k] {
			t.Errorf("%s: %s is %q, recorded %q (run go test ./extract -update)", versionRecord, k, now[k], rec[k])
		}
	}
}

// goldensDigest is the SHA-256 of the golden files' names and contents.
func goldensDigest(t *testing.T) string {
	t.Helper()
	paths, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	slices.Sort(paths)
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(p), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func readRecord(t *testing.T) map[string]string {
	t.Helper()
	rec := map[string]string{}
	b, err := os.ReadFile(versionRecord)
	if err != nil {
		if *update && os.IsNotExist(err) {
			return rec
		}
		t.Fatalf("%v (run go test ./extract -update to create it)", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("%s: bad line %q", versionRecord, line)
		}
		rec[k] = v
	}
	return rec
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/input"
)

// TestExtractCommand runs `dipgraph extract` in-process on fixture articles:
// one JSON line per document in input order, the same whatever --workers is,
// and exit code 3 with the others still printed when one document is bad.
func TestExtractCommand(t *testing.T) {
	paths, _ := filepath.Glob("../../fixtures/articles/*.txt")
	if len(paths) > 6 {
		paths = paths[:6]
	}
	if len(paths) == 0 {
		t.Skip("no fixture articles")
	}
	var first string
	for _, w := range []string{"1", "4"} {
		code, out, stderr := runCLI(t, "", append([]string{"extract", "--workers", w}, paths...)...)
		if code != ExitOK {
			t.Fatalf("--workers %s: exit %d: %s", w, code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != len(paths) {
			t.Fatalf("--workers %s: %d lines for %d documents", w, len(lines), len(paths))
		}
		for i, l := range lines {
			var res struct {
				Document struct{ Source string } `json:"document"`
			}
			if err := json.Unmarshal([]byte(l), &res); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			if filepath.Base(res.Document.Source) != filepath.Base(paths[i]) {
				t.Errorf("line %d is %s, want %s", i+1, res.Document.Source, paths[i])
			}
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Error("output depends on --workers")
		}
	}

	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "extract", bad, paths[0])
	if code != ExitInvalid || !strings.Contains(stderr, "bad.jsonl:1") || strings.Count(out, "\n") != 1 {
		t.Errorf("bad input: exit %d, stderr %q, %d lines", code, stderr, strings.Count(out, "\n"))
	}

	code, out, _ = runCLI(t, "", "extract", "--format", "table", paths[0])
	if code != ExitOK || !strings.Contains(out, "Relations") {
		t.Errorf("table: exit %d: %s", code, out)
	}
	if code, _, _ := runCLI(t, "", "extract", "--format", "xml", paths[0]); code != ExitUsage {
		t.Errorf("--format xml: exit %d, want %d", code, ExitUsage)
	}
}

// TestExtractInternalError: dipgraph extract prints the other documents,
// names the failed one's file and line, and exits 1.
func TestExtractInternalError(t *testing.T) {
	f := filepath.Join(t.TempDir(), "in.jsonl")
	lines := "{\"id\": \"d1\", \"text\": \"amy bob 2026-05-01\"}\n{\"id\": \"d2\", \"text\": \"amy cat 2026-05-02\"}\n{\"id\": \"d3\", \"text\": \"bob cat 2026-05-03\"}\n"
	if err := os.WriteFile(f, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	env := quietEnv()
	x := fakeExtractor{b: graphtest.Builder{}, bug: "d2"}
	err := extractDocs(context.Background(), env, x, []string{f}, input.Options{}, "json", 2)
	if code := exitCode(context.Background(), err); code != ExitFailure {
		t.Errorf("exit code = %d (%v), want %d", code, err, ExitFailure)
	}
	out := env.Stdout.(*bytes.Buffer).String()
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, `"id":"d1"`) || !strings.Contains(out, `"id":"d3"`) {
		t.Errorf("stdout = %q, want d1 and d3", out)
	}
	if msg := env.Stderr.(*bytes.Buffer).String(); !strings.Contains(msg, "in.jsonl:2: document d2: internal error") {
		t.Errorf("stderr = %q, want the file, line and internal error", msg)
	}
}

// TestExtractMaxDocSize: --max-doc-size rejects larger documents by name,
// size and limit; the others are printed; the exit code is 3.
func TestExtractMaxDocSize(t *testing.T) {
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.txt"), filepath.Join(dir, "big.txt")
	if err := os.WriteFile(small, []byte("استقبل الرئيس المصري نظيره التركي في القاهرة.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte(strings.Repeat("نص ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "", "extract", "--max-doc-size", "2KB", big, small)
	if code != ExitInvalid {
		t.Errorf("exit code = %d, want %d; stderr %q", code, ExitInvalid, stderr)
	}
	if !strings.Contains(stderr, "big.txt: too large: 5000 bytes, the limit is 2000 bytes") {
		t.Errorf("stderr = %q, want the big file, its size and the limit", stderr)
	}
	if strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, `"id":"small"`) {
		t.Errorf("stdout = %q, want the small document", stdout)
	}
	if code, _, stderr := runCLI(t, "", "extract", "--max-doc-size", "lots", small); code != ExitUsage {
		t.Errorf("--max-doc-size lots: exit %d, want %d; %s", code, ExitUsage, stderr)
	}
}

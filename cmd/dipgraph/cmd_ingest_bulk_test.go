package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBulkMultilineArgs: ingest --bulk asks neo4j-admin to read line by
// line exactly the files with a value holding a line break (here a title),
// and none when there is no such value.
func TestBulkMultilineArgs(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "articles", "fx01-egypt-turkey-reception.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, title string
		want        []string // multiline arguments, with DIR for the bulk directory
	}{
		{"one line", "Talks in Ankara", nil},
		{"a line break", "Talks in Ankara\nand after", []string{"--multiline-fields-format=v2", "--multiline-fields=DIR/documents.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			line, err := json.Marshal(map[string]string{"id": "bulk-ml-1", "title": tc.title, "date": "2026-05-20", "text": string(text)})
			if err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(tmp, "in.jsonl")
			script := filepath.Join(tmp, "admin.sh")
			for path, data := range map[string]string{in: string(line) + "\n", script: "printf '%s\\n' \"$@\" >\"$(dirname \"$0\")/args\"\n"} {
				if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			dir := filepath.Join(tmp, "bulk")
			if code, _, stderr := runCLI(t, "", "ingest", "--bulk", "--quiet", "--neo4j-admin", "sh "+script, "--bulk-dir", dir, in); code != ExitOK {
				t.Fatalf("exit code %d: %s", code, stderr)
			}
			args, err := os.ReadFile(filepath.Join(tmp, "args"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range strings.Split(strings.TrimSpace(string(args)), "\n") {
				if strings.HasPrefix(a, "--multiline") {
					got = append(got, strings.ReplaceAll(a, dir, "DIR"))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("multiline arguments %q, want %q", got, tc.want)
			}
		})
	}
}

package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// benchText is every fixture article joined, or a repeated sample.
func benchText(b testing.TB) string {
	b.Helper()
	var parts []string
	for _, dir := range fixtureSets[0].dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				parts = append(parts, string(data))
			}
		}
	}
	if len(parts) == 0 {
		parts = []string{strings.Repeat("استقبل الرئيس شي جين بينغ وزير الخارجية التركي في بكين. ", 200)}
	}
	return strings.Join(parts, "\n\n")
}

func BenchmarkFold(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		t := norm.New(text)
		_ = t.Tokens()
	}
}

func BenchmarkMatch(b *testing.B) {
	x := unitExtractor(b)
	text := benchText(b)
	toks := norm.New(text).Tokens()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = x.lex.scan(toks)
	}
}

// BenchmarkExtract measures whole documents (one fixture article per call) on
// the built-in schema when it loads, else on the test gazetteer.
func BenchmarkExtract(b *testing.B) {
	x := unitExtractor(b)
	if s := os.Getenv("DIPGRAPH_BENCH_DEFAULT"); s != "" {
		x = defaultExtractor(b)
	}
	var docs []string
	for _, dir := range fixtureSets[0].dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				docs = append(docs, string(data))
			}
		}
	}
	if len(docs) == 0 {
		docs = []string{benchText(b)}
	}
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total / len(docs)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		x.extract(document.Document{ID: "b", Text: docs[i%len(docs)]})
		i++
	}
}

// BenchmarkExtractReal measures the built-in schema on a JSON Lines corpus
// (one document per line, with a "text" field) named by
// DIPGRAPH_BENCH_CORPUS; it is skipped when that is unset. Each document is
// read with the pack of its language (given, or detected), as
// bench/extractprof reads it; one iteration reads the whole corpus:
//
//	DIPGRAPH_BENCH_CORPUS=c.jsonl GOMAXPROCS=1 go test -run '^$' -bench ExtractReal ./extract
func BenchmarkExtractReal(b *testing.B) {
	path := os.Getenv("DIPGRAPH_BENCH_CORPUS")
	if path == "" {
		b.Skip("DIPGRAPH_BENCH_CORPUS names no corpus")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs []document.Document
	total := 0
	for _, line := range strings.Split(string(data), "\n") {
		var d struct{ ID, Title, Date, Text, Lang string }
		if line == "" {
			continue
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, document.Document{ID: d.ID, Title: d.Title, Date: d.Date, Lang: d.Lang, Text: d.Text})
		total += len(d.Text)
	}
	s, err := schema.Default()
	if *schemaFlag != "" {
		s, err = schema.Load(*schemaFlag)
	}
	if err != nil {
		b.Fatal(err)
	}
	set, err := NewSet(s, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := set.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

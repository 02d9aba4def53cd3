// Command extractprof runs the extractor over a JSON Lines corpus in one
// goroutine, without the CLI's reading and JSON output, and writes a CPU
// profile: where extraction time goes. Each document is read with the
// language pack of its language (its lang, else the one its script names).
//
//	extractprof [--schema DIR] [--cpuprofile FILE] [--n MAX] corpus.jsonl
//
// It prints documents, text megabytes, seconds and MB/s to stdout.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "extractprof:", err)
		os.Exit(1)
	}
}

func run() error {
	dir := flag.String("schema", "", "schema directory (default: built-in)")
	prof := flag.String("cpuprofile", "", "write a CPU profile here")
	max := flag.Int("n", 0, "read at most this many documents (0: all)")
	flag.Parse()
	if flag.NArg() != 1 {
		return fmt.Errorf("usage: extractprof [--schema DIR] [--cpuprofile FILE] [--n MAX] corpus.jsonl")
	}
	s, err := schema.Default()
	if *dir != "" {
		s, err = schema.Load(*dir)
	}
	if err != nil {
		return err
	}
	x, err := extract.NewSet(s, extract.Options{}) // each document in its language, given or detected
	if err != nil {
		return err
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	var docs []document.Document
	var bytes int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() && (*max == 0 || len(docs) < *max) {
		var d struct{ ID, Title, Date, Text, Lang string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return err
		}
		docs = append(docs, document.Document{ID: d.ID, Title: d.Title, Date: d.Date, Lang: d.Lang, Text: d.Text})
		bytes += len(d.Text)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if *prof != "" {
		pf, err := os.Create(*prof)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pf.Close()
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	facts := 0
	for _, d := range docs {
		res, err := x.Extract(d)
		if err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		facts += len(res.Relations)
	}
	sec := time.Since(start).Seconds()
	mb := float64(bytes) / 1e6
	fmt.Printf("docs=%d text_mb=%.1f seconds=%.2f mb_per_s=%.2f docs_per_s=%.0f relations=%d\n",
		len(docs), mb, sec, mb/sec, float64(len(docs))/sec, facts)
	return nil
}

// Command csvexport turns the JSON Lines of `dipgraph extract --format json`
// into CSV files for `neo4j-admin database import full`: the offline upper bound
// of bench/ingest.sh. It writes the same graph the naive writer does: Document
// and entity nodes (label = entity type, key id), MENTIONS from documents to
// entities, and one relationship per fact (type, ends, date), symmetric types
// stored from the lower id to the higher.
//
//	csvexport [--schema DIR] --out DIR results.jsonl
//
// Files: documents.csv, entities.csv, mentions.csv, facts.csv, each with a
// neo4j-admin header; arrays use ";" (the import's default array delimiter).
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "csvexport:", err)
		os.Exit(1)
	}
}

type entity struct {
	label, name string
	aliases     []string
}

type fact struct {
	from, to, typ, date, rule, evidence, doc string
	conf                                     float64
}

func run() error {
	dir := flag.String("schema", "", "schema directory (default: built-in)")
	out := flag.String("out", "", "output directory")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" {
		return fmt.Errorf("usage: csvexport [--schema DIR] --out DIR results.jsonl")
	}
	s, err := schema.Default()
	if *dir != "" {
		s, err = schema.Load(*dir)
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	in, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	docs, err := newCSV(*out, "documents.csv", "id:ID", "title", "date", "source", "lang", "hash", ":LABEL")
	if err != nil {
		return err
	}
	mentions, err := newCSV(*out, "mentions.csv", ":START_ID", ":END_ID", ":TYPE", "count:long")
	if err != nil {
		return err
	}
	ents := map[string]*entity{}
	facts := map[string]*fact{}
	seenDoc := map[string]bool{}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r extract.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return err
		}
		d := r.Document
		if seenDoc[d.ID] {
			continue
		}
		seenDoc[d.ID] = true
		docs.Write([]string{d.ID, d.Title, d.Date, d.Source, d.Lang, d.Hash, "Document"})
		for _, e := range r.Entities {
			if _, ok := s.Node(e.Type); !ok {
				continue
			}
			x := ents[e.ID]
			if x == nil {
				x = &entity{label: e.Type, name: e.Name}
				ents[e.ID] = x
			}
			for _, a := range e.Aliases {
				if !slices.Contains(x.aliases, a) {
					x.aliases = append(x.aliases, a)
				}
			}
			mentions.Write([]string{d.ID, e.ID, "MENTIONS", strconv.Itoa(len(e.Mentions))})
		}
		for _, rel := range r.Relations {
			rt, ok := s.Rel(rel.Type)
			if !ok {
				continue
			}
			from, to := rel.From, rel.To
			if rt.Symmetric && to < from {
				from, to = to, from
			}
			date, _ := rel.Properties["date"].(string)
			key := rel.Type + "|" + from + "|" + to + "|" + date
			if facts[key] == nil {
				facts[key] = &fact{from: from, to: to, typ: rel.Type, date: date, rule: rel.Rule,
					evidence: rel.Evidence.Text, doc: d.ID, conf: rel.Confidence}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	ew, err := newCSV(*out, "entities.csv", "id:ID", "name", "aliases:string[]", ":LABEL")
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(ents))
	for id := range ents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := ents[id]
		ew.Write([]string{id, e.name, strings.Join(e.aliases, ";"), e.label})
	}
	fw, err := newCSV(*out, "facts.csv", ":START_ID", ":END_ID", ":TYPE", "key", "date", "rule", "confidence:double", "evidence", "doc")
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(facts))
	for k := range facts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := facts[k]
		if ents[f.from] == nil || ents[f.to] == nil {
			continue
		}
		fw.Write([]string{f.from, f.to, f.typ, k, f.date, f.rule, strconv.FormatFloat(f.conf, 'f', -1, 64), f.evidence, f.doc})
	}
	for _, w := range []*csvFile{docs, mentions, ew, fw} {
		if err := w.Close(); err != nil {
			return err
		}
	}
	fmt.Printf("documents=%d entities=%d facts=%d\n", len(seenDoc), len(ents), len(facts))
	return nil
}

// csvFile is a buffered CSV writer on a file.
type csvFile struct {
	f *os.File
	b *bufio.Writer
	*csv.Writer
}

func newCSV(dir, name string, header ...string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	b := bufio.NewWriterSize(f, 1<<20)
	w := &csvFile{f: f, b: b, Writer: csv.NewWriter(b)}
	return w, w.Write(header)
}

func (w *csvFile) Close() error {
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := w.b.Flush(); err != nil {
		return err
	}
	return w.f.Close()
}

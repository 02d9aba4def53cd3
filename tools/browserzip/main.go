// Command browserzip writes the Neo4j Browser bundle that scripts/neo4j puts
// in the server's web directory: the neo4j-browser jar's Browser with
// dipgraph's style and guide added (package browser).
//
//	browserzip -jar lib/neo4j-browser-5.24.0.jar -out web/neo4j-browser.zip -base http://127.0.0.1:7474/browser/
//
// It writes the archive next to -out and renames it into place, so that a
// server never finds half an archive.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dipgraph/dipgraph/browser"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "browserzip:", err)
		os.Exit(1)
	}
}

func run() error {
	jar := flag.String("jar", "", "the neo4j-browser jar")
	out := flag.String("out", "", "the zip to write")
	base := flag.String("base", "http://127.0.0.1:7474/browser/", "the address Browser is served at")
	flag.Parse()
	if *jar == "" || *out == "" || flag.NArg() > 0 {
		return fmt.Errorf("usage: browserzip -jar NEO4J-BROWSER.jar -out NEO4J-BROWSER.zip")
	}
	in, err := os.Open(*jar)
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".browserzip-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := browser.Bundle(tmp, in, st.Size(), *base); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", *jar, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), *out)
}

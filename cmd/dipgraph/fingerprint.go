package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// extraction names what turns a document into facts and how they are laid
// out in the graph: the rules' version, the schema's digest and the graph
// layout's version.
func extraction(s *schema.Schema) (string, error) {
	d, err := s.Digest()
	if err != nil {
		return "", err
	}
	return "rules " + extract.Version + " schema " + d + " graph " + graph.Version, nil
}

// fingerprint is what ingest stores on a document and compares to skip it
// (Document.Fingerprint): the SHA-256 of its text's SHA-256, its metadata
// (title, date, url, language) and the extraction. A corrected date in the metadata, a new
// gazetteer entry or new rules each make the document changed, so it is
// extracted again and its contributions replaced. The source (a file's path)
// is left out: moving a corpus to another directory changes no fact.
func fingerprint(d document.Document, extraction string) string {
	h := sha256.New()
	for _, f := range []string{d.TextSHA256, d.Title, d.Date, d.URL, d.Lang, extraction} {
		fmt.Fprintf(h, "%d:%s\n", len(f), f) // length-prefixed: no two field lists collide
	}
	return hex.EncodeToString(h.Sum(nil))
}

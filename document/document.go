// Package document holds Document, an input article as read: the one type the
// reader (input), the extractor (extract) and the writer (graph) all speak of.
// It is a leaf: it imports nothing of dipgraph.
package document

// Document is an input article as read, before extraction.
type Document struct {
	// ID is stable for the same input: the JSONL id, else derived from the path.
	ID string `json:"id"`
	// Source is the path or URL the document came from.
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
	// Date is the publication date, ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY); empty
	// when neither metadata nor the text gives one.
	Date string `json:"date,omitempty"`
	// Lang is the BCP 47 language code; empty when the input names none
	// (the extractor then detects it from the script).
	Lang string `json:"lang,omitempty"`
	URL  string `json:"url,omitempty"`
	// TextSHA256 is the hex SHA-256 of Text, set by the reader.
	TextSHA256 string `json:"text_sha256,omitempty"`
	// Fingerprint is what ingest skips unchanged documents by: a digest of
	// TextSHA256, the metadata and the extraction (schema, rules, graph
	// layout), set by ingest. The graph stores it as the Document node's
	// hash; empty, it stores none.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Location is where the reader found the document, for messages: a file's
	// path, "path:line" for a JSON line, "stdin" or "stdin:line".
	Location string `json:"-"`
	// Text is the decoded text; offsets in mentions and evidence count runes in it.
	Text string `json:"-"`
}

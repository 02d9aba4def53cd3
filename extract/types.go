package extract

import "github.com/dipgraph/dipgraph/document"

// The types in this file are the output contract of extraction: what
// `dipgraph extract --format json` prints (one Result per document, see
// ../shared/eval/FORMAT.md) and what the graph writer stores. Field names and JSON
// tags must not change without updating FORMAT-compatible consumers.

// Result is everything extracted from one document.
type Result struct {
	Document  document.Document `json:"document"`
	Entities  []Entity          `json:"entities"`
	Relations []Relation        `json:"relations"`
	// Candidates are the candidate facts the learned scorers weighed, kept
	// only when Options.Candidates asks for them (for training).
	Candidates []Candidate `json:"candidates,omitempty"`
}

// Entity is a node found in a document: a gazetteer entry, a new person, a
// treaty, a venue, an event.
type Entity struct {
	// ID is the stable key: the gazetteer id, or a provisional key derived from the
	// normalised name ("person:ar-<slug>"), or for events a key derived from kind,
	// date and sorted principals.
	ID   string `json:"id"`
	Type string `json:"type"`
	// Name is the canonical name (English for gazetteer entries, else the name as
	// found).
	Name string `json:"name"`
	// Aliases are the surface names seen in this document, deduplicated, sorted.
	Aliases  []string `json:"aliases,omitempty"`
	Mentions []Span   `json:"mentions,omitempty"`
	// Properties holds type-specific values: wikidata, country, role, kind, date,
	// venue, city, provisional (bool), modality…
	Properties map[string]any `json:"properties,omitempty"`
}

// Span is a piece of the document text; Start and End are rune offsets into
// Document.Text, End exclusive.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Relation is an edge found in a document, with the sentence that proves it.
type Relation struct {
	Type string `json:"type"`
	From string `json:"from"`
	To   string `json:"to"`
	// Properties holds date, venue, event, role, modality… as the schema declares.
	Properties map[string]any `json:"properties,omitempty"`
	Evidence   Span           `json:"evidence"`
	// Rule is the id of the rule that fired ("ar.met_with.received").
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

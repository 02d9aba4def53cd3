package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// ErrInvalid is wrapped by every error that reports an invalid schema file.
var ErrInvalid = errors.New("invalid schema")

// Schema is the merged, validated content of all schema files, ready to use.
// It is read-only after Load and safe for concurrent use.
type Schema struct {
	// Files lists the files the schema was loaded from, in load order.
	Files []string
	// Nodes and Relationships are sorted by label and type.
	Nodes         []NodeType
	Relationships []RelType
	// Languages holds the language packs by code.
	Languages map[string]*LangPack
	// Gazetteer holds every entry, sorted by id.
	Gazetteer []Entry

	entries map[string]*Entry
	nodes   map[string]*NodeType
	rels    map[string]*RelType
	idx     index
}

// Entry returns the gazetteer entry with the given id.
func (s *Schema) Entry(id string) (*Entry, bool) {
	e, ok := s.entries[id]
	return e, ok
}

// Node returns the node type with the given label.
func (s *Schema) Node(label string) (*NodeType, bool) {
	n, ok := s.nodes[label]
	return n, ok
}

// Rel returns the relationship type with the given type name.
func (s *Schema) Rel(typ string) (*RelType, bool) {
	r, ok := s.rels[typ]
	return r, ok
}

// Lang returns the language pack for a BCP 47 code.
func (s *Schema) Lang(code string) (*LangPack, bool) {
	l, ok := s.Languages[code]
	return l, ok
}

// build merges decoded files into a Schema and indexes it.
func build(names []string, files []*File) *Schema {
	s := &Schema{
		Files:     names,
		Languages: map[string]*LangPack{},
		entries:   map[string]*Entry{},
		nodes:     map[string]*NodeType{},
		rels:      map[string]*RelType{},
	}
	for _, f := range files {
		s.Nodes = append(s.Nodes, f.Nodes...)
		s.Relationships = append(s.Relationships, f.Relationships...)
		s.Gazetteer = append(s.Gazetteer, f.Gazetteer...)
		for i := range f.Languages {
			l := f.Languages[i]
			s.Languages[l.Code] = &l
		}
	}
	sort.SliceStable(s.Nodes, func(i, j int) bool { return s.Nodes[i].Label < s.Nodes[j].Label })
	sort.SliceStable(s.Relationships, func(i, j int) bool { return s.Relationships[i].Type < s.Relationships[j].Type })
	sort.SliceStable(s.Gazetteer, func(i, j int) bool { return s.Gazetteer[i].ID < s.Gazetteer[j].ID })
	for i := range s.Nodes {
		s.nodes[s.Nodes[i].Label] = &s.Nodes[i]
	}
	for i := range s.Relationships {
		s.rels[s.Relationships[i].Type] = &s.Relationships[i]
	}
	for i := range s.Gazetteer {
		s.entries[s.Gazetteer[i].ID] = &s.Gazetteer[i]
	}
	s.compile()
	return s
}

// Digest returns the hex SHA-256 of everything the schema declares (node and
// relationship types, language packs and gazetteer), independent of the files
// it was read from and their order. Two schemas with the same digest make the
// extractor and the writer behave the same; ingest stores it in each
// document's fingerprint so that a changed schema re-extracts documents.
func (s *Schema) Digest() (string, error) {
	b, err := json.Marshal(struct {
		Nodes         []NodeType
		Relationships []RelType
		Languages     map[string]*LangPack
		Gazetteer     []Entry
	}{s.Nodes, s.Relationships, s.Languages, s.Gazetteer})
	if err != nil {
		return "", fmt.Errorf("schema digest: %w", err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:]), nil
}

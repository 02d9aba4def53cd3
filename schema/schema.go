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
			if old, ok := s.Languages[l.Code]; ok {
				old.merge(&l)
				continue
			}
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

// merge adds the parts of o, a pack of the same language from another
// file, to l: lists are concatenated in file order, maps joined key by key.
func (l *LangPack) merge(o *LangPack) {
	if l.Name == "" {
		l.Name = o.Name
	}
	if l.Script == "" {
		l.Script = o.Script
	}
	if l.KeyPrefix == "" {
		l.KeyPrefix = o.KeyPrefix
	}
	l.Capitalised = l.Capitalised || o.Capitalised
	l.QualifiersFirst = l.QualifiersFirst || o.QualifiersFirst
	l.Hyphenated = l.Hyphenated || o.Hyphenated
	l.SubjectFirst = l.SubjectFirst || o.SubjectFirst
	l.SigningsApart = l.SigningsApart || o.SigningsApart
	l.SpousesAttend = l.SpousesAttend || o.SpousesAttend
	l.TitleStatesApart = l.TitleStatesApart || o.TitleStatesApart
	l.SummitsDatedAhead = l.SummitsDatedAhead || o.SummitsDatedAhead
	if l.Article == "" {
		l.Article = o.Article
	}
	l.Proclitics = append(l.Proclitics, o.Proclitics...)
	l.Frames = append(l.Frames, o.Frames...)
	l.Titles = append(l.Titles, o.Titles...)
	l.OfficePairs = append(l.OfficePairs, o.OfficePairs...)
	l.TreatyNouns = append(l.TreatyNouns, o.TreatyNouns...)
	l.VenueNouns = append(l.VenueNouns, o.VenueNouns...)
	l.Multilateral = append(l.Multilateral, o.Multilateral...)
	l.MultilateralAlways = append(l.MultilateralAlways, o.MultilateralAlways...)
	l.Modality = append(l.Modality, o.Modality...)
	l.Events = mergeLists(l.Events, o.Events)
	l.References = mergeLists(l.References, o.References)
	l.Words = mergeLists(l.Words, o.Words)
	l.Ordinals = mergeLists(l.Ordinals, o.Ordinals)
	l.Dates.Months = mergeLists(l.Dates.Months, o.Dates.Months)
	l.Dates.Weekdays = mergeLists(l.Dates.Weekdays, o.Dates.Weekdays)
	l.Dates.Ordinals = mergeLists(l.Dates.Ordinals, o.Dates.Ordinals)
	l.Dates.Relative = mergeLists(l.Dates.Relative, o.Dates.Relative)
	l.Dates.Parts = append(l.Dates.Parts, o.Dates.Parts...)
	l.Dates.Year = append(l.Dates.Year, o.Dates.Year...)
	l.Dates.Day = append(l.Dates.Day, o.Dates.Day...)
	l.Dates.YearFirst = l.Dates.YearFirst || o.Dates.YearFirst
	for typ, m := range o.Roles {
		if l.Roles == nil {
			l.Roles = map[string]RoleWeights{}
		}
		l.Roles[typ] = m // one file trains one scorer: the later file's wins
	}
}

// mergeLists joins two maps of lists key by key.
func mergeLists[K comparable](a, b map[K][]string) map[K][]string {
	if len(b) == 0 {
		return a
	}
	if a == nil {
		a = map[K][]string{}
	}
	for k, v := range b {
		a[k] = append(a[k], v...)
	}
	return a
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

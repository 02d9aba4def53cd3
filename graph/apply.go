package graph

import (
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// statement is one schema statement and the name of what it creates.
type statement struct {
	name, cypher string
}

// quote returns name in backquotes; callers check it with identOK first.
func quote(name string) string { return "`" + name + "`" }

// schemaStatements returns the constraints and indexes s asks for: a
// uniqueness constraint per node key and per fact type's key, the Document and
// Evidence keys and Evidence's fact and doc indexes (when s does not declare
// them), the Entity id index, and a range index per property marked index.
func schemaStatements(s *schema.Schema) ([]statement, error) {
	var out []statement
	add := func(name, cypher string) {
		out = append(out, statement{name: name, cypher: strings.ReplaceAll(cypher, "NAME", quote(name))})
	}
	check := func(names ...string) error {
		for _, n := range names {
			if !identOK(n) {
				return fmt.Errorf("%w: %q is not a safe identifier", ErrInvalid, n)
			}
		}
		return nil
	}
	if _, ok := s.Node(labelDocument); !ok {
		add("document_id_unique", "CREATE CONSTRAINT NAME IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE")
	}
	if _, ok := s.Node(labelEvidence); !ok {
		add("evidence_id_unique", "CREATE CONSTRAINT NAME IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE")
		add("evidence_fact", "CREATE INDEX NAME IF NOT EXISTS FOR (n:Evidence) ON (n.fact)")
		add("evidence_doc", "CREATE INDEX NAME IF NOT EXISTS FOR (n:Evidence) ON (n.doc)")
	}
	add("entity_id", "CREATE INDEX NAME IF NOT EXISTS FOR (n:Entity) ON (n.id)")
	for _, nt := range s.Nodes {
		if err := check(nt.Label, nt.Key); err != nil {
			return nil, err
		}
		l := strings.ToLower(nt.Label)
		add(l+"_"+nt.Key+"_unique", fmt.Sprintf("CREATE CONSTRAINT NAME IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE",
			quote(nt.Label), quote(nt.Key)))
		for _, p := range nt.Properties {
			if !p.Index || p.Name == nt.Key {
				continue
			}
			if err := check(p.Name); err != nil {
				return nil, err
			}
			add(l+"_"+p.Name, fmt.Sprintf("CREATE INDEX NAME IF NOT EXISTS FOR (n:%s) ON (n.%s)", quote(nt.Label), quote(p.Name)))
		}
	}
	for _, rt := range s.Relationships {
		if err := check(rt.Type); err != nil {
			return nil, err
		}
		l := strings.ToLower(rt.Type)
		if rt.Type != relMentions && rt.Type != relHasEvidence {
			add(l+"_key_unique", fmt.Sprintf("CREATE CONSTRAINT NAME IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.key IS UNIQUE", quote(rt.Type)))
		}
		for _, p := range rt.Properties {
			if !p.Index {
				continue
			}
			if err := check(p.Name); err != nil {
				return nil, err
			}
			add(l+"_"+p.Name, fmt.Sprintf("CREATE INDEX NAME IF NOT EXISTS FOR ()-[r:%s]-() ON (r.%s)", quote(rt.Type), quote(p.Name)))
		}
	}
	return out, nil
}

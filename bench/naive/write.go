package main

import (
	"context"
	"fmt"
	"time"

	"github.com/dipgraph/dipgraph/bench/internal/shape"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// writer writes documents one transaction each and counts what it did.
type writer struct {
	sess neo4j.SessionWithContext

	docs, statements, nodes, rels int
}

// write stores one document in one transaction, one statement per Document,
// entity, mention, Evidence and fact. Evidence goes before its fact, whose
// support and confidence are then counted from its Evidence nodes.
func (w *writer) write(ctx context.Context, d shape.Document) error {
	now := time.Now().UTC().Format(time.RFC3339Nano)
	type counts struct{ statements, nodes, rels int }
	c, err := neo4j.ExecuteWrite(ctx, w.sess, func(tx neo4j.ManagedTransaction) (counts, error) {
		var c counts
		exec := func(q string, p map[string]any) error {
			res, err := tx.Run(ctx, q, p)
			if err != nil {
				return err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return err
			}
			c.statements++
			c.nodes += sum.Counters().NodesCreated()
			c.rels += sum.Counters().RelationshipsCreated()
			return nil
		}
		props := with(d.Props, "ingested_at", now)
		if err := exec("MERGE (d:Document {id: $id}) SET d = $props", map[string]any{"id": d.ID, "props": props}); err != nil {
			return c, err
		}
		for _, e := range d.Entities {
			if err := exec(cypherEntity(e.Label, e.Key, e.Derived), map[string]any{"id": e.ID, "name": nilIfEmpty(e.Name),
				"aliases": shape.Strings(e.Forms), "props": e.Props, "rank": d.Rank}); err != nil {
				return c, err
			}
			if err := exec(cypherMention(e.Label, e.Key), map[string]any{"doc": d.ID, "id": e.ID,
				"props": with(e.Mention, "ingested_at", now)}); err != nil {
				return c, err
			}
		}
		for _, f := range d.Facts {
			if err := exec(cypherEvidence, map[string]any{"doc": d.ID, "id": f.Evidence["id"], "props": f.Evidence}); err != nil {
				return c, err
			}
			if err := exec(cypherFact(f), map[string]any{"from": f.From.ID, "to": f.To.ID, "key": f.Key, "date": f.Date,
				"props": f.Props, "rank": d.Rank}); err != nil {
				return c, err
			}
		}
		return c, nil
	})
	if err != nil {
		return fmt.Errorf("document %s: %w", d.ID, err)
	}
	w.docs++
	w.statements += c.statements
	w.nodes += c.nodes
	w.rels += c.rels
	return nil
}

// Labels, types and key names come from the schema, which graph.Validate
// checked (shape.Read); every value is a parameter.

// cypherEntity merges an entity node: the smallest name, the sorted union of
// aliases and forms, each derived property this document states unless a
// document of a greater rank stated it.
func cypherEntity(label, key string, derived []string) string {
	return fmt.Sprintf(`MERGE (n:%s {%s: $id})
SET n:Entity,
    n.name = CASE WHEN n.name IS NULL OR $name < n.name THEN $name ELSE n.name END
WITH n
CALL (n) {
  UNWIND coalesce(n.aliases, []) + $aliases AS a
  WITH DISTINCT a ORDER BY a
  RETURN collect(a) AS aliases
}
SET n.aliases = aliases`, label, key) + offer("n", derived)
}

// offer sets each derived property of v that $props holds when $rank is not
// lower than the rank it was set by.
func offer(v string, derived []string) string {
	var out string
	for _, k := range derived {
		by := fmt.Sprintf("%s.`%s`", v, graph.SourceProp(k))
		out += fmt.Sprintf("\nFOREACH (_ IN CASE WHEN $props.`%[1]s` IS NOT NULL AND $rank >= coalesce(%[2]s, '') THEN [1] ELSE [] END |\n"+
			"  SET %[3]s.`%[1]s` = $props.`%[1]s`, %[2]s = $rank)", k, by, v)
	}
	return out
}

func cypherMention(label, key string) string {
	return fmt.Sprintf(`MATCH (d:Document {id: $doc})
MATCH (n:%s {%s: $id})
MERGE (d)-[m:MENTIONS]->(n)
SET m = $props`, label, key)
}

const cypherEvidence = `MATCH (d:Document {id: $doc})
MERGE (e:Evidence {id: $id})
SET e += $props
MERGE (d)-[:HAS_EVIDENCE]->(e)`

// cypherFact merges a fact and counts its support and confidence from its
// Evidence.
func cypherFact(f shape.Fact) string {
	return fmt.Sprintf(`MATCH (a:%s {%s: $from})
MATCH (b:%s {%s: $to})
MERGE (a)-[r:%s {key: $key}]->(b)
SET r.date = $date
WITH r
CALL (r) {
  MATCH (e:Evidence {fact: r.key})
  RETURN count(e) AS n, max(e.confidence) AS best
}
SET r.support = n, r.confidence = best`, f.From.Label, f.From.Key, f.To.Label, f.To.Key, f.Type) + offer("r", f.Derived)
}

// with returns a copy of m with k set to v.
func with(m map[string]any, k string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for x, y := range m {
		out[x] = y
	}
	out[k] = v
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Command naive is the baseline writer of bench/ingest.sh: it reads the JSON
// Lines of `dipgraph extract --format json` and writes them to Neo4j the
// obvious way — one transaction per document, one MERGE statement per
// document, entity, mention and relationship — with the official Go driver,
// after creating the same uniqueness constraints as dipgraph (one per node
// label of the schema, on its key).
//
//	NEO4J_URI=bolt://… NEO4J_USER=neo4j NEO4J_PASSWORD=… naive [--schema DIR] results.jsonl
//
// It prints one JSON object: docs, seconds, docs_per_s, nodes_created,
// relationships_created.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "naive:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	dir := flag.String("schema", "", "schema directory (default: built-in)")
	db := flag.String("database", "neo4j", "database name")
	flag.Parse()
	if flag.NArg() != 1 {
		return fmt.Errorf("usage: naive [--schema DIR] results.jsonl")
	}
	s, err := schema.Default()
	if *dir != "" {
		s, err = schema.Load(*dir)
	}
	if err != nil {
		return err
	}
	drv, err := neo4j.NewDriverWithContext(os.Getenv("NEO4J_URI"),
		neo4j.BasicAuth(os.Getenv("NEO4J_USER"), os.Getenv("NEO4J_PASSWORD"), ""),
		func(c *config.Config) { c.NotificationsMinSeverity = notifications.DisabledLevel })
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	keys := map[string]string{}
	for _, n := range s.Nodes {
		keys[n.Label] = n.Key
		q := fmt.Sprintf("CREATE CONSTRAINT IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE", n.Label, n.Key)
		if _, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(*db)); err != nil {
			return fmt.Errorf("constraint on %s: %w", n.Label, err)
		}
	}
	if _, err := neo4j.ExecuteQuery(ctx, drv, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(*db)); err != nil {
		return err
	}

	f, err := os.Open(flag.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: *db})
	defer sess.Close(ctx)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs, nodes, rels int
	start := time.Now()
	for sc.Scan() {
		var r extract.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("line %d: %w", docs+1, err)
		}
		n, m, err := writeDoc(ctx, sess, s, keys, r)
		if err != nil {
			return fmt.Errorf("document %s: %w", r.Document.ID, err)
		}
		docs, nodes, rels = docs+1, nodes+n, rels+m
	}
	if err := sc.Err(); err != nil {
		return err
	}
	sec := time.Since(start).Seconds()
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"docs": docs, "seconds": sec, "docs_per_s": float64(docs) / sec,
		"nodes_created": nodes, "relationships_created": rels,
	})
}

// writeDoc writes one document in one transaction, statement by statement.
func writeDoc(ctx context.Context, sess neo4j.SessionWithContext, s *schema.Schema, keys map[string]string, r extract.Result) (int, int, error) {
	type counts struct{ nodes, rels int }
	res, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var c counts
		exec := func(q string, p map[string]any) error {
			rs, err := tx.Run(ctx, q, p)
			if err != nil {
				return err
			}
			sum, err := rs.Consume(ctx)
			if err != nil {
				return err
			}
			c.nodes += sum.Counters().NodesCreated()
			c.rels += sum.Counters().RelationshipsCreated()
			return nil
		}
		d := r.Document
		if err := exec("MERGE (d:Document {id: $id}) SET d.title = $title, d.date = $date, d.source = $source, d.lang = $lang, d.hash = $hash",
			map[string]any{"id": d.ID, "title": d.Title, "date": d.Date, "source": d.Source, "lang": d.Lang, "hash": d.Hash}); err != nil {
			return nil, err
		}
		label := map[string]string{}
		for _, e := range r.Entities {
			key, ok := keys[e.Type]
			if !ok {
				continue
			}
			label[e.ID] = e.Type
			aliases := make([]any, len(e.Aliases))
			for i, a := range e.Aliases {
				aliases[i] = a
			}
			q := fmt.Sprintf("MERGE (n:%s {%s: $id}) SET n.name = $name, n.aliases = $aliases", e.Type, key)
			if err := exec(q, map[string]any{"id": e.ID, "name": e.Name, "aliases": aliases}); err != nil {
				return nil, err
			}
			q = fmt.Sprintf("MATCH (d:Document {id: $doc}) MATCH (n:%s {%s: $id}) MERGE (d)-[m:MENTIONS]->(n) SET m.count = $count", e.Type, key)
			if err := exec(q, map[string]any{"doc": d.ID, "id": e.ID, "count": int64(len(e.Mentions))}); err != nil {
				return nil, err
			}
		}
		for _, rel := range r.Relations {
			lf, lt := label[rel.From], label[rel.To]
			rt, ok := s.Rel(rel.Type)
			if lf == "" || lt == "" || !ok {
				continue
			}
			from, to := rel.From, rel.To
			if rt.Symmetric && to < from {
				from, to, lf, lt = to, from, lt, lf
			}
			date, _ := rel.Properties["date"].(string)
			q := fmt.Sprintf("MATCH (a:%s {%s: $from}) MATCH (b:%s {%s: $to}) MERGE (a)-[r:%s {key: $key}]->(b) SET r.date = $date, r.rule = $rule, r.confidence = $conf, r.evidence = $ev, r.doc = $doc",
				lf, keys[lf], lt, keys[lt], rel.Type)
			if err := exec(q, map[string]any{"from": from, "to": to, "key": rel.Type + "|" + from + "|" + to + "|" + date,
				"date": date, "rule": rel.Rule, "conf": rel.Confidence, "ev": rel.Evidence.Text, "doc": d.ID}); err != nil {
				return nil, err
			}
		}
		return c, nil
	})
	if err != nil {
		return 0, 0, err
	}
	c := res.(counts)
	return c.nodes, c.rels, nil
}

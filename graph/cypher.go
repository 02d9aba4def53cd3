package graph

import "fmt"

// The statements of a write, in the order they run. Labels, types and key
// property names are substituted only after identOK and Validate accepted
// them; every value is a parameter.

const cypherOldFacts = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, coalesce(d.facts, []) AS facts`

// cypherNodes merges entity nodes of one label.
func cypherNodes(label, key string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MERGE (n:%s {%s: row.key})
SET n:Entity, n += row.props
SET n.name = CASE WHEN n.name IS NULL OR row.name < n.name THEN row.name ELSE n.name END
WITH n, row
CALL (n, row) {
  UNWIND coalesce(n.aliases, []) + row.aliases AS a
  WITH DISTINCT a ORDER BY a
  RETURN collect(a) AS aliases
}
CALL (n, row) {
  UNWIND coalesce(n.sources, []) + row.docs AS s
  WITH DISTINCT s ORDER BY s
  RETURN collect(s) AS sources
}
SET n.aliases = aliases, n.sources = sources`, quote(label), quote(key))
}

const cypherDocs = `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.props`

// cypherMentions merges the MENTIONS of entities of one label.
func cypherMentions(label, key string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (n:%s {%s: row.key})
MERGE (d)-[m:MENTIONS]->(n)
SET m.name = row.name, m.forms = row.forms, m.count = row.count,
    m.evidence_start = row.starts, m.evidence_end = row.ends, m.ingested_at = $now`, quote(label), quote(key))
}

// cypherStaleMentions deletes the mentions of the documents $ids that this
// write did not stamp (all of them when $all) and returns every entity the
// documents mention or mentioned.
const cypherStaleMentions = `UNWIND $ids AS id
MATCH (:Document {id: id})-[m:MENTIONS]->(n)
WITH n, [x IN collect(m) WHERE $all OR x.ingested_at <> $now] AS stale
FOREACH (x IN stale | DELETE x)
RETURN collect(elementId(n)) AS touched`

// cypherFacts merges facts of one type between two labels; the batch's
// evidence replaces what the batch's documents said before.
func cypherFacts(typ, fromLabel, fromKey, toLabel, toKey string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MATCH (a:%s {%s: row.from})
MATCH (b:%s {%s: row.to})
MERGE (a)-[r:%s {key: row.key}]->(b)
SET r += row.props
WITH r, row, coalesce(r.sources, []) AS src
WITH r, [i IN range(0, size(src) - 1) WHERE NOT src[i] IN row.docs |
    {source: src[i], text: r.evidence[i], start: r.evidence_start[i], end: r.evidence_end[i],
     rule: r.rules[i], confidence: r.confidences[i]}] + row.evidence AS evs
CALL (evs) {
  UNWIND evs AS e
  WITH e ORDER BY e.source, e.start, e.end, e.rule
  RETURN collect(e) AS es
}
SET r.sources = [e IN es | e.source], r.evidence = [e IN es | e.text],
    r.evidence_start = [e IN es | e.start], r.evidence_end = [e IN es | e.end],
    r.rules = [e IN es | e.rule], r.confidences = [e IN es | e.confidence],
    r.confidence = reduce(c = 0.0, e IN es | CASE WHEN e.confidence > c THEN e.confidence ELSE c END)`,
		quote(fromLabel), quote(fromKey), quote(toLabel), quote(toKey), quote(typ))
}

// cypherRetract removes the evidence of row.docs from the facts of one type
// and deletes facts left without sources.
func cypherRetract(typ string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MATCH ()-[r:%s {key: row.key}]->()
WITH r, row, coalesce(r.sources, []) AS src
WITH r, [i IN range(0, size(src) - 1) WHERE NOT src[i] IN row.docs] AS keep
WITH r, [i IN keep | r.sources[i]] AS s, [i IN keep | r.evidence[i]] AS ev,
     [i IN keep | r.evidence_start[i]] AS es, [i IN keep | r.evidence_end[i]] AS ee,
     [i IN keep | r.rules[i]] AS ru, [i IN keep | r.confidences[i]] AS co
SET r.sources = s, r.evidence = ev, r.evidence_start = es, r.evidence_end = ee, r.rules = ru,
    r.confidences = co, r.confidence = reduce(c = 0.0, x IN co | CASE WHEN x > c THEN x ELSE c END)
WITH r WHERE size(r.sources) = 0
DELETE r`, quote(typ))
}

// cypherRecompute sets name, aliases and sources of entities from the mentions
// they have left.
const cypherRecompute = `UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
CALL (n) {
  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(n)
  RETURN min(m.name) AS name, count(m) AS refs
}
WITH n, name, refs WHERE refs > 0
CALL (n) {
  MATCH (:Document)-[m:MENTIONS]->(n)
  UNWIND m.forms AS f
  WITH DISTINCT f ORDER BY f
  RETURN collect(f) AS aliases
}
CALL (n) {
  MATCH (d:Document)-[:MENTIONS]->(n)
  WITH DISTINCT d.id AS s ORDER BY s
  RETURN collect(s) AS sources
}
SET n.name = name, n.aliases = aliases, n.sources = sources`

// cypherOrphans deletes entities no document mentions.
const cypherOrphans = `UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid AND NOT EXISTS { (:Document)-[:MENTIONS]->(n) }
DETACH DELETE n`

const cypherDeleteDocs = `UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d`

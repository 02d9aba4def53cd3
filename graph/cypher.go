package graph

import "fmt"

// The statements of a write, in the order they run. Labels, types and key
// property names are substituted only after identOK and Validate accepted
// them; every value is a parameter.

// cypherOldFacts returns the fact keys each known document of $ids supports.
const cypherOldFacts = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, [(d)-[:HAS_EVIDENCE]->(e:Evidence) | e.fact] AS facts`

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
SET n.aliases = aliases`, quote(label), quote(key))
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
    m.start = row.start, m.end = row.end, m.ingested_at = $now`, quote(label), quote(key))
}

// cypherStaleMentions deletes the mentions of the documents $ids that this
// write did not stamp (all of them when $all) and returns every entity the
// documents mention or mentioned.
const cypherStaleMentions = `UNWIND $ids AS id
MATCH (:Document {id: id})-[m:MENTIONS]->(n)
WITH n, [x IN collect(m) WHERE $all OR x.ingested_at <> $now] AS stale
FOREACH (x IN stale | DELETE x)
RETURN collect(elementId(n)) AS touched`

// cypherFacts merges facts of one type between two labels and sets their
// fact properties; support and confidence follow from the evidence.
func cypherFacts(typ, fromLabel, fromKey, toLabel, toKey string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MATCH (a:%s {%s: row.from})
MATCH (b:%s {%s: row.to})
MERGE (a)-[r:%s {key: row.key}]->(b)
SET r += row.props`, quote(fromLabel), quote(fromKey), quote(toLabel), quote(toKey), quote(typ))
}

// cypherDeleteEvidence deletes Evidence nodes by id.
const cypherDeleteEvidence = `UNWIND $ids AS id
MATCH (e:Evidence {id: id})
DETACH DELETE e`

// cypherEvidence merges one Evidence node per (document, fact), marking the
// ones it creates with _new for cypherSupport.
const cypherEvidence = `UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MERGE (e:Evidence {id: row.id})
ON CREATE SET e._new = true
SET e += row.props
MERGE (d)-[:HAS_EVIDENCE]->(e)`

// cypherSupport adds the evidence this write created (row.ids marked _new) to
// the support and confidence of facts of one type. The write lock on the fact
// is taken (SET r._lock) before its support is read, so concurrent writers
// cannot lose an update.
func cypherSupport(typ string) string {
	return fmt.Sprintf(`UNWIND $rows AS row
MATCH ()-[r:%s {key: row.key}]->()
SET r._lock = true
WITH r, row
CALL (row) {
  UNWIND row.ids AS id
  MATCH (e:Evidence {id: id})
  WITH e, e._new IS NOT NULL AS created
  REMOVE e._new
  RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS added,
         max(CASE WHEN created THEN e.confidence END) AS best
}
SET r.support = coalesce(r.support, 0) + added,
    r.confidence = CASE WHEN best IS NULL OR best < coalesce(r.confidence, 0.0)
                        THEN coalesce(r.confidence, 0.0) ELSE best END
REMOVE r._lock`, quote(typ))
}

// cypherRecount recomputes support and confidence of facts of one type from
// their Evidence (after documents were replaced or forgotten) and deletes the
// facts no evidence supports any more.
func cypherRecount(typ string) string {
	return fmt.Sprintf(`UNWIND $keys AS key
MATCH ()-[r:%s {key: key}]->()
SET r._lock = true
WITH r
CALL (r) {
  MATCH (e:Evidence {fact: r.key})
  RETURN count(e) AS n, max(e.confidence) AS best
}
SET r.support = n, r.confidence = best
REMOVE r._lock
WITH r, n WHERE n = 0
DELETE r`, quote(typ))
}

// cypherRecompute sets name and aliases of entities from the mentions they
// have left.
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
SET n.name = name, n.aliases = aliases`

// cypherOrphans deletes entities no document mentions.
const cypherOrphans = `UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid AND NOT EXISTS { (:Document)-[:MENTIONS]->(n) }
DETACH DELETE n`

const cypherDeleteDocs = `UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d`

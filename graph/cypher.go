package graph

import (
	"fmt"
	"strings"
)

// The statements of a write, in the order they run. Labels, types and key
// property names are substituted only after identOK and Validate accepted
// them; every value is a parameter.

// keepPlan starts the statements that write new documents (and the
// fingerprint read): the server keeps their first plan instead of planning
// them again each time its statistics have moved, which a database growing
// from empty does all along a first load (planning was a fifth of the
// server's CPU in the first thousands of documents). Their plans cannot get
// better with statistics: each row is found by a unique index or an element
// id. Statements that search (recounts, recomputes) are planned as usual.
const keepPlan = "CYPHER replan=skip\n"

// cypherFingerprints reads the stored fingerprints of the documents $ids.
const cypherFingerprints = keepPlan + "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.hash AS hash"

// cypherOldFacts returns the fact keys each known document of $ids supports
// (Forget).
const cypherOldFacts = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, [(d)-[:HAS_EVIDENCE]->(e:Evidence) | e.fact] AS facts`

// cypherDocs sets the Document nodes of a write, first: it takes their write
// locks, then reads what each document had before. known is false for a
// document that has no relationship (new, or without contributions): nothing
// of it needs retracting, and its mentions and Evidence can be created
// without MERGE. facts are the fact keys a known document supports, before
// its date before this write (a new date changes its Rank), eid its element
// id, by which the later statements find it.
const cypherDocs = keepPlan + `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d._lock = true
WITH d, row, d.date AS before
SET d = row.props
RETURN d.id AS id, EXISTS { (d)--() } AS known, [(d)-[:HAS_EVIDENCE]->(e:Evidence) | e.fact] AS facts, before,
  elementId(d) AS eid`

// cypherNodes merges entity nodes of one label. row.aliases is sorted and so
// are the stored aliases: each new alias is inserted in place, which keeps
// the sorted union without a per-row subquery. Each derived property takes
// the batch's value (row.props) when the batch's Rank for it (row.by) is not
// lower than the stored one: the name and aliases SET has taken the node's
// write lock before that is read. It returns each node's element id, by
// which the later statements of the write find it, whatever its label.
func cypherNodes(label, key string, derived []string) string {
	return keepPlan + fmt.Sprintf(`UNWIND $rows AS row
MERGE (n:%s {%s: row.key})
ON CREATE SET n:Entity, n.name = row.name, n.aliases = row.aliases
ON MATCH SET n:Entity,
  n.name = CASE WHEN n.name IS NULL OR row.name < n.name THEN row.name ELSE n.name END,
  n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
    CASE WHEN a IN acc THEN acc ELSE [x IN acc WHERE x < a] + a + [x IN acc WHERE x > a] END)`, quote(label), quote(key)) +
		offerClauses("n", derived) + "\nRETURN row.key AS key, elementId(n) AS eid"
}

// cypherMentions merges the MENTIONS of entities, for documents known
// before this write, and returns the entities whose mention existed with
// another name, other forms or other stated properties, or whose document
// has a new date (row.redated): their name, aliases and derived properties
// may have lost a contribution and are recomputed (cypherRecompute).
// row.d and row.n are the element ids of the document and the entity
// (cypherDocs, cypherNodes), so one statement serves every label: the text
// does not depend on the batch, and the server plans it once.
const cypherMentions = `UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MATCH (n) WHERE elementId(n) = row.n
MERGE (d)-[m:MENTIONS]->(n)
WITH n, m, row, m.ingested_at IS NOT NULL
  AND (row.redated OR coalesce(m.name, '') <> coalesce(row.name, '') OR coalesce(m.forms, []) <> row.forms
    OR any(k IN keys(row.stated) WHERE coalesce(m[k] <> row.stated[k], (m[k] IS NULL) <> (row.stated[k] IS NULL)))) AS changed
SET m.name = row.name, m.forms = row.forms, m.count = row.count,
    m.start = row.start, m.end = row.end, m.ingested_at = $now, m += row.stated
WITH n WHERE changed
RETURN collect(elementId(n)) AS changed`

// cypherNewMentions creates the MENTIONS of entities, for documents that had
// no relationship (cypherDocs): none can exist yet, and CREATE spares
// MERGE's search of the document's relationships. row.props holds all their
// properties (newMentionRows): one SET, and no Eager.
const cypherNewMentions = keepPlan + `UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MATCH (n) WHERE elementId(n) = row.n
CREATE (d)-[m:MENTIONS]->(n)
SET m = row.props`

// cypherStaleMentions deletes the mentions of the documents $ids that this
// write did not stamp (all of them when $all) and returns the entities that
// lost one. With the entities whose mention changed (cypherMentions), they
// are the ones whose name and aliases are recomputed: the others keep the
// name and aliases their mentions give, as cypherNodes only adds to them.
const cypherStaleMentions = `UNWIND $ids AS id
MATCH (:Document {id: id})-[m:MENTIONS]->(n)
WITH n, [x IN collect(m) WHERE $all OR x.ingested_at <> $now] AS stale
WHERE size(stale) > 0
FOREACH (x IN stale | DELETE x)
RETURN collect(elementId(n)) AS touched`

// cypherFacts merges facts of one type, between the entities of element ids
// row.a and row.b (whatever their labels), sets their date
// (the key's) and adds the Evidence this write creates to their support and
// confidence: row.added of it, the best of confidence row.best (null when
// none). support and confidence are read in the SET that writes them, so
// Cypher takes the fact's write lock before reading them and concurrent
// writers lose no update. Each derived property then takes the batch's value
// when the batch's Rank for it is not lower than the stored one, as in
// cypherNodes. Facts the documents supported before are recounted afterwards
// (cypherRecount).
func cypherFacts(typ string, derived []string) string {
	return keepPlan + fmt.Sprintf(`UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
MERGE (a)-[r:%s {key: row.key}]->(b)
SET r.date = row.date,
    r.support = coalesce(r.support, 0) + row.added,
    r.confidence = CASE WHEN row.best IS NULL OR row.best < coalesce(r.confidence, 0.0)
                        THEN coalesce(r.confidence, 0.0) ELSE row.best END`, quote(typ)) + offerClauses("r", derived)
}

// cypherDeleteEvidence deletes Evidence nodes by id.
const cypherDeleteEvidence = `UNWIND $ids AS id
MATCH (e:Evidence {id: id})
DETACH DELETE e`

// cypherEvidence merges one Evidence node per (document, fact), for
// documents known before this write.
const cypherEvidence = `UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MERGE (e:Evidence {id: row.id})
SET e += row.props, e += row.stated
MERGE (d)-[:HAS_EVIDENCE]->(e)`

// cypherNewEvidence creates the Evidence of documents that had no
// relationship (cypherDocs), with all their properties in row.props
// (newEvidenceRows).
const cypherNewEvidence = keepPlan + `UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
CREATE (d)-[:HAS_EVIDENCE]->(e:Evidence)
SET e = row.props`

// cypherRecount recomputes support, confidence and the derived properties
// of facts of one type from their Evidence (after documents were replaced or
// forgotten) and deletes the facts no evidence supports any more. The write
// lock on the fact is taken before its Evidence is read.
func cypherRecount(typ string, derived []string) string {
	return fmt.Sprintf(`UNWIND $keys AS key
MATCH ()-[r:%s {key: key}]->()
SET r._lock = true
WITH r
CALL (r) {
  MATCH (d:Document)-[:HAS_EVIDENCE]->(e:Evidence {fact: r.key})
  WITH e, coalesce(d.date, '') + ' ' + d.id AS rank
  ORDER BY rank DESC
  RETURN count(e) AS n, max(e.confidence) AS best, collect(%s) AS stated
}
SET %s
REMOVE r._lock
WITH r, n WHERE n = 0
DELETE r`, quote(typ), statedList("rank", "e", derived),
		strings.Join(append([]string{"r.support = n", "r.confidence = best"}, derivedSets("r", "stated", derived)...), ",\n    "))
}

// cypherRecompute sets name, aliases and derived properties of entities of
// one label ($keys holds element ids, of any label) from the mentions they
// have left, reading them once. Their write locks are held: the write has
// merged them, or deleted or changed one of their mentions.
func cypherRecompute(label string, derived []string) string {
	return fmt.Sprintf(`UNWIND $keys AS eid
MATCH (n:%s) WHERE elementId(n) = eid
CALL (n) {
  MATCH (d:Document)-[m:MENTIONS]->(n)
  WITH m, coalesce(d.date, '') + ' ' + d.id AS rank
  ORDER BY rank DESC
  RETURN min(m.name) AS name, count(m) AS refs, collect(m.forms) AS forms, collect(%s) AS stated
}
WITH n, name, refs, forms, stated WHERE refs > 0
CALL (forms) {
  UNWIND forms AS fs
  UNWIND fs AS f
  WITH DISTINCT f ORDER BY f
  RETURN collect(f) AS aliases
}
SET %s`, quote(label), statedList("rank", "m", derived),
		strings.Join(append([]string{"n.name = name", "n.aliases = aliases"}, derivedSets("n", "stated", derived)...), ",\n    "))
}

// cypherOrphans deletes entities no document mentions.
const cypherOrphans = `UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid AND NOT EXISTS { (:Document)-[:MENTIONS]->(n) }
DETACH DELETE n`

const cypherDeleteDocs = `UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d`

// Which sentence says so? The evidence for every fact between two entities:
// one row per supporting document (its Evidence node), with the sentence and
// its offsets. The sentence is the last column: Neo4j Browser's table gives
// the last column the room left, so a right-to-left sentence is not cut.
// Parameters:
//   $from, $to  entity ids of the two ends (either order)
//   $type       relationship type (MET_WITH, SIGNED…), or null for every type [default: null]
MATCH (a:Entity {id: $from})-[r]-(b:Entity {id: $to})
WHERE ($type IS NULL OR type(r) = $type) AND r.key IS NOT NULL
MATCH (e:Evidence {fact: r.key})
OPTIONAL MATCH (d:Document {id: e.doc})
RETURN type(r) AS type, r.date AS date, e.doc AS document, d.title AS title, d.url AS url,
       e.start AS start, e.end AS end, e.rule AS rule, e.confidence AS confidence, e.text AS sentence
ORDER BY type, date, document, start;

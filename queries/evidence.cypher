// Which sentence says so? The evidence for every fact between two entities:
// one row per supporting sentence, with its document and offsets.
// Parameters:
//   $from, $to  entity ids of the two ends (either order)
//   $type       relationship type (MET_WITH, SIGNED…), or null for every type
MATCH (a:Entity {id: $from})-[r]-(b:Entity {id: $to})
WHERE ($type IS NULL OR type(r) = $type) AND r.sources IS NOT NULL
UNWIND range(0, size(r.sources) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.sources[i]})
RETURN type(r) AS type, r.date AS date, r.sources[i] AS document, d.title AS title, d.url AS url,
       r.evidence[i] AS sentence, r.evidence_start[i] AS start, r.evidence_end[i] AS end,
       r.rules[i] AS rule, r.confidences[i] AS confidence
ORDER BY type, date, document, start;

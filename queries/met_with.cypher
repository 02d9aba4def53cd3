// Who met whom, and when.
// Parameters:
//   $person  entity id of one participant, or null for every meeting [default: null]
//   $since   earliest date (ISO, inclusive), or null [default: null]
//   $until   latest date (ISO, inclusive), or null [default: null]
// One row per meeting: the two people (stored from the lower id to the higher),
// the date and the documents that report it.
MATCH (a:Person)-[r:MET_WITH]->(b:Person)
WHERE ($person IS NULL OR $person IN [a.id, b.id])
  AND ($since IS NULL OR r.date >= $since)
  AND ($until IS NULL OR r.date <= $until)
RETURN a.id AS a, a.name AS a_name, b.id AS b, b.name AS b_name, r.date AS date,
       r.venue AS venue, COLLECT { MATCH (x:Evidence {fact: r.key}) RETURN x.doc ORDER BY x.doc } AS documents,
       r.support AS support, r.confidence AS confidence
ORDER BY date, a, b;

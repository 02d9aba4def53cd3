// A leader's timeline: every dated fact about one person, oldest first
// (meetings, visits, signatures, attendance, offices).
// Parameters:
//   $person  entity id of the person
// A fact without a date of its own takes its event's or treaty's date. support
// is the number of documents stating the fact (evidence.cypher lists them).
MATCH (p:Person {id: $person})-[r]-(other:Entity)
WHERE r.key IS NOT NULL
RETURN coalesce(r.date, r.start, other.date) AS date, type(r) AS fact,
       other.id AS other, other.name AS other_name, r.role AS role, r.support AS support
ORDER BY date, fact, other;

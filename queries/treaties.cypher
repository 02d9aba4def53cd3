// Treaties, agreements and joint statements with who signed them and which
// countries or organisations are party to them.
// Parameters:
//   $treaty  entity id of one treaty, or null for all
MATCH (t:Treaty)
WHERE $treaty IS NULL OR t.id = $treaty
RETURN t.id AS treaty, t.name AS name, t.kind AS kind, t.date AS date,
       COLLECT { MATCH (s)-[:SIGNED]->(t) RETURN s.name ORDER BY s.name } AS signatories,
       COLLECT { MATCH (c)-[:PARTY_TO]->(t) RETURN c.name ORDER BY c.name } AS parties
ORDER BY date, treaty;

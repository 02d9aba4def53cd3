// Treaties, agreements and joint statements: when they were first signed, who
// signed them, and which countries or organisations are party to them.
// Parameters:
//   $treaty  entity id of one treaty, or null for all [default: null]
// date is the treaty's own date when the gazetteer or the text gives one, else
// the earliest date of its SIGNED facts (null when no signing is dated).
// signatory_countries are the countries of the people who signed (and the
// countries that signed themselves); parties are the stated PARTY_TO. The
// name is the last column, so that Browser's table shows it whole.
MATCH (t:Treaty)
WHERE $treaty IS NULL OR t.id = $treaty
WITH t, COLLECT { MATCH ()-[r:SIGNED]->(t) WHERE r.date IS NOT NULL RETURN r.date ORDER BY r.date LIMIT 1 } AS first
RETURN t.id AS treaty, t.kind AS kind, coalesce(t.date, first[0]) AS date,
       COLLECT { MATCH (s)-[:SIGNED]->(t) RETURN DISTINCT s.name AS n ORDER BY n } AS signatories,
       COLLECT { MATCH (s)-[:SIGNED]->(t)
                 OPTIONAL MATCH (c:Country {id: s.country})
                 WITH CASE WHEN s:Country THEN s.name ELSE c.name END AS n
                 WHERE n IS NOT NULL
                 RETURN DISTINCT n ORDER BY n } AS signatory_countries,
       COLLECT { MATCH (c)-[:PARTY_TO]->(t) RETURN c.name ORDER BY c.name } AS parties,
       COUNT { MATCH (:Document)-[:MENTIONS]->(t) } AS documents,
       t.name AS name
ORDER BY date, treaty;

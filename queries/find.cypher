// Find entities by name: every person, country, place, organisation, treaty or
// event whose name or one of its spellings contains the text, case aside.
// Parameters:
//   $name   part of a name, in any spelling the documents used
//   $label  one label (Person, Country…), or null for every label [default: null]
// Use the id in the other queries. documents is the number of documents that
// mention the entity.
MATCH (e:Entity)
WHERE ($label IS NULL OR $label IN labels(e))
  AND (toLower(e.name) CONTAINS toLower($name)
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($name)))
WITH e, COUNT { MATCH (:Document)-[:MENTIONS]->(e) } AS documents
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, documents, e.name AS name
ORDER BY documents DESC, id
LIMIT 50;

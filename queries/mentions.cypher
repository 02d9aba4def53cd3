// Documents that mention an entity, newest first, with the forms used.
// Parameters:
//   $entity  entity id
MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: $entity})
RETURN d.id AS document, d.title AS title, d.date AS date, d.url AS url,
       m.count AS mentions, m.forms AS forms
ORDER BY date DESC, document;

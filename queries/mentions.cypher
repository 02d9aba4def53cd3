// Documents that mention an entity, newest first, with the forms used.
// Parameters:
//   $entity  entity id
MATCH (d:Document)-[m:MENTIONS]->(e:Entity {id: $entity})
RETURN d.id AS document, d.date AS date, d.url AS url,
       m.count AS mentions, m.forms AS forms, d.title AS title
ORDER BY date DESC, document;

// The people with the most meetings: meetings (one per partner and date) and
// distinct partners.
// Parameters:
//   $limit  number of rows [integer, default: 25]
MATCH (p:Person)-[r:MET_WITH]-(other:Person)
RETURN p.id AS id, p.name AS name, count(r) AS meetings, count(DISTINCT other) AS partners
ORDER BY meetings DESC, partners DESC, id
LIMIT $limit;

// Who attended a given event (a meeting, talks, a summit, a ceremony).
// Parameters:
//   $event  entity id of the event
MATCH (e:Event {id: $event})<-[r:ATTENDED|PARTICIPATED_IN]-(p)
RETURN p.id AS id, p.name AS name, type(r) AS how, r.role AS role,
       COLLECT { MATCH (x:Evidence {fact: r.key}) RETURN x.doc ORDER BY x.doc } AS documents
ORDER BY name, id, how;

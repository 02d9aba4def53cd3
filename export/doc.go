// Package export writes a graph, or part of it, for other tools: GraphML for
// Gephi, yEd, Cytoscape and networkx; CSV files with neo4j-admin import
// headers, to load into another Neo4j; JSON Lines of nodes and
// relationships.
//
// A Source feeds nodes, then relationships, to a Writer. Nodes are identified
// by their key (the id property every dipgraph node has) within an id space:
// Document, Evidence, or Entity for every entity label. The writers hold no
// more than one row at a time in memory but the columns they have seen: rows
// go to temporary files, and the headers, which GraphML and CSV need before
// the rows, are written when the columns are known.
//
// # GraphML
//
// One <graph edgedefault="directed">. A node's XML id is "<space>:<key>"; its
// attributes are labels (":Entity:Person", as APOC writes them), label (what
// to show: a name, a document's title, an evidence's fact type and document)
// and its properties. An edge has the attributes type (the relationship type),
// label (the same) and its properties. Lists, which GraphML lacks, are joined
// with "; "; a property with values of several types is written as a string.
//
// # CSV
//
// Into a directory: nodes-<Labels>.csv per set of labels and
// rels-<TYPE>-<Start>-<End>.csv per relationship type and id spaces, each with
// a neo4j-admin header (id:ID(Entity), name, aliases:string[], start:long…,
// :LABEL; :START_ID(Document), :END_ID(Entity), :TYPE…). Strings are always
// quoted, so an empty string stays one and an empty cell is a missing
// property; lists are joined with the array delimiter (";" unless told). The
// directory also gets import.sh, the neo4j-admin database import command that
// loads the files into an empty database.
//
// # JSON Lines
//
// One object per node, then per relationship, in the shape of APOC's JSON
// export, ends named by key and id space:
//
//	{"type":"node","id":"person:xi-jinping","labels":["Entity","Person"],"properties":{…}}
//	{"type":"relationship","label":"MET_WITH","start":{"id":"person:…","space":"Entity"},"end":{…},"properties":{…}}
package export

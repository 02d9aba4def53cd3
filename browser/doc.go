// Package browser holds what dipgraph gives Neo4j Browser: a style and a
// guide, and the bundle that lets the Neo4j of scripts/neo4j serve them.
//
// # Style
//
// dipgraph.grass is a GraSS style sheet: captions that read (a person's or a
// place's name, an event's kind and date, a document's title, an evidence's
// fact type and document), one calm colour per label, MET_WITH, SIGNED,
// ATTENDED and VISITED in the colour of what they link, and MENTIONS and
// HAS_EVIDENCE thin, grey and without captions so that a neighbourhood shows
// its facts first. Browser's GraSS reader takes no comments, quotes with
// single quotes only and reads a value up to the next ":" or ";": captions
// hold neither. A caption of a property no node has ('{no-caption}') shows
// nothing.
//
// With any Neo4j, drag dipgraph.grass onto Browser's window, or run
// ":style" and paste it. The Neo4j of scripts/neo4j applies it on connect.
//
// # Guide
//
// Guide returns an HTML guide for ":guide URL": slides, each a <slide>, on
// the graph model and on every query of the cookbook (package queries), the
// query and its parameters as runnable cards (pre.runnable), the examples
// taken from the bundled fixtures.
//
// # Bundle
//
// Neo4j 5 serves Browser from the neo4j-browser jar on its class path,
// unless its web directory (internal.dbms.web_dir_path) holds a
// neo4j-browser*.zip: then it unpacks that and serves it at /browser, the
// archive's first entry naming the root. Bundle writes such an archive: the
// jar's browser/ tree plus browser/dipgraph/dipgraph.grass and
// browser/dipgraph/guide.html, so that Browser loads the style and the guide
// from its own origin (http://127.0.0.1:7474/browser/dipgraph/…), with no
// other server to run. scripts/neo4j builds it with tools/browserzip and sets
// browser.post_connect_cmd to ":style" it.
package browser

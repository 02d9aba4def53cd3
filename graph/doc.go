// Package graph stores extraction results in Neo4j: one node per entity key,
// one relationship per fact, every fact with the sentences that state it.
//
// Store is the seam; Open returns the Neo4j implementation and NewMemory an
// in-memory fake with the same semantics. Package graphtest is the conformance
// suite both pass.
//
// # Graph model
//
// Entities are nodes labelled with their schema label (Person, Country, City,
// Venue, Organization, Treaty, Event) and Entity, keyed by the label's key
// property (id). They are written with MERGE on exactly the constrained label
// and key; the Entity label is added with SET. name is the smallest of the
// names documents gave (so the result does not depend on write order), aliases
// the sorted union of every name, alias and mention text (bounded by the number
// of distinct spellings, not of documents). Properties the schema does not
// declare are not stored.
//
// Each document is a node (:Document {id, source, url, title, date, lang, hash
// (the fingerprint dipgraph ingest skips unchanged documents by),
// ingested_at}) with (:Document)-[:MENTIONS {name, forms, count, start, end,
// ingested_at}]->(entity) for every entity it names: which documents mention
// an entity is its incoming MENTIONS, never a list on the entity. start and end
// are the rune offsets of the first mention, count the number of mentions,
// forms the spellings the document used.
//
// # Facts and provenance
//
// A fact is a relationship of a schema type (MET_WITH, SIGNED, ATTENDED…)
// identified by its key property, "TYPE|from|to|date" (date empty when the
// fact has none), which has a uniqueness constraint per type. MET_WITH is
// symmetric: it is stored once per unordered pair and date, from the lower key
// to the higher. Two documents reporting the same meeting give one edge with
// support 2; different dates give different edges. Besides its own properties
// (date, venue, event, role…) a fact carries two bounded summaries: support,
// the number of documents that state it, and confidence, the highest
// confidence of its evidence.
//
// No property grows with the corpus. Provenance is one node per document and
// fact, (:Evidence {id, fact, doc, type, text, start, end, rule, confidence}),
// id being "<document id>|<fact key>" (unique), fact the fact's key and doc the
// document's id (both indexed), text the sentence and start, end its rune
// offsets in the document; (:Document)-[:HAS_EVIDENCE]->(:Evidence) links it
// to its document. When one document states a fact in several sentences, the
// Evidence keeps the best: the highest confidence, then the earliest. Evidence
// is reached from a fact by its key, so a fact stays one relationship (path
// queries and counts stay simple) and a hub fact that every document restates
// (HOLDS_OFFICE Xi→China) costs one small node per document, not a list
// rewritten on every write. Which sentence says so:
//
//	MATCH (a:Entity {id: $from})-[r]-(b:Entity {id: $to})
//	WHERE r.key IS NOT NULL
//	MATCH (e:Evidence {fact: r.key})
//	OPTIONAL MATCH (d:Document {id: e.doc})
//	RETURN type(r), r.date, e.doc, d.title, d.url, e.text AS sentence,
//	       e.start, e.end, e.rule, e.confidence
//
// (queries/evidence.cypher is this query.) The writer's bookkeeping properties
// (the facts' key, support and confidence, MENTIONS' name and ingested_at, the
// Evidence label and HAS_EVIDENCE) are declared in the default schema; stores
// create the Evidence constraint and indexes even when a schema omits them.
//
// # Derived properties
//
// The other declared properties of an entity (a person's role and country,
// an event's kind, gazetteer properties such as wikidata or iso2) and of a
// fact (an office's role, an attendance's role, a meeting's venue) are
// derived: each document states its own values (for an entity, what the
// schema's gazetteer holds for its id, overridden by what extraction found;
// an empty list states nothing, as null does), and documents may disagree. The value stored is the one stated by the
// latest-dated document that states the property, documents of the same date
// ordered by id, the greatest winning: its Rank, date + " " + id, compared as
// a string ("" < "2026" < "2026-05" < "2026-05-20"). Each property is chosen
// on its own, so a person's role and country may come from different
// documents. The value is a function of the documents that currently support
// the entity or fact, like name and aliases: the order of writes, their
// batching, the number of writers or processes, replacing and forgetting
// documents do not change it. A fact's date is its key's.
//
// What each document states is kept with its link to the entity or fact: on
// its MENTIONS as stated.<property> (stated.role, stated.country…) and on its
// Evidence node likewise. The entity or fact carries, besides each derived
// property, <property>.by: the Rank of the document it comes from (role.by:
// "2026-05-20 doc-17"). These properties are bookkeeping, like support:
// queries read role, not role.by; their names are not identifiers, so no
// schema property can take them, and the schema does not declare them.
//
// Version names this layout. dipgraph ingest puts it in every document's
// fingerprint, so the first ingest after an upgrade that changes it rewrites
// each document once, in the new layout.
//
// # Writing
//
// Loader feeds a Store from a channel: batches of up to Batch results, a few
// writers. Query runs analysts' read queries (see the queries directory).
//
// Write turns a batch of results into one parameter list per label and per
// relationship type and end labels, rows merged by key and sorted by key, and
// runs them with UNWIND in one transaction (ExecuteWrite): Document nodes set
// first (taking their write locks) and the fact keys they supported before
// and their dates read from them, entity nodes merged, mentions written (stale
// ones deleted), facts merged, the Evidence of facts the new
// versions no longer state deleted and the batch's Evidence written (one per
// document and fact). A document without relationships before the write gets
// its mentions and Evidence with CREATE rather than MERGE: none can exist.
// Each fact's support and confidence are updated as the fact is merged: the
// Evidence the write creates (known from the documents' old facts) is added
// to them, in the SET that reads them, so Cypher holds the fact's write lock
// and concurrent writers lose no update; then the facts the documents
// supported before are recounted from their Evidence, deleting those left
// with none. Derived properties follow the same pattern: as an entity or fact
// is merged, each takes the batch's best value when the batch's Rank for it
// is not lower than its .by (read after the node's or relationship's write
// lock is taken, so concurrent processes lose no update); the facts the
// documents supported before, and the entities whose mention lost or changed
// a statement, are recomputed from all their Evidence or mentions. The text
// of every statement depends on the schema only (one per label for
// entities, one per relationship type for facts, one for all mentions), never
// on the batch, so the server plans each once and serves it from its query
// cache afterwards: the statements setting documents and merging entities
// return their element ids, by which mentions, facts and Evidence find
// their ends whatever their labels. Those that write new documents keep
// their first plan (CYPHER replan=skip) while the statistics of a growing
// database move: every row is found by a unique index or an element id. Names, aliases and derived properties are
// recomputed from their mentions for the entities a replaced document no
// longer mentions, or now mentions under another name, other spellings,
// other stated properties or another date (the others keep theirs, which
// writes only add to), and entities no document mentions any more are
// deleted (Events included). A reader
// therefore sees a document's old contributions or its new ones, never a mix,
// and writing the same results twice changes only ingested_at. Forget runs the
// same retraction with empty new versions and deletes the Document nodes.
//
// Costs: a batch merges its rows per key, so a hub entity (a country named by
// every article) is written once per transaction, and a new document adds one
// MENTIONS per entity and one Evidence per fact, whatever the size of the
// graph. Replacing or forgetting a document recounts each fact it supported
// (an index seek over the fact's Evidence) and recomputes the names, aliases
// and derived properties of the entities it stopped mentioning or mentions
// differently from all their mentions (forgetting: all its entities), which
// for a hub reads
// every mention;
// both are fine at the scale dipgraph targets (10^5 articles). A bulk backfill
// of millions is better served by neo4j-admin import.
//
// Transactions of one Store run one at a time: relationship writes lock both
// end nodes, and hub nodes (a country, a capital) would otherwise make
// concurrent writers deadlock and wait out the driver's back-off. Several
// processes writing at once stay correct through the uniqueness constraints and
// MERGE under node locks. Transient errors are retried by the driver up to
// Config.MaxRetryTime; a batch too large for the transaction memory pool
// (Neo.TransientError.General.MemoryPoolOutOfMemoryError) is split in halves
// instead of being retried unchanged.
package graph

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
// the sorted union of every name, alias and mention text, sources the sorted ids
// of the documents that mention the entity. Gazetteer properties (wikidata,
// country, iso2…) are copied from the schema's gazetteer and from the
// extraction, for the properties the label declares; properties the schema does
// not declare are not stored. Where documents disagree on a property (a
// person's role), the later write wins: within a batch the later result, across
// batches the later transaction. dipgraph ingest with one writer writes in input
// order, so the outcome does not depend on its number of extraction workers.
//
// Each document is a node (:Document {id, source, url, title, date, lang, hash,
// ingested_at, facts}) with (:Document)-[:MENTIONS {name, forms, count,
// evidence_start, evidence_end, ingested_at}]->(entity) for every entity it
// names. facts lists the keys of the fact relationships it supports; it is how
// a document's contributions are found again when it changes or is forgotten.
// The writer's own bookkeeping properties (Document.facts, the facts' key and
// confidences, MENTIONS.name and ingested_at) need no schema declaration.
//
// # Facts and provenance
//
// A fact is a relationship of a schema type (MET_WITH, SIGNED, ATTENDED…)
// identified by its key property, "TYPE|from|to|date" (date empty when the
// fact has none), which has a uniqueness constraint per type. MET_WITH is
// symmetric: it is stored once per unordered pair and date, from the lower key
// to the higher. Two documents reporting the same meeting give one edge with
// two sources; different dates give different edges.
//
// Provenance lives on the fact itself, as parallel lists sorted by source id
// and offset: sources (document ids, one entry per supporting sentence),
// evidence (the sentence), evidence_start and evidence_end (rune offsets into
// the document text), rules (the extraction rule) and confidences; confidence
// is the highest of them. Parallel lists rather than an (:Evidence) node per
// document keep the graph an analyst browses free of bookkeeping nodes, keep a
// fact one relationship (so path queries and counts stay simple) and make the
// evidence come back with the edge in one query:
//
//	MATCH (a {id: $from})-[r:MET_WITH]-(b {id: $to})
//	UNWIND range(0, size(r.sources) - 1) AS i
//	MATCH (d:Document {id: r.sources[i]})
//	RETURN type(r), r.date, d.id, d.title, d.url, r.evidence[i] AS sentence,
//	       r.evidence_start[i] AS start, r.evidence_end[i] AS end,
//	       r.rules[i] AS rule, r.confidences[i] AS confidence
//
// (queries/evidence.cypher is this query for any relationship.)
//
// # Writing
//
// Loader feeds a Store from a channel: batches of up to Batch results, a few
// writers. Query runs analysts' read queries (see the queries directory).
//
// Write turns a batch of results into one parameter list per label and per
// relationship type and end labels, rows merged by key and sorted by key, and
// runs them with UNWIND in one transaction (ExecuteWrite): documents' old
// fact keys are read, entity nodes merged, Document nodes set, mentions merged
// (stale ones deleted), facts merged with the batch's evidence replacing the
// batch documents' old evidence, the documents' evidence removed from facts
// their new versions no longer state (a fact left without sources is deleted),
// names, aliases and sources recomputed for the entities of replaced documents,
// and entities no document mentions any more deleted. A reader therefore sees a
// document's old contributions or its new ones, never a mix, and writing the
// same results twice changes only ingested_at. Forget runs the same retraction
// with empty new versions and deletes the Document nodes.
//
// Costs: a batch merges its rows per key, so a hub entity (a country named by
// every article) is written once per transaction, its sources list rewritten
// whole; replacing or forgetting a document recomputes its entities' names,
// aliases and sources from all their mentions, which for a hub reads every
// mention. Both are fine for the corpora dipgraph targets (10^5 articles); a
// bulk backfill of millions is better served by neo4j-admin import.
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

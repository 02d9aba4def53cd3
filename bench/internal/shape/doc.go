// Package shape says what one extraction result adds to dipgraph's graph: the
// Document node, the entity nodes and their MENTIONS, the facts and their
// Evidence, with the properties `dipgraph ingest` gives them (see the graph
// package comment for the model). The benchmark baselines, bench/naive and
// bench/csvexport, write this shape their own way, so that their figures
// compare with dipgraph ingest writing the same graph.
//
// What accumulates across documents is left to the writer: an entity's name is
// the smallest any document gave, its aliases the sorted union of the forms,
// its other properties the later document's; a fact's support is the number of
// documents that state it and its confidence the highest of its Evidence.
package shape

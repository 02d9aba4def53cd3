// Package bench holds dipgraph's benchmark scripts and the small programs they
// use: extract.sh (extraction speed and memory), ingest.sh (end-to-end ingest
// into Neo4j, with a naive writer and neo4j-admin import as baselines),
// extractprof (a CPU profile of extraction alone), naive (one transaction per
// document, one MERGE per row) and csvexport (extract JSON to neo4j-admin
// CSV). BENCHMARKS.md at the repository root has the figures.
package bench

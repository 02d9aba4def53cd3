// Command dipgraph turns news articles about diplomacy into a knowledge graph in
// Neo4j.
//
// Usage:
//
//	dipgraph [--schema PATH]... COMMAND [flags] [ARGS]
//
// Commands:
//
//	schema validate [PATH...]  check schema YAML files, report every problem
//	schema show                labels, types, gazetteer counts per type and language
//	schema apply               create the schema's constraints and indexes in Neo4j
//	extract [INPUT...]         print entities, events and relations (json or table)
//	ingest [INPUT...]          extract and upsert into Neo4j, idempotently
//	ingest --bulk [INPUT...]   first load of an empty, stopped database: CSV files
//	                           and neo4j-admin database import full (--neo4j-admin CMD)
//	forget DOC-ID...           remove a document's contributions from Neo4j
//	query NAME|FILE.cypher     run a query of the cookbook, print a table, JSON Lines or CSV
//	query --list               the cookbook's queries and their parameters
//	export                     the graph or a query's subgraph as GraphML, CSV or JSON Lines
//	ping                       check that Neo4j answers a query
//	help [COMMAND]             usage of dipgraph or of one command
//
// --version prints the build, the extraction rules (extract.Version), the graph
// layout (graph.Version) and the digest of the schema in use. A command's flags
// may follow its arguments ("dipgraph query timeline --param person=…").
//
// INPUT is a file or directory (.txt, .md, .jsonl), or - for standard input;
// without INPUT, extract and ingest read standard input from a pipe, and on a
// terminal print their usage (exit 2). Directory walks skip hidden directories
// and node_modules-like folders (input.SkipDir). A missing or unreadable path,
// or a document over --max-doc-size (default 5 MB), is a bad input: named,
// the others processed, exit 3. Without --schema, the default schema built
// into the binary is used.
//
// ingest --shard I/N takes shard I (0 to N-1) of the documents: those whose
// id's SHA-256 (its first 8 bytes, big-endian) is I modulo N, whatever the
// files they are in. N processes given the same inputs write every document
// exactly once between them. In a Kubernetes Indexed Job, ingest without
// --shard takes I from JOB_COMPLETION_INDEX and N from --shards or
// DIPGRAPH_SHARDS. Sharded runs name their shard in the progress line and
// the summary ("shard": "I/N" and "other_shards" in --json).
//
// ingest's memory does not grow with the number of documents: the ids it
// has read (to report a duplicate id with where it was first seen) are in
// temporary files in TMPDIR (a table of 11 to 21 bytes each, and their text),
// and --memory-limit sets Go's soft memory limit (the collector works harder
// near it; never an error): auto, the default, is GOMEMLIMIT when set, else
// 120 MiB plus 9 times --max-doc-size (163 MiB); off is none; or a size
// (256MiB).
//
// Neo4j connection: --uri, --user, --password, --database, or the environment
// variables NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE. URIs are
// never printed with their user information.
//
// DIPGRAPH_CPUPROFILE=FILE writes a CPU profile of the run to FILE (go tool
// pprof reads it), for the benchmarks.
//
// Exit codes:
//
//	0    success
//	1    runtime failure (database unreachable, a write failed, a document
//	     failed on an internal error)
//	2    usage error (unknown flag or command, missing argument or query
//	     parameter, a query the cookbook lacks, help for an unknown command, no
//	     input on a terminal)
//	3    invalid schema or invalid input (the message names file, line and
//	     field; a missing path, a document over --max-doc-size, a .cypher
//	     file Neo4j rejects)
//	130  interrupted (SIGINT or SIGTERM)
package main

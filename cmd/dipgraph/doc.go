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
//	ping                       check that Neo4j answers a query
//
// INPUT is a file or directory (.txt, .md, .jsonl), or - for standard input;
// without INPUT, extract and ingest read standard input from a pipe, and on a
// terminal print their usage (exit 2). Directory walks skip hidden directories
// and node_modules-like folders (input.SkipDir). A missing or unreadable path,
// or a document over --max-doc-size (default 5 MB), is a bad input: named,
// the others processed, exit 3. Without --schema, the default schema built
// into the binary is used.
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
//	2    usage error (unknown flag or command, missing argument, no input on
//	     a terminal)
//	3    invalid schema or invalid input (the message names file, line and
//	     field; a missing path, a document over --max-doc-size)
//	130  interrupted (SIGINT or SIGTERM)
package main

// Command dipgen writes a synthetic corpus of Arabic diplomatic news articles as
// JSON Lines, for benchmarks and large regression tests.
//
// Usage:
//
//	dipgen [--seed N] [--n COUNT] [--expected] [--schema DIR] > corpus.jsonl
//
// Each line is one article: {"id", "title", "date", "text", "source", "lang"},
// the shape `dipgraph extract` and `dipgraph ingest` read. Articles are 1–6 KB
// of text: a meeting of two countries' principals or officials (every MET_WITH
// trigger of the language pack), attendees, signings and witnessed signings,
// visits, planned meetings, quotes and filler paragraphs on economic and
// cultural cooperation. Leaders are the gazetteer's office holders on the
// article's date; officials it does not know get generated names.
//
// The output depends only on --seed, --n and the schema: the same flags give the
// same bytes on every run.
//
// Flags:
//
//	--seed N      corpus seed (default 1)
//	--n COUNT     number of articles (default 1000)
//	--expected    add "expected": {"entities": [...], "relations": [...]} to each
//	              line, the facts the generator put into the text
//	--schema DIR  schema directory (default: the built-in schema)
//
// Exit codes: 0 success, 1 failure (writing), 2 usage, 3 invalid schema,
// 130 interrupted.
package main

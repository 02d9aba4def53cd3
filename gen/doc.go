// Package gen generates a synthetic corpus of Arabic diplomatic news articles
// for benchmarks and large regression tests.
//
// Every article is a pure function of the seed and its index: the same seed
// gives the same bytes on every run and machine. Words come from two places
// only: the schema (the language pack's triggers, titles, treaty, venue and
// event nouns, modality and date words; the gazetteer's countries, cities,
// venues and office holders) and the embedded templates/ar.yaml (sentence
// frames, connective glue, filler paragraphs, name parts for officials the
// gazetteer does not know). No Arabic word list is written in Go.
//
// An Article optionally carries Expected: the entities and relations the
// generator put into its text, in ids the extractor uses for gazetteer entries
// and "gen:" keys for generated ones, so a corpus doubles as a regression test.
package gen

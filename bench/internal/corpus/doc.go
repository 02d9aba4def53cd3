// Package corpus makes small extraction results for the baselines' tests: the
// first n articles of a generated corpus (package gen), extracted in process
// with the schema's default options, optionally with every document and
// entity key prefixed so that tests sharing a database keep apart, and a few
// hand-made documents (Restated).
package corpus

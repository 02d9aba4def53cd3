// Package norm folds text for matching: Arabic diacritics and tatweel removed,
// alef and hamza forms unified, ى/ي, ة/ه and Persian letters folded, Arabic-Indic
// digits made ASCII, Latin lower-cased. Folding keeps a map back to rune offsets
// in the original text, so every match can be reported where it was written.
//
// It is a leaf package: the schema, the reader and the extractor all fold with
// it, and it imports nothing of dipgraph.
package norm

// Gengazetteer writes the default gazetteer's country entries,
// schema/default/gazetteer/countries.yaml.
//
// The base of every entry (the ISO 3166 code, the English name and the Arabic
// name) comes from Unicode CLDR through golang.org/x/text/language/display, for
// every UN member state, the two UN observer states (Holy See, Palestine), Taiwan
// and Kosovo. The hand-written file country-extras.yaml adds what CLDR lacks:
// Arabic spelling variants and official long forms, nationality adjectives,
// the capital, the Wikidata QID and English name variants.
//
// Usage, from the module root:
//
//	go run ./tools/gengazetteer [-extras FILE] [-out FILE]
//
// The output is deterministic (entries sorted by id), and the package's tests
// fail when the committed countries.yaml differs from what the generator
// writes. The tests also check all five default gazetteer files together:
// strict decoding, unique ids, references, duplicate aliases and counts.
package main

// Package schema loads and validates the YAML schema mappings: node labels and
// keys, relationship types, language packs (trigger words, titles, nouns, date
// words) and the gazetteer of known entities. Load walks every file's YAML nodes
// first, reporting every problem as file:line:col: field.path: message, then
// decodes strictly into typed structures and compiles what extraction needs.
package schema

// Package schema loads and validates the YAML schema mappings: node labels and
// keys, relationship types, language packs (event frames, titles, nouns, date
// words, word lists; one pack may span several files) and the gazetteer of
// known entities. Load walks every file's YAML nodes first, reporting every
// problem as file:line:col: field.path: message, then decodes strictly into
// typed structures and compiles what extraction needs. An invalid schema gives
// Problems, which wraps ErrInvalid. The loaded Schema answers lookups built
// once at load time: Entry, Node, Rel, Lang, Aliases and Lookup (gazetteer
// names by folded form and language), Holders and HolderOn (who held an
// office). README.md documents the format for analysts.
package schema

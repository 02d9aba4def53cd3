// Package extract turns a document's text into entities, events and relations,
// each with the text spans that prove it. It is pure: no database, no network,
// no file access. Every name and word it looks for comes from the schema.
package extract

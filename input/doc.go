// Package input reads the documents that `dipgraph extract` and `dipgraph
// ingest` work on, streaming them one at a time in a deterministic order.
//
// Inputs are files, directories and "-" for standard input:
//
//   - A .txt or .md file is one document. A .jsonl file holds one document per
//     line (see below). A file named explicitly with any other extension is a
//     problem; inside a directory such files are skipped (logged at debug
//     level), as are names starting with a dot.
//   - A directory is walked recursively, entries in lexical order. It skips
//     hidden directories (.git, .cache…) and the folders tools fill with their
//     own files: node_modules, bower_components, jspm_packages, vendor,
//     __pycache__, site-packages and venv (SkipDir).
//   - "-" reads standard input once, as one text document (Options.StdinFormat
//     "text", the default) or as JSON Lines ("jsonl").
//
// Documents come out in argument order, each directory's files in sorted order,
// each JSON Lines file's lines in file order.
//
// # Text documents
//
// The text is the file's content decoded as UTF-8, with a leading byte order
// mark removed and CRLF line ends turned into LF. Source is the path as given.
// ID is stable and independent of the working directory:
//
//   - a file given as an argument: its base name without extension
//     ("news/2025/cairo.txt" → "cairo");
//   - a file found in a directory argument: its path relative to that directory,
//     slash-separated, without extension ("news" holding "2025/cairo.txt" →
//     "2025/cairo");
//   - standard input: "stdin" (Source "-").
//
// Title is the document's headline, else empty. It is the first heading
// ("# …", hashes and surrounding spaces removed; in a .txt file a space
// follows the hashes) among the first four paragraphs, or else the first line
// there that stands alone as a paragraph with text below it and reads as a
// headline: three words or more, at most 160 characters, not a dateline (a
// line whose words are numbers for a quarter or more, or that holds two
// numbers or more), not ending with a full stop, comma or colon. Datelines and
// agency lines above the headline ("القاهرة في 18 فبراير 2025 / أ ش أ /",
// "بغداد – واع"), alone or in a block of short lines, are passed over; a
// paragraph of body text ends the search.
//
// # JSON Lines
//
// Each non-blank line is a JSON object with "id" and "text" (required strings)
// and optional "title", "date", "url", "source" and "lang" strings; other fields
// are ignored. Source is the "source" field, else the file's path. Lines may be
// up to Options.MaxDocBytes long (5 MB by default), as text files may be.
//
// # Metadata
//
// Lang is the JSON "lang", else empty: the extractor then reads the document
// in the language its script names (or the one --lang gives). Date is the JSON "date" (ISO: YYYY-MM-DD,
// YYYY-MM or YYYY), else Options.Date, else empty (the extractor then reads it
// from the text). TextSHA256 is the hex SHA-256 of Text.
//
// # Problems
//
// A document that cannot be read — invalid UTF-8, an empty or binary file, an
// unreadable file, a malformed JSON line, a duplicate id — is reported as an
// Item with Err set to a *Problem (which wraps ErrInvalid) naming the file and,
// where it applies, the line and field; the other documents still go through.
// A path that does not exist or cannot be read, or is named with an unknown
// extension, is a problem too, in its turn. Only mistakes in the arguments
// themselves (no inputs, "-" twice or unavailable, a bad Options value) stop
// Read before it starts; Check finds them, and the paths' problems, without
// reading a document.
package input

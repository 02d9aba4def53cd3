package extract

// Version names the revision of the extraction rules. dipgraph ingest stores
// it, with the schema's digest, in every document's fingerprint, so documents
// written by other rules are extracted again instead of being skipped as
// unchanged. Change it whenever a change to the rules changes their output;
// TestVersion fails when the fixtures' golden output changes under the same
// schema and the same Version.
const Version = "2026-12-07.461"

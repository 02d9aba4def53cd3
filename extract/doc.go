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
//     a dateline without a year (11 ديسمبر, 4 - 3, Oct 9) takes the one year
//     the tenures of the persons named, and a weekday named, allow); persons
//     after a chain of titles (with the portfolio that completes a bare office
//     noun: وزير الإعلام; a department or portfolio after it, world regions
//     the pack names included: مدير إدارة آسيا X; a title joined by a
//     conjunction to a counterpart word is two persons, the title's holder
//     and the counterpart: وزير الخارجية ونظيره الأرجنتيني), honorifics (ranks with their grades), a
//     nationality adjective or country (a known person, a short form, a name
//     seen before, or a new 1–4 word name with a provisional key
//     person:ar-<slug>, Latin initials and particles such as جي في or فان
//     included; pronoun clauses, agreeing adjectives and particles are no
//     names); a new name set off before its title (after a comma, a list
//     lead, an honorific, a trigger, or a conjunction on a given name: up
//     to four name words, links and a name compound with the article
//     included, عبد الرحمن X نائب …، وسمير X سفير …; a short word inside a
//     foreign name, تران لو كوانغ); after a person, a portfolio opening
//     with a conjunction and the article stands for an office noun left
//     out, and the name of two words or more after it is one more holder
//     (ووزراء الخارجية X، والطاقة والموارد الطبيعية Y), and that
//     portfolio joins its holder to the list (بوزيري الصحة X والتخطيط
//     الدكتور Y); a title with no name resolves
//     to the office holder on the document date (with no date, only to the one
//     person ever known in that office, and only when that person's tenure
//     meets those of the persons the text names), or to the person the text gave that
//     office; later surnames refer back to full names, and so does a
//     link to the father's name with that name (ابن زايد after عبدالله بن
//     زايد آل نهيان; father_links) where no other person has it and no
//     name's first word stands right before it. Where names are
//     capitalised (English): a long title runs on over title links and
//     words kept out of names to a comma or to the name after them (the
//     Speaker of the Council of the Nation (Upper House), X; Minister of
//     Family and Social Services X Y); a title and one name word name the
//     gazetteer person who held that office on the date and whose name ends
//     with it (President Biden), and after a title the first word of an
//     Arabic name given in full before refers back to it (King Hamad), as
//     does the first word of a three-word name written family name first,
//     standing alone (PM Lee after Lee Hsien Loong); initials, apostrophes and hyphenated
//     syllables stay inside a name (Retno L. P. Marsudi, Ma'ruf Amin, Lee
//     In-young), and a name without its initials, or an Arabic name in
//     Latin letters one edit a word from a gazetteer person's with the same
//     links, is that person; a title that is also a given name starts a
//     name before a link (Sultan Al Shamsi); a one-word name ends its
//     clause or is styled with a country (Queen Maxima of the
//     Netherlands); a body named before its
//     acronym in parentheses, with an org noun, is an organisation, and a
//     body's name goes on over the adjectives that end a person's
//     (org_adjectives: جهاز الأمن الوطني). Venues
//     after venue nouns, or a capitalised venue noun of two words by itself
//     (at State House, at the National Convention Centre); treaty titles
//     after treaty nouns (none inside a venue's name; a noun the pack marks
//     possessed only in capitals right after a plural possessive in
//     capitals, the ASEAN Leaders’ Statement on …, and a plural possessor in
//     capitals before a noun is part of its title), quoted (after a naming
//     word of treaty_naming, the deal dubbed "X", the quoted words alone) or up to a boundary
//     (where names are capitalised, a one-word plural noun with subjects
//     after it, agreements on …, counts documents and names none; an
//     acronym in parentheses the title goes
//     on after stays inside it: a memorandum of understanding (MoU) on …,
//     and so does one inside a title in capitals: Sanitary and
//     Phytosanitary (SPS) Cooperation; a possessive ending of the pack
//     (Egypt's authority, the two countries’ relations), a number written
//     with a mark of number_marks (1.82 cusec, 50,000 houses), subjects
//     listed in small letters (on economic, trade and technical
//     cooperation) and a document the title is about (implementation of
//     the Road Transport Agreement, a MoU on Cultural Exchange Programme)
//     keep the title going; a noun with the article and a verb after it
//     (the agreement completes …) names no title, where a participle of
//     participle_endings still does (the treaty banning …), and so does a purpose
//     infinitive of treaty_infinitives after a noun in small letters that a
//     function word other than the article opens (a declaration to combat
//     invasive species); a title that reaches
//     its length inside a noun phrase goes on to the phrase's end (… in
//     the Southernmost Part of the | Melaka Straits);
//     a title in capitals goes on past a comma listing its subjects in
//     capitals: in the Fields of Sport, Culture and Heritage; after between,
//     bodies the gazetteer lacks named in capitals are the title's parties,
//     and where the article is a word, the second party goes on past a list
//     separator and the article (between Bahrain and the Philippines; …
//     and national documents and the National Library of Tajikistan), a
//     party holding a short name of two capitalised words in parentheses
//     (the Export-Import Bank of Thailand (EXIM Bank));
//     the pack's subject words in lower case before a singular noun start
//     its title, a cultural exchange programme, which names a document by
//     itself only beside a signing; capitalised words before the noun are
//     its title, over a conjunction or a hyphen between two of them: the
//     Partnership and Co-operation Agreement, the Non-Aggression Pact; a
//     represented phrase with a state or a body after it is the side signed
//     for, no title: signed the Memorandum for the United States and …;
//     a document the title implements or is annexed to, and those listed
//     with it, stay inside it: البرنامج التنفيذي لتفعيل مذكرة التفاهم …;
//     a dual noun with a second subject after a conjoined treaty lead, in
//     its title, past its comma or further on in its clause, names two
//     documents: the first up to that lead, the second by its subject, and
//     the dual's whole phrase names the second too: مذكرتي تفاهم بشأن X،
//     وفي مجال Y),
//     a noun that names no title by itself but two parties or more after
//     between, bodies the gazetteer lacks among them, named by the pack's
//     org_nouns and ending their clause, is named by those parties (مذكرة
//     تفاهم بين وزارة … ومركز …), the bodies read as organisations too and
//     kept with the title, or by the bodies of both sides, a government
//     word, its portfolio and a reference to the sides (اتفاقية بين وزارتي
//     العدل للبلدين); one
//     entity per title whatever its form in the document (a title ending with
//     its parties, بين X و Y, is also named without them).
//  4. Frames, sentence by sentence. The language pack declares each frame:
//     its event kind and scale, its CAMEO and PLOVER codes, its triggers
//     (verbs, nouns, phrases), the slots it fills and the relations its
//     slots make (schema/README.md, "frames"). The engine knows a closed set
//     of slot fillers (schema.Fillers: subject, object, after:LIST, list,
//     all, topic, principals, treaty, scope, place, event, current, signing,
//     dative, parties, carried:SLOT, possessor, list_parties) and of word-list purposes (schema.WordPurposes), and nothing
//     else of the language. A sentence is read into clauses (at clause
//     breaks; a relative clause ends at its comma and the clause before it
//     goes on), each clause into items (entities, reference words such as
//     الرئيسان or سموه) joined into groups by list joints (a name's own
//     title up to an honorific joined to a conjunction is one: X نائب رئيس
//     الوزراء والدكتور Y; so is a portfolio of a list), and each group is
//     governed by a trigger, directly, as its subject, or through a marker
//     word (with, between, on behalf of, on the sidelines of …; where names
//     are capitalised, a posting word right after a title is none: the
//     ambassador to the UAE X); a list after a copula of the pack belongs
//     to the phrase trigger opening its clause (participants at Monday's
//     meeting, at X's invitation, were A and B). Fillers read
//     those groups (a country that completes a title, or follows a
//     government word, fills no slot of countries: مع وزير التجارة
//     بماليزيا، بين حكومة جمهورية مصر; in a signing, a reference to the
//     two sides, party_refs, names no signer: ووقع الجانبان T، بين
//     الجانبين, and one of several words names the states alone, never
//     the persons of a signing or a meeting before: the two sides signed
//     T; nor does a list before a complementizer, the speaker of a
//     signing reported: وصرح X بأنه تم توقيع T); a reading states its relations when its principal slots
//     are filled and no modality word, future verb, negation or phone call
//     marks it. A bilateral event is keyed by kind, date (the first its
//     sentence writes; in the first sentence, one written after the dateline
//     or the page's date line) and principals (a
//     headline joins the dated mention); a multilateral event (summit,
//     conference, ministerial meeting) by kind, organisation or countries
//     and ordinal, and named readably ("46th Gulf Cooperation Council
//     summit"); a signing by its treaty. A reading that names its event
//     after it waits for it (شهد … توقيع and the memoranda told next), and
//     one that waited in vain for the signing of a treaty its clause names
//     after the signing noun, with no signer told, attends the signing of
//     that treaty (شهد الجانبان التوقيع على T); a
//     reading whose object is a group (استقبل عددا من السفراء) waits for the
//     group's list; a slot marked carry hands its fill to the next reading
//     of the same slot (the states or persons that signed, and the memoranda each told
//     after), documents joined by commas, conjunctions, list leads or a
//     list separator of several words (T1, as well as T2) are one list a
//     signing signs, a list of documents each told with its own parties (مذكرة …
//     بين X و Y، ومذكرة … بين Z و W) gives each party its own document only,
//     and a signing that named no treaty signs the treaties the
//     next sentences name without a signing of their own (a treaty named
//     after a later signing verb of its sentence with signers of its own is
//     that verb's alone; a signing noun after a preposition of time,
//     after the signing ceremony, names no signer). Where the pack says spouses attend
//     (spouses_attend), a person a word of spouses introduces (his wife, X;
//     First Lady X) is no principal of a meeting: the spouse attends it.
//     Where it says title_states_apart, a country named inside the title of
//     the person after it (Foreign Minister of China X signed), as the
//     possessor of that title (China's Foreign Minister X) or written right
//     before the name (the Presidents of A X and B Y) is no subject of the
//     verb: the person signs, the state does not. Where it says
//     summits_dated_ahead, a multilateral event dated only by the document
//     takes the first full day a sentence naming it writes within a
//     week after the document's date (the summit set for Feb 18 and 19).
//     Where names are written with possessive endings (possessives), a
//     multilateral marker before the event noun may end with the mark of
//     a plural possessive (the G8 Foreign Ministers' Meeting), unless a
//     reference to the principals ends there (the two leaders' meeting), and a
//     meeting is held on the sidelines of no multilateral event that a
//     relative word and a modality word follow (the APEC Leaders' Meeting
//     that will take place …): no one attends it by meeting there.
//     Where the subject comes first, a person set off by a comma after a
//     phrase that opens the sentence with a meeting noun, with a verb or a
//     report word after it, is the sentence's subject and the meeting's
//     host (Following his meeting with Y, X expressed …). A frame that
//     names appeal_marks in unless reads no event where such a word and a
//     word in small letters follow its trigger in its clause (X called on
//     Y to act).
//     Explain writes
//     the whole reading of a document.
//  5. HOLDS_OFFICE, LOCATED_IN and HELD_AT from titles and venues; PART_OF
//     from a meeting to the summit on whose sidelines it took place;
//     PARTICIPATED_IN from each principal of an event.
//  6. Learned scorers (learned.go), when the pack has some (LangPack.Roles,
//     schema/default/lang/*-roles.yaml): after the frames, every person named
//     with an event is a candidate attendee, every pair of persons of a
//     sentence a candidate meeting, every signer named near a treaty a
//     candidate signing, each described by features of a closed set of
//     templates (schema.RoleTemplates: the words around it, the pack's word
//     lists and phrases near it, the frames' events and slots). A logistic
//     model per relation type, trained on the pack's development articles
//     by eval/train_roles.sh, weighs the candidates the frames left open:
//     facts of ends the frames stated nothing of, in a sentence that names
//     an event and announces, denies or cancels none. One that reaches the
//     model's threshold is stated with the rule <lang>.learned.<type>. The
//     Arabic pack ships an ATTENDED scorer for multilateral events only:
//     beside bilateral meetings and signings, the persons it took for
//     attendees were mostly signers or bystanders; a person a phrase of
//     words.represented names (in the absence of, نيابة عن) attends
//     nothing. The English pack ships the same kind of ATTENDED scorer
//     (eval/en/README.md, "Learned scorers").
//
// A document of more than twice partRunes runes is read in parts cut at line
// ends, whose results are merged, so time and memory grow linearly with the
// document.
//
// Countries named only through an adjective (الروسي) are not entities: they
// give a person's country for office resolution and HOLDS_OFFICE, which is
// emitted only when the country itself is named in the document. This matches
// the gold annotations of the evaluation set.
package extract

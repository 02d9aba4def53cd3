package schema

// This file holds the typed form of the schema YAML: what a file may contain once
// the node walk (validate.go) has accepted it. Every YAML file under a schema
// directory is a File; Load merges all files into one Schema.

// File is the typed content of one schema YAML file. Every section is optional,
// so a project can keep node types, language packs and gazetteer entries in
// separate files.
type File struct {
	// Version is the schema format version; only 1 exists.
	Version int `yaml:"version"`
	// Source says where the entries of this file come from (a data source, an
	// article corpus, hand-written); free text, kept for provenance.
	Source string `yaml:"source,omitempty"`
	// Nodes declares node labels.
	Nodes []NodeType `yaml:"nodes,omitempty"`
	// Relationships declares relationship types.
	Relationships []RelType `yaml:"relationships,omitempty"`
	// Languages holds language packs (frames, titles, nouns, dates, word
	// lists); a pack may be split over files with the same code.
	Languages []LangPack `yaml:"languages,omitempty"`
	// Gazetteer lists known entities with their names in several scripts.
	Gazetteer []Entry `yaml:"gazetteer,omitempty"`
}

// Property types a node or relationship property may have.
const (
	TypeString     = "string"
	TypeDate       = "date"
	TypeInt        = "int"
	TypeFloat      = "float"
	TypeBool       = "bool"
	TypeStringList = "string[]"
	TypeIntList    = "int[]" // evidence offsets
)

// Property declares one property of a node or relationship type.
type Property struct {
	Name string `yaml:"name"`
	// Type is one of string, date, int, float, bool, string[], int[].
	Type string `yaml:"type"`
	// Index asks for a range index on this property (nodes and relationships).
	Index bool `yaml:"index,omitempty"`
	// Doc is a one-line description shown by `dipgraph schema show`.
	Doc string `yaml:"doc,omitempty"`
}

// NodeType declares a node label and its key.
type NodeType struct {
	// Label is the Neo4j label; it must be a safe identifier ([A-Za-z][A-Za-z0-9_]*).
	Label string `yaml:"label"`
	// Key is the property that identifies a node; it gets a uniqueness constraint.
	Key        string     `yaml:"key"`
	Properties []Property `yaml:"properties,omitempty"`
	Doc        string     `yaml:"doc,omitempty"`
}

// RelType declares a relationship type and which labels it may join.
type RelType struct {
	// Type is the Neo4j relationship type; a safe identifier in upper case.
	Type string `yaml:"type"`
	// From and To list the labels allowed at the start and end of the relationship.
	From       []string   `yaml:"from"`
	To         []string   `yaml:"to"`
	Properties []Property `yaml:"properties,omitempty"`
	// Symmetric marks relationships whose direction carries no meaning (MET_WITH):
	// writers store them once, from the lower key to the higher.
	Symmetric bool   `yaml:"symmetric,omitempty"`
	Doc       string `yaml:"doc,omitempty"`
}

// LangPack is everything the extractor needs to read one language. No word list
// of any language is written in Go: it is all here.
type LangPack struct {
	// Code is the BCP 47 language code (ar, en, fa…).
	Code string `yaml:"code"`
	Name string `yaml:"name,omitempty"`
	// Script is the Unicode script the language is written in (Arabic,
	// Latin, Cyrillic…): a document that names no language is read with the
	// pack whose script most of its letters are in.
	Script string `yaml:"script,omitempty"`
	// KeyPrefix starts the provisional keys of the entities the gazetteer
	// lacks, before the slug of their name as written (person:ar-<slug>).
	// Empty for a script whose slugs are already the gazetteer's form
	// (person:joao-lourenco), so that an entry added later takes the same key.
	KeyPrefix string `yaml:"key_prefix,omitempty"`
	// Capitalised says that names are written with a capital first letter:
	// a word that starts with a small letter never begins or continues a
	// person's name the gazetteer lacks.
	Capitalised bool `yaml:"capitalised,omitempty"`
	// QualifiersFirst says that a nationality adjective or a country's name
	// qualifies the title after it (Egyptian President X, Egypt's President
	// X), not the one before it (الرئيس المصري).
	QualifiersFirst bool `yaml:"qualifiers_first,omitempty"`
	// Hyphenated says that a hyphen written with no space may join the
	// words of a name or phrase the pack or gazetteer gives with a space or
	// none (el-Sisi, Kassym-Jomart).
	Hyphenated bool `yaml:"hyphenated,omitempty"`
	// SubjectFirst says that a clause's subject comes before its verb
	// (X met Y): the list right after a verb is never its subject, as it
	// may be where the verb comes first (التقى X Y).
	SubjectFirst bool `yaml:"subject_first,omitempty"`
	// SigningsApart says that the signing of documents only counted,
	// witnessed by the principals of talks held before it, is an event of
	// its own that they attend; without it those documents are part of
	// their meeting and the principals attend nothing more. With it, those
	// present at a signing or talks of their own are taken for witnesses of
	// the signing, and a signing told again in a later sentence ("The MoU
	// was signed by X and Y.") is the one those present in the next
	// sentence attend.
	SigningsApart bool `yaml:"signings_apart,omitempty"`
	// SpousesAttend says that a spouse named beside a principal of a
	// meeting (his wife X, First Lady X, X and his wife, Y) attends the
	// meeting and is none of its principals.
	SpousesAttend bool `yaml:"spouses_attend,omitempty"`
	// TitleStatesApart says that a country named inside the title of the
	// person after it (Foreign Minister of China X signed …) is no subject
	// of the verb: the person is, the state is only the person's.
	TitleStatesApart bool `yaml:"title_states_apart,omitempty"`
	// SummitsDatedAhead says that a summit told before it opens takes the
	// day a later sentence gives it, when that day comes in the week after
	// the document's (the summit set for Feb 18 and 19, in a page of Feb
	// 17): the attendances told are of those days.
	SummitsDatedAhead bool `yaml:"summits_dated_ahead,omitempty"`
	// Article is the definite article when it is a word of its own (the);
	// a language whose article is written joined to the word gives it among
	// the proclitics (ال).
	Article string `yaml:"article,omitempty"`
	// Proclitics are the prefixes that may attach to a name or word
	// (و ف ب ل ك ال لل …), tried longest first.
	Proclitics []string `yaml:"proclitics,omitempty"`
	// Frames are the event frames: what evokes each kind of event and how
	// its slots are filled (frames.go).
	Frames []Frame `yaml:"frames,omitempty"`
	// Titles introduce a person: الرئيس، رئيس الوزراء، وزير الخارجية…
	Titles []Title `yaml:"titles,omitempty"`
	// OfficePairs name the holders of one office in two countries together
	// (وزيرا خارجية البلدين): the two countries are those of the document.
	OfficePairs []OfficePair `yaml:"office_pairs,omitempty"`
	// TreatyNouns introduce the title of a treaty, agreement or statement.
	TreatyNouns []TreatyNoun `yaml:"treaty_nouns,omitempty"`
	// VenueNouns introduce the name of a venue (قاعة، قصر، مقر…).
	VenueNouns []string `yaml:"venue_nouns,omitempty"`
	// Events maps an event kind (talks, meeting, state_visit, summit,
	// signing_ceremony, welcome_ceremony, banquet, press_conference) to the nouns
	// that name it in text.
	Events map[string][]string `yaml:"events,omitempty"`
	// Multilateral lists the event kinds (keys of Events) whose phrases name
	// a multilateral event when an organisation, an ordinal, a marker or two
	// nationalities qualify them.
	Multilateral []string `yaml:"multilateral,omitempty"`
	// MultilateralAlways lists the kinds whose bare definite noun (القمة,
	// the summit) names the multilateral event of the organisation the
	// document names, when no such event was named before.
	MultilateralAlways []string `yaml:"multilateral_always,omitempty"`
	// Ordinals maps numbers to ordinal words in every gender (الأول، الأولى،
	// الخامسة والثلاثين), read in the names of events (the 35th summit) and of
	// documents (the second memorandum).
	Ordinals map[int][]string `yaml:"ordinals,omitempty"`
	// Modality lists words that mark a planned or expected, not a past, event.
	Modality []string `yaml:"modality,omitempty"`
	// References are the short forms that refer back to entities already named:
	// the two principals (الرئيسان), the two sides (الجانبان), the speaker (من جانبه).
	References map[string][]string `yaml:"references,omitempty"`
	// Dates holds month names, weekday names, ordinal words and relative
	// expressions used to read dates.
	Dates DateWords `yaml:"dates,omitempty"`
	// Words holds the word lists the extractor reads, by purpose: the keys
	// are the closed set WordPurposes (frames.go).
	Words map[string][]string `yaml:"words,omitempty"`
	// Roles holds the learned scorers of candidate facts, by relation type
	// (roles.go). A pack with none states only what its frames state.
	Roles map[string]RoleWeights `yaml:"roles,omitempty"`
}

// Title is a word or phrase that introduces a person and names their office.
type Title struct {
	Phrase string `yaml:"phrase"`
	// Role is the canonical office name (President, Prime Minister, Foreign Minister).
	Role string `yaml:"role"`
	// Principal marks titles of heads of state or government, whose holders are
	// the principals of a meeting.
	Principal bool `yaml:"principal,omitempty"`
	// Country is the gazetteer id of the country a title names by itself, a
	// style only one state's office holder bears (خادم الحرمين الشريفين: the
	// Saudi king): its holder is found without a country in the text.
	Country string `yaml:"country,omitempty"`
}

// OfficePair is a dual title: the holders of an office in the two countries
// the document is about.
type OfficePair struct {
	Phrase string `yaml:"phrase"`
	// Roles name the office, as titles and gazetteer offices do (Minister of
	// Foreign Affairs, Foreign Minister); the first that has a holder counts.
	Roles []string `yaml:"roles"`
}

// TreatyNoun introduces a treaty title and says what kind of document it is.
type TreatyNoun struct {
	Phrase string `yaml:"phrase"`
	// Kind is treaty, agreement, joint_statement, memorandum, declaration, protocol.
	Kind string `yaml:"kind"`
	// Possessed marks a noun that names a document only when written in
	// capitals right after a plural possessive in capitals (the ASEAN
	// Leaders’ Statement); anywhere else it is no treaty noun (said in a
	// statement).
	Possessed bool `yaml:"possessed,omitempty"`
}

// DateWords holds the words needed to read dates in one language.
type DateWords struct {
	// Months maps a month number (1..12) to its names (Egyptian and Levantine forms).
	Months map[int][]string `yaml:"months,omitempty"`
	// Weekdays maps an ISO weekday number (1 = Monday .. 7 = Sunday) to its names.
	Weekdays map[int][]string `yaml:"weekdays,omitempty"`
	// Ordinals maps a day number to ordinal words (الخامس → 5).
	Ordinals map[int][]string `yaml:"ordinals,omitempty"`
	// Relative maps a day offset from the document date to words (0: اليوم،
	// -1: أمس، 1: غدا).
	Relative map[int][]string `yaml:"relative,omitempty"`
	// Parts are parts of the day that may precede a date (صباح، مساء، ظهر).
	Parts []string `yaml:"parts,omitempty"`
	// Year and Day are the words that may stand before a year or day number (عام،
	// سنة، يوم).
	Year []string `yaml:"year,omitempty"`
	Day  []string `yaml:"day,omitempty"`
	// YearFirst says that a four-digit year joined by dashes to two numbers
	// is one full date, year first (2024-10-07): its month and day are no
	// dateline without a year.
	YearFirst bool `yaml:"year_first,omitempty"`
}

// Entity types of gazetteer entries and extracted entities.
const (
	Person       = "Person"
	Country      = "Country"
	City         = "City"
	Venue        = "Venue"
	Organization = "Organization"
	Treaty       = "Treaty"
	Event        = "Event"
	Document     = "Document"
)

// Entry is one known entity in the gazetteer.
type Entry struct {
	// ID is the stable key: "<kind>:<slug>", for example person:xi-jinping,
	// country:cn (ISO 3166 alpha-2, lower case), city:beijing, org:sco,
	// venue:great-hall-of-the-people.
	ID string `yaml:"id"`
	// Type is one of the entity types above (Person, Country, City, Venue,
	// Organization, Treaty).
	Type string `yaml:"type"`
	// Name is the canonical English name.
	Name string `yaml:"name"`
	// Wikidata is the optional Wikidata QID (Q15031).
	Wikidata string `yaml:"wikidata,omitempty"`
	// Names lists names and spelling variants by language code; every one matches
	// on its own.
	Names map[string][]string `yaml:"names,omitempty"`
	// Short lists short forms by language (شي for Xi Jinping) that match only
	// after a title or once the full name appeared in the same document.
	Short map[string][]string `yaml:"short,omitempty"`
	// Abbreviations (BRICS, SCO) match as written, in any language.
	Abbreviations []string `yaml:"abbreviations,omitempty"`
	// Adjectives lists a country's nationality adjectives by language, masculine
	// and feminine (الصيني، الصينية).
	Adjectives map[string][]string `yaml:"adjectives,omitempty"`
	// ISO2 is a country's ISO 3166-1 alpha-2 code.
	ISO2 string `yaml:"iso2,omitempty"`
	// Country is the id of a person's, city's or organisation's country.
	Country string `yaml:"country,omitempty"`
	// City is the id of a venue's city.
	City string `yaml:"city,omitempty"`
	// Capital is the id of a country's capital city.
	Capital string `yaml:"capital,omitempty"`
	// Offices lists a person's offices with their dates.
	Offices []Office `yaml:"offices,omitempty"`
	// References lists, by language, words that refer to the entry only in a
	// document about it (المملكة for Saudi Arabia, Morocco, Jordan or
	// Bahrain): several entries may share one, and the extractor takes it only
	// where the document's other names, people and places single one out.
	References map[string][]string `yaml:"references,omitempty"`
	// Ambiguous allows an alias of this entry to be shared with another entry of
	// the same type; such aliases only match with supporting context.
	Ambiguous bool `yaml:"ambiguous,omitempty"`
	// Kind refines the type (for treaties: treaty, joint_statement…; for
	// organisations: intergovernmental, party, military…).
	Kind string `yaml:"kind,omitempty"`
}

// Office is one office a person held.
type Office struct {
	// Role is the canonical office name, as in Title.Role.
	Role string `yaml:"role"`
	// Country is the id of the country the office belongs to (or empty for an
	// organisation's office).
	Country string `yaml:"country,omitempty"`
	// Org is the id of the organisation the office belongs to (UN Secretary-General).
	Org string `yaml:"org,omitempty"`
	// Start and End are ISO dates (YYYY-MM-DD, YYYY-MM or YYYY); End is empty
	// while the office is held.
	Start string `yaml:"start"`
	End   string `yaml:"end,omitempty"`
}

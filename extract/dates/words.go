package dates

import (
	"sort"

	"github.com/dipgraph/dipgraph/norm"
	"github.com/dipgraph/dipgraph/schema"
)

// kind is what a phrase of the word lists means.
type kind int

const (
	kMonth kind = iota
	kWeekday
	kOrdinal
	kRelative
	kPart
	kYear
	kDay
	kPast
	kNext
	kMonthNoun
)

// Keys of the extra word lists an Option may add (from a language pack's words
// section).
const (
	// WordsPast follow a weekday, month noun or year word to mean the previous
	// one (الماضي، الماضية، المنصرم).
	WordsPast = "date_past"
	// WordsNext follow a weekday, month noun or year word to mean the next one
	// (المقبل، القادم).
	WordsNext = "date_next"
	// WordsMonthNoun are the words for "the month" (الشهر), read with WordsPast
	// and WordsNext.
	WordsMonthNoun = "date_month"
)

// phrase is one compiled word or multi-word phrase.
type phrase struct {
	words []string // folded tokens
	kind  kind
	value int
}

// dict finds phrases by their first folded token, longest first: index maps
// a first word to its group of phrases.
type dict struct {
	index  map[string]int32
	groups [][]phrase
	// maybe has the bit filterHash(w) set for every first word w, so most
	// words are known not to be first words without a map lookup.
	maybe [filterBits / 64]uint64
	// reach bounds how many tokens after its first one the parser may read
	// or count for one expression: with phrases of at most w words, parse
	// reads no further than 10w+8 tokens on (ten phrases and eight numbers or
	// punctuation runes); reach leaves a margin over that.
	reach int
}

func (d *dict) add(k kind, value int, text string) {
	words := tokenWords(norm.Fold(text))
	if len(words) == 0 {
		return
	}
	h := filterHash(words[0])
	d.maybe[h/64] |= 1 << (h % 64)
	g, ok := d.index[words[0]]
	if !ok {
		g = int32(len(d.groups))
		d.index[words[0]] = g
		d.groups = append(d.groups, nil)
	}
	d.groups[g] = append(d.groups[g], phrase{words: words, kind: k, value: value})
	d.reach = max(d.reach, 12*len(words)+12)
}

func (d *dict) addMap(k kind, m map[int][]string) {
	for v, list := range m {
		for _, s := range list {
			d.add(k, v, s)
		}
	}
}

func (d *dict) addList(k kind, list []string) {
	for _, s := range list {
		d.add(k, 0, s)
	}
}

// sort orders every entry longest first, then by kind and value, so matching
// is deterministic whatever the map order the words came in.
func (d *dict) sort() {
	for _, ps := range d.groups {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if len(a.words) != len(b.words) {
				return len(a.words) > len(b.words)
			}
			if a.kind != b.kind {
				return a.kind < b.kind
			}
			return a.value < b.value
		})
	}
}

func compile(w schema.DateWords, extra map[string][]string) *dict {
	d := &dict{index: map[string]int32{}, reach: 24}
	d.addMap(kMonth, w.Months)
	d.addMap(kWeekday, w.Weekdays)
	d.addMap(kOrdinal, w.Ordinals)
	d.addMap(kRelative, w.Relative)
	d.addList(kPart, w.Parts)
	d.addList(kYear, w.Year)
	d.addList(kDay, w.Day)
	d.addList(kPast, extra[WordsPast])
	d.addList(kNext, extra[WordsNext])
	d.addList(kMonthNoun, extra[WordsMonthNoun])
	d.sort()
	return d
}

// tokenWords splits folded text into the token strings the scanner produces.
func tokenWords(folded string) []string {
	rs := []rune(folded)
	str := string(rs)
	toks := scan(rs, str, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = str[t.bs:t.be]
	}
	return out
}

// filterBits is the size of dict.maybe.
const filterBits = 1 << 12

// filterHash is a cheap hash of a token's length and a few of its bytes.
func filterHash(s string) uint32 {
	n := len(s)
	h := uint32(n)
	if n > 0 {
		h = h*131 + uint32(s[n-1])
		h = h*131 + uint32(s[n/2])
		h = h*131 + uint32(s[(n-1)/3])
	}
	return h % filterBits
}

// lookup returns the group of phrases whose first word is w, or -1.
func (d *dict) lookup(w string) int32 {
	h := filterHash(w)
	if d.maybe[h/64]&(1<<(h%64)) == 0 {
		return -1
	}
	if g, ok := d.index[w]; ok {
		return g
	}
	return -1
}

package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// fillerKind is one of the slot fillers of schema.Fillers.
type fillerKind uint8

const (
	fSubject fillerKind = iota
	fObject
	fAfter
	fList
	fAll
	fTopic
	fPrincipals
	fTreaty
	fScope
	fPlace
	fEvent
	fCurrent
	fSigning
	fDative
	fAntecedent
	fSidelines
	fTitleParties
	fCountedSigning
	fCarried
	fPossessor
	fListParties
	nFillers
)

// fillerName names the fillers as the language pack writes them.
var fillerName = [nFillers]string{
	fSubject: "subject", fObject: "object", fAfter: "after", fList: "list", fAll: "all",
	fTopic: "topic", fPrincipals: "principals", fTreaty: "treaty", fScope: "scope",
	fPlace: "place", fEvent: "event", fCurrent: "current", fSigning: "signing",
	fDative: "dative", fAntecedent: "antecedent", fSidelines: "sidelines",
	fTitleParties: "parties", fCountedSigning: "counted_signing", fCarried: "carried",
	fPossessor: "possessor", fListParties: "list_parties",
}

// filler is one filler of a slot, with the word list of after:LIST or the
// slot of carried:SLOT.
type filler struct {
	kind fillerKind
	list list
	slot string
}

// typeMask is a set of entity types a slot takes.
type typeMask uint8

const (
	tPerson typeMask = 1 << iota
	tCountry
	tOrganization
	tCity
	tTreaty
	tEvent
)

var typeBits = map[string]typeMask{
	schema.Person: tPerson, schema.Country: tCountry, schema.Organization: tOrganization,
	schema.City: tCity, schema.Treaty: tTreaty, schema.Event: tEvent,
}

// typeBit is typeBits[typ], answered by a switch: the fillers ask it for
// every item they read.
func typeBit(typ string) typeMask {
	switch typ {
	case schema.Person:
		return tPerson
	case schema.Country:
		return tCountry
	case schema.Organization:
		return tOrganization
	case schema.City:
		return tCity
	case schema.Treaty:
		return tTreaty
	case schema.Event:
		return tEvent
	}
	return 0
}

// cslot is a slot of a compiled frame.
type cslot struct {
	name     string
	fill     []filler
	types    typeMask
	notKinds []string
	carry    bool
}

// sidelines reports a slot filled only with the event a meeting is held on
// the sidelines of: the attendance it makes is its principals'.
func (s cslot) sidelines() bool {
	for _, f := range s.fill {
		if f.kind != fSidelines {
			return false
		}
	}
	return len(s.fill) > 0
}

// crel is a relation of a compiled frame; from, to and among index slots
// (-1: none; slotEvent: the frame's event).
type crel struct {
	typ             string
	from, to, among int
	viaCountry      bool
}

// slotEvent stands for the frame's event in a crel.
const slotEvent = -2

// cframe is a frame of the language pack, compiled.
type cframe struct {
	*schema.Frame
	slots      []cslot
	principals []int
	rels       []crel
	requires   []list
	unless     []list
	// attach is the slot filled with an event read elsewhere (event, current,
	// signing), for frames with no event of their own; -1 otherwise.
	attach       int
	multilateral bool
	confidence   float64
	// rule names the frame in the relations it states: the pack's code and
	// the frame's id ("ar.meeting").
	rule string
}

// slot returns the index of the slot named name, or -1.
func (f *cframe) slot(name string) int {
	for i, s := range f.slots {
		if s.name == name {
			return i
		}
	}
	if name == "event" {
		return slotEvent
	}
	return -1
}

// Trigger forms: how a frame's phrase is read.
const (
	formVerb   = "verb"
	formNoun   = "noun"
	formPhrase = "phrase"
)

// compileFrames compiles the pack's frames. The schema loader has checked
// every name against the vocabulary; an error here means the two disagree.
func compileFrames(lang *schema.LangPack) ([]*cframe, error) {
	var out []*cframe
	for i := range lang.Frames {
		f := &lang.Frames[i]
		cf := &cframe{Frame: f, attach: -1, multilateral: f.Scale == "multilateral", confidence: f.Confidence, rule: lang.Code + "." + f.ID}
		if cf.confidence == 0 {
			cf.confidence = 0.7
		}
		for _, name := range sortedSlotNames(f.Slots) {
			s := f.Slots[name]
			cs := cslot{name: name, notKinds: s.NotKinds, carry: s.Carry}
			for _, t := range s.Types {
				cs.types |= typeBits[t]
			}
			if cs.types == 0 {
				cs.types = tPerson
			}
			for _, fl := range s.Fill {
				k, arg, _ := strings.Cut(fl, ":")
				kind := fillerKind(slices.Index(fillerName[:], k))
				if int(kind) < 0 || kind >= nFillers {
					return nil, fmt.Errorf("frame %s: unknown filler %q", f.ID, fl)
				}
				c := filler{kind: kind}
				if kind == fAfter {
					l, ok := listOf(arg)
					if !ok {
						return nil, fmt.Errorf("frame %s: unknown word list %q", f.ID, arg)
					}
					c.list = l
				}
				if kind == fCarried {
					if s, ok := f.Slots[arg]; !ok || !s.Carry {
						return nil, fmt.Errorf("frame %s: filler %q names no carrying slot of the frame", f.ID, fl)
					}
					c.slot = arg
				}
				if kind == fEvent || kind == fCurrent || kind == fSigning || kind == fSidelines || kind == fCountedSigning {
					cs.types = tEvent
				}
				cs.fill = append(cs.fill, c)
			}
			out := len(cf.slots)
			if cs.types == tEvent && f.Event == "" {
				cf.attach = out
			}
			cf.slots = append(cf.slots, cs)
		}
		for _, p := range f.Principals {
			cf.principals = append(cf.principals, cf.slot(p))
		}
		for _, r := range f.Relations {
			cr := crel{typ: r.Type, from: -1, to: -1, among: -1, viaCountry: r.Via == "country"}
			if r.From != "" {
				cr.from = cf.slot(r.From)
			}
			if r.To != "" {
				cr.to = cf.slot(r.To)
			}
			if r.Among != "" {
				cr.among = cf.slot(r.Among)
			}
			cf.rels = append(cf.rels, cr)
		}
		for _, name := range f.Requires {
			l, ok := listOf(name)
			if !ok {
				return nil, fmt.Errorf("frame %s: unknown word list %q", f.ID, name)
			}
			cf.requires = append(cf.requires, l)
		}
		for _, name := range f.Unless {
			l, ok := listOf(name)
			if !ok {
				return nil, fmt.Errorf("frame %s: unknown word list %q", f.ID, name)
			}
			cf.unless = append(cf.unless, l)
		}
		out = append(out, cf)
	}
	return out, nil
}

// sortedSlotNames orders a frame's slots so that each filler reads what the
// ones before it took: subjects before objects, persons before the rest.
func sortedSlotNames(slots map[string]schema.Slot) []string {
	rank := func(s schema.Slot) int {
		if len(s.Fill) == 0 {
			return 9
		}
		switch k, _, _ := strings.Cut(s.Fill[0], ":"); k {
		case "subject":
			return 0
		case "principals", "topic":
			return 1
		case "object", "list", "all":
			return 3
		case "after":
			return 2
		}
		return 5
	}
	names := sortedKeys(slots)
	slices.SortStableFunc(names, func(a, b string) int { return rank(slots[a]) - rank(slots[b]) })
	return names
}

// evokes lists, for a trigger phrase of the lexicon, the frames it evokes in
// pack order and the form it has in each.
type evokes struct {
	frame int
	form  string
}

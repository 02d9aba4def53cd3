package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"
)

// partRunes is the size, in runes, of the parts a long document is read in.
// A news article is a few thousand runes; a document many times longer is a
// file of many articles (an archive, a digest), whose references (نظيره،
// الاتفاقية، سموه) never reach across tens of thousands of runes. Reading it
// in parts of about this size, cut at line ends, keeps the time and memory
// of extraction linear in the document's size.
const partRunes = 24000

// partsOf cuts text into parts of about partRunes runes at line ends (or,
// in a line longer than that, at a space), returning each part's text and
// its rune offset. A text shorter than twice partRunes is one part.
func partsOf(text string) (parts []string, offsets []int) {
	if len(text) < 2*partRunes || utf8.RuneCountInString(text) < 2*partRunes { // no rune is shorter than a byte
		return []string{text}, []int{0}
	}
	start, startRune := 0, 0
	runes, lastCut, lastCutRune, lastSpace, lastSpaceRune := 0, -1, 0, -1, 0
	for i, r := range text {
		if runes-startRune >= partRunes {
			cut, cutRune := lastCut, lastCutRune
			if cut <= start {
				cut, cutRune = lastSpace, lastSpaceRune
			}
			if cut <= start {
				cut, cutRune = i, runes // one word longer than a part
			}
			parts, offsets = append(parts, text[start:cut]), append(offsets, startRune)
			start, startRune = cut, cutRune
		}
		switch r {
		case '\n':
			lastCut, lastCutRune = i+1, runes+1
		case ' ':
			lastSpace, lastSpaceRune = i+1, runes+1
		}
		runes++
	}
	if start < len(text) {
		parts, offsets = append(parts, text[start:]), append(offsets, startRune)
	}
	return parts, offsets
}

// extractParts reads a long document part by part and merges the parts'
// results: one entity per id (mentions and aliases joined, the first part's
// properties first), one relation per fact (the best evidence kept, as
// within a part), every span in the whole document's offsets. The first
// part's date (its dateline) dates the others.
func (x *Extractor) extractParts(doc document.Document, parts []string, offsets []int) Result {
	var out Result
	started := false
	entities := map[string]int{}
	relations := map[string]int{}
	for k, text := range parts {
		if strings.TrimSpace(text) == "" {
			continue
		}
		part := doc
		part.Text = text
		if k > 0 && out.Document.Date != "" {
			part.Date = out.Document.Date
		}
		res := x.extractOne(part)
		shift := offsets[k]
		if !started {
			started = true
			out.Document = doc
			out.Document.Date = res.Document.Date
		}
		for _, e := range res.Entities {
			for i := range e.Mentions {
				e.Mentions[i].Start += shift
				e.Mentions[i].End += shift
			}
			j, ok := entities[e.ID]
			if !ok {
				entities[e.ID] = len(out.Entities)
				out.Entities = append(out.Entities, e)
				continue
			}
			m := &out.Entities[j]
			m.Mentions = append(m.Mentions, e.Mentions...)
			m.Aliases = slices.Compact(slices.Sorted(slices.Values(append(m.Aliases, e.Aliases...))))
			for key, v := range e.Properties {
				if _, has := m.Properties[key]; !has {
					if m.Properties == nil {
						m.Properties = map[string]any{}
					}
					m.Properties[key] = v
				}
			}
		}
		out.Candidates = append(out.Candidates, res.Candidates...)
		for _, rel := range res.Relations {
			rel.Evidence.Start += shift
			rel.Evidence.End += shift
			key := factKey(rel)
			if j, ok := relations[key]; ok {
				if betterEvidence(rel, out.Relations[j]) {
					out.Relations[j].Evidence, out.Relations[j].Rule, out.Relations[j].Confidence = rel.Evidence, rel.Rule, rel.Confidence
				}
				continue
			}
			relations[key] = len(out.Relations)
			out.Relations = append(out.Relations, rel)
		}
	}
	if !started {
		out.Document = doc
	}
	if out.Entities == nil {
		out.Entities = []Entity{}
	}
	if out.Relations == nil {
		out.Relations = []Relation{}
	}
	slices.SortStableFunc(out.Entities, func(a, b Entity) int { return cmp.Compare(firstStart(a), firstStart(b)) })
	return out
}

// factKey identifies a relation as relateRule does: its type, ends (in
// either order for MET_WITH), date and event.
func factKey(rel Relation) string {
	from, to := rel.From, rel.To
	if rel.Type == "MET_WITH" && to < from {
		from, to = to, from
	}
	return rel.Type + "|" + from + "|" + to + "|" + str(rel.Properties["date"]) + "|" + str(rel.Properties["event"])
}

// firstStart is where an entity is first named; one named nowhere (an event)
// sorts last.
func firstStart(e Entity) int {
	if len(e.Mentions) == 0 {
		return int(^uint(0) >> 1)
	}
	return e.Mentions[0].Start
}

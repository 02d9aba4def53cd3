package extract

import (
	"fmt"
	"sort"
	"strings"
)

// scenarioRels are the relation types a scenario holds complete: unless the
// file says partial, every one found must be a fact of the file.
var scenarioRels = map[string]bool{"MET_WITH": true, "SIGNED": true, "ATTENDED": true}

// resultIndex finds a result's entities by id and by the names a fact uses.
type resultIndex struct {
	res  Result
	byID map[string]Entity
}

func newResultIndex(res Result) resultIndex {
	ix := resultIndex{res: res, byID: map[string]Entity{}}
	for _, e := range res.Entities {
		ix.byID[e.ID] = e
	}
	return ix
}

// is reports whether the entity id is the one a fact names: by its name, an
// alias or a mention, compared as score.py compares them (FORMAT.md §3).
func (ix resultIndex) is(id, name string) bool {
	if name == "*" {
		return true
	}
	e, ok := ix.byID[id]
	if !ok {
		return scoreNorm(id) == scoreNorm(name)
	}
	return predNames(e)[scoreNorm(name)]
}

// date is a relation's date, else its event's.
func (ix resultIndex) date(r Relation) string {
	if d, ok := r.Properties["date"].(string); ok && d != "" {
		return d
	}
	if ev, ok := r.Properties["event"].(string); ok {
		if d, ok := ix.byID[ev].Properties["date"].(string); ok {
			return d
		}
	}
	d, _ := ix.byID[r.To].Properties["date"].(string)
	return d
}

// venue is a relation's venue (an entity id or a plain name), else "".
func (ix resultIndex) venue(r Relation) string {
	v, _ := r.Properties["venue"].(string)
	return v
}

// ends reports whether a relation joins the ends a fact names, whatever its date.
func (ix resultIndex) ends(f fact, r Relation) bool {
	if r.Type != f.typ {
		return false
	}
	switch f.typ {
	case "MET_WITH":
		return ix.is(r.From, f.a) && ix.is(r.To, f.b) || ix.is(r.From, f.b) && ix.is(r.To, f.a)
	case "ATTENDED":
		return ix.is(r.From, f.a)
	default:
		return ix.is(r.From, f.a) && ix.is(r.To, f.b)
	}
}

// name is how a relation's end is written in a report: the entity's name,
// with its first mention when that differs.
func (ix resultIndex) name(id string) string {
	e, ok := ix.byID[id]
	if !ok {
		return id
	}
	if e.Type == "Event" {
		kind, _ := e.Properties["kind"].(string)
		return "<" + kind + ">"
	}
	if len(e.Mentions) > 0 && scoreNorm(e.Mentions[0].Text) != scoreNorm(e.Name) {
		return e.Name + " (" + e.Mentions[0].Text + ")"
	}
	return e.Name
}

// format writes a relation as a fact line, with the rule that stated it.
func (ix resultIndex) format(r Relation) string {
	var s string
	switch r.Type {
	case "MET_WITH":
		s = fmt.Sprintf("MET_WITH %s | %s", ix.name(r.From), ix.name(r.To))
	case "ATTENDED":
		s = fmt.Sprintf("ATTENDED %s -> %s", ix.name(r.From), ix.name(r.To))
	default:
		s = fmt.Sprintf("%s %s -> %s", r.Type, ix.name(r.From), ix.name(r.To))
	}
	if d := ix.date(r); d != "" {
		s += " @" + d
	}
	return s + "   [" + r.Rule + "]"
}

// checkScenario compares a result with a scenario's facts and returns every
// problem: facts missing, NOT facts found, and (unless the scenario is
// partial) MET_WITH, SIGNED and ATTENDED relations that no fact names.
func checkScenario(sc scenario, res Result) []string {
	ix := newResultIndex(res)
	used := make([]bool, len(res.Relations))
	var probs []string
	for _, f := range sc.facts {
		if f.typ == "ENTITY" {
			if p := ix.checkEntity(f); p != "" {
				probs = append(probs, p)
			}
			continue
		}
		var hits, dated []int
		for i, r := range res.Relations {
			if !ix.ends(f, r) {
				continue
			}
			hits = append(hits, i)
			if (f.date == "" || ix.date(r) == f.date) && (f.venue == "" || ix.is(ix.venue(r), f.venue)) {
				dated = append(dated, i)
			}
		}
		switch f.mode {
		case want:
			switch {
			case len(dated) > 0:
			case len(hits) > 0 && f.venue != "":
				var vs []string
				for _, i := range hits {
					vs = append(vs, "@"+ix.date(res.Relations[i])+" at:"+ix.name(ix.venue(res.Relations[i])))
				}
				probs = append(probs, fmt.Sprintf("line %d: wrong date or venue: %s (found %s)", f.line, f, strings.Join(vs, ", ")))
			case len(hits) > 0:
				var ds []string
				for _, i := range hits {
					ds = append(ds, "@"+ix.date(res.Relations[i]))
				}
				probs = append(probs, fmt.Sprintf("line %d: wrong date: %s (found %s)", f.line, f, strings.Join(ds, ", ")))
			default:
				probs = append(probs, fmt.Sprintf("line %d: missing: %s", f.line, f))
			}
			for _, i := range hits {
				used[i] = true
			}
		case optional:
			for _, i := range hits {
				used[i] = true
			}
		case wantNot:
			for _, i := range dated {
				probs = append(probs, fmt.Sprintf("line %d: found though NOT: %s", f.line, ix.format(res.Relations[i])))
			}
		}
	}
	if !sc.partial {
		for i, r := range res.Relations {
			if scenarioRels[r.Type] && !used[i] {
				probs = append(probs, "unexpected: "+ix.format(r))
			}
		}
	}
	return probs
}

// checkEntity checks an ENTITY fact: an entity of the type whose canonical
// name is the one given (so a title or honorific kept in a name fails), or
// with NOT, no entity of the type known by that name at all.
func (ix resultIndex) checkEntity(f fact) string {
	var same []string
	for _, e := range ix.res.Entities {
		if e.Type != f.a {
			continue
		}
		switch {
		case f.mode == wantNot && predNames(e)[scoreNorm(f.b)]:
			return fmt.Sprintf("line %d: found though NOT: %s %s (%s)", f.line, e.Type, e.Name, e.ID)
		case f.mode == want && scoreNorm(e.Name) == scoreNorm(f.b):
			return ""
		case f.mode == want:
			same = append(same, e.Name)
		}
	}
	if f.mode == wantNot {
		return ""
	}
	sort.Strings(same)
	return fmt.Sprintf("line %d: missing: %s (%s entities: %s)", f.line, f, f.a, strings.Join(same, "; "))
}

// foundRelations lists the MET_WITH, SIGNED, ATTENDED and VISITED relations
// of a result as fact lines, for a failure report.
func foundRelations(res Result) string {
	ix := newResultIndex(res)
	var out []string
	for _, r := range res.Relations {
		if scenarioRels[r.Type] || r.Type == "VISITED" {
			out = append(out, "    "+ix.format(r))
		}
	}
	if len(out) == 0 {
		return "    (none)"
	}
	return strings.Join(out, "\n")
}

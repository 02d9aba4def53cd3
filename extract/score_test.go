package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// This file ports the matching rules of ../shared/eval/score.py (FORMAT.md §3)
// so that the fixture test can hold every document to an F1 floor.

type goldEntity struct {
	Type     string   `yaml:"type"`
	Name     string   `yaml:"name"`
	Aliases  []string `yaml:"aliases"`
	Optional bool     `yaml:"optional"`
}

type goldRelation struct {
	Type     string   `yaml:"type"`
	Between  []string `yaml:"between"`
	From     string   `yaml:"from"`
	To       string   `yaml:"to"`
	Date     any      `yaml:"date"`
	Optional bool     `yaml:"optional"`
}

type gold struct {
	Doc       string         `yaml:"doc"`
	Entities  []goldEntity   `yaml:"entities"`
	Relations []goldRelation `yaml:"relations"`
}

var (
	scoredTypes = map[string]bool{"Person": true, "Country": true, "City": true, "Venue": true, "Organization": true, "Treaty": true}
	scoredRels  = map[string]bool{"MET_WITH": true, "SIGNED": true, "ATTENDED": true}
	diacritics  = regexp.MustCompile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
	quoteChars  = regexp.MustCompile(`["'“”«»()\[\]]`)
	alefs       = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه")
)

func scoreNorm(s string) string {
	s = alefs.Replace(diacritics.ReplaceAllString(s, ""))
	s = quoteChars.ReplaceAllString(s, "")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// tally counts true positives, false positives and false negatives.
type tally struct{ tp, fp, fn int }

func (t tally) f1() float64 {
	p, r := 1.0, 1.0
	if t.tp+t.fp > 0 {
		p = float64(t.tp) / float64(t.tp+t.fp)
	} else if t.fn > 0 {
		p = 0
	}
	if t.tp+t.fn > 0 {
		r = float64(t.tp) / float64(t.tp+t.fn)
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// score compares a result with its gold file as score.py does.
func score(g gold, res Result) (ents, rels tally) {
	gnames := map[string]map[string]bool{}
	for _, e := range g.Entities {
		set := map[string]bool{scoreNorm(e.Name): true}
		for _, a := range e.Aliases {
			set[scoreNorm(a)] = true
		}
		gnames[e.Name] = set
	}
	byID := map[string]Entity{}
	pmatch := map[string]map[string]bool{}
	for _, e := range res.Entities {
		byID[e.ID] = e
		ns := predNames(e)
		m := map[string]bool{}
		for _, ge := range g.Entities {
			if scoredTypes[ge.Type] && ge.Type == e.Type && overlaps(ns, gnames[ge.Name]) {
				m[ge.Name] = true
			}
		}
		pmatch[e.ID] = m
	}
	used := map[string]bool{}
	for _, e := range res.Entities {
		if !scoredTypes[e.Type] {
			continue
		}
		var req []goldEntity
		hits, allOpt := 0, true
		for _, ge := range g.Entities {
			if pmatch[e.ID][ge.Name] {
				hits++
				allOpt = allOpt && ge.Optional
				if !ge.Optional && !used[ge.Name] {
					req = append(req, ge)
				}
			}
		}
		switch {
		case len(req) > 0:
			used[req[0].Name] = true
			ents.tp++
		case hits > 0 && allOpt:
		default:
			ents.fp++
		}
	}
	for _, ge := range g.Entities {
		if scoredTypes[ge.Type] && !ge.Optional && !used[ge.Name] {
			ents.fn++
		}
	}
	pm := func(id string) map[string]bool {
		if m := pmatch[id]; len(m) > 0 {
			return m
		}
		m := map[string]bool{}
		if e, ok := byID[id]; ok {
			ns := predNames(e)
			for n, s := range gnames {
				if overlaps(ns, s) {
					m[n] = true
				}
			}
		}
		return m
	}
	found := map[int]bool{}
	for _, r := range res.Relations {
		if !scoredRels[r.Type] {
			continue
		}
		a, b := pm(r.From), pm(r.To)
		hit := -1
		for i, gr := range g.Relations {
			if gr.Type != r.Type {
				continue
			}
			ok := false
			switch r.Type {
			case "MET_WITH":
				x, y := gr.Between[0], gr.Between[1]
				ok = (a[x] && b[y]) || (a[y] && b[x])
			case "ATTENDED":
				d, _ := r.Properties["date"].(string)
				if d == "" {
					d, _ = byID[r.To].Properties["date"].(string)
				}
				ok = a[gr.From] && (gr.Date == nil || dateString(gr.Date) == d)
			default:
				ok = a[gr.From] && b[gr.To]
			}
			if ok {
				hit = i
				if !found[i] {
					break
				}
			}
		}
		switch {
		case hit < 0:
			rels.fp++
		case found[hit] || g.Relations[hit].Optional:
			found[hit] = true
		default:
			found[hit] = true
			rels.tp++
		}
	}
	for i, gr := range g.Relations {
		if scoredRels[gr.Type] && !gr.Optional && !found[i] {
			rels.fn++
		}
	}
	return ents, rels
}

func predNames(e Entity) map[string]bool {
	out := map[string]bool{scoreNorm(e.Name): true}
	for _, a := range e.Aliases {
		out[scoreNorm(a)] = true
	}
	for _, m := range e.Mentions {
		out[scoreNorm(m.Text)] = true
	}
	delete(out, "")
	return out
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// dateString formats a gold date the way YAML decoding left it.
func dateString(v any) string {
	switch d := v.(type) {
	case string:
		return d
	case interface{ Format(string) string }:
		return d.Format("2006-01-02")
	case int:
		return strconv.Itoa(d)
	}
	return fmt.Sprint(v)
}

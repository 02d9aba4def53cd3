package gen

import (
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// person is someone an article names: a gazetteer office holder or a
// generated official.
type person struct {
	key     string   // gazetteer id, or gen:person:<country>-<n>
	names   []string // Arabic spellings; generated officials have one
	role    string   // canonical role, a key of lexicon.titles
	country *country
	gaz     bool
}

// poolSize is how many generated officials each country has. They recur across
// articles, as real officials do, so the graph gets shared nodes.
const poolSize = 12

// buildPools gives every country its generated officials: first a head of state
// or government, then a second principal, then ministers, envoys and others.
// The pool depends only on the seed.
func (g *Generator) buildPools() {
	for ci, c := range g.lx.countries {
		r := newRNG(g.seed, 1<<40+uint64(ci))
		c.pool = make([]*person, poolSize)
		for k := range c.pool {
			var role string
			if k < 2 {
				role = r.pick(g.lx.principal)
			} else {
				role = r.pick(g.lx.minor)
			}
			name := r.pick(g.t.GivenNames) + " " + r.pick(g.t.FamilyNames)
			c.pool[k] = &person{
				key:     fmt.Sprintf("gen:person:%s-%d", strings.TrimPrefix(c.e.ID, "country:"), k),
				names:   []string{name},
				role:    role,
				country: c,
			}
		}
	}
}

// principalOf returns a head of state or government of c on date: the
// gazetteer's office holder when it knows one, else a generated one.
func (g *Generator) principalOf(r *rng, c *country, date string) *person {
	if e, role := g.lx.leader(r, c, date, true); e != nil {
		return gazPerson(e, role, c)
	}
	return c.pool[r.IntN(2)]
}

// officialOf returns a minister, envoy or other non-principal official of c.
func (g *Generator) officialOf(r *rng, c *country, date string) *person {
	if r.chance(0.3) {
		if e, role := g.lx.leader(r, c, date, false); e != nil {
			return gazPerson(e, role, c)
		}
	}
	return c.pool[2+r.IntN(poolSize-2)]
}

func gazPerson(e *schema.Entry, role string, c *country) *person {
	return &person{key: e.ID, names: e.Names["ar"], role: role, country: c, gaz: true}
}

// mention writes a person's first or later mention and records the entity.
func (a *article) mention(p *person, short bool) string {
	g, r := a.g, a.r
	name := r.pickFirst(p.names)
	title := r.pick(g.lx.titles[p.role])
	adjs := p.country.e.Adjectives["ar"]
	adj := adjs[0]
	if len(adjs) > 1 && r.chance(0.2) {
		adj = adjs[1] // the feminine form; later ones are plurals
	}
	vars := map[string]string{
		"title": title, "name": name, "adj": adj,
		"country":   r.pickFirst(p.country.e.Names["ar"]),
		"honorific": r.pick(g.lx.honorifics),
	}
	words := strings.Fields(title)
	definite := strings.HasPrefix(words[len(words)-1], g.t.Glue.Article)
	var forms []string
	switch {
	case definite && short:
		forms = g.t.PersonForms.ShortDef
	case definite:
		forms = g.t.PersonForms.Definite
	case short:
		forms = g.t.PersonForms.ShortCon
	default:
		forms = g.t.PersonForms.Construct
	}
	tpl := r.pick(forms)
	if strings.Contains(tpl, "{name}") {
		a.entity(p.key, schema.Person, name)
	}
	if strings.Contains(tpl, "{country}") {
		a.entity(p.country.e.ID, schema.Country, vars["country"])
	}
	return a.expand(tpl, vars)
}

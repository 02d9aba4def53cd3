package gen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/schema"
)

// Size bounds of an article's text, in bytes.
const (
	minBytes = 1100
	maxBytes = 6000
)

// article is the state of one article while it is composed.
type article struct {
	g      *Generator
	r      *rng
	id     string
	exp    Expected
	ents   map[string]int // entity id → index in exp.Entities
	events int
	quiet  bool // while writing the headline: record nothing
}

// templateError is raised (as a panic) by expand for a broken template and
// turned into an error by New's dry run; see check.
type templateError struct{ err error }

func (a *article) expand(tpl string, vars map[string]string) string {
	s, err := expand(tpl, vars)
	if err != nil {
		panic(templateError{err})
	}
	return s
}

// entity records that the text names entity id with the given spelling.
func (a *article) entity(id, typ, name string) {
	if a.quiet {
		return
	}
	if i, ok := a.ents[id]; ok {
		e := &a.exp.Entities[i]
		if !slices.Contains(e.Aliases, name) {
			e.Aliases = append(e.Aliases, name)
			slices.Sort(e.Aliases)
		}
		return
	}
	a.ents[id] = len(a.exp.Entities)
	a.exp.Entities = append(a.exp.Entities, ExpectedEntity{ID: id, Type: typ, Name: name, Aliases: []string{name}})
}

// prune drops spellings drawn for a template slot the chosen template did not
// use, and entities left with none.
func (a *article) prune(text string) {
	kept := a.exp.Entities[:0]
	for _, e := range a.exp.Entities {
		e.Aliases = slices.DeleteFunc(e.Aliases, func(n string) bool { return !strings.Contains(text, n) })
		if len(e.Aliases) == 0 {
			continue
		}
		if !slices.Contains(e.Aliases, e.Name) {
			e.Name = e.Aliases[0]
		}
		kept = append(kept, e)
	}
	a.exp.Entities = kept
}

func (a *article) relation(rel ExpectedRelation) {
	a.exp.Relations = append(a.exp.Relations, rel)
}

func (a *article) event() string {
	a.events++
	return fmt.Sprintf("gen:event:%s:%d", a.id, a.events)
}

func (a *article) countryName(c *country) string {
	n := a.r.pickFirst(c.e.Names["ar"])
	a.entity(c.e.ID, schema.Country, n)
	return n
}

func (a *article) cityName(c *country) string {
	n := a.r.pickFirst(c.capital.Names["ar"])
	a.entity(c.capital.ID, schema.City, n)
	return n
}

// cutLast removes a final word w from a multi-word phrase ("X مع" → "X") and
// reports whether it did; templates then put w back before the argument.
func cutLast(phrase, w string) (string, bool) {
	f := strings.Fields(phrase)
	if len(f) < 2 || f[len(f)-1] != w {
		return phrase, false
	}
	return strings.Join(f[:len(f)-1], " "), true
}

// adjacent keeps the templates that contain seq, or all of them if none does.
func adjacent(tpls []string, seq string) []string {
	var out []string
	for _, t := range tpls {
		if strings.Contains(t, seq) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return tpls
	}
	return out
}

func (g *Generator) compose(i int) Article {
	a := &article{g: g, r: newRNG(g.seed, uint64(i)), id: fmt.Sprintf("gen-%d-%07d", g.seed, i), ents: map[string]int{}}
	r, t, lx := a.r, g.t, g.lx
	docDay := a.randomDay()
	offset := 0
	if r.chance(0.4) {
		offset = -1
	}
	day := docDay.AddDate(0, 0, offset)
	date := isoDate(day)
	A := lx.countries[r.IntN(len(lx.countries))]
	B := lx.countries[r.IntN(len(lx.countries))]
	for B == A {
		B = lx.countries[r.IntN(len(lx.countries))]
	}
	var host, guest *person
	switch {
	case r.chance(0.2):
		host, guest = g.officialOf(r, A, date), g.officialOf(r, B, date)
	case r.chance(0.65):
		host, guest = g.principalOf(r, A, date), g.principalOf(r, B, date)
	default:
		host, guest = g.principalOf(r, A, date), g.officialOf(r, B, date)
	}

	dateline := a.expand(r.pick(t.Datelines), map[string]string{
		"city": a.cityName(A), "docdate": a.expand("{day} {month} {year}", a.dateVars(docDay)), "agency": r.pick(t.Agencies),
	})

	// The meeting.
	main := a.event()
	venueID, atVenue := a.venue(A)
	pattern := []string{"subject_object", "with", "noun"}[r.IntN(3)]
	trig, phrase := r.phrase(lx.met[pattern])
	hostM, guestM := a.mention(host, false), a.mention(guest, false)
	tpls := t.Meeting[pattern]
	verb, glued := cutLast(phrase, t.Glue.With)
	if glued {
		// A phrase ending with "with" keeps it next to the guest.
		tpls = adjacent(tpls, "{trig} {with_guest}")
	}
	lead := a.expand(r.pick(tpls), map[string]string{
		"trig": verb, "host": hostM, "guest": guestM, "with_guest": t.Glue.With + " " + guestM,
		"when": a.when(day, offset), "at_venue": atVenue, "topic": r.pick(t.Topics),
	})
	a.relation(ExpectedRelation{Type: "MET_WITH", From: host.key, To: guest.key, Date: date, Venue: venueID, Rule: "ar." + trig.ID, Trigger: phrase})
	if r.chance(0.7) {
		lead += " " + a.attendance(main, date, A, B, host, guest)
	}
	paras := []string{dateline, lead}
	if r.chance(0.35) {
		paras = append(paras, a.signing(date, A, B, host, guest))
	}
	if r.chance(0.5) {
		paras = append(paras, a.expand(r.pick(t.Quote), map[string]string{
			"speaker": r.pick(lx.speaker), "host_short": a.mention(host, true), "guest_short": a.mention(guest, true),
			"country_a": a.countryName(A), "country_b": a.countryName(B),
		}))
	}
	var tail []string
	if r.chance(0.3) {
		vt, vp := r.phrase(lx.visit)
		tail = append(tail, a.expand(r.pick(t.Visit), map[string]string{
			"trig": vp, "guest": a.mention(guest, false), "guest_short": a.mention(guest, true),
			"place": a.countryName(A), "when": a.when(day, offset),
		}))
		a.relation(ExpectedRelation{Type: "VISITED", From: guest.key, To: A.e.ID, Rule: "ar." + vt.ID, Trigger: vp})
	}
	if r.chance(0.25) {
		tail = append(tail, a.planned(day, A, B, host))
	}
	paras = a.fill(paras, tail, A, B, day)

	a.quiet = true
	title := a.expand(r.pick(t.Headlines), map[string]string{
		"host_short": a.mention(host, true), "guest_short": a.mention(guest, true), "topic": r.pick(t.Topics),
		"country_a": r.pick(A.e.Names["ar"]), "country_b": r.pick(B.e.Names["ar"]), "sector": r.pick(t.Sectors),
	})
	art := Article{
		ID: a.id, Title: title, Date: isoDate(docDay), Text: strings.Join(paras, "\n\n"),
		Source: fmt.Sprintf("dipgen:%d/%d", g.seed, i), Lang: "ar",
	}
	if g.expected {
		a.prune(art.Text)
		art.Expected = &a.exp
	}
	return art
}

// venue picks where the meeting is held in country c: a gazetteer venue of its
// capital, or a generated one (a venue noun and a name). It returns the venue's
// id (empty when only the city is named) and the phrase.
func (a *article) venue(c *country) (string, string) {
	r, t := a.r, a.g.t
	var id, name string
	if vs := a.g.lx.venues[c.capital.ID]; len(vs) > 0 && r.chance(0.7) {
		v := vs[r.IntN(len(vs))]
		id, name = v.ID, r.pickFirst(v.Names["ar"])
	} else {
		ni, vi := r.IntN(len(a.g.lx.venueNouns)), r.IntN(len(t.VenueNames))
		for strings.Contains(a.g.lx.venueNouns[ni], t.VenueNames[vi]) {
			vi = r.IntN(len(t.VenueNames))
		}
		id = fmt.Sprintf("gen:venue:%s-%d-%d", strings.TrimPrefix(c.e.ID, "country:"), ni, vi)
		name = a.g.lx.venueNouns[ni] + " " + t.VenueNames[vi]
	}
	form := r.pick(t.VenueForms)
	vars := map[string]string{"venue": name}
	if strings.Contains(form, "{city}") {
		vars["city"] = a.cityName(c)
	}
	if !strings.Contains(form, "{venue}") {
		return "", a.expand(form, vars)
	}
	typ := schema.Venue
	a.entity(id, typ, name)
	return id, a.expand(form, vars)
}

// attendance lists one to four officials of both sides attending event ev.
func (a *article) attendance(ev, date string, A, B *country, host, guest *person) string {
	r := a.r
	n := 1 + r.IntN(4)
	seen := map[string]bool{host.key: true, guest.key: true}
	var names []string
	for range n {
		c := A
		if r.IntN(2) == 1 {
			c = B
		}
		p := a.g.officialOf(r, c, date)
		if seen[p.key] {
			continue
		}
		seen[p.key] = true
		names = append(names, a.mention(p, false))
		a.relation(ExpectedRelation{Type: "ATTENDED", From: p.key, To: ev, Date: date})
	}
	trig, phrase := r.phrase(a.g.lx.presence)
	for k := range a.exp.Relations {
		if rel := &a.exp.Relations[k]; rel.Type == "ATTENDED" && rel.To == ev {
			rel.Rule, rel.Trigger = "ar."+trig.ID, phrase
		}
	}
	return a.expand(r.pick(a.g.t.Attendance), map[string]string{
		"trig": phrase, "attendees": strings.Join(names, a.g.t.Glue.ListSep),
	})
}

// signing writes a treaty signed by an official of each side, either plainly
// or witnessed by the principals.
func (a *article) signing(date string, A, B *country, host, guest *person) string {
	r, t, lx := a.r, a.g.t, a.g.lx
	noun := lx.treatyNouns[r.IntN(len(lx.treatyNouns))]
	treaty := noun.Phrase + " " + r.pick(t.TreatyTopics)
	tid := "gen:treaty:" + a.id
	a.entity(tid, schema.Treaty, treaty)
	sa, sb := a.g.officialOf(r, A, date), a.g.officialOf(r, B, date)
	for sb.key == sa.key {
		sb = a.g.officialOf(r, B, date)
	}
	vars := map[string]string{
		"signer_a": a.mention(sa, false), "signer_b": a.mention(sb, false), "treaty": treaty,
		"country_a": a.countryName(A), "country_b": a.countryName(B),
		"adj_a": A.e.Adjectives["ar"][0], "adj_b": B.e.Adjectives["ar"][0],
	}
	var tpl, rule, phrase string
	if r.chance(0.5) {
		trig, p := r.phrase(lx.signed)
		verb, _ := cutLast(p, t.Glue.On)
		rule, phrase = "ar."+trig.ID, verb
		vars["trig"] = verb
		vars["on_treaty"] = t.Glue.On + " " + treaty
		tpl = r.pick(t.Signing)
	} else {
		trig, p := r.phrase(lx.witness)
		ev := a.event()
		// "شهد توقيع" becomes "شهد X و Y توقيع <treaty>": the verb before the
		// witnesses, the noun before the treaty.
		verb, noun, ok := strings.Cut(p, " ")
		if !ok {
			noun = r.pick(lx.signingNouns)
		}
		p = verb
		vars["trig"] = verb
		vars["signing"] = noun + " "
		vars["host_short"], vars["guest_short"] = a.mention(host, true), a.mention(guest, true)
		for _, w := range []*person{host, guest} {
			a.relation(ExpectedRelation{Type: "ATTENDED", From: w.key, To: ev, Date: date, Rule: "ar." + trig.ID, Trigger: p})
		}
		rule, phrase, tpl = "template", "", r.pick(t.Witness)
	}
	for _, s := range []*person{sa, sb} {
		a.relation(ExpectedRelation{Type: "SIGNED", From: s.key, To: tid, Date: date, Rule: rule, Trigger: phrase})
	}
	return a.expand(tpl, vars)
}

// planned announces a meeting of the host with a third country's principal.
func (a *article) planned(day time.Time, A, B *country, host *person) string {
	r, lx := a.r, a.g.lx
	C := lx.countries[r.IntN(len(lx.countries))]
	for C == A || C == B {
		C = lx.countries[r.IntN(len(lx.countries))]
	}
	later := day.AddDate(0, 0, 7+r.IntN(50))
	other := a.g.principalOf(r, C, isoDate(later))
	ts := append(slices.Clone(lx.met["subject_object"]), lx.met["with"]...)
	trig, phrase := r.phrase(ts)
	otherM := a.mention(other, false)
	tpls := a.g.t.Planned
	verb, glued := cutLast(phrase, a.g.t.Glue.With)
	if glued {
		tpls = adjacent(tpls, "{trig} {host_short} {with_guest}")
	}
	a.relation(ExpectedRelation{Type: "MET_WITH", From: host.key, To: other.key, Modality: "planned", Rule: "ar." + trig.ID, Trigger: verb})
	return a.expand(r.pick(tpls), map[string]string{
		"modality": r.pick(lx.modality), "trig": verb, "host_short": a.mention(host, true),
		"guest_short": otherM, "with_guest": a.g.t.Glue.With + " " + otherM, "later": a.later(later), "city": a.cityName(A),
	})
}

// fill adds filler paragraphs after the head paragraphs until the text reaches
// a size drawn between minBytes and maxBytes, then appends the tail.
func (a *article) fill(head, tail []string, A, B *country, day time.Time) []string {
	r, t := a.r, a.g.t
	target := minBytes + (r.IntN(maxBytes-minBytes)+r.IntN(maxBytes-minBytes))/2
	size := 0
	for _, p := range append(slices.Clone(head), tail...) {
		size += len(p) + 2
	}
	adjB := B.e.Adjectives["ar"]
	out := head
	for _, k := range r.Perm(len(t.Filler)) {
		if size >= target {
			break
		}
		s1 := r.IntN(len(t.Sectors))
		s2 := (s1 + 1 + r.IntN(len(t.Sectors)-1)) % len(t.Sectors)
		p := a.expand(t.Filler[k], map[string]string{
			"country_a": a.countryName(A), "country_b": a.countryName(B), "city": a.cityName(A),
			"sector": t.Sectors[s1], "sector2": t.Sectors[s2], "adj_b_f": adjB[min(1, len(adjB)-1)],
			"number": strconv.Itoa(2 + r.IntN(90)), "small": strconv.Itoa(20 + r.IntN(900)),
			"pct": strconv.Itoa(3 + r.IntN(40)), "year": strconv.Itoa(day.Year() - 1),
		})
		if size+len(p)+2 > maxBytes {
			continue
		}
		out = append(out, p)
		size += len(p) + 2
	}
	return append(out, tail...)
}

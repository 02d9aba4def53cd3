package graph

import (
	"cmp"
	"slices"
	"sort"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

// plan is a batch of results turned into parameter rows: one list per label and
// per relationship type, every list sorted by key, one row per key
// (contributions of several documents merged), so no statement touches one
// node or relationship twice. Both stores execute the same plan.
type plan struct {
	docIDs   []string // every document of the batch, sorted
	docs     []map[string]any
	nodes    []rows              // per label; props and by: the batch's derived properties and their ranks
	mentions []rows              // per label of the entity mentioned
	rels     []rows              // per type
	evidence []map[string]any    // one row per (document, fact), sorted by id
	facts    map[string][]string // document id -> the fact keys its new version states, sorted
	dates    map[string]string   // document id -> its date
	// unstored counts the properties results carried that the schema does not
	// declare, by "Label.property" or "TYPE.property": not written, but reported.
	unstored map[string]int
}

// rows is one statement's worth of parameter rows.
type rows struct {
	Label, Key string // node label and key property (nodes, mentions)
	Type       string // relationship type (rels; each row names its ends' labels, fromLabel and toLabel)
	Rows       []map[string]any
}

// factKey identifies a fact relationship: type, ends and date.
func factKey(typ, from, to, date string) string {
	return typ + "|" + from + "|" + to + "|" + date
}

// evidenceID identifies the Evidence node of one document for one fact.
func evidenceID(doc, fact string) string { return doc + "|" + fact }

// orient returns the ends of rel as stored: symmetric types go from the lower
// key to the higher.
func orient(symmetric bool, from, to string) (string, string) {
	if symmetric && to < from {
		return to, from
	}
	return from, to
}

// newPlan builds the plan for results, which must be valid; now is the
// ingestion time stamped on documents. Where documents disagree on a derived
// property, the one of the greatest Rank wins, whatever their order in
// results.
func newPlan(s *schema.Schema, results []extract.Result, now string) *plan {
	results = dedupe(results)
	p := &plan{facts: map[string][]string{}, dates: map[string]string{}, unstored: map[string]int{}}
	for i := range results {
		p.docIDs = append(p.docIDs, results[i].Document.ID)
	}
	sort.Strings(p.docIDs)

	nodes := map[string]map[string]any{} // by entity id
	labels := map[string]string{}        // entity id -> label
	won := map[string]*winner{}          // entity id or fact key -> derived properties
	rels := map[string]map[string]any{}  // by fact key
	relGroup := map[string][3]string{}   // fact key -> type, from label, to label
	evidence := map[string]map[string]any{}
	evStated := map[string]map[string]any{} // evidence id -> stated row
	mentionGroups := map[string][]map[string]any{}
	for i := range results {
		r := &results[i]
		id := r.Document.ID
		rank := Rank(r.Document.Date, id)
		local := map[string]string{}
		for _, e := range mergeEntities(r.Entities) {
			local[e.ID] = e.Type
			labels[e.ID] = e.Type
			nt, _ := s.Node(e.Type)
			n := nodes[e.ID]
			if n == nil {
				n = map[string]any{"key": e.ID, "name": nilIfEmpty(e.Name)}
				nodes[e.ID] = n
				won[e.ID] = newWinner()
			}
			if old, ok := n["name"].(string); e.Name != "" && (!ok || e.Name < old) {
				n["name"] = e.Name
			}
			forms := formsOf(e)
			n["aliases"] = union(n["aliases"], forms)
			stated := map[string]any{}
			GazetteerProps(s, nt, e.ID, stated)
			for k, v := range e.Properties {
				switch {
				case declared(nt.Properties, k) && !slices.Contains(entityOwned, k) && k != nt.Key:
					nv := storedValue(v)
					setProp(stated, k, nv)
				case !declared(nt.Properties, k):
					p.unstored[e.Type+"."+k]++
				}
			}
			won[e.ID].offer(rank, stated)
			m := map[string]any{"doc": id, "key": e.ID, "name": nilIfEmpty(e.Name),
				"forms": toAny(forms), "count": int64(len(e.Mentions)), "start": nil, "end": nil,
				"stated": statedRow(EntityDerived(nt), stated)}
			if len(e.Mentions) > 0 {
				m["start"], m["end"] = int64(e.Mentions[0].Start), int64(e.Mentions[0].End)
			}
			mentionGroups[e.Type] = append(mentionGroups[e.Type], m)
		}
		facts := map[string]map[string]any{} // fact key -> what this document states
		for _, rel := range r.Relations {
			rt, _ := s.Rel(rel.Type)
			from, to := orient(rt.Symmetric, rel.From, rel.To)
			date, _ := rel.Properties["date"].(string)
			key := factKey(rel.Type, from, to, date)
			if facts[key] == nil {
				facts[key] = map[string]any{}
			}
			row := rels[key]
			if row == nil {
				row = map[string]any{"key": key, "from": from, "to": to, "date": nil}
				if declared(rt.Properties, "date") {
					row["date"] = nilIfEmpty(date)
				}
				rels[key] = row
				relGroup[key] = [3]string{rel.Type, local[from], local[to]}
				won[key] = newWinner()
			}
			for k, v := range rel.Properties {
				switch {
				case k == "date" && declared(rt.Properties, k): // the key's
				case declared(rt.Properties, k) && !slices.Contains(factOwned, k):
					nv := storedValue(v)
					setProp(facts[key], k, nv)
				case !declared(rt.Properties, k):
					p.unstored[rel.Type+"."+k]++
				}
			}
			// An Evidence node has exactly these properties and the stated ones.
			ev := map[string]any{"id": evidenceID(id, key), "fact": key, "doc": id, "type": rel.Type,
				"text": rel.Evidence.Text, "start": int64(rel.Evidence.Start), "end": int64(rel.Evidence.End),
				"rule": rel.Rule, "confidence": rel.Confidence}
			if old, ok := evidence[ev["id"].(string)]; !ok || BetterEvidence(ev, old) {
				evidence[ev["id"].(string)] = ev
			}
		}
		for key, stated := range facts {
			rt, _ := s.Rel(relGroup[key][0])
			won[key].offer(rank, stated)
			evStated[evidenceID(id, key)] = statedRow(FactDerived(rt), stated)
		}
		p.facts[id] = sortedKeys(facts)
		d := r.Document
		props := map[string]any{"id": id, "ingested_at": now}
		for k, v := range map[string]string{"source": d.Source, "url": d.URL, "title": d.Title,
			"date": d.Date, "lang": d.Lang, "hash": d.Fingerprint} {
			if v != "" {
				props[k] = v
			}
		}
		p.dates[id] = d.Date
		p.docs = append(p.docs, map[string]any{"id": id, "props": props})
	}

	nodeGroups := map[string][]map[string]any{}
	for id, n := range nodes {
		n["aliases"] = toAny(n["aliases"].([]string))
		n["props"], n["by"] = won[id].props, won[id].by
		nodeGroups[labels[id]] = append(nodeGroups[labels[id]], n)
	}
	p.nodes = groupRows(s, nodeGroups)
	p.mentions = groupRows(s, mentionGroups)

	for evID, ev := range evidence {
		p.evidence = append(p.evidence, map[string]any{"id": evID, "doc": ev["doc"], "props": ev, "stated": evStated[evID]})
	}
	sortRows(p.evidence)
	relGroups := map[string][]map[string]any{}
	for key, row := range rels {
		g := relGroup[key]
		row["props"], row["by"] = won[key].props, won[key].by
		row["fromLabel"], row["toLabel"] = g[1], g[2]
		relGroups[g[0]] = append(relGroups[g[0]], row)
	}
	for typ, rs := range relGroups {
		sortRows(rs)
		p.rels = append(p.rels, rows{Type: typ, Rows: rs})
	}
	slices.SortFunc(p.rels, func(a, b rows) int { return cmp.Compare(a.Type, b.Type) })
	return p
}

// groupRows turns rows by label into sorted statements.
func groupRows(s *schema.Schema, byLabel map[string][]map[string]any) []rows {
	var out []rows
	for label, rs := range byLabel {
		nt, _ := s.Node(label)
		sortRows(rs)
		out = append(out, rows{Label: label, Key: nt.Key, Rows: rs})
	}
	slices.SortFunc(out, func(a, b rows) int { return cmp.Compare(a.Label, b.Label) })
	return out
}

// sortRows sorts rows by key (or id), then document.
func sortRows(rs []map[string]any) {
	k := func(r map[string]any) string {
		if s, ok := r["key"].(string); ok {
			return s
		}
		return r["id"].(string)
	}
	slices.SortFunc(rs, func(a, b map[string]any) int {
		da, _ := a["doc"].(string)
		db, _ := b["doc"].(string)
		return cmp.Or(cmp.Compare(k(a), k(b)), cmp.Compare(da, db))
	})
}

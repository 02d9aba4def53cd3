package gen

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/norm"
)

// TestRecall runs the extractor over 200 generated articles and logs how many
// of the MET_WITH, SIGNED and ATTENDED facts put into them it finds, overall
// and by trigger rule. It asserts nothing about the figure: it is a yardstick
// for the extractor, reported with -v.
func TestRecall(t *testing.T) {
	s := testSchema(t)
	g, err := New(s, Options{Seed: 1, Expected: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(s, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ hit, all int }
	byType, byRule := map[string]*tally{}, map[string]*tally{}
	count := func(m map[string]*tally, k string, hit bool) {
		if m[k] == nil {
			m[k] = &tally{}
		}
		m[k].all++
		if hit {
			m[k].hit++
		}
	}
	var misses []string
	for i := range 200 {
		a := g.Article(i)
		res, err := x.Extract(document.Document{ID: a.ID, Title: a.Title, Date: a.Date, Lang: a.Lang, Text: a.Text})
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		match := matcher(a.Expected, res)
		for _, r := range a.Expected.Relations {
			if r.Modality != "" || (r.Type != "MET_WITH" && r.Type != "SIGNED" && r.Type != "ATTENDED") {
				continue
			}
			hit := false
			for _, f := range res.Relations {
				if f.Type != r.Type {
					continue
				}
				switch r.Type {
				case "MET_WITH":
					hit = match(f.From, r.From) && match(f.To, r.To) || match(f.From, r.To) && match(f.To, r.From)
				case "SIGNED":
					hit = match(f.From, r.From) && match(f.To, r.To)
				case "ATTENDED":
					hit = match(f.From, r.From)
				}
				if hit {
					break
				}
			}
			count(byType, r.Type, hit)
			count(byRule, r.Type+" "+r.Rule, hit)
			if !hit && len(misses) < 10 {
				misses = append(misses, fmt.Sprintf("%s %s %s→%s (%s %q)", a.ID, r.Type, r.From, r.To, r.Rule, r.Trigger))
			}
		}
	}
	report := func(m map[string]*tally) string {
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&b, "\n  %-40s %4d/%4d  %5.1f%%", k, m[k].hit, m[k].all, 100*float64(m[k].hit)/float64(m[k].all))
		}
		return b.String()
	}
	t.Logf("recall of generated facts over 200 articles:%s\nby rule:%s", report(byType), report(byRule))
	for _, m := range misses {
		t.Logf("missed: %s", m)
	}
}

// matcher returns a function that says whether the found entity id names the
// expected entity key: the same id, or a shared spelling after folding.
func matcher(exp *Expected, res extract.Result) func(found, key string) bool {
	spell := map[string]map[string]bool{}
	add := func(id, s string) {
		if spell[id] == nil {
			spell[id] = map[string]bool{}
		}
		spell[id][norm.Fold(s)] = true
	}
	for _, e := range res.Entities {
		add(e.ID, e.Name)
		for _, a := range e.Aliases {
			add(e.ID, a)
		}
		for _, m := range e.Mentions {
			add(e.ID, m.Text)
		}
	}
	want := map[string][]string{}
	for _, e := range exp.Entities {
		for _, a := range e.Aliases {
			want[e.ID] = append(want[e.ID], norm.Fold(a))
		}
	}
	return func(found, key string) bool {
		if found == key {
			return true
		}
		for _, w := range want[key] {
			if spell[found][w] {
				return true
			}
		}
		return false
	}
}

package schema

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// RoleWeights is a learned scorer of one kind of candidate fact: a logistic
// model over the features the extractor computes for a candidate (see
// RoleTemplates). A candidate whose probability reaches Threshold is
// stated, besides what the frames state. The weights are data, trained on
// the pack's development articles (eval/train_roles.py), never hand-written.
type RoleWeights struct {
	Threshold float64            `yaml:"threshold"`
	Bias      float64            `yaml:"bias"`
	Weights   map[string]float64 `yaml:"weights"`
}

// RoleRelations are the relation types a learned scorer may state: the
// ones whose candidates the extractor builds (a pair of persons in a
// sentence, a person and the event they were at, a signer and a treaty).
var RoleRelations = []string{"MET_WITH", "ATTENDED", "SIGNED"}

// RoleTemplates are the feature templates the extractor computes for a
// candidate: a feature is "TEMPLATE=value" (a word, a list's purpose, a
// frame id, a bucket). The closed set is checked at load, so a model
// trained for other templates is refused, not silently ignored.
//
// Context templates are a position and a kind: the position is L (the
// words before the first end), R (after the last), B (between the ends),
// S (anywhere in the sentence); the kind is w (the folded word), s (the
// word without its proclitic), l (a word list it is in), k (a kind of
// phrase: title, treaty, venue, trigger form…), f (the frame a trigger
// evokes), e (the event kind a noun names), m (the type of an entity
// mentioned there), p (a punctuation mark).
var RoleTemplates = func() []string {
	out := []string{
		"type",    // the candidate's end types (Person, Organization…)
		"np",      // persons in the sentence, bucketed
		"nb",      // persons between the ends, bucketed
		"dist",    // tokens between the ends, bucketed
		"gap",     // sentences between the ends' sentences
		"sent",    // the sentence's place in the document, bucketed
		"pos",     // the person's place among the persons of the sentence
		"country", // the two ends' countries: same, different, unknown
		"role",    // the slot a frame filled with an end (host, guest, witness…)
		"roles",   // the slots of both ends, joined
		"stated",  // what the frames stated of the ends (met, attended, signed)
		"event",   // the kind and scale of the events of the sentence
		"title",   // the end was named through a title
		"office",  // the end has an office
	}
	// G and H are the nearest phrases of the pack before and after the
	// end (whatever the distance within the sentence); Gd and Hd their
	// distance, bucketed. S, G and H describe no words, only the pack's
	// classes.
	out = append(out, "Gd", "Hd")
	for _, p := range []string{"L", "R", "B", "S", "G", "H"} {
		for _, k := range []string{"w", "s", "l", "k", "f", "e", "m", "p"} {
			if (p == "S" || p == "G" || p == "H") && (k == "w" || k == "s" || k == "m" || k == "p") {
				continue
			}
			out = append(out, p+k)
		}
	}
	return out
}()

// roleTemplateSet is RoleTemplates as a set.
var roleTemplateSet = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range RoleTemplates {
		m[t] = true
	}
	return m
}()

// RoleTemplate returns the template of feature f: what comes before its "=".
func RoleTemplate(f string) string {
	t, _, _ := strings.Cut(f, "=")
	return t
}

var roleSpec = &spec{kind: kindMap, key: checkRoleRelation, elem: &spec{kind: kindObject, fields: []field{
	{"threshold", true, &spec{kind: kindFloat, check: checkThreshold}},
	{"bias", true, &spec{kind: kindFloat}},
	{"weights", true, &spec{kind: kindMap, key: checkRoleFeature, elem: &spec{kind: kindFloat}}},
}}}

func checkThreshold(w *walker, n *yaml.Node, path string) {
	var f float64
	if err := n.Decode(&f); err != nil || !(f > 0 && f < 1) {
		w.add(n, path, "threshold %s: want a probability between 0 and 1", n.Value)
	}
}

func checkRoleRelation(w *walker, k *yaml.Node, path string) {
	for _, t := range RoleRelations {
		if k.Value == t {
			return
		}
	}
	w.add(k, path, "%q: a learned scorer states only %s", k.Value, strings.Join(RoleRelations, ", "))
}

func checkRoleFeature(w *walker, k *yaml.Node, path string) {
	if t := RoleTemplate(k.Value); !roleTemplateSet[t] {
		w.add(k, path, "feature %q: unknown template %q (want one of: %s)", k.Value, t, strings.Join(RoleTemplates, ", "))
	}
}

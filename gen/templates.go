package gen

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed templates/ar.yaml
var arTemplates []byte

// templates is the typed content of templates/ar.yaml.
type templates struct {
	Glue struct {
		Article string `yaml:"article"`
		And     string `yaml:"and"`
		With    string `yaml:"with"`
		On      string `yaml:"on"`
		At      string `yaml:"at"`
		In      string `yaml:"in"`
		ListSep string `yaml:"list_sep"`
		Comma   string `yaml:"comma"`
	} `yaml:"glue"`
	Agencies  []string `yaml:"agencies"`
	Datelines []string `yaml:"datelines"`
	Dates     struct {
		Absolute []string `yaml:"absolute"`
		Relative []string `yaml:"relative"`
		Later    []string `yaml:"later"`
	} `yaml:"dates"`
	VenueForms  []string `yaml:"venue_forms"`
	VenueNames  []string `yaml:"venue_names"`
	GivenNames  []string `yaml:"given_names"`
	FamilyNames []string `yaml:"family_names"`
	PersonForms struct {
		Definite  []string `yaml:"definite"`
		Construct []string `yaml:"construct"`
		ShortDef  []string `yaml:"short_definite"`
		ShortCon  []string `yaml:"short_construct"`
	} `yaml:"person_forms"`
	TreatyTopics []string            `yaml:"treaty_topics"`
	Topics       []string            `yaml:"topics"`
	Meeting      map[string][]string `yaml:"meeting"`
	Attendance   []string            `yaml:"attendance"`
	Signing      []string            `yaml:"signing"`
	Witness      []string            `yaml:"witness"`
	Planned      []string            `yaml:"planned"`
	Visit        []string            `yaml:"visit"`
	Quote        []string            `yaml:"quote"`
	Headlines    []string            `yaml:"headlines"`
	Sectors      []string            `yaml:"sectors"`
	Filler       []string            `yaml:"filler"`
	// Frames names, for each pattern of the templates, the frames of the
	// language pack whose phrases fill its {trig}.
	Frames map[string][]string `yaml:"frames"`
}

// loadTemplates decodes the embedded templates strictly and checks that no
// list the generator draws from is empty.
func loadTemplates() (*templates, error) {
	var t templates
	dec := yaml.NewDecoder(bytes.NewReader(arTemplates))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("templates/ar.yaml: %w", err)
	}
	lists := map[string][]string{
		"agencies": t.Agencies, "datelines": t.Datelines, "dates.absolute": t.Dates.Absolute,
		"dates.relative": t.Dates.Relative, "dates.later": t.Dates.Later, "venue_forms": t.VenueForms,
		"venue_names": t.VenueNames, "given_names": t.GivenNames, "family_names": t.FamilyNames,
		"person_forms.definite": t.PersonForms.Definite, "person_forms.construct": t.PersonForms.Construct,
		"person_forms.short_definite": t.PersonForms.ShortDef, "person_forms.short_construct": t.PersonForms.ShortCon, "treaty_topics": t.TreatyTopics, "topics": t.Topics,
		"attendance": t.Attendance, "signing": t.Signing, "witness": t.Witness, "planned": t.Planned,
		"visit": t.Visit, "quote": t.Quote, "headlines": t.Headlines, "sectors": t.Sectors, "filler": t.Filler,
	}
	for _, p := range []string{"subject_object", "with", "noun"} {
		lists["meeting."+p] = t.Meeting[p]
	}
	for name, l := range lists {
		if len(l) == 0 {
			return nil, fmt.Errorf("templates/ar.yaml: %s: empty", name)
		}
	}
	if t.Glue.Article == "" || t.Glue.And == "" || t.Glue.With == "" || t.Glue.On == "" || t.Glue.ListSep == "" {
		return nil, fmt.Errorf("templates/ar.yaml: glue: article, and, with, on and list_sep are required")
	}
	return &t, nil
}

// expand replaces every {name} in tpl with vars[name]. A placeholder without a
// value is an error, so a template typo fails the tests instead of leaking
// braces into the corpus.
func expand(tpl string, vars map[string]string) (string, error) {
	var b strings.Builder
	b.Grow(len(tpl) + 64)
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String(), nil
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("template %q: unclosed {", tpl)
		}
		name := tpl[i+1 : i+j]
		v, ok := vars[name]
		if !ok {
			return "", fmt.Errorf("template %q: no value for {%s}", tpl, name)
		}
		b.WriteString(tpl[:i])
		b.WriteString(v)
		tpl = tpl[i+j+1:]
	}
}

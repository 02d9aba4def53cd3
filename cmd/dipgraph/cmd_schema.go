package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
)

func schemaCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "validate, show and apply the graph schema, language packs and gazetteer",
		Subcommands: []*cli.Command{
			schemaValidateCommand(env),
			schemaShowCommand(env),
			schemaApplyCommand(env),
		},
	}
}

func schemaValidateCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check schema YAML files and report every problem (exit code 3 if any)",
		ArgsUsage: "[PATH...]",
		Description: "Without PATH, validates the --schema paths or else the built-in schema.\n" +
			"Problems are printed to stderr as file:line:col: field.path: message.",
		Action: func(c *cli.Context) error {
			var (
				s   *schema.Schema
				err error
			)
			if c.Args().Present() {
				s, err = schema.Load(c.Args().Slice()...)
				err = reportSchemaError(env.Stderr, err)
			} else {
				s, err = loadSchema(c, env)
			}
			if err != nil {
				return err
			}
			st := stats(s)
			_, err = fmt.Fprintf(env.Stdout, "ok: %d %s, %d labels, %d relationship types, %d %s, %d gazetteer entries%s\n",
				len(s.Files), plural(len(s.Files), "file", "files"), len(s.Nodes), len(s.Relationships),
				len(s.Languages), plural(len(s.Languages), "language", "languages"), len(s.Gazetteer), st.byTypeSummary())
			return err
		},
	}
}

func schemaShowCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "show",
		Usage: "print labels, relationship types, language packs and gazetteer counts",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageErrorf("--format: want text or json, got %q", format)
			}
			s, err := loadSchema(c, env)
			if err != nil {
				return err
			}
			st := stats(s)
			if format == "json" {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			return st.writeText(env.Stdout)
		},
	}
}

// schemaStats is what `schema show` prints.
type schemaStats struct {
	Files         []string       `json:"files"`
	Labels        []labelStats   `json:"labels"`
	Relationships []relStats     `json:"relationships"`
	Languages     []langStats    `json:"languages"`
	Gazetteer     []gazetteerRow `json:"gazetteer"`
}

type labelStats struct {
	Label   string   `json:"label"`
	Key     string   `json:"key"`
	Indexed []string `json:"indexed"`
}

type relStats struct {
	Type      string   `json:"type"`
	From      []string `json:"from"`
	To        []string `json:"to"`
	Symmetric bool     `json:"symmetric,omitempty"`
	Indexed   []string `json:"indexed"`
}

type langStats struct {
	Code        string `json:"code"`
	Name        string `json:"name,omitempty"`
	Frames      int    `json:"frames"`
	Titles      int    `json:"titles"`
	TreatyNouns int    `json:"treaty_nouns"`
	VenueNouns  int    `json:"venue_nouns"`
	EventKinds  int    `json:"event_kinds"`
	// Scorers lists the relation types the pack's learned scorers state.
	Scorers []string `json:"scorers"`
}

// gazetteerRow counts the entries of one type and their aliases by language
// (names, short forms and adjectives; abbreviations under "*").
type gazetteerRow struct {
	Type    string         `json:"type"`
	Entries int            `json:"entries"`
	Aliases int            `json:"aliases"`
	ByLang  map[string]int `json:"aliases_by_lang"`
}

func stats(s *schema.Schema) schemaStats {
	st := schemaStats{Files: s.Files}
	indexed := func(ps []schema.Property) []string {
		out := []string{}
		for _, p := range ps {
			if p.Index {
				out = append(out, p.Name)
			}
		}
		return out
	}
	for _, n := range s.Nodes {
		st.Labels = append(st.Labels, labelStats{n.Label, n.Key, indexed(n.Properties)})
	}
	for _, r := range s.Relationships {
		st.Relationships = append(st.Relationships, relStats{r.Type, r.From, r.To, r.Symmetric, indexed(r.Properties)})
	}
	codes := make([]string, 0, len(s.Languages))
	for code := range s.Languages {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		l := s.Languages[code]
		scorers := []string{}
		for typ := range l.Roles {
			scorers = append(scorers, typ)
		}
		sort.Strings(scorers)
		st.Languages = append(st.Languages, langStats{code, l.Name, len(l.Frames), len(l.Titles),
			len(l.TreatyNouns), len(l.VenueNouns), len(l.Events), scorers})
	}
	rows := map[string]*gazetteerRow{}
	for _, e := range s.Gazetteer {
		r := rows[e.Type]
		if r == nil {
			r = &gazetteerRow{Type: e.Type, ByLang: map[string]int{}}
			rows[e.Type] = r
		}
		r.Entries++
		for _, m := range []map[string][]string{e.Names, e.Short, e.Adjectives} {
			for lang, forms := range m {
				r.ByLang[lang] += len(forms)
				r.Aliases += len(forms)
			}
		}
		if len(e.Abbreviations) > 0 {
			r.ByLang["*"] += len(e.Abbreviations)
			r.Aliases += len(e.Abbreviations)
		}
	}
	for _, t := range schema.EntryTypes {
		if r := rows[t]; r != nil {
			st.Gazetteer = append(st.Gazetteer, *r)
		}
	}
	return st
}

// byTypeSummary is " (195 Country, 60 City)", or "" without entries.
func (st schemaStats) byTypeSummary() string {
	var parts []string
	for _, r := range st.Gazetteer {
		parts = append(parts, fmt.Sprintf("%d %s", r.Entries, r.Type))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func (st schemaStats) writeText(out io.Writer) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "files (%d):\n", len(st.Files))
	for _, f := range st.Files {
		fmt.Fprintf(w, "  %s\n", f)
	}
	fmt.Fprintf(w, "\nlabels (%d):\tkey\tindexed\n", len(st.Labels))
	for _, l := range st.Labels {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", l.Label, l.Key, strings.Join(l.Indexed, ", "))
	}
	fmt.Fprintf(w, "\nrelationship types (%d):\tends\tindexed\n", len(st.Relationships))
	for _, r := range st.Relationships {
		arrow := "->"
		if r.Symmetric {
			arrow = "--"
		}
		fmt.Fprintf(w, "  %s\t(%s)%s(%s)\t%s\n", r.Type, strings.Join(r.From, "|"), arrow, strings.Join(r.To, "|"), strings.Join(r.Indexed, ", "))
	}
	fmt.Fprintf(w, "\nlanguages (%d):\tframes\ttitles\ttreaty nouns\tvenue nouns\tevent kinds\tlearned scorers\n", len(st.Languages))
	for _, l := range st.Languages {
		scorers := strings.Join(l.Scorers, ", ")
		if scorers == "" {
			scorers = "-"
		}
		fmt.Fprintf(w, "  %s %s\t%d\t%d\t%d\t%d\t%d\t%s\n", l.Code, l.Name, l.Frames, l.Titles, l.TreatyNouns, l.VenueNouns, l.EventKinds, scorers)
	}
	var langs []string
	for _, r := range st.Gazetteer {
		for lang := range r.ByLang {
			if !slices.Contains(langs, lang) {
				langs = append(langs, lang)
			}
		}
	}
	sort.Strings(langs)
	fmt.Fprintf(w, "\ngazetteer:\tentries\taliases")
	for _, lang := range langs {
		fmt.Fprintf(w, "\t%s", lang)
	}
	fmt.Fprintln(w)
	for _, r := range st.Gazetteer {
		fmt.Fprintf(w, "  %s\t%d\t%d", r.Type, r.Entries, r.Aliases)
		for _, lang := range langs {
			fmt.Fprintf(w, "\t%d", r.ByLang[lang])
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

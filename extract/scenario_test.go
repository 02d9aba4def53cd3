package extract

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// The scenario suite: one file per behaviour of the Arabic extractor, its
// text and the facts an analyst reads in it side by side (the caddy model;
// testdata/scenarios/README.md gives the format). A scenario listed in
// testdata/scenarios/FAILING.md is a known gap: it is skipped with its
// reason while it fails, and fails the suite once it passes, so that its
// line is removed.

var explainFlag = flag.Bool("explain", false, "print how the extractor read each failing scenario (Extractor.Explain)")

const scenarioDir = "testdata/scenarios"

// failingLine is a line of FAILING.md: "- NAME: reason".
var failingLine = regexp.MustCompile("^[-*]\\s+`?([A-Za-z0-9_.-]+?)(?:\\.txt)?`?\\s*:\\s+(.+)$")

// knownFailing reads FAILING.md: the scenarios skipped, with their reasons.
func knownFailing(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(filepath.Join(scenarioDir, "FAILING.md"))
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := failingLine.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			out[m[1]] = m[2]
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// loadScenarios reads and parses every scenario file.
func loadScenarios(t *testing.T) []scenario {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(scenarioDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var out []scenario
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := parseScenario(strings.TrimSuffix(filepath.Base(p), ".txt"), string(b))
		if err != nil {
			t.Errorf("%s", err)
			continue
		}
		out = append(out, sc)
	}
	return out
}

// runScenario extracts a scenario's text on its date, in its language.
func runScenario(x *Extractor, sc scenario) Result {
	return x.extract(document.Document{ID: sc.name, Source: sc.name + ".txt", Lang: sc.language(), Date: sc.date, Text: sc.text})
}

// language returns the scenario's language, "ar" when its header names none.
func (sc scenario) language() string {
	if sc.lang == "" {
		return "ar"
	}
	return sc.lang
}

// scenarioExtractor returns the built-in extractor of the scenario's language.
func scenarioExtractor(t *testing.T, x *Extractor, sc scenario) *Extractor {
	t.Helper()
	if sc.language() == "ar" {
		return x
	}
	return langExtractor(t, sc.language())
}

func TestScenarios(t *testing.T) {
	x := defaultExtractor(t)
	failing := knownFailing(t)
	scs := loadScenarios(t)
	if len(scs) == 0 {
		t.Fatalf("no scenarios in %s", scenarioDir)
	}
	names := map[string]bool{}
	for _, sc := range scs {
		names[sc.name] = true
	}
	for n := range failing {
		if !names[n] {
			t.Errorf("FAILING.md lists %s, which is no scenario of %s", n, scenarioDir)
		}
	}
	for _, sc := range scs {
		t.Run(sc.name, func(t *testing.T) {
			x := scenarioExtractor(t, x, sc)
			res := runScenario(x, sc)
			probs := checkScenario(sc, res)
			reason, known := failing[sc.name]
			switch {
			case known && len(probs) > 0:
				t.Skipf("known gap (FAILING.md): %s", reason)
			case known:
				t.Errorf("%s/%s.txt passes now: remove its line from FAILING.md", scenarioDir, sc.name)
			case len(probs) > 0:
				t.Errorf("%s", scenarioReport(x, sc, res, probs))
			}
		})
	}
}

// scenarioReport says why a scenario failed: the file, its problems, the
// relations found and, with -explain, how the extractor read the text.
func scenarioReport(x *Extractor, sc scenario, res Result, probs []string) string {
	var b strings.Builder
	b.WriteString(filepath.Join(scenarioDir, sc.name+".txt") + ":\n")
	for _, p := range probs {
		b.WriteString("  " + p + "\n")
	}
	b.WriteString("  relations found:\n" + foundRelations(res))
	if *explainFlag {
		b.WriteString("\n  explanation:\n")
		var w strings.Builder
		x.Explain(document.Document{ID: sc.name, Lang: sc.language(), Date: sc.date, Text: sc.text}, &w)
		for _, l := range strings.Split(strings.TrimSpace(w.String()), "\n") {
			b.WriteString("    " + l + "\n")
		}
	}
	return b.String()
}

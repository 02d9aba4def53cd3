package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/schema"
	"gopkg.in/yaml.v3"
)

var (
	update     = flag.Bool("update", false, "rewrite testdata/golden/*.json and testdata/version.txt, and raise the floors of testdata/floors*.yaml")
	schemaFlag = flag.String("schema", "", "schema directory for the fixture test instead of the built-in one")
)

// fixtureSet is a set of articles with gold files scored against floors of
// its own: the project's fixtures (with the shared development seeds, when
// present), and the blind sets. Only the project's fixtures have golden
// outputs too.
type fixtureSet struct {
	name   string   // the set's name in messages
	dirs   []string // where its articles and gold files live
	floors string   // its floors file under testdata/
	golden bool     // compare the output with testdata/golden/NAME.json
}

var fixtureSets = []fixtureSet{
	{name: "articles", dirs: []string{"../fixtures/articles", "../../shared/eval/dev"}, floors: "floors.yaml", golden: true},
	{name: "blind", dirs: []string{"../fixtures/blind"}, floors: "floors-blind.yaml"},
	{name: "blind2", dirs: []string{"../fixtures/blind2"}, floors: "floors-blind2.yaml"},
	{name: "blind3", dirs: []string{"../fixtures/blind3"}, floors: "floors-blind3.yaml"},
}

// f1Floor is a pair of entity and relation F1 floors.
type f1Floor struct {
	Entity   float64 `yaml:"entity"`
	Relation float64 `yaml:"relation"`
}

// floors is a set's floors file: the lowest entity and relation F1 each
// document may score, and the floors of the set's first directory overall.
type floors struct {
	Overall f1Floor            `yaml:"overall"`
	Docs    map[string]f1Floor `yaml:"docs"`
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// langExtractors holds the built-in schema's extractors by language.
var langExtractors sync.Map

// langExtractor builds the Extractor of language code on the built-in
// schema once.
func langExtractor(t testing.TB, code string) *Extractor {
	t.Helper()
	if x, ok := langExtractors.Load(code); ok {
		return x.(*Extractor)
	}
	s, err := schema.Default()
	if err != nil {
		t.Skipf("built-in schema does not load (its own tests report why): %v", err)
	}
	x, err := New(s, Options{Lang: code})
	if err != nil {
		t.Fatalf("language %s: %v", code, err)
	}
	got, _ := langExtractors.LoadOrStore(code, x)
	return got.(*Extractor)
}

// defaultExtractor builds an Extractor on the built-in schema once.
func defaultExtractor(t testing.TB) *Extractor {
	t.Helper()
	defaultOnce.Do(func() {
		var s *schema.Schema
		var err error
		if *schemaFlag != "" {
			s, err = schema.Load(*schemaFlag)
		} else {
			s, err = schema.Default()
		}
		if err != nil {
			defaultErr = err
			return
		}
		defaultX, defaultErr = New(s, Options{})
	})
	if defaultErr != nil {
		t.Skipf("built-in schema does not load (its own tests report why): %v", defaultErr)
	}
	return defaultX
}

type fixture struct{ name, text, gold string }

// fixtures reads the articles of dirs; a directory that does not exist (the
// shared seeds in a checkout of the project alone) has none.
func fixtures(t *testing.T, dirs []string) []fixture {
	t.Helper()
	var out []fixture
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fixture{name: strings.TrimSuffix(filepath.Base(p), ".txt"), text: string(b),
				gold: strings.TrimSuffix(p, ".txt") + ".gold.yaml"})
		}
	}
	return out
}

// TestFixtures runs the extractor on every article of every fixture set,
// compares the JSON of the project's fixtures with testdata/golden/NAME.json,
// and scores each article against its gold file, failing when a document or
// a set falls below its floor (testdata/floors*.yaml).
//
// -update rewrites the golden files and raises floors to the scores reached;
// it never lowers one: a document below its floor fails with -update too.
// Lowering a floor is an edit by hand of the floors file, with the reason in
// the commit message.
func TestFixtures(t *testing.T) {
	x := defaultExtractor(t)
	n := 0
	for _, set := range fixtureSets {
		t.Run(set.name, func(t *testing.T) {
			n += scoreSet(t, x, set)
		})
	}
	if n == 0 {
		t.Skip("no fixture articles")
	}
}

// scoreSet runs one fixture set and returns the number of its articles.
func scoreSet(t *testing.T, x *Extractor, set fixtureSet) int {
	t.Helper()
	fs := fixtures(t, set.dirs)
	if len(fs) == 0 {
		t.Skipf("no articles in %s", strings.Join(set.dirs, ", "))
	}
	path := filepath.Join("testdata", set.floors)
	var fl floors
	if b, err := os.ReadFile(path); err == nil {
		if err := yaml.Unmarshal(b, &fl); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	} else if !*update {
		t.Fatalf("%s: %v (run go test ./extract -update to record the floors)", path, err)
	}
	next := floors{Docs: map[string]f1Floor{}}
	var allE, allR tally
	for _, f := range fs {
		res := x.extract(document.Document{ID: f.name, Source: f.name + ".txt", Lang: "ar", Text: f.text})
		if set.golden {
			checkGolden(t, f.name, res)
		}
		b, err := os.ReadFile(f.gold)
		if err != nil {
			continue
		}
		var g gold
		if err := yaml.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f.gold, err)
		}
		e, r := score(g, res)
		if strings.HasPrefix(f.gold, set.dirs[0]) {
			// The overall floor is of the set's first directory, so that it
			// holds the same in a checkout without the shared seeds.
			allE.tp, allE.fp, allE.fn = allE.tp+e.tp, allE.fp+e.fp, allE.fn+e.fn
			allR.tp, allR.fp, allR.fn = allR.tp+r.tp, allR.fp+r.fp, allR.fn+r.fn
		}
		t.Logf("%-45s entity F1 %.3f  relation F1 %.3f", f.name, e.f1(), r.f1())
		got := f1Floor{floor2(e.f1()), floor2(r.f1())}
		old, ok := fl.Docs[f.name]
		if ok && (e.f1()+1e-9 < old.Entity || r.f1()+1e-9 < old.Relation) {
			t.Errorf("%s: entity F1 %.3f (floor %.2f), relation F1 %.3f (floor %.2f)",
				f.name, e.f1(), old.Entity, r.f1(), old.Relation)
		}
		next.Docs[f.name] = raise(old, got, ok)
	}
	t.Logf("overall (%s): entity F1 %.3f  relation F1 %.3f", set.dirs[0], allE.f1(), allR.f1())
	if allE.f1()+1e-9 < fl.Overall.Entity || allR.f1()+1e-9 < fl.Overall.Relation {
		t.Errorf("overall entity F1 %.3f (floor %.2f), relation F1 %.3f (floor %.2f)",
			allE.f1(), fl.Overall.Entity, allR.f1(), fl.Overall.Relation)
	}
	if *update {
		next.Overall = raise(fl.Overall, f1Floor{floor2(allE.f1()), floor2(allR.f1())}, fl.Docs != nil)
		for n, d := range fl.Docs {
			if _, ok := next.Docs[n]; !ok {
				next.Docs[n] = d // a document gone from the set keeps its floor until removed by hand
			}
		}
		writeFloors(t, path, next)
	}
	return len(fs)
}

// raise returns the floor old raised to got (got when there was no floor).
func raise(old, got f1Floor, had bool) f1Floor {
	if !had {
		return got
	}
	return f1Floor{max(old.Entity, got.Entity), max(old.Relation, got.Relation)}
}

// checkGolden compares res with testdata/golden/NAME.json, or rewrites it
// with -update.
func checkGolden(t *testing.T, name string, res Result) {
	t.Helper()
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(golden); err != nil {
		t.Errorf("%s: no golden file (run go test ./extract -update): %v", name, err)
	} else if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
		t.Errorf("%s: output differs from %s (run go test ./extract -update and review the diff)", name, golden)
	}
}

func floor2(f float64) float64 { return float64(int(f*100+1e-9)) / 100 }

func writeFloors(t *testing.T, path string, fl floors) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# F1 floors for TestFixtures, raised by go test ./extract -update, which never lowers one.\n")
	b.WriteString("# A document scoring below its floor fails the test. Lower a floor only by hand, with\n# the reason in the commit message.\n")
	fmt.Fprintf(&b, "overall: {entity: %.2f, relation: %.2f}\ndocs:\n", fl.Overall.Entity, fl.Overall.Relation)
	names := make([]string, 0, len(fl.Docs))
	for n := range fl.Docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %s: {entity: %.2f, relation: %.2f}\n", n, fl.Docs[n].Entity, fl.Docs[n].Relation)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

package browser

import (
	"archive/zip"
	"bytes"
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/queries"
)

// TestStyleParses reads the style sheet the way Browser's GraSS reader does
// (no comments, single quotes, a value up to the next ":" or ";") and checks
// every label and the grey provenance relationships.
func TestStyleParses(t *testing.T) {
	src := string(Style)
	if strings.Contains(src, "/*") || strings.Contains(src, "//") || strings.Contains(src, `"`) {
		t.Fatal("Browser's GraSS reader takes no comments and no double quotes")
	}
	// Browser's reader, as in its source: braces outside quotes delimit a
	// rule, quotes are dropped, whitespace outside rules ignored.
	blocks := map[string]string{}
	inQuote, inRule := false, false
	var sel, body strings.Builder
	for _, c := range src {
		keep := true
		switch c {
		case '{':
			if inQuote {
				keep = false
			} else {
				inRule = true
			}
		case '}':
			if inQuote {
				keep = false
			} else {
				inRule = false
				blocks[sel.String()] = body.String()
				sel.Reset()
				body.Reset()
			}
		case '\'':
			inQuote = !inQuote
		default:
			keep = false
		}
		if keep {
			continue
		}
		if inRule {
			body.WriteRune(c)
		} else if !unicode.IsSpace(c) {
			sel.WriteRune(c)
		}
	}
	rules := map[string]map[string]string{}
	for name, b := range blocks {
		props := map[string]string{}
		for _, decl := range strings.Split(b, ";") {
			if strings.TrimSpace(decl) == "" {
				continue
			}
			parts := strings.Split(decl, ":")
			if len(parts) != 2 {
				t.Errorf("%s: %q: a value holds ':' (Browser would cut it)", name, strings.TrimSpace(decl))
				continue
			}
			props[strings.TrimSpace(parts[0])] = strings.TrimSpace(parts[1])
		}
		rules[name] = props
	}
	for _, label := range []string{"Person", "Country", "City", "Venue", "Organization", "Treaty", "Event", "Document", "Evidence", "Entity"} {
		r, ok := rules["node."+label]
		if !ok || r["caption"] == "" {
			t.Errorf("node.%s has no caption: %v", label, r)
		}
	}
	for _, typ := range []string{"MENTIONS", "HAS_EVIDENCE"} {
		r := rules["relationship."+typ]
		if r["shaft-width"] != "1px" || r["caption"] != "{no-caption}" {
			t.Errorf("relationship.%s is not thin and uncaptioned: %v", typ, r)
		}
	}
	if rules["node.Event"]["caption"] != "{kind} · {date}" || rules["node.Evidence"]["caption"] != "{type} · {doc}" ||
		rules["node.Document"]["caption"] != "{title}" {
		t.Errorf("captions: %v %v %v", rules["node.Event"], rules["node.Evidence"], rules["node.Document"])
	}
}

// TestGuide: the guide has a slide per query of the cookbook, and loads the
// style from the base it is given.
func TestGuide(t *testing.T) {
	g, err := Guide("http://127.0.0.1:7999/browser/")
	if err != nil {
		t.Fatal(err)
	}
	s := string(g)
	if !strings.Contains(s, "<title>") || !strings.Contains(s, ":style http://127.0.0.1:7999/browser/dipgraph/dipgraph.grass") {
		t.Errorf("guide lacks a title or the style card")
	}
	qs, _ := queries.List()
	for _, q := range qs {
		if !strings.Contains(s, html.EscapeString(browserForm(q.Text))) {
			t.Errorf("guide lacks the query %s", q.Name)
		}
	}
	if n := strings.Count(s, "<slide>"); n != len(qs)+4 || n != strings.Count(s, "</slide>") {
		t.Errorf("%d slides for %d queries", n, len(qs))
	}
}

// TestGuideCardsRun runs every runnable card of the guide on Neo4j, with the
// parameters of the :params card before it.
func TestGuideCardsRun(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	g, _ := Guide("http://127.0.0.1:7474/browser/")
	var params string
	cards := regexp.MustCompile(`(?s)<pre class="runnable">(.*?)</pre>`).FindAllStringSubmatch(string(g), -1)
	for _, c := range cards {
		text := html.UnescapeString(c[1])
		switch {
		case strings.HasPrefix(text, ":params "):
			params = strings.TrimPrefix(text, ":params ")
			continue
		case strings.HasPrefix(text, ":"):
			continue
		}
		values := map[string]any{}
		if params != "" { // Browser's :params map, evaluated by Neo4j
			rows, err := st.Query(ctx, "RETURN "+params+" AS p", nil)
			if err != nil {
				t.Fatalf("%s: %v", params, err)
			}
			values = rows[0]["p"].(map[string]any)
		}
		if _, err := st.Query(ctx, text, values); err != nil {
			t.Errorf("card does not run: %v\n%s", err, text)
		}
		params = ""
	}
}

// TestBundle: the zip starts with browser/, holds the jar's Browser and the
// style and guide under browser/dipgraph/.
func TestBundle(t *testing.T) {
	var jar bytes.Buffer
	zw := zip.NewWriter(&jar)
	for _, name := range []string{"META-INF/MANIFEST.MF", "browser/", "browser/index.html", "browser/app.js"} {
		w, _ := zw.Create(name)
		w.Write([]byte("x"))
	}
	zw.Close()
	var out bytes.Buffer
	if err := Bundle(&out, bytes.NewReader(jar.Bytes()), int64(jar.Len()), "http://127.0.0.1:7474/browser/"); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	want := "browser/ browser/index.html browser/app.js browser/dipgraph/ browser/dipgraph/dipgraph.grass browser/dipgraph/guide.html"
	if strings.Join(names, " ") != want {
		t.Errorf("entries %v, want %s", names, want)
	}
	var bad bytes.Buffer
	if err := Bundle(&bad, bytes.NewReader(out.Bytes()[:10]), 10, ""); err == nil {
		t.Error("Bundle of a broken jar: no error")
	}
}

// TestRTLText: the layout keeps every word, in order, in lines no longer
// than RTLWidth but for a longer word, each between right-to-left marks.
func TestRTLText(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	for _, text := range []string{
		"عقد الرئيس الصيني شي جينبينغ جلسة مباحثات مع الرئيس الروسي فلاديمير بوتين الذي يقوم بزيارة الدولة إلى الصين في قاعة الشعب الكبرى ببجينغ.",
		"قصير.",
		strings.Repeat("طويل", 20) + " كلمة",
	} {
		rows, err := st.Query(ctx, "RETURN "+RTLText("$t")+" AS s", map[string]any{"t": text})
		if err != nil {
			t.Fatal(err)
		}
		got := rows[0]["s"].(string)
		lines := strings.Split(got, "\n")
		for _, l := range lines {
			inner := strings.TrimSuffix(strings.TrimPrefix(l, "\u200F"), "\u200F")
			if inner == l || len([]rune(inner)) > RTLWidth && strings.Contains(inner, " ") {
				t.Errorf("line %q: not between marks or too long", l)
			}
		}
		if back := strings.ReplaceAll(strings.ReplaceAll(got, "\u200F", ""), "\n", " "); back != text {
			t.Errorf("text back %q, want %q", back, text)
		}
	}
}

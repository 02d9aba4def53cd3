package browser

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/dipgraph/dipgraph/queries"
)

// Style is the GraSS style sheet (dipgraph.grass).
//
//go:embed dipgraph.grass
var Style []byte

// Paths of the style and the guide under Browser's root (/browser/).
const (
	StylePath = "dipgraph/dipgraph.grass"
	GuidePath = "dipgraph/guide.html"
)

// Examples are the parameter values the guide's cards use, from the bundled
// fixtures (fixtures/articles), as Cypher literals.
var Examples = map[string]string{
	"person": "'person:xi-jinping'",
	"from":   "'person:xi-jinping'",
	"to":     "'person:lula-da-silva'",
	"entity": "'person:xi-jinping'",
	"event":  "'event:talks:2025-05-13:person:lula-da-silva+person:xi-jinping'",
	"name":   "'شي'",
	"limit":  "10",
}

//go:embed intro.html
var intro string

// RTLWidth is the longest line, in characters, of a sentence laid out by
// RTLText.
const RTLWidth = 60

// RTLText returns a Cypher expression that lays out the text expr for
// Browser's table, where a cell is one left-to-right line cut at the frame's
// edge, so that a right-to-left sentence loses its beginning: the words in
// lines of at most RTLWidth characters (Browser shows a newline in a cell),
// each line between right-to-left marks (U+200F) so that its punctuation
// stays at its end. Tried in Chromium on Browser 5.24: a leading mark alone,
// or the column moved last, still cut the sentence; this shows it whole.
// Replacing the newlines by spaces and dropping the marks gives the text
// back.
func RTLText(expr string) string {
	return "reduce(s = '', l IN reduce(acc = [''], w IN split(" + expr + ", ' ') | " +
		"CASE WHEN size(acc[-1]) > 0 AND size(acc[-1]) + size(w) >= " + fmt.Sprint(RTLWidth) + " THEN acc + [w] " +
		"ELSE acc[..-1] + [trim(acc[-1] + ' ' + w)] END) | " +
		"s + CASE s WHEN '' THEN '' ELSE '\\n' END + '\\u200F' + l + '\\u200F')"
}

// browserForm returns a cookbook query as the guide shows it: the evidence
// sentence laid out by RTLText.
func browserForm(q string) string {
	return strings.ReplaceAll(q, "e.text AS sentence", RTLText("e.text")+" AS sentence")
}

// Guide returns the HTML of the guide: the introduction's slides, then one
// slide per query of the cookbook. base is Browser's address
// (http://127.0.0.1:7474/browser/), which the card that loads the style
// names.
func Guide(base string) ([]byte, error) {
	qs, err := queries.List()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	in := strings.ReplaceAll(intro, "{{style}}", html.EscapeString(strings.TrimSuffix(base, "/")+"/"+StylePath))
	b.WriteString(strings.ReplaceAll(in, "{{sentence}}", html.EscapeString(RTLText("e.text"))))
	for _, q := range qs {
		fmt.Fprintf(&b, "<slide>\n<h3>%s</h3>\n<p>%s</p>\n", html.EscapeString(title(q.Name)), html.EscapeString(q.Summary))
		if len(q.Params) > 0 {
			var ps []string
			for _, p := range q.Params {
				ps = append(ps, p.Name+": "+example(p))
			}
			fmt.Fprintf(&b, "<p>Set the parameters first (click, then run):</p>\n<pre class=\"runnable\">:params {%s}</pre>\n", html.EscapeString(strings.Join(ps, ", ")))
			b.WriteString("<ul>\n")
			for _, p := range q.Params {
				fmt.Fprintf(&b, "<li><code>$%s</code>: %s</li>\n", p.Name, html.EscapeString(p.Doc))
			}
			b.WriteString("</ul>\n")
		}
		fmt.Fprintf(&b, "<pre class=\"runnable\">%s</pre>\n", html.EscapeString(browserForm(q.Text)))
		fmt.Fprintf(&b, "<p>From a shell: <code>dipgraph query %s</code>%s.</p>\n</slide>\n", q.Name, paramFlags(q))
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes(), nil
}

// example is a parameter's value on the guide's cards.
func example(p queries.Param) string {
	if v, ok := Examples[p.Name]; ok {
		return v
	}
	if p.HasDefault && p.Default != nil {
		return fmt.Sprint(p.Default)
	}
	return "null"
}

func paramFlags(q queries.Query) string {
	var out string
	for _, p := range q.Params {
		if v, ok := Examples[p.Name]; ok {
			out += " --param " + p.Name + "=" + strings.Trim(v, "'")
		}
	}
	if out == "" {
		return ""
	}
	return "<code>" + html.EscapeString(out) + "</code>"
}

// title turns a query's name into a slide title: "met_with" → "Met with".
func title(name string) string {
	s := strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Bundle writes to w a neo4j-browser zip that Neo4j serves at /browser: the
// browser/ tree of the neo4j-browser jar jar (of size bytes), with the style
// and the guide (Guide(base)) added under browser/dipgraph/. Its first entry
// is the directory browser/, which Neo4j takes for the root.
func Bundle(w io.Writer, jar io.ReaderAt, size int64, base string) error {
	zr, err := zip.NewReader(jar, size)
	if err != nil {
		return fmt.Errorf("read the neo4j-browser jar: %w", err)
	}
	guide, err := Guide(base)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	if _, err := zw.CreateHeader(&zip.FileHeader{Name: "browser/", Method: zip.Store}); err != nil {
		return err
	}
	found := false
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "browser/") || f.Name == "browser/" || strings.HasPrefix(f.Name, "browser/dipgraph/") {
			continue
		}
		found = found || f.Name == "browser/index.html"
		if err := zw.Copy(f); err != nil {
			return fmt.Errorf("copy %s: %w", f.Name, err)
		}
	}
	if !found {
		return fmt.Errorf("the jar holds no browser/index.html: not a neo4j-browser jar")
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"browser/dipgraph/", nil}, {"browser/" + StylePath, Style}, {"browser/" + GuidePath, guide}} {
		fw, err := zw.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

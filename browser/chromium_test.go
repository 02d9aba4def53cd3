package browser_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// chromium returns the Chromium to drive: $CHROMIUM, else chromium on the
// path. Without one the test is skipped, or fails in CI, where scripts/test
// installs Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed (scripts/test installs Debian's chromium)")
		}
		t.Skip("chromium is not installed")
	}
	return p
}

// browserURL is the HTTP address of the test database's Neo4j Browser,
// NEO4J_HTTP_URL (scripts/neo4j env sets it).
func browserURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("NEO4J_HTTP_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_HTTP_URL is not set")
		}
		t.Skip("NEO4J_HTTP_URL is not set")
	}
	return strings.TrimSuffix(u, "/")
}

// artefacts is the directory screenshots go to: $DIPGRAPH_TEST_ARTEFACTS, else
// a directory of the test's own.
func artefacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DIPGRAPH_TEST_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "dipgraph-artefacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeGraph writes one document reporting Xi and Putin's talks under a
// fresh prefix, removed when the test ends.
func writeGraph(t *testing.T, cfg graph.Config) graphtest.Builder {
	t.Helper()
	s := graphtest.Schema(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(ctx) })
	b := graphtest.Builder{P: graphtest.Prefix()}
	d := b.Doc("doc", "h")
	d.Document.Title = "Xi and Putin talk"
	graphtest.Entity(d, b, "Person", "person:xi", "Xi Jinping", "شي جينبينغ")
	graphtest.Entity(d, b, "Person", "person:putin", "Vladimir Putin")
	graphtest.Entity(d, b, "Event", "event:talks", "talks 2026-05-20")
	d.Entities[2].Properties["kind"] = "talks"
	d.Entities[2].Properties["date"] = "2026-05-20"
	graphtest.Fact(d, b, "MET_WITH", "person:xi", "person:putin", "2026-05-20", 10, "عقد الرئيس الصيني شي جينبينغ جلسة مباحثات مع الرئيس الروسي فلاديمير بوتين.")
	graphtest.Fact(d, b, "ATTENDED", "person:xi", "event:talks", "2026-05-20", 10, "عقد الرئيس الصيني شي جينبينغ جلسة مباحثات.")
	if _, err := st.Write(ctx, []extract.Result{*d}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Forget(ctx, []string{b.ID("doc")}) })
	return b
}

// TestBrowserStyle drives a real headless Chromium against the Neo4j
// Browser of the test database, served by the Neo4j of scripts/neo4j: it
// logs in through a link that names the database and pre-fills a query,
// lets the server's post-connect command load dipgraph's style, runs the
// query and reads the captions Browser drew.
func TestBrowserStyle(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	base := browserURL(t)
	exe := chromium(t)
	b := writeGraph(t, cfg)
	bolt, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	query := "MATCH (n) WHERE n.id STARTS WITH '" + b.P + "' OPTIONAL MATCH (n)-[r]->(m) WHERE m.id STARTS WITH '" + b.P + "' RETURN n, r, m"
	link := base + "/browser/?dbms=" + url.QueryEscape("bolt://neo4j@"+bolt.Host) + "&cmd=edit&arg=" + url.QueryEscape(query)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	shot := func(name string) {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err == nil {
			err = os.WriteFile(filepath.Join(artefacts(t), name), png, 0o644)
		}
		if err != nil {
			t.Logf("screenshot %s: %v", name, err)
			return
		}
		t.Logf("screenshot: %s", filepath.Join(artefacts(t), name))
	}
	defer func() {
		if t.Failed() {
			shot("browser-failed.png")
		}
	}()

	err = chromedp.Do(ctx,
		chromedp.Navigate(link),
		chromedp.WaitVisible(`[data-testid="password"]`),
		chromedp.SendKeys(`[data-testid="password"]`, cfg.Password),
		chromedp.Click(`[data-testid="connect"]`),
		// The post-connect command runs ":style <url>", whose frame shows the
		// loaded style sheet.
		chromedp.WaitVisible(`//*[@data-testid="frameCommand" and contains(., ":style http")]`),
	)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	styleFrame, err := chromedp.Run(ctx, chromedp.Text(`//*[@data-testid="frame"][.//*[@data-testid="frameCommand" and contains(., ":style http")]]`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(styleFrame, "node.Person") || !strings.Contains(styleFrame, "{name}") {
		t.Errorf("the post-connect :style frame does not show dipgraph's style:\n%s", styleFrame)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`[data-testid="editor-Run"]`),
		chromedp.WaitVisible(`svg g.node text`),
		chromedp.Sleep(3*time.Second), // the layout settles
	)
	if err != nil {
		t.Fatalf("run the query: %v", err)
	}
	shot("browser-style.png")
	captions, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('svg g.node')).map(g =>
		Array.from(g.querySelectorAll('text')).map(t => t.textContent.trim()).filter(s => s).join(' '))`))
	if err != nil {
		t.Fatal(err)
	}
	rels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('svg g.relationship')).map(g =>
		Array.from(g.querySelectorAll('text')).map(t => t.textContent.trim()).join(' '))`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("node captions %q, relationship captions %q", captions, rels)
	want := []string{"Xi Jinping", "Vladimir Putin", "talks · 2026-05-20", "Xi and Putin talk"}
	for _, w := range want {
		found := false
		for _, c := range captions {
			found = found || c == w
		}
		if !found {
			t.Errorf("no node captioned %q among %q", w, captions)
		}
	}
	evidence := 0
	for _, c := range captions {
		if strings.HasPrefix(c, "MET_WITH ·") || strings.HasPrefix(c, "ATTENDED ·") {
			evidence++
		}
	}
	if evidence != 2 || len(captions) != 6 {
		t.Errorf("captions %q: want 6 nodes, 2 of them evidence captioned with their fact type", captions)
	}
	labelled := map[string]int{}
	for _, r := range rels {
		labelled[r]++
	}
	if labelled["MET_WITH"] != 1 || labelled["ATTENDED"] != 1 || labelled[""] != 5 {
		t.Errorf("relationship captions %q: want MET_WITH and ATTENDED, and no caption on 3 MENTIONS and 2 HAS_EVIDENCE", rels)
	}
	body, err := chromedp.Run(ctx, chromedp.Text("body"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "Product Analytics") || strings.Contains(body, "usage statistics") {
		t.Errorf("Browser shows the usage-collection banner")
	}
}

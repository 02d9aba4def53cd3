package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/urfave/cli/v2"
)

func init() {
	invalidSentinels = append(invalidSentinels, export.ErrValue)
}

func exportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph, or a query's subgraph, as GraphML, neo4j-admin CSV or JSON Lines",
		Description: "Reads the graph from Neo4j and writes it for other tools (package export):\n\n" +
			"  --format graphml  one GraphML file (Gephi, yEd, Cytoscape, networkx): labels, a label\n" +
			"                    to show, and every property as attributes\n" +
			"  --format csv      a directory (--output, required) of CSV files with neo4j-admin\n" +
			"                    import headers, and import.sh, the command that loads them into an\n" +
			"                    empty database\n" +
			"  --format jsonl    JSON Lines: one object per node, then per relationship\n\n" +
			"By default the whole graph: documents, entities, evidence and every relationship;\n" +
			"--no-provenance keeps the entities and the facts between them. --query NAME or\n" +
			"FILE.cypher (with --param NAME=VALUE) or --cypher TEXT exports instead the nodes,\n" +
			"relationships and paths the query returns, with the ends of its relationships.",
		Flags: append(neo4jFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "graphml", Usage: "graphml, csv or jsonl"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "file to write (default standard output); for csv, a directory"},
			&cli.BoolFlag{Name: "no-provenance", Usage: "leave out Document and Evidence nodes and their relationships"},
			&cli.StringFlag{Name: "query", Usage: "export the subgraph this query returns: a cookbook NAME or FILE.cypher"},
			&cli.StringFlag{Name: "cypher", Usage: "export the subgraph this Cypher returns"},
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "parameter NAME=VALUE of --query or --cypher (repeatable)"},
			&cli.StringFlag{Name: "array-delimiter", Value: ";", Usage: "csv: the character between a list's items"},
		),
		Action: func(c *cli.Context) error { return runExport(c, env) },
	}
}

func runExport(c *cli.Context, env *Env) error {
	if c.Args().Present() {
		return usageErrorf("export takes no arguments (the graph comes from Neo4j; --output names where it goes)")
	}
	format, out := c.String("format"), c.String("output")
	if !slices.Contains([]string{"graphml", "csv", "jsonl"}, format) {
		return usageErrorf("--format %q: want graphml, csv or jsonl", format)
	}
	if format == "csv" && out == "" {
		return usageErrorf("--format csv writes a directory of files: name it with --output")
	}
	if c.IsSet("query") && c.IsSet("cypher") {
		return usageErrorf("--query and --cypher: give one")
	}
	var sub *subgraphQuery
	switch {
	case c.IsSet("query") || c.IsSet("cypher"):
		q, params, err := exportQuery(c)
		if err != nil {
			return err
		}
		sub = &subgraphQuery{text: q, params: params}
	case c.IsSet("param"):
		return usageErrorf("--param goes with --query or --cypher")
	}
	st, err := openNeo4j(c, env, nil)
	if err != nil {
		return err
	}
	defer st.Close(c.Context)

	w, closeOut, err := exportWriter(format, out, c.String("array-delimiter"), env)
	if err != nil {
		return err
	}
	var nodes, rels int
	count := &counting{Writer: w, nodes: &nodes, rels: &rels}
	if sub != nil {
		err = exportSubgraph(c.Context, st, sub, count)
	} else {
		err = exportGraph(c.Context, st, c.Bool("no-provenance"), count)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	where := out
	if where == "" {
		where = "standard output"
	}
	fmt.Fprintf(env.Stderr, "dipgraph: exported %d nodes and %d relationships as %s to %s\n", nodes, rels, format, where)
	if format == "csv" {
		fmt.Fprintf(env.Stderr, "dipgraph: load them into an empty database with: sh %s/import.sh\n", strings.TrimSuffix(out, "/"))
	}
	return nil
}

// exportWriter opens the output and the format's writer.
func exportWriter(format, out, delim string, env *Env) (export.Writer, func() error, error) {
	if format == "csv" {
		w, err := export.NewCSV(out, delim)
		if err != nil {
			return nil, nil, usageErrorf("--output %s: %v", out, err)
		}
		return w, func() error { return nil }, nil
	}
	var dst io.Writer = env.Stdout
	closeOut := func() error { return nil }
	if out != "" && out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return nil, nil, fmt.Errorf("--output: %w", err)
		}
		dst, closeOut = f, f.Close
	}
	if format == "jsonl" {
		return export.NewJSONL(dst), closeOut, nil
	}
	w, err := export.NewGraphML(dst)
	if err != nil {
		closeOut()
		return nil, nil, err
	}
	return w, closeOut, nil
}

// counting counts what passes to a Writer.
type counting struct {
	export.Writer
	nodes, rels *int
}

func (c *counting) Node(n export.Node) error { *c.nodes++; return c.Writer.Node(n) }
func (c *counting) Rel(r export.Rel) error   { *c.rels++; return c.Writer.Rel(r) }

// exportGraph streams every node, then every relationship, ordered by key.
func exportGraph(ctx context.Context, st *graph.Neo4j, noProvenance bool, w export.Writer) error {
	nodes, rels := `MATCH (n) RETURN labels(n), properties(n) ORDER BY n.id`,
		`MATCH (a)-[r]->(b) RETURN type(r), labels(a), properties(a).id, labels(b), properties(b).id, properties(r)
ORDER BY type(r), properties(a).id, properties(b).id, properties(r).key`
	if noProvenance {
		nodes = strings.Replace(nodes, "(n)", "(n:Entity)", 1)
		rels = strings.Replace(rels, "(a)-[r]->(b)", "(a:Entity)-[r]->(b:Entity)", 1)
	}
	err := st.Stream(ctx, nodes, nil, func(_ []string, v []any) error {
		if v == nil {
			return nil
		}
		return w.Node(export.Node{Labels: sortedStrings(v[0]), Props: v[1].(map[string]any)})
	})
	if err != nil {
		return err
	}
	return st.Stream(ctx, rels, nil, func(_ []string, v []any) error {
		if v == nil {
			return nil
		}
		key := func(x any) string { s, _ := x.(string); return s }
		start := export.RefOf(sortedStrings(v[1]), map[string]any{"id": v[2]})
		end := export.RefOf(sortedStrings(v[3]), map[string]any{"id": v[4]})
		if key(v[2]) == "" || key(v[4]) == "" {
			return fmt.Errorf("a %s relationship has an end without an id property", v[0])
		}
		return w.Rel(export.Rel{Type: v[0].(string), Start: start, End: end, Props: v[5].(map[string]any)})
	})
}

func sortedStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

type subgraphQuery struct {
	text   string
	params map[string]any
}

// exportQuery returns the query of --query or --cypher and its parameters.
func exportQuery(c *cli.Context) (string, map[string]any, error) {
	values := map[string]string{}
	for _, p := range c.StringSlice("param") {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return "", nil, usageErrorf("--param %q: want NAME=VALUE", p)
		}
		values[strings.TrimPrefix(strings.TrimSpace(k), "$")] = v
	}
	if c.IsSet("cypher") {
		params := map[string]any{}
		for k, v := range values {
			params[k] = v
			if v == "null" {
				params[k] = nil
			}
		}
		return c.String("cypher"), params, nil
	}
	q, err := loadQuery(c.String("query"))
	if err != nil {
		return "", nil, err
	}
	params, err := q.Bind(values)
	if err != nil {
		return "", nil, usageErrorf("%v", strings.TrimPrefix(err.Error(), "bad parameter: "))
	}
	return q.Text, params, nil
}

// exportSubgraph runs the query, gathers the nodes, relationships and paths
// it returns (in lists and maps too) and the ends of the relationships, and
// writes them ordered by key.
func exportSubgraph(ctx context.Context, st *graph.Neo4j, q *subgraphQuery, w export.Writer) error {
	nodes := map[string]dbtype.Node{}
	rels := map[string]dbtype.Relationship{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case dbtype.Node:
			nodes[x.ElementId] = x
		case dbtype.Relationship:
			rels[x.ElementId] = x
		case dbtype.Path:
			for _, n := range x.Nodes {
				walk(n)
			}
			for _, r := range x.Relationships {
				walk(r)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	rows := 0
	err := st.Stream(ctx, q.text, q.params, func(_ []string, v []any) error {
		if v == nil {
			return nil
		}
		rows++
		for _, x := range v {
			walk(x)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if rows > 0 && len(nodes) == 0 && len(rels) == 0 {
		return usageErrorf("the query returned %d rows but no node, relationship or path to export: return them (RETURN p for MATCH p = …, or RETURN a, r, b)", rows)
	}
	var missing []any
	for _, r := range rels {
		for _, id := range []string{r.StartElementId, r.EndElementId} {
			if _, ok := nodes[id]; !ok {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) > 0 {
		err := st.Stream(ctx, `MATCH (n) WHERE elementId(n) IN $ids RETURN n`, map[string]any{"ids": missing}, func(_ []string, v []any) error {
			if v != nil {
				walk(v[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	list := make([]export.Node, 0, len(nodes))
	refs := map[string]export.Ref{}
	for id, n := range nodes {
		en := export.Node{Labels: slices.Sorted(slices.Values(n.Labels)), Props: n.Props}
		list = append(list, en)
		refs[id] = en.Ref()
		if refs[id].Key == "" {
			return fmt.Errorf("a node labelled %v has no id property", n.Labels)
		}
	}
	slices.SortFunc(list, func(a, b export.Node) int {
		return strings.Compare(a.Ref().Space+a.Ref().Key, b.Ref().Space+b.Ref().Key)
	})
	for _, n := range list {
		if err := w.Node(n); err != nil {
			return err
		}
	}
	rl := make([]export.Rel, 0, len(rels))
	for _, r := range rels {
		rl = append(rl, export.Rel{Type: r.Type, Start: refs[r.StartElementId], End: refs[r.EndElementId], Props: r.Props})
	}
	slices.SortFunc(rl, func(a, b export.Rel) int {
		k := func(r export.Rel) string {
			s, _ := r.Props["key"].(string)
			return r.Type + "\x00" + r.Start.Key + "\x00" + r.End.Key + "\x00" + s
		}
		return strings.Compare(k(a), k(b))
	})
	for _, r := range rl {
		if err := w.Rel(r); err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/queries"
	"github.com/urfave/cli/v2"
)

func init() {
	invalidSentinels = append(invalidSentinels, graph.ErrStatement)
}

func queryCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a query of the cookbook (or a .cypher file) and print its rows",
		ArgsUsage: "NAME | FILE.cypher",
		Description: "Runs one of the analysts' queries (queries/README.md) against Neo4j, read-only.\n" +
			"NAME is a query of the cookbook (dipgraph query --list); a path ending in .cypher\n" +
			"runs that file, its header read the same way. Parameters are --param NAME=VALUE:\n" +
			"VALUE is text, null is null, and a parameter the query declares an integer is a\n" +
			"whole number; parameters not given take the defaults the query declares.\n\n" +
			"--format table (default) aligns columns for people: right-to-left text is isolated\n" +
			"(Unicode FSI…PDI) so that a terminal that orders it keeps the columns in place,\n" +
			"lists are joined with \", \", cells are cut at --max-width but the last column,\n" +
			"which the cookbook keeps for the longest text (a sentence, a name).\n" +
			"--format json prints JSON Lines, one object per row, keys in column order;\n" +
			"--format csv prints a header and the rows, lists joined with \";\".",
		Flags: append(neo4jFlags(),
			&cli.BoolFlag{Name: "list", Aliases: []string{"l"}, Usage: "list the cookbook's queries and their parameters"},
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "query parameter NAME=VALUE (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table, json or csv"},
			&cli.IntFlag{Name: "max-width", Value: 60, Usage: "table: cut cells longer than this many characters, but in the last column (0: never)"},
		),
		Action: func(c *cli.Context) error { return runQuery(c, env) },
	}
}

func runQuery(c *cli.Context, env *Env) error {
	if c.Bool("list") {
		if c.Args().Present() {
			return usageErrorf("query --list takes no arguments")
		}
		return listQueries(env)
	}
	if c.NArg() != 1 {
		return usageErrorf("query needs one NAME or FILE.cypher (dipgraph query --list shows the names)\n" +
			"Usage: dipgraph query [options] NAME | FILE.cypher")
	}
	out, err := newRowWriter(c.String("format"), env.Stdout, c.Int("max-width"))
	if err != nil {
		return err
	}
	q, err := loadQuery(c.Args().First())
	if err != nil {
		return err
	}
	values := map[string]string{}
	for _, p := range c.StringSlice("param") {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return usageErrorf("--param %q: want NAME=VALUE", p)
		}
		values[strings.TrimPrefix(strings.TrimSpace(k), "$")] = v
	}
	params, err := q.Bind(values)
	if err != nil {
		return usageErrorf("%v", strings.TrimPrefix(err.Error(), queries.ErrParam.Error()+": "))
	}
	st, err := openNeo4j(c, env, nil)
	if err != nil {
		return err
	}
	defer st.Close(c.Context)
	err = st.Stream(c.Context, q.Text, params, func(keys []string, values []any) error {
		if values == nil {
			return out.header(keys)
		}
		return out.row(values)
	})
	if err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	return out.flush()
}

// loadQuery returns the cookbook's query NAME, or the query in a .cypher
// file.
func loadQuery(arg string) (queries.Query, error) {
	if !strings.HasSuffix(arg, ".cypher") {
		q, err := queries.Get(arg)
		if errors.Is(err, queries.ErrUnknown) {
			return q, usageErrorf("no query %q in the cookbook (dipgraph query --list shows them; a file must end in .cypher)", arg)
		}
		return q, err
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return queries.Query{}, fmt.Errorf("%w: %s: cannot read: %v", errInvalid, arg, errors.Unwrap(err))
	}
	q, err := queries.Parse(arg, string(b))
	if err != nil {
		return q, fmt.Errorf("%w: %s: %v", errInvalid, arg, err)
	}
	return q, nil
}

// listQueries prints each query's name, summary and parameters.
func listQueries(env *Env) error {
	qs, err := queries.List()
	if err != nil {
		return err
	}
	w := env.Stdout
	for _, q := range qs {
		fmt.Fprintf(w, "%s\n    %s\n", q.Name, q.Summary)
		for _, p := range q.Params {
			attr := "required"
			switch {
			case p.HasDefault && p.Default == nil:
				attr = "default null"
			case p.HasDefault:
				attr = fmt.Sprintf("default %v", p.Default)
			}
			if p.Integer {
				attr = "integer, " + attr
			}
			fmt.Fprintf(w, "    --param %s=…  %s (%s)\n", p.Name, p.Doc, attr)
		}
	}
	fmt.Fprintln(w, "\nRun one: dipgraph query NAME [--param NAME=VALUE]… [--format table|json|csv]")
	return nil
}

package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"
)

// schemaApplyCommand creates the schema's constraints and indexes in Neo4j.
func schemaApplyCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "apply",
		Usage: "create the schema's constraints and indexes in Neo4j",
		Description: "Creates a uniqueness constraint on every node key and fact key and a range index\n" +
			"on every property marked index: true, then waits until they are online. Running it\n" +
			"again creates nothing. ingest runs it too, before its first write. Then it has the\n" +
			"server plan the statements ingest writes new documents with, and write --rehearsals\n" +
			"batches of made-up documents that it rolls back (nothing stays), so that the first\n" +
			"ingest after a start waits neither for the planner nor for the server's JIT compiler:\n" +
			"run it once after starting Neo4j.",
		Flags: append(neo4jFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
			&cli.IntFlag{Name: "rehearsals", Value: 3, Usage: "batches of made-up documents written and rolled back, to warm a server just started (0: none)"},
		),
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageErrorf("schema apply takes no arguments")
			}
			s, err := loadSchema(c, env)
			if err != nil {
				return err
			}
			start := time.Now()
			st, err := openNeo4j(c, env, s)
			if err != nil {
				return err
			}
			defer st.Close(c.Context)
			rep, err := st.Apply(c.Context, s)
			if err != nil {
				return fmt.Errorf("schema apply: %w", err)
			}
			if err := st.Warm(c.Context, c.Int("rehearsals")); err != nil {
				return fmt.Errorf("schema apply: %w", err)
			}
			if c.Bool("json") {
				return json.NewEncoder(env.Stdout).Encode(map[string]any{
					"created": nonNil(rep.Created), "existing": nonNil(rep.Existing)})
			}
			for _, name := range rep.Created {
				fmt.Fprintf(env.Stdout, "created %s\n", name)
			}
			fmt.Fprintf(env.Stdout, "schema apply: %d created, %d already present (%s)\n",
				len(rep.Created), len(rep.Existing), since(start))
			return nil
		},
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

func forgetCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "forget",
		Usage:     "remove a document's contributions from Neo4j",
		ArgsUsage: "DOC-ID…",
		Description: "Removes each document's node, its mentions and its evidence. Facts no other\n" +
			"document supports are deleted, and so are entities no document mentions any more.\n" +
			"Ids Neo4j does not hold are named on stderr; forgetting them is not an error, so\n" +
			"running the same command twice is safe.",
		Flags: append(neo4jFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing on success"},
		),
		Action: func(c *cli.Context) error {
			ids := c.Args().Slice()
			if len(ids) == 0 {
				return usageErrorf("forget needs at least one document id")
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
			held, err := st.Fingerprints(c.Context, ids)
			if err != nil {
				return fmt.Errorf("forget: %w", err)
			}
			var unknown []string
			for _, id := range ids {
				if _, ok := held[id]; !ok {
					unknown = append(unknown, id)
				}
			}
			if len(unknown) > 0 {
				fmt.Fprintf(env.Stderr, "dipgraph: forget: %d document id(s) not in Neo4j: %s\n", len(unknown), strings.Join(unknown, ", "))
			}
			stats, err := st.Forget(c.Context, ids)
			if err != nil {
				return fmt.Errorf("forget: %w", err)
			}
			switch {
			case c.Bool("json"):
				return json.NewEncoder(env.Stdout).Encode(map[string]any{
					"requested": len(ids), "forgotten": stats.Documents, "unknown": unknown,
					"nodes_deleted": stats.NodesDeleted, "relationships_deleted": stats.RelationshipsDeleted,
					"properties_set": stats.PropertiesSet, "seconds": time.Since(start).Seconds()})
			case !c.Bool("quiet"):
				fmt.Fprintf(env.Stdout, "forgot %d of %d documents: %d nodes and %d relationships deleted (%s)\n",
					stats.Documents, len(ids), stats.NodesDeleted, stats.RelationshipsDeleted, since(start))
			}
			return nil
		},
	}
}

package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// schemaApplyCommand is a placeholder; the graph package's author replaces this file.
func schemaApplyCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "apply",
		Usage: "create the schema's constraints and indexes in Neo4j",
		Action: func(*cli.Context) error {
			return errors.New("schema apply: not built yet")
		},
	}
}

package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func schemaCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return errors.New("schema: not built yet")
		},
	}
}

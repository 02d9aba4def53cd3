package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func ingestCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "ingest",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return errors.New("ingest: not built yet")
		},
	}
}

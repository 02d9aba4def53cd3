package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func extractCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "extract",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return errors.New("extract: not built yet")
		},
	}
}

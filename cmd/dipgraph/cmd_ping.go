package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func pingCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "ping",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return errors.New("ping: not built yet")
		},
	}
}

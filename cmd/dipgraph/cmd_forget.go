package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

func forgetCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "forget",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return errors.New("forget: not built yet")
		},
	}
}

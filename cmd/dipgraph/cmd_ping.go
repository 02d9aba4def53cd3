package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/urfave/cli/v2"
)

func pingCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "ping",
		Usage: "check that Neo4j answers a query",
		Description: "Runs RETURN 1 on the database and prints one line. With --wait, retries while the\n" +
			"server cannot be reached or the database is not yet available, until the duration\n" +
			"has passed; wrong credentials fail at once.",
		Flags: append(neo4jFlags(),
			&cli.DurationFlag{Name: "wait", Usage: "keep trying this long (e.g. 60s) while Neo4j is starting"},
		),
		Action: func(c *cli.Context) error { return runPing(c, env) },
	}
}

func runPing(c *cli.Context, env *Env) error {
	if c.Args().Present() {
		return usageErrorf("ping takes no arguments")
	}
	cfg := neo4jConfig(c, env)
	start := time.Now()
	deadline := start.Add(c.Duration("wait"))
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(c.Context, 10*time.Second)
		st, err := graph.Open(ctx, cfg, nil)
		if err == nil {
			agent, perr := st.Ping(ctx)
			_ = st.Close(ctx)
			cancel()
			if perr == nil {
				fmt.Fprintf(env.Stdout, "ok: %s at %s, database %s (%s)\n", agent, graph.RedactURI(cfg.URI), cfg.Database, since(start))
				return nil
			}
			err = perr
		}
		cancel()
		if c.Context.Err() != nil {
			return c.Context.Err()
		}
		if !retryable(err) || time.Now().After(deadline) {
			if attempt > 1 {
				return fmt.Errorf("%w (gave up after %d attempts in %s)", connError(err, cfg), attempt, since(start))
			}
			return connError(err, cfg)
		}
		env.Logger().Debug("neo4j not ready", "attempt", attempt, "err", err)
		select {
		case <-time.After(500 * time.Millisecond):
		case <-c.Context.Done():
			return c.Context.Err()
		}
	}
}

// retryable reports whether a failed ping may succeed later, while the server
// starts: it cannot be reached, or the database is not online yet.
func retryable(err error) bool {
	return !errors.Is(err, graph.ErrAuth) && !errors.Is(err, graph.ErrConfig) && !errors.Is(err, context.Canceled)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
)

// Connection defaults, used when neither a flag nor the environment says.
const (
	defaultURI      = "bolt://localhost:7687"
	defaultUser     = "neo4j"
	defaultDatabase = "neo4j"
)

// neo4jFlags are the connection flags of every command that talks to Neo4j.
func neo4jFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Usage: "Neo4j URI: bolt://, neo4j://, neo4j+s://… (env NEO4J_URI; default " + defaultURI + ")"},
		&cli.StringFlag{Name: "user", Usage: "Neo4j user (env NEO4J_USER; default " + defaultUser + ")"},
		&cli.StringFlag{Name: "password", Usage: "Neo4j password (env NEO4J_PASSWORD, preferred: flags show in the process list)"},
		&cli.StringFlag{Name: "database", Usage: "Neo4j database (env NEO4J_DATABASE; default " + defaultDatabase + ")"},
	}
}

// neo4jConfig reads the connection from the flags, then the environment, then
// the defaults.
func neo4jConfig(c *cli.Context, env *Env) graph.Config {
	pick := func(flag, envVar, def string) string {
		if c.IsSet(flag) {
			return c.String(flag)
		}
		if env.Getenv != nil {
			if v := env.Getenv(envVar); v != "" {
				return v
			}
		}
		return def
	}
	return graph.Config{
		URI:      pick("uri", "NEO4J_URI", defaultURI),
		User:     pick("user", "NEO4J_USER", defaultUser),
		Password: pick("password", "NEO4J_PASSWORD", ""),
		Database: pick("database", "NEO4J_DATABASE", defaultDatabase),
	}
}

// openNeo4j connects with the command's connection settings; a bad URI is a
// usage error, the rest are runtime failures with one clear message each.
func openNeo4j(c *cli.Context, env *Env, s *schema.Schema) (*graph.Neo4j, error) {
	cfg := neo4jConfig(c, env)
	cfg.Logger = env.Logger()
	st, err := graph.Open(c.Context, cfg, s)
	if err != nil {
		return nil, connError(err, cfg)
	}
	return st, nil
}

// connError maps connection errors to usage errors where the user mistyped,
// and says how to set the password when none was given.
func connError(err error, cfg graph.Config) error {
	switch {
	case errors.Is(err, graph.ErrConfig):
		return usageErrorf("%v", err)
	case errors.Is(err, graph.ErrAuth) && cfg.Password == "":
		return fmt.Errorf("%w\nNEO4J_PASSWORD is not set (nor --password); for the Neo4j of scripts/neo4j, run: eval \"$(scripts/neo4j env)\"", err)
	}
	return err
}

// since formats the time elapsed since start for summaries.
func since(start time.Time) string {
	d := time.Since(start)
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return d.Round(10 * time.Millisecond).String()
}

// warm has the server plan ingest's statements (graph.Neo4j.Warm) while the
// first documents are read and extracted; the first write waits for it. A
// failure only costs the time it was to save: it is logged. The returned
// function waits until warm has returned.
func warm(ctx context.Context, env *Env, st *graph.Neo4j) func() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := st.Warm(ctx, 0); err != nil && ctx.Err() == nil {
			env.Logger().Warn("planning ahead failed; the first batches plan their statements", "err", err)
		}
	}()
	return func() { <-done }
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
)

// bulkFlags are the flags of ingest --bulk.
func bulkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "bulk", Usage: "build the graph offline with neo4j-admin database import, into a stopped database (see below)"},
		&cli.StringFlag{Name: "neo4j-admin", Value: "neo4j-admin", EnvVars: []string{"DIPGRAPH_NEO4J_ADMIN"},
			Usage: "--bulk: the neo4j-admin command, with leading arguments if any (split at spaces)"},
		&cli.StringFlag{Name: "bulk-dir", Usage: "--bulk: keep the CSV files in this new directory (default: a temporary one, removed)"},
		&cli.BoolFlag{Name: "bulk-overwrite", Usage: "--bulk: replace the database if it exists, whatever it holds"},
	}
}

// bulkDescription is the part of ingest's help about --bulk.
const bulkDescription = "\n\nWith --bulk, for a first load into an empty database, dipgraph writes the graph as\n" +
	"CSV files and runs neo4j-admin database import full on them: Neo4j must be stopped. The\n" +
	"graph is the one ingest would write online. Start Neo4j afterwards: the next ingest (or\n" +
	"schema apply) creates the constraints and indexes, skips the imported documents and\n" +
	"writes new ones online. neo4j-admin refuses a database that exists, even empty, unless\n" +
	"--bulk-overwrite, which replaces it."

// runBulk is ingest --bulk: extraction as online, into a graph.Bulk, then
// neo4j-admin import of its files.
func runBulk(c *cli.Context, env *Env, s *schema.Schema, x extractor, inputs []string, bad int64, o ingestOptions) error {
	if c.Bool("force") {
		return usageErrorf("--bulk loads an empty database: --force has nothing to rewrite")
	}
	if o.shard.on() {
		return usageErrorf("--bulk loads the whole input into one stopped database: it cannot be shared out with --shard")
	}
	admin := strings.Fields(c.String("neo4j-admin"))
	if len(admin) == 0 {
		return usageErrorf("--neo4j-admin is empty")
	}
	db := neo4jConfig(c, env).Database
	dir := c.String("bulk-dir")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "dipgraph-bulk-*")
		if err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("--bulk-dir: %w (it must be a new directory)", err)
	}
	if strings.ContainsAny(dir, ",=") {
		return usageErrorf("--bulk-dir %q: neo4j-admin cannot take a path with a comma or an equals sign", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("bulk: %w", err)
	}
	st, err := graph.NewBulk(s, abs)
	if err != nil {
		return err
	}
	if !c.Bool("quiet") {
		o.progress = newProgress(env, c.Duration("progress"), inputs)
	}
	sum, err := ingest(c.Context, env, st, s, x, inputs, o)
	if cerr := st.Close(context.WithoutCancel(c.Context)); err == nil {
		err = cerr
	}
	sum.Read, sum.Failed, sum.Invalid = sum.Read+bad, sum.Failed+bad, sum.Invalid+bad
	all := st.Stats()
	sum.NodesCreated, sum.RelationshipsCreated = int64(all.NodesCreated), int64(all.RelationshipsCreated)
	if err == nil {
		start := time.Now()
		err = neo4jImport(c.Context, env, admin, db, abs, st.Files(), c.Bool("bulk-overwrite"))
		sum.Seconds += time.Since(start).Seconds()
	}
	if err != nil {
		sum.Written = 0 // nothing is in the database
	}
	if c.Bool("json") {
		if jerr := json.NewEncoder(env.Stdout).Encode(sum); jerr != nil && err == nil {
			err = jerr
		}
	} else if !c.Bool("quiet") {
		printSummary(env, sum)
		if err == nil {
			fmt.Fprintf(env.Stdout, "imported into database %s; start Neo4j: the next ingest or schema apply creates the constraints and indexes\n", db)
		}
	}
	if err != nil {
		return err
	}
	return sum.err()
}

// neo4jImport runs neo4j-admin database import full of files into database
// db, with its output on stderr and its report in dir.
func neo4jImport(ctx context.Context, env *Env, admin []string, db, dir string, files graph.BulkFiles, overwrite bool) error {
	args := append(slices.Clone(admin[1:]), "database", "import", "full", db,
		"--id-type=string", "--array-delimiter=U+001F", "--report-file="+filepath.Join(dir, "import.report"))
	if len(files.Multiline) > 0 { // only these are read line break by line break, the others in parallel
		args = append(args, "--multiline-fields-format=v2", "--multiline-fields="+strings.Join(files.Multiline, ","))
	}
	if overwrite {
		args = append(args, "--overwrite-destination=true")
	}
	for _, f := range files.Nodes {
		args = append(args, "--nodes="+f)
	}
	for _, f := range files.Relationships {
		args = append(args, "--relationships="+f)
	}
	cmd := exec.CommandContext(ctx, admin[0], args...)
	cmd.Stdout, cmd.Stderr = env.Stderr, env.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("neo4j-admin database import failed (%v): Neo4j must be stopped, and the database %s must not "+
				"exist unless --bulk-overwrite; its messages are above", err, db)
		}
		return fmt.Errorf("run %s: %w (set --neo4j-admin or DIPGRAPH_NEO4J_ADMIN)", admin[0], err)
	}
	return nil
}

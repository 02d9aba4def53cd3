package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/input"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"
)

func ingestCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract and upsert into Neo4j, idempotently",
		ArgsUsage: "[INPUT…]",
		Description: "Reads articles like extract, skips those Neo4j already holds unchanged (same text,\n" +
			"metadata, schema and extraction rules, by the document's stored fingerprint),\n" +
			"extracts the rest with --workers goroutines and writes them in batches of --batch\n" +
			"documents with --writers writers, each batch in one transaction. A changed document\n" +
			"replaces its previous contributions. The schema's constraints are applied first.\n" +
			"Ends with a summary; the exit code is 1 when a write failed, 3 when only invalid\n" +
			"documents failed. Running it again completes an interrupted run.\n\n" +
			"--shard I/N takes only the documents whose id hashes to I modulo N (SHA-256), so N\n" +
			"processes given the same inputs share them out, each document to exactly one; in a\n" +
			"Kubernetes Indexed Job, I comes from JOB_COMPLETION_INDEX and N from --shards or\n" +
			"DIPGRAPH_SHARDS. A problem (a bad line) is reported by one shard only.\n\n" +
			"Memory does not grow with the number of documents: the ids read (to report a duplicate\n" +
			"id with the file and line it was first seen at) are in temporary files (TMPDIR: a table of\n" +
			"11 to 21 bytes each, and their text), and --memory-limit (default: 120 MiB plus 9\n" +
			"times --max-doc-size, or GOMEMLIMIT when set) makes the garbage collector keep the rest\n" +
			"near what a small run needs." + bulkDescription,
		Flags: append(append(append(neo4jFlags(), bulkFlags()...),
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), Usage: "documents extracted in parallel"},
			&cli.IntFlag{Name: "writers", Value: 1, Usage: "goroutines writing batches (1 or 2 is enough: writes are serialised per process)"},
			&cli.IntFlag{Name: "batch", Value: 100, Usage: "documents per transaction"},
			&cli.BoolFlag{Name: "force", Usage: "rewrite documents even when they are unchanged (interrupted, the next run completes it)"},
			&cli.StringFlag{Name: "date", Usage: "publication date (YYYY-MM-DD) for documents that give none"},
			langFlag(),
			&cli.StringFlag{Name: "stdin-format", Value: "text", Usage: "how \"-\" is read: text or jsonl"},
			maxDocSizeFlag(),
			memoryLimitFlag(),
			&cli.DurationFlag{Name: "progress", Value: 10 * time.Second, Usage: "interval of progress lines when stderr is not a terminal"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress and no summary text (errors are still printed)"},
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON on stdout"},
		), shardFlags()...),
		Action: func(c *cli.Context) error { return runIngest(c, env) },
	}
}

// ingestOptions configure ingest.
type ingestOptions struct {
	workers, writers, batch int
	force                   bool
	extraction              string // see extraction; part of every document's fingerprint
	input                   input.Options
	shard                   shard     // the part of the inputs to take (shard.go)
	progress                *progress // nil: none
}

// extractor is what extract and ingest need of extract.Extractor; tests
// pass their own. An error wrapping extract.ErrInternal is a bug met on one
// document: it fails, the others go on.
type extractor interface {
	Extract(document.Document) (extract.Result, error)
}

// langReader is an extractor that tells the language it reads a document
// in (extract.Set): ingest names it on the document before the document's
// fingerprint is taken, so a detected language counts as given.
type langReader interface {
	Lang(document.Document) string
}

// ingestSummary is what a run did; json tags are the --json output.
type ingestSummary struct {
	Read                 int64 `json:"read"`
	Skipped              int64 `json:"skipped_unchanged"`
	Written              int64 `json:"written"`
	Failed               int64 `json:"failed"`
	Invalid              int64 `json:"invalid"`
	NodesCreated         int64 `json:"nodes_created"`
	NodesDeleted         int64 `json:"nodes_deleted"`
	RelationshipsCreated int64 `json:"relationships_created"`
	RelationshipsDeleted int64 `json:"relationships_deleted"`
	PropertiesSet        int64 `json:"properties_set"`
	Batches              int64 `json:"transactions"`
	// Unstored counts properties the schema does not declare, not written.
	Unstored map[string]int `json:"unstored,omitempty"`
	Seconds  float64        `json:"seconds"`

	// Shard is "I/N" when the run took one shard; OtherShards counts the
	// documents (and problems) it left to the other shards, not in Read.
	Shard       string `json:"shard,omitempty"`
	OtherShards int64  `json:"other_shards,omitempty"`
}

func runIngest(c *cli.Context, env *Env) error {
	o := ingestOptions{workers: c.Int("workers"), writers: c.Int("writers"), batch: c.Int("batch"), force: c.Bool("force")}
	if o.workers < 1 || o.writers < 1 || o.batch < 1 {
		return usageErrorf("--workers, --writers and --batch must be at least 1")
	}
	inputs, err := defaultInputs(c, env)
	if err != nil {
		return err
	}
	if o.shard, err = shardOption(c, env); err != nil {
		return err
	}
	limit, err := maxDocSize(c)
	if err != nil {
		return err
	}
	if mem, set, err := memoryLimit(c, env, limit); err != nil {
		return err
	} else if set {
		defer setMemoryLimit(mem)()
		env.Logger().Debug("soft memory limit", "limit", memoryLimitText(mem))
	}
	o.input = input.Options{Date: c.String("date"), StdinFormat: c.String("stdin-format"), Stdin: env.Stdin,
		Logger: env.Logger(), MaxDocBytes: limit}
	s, err := loadSchema(c, env)
	if err != nil {
		return err
	}
	x, err := newExtractor(s, c.String("lang"))
	if err != nil {
		return err
	}
	if o.extraction, err = extraction(s); err != nil {
		return err
	}
	// Bad paths are named before connecting; the others are read.
	inputs, problems, err := input.Check(inputs, o.input)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "dipgraph: %v\n", p)
	}
	if len(inputs) == 0 {
		return fmt.Errorf("%w: none of the inputs can be read", errInvalid)
	}
	if c.Bool("bulk") {
		return runBulk(c, env, s, x, inputs, int64(len(problems)), o)
	}
	st, err := openNeo4j(c, env, s)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(c.Context))
	if _, err := st.Apply(c.Context, s); err != nil {
		return fmt.Errorf("apply schema: %w", err)
	}
	defer warm(c.Context, env, st)()
	if !c.Bool("quiet") {
		o.progress = newProgress(env, c.Duration("progress"), inputs)
		if o.shard.on() {
			o.progress.shard = o.shard.String()
		}
	}
	var xi extractor = x
	if env.wrapExtractor != nil {
		xi = env.wrapExtractor(x)
	}
	sum, err := ingest(c.Context, env, st, s, xi, inputs, o)
	bad := int64(len(problems))
	sum.Read, sum.Failed, sum.Invalid = sum.Read+bad, sum.Failed+bad, sum.Invalid+bad
	if c.Bool("json") {
		if jerr := json.NewEncoder(env.Stdout).Encode(sum); jerr != nil && err == nil {
			err = jerr
		}
	} else if !c.Bool("quiet") {
		printSummary(env, sum)
	}
	if err != nil {
		return err
	}
	return sum.err()
}

// err is the error of a run that ended with sum: documents failed (exit 3
// when all were invalid input, else 1), or nil.
func (s ingestSummary) err() error {
	switch {
	case s.Failed == 0:
		return nil
	case s.Failed == s.Invalid:
		return fmt.Errorf("%w: %w: %d document(s) failed", errReported, errInvalid, s.Failed)
	}
	return fmt.Errorf("%w: %d document(s) failed", errReported, s.Failed)
}

// ingest reads inputs, skips unchanged documents, extracts the others with
// o.workers goroutines and writes them with a graph.Loader. It returns the
// first fatal error (input arguments, a failed write, cancellation); problems
// with single documents are printed and counted as failed.
func ingest(ctx context.Context, env *Env, st graph.Store, s *schema.Schema, x extractor, inputs []string, o ingestOptions) (ingestSummary, error) {
	start := time.Now()
	var sum counters
	if o.progress != nil {
		o.progress.start(&sum)
		defer o.progress.stop()
	}
	count := func(invalid bool) {
		sum.failed.Add(1)
		if invalid {
			sum.invalid.Add(1)
		}
	}
	fail := func(invalid bool, err error) {
		count(invalid)
		fmt.Fprintf(env.Stderr, "dipgraph: %v\n", err)
	}
	if o.force {
		done, err := clearForced(ctx, st, inputs, &o)
		defer done()
		if err != nil {
			return sum.summary(), err
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	docs := make(chan document.Document, 4*o.batch)
	results := make(chan extract.Result, 2*o.batch)
	g.Go(func() error {
		return detach(ctx, func() error { // a read from a terminal does not honour ctx
			defer close(docs)
			return input.Read(ctx, inputs, o.input, func(it input.Item) error {
				if !o.shard.owns(it) {
					sum.others.Add(1)
					return nil
				}
				sum.read.Add(1)
				if it.Err != nil {
					fail(true, it.Err)
					return nil
				}
				if l, ok := x.(langReader); ok {
					it.Doc.Lang = l.Lang(it.Doc)
				}
				select {
				case docs <- it.Doc:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		})
	})
	// Results leave in input order, so the writes (and, with one writer, which
	// document wins a conflicting property) do not depend on o.workers.
	type extracted struct {
		res extract.Result
		err error
	}
	ordered(ctx, g, o.workers, 2*o.workers+o.batch,
		func(send func(document.Document) error) error {
			return skipUnchanged(ctx, st, o, docs, &sum, send)
		},
		func(d document.Document) extracted {
			res, err := x.Extract(d)
			if err != nil {
				return extracted{err: err}
			}
			return extracted{res: res, err: graph.Validate(s, &res)}
		},
		func(d document.Document, e extracted) error {
			if errors.Is(e.err, extract.ErrInternal) {
				count(false)
				reportInternal(env, d, e.err)
				return nil
			}
			if e.err != nil {
				fail(true, e.err)
				return nil
			}
			select {
			case results <- e.res:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
		func() { close(results) })
	loader := &graph.Loader{Store: st, Batch: o.batch, Writers: o.writers, Done: func(ids []string, gs graph.Stats, err error) {
		sum.add(gs)
		if err != nil {
			bad := len(ids) - gs.Documents
			for range bad {
				count(errors.Is(err, graph.ErrInvalid) || errors.Is(err, graph.ErrTooLarge))
			}
			fmt.Fprintf(env.Stderr, "dipgraph: %d document(s) not written: %v\n", bad, err)
		}
	}}
	g.Go(func() error { return loader.Run(ctx, results) })
	err := g.Wait()
	out := sum.summary()
	out.Seconds = time.Since(start).Seconds()
	if o.shard.on() {
		out.Shard = o.shard.String()
	}
	return out, err
}

// skipUnchanged passes on the documents whose fingerprint the store does not
// hold (all of them with o.force), asking the
// store about up to o.batch at a time.
func skipUnchanged(ctx context.Context, st graph.Store, o ingestOptions, in <-chan document.Document,
	sum *counters, send func(document.Document) error) error {
	for {
		var group []document.Document
		d, ok, err := next(ctx, in)
		if !ok {
			return err
		}
		group = append(group, d)
	drain:
		for len(group) < o.batch {
			select {
			case d, ok := <-in:
				if !ok {
					break drain
				}
				group = append(group, d)
			default:
				break drain
			}
		}
		ids := make([]string, len(group))
		for i := range group {
			if group[i].TextSHA256 == "" {
				h := sha256.Sum256([]byte(group[i].Text))
				group[i].TextSHA256 = hex.EncodeToString(h[:])
			}
			group[i].Fingerprint = fingerprint(group[i], o.extraction)
			ids[i] = group[i].ID
		}
		stored := map[string]string{}
		if !o.force {
			var err error
			if stored, err = st.Fingerprints(ctx, ids); err != nil {
				return fmt.Errorf("read stored fingerprints: %w", err)
			}
		}
		for _, d := range group {
			if h, ok := stored[d.ID]; ok && h == d.Fingerprint {
				sum.skipped.Add(1)
				continue
			}
			if err := send(d); err != nil {
				return err
			}
		}
	}
}

// counters are the live totals of a run, read by the progress line.
type counters struct {
	read, skipped, written, failed, invalid                    atomic.Int64
	nodesCreated, nodesDeleted, relsCreated, relsDeleted, sets atomic.Int64
	batches                                                    atomic.Int64
	others                                                     atomic.Int64 // left to other shards

	mu       sync.Mutex
	unstored map[string]int
}

func (c *counters) add(s graph.Stats) {
	c.written.Add(int64(s.Documents))
	c.nodesCreated.Add(int64(s.NodesCreated))
	c.nodesDeleted.Add(int64(s.NodesDeleted))
	c.relsCreated.Add(int64(s.RelationshipsCreated))
	c.relsDeleted.Add(int64(s.RelationshipsDeleted))
	c.sets.Add(int64(s.PropertiesSet))
	c.batches.Add(int64(s.Batches))
	if len(s.Unstored) > 0 {
		c.mu.Lock()
		if c.unstored == nil {
			c.unstored = map[string]int{}
		}
		for k, v := range s.Unstored {
			c.unstored[k] += v
		}
		c.mu.Unlock()
	}
}

func (c *counters) summary() ingestSummary {
	return ingestSummary{Read: c.read.Load(), Skipped: c.skipped.Load(), Written: c.written.Load(),
		Failed: c.failed.Load(), Invalid: c.invalid.Load(), NodesCreated: c.nodesCreated.Load(),
		NodesDeleted: c.nodesDeleted.Load(), RelationshipsCreated: c.relsCreated.Load(),
		RelationshipsDeleted: c.relsDeleted.Load(), PropertiesSet: c.sets.Load(), Batches: c.batches.Load(),
		Unstored: c.unstoredCopy(), OtherShards: c.others.Load()}
}

func (c *counters) unstoredCopy() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.unstored) == 0 {
		return nil
	}
	return maps.Clone(c.unstored)
}

func printSummary(env *Env, s ingestSummary) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Written) / s.Seconds
	}
	fmt.Fprintf(env.Stdout, "ingest%s: %d read, %d skipped unchanged, %d written, %d failed", shardLabel(s.Shard), s.Read, s.Skipped, s.Written, s.Failed)
	if rest := s.Read - s.Skipped - s.Written - s.Failed; rest > 0 {
		fmt.Fprintf(env.Stdout, ", %d not processed", rest)
	}
	if s.Shard != "" {
		fmt.Fprintf(env.Stdout, ", %d left to other shards", s.OtherShards)
	}
	fmt.Fprintf(env.Stdout, "; nodes %d created, %d deleted; relationships %d created, %d deleted; %d properties set; %d transactions; %.1fs (%.1f docs/s)\n",
		s.NodesCreated, s.NodesDeleted, s.RelationshipsCreated, s.RelationshipsDeleted, s.PropertiesSet, s.Batches, s.Seconds, rate)
	if len(s.Unstored) > 0 {
		parts := make([]string, 0, len(s.Unstored))
		for _, k := range slices.Sorted(maps.Keys(s.Unstored)) {
			parts = append(parts, fmt.Sprintf("%s (%d)", k, s.Unstored[k]))
		}
		fmt.Fprintf(env.Stderr, "dipgraph: properties not declared in the schema were not stored: %s\n", strings.Join(parts, ", "))
	}
}

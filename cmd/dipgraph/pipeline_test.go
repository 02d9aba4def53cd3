package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/input"
	"golang.org/x/sync/errgroup"
)

func TestOrderedKeepsFeedOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		g, ctx := errgroup.WithContext(context.Background())
		var got []int
		finished := false
		ordered(ctx, g, workers, 2*workers,
			func(send func(int) error) error {
				for i := range 200 {
					if err := send(i); err != nil {
						return err
					}
				}
				return nil
			},
			func(i int) int {
				time.Sleep(time.Duration((i*7919)%5) * 100 * time.Microsecond) // finish out of order
				return i * i
			},
			func(i, sq int) error {
				if sq != i*i {
					t.Errorf("item %d: result %d", i, sq)
				}
				got = append(got, i)
				return nil
			},
			func() { finished = true })
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		if len(got) != 200 || !finished {
			t.Fatalf("workers=%d: %d items emitted, finished=%v", workers, len(got), finished)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("workers=%d: item %d emitted at position %d", workers, v, i)
			}
		}
	}
}

func TestOrderedStopsOnEmitError(t *testing.T) {
	stop := errors.New("stop")
	g, ctx := errgroup.WithContext(context.Background())
	ordered(ctx, g, 4, 8,
		func(send func(int) error) error {
			for i := 0; ; i++ { // an endless feed must end when emit fails
				if err := send(i); err != nil {
					return err
				}
			}
		},
		func(i int) int { return i },
		func(i, _ int) error {
			if i == 10 {
				return stop
			}
			return nil
		}, nil)
	if err := g.Wait(); !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
}

// stuckExtractor extracts as fakeExtractor, but never returns from the
// document whose id ends with stuck until release is closed: a document whose
// extraction takes very long.
type stuckExtractor struct {
	fakeExtractor
	stuck            string
	started, release chan struct{}
}

func (x stuckExtractor) Extract(d document.Document) (extract.Result, error) {
	if strings.HasSuffix(d.ID, x.stuck) {
		close(x.started)
		<-x.release
	}
	return x.fakeExtractor.Extract(d)
}

func newStuck(t *testing.T, b graphtest.Builder, id string) stuckExtractor {
	x := stuckExtractor{fakeExtractor: fakeExtractor{b: b}, stuck: id, started: make(chan struct{}), release: make(chan struct{})}
	t.Cleanup(func() { close(x.release) }) // only after the command has returned
	return x
}

// TestIngestInterruptedInsideADocument: ingest returns once interrupted,
// though the extraction of a document is still running (it would otherwise
// wait for it: minutes for a large document).
func TestIngestInterruptedInsideADocument(t *testing.T) {
	s := graphtest.Schema(t)
	b := graphtest.Builder{P: graphtest.Prefix()}
	dir := writeDocs(t, b.P, 6)
	x := newStuck(t, b, "d03")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-x.started; cancel() }()
	_, err := ingest(ctx, quietEnv(), graph.NewMemory(s), s, x, []string{dir}, ingestOptions{workers: 2, writers: 1, batch: 2})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestExtractInterruptedInsideADocument: the same for dipgraph extract.
func TestExtractInterruptedInsideADocument(t *testing.T) {
	b := graphtest.Builder{P: graphtest.Prefix()}
	dir := writeDocs(t, b.P, 6)
	x := newStuck(t, b, "d03")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-x.started; cancel() }()
	err := extractDocs(ctx, quietEnv(), x, []string{dir}, input.Options{}, "json", 2)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// silentStdin is a standard input nobody types into: Read signals reading,
// then blocks until the test ends.
type silentStdin struct {
	once            *sync.Once
	reading, closed chan struct{}
}

func newSilentStdin(t *testing.T) silentStdin {
	s := silentStdin{once: &sync.Once{}, reading: make(chan struct{}), closed: make(chan struct{})}
	t.Cleanup(func() { close(s.closed) })
	return s
}

func (s silentStdin) Read([]byte) (int, error) {
	s.once.Do(func() { close(s.reading) })
	<-s.closed
	return 0, io.EOF
}

// TestInterruptedReadingStdin: extract and ingest of "-" return once
// interrupted (Ctrl-C) while standard input gives nothing.
func TestInterruptedReadingStdin(t *testing.T) {
	s := graphtest.Schema(t)
	for name, run := range map[string]func(ctx context.Context, opts input.Options) error{
		"extract": func(ctx context.Context, opts input.Options) error {
			return extractDocs(ctx, quietEnv(), fakeExtractor{}, []string{"-"}, opts, "json", 2)
		},
		"ingest": func(ctx context.Context, opts input.Options) error {
			_, err := ingest(ctx, quietEnv(), graph.NewMemory(s), s, fakeExtractor{}, []string{"-"}, ingestOptions{workers: 1, writers: 1, batch: 1, input: opts})
			return err
		},
		"ingest --force": func(ctx context.Context, opts input.Options) error {
			_, err := ingest(ctx, quietEnv(), graph.NewMemory(s), s, fakeExtractor{}, []string{"-"}, ingestOptions{workers: 1, writers: 1, batch: 1, input: opts, force: true})
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			stdin := newSilentStdin(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() { <-stdin.reading; cancel() }()
			if err := run(ctx, input.Options{Stdin: stdin}); !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
		})
	}
}

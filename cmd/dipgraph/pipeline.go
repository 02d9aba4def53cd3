package main

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// ordered starts, in g, a pipeline that runs fn over the items feed sends, on
// workers goroutines, and calls emit with every item and its result in the order
// feed sent them, so output does not depend on the number of workers. At most
// lookahead items wait between feed and emit. Every send honours ctx. When the
// last item is emitted (or the pipeline stops), finish is called if not nil.
func ordered[In, Out any](ctx context.Context, g *errgroup.Group, workers, lookahead int,
	feed func(send func(In) error) error, fn func(In) Out, emit func(In, Out) error, finish func()) {
	type job struct {
		in   In
		out  Out
		done chan struct{}
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, max(lookahead, workers))
	g.Go(func() error {
		defer close(jobs)
		defer close(order)
		return feed(func(in In) error {
			j := &job{in: in, done: make(chan struct{})}
			for _, ch := range []chan *job{order, jobs} {
				select {
				case ch <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	})
	for range workers {
		g.Go(func() error {
			for j := range jobs {
				j.out = fn(j.in)
				close(j.done)
			}
			return nil
		})
	}
	g.Go(func() error {
		if finish != nil {
			defer finish()
		}
		for j := range order {
			select {
			case <-j.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err := emit(j.in, j.out); err != nil {
				return err
			}
		}
		return nil
	})
}

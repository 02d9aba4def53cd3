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
//
// Once ctx is done, the pipeline's goroutines return at once, even while feed
// is blocked in a read or fn in a long document: those are detached (see
// detach) and go on until they return or the process exits, so that an
// interrupted command exits within moments.
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
		return detach(ctx, func() error {
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
	})
	for range workers {
		g.Go(func() error {
			for {
				j, ok, err := next(ctx, jobs)
				if !ok {
					return err
				}
				if err := detach(ctx, func() error { j.out = fn(j.in); return nil }); err != nil {
					return err
				}
				close(j.done)
			}
		})
	}
	g.Go(func() error {
		if finish != nil {
			defer finish()
		}
		for {
			j, ok, err := next(ctx, order)
			if !ok {
				return err
			}
			select {
			case <-j.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err := emit(j.in, j.out); err != nil {
				return err
			}
		}
	})
}

// next receives from ch; ok is false when ch is closed (err nil) or ctx is
// done (err is ctx's).
func next[T any](ctx context.Context, ch <-chan T) (v T, ok bool, err error) {
	select {
	case v, ok = <-ch:
		return v, ok, nil
	case <-ctx.Done():
		return v, false, ctx.Err()
	}
}

// detach runs fn in a goroutine of its own and returns its error, or ctx's
// as soon as ctx is done. It is for work that cannot honour ctx — extracting
// one large document, reading a terminal — which the command must not wait
// for once interrupted: fn goes on in the background until it returns or the
// process exits, and must not touch what the caller uses after detach
// returned early.
func detach(ctx context.Context, fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

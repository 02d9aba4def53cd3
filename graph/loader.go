package graph

import (
	"context"
	"errors"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"golang.org/x/sync/errgroup"
)

// Loader writes a stream of results in batches with a few concurrent writers.
type Loader struct {
	Store Store
	// Batch is the number of documents per Write; 0 means 100.
	Batch int
	// Writers is the number of goroutines calling Write; 0 means 1.
	Writers int
	// Linger is how long a writer waits for more results before writing a
	// batch that is not full; 0 means 100 ms.
	Linger time.Duration
	// Done, when set, is called after every Write with the batch's document ids,
	// what it changed and its error. Calls may come from several goroutines.
	Done func(ids []string, st Stats, err error)
}

// Run writes every result received from in until in is closed. A batch that
// fails validation (ErrInvalid) or a document too large for the database
// (ErrTooLarge) is reported through Done and skipped; any
// other write error stops Run, which returns it once the writers have
// stopped. Batches committed before stay written.
func (l *Loader) Run(ctx context.Context, in <-chan extract.Result) error {
	batch, writers, linger := l.Batch, l.Writers, l.Linger
	if batch <= 0 {
		batch = 100
	}
	if writers <= 0 {
		writers = 1
	}
	if linger <= 0 {
		linger = 100 * time.Millisecond
	}
	g, ctx := errgroup.WithContext(ctx)
	for w := 0; w < writers; w++ {
		g.Go(func() error {
			for {
				rs, open := collect(ctx, in, batch, linger)
				if len(rs) > 0 {
					st, err := l.Store.Write(ctx, rs)
					if l.Done != nil {
						ids := make([]string, len(rs))
						for i, r := range rs {
							ids[i] = r.Document.ID
						}
						l.Done(ids, st, err)
					}
					if err != nil && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrTooLarge) {
						return err
					}
				}
				if !open {
					return ctx.Err()
				}
			}
		})
	}
	return g.Wait()
}

// collect receives up to n results, waiting at most linger for more once the
// first has come; open is false when in is closed or ctx is done.
func collect(ctx context.Context, in <-chan extract.Result, n int, linger time.Duration) (rs []extract.Result, open bool) {
	select {
	case r, ok := <-in:
		if !ok {
			return nil, false
		}
		rs = append(rs, r)
	case <-ctx.Done():
		return nil, false
	}
	timer := time.NewTimer(linger)
	defer timer.Stop()
	for len(rs) < n {
		select {
		case r, ok := <-in:
			if !ok {
				return rs, false
			}
			rs = append(rs, r)
		case <-timer.C:
			return rs, true
		case <-ctx.Done():
			return rs, false
		}
	}
	return rs, true
}

package main

import (
	"context"
	"errors"
	"testing"
	"time"

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

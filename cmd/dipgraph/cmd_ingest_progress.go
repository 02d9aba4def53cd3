package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dipgraph/dipgraph/input"
)

// progress reports an ingest run on stderr: a line redrawn in place on a
// terminal, a plain line every interval otherwise.
type progress struct {
	env   *Env
	every time.Duration
	tty   bool
	total atomic.Int64 // documents in the inputs; -1 while unknown
	sum   *counters
	shard string // "I/N" in a sharded run
	begin time.Time
	quit  chan struct{}
	wg    sync.WaitGroup
}

// newProgress returns a progress reporter and starts counting the documents
// of inputs in the background, for the ETA (standard input is never counted).
func newProgress(env *Env, every time.Duration, inputs []string) *progress {
	p := &progress{env: env, every: every, tty: env.IsTerminal != nil && env.IsTerminal(), quit: make(chan struct{})}
	p.total.Store(-1)
	go func() {
		if n, ok := countDocs(inputs); ok {
			p.total.Store(n)
		}
	}()
	return p
}

func (p *progress) start(sum *counters) {
	p.sum, p.begin = sum, time.Now()
	interval := p.every
	if p.tty {
		interval = 250 * time.Millisecond
	}
	if interval <= 0 {
		return
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				if p.tty {
					fmt.Fprintf(p.env.Stderr, "\r\033[K%s", p.line())
				} else {
					fmt.Fprintln(p.env.Stderr, p.line())
				}
			case <-p.quit:
				if p.tty {
					fmt.Fprint(p.env.Stderr, "\r\033[K")
				}
				return
			}
		}
	}()
}

func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
}

// line is "ingest: 1200/5000 documents (1000 written, 150 skipped, 50 failed), 85.2 docs/s, ETA 45s";
// in a sharded run "ingest shard 1/4: 4800/20000 documents (…, 3600 other shards), …",
// where the total and the rate count every document read, the other shards' too.
func (p *progress) line() string {
	w, s, f, o := p.sum.written.Load(), p.sum.skipped.Load(), p.sum.failed.Load(), p.sum.others.Load()
	done := w + s + f + o
	secs := time.Since(p.begin).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(done) / secs
	}
	total := p.total.Load()
	of, eta := "", ""
	if total >= 0 {
		of = fmt.Sprintf("/%d", total)
		if rate > 0 && total > done {
			eta = ", ETA " + (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
		}
	}
	others := ""
	if p.shard != "" {
		others = fmt.Sprintf(", %d other shards", o)
	}
	return fmt.Sprintf("ingest%s: %d%s documents (%d written, %d skipped, %d failed%s), %.1f docs/s%s",
		shardLabel(p.shard), done, of, w, s, f, others, rate, eta)
}

// countDocs counts the documents in inputs as input.Read will find them: one
// per .txt or .md file, one per non-empty line of .jsonl files, outside the
// folders input.SkipDir names.
func countDocs(inputs []string) (int64, bool) {
	var n int64
	for _, in := range inputs {
		if in == "-" {
			return 0, false
		}
		err := filepath.WalkDir(in, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != in && input.SkipDir(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md":
				n++
			case ".jsonl":
				f, err := os.Open(path)
				if err != nil {
					return nil
				}
				defer f.Close()
				sc := bufio.NewScanner(f)
				sc.Buffer(make([]byte, 1<<20), 64<<20)
				for sc.Scan() {
					if strings.TrimSpace(sc.Text()) != "" {
						n++
					}
				}
			}
			return nil
		})
		if err != nil {
			return 0, false
		}
	}
	return n, true
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// memProbe samples the process's memory while a memory benchmark runs, when
// DIPGRAPH_BENCH_PROBE names a directory: every second a line of
// samples.tsv (seconds, phase, VmRSS, and from runtime/metrics the live heap
// objects, the GC's goal, the heap's released bytes and the runtime's total),
// and a heap profile, heap-peak.prof, each time the RSS passes its previous
// peak by 4 MB, so the last one is the profile at the peak. It is a
// measuring aid: it asserts nothing.
type memProbe struct {
	dir   string
	phase atomic.Value // string: "ingest", "close"
	stop  chan struct{}
	done  chan struct{}
}

// startProbe starts a probe when DIPGRAPH_BENCH_PROBE is set; nil otherwise.
func startProbe(tb testing.TB) *memProbe {
	dir := os.Getenv("DIPGRAPH_BENCH_PROBE")
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	p := &memProbe{dir: dir, stop: make(chan struct{}), done: make(chan struct{})}
	p.phase.Store("ingest")
	go p.run(tb)
	return p
}

// setPhase names what the benchmark does from now on.
func (p *memProbe) setPhase(s string) {
	if p != nil {
		p.phase.Store(s)
	}
}

// end stops the probe and waits for its last sample.
func (p *memProbe) end() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.done
}

func (p *memProbe) run(tb testing.TB) {
	defer close(p.done)
	f, err := os.Create(filepath.Join(p.dir, "samples.tsv"))
	if err != nil {
		tb.Error(err)
		return
	}
	defer f.Close()
	fmt.Fprintln(f, "s\tphase\trss_mb\theap_objects_mb\tgc_goal_mb\theap_released_mb\truntime_total_mb\tpeak")
	names := []string{"/memory/classes/heap/objects:bytes", "/gc/heap/goal:bytes",
		"/memory/classes/heap/released:bytes", "/memory/classes/total:bytes"}
	samples := make([]metrics.Sample, len(names))
	for i, n := range names {
		samples[i].Name = n
	}
	start := time.Now()
	var peak int64
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		rss := procStatus("VmRSS:")
		metrics.Read(samples)
		mark := ""
		if rss > peak+4<<20 {
			peak, mark = rss, "*"
			if h, err := os.Create(filepath.Join(p.dir, "heap-peak.prof")); err == nil {
				_ = pprof.Lookup("heap").WriteTo(h, 0)
				_ = h.Close()
			}
		}
		mb := func(v uint64) string { return strconv.FormatFloat(float64(v)/(1<<20), 'f', 1, 64) }
		fmt.Fprintf(f, "%.0f\t%s\t%.1f\t%s\t%s\t%s\t%s\t%s\n", time.Since(start).Seconds(), p.phase.Load(),
			float64(rss)/(1<<20), mb(samples[0].Value.Uint64()), mb(samples[1].Value.Uint64()),
			mb(samples[2].Value.Uint64()), mb(samples[3].Value.Uint64()), mark)
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
	}
}

// procStatus is a field of /proc/self/status in bytes (0 when unknown).
func procStatus(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

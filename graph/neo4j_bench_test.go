package graph_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// benchCorpus is n documents shaped like news: four people out of 300, two
// countries out of 40 (hubs), one event, two meetings, two attendances, a visit.
func benchCorpus(b graphtest.Builder, n int) []extract.Result {
	out := make([]extract.Result, n)
	for i := range out {
		p := func(k int) string { return fmt.Sprintf("person:p%03d", (i*7+k*13)%300) }
		c := func(k int) string { return fmt.Sprintf("country:c%02d", (i+k*11)%40) }
		date := fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28)
		r := b.Doc(fmt.Sprintf("doc%05d", i), fmt.Sprintf("h%d", i))
		for k := 0; k < 4; k++ {
			graphtest.Entity(r, b, "Person", p(k), "Name "+p(k), "اسم "+p(k))
		}
		graphtest.Entity(r, b, "Country", c(0), "Country "+c(0))
		graphtest.Entity(r, b, "Country", c(1), "Country "+c(1))
		ev := "event:" + date + "-" + p(0)
		graphtest.Entity(r, b, "Event", ev, "talks")
		graphtest.Fact(r, b, "MET_WITH", p(0), p(1), date, 10, "A met B.")
		graphtest.Fact(r, b, "MET_WITH", p(2), p(3), date, 60, "C met D.")
		graphtest.Fact(r, b, "ATTENDED", p(0), ev, date, 10, "A attended.")
		graphtest.Fact(r, b, "ATTENDED", p(1), ev, date, 10, "B attended.")
		graphtest.Fact(r, b, "VISITED", p(2), c(0), date, 120, "C visited.")
		out[i] = *r
	}
	return out
}

// BenchmarkNeo4jWrite measures documents written per second through a Loader
// (batches of 100), then forgotten: go test -bench Neo4jWrite -run '^$' ./graph/
func BenchmarkNeo4jWrite(bm *testing.B) {
	st := openNeo4j(&testing.T{})
	defer st.Close(context.Background())
	for _, writers := range []int{1, 2} {
		bm.Run(fmt.Sprintf("writers=%d", writers), func(bm *testing.B) {
			for i := 0; i < bm.N; i++ {
				b := graphtest.Builder{P: graphtest.Prefix()}
				rs := benchCorpus(b, 2000)
				in := make(chan extract.Result, len(rs))
				for _, r := range rs {
					in <- r
				}
				close(in)
				start := time.Now()
				l := &graph.Loader{Store: st, Batch: 100, Writers: writers}
				if err := l.Run(context.Background(), in); err != nil {
					bm.Fatal(err)
				}
				w := time.Since(start)
				// Rewrite unchanged (idempotent path), then forget.
				start = time.Now()
				if _, err := st.Write(context.Background(), rs[:500]); err != nil {
					bm.Fatal(err)
				}
				rw := time.Since(start)
				ids := make([]string, len(rs))
				for j, r := range rs {
					ids[j] = r.Document.ID
				}
				start = time.Now()
				for j := 0; j < len(ids); j += 200 {
					if _, err := st.Forget(context.Background(), ids[j:min(j+200, len(ids))]); err != nil {
						bm.Fatal(err)
					}
				}
				f := time.Since(start)
				bm.ReportMetric(float64(len(rs))/w.Seconds(), "docs/s")
				bm.ReportMetric(500/rw.Seconds(), "rewrite-docs/s")
				bm.ReportMetric(float64(len(rs))/f.Seconds(), "forget-docs/s")
			}
		})
	}
}

package extract

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/document"
)

// TestExtractConcurrent runs every fixture article on one Extractor from
// several goroutines at once: each result must be the one a lone call gives
// (run it with -race).
func TestExtractConcurrent(t *testing.T) {
	x := defaultExtractor(t)
	fx := fixtures(t, fixtureSets[0].dirs)
	if len(fx) == 0 {
		t.Skip("no fixture articles")
	}
	want := make([]string, len(fx))
	for i, f := range fx {
		want[i] = resultJSON(t, x.extract(document.Document{ID: f.name, Text: f.text}))
	}
	const workers = 4
	var wg sync.WaitGroup
	got := make([][]string, workers)
	for w := range workers {
		got[w] = make([]string, len(fx))
		wg.Go(func() {
			for k := range fx {
				i := (k + w*len(fx)/workers) % len(fx) // each worker starts elsewhere
				got[w][i] = resultJSON(t, x.extract(document.Document{ID: fx[i].name, Text: fx[i].text}))
			}
		})
	}
	wg.Wait()
	for w := range got {
		for i := range fx {
			if got[w][i] != want[i] {
				t.Errorf("worker %d, %s: result differs from a lone call", w, fx[i].name)
			}
		}
	}
}

func resultJSON(t *testing.T, r Result) string {
	b, err := json.Marshal(r)
	if err != nil {
		t.Error(err)
	}
	return string(b)
}

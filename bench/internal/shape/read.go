package shape

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// Read reads the JSON Lines of `dipgraph extract --format json` from r and
// calls fn with what each document contributes under s, in input order. It
// skips the results graph.Validate rejects and returns their number, and fails
// on a document id given twice: the baselines load a corpus into a database
// that does not hold it yet, and do not replace documents.
func Read(s *schema.Schema, r io.Reader, fn func(Document) error) (invalid int, err error) {
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var res extract.Result
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			return invalid, fmt.Errorf("line %d: %w", line, err)
		}
		if err := graph.Validate(s, &res); errors.Is(err, graph.ErrInvalid) {
			invalid++
			continue
		} else if err != nil {
			return invalid, fmt.Errorf("line %d: %w", line, err)
		}
		if seen[res.Document.ID] {
			return invalid, fmt.Errorf("line %d: document %s given twice", line, res.Document.ID)
		}
		seen[res.Document.ID] = true
		if err := fn(Of(s, &res)); err != nil {
			return invalid, fmt.Errorf("line %d: %w", line, err)
		}
	}
	return invalid, sc.Err()
}

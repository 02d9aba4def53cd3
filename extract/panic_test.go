package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/document"
	"github.com/dipgraph/dipgraph/schema"
)

// TestExtractPanicIsAnError: a bug met while reading a document is an error
// wrapping ErrInternal, with the panic's value and stack, not an empty result.
func TestExtractPanicIsAnError(t *testing.T) {
	s, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	x.hook = func(d document.Document) {
		if d.ID == "bad" {
			var m map[string]int
			m["boom"]++ // a nil map: a real bug, not a panic of our own
		}
	}
	res, err := x.Extract(document.Document{ID: "bad", Text: "استقبل الرئيس"})
	var pe *PanicError
	if !errors.Is(err, ErrInternal) || !errors.As(err, &pe) {
		t.Fatalf("Extract = %+v, %v; want a *PanicError wrapping ErrInternal", res, err)
	}
	if !strings.Contains(err.Error(), "internal error: assignment to entry in nil map") || !strings.Contains(string(pe.Stack), "panic_test.go") {
		t.Errorf("error %q, stack:\n%s\nwant the panic's value and where it happened", err, pe.Stack)
	}
	if res.Document.ID != "" || res.Entities != nil {
		t.Errorf("result = %+v, want none", res)
	}
	if _, err := x.Extract(document.Document{ID: "good", Text: "استقبل الرئيس"}); err != nil {
		t.Errorf("the next document: %v", err)
	}
}

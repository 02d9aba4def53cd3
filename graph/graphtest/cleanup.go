package graphtest

import (
	"context"
	"testing"
)

// ForgetPrefix forgets, when the test ends, every document whose id starts
// with prefix, so that each test leaves the shared database as it found it.
func ForgetPrefix(t testing.TB, st Store, prefix string) {
	t.Helper()
	t.Cleanup(func() {
		ctx := context.Background()
		d, err := st.Dump(ctx, prefix)
		if err != nil {
			t.Errorf("cleanup: %v", err)
			return
		}
		var ids []string
		for _, n := range d.Nodes {
			if n.Labels[0] == "Document" {
				ids = append(ids, n.Props["id"].(string))
			}
		}
		if _, err := st.Forget(ctx, ids); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
}

package queries_test

import (
	"context"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/queries"
)

// known writes two documents by hand: A reports Xi and Putin's talks, their
// signing of a treaty China and Russia are party to; B reports the same
// meeting, Putin's meeting with Lula and his visit to China.
func known(b graphtest.Builder) []extract.Result {
	a := b.Doc("doc-a", "ha")
	graphtest.Entity(a, b, "Person", "person:xi", "Xi Jinping", "شي جينبينغ")
	graphtest.Entity(a, b, "Person", "person:putin", "Vladimir Putin", "فلاديمير بوتين")
	graphtest.Entity(a, b, "Event", "event:talks", "talks")
	graphtest.Entity(a, b, "Treaty", "treaty:t1", "Joint Statement")
	graphtest.Entity(a, b, "Country", "country:cn", "China")
	graphtest.Entity(a, b, "Country", "country:ru", "Russia")
	graphtest.Fact(a, b, "MET_WITH", "person:xi", "person:putin", "2026-05-20", 10, "Xi met Putin (A).")
	graphtest.Fact(a, b, "ATTENDED", "person:xi", "event:talks", "2026-05-20", 10, "Xi met Putin (A).")
	graphtest.Fact(a, b, "ATTENDED", "person:putin", "event:talks", "2026-05-20", 10, "Xi met Putin (A).")
	graphtest.Fact(a, b, "SIGNED", "person:xi", "treaty:t1", "2026-05-20", 40, "They signed (A).")
	graphtest.Fact(a, b, "SIGNED", "person:putin", "treaty:t1", "2026-05-20", 40, "They signed (A).")
	graphtest.Fact(a, b, "PARTY_TO", "country:cn", "treaty:t1", "", 40, "They signed (A).")
	graphtest.Fact(a, b, "PARTY_TO", "country:ru", "treaty:t1", "", 40, "They signed (A).")

	d := b.Doc("doc-b", "hb")
	d.Document.Date = "2026-06-02"
	graphtest.Entity(d, b, "Person", "person:putin", "Vladimir Putin", "بوتين")
	graphtest.Entity(d, b, "Person", "person:xi", "Xi Jinping")
	graphtest.Entity(d, b, "Person", "person:lula", "Lula da Silva")
	graphtest.Entity(d, b, "Country", "country:cn", "China")
	graphtest.Fact(d, b, "MET_WITH", "person:putin", "person:xi", "2026-05-20", 3, "Putin and Xi held talks (B).")
	graphtest.Fact(d, b, "MET_WITH", "person:putin", "person:lula", "2026-06-01", 60, "Putin received Lula (B).")
	graphtest.Fact(d, b, "VISITED", "person:putin", "country:cn", "2026-05-19", 90, "Putin arrived in China (B).")
	return []extract.Result{*a, *d}
}

func TestQueries(t *testing.T) {
	cfg := graphtest.Neo4jConfig(t)
	s := graphtest.Schema(t)
	ctx := context.Background()
	st, err := graph.Open(ctx, cfg, s)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(ctx)
	if _, err := st.Apply(ctx, s); err != nil {
		t.Fatal(err)
	}
	b := graphtest.Builder{P: graphtest.Prefix()}
	id := b.ID
	if _, err := st.Write(ctx, known(b)); err != nil {
		t.Fatal(err)
	}
	defer st.Forget(ctx, []string{id("doc-a"), id("doc-b")})
	docs := func(ds ...string) []any {
		out := []any{}
		for _, d := range ds {
			out = append(out, id(d))
		}
		return out
	}
	tests := []struct {
		query  string
		params map[string]any
		cols   []string
		want   [][]any
	}{
		{"met_with", map[string]any{"person": id("person:xi"), "since": nil, "until": nil}, []string{"a", "b", "date", "documents", "support"},
			[][]any{{id("person:putin"), id("person:xi"), "2026-05-20", docs("doc-a", "doc-b"), int64(2)}}},
		{"met_with", map[string]any{"person": nil, "since": "2026-05-21", "until": nil}, []string{"a_name", "b_name", "date"},
			[][]any{{"Lula da Silva", "Vladimir Putin", "2026-06-01"}}},
		{"timeline", map[string]any{"person": id("person:putin")}, []string{"date", "fact", "other", "support"}, [][]any{
			{"2026-05-19", "VISITED", id("country:cn"), int64(1)},
			{"2026-05-20", "ATTENDED", id("event:talks"), int64(1)},
			{"2026-05-20", "MET_WITH", id("person:xi"), int64(2)},
			{"2026-05-20", "SIGNED", id("treaty:t1"), int64(1)},
			{"2026-06-01", "MET_WITH", id("person:lula"), int64(1)}}},
		{"treaties", map[string]any{"treaty": id("treaty:t1")}, []string{"name", "date", "signatories", "parties", "documents"},
			[][]any{{"Joint Statement", "2026-05-20", []any{"Vladimir Putin", "Xi Jinping"}, []any{"China", "Russia"}, int64(1)}}},
		{"find", map[string]any{"name": "PUTIN", "label": nil}, []string{"id", "label", "documents", "name"},
			[][]any{{id("person:putin"), "Person", int64(2), "Vladimir Putin"}}},
		{"find", map[string]any{"name": "جينبينغ", "label": "Person"}, []string{"id", "name"},
			[][]any{{id("person:xi"), "Xi Jinping"}}},
		{"find", map[string]any{"name": "jinping", "label": "Country"}, []string{"id"}, nil},
		{"attendees", map[string]any{"event": id("event:talks")}, []string{"name", "how", "documents"},
			[][]any{{"Vladimir Putin", "ATTENDED", docs("doc-a")}, {"Xi Jinping", "ATTENDED", docs("doc-a")}}},
		{"evidence", map[string]any{"from": id("person:xi"), "to": id("person:putin"), "type": "MET_WITH"},
			[]string{"document", "title", "sentence", "start", "end"}, [][]any{
				{id("doc-a"), "Title of doc-a", "Xi met Putin (A).", int64(10), int64(27)},
				{id("doc-b"), "Title of doc-b", "Putin and Xi held talks (B).", int64(3), int64(31)}}},
		{"evidence", map[string]any{"from": id("treaty:t1"), "to": id("country:cn"), "type": nil},
			[]string{"type", "sentence"}, [][]any{{"PARTY_TO", "They signed (A)."}}},
		{"mentions", map[string]any{"entity": id("person:xi")}, []string{"document", "date", "forms"}, [][]any{
			{id("doc-b"), "2026-06-02", []any{"Xi Jinping"}},
			{id("doc-a"), "2026-05-20", []any{"Xi Jinping", "شي جينبينغ"}}}},
		{"most_meetings", map[string]any{"limit": 100000}, []string{"id", "meetings", "partners"}, [][]any{
			{id("person:putin"), int64(2), int64(2)},
			{id("person:lula"), int64(1), int64(1)},
			{id("person:xi"), int64(1), int64(1)}}},
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			tested[tt.query] = true
			q, err := queries.Text(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := st.Query(ctx, q, tt.params)
			if err != nil {
				t.Fatalf("%v\n%s", err, q)
			}
			var got [][]any
			for _, r := range rows {
				if !mine(r, b.P) {
					continue // another test's data in the shared database
				}
				var row []any
				for _, c := range tt.cols {
					row = append(row, r[c])
				}
				got = append(got, row)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
	files, _ := fs.Glob(queries.FS, "*.cypher")
	for _, f := range files {
		if name := strings.TrimSuffix(f, ".cypher"); !tested[name] {
			t.Errorf("%s has no test", f)
		}
	}
}

// mine reports whether a row belongs to this test: some string value in it
// starts with the test's prefix.
func mine(row map[string]any, prefix string) bool {
	for _, v := range row {
		switch x := v.(type) {
		case string:
			if strings.HasPrefix(x, prefix) {
				return true
			}
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok && strings.HasPrefix(s, prefix) {
					return true
				}
			}
		}
	}
	return false
}

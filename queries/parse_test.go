package queries

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	qs, err := List()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 8 {
		t.Fatalf("List returned %d queries", len(qs))
	}
	for _, q := range qs {
		if q.Summary == "" || strings.Contains(q.Summary, "Parameters:") || !strings.HasSuffix(q.Summary, ".") {
			t.Errorf("%s: summary %q is not one sentence", q.Name, q.Summary)
		}
		if strings.HasPrefix(q.Text, "//") || strings.HasSuffix(q.Text, ";") {
			t.Errorf("%s: text keeps its header or semicolon:\n%s", q.Name, q.Text)
		}
		for _, p := range q.Params {
			if p.Doc == "" || strings.Contains(p.Doc, "[") {
				t.Errorf("%s: parameter %s has doc %q", q.Name, p.Name, p.Doc)
			}
		}
	}
}

func TestParse(t *testing.T) {
	q, err := Parse("x", `// Who met whom. More text
// on two lines.
// Parameters:
//   $person  entity id, or null [default: null]
//   $a, $b   two ends
//   $limit   number of rows [integer, default: 25]
// After the parameters.
MATCH (n) WHERE n.id IN [$person, $a, $b] RETURN n LIMIT $limit;
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []Param{
		{Name: "person", Doc: "entity id, or null", HasDefault: true},
		{Name: "a", Doc: "two ends"},
		{Name: "b", Doc: "two ends"},
		{Name: "limit", Doc: "number of rows", Integer: true, Default: int64(25), HasDefault: true},
	}
	if !reflect.DeepEqual(q.Params, want) {
		t.Errorf("params:\n got %+v\nwant %+v", q.Params, want)
	}
	if q.Summary != "Who met whom." || q.Text != "MATCH (n) WHERE n.id IN [$person, $a, $b] RETURN n LIMIT $limit" {
		t.Errorf("summary %q, text %q", q.Summary, q.Text)
	}
	bad := []struct{ src, want string }{
		{"// x\n// Parameters:\n//   $p  thing [default: nope]\nRETURN $p", `parameter $p: default "nope" is not a JSON value`},
		{"// x\n// Parameters:\n//   $p  thing [integer, default: 2.5]\nRETURN $p", "parameter $p: default 2.5 is not an integer"},
		{"// x\n// Parameters:\n//   $p  thing [optional]\nRETURN $p", `parameter $p: unknown attribute "optional"`},
		{"// x\n// Parameters:\n//   $p  thing\nRETURN 1", "parameter $p is declared but the query does not use it"},
		{"// only a header\n", "no query text"},
	}
	for _, b := range bad {
		if _, err := Parse("x", b.src); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Parse(%q) = %v, want %q", b.src, err, b.want)
		}
	}
}

func TestBind(t *testing.T) {
	tests := []struct {
		name   string
		q      string
		values map[string]string
		want   map[string]any
		err    string
	}{
		{"defaults", "met_with", nil, map[string]any{"person": nil, "since": nil, "until": nil}, ""},
		{"strings stay strings", "met_with", map[string]string{"since": "2026", "person": "person:xi-jinping"},
			map[string]any{"person": "person:xi-jinping", "since": "2026", "until": nil}, ""},
		{"integer", "most_meetings", map[string]string{"limit": "5"}, map[string]any{"limit": int64(5)}, ""},
		{"integer default", "most_meetings", nil, map[string]any{"limit": int64(25)}, ""},
		{"null", "treaties", map[string]string{"treaty": "null"}, map[string]any{"treaty": nil}, ""},
		{"bad integer", "most_meetings", map[string]string{"limit": "ten"}, nil, `limit="ten": want a whole number`},
		{"unknown", "most_meetings", map[string]string{"top": "5"}, nil, `query most_meetings has no parameter "top" (it takes limit)`},
		{"missing", "evidence", map[string]string{"type": "MET_WITH"}, nil, "query evidence needs --param from=…, --param to=…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Get(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := q.Bind(tt.values)
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrParam) || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("Bind = %v, want an ErrParam with %q", err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Bind = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := Get("../etc/passwd"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Get of a path: %v", err)
	}
	if _, err := Get("nope"); !errors.Is(err, ErrUnknown) {
		t.Errorf("Get of an unknown name: %v", err)
	}
}

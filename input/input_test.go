package input

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readAll runs Read and renders each item as one line: "doc id|source|title|date|lang"
// or "err <message>".
func readAll(t *testing.T, inputs []string, opts Options) ([]string, error) {
	t.Helper()
	var got []string
	err := Read(context.Background(), inputs, opts, func(it Item) error {
		if (it.Err == nil) == (it.Doc.ID == "") {
			t.Errorf("item must have exactly one of Doc and Err: %+v", it)
		}
		if it.Err != nil {
			if !errors.Is(it.Err, ErrInvalid) {
				t.Errorf("problem %q does not wrap ErrInvalid", it.Err)
			}
			got = append(got, "err "+it.Err.Error())
			return nil
		}
		d := it.Doc
		if d.TextSHA256 != hashText(d.Text) || len(d.TextSHA256) != 64 {
			t.Errorf("%s: TextSHA256 %q is not the SHA-256 of the text", d.ID, d.TextSHA256)
		}
		got = append(got, fmt.Sprintf("doc %s|%s|%s|%s|%s", d.ID, d.Source, d.Title, d.Date, d.Lang))
		return nil
	})
	return got, err
}

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		inputs []string
		opts   Options
		want   []string
	}{
		{
			name:   "directory tree in sorted order, ids relative to the directory",
			inputs: []string{"testdata/tree"},
			want: []string{
				"doc 2025/nested/beijing|testdata/tree/2025/nested/beijing.txt|||",
				"doc 2025/riyadh|testdata/tree/2025/riyadh.md|قمة الرياض||",
				"doc cairo|testdata/tree/cairo.txt|||",
				"doc a1|testdata/tree/feed.jsonl||2025-11-03|ar",
				"doc a2|wam|عنوان||",
			},
		},
		{
			name:   "files in argument order, ids from base names, --date applied",
			inputs: []string{"testdata/plain.txt", "testdata/heading.md", "testdata/untitled.md", "testdata/tree/2025/nested/beijing.txt"},
			opts:   Options{Date: "2025-05-20"},
			want: []string{
				"doc plain|testdata/plain.txt||2025-05-20|",
				"doc heading|testdata/heading.md|Heading|2025-05-20|",
				"doc untitled|testdata/untitled.md||2025-05-20|",
				"doc beijing|testdata/tree/2025/nested/beijing.txt||2025-05-20|",
			},
		},
		{
			name:   "JSON date wins over --date",
			inputs: []string{"testdata/tree/feed.jsonl"},
			opts:   Options{Date: "2024"},
			want: []string{
				"doc a1|testdata/tree/feed.jsonl||2025-11-03|ar",
				"doc a2|wam|عنوان|2024|",
			},
		},
		{
			name:   "bad text files are problems, the rest goes through",
			inputs: []string{"testdata/bad/binary.txt", "testdata/bad/empty.txt", "testdata/plain.txt", "testdata/bad/blank.txt", "testdata/bad/latin1.txt"},
			want: []string{
				"err testdata/bad/binary.txt:2: binary file (NUL byte at byte offset 11)",
				"err testdata/bad/empty.txt: empty file",
				"doc plain|testdata/plain.txt|||",
				"err testdata/bad/blank.txt: empty file",
				"err testdata/bad/latin1.txt:2: invalid UTF-8 at byte offset 21",
			},
		},
		{
			name:   "malformed JSON lines name file, line and field",
			inputs: []string{"testdata/bad/lines.jsonl"},
			want: []string{
				"doc ok1|testdata/bad/lines.jsonl|||",
				"err testdata/bad/lines.jsonl:2: invalid JSON: unexpected end of JSON input",
				"err testdata/bad/lines.jsonl:3: id: missing",
				"err testdata/bad/lines.jsonl:4: text: missing",
				"err testdata/bad/lines.jsonl:5: id: want a string, got a number",
				`err testdata/bad/lines.jsonl:6: date: invalid date "2025-02-30": bad day (want YYYY-MM-DD, YYYY-MM or YYYY)`,
				"err testdata/bad/lines.jsonl:7: want a JSON object, got an array",
				`err testdata/bad/lines.jsonl:9: id: duplicate id "ok1" (first in testdata/bad/lines.jsonl:1)`,
				"err testdata/bad/lines.jsonl:10: invalid UTF-8 at byte offset 213",
				"err testdata/bad/lines.jsonl:11: text: empty",
				"doc ok2|testdata/bad/lines.jsonl|||",
				"err testdata/bad/lines.jsonl:13: lang: want a string, got an array",
			},
		},
		{
			name:   "stdin as text",
			inputs: []string{"-"},
			opts:   Options{Stdin: strings.NewReader("\uFEFFنص من الدخل\r\n")},
			want:   []string{"doc stdin|-|||"},
		},
		{
			name:   "stdin as JSON Lines",
			inputs: []string{"testdata/plain.txt", "-"},
			opts:   Options{StdinFormat: "jsonl", Stdin: strings.NewReader("{\"id\":\"s1\",\"text\":\"t\",\"lang\":\"en\"}\n\n{\"id\":\"s2\"}\n")},
			want: []string{
				"doc plain|testdata/plain.txt|||",
				"doc s1|-|||en",
				"err stdin:3: text: missing",
			},
		},
		{
			name:   "empty stdin",
			inputs: []string{"-"},
			opts:   Options{Stdin: strings.NewReader("")},
			want:   []string{"err stdin: empty file"},
		},
		{
			name:   "line longer than the limit",
			inputs: []string{"-"},
			opts: Options{StdinFormat: "jsonl", MaxDocBytes: 30,
				Stdin: strings.NewReader(`{"id":"long","text":"` + strings.Repeat("x", 100) + "\"}\n{\"id\":\"short\",\"text\":\"t\"}")},
			want: []string{
				"err stdin:1: too large: 123 bytes, the limit is 30 bytes",
				"doc short|-|||",
			},
		},
		{
			name:   "text file larger than the limit",
			inputs: []string{"testdata/plain.txt"},
			opts:   Options{MaxDocBytes: 10},
			want:   []string{"err testdata/plain.txt: too large: 47 bytes, the limit is 10 bytes"},
		},
		{
			name:   "same file twice is a duplicate id",
			inputs: []string{"testdata/plain.txt", "testdata/plain.txt"},
			want: []string{
				"doc plain|testdata/plain.txt|||",
				`err testdata/plain.txt: id: duplicate id "plain" (first in testdata/plain.txt)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(t, tt.inputs, tt.opts)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

func TestReadFatal(t *testing.T) {
	tests := []struct {
		name    string
		inputs  []string
		opts    Options
		want    string
		invalid bool
		is      error
	}{
		{name: "no inputs", want: "no input files", is: ErrNoInput},
		{name: "stdin twice", inputs: []string{"-", "-"}, opts: Options{Stdin: strings.NewReader("")},
			want: "invalid input: standard input (-) given more than once", is: ErrInvalid},
		{name: "stdin unavailable", inputs: []string{"-"},
			want: "invalid input: standard input (-) is not available", is: ErrInvalid},
		{name: "bad --date", inputs: []string{"testdata/plain.txt"}, opts: Options{Date: "20-05-2025"},
			want: `invalid input: --date: invalid date "20-05-2025": bad year (want YYYY-MM-DD, YYYY-MM or YYYY)`, is: ErrInvalid},
		{name: "bad stdin format", inputs: []string{"-"}, opts: Options{StdinFormat: "csv", Stdin: strings.NewReader("")},
			want: `invalid input: stdin format "csv": want "text" or "jsonl"`, is: ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(t, tt.inputs, tt.opts)
			if err == nil {
				t.Fatalf("Read succeeded: %v", got)
			}
			if len(got) != 0 {
				t.Errorf("items before a fatal error: %v", got)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
		})
	}
}

func TestReadStops(t *testing.T) {
	t.Run("yield error is returned as is", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := Read(context.Background(), []string{"testdata/tree"}, Options{}, func(Item) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("err = %v after %d items, want stop after 1", err, n)
		}
	})
	t.Run("cancellation", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		err := Read(ctx, []string{"testdata/tree", "testdata/plain.txt"}, Options{}, func(Item) error {
			n++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("err = %v after %d items, want context.Canceled after 1", err, n)
		}
	})
}

// TestTooLarge: a document over the limit is a problem wrapping ErrTooLarge
// that names its file, its size and the limit; the others go through.
func TestTooLarge(t *testing.T) {
	var got []string
	opts := Options{MaxDocBytes: 40, Stdin: strings.NewReader(strings.Repeat("نص ", 20))}
	err := Read(context.Background(), []string{"testdata/plain.txt", "testdata/heading.md", "-"}, opts, func(it Item) error {
		if it.Err != nil {
			if !errors.Is(it.Err, ErrTooLarge) || !errors.Is(it.Err, ErrInvalid) {
				t.Errorf("%v: want ErrTooLarge and ErrInvalid", it.Err)
			}
			got = append(got, it.Err.Error())
			return nil
		}
		got = append(got, "doc "+it.Doc.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/plain.txt: too large: 47 bytes, the limit is 40 bytes", "doc heading",
		"stdin: too large: 100 bytes, the limit is 40 bytes"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if sizeText(12_600_000) != "12.6 MB" || sizeText(DefaultMaxDocBytes) != "5 MB" {
		t.Errorf("sizeText: %s, %s", sizeText(12_600_000), sizeText(DefaultMaxDocBytes))
	}
}

// TestReadBadPaths: a missing path, an unreadable one and a file of an
// unknown type are problems in their turn; the other inputs are read. Check
// finds them without reading a document.
func TestReadBadPaths(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(locked, []byte("نص"), 0o000); err != nil {
		t.Fatal(err)
	}
	inputs := []string{"testdata/nope.txt", "testdata/plain.txt", "testdata/unknown.csv", locked, "testdata/heading.md"}
	want := []string{
		"err testdata/nope.txt: cannot read: no such file or directory",
		"doc plain|testdata/plain.txt|||",
		`err testdata/unknown.csv: unknown file type ".csv" (want .txt, .md or .jsonl)`,
		"err " + locked + ": cannot read: permission denied",
		"doc heading|testdata/heading.md|Heading||",
	}
	if os.Geteuid() == 0 { // root reads files whatever their mode
		inputs = slices.Delete(inputs, 3, 4)
		want = slices.Delete(want, 3, 4)
	}
	got, err := readAll(t, inputs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ok, problems, err := Check(inputs, Options{})
	if err != nil || !slices.Equal(ok, []string{"testdata/plain.txt", "testdata/heading.md"}) || len(problems) != len(inputs)-2 {
		t.Errorf("Check = %v, %v, %v; want the two readable files and the others' problems", ok, problems, err)
	}
	if !errors.Is(problems[0], fs.ErrNotExist) || !errors.Is(problems[0], ErrInvalid) {
		t.Errorf("%v: want fs.ErrNotExist and ErrInvalid", problems[0])
	}
	if _, _, err := Check([]string{"-", "-"}, Options{Stdin: strings.NewReader("")}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Check of - twice = %v, want the fatal error", err)
	}
}

// TestReadSkipsToolFolders: a directory walk skips hidden directories and
// node_modules-like folders.
func TestReadSkipsToolFolders(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.txt", "node_modules/pkg/readme.md", ".git/notes.txt", "vendor/x.txt",
		"__pycache__/y.txt", "news/venv/z.txt", "news/b.txt", "news/.hidden.txt"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte("نص "+p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	if err := Read(context.Background(), []string{dir}, Options{}, func(it Item) error {
		ids = append(ids, it.Doc.ID)
		return it.Err
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "news/b"}; !slices.Equal(ids, want) {
		t.Errorf("documents %v, want %v", ids, want)
	}
}

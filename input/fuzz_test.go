package input

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"نص","date":"2025-11-03"}` + "\n\n" + `{"id":"b","text":"t","lang":"en"}`))
	f.Add([]byte(`{"id":7}` + "\r\n" + `[1]` + "\n" + `null` + "\n" + `"x"`))
	f.Add([]byte("\uFEFF{\"id\":\"a\",\"text\":\"\\u0000\",\"date\":\"2025-02\"}\n{\"id\":\"a\",\"text\":\"x\"}"))
	f.Add([]byte("{\"id\":\"\xff\",\"text\":\"x\"}\n{\"id\":\"c\",\"text\":\"" + strings.Repeat("y", 100) + "\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{StdinFormat: FormatJSONL, Stdin: strings.NewReader(string(data)), MaxDocBytes: 64}
		err := Read(context.Background(), []string{"-"}, opts, func(it Item) error {
			if (it.Err == nil) == (it.Doc.ID == "") {
				t.Fatalf("item must have exactly one of Doc and Err: %+v", it)
			}
			if it.Err != nil {
				if !errors.Is(it.Err, ErrInvalid) || !strings.HasPrefix(it.Err.Error(), "stdin:") {
					t.Fatalf("bad problem %q", it.Err)
				}
				return nil
			}
			if it.Doc.Text == "" || !utf8.ValidString(it.Doc.ID) || it.Doc.TextSHA256 != hashText(it.Doc.Text) {
				t.Fatalf("bad document %+v", it.Doc)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
	})
}

package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dipgraph/dipgraph/document"

	"github.com/dipgraph/dipgraph/extract/dates"
)

// jsonFields are the fields a JSON line may set, in the order they are checked.
var jsonFields = []string{"id", "text", "title", "date", "url", "source", "lang"}

// readJSONL reads one document per line from rd; name is how problems name
// the file, path the Source of documents without a "source" field.
func (r *reader) readJSONL(ctx context.Context, name, path string, rd io.Reader) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	var offset int64
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, n, size, tooLong, err := readLine(br, r.max)
		if err != nil && !errors.Is(err, io.EOF) {
			return r.problem(&Problem{Source: name, Line: line, Msg: "cannot read: " + errText(err)})
		}
		eof := err != nil
		if n == 0 && eof {
			return nil
		}
		start := offset
		offset += n
		var yerr error
		switch {
		case tooLong:
			yerr = r.problem(tooLarge(name, line, size, r.max))
		case len(bytes.TrimSpace(data)) == 0:
		default:
			yerr = r.jsonLine(data, start, name, path, line)
		}
		if yerr != nil {
			return yerr
		}
		if eof {
			return nil
		}
	}
}

// readLine reads one line without its line end. n counts the bytes consumed,
// line end included, size those of the line without it. A line longer than
// limit is consumed but not returned, and tooLong is set. err is io.EOF when
// the input ended with this line.
func readLine(br *bufio.Reader, limit int64) (data []byte, n, size int64, tooLong bool, err error) {
	var buf []byte
	var last, prev byte // the last two bytes consumed
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		for _, c := range chunk[len(chunk)-min(2, len(chunk)):] {
			prev, last = last, c
		}
		if !tooLong {
			if int64(len(buf)+len(chunk)) > limit+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if !tooLong && int64(len(buf)) > limit {
			tooLong, buf = true, nil
		}
		size = n
		if last == '\n' {
			size--
			if prev == '\r' {
				size--
			}
		}
		return buf, n, size, tooLong, err
	}
}

// jsonLine decodes one JSON line into a document.
func (r *reader) jsonLine(data []byte, offset int64, name, path string, line int) error {
	at := Problem{Source: name, Line: line}
	bad := func(field, format string, args ...any) error {
		p := at
		p.Field, p.Msg = field, fmt.Sprintf(format, args...)
		return r.problem(&p)
	}
	if line == 1 {
		data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	}
	if p := checkUTF8(data, offset); p != nil {
		p.Source, p.Line = name, line
		return r.problem(p)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return bad("", "want a JSON object, got %s", jsonKind(bytes.TrimSpace(data)))
		}
		return bad("", "invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if obj == nil {
		return bad("", "want a JSON object, got null")
	}
	vals := make(map[string]string, len(jsonFields))
	for _, f := range jsonFields {
		raw, ok := obj[f]
		if !ok || string(raw) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return bad(f, "want a string, got %s", jsonKind(raw))
		}
		vals[f] = s
	}
	for _, f := range []string{"id", "text"} {
		if _, ok := vals[f]; !ok {
			return bad(f, "missing")
		}
		if strings.TrimSpace(vals[f]) == "" {
			return bad(f, "empty")
		}
	}
	d := document.Document{
		ID:     vals["id"],
		Source: vals["source"],
		Title:  vals["title"],
		Date:   r.opts.Date,
		Lang:   vals["lang"],
		URL:    vals["url"],
		Text:   strings.ReplaceAll(vals["text"], "\r\n", "\n"),
	}
	if d.Source == "" {
		d.Source = path
	}
	if s, ok := vals["date"]; ok && s != "" {
		if _, err := dates.Parse(s); err != nil {
			return bad("date", "%s", err)
		}
		d.Date = s
	}
	d.TextSHA256 = hashText(d.Text)
	return r.emit(d, at)
}

// jsonKind names the JSON type of a raw value for messages.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

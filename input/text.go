package input

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/document"
)

// readText reads a whole text or Markdown document from rd; size is its size
// when known, else -1.
func (r *reader) readText(rd io.Reader, src, name, id string, k kind, size int64) error {
	data, err := io.ReadAll(io.LimitReader(rd, r.max+1))
	if err != nil {
		return r.problem(&Problem{Source: name, Msg: "cannot read: " + errText(err)})
	}
	if int64(len(data)) > r.max {
		if size < 0 { // count the rest without holding it
			rest, _ := io.Copy(io.Discard, rd)
			size = int64(len(data)) + rest
		}
		return r.problem(tooLarge(name, 0, size, r.max))
	}
	text, p := decodeText(data)
	if p != nil {
		p.Source = name
		return r.problem(p)
	}
	d := document.Document{
		ID:         id,
		Source:     src,
		Date:       r.opts.Date,
		Text:       text,
		TextSHA256: hashText(text),
	}
	if k == kindMarkdown {
		d.Title = markdownTitle(text)
	}
	return r.emit(d, Problem{Source: name})
}

// decodeText checks and decodes a text file's bytes: valid UTF-8, no NUL byte,
// not empty. It drops a leading byte order mark and turns CRLF into LF.
func decodeText(data []byte) (string, *Problem) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", &Problem{Line: lineAt(data, i), Msg: fmt.Sprintf("binary file (NUL byte at byte offset %d)", i)}
	}
	if p := checkUTF8(data, 0); p != nil {
		return "", p
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", &Problem{Msg: "empty file"}
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n"), nil
}

// checkUTF8 reports the first invalid UTF-8 sequence in data, which starts at
// byte offset base in its file.
func checkUTF8(data []byte, base int64) *Problem {
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		c, size := utf8.DecodeRune(data[i:])
		if c == utf8.RuneError && size <= 1 {
			return &Problem{Line: lineAt(data, i), Msg: fmt.Sprintf("invalid UTF-8 at byte offset %d", base+int64(i))}
		}
		i += size
	}
	return nil
}

// lineAt returns the 1-based line holding byte offset i.
func lineAt(data []byte, i int) int {
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// markdownTitle returns the first non-empty line without its leading hashes when
// it is a heading, else "".
func markdownTitle(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "#") {
			return ""
		}
		return strings.TrimSpace(strings.TrimLeft(line, "#"))
	}
	return ""
}

func hashText(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// tooLarge is the problem of a document of size bytes, over the limit max.
func tooLarge(name string, line int, size, max int64) *Problem {
	return &Problem{Source: name, Line: line, Msg: fmt.Sprintf("too large: %s, the limit is %s", sizeText(size), sizeText(max)),
		Err: ErrTooLarge}
}

// sizeText is n bytes for people: "47 bytes", "5 MB", "12.6 MB".
func sizeText(n int64) string {
	switch {
	case n < 1_000_000:
		return fmt.Sprintf("%d bytes", n)
	case n%1_000_000 == 0:
		return fmt.Sprintf("%d MB", n/1_000_000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

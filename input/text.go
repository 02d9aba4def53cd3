package input

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode"
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
	d.Title = textTitle(text, k == kindMarkdown)
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

// Title rules: a headline stands alone among the document's first few
// paragraphs, has a few words, is not a dateline (dates are numbers) and does
// not end a sentence; a longer line is body text.
const (
	titleParagraphs = 4   // paragraphs looked at, from the top
	titleMinWords   = 3   // fewer words: a place and an agency ("بغداد – واع")
	titleMaxRunes   = 160 // longer: a paragraph of body text
)

// textTitle returns a document's title: the first heading ("# …", hashes
// and spaces removed; in a .txt file a space must follow the hashes) among
// the leading paragraphs, or the first line that stands alone as a paragraph and reads as a
// headline (titleMinWords words or more, not a dateline, at most
// titleMaxRunes runes, not ending with a full stop, comma or colon) and has text below
// it. Datelines and agency
// lines above it, alone or in a block of short lines, are passed over; the
// search stops at the first other paragraph of several lines (body text) or after titleParagraphs paragraphs. "" when
// none is found.
func textTitle(text string, markdown bool) string {
	var paras []string // paragraphs: lines between blank lines
	var cur []string
	for line := range strings.SplitSeq(text+"\n", "\n") {
		if line = strings.TrimSpace(line); line != "" {
			cur = append(cur, line)
			continue
		}
		if len(cur) > 0 {
			paras, cur = append(paras, strings.Join(cur, "\n")), nil
		}
		if len(paras) > titleParagraphs {
			break
		}
	}
	for i, para := range paras[:min(len(paras), titleParagraphs)] {
		first, _, multi := strings.Cut(para, "\n")
		if heading := strings.TrimLeft(first, "#"); heading != first && (markdown || strings.HasPrefix(heading, " ")) {
			return strings.TrimSpace(heading)
		}
		if multi {
			if header(para) {
				continue
			}
			return ""
		}
		if i+1 < len(paras) && headline(first) { // a title has text below it
			return first
		}
	}
	return ""
}

// headline reports whether a line standing alone reads as a headline.
func headline(line string) bool {
	words, numbers := lineWords(line)
	if words < titleMinWords || utf8.RuneCountInString(line) > titleMaxRunes || dateline(words, numbers) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,:;،؛۔", last)
}

// dateline reports whether a line of words words, numbers of them holding a
// digit, reads as a dateline ("القاهرة في 18 فبراير 2025 / أ ش أ /") rather
// than a headline that happens to hold a number ("… وتوقيع 12 اتفاقية تعاون").
func dateline(words, numbers int) bool { return numbers >= 2 || numbers*4 >= words && numbers > 0 }

// lineWords counts a line's words (fields holding a letter or a digit) and
// those of them holding a digit.
func lineWords(line string) (words, numbers int) {
	for _, f := range strings.Fields(line) {
		switch {
		case strings.IndexFunc(f, unicode.IsDigit) >= 0:
			words++
			numbers++
		case strings.IndexFunc(f, unicode.IsLetter) >= 0:
			words++
		}
	}
	return words, numbers
}

// header reports whether a paragraph of several lines is a block of short
// lines above the text (a place and agency line, then a date), not body text.
func header(para string) bool {
	for line := range strings.SplitSeq(para, "\n") {
		if words, numbers := lineWords(line); words >= titleMinWords && !dateline(words, numbers) {
			return false
		}
	}
	return true
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

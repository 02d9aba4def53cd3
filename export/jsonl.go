package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// JSONL writes nodes and relationships as JSON Lines (see the package
// comment).
type JSONL struct {
	w *bufio.Writer
}

// NewJSONL returns a JSON Lines writer to w.
func NewJSONL(w io.Writer) *JSONL { return &JSONL{w: bufio.NewWriterSize(w, 1<<16)} }

// jsonRef names a relationship's end: its key and id space.
type jsonRef struct {
	ID    string `json:"id"`
	Space string `json:"space"`
}

// Node writes a node.
func (j *JSONL) Node(n Node) error {
	return j.line(struct {
		Type   string         `json:"type"`
		ID     string         `json:"id"`
		Labels []string       `json:"labels"`
		Props  map[string]any `json:"properties"`
	}{"node", n.Ref().Key, n.Labels, plain(n.Props)})
}

// Rel writes a relationship.
func (j *JSONL) Rel(r Rel) error {
	return j.line(struct {
		Type  string         `json:"type"`
		Label string         `json:"label"`
		Start jsonRef        `json:"start"`
		End   jsonRef        `json:"end"`
		Props map[string]any `json:"properties"`
	}{"relationship", r.Type, jsonRef{ID: r.Start.Key, Space: r.Start.Space}, jsonRef{ID: r.End.Key, Space: r.End.Space}, plain(r.Props)})
}

func (j *JSONL) line(v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrValue, err)
	}
	_, err := j.w.Write(b.Bytes())
	return err
}

// Close flushes the output.
func (j *JSONL) Close() error { return j.w.Flush() }

// plain returns props with temporal values as ISO strings.
func plain(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		switch v.(type) {
		case fmt.Stringer, time.Time:
			out[k] = scalarText(v)
		default:
			out[k] = v
		}
	}
	return out
}

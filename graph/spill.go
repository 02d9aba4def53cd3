package graph

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
)

// spill is a stable external sort of records, each a key and a payload of
// bytes: records are kept in memory up to a fixed number of bytes, then
// sorted by key and written to a run file in a temporary directory; each
// visits them all in key order, merging the runs (at most spillFanIn at a
// time), records of equal keys in the order they were added, one at a
// time. Memory is bounded by the run size and the readers' buffers, not by
// the number of records, nor by those of one key.
type spill struct {
	parent  string // where the temporary directory is made
	dir     string // the temporary directory, made by the first run
	runSize int    // bytes of records kept in memory before a run is written
	arena   []byte
	recs    []spillRec // into arena
	runs    []string
	made    int // run files made, which names the next
}

// spillRec is a record in the arena: its key is arena[off:off+klen], its
// payload arena[off+klen:end].
type spillRec struct{ off, klen, end int }

// spillFanIn is the largest number of runs merged at once.
const spillFanIn = 64

func newSpill(parent string, runSize int) *spill {
	return &spill{parent: parent, runSize: runSize}
}

// add appends a record; it first writes a run when the record would take
// the memory past the run size.
func (s *spill) add(key string, payload []byte) error {
	if len(s.recs) > 0 && len(s.arena)+len(key)+len(payload) > s.runSize {
		if err := s.flush(); err != nil {
			return err
		}
	}
	if s.arena == nil {
		s.arena = make([]byte, 0, min(s.runSize, 64<<20))
	}
	off := len(s.arena)
	s.arena = append(append(s.arena, key...), payload...)
	s.recs = append(s.recs, spillRec{off, len(key), len(s.arena)})
	return nil
}

func (s *spill) key(r spillRec) []byte     { return s.arena[r.off : r.off+r.klen] }
func (s *spill) payload(r spillRec) []byte { return s.arena[r.off+r.klen : r.end] }

// sorted sorts the records in memory by key, stably.
func (s *spill) sorted() {
	slices.SortStableFunc(s.recs, func(x, y spillRec) int { return bytes.Compare(s.key(x), s.key(y)) })
}

// flush writes the records in memory as a sorted run.
func (s *spill) flush() error {
	if len(s.recs) == 0 {
		return nil
	}
	s.sorted()
	w, err := s.newRun()
	if err != nil {
		return err
	}
	for _, r := range s.recs {
		if err == nil {
			err = w.write(s.key(r), s.payload(r))
		}
	}
	if cerr := w.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	s.runs = append(s.runs, w.path)
	s.arena, s.recs = s.arena[:0], s.recs[:0]
	return nil
}

// each calls fn with every key, in order, and its records' payloads in the
// order they were added, one at a time: recs is read once, during the call,
// and a payload is valid until the next one is read. However many records
// a key has, memory holds one of them.
func (s *spill) each(fn func(key []byte, recs iter.Seq[[]byte]) error) error {
	if len(s.runs) == 0 {
		s.sorted()
		for i := 0; i < len(s.recs); {
			k, end := s.key(s.recs[i]), i+1
			for end < len(s.recs) && bytes.Equal(s.key(s.recs[end]), k) {
				end++
			}
			group := s.recs[i:end]
			err := fn(k, func(yield func([]byte) bool) {
				for _, r := range group {
					if !yield(s.payload(r)) {
						return
					}
				}
			})
			if err != nil {
				return err
			}
			i = end
		}
		return nil
	}
	if err := s.flush(); err != nil {
		return err
	}
	s.arena, s.recs = nil, nil
	for len(s.runs) > spillFanIn { // merge the oldest runs into one, which stays first
		w, err := s.newRun()
		if err != nil {
			return err
		}
		err = s.merge(s.runs[:spillFanIn], func(k []byte, recs iter.Seq[[]byte]) error {
			for p := range recs {
				if err := w.write(k, p); err != nil {
					return err
				}
			}
			return nil
		})
		if cerr := w.close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		for _, r := range s.runs[:spillFanIn] {
			_ = os.Remove(r)
		}
		s.runs = append([]string{w.path}, s.runs[spillFanIn:]...)
	}
	return s.merge(s.runs, fn)
}

// merge is the k-way merge of runs, oldest first.
func (s *spill) merge(runs []string, fn func(key []byte, recs iter.Seq[[]byte]) error) error {
	h := &runHeap{}
	defer func() {
		for _, r := range h.rs {
			_ = r.f.Close()
		}
	}()
	for i, path := range runs {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		r := &runReader{f: f, r: bufio.NewReaderSize(f, 1<<16), idx: i}
		if ok, err := r.next(); err != nil {
			_ = f.Close()
			return err
		} else if ok {
			h.rs = append(h.rs, r)
		} else {
			_ = f.Close()
		}
	}
	heap.Init(h)
	var key []byte
	var rerr error // reading the runs
	same := func() bool { return rerr == nil && h.Len() > 0 && bytes.Equal(h.rs[0].key, key) }
	advance := func() { // past the smallest record
		r := h.rs[0]
		ok, err := r.next()
		switch {
		case err != nil:
			rerr = err
		case ok:
			heap.Fix(h, 0)
		default:
			_ = r.f.Close()
			heap.Pop(h)
		}
	}
	for h.Len() > 0 {
		key = append(key[:0], h.rs[0].key...)
		err := fn(key, func(yield func([]byte) bool) {
			for same() {
				ok := yield(h.rs[0].payload)
				advance()
				if !ok {
					return
				}
			}
		})
		for same() { // what fn did not read
			advance()
		}
		if err == nil {
			err = rerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// remove deletes the run files.
func (s *spill) remove() error {
	s.arena, s.recs, s.runs = nil, nil, nil
	if s.dir == "" {
		return nil
	}
	err := os.RemoveAll(s.dir)
	s.dir = ""
	return err
}

type runWriter struct {
	path string
	f    *os.File
	w    *bufio.Writer
	n    [2 * binary.MaxVarintLen64]byte
}

func (s *spill) newRun() (*runWriter, error) {
	if s.dir == "" {
		d, err := os.MkdirTemp(s.parent, ".spill-*")
		if err != nil {
			return nil, err
		}
		s.dir = d
	}
	f, err := os.Create(filepath.Join(s.dir, fmt.Sprintf("run-%d", s.made)))
	s.made++
	if err != nil {
		return nil, err
	}
	return &runWriter{path: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// write writes a record: the lengths of its key and payload, then both.
func (w *runWriter) write(key, payload []byte) error {
	n := binary.PutUvarint(w.n[:], uint64(len(key)))
	n += binary.PutUvarint(w.n[n:], uint64(len(payload)))
	w.w.Write(w.n[:n])
	w.w.Write(key)
	_, err := w.w.Write(payload)
	return err
}

func (w *runWriter) close() error {
	err := w.w.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// runReader reads a run record by record.
type runReader struct {
	f            *os.File
	r            *bufio.Reader
	idx          int
	buf          []byte
	key, payload []byte
}

// next reads the next record; false at the end of the run.
func (r *runReader) next() (bool, error) {
	kl, err := binary.ReadUvarint(r.r)
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", r.f.Name(), err)
	}
	pl, err := binary.ReadUvarint(r.r)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", r.f.Name(), err)
	}
	r.buf = slices.Grow(r.buf[:0], int(kl+pl))[:kl+pl]
	if _, err := io.ReadFull(r.r, r.buf); err != nil {
		return false, fmt.Errorf("read %s: %w", r.f.Name(), err)
	}
	r.key, r.payload = r.buf[:kl], r.buf[kl:]
	return true, nil
}

// runHeap orders run readers by their record's key, then by run: records
// of equal keys come oldest run first.
type runHeap struct{ rs []*runReader }

func (h *runHeap) Len() int { return len(h.rs) }
func (h *runHeap) Less(i, j int) bool {
	if c := bytes.Compare(h.rs[i].key, h.rs[j].key); c != 0 {
		return c < 0
	}
	return h.rs[i].idx < h.rs[j].idx
}
func (h *runHeap) Swap(i, j int) { h.rs[i], h.rs[j] = h.rs[j], h.rs[i] }
func (h *runHeap) Push(x any)    { h.rs = append(h.rs, x.(*runReader)) }
func (h *runHeap) Pop() any {
	x := h.rs[len(h.rs)-1]
	h.rs = h.rs[:len(h.rs)-1]
	return x
}

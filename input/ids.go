package input

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"log/slog"
	"math"
	"os"
)

// ids is the set of document ids read, with where each was first seen, in a
// table of 8-byte slots kept between 3/8 and 3/4 full (11 to 21 bytes per
// id, 16 MiB at 10^6 ids) in a temporary file read and written a few slots
// at a time (slotTable), so that the memory of a run does not grow with its
// number of documents: the file's pages are in the system's page cache, not
// in the process.
// The ids themselves, with their source and line, are appended to a log in
// another temporary file and read back only to confirm a candidate: a slot
// holds a 32-bit fingerprint of the id, which also chooses its place in the
// table, and the offset of the id's record in the log. Two ids are the same
// only when their texts are: a fingerprint shared by two ids (about one id
// in 4,000 at 10^6 ids) costs one read of the log, never a false duplicate.
// Both files are deleted as soon as they are open; when no temporary file can
// be made, the table and the log are kept in memory.
type ids struct {
	fp    func(string) uint32 // the fingerprint; tests replace it
	slots *slotTable          // fingerprint<<32 | (record offset/8 + 1); 0 is a free slot
	n     int                 // ids in the table
	log   *idLog              // nil until the first id
	tmp   string              // where the temporary files go ("" is os.TempDir)
	warn  *slog.Logger
}

const (
	idsFirstSlots = 1 << 10
	idRecordAlign = 8 // records start at multiples of 8, so offset/8 + 1 fits 32 bits up to 32 GiB of log
	idHeader      = 12
)

// errIDLogFull is returned past 32 GiB of id log (hundreds of millions of
// documents).
var errIDLogFull = errors.New("too many documents in one run: the duplicate-id log is full (32 GiB)")

func newIDs(log *slog.Logger) ids {
	seed := maphash.MakeSeed()
	fp := func(id string) uint32 { return uint32(maphash.String(seed, id) >> 32) }
	return ids{fp: fp, warn: log}
}

// add records id as seen at p; it returns where id was first seen when it
// was, "" otherwise. An error is a failure of a temporary file (writing or
// reading it), fatal to the run.
func (s *ids) add(id string, p *Problem) (first string, err error) {
	if s.log == nil {
		s.log = openIDLog(s.tmp, s.warn)
		inMem := s.log.f == nil
		if s.slots, err = newSlotTable(s.tmp, idsFirstSlots, inMem); err != nil {
			s.warn.Warn("duplicate ids are checked in memory: no temporary file for their table", "err", err)
			s.slots, _ = newSlotTable("", idsFirstSlots, true)
		}
	}
	fp := s.fp(id)
	i := s.home(fp, s.slots.n)
	free := -1
	for free < 0 {
		run, err := s.slots.read(i)
		if err != nil {
			return "", fmt.Errorf("duplicate-id table: %w", err)
		}
		for j, e := range run {
			if e == 0 {
				free = i + j
				break
			}
			if uint32(e>>32) != fp {
				continue
			}
			at, same, err := s.log.read(int64(uint32(e)-1)*idRecordAlign, id)
			if err != nil {
				return "", fmt.Errorf("duplicate-id log: %w", err)
			}
			if same {
				return at.location(), nil
			}
		}
		i = (i + len(run)) % s.slots.n
	}
	off, err := s.log.append(id, p.Source, p.Line)
	if err != nil {
		return "", fmt.Errorf("duplicate-id log: %w", err)
	}
	if err := s.slots.write(free, uint64(fp)<<32|uint64(off/idRecordAlign+1)); err != nil {
		return "", fmt.Errorf("duplicate-id table: %w", err)
	}
	s.n++
	if s.n > s.slots.n/4*3 {
		if err := s.grow(); err != nil {
			return "", fmt.Errorf("duplicate-id table: %w", err)
		}
	}
	return "", nil
}

// home is the first slot tried for a fingerprint in a table of n slots.
func (s *ids) home(fp uint32, n int) int {
	return int(uint64(fp) * uint64(n) >> 32)
}

// grow doubles the table, in a new file; the fingerprints place the slots
// again, the log is not read.
func (s *ids) grow() error {
	t, err := newSlotTable(s.tmp, 2*s.slots.n, s.slots.f == nil)
	if err != nil {
		return err
	}
	for i := 0; i < s.slots.n; {
		run, err := s.slots.read(i)
		for _, e := range run {
			if e != 0 && err == nil {
				err = s.place(t, e)
			}
		}
		if err != nil {
			t.close()
			return err
		}
		i += len(run)
	}
	s.slots.close()
	s.slots = t
	return nil
}

// place puts slot e in the first free slot of t from its home on.
func (s *ids) place(t *slotTable, e uint64) error {
	for i := s.home(uint32(e>>32), t.n); ; {
		run, err := t.read(i)
		if err != nil {
			return err
		}
		for j, x := range run {
			if x == 0 {
				return t.write(i+j, e)
			}
		}
		i = (i + len(run)) % t.n
	}
}

// close releases the table and the log (their temporary files).
func (s *ids) close() {
	if s.log != nil {
		s.log.close()
		s.slots.close()
		s.log, s.slots, s.n = nil, nil, 0
	}
}

// idLog is the append-only log of ids: records of line, length of the id,
// length of the source (three little-endian uint32), the id, the source,
// padded to a multiple of 8 bytes.
type idLog struct {
	f    *os.File      // nil: the log is mem
	path string        // the file's name while it could not be removed
	w    *bufio.Writer // on f
	mem  []byte
	size int64 // bytes appended
	rec  []byte
}

// openIDLog opens a log in a temporary file of dir, or in memory when none
// can be made (which warn is told).
func openIDLog(dir string, warn *slog.Logger) *idLog {
	l := &idLog{}
	f, err := os.CreateTemp(dir, "dipgraph-ids-*")
	if err != nil {
		warn.Warn("duplicate ids are checked in memory: no temporary file", "err", err)
		return l
	}
	l.f, l.w = f, bufio.NewWriterSize(f, 64<<10)
	if os.Remove(f.Name()) != nil {
		l.path = f.Name() // removed by close
	}
	return l
}

// append writes a record and returns its offset.
func (l *idLog) append(id, source string, line int) (int64, error) {
	off := l.size
	n := idHeader + len(id) + len(source)
	n += (idRecordAlign - n%idRecordAlign) % idRecordAlign
	if off/idRecordAlign+1 > math.MaxUint32 || len(id) > math.MaxUint32 || len(source) > math.MaxUint32 {
		return 0, errIDLogFull
	}
	l.rec = l.rec[:0]
	l.rec = binary.LittleEndian.AppendUint32(l.rec, uint32(max(line, 0)))
	l.rec = binary.LittleEndian.AppendUint32(l.rec, uint32(len(id)))
	l.rec = binary.LittleEndian.AppendUint32(l.rec, uint32(len(source)))
	l.rec = append(append(l.rec, id...), source...)
	for len(l.rec) < n {
		l.rec = append(l.rec, 0)
	}
	if l.f == nil {
		l.mem = append(l.mem, l.rec...)
	} else if _, err := l.w.Write(l.rec); err != nil {
		return 0, err
	}
	l.size += int64(n)
	return off, nil
}

// read reads the record at off: same tells whether its id is id, and at is
// where it was seen when it is.
func (l *idLog) read(off int64, id string) (at Problem, same bool, err error) {
	var hdr [idHeader]byte
	if err := l.readAt(hdr[:], off); err != nil {
		return Problem{}, false, err
	}
	line := binary.LittleEndian.Uint32(hdr[0:])
	nid := int64(binary.LittleEndian.Uint32(hdr[4:]))
	nsrc := int64(binary.LittleEndian.Uint32(hdr[8:]))
	if nid != int64(len(id)) {
		return Problem{}, false, nil
	}
	b := make([]byte, nid+nsrc)
	if err := l.readAt(b, off+idHeader); err != nil {
		return Problem{}, false, err
	}
	if !bytes.Equal(b[:nid], []byte(id)) {
		return Problem{}, false, nil
	}
	return Problem{Source: string(b[nid:]), Line: int(line)}, true, nil
}

func (l *idLog) readAt(b []byte, off int64) error {
	if l.f == nil {
		if off+int64(len(b)) > int64(len(l.mem)) {
			return io.ErrUnexpectedEOF
		}
		copy(b, l.mem[off:])
		return nil
	}
	if off+int64(len(b)) > l.size-int64(l.w.Buffered()) {
		if err := l.w.Flush(); err != nil {
			return err
		}
	}
	_, err := l.f.ReadAt(b, off)
	return err
}

func (l *idLog) close() {
	if l.f != nil {
		_ = l.f.Close()
		if l.path != "" {
			_ = os.Remove(l.path)
		}
		l.f, l.w, l.path = nil, nil, ""
	}
	l.mem = nil
}

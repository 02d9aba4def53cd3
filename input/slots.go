package input

import (
	"encoding/binary"
	"fmt"
	"os"
)

// slotTable is the ids' table of 8-byte slots, in a temporary file read and
// written a block at a time (pread and pwrite, through the system's page
// cache, which is not the process's memory), so that what dipgraph holds
// does not grow with the number of ids: a few blocks are cached, written
// back when another takes their place. In memory when no file could be
// made.
type slotTable struct {
	n     int
	f     *os.File // nil: the slots are mem
	mem   []uint64
	cache [cacheBlocks]slotBlock // block b in cache[b%cacheBlocks]
	raw   [blockSlots * 8]byte
}

// slotBlock is a cached block of slots.
type slotBlock struct {
	at    int // the block's number; -1: none
	dirty bool
	s     [blockSlots]uint64
}

const (
	blockSlots  = 512 // slots of a block, 4 KiB
	cacheBlocks = 16  // blocks cached, 64 KiB
	probeSlots  = 16  // slots read at once when the table is in memory
)

// newSlotTable returns a table of n free slots in a temporary file of dir,
// removed at once (it is gone when closed, or when the process ends), or
// in memory when inMem is set.
func newSlotTable(dir string, n int, inMem bool) (*slotTable, error) {
	if inMem {
		return &slotTable{n: n, mem: make([]uint64, n)}, nil
	}
	f, err := os.CreateTemp(dir, "dipgraph-id-slots-*")
	if err != nil {
		return nil, err
	}
	path := f.Name()
	err = f.Truncate(int64(n) * 8) // zeros: free slots
	if rerr := os.Remove(path); err == nil && rerr != nil {
		err = fmt.Errorf("remove %s: %w", path, rerr)
	}
	if err != nil {
		_ = f.Close()
		_ = os.Remove(path)
		return nil, err
	}
	t := &slotTable{n: n, f: f}
	for i := range t.cache {
		t.cache[i].at = -1
	}
	return t, nil
}

// read returns slots from i on, at least one and not past the last; they
// are valid until the next read or write.
func (t *slotTable) read(i int) ([]uint64, error) {
	if t.f == nil {
		return t.mem[i:min(i+probeSlots, t.n)], nil
	}
	b, err := t.block(i / blockSlots)
	if err != nil {
		return nil, err
	}
	return b.s[i%blockSlots : t.blockLen(b.at)], nil
}

// write sets slot i to v.
func (t *slotTable) write(i int, v uint64) error {
	if t.f == nil {
		t.mem[i] = v
		return nil
	}
	b, err := t.block(i / blockSlots)
	if err != nil {
		return err
	}
	b.s[i%blockSlots] = v
	b.dirty = true
	return nil
}

// blockLen is the number of slots of block k.
func (t *slotTable) blockLen(k int) int { return min(blockSlots, t.n-k*blockSlots) }

// block returns block k, cached, reading it from the file when it is not,
// after writing back the one whose place it takes.
func (t *slotTable) block(k int) (*slotBlock, error) {
	b := &t.cache[k%cacheBlocks]
	if b.at == k {
		return b, nil
	}
	if b.dirty {
		raw := t.raw[:8*t.blockLen(b.at)]
		for j := range len(raw) / 8 {
			binary.LittleEndian.PutUint64(raw[8*j:], b.s[j])
		}
		if _, err := t.f.WriteAt(raw, int64(b.at)*blockSlots*8); err != nil {
			return nil, fmt.Errorf("write %s: %w", t.f.Name(), err)
		}
		b.dirty = false
	}
	b.at = -1
	raw := t.raw[:8*t.blockLen(k)]
	if _, err := t.f.ReadAt(raw, int64(k)*blockSlots*8); err != nil {
		return nil, fmt.Errorf("read %s: %w", t.f.Name(), err)
	}
	for j := range len(raw) / 8 {
		b.s[j] = binary.LittleEndian.Uint64(raw[8*j:])
	}
	b.at = k
	return b, nil
}

// close releases the table: its file is gone.
func (t *slotTable) close() {
	if t.f != nil {
		_ = t.f.Close()
	}
	t.f, t.mem = nil, nil
}

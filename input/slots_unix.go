//go:build unix

package input

import (
	"syscall"
	"unsafe"
)

// allocSlots returns n zeroed slots outside the Go heap (an anonymous
// mapping), so that the garbage collector's headroom, a multiple of the
// live heap, does not grow with them; on the heap when the mapping fails.
// They are given back by freeSlots.
func allocSlots(n int) []uint64 {
	b, err := syscall.Mmap(-1, 0, n*8, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]uint64, n)
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// freeSlots gives back slots from allocSlots; nothing may use them after.
func freeSlots(s []uint64) {
	if len(s) == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*8)
	// A heap slice (the mapping failed) is not a mapping: Munmap fails and
	// the collector frees it.
	_ = syscall.Munmap(b)
}

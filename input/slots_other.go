//go:build !unix

package input

// allocSlots returns n zeroed slots (on the heap on this system).
func allocSlots(n int) []uint64 { return make([]uint64, n) }

// freeSlots leaves slots to the garbage collector.
func freeSlots([]uint64) {}

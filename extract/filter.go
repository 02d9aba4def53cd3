package extract

import "strings"

// wordFilter is a small set of words that may say a word is in it when it is
// not, but never that a word of it is not: a cheap test that spares most map
// lookups of words a per-document map does not hold.
type wordFilter [4]uint64

// add puts w in f.
func (f *wordFilter) add(w string) {
	h := wordHash(w) % 256
	f[h/64] |= 1 << (h % 64)
}

// may reports whether w may be in f: false means it is not.
func (f *wordFilter) may(w string) bool {
	h := wordHash(w) % 256
	return f[h/64]&(1<<(h%64)) != 0
}

// firstWords returns a filter of the first words of keys.
func firstWords(keys map[string]string) wordFilter {
	var f wordFilter
	for k := range keys {
		if sp := strings.IndexByte(k, ' '); sp >= 0 {
			k = k[:sp]
		}
		f.add(k)
	}
	return f
}

package entities

import "math/bits"

// weights maps a feature hash to its weight per tag. It is an open-
// addressing hash table with the weights stored beside the key, so a
// lookup touches one cache line where a Go map and a separate weight array
// touched two: scoring features is most of the cost of tagging, and this
// made BenchmarkModel_Tag about a third faster.
type weights struct {
	slots []slot
	mask  uint64
	n     int
}

type slot struct {
	key uint64 // 0: an empty slot; a feature that hashes to 0 is stored as zeroKey
	w   [numTags]float32
}

// zeroKey stands in for a feature whose hash is 0, which marks an empty
// slot.
const zeroKey = 1<<64 - 1

func newWeights(n int) *weights {
	size := 1 << bits.Len(uint(2*n+1)) // load factor at most one half
	return &weights{slots: make([]slot, size), mask: uint64(size - 1)}
}

func slotKey(f uint64) uint64 {
	if f == 0 {
		return zeroKey
	}
	return f
}

// get returns the weights of feature f, or nil.
func (t *weights) get(f uint64) *[numTags]float32 {
	k := slotKey(f)
	// The hash is FNV-1a output already: its low bits are well mixed.
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == k {
			return &s.w
		}
		if s.key == 0 {
			return nil
		}
	}
}

// put stores the weights of feature f; the table must have room (newWeights
// sized it).
func (t *weights) put(f uint64, w [numTags]float32) {
	k := slotKey(f)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			s.key, s.w = k, w
			t.n++
			return
		}
		if s.key == k {
			s.w = w
			return
		}
	}
}

// each calls fn for every feature, in table order.
func (t *weights) each(fn func(f uint64, w *[numTags]float32)) {
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 {
			f := s.key
			if f == zeroKey {
				f = 0
			}
			fn(f, &s.w)
		}
	}
}

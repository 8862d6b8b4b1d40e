package text

import (
	"math/bits"
	"slices"
	"unicode/utf8"
)

// Lexicon maps words to values, looked up by a token's text as it stands
// in the article: the look-up folds case and apostrophes as AppendFold
// does, on the fly, without allocating. It is made for the per-token
// look-ups of extraction stages, where a Go map plus a folded copy of each
// word costs about twice as much. It is read-only and safe for concurrent
// use once built.
type Lexicon[V any] struct {
	// slots is an open-addressing table; a slot holds index+1 into keys
	// in its low idxBits bits (0 means empty) and a tag from the word's
	// hash in the others. Four bytes a slot keep the table small enough
	// to stay in cache between the stages that use it.
	slots   []uint32
	idxBits uint
	keys    []string
	vals    []V
	mask    uint64
	maxLen  int
}

// NewLexicon builds a Lexicon from m, whose keys must already be folded
// (as AppendFold writes them). Keys are added in sorted order so that the
// table's layout does not depend on map iteration.
func NewLexicon[V any](m map[string]V) *Lexicon[V] {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	size := 16
	for size < len(keys)*3/2 {
		size *= 2
	}
	l := &Lexicon[V]{slots: make([]uint32, size), mask: uint64(size - 1)}
	l.idxBits = uint(bits.Len(uint(len(keys))))
	for _, k := range keys {
		l.keys = append(l.keys, k)
		l.vals = append(l.vals, m[k])
		l.maxLen = max(l.maxLen, len(k))
		h, _ := hashFolded(k)
		i := h & l.mask
		for l.slots[i] != 0 {
			i = (i + 1) & l.mask
		}
		l.slots[i] = l.tag(h) | uint32(len(l.keys))
	}
	return l
}

// tag returns the bits of hash h that a slot keeps above the index.
func (l *Lexicon[V]) tag(h uint64) uint32 {
	if l.idxBits >= 32 {
		return 0
	}
	return uint32(h>>32) &^ (1<<l.idxBits - 1)
}

// Len returns the number of words in l.
func (l *Lexicon[V]) Len() int { return len(l.keys) }

// Get returns the value of word w, folded first.
func (l *Lexicon[V]) Get(w string) (V, bool) {
	var zero V
	if len(w) == 0 || len(w) > 4*l.maxLen {
		return zero, false
	}
	h, raw := hashFolded(w)
	if raw >= utf8.RuneSelf { // not ASCII: fold for real, then look up
		var arr [128]byte
		f := AppendFold(arr[:0], w)
		h, _ = hashFolded(f)
		return lexGet(l, f, h, true)
	}
	return lexGet(l, w, h, false)
}

// lexGet looks up w, whose hash is h, folded already or (when ASCII) not.
func lexGet[V any, T string | []byte](l *Lexicon[V], w T, h uint64, folded bool) (V, bool) {
	var zero V
	if len(w) > l.maxLen {
		return zero, false
	}
	tag, idxMask := l.tag(h), uint32(1)<<l.idxBits-1
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := l.slots[i]
		if s == 0 {
			return zero, false
		}
		if s&^idxMask == tag {
			k := l.keys[s&idxMask-1]
			if folded && k == string(w) || !folded && equalASCIIFold(k, w) {
				return l.vals[s&idxMask-1], true
			}
		}
	}
}

// equalASCIIFold reports whether ASCII w folds to k.
func equalASCIIFold[T string | []byte](k string, w T) bool {
	if len(k) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != k[i] {
			return false
		}
	}
	return true
}

// hashFolded hashes w as if ASCII letters were lower case: it sets bit 5
// of every byte, which lower-cases A–Z and changes the other bytes of a
// word and of its folded form alike, so that both hash the same. Eight
// bytes are mixed at a time. It also returns the OR of w's bytes, whose
// top bit tells that w is not ASCII.
func hashFolded[T string | []byte](w T) (h uint64, or byte) {
	h = uint64(len(w)) * 0x9E3779B97F4A7C15
	var acc uint64
	for len(w) >= 8 {
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		acc |= v
		h = mix(h ^ (v | 0x2020202020202020))
		w = w[8:]
	}
	if len(w) > 0 {
		var v uint64
		for i := 0; i < len(w); i++ {
			v |= uint64(w[i]) << (8 * i)
		}
		acc |= v
		h = mix(h ^ (v | 0x2020202020202020>>(64-8*len(w))))
	}
	acc |= acc >> 32
	acc |= acc >> 16
	acc |= acc >> 8
	return h, byte(acc)
}

func mix(h uint64) uint64 {
	hi, lo := bits.Mul64(h, 0x9E3779B97F4A7C15)
	return hi ^ lo
}

package text

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// Lexicon maps words to values, looked up by a token's text as it stands
// in the article: the look-up folds case and apostrophes as AppendFold
// does, on the fly, without allocating. It is made for the per-token
// look-ups of extraction stages, where a Go map plus a folded copy of each
// word costs about twice as much. It is read-only and safe for concurrent
// use once built.
type Lexicon[V any] struct {
	// slots is an open-addressing table; a slot holds index+1 into recs
	// in its low idxBits bits (0 means empty) and a tag from the word's
	// hash in the others. Four bytes a slot keep the table small enough
	// to stay in cache between the stages that use it, and let most
	// misses end without reading a word.
	slots   []uint32
	idxBits uint
	// recs hold each word (inline when short) with its value, so that a
	// hit reads one record after its slot instead of a key, its bytes and
	// a value in three places.
	recs   []lexRec[V]
	keys   []string // every word, for long ones and Len
	mask   uint64
	maxLen int
	// vocab is the Vocab that joined l, and member l's place in it.
	vocab  *Vocab
	member int
}

// inlineKey is the longest word a lexRec holds inline: most words are
// shorter, and small records keep more of a lexicon in cache.
const inlineKey = 15

// lexRec is a word and its value. Words longer than inlineKey are
// compared with Lexicon.keys.
type lexRec[V any] struct {
	n   uint8 // the word's length; 0 when it is longer than inlineKey
	key [inlineKey]byte
	val V
}

// NewLexicon builds a Lexicon from m, whose keys must already be folded
// (as AppendFold writes them). Keys are added in sorted order so that the
// table's layout does not depend on map iteration.
func NewLexicon[V any](m map[string]V) *Lexicon[V] {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortWords(keys)
	vals := make([]V, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return newSortedLexicon(keys, vals)
}

// NewWordSet builds a Lexicon of distinct words with no values, as
// NewLexicon does from a map's keys without the map. The words must be
// folded already; NewWordSet sorts them in place and keeps the slice.
func NewWordSet(words []string) *Lexicon[struct{}] {
	sortWords(words)
	return newSortedLexicon(words, make([]struct{}, len(words)))
}

// sortWords sorts ws as slices.Sort does, faster for the thousands of
// words of a lexicon (built at every start-up): a radix sort on their first
// eight bytes, then a comparison sort of each run of words those bytes do
// not tell apart.
func sortWords(ws []string) {
	if len(ws) < 256 {
		slices.Sort(ws)
		return
	}
	type word struct {
		prefix uint64 // the first eight bytes, big-endian, zero-padded
		s      string
	}
	a, b := make([]word, len(ws)), make([]word, len(ws))
	for i, w := range ws {
		var p uint64
		for j := 0; j < 8; j++ {
			p <<= 8
			if j < len(w) {
				p |= uint64(w[j])
			}
		}
		a[i] = word{p, w}
	}
	// least significant byte first; each pass is stable
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, w := range a {
			count[byte(w.prefix>>shift)]++
		}
		if count[byte(a[0].prefix>>shift)] == len(a) {
			continue // one byte for all: the order stands
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, w := range a {
			d := byte(w.prefix >> shift)
			b[count[d]] = w
			count[d]++
		}
		a, b = b, a
	}
	for i := 0; i < len(a); {
		j := i + 1
		for j < len(a) && a[j].prefix == a[i].prefix {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(a[i:j], func(x, y word) int { return strings.Compare(x.s, y.s) })
		}
		i = j
	}
	for i, w := range a {
		ws[i] = w.s
	}
}

// newSortedLexicon builds a Lexicon of the distinct folded words keys, in
// sorted order, with values vals.
func newSortedLexicon[V any](keys []string, vals []V) *Lexicon[V] {
	size := 16
	for size < len(keys)*3/2 {
		size *= 2
	}
	l := &Lexicon[V]{slots: make([]uint32, size), mask: uint64(size - 1), recs: make([]lexRec[V], 0, len(keys)), keys: keys}
	l.idxBits = uint(bits.Len(uint(len(keys))))
	for i, k := range keys {
		r := lexRec[V]{val: vals[i]}
		if len(k) <= inlineKey {
			r.n = uint8(len(k))
			copy(r.key[:], k)
		}
		l.recs = append(l.recs, r)
		l.maxLen = max(l.maxLen, len(k))
		h, _ := hashFolded(k)
		j := h & l.mask
		for l.slots[j] != 0 {
			j = (j + 1) & l.mask
		}
		l.slots[j] = l.tag(h) | uint32(i+1)
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
	if j := l.Index(w); j >= 0 {
		return l.recs[j].val, true
	}
	var zero V
	return zero, false
}

// GetFolded returns the value of word w, which must be folded already
// (as AppendFold writes it): a caller can build a candidate word in a
// buffer and look it up without making a string of it.
func (l *Lexicon[V]) GetFolded(w []byte) (V, bool) {
	if j := l.IndexFolded(w); j >= 0 {
		return l.recs[j].val, true
	}
	var zero V
	return zero, false
}

// Index returns the place of word w, folded first, among l's words in
// sorted order (see Words), or -1 when l lacks it. A caller that keeps
// its values in a slice in that order can index it instead of storing
// them in l.
func (l *Lexicon[V]) Index(w string) int {
	if len(w) == 0 || len(w) > 4*l.maxLen {
		return -1
	}
	h, raw := hashFolded(w)
	if raw >= utf8.RuneSelf { // not ASCII: fold for real, then look up
		var arr [128]byte
		f := AppendFold(arr[:0], w)
		h, _ = hashFolded(f)
		return lexFind(l, f, h, true)
	}
	return lexFind(l, w, h, false)
}

// IndexFolded is Index for a word folded already, as GetFolded takes it.
func (l *Lexicon[V]) IndexFolded(w []byte) int {
	h, _ := hashFolded(w)
	return lexFind(l, w, h, true)
}

// Words returns l's words in sorted order. The caller must not change
// the slice.
func (l *Lexicon[V]) Words() []string { return l.keys }

// lexFind returns the index of w, whose hash is h, folded already or
// (when ASCII) not; -1 when l lacks it.
func lexFind[V any, T string | []byte](l *Lexicon[V], w T, h uint64, folded bool) int {
	if len(w) > l.maxLen {
		return -1
	}
	tag, idxMask := l.tag(h), uint32(1)<<l.idxBits-1
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := l.slots[i]
		if s == 0 {
			return -1
		}
		if s&^idxMask != tag {
			continue
		}
		j := int(s&idxMask) - 1
		r := &l.recs[j]
		if r.n != 0 {
			if int(r.n) == len(w) && equalKey(r.key[:len(w)], w, folded) {
				return j
			}
		} else if equalKey(l.keys[j], w, folded) {
			return j
		}
	}
}

// equalKey reports whether w is key k: byte for byte when w is folded,
// else (w is ASCII) once its upper-case letters are lowered.
func equalKey[K, T string | []byte](k K, w T, folded bool) bool {
	if len(k) != len(w) {
		return false
	}
	if folded {
		for i := 0; i < len(w); i++ {
			if w[i] != k[i] {
				return false
			}
		}
		return true
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
	if n := len(w); n > 0 {
		// The last n < 8 bytes, little-endian, read as two loads that
		// may overlap: the bytes they share are the same.
		var v uint64
		switch {
		case n >= 4:
			lo := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24
			hi := uint64(w[n-4]) | uint64(w[n-3])<<8 | uint64(w[n-2])<<16 | uint64(w[n-1])<<24
			v = lo | hi<<(8*(n-4))
		case n >= 2:
			lo := uint64(w[0]) | uint64(w[1])<<8
			hi := uint64(w[n-2]) | uint64(w[n-1])<<8
			v = lo | hi<<(8*(n-2))
		default:
			v = uint64(w[0])
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

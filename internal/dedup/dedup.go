// Package dedup finds near-duplicate articles: syndicated copies of one
// story that differ in boilerplate, a headline or a few edited paragraphs.
//
// Each text is reduced to a MinHash signature over its word 5-shingles
// (lower-cased words, punctuation ignored), made by one-permutation
// hashing with densification (one hash per shingle; see Compute). Two signatures agree at a
// position with probability equal to the Jaccard similarity of the two
// shingle sets, so the share of equal positions estimates it. Locality-
// sensitive hashing cuts the signature into bands; texts that share a band
// are candidates, and a candidate is a duplicate when the estimated
// similarity passes the thresholds of Duplicate.
//
// The functions are pure and safe for concurrent use; the index of band
// keys lives in the store (or in Index for in-memory use).
package dedup

import (
	"encoding/binary"
	"errors"
	"math"
)

// Signature sizes and banding. With 32 bands of 4 rows a pair of texts
// becomes a candidate with probability 0.87 at Jaccard 0.5, 0.99 at 0.6
// and about 5e-6 at 0.02 (unrelated stories).
const (
	// K is the number of positions (bins) in a signature.
	K = 128
	// Bands is the number of LSH bands; Rows the hashes in each.
	Bands = 32
	Rows  = K / Bands
	// Shingle is the number of words in a shingle.
	Shingle = 5
	// MinShingles is the fewest shingles a text needs to be compared;
	// shorter texts (a caption, a one-line brief) are never duplicates by
	// this measure, only by identical id.
	MinShingles = 8
)

// Thresholds of Duplicate.
const (
	// MinJaccard is the estimated Jaccard similarity at or above which two
	// texts are copies of one story.
	MinJaccard = 0.5
	// MinContainment, with MinContainJaccard, also makes a pair duplicates
	// when most of the shorter text is inside the longer one: an abridged
	// copy, or a story with readers' comments appended.
	MinContainment    = 0.85
	MinContainJaccard = 0.3
)

// Sig is a text's MinHash signature with its number of distinct shingles.
type Sig struct {
	Min [K]uint32
	// N is the number of distinct shingles (estimated from the shingle
	// count; repeats within a text are rare at 5 words).
	N int
}

// Compute returns the signature of s. A text with fewer than MinShingles
// shingles gets a signature with N set and every position at its maximum.
//
// The signature is a one-permutation MinHash (Li, Owen and Zhang, "One
// Permutation Hashing", NIPS 2012) densified as in Shrivastava,
// "Optimal Densification for Fast and Accurate Minwise Hashing" (ICML
// 2017): each shingle is hashed once; the hash's top bits choose one of
// K bins and its low 32 bits are the value, and each bin keeps its least
// value. A bin no shingle fell in takes the value of the first filled
// bin in its own fixed sequence of bins (see densify), so two texts fill
// an empty bin from the same place. Each position then agrees between
// two texts with probability equal to their Jaccard similarity, as with
// K independent hash functions, at a K-th of their cost.
func Compute(s string) Sig {
	var sig Sig
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	// filled marks the bins some shingle fell in; ring holds the hashes
	// of the last Shingle words.
	var filled [K / 64]uint64
	var ring [Shingle]uint64
	words := 0
	i := 0
	for i < len(s) {
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		h := uint64(14695981039346656037)
		for i < len(s) && isWordByte(s[i]) {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= 1099511628211
			i++
		}
		ring[words%Shingle] = h
		words++
		if words < Shingle {
			continue
		}
		// Combine the window's words in order, then mix all bits.
		x := uint64(0)
		for k := range Shingle {
			x = (x ^ ring[(words+k)%Shingle]) * 0x100000001b3
			x ^= x >> 29
		}
		x = mix64(x)
		bin := x >> (64 - binBits)
		sig.Min[bin] = min(sig.Min[bin], uint32(x))
		filled[bin/64] |= 1 << (bin % 64)
		sig.N++
	}
	if sig.N < MinShingles {
		for i := range sig.Min {
			sig.Min[i] = math.MaxUint32
		}
		return sig
	}
	densify(&sig.Min, &filled)
	return sig
}

// binBits is log2(K): the hash bits that choose a bin.
const binBits = 7

func init() {
	if 1<<binBits != K {
		panic("dedup: binBits does not match K")
	}
}

// mix64 is a 64-bit finaliser (xor-shift-multiply) whose every output
// bit depends on every input bit.
func mix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// densify fills each empty bin i from the bins probe(i, 1), probe(i, 2),
// …, taking the value of the first that a shingle fell in. The sequence
// depends only on i, never on the text, which is what makes the filled
// positions of two texts agree with probability their Jaccard similarity
// (optimal densification). At least one bin is filled; after maxProbes
// misses (vanishingly rare with MinShingles shingles) the next filled
// bin to the right is taken, which is as fixed a rule.
func densify(mins *[K]uint32, filled *[K / 64]uint64) {
	isFilled := func(b uint64) bool { return filled[b/64]&(1<<(b%64)) != 0 }
	for i := range uint64(K) {
		if isFilled(i) {
			continue
		}
		b := uint64(0)
		found := false
		for t := uint64(1); t <= maxProbes; t++ {
			if b = probe(i, t); isFilled(b) {
				found = true
				break
			}
		}
		for !found {
			if b = (b + 1) % K; isFilled(b) {
				found = true
			}
		}
		mins[i] = mins[b]
	}
}

// maxProbes bounds the random probes of densify.
const maxProbes = 16 * K

// probe is the t-th bin an empty bin i copies from: a fixed hash of (i, t).
func probe(i, t uint64) uint64 {
	return mix64(0x6e657773677261^i<<32^t) >> (64 - binBits)
}

// isWordByte reports letters and digits, counting every non-ASCII byte as
// a letter so that words in other scripts are kept whole.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// Comparable reports whether the signature has enough shingles to be
// compared with others.
func (s *Sig) Comparable() bool { return s.N >= MinShingles }

// Jaccard estimates the Jaccard similarity of the two texts' shingle sets.
func Jaccard(a, b *Sig) float64 {
	eq := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			eq++
		}
	}
	return float64(eq) / K
}

// Containment estimates the share of the smaller text's shingles that are
// also in the larger one, from the Jaccard estimate j and the set sizes.
func Containment(a, b *Sig, j float64) float64 {
	small := min(a.N, b.N)
	if small == 0 {
		return 0
	}
	inter := j * float64(a.N+b.N) / (1 + j)
	return min(inter/float64(small), 1)
}

// Duplicate reports whether a and b are copies of one story and returns
// the estimated Jaccard similarity.
func Duplicate(a, b *Sig) (bool, float64) {
	if !a.Comparable() || !b.Comparable() {
		return false, 0
	}
	j := Jaccard(a, b)
	if j >= MinJaccard {
		return true, j
	}
	if j >= MinContainJaccard && Containment(a, b, j) >= MinContainment {
		return true, j
	}
	return false, j
}

// BandKeys returns the signature's LSH band keys, one per band, each a
// hash of the band's index and its rows. Texts sharing any key are
// candidates. The keys are int64 so that SQL engines store them as
// integers. An incomparable signature has no keys.
func (s *Sig) BandKeys() []int64 {
	if !s.Comparable() {
		return nil
	}
	keys := make([]int64, Bands)
	for b := range Bands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := range Rows {
			h ^= uint64(s.Min[b*Rows+r])
			h *= 0xbf58476d1ce4e5b9
			h ^= h >> 31
		}
		keys[b] = int64(h)
	}
	return keys
}

// Size of an encoded signature in bytes.
const encodedSize = 4 + 4*K

// ErrBadSignature means stored bytes are not an encoded signature.
var ErrBadSignature = errors.New("bad signature encoding")

// Encode returns the signature as bytes for a store.
func (s *Sig) Encode() []byte {
	b := make([]byte, encodedSize)
	binary.LittleEndian.PutUint32(b, uint32(s.N))
	for i, v := range s.Min {
		binary.LittleEndian.PutUint32(b[4+4*i:], v)
	}
	return b
}

// Decode reads a signature written by Encode.
func Decode(b []byte) (Sig, error) {
	var s Sig
	if len(b) != encodedSize {
		return s, ErrBadSignature
	}
	s.N = int(binary.LittleEndian.Uint32(b))
	for i := range s.Min {
		s.Min[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	return s, nil
}

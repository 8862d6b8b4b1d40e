// Package dedup finds near-duplicate articles: syndicated copies of one
// story that differ in boilerplate, a headline or a few edited paragraphs.
//
// Each text is reduced to a MinHash signature over its word 5-shingles
// (lower-cased words, punctuation ignored). Two signatures agree at a
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
	// K is the number of hash functions in a signature.
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

// mix constants for the K hash functions: h_i(x) = (x*a_i + b_i) >> 32,
// with a_i odd, drawn from a fixed SplitMix64 sequence so that signatures
// are the same in every build.
var hashA, hashB = func() (a, b [K]uint64) {
	s := uint64(0x6e657773677261) // "newsgra"
	next := func() uint64 {
		s += 0x9e3779b97f4a7c15
		z := s
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range K {
		a[i] = next() | 1
		b[i] = next()
	}
	return
}()

// Compute returns the signature of s. A text with fewer than MinShingles
// shingles gets a signature with N set and every position at its maximum.
func Compute(s string) Sig {
	var sig Sig
	for i := range sig.Min {
		sig.Min[i] = math.MaxUint32
	}
	// ring holds the hashes of the last Shingle words; batch the
	// shingles not yet mixed in.
	var ring [Shingle]uint64
	var batch [4]uint64
	nb := 0
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
		// Combine the window's words in order.
		x := uint64(0)
		for k := range Shingle {
			x = (x ^ ring[(words+k)%Shingle]) * 0x100000001b3
			x ^= x >> 29
		}
		batch[nb] = x
		if nb++; nb == len(batch) {
			mixMin4(&sig.Min, &batch)
			nb = 0
		}
		sig.N++
	}
	for _, x := range batch[:nb] {
		mixMin(&sig.Min, x)
	}
	return sig
}

// mixMin4 is mixMin of four shingles at once: each hash function's
// constants and minimum are loaded and stored once for the four.
func mixMin4(mins *[K]uint32, xs *[4]uint64) {
	x0, x1, x2, x3 := xs[0], xs[1], xs[2], xs[3]
	for k := range K {
		a, b := hashA[k], hashB[k]
		mins[k] = min(mins[k], uint32((x0*a+b)>>32), uint32((x1*a+b)>>32), uint32((x2*a+b)>>32), uint32((x3*a+b)>>32))
	}
}

// mixMin lowers each mins[k] to hash function k of shingle x, four
// functions a step (the loop is most of the time of Compute).
func mixMin(mins *[K]uint32, x uint64) {
	for k := 0; k < K; k += 4 {
		a := (*[4]uint64)(hashA[k : k+4])
		b := (*[4]uint64)(hashB[k : k+4])
		m := (*[4]uint32)(mins[k : k+4])
		v0 := uint32((x*a[0] + b[0]) >> 32)
		v1 := uint32((x*a[1] + b[1]) >> 32)
		v2 := uint32((x*a[2] + b[2]) >> 32)
		v3 := uint32((x*a[3] + b[3]) >> 32)
		m[0] = min(m[0], v0)
		m[1] = min(m[1], v1)
		m[2] = min(m[2], v2)
		m[3] = min(m[3], v3)
	}
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

package text

import (
	"unicode"
	"unicode/utf8"
)

// AppendFold appends s to dst in the form word lists are keyed by: lower
// case, with the typographic apostrophes ’ and ʼ written as '. It lets a
// caller look a token up in a map without allocating:
//
//	buf = text.AppendFold(buf[:0], word)
//	v, ok := m[string(buf)]
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '’' || r == 'ʼ':
			dst = append(dst, '\'')
		case r == utf8.RuneError && size == 1:
			dst = append(dst, c) // keep invalid bytes as they are
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// WordFilter tells, without hashing, that a word is certainly not in a
// set of folded words, so that a caller can skip most look-ups. It keeps
// one bit per (first two letters, length) of the words added, and is
// case-blind by construction. Its zero value is an empty set.
type WordFilter [32 * 32]uint32

func filterSlot(w string) int {
	b1 := byte(0)
	if len(w) > 1 {
		b1 = w[1]
	}
	return int(w[0]&31)<<5 | int(b1&31)
}

// Add puts folded word w in the set.
func (f *WordFilter) Add(w string) {
	if w == "" {
		return
	}
	bit := uint32(1) << min(len(w), 31)
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] == '\'' {
			bit = ^uint32(0) // folding may change the length: any length
		}
	}
	f[filterSlot(w)] |= bit
}

// HasASCII is MayHave for a word w of ASCII bytes alone, which folding
// leaves as long as it is: one bit to test, small enough to inline.
func (f *WordFilter) HasASCII(w string) bool {
	return len(w) > 0 && f[filterSlot(w)]&(1<<min(len(w), 31)) != 0
}

// MayHave reports whether word w, folded or not, may be in the set; false
// means it is not.
func (f *WordFilter) MayHave(w string) bool {
	if len(w) == 0 {
		return false
	}
	if f[filterSlot(w)]&(1<<min(len(w), 31)) != 0 {
		return true
	}
	// folding a word with other bytes than ASCII may change its bytes and
	// length
	if n := len(w); n <= 8 {
		// most words: two loads that may overlap (IsASCII's, without the
		// call)
		var or uint32
		switch {
		case n >= 4:
			or = uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24 |
				uint32(w[n-4]) | uint32(w[n-3])<<8 | uint32(w[n-2])<<16 | uint32(w[n-1])<<24
		default:
			or = uint32(w[0]) | uint32(w[n/2]) | uint32(w[n-1])
		}
		return or&0x80808080 != 0
	}
	return !IsASCII(w)
}

// IsASCII reports whether s holds only ASCII bytes, reading eight bytes
// at a time, and a word of at most eight bytes (most words) with two
// loads that may overlap.
func IsASCII[T string | []byte](s T) bool {
	n := len(s)
	if n <= 8 {
		var or uint32
		switch {
		case n >= 4:
			or = uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24 |
				uint32(s[n-4]) | uint32(s[n-3])<<8 | uint32(s[n-2])<<16 | uint32(s[n-1])<<24
		case n > 0:
			or = uint32(s[0]) | uint32(s[n/2]) | uint32(s[n-1])
		}
		return or&0x80808080 == 0
	}
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if v&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// LetterIndexes maps a byte to 0..25 for the ASCII letters of either
// case and to 26 for any other byte: the row or bit of a word filter
// indexed by a word's first or last letter (the date and amount stages
// keep one). A table rather than a function, so that the filters' tests
// stay within the inliner's budget; read-only.
var LetterIndexes = func() (t [256]uint8) {
	for c := range 256 {
		t[c] = 26
		if l := byte(c) | 0x20; 'a' <= l && l <= 'z' {
			t[c] = l - 'a'
		}
	}
	return t
}()

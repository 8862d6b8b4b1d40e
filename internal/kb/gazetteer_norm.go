package kb

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// AppendNorm appends the lookup form of the word w to dst: lower case,
// without diacritics, without dots ("U.S." → "us"), with curly apostrophes
// made straight and curly dashes made hyphens. Names in the gazetteer and
// words of a text meet in this form.
func AppendNorm(dst []byte, w string) []byte {
	if len(w) == 5 && strings.EqualFold(w, "saint") {
		return append(dst, "st"...) // Saint Louis, St. Louis, St Louis
	}
	// An ASCII word (most) in one pass, written into the room made for
	// it; at the first other byte the word is done the slow way.
	n := len(dst)
	dst = slices.Grow(dst, len(w))
	buf := dst[n : n+len(w)]
	k := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return appendNormUnicode(dst[:n], w)
		}
		if c != '.' {
			buf[k] = normLower[c]
			k++
		}
	}
	return dst[:n+k]
}

// normLower maps an ASCII byte to itself lower-cased.
var normLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// appendNormUnicode is AppendNorm for a word that is not ASCII.
func appendNormUnicode(dst []byte, w string) []byte {
	var it norm.Iter
	it.InitString(norm.NFD, w)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			switch {
			case unicode.Is(unicode.Mn, r), r == '.':
			case r == '’' || r == 'ʼ' || r == '‘':
				dst = append(dst, '\'')
			case r == '‑' || r == '–' || r == '‐':
				dst = append(dst, '-')
			default:
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
		}
	}
	return dst
}

// Norm returns the lookup form of a word (see AppendNorm).
func Norm(w string) string {
	if isNormASCII(w) {
		return w // most words of the knowledge base's lists: no copy
	}
	return string(AppendNorm(nil, w))
}

// isNormASCII reports whether the word w is its own lookup form: ASCII
// without capitals or dots, and not "saint".
func isNormASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '.' {
			return false
		}
	}
	return w != "saint"
}

// NormPhrase returns the lookup key of a name of one or more words: the
// lookup forms of its word tokens joined by single spaces. Punctuation
// between words is dropped; symbols such as "&" are kept as words.
func NormPhrase(s string) string {
	if k, ok := normLetters(s); ok {
		return k
	}
	var b []byte
	for _, t := range text.Tokenize(s) {
		w := s[t.Start:t.End]
		if t.Kind == article.Punct {
			continue
		}
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		if b = AppendNorm(b, w); len(b) == n+1 && n > 0 || len(b) == n {
			b = b[:n] // a word that normalises to nothing (a lone mark)
		}
	}
	return string(b)
}

// normLetters is NormPhrase for the commonest names, ASCII letters in
// words parted by single spaces ("New York"), whose words are each one
// token: the name in lower case, with "saint" as "st". It returns s
// itself when that is its key already. ok is false for any other name.
func normLetters(s string) (key string, ok bool) {
	if s == "" {
		return "", false
	}
	upper, saint := false, false
	start := 0 // of the current word
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i == start {
				return "", false // a space first, last or after another
			}
			if i-start == 5 && strings.EqualFold(s[start:i], "saint") {
				saint = true
			}
			start = i + 1
			continue
		}
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			upper = true
		case c < 'a' || c > 'z':
			return "", false
		}
	}
	if !upper && !saint {
		return s, true
	}
	b := make([]byte, len(s))
	n := 0
	start = 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' {
			continue
		}
		if w := s[start:i]; len(w) == 5 && strings.EqualFold(w, "saint") {
			n += copy(b[n:], "st")
		} else {
			for j := 0; j < len(w); j++ {
				b[n] = w[j] | 0x20 // an ASCII letter in lower case
				n++
			}
		}
		if i < len(s) {
			b[n] = ' '
			n++
		}
		start = i + 1
	}
	return string(b[:n]), true
}

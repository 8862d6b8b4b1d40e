package kb

import (
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
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		if len(w) == 5 && strings.EqualFold(w, "saint") {
			return append(dst, "st"...) // Saint Louis, St. Louis, St Louis
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c == '.':
			default:
				dst = append(dst, c)
			}
		}
		return dst
	}
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
func Norm(w string) string { return string(AppendNorm(nil, w)) }

// NormPhrase returns the lookup key of a name of one or more words: the
// lookup forms of its word tokens joined by single spaces. Punctuation
// between words is dropped; symbols such as "&" are kept as words.
func NormPhrase(s string) string {
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

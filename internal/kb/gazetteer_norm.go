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
	upper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			upper = true
		case c == ' ' && i > 0 && i+1 < len(s) && s[i-1] != ' ':
		default:
			return "", false
		}
	}
	if len(s) == 0 {
		return "", false
	}
	saint := false
	for w := range strings.SplitSeq(s, " ") {
		if len(w) == 5 && strings.EqualFold(w, "saint") {
			saint = true
		}
	}
	if !upper && !saint {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for w := range strings.SplitSeq(s, " ") {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = AppendNorm(b, w)
	}
	return string(b), true
}

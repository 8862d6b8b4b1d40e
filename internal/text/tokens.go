// Package text splits clean text into tokens and sentences, each with its
// byte span. Its functions are pure and safe for concurrent use.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// abbrev describes a word whose trailing dot belongs to it.
type abbrev struct {
	final bool // may end a sentence ("U.S.", "Inc."), unlike titles ("Mr.")
	lower bool // also taken in lower case ("etc."); otherwise it must be capitalised
}

// abbrevs are keyed by the lower-case word without its dot.
var abbrevs = func() map[string]abbrev {
	m := map[string]abbrev{}
	add := func(a abbrev, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = a
		}
	}
	// titles and ranks
	add(abbrev{}, "mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr gov sen rep reps sens pres rev fr st mt ft hon amb supt insp det brig messrs mme mlle dept")
	// months and days
	add(abbrev{}, "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat")
	// US states in AP style
	add(abbrev{}, "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo")
	add(abbrev{lower: true}, "vs v cf approx est fig")
	// suffixes that often end a sentence
	add(abbrev{final: true}, "sr jr inc corp co ltd plc bros llc")
	add(abbrev{final: true, lower: true}, "etc al")
	return m
}()

// Tokenize splits s into tokens with byte spans. Words keep inner
// apostrophes, hyphens and the dots of abbreviations (U.S., Mr.); a
// possessive 's is its own token; numbers keep inner separators (1,300,
// 3.5, 10:30); URLs, e-mail addresses and emoji are single Symbol tokens.
func Tokenize(s string) []article.Token {
	return AppendTokens(make([]article.Token, 0, len(s)/5+1), s)
}

// AppendTokens appends the tokens of s (see Tokenize) to toks, whose
// spare room a caller may reuse from one text to the next.
func AppendTokens(toks []article.Token, s string) []article.Token {
	i := 0
	newlines := 2 // the start of text counts as a paragraph start
	for i < len(s) {
		c := s[i]
		switch byteClasses[c] {
		case newlineByte:
			newlines++
			i++
			continue
		case spaceByte:
			i++
			continue
		case wordByte:
			// an ASCII letter that cannot start a URL: most tokens
			t := scanWord(s, i)
			if newlines > 0 {
				t.Flags |= lineFlags(newlines)
				newlines = 0
			}
			toks = append(toks, t)
			i = t.End
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				if r == '\u2028' || r == '\u2029' {
					newlines++
				}
				i += size
				continue
			}
		}
		var t article.Token
		switch {
		case isURLStart(s[i:]):
			t = article.Token{Start: i, End: urlEnd(s, i), Kind: article.Symbol}
			t.Flags = nonASCII(s[t.Start:t.End])
		case isLetter(r):
			t = scanWord(s, i)
		case isDigit(r):
			t = scanNumber(s, i)
		case isApostrophe(r) && isPossessive(s, i, size, toks):
			t = article.Token{Start: i, End: i + size + 1, Kind: article.Word, Flags: nonASCII(s[i : i+size])}
		case isPunct(r):
			t = scanPunct(s, i, r, size)
			t.Flags = nonASCII(s[i : i+size])
		default:
			t = article.Token{Start: i, End: symbolEnd(s, i+size), Kind: article.Symbol}
			t.Flags = nonASCII(s[t.Start:t.End])
		}
		if newlines > 0 {
			t.Flags |= lineFlags(newlines)
			newlines = 0
		}
		toks = append(toks, t)
		i = t.End
	}
	return toks
}

// lineFlags returns the flags of the first token after n > 0 line breaks.
func lineFlags(n int) uint8 {
	if n > 1 {
		return article.LineStart | article.ParaStart
	}
	return article.LineStart
}

// Classes of bytes for AppendTokens.
const (
	otherByte   = iota
	newlineByte // \n
	spaceByte   // other ASCII white space
	wordByte    // an ASCII letter that cannot start a URL (h, w, p can)
)

// byteClasses gives each byte its class, so that the commonest bytes
// between and at the start of tokens take one look-up.
var byteClasses = func() (t [256]uint8) {
	for _, c := range []byte(" \t\r\f\v") {
		t[c] = spaceByte
	}
	t['\n'] = newlineByte
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wordByte, wordByte
	}
	t['h'], t['H'], t['w'], t['W'], t['p'] = otherByte, otherByte, otherByte, otherByte, otherByte
	return t
}()

// nonASCII returns the NonASCII flag when w holds a byte outside ASCII,
// else 0. (The scans of words and numbers set it as they read.)
func nonASCII(w string) uint8 {
	if IsASCII(w) {
		return 0
	}
	return article.NonASCII
}

// isPossessive reports a possessive 's (or ’s) at i: right after a word
// or number, and followed by no letter or digit.
func isPossessive(s string, i, size int, toks []article.Token) bool {
	if len(toks) == 0 || toks[len(toks)-1].End != i || toks[len(toks)-1].Kind > article.Number {
		return false
	}
	j := i + size
	return j < len(s) && (s[j] == 's' || s[j] == 'S') && !isLetterAt(s, j+1) && !isDigitAt(s, j+1)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isPunct reports runes that are punctuation marks rather than symbols.
func isPunct(r rune) bool {
	if r < utf8.RuneSelf {
		return strings.ContainsRune(".,;:!?\"'()[]{}-/…", r)
	}
	return unicode.IsPunct(r)
}

func isMark(r rune) bool {
	if r < 0x300 { // no mark comes before the combining diacritics
		return false
	}
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r)
}

// scanWord reads a word starting at i: letters, digits and marks, with
// inner apostrophes, hyphens and abbreviation dots.
func scanWord(s string, i int) article.Token {
	start := i
	var flags uint8
	upper, lower, letters := 0, 0, 0
	first := true
	dots := 0
	seg := start // start of the current hyphen-separated part
	for i < len(s) {
		// ASCII letters and digits, most of any word, take the short way;
		// the switch below treats them alike.
		if c := s[i]; 'a' <= c && c <= 'z' {
			j := i + 1
			for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
				j++
			}
			letters += j - i
			lower += j - i
			first = false
			i = j
			continue
		} else if 'A' <= c && c <= 'Z' {
			letters++
			upper++
			if first {
				flags |= article.Cap
			}
			first = false
			i++
			continue
		}
		if c := s[i]; c == ' ' || c == ',' || c == '\n' {
			break // the commonest ends of a word, as the default case below
		}
		r, size := decode(s, i)
		if c := s[i]; c >= utf8.RuneSelf {
			// a hint: finishWord tells whether the word holds the character
			flags |= article.NonASCII
		}
		switch {
		case isLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					flags |= article.Cap
				}
			} else if unicode.IsLower(r) {
				lower++
			}
			first = false
			i += size
		case isDigit(r):
			flags |= article.HasDigit
			first = false
			i += size
		case isMark(r):
			i += size
		case (r == '-' || r == '‑') && i+size < len(s) && isWordRune(s, i+size):
			i += size
			seg = i
		case isApostrophe(r) && i+size < len(s) && isLetterAt(s, i+size):
			// A possessive 's or ’s followed by a non-letter is its own token.
			if n, _ := decode(s, i+size); (n == 's' || n == 'S') && !isLetterAt(s, i+size+1) && !isDigitAt(s, i+size+1) {
				return finishWord(s, start, i, flags, upper, lower, letters, dots)
			}
			i += size
		case r == '.' && i+1 < len(s) && isLetterAt(s, i+1) && (dots > 0 || i-seg <= 3):
			// U.S., U.N., e.g.: dots between short letter groups.
			j := i + 1
			k := j
			for k < len(s) && isLetterAt(s, k) {
				_, sz := decode(s, k)
				k += sz
			}
			if k-j > 3 {
				return finishWord(s, start, i, flags, upper, lower, letters, dots)
			}
			dots++
			i++
		default:
			return finishWord(s, start, i, flags, upper, lower, letters, dots)
		}
	}
	return finishWord(s, start, i, flags, upper, lower, letters, dots)
}

// finishWord sets the case flags and decides whether a following dot
// belongs to the word (an abbreviation or an initial).
func finishWord(s string, start, end int, flags uint8, upper, lower, letters, dots int) article.Token {
	if upper >= 2 && lower == 0 {
		flags |= article.AllCaps
	}
	if flags&article.NonASCII != 0 && IsASCII(s[start:end]) {
		flags &^= article.NonASCII // the word ended before the character scanWord saw
	}
	t := article.Token{Start: start, End: end, Kind: article.Word, Flags: flags}
	if end < len(s) && s[end] == '.' {
		w := s[start:end]
		switch {
		case dots > 0: // U.S. e.g.
			t.End++
			t.Flags |= article.Abbrev
		case letters == 1 && upper == 1: // an initial: J. K. Rowling
			t.End++
			t.Flags |= article.Abbrev
		case isNumberSign(s, w, end):
			t.End++
			t.Flags |= article.Abbrev
		default:
			if a, ok := abbrevOf(w); ok && (a.lower || flags&article.Cap != 0) {
				t.End++
				t.Flags |= article.Abbrev
			}
		}
	}
	return t
}

// maxAbbrev is the length of the longest word in abbrevs.
var maxAbbrev = func() int {
	n := 0
	for w := range abbrevs {
		n = max(n, len(w))
	}
	return n
}()

// abbrevOf returns abbrevs[w lower-cased], without allocating.
func abbrevOf(w string) (abbrev, bool) {
	if len(w) > maxAbbrev {
		return abbrev{}, false
	}
	var buf [16]byte
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	a, ok := abbrevs[string(b)]
	return a, ok
}

// isNumberSign reports "No." before a number ("No. 10"), which is not the
// word "no" ending a sentence.
func isNumberSign(s, w string, dot int) bool {
	if w != "No" && w != "Nos" {
		return false
	}
	i := dot + 1
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i > dot+1 && isDigitAt(s, i)
}

// AbbrevMayEnd reports whether the abbreviation token w (with its dot) may
// end a sentence.
func AbbrevMayEnd(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if strings.Contains(w, ".") { // U.S., U.K., a.m.
		return len(w) > 1 && !strings.EqualFold(w, "e.g") && !strings.EqualFold(w, "i.e")
	}
	a, ok := abbrevOf(w)
	return ok && a.final
}

// scanNumber reads digits with inner separators (1,300 3.5 10:30 1/2) and
// a letter suffix (1st, 1990s, 5km).
func scanNumber(s string, i int) article.Token {
	start := i
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.' || c == ':' || c == '/') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		default:
			goto suffix
		}
	}
suffix:
	if end := symbolEnd(s, i); end > i { // keycap emoji: 1️⃣
		return article.Token{Start: start, End: end, Kind: article.Symbol, Flags: article.HasDigit | nonASCII(s[start:end])}
	}
	flags := article.HasDigit
	for i < len(s) && isLetterAt(s, i) {
		if s[i] >= utf8.RuneSelf {
			flags |= article.NonASCII
		}
		_, sz := decode(s, i)
		i += sz
	}
	return article.Token{Start: start, End: i, Kind: article.Number, Flags: flags}
}

// scanPunct reads one punctuation mark; runs of dots and of hyphens are
// one token ("...", "--").
func scanPunct(s string, i int, r rune, size int) article.Token {
	end := i + size
	if r == '.' || r == '-' {
		for end < len(s) && rune(s[end]) == r {
			end++
		}
	}
	return article.Token{Start: i, End: end, Kind: article.Punct}
}

// symbolEnd extends a symbol over joiners, variation selectors, keycaps
// and skin-tone modifiers so that an emoji sequence is one token.
func symbolEnd(s string, i int) int {
	for i < len(s) {
		r, size := decode(s, i)
		switch {
		case r == '\u200d': // zero-width joiner: take the next rune too
			i += size
			if i < len(s) {
				_, sz := decode(s, i)
				i += sz
			}
		case r == '\ufe0f' || r == '\ufe0e' || r == '\u20e3' || (r >= 0x1f3fb && r <= 0x1f3ff) || isMark(r):
			i += size
		case r >= 0x1f1e6 && r <= 0x1f1ff: // regional indicators pair into flags
			i += size
		default:
			return i
		}
	}
	return i
}

func isURLStart(s string) bool {
	if len(s) < 8 {
		return false
	}
	switch s[0] {
	case 'h', 'H':
		return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
	case 'w', 'W':
		return strings.HasPrefix(s, "www.") && isLetterAt(s, 4)
	case 'p':
		return strings.HasPrefix(s, "pic.twitter.com/")
	}
	return false
}

// urlEnd returns the end of the URL starting at i: up to white space or a
// closing bracket or quote, without trailing punctuation.
func urlEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := decode(s, j)
		if unicode.IsSpace(r) || r == '"' || r == '“' || r == '”' || r == '<' || r == '>' || r == '—' || r == '–' || r == '…' {
			break
		}
		j += size
	}
	for j > i && strings.ContainsRune(".,;:!?)]'’", rune(s[j-1])) {
		j--
	}
	return j
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := decode(s, i)
	return isLetter(r)
}

func isDigitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func isWordRune(s string, i int) bool {
	r, _ := decode(s, i)
	return isLetter(r) || isDigit(r)
}

// lowerASCII lower-cases ASCII letters; other bytes are kept.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Lower returns s in lower case, with a fast path for ASCII.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return lowerASCII(s)
}

// IsLower reports whether s is w, a lower-case word, in any ASCII case
// ("Said", "SAID" and "said" are "said"), without allocating.
func IsLower(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

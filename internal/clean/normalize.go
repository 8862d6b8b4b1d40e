package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cp1252 maps the bytes 0x80–0x9F of Windows-1252 to their runes; 0 marks
// the five bytes the code page leaves undefined. Bytes 0xA0–0xFF are
// Latin-1 and map to the rune of the same value.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// byteRune returns the rune a byte stands for when read as Windows-1252,
// or 0 for the undefined ones and for C0 controls.
func byteRune(b byte) rune {
	switch {
	case b >= 0xA0:
		return rune(b)
	case b >= 0x80:
		return cp1252[b-0x80]
	case b >= 0x20 || b == '\n' || b == '\t' || b == '\r':
		return rune(b)
	}
	return 0
}

// repairUTF8 returns s with every byte that is not part of a valid UTF-8
// sequence decoded as Windows-1252 (which includes Latin-1): the usual
// origin of such bytes in news text. It reports whether it changed s.
func repairUTF8(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	out := make([]byte, 0, len(s)+len(s)/8)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if r = byteRune(c); r != 0 {
				out = utf8.AppendRune(out, r)
			}
			i++
			continue
		}
		out = append(out, s[i:i+size]...)
		i += size
	}
	return string(out), true
}

// Line flags: what the normaliser saw on a line, so that the later checks
// run only on lines that can match them.
const (
	fHash     uint16 = 1 << iota // a hashtag: # then a letter, at a word start
	fMention                     // an @mention at a word start
	fEmoji                       // an emoji or keycap
	fArtefact                    // a superscript artefact of copied posts (⁰)
	fBracket                     // ( or [
	fSlash                       // a slash: maybe a link
	fNonASCII                    // any byte ≥ 0x80
	fColon                       // a colon
	fRepaired                    // a byte that is not UTF-8, read as Windows-1252
)

// normLine writes the normalised form of the raw line s (no newline in
// it) to dst and returns it with the line's flags and word count: bytes
// that are not UTF-8 are read as Windows-1252 (fRepaired);
// whitespace runs become one space and the ends are trimmed; zero-width
// characters, the BOM, soft hyphens, bidi controls and other control
// characters are removed (C1 controls are read as Windows-1252, their
// usual origin); the superscript ⁰ that copied posts leave for a line
// break becomes a space, and stray superscript digits after closing
// punctuation go; the result is NFC. scratch is reused for NFC.
func normLine(dst, scratch []byte, s string) (line []byte, flags uint16, words int, spare []byte) {
	dst = dst[:0]
	space := false    // a space is pending
	wordStart := true // the next byte starts a word
	for i := 0; i < len(s); {
		c := s[i]
		if asciiClass[c] == plain {
			// a run of plain bytes (letters, digits, most punctuation) and
			// single spaces between them: copied as is
			j := i + 1
			for j < len(s) {
				if asciiClass[s[j]] == plain {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && asciiClass[s[j+1]] == plain {
					words++
					j += 2
				} else {
					break
				}
			}
			if space {
				dst = append(dst, ' ')
				words++
				space = false
			}
			dst = append(dst, s[i:j]...)
			wordStart = false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r':
				space = len(dst) > 0
				wordStart = true
				continue
			case c < 0x20 || c == 0x7f:
				continue
			}
			if space {
				dst = append(dst, ' ')
				words++
				space = false
			}
			switch c {
			case '#':
				if wordStart && i < len(s) && isASCIILetter(s[i]) {
					flags |= fHash
				}
			case '@': // a handle in brackets names someone; it is no mark of a post
				if wordStart && i < len(s) && (isASCIILetter(s[i]) || s[i] == '_' || isDigit(s[i])) && (len(dst) == 0 || dst[len(dst)-1] != '(') {
					flags |= fMention
				}
			case '(', '[':
				flags |= fBracket
			case '/':
				flags |= fSlash
			case ':':
				flags |= fColon
			}
			wordStart = c == '(' || c == '[' || c == '"' || c == '\''
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = byteRune(c)
			flags |= fRepaired
		} else if r >= 0x80 && r <= 0x9f {
			r = cp1252[r-0x80]
		}
		i += size
		switch {
		case r == 0:
			continue
		case r == '\u00a0' || r >= '\u2000' && r <= '\u200a' || r == '\u202f' || r == '\u205f' || r == '\u3000' || r == '\u1680':
			space = len(dst) > 0
			wordStart = true
			continue
		case r == '\u200b' || r == '\u200c' || r == '\u2060' || r == '\ufeff' || r == '\u00ad' ||
			r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' ||
			r == '\u180e' || r == '\ufffe' || r == '\ufffc':
			continue
		case r == '\u200d': // zero-width joiner: kept only inside emoji sequences
			if !(flags&fEmoji != 0 && len(dst) > 0 && dst[len(dst)-1] >= 0x80 && i < len(s) && s[i] >= 0xe2) {
				continue
			}
		case r == '⁰':
			flags |= fArtefact
			space = len(dst) > 0
			wordStart = true
			continue
		case isSuperDigit(r):
			if len(dst) == 0 || space || closesSentence(dst) {
				flags |= fArtefact
				continue
			}
		case r == '\u2028' || r == '\u2029': // a line break inside a line: a space here
			space = len(dst) > 0
			wordStart = true
			continue
		case isEmoji(r):
			flags |= fEmoji
		}
		if space {
			dst = append(dst, ' ')
			words++
			space = false
		}
		flags |= fNonASCII
		wordStart = r == '“' || r == '‘' || r == '«'
		dst = utf8.AppendRune(dst, r)
	}
	if len(dst) > 0 {
		words++
	}
	if flags&fNonASCII != 0 && !norm.NFC.IsNormal(dst) {
		scratch = norm.NFC.Append(scratch[:0], dst...)
		dst, scratch = scratch, dst
	}
	return dst, flags, words, scratch
}

// Byte classes for the normaliser's fast path.
const (
	plain   = iota // copied as is
	special        // needs a look: space, control, # @ ( [ / : quotes, or ≥ 0x80
)

var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		if c < 0x20 || c >= 0x7f || strings.IndexByte(" #@([/:\"'", byte(c)) >= 0 {
			t[c] = special
		}
	}
	return t
}()

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSuperDigit reports the superscript digits other than ⁰.
func isSuperDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r >= '⁴' && r <= '⁹'
}

// closesSentence reports whether b ends with a mark after which a
// superscript digit can only be a copy artefact: . ! ? or a closing quote.
func closesSentence(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[len(b)-1] {
	case '.', '!', '?', '"', ')':
		return true
	}
	r, _ := utf8.DecodeLastRune(b)
	return r == '”' || r == '’' || r == '…'
}

// isEmoji reports pictographs, dingbats, keycaps and flag letters.
func isEmoji(r rune) bool {
	return r >= 0x1f000 && r <= 0x1faff || r >= 0x2600 && r <= 0x27bf || r == 0x20e3 ||
		r >= 0x2b00 && r <= 0x2bff || r == 0x2705 || r >= 0x1f1e6 && r <= 0x1f1ff
}

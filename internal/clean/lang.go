package clean

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language guessing is cheap on purpose: the share of a language's most
// common function words among the first words of the text, and the
// script for languages with their own. It tells English from the other
// languages of news pages well; it does not try to tell close languages
// apart beyond their function words.

// langWords are function words of each language, written by us from
// general knowledge of the languages. A word may belong to several.
var langWords = map[string]string{
	"en": "the of and to in a is that for on was with he it as at by said his from be are have has had were which this an not but they their who will would been its she her after also more than about there when into could over",
	"de": "der die und den das nicht von zu mit sich des auf für ist im dem ein eine auch als an nach wie bei oder aus wird sind hat werden sie er es",
	"fr": "le la les de des et du un une est pour dans que qui sur pas au avec par ce il elle sont aux plus ont été cette mais ses leur",
	"es": "el la los las de del y en que un una por con para es se al lo su sus como más pero fue ha este esta sobre entre",
	"pt": "o a os as de do da dos das e em que um uma para com por no na se não foi ao mais como mas é pelo pela seu sua",
	"it": "il la le di del della e in che un una per con non si è al alla sono gli dei delle da come anche più ha nel",
	"nl": "de het een van en in is dat op te voor met zijn niet aan ook er maar bij om als door naar heeft werd",
	"id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena atau sudah bisa mereka",
	"ru": "и в не на что с по это как он к но из за его она от то для же уже так",
	"uk": "і в на що не з у та як до за це від він його але вже про",
	"tr": "ve bir bu da de için ile olarak çok daha en gibi ama olan kadar sonra",
	"sv": "och att det som en är på av för med till den har inte om ett de var",
	"pl": "i w na z że do się nie to jest o od po przez jak ale dla",
}

// langTable maps a word to a bit set of the languages in langCodes.
var langCodes, langTable = func() ([]string, map[string]uint16) {
	codes := make([]string, 0, len(langWords))
	for c := range langWords {
		codes = append(codes, c)
	}
	// a fixed order, so that ties break the same way every time
	for i := range codes {
		for j := i + 1; j < len(codes); j++ {
			if codes[j] < codes[i] {
				codes[i], codes[j] = codes[j], codes[i]
			}
		}
	}
	t := map[string]uint16{}
	for i, c := range codes {
		for w := range strings.FieldsSeq(langWords[c]) {
			t[w] |= 1 << i
		}
	}
	return codes, t
}()

// langASCII is langTable's ASCII words of up to eight bytes, each packed
// in a number (its first byte lowest), so that the words of most text
// are looked up without hashing a string. The words of langTable hold no
// zero byte, so that a word and its length are one number, never 0.
var langASCII = func() *langSet {
	m := map[uint64]uint16{}
	for w, bits := range langTable {
		if len(w) > 8 {
			continue
		}
		var key uint64
		ascii := true
		for k := len(w) - 1; k >= 0; k-- {
			if w[k] >= utf8.RuneSelf {
				ascii = false
			}
			key = key<<8 | uint64(w[k])
		}
		if ascii {
			m[key] = bits
		}
	}
	return newLangSet(m)
}()

// langSet maps packed words to their languages' bits: an open-addressing
// table at most a quarter full, probed from a multiplicative hash, which
// costs less than a Go map's look-up for the 150 words Language reads.
type langSet struct {
	keys  []uint64 // 0: an empty slot
	vals  []uint16
	shift uint
}

func newLangSet(m map[uint64]uint16) *langSet {
	bits := uint(4)
	for 1<<bits < 4*len(m) {
		bits++
	}
	t := &langSet{keys: make([]uint64, 1<<bits), vals: make([]uint16, 1<<bits), shift: 64 - bits}
	for k, v := range m {
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & uint64(len(t.keys)-1)
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *langSet) slot(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> t.shift }

// get returns the bits of key (not 0), 0 when it is unknown.
func (t *langSet) get(key uint64) uint16 {
	for i := t.slot(key); ; i = (i + 1) & uint64(len(t.keys)-1) {
		switch t.keys[i] {
		case key:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// langMaxLen is the byte length of langTable's longest word.
var langMaxLen = func() int {
	n := 0
	for w := range langTable {
		n = max(n, len(w))
	}
	return n
}()

// langWordByte tells the bytes of an ASCII word after its first letter:
// letters and the apostrophe.
var langWordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isASCIILetter(byte(c)) || c == '\''
	}
	return t
}()

// langSample is how many words Language reads.
const langSample = 150

// Language guesses the ISO 639-1 code of s, or returns "" when the text is
// too short or unclear. English is recognised when at least a fifth of
// the words are its function words.
func Language(s string) string {
	var counts [16]int
	var scripts struct{ latin, cyrillic, arabic, hebrew, greek, han, kana, hangul, thai, devanagari int }
	words := 0
	var buf [32]byte
	for i := 0; i < len(s) && words < langSample; {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				i++
				continue
			}
			// an ASCII word: the common case, done without decoding
			j := i + 1
			for j < len(s) && langWordByte[s[j]] {
				j++
			}
			if j < len(s) && s[j] >= utf8.RuneSelf {
				// the word goes on beyond ASCII: read it the slow way
			} else {
				scripts.latin += j - i
				words++
				var set uint16
				switch n := min(j-i, len(buf)); {
				case n <= 8 && i+8 <= len(s):
					// its bytes lowered (| 0x20, which keeps an apostrophe)
					// and packed by one load, the first lowest
					t := s[i : i+8]
					v := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
						uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
					set = langASCII.get((v | 0x2020202020202020) & (^uint64(0) >> (64 - 8*n)))
				case n <= 8:
					var key uint64
					for k := n - 1; k >= 0; k-- {
						key = key<<8 | uint64(s[i+k]|0x20)
					}
					set = langASCII.get(key)
				case n <= langMaxLen:
					for k := range n {
						buf[k] = s[i+k] | 0x20
					}
					set = langTable[string(buf[:n])]
				}
				for ; set != 0; set &= set - 1 {
					counts[bits.TrailingZeros16(set)]++
				}
				i = j
				continue
			}
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		n := 0
		for j < len(s) {
			r, size := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[j:])
			}
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				break
			}
			switch {
			case r < 0x250:
				scripts.latin++
			case r >= 0x400 && r < 0x530:
				scripts.cyrillic++
			case r >= 0x600 && r < 0x700:
				scripts.arabic++
			case r >= 0x590 && r < 0x600:
				scripts.hebrew++
			case r >= 0x370 && r < 0x400:
				scripts.greek++
			case r >= 0x4e00 && r < 0xa000:
				scripts.han++
			case r >= 0x3040 && r < 0x3100:
				scripts.kana++
			case r >= 0xac00 && r < 0xd7b0:
				scripts.hangul++
			case r >= 0xe00 && r < 0xe80:
				scripts.thai++
			case r >= 0x900 && r < 0x980:
				scripts.devanagari++
			}
			if n+utf8.UTFMax <= len(buf) {
				n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			}
			j += size
		}
		words++
		if bits := langTable[string(buf[:n])]; bits != 0 {
			for b := range langCodes {
				if bits&(1<<b) != 0 {
					counts[b]++
				}
			}
		}
		i = j
	}
	letters := scripts.latin + scripts.cyrillic + scripts.arabic + scripts.hebrew + scripts.greek + scripts.han + scripts.kana + scripts.hangul + scripts.thai + scripts.devanagari
	if letters < 20 {
		return ""
	}
	switch major := letters / 2; {
	case scripts.kana > letters/10:
		return "ja"
	case scripts.hangul > major:
		return "ko"
	case scripts.han > major:
		return "zh"
	case scripts.arabic > major:
		return "ar"
	case scripts.hebrew > major:
		return "he"
	case scripts.greek > major:
		return "el"
	case scripts.thai > major:
		return "th"
	case scripts.devanagari > major:
		return "hi"
	}
	if words < 5 {
		return ""
	}
	best, bestN := -1, 0
	for i := range langCodes {
		if counts[i] > bestN {
			best, bestN = i, counts[i]
		}
	}
	if best < 0 {
		return ""
	}
	code := langCodes[best]
	// English must be clear; others need a tenth of the words and a lead
	// over English.
	if code == "en" {
		if bestN*5 >= words {
			return "en"
		}
		return ""
	}
	if bestN*10 >= words {
		return code
	}
	return ""
}

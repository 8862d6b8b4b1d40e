package parse

import (
	"strings"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// winfo is what the parser knows of a word before looking at its context:
// its lexicon entry and its verb reading. Tagging needs the entries of a
// word and of its lemma, and verbLemma may try a handful of stems, each a
// look-up: with the lexicon's words indexed (Parser.index), tagging a word
// costs one look-up, and a few more for an unknown word with a verb's
// ending.
type winfo struct {
	low    string // the word in lower case (lower)
	e      *entry // lookup(low); for an indexed word, &ent
	lemma  string // verbLemma(low)
	form   uint8
	lemmaE *entry // lookup(lemma)
	verb   bool   // a verb lemma: e.isVerb() or an extra verb
	// ent is a copy of *e for the words of Parser.infos, so that tagging
	// reads the word's entry with its winfo instead of from elsewhere.
	ent entry
}

// infoOf returns what is known of word w as written in the text, and w in
// lower case; nil when the lexicon knows nothing of it. ASCII words are
// looked up in p.words, whose look-up folds case as lower does; a word
// missing there may still be an inflected verb (stem). Other words, rare
// in English news, are worked out on the spot. A winfo made for w is kept
// in s.
func (p *Parser) infoOf(s *Sentence, w string) (*winfo, string) {
	return p.tokenInfo(s, w, text.IsASCII(w), nil, 0)
}

// tokenInfo is infoOf for the word w of token tok, ASCII or not as ascii
// tells; when tagged is not nil, its tags hold the look-up of w.
func (p *Parser) tokenInfo(s *Sentence, w string, ascii bool, tagged *article.Doc, tok int) (*winfo, string) {
	if !ascii {
		return s.keep(p.compute(lower(w)))
	}
	var i int
	if tagged != nil {
		i = p.words.TaggedIndex(tagged, tok)
	} else {
		i = p.words.Index(w)
	}
	if i >= 0 {
		if !hasUpperASCII(w) {
			// the text's own bytes, which later stages read from cache,
			// rather than the index's copy
			return &p.infos[i], w
		}
		return &p.infos[i], p.infos[i].low
	}
	low := lowerASCII(w)
	if lemma, form, le := p.stem(low); form != FormNone {
		return s.keep(winfo{low: low, lemma: lemma, form: form, lemmaE: le})
	}
	return nil, low
}

// nameLow returns the lower-case form of word w of token tok that
// tokenInfo returns, without the rest of its work.
func (p *Parser) nameLow(w string, ascii bool, tagged *article.Doc, tok int) string {
	if !ascii {
		return lower(w)
	}
	var i int
	if tagged != nil {
		i = p.words.TaggedIndex(tagged, tok)
	} else {
		i = p.words.Index(w)
	}
	if i >= 0 && hasUpperASCII(w) {
		return p.infos[i].low
	}
	return lowerASCII(w)
}

// keep stores inf in s for the sentence's life and returns it.
func (s *Sentence) keep(inf winfo) (*winfo, string) {
	// Pointers into made stay valid when it grows: the old array lives
	// on while they point to it, and nothing writes to it again before
	// the next Parse.
	s.made = append(s.made, inf)
	return &s.made[len(s.made)-1], inf.low
}

// compute works out the winfo of lower-case word low.
func (p *Parser) compute(low string) winfo {
	inf := winfo{low: low, e: lookup(low), verb: p.extra[low]}
	if inf.e != nil && inf.e.isVerb() {
		inf.verb = true
	}
	inf.lemma, inf.form = p.verbLemma(low)
	if inf.lemma != "" {
		inf.lemmaE = lookup(inf.lemma)
	}
	return inf
}

// stem is verbLemma for a lower-case ASCII word w that is neither in the
// lexicon nor an extra verb: its suffix rules, with the stems looked up in
// p.words. It returns the lemma, the form and the lemma's entry.
func (p *Parser) stem(w string) (string, uint8, *entry) {
	n := len(w)
	var buf [64]byte
	switch {
	case n > 4 && strings.HasSuffix(w, "ing"):
		if v := p.stemVerb(w[:n-3], buf[:0]); v != nil {
			return v.low, Ing, v.e
		}
	case n > 3 && strings.HasSuffix(w, "ed"):
		if strings.HasSuffix(w, "ied") {
			if v := p.verbIn(append(append(buf[:0], w[:n-3]...), 'y')); v != nil {
				return v.low, PastOrPart, v.e
			}
		}
		if v := p.verbIn(append(buf[:0], w[:n-1]...)); v != nil { // deplored → deplore
			return v.low, PastOrPart, v.e
		}
		if v := p.stemVerb(w[:n-2], buf[:0]); v != nil {
			return v.low, PastOrPart, v.e
		}
	case n > 2 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != '\'':
		if strings.HasSuffix(w, "ies") && n > 4 {
			if v := p.verbIn(append(append(buf[:0], w[:n-3]...), 'y')); v != nil {
				return v.low, Pres3, v.e
			}
		}
		if strings.HasSuffix(w, "es") {
			s := w[:n-2]
			if strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
				strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh") || strings.HasSuffix(s, "o") {
				if v := p.verbIn(append(buf[:0], s...)); v != nil {
					return v.low, Pres3, v.e
				}
			}
		}
		if v := p.verbIn(append(buf[:0], w[:n-1]...)); v != nil {
			return v.low, Pres3, v.e
		}
	}
	return "", FormNone, nil
}

// stemVerb is the package's stemVerb with look-ups in p.words: the verb
// that stem s left by cutting -ing or -ed comes from, or nil. buf is room
// for the candidates.
func (p *Parser) stemVerb(s string, buf []byte) *winfo {
	if v := p.verbIn(append(buf[:0], s...)); v != nil {
		return v
	}
	if n := len(s); n >= 2 && s[n-1] == s[n-2] && !strings.ContainsRune("aeious", rune(s[n-1])) {
		if v := p.verbIn(append(buf[:0], s[:n-1]...)); v != nil {
			return v
		}
	}
	return p.verbIn(append(append(buf[:0], s...), 'e'))
}

// verbIn returns the winfo of the lower-case word in b when it is a verb
// lemma, or nil.
func (p *Parser) verbIn(b []byte) *winfo {
	if !p.verbs.mayHave(b) {
		return nil
	}
	if i := p.words.IndexFolded(b); i >= 0 && p.infos[i].verb {
		return &p.infos[i]
	}
	return nil
}

// index fills p.words with the winfo of every ASCII word of the lexicon
// and every extra verb.
func (p *Parser) index() {
	lx := lexicon()
	words := make([]string, 0, len(lx)+len(p.extra))
	for w := range lx {
		if w != "" && isLowerASCII(w) {
			words = append(words, w)
		}
	}
	for w := range p.extra {
		if _, dup := lx[w]; !dup && w != "" && isLowerASCII(w) {
			words = append(words, w)
		}
	}
	p.words = text.NewWordSet(words)
	// infos follow the words' order in p.words, so that a word's index
	// there is its winfo's.
	words = p.words.Words()
	p.infos = make([]winfo, len(words))
	p.verbs = verbFilter{}
	for i, w := range words {
		inf := &p.infos[i]
		*inf = p.compute(w)
		if inf.e != nil {
			inf.ent = *inf.e
			inf.e = &inf.ent
		}
		if inf.verb {
			p.verbs.add(w)
		}
	}
}

// verbFilter is a Bloom filter of the verb lemmas among a parser's words:
// stemming an unknown word ("officials", "Jones") tries up to three
// stems, and the filter, small enough to stay in cache, turns most of
// them away before a look-up in the lexicon, which is not.
type verbFilter [1 << 10]uint64

// verbHashes returns two positions for word w in a verbFilter.
func verbHashes[T string | []byte](w T) (uint32, uint32) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	const bits = 1<<10*64 - 1
	return uint32(h) & bits, uint32(h>>32) & bits
}

func (f *verbFilter) add(w string) {
	a, b := verbHashes(w)
	f[a/64] |= 1 << (a % 64)
	f[b/64] |= 1 << (b % 64)
}

// mayHave reports whether w may be a verb of the filter; false means it
// is not.
func (f *verbFilter) mayHave(w []byte) bool {
	a, b := verbHashes(w)
	return f[a/64]&(1<<(a%64)) != 0 && f[b/64]&(1<<(b%64)) != 0
}

// isLowerASCII reports whether w holds no upper-case letter and no byte
// outside ASCII, as the keys of a text.Lexicon looked up by ASCII words
// must.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// hasUpperASCII reports whether w holds an ASCII upper-case letter.
func hasUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases ASCII w, allocating only when w has an upper-case
// letter; for ASCII words it is what lower returns.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

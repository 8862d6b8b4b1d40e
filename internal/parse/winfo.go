package parse

import (
	"strings"
	"unicode/utf8"

	"newsgraph/internal/text"
)

// winfo is what the parser knows of a word before looking at its context:
// its lexicon entry and its verb reading. Tagging needs the entries of a
// word and of its lemma, and verbLemma may try a handful of stems, each a
// look-up: Parser.index works all of that out once per word the lexicon
// can know, so that tagging a word costs one look-up.
type winfo struct {
	low    string // the word in lower case (lower)
	e      *entry // lookup(low)
	lemma  string // verbLemma(low)
	form   uint8
	lemmaE *entry // lookup(lemma)
}

// infoOf returns what is known of word w as written in the text, and w in
// lower case. ASCII words are looked up in p.words, whose look-up folds
// case as lower does; a word missing there is unknown to the lexicon and
// no verb form (nil). Other words, rare in English news, are worked out on
// the spot.
func (p *Parser) infoOf(w string) (*winfo, string) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			inf := p.compute(lower(w))
			return &inf, inf.low
		}
	}
	if i, ok := p.words.Get(w); ok {
		return &p.infos[i], p.infos[i].low
	}
	return nil, lowerASCII(w)
}

// compute works out the winfo of lower-case word low.
func (p *Parser) compute(low string) winfo {
	inf := winfo{low: low, e: lookup(low)}
	inf.lemma, inf.form = p.verbLemma(low)
	if inf.lemma != "" {
		inf.lemmaE = lookup(inf.lemma)
	}
	return inf
}

// index fills p.words with every ASCII word whose winfo is not empty: the
// lexicon's words, the extra verbs, and every regular inflection of a
// verb that verbLemma may reduce to it (-s, -es, -ies, -d, -ed, -ied,
// -ing, with a final e dropped or a final consonant doubled).
func (p *Parser) index() {
	m := map[string]int32{}
	p.infos = p.infos[:0:0]
	add := func(w string) {
		if _, ok := m[w]; ok || w == "" || !isLowerASCII(w) {
			return
		}
		inf := p.compute(w)
		if inf.e == nil && inf.form == FormNone {
			return
		}
		m[w] = int32(len(p.infos))
		p.infos = append(p.infos, inf)
	}
	isVerb := func(w string) bool {
		if p.extra[w] {
			return true
		}
		e := lookup(w)
		return e != nil && e.isVerb()
	}
	inflect := func(v string) {
		if !isVerb(v) {
			return
		}
		n := len(v)
		last := v[n-1:]
		for _, suf := range []string{"s", "es", "d", "ed", "ing", last + "ed", last + "ing"} {
			add(v + suf)
		}
		switch v[n-1] {
		case 'e':
			add(v[:n-1] + "ing")
		case 'y':
			add(v[:n-1] + "ied")
			add(v[:n-1] + "ies")
		}
	}
	for w := range lexicon() {
		add(w)
		inflect(w)
	}
	for w := range p.extra {
		add(w)
		inflect(w)
	}
	p.words = text.NewLexicon(m)
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

// Package theme finds the topics of an article from the knowledge base's
// keyword taxonomy (themes.tsv): PRISONER_RELEASE, SANCTIONS, ELECTIONS …
// each with the spans of the keywords that show it.
//
// Keywords are words and phrases matched on lower-cased word tokens through
// a token trie, with their inflections ("release" matches "released"), and
// may hold a gap ("release * prisoner" matches "release of 16 prisoners").
// A theme is reported when the article holds one of its strong keywords
// or at least two occurrences of its weak ones, so that a word in passing
// does not make a topic.
package theme

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// Name is the stage's name in records and metrics.
const Name = "theme"

// MaxGap is how many words or numbers a "*" in a keyword stands for, at
// most; a gap never crosses punctuation.
const MaxGap = 3

// MinScore is the score a theme needs to be reported: a strong keyword
// scores 2, a weak one 1.
const MinScore = 2

// maxPhrase bounds a keyword's length in words, gaps included.
const maxPhrase = 8

// noInflect are function words kept as written inside phrases.
var noInflect = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("a an the of in on at to for from by with and or as into over against between than up out off down per via not no new more less") {
		m[w] = true
	}
	return m
}()

type hit struct {
	theme  int32
	strong bool
}

// node is a trie node; next is keyed by word id, gap leads past a "*".
type node struct {
	next map[int32]*node
	gap  *node
	hits []hit
}

// Extractor is the theme stage. It is safe for concurrent use after New.
type Extractor struct {
	codes []string
	// vocab holds the lower-cased surface forms; sets[vocab.Index(f)]
	// are the word ids form f may stand for: the id of the keyword word
	// written so, and of each keyword word it is an inflection of
	// ("sales" is the written "sales" and a form of "sale").
	vocab *text.Lexicon[int32]
	sets  [][]int32
	root  []*node   // by word id of a keyword's first word
	pool  sync.Pool // of *scratch
	// starts holds the surface forms that may begin a keyword, so that
	// most words need no look-up.
	starts text.WordFilter
	// startIdx tells the same of the words by their index in vocab, for
	// documents the pipeline tagged.
	startIdx []bool
}

// New reads themes.tsv (embedded and from src's directories; columns
// theme, strong, weak, description) and builds the trie. Rows with the
// same theme code add keywords to it.
func New(src kb.Source) (*Extractor, error) {
	inf, err := src.Inflector()
	if err != nil {
		return nil, err
	}
	tables, err := src.Tables("themes.tsv")
	if err != nil {
		return nil, err
	}
	type keyword struct {
		theme  int32
		strong bool
		words  []string
	}
	x := &Extractor{}
	themeIDs := map[string]int32{}
	var kws []keyword
	for _, t := range tables {
		idx, err := t.Need("theme", "strong", "weak")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			code := strings.TrimSpace(r.Cells[idx[0]])
			if code == "" || strings.ContainsAny(code, " |") {
				return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("theme code %q", code)}
			}
			id, ok := themeIDs[code]
			if !ok {
				id = int32(len(x.codes))
				themeIDs[code] = id
				x.codes = append(x.codes, code)
			}
			for i, col := range idx[1:] {
				for _, p := range kb.Multi(r.Cells[col]) {
					words := keywordWords(p)
					if len(words) == 0 || len(words) > maxPhrase || words[0] == "*" || words[len(words)-1] == "*" ||
						strings.Contains(" "+strings.Join(words, " ")+" ", " * * ") {
						return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("keyword %q: want 1 to %d words, a single \"*\" only between words", p, maxPhrase)}
					}
					kws = append(kws, keyword{id, i == 0, words})
				}
			}
		}
	}
	// Word ids are given to keyword words in the order they are written;
	// a surface form stands for the word written so and for every word it
	// is an inflection of.
	wordID := map[string]int32{}
	var written []string
	for _, k := range kws {
		for _, w := range k.words {
			if _, ok := wordID[w]; !ok && w != "*" {
				wordID[w] = int32(len(written))
				written = append(written, w)
			}
		}
	}
	// A word has itself and up to some eight inflections as forms.
	forms := make(map[string][]int32, 6*len(written))
	order := make([]string, 0, 6*len(written))
	// A form's first word id is cut from one array for all forms, with
	// room for that id alone, so that a second id copies it out.
	first := make([]int32, 0, 6*len(written))
	addForm := func(f string, id int32) {
		ids, ok := forms[f]
		if !ok {
			order = append(order, f)
			first = append(first, id)
			forms[f] = first[len(first)-1 : len(first) : len(first)]
			return
		}
		if !slices.Contains(ids, id) {
			forms[f] = append(ids, id)
		}
	}
	for _, w := range written {
		addForm(w, wordID[w])
	}
	for _, w := range written {
		if noInflect[w] {
			continue
		}
		for _, f := range inf.Forms(w)[1:] {
			addForm(f, wordID[w])
		}
	}
	vocab := make(map[string]int32, len(order))
	for _, f := range order {
		vocab[f] = int32(len(x.sets))
		x.sets = append(x.sets, forms[f])
	}
	x.vocab = text.NewLexicon(vocab)
	// Sets are read by the index of their surface form in the lexicon's
	// word order (Lexicon.Index), which a document's tags give without
	// reading the lexicon.
	sets := make([][]int32, len(x.sets))
	for i, f := range x.vocab.Words() {
		sets[i] = x.sets[vocab[f]]
	}
	starts := make([]bool, len(written))
	for _, k := range kws {
		starts[wordID[k.words[0]]] = true
	}
	x.startIdx = make([]bool, len(sets))
	for f, set := range vocab {
		if slices.ContainsFunc(x.sets[set], func(id int32) bool { return starts[id] }) {
			x.starts.Add(f)
			x.startIdx[x.vocab.Index(f)] = true
		}
	}
	x.sets = sets
	x.root = make([]*node, len(written))
	for _, k := range kws {
		first := wordID[k.words[0]]
		if x.root[first] == nil {
			x.root[first] = &node{}
		}
		n := x.root[first]
		for _, w := range k.words[1:] {
			if w == "*" {
				if n.gap == nil {
					n.gap = &node{}
				}
				n = n.gap
				continue
			}
			if n.next == nil {
				n.next = map[int32]*node{}
			}
			c := n.next[wordID[w]]
			if c == nil {
				c = &node{}
				n.next[wordID[w]] = c
			}
			n = c
		}
		if !slices.Contains(n.hits, hit{k.theme, k.strong}) {
			n.hits = append(n.hits, hit{k.theme, k.strong})
		}
	}
	return x, nil
}

// keywordWords splits a keyword into its lower-cased words, dropping a
// possessive 's or ' since the matcher skips those in the text.
func keywordWords(p string) []string {
	words := strings.Fields(string(text.AppendFold(nil, p)))
	for i, w := range words {
		if len(w) > 2 && strings.HasSuffix(w, "'s") {
			words[i] = w[:len(w)-2]
		} else if len(w) > 1 && strings.HasSuffix(w, "'") {
			words[i] = w[:len(w)-1]
		}
	}
	return words
}

// Name returns the stage name.
func (*Extractor) Name() string { return Name }

// Lexicons returns the lexicon the stage looks tokens up in, for the
// pipeline to join (text.Join) so that words are looked up once for all
// stages.
func (x *Extractor) Lexicons() []text.Joinable { return []text.Joinable{x.vocab} }

// Codes returns the theme codes of the taxonomy in file order.
func (x *Extractor) Codes() []string { return slices.Clone(x.codes) }

// match is one keyword occurrence: tokens [start, end).
type match struct {
	theme      int32
	start, end int
	strong     bool
}

// Token classes for matching, besides an index into sets.
const (
	unknown     = -4 // not looked up yet
	breaker     = -3 // punctuation or a symbol: ends a gap
	transparent = -2 // a possessive 's or ': skipped
	other       = -1 // a word or number in no keyword: may stand in a gap
)

// scratch is the per-document working memory, pooled.
type scratch struct {
	class   []int32
	found   []match
	kept    []match
	lastEnd []int
	score   []int
	count   []int
	order   []int32
}

// Process sets doc.Rec.Themes. Keywords match within one sentence; at
// each word the longest keyword of each theme is taken, and a theme's
// occurrences never overlap. Themes are in the order of their first span,
// each theme's spans in text order.
func (x *Extractor) Process(_ context.Context, doc *article.Doc) error {
	sc, _ := x.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer x.pool.Put(sc)
	m := matcher{x: x, sc: sc, doc: doc, toks: doc.Tokens, s: doc.Rec.Text, joined: x.vocab.Joined(doc)}
	class := slices.Grow(sc.class[:0], len(m.toks))[:len(m.toks)]
	for i := range class {
		class[i] = unknown
	}
	sc.class = class
	sc.lastEnd = slices.Grow(sc.lastEnd[:0], len(x.codes))[:len(x.codes)]
	clear(sc.lastEnd)
	sc.kept = sc.kept[:0]

	sents := doc.Sents
	if len(sents) == 0 && len(m.toks) > 0 {
		sents = []article.Sentence{{First: 0, Last: len(m.toks)}}
	}
	toks := doc.Tokens // m's are read through a pointer, these from a register
	for _, sent := range sents {
		m.end = sent.Last
		for i := sent.First; i < sent.Last; i++ {
			t := &toks[i]
			if t.Kind != article.Word && t.Kind != article.Number {
				continue
			}
			var c int32
			if m.joined {
				// the tags tell at once whether the word may begin a
				// keyword (class reads them too, once it has ruled out a
				// possessive)
				if j := x.vocab.TaggedIndex(doc, i); j < 0 || !x.startIdx[j] {
					continue
				}
				if c = m.class(i); c < 0 || !x.startIdx[c] {
					continue
				}
			} else {
				if !x.starts.MayHave(m.s[t.Start:t.End]) {
					continue
				}
				if c = m.class(i); c < 0 {
					continue
				}
			}
			sc.found = sc.found[:0]
			for _, id := range x.sets[c] {
				if n := x.root[id]; n != nil {
					m.walk(n, i, i+1, 0)
				}
			}
			if len(sc.found) == 0 {
				continue
			}
			// per theme, prefer strong, then longer
			slices.SortFunc(sc.found, func(a, b match) int {
				return cmp.Or(cmp.Compare(a.theme, b.theme), boolCmp(b.strong, a.strong), cmp.Compare(b.end, a.end))
			})
			for j, f := range sc.found {
				if j > 0 && sc.found[j-1].theme == f.theme || f.start < sc.lastEnd[f.theme] {
					continue // a shorter match, or one overlapping the theme's last
				}
				sc.lastEnd[f.theme] = f.end
				sc.kept = append(sc.kept, f)
			}
		}
	}
	doc.Rec.Themes = x.themes(sc, m.toks)
	return nil
}

// themes groups the kept matches (in text order) by theme and keeps the
// themes that score enough, in the order of their first occurrence (ties
// in taxonomy order).
func (x *Extractor) themes(sc *scratch, toks []article.Token) []article.Theme {
	sc.score = slices.Grow(sc.score[:0], len(x.codes))[:len(x.codes)]
	sc.count = slices.Grow(sc.count[:0], len(x.codes))[:len(x.codes)]
	clear(sc.score)
	clear(sc.count)
	order := sc.order[:0]
	for _, f := range sc.kept {
		if sc.count[f.theme] == 0 {
			order = append(order, f.theme)
		}
		sc.count[f.theme]++
		sc.score[f.theme]++
		if f.strong {
			sc.score[f.theme]++
		}
	}
	sc.order = order
	n, total := 0, 0
	for _, id := range order {
		if sc.score[id] >= MinScore {
			n++
			total += sc.count[id]
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]article.Theme, 0, n)
	spans := make([]article.Span, total) // one backing array for all
	for _, id := range order {
		if sc.score[id] < MinScore {
			sc.count[id] = -1
			continue
		}
		k := sc.count[id]
		out = append(out, article.Theme{Code: x.codes[id], Spans: spans[:0:k]})
		spans = spans[k:]
		sc.count[id] = len(out) - 1 // now the theme's index in out
	}
	for _, f := range sc.kept {
		if i := sc.count[f.theme]; i >= 0 {
			out[i].Spans = append(out[i].Spans, article.Span{Start: toks[f.start].Start, End: toks[f.end-1].End})
		}
	}
	return out
}

type matcher struct {
	x      *Extractor
	sc     *scratch
	doc    *article.Doc
	toks   []article.Token
	s      string
	end    int  // end of the sentence, in tokens
	joined bool // the segment stage looked the words up (text.Vocab)
}

// class returns token i's class, looking it up the first time.
func (m *matcher) class(i int) int32 {
	c := m.sc.class[i]
	if c != unknown {
		return c
	}
	t := m.toks[i]
	switch {
	case possessive(m.s, m.toks, i):
		c = transparent
	case t.Kind == article.Word || t.Kind == article.Number:
		c = other
		j := -1
		if m.joined {
			j = m.x.vocab.TaggedIndex(m.doc, i)
		} else {
			j = m.x.vocab.Index(m.s[t.Start:t.End])
		}
		if j >= 0 {
			c = int32(j)
		}
	default:
		c = breaker
	}
	m.sc.class[i] = c
	return c
}

// walk matches onwards from node n, whose keyword words so far cover
// tokens [start, j); depth bounds the recursion to the longest keyword.
func (m *matcher) walk(n *node, start, j, depth int) {
	for _, h := range n.hits {
		m.sc.found = append(m.sc.found, match{h.theme, start, j, h.strong})
	}
	if depth >= maxPhrase {
		return
	}
	for j < m.end && m.class(j) == transparent {
		j++
	}
	if n.next != nil {
		m.step(n.next, start, j, depth)
	}
	if n.gap == nil || n.gap.next == nil {
		return
	}
	m.step(n.gap.next, start, j, depth) // an empty gap
	for k, skipped := j, 0; k < m.end && skipped < MaxGap; k++ {
		switch m.class(k) {
		case breaker:
			return
		case transparent:
			continue
		}
		skipped++
		m.step(n.gap.next, start, k+1, depth)
	}
}

// step follows the edge of next that token j's word ids lead along.
func (m *matcher) step(next map[int32]*node, start, j, depth int) {
	for j < m.end && m.class(j) == transparent {
		j++
	}
	if j >= m.end {
		return
	}
	c := m.class(j)
	if c < 0 {
		return
	}
	for _, id := range m.x.sets[c] {
		if n := next[id]; n != nil {
			m.walk(n, start, j+1, depth+1)
		}
	}
}

// possessive reports whether token i is the ' of a possessive ("Trump's",
// "workers'") or the s after it: punctuation attached to the word before.
func possessive(s string, toks []article.Token, i int) bool {
	t := toks[i]
	w := s[t.Start:t.End]
	if i == 0 || toks[i-1].End != t.Start {
		return false
	}
	switch w {
	case "'", "’", "ʼ":
		return toks[i-1].Kind == article.Word
	case "s", "S":
		p := s[toks[i-1].Start:toks[i-1].End]
		return t.Kind == article.Word && (p == "'" || p == "’" || p == "ʼ") && i > 1 && toks[i-2].End == toks[i-1].Start
	case "'s", "’s", "ʼs", "'S", "’S":
		return true
	}
	return false
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

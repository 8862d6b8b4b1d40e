package text

import (
	"slices"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// MaxJoined is how many lexicons a Vocab joins at most.
const MaxJoined = 6

// A Vocab joins the lexicons of several stages so that the words of a
// document are looked up once for all of them. Tag finds each token's
// word in the union of their words and writes down, per token, the word's
// index in each lexicon; a joined lexicon then answers for a token from
// that index (Lexicon.Token) without hashing the word and probing its own
// table again. Each stage looking a token up in its own table read
// three or four cache lines that the next stage read again for the same
// word; now one look-up does it.
//
// A Vocab is read-only and safe for concurrent use once built.
type Vocab struct {
	// words gives a word's index+1 in each lexicon, 0 where a lexicon
	// lacks it: two bytes a lexicon keep the records small, which matters
	// more than anything else in Tag's cost.
	words *Lexicon[[MaxJoined]uint16]
	n     int
	// starts tells, per ASCII byte, whether a word may begin with it (in
	// either case): a token that cannot, punctuation most often, is not
	// looked up.
	starts [utf8.RuneSelf]bool
}

// maxJoinedWords bounds the words of a lexicon a Vocab joins, so that an
// index+1 fits its two bytes; a larger lexicon is left out and looks its
// words up itself.
const maxJoinedWords = 1<<16 - 1

// Joinable is a lexicon a Vocab can join: a *Lexicon of any value type.
type Joinable interface {
	// join ties the lexicon to v as its member-th lexicon and returns
	// its words.
	join(v *Vocab, member int) []string
	// Len returns the number of words.
	Len() int
}

func (l *Lexicon[V]) join(v *Vocab, member int) []string {
	l.vocab, l.member = v, member
	return l.keys
}

// Join builds a Vocab over the lexicons ls (at most MaxJoined and of at
// most 65,535 words each; nil ones are left out, and the others look
// their words up themselves) and ties each to it, so that Lexicon.Token answers from
// the Vocab's tags for a document Tag tagged. Call it before the lexicons
// are used concurrently; a lexicon belongs to the last Vocab that joined
// it.
func Join(ls ...Joinable) *Vocab {
	v := &Vocab{}
	var lists [][]string // each lexicon's words, sorted
	for _, l := range ls {
		if l == nil || v.n == MaxJoined || l.Len() > maxJoinedWords {
			continue
		}
		lists = append(lists, l.join(v, v.n))
		v.n++
	}
	// Merge the sorted lists: each word once, with its index in each.
	pos := make([]int, len(lists))
	total := 0
	for _, ws := range lists {
		total += len(ws)
	}
	words := make([]string, 0, total)
	rows := make([][MaxJoined]uint16, 0, total)
	for {
		w, found := "", false
		for k, ws := range lists {
			if pos[k] < len(ws) && (!found || ws[pos[k]] < w) {
				w, found = ws[pos[k]], true
			}
		}
		if !found {
			break
		}
		var row [MaxJoined]uint16
		for k, ws := range lists {
			if pos[k] < len(ws) && ws[pos[k]] == w {
				row[k] = uint16(pos[k] + 1)
				pos[k]++
			}
		}
		words = append(words, w)
		rows = append(rows, row)
	}
	v.words = newSortedLexicon(words, rows)
	for _, w := range words {
		if c := w[0]; c < utf8.RuneSelf {
			v.starts[c] = true
			if 'a' <= c && c <= 'z' {
				v.starts[c-'a'+'A'] = true
			}
		}
	}
	return v
}

// Tag sets doc.Lex and doc.LexBy: for each of doc's tokens, the index of
// its word in each joined lexicon.
func (v *Vocab) Tag(doc *article.Doc) {
	n := v.n
	toks := doc.Tokens
	lex := slices.Grow(doc.Lex[:0], len(toks)*n)[:len(toks)*n]
	s := doc.Rec.Text
	recs := v.words.recs
	for i := range toks {
		t := &toks[i]
		dst := lex[i*n : i*n+n]
		if c := s[t.Start]; c >= utf8.RuneSelf || v.starts[c] {
			if j := v.find(s[t.Start:t.End]); j >= 0 {
				row := recs[j].val[:len(dst)]
				for k, x := range row {
					dst[k] = int32(x) - 1
				}
				continue
			}
		}
		for k := range dst {
			dst[k] = -1
		}
	}
	doc.Lex, doc.LexBy = lex, v
}

// find is v.words.Index(w) for a token's word w: for an ASCII word, the
// hash is worked out here (hashFolded inlined, where a method of the
// generic Lexicon calls it) and the table probed at once, which saves two
// calls a token.
func (v *Vocab) find(w string) int {
	l := v.words
	if len(w) == 0 || len(w) > l.maxLen {
		return l.Index(w) // folding may shorten a word that is not ASCII
	}
	h, raw := hashFolded(w)
	if raw >= utf8.RuneSelf {
		return l.Index(w)
	}
	return lexFind(l, w, h, false)
}

// Joined reports whether doc was tagged by l's Vocab, so that Token reads
// its tags.
func (l *Lexicon[V]) Joined(doc *article.Doc) bool {
	return l.vocab != nil && doc.LexBy == any(l.vocab)
}

// Token returns the value of the word of doc's token i: what
// Get(doc.TokenText(i)) returns, read from doc's tags when l's Vocab made
// them.
func (l *Lexicon[V]) Token(doc *article.Doc, i int) (V, bool) {
	if l.Joined(doc) {
		return l.Tagged(doc, i)
	}
	return l.Get(doc.TokenText(i))
}

// Tagged is Token for a doc l has Joined: it reads the tags only.
func (l *Lexicon[V]) Tagged(doc *article.Doc, i int) (V, bool) {
	if j := l.TaggedIndex(doc, i); j >= 0 {
		return l.recs[j].val, true
	}
	var zero V
	return zero, false
}

// TaggedIndex is Index of the word of token i for a doc l has Joined; it
// reads the tags only.
func (l *Lexicon[V]) TaggedIndex(doc *article.Doc, i int) int {
	return int(doc.Lex[i*l.vocab.n+l.member])
}

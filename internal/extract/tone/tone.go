// Package tone computes an article's tone in the manner of GDELT's V2Tone:
// the share of its words that are positive, negative, active, or
// self- and group-references, from word lists looked up once per word.
//
// The sentiment lexicon is VADER's (Hutto and Gilbert 2014, MIT licence),
// read from github.com/jonreiter/govader/data without running VADER's
// rules, and changed for news by the knowledge base's tone.tsv, which also
// holds the activity verbs, the self/group words and the negators.
package tone

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jonreiter/govader/data"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// Name is the stage's name in records and metrics.
const Name = "tone"

// MinValence is the smallest absolute VADER valence (on its -4…+4 scale)
// for which a word counts as positive or negative. Words rated closer to
// zero ("number" 0.3, "legal" 0.5) are near neutral and left out.
const MinValence = 1.0

// NegationScope is how many words after a negator ("not", "never",
// "didn't") have their polarity reversed, within one clause: a positive
// word there counts as negative, and a negative one ("no deaths", "not
// guilty") counts as neither.
const NegationScope = 3

const vaderAsset = "rawdata/vaderLexicon.txt"

// word flags
const (
	fActive uint8 = 1 << iota
	fSelf
	fNegator
)

// entry is what the lexicon knows of one surface form; valence is in
// tenths of VADER's scale.
type entry struct {
	valence int8
	flags   uint8
}

// Extractor is the tone stage. It is safe for concurrent use after New.
type Extractor struct {
	lex  *text.Lexicon[entry]
	vals []entry // by index in lex (Lexicon.Index)
	// known holds the lexicon's words, so that most words need no look-up.
	known text.WordFilter
}

// New loads VADER's lexicon and the knowledge base's tone.tsv (embedded
// and from src's directories) and the irregular forms of activity verbs.
func New(src kb.Source) (*Extractor, error) {
	lex := map[string]entry{}
	asset, err := data.Asset(vaderAsset)
	if err != nil {
		return nil, fmt.Errorf("vader lexicon: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(asset))
	for sc.Scan() {
		word, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !isWord(word) {
			continue // emoticons never form a word token
		}
		v, _, _ := strings.Cut(rest, "\t")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("vader lexicon: %q: %w", word, err)
		}
		lex[strings.ToLower(word)] = entry{valence: tenths(f)}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vader lexicon: %w", err)
	}

	inf, err := src.Inflector()
	if err != nil {
		return nil, err
	}
	tables, err := src.Tables("tone.tsv")
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		idx, err := t.Need("words", "class", "valence")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			words := kb.Multi(r.Cells[idx[0]])
			class := r.Cells[idx[1]]
			switch class {
			case "sentiment":
				f, err := strconv.ParseFloat(r.Cells[idx[2]], 64)
				if err != nil || f < -4 || f > 4 {
					return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("valence %q: want a number from -4 to 4", r.Cells[idx[2]])}
				}
				for _, w := range words {
					e := lex[key(w)]
					e.valence = tenths(f)
					lex[key(w)] = e
				}
			case "activity":
				for _, w := range words {
					for _, f := range inf.Forms(key(w)) {
						e := lex[f]
						e.flags |= fActive
						lex[f] = e
					}
				}
			case "self", "negator":
				flag := fSelf
				if class == "negator" {
					flag = fNegator
				}
				for _, w := range words {
					e := lex[key(w)]
					e.flags |= flag
					lex[key(w)] = e
				}
			default:
				return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("class %q: want sentiment, activity, self or negator", class)}
			}
		}
	}
	x := &Extractor{}
	for w, e := range lex { // drop words left with nothing to say
		if e.valence == 0 && e.flags == 0 {
			delete(lex, w)
			continue
		}
		x.known.Add(w)
	}
	x.lex = text.NewLexicon(lex)
	// The entries are read from a slice in the lexicon's word order: two
	// bytes a word stay in cache where the lexicon's records would not.
	x.vals = make([]entry, x.lex.Len())
	for i, w := range x.lex.Words() {
		x.vals[i] = lex[w]
	}
	return x, nil
}

// Name returns the stage name.
func (*Extractor) Name() string { return Name }

// Lexicons returns the lexicon the stage looks tokens up in, for the
// pipeline to join (text.Join) so that words are looked up once for all
// stages.
func (x *Extractor) Lexicons() []text.Joinable { return []text.Joinable{x.lex} }

// Process sets doc.Rec.Tone from doc.Tokens, keeping the WordCount the
// segment stage set (the number of word tokens; numbers, punctuation and
// symbols are not words). Positive, Negative, Activity and SelfGroup are
// percentages of WordCount, rounded to three decimals; Tone is Positive
// minus Negative and Polarity their sum.
func (x *Extractor) Process(_ context.Context, doc *article.Doc) error {
	var n [4]int
	x.scan(doc, func(_ int, c Class, _ bool) { n[c]++ })
	doc.Rec.Tone = Figures(doc.Rec.Tone.WordCount, n[Positive], n[Negative], n[Active], n[Self])
	return nil
}

// Class is what a word counts as.
type Class uint8

// Classes of counted words.
const (
	Positive Class = iota
	Negative
	Active
	Self
)

func (c Class) String() string {
	return [...]string{"positive", "negative", "active", "self"}[c]
}

// Word is one counted word: Token indexes doc.Tokens, and Negated is set
// when a negator before it changed how it counts ("not good" is Negative).
type Word struct {
	Token   int
	Class   Class
	Negated bool
}

// Words returns the words of doc that count towards its tone, in text
// order, so that a reader can see why an article scores as it does. A
// word may count twice ("attack" is negative and active).
func (x *Extractor) Words(doc *article.Doc) []Word {
	var out []Word
	x.scan(doc, func(i int, c Class, neg bool) { out = append(out, Word{i, c, neg}) })
	return out
}

// scan calls count for each counted word of doc. A capitalised "US" is
// the country, not the pronoun.
func (x *Extractor) scan(doc *article.Doc, count func(tok int, c Class, negated bool)) {
	negLeft := 0 // words still under a negator
	s := doc.Rec.Text
	joined := x.lex.Joined(doc) // the segment stage looked the words up
	for i, t := range doc.Tokens {
		if t.Is(article.LineStart) || t.Kind == article.Punct && breaksClause(s[t.Start:t.End]) {
			negLeft = 0
		}
		if t.Kind != article.Word {
			continue
		}
		negated := negLeft > 0
		if negLeft > 0 {
			negLeft--
		}
		j := -1
		if joined {
			j = x.lex.TaggedIndex(doc, i)
		} else if w := s[t.Start:t.End]; x.known.MayHave(w) {
			j = x.lex.Index(w)
		}
		if j < 0 {
			continue
		}
		e := x.vals[j]
		switch {
		case e.valence >= minTenths && !negated:
			count(i, Positive, false)
		case e.valence >= minTenths && negated:
			count(i, Negative, true)
		case e.valence <= -minTenths && !negated:
			count(i, Negative, false)
		}
		if e.flags&fActive != 0 {
			count(i, Active, false)
		}
		if e.flags&fSelf != 0 && !t.Is(article.AllCaps) {
			count(i, Self, false)
		}
		if e.flags&fNegator != 0 {
			negLeft = NegationScope
		}
	}
}

// Figures returns the V2Tone figures of an article of words words of which
// pos are positive, neg negative, active active verbs and self self- or
// group-references.
func Figures(words, pos, neg, active, self int) article.Tone {
	t := article.Tone{WordCount: words}
	if words <= 0 {
		return t
	}
	pct := func(n int) float64 { return round3(100 * float64(n) / float64(words)) }
	t.Positive, t.Negative = pct(pos), pct(neg)
	t.Tone = round3(t.Positive - t.Negative)
	t.Polarity = round3(t.Positive + t.Negative)
	t.Activity, t.SelfGroup = pct(active), pct(self)
	return t
}

var minTenths = tenths(MinValence)

func tenths(f float64) int8 { return int8(math.Round(f * 10)) }

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func key(w string) string { return string(text.AppendFold(nil, strings.TrimSpace(w))) }

// isWord reports whether a lexicon entry can be a word token: letters with
// inner apostrophes or hyphens.
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case (r == '\'' || r == '-') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return true
}

// breaksClause reports punctuation that ends a negator's reach.
func breaksClause(p string) bool {
	switch p {
	case ",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "—", "–", "--", "…", "...":
		return true
	}
	return false
}

package article

import "time"

// Doc carries one article through the pipeline. Stages read In and what
// earlier stages wrote, and fill Rec in place. A Doc is used by one
// goroutine at a time.
type Doc struct {
	// In is the article as it arrived.
	In Input
	// Rec is the record being built; Rec.Text is set by the clean stage
	// and never changes after it.
	Rec Record
	// Published is Rec.Published parsed; zero when unknown.
	Published time.Time
	// Tokens covers Rec.Text, in order, set by the text stage.
	Tokens []Token
	// Sents are the sentences with their token ranges; Rec.Sentences
	// holds the same spans.
	Sents []Sentence
	// Lex holds, for each token in turn, the index of its word in each
	// lexicon the pipeline joined (-1 where a lexicon lacks the word), and
	// LexBy the text.Vocab that joined them. The segment stage sets them
	// so that a word is looked up once for all the stages that look it up
	// (see text.Vocab); stages read them through text.Lexicon.Token, which
	// looks the word up itself when they are missing.
	Lex   []int32
	LexBy any
}

// Token kinds.
const (
	Word   uint8 = iota + 1 // letters, possibly with inner apostrophes, hyphens or dots (U.S.)
	Number                  // digits with inner separators: 1,300 3.5 2025
	Punct                   // . , ; : ! ? quotes brackets dashes
	Symbol                  // $ % & @ # emoji and other symbols
)

// Token flags.
const (
	Cap       uint8 = 1 << iota // first letter upper case
	AllCaps                     // two or more letters, all upper case
	LineStart                   // first token on its line
	ParaStart                   // first token after a blank line or at the start
	HasDigit                    // contains a digit
	Abbrev                      // a word ending in a dot that is part of it (Mr. U.S.)
	NonASCII                    // holds a byte outside ASCII (é, ’, an emoji): stages that fold ASCII words alone test this instead of the bytes
)

// Token is a word, number, punctuation mark or symbol with its byte span
// in Rec.Text.
type Token struct {
	Start int
	End   int
	Kind  uint8
	Flags uint8
}

// Is reports whether all of the flags f are set on t.
func (t Token) Is(f uint8) bool { return t.Flags&f == f }

// Span returns the token's byte span.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Sentence is a sentence's span with the range of its tokens:
// Tokens[First:Last] are the tokens within it.
type Sentence struct {
	Span
	First int
	Last  int
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Rec.Text[t.Start:t.End]
}

// Text returns the text under span s.
func (d *Doc) Text(s Span) string { return d.Rec.Text[s.Start:s.End] }

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1 when none does.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sents[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokenAt returns the index of the first token that ends after byte
// offset off, or len(d.Tokens) when none does.
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// AddProblem records that stage could not do something.
func (d *Doc) AddProblem(stage, msg string) {
	d.Rec.Problems = append(d.Rec.Problems, Problem{Stage: stage, Message: msg})
}

// EntityAt returns the index in Rec.Entities of the entity with a mention
// in Rec.Text overlapping s, preferring the mention that covers most of
// s, or -1.
func (d *Doc) EntityAt(s Span) int {
	best, bestLen := -1, 0
	for i := range d.Rec.Entities {
		for _, m := range d.Rec.Entities[i].Mentions {
			if m.Embed != 0 || !m.Span.Overlaps(s) { // a mention in an embed's text
				continue
			}
			ov := min(m.Span.End, s.End) - max(m.Span.Start, s.Start)
			if ov > bestLen {
				best, bestLen = i, ov
			}
		}
	}
	return best
}

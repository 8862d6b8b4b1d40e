// Package date finds temporal expressions in a document and normalises
// them in TIMEX3 style: absolute dates ("August 8, 2025", "2022", "the
// 1990s"), dates relative to the publication date ("Friday", "last week",
// "two days ago"), durations ("three years" → P3Y), sets ("every year",
// "weekly"), times ("3 p.m."), quarters, fiscal years and ranges ("from
// 1920 until 1991").
//
// It scans the tokens of the segment stage once, looking up each word in a
// small lexicon; only words that can head a temporal expression (months,
// weekdays, units, numbers, "today", "now", …) start the slower matching of
// the words around them. No regular expressions run over the text.
package date

import (
	"cmp"
	"context"
	"slices"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// Name is the stage name used in metrics and problems.
const Name = "date"

// Extractor is the date stage. Its zero value is not ready; use New. It is
// safe for concurrent use: all its state is per call.
type Extractor struct{}

// New returns a date extractor.
func New() *Extractor { return &Extractor{} }

// Name returns "date".
func (*Extractor) Name() string { return Name }

// Process fills doc.Rec.Dates from doc.Tokens and doc.Sents (set by the
// segment stage), normalising relative expressions against doc.Published;
// when that is zero, relative values are left underspecified (XXXX-03,
// XXXX-WXX-5) or empty. Dates are sorted by span start, a range before
// its parts. It never fails on odd input.
func (*Extractor) Process(ctx context.Context, doc *article.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Rec.Dates = Find(doc.Rec.Text, doc.Tokens, doc.Sents, doc.Published)
	return nil
}

// Parse finds the temporal expressions of s, a text on its own, against
// the publication time published (zero when unknown). It tokenises and
// segments s itself; Process reuses the pipeline's tokens instead.
func Parse(s string, published time.Time) []article.Date {
	toks := text.Tokenize(s)
	return Find(s, toks, text.Sentences(s, toks), published)
}

// Find returns the temporal expressions in src, given its tokens and
// sentences.
func Find(src string, toks []article.Token, sents []article.Sentence, published time.Time) []article.Date {
	s := scanner{src: src, toks: toks, sents: sents, dct: published, hasDCT: !published.IsZero()}
	if s.hasDCT {
		s.dct = time.Date(published.Year(), published.Month(), published.Day(), 12, 0, 0, 0, time.UTC)
		s.ref = dayPoint(s.dct)
	}
	s.refTok, s.quarterTok = -1<<30, -1<<30
	s.run()
	if len(s.out) == 0 {
		return nil
	}
	s.ranges()
	slices.SortStableFunc(s.out, func(x, y article.Date) int {
		a, b := x.Span, y.Span
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	return s.out
}

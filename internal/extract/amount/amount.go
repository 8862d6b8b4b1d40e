// Package amount finds numbers with what they count: "16 prisoners",
// "1,300 additional prisoners", "$5.2 billion", "€450 million", "3 million
// people", "dozens of troops", "sixteen", ranges ("10 to 15"), percentages
// and measures (km, tonnes, megawatts, barrels). Each amount has its value
// as a number, its unit (an ISO 4217 code, "percent", or a unit of
// measure) or the noun it counts, and whether it is approximate.
//
// Years, dates, times and durations are not amounts: the date stage finds
// them, and numbers inside its spans are skipped. Ordinals ("the 1st"),
// phone numbers and identifiers ("No. 10", "Flight 17") are skipped too,
// and so are bare numbers that count nothing named.
//
// Vague quantities are given a conventional value, flagged approximate:
// "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of
// thousands" 20,000, "hundreds of thousands" 200,000, "millions" 2 million
// — the smallest plural of the word, as GDELT's counts do.
package amount

import (
	"context"
	"fmt"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// Name is the stage name used in metrics and problems.
const Name = "amount"

// UnitsFile is the knowledge-base file of currencies and units.
const UnitsFile = "units.tsv"

// Extractor is the amount stage. It holds the unit tables read from the
// knowledge base and is safe for concurrent use after New.
type Extractor struct {
	// names are unit names written after a number, lower case, one to
	// three words joined by a space; exact holds short codes whose case
	// matters (MW, GB).
	names map[string]unit
	exact map[string]unit
	// symbols are written before a number ($, US$, €) or joined after it
	// (%).
	symbols map[string]unit
}

type unit struct {
	code, kind string
}

// New reads the unit tables from src.
func New(src kb.Source) (*Extractor, error) {
	tables, err := src.Tables(UnitsFile)
	if err != nil {
		return nil, fmt.Errorf("amount: %w", err)
	}
	e := &Extractor{names: map[string]unit{}, exact: map[string]unit{}, symbols: map[string]unit{}}
	for _, t := range tables {
		idx, err := t.Need("unit", "kind", "names", "symbols")
		if err != nil {
			return nil, fmt.Errorf("amount: %w", err)
		}
		for _, r := range t.Rows {
			u := unit{code: r.Cells[idx[0]], kind: r.Cells[idx[1]]}
			if u.code == "" {
				return nil, fmt.Errorf("amount: %w", &kb.FormatError{File: t.Name, Line: r.Line, Msg: "empty unit"})
			}
			for _, n := range kb.Multi(r.Cells[idx[2]]) {
				if len(n) <= 3 && n != strings.ToLower(n) {
					e.exact[n] = u
				} else {
					e.names[strings.ToLower(n)] = u
				}
			}
			for _, sym := range kb.Multi(r.Cells[idx[3]]) {
				e.symbols[sym] = u
			}
		}
	}
	return e, nil
}

// Name returns "amount".
func (*Extractor) Name() string { return Name }

// Process fills doc.Rec.Amounts from the tokens and sentences of the
// segment stage, skipping numbers inside doc.Rec.Dates (so the date stage
// should run first). Amounts are sorted by span start. It never fails on
// odd input.
func (e *Extractor) Process(ctx context.Context, doc *article.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Rec.Amounts = e.Find(doc.Rec.Text, doc.Tokens, doc.Sents, doc.Rec.Dates)
	return nil
}

// Parse finds the amounts of s, a text on its own, tokenising it first.
// With no dates given, four-digit numbers that count nothing are taken
// for years and skipped.
func (e *Extractor) Parse(s string) []article.Amount {
	toks := text.Tokenize(s)
	return e.Find(s, toks, text.Sentences(s, toks), nil)
}

// Find returns the amounts in src given its tokens, sentences and the
// spans of its dates (sorted by start), which hold no amounts.
func (e *Extractor) Find(src string, toks []article.Token, sents []article.Sentence, dates []article.Date) []article.Amount {
	s := scan{e: e, src: src, toks: toks, sents: sents, dates: dates}
	s.run()
	return s.out
}

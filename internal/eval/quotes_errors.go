package eval

import (
	"fmt"
	"io"
	"strings"

	"newsgraph/internal/article"
)

// Kinds of QuoteError.
const (
	// ErrMissed is a gold relation that no prediction matched.
	ErrMissed = "missed"
	// ErrSpurious is a predicted relation that matched no gold one.
	ErrSpurious = "spurious"
	// ErrSpeaker is a matched relation whose predicted speaker does not
	// overlap the gold Source.
	ErrSpeaker = "speaker"
)

// QuoteError is one relation the quotes evaluation scored wrong, with the
// text needed to see why (`newsgraph eval quotes --errors N`).
type QuoteError struct {
	Article string `json:"article"`
	Kind    string `json:"kind"`   // ErrMissed, ErrSpurious or ErrSpeaker
	Direct  bool   `json:"direct"` // the content holds a quotation mark
	Offset  int    `json:"offset"` // byte offset of the content in the article
	// Content, Source and Cue are the relation's parts: gold for missed
	// and speaker errors, predicted for spurious ones; several spans are
	// joined by " … ".
	Content string `json:"content"`
	Source  string `json:"source,omitempty"`
	Cue     string `json:"cue,omitempty"`
	// Other is the relation on the other side sharing most words with
	// this one (the matched prediction for a speaker error), if any;
	// OtherSource and OtherCue are its source and cue.
	Other       string `json:"other,omitempty"`
	OtherSource string `json:"other_source,omitempty"`
	OtherCue    string `json:"other_cue,omitempty"`
	// Context is the paragraph holding the content's start.
	Context string `json:"context"`
}

// logMisses appends the unmatched gold and predicted relations of d.
func logMisses(d BratDoc, gold, pred []relation, pairs [][2]int, errs *[]QuoteError) {
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	for _, p := range pairs {
		usedG[p[0]], usedP[p[1]] = true, true
	}
	for i := range gold {
		if !usedG[i] {
			*errs = append(*errs, newQuoteError(d, ErrMissed, &gold[i], nearest(&gold[i], pred)))
		}
	}
	for j := range pred {
		if !usedP[j] {
			*errs = append(*errs, newQuoteError(d, ErrSpurious, &pred[j], nearest(&pred[j], gold)))
		}
	}
}

// nearest returns the relation of rs sharing most words with r, or nil.
func nearest(r *relation, rs []relation) *relation {
	var best *relation
	bestN := 0
	for i := range rs {
		if n := intersect(r.toks, rs[i].toks); n > bestN {
			best, bestN = &rs[i], n
		}
	}
	return best
}

func newQuoteError(d BratDoc, kind string, r, other *relation) QuoteError {
	e := QuoteError{
		Article: d.Name, Kind: kind, Direct: r.direct,
		Content: spanText(d.Text, r.content), Source: spanText(d.Text, r.source), Cue: spanText(d.Text, r.cue),
	}
	if len(r.content) > 0 {
		e.Offset = r.content[0].Start
		e.Context = paragraph(d.Text, r.content[0].Start)
	}
	if other != nil {
		e.Other = spanText(d.Text, other.content)
		e.OtherSource = spanText(d.Text, other.source)
		e.OtherCue = spanText(d.Text, other.cue)
	}
	return e
}

func spanText(s string, ss []article.Span) string {
	var parts []string
	for _, x := range ss {
		if x.Start >= 0 && x.End <= len(s) && x.Start <= x.End {
			parts = append(parts, strings.Join(strings.Fields(s[x.Start:x.End]), " "))
		}
	}
	return strings.Join(parts, " … ")
}

// paragraph returns the line of s holding offset at, cut to about 600
// bytes around it.
func paragraph(s string, at int) string {
	a := strings.LastIndexByte(s[:at], '\n') + 1
	b := strings.IndexByte(s[at:], '\n')
	if b < 0 {
		b = len(s)
	} else {
		b += at
	}
	a, b = max(a, at-300), min(b, at+300)
	for a > 0 && a < len(s) && s[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(s) && s[b]&0xC0 == 0x80 {
		b++
	}
	return strings.Join(strings.Fields(s[a:b]), " ")
}

// SampleErrors returns up to n errors of the given kind ("" for any),
// spread evenly over the list so that a sample covers all articles.
func SampleErrors(errs []QuoteError, kind string, directOnly bool, n int) []QuoteError {
	var in []QuoteError
	for _, e := range errs {
		if (kind == "" || e.Kind == kind) && (!directOnly || e.Direct) {
			in = append(in, e)
		}
	}
	if n < 0 || n >= len(in) {
		return in
	}
	out := make([]QuoteError, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, in[i*len(in)/n])
	}
	return out
}

// WriteErrors prints errors for reading, one block each.
func WriteErrors(w io.Writer, errs []QuoteError) error {
	for _, e := range errs {
		d := ""
		if e.Direct {
			d = " direct"
		}
		fmt.Fprintf(w, "%s%s  %s@%d\n", strings.ToUpper(e.Kind), d, e.Article, e.Offset)
		fmt.Fprintf(w, "  content: %s\n  source:  %s\n  cue:     %s\n", e.Content, e.Source, e.Cue)
		if e.Other != "" {
			fmt.Fprintf(w, "  other:   %s\n    source: %s\n    cue:    %s\n", e.Other, e.OtherSource, e.OtherCue)
		}
		if _, err := fmt.Fprintf(w, "  context: %s\n\n", e.Context); err != nil {
			return err
		}
	}
	return nil
}

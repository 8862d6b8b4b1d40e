// Package newsgraph turns English news articles into traceable records:
// who did what to whom, who said what, where, when and how much, each fact
// with the byte span of the text it came from.
//
// It is the library face of the newsgraph command: an Engine runs the same
// pipeline as "newsgraph extract" on one article at a time.
//
//	eng, err := newsgraph.New(newsgraph.Options{})
//	…
//	rec, err := eng.Process(ctx, newsgraph.Article{Text: body, Published: "2025-08-09"})
//
// The record's fields are documented on Record and in the project README;
// every Span is a half-open byte range into Record.Text.
package newsgraph

import (
	"context"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
)

// The types of a record. They are aliases of the types the pipeline uses,
// so a record needs no conversion and every field is usable as documented
// on the aliased type.
type (
	// Article is an article as it arrives: a plain-text or HTML body with
	// optional metadata.
	Article = article.Input
	// Record is what newsgraph extracts from one article.
	Record = article.Record
	// Span is a half-open byte range [Start, End) into Record.Text.
	Span        = article.Span
	Boilerplate = article.Boilerplate
	Embed       = article.Embed
	Entity      = article.Entity
	Mention     = article.Mention
	Quote       = article.Quote
	Attribution = article.Attribution
	Amount      = article.Amount
	Date        = article.Date
	Event       = article.Event
	Tone        = article.Tone
	Theme       = article.Theme
	Problem     = article.Problem
)

// Errors Process returns for articles it rejects; test with errors.Is.
var (
	// ErrEmpty means the article holds no text once cleaned.
	ErrEmpty = article.ErrEmpty
	// ErrSkip means the article was dropped on purpose (for example, not
	// in English).
	ErrSkip = article.ErrSkip
)

// Options configures an Engine. The zero value uses the embedded
// knowledge base and cleans the input.
type Options struct {
	// KBDirs are directories of extra knowledge-base files: a file named
	// like an embedded one (themes.tsv, tone.tsv, …) adds its rows to it.
	KBDirs []string
	// Raw keeps the input text byte for byte (no cleaning, no boilerplate
	// removal), so that spans match an outside copy of the text.
	Raw bool
}

// Engine extracts records from articles. It is safe for concurrent use;
// build one and share it, since building loads the knowledge base.
type Engine struct {
	p *pipeline.Pipeline
}

// New builds an Engine. It fails when a knowledge-base file is malformed.
func New(opts Options) (*Engine, error) {
	p, err := pipeline.New(pipeline.Config{KB: kb.Source{Dirs: opts.KBDirs}, Raw: opts.Raw})
	if err != nil {
		return nil, err
	}
	return &Engine{p: p}, nil
}

// Process extracts the record of one article. The error is non-nil only
// when the article is rejected (ErrEmpty, ErrSkip) or ctx is done; what a
// stage could not do is listed in Record.Problems instead.
func (e *Engine) Process(ctx context.Context, a Article) (Record, error) {
	return e.p.Process(ctx, a)
}

// Version returns the version of the pipeline and knowledge base that
// Process writes into Record.Pipeline.
func (e *Engine) Version() string { return e.p.Version() }

// Package clean turns an article's raw input into its clean body text:
// Unicode normalised, boilerplate and embedded posts taken out and kept
// apart, and for HTML pages the main text and the page's metadata
// (title, authors, publication date, outlet, canonical URL, language).
//
// The plain-text cleaner (Text) is a line scanner with small lexicons: it
// runs in linear time and allocates little. The HTML path parses the
// page, takes its main content with an extraction engine (see Engine),
// renders it to text and passes that through the same text cleaner.
package clean

import (
	"context"
	"fmt"

	"newsgraph/internal/article"
)

// Name is the stage's name in records and metrics.
const Name = "clean"

// DefaultMaxHTMLBytes is the largest HTML page the cleaner reads.
const DefaultMaxHTMLBytes = 16 << 20

// Options configure a Cleaner.
type Options struct {
	// Engine chooses how an HTML page's main content is found; the zero
	// value is EngineAuto.
	Engine Engine
	// MaxHTMLBytes caps an HTML page's size; larger pages are rejected
	// with article.ErrTooLarge. Zero means DefaultMaxHTMLBytes.
	MaxHTMLBytes int
}

// Cleaner is the clean stage. It sets doc.Rec.Text, Boilerplate and
// Embeds, and the Title, Outlet, URL, Published, Language and Authors
// that the input left empty and the page (or text) gives. It is safe for
// concurrent use.
type Cleaner struct {
	opts Options
}

// New returns a Cleaner.
func New(opts Options) *Cleaner {
	if opts.MaxHTMLBytes <= 0 {
		opts.MaxHTMLBytes = DefaultMaxHTMLBytes
	}
	return &Cleaner{opts: opts}
}

// Name returns the stage name.
func (*Cleaner) Name() string { return Name }

// Process cleans doc.In (its HTML when set, else its text) into doc.Rec.
// It returns an error wrapping article.ErrEmpty when no text is left, so
// that the pipeline drops the article; for a page over the size cap the
// error also wraps article.ErrTooLarge. Problems it works around (bytes
// that are not UTF-8, a page too deeply nested for layout analysis) are
// recorded on doc.
func (c *Cleaner) Process(ctx context.Context, doc *article.Doc) error {
	var res Result
	if doc.In.HTML != "" {
		page, err := c.HTML(ctx, doc.In.HTML)
		if err != nil {
			return fmt.Errorf("html: %w", err)
		}
		for _, p := range page.Problems {
			doc.AddProblem(Name, p)
		}
		res = page.Result
		r := &doc.Rec
		r.Title = orElse(r.Title, page.Title)
		r.Outlet = orElse(r.Outlet, page.Outlet)
		r.URL = orElse(r.URL, page.URL)
		r.Language = orElse(r.Language, page.Language)
		if len(r.Authors) == 0 {
			r.Authors = page.Authors
		}
		if r.Published == "" && page.Published != "" {
			doc.Published, r.Published = page.PublishedTime, page.Published
		}
	} else {
		res = Text(doc.In.Text)
		if doc.Rec.Language == "" {
			doc.Rec.Language = Language(res.Text)
		}
	}
	if res.Repaired {
		doc.AddProblem(Name, "bytes that are not UTF-8 read as Windows-1252")
	}
	doc.Rec.Text = res.Text
	doc.Rec.Boilerplate = res.Boilerplate
	doc.Rec.Embeds = res.Embeds
	if res.Text == "" {
		return article.ErrEmpty
	}
	return nil
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

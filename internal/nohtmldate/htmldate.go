// Package htmldate stands in for github.com/markusmobius/go-htmldate in
// newsgraph's build (see the replace directive in newsgraph's go.mod).
//
// go-trafilatura imports go-htmldate to find a page's publication date,
// and go-htmldate imports go-dateparser, whose package initialisation
// builds the date vocabularies of some two hundred locales and compiles
// their regular expressions: about 0.2 s and 80 MB of allocations at every
// start of the program, whatever it then does. newsgraph never asks
// trafilatura for a date (the cleaner sets HtmlDateMode to Disabled and
// reads dates from the page's metadata itself), so trafilatura never calls
// FromDocument. This package keeps the types trafilatura's API names and
// a FromDocument that finds no date, which is what trafilatura does with
// HtmlDateMode Disabled.
package htmldate

import (
	"errors"
	"time"

	"golang.org/x/net/html"
)

// Options mirrors go-htmldate's options; newsgraph sets none of them.
type Options struct {
	ExtractTime         bool
	UseOriginalDate     bool
	URL                 string
	MinDate             time.Time
	MaxDate             time.Time
	EnableLog           bool
	SkipExtensiveSearch bool
	DeferUrlExtractor   bool
}

// Result mirrors go-htmldate's result.
type Result struct {
	DateTime    time.Time
	HasTime     bool
	HasTimezone bool
	SrcString   string
}

// IsZero reports whether no date was found.
func (r Result) IsZero() bool { return r.DateTime.IsZero() }

// Format formats the date with layout.
func (r Result) Format(layout string) string { return r.DateTime.Format(layout) }

// ErrNotLinked is what FromDocument returns: date extraction is not part
// of newsgraph's build.
var ErrNotLinked = errors.New("htmldate: date extraction is not linked into newsgraph")

// FromDocument finds no date: see the package comment.
func FromDocument(doc *html.Node, opts Options) (Result, error) {
	return Result{}, ErrNotLinked
}

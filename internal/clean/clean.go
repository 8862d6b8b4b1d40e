// Package clean turns an article's raw input into its clean body text:
// Unicode normalised, boilerplate and embeds taken out and kept apart.
package clean

import (
	"context"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsgraph/internal/article"
)

// Name is the stage's name in records and metrics.
const Name = "clean"

// Cleaner is the clean stage. It is safe for concurrent use.
type Cleaner struct{}

// New returns a Cleaner.
func New() *Cleaner { return &Cleaner{} }

// Name returns the stage name.
func (*Cleaner) Name() string { return Name }

// Process sets doc.Rec.Text from doc.In. It returns article.ErrEmpty when
// nothing is left.
func (c *Cleaner) Process(_ context.Context, doc *article.Doc) error {
	s := doc.In.Text
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		doc.AddProblem(Name, "invalid UTF-8 replaced")
	}
	s = norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n"))
	doc.Rec.Text = strings.TrimSpace(s)
	if doc.Rec.Text == "" {
		return article.ErrEmpty
	}
	return nil
}

package quote_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/quote"
	"newsgraph/internal/kb"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

func kbSource(dirs []string) kb.Source { return kb.Source{Dirs: dirs} }

func newExtractor(t testing.TB) *quote.Extractor {
	t.Helper()
	ex, err := quote.New(kb.Source{})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// newDoc segments in and adds the entities described in ents, one per
// line: id, type, name, role and mentions ("|" between) separated by
// tabs. Every occurrence of a mention's text (as whole words) becomes a
// mention.
func newDoc(in, ents string) *article.Doc {
	doc := &article.Doc{}
	doc.Rec.Text = in
	doc.Tokens = text.Tokenize(in)
	doc.Sents = text.Sentences(in, doc.Tokens)
	for _, line := range strings.Split(ents, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			continue
		}
		e := article.Entity{ID: f[0], Type: f[1], Name: f[2], Role: f[3]}
		taken := map[int]bool{}
		for _, m := range strings.Split(f[4], "|") {
			for off := 0; ; {
				i := strings.Index(in[off:], m)
				if i < 0 {
					break
				}
				s := off + i
				off = s + len(m)
				if taken[s] || s > 0 && isWordByte(in[s-1]) || off < len(in) && isWordByte(in[off]) {
					continue
				}
				taken[s] = true
				e.Mentions = append(e.Mentions, article.Mention{Span: article.Span{Start: s, End: off}, Kind: "name"})
			}
		}
		sortMentions(e.Mentions)
		doc.Rec.Entities = append(doc.Rec.Entities, e)
	}
	return doc
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func sortMentions(ms []article.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Span.Start < ms[j-1].Span.Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// formatQuotes writes one line per quote: kind, text, speaker (with its
// entity id) and cue.
func formatQuotes(doc *article.Doc) string {
	var sb strings.Builder
	for _, q := range doc.Rec.Quotes {
		if doc.Text(q.Span) != q.Text {
			fmt.Fprintf(&sb, "!! span %v does not hold the text\n", q.Span)
		}
		fmt.Fprintf(&sb, "%s: %s\n    speaker: %s\n    cue: %s\n", q.Kind, q.Text, who(q.SpeakerName, q.Speaker), q.Cue)
	}
	return sb.String()
}

func formatAttributions(doc *article.Doc) string {
	var sb strings.Builder
	for _, a := range doc.Rec.Attributions {
		if doc.Text(a.Claim) != a.Text {
			fmt.Fprintf(&sb, "!! claim %v does not hold the text\n", a.Claim)
		}
		fmt.Fprintf(&sb, "claim: %s\n    source: %s\n    cue: %s\n", a.Text, who(a.SourceName, a.Source), a.Cue)
	}
	return sb.String()
}

func who(name, id string) string {
	switch {
	case name == "":
		return "-"
	case id == "":
		return name
	}
	return name + " = " + id
}

// formatMentions lists the mentions the extractor added to entities.
func formatMentions(doc *article.Doc) string {
	var sb strings.Builder
	for _, e := range doc.Rec.Entities {
		for _, m := range e.Mentions {
			if m.Kind != "name" {
				fmt.Fprintf(&sb, "%s %s %q at %d\n", e.ID, m.Kind, doc.Text(m.Span), m.Span.Start)
			}
		}
	}
	return sb.String()
}

// TestGolden runs the extractor on each testdata/*.txtar input (with the
// entities of its "entities" section, when present) and compares the
// quotes, attributions and added mentions with the expected sections.
func TestGolden(t *testing.T) {
	ex := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			doc := newDoc(a.Input(), a.Section("entities"))
			if err := ex.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			a.Check(t, "quotes", formatQuotes(doc))
			a.Check(t, "attributions", formatAttributions(doc))
			if a.Has("entities") {
				a.Check(t, "mentions", formatMentions(doc))
			}
			a.Save(t)
		})
	}
}

package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/event"
	"newsgraph/internal/kb"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

var coder *event.Coder

func newCoder(t testing.TB) *event.Coder {
	t.Helper()
	if coder == nil {
		c, err := event.New(event.Options{KB: kb.Source{Dirs: []string{"testdata/kb"}}})
		if err != nil {
			t.Fatal(err)
		}
		coder = c
	}
	return coder
}

// TestGolden runs the txtar cases of testdata: an input, the entities the
// entity stage would have found (and quotes the quote stage would have),
// and the events expected.
func TestGolden(t *testing.T) {
	c := newCoder(t)
	for _, ar := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(ar.Name(), func(t *testing.T) {
			doc := buildDoc(t, ar.Input(), ar.Section("entities"), ar.Section("quotes"), strings.TrimSpace(ar.Section("published")))
			if err := c.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			ar.Check(t, "events", render(doc))
			ar.Save(t)
		})
	}
}

// buildDoc segments s and adds entities given one per line as
// "Name|Alias: type[/kind] CODE": every whole-word occurrence of a name is
// a mention. Quotes are "Speaker Name: quoted text".
func buildDoc(t testing.TB, s, ents, quotes, published string) *article.Doc {
	doc := &article.Doc{}
	doc.Rec.Text = s
	if published == "" {
		published = "2025-08-09"
	}
	if p, err := time.Parse("2006-01-02", published); err == nil {
		doc.Published = p
		doc.Rec.Published = published
	}
	doc.Tokens = text.Tokenize(s)
	doc.Sents = text.Sentences(s, doc.Tokens)
	for _, line := range strings.Split(ents, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names, spec, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("bad entity line %q", line)
		}
		f := strings.Fields(spec)
		if len(f) < 2 {
			t.Fatalf("bad entity line %q", line)
		}
		typ, kind, _ := strings.Cut(f[0], "/")
		e := article.Entity{Name: strings.Split(names, "|")[0], Type: strings.ToUpper(typ), Kind: kind, Actor: f[1], Known: true}
		if len(f[1]) >= 3 {
			e.Country = f[1][:3]
		}
		if e.Type == article.Place && kind != "country" && kind != "" {
			e.Actor = ""
		}
		e.ID = strings.ToLower(typ) + ":" + strings.ToLower(strings.ReplaceAll(e.Name, " ", "-"))
		for _, n := range strings.Split(names, "|") {
			for at := 0; ; {
				i := strings.Index(s[at:], n)
				if i < 0 {
					break
				}
				st, en := at+i, at+i+len(n)
				at = en
				if st > 0 && isWordByte(s[st-1]) || en < len(s) && isWordByte(s[en]) {
					continue
				}
				e.Mentions = append(e.Mentions, article.Mention{Span: article.Span{Start: st, End: en}, Kind: "name"})
			}
		}
		doc.Rec.Entities = append(doc.Rec.Entities, e)
	}
	for _, line := range strings.Split(quotes, "\n") {
		who, q, ok := strings.Cut(strings.TrimSpace(line), ": ")
		if !ok {
			continue
		}
		i := strings.Index(s, q)
		if i < 0 {
			t.Fatalf("quote %q not in text", q)
		}
		id := ""
		for _, e := range doc.Rec.Entities {
			if e.Name == who {
				id = e.ID
			}
		}
		doc.Rec.Quotes = append(doc.Rec.Quotes, article.Quote{Text: q, Span: article.Span{Start: i, End: i + len(q)}, Speaker: id, Kind: article.Direct})
	}
	return doc
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// render writes one line per event: sentence, source → target, code,
// PLOVER type, verb, flags.
func render(doc *article.Doc) string {
	var sb strings.Builder
	for _, e := range doc.Rec.Events {
		src, tgt := e.Source, e.Target
		if src == "" {
			src = "-"
		}
		if tgt == "" {
			tgt = "-"
		}
		fmt.Fprintf(&sb, "%d %s -> %s %s %s %q", e.Sentence, src, tgt, e.Code, orDash(e.Plover), e.Verb)
		if e.Negated {
			sb.WriteString(" negated")
		}
		if e.Modal {
			sb.WriteString(" modal")
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

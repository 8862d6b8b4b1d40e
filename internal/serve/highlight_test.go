package serve_test

import (
	"regexp"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/serve"
)

var tagRE = regexp.MustCompile(`<(/?)([a-z]+)[^>]*>`)

// checkHighlight checks the two promises of the highlighter: the text
// comes back unchanged once tags are stripped and entities unescaped, and
// the elements are balanced and properly nested.
func checkHighlight(t *testing.T, rec *article.Record) {
	t.Helper()
	out := string(serve.Highlight(rec))
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(out, -1) {
		if m[1] == "" {
			stack = append(stack, m[2])
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			t.Fatalf("unbalanced </%s> in %s", m[2], out)
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed %v in %s", stack, out)
	}
	got := htmlUnescape(tagRE.ReplaceAllString(out, ""))
	want := strings.ReplaceAll(rec.Text, "\n", "")
	if strings.ReplaceAll(got, "\n", "") != want {
		t.Fatalf("text changed:\n got %q\nwant %q", got, want)
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Fatalf("markup from the text survived: %s", out)
	}
}

func TestHighlightNesting(t *testing.T) {
	text := "Officials said \"Nothing <b>bold</b> will run\" in Oslo on Friday.\nSecond line & more."
	sp := func(a, b int) article.Span { return article.Span{Start: a, End: b} }
	rec := &article.Record{
		Text:      text,
		Sentences: []article.Span{sp(0, 65), sp(66, len(text))},
		Entities: []article.Entity{
			{ID: "place:oslo", Name: "Oslo", Type: "PLACE", Mentions: []article.Mention{{Span: sp(49, 53)}}},
			// Overlapping mentions: the first wins.
			{ID: "org:x", Name: "X", Type: "ORG", Mentions: []article.Mention{{Span: sp(50, 60)}}},
		},
		// A quote crossing the sentence and the paragraph boundary.
		Quotes:       []article.Quote{{Text: "x", Span: sp(15, 72), Kind: "direct", SpeakerSpan: &article.Span{Start: 0, End: 9}}},
		Attributions: []article.Attribution{{Claim: sp(10, 60), SourceName: "Officials", Cue: "said"}},
		Dates:        []article.Date{{Span: sp(57, 63), Value: "2025-08-08"}},
		Events:       []article.Event{{VerbSpan: sp(10, 14), Quad: 1, Code: "010"}},
		// Spans out of range or empty are ignored.
		Amounts: []article.Amount{{Span: sp(80, 500)}, {Span: sp(5, 5)}, {Span: sp(-3, 2)}},
	}
	checkHighlight(t, rec)
	out := string(serve.Highlight(rec))
	for _, want := range []string{`<a class="ent place" href="/actors/place:oslo"`, `&lt;b&gt;bold&lt;/b&gt;`, `&amp; more`, `id="s1"`, `id="q0"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in %s", want, out)
		}
	}
	if strings.Count(out, `id="q0"`) != 1 {
		t.Errorf("the id of a split quote repeats: %s", out)
	}
	if strings.Contains(out, "org:x") {
		t.Errorf("an overlapping mention became a nested link: %s", out)
	}
}

// FuzzHighlight feeds texts with arbitrary spans.
func FuzzHighlight(f *testing.F) {
	f.Add("Trump said \"<script>x</script>\" in Minsk.\nNext.", []byte{0, 5, 11, 30, 3, 40, 12, 20})
	f.Add("a\n\nb", []byte{0, 4, 1, 2})
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, text string, spans []byte) {
		if len(text) > 4096 || len(spans) > 256 {
			t.Skip()
		}
		rec := &article.Record{Text: text}
		sp := func(i int) article.Span {
			return article.Span{Start: int(spans[i]) - 8, End: int(spans[i]) - 8 + int(spans[i+1])}
		}
		for i := 0; i+1 < len(spans); i += 2 {
			s := sp(i)
			switch i / 2 % 6 {
			case 0:
				rec.Sentences = append(rec.Sentences, s)
			case 1:
				rec.Entities = append(rec.Entities, article.Entity{ID: "person:x", Type: "PERSON", Mentions: []article.Mention{{Span: s}}})
			case 2:
				rec.Quotes = append(rec.Quotes, article.Quote{Span: s, Kind: "direct", SpeakerSpan: &s})
			case 3:
				rec.Attributions = append(rec.Attributions, article.Attribution{Claim: s, CueSpan: &s})
			case 4:
				rec.Dates = append(rec.Dates, article.Date{Span: s})
			case 5:
				rec.Events = append(rec.Events, article.Event{VerbSpan: s})
			}
		}
		checkHighlight(t, rec)
	})
}

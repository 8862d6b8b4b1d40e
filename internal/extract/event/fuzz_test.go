package event_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// FuzzCoder codes arbitrary text in which every capitalised word is an
// entity: it must never panic, and every event must point at a sentence
// and a verb span inside the text.
func FuzzCoder(f *testing.F) {
	for _, s := range []string{
		"Russia attacked Ukraine.",
		"Russia and Belarus signed agreements, and Poland said it would not attack.",
		"“We are discussing the release of prisoners,” he said, thanking him for the release.",
		"The ambassadors of Arnor, Osgiliath and Gondor presented their credentials to Ithilen's president.",
		"Zelensky, who visited Poland, was praised by Macron and urged Putin to stop; it didn't.",
		"RUSSIA ATTACKS UKRAINE",
		"by by by of of , , and and who who that that to to",
		"He said ‘they said “we will attack” today’ again.",
		"Taken by surprise, Russia attacked. Shown on TV, the talks ended.",
		"Released by Hamas, the hostages thanked Israel.",
		pathological()[:2000],
	} {
		f.Add(s)
	}
	c := newCoder(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 20000 {
			return
		}
		doc := segment(s)
		codes := []string{"RUS", "UKRGOV", "IGOUNO", "BLRMIL", "USA"}
		types := []string{article.Place, article.Person, article.Org, article.NORP}
		for i, tk := range doc.Tokens {
			if tk.Kind != article.Word || !tk.Is(article.Cap) || i%3 == 2 {
				continue
			}
			doc.Rec.Entities = append(doc.Rec.Entities, article.Entity{
				ID: "e:" + s[tk.Start:tk.End], Name: s[tk.Start:tk.End], Type: types[i%len(types)], Kind: "country",
				Actor: codes[i%len(codes)], Country: codes[i%len(codes)][:3],
				Mentions: []article.Mention{{Span: tk.Span(), Kind: "name"}},
			})
		}
		if err := c.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Rec.Events {
			if e.Sentence < 0 || e.Sentence >= len(doc.Sents) {
				t.Fatalf("event sentence %d of %d", e.Sentence, len(doc.Sents))
			}
			if e.VerbSpan.Start < 0 || e.VerbSpan.End > len(s) || e.VerbSpan.Start > e.VerbSpan.End {
				t.Fatalf("bad verb span %v", e.VerbSpan)
			}
			if e.Code == "" || e.Root == "" && !strings.ContainsAny(e.Code, "0123456789") {
				t.Fatalf("event without code: %+v", e)
			}
			if utf8.ValidString(s) && !utf8.ValidString(e.Verb) {
				t.Fatalf("verb %q is not valid UTF-8", e.Verb)
			}
		}
	})
}

package parse_test

import (
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/parse"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// TestParse checks the tags and verb groups of the sentences in
// testdata/*.txtar (one per line of the input section).
func TestParse(t *testing.T) {
	p := parse.New()
	for _, ar := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(ar.Name(), func(t *testing.T) {
			var out strings.Builder
			for _, line := range strings.Split(ar.Input(), "\n") {
				if line == "" {
					continue
				}
				toks := text.Tokenize(line)
				var s parse.Sentence
				p.Parse(line, toks, 0, len(toks), nil, &s)
				out.WriteString(s.String())
				out.WriteString("\n")
			}
			ar.Check(t, "parse", out.String())
			ar.Save(t)
		})
	}
}

// FuzzParse parses arbitrary text: no panic, spans inside the text, every
// group's head inside the group.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"Russia didn't attack.", "“He won't,” she said.", "state's 's ' s", "a-b c.d e’s n’t"} {
		f.Add(s)
	}
	p := parse.New()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 10000 {
			return
		}
		toks := text.Tokenize(s)
		var ps parse.Sentence
		p.Parse(s, toks, 0, len(toks), nil, &ps)
		for _, w := range ps.Words {
			if w.Start < 0 || w.End > len(s) || w.Start > w.End {
				t.Fatalf("word span %d-%d in %d bytes", w.Start, w.End, len(s))
			}
		}
		for _, g := range ps.Groups {
			if g.Head < g.Start || g.Head >= g.End || g.End > len(ps.Words) {
				t.Fatalf("group %+v of %d words", g, len(ps.Words))
			}
		}
	})
}

// benchText is news prose of the kind the parser sees: names, numbers,
// quotes, passives, contractions, a headline.
const benchText = `Belarus frees 16 prisoners after Trump call
MINSK, Aug 8 (Reuters) - Belarus released 16 prisoners on Friday, including a U.S. citizen, after President Donald Trump praised its leader Alexander Lukashenko in a phone call and said Washington would consider easing sanctions on the country's state airline.
"We are also discussing the release of 1,300 additional prisoners," Trump wrote on Truth Social, adding that he looked forward to meeting Lukashenko in the future.
The prisoners, who had been jailed for taking part in protests against the government, were driven across the border into Lithuania and handed over to U.S. diplomats.
Lukashenko, who has ruled Belarus since 1994, didn't comment on the talks, but officials in Minsk said the country wasn't going to bow to pressure from the West.
Russia fired dozens of missiles at Ukraine overnight, killing at least three people and injuring 20 others in Kyiv, according to the city's mayor, who warned that more attacks were expected.
European Union foreign ministers will meet in Brussels next week to discuss new sanctions, diplomats said, although Hungary has threatened to block any measures targeting Moscow's energy exports.`

// BenchmarkParse tags news sentences.
func BenchmarkParse(b *testing.B) {
	p := parse.New()
	var lines [][]article.Token
	texts := strings.Split(benchText, "\n")
	words := 0
	for _, l := range texts {
		toks := text.Tokenize(l)
		lines = append(lines, toks)
		words += len(toks)
	}
	var s parse.Sentence
	b.ReportAllocs()
	for b.Loop() {
		for i, l := range texts {
			p.Parse(l, lines[i], 0, len(lines[i]), nil, &s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/token")
}

package parse_test

import (
	"strings"
	"testing"

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

package parse

import (
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// TestInfoOf checks that the indexed look-up of a word gives what working
// it out from the lexicon gives, for every word of the lexicon with its
// regular inflections and capitalised, for odd words and (when ../shared
// is there) for every word of the BBC corpus.
func TestInfoOf(t *testing.T) {
	p := New()
	p.AddVerbs("downplay", "bulldoze", "carry out", "Zap", "hobnob")
	p.ready()
	check := func(t *testing.T, w string) {
		var s Sentence
		inf, low := p.infoOf(&s, w)
		want := p.compute(lower(w))
		got := winfo{low: low}
		if inf != nil {
			got = *inf
		}
		if want.e == nil && want.form == FormNone && !want.verb {
			want = winfo{low: want.low} // nothing known
		}
		// the index keeps copies of the entries
		if got.e != nil && want.e != nil && *got.e == *want.e {
			got.e, got.ent, want.ent = want.e, entry{}, entry{}
		}
		if got.lemmaE != nil && want.lemmaE != nil && *got.lemmaE == *want.lemmaE {
			got.lemmaE = want.lemmaE
		}
		if got != want {
			t.Errorf("infoOf(%q) = %+v, want %+v", w, got, want)
		}
	}
	t.Run("Lexicon", func(t *testing.T) {
		for _, w := range []string{"", "'s", "n't", "Attacked", "ATTACKS", "stopped", "travelled", "moving", "tried",
			"tries", "fixes", "glitches", "bulldozed", "zapping", "zaps", "hobnobbed", "hobnobs", "carry outs",
			"Russia’s", "don’t", "naïve", "café", "x", "xs", "ss", "ies", "ied", "ing", "eing"} {
			check(t, w)
		}
		for w := range lexicon() {
			for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "ies", w + "ied"} {
				check(t, v)
			}
		}
	})
	t.Run("BBC", func(t *testing.T) {
		for _, s := range testutil.BBC(t, 0) {
			for _, tok := range text.Tokenize(s) {
				if tok.Kind == article.Word {
					check(t, s[tok.Start:tok.End])
				}
			}
		}
	})
}

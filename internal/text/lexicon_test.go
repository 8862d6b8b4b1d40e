package text_test

import (
	"strings"
	"testing"

	"newsgraph/internal/text"
)

func TestLexicon(t *testing.T) {
	words := map[string]int{"don't": 1, "release": 2, "états": 3, "u.s.": 4, "i'm": 5, "straße": 6}
	for i := range 3000 { // enough words to make probes collide
		words["w"+strings.Repeat("x", i%13)+string(rune('a'+i%26))+string(rune('a'+i/26%26))] = 100 + i
	}
	l := text.NewLexicon(words)
	if l.Len() != len(words) {
		t.Fatalf("Len = %d, want %d", l.Len(), len(words))
	}
	for _, c := range []struct {
		in   string
		want int
	}{
		{"don't", 1}, {"Don’t", 1}, {"DON'T", 1}, {"release", 2}, {"Released", 0}, {"ÉTATS", 3},
		{"U.S.", 4}, {"I’m", 5}, {"Straße", 6}, {"", 0}, {"relea", 0}, {"\xff\xfe", 0},
		{strings.Repeat("a", 1000), 0},
	} {
		got, ok := l.Get(c.in)
		if ok != (c.want != 0) || got != c.want {
			t.Errorf("Get(%q) = %d, %v; want %d", c.in, got, ok, c.want)
		}
	}
	for w, v := range words {
		if got, ok := l.Get(strings.ToUpper(w)); !ok || got != v {
			t.Errorf("Get(%q) = %d, %v; want %d", strings.ToUpper(w), got, ok, v)
		}
	}
}

// FuzzWordFilter checks that the filter has no false negatives: a word
// added (folded) is always reported as possibly present, however cased.
func FuzzWordFilter(f *testing.F) {
	for _, s := range []string{"release", "Don’t", "ÉTATS", "a", "x-ray", "’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w == "" || len(w) > 256 {
			t.Skip()
		}
		var fl text.WordFilter
		folded := string(text.AppendFold(nil, w))
		fl.Add(folded)
		if !fl.MayHave(w) || !fl.MayHave(folded) {
			t.Errorf("filter misses %q (folded %q)", w, folded)
		}
		l := text.NewLexicon(map[string]bool{folded: true})
		if _, ok := l.Get(w); !ok {
			t.Errorf("lexicon misses %q (folded %q)", w, folded)
		}
	})
}

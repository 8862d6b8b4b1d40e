package kb_test

import (
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/kb"
)

func TestInflectorForms(t *testing.T) {
	inf, err := kb.Source{}.Inflector()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lemma string
		want  []string // must all be among the forms
	}{
		{"release", []string{"release", "releases", "released", "releasing"}},
		{"prisoner", []string{"prisoners"}},
		{"ban", []string{"bans", "banned", "banning"}},
		{"carry", []string{"carries", "carried", "carrying"}},
		{"agree", []string{"agrees", "agreed", "agreeing"}},
		{"tax", []string{"taxes", "taxed"}},
		{"fight", []string{"fights", "fighting", "fought"}},
		{"crisis", []string{"crises"}},
		{"Swear", []string{"swear", "sworn", "swore"}},
	} {
		got := inf.Forms(c.lemma)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Forms(%q) = %v, lacks %q", c.lemma, got, w)
			}
		}
		if lower := strings.ToLower(c.lemma); got[0] != lower {
			t.Errorf("Forms(%q)[0] = %q, want %q first", c.lemma, got[0], lower)
		}
	}
	if got := inf.Forms("of"); len(got) != 1 {
		t.Errorf("Forms(of) = %v, want it alone (too short to inflect)", got)
	}
}

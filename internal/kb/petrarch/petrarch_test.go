package petrarch_test

import (
	"fmt"
	"strings"
	"testing"

	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/testutil"
)

// TestReaders reads the dictionaries of testdata/*.txtar (sections actors,
// agents, verbs, discards, written for these tests in the PETRARCH formats)
// and checks what was read.
func TestReaders(t *testing.T) {
	for _, ar := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(ar.Name(), func(t *testing.T) {
			d := &petrarch.Dict{}
			for _, k := range []petrarch.Kind{petrarch.KindActors, petrarch.KindAgents, petrarch.KindVerbs, petrarch.KindDiscards} {
				if ar.Has(string(k)) {
					if err := d.Add(k, strings.NewReader(ar.Section(string(k))), string(k)); err != nil {
						t.Fatal(err)
					}
				}
			}
			var sb strings.Builder
			for _, a := range d.Actors {
				var ph []string
				for _, p := range a.Phrases {
					ph = append(ph, p.String())
				}
				fmt.Fprintf(&sb, "actor %s default=%s", strings.Join(ph, "|"), a.Default)
				for _, dc := range a.Dated {
					fmt.Fprintf(&sb, " [%s %s..%s]", dc.Code, dc.From, dc.To)
				}
				fmt.Fprintf(&sb, " on19950701=%v\n", a.CodeAt("19950701"))
			}
			for _, a := range d.Agents {
				fmt.Fprintf(&sb, "agent %s %s prefix=%v\n", a.Phrase.String(), a.Code, a.Prefix)
			}
			if d.Verbs != nil {
				for _, b := range d.Verbs.Blocks {
					fmt.Fprintf(&sb, "block %s [%s]\n", b.Name, b.Code)
					for _, v := range b.Verbs {
						fmt.Fprintf(&sb, "  verb %v %s %v [%s] forms=%v\n", v.Pre, v.Head, v.Post, v.Code, v.Forms)
					}
					for _, p := range b.Patterns {
						fmt.Fprintf(&sb, "  pattern %q verb=%d [%s] elems=%d\n", p.Text, p.Verb, p.Code, len(p.Elems))
					}
				}
				for _, name := range []string{"&CURRENCY", "&NESTED"} {
					if _, ok := d.Verbs.Synsets[name]; ok {
						var ph []string
						for _, p := range d.Verbs.Expand(name) {
							ph = append(ph, p.String())
						}
						fmt.Fprintf(&sb, "synset %s %s\n", name, strings.Join(ph, "|"))
					}
				}
			}
			for _, dc := range d.Discards {
				fmt.Fprintf(&sb, "discard %v story=%v exact=%v\n", dc.Words, dc.Story, dc.Exact)
			}
			ar.Check(t, "read", sb.String())
			ar.Save(t)
		})
	}
}

func TestGuessKind(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       petrarch.Kind
	}{
		{"x.txt", "--- SAY [010] ---\nSAY\n", petrarch.KindVerbs},
		{"x.txt", "TROOPS [~MIL]\n", petrarch.KindAgents},
		{"x.txt", "GONDOR [GON]\n", petrarch.KindActors},
		{"x.txt", "BASEBALL\n+TYPHOON\n", petrarch.KindDiscards},
		{"Phoenix.agents.txt", "", petrarch.KindAgents},
	} {
		if got := petrarch.GuessKind(c.name, c.body); got != c.want {
			t.Errorf("GuessKind(%q, %q) = %s, want %s", c.name, c.body, got, c.want)
		}
	}
}

// FuzzReaders reads arbitrary text as each kind of dictionary: no panic.
func FuzzReaders(f *testing.F) {
	for _, s := range []string{"GOLLUM\n+SMEAGOL\n\t[HOB <950601]\n\t[HOBGOV 19950601-19990815]\n", "!P! = A, B\nX!P! {} [~GOV]\n", "&S\n+A B\n--- X [1] ---\nX {Y}\n- * &S [2]\n", "<!-- x\n[", "[[]]]~~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 20000 {
			return
		}
		for _, k := range []petrarch.Kind{petrarch.KindActors, petrarch.KindAgents, petrarch.KindVerbs, petrarch.KindDiscards} {
			d := &petrarch.Dict{}
			_ = d.Add(k, strings.NewReader(s), "fuzz")
			for _, a := range d.Actors {
				a.CodeAt("20000101")
			}
			if d.Verbs != nil {
				for n := range d.Verbs.Synsets {
					d.Verbs.Expand(n)
				}
			}
		}
	})
}

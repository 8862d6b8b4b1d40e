package text_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// TestGolden checks tokens and sentences of each testdata/*.txtar input
// against its "sentences" and (when present) "tokens" sections. Each
// sentence starts a line; a sentence running over several lines of the
// input goes on in indented lines.
func TestGolden(t *testing.T) {
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			in := a.Input()
			toks := text.Tokenize(in)
			var sb strings.Builder
			for _, s := range text.Sentences(in, toks) {
				// a sentence over several lines goes on indented
				fmt.Fprintf(&sb, "%s\n", strings.ReplaceAll(in[s.Start:s.End], "\n", "\n  "))
			}
			a.Check(t, "sentences", sb.String())
			if a.Has("tokens") {
				var tb strings.Builder
				for _, tk := range toks {
					fmt.Fprintf(&tb, "%s\n", in[tk.Start:tk.End])
				}
				a.Check(t, "tokens", tb.String())
			}
			a.Save(t)
		})
	}
}

func TestTokenFlags(t *testing.T) {
	in := "NATO said\n\nMr. Smith"
	toks := text.Tokenize(in)
	want := []struct {
		text  string
		flags uint8
	}{
		{"NATO", article.Cap | article.AllCaps | article.LineStart | article.ParaStart},
		{"said", 0},
		{"Mr.", article.Cap | article.Abbrev | article.LineStart | article.ParaStart},
		{"Smith", article.Cap},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		if got := in[toks[i].Start:toks[i].End]; got != w.text || toks[i].Flags != w.flags {
			t.Errorf("token %d = %q flags %b, want %q flags %b", i, got, toks[i].Flags, w.text, w.flags)
		}
	}
}

// checkInvariants asserts what every caller relies on: tokens in order,
// inside the text, not overlapping, never empty or blank; sentences in
// order, made of whole tokens, covering every token once.
func checkInvariants(t *testing.T, in string) {
	toks := text.Tokenize(in)
	prev := 0
	for i, tk := range toks {
		if nonASCII := !text.IsASCII(in[tk.Start:tk.End]); tk.Is(article.NonASCII) != nonASCII {
			t.Errorf("token %d %q: NonASCII flag %v, want %v", i, in[tk.Start:tk.End], !nonASCII, nonASCII)
		}
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, tk.Start, tk.End, prev, len(in))
		}
		if strings.TrimFunc(in[tk.Start:tk.End], unicode.IsSpace) == "" {
			t.Fatalf("token %d is blank: %q", i, in[tk.Start:tk.End])
		}
		if utf8.ValidString(in) && !utf8.ValidString(in[tk.Start:tk.End]) {
			t.Fatalf("token %d splits a rune: %q", i, in[tk.Start:tk.End])
		}
		prev = tk.End
	}
	sents := text.Sentences(in, toks)
	next := 0
	for i, s := range sents {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %d tokens [%d,%d), want to start at %d", i, s.First, s.Last, next)
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		if s.Last-s.First > text.MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens, over the cap", i, s.Last-s.First)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func TestInvariantsLongInput(t *testing.T) {
	checkInvariants(t, strings.Repeat("word, ", 5000))
	checkInvariants(t, strings.Repeat("A. ", 3000))
	checkInvariants(t, "\xff\xfe broken \xc3 UTF-8 “quoted” text.")
}

func FuzzTokenizeSentences(f *testing.F) {
	for _, s := range []string{
		"", "U.S. Gen. Smith said.", "“Hi,” he said. “Bye.”\n\nNext", "1,300 and 3.5% of $5.2bn",
		"pic.twitter.com/abc— Name (@h) August 8, 2025", "1️⃣ 🇧🇾 👍🏽", "a\u2028b", "'s 's' -- ... …",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			t.Skip()
		}
		checkInvariants(t, s)
	})
}

func BenchmarkSegment(b *testing.B) {
	in := strings.Repeat("President Donald Trump praised Belarus President Aleksandr Lukashenko on Truth Social. "+
		"“We are also discussing the release of 1,300 additional prisoners,” he noted, adding that the U.S. talks went well.\n", 50)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		text.Sentences(in, text.Tokenize(in))
	}
}

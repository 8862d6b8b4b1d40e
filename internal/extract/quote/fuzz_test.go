package quote_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/quote"
	"newsgraph/internal/testutil"
)

// checkRecord asserts what every consumer relies on: spans inside the
// text and holding the text given, lists sorted, speaker and cue spans
// valid, entity mentions sorted.
func checkRecord(t *testing.T, doc *article.Doc) {
	t.Helper()
	n := len(doc.Rec.Text)
	valid := func(s article.Span) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= n }
	validPtr := func(s *article.Span) bool { return s == nil || valid(*s) }
	prev := -1
	for i, q := range doc.Rec.Quotes {
		if !valid(q.Span) || doc.Text(q.Span) != q.Text {
			t.Fatalf("quote %d: bad span %v for %q", i, q.Span, q.Text)
		}
		if !validPtr(q.SpeakerSpan) || !validPtr(q.CueSpan) {
			t.Fatalf("quote %d: bad speaker or cue span", i)
		}
		if q.Kind != article.Direct && q.Kind != article.Indirect && q.Kind != article.Partial {
			t.Fatalf("quote %d: kind %q", i, q.Kind)
		}
		if q.Span.Start < prev {
			t.Fatalf("quotes not sorted at %d", i)
		}
		prev = q.Span.Start
	}
	prev = -1
	for i, a := range doc.Rec.Attributions {
		if !valid(a.Claim) || doc.Text(a.Claim) != a.Text || !validPtr(a.SourceSpan) || !validPtr(a.CueSpan) {
			t.Fatalf("attribution %d: bad span", i)
		}
		if a.Claim.Start < prev {
			t.Fatalf("attributions not sorted at %d", i)
		}
		prev = a.Claim.Start
	}
	for _, e := range doc.Rec.Entities {
		for j := 1; j < len(e.Mentions); j++ {
			if e.Mentions[j].Span.Start < e.Mentions[j-1].Span.Start {
				t.Fatalf("entity %s: mentions not sorted", e.ID)
			}
		}
	}
}

func FuzzProcess(f *testing.F) {
	for _, a := range testutil.Archives(f, "testdata/*.txtar") {
		f.Add(a.Input())
	}
	for _, s := range []string{
		"", "\"", "“", "”", "''", "'", "‘’", "\"\"\"\"", "“a “b” c”", "He said, “", "” he said “",
		"said", "according to", ", said", "“x,” said", "‘90s rock 'n' roll voters' rights", "\n\n“a\n\n“b\n\n“c”",
		"\xff\xfe“\xc3”said", "— ― –", "“…,” ― ", "A: “B” C said D, according to E, F.",
	} {
		f.Add(s)
	}
	ex := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			return
		}
		doc := newDoc(s, "person:x\tPERSON\tX Y\tPresident\tX|Y|he")
		if err := ex.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkRecord(t, doc)
	})
}

// TestBadInput runs the extractor on inputs that break naive scanners: a
// long line full of quotation marks, unclosed quotes, hundreds of cues in
// one sentence, all capitals, binary junk. It asserts the record is
// well formed; complexity stays linear (a quadratic scan would make this
// test take minutes).
func TestBadInput(t *testing.T) {
	ex := newExtractor(t)
	inputs := map[string]string{
		"marks":     strings.Repeat("“a,” he said, “b” ‘c’ \"d\" '' ", 20000),
		"unclosed":  strings.Repeat("“We will ", 20000),
		"cues":      strings.Repeat("he said that she said that they said ", 5000),
		"according": strings.Repeat("According to X, according to Y, ", 5000),
		"caps":      strings.ToUpper(strings.Repeat("“THE PLAN,” THE MINISTER SAID, “IS DEAD.” ", 3000)),
		"junk":      string([]byte{0, 0xff, 0xfe, '"', 0xe2, 0x80, 0x9c, 's', 'a', 'i', 'd'}),
		"paras":     strings.Repeat("“One.\n\n", 5000),
		"pronouns":  strings.Repeat("X Y met Z. “Yes,” he said. ", 5000),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			doc := newDoc(in, "person:x\tPERSON\tX Y\tPresident\tX Y|X")
			if err := ex.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			checkRecord(t, doc)
		})
	}
}

// TestUserLexicon checks that a user's quote_cues.tsv adds cues.
func TestUserLexicon(t *testing.T) {
	dir := t.TempDir()
	tsv := "# test cues\ncue\tkind\tforms\tflags\nharrumph\tspeech\tharrumph|harrumphs|harrumphed\t\n"
	if err := os.WriteFile(filepath.Join(dir, quote.CuesFile), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	in := "“Not again,” the coach harrumphed."
	for _, tc := range []struct {
		dirs []string
		want int
	}{{nil, 0}, {[]string{dir}, 1}} {
		ex, err := quote.New(kbSource(tc.dirs))
		if err != nil {
			t.Fatal(err)
		}
		doc := newDoc(in, "")
		if err := ex.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, q := range doc.Rec.Quotes {
			if q.SpeakerName == "the coach" {
				got++
			}
		}
		if got != tc.want {
			t.Errorf("dirs %v: %d quotes by the coach, want %d: %+v", tc.dirs, got, tc.want, doc.Rec.Quotes)
		}
	}
}

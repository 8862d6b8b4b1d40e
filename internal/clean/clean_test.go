package clean_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/clean"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

// Compile-time check: the Cleaner is a pipeline stage.
var _ pipeline.Stage = (*clean.Cleaner)(nil)

// TestText runs the golden cases in testdata/*.txtar: the "input" section
// is cleaned and the "text", "boilerplate" and "embeds" sections hold what
// must come out. Every case is also cleaned a second time, which must
// change nothing.
func TestText(t *testing.T) {
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			res := clean.Text(a.Input())
			checkResult(t, res)
			a.Check(t, "text", res.Text)
			a.Check(t, "boilerplate", formatBoilerplate(res))
			a.Check(t, "embeds", formatEmbeds(res))
			a.Save(t)
			again := clean.Text(res.Text)
			if again.Text != res.Text || len(again.Boilerplate) > 0 || len(again.Embeds) > 0 {
				t.Errorf("cleaning the clean text changed it:\n%s\nboilerplate %v\nembeds %v", testutil.Diff(res.Text, again.Text), again.Boilerplate, again.Embeds)
			}
		})
	}
}

// formatBoilerplate writes one removed piece per line: kind, offset, and
// the text with a marker of where it stood.
func formatBoilerplate(res clean.Result) string {
	var sb strings.Builder
	for _, b := range res.Boilerplate {
		fmt.Fprintf(&sb, "%s @%d %q after %q\n", b.Kind, b.At, b.Text, tail(res.Text[:b.At], 24))
	}
	return sb.String()
}

func formatEmbeds(res clean.Result) string {
	var sb strings.Builder
	for _, e := range res.Embeds {
		fmt.Fprintf(&sb, "%s author=%q handle=%q date=%q links=%q @%d after %q\n", e.Platform, e.Author, e.Handle, e.Date, e.Links, e.At, tail(res.Text[:e.At], 24))
		for line := range strings.SplitSeq(e.Text, "\n") {
			if line != "" {
				fmt.Fprintf(&sb, "| %s\n", line)
			}
		}
	}
	return sb.String()
}

// tail returns the last n runes of s.
func tail(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

// checkResult asserts what holds for every cleaned text: valid UTF-8, no
// trailing spaces, no runs of blank lines, no leading or trailing blank
// lines, offsets within the text and on rune boundaries.
func checkResult(t *testing.T, res clean.Result) {
	t.Helper()
	s := res.Text
	if !utf8.ValidString(s) {
		t.Errorf("text is not valid UTF-8: %q", s)
	}
	if strings.Contains(s, "\n\n\n") {
		t.Errorf("text has a run of blank lines: %q", s)
	}
	if strings.Contains(s, " \n") || strings.Contains(s, "\n ") || strings.HasSuffix(s, " ") || strings.HasPrefix(s, " ") {
		t.Errorf("text has spaces at a line end: %q", s)
	}
	if strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n") {
		t.Errorf("text starts or ends with a line break: %q", s)
	}
	if strings.ContainsAny(s, "\r\t\u200b\ufeff\u00ad\u2070") {
		t.Errorf("text keeps characters the cleaner removes: %q", s)
	}
	at := func(kind string, off int) {
		if off < 0 || off > len(s) || off < len(s) && !utf8.RuneStart(s[off]) {
			t.Errorf("%s offset %d outside the text or inside a rune (len %d)", kind, off, len(s))
		}
	}
	for _, b := range res.Boilerplate {
		at("boilerplate", b.At)
		if b.Kind == "" || b.Text == "" {
			t.Errorf("boilerplate without kind or text: %+v", b)
		}
	}
	for _, e := range res.Embeds {
		at("embed", e.At)
		if e.Platform == "" {
			t.Errorf("embed without platform: %+v", e)
		}
	}
}

// TestUnicode covers what golden files cannot show: invisible and
// invalid characters.
func TestUnicode(t *testing.T) {
	cases := []struct {
		name, in, want string
		repaired       bool
	}{
		{"CRLF", "One line.\r\nTwo lines.\r\n\r\nThree.", "One line.\nTwo lines.\n\nThree.", false},
		{"LoneCR", "One.\rTwo.", "One.\nTwo.", false},
		{"ZeroWidth", "zero\u200bwidth\u2060joined \ufeffBOM soft\u00adhyphen", "zerowidthjoined BOM softhyphen", false},
		{"BidiControls", "\u202aleft\u202c \u200eright\u200f", "left right", false},
		{"Spaces", "  a\u00a0b\u2009c\t\td   \u3000", "a b c d", false},
		{"BlankRuns", "a\n\n\n\n   \n\nb\n", "a\n\nb", false},
		{"TrailingSpaces", "first   \nsecond\t \n", "first\nsecond", false},
		{"NFC", "Cafe\u0301 in Mu\u0308nchen", "Café in München", false},
		{"CurlyKept", "“Yes,” she said, ‘it’s done’.", "“Yes,” she said, ‘it’s done’.", false},
		{"Artefact", "He said “peace.”⁰ Then he left.", "He said “peace.” Then he left.", false},
		{"ArtefactEnd", "A post.⁰\nNext.", "A post.\nNext.", false},
		{"SuperscriptKept", "An area of 40 km² and x³.", "An area of 40 km² and x³.", false},
		{"StraySuperscript", "The end.¹ Next.", "The end. Next.", false},
		{"EmojiZWJKept", "Family 👨‍👩‍👧 photo", "Family 👨‍👩‍👧 photo", false},
		{"ControlChars", "bell\x07 and\x00 nul\x1b", "bell and nul", false},
		{"C1AsCP1252", "it\u0092s \u0093quoted\u0094", "it’s “quoted”", false},
		{"Latin1Bytes", "caf\xe9 cr\xe8me", "café crème", true},
		{"CP1252Bytes", "\x93Hello,\x94 he said \x96 it\x92s \x80 5", "“Hello,” he said – it’s € 5", true},
		{"MixedValidInvalid", "naïve \xff end", "naïve ÿ end", true},
		{"LineSeparator", "one\u2028two", "one two", false},
		{"Empty", "", "", false},
		{"OnlySpace", " \n\t\r\n ", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := clean.Text(c.in)
			if res.Text != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, res.Text, c.want)
			}
			if res.Repaired != c.repaired {
				t.Errorf("Repaired = %v, want %v", res.Repaired, c.repaired)
			}
			checkResult(t, res)
		})
	}
}

// TestProcess runs the stage as the pipeline does.
func TestProcess(t *testing.T) {
	c := clean.New(clean.Options{})
	ctx := context.Background()
	t.Run("Text", func(t *testing.T) {
		doc := &article.Doc{In: article.Input{Text: "The minister spoke on Monday and said that the talks with the unions would go on.\nAdvertisement\nShe added that a deal was near."}}
		if err := c.Process(ctx, doc); err != nil {
			t.Fatal(err)
		}
		if doc.Rec.Language != "en" {
			t.Errorf("language = %q, want en", doc.Rec.Language)
		}
		if len(doc.Rec.Boilerplate) != 1 || doc.Rec.Boilerplate[0].Kind != clean.KindAdvert {
			t.Errorf("boilerplate = %+v", doc.Rec.Boilerplate)
		}
	})
	t.Run("LanguageGivenKept", func(t *testing.T) {
		doc := &article.Doc{In: article.Input{Text: "Der Minister sagte am Montag, dass die Gespräche mit den Gewerkschaften weitergehen."}}
		doc.Rec.Language = "xx"
		if err := c.Process(ctx, doc); err != nil {
			t.Fatal(err)
		}
		if doc.Rec.Language != "xx" {
			t.Errorf("language = %q, want the given xx", doc.Rec.Language)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		for _, in := range []article.Input{{Text: " \n\u200b\n"}, {Text: "Advertisement"}, {HTML: "<html><body><script>var x</script></body></html>"}} {
			doc := &article.Doc{In: in}
			if err := c.Process(ctx, doc); !errors.Is(err, article.ErrEmpty) {
				t.Errorf("Process(%q) = %v, want ErrEmpty", in.Text+in.HTML, err)
			}
		}
	})
	t.Run("InvalidUTF8Problem", func(t *testing.T) {
		doc := &article.Doc{In: article.Input{Text: "caf\xe9 society is back, said the owner of the caf\xe9."}}
		if err := c.Process(ctx, doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Rec.Problems) != 1 || !strings.Contains(doc.Rec.Problems[0].Message, "Windows-1252") {
			t.Errorf("problems = %+v", doc.Rec.Problems)
		}
	})
}

// TestIdempotentLines cleans many one-line inputs twice.
func TestIdempotentLines(t *testing.T) {
	for _, in := range []string{
		"Read more: the full story (RELATED: a headline)",
		"By JANE DOE",
		"#Tag @user 🙂 pic.twitter.com/abc — Someone (@someone) May 1, 2024",
		"(RELATED: (nested) brackets) and text",
		"Text (Photo by A/Getty Images) more text (RELATED: B)",
		"View this post on Instagram",
		"— (@x) May 1, 2024",
		"text ⁰⁰⁰ ¹²³ text",
	} {
		r1 := clean.Text(in)
		r2 := clean.Text(r1.Text)
		if r1.Text != r2.Text {
			t.Errorf("Text(%q) = %q, again %q", in, r1.Text, r2.Text)
		}
		checkResult(t, r1)
	}
}

// TestLongLine feeds a 5 MB single line with every trigger in it many
// times; it must finish (linear time) and keep the prose.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	unit := "Prose with (RELATED: x) and (@h) May 1, 2024 and pic.twitter.com/x #tag @m 🙂 ⁰ (brackets "
	s := strings.Repeat(unit, 5<<20/len(unit))
	res := clean.Text(s)
	checkResult(t, res)
	if !strings.HasPrefix(res.Text, "Prose with and") {
		t.Errorf("long line starts %q", res.Text[:min(80, len(res.Text))])
	}
	many := strings.Repeat("#a\n", 200_000) + "— N (@n) May 1, 2024"
	res = clean.Text(many)
	checkResult(t, res)
	if len(res.Embeds) != 1 {
		t.Errorf("embeds = %d, want 1", len(res.Embeds))
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"",
		"Plain prose.\nMore prose.",
		"Text (RELATED: Something)\nRead the full article here",
		"#Tag to @x: “Quote.”⁰\nA line 👇\n1️⃣ “A”⁰2️⃣ “B” pic.twitter.com/AbC— Name 🇧🇾 (@Name) August 8, 2025",
		"View this post on Instagram\nCaption #x\nA post shared by J (@j) on Aug 8, 2025 at 3:02pm PDT",
		"By Jane Doe\n\n\nPhoto: X/Reuters\n© 2025 X. All rights reserved.",
		"caf\xe9 \x93q\x94 \xff\xfe",
		"( [ (RELATED: [ ( ] ) — (@ (@a) 1, 2025",
		"https://youtu.be/abc\nt.me/channel/1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		res := clean.Text(s)
		checkResult(t, res)
		again := clean.Text(res.Text)
		if again.Text != res.Text {
			t.Errorf("not idempotent:\n%s", testutil.Diff(res.Text, again.Text))
		}
	})
}

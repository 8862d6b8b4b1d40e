package date_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/date"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// published reads "published: YYYY-MM-DD" from an archive's comment; no
// such line means the publication date is unknown.
func published(t *testing.T, comment string) time.Time {
	t.Helper()
	for _, line := range strings.Split(comment, "\n") {
		if v, ok := strings.CutPrefix(line, "published: "); ok {
			p, err := time.Parse("2006-01-02", strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("bad published line %q: %v", line, err)
			}
			return p
		}
	}
	return time.Time{}
}

// format writes one date per line: its text, type, value (first..last for
// ranges), granularity and whether it was computed from the publication
// date.
func format(ds []article.Date) string {
	var sb strings.Builder
	for _, d := range ds {
		v := d.Value
		if d.End != "" {
			v += ".." + d.End
		}
		if v == "" {
			v = "-"
		}
		fmt.Fprintf(&sb, "%q %s %s", d.Text, d.Type, v)
		if d.Granularity != "" {
			fmt.Fprintf(&sb, " %s", d.Granularity)
		}
		if d.Relative {
			sb.WriteString(" relative")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// TestGolden checks the dates found in each testdata/*.txtar input
// against its "dates" section.
func TestGolden(t *testing.T) {
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			pub := published(t, a.Comment())
			got := date.Parse(a.Input(), pub)
			checkInvariants(t, a.Input(), got)
			a.Check(t, "dates", format(got))
			a.Save(t)
		})
	}
}

// TestProcess runs the stage as the pipeline does, on a Doc segmented
// beforehand.
func TestProcess(t *testing.T) {
	src := "Trump said he spoke with Lukashenko Friday about the release of 16 prisoners."
	toks := text.Tokenize(src)
	doc := &article.Doc{
		Rec:       article.Record{Text: src},
		Published: time.Date(2025, 8, 9, 14, 0, 0, 0, time.UTC),
		Tokens:    toks,
		Sents:     text.Sentences(src, toks),
	}
	e := date.New()
	if e.Name() != date.Name {
		t.Errorf("Name() = %q", e.Name())
	}
	if err := e.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rec.Dates) != 1 || doc.Rec.Dates[0].Value != "2025-08-08" || doc.Rec.Dates[0].Text != "Friday" {
		t.Errorf("dates = %+v, want Friday 2025-08-08", doc.Rec.Dates)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.Process(ctx, doc); err == nil {
		t.Error("Process with a cancelled context returned nil")
	}
}

// valueRE is the shape of the TIMEX3 values the extractor writes.
var valueRE = regexp.MustCompile(`^(` +
	`(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX)(T(\d{2}:\d{2}|MO|AF|EV|NI))?)?|-W(\d{2}|XX)(-WE|-\d)?|-Q[1-4X]|-H[12]|-(SP|SU|FA|WI))?` +
	`|XXXX-WXX-\d(T(\d{2}:\d{2}|MO|AF|EV|NI))?|\d{2,3}|\d|XX|XXX|X` +
	`|PRESENT_REF|PAST_REF|FUTURE_REF` +
	`|P((\d+(\.\d+)?|X)(Y|M|W|D|Q|E|C|L|WE))*(T((\d+(\.\d+)?|X)[HMS])+)?` +
	`|XXXX-(\d{2}|SP|SU|FA|WI|Q[1-4])` +
	`)$`)

// checkInvariants asserts what holds for any input: spans inside the
// text, Text equal to the text under Span, known types, well-formed
// values, sorted output.
func checkInvariants(t *testing.T, src string, ds []article.Date) {
	t.Helper()
	prev := -1
	for _, d := range ds {
		if d.Span.Start < 0 || d.Span.End > len(src) || d.Span.Start >= d.Span.End {
			t.Fatalf("bad span %v in text of %d bytes", d.Span, len(src))
		}
		if src[d.Span.Start:d.Span.End] != d.Text {
			t.Errorf("Text %q differs from the text under its span %q", d.Text, src[d.Span.Start:d.Span.End])
		}
		switch d.Type {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			t.Errorf("%q: type %q", d.Text, d.Type)
		}
		if d.Value != "" && !valueRE.MatchString(d.Value) {
			t.Errorf("%q: malformed value %q", d.Text, d.Value)
		}
		if d.End != "" && !valueRE.MatchString(d.End) {
			t.Errorf("%q: malformed end %q", d.Text, d.End)
		}
		if d.Span.Start < prev {
			t.Errorf("dates not sorted at %q", d.Text)
		}
		prev = d.Span.Start
	}
}

// TestDeterministic runs the same text twice.
func TestDeterministic(t *testing.T) {
	src := "Last week, on Friday, two days ago and in March 2024; between 2010 and 2015; every year."
	pub := time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC)
	a, b := format(date.Parse(src, pub)), format(date.Parse(src, pub))
	if a != b {
		t.Errorf("two runs differ:\n%s\n%s", a, b)
	}
}

// TestBadInput feeds input that must not panic or take quadratic time:
// empty, binary, invalid UTF-8, one long line, long lists.
func TestBadInput(t *testing.T) {
	pub := time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC)
	inputs := []string{
		"",
		"\x00\x01\x02\xff\xfe",
		"Friday \xff\xfe March 3, \xc3",
		strings.Repeat("1999 ", 1000),
		strings.Repeat("Friday, ", 1000),
		strings.Repeat("the third quarter of ", 500),
		strings.Repeat("a year earlier ", 500),
		strings.Repeat("-", 5000) + "2025",
		strings.Repeat("MONDAY TUESDAY LAST WEEK ", 300),
	}
	if !testing.Short() {
		// one 8 MB line of dates and words, no sentence breaks
		inputs = append(inputs, strings.Repeat("on March 3 two days ago in 1999 and 48 hours later the next day ", 120_000))
	}
	for _, in := range inputs {
		checkInvariants(t, in, date.Parse(in, pub))
		checkInvariants(t, in, date.Parse(in, time.Time{}))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Friday", "August 8, 2025", "8 Aug 2025", "from 1920 until 1991", "the 1990s", "mid-2024",
		"2025-08-08", "08/08/2025", "two days ago", "the third quarter of 1998", "fiscal 1998",
		"every year", "3 p.m. Tuesday", "this year's third quarter", "a year earlier", "2019-2021",
		"the first half of 1999", "nineteen ninety-six", "Christmas 2024", "the week of March 6",
		"5 1/2 hours", "‘90s", "Q3 2024", "FY24", "noon Saturday", "the past 20 years",
	} {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC).Unix())
	}
	f.Fuzz(func(t *testing.T, s string, pubUnix int64) {
		if len(s) > 1<<16 || testing.Short() && len(s) > 1<<12 {
			t.Skip()
		}
		var pub time.Time
		if pubUnix != 0 {
			pub = time.Unix(pubUnix%(1<<36), 0).UTC()
		}
		checkInvariants(t, s, date.Parse(s, pub))
	})
}

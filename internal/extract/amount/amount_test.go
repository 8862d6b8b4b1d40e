package amount_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/amount"
	"newsgraph/internal/extract/date"
	"newsgraph/internal/kb"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

func newExtractor(t testing.TB) *amount.Extractor {
	t.Helper()
	e, err := amount.New(kb.Source{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// find runs the date stage first, as the pipeline does, so that years and
// durations are not taken for amounts.
func find(e *amount.Extractor, src string) []article.Amount {
	toks := text.Tokenize(src)
	sents := text.Sentences(src, toks)
	dates := date.Find(src, toks, sents, time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC))
	return e.Find(src, toks, sents, dates)
}

// format writes one amount per line: text, value (..max), unit, object,
// "~" when approximate.
func format(as []article.Amount) string {
	var sb strings.Builder
	for _, a := range as {
		fmt.Fprintf(&sb, "%q %s", a.Text, num(a.Value))
		if a.Max != 0 {
			fmt.Fprintf(&sb, "..%s", num(a.Max))
		}
		if a.Unit != "" {
			fmt.Fprintf(&sb, " unit=%s", a.Unit)
		}
		if a.Object != "" {
			fmt.Fprintf(&sb, " object=%s", a.Object)
		}
		if a.Approximate {
			sb.WriteString(" ~")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprint(v)
}

// TestGolden checks the amounts found in each testdata/*.txtar input
// against its "amounts" section.
func TestGolden(t *testing.T) {
	e := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			got := find(e, a.Input())
			checkInvariants(t, a.Input(), got)
			a.Check(t, "amounts", format(got))
			a.Save(t)
		})
	}
}

func TestProcess(t *testing.T) {
	e := newExtractor(t)
	if e.Name() != amount.Name {
		t.Errorf("Name() = %q", e.Name())
	}
	src := "The purpose of the call was to thank him for the release of 16 prisoners in 2025."
	toks := text.Tokenize(src)
	doc := &article.Doc{Rec: article.Record{Text: src}, Tokens: toks, Sents: text.Sentences(src, toks)}
	if err := e.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := format(doc.Rec.Amounts); got != "\"16 prisoners\" 16 object=prisoners\n" {
		t.Errorf("amounts = %s", got)
	}
}

// TestUserUnits checks that a units.tsv in a --kb directory adds units.
func TestUserUnits(t *testing.T) {
	dir := t.TempDir()
	data := "# test units\nunit\tkind\tnames\tsymbols\nLTC\tcurrency\tlitecoin|litecoins\t\n"
	if err := os.WriteFile(filepath.Join(dir, amount.UnitsFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := amount.New(kb.Source{Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if got := format(e.Parse("He sold 40 litecoins and 5 euros.")); got != "\"40 litecoins\" 40 unit=LTC\n\"5 euros\" 5 unit=EUR\n" {
		t.Errorf("got %s", got)
	}
	bad := "unit\tkind\tnames\tsymbols\n\tcurrency\tx\t\n"
	os.WriteFile(filepath.Join(dir, amount.UnitsFile), []byte(bad), 0o644)
	if _, err := amount.New(kb.Source{Dirs: []string{dir}}); err == nil {
		t.Error("a row without a unit was accepted")
	}
}

func TestNumberAt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		n    int // tokens used
	}{
		{"16", 16, 1}, {"1,300", 1300, 1}, {"5.2 billion", 5.2e9, 2}, {"5bn", 5e9, 1},
		{"sixteen", 16, 1}, {"two hundred", 200, 2}, {"two hundred and fifty", 250, 4},
		{"twenty-five", 25, 1}, {"twenty five", 25, 2}, {"a hundred", 100, 2}, {"a dozen", 12, 2},
		{"three million", 3e6, 2}, {"one thousand two hundred", 1200, 4},
	} {
		toks := text.Tokenize(c.in)
		v, next, ok := amount.NumberAt(c.in, toks, 0, len(toks))
		if !ok || v != c.want || next != c.n {
			t.Errorf("NumberAt(%q) = %v, %d, %v; want %v, %d", c.in, v, next, ok, c.want, c.n)
		}
	}
	for _, in := range []string{"", "hundred", "1st", "a", "the", "1,30", "one two"} {
		toks := text.Tokenize(in)
		if v, next, ok := amount.NumberAt(in, toks, 0, len(toks)); ok && !(in == "one two" && next == 1) {
			t.Errorf("NumberAt(%q) = %v, %d, true; want false", in, v, next)
		}
	}
}

func checkInvariants(t *testing.T, src string, as []article.Amount) {
	t.Helper()
	prev := -1
	for _, a := range as {
		if a.Span.Start < 0 || a.Span.End > len(src) || a.Span.Start >= a.Span.End {
			t.Fatalf("bad span %v in text of %d bytes", a.Span, len(src))
		}
		if src[a.Span.Start:a.Span.End] != a.Text {
			t.Errorf("Text %q differs from the text under its span", a.Text)
		}
		if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
			t.Errorf("%q: value %v", a.Text, a.Value)
		}
		if a.Max != 0 && a.Max <= a.Value {
			t.Errorf("%q: max %v not above value %v", a.Text, a.Max, a.Value)
		}
		if a.Span.Start < prev {
			t.Errorf("amounts not sorted at %q", a.Text)
		}
		prev = a.Span.End
	}
}

// TestBadInput feeds input that must not panic or take quadratic time.
func TestBadInput(t *testing.T) {
	e := newExtractor(t)
	inputs := []string{
		"", "\x00\xff\xfe", "$", "$$$ 5", "€", "5 \xff percent", strings.Repeat("1,000 ", 2000),
		strings.Repeat("two hundred and ", 1000), strings.Repeat("dozens of ", 1000),
		strings.Repeat("$", 10000) + "5", strings.Repeat("9", 5000) + " people",
		strings.Repeat("between 1 and 2 and ", 1000),
	}
	if !testing.Short() {
		inputs = append(inputs, strings.Repeat("about 1,300 additional prisoners and $5.2 billion, 10-15% of 3 million people ", 80_000))
	}
	for _, in := range inputs {
		checkInvariants(t, in, e.Parse(in))
	}
}

func FuzzParse(f *testing.F) {
	e := newExtractor(f)
	for _, s := range []string{
		"16 prisoners", "1,300 additional prisoners", "$5.2 billion", "€450 million", "3 million people",
		"dozens of troops", "sixteen", "two hundred", "10 to 15", "10-15", "5%", "40 percent",
		"more than 1,000 homes", "US$20", "C$30", "a 200-megawatt plant", "555-1212", "No. 10",
		"tens of thousands of people", "between 10 and 15 soldiers", "-5%", "5bn", "1.5 million tonnes",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 || testing.Short() && len(s) > 1<<12 {
			t.Skip()
		}
		checkInvariants(t, s, e.Parse(s))
	})
}

func BenchmarkFind(b *testing.B) {
	e := newExtractor(b)
	src, err := os.ReadFile("../date/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	toks := text.Tokenize(s)
	sents := text.Sentences(s, toks)
	dates := date.Find(s, toks, sents, time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC))
	words := 0
	for _, t := range toks {
		if t.Kind == article.Word {
			words++
		}
	}
	b.SetBytes(int64(len(s)))
	cpu := cpuTime()
	for b.Loop() {
		e.Find(s, toks, sents, dates)
	}
	reportPer1000Words(b, words, cpuTime()-cpu)
}

// BenchmarkFindBBC runs the extractor over the BBC corpus when present.
func BenchmarkFindBBC(b *testing.B) {
	e := newExtractor(b)
	dir := filepath.Join(testutil.SharedDir(b), "corpora", "news", "bbc")
	type doc struct {
		src   string
		toks  []article.Token
		sents []article.Sentence
		dates []article.Date
	}
	var docs []doc
	words, bytes := 0, 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" || filepath.Base(p) == "README.TXT" {
			return nil
		}
		bs, _ := os.ReadFile(p)
		s := string(bs)
		toks := text.Tokenize(s)
		sents := text.Sentences(s, toks)
		for _, t := range toks {
			if t.Kind == article.Word {
				words++
			}
		}
		bytes += len(s)
		docs = append(docs, doc{s, toks, sents, date.Find(s, toks, sents, time.Time{})})
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no BBC articles")
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			e.Find(d.src, d.toks, d.sents, d.dates)
		}
	}
	reportPer1000Words(b, words, cpuTime()-cpu)
}

// reportPer1000Words reports wall and CPU milliseconds per 1,000 words
// (the unit of the stage budgets); CPU time stays meaningful when other
// processes share the machine.
func reportPer1000Words(b *testing.B, words int, cpu time.Duration) {
	per := func(d time.Duration) float64 {
		return float64(d.Nanoseconds()) / float64(b.N) / float64(words) * 1000 / 1e6
	}
	b.ReportMetric(per(b.Elapsed()), "ms/1000words")
	if cpu > 0 {
		b.ReportMetric(per(cpu), "cpu-ms/1000words")
	}
}

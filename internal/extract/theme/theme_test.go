package theme_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/theme"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline/pipelinetest"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

var _ interface {
	Name() string
	Process(context.Context, *article.Doc) error
} = (*theme.Extractor)(nil)

func newExtractor(t testing.TB) *theme.Extractor {
	t.Helper()
	x, err := theme.New(kb.Source{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// newDoc segments s as the pipeline's segment stage does.
func newDoc(s string) *article.Doc {
	doc := &article.Doc{}
	doc.Rec.Text = s
	doc.Tokens = text.Tokenize(s)
	doc.Sents = text.Sentences(s, doc.Tokens)
	return doc
}

func process(t testing.TB, x *theme.Extractor, s string) *article.Doc {
	t.Helper()
	doc := newDoc(s)
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func codes(doc *article.Doc) []string {
	var out []string
	for _, th := range doc.Rec.Themes {
		out = append(out, th.Code)
	}
	return out
}

// TestGolden checks the themes of each testdata/*.txtar input, one line
// per theme with the text of each of its spans. A section "absent" lists
// themes the input must not have.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			doc := process(t, x, a.Input())
			var sb strings.Builder
			for _, th := range doc.Rec.Themes {
				var spans []string
				for _, s := range th.Spans {
					spans = append(spans, fmt.Sprintf("%q", doc.Text(s)))
				}
				fmt.Fprintf(&sb, "%s %s\n", th.Code, strings.Join(spans, " "))
			}
			a.Check(t, "themes", sb.String())
			for _, code := range strings.Fields(a.Section("absent")) {
				if slices.Contains(codes(doc), code) {
					t.Errorf("theme %s found, want it absent", code)
				}
			}
			a.Save(t)
		})
	}
}

// TestSample runs the whole pipeline on the sample article of DESIGN.md
// and checks the themes a reader sees in it.
func TestSample(t *testing.T) {
	rec := pipelinetest.Sample(t)
	var got []string
	for _, th := range rec.Themes {
		got = append(got, th.Code)
		for _, s := range th.Spans {
			if s.Start < 0 || s.End > len(rec.Text) || s.Start >= s.End {
				t.Errorf("%s: span %v out of the text", th.Code, s)
			}
		}
	}
	for _, want := range []string{"PRISONER_RELEASE", "NEGOTIATIONS", "MILITARY", "NUCLEAR", "DIPLOMACY", "SOVEREIGNTY"} {
		if !slices.Contains(got, want) {
			t.Errorf("sample themes %v lack %s", got, want)
		}
	}
	for _, bad := range []string{"SPORT", "ENTERTAINMENT", "LABOR", "ECON_STOCKMARKET"} {
		if slices.Contains(got, bad) {
			t.Errorf("sample themes %v hold %s", got, bad)
		}
	}
}

func TestWeakNeedsTwo(t *testing.T) {
	x := newExtractor(t)
	if got := codes(process(t, x, "The troops stayed in their barracks.")); slices.Contains(got, "MILITARY") {
		t.Errorf("one weak keyword gave MILITARY: %v", got)
	}
	if got := codes(process(t, x, "The troops stayed in their barracks. The army said nothing.")); !slices.Contains(got, "MILITARY") {
		t.Errorf("two weak keywords did not give MILITARY: %v", got)
	}
}

func TestTaxonomy(t *testing.T) {
	x := newExtractor(t)
	c := x.Codes()
	if len(c) < 60 {
		t.Errorf("%d themes, want at least 60", len(c))
	}
	seen := map[string]bool{}
	for _, code := range c {
		if code != strings.ToUpper(code) || seen[code] {
			t.Errorf("theme code %q: want upper case, once", code)
		}
		seen[code] = true
	}
}

func TestUserThemes(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, "themes.tsv"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("theme\tstrong\tweak\tdescription\nWHALING\twhaling ship|harpoon * whale\t\tours\nMILITARY\tzorblax fleet\t\textra keyword\n")
	x, err := theme.New(kb.Source{Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	got := codes(process(t, x, "They harpooned two minke whales near the zorblax fleet."))
	if !slices.Contains(got, "WHALING") || !slices.Contains(got, "MILITARY") {
		t.Errorf("user themes not applied: %v", got)
	}
	for _, bad := range []string{"* whale", "whale *", "harpoon * * whale"} {
		write("theme\tstrong\tweak\tdescription\nBAD\t" + bad + "\t\t\n")
		if _, err := theme.New(kb.Source{Dirs: []string{dir}}); err == nil || !strings.Contains(err.Error(), "themes.tsv:2") {
			t.Errorf("keyword %q: got error %v, want one naming themes.tsv:2", bad, err)
		}
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{"", "release of 16 prisoners", "women's rights' '", "release , , prisoners", "\xff release"} {
		f.Add(s)
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			t.Skip()
		}
		doc := process(t, x, s)
		for _, th := range doc.Rec.Themes {
			prev := -1
			for _, sp := range th.Spans {
				if sp.Start < prev || sp.Start >= sp.End || sp.End > len(s) {
					t.Fatalf("%s: bad span %v (prev end %d, len %d)", th.Code, sp, prev, len(s))
				}
				prev = sp.End
			}
		}
	})
}

func BenchmarkProcess(b *testing.B) {
	in, err := os.ReadFile("../tone/testdata/bench_article.txt")
	if err != nil {
		b.Fatal(err)
	}
	x := newExtractor(b)
	doc := newDoc(string(in))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if err := x.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBBC runs the stage over the BBC corpus of ../shared (skipped
// when absent) and reports ns/word: a wider vocabulary than one article,
// so closer to what the stage costs in the pipeline.
func BenchmarkBBC(b *testing.B) {
	var docs []*article.Doc
	words := 0
	for _, s := range testutil.BBC(b, 0) {
		d := newDoc(s)
		words += testutil.CountWords(d.Tokens)
		docs = append(docs, d)
	}
	x := newExtractor(b)
	for b.Loop() {
		for _, d := range docs {
			if err := x.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
}

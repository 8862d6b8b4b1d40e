package clean_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/clean"
	"newsgraph/internal/eval"
	"newsgraph/internal/testutil"
)

// TestSampleArticle checks the design's sample article (read from
// ../shared, never copied here) for what DESIGN.md says a user expects
// of the cleaner.
func TestSampleArticle(t *testing.T) {
	shared := testutil.SharedDir(t)
	raw, err := os.ReadFile(filepath.Join(shared, "samples", "belarus-prisoners.txt"))
	if err != nil {
		t.Skip(err)
	}
	res := clean.Text(string(raw))
	checkResult(t, res)
	for _, bad := range []string{"Zelenskyy", "RELATED", "Read the full article here", "pic.twitter.com", "BelarusMFA", "@TIME", "⁰", "A thread of quotes", "Bring Trump"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text still holds %q", bad)
		}
	}
	for _, want := range []string{"President Donald Trump praised", "the report noted.\nIn the years that followed", "according to the CFR report."} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	kinds := map[string]int{}
	for _, b := range res.Boilerplate {
		kinds[b.Kind]++
	}
	if kinds[clean.KindRelated] != 2 || kinds[clean.KindReadMore] != 1 || len(res.Boilerplate) != 3 {
		t.Errorf("boilerplate = %+v, want 2 related and 1 read_more", res.Boilerplate)
	}
	if len(res.Embeds) != 1 {
		t.Fatalf("embeds = %+v, want one", res.Embeds)
	}
	e := res.Embeds[0]
	if e.Platform != "x" || e.Author != "Belarus MFA" || e.Handle != "BelarusMFA" || e.Date != "2025-08-08" {
		t.Errorf("embed = %+v", e)
	}
	if len(e.Links) != 1 || !strings.HasPrefix(e.Links[0], "pic.twitter.com/") {
		t.Errorf("embed links = %q", e.Links)
	}
	if lines := strings.Split(e.Text, "\n"); len(lines) != 3 || !strings.HasPrefix(lines[0], "#Belarus’ President #Lukashenko to @TIME") || !strings.Contains(lines[2], "Bring Trump") {
		t.Errorf("embed text = %q", e.Text)
	}
	if want := strings.Index(res.Text, "\nIn the years that followed"); e.At != want {
		t.Errorf("embed at %d, want %d (the end of the paragraph before it)", e.At, want)
	}
}

// TestRealPages runs the HTML path over the pages of the extraction
// benchmark in ../shared (nothing of them is kept here) and asserts what
// a reader would check: the article's longest paragraph is there, code
// and markup are not, and the benchmark score does not fall.
func TestRealPages(t *testing.T) {
	shared := testutil.SharedDir(t)
	dir := filepath.Join(shared, "corpora", "extraction", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) == 0 {
		t.Skip("no extraction pages")
	}
	c := clean.New(clean.Options{})
	missed := 0
	var pages []eval.ExtractPage
	for _, f := range files {
		page, gold := readPage(t, f)
		res, err := c.HTML(context.Background(), page)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		checkResult(t, res.Result)
		for _, bad := range []string{"<script", "</div", "<p>", "function(", "document.write", "googletag", "window.", "{\""} {
			if strings.Contains(res.Text, bad) && !strings.Contains(gold, bad) {
				t.Errorf("%s: text holds %q", filepath.Base(f), bad)
			}
		}
		if !containsWords(res.Text, longestParagraph(gold)) {
			missed++
			t.Logf("%s: longest gold paragraph not found", filepath.Base(f))
		}
		var p eval.ExtractPage
		p.TP, p.FP, p.FN = eval.ShingleOverlap(eval.Words(gold), eval.Words(res.Text))
		pages = append(pages, p)
	}
	if missed*10 > len(files) {
		t.Errorf("longest paragraph missed on %d of %d pages", missed, len(files))
	}
	var tp, fp, fn float64
	for _, p := range pages {
		tp, fp, fn = tp+p.TP, fp+p.FP, fn+p.FN
	}
	if n := float64(len(pages)); tp/n < 0.9 {
		t.Errorf("mean shingle TP share %.3f < 0.9 (FP %.3f, FN %.3f)", tp/n, fp/n, fn/n)
	}
}

func readPage(t *testing.T, path string) (page, gold string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		ArticleBody string `json:"articleBody"`
	}
	if jb, err := os.ReadFile(strings.TrimSuffix(path, ".html.gz") + ".json"); err == nil {
		_ = json.Unmarshal(jb, &g)
	}
	return string(b), g.ArticleBody
}

func longestParagraph(s string) string {
	best := ""
	for p := range strings.SplitSeq(s, "\n") {
		if len(p) > len(best) {
			best = p
		}
	}
	return best
}

// containsWords reports whether the words of sub appear in s in order
// and next to each other, whatever the spacing and punctuation between.
func containsWords(s, sub string) bool {
	a, b := eval.Words(s), eval.Words(sub)
	if len(b) == 0 {
		return true
	}
	for i := 0; i+len(b) <= len(a); i++ {
		if a[i] != b[0] {
			continue
		}
		j := 1
		for j < len(b) && a[i+j] == b[j] {
			j++
		}
		if j == len(b) {
			return true
		}
	}
	return false
}

// benchArticle is a realistic article body: prose paragraphs, inline and
// whole-line boilerplate, a pasted post.
func benchArticle(tb testing.TB) string {
	tb.Helper()
	a := testutil.ReadArchive(tb, "testdata/sample_shape.txtar")
	body := a.Input()
	var sb strings.Builder
	for range 4 {
		sb.WriteString(body)
		sb.WriteString("\n")
	}
	return sb.String()
}

func BenchmarkText(b *testing.B) {
	s := benchArticle(b)
	words := len(strings.Fields(s))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		clean.Text(s)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
}

// BenchmarkTextBBC cleans the BBC news corpus from ../shared.
func BenchmarkTextBBC(b *testing.B) {
	texts := testutil.BBC(b, 500)
	size, words := 0, 0
	for _, s := range texts {
		size += len(s)
		words += len(strings.Fields(s))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			clean.Text(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000, "ns/1000words")
}

func BenchmarkHTML(b *testing.B) {
	raw, err := os.ReadFile("testdata/html_news/source.html")
	if err != nil {
		b.Fatal(err)
	}
	c := clean.New(clean.Options{})
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := c.HTML(context.Background(), string(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLanguage guesses the language of BBC articles.
func BenchmarkLanguage(b *testing.B) {
	texts := testutil.BBC(b, 500)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			clean.Language(s)
		}
	}
}

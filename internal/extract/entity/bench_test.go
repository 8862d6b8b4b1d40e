package entity_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/entity"
	"newsgraph/internal/kb"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// BenchmarkExtractor runs the stage on BBC news articles (from ../shared
// when present, else on the golden inputs).
func BenchmarkExtractor(b *testing.B) {
	var texts []string
	if dir := sharedBBC(b); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		for i, p := range paths {
			if i%10 != 0 { // every tenth article of every section
				continue
			}
			if data, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	if len(texts) == 0 {
		for _, a := range testutil.Archives(b, "testdata/*.txtar") {
			texts = append(texts, a.Input())
		}
	}
	ex, err := entity.New(kb.Source{})
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*article.Doc, len(texts))
	words := 0
	for i, t := range texts {
		d := &article.Doc{}
		d.Rec.Text = t
		d.Tokens = text.Tokenize(t)
		d.Sents = text.Sentences(t, d.Tokens)
		for _, tk := range d.Tokens {
			if tk.Kind == article.Word {
				words++
			}
		}
		docs[i] = d
	}
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := ex.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000, "ns/1000words")
}

// sharedBBC returns the BBC corpus directory of ../shared, or "".
func sharedBBC(b *testing.B) string {
	shared := os.Getenv("NEWSGRAPH_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "..", "shared")
	}
	dir := filepath.Join(shared, "corpora", "news", "bbc")
	if _, err := os.Stat(dir); err != nil {
		b.Logf("no BBC corpus at %s: using the golden inputs", dir)
		return ""
	}
	return dir
}

package quote_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// BenchmarkProcess measures the stage alone on a realistic news article
// (about 500 words, many quotes and attributions), segmented beforehand.
// It reports ns/word; the budget is 100 ns/word (0.1 ms per 1,000 words).
func BenchmarkProcess(b *testing.B) {
	raw, err := os.ReadFile("testdata/bench_article.txt")
	if err != nil {
		b.Fatal(err)
	}
	in := string(raw)
	toks := text.Tokenize(in)
	sents := text.Sentences(in, toks)
	words := 0
	for _, t := range toks {
		if t.Kind == article.Word {
			words++
		}
	}
	ex := newExtractor(b)
	doc := &article.Doc{}
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for b.Loop() {
		doc.Rec = article.Record{Text: in}
		doc.Tokens, doc.Sents = toks, sents
		if err := ex.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
	if len(doc.Rec.Quotes) == 0 || !strings.Contains(doc.Rec.Quotes[0].Text, "budget") {
		b.Fatalf("unexpected quotes: %+v", doc.Rec.Quotes)
	}
}

// BenchmarkBBC runs the stage over every article of the shared BBC corpus
// (segmented beforehand, no entities) and reports ns/word.
func BenchmarkBBC(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(testutil.SharedDir(b), "corpora", "news", "bbc", "*", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no BBC corpus")
	}
	var docs []*article.Doc
	words := 0
	for _, p := range paths {
		s, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d := newDoc(string(s), "")
		for _, t := range d.Tokens {
			if t.Kind == article.Word {
				words++
			}
		}
		docs = append(docs, d)
	}
	ex := newExtractor(b)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := ex.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
}

package quote_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"newsgraph/internal/article"
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

package event_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// BenchmarkSample codes the sample article with its entities.
func BenchmarkSample(b *testing.B) {
	c := newCoder(b)
	ar := testutil.ReadArchive(b, "testdata/belarus.txtar")
	doc := buildDoc(b, ar.Input(), ar.Section("entities"), ar.Section("quotes"), "")
	words := countWords(doc)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc.Rec.Events = doc.Rec.Events[:0]
		if err := c.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000, "ns/1000words")
}

// BenchmarkBBC codes real news articles (no entities: the parse and the
// lexicon look-ups, which run on every sentence, are what costs).
func BenchmarkBBC(b *testing.B) {
	shared := testutil.SharedDir(b)
	paths, _ := filepath.Glob(filepath.Join(shared, "corpora", "news", "bbc", "*", "*.txt"))
	if len(paths) == 0 {
		paths, _ = filepath.Glob(filepath.Join(shared, "corpora", "news", "bbc", "*.txt"))
	}
	if len(paths) > 200 {
		paths = paths[:200]
	}
	if len(paths) == 0 {
		b.Skip("no BBC articles")
	}
	c := newCoder(b)
	var docs []*article.Doc
	words := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc := segment(string(raw))
		words += countWords(doc)
		docs = append(docs, doc)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Rec.Events = d.Rec.Events[:0]
			if err := c.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000, "ns/1000words")
}

// TestBBCNoPanic codes every article of the BBC corpus: real text must
// never make the coder panic (the pipeline would recover, but the
// article's events would be lost).
func TestBBCNoPanic(t *testing.T) {
	shared := testutil.SharedDir(t)
	paths, _ := filepath.Glob(filepath.Join(shared, "corpora", "news", "bbc", "*", "*.txt"))
	c := newCoder(t)
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := segment(string(raw))
		if err := c.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkPathological codes 500-word sentences, long lists, all-capital
// text and nested quotes.
func BenchmarkPathological(b *testing.B) {
	c := newCoder(b)
	doc := segment(pathological())
	words := countWords(doc)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc.Rec.Events = doc.Rec.Events[:0]
		if err := c.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words)*1000, "ns/1000words")
}

func pathological() string {
	var sb strings.Builder
	for i := range 500 {
		fmt.Fprintf(&sb, "troops attacked and officials said that rebels %d ", i)
	}
	sb.WriteString(".\n\n")
	for i := range 300 {
		fmt.Fprintf(&sb, "Country%d, ", i)
	}
	sb.WriteString("and Russia signed agreements.\n\n")
	sb.WriteString(strings.Repeat("RUSSIA ATTACKS UKRAINE AS TROOPS FIRE MISSILES AT KYIV. ", 50))
	sb.WriteString("\n\n")
	sb.WriteString(strings.Repeat("“He said ‘they said “we will attack” today’ again,” she said. ", 50))
	return sb.String()
}

func segment(s string) *article.Doc {
	doc := &article.Doc{}
	doc.Rec.Text = s
	doc.Tokens = text.Tokenize(s)
	doc.Sents = text.Sentences(s, doc.Tokens)
	return doc
}

func countWords(doc *article.Doc) int {
	n := 0
	for _, t := range doc.Tokens {
		if t.Kind == article.Word {
			n++
		}
	}
	return max(n, 1)
}

package date_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/date"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

type segmented struct {
	src   string
	toks  []article.Token
	sents []article.Sentence
	words int
}

func segment(s string) segmented {
	toks := text.Tokenize(s)
	words := 0
	for _, t := range toks {
		if t.Kind == article.Word {
			words++
		}
	}
	return segmented{s, toks, text.Sentences(s, toks), words}
}

func benchFind(b *testing.B, docs []segmented) {
	words, bytes := 0, 0
	for _, d := range docs {
		words += d.words
		bytes += len(d.src)
	}
	pub := time.Date(2025, 8, 9, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			date.Find(d.src, d.toks, d.sents, pub)
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

// BenchmarkFind runs the scanner on the project's example article, with
// tokens and sentences made beforehand, as the pipeline does.
func BenchmarkFind(b *testing.B) {
	src, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchFind(b, []segmented{segment(string(src))})
}

// BenchmarkFindBBC runs the scanner over the BBC news corpus when it is
// present (the pipeline's reference for throughput).
func BenchmarkFindBBC(b *testing.B) {
	dir := filepath.Join(testutil.SharedDir(b), "corpora", "news", "bbc")
	var docs []segmented
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".txt" && filepath.Base(p) != "README.TXT" {
			if bs, err := os.ReadFile(p); err == nil {
				docs = append(docs, segment(string(bs)))
			}
		}
		return nil
	})
	if len(docs) == 0 {
		b.Skip("no BBC articles")
	}
	benchFind(b, docs)
}

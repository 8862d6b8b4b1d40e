package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

// BenchmarkPipelineBBC runs the whole pipeline, one article after another
// on one goroutine, over the BBC news corpus, and reports words/s (the
// figure the speed target is stated in) and each stage's µs per article.
// words/cpu-s divides by the CPU time the process used (the garbage
// collector's included) instead of the wall-clock time, which other
// processes on a shared machine inflate. It skips when ../shared is
// absent.
func BenchmarkPipelineBBC(b *testing.B) {
	shared := testutil.SharedDir(b)
	var inputs []article.Input
	for in, err := range (ingest.Reader{}).Paths([]string{filepath.Join(shared, "corpora", "news", "bbc")}, nil) {
		if err == nil {
			inputs = append(inputs, in)
		}
	}
	if len(inputs) == 0 {
		b.Skip("no BBC articles")
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	words, n := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		rec, err := p.Process(ctx, inputs[n%len(inputs)])
		n++
		if err != nil {
			continue
		}
		words += rec.Tone.WordCount
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
	for _, s := range p.Stats() {
		b.ReportMetric(float64(s.Time)/float64(time.Microsecond)/float64(max(s.Calls, 1)), s.Name+"-µs/article")
	}
}

// BenchmarkNew builds a pipeline in a process that built one before,
// which shares the first one's stages; BenchmarkNewCold measures the
// start-up every command pays once (knowledge base, lexicons, indexes),
// and BenchmarkNewKB building the stages again.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.New(pipeline.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewKB builds a pipeline with a knowledge-base directory of the
// user's (empty), whose stages are built again for every pipeline; the
// gazetteer and the tables of embedded files are still shared.
func BenchmarkNewKB(b *testing.B) {
	cfg := pipeline.Config{KB: kb.Source{Dirs: []string{b.TempDir()}}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.New(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipelinePathological runs the whole pipeline on text made to
// be hard: a 500-word sentence, a list of 300 names, all-capital
// headlines, quotes inside quotes, and the same article repeated 20 times
// (many mentions of the same entities). Its words/s should stay of the
// order of BenchmarkPipelineBBC's: no stage may be quadratic.
func BenchmarkPipelinePathological(b *testing.B) {
	var sb strings.Builder
	for range 20 {
		for i := range 500 {
			fmt.Fprintf(&sb, "troops attacked and officials in Kyiv said that rebels %d ", i)
		}
		sb.WriteString(".\n\n")
		for i := range 300 {
			fmt.Fprintf(&sb, "President Name%d of Country%d, ", i, i)
		}
		sb.WriteString("and Russia signed agreements on 8 August 2025 worth $1.3 billion.\n\n")
		sb.WriteString(strings.Repeat("RUSSIA ATTACKS UKRAINE AS TROOPS FIRE MISSILES AT KYIV. ", 50))
		sb.WriteString("\n\n")
		sb.WriteString(strings.Repeat("“He said ‘they said “we will attack” today’ again,” Trump said. ", 50))
		sb.WriteString("\n\n")
	}
	in := article.Input{Text: sb.String(), Published: "2025-08-09"}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	b.ReportAllocs()
	for b.Loop() {
		rec, err := p.Process(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		words += rec.Tone.WordCount
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}

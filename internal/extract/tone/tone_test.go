package tone_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/tone"
	"newsgraph/internal/kb"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

var _ interface {
	Name() string
	Process(context.Context, *article.Doc) error
} = (*tone.Extractor)(nil)

func newExtractor(t testing.TB) *tone.Extractor {
	t.Helper()
	x, err := tone.New(kb.Source{})
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
	for _, t := range doc.Tokens {
		if t.Kind == article.Word {
			doc.Rec.Tone.WordCount++
		}
	}
	return doc
}

// TestGolden checks the figures ("tone") and the counted words ("words")
// of each testdata/*.txtar input.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			doc := newDoc(a.Input())
			if err := x.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			tn := doc.Rec.Tone
			a.Check(t, "tone", fmt.Sprintf("tone=%g positive=%g negative=%g polarity=%g activity=%g self_group=%g word_count=%d",
				tn.Tone, tn.Positive, tn.Negative, tn.Polarity, tn.Activity, tn.SelfGroup, tn.WordCount))
			var sb strings.Builder
			for _, w := range x.Words(doc) {
				neg := ""
				if w.Negated {
					neg = " (negated)"
				}
				fmt.Fprintf(&sb, "%s %s%s\n", w.Class, doc.TokenText(w.Token), neg)
			}
			a.Check(t, "words", sb.String())
			a.Save(t)
		})
	}
}

// checkConsistent asserts what a user of the figures relies on.
func checkConsistent(t *testing.T, doc *article.Doc) {
	t.Helper()
	tn := doc.Rec.Tone
	words := 0
	for _, tk := range doc.Tokens {
		if tk.Kind == article.Word {
			words++
		}
	}
	if tn.WordCount != words {
		t.Errorf("word_count = %d, want %d word tokens", tn.WordCount, words)
	}
	const eps = 1e-9
	if math.Abs(tn.Tone-(tn.Positive-tn.Negative)) > eps {
		t.Errorf("tone %g != positive %g - negative %g", tn.Tone, tn.Positive, tn.Negative)
	}
	if math.Abs(tn.Polarity-(tn.Positive+tn.Negative)) > eps {
		t.Errorf("polarity %g != positive %g + negative %g", tn.Polarity, tn.Positive, tn.Negative)
	}
	for name, v := range map[string]float64{"positive": tn.Positive, "negative": tn.Negative, "activity": tn.Activity, "self_group": tn.SelfGroup} {
		if v < 0 || v > 100 || math.IsNaN(v) {
			t.Errorf("%s = %g, want a percentage", name, v)
		}
	}
	if words == 0 && tn != (article.Tone{}) {
		t.Errorf("no words but tone %+v", tn)
	}
}

func TestConsistency(t *testing.T) {
	x := newExtractor(t)
	inputs := []string{"", "2025 1,300 — 16", "Good.", "not not not good bad",
		strings.Repeat("We won a great victory but many were killed. ", 200)}
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		inputs = append(inputs, a.Input())
	}
	b, err := os.ReadFile("testdata/bench_article.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, string(b))
	for _, in := range inputs {
		doc := newDoc(in)
		if err := x.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkConsistent(t, doc)
	}
}

func TestFiguresCount(t *testing.T) {
	// 2 positive, 2 negative, 1 active and 1 self word in 10 words.
	doc := newDoc("We praised the agreement but the attack was awful news")
	x := newExtractor(t)
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	got := doc.Rec.Tone
	want := article.Tone{Tone: 0, Positive: 20, Negative: 20, Polarity: 40, Activity: 10, SelfGroup: 10, WordCount: 10}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestUserWordList(t *testing.T) {
	dir := t.TempDir()
	err := os.WriteFile(dir+"/tone.tsv", []byte("# test list\nwords\tclass\tvalence\nzorblax\tsentiment\t-3\nwinning\tsentiment\t0\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	x, err := tone.New(kb.Source{Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	doc := newDoc("The zorblax was winning")
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Rec.Tone; got.Negative != 25 || got.Positive != 0 {
		t.Errorf("user list not applied: %+v", got)
	}

	if err := os.WriteFile(dir+"/tone.tsv", []byte("words\tclass\tvalence\nfoo\tsentiment\tvery\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := tone.New(kb.Source{Dirs: []string{dir}}); err == nil || !strings.Contains(err.Error(), "tone.tsv:2") {
		t.Errorf("bad valence: got error %v, want one naming tone.tsv:2", err)
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{"", "not good", "I’m not unhappy, we didn’t lose.", "US us Us", "\xff\xfe no"} {
		f.Add(s)
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			t.Skip()
		}
		doc := newDoc(s)
		if err := x.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkConsistent(t, doc)
	})
}

func BenchmarkProcess(b *testing.B) {
	in, err := os.ReadFile("testdata/bench_article.txt")
	if err != nil {
		b.Fatal(err)
	}
	x := newExtractor(b)
	doc := newDoc(string(in))
	b.SetBytes(int64(len(in)))
	b.ReportMetric(float64(doc.Rec.Tone.WordCount), "words/op")
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

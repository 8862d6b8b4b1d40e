package eval_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"newsgraph/internal/clean"
	"newsgraph/internal/eval"
)

func TestWords(t *testing.T) {
	got := eval.Words("Hello, world! It's 2025 — naïve_case 東京")
	want := []string{"Hello", "world", "It", "s", "2025", "naïve_case", "東京"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestShingleOverlap(t *testing.T) {
	w := eval.Words
	cases := []struct {
		name       string
		gold, pred string
		tp, fp, fn float64
	}{
		{"Same", "a b c d e", "a b c d e", 1, 0, 0},
		{"BothEmpty", "", "", 0, 0, 0},
		{"PredEmpty", "a b c d e", "", 0, 0, 1},
		{"Extra", "a b c d", "a b c d e", 0.5, 0.5, 0},                 // 1 shared, 1 extra
		{"Short", "a b", "a b", 1, 0, 0},                               // fewer than 4 tokens: one shingle
		{"Repeats", "x y z w x y z w", "x y z w", 1.0 / 5, 0, 4.0 / 5}, // multiset: 5 gold shingles, 1 predicted
	}
	for _, c := range cases {
		tp, fp, fn := eval.ShingleOverlap(w(c.gold), w(c.pred))
		if !near(tp, c.tp) || !near(fp, c.fp) || !near(fn, c.fn) {
			t.Errorf("%s: got %.3f %.3f %.3f, want %.3f %.3f %.3f", c.name, tp, fp, fn, c.tp, c.fp, c.fn)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestExtract scores a small benchmark made here: one page the engines
// read exactly, one with a gold text they cannot find.
func TestExtract(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "html")
	if err := os.Mkdir(html, 0o755); err != nil {
		t.Fatal(err)
	}
	body := "The port reopened on Thursday after a storm sank three trawlers and damaged the main pier, the authority said.\n\nRepairs will take until the summer and cost about 1.2 million pounds, officials told reporters on Friday."
	pages := map[string]struct{ html, gold string }{
		"aaa": {"<html><body><article><p>" + "The port reopened on Thursday after a storm sank three trawlers and damaged the main pier, the authority said." +
			"</p><p>Repairs will take until the summer and cost about 1.2 million pounds, officials told reporters on Friday.</p></article></body></html>", body},
		"bbb": {"<html><body><p>Nothing like the gold at all here, only a short note.</p></body></html>", "Completely different words make up this gold body text."},
	}
	truth := map[string]map[string]string{}
	for id, p := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(p.html))
		zw.Close()
		if err := os.WriteFile(filepath.Join(html, id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		truth[id] = map[string]string{"articleBody": p.gold, "url": "https://example.test/" + id}
	}
	b, _ := json.Marshal(truth)
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Extract(context.Background(), dir, eval.ExtractOptions{Engines: []clean.Engine{clean.EngineAuto, clean.EngineWhole}, Rounds: 1, Bootstrap: 10})
	if err != nil {
		t.Fatal(err)
	}
	scores := rep.Detail.([]eval.ExtractScore)
	if len(scores) != 2 || scores[0].Engine != "auto" || scores[0].Pages != 2 {
		t.Fatalf("scores = %+v", scores)
	}
	s := scores[0]
	// page aaa is exact (P = R = 1); page bbb shares nothing (P = R = 0)
	if !near(s.P, 0.5) || !near(s.R, 0.5) || !near(s.F1, 0.5) || !near(s.Accuracy, 0.5) {
		t.Errorf("auto: P %.3f R %.3f F1 %.3f acc %.3f, want 0.5 each", s.P, s.R, s.F1, s.Accuracy)
	}
	if rep.LastLine()[:len("extract F1=0.500 P=0.500 R=0.500")] != "extract F1=0.500 P=0.500 R=0.500" {
		t.Errorf("last line %q", rep.LastLine())
	}
	if _, err := eval.Extract(context.Background(), t.TempDir(), eval.ExtractOptions{}); err == nil {
		t.Error("no error for a directory without pages")
	}
}

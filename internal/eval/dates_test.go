package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/eval"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

func TestReadTimeML(t *testing.T) {
	docs, err := eval.ReadTimeMLDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d docs, want 1", len(docs))
	}
	d := docs[0]
	if d.ID != "ng_sample_1" || d.DCT != "2025-08-09" {
		t.Errorf("ID %q DCT %q", d.ID, d.DCT)
	}
	if !strings.HasPrefix(d.Text, "\nMinsk & Moscow signed the treaty in 1999.") {
		t.Errorf("text: %q", d.Text)
	}
	want := []string{"1999|DATE|1999", "Friday|DATE|2025-08-08", "an hour|DURATION|PT1H", "next week|DATE|2025-W33"}
	if len(d.Timexes) != len(want) {
		t.Fatalf("%d timexes, want %d", len(d.Timexes), len(want))
	}
	for i, tx := range d.Timexes {
		if got := tx.Text + "|" + tx.Type + "|" + tx.Value; got != want[i] {
			t.Errorf("timex %d = %s, want %s", i, got, want[i])
		}
		if d.Text[tx.Span.Start:tx.Span.End] != tx.Text {
			t.Errorf("timex %d span %v does not hold %q", i, tx.Span, tx.Text)
		}
	}
	if _, err := eval.ReadTimeML(strings.NewReader("<TimeML><TEXT>broken")); err == nil {
		t.Error("broken XML gave no error")
	}
	if _, err := eval.ReadTimeMLDir(t.TempDir()); err == nil {
		t.Error("a directory without .tml files gave no error")
	}
}

func TestScoreDates(t *testing.T) {
	gold := eval.TimeMLDoc{ID: "d", Text: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Timexes: []eval.Timex{
		{Span: article.Span{Start: 0, End: 5}, Type: "DATE", Value: "1999"},
		{Span: article.Span{Start: 10, End: 20}, Type: "DATE", Value: "2025-08-08"},
		{Span: article.Span{Start: 30, End: 35}, Type: "DURATION", Value: "P3Y"},
		{Span: article.Span{Start: 40, End: 45}, Type: "SET", Value: "P1Y"},
	}}
	sys := []article.Date{
		{Span: article.Span{Start: 0, End: 5}, Type: "DATE", Value: "1999"},            // strict, value ok
		{Span: article.Span{Start: 12, End: 20}, Type: "DATE", Value: "2025-08-08"},    // relaxed, value ok
		{Span: article.Span{Start: 14, End: 16}, Type: "DATE", Value: "2025-08-08"},    // overlaps a taken gold: spurious
		{Span: article.Span{Start: 30, End: 35}, Type: "DATE", Value: "P2Y"},           // strict, wrong value and type
		{Span: article.Span{Start: 0, End: 35}, Type: "DATE", Value: "1999", End: "x"}, // a range: not scored
	}
	r := eval.ScoreDates([]eval.TimeMLDoc{gold}, [][]article.Date{sys}, true)
	check := func(name string, s eval.Score, tp, fp, fn int) {
		t.Helper()
		if s.TP != tp || s.FP != fp || s.FN != fn {
			t.Errorf("%s: tp %d fp %d fn %d, want %d %d %d", name, s.TP, s.FP, s.FN, tp, fp, fn)
		}
	}
	check("relaxed", r.Relaxed, 3, 1, 1)
	check("strict", r.Strict, 2, 2, 2)
	check("value", r.Value, 2, 2, 2)
	check("type", r.Type, 2, 2, 2)
	if len(r.Errors) == 0 {
		t.Error("no errors listed")
	}
	rep := r.Report()
	if !strings.HasPrefix(rep.LastLine(), "dates F1=0.750 strict_F1=0.500 value_F1=0.500") {
		t.Errorf("last line %q", rep.LastLine())
	}
}

// TestDatesDevGold scores the pipeline on the TempEval-3 training data
// (../shared/corpora/timex) and holds it to the target.
func TestDatesDevGold(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	dir := filepath.Join(testutil.SharedDir(t), "corpora", "timex", "TBAQ-cleaned")
	if _, err := os.Stat(dir); err != nil {
		t.Skip(err)
	}
	docs, err := eval.ReadTimeMLDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	in := make([]article.Input, len(docs))
	for i, d := range docs {
		in[i] = article.Input{Origin: d.Path, Text: d.Text, Published: d.DCT}
	}
	sys := make([][]article.Date, len(docs))
	err = p.Run(context.Background(), ingest.Slice(in), 0, func(r pipeline.Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
		}
		sys[r.Seq] = r.Record.Dates
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := eval.ScoreDates(docs, sys, false)
	t.Log(r.Report().LastLine())
	if r.Value.F1 < 0.75 || r.Relaxed.F1 < 0.85 {
		t.Errorf("value F1 %.3f (want ≥ 0.75), relaxed F1 %.3f (want ≥ 0.85)", r.Value.F1, r.Relaxed.F1)
	}
}

package eval_test

import (
	"context"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/eval"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

func readCafe(t *testing.T) eval.BratDoc {
	t.Helper()
	docs, err := eval.ReadBratDir("testdata/polnear")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d articles, want 1 (the second annotator is skipped)", len(docs))
	}
	return docs[0]
}

// TestReadBrat checks code-point offsets (the text has é, ë and curly
// quotes before the spans), discontinuous spans, a surface text running
// over two lines, and that the first annotator in sort order is used.
func TestReadBrat(t *testing.T) {
	d := readCafe(t)
	if d.Name != "cafe-rally" || d.Annotator != "b2" {
		t.Errorf("name %q annotator %q", d.Name, d.Annotator)
	}
	if len(d.Relations) != 3 {
		t.Fatalf("got %d relations, want 3", len(d.Relations))
	}
	text := func(ss []article.Span) string {
		var out []string
		for _, s := range ss {
			out = append(out, d.Text[s.Start:s.End])
		}
		return strings.Join(out, " | ")
	}
	for i, want := range [][3]string{
		{"“We will stay open,” | “Rents are too high.”", "Zoë Brandt", "said"},
		{"the rules would change next year", "The city", "said"},
		{"Rents rose by a third", "a council report", "according to"},
	} {
		r := d.Relations[i]
		if got := [3]string{text(r.Content), text(r.Source), text(r.Cue)}; got != want {
			t.Errorf("relation %d = %q, want %q", i, got, want)
		}
	}
}

func span(text, sub string, after int) *article.Span {
	i := strings.Index(text[after:], sub) + after
	return &article.Span{Start: i, End: i + len(sub)}
}

// TestQuotesScoring scores a hand-made record: a split quote given as two
// quotes sharing a cue (one relation), an attribution, and nothing for
// the "according to" relation.
func TestQuotesScoring(t *testing.T) {
	d := readCafe(t)
	tx := d.Text
	q1 := span(tx, "We will stay open", 0)
	q2 := span(tx, "Rents are too high.", 0)
	said := span(tx, "said", 0)
	city := span(tx, "The city", 0)
	said2 := span(tx, "said", city.End)
	rec := article.Record{
		Text: tx,
		Quotes: []article.Quote{
			{Span: *q1, Text: tx[q1.Start:q1.End], Kind: article.Direct, SpeakerSpan: span(tx, "Zoë Brandt", 0), CueSpan: said},
			{Span: *q2, Text: tx[q2.Start:q2.End], Kind: article.Direct, SpeakerSpan: span(tx, "Zoë Brandt", 0), CueSpan: said},
		},
		Attributions: []article.Attribution{
			{Claim: *span(tx, "rules would change next year", 0), SourceSpan: city, CueSpan: said2},
		},
	}
	process := func(context.Context, article.Input) (article.Record, error) { return rec, nil }
	_, sc, err := eval.Quotes(context.Background(), []eval.BratDoc{d}, process)
	if err != nil {
		t.Fatal(err)
	}
	want := eval.Counts{TP: 2, FP: 0, FN: 1}
	if sc.Overlap.Counts != want {
		t.Errorf("overlap counts %+v, want %+v", sc.Overlap.Counts, want)
	}
	// "rules would change next year" misses "the": not exact.
	if want := (eval.Counts{TP: 1, FP: 1, FN: 2}); sc.Exact.Counts != want {
		t.Errorf("exact counts %+v, want %+v", sc.Exact.Counts, want)
	}
	if want := (eval.Counts{TP: 1}); sc.Direct.Counts != want {
		t.Errorf("direct counts %+v, want %+v", sc.Direct.Counts, want)
	}
	if sc.SpeakerHits != 2 || sc.SpeakerTotal != 2 {
		t.Errorf("speaker %d/%d, want 2/2", sc.SpeakerHits, sc.SpeakerTotal)
	}
}

// TestQuotesPipeline runs the real pipeline (Raw mode) on the small
// article: every relation is found with its speaker.
func TestQuotesPipeline(t *testing.T) {
	d := readCafe(t)
	p, err := pipeline.New(pipeline.Config{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, sc, err := eval.Quotes(context.Background(), []eval.BratDoc{d}, p.Process)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Overlap.F1 != 1 || sc.SpeakerAcc != 1 {
		var sb strings.Builder
		rep.Write(&sb, false)
		t.Errorf("want a perfect score on the small article:\n%s", sb.String())
	}
	if last := rep.LastLine(); !strings.HasPrefix(last, "quotes F1=1.000 P=1.000 R=1.000 direct_F1=1.000 speaker_acc=1.000") {
		t.Errorf("last line %q", last)
	}
}

// TestQuotesDev runs the evaluation on the shared PolNeAR gold when it is
// present (not in -short mode) and guards against large regressions.
func TestQuotesDev(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	shared := testutil.SharedDir(t)
	docs, err := eval.ReadBratDir(shared + "/corpora/quotes/polnear/dev")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, sc, err := eval.Quotes(context.Background(), docs, p.Process)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(rep.LastLine())
	if sc.Overlap.F1 < 0.6 || sc.Direct.F1 < 0.85 || sc.SpeakerAcc < 0.85 {
		t.Errorf("scores fell: %s", rep.LastLine())
	}
}

// TestReadBratContent2 checks that a relation whose content was annotated
// in two parts (Content and Content2 on its E line) keeps both.
func TestReadBratContent2(t *testing.T) {
	txt := "“We agree,” he said. “The talks went well.”"
	ann := "T1\tContent 1 9\tWe agree\n" +
		"T2\tSource 12 14\the\n" +
		"T3\tCue 15 19\tsaid\n" +
		"T4\tAttribution 15 19\tsaid\n" +
		"T5\tContent 22 42\tThe talks went well.\n" +
		"E1\tAttribution:T4 Cue:T3 Source:T2 Content:T1 Content2:T5\n"
	rels, err := eval.ReadBrat(txt, strings.NewReader(ann))
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 || len(rels[0].Content) != 2 {
		t.Fatalf("got %+v, want one relation with two content spans", rels)
	}
	if got := txt[rels[0].Content[1].Start:rels[0].Content[1].End]; got != "The talks went well." {
		t.Errorf("second content %q", got)
	}
}

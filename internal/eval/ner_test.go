package eval_test

import (
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/eval"
)

// Two small documents written for this test, in both tag schemes.
const iob1 = `-DOCSTART- -X- -X- O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Anna NNP I-NP I-PER
Smith NNP I-NP I-PER
John NNP I-NP B-PER
Doe NNP I-NP I-PER
in IN I-PP O
New NNP I-NP I-LOC
York NNP I-NP I-LOC
. . O O
-DOCSTART- -X- -X- O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O
`

const iob2 = `-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
met VBD B-VP O
Anna NNP B-NP B-PER
Smith NNP I-NP I-PER
John NNP I-NP B-PER
Doe NNP I-NP I-PER
in IN B-PP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
. . O O
-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O
`

func TestReadCoNLL(t *testing.T) {
	for _, tc := range []struct{ name, data, scheme string }{{"IOB1", iob1, eval.IOB1}, {"IOB2", iob2, eval.IOB2}} {
		docs, scheme, err := eval.ReadCoNLL(strings.NewReader(tc.data))
		if err != nil {
			t.Fatal(err)
		}
		if scheme != tc.scheme {
			t.Errorf("%s: scheme %s", tc.name, scheme)
		}
		if len(docs) != 2 {
			t.Fatalf("%s: %d docs", tc.name, len(docs))
		}
		d := docs[0]
		if want := "EU rejects German call .\nPeter Blackburn met Anna Smith John Doe in New York ."; d.Text != want {
			t.Errorf("%s: text %q", tc.name, d.Text)
		}
		var got []string
		for _, g := range d.Gold {
			got = append(got, g.Type+":"+d.Text[d.Tokens[g.First].Start:d.Tokens[g.Last-1].End])
		}
		if want := "ORG:EU MISC:German PER:Peter Blackburn PER:Anna Smith PER:John Doe LOC:New York"; strings.Join(got, " ") != want {
			t.Errorf("%s: gold %q", tc.name, strings.Join(got, " "))
		}
		if d.Sentences != 2 || docs[1].Sentences != 1 {
			t.Errorf("%s: sentences %d %d", tc.name, d.Sentences, docs[1].Sentences)
		}
	}
}

func TestReadCoNLLBad(t *testing.T) {
	for _, s := range []string{"word\n", "word POS chunk X-PER\n"} {
		if _, _, err := eval.ReadCoNLL(strings.NewReader(s)); err == nil {
			t.Errorf("%q: no error", s)
		}
	}
}

func TestScoreNER(t *testing.T) {
	docs, _, err := eval.ReadCoNLL(strings.NewReader(iob2))
	if err != nil {
		t.Fatal(err)
	}
	d := &docs[0]
	span := func(text string) article.Span {
		i := strings.Index(d.Text, text)
		return article.Span{Start: i, End: i + len(text)}
	}
	ents := []article.Entity{
		{Type: article.Org, Mentions: []article.Mention{{Span: span("EU")}}},
		{Type: article.NORP, Mentions: []article.Mention{{Span: span("German")}}},
		{Type: article.Person, Mentions: []article.Mention{{Span: span("Peter Blackburn")}}},
		{Type: article.Person, Mentions: []article.Mention{{Span: span("Anna Smith John Doe")}}}, // wrong boundary
		{Type: article.Org, Mentions: []article.Mention{{Span: span("New York")}}},               // wrong type
		{Type: article.Place, Mentions: []article.Mention{{Span: span("Yor")}}},                  // not on token boundaries
	}
	pred := [][]eval.NERSpan{eval.PredictedSpans(d, ents), nil}
	res := eval.ScoreNER(docs, pred)
	want := map[string]eval.Counts{
		"PER":  {TP: 1, FP: 1, FN: 2},
		"ORG":  {TP: 1, FP: 1},
		"LOC":  {FP: 1, FN: 2},
		"MISC": {TP: 1},
	}
	for typ, c := range want {
		if res.ByType[typ] != c {
			t.Errorf("%s: %+v, want %+v", typ, res.ByType[typ], c)
		}
	}
	rep := res.Report()
	// PER+ORG+LOC: TP 2, FP 3, FN 4 → P 0.4, R 0.333, F1 0.364
	if got := rep.LastLine(); got != "ner F1=0.364 P=0.400 R=0.333" {
		t.Errorf("last line %q", got)
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add(iob1)
	f.Add(iob2)
	f.Add("-DOCSTART- -X- -X- O\n\nA B C I-PER\nB B C B-PER\n\n\nC D E O\n")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		docs, _, err := eval.ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, g := range d.Gold {
				if g.First < 0 || g.Last > len(d.Tokens) || g.First >= g.Last {
					t.Fatalf("bad gold span %+v of %d tokens", g, len(d.Tokens))
				}
			}
			for _, tk := range d.Tokens {
				if tk.Start < 0 || tk.End > len(d.Text) || tk.Start >= tk.End {
					t.Fatalf("bad token %+v in %q", tk, d.Text)
				}
			}
			_ = eval.PredictedSpans(&d, nil)
		}
	})
}

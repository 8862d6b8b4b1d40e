package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"newsgraph/internal/app"
	"newsgraph/internal/testutil"
)

// TestEvalNER runs `newsgraph eval ner` on a small CoNLL file written for
// this test, in both output forms.
func TestEvalNER(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.iob2")
	data := "-DOCSTART- -X- -X- O\n\nPresident NNP B-NP O\nVladimir NNP I-NP B-PER\nPutin NNP I-NP I-PER\nvisited VBD B-VP O\nBelarus NNP B-NP B-LOC\n. . O O\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := app.Run(context.Background(), []string{"eval", "ner", path}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("eval ner: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "ner F1=1.000 P=1.000 R=1.000" {
		t.Errorf("last line %q\n%s", last, out.String())
	}
	out.Reset()
	if err := app.Run(context.Background(), []string{"eval", "ner", "--json", path}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Task    string `json:"task"`
		Summary []struct {
			Key   string  `json:"key"`
			Value float64 `json:"value"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Task != "ner" || len(rep.Summary) != 3 {
		t.Errorf("json: %v %+v\n%s", err, rep, out.String())
	}
}

// TestEvalNERDev scores the CoNLL-2003 development set and guards against
// regressions; the README gives the measured figures.
func TestEvalNERDev(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide evaluation")
	}
	shared := testutil.SharedDir(t)
	for _, f := range []string{"eng.testa", "valid.iob2.txt"} {
		var out, errb bytes.Buffer
		path := filepath.Join(shared, "corpora", "conll2003", f)
		if err := app.Run(context.Background(), []string{"eval", "ner", path}, strings.NewReader(""), &out, &errb); err != nil {
			t.Fatalf("%s: %v\n%s", f, err, errb.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		last := lines[len(lines)-1]
		f1, err := strconv.ParseFloat(strings.TrimPrefix(strings.Fields(last)[1], "F1="), 64)
		if err != nil {
			t.Fatalf("%s: last line %q", f, last)
		}
		t.Logf("%s: %s", f, last)
		if f1 < 0.80 {
			t.Errorf("%s: F1 %.3f fell below 0.80\n%s", f, f1, out.String())
		}
	}
}

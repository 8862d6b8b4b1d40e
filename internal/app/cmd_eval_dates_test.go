package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"newsgraph/internal/app"
)

func TestEvalDates(t *testing.T) {
	var out, errb bytes.Buffer
	err := app.Run(context.Background(), []string{"eval", "dates", "../eval/testdata"}, strings.NewReader(""), &out, &errb)
	if err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "dates F1=") || !strings.Contains(last, " strict_F1=") || !strings.Contains(last, " value_F1=") {
		t.Errorf("last line %q", last)
	}
	if !strings.Contains(out.String(), "relaxed") || !strings.Contains(out.String(), "DURATION") {
		t.Errorf("no table:\n%s", out.String())
	}

	out.Reset()
	if err := app.Run(context.Background(), []string{"eval", "dates", "--json", "../eval/testdata"}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Task    string `json:"task"`
		Summary []struct {
			Key   string  `json:"key"`
			Value float64 `json:"value"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json: %v\n%s", err, out.String())
	}
	if rep.Task != "dates" || len(rep.Summary) < 3 || rep.Summary[2].Key != "value_F1" {
		t.Errorf("json report %+v", rep)
	}

	if err := app.Run(context.Background(), []string{"eval", "dates", t.TempDir()}, strings.NewReader(""), &out, &errb); err == nil {
		t.Error("an empty directory gave no error")
	}
}

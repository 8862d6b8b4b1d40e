package event_test

import (
	"newsgraph/internal/pipeline/pipelinetest"
	"strings"
	"testing"
)

// TestSampleArticle runs the whole pipeline on the sample article and
// checks the events a user expects from it (issue 5), and that the purpose
// of the call ("to thank him") is not a second praise.
func TestSampleArticle(t *testing.T) {
	rec := pipelinetest.Sample(t)
	has := func(src, tgt, code, verb string) bool {
		for _, e := range rec.Events {
			if e.Source == src && e.Target == tgt && strings.HasPrefix(e.Code, code) && strings.Contains(e.Verb, verb) {
				return true
			}
		}
		return false
	}
	for _, w := range []struct{ src, tgt, code, verb, what string }{
		{"USAGOV", "BLRGOV", "051", "praised", "Trump praises Lukashenko"},
		{"USAGOV", "BLRGOV", "04", "spoke", "Trump consults Lukashenko"},
		{"BLRGOV", "", "0841", "release", "Belarus releases prisoners"},
		{"USAGOV", "BLRGOV", "046", "discussing", "the US and Belarus negotiate the release"},
		{"BLRGOV", "RUSGOV", "06", "permitted", "Lukashenko permits Russian forces"},
		{"RUS", "UKR", "19", "launched", "Russia fires missiles at Ukraine"},
		{"BLR", "RUS", "057", "signed", "Belarus and Russia sign agreements"},
		{"RUS", "BLR", "057", "signed", "Belarus and Russia sign agreements"},
	} {
		if !has(w.src, w.tgt, w.code, w.verb) {
			t.Errorf("missing: %s (%s -> %s %s %q)", w.what, w.src, w.tgt, w.code, w.verb)
		}
	}
	for _, e := range rec.Events {
		if e.Root == "05" && e.Code != "057" && e.Verb != "praised" {
			t.Errorf("unexpected second praise: %+v", e)
		}
		if e.Code == "0841" && strings.Contains(e.Verb, "discuss") || e.Root == "08" && e.Sentence == 7 {
			t.Errorf("a negotiation coded as a release: %+v", e)
		}
	}
}

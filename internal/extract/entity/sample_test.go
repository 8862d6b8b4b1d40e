package entity_test

import (
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/pipeline/pipelinetest"
)

// TestSampleArticle runs the whole pipeline on the sample article of
// ../shared and checks the entities DESIGN.md says a user expects: the
// three presidents with their roles and countries, the places with their
// codes and coordinates, the organisations (TIME named only in the
// embedded post, the Ministry of Foreign Affairs also as the post's
// author), and no entity for Zelenskyy, named only in a related-article
// line.
func TestSampleArticle(t *testing.T) {
	rec := pipelinetest.Sample(t)
	byID := map[string]*article.Entity{}
	for i := range rec.Entities {
		byID[rec.Entities[i].ID] = &rec.Entities[i]
	}
	for _, w := range []struct{ id, typ, role, country, actor string }{
		{"person:donald-trump", article.Person, "President", "USA", "USAGOV"},
		{"person:alexander-lukashenko", article.Person, "President", "BLR", "BLRGOV"},
		{"person:vladimir-putin", article.Person, "President", "RUS", "RUSGOV"},
		{"place:belarus", article.Place, "", "BLR", "BLR"},
		{"place:russia", article.Place, "", "RUS", "RUS"},
		{"place:ukraine", article.Place, "", "UKR", "UKR"},
		{"place:alaska", article.Place, "", "USA", ""},
		{"place:latvia", article.Place, "", "LVA", "LVA"},
		{"place:lithuania", article.Place, "", "LTU", "LTU"},
		{"place:poland", article.Place, "", "POL", "POL"},
		{"org:truth-social", article.Org, "", "USA", ""},
		{"org:the-guardian", article.Org, "", "GBR", ""},
		{"org:time", article.Org, "", "USA", ""},
		{"org:north-atlantic-treaty-organization", article.Org, "", "", ""},
		{"org:council-on-foreign-relations", article.Org, "", "USA", ""},
		{"org:belarusian-foreign-ministry", article.Org, "", "BLR", "BLRGOV"},
	} {
		e := byID[w.id]
		if e == nil {
			t.Errorf("missing entity %s", w.id)
			continue
		}
		if e.Type != w.typ || w.role != "" && e.Role != w.role || e.Country != w.country || w.actor != "" && e.Actor != w.actor {
			t.Errorf("%s: got %s role=%q country=%q actor=%q, want %s role=%q country=%q actor=%q",
				w.id, e.Type, e.Role, e.Country, e.Actor, w.typ, w.role, w.country, w.actor)
		}
		if e.Type == article.Place && e.Lat == 0 && e.Lon == 0 {
			t.Errorf("%s: no coordinates", w.id)
		}
	}
	for id := range byID {
		if id == "person:volodymyr-zelenskyy" {
			t.Errorf("Zelenskyy is named only in a related-article line, not in the article")
		}
	}
	// TIME is named in the @BelarusMFA post only; the ministry is its
	// author.
	if e := byID["org:time"]; e != nil && (len(e.Mentions) != 1 || e.Mentions[0].Embed != 1) {
		t.Errorf("TIME: want one mention in embed 1, got %+v", e.Mentions)
	}
	if e := byID["org:belarusian-foreign-ministry"]; e != nil && !hasMention(e, "author", 1) {
		t.Errorf("the ministry is not the post's author: %+v", e.Mentions)
	}
	// "according to the report" stands for the CFR report.
	if e := byID["org:council-on-foreign-relations"]; e != nil && !hasMention(e, "description", 0) {
		t.Errorf("CFR: no mention for \"the report\": %+v", e.Mentions)
	}
}

func hasMention(e *article.Entity, kind string, embed int) bool {
	for _, m := range e.Mentions {
		if m.Kind == kind && m.Embed == embed {
			return true
		}
	}
	return false
}

package event_test

import (
	"context"
	"testing"
)

func TestDebug2(t *testing.T) {
	c := newCoder(t)
	for _, s := range []string{"Japan and France agreed to share intelligence.", "Ukraine cut ties with Iran."} {
		doc := buildDoc(t, s, "Japan: place/country JPN\nFrance: place/country FRA\nUkraine: place/country UKR\nIran: place/country IRN", "", "")
		c.Process(context.Background(), doc)
		t.Log(render(doc))
		t.Log(c.DebugGroups(doc, 0))
	}
}

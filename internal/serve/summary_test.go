package serve_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"newsgraph/internal/serve"
	"newsgraph/internal/testutil"
)

// sqlOnly hides the store's Summarizer methods, so that a server over it
// answers every aggregate with SQL.
type sqlOnly struct{ serve.Store }

// TestSummaryMatchesSQL: the in-memory summary gives the same answers as
// the store's queries.
func TestSummaryMatchesSQL(t *testing.T) {
	server(t)
	plain, err := serve.New(serve.Options{Store: sqlOnly{fixture.db}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if err := plain.WaitReady(context.Background()); err != nil {
		t.Fatal(err)
	}
	paths := []string{
		"/api/overview", "/api/overview?from=2025-08-10&to=2025-08-20", "/api/overview?to=2025-08",
		"/api/actors?type=PERSON", "/api/actors?type=PLACE&from=2025-09", "/api/actors?limit=50",
		"/api/map", "/api/map?quad=4", "/api/map?root=04&from=2025-08-15", "/api/map?country=RUS",
		"/api/events/timeline", "/api/events/timeline?width=10&quad=1", "/api/events/timeline?country=UKR&width=4",
		"/api/search?country=PHL", "/api/search?root=19&outlet=Northern+Courier", "/api/search?from=2025-08-10&to=2025-08-12",
		"/api/search?q=talks&country=RUS", "/api/search?actor=place:russia", "/api/search?q=said&root=04&per_page=5&page=2",
		"/api/search?to=2025-08&per_page=3&page=3", "/api/search?outlet=Nobody", "/api/search?q=minister&from=2025-09",
		"/api/events", "/api/events?per_page=5&page=3", "/api/events?quad=1&per_page=4&page=2", "/api/events?root=04&country=UKR",
		"/api/events?actor=place:russia&per_page=2&page=2", "/api/events?from=2025-08-15&to=2025-08-20&per_page=3&page=4",
		"/api/events?actor=person:oksana-hrytsenko", "/api/events?per_page=100&page=3", "/api/events?to=2025-08&per_page=7&page=5",
		"/api/events/timeline?actor=place:russia&width=10", "/api/events?actor=place:russia&quad=1", "/api/events/timeline?actor=place:ukraine&quad=2",
		"/api/actors/place:russia", "/api/actors/person:oksana-hrytsenko", "/api/actors/place:estonia", "/api/actors/place:latvia", "/api/actors/place:ukraine", "/api/actors/org:european-union",
	}
	for _, p := range paths {
		_, want := doWith(t, plain, p)
		_, got := get(t, p)
		if got != want {
			t.Errorf("%s: the summary's answer differs from SQL's:\n%s", p, testutil.Diff(want, got))
		}
	}
}

func doWith(t *testing.T, h *serve.Server, path string) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Code, rec.Body.String()
}

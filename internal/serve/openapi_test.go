package serve_test

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"newsgraph/internal/testutil"
)

// TestOpenAPIGolden compares /api/openapi.json with
// testdata/openapi.json; go test -update rewrites it. A difference means
// the API changed: check it is meant, then update.
func TestOpenAPIGolden(t *testing.T) {
	res, body := get(t, "/api/openapi.json")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	const golden = "testdata/openapi.json"
	if *testutil.Update {
		if err := os.WriteFile(golden, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if body != string(want) {
		t.Errorf("openapi.json differs from %s (go test -update to accept):\n%s", golden, testutil.Diff(string(want), body))
	}
}

// TestOpenAPIComplete checks that every API route is described with its
// parameters, and that every schema reference resolves.
func TestOpenAPIComplete(t *testing.T) {
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	getJSON(t, "/api/openapi.json", http.StatusOK, &doc)
	for _, p := range []string{"/api/overview", "/api/search", "/api/quotes", "/api/articles/{id}", "/api/actors", "/api/actors/{id}",
		"/api/events", "/api/events/timeline", "/api/events/export", "/api/map", "/api/openapi.json"} {
		if doc.Paths[p]["get"] == nil {
			t.Errorf("no GET %s", p)
		}
	}
	_, body := get(t, "/api/openapi.json")
	for _, part := range strings.Split(body, `"$ref": "#/components/schemas/`)[1:] {
		name := part[:strings.IndexByte(part, '"')]
		if doc.Components.Schemas[name] == nil {
			t.Errorf("unresolved $ref %s", name)
		}
	}
	for _, name := range []string{"Record", "Entity", "Quote", "Event", "EventRow", "SearchResult", "ActorResult"} {
		if doc.Components.Schemas[name] == nil {
			t.Errorf("no schema %s", name)
		}
	}
}

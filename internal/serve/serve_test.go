package serve_test

import (
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"newsgraph/internal/serve"
	"newsgraph/internal/store"
)

// articleID finds the id of the article whose title has words.
func articleID(t *testing.T, words string) string {
	t.Helper()
	var res serve.SearchResult
	getJSON(t, "/api/search?q="+url.QueryEscape(words), http.StatusOK, &res)
	if len(res.Items) == 0 {
		t.Fatalf("no article for %q", words)
	}
	return res.Items[0].ID
}

func TestOverview(t *testing.T) {
	res, body := get(t, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "overview", body,
		"<h1>Overview</h1>", "distinct stories", "Events over time by quad class",
		"Who said what", "Latest articles", "Small island states demand climate fund payouts at UN meeting",
		`<svg class="chart timeline"`, `<svg class="chart bars"`, `href="/actors/`)
	var o serve.Overview
	getJSON(t, "/api/overview", http.StatusOK, &o)
	if o.Stats.Articles != 32 || o.Stats.Stories != 31 {
		t.Errorf("articles %d, stories %d; want 32 and 31 (one near-copy)", o.Stats.Articles, o.Stats.Stories)
	}
	if len(o.TopPeople) == 0 || len(o.TopCountries) == 0 || len(o.Timeline) == 0 || len(o.Latest) != 10 || len(o.Quotes) == 0 {
		t.Errorf("overview lacks data: %d people, %d countries, %d buckets, %d latest, %d quotes",
			len(o.TopPeople), len(o.TopCountries), len(o.Timeline), len(o.Latest), len(o.Quotes))
	}
	// A period narrows it.
	getJSON(t, "/api/overview?from=2025-09-01&to=2025-09-30", http.StatusOK, &o)
	for _, a := range o.Latest {
		if a.Published < "2025-09-01" {
			t.Errorf("latest article %s published %s, before the period", a.ID, a.Published)
		}
	}
}

func TestSearch(t *testing.T) {
	_, body := get(t, "/search?q=prisoners")
	mustContain(t, "search page", body, "Russia and Ukraine swap 150 prisoners", "<mark>prisoners</mark>", "Quotes with these words")
	var res serve.SearchResult
	getJSON(t, "/api/search?q=grain", http.StatusOK, &res)
	if len(res.Items) == 0 || !strings.Contains(res.Items[0].Title, "grain") {
		t.Fatalf("grain: %+v", res.Items)
	}
	h := res.Items[0]
	for _, m := range h.Marks {
		if got := strings.ToLower(h.Snippet[m[0]:m[1]]); got != "grain" {
			t.Errorf("mark %v covers %q", m, got)
		}
	}
	// Quotes are searched too.
	getJSON(t, "/api/search?q=justice", http.StatusOK, &res)
	if len(res.Quotes) == 0 || !strings.Contains(res.Quotes[0].Quote.Text, "justice") {
		t.Errorf("justice: no quote found: %+v", res.Quotes)
	}
	// Filters: a country, an event root, an outlet, dates.
	getJSON(t, "/api/search?country=PHL", http.StatusOK, &res)
	if len(res.Items) != 1 || !strings.Contains(res.Items[0].Title, "Philippines") {
		t.Errorf("country=PHL: %v", titles(res.Items))
	}
	getJSON(t, "/api/search?root=19&outlet=Northern+Courier", http.StatusOK, &res)
	for _, it := range res.Items {
		if it.Outlet != "Northern Courier" {
			t.Errorf("outlet filter: %s from %s", it.Title, it.Outlet)
		}
	}
	getJSON(t, "/api/search?from=2025-08-10&to=2025-08-12", http.StatusOK, &res)
	if len(res.Items) != 3 {
		t.Errorf("10–12 August: %d articles, want 3: %v", len(res.Items), titles(res.Items))
	}
	// Pagination: pages do not overlap and next points at the next one.
	var p1, p2 serve.SearchResult
	getJSON(t, "/api/search?per_page=4", http.StatusOK, &p1)
	if len(p1.Items) != 4 || p1.Next == "" {
		t.Fatalf("page 1: %d items, next %q", len(p1.Items), p1.Next)
	}
	getJSON(t, p1.Next, http.StatusOK, &p2)
	if p2.Page != 2 || len(p2.Items) != 4 || p2.Items[0].ID == p1.Items[0].ID {
		t.Errorf("page 2: %+v", titles(p2.Items))
	}
	// Broken query syntax is the user's error, not the server's.
	for _, q := range []string{`"unclosed`, "(a", "a OR", "NEAR(", "*", `"`} {
		res, body := get(t, "/api/search?q="+url.QueryEscape(q))
		if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusBadRequest {
			t.Errorf("q=%s: status %d: %s", q, res.StatusCode, body)
		}
	}
}

func titles(hits []serve.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}

func TestArticle(t *testing.T) {
	id := articleID(t, `"prisoners of war" Hrytsenko`)
	res, body := get(t, "/articles/"+id)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "article", body,
		"<h1>Russia and Ukraine swap 150 prisoners each in exchange brokered by the UAE</h1>",
		// Who said what, with the speaker linked and the quote linked to its place.
		"Who said what", `<a href="/actors/person:oksana-hrytsenko">Oksana Hrytsenko</a>`, `href="#q`,
		// The text: entities linked and coloured, quotes, amounts, event verbs, sentence anchors.
		`class="ent place" href="/actors/place:ukraine"`, `class="quote direct"`, `class="speaker"`,
		`class="amount"`, `class="date"`, `class="verb quad`, `id="s0"`,
		// Events link to their sentences.
		`<li class="ev"><a href="#s0" title=`, "Material cooperation",
		// The story's near-copy.
		"Same story elsewhere", "Regional Times")
	var ar serve.ArticleResult
	getJSON(t, "/api/articles/"+id, http.StatusOK, &ar)
	if ar.Record.ID != id || len(ar.Record.Quotes) == 0 || len(ar.Record.Events) == 0 || len(ar.Story.Articles) != 1 {
		t.Errorf("api article: id %s, %d quotes, %d events, %d story articles", ar.Record.ID, len(ar.Record.Quotes), len(ar.Record.Events), len(ar.Story.Articles))
	}
	// Boilerplate and embeds are shown apart.
	_, body = get(t, "/articles/"+articleID(t, "Klaipėda grain corridor"))
	mustContain(t, "grain article", body, "Kept apart from the text", "related · removed", "Read the full article here")
	_, body = get(t, "/articles/"+articleID(t, "Elering cable"))
	mustContain(t, "cable article", body, `class="embed"`, "@FinCoastGuard", "2025-08-12")
}

// TestArticleText checks that highlighting never changes the text: the
// page's article body, stripped of tags, is the record's text.
func TestArticleText(t *testing.T) {
	tag := regexp.MustCompile(`<[^>]*>`)
	var res serve.SearchResult
	getJSON(t, "/api/search?per_page=100", http.StatusOK, &res)
	for _, h := range res.Items {
		var ar serve.ArticleResult
		getJSON(t, "/api/articles/"+h.ID, http.StatusOK, &ar)
		_, body := get(t, "/articles/"+h.ID)
		i := strings.Index(body, `<div class="card text">`)
		j := strings.Index(body[i:], "</div>")
		if i < 0 || j < 0 {
			t.Fatalf("%s: no text", h.ID)
		}
		got := htmlUnescape(tag.ReplaceAllString(body[i+len(`<div class="card text">`):i+j], ""))
		if strip(got) != strip(ar.Record.Text) {
			t.Errorf("%s: the page's text differs from the record's:\n%s\n%s", h.ID, strip(got), strip(ar.Record.Text))
		}
	}
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }

func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`, "&amp;", "&").Replace(s)
}

func TestActor(t *testing.T) {
	res, body := get(t, "/actors/person:oksana-hrytsenko")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	mustContain(t, "actor", body, "<h1>Oksana Hrytsenko</h1>", "What Oksana Hrytsenko said", "Every one of them is home",
		"Mentioned with", `<svg class="chart network"`, "Events as source", "Pairs")
	_, body = get(t, "/actors/place:russia")
	mustContain(t, "Russia", body, "<h1>Russia</h1>", "Actor code", "RUS", "Russia → ", `<svg class="chart spark"`)
	var a serve.ActorResult
	getJSON(t, "/api/actors/place:russia", http.StatusOK, &a)
	if a.Entity.Country != "RUS" || a.Entity.Articles < 3 || len(a.Partners) == 0 || len(a.Related) == 0 || len(a.Timeline) == 0 {
		t.Errorf("russia: %+v", a.Entity)
	}
	var top []store.ActorCount
	getJSON(t, "/api/actors?type=PERSON&limit=5", http.StatusOK, &top)
	if len(top) != 5 || top[0].Type != "PERSON" {
		t.Errorf("top people: %+v", top)
	}
	res, _ = get(t, "/actors/person:nobody-at-all")
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown actor: status %d", res.StatusCode)
	}
}

func TestEvents(t *testing.T) {
	_, body := get(t, "/events?quad=4")
	mustContain(t, "events", body, "Material conflict", `<svg class="chart timeline"`, "Download this filter",
		"/api/events/export?quad=4", "format=gdelt")
	mustNotContain(t, "events", body, `<span class="badge quad1">`)
	var el serve.EventList
	getJSON(t, "/api/events?root=19", http.StatusOK, &el)
	if len(el.Items) == 0 {
		t.Fatal("no events of root 19")
	}
	for _, e := range el.Items {
		if e.Event.Root != "19" || e.SentenceText == "" {
			t.Errorf("root 19: got %+v", e.Event)
		}
	}
	getJSON(t, "/api/events?actor=RUS&gmax=-5", http.StatusOK, &el)
	for _, e := range el.Items {
		if e.Event.Goldstein > -5 || e.Event.Source != "RUS" && e.Event.Target != "RUS" {
			t.Errorf("actor=RUS gmax=-5: %+v", e.Event)
		}
	}
	var bs []store.Bucket
	getJSON(t, "/api/events/timeline?width=10&from=2025-08", http.StatusOK, &bs)
	if len(bs) == 0 || len(bs[0].Key) != 10 || bs[0].Key < "2025-08-01" {
		t.Errorf("timeline: %+v", bs)
	}
}

func TestExport(t *testing.T) {
	res, body := get(t, "/api/events/export?quad=4")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	if rows[0][0] != "article" || rows[1][10] != "4" {
		t.Errorf("csv: header %v, first row %v", rows[0], rows[1])
	}
	res, body = get(t, "/api/events/export?quad=4&format=gdelt")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("gdelt: %d", res.StatusCode)
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if len(lines) == 0 || len(lines) > len(rows)-1 {
		t.Errorf("gdelt: %d rows for %d events", len(lines), len(rows)-1)
	}
	for _, l := range lines {
		if cols := strings.Split(l, "\t"); len(cols) != 61 || cols[29] != "4" {
			t.Errorf("gdelt row: %d columns, quad %q", len(cols), cols[29])
		}
	}
}

func TestMap(t *testing.T) {
	_, body := get(t, "/map")
	mustContain(t, "map", body, `<svg class="chart map"`, `<path class="s5"`, `class="pt-event"`, `class="pt-place"`, "Events by country")
	var m serve.MapResult
	getJSON(t, "/api/map?quad=4", http.StatusOK, &m)
	if len(m.Countries) == 0 || len(m.Places) == 0 {
		t.Errorf("map: %d countries, %d places", len(m.Countries), len(m.Places))
	}
}

func TestQuotes(t *testing.T) {
	var ql serve.QuoteList
	getJSON(t, "/api/quotes?speaker=person:oksana-hrytsenko", http.StatusOK, &ql)
	if len(ql.Items) == 0 || ql.Items[0].SpeakerEntity != "Oksana Hrytsenko" {
		t.Errorf("quotes: %+v", ql.Items)
	}
	getJSON(t, "/api/quotes?q=friendship", http.StatusOK, &ql)
	if len(ql.Items) != 1 {
		t.Errorf("friendship: %d quotes", len(ql.Items))
	}
}

// TestHostile: text planted in an article is shown as text, never run.
func TestHostile(t *testing.T) {
	id := articleID(t, "Solberg")
	for _, path := range []string{"/articles/" + id, "/search?q=planted", "/search?q=Solberg", "/actors/person:ingrid-solberg", "/", "/events?actor=NOR*"} {
		res, body := get(t, path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		mustNotContain(t, path, body, "<script", "<img src=x", "<iframe", `href="javascript:`, "onerror=\"window")
	}
	_, body := get(t, "/articles/"+id)
	mustContain(t, "hostile article", body, "&lt;script&gt;window", "&lt;/script&gt;", "&lt;img src=x onerror=")
	// The API escapes markup too, so a careless client cannot inject it.
	_, body = get(t, "/api/articles/"+id)
	mustNotContain(t, "api", body, "<script")
}

func TestErrors(t *testing.T) {
	cases := []struct {
		method, path string
		want         int
	}{
		{"GET", "/api/events?from=yesterday", 400},
		{"GET", "/api/events?quad=7", 400},
		{"GET", "/api/events?page=0", 400},
		{"GET", "/api/events?per_page=1000", 400},
		{"GET", "/api/events?gmin=abc", 400},
		{"GET", "/api/events?page=999", 400},
		{"GET", "/api/articles/nope", 404},
		{"GET", "/articles/nope", 404},
		{"GET", "/nowhere", 404},
		{"GET", "/api/nowhere", 404},
		{"POST", "/api/events", 405},
		{"DELETE", "/articles/x", 405},
		{"GET", "/search?q=" + strings.Repeat("a", 5000), 414},
	}
	for _, c := range cases {
		res, body := do(t, httptest.NewRequest(c.method, c.path, nil))
		if res.StatusCode != c.want {
			t.Errorf("%s %.60s: status %d, want %d", c.method, c.path, res.StatusCode, c.want)
		}
		if strings.HasPrefix(c.path, "/api/") && c.want != 405 {
			if !strings.Contains(body, `"error"`) || !strings.Contains(body, `"status"`) {
				t.Errorf("%s: error body %s", c.path, body)
			}
		}
	}
	req := httptest.NewRequest("GET", "/", strings.NewReader("x=1"))
	if res, _ := do(t, req); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("body on GET: status %d", res.StatusCode)
	}
}

func TestHeaders(t *testing.T) {
	for _, path := range []string{"/", "/api/overview", "/static/style.css", "/nowhere"} {
		res, _ := get(t, path)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'none'") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, res.Header)
		}
	}
	res, body := get(t, "/static/style.css")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(body, ".text .quote") {
		t.Errorf("style.css: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	// No page carries inline script or style.
	_, body = get(t, "/articles/"+articleID(t, "grain"))
	mustNotContain(t, "article", body, "<script", "style=", "<style")
}

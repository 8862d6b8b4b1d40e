package serve

import (
	"io/fs"
	"net/http"
	"strings"

	"newsgraph/internal/store"
)

// route is one bookmarkable address. API routes also carry what the
// OpenAPI document says of them.
type route struct {
	pattern string
	handle  func(http.ResponseWriter, *http.Request) error
	// API documentation.
	summary  string
	params   []string // query parameters, described in paramDocs
	response any      // a value of the JSON response's type
	media    []string // other media types answered (export formats)
}

// routes lists every route, the pages first.
func (s *Server) routeTable() []route {
	return []route{
		{pattern: "GET /{$}", handle: s.pageOverview},
		{pattern: "GET /search", handle: s.pageSearch},
		{pattern: "GET /articles/{id}", handle: s.pageArticle},
		{pattern: "GET /actors/{id}", handle: s.pageActor},
		{pattern: "GET /events", handle: s.pageEvents},
		{pattern: "GET /map", handle: s.pageMap},

		{pattern: "GET /api/overview", handle: s.apiOverview, response: Overview{},
			summary: "Counts, top people, organisations and countries, events over time by quad class, latest articles",
			params:  []string{"from", "to"}},
		{pattern: "GET /api/search", handle: s.apiSearch, response: SearchResult{},
			summary: "Full-text search over articles (newest first without q), with snippets, and the first quotes matching q",
			params:  []string{"q", "from", "to", "outlet", "actor", "country", "root", "dups", "page", "per_page"}},
		{pattern: "GET /api/quotes", handle: s.apiQuotes, response: QuoteList{},
			summary: "Quotes, newest first, by words and speaker",
			params:  []string{"q", "speaker", "from", "to", "dups", "page", "per_page"}},
		{pattern: "GET /api/articles/{id}", handle: s.apiArticle, response: ArticleResult{},
			summary: "An article's record (text and every annotation with its span) and its story"},
		{pattern: "GET /api/actors", handle: s.apiActors, response: []store.ActorCount{},
			summary: "The entities mentioned in the most articles",
			params:  []string{"type", "from", "to", "limit"}},
		{pattern: "GET /api/actors/{id}", handle: s.apiActor, response: ActorResult{},
			summary: "An entity: role, country, aliases, events over time, partners, co-mentions and latest quotes"},
		{pattern: "GET /api/events", handle: s.apiEvents, response: EventList{},
			summary: "Events, newest first, filtered",
			params:  eventParams(true)},
		{pattern: "GET /api/events/timeline", handle: s.apiTimeline, response: []store.Bucket{},
			summary: "Counts of the filtered events by period and quad class",
			params:  append(eventParams(false), "width")},
		{pattern: "GET /api/events/export", handle: s.apiExport, media: []string{"text/csv", "text/tab-separated-values"},
			summary: "The filtered events as CSV (one row per event with its sentence) or GDELT 2.0 Events TSV",
			params:  append(eventParams(false), "format", "limit")},
		{pattern: "GET /api/map", handle: s.apiMap, response: MapResult{},
			summary: "Events by country, the places mentioned most, and where the filtered events happened",
			params:  eventParams(false)},
		{pattern: "GET /api/openapi.json", handle: s.apiOpenAPI,
			summary: "This document"},
	}
}

// eventParams are the events explorer's filters.
func eventParams(paged bool) []string {
	p := []string{"actor", "source", "target", "code", "root", "quad", "plover", "country", "place", "gmin", "gmax", "from", "to", "dups"}
	if paged {
		p = append(p, "page", "per_page")
	}
	return p
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routeTable() {
		h := rt.handle
		mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(w, r); err != nil {
				code, msg := status(err)
				if code >= 500 && code != http.StatusServiceUnavailable {
					s.log.Error("request", "path", r.URL.Path, "err", err)
				}
				s.fail(w, r, code, msg)
			}
		})
	}
	static, _ := fs.Sub(s.assets, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			s.fail(w, r, http.StatusNotFound, "not found")
			return
		}
		if !s.dev {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			s.fail(w, r, http.StatusMethodNotAllowed, "this server only reads: use GET")
			return
		}
		s.fail(w, r, http.StatusNotFound, "no page at "+r.URL.Path)
	})
	return mux
}

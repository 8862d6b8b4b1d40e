package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"newsgraph/internal/store"
)

// Pagination: pages are numbered from 1; per_page is at most maxPerPage,
// and no page may start past maxOffset (deep pages of a large store are
// better reached with narrower filters).
const (
	defaultPerPage = 20
	maxPerPage     = 100
	maxOffset      = 10000
)

// httpError is an error with the status it answers with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &httpError{http.StatusNotFound, fmt.Sprintf(format, args...)}
}

// status maps an error to its HTTP status and the message a user sees.
func status(err error) (int, string) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the query took too long; narrow the filters"
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	case isQuerySyntax(err):
		return http.StatusBadRequest, "the search words could not be read: remove unmatched quotes or brackets"
	}
	return http.StatusInternalServerError, "internal error"
}

// isQuerySyntax reports whether SQLite rejected the words of a full-text
// query (FTS5 syntax the user typed), which is the user's error.
func isQuerySyntax(err error) bool {
	m := err.Error()
	for _, s := range []string{"fts5:", "unterminated string", "no such column", "unknown special query", "syntax error"} {
		if strings.Contains(m, s) {
			return true
		}
	}
	return false
}

// APIError is the body of every API error.
type APIError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// fail answers with an error: JSON under /api/, an HTML page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if code >= 500 && code != http.StatusServiceUnavailable {
		s.log.Error("request failed", "path", r.URL.Path, "status", code)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		var e APIError
		e.Error.Status, e.Error.Message = code, msg
		writeJSON(w, code, e)
		return
	}
	s.render(w, r, code, "error", map[string]any{"Status": code, "StatusText": http.StatusText(code), "Message": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

// params reads and checks query parameters, keeping the first error.
type params struct {
	q   url.Values
	err error
}

func newParams(r *http.Request) *params { return &params{q: r.URL.Query()} }

func (p *params) str(name string, maxLen int) string {
	v := strings.TrimSpace(p.q.Get(name))
	if len(v) > maxLen {
		p.fail(badRequest("%s: at most %d characters", name, maxLen))
		return ""
	}
	return v
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// day reads a date bound: YYYY, YYYY-MM or YYYY-MM-DD.
func (p *params) day(name string) string {
	v := p.str(name, 10)
	if v == "" {
		return ""
	}
	ok := len(v) == 4 || len(v) == 7 && v[4] == '-' || len(v) == 10 && v[4] == '-' && v[7] == '-'
	for i := 0; ok && i < len(v); i++ {
		if i != 4 && i != 7 && (v[i] < '0' || v[i] > '9') {
			ok = false
		}
	}
	if !ok {
		p.fail(badRequest("%s: want a date as YYYY, YYYY-MM or YYYY-MM-DD, got %q", name, v))
		return ""
	}
	return v
}

func (p *params) period() store.Period {
	return store.Period{Since: p.day("from"), Until: p.day("to")}
}

func (p *params) integer(name string, def, lo, hi int) int {
	v := p.str(name, 12)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail(badRequest("%s: want a whole number from %d to %d, got %q", name, lo, hi, v))
		return def
	}
	return n
}

func (p *params) float(name string) *float64 {
	v := p.str(name, 12)
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < -10 || f > 10 {
		p.fail(badRequest("%s: want a Goldstein value from -10 to 10, got %q", name, v))
		return nil
	}
	return &f
}

func (p *params) boolean(name string) bool {
	switch p.str(name, 5) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// code reads an upper-case code of letters and digits (CAMEO code, actor
// code, ISO country); a trailing * is kept for actor prefixes.
func (p *params) code(name string, maxLen int) string {
	v := strings.ToUpper(p.str(name, maxLen))
	for i, c := range v {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '*' && i == len(v)-1) {
			p.fail(badRequest("%s: want letters and digits, got %q", name, v))
			return ""
		}
	}
	return v
}

// actor reads an entity id ("person:…") or an actor code ("USAGOV",
// "USA*").
func (p *params) actor(name string) string {
	v := p.str(name, 200)
	if v == "" || strings.Contains(v, ":") {
		return v
	}
	return p.code(name, 40)
}

func (p *params) page() store.Page {
	n := p.integer("page", 1, 1, maxOffset)
	per := p.integer("per_page", defaultPerPage, 1, maxPerPage)
	if (n-1)*per > maxOffset {
		p.fail(badRequest("page: at most %d results can be paged through; narrow the filters", maxOffset))
		return store.Page{Limit: per}
	}
	return store.Page{Offset: (n - 1) * per, Limit: per}
}

// eventQuery reads the events explorer's filters.
func (p *params) eventQuery() store.EventQuery {
	var q store.EventQuery
	q.Actor = p.actor("actor")
	q.Source = p.actor("source")
	q.Target = p.actor("target")
	q.Code = p.code("code", 4)
	q.Root = p.code("root", 2)
	q.Quad = p.integer("quad", 0, 0, 4)
	q.Plover = p.code("plover", 20)
	q.Country = p.code("country", 3)
	q.Location = p.str("place", 200)
	q.MinGoldstein = p.float("gmin")
	q.MaxGoldstein = p.float("gmax")
	q.Period = p.period()
	q.Duplicates = p.boolean("dups")
	return q
}

// searchFilter reads the search page's filters.
func (p *params) searchFilter() store.SearchFilter {
	return store.SearchFilter{
		Text:       p.str("q", 500),
		Outlet:     p.str("outlet", 200),
		Entity:     p.str("actor", 200),
		Country:    p.code("country", 3),
		Root:       p.code("root", 2),
		Period:     p.period(),
		Duplicates: p.boolean("dups"),
	}
}

// pageOf trims rows fetched with one extra (see store.Page) and says
// whether a next page exists.
func pageOf[T any](rows []T, pg store.Page) ([]T, bool) {
	if len(rows) > pg.Limit {
		return rows[:pg.Limit], true
	}
	if rows == nil {
		rows = []T{}
	}
	return rows, false
}

// withPage returns the request's URL with page set to n (and the path
// changed when path is not empty).
func withPage(r *http.Request, path string, n int) string {
	q := r.URL.Query()
	if n <= 1 {
		q.Del("page")
	} else {
		q.Set("page", strconv.Itoa(n))
	}
	if path == "" {
		path = r.URL.Path
	}
	if e := q.Encode(); e != "" {
		return path + "?" + e
	}
	return path
}

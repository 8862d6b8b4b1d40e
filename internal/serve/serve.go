// Package serve is newsgraph's web UI and JSON API over a store: pages
// rendered on the server with html/template and SVG charts (no script at
// all), and the same data as JSON under /api/, described by an OpenAPI
// document at /api/openapi.json.
//
// The server only reads: every route is GET (or HEAD). Article text is
// treated as hostile input: it is escaped wherever it is written, and a
// strict Content-Security-Policy forbids scripts, so text planted in an
// article can never run in a reader's browser.
package serve

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"newsgraph/internal/kb"
	"newsgraph/internal/store"
	"newsgraph/internal/web"
)

// Store is what the server reads. store/sqlite's DB implements it: the
// general queries of store.Store and the UI's own (ui_queries.go there).
// Implementations must be safe for concurrent use.
type Store interface {
	Stats(ctx context.Context) (store.Stats, error)
	Record(ctx context.Context, id string) (store.StoredRecord, error)
	TopActors(ctx context.Context, f store.ActorFilter) ([]store.ActorCount, error)
	Search(ctx context.Context, f store.SearchFilter) ([]store.SearchHit, error)
	Matches(ctx context.Context, text string, n int) ([]int64, error)
	Rank(ctx context.Context, text string, aids []int64, p store.Page) ([]store.SearchHit, error)
	Hits(ctx context.Context, aids []int64, ranks []float64) ([]store.SearchHit, error)
	QuotePage(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, error)
	EventPage(ctx context.Context, q store.EventQuery) ([]store.EventRow, error)
	EventRecords(ctx context.Context, q store.EventQuery, n int) ([]store.StoredRecord, [][]int, error)
	EventExport(ctx context.Context, q store.EventQuery, n int, fn func(store.EventRow) error) error
	EventBuckets(ctx context.Context, q store.EventQuery, width int) ([]store.Bucket, error)
	ActorBuckets(ctx context.Context, id string, p store.Period, width int) ([]store.Bucket, error)
	Entity(ctx context.Context, id string) (store.EntityInfo, error)
	Partners(ctx context.Context, id string, n, width int) ([]store.Partner, error)
	Related(ctx context.Context, id string, n int) ([]store.Mentioned, error)
	CoMentionsAmong(ctx context.Context, ids []string) ([]store.CoMention, error)
	TopCountries(ctx context.Context, p store.Period, n int) ([]store.Count, error)
	CountryEvents(ctx context.Context, q store.EventQuery) ([]store.Count, error)
	Places(ctx context.Context, p store.Period, n int) ([]store.PlaceCount, error)
	EventPlaces(ctx context.Context, q store.EventQuery, n int) ([]store.PlaceCount, error)
	Story(ctx context.Context, id string) (store.Story, error)
	Names(ctx context.Context, ids []string) (map[string]string, error)
	Aliases(ctx context.Context, id, name string) ([]string, error)
	QuoteCount(ctx context.Context, id string) (int, error)
	Version(ctx context.Context) (string, error)
}

// Options configure a Server.
type Options struct {
	// Store is read by every page. Required.
	Store Store
	// Log receives one line per failed request; nil discards.
	Log *slog.Logger
	// WebDir serves templates and static files from a directory (holding
	// templates/ and static/) instead of the embedded ones, for
	// development. Templates are then re-read on every request.
	WebDir string
	// KB is where CAMEO code names and country names are read from.
	KB kb.Source
	// Version is shown in the page footer.
	Version string
	// RequestTimeout bounds the work of one request (default 15 s;
	// exports get four times as long).
	RequestTimeout time.Duration
	// SummaryInterval is how often the in-memory summary checks whether
	// the store changed (default 10 s). See summary.
	SummaryInterval time.Duration
}

// Server is the web UI and JSON API. It is an http.Handler, safe for
// concurrent use.
type Server struct {
	store   Store
	log     *slog.Logger
	assets  fs.FS
	dev     bool
	tmpl    map[string]*template.Template
	handler http.Handler
	names   names
	version string
	timeout time.Duration
	cache   *cache
	sums    *summaries
	stop    context.CancelFunc
}

// pages are the page templates, each parsed with layout.html.
var pages = []string{"overview", "search", "article", "actor", "events", "map", "error"}

// New returns a Server over opt.Store.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, errors.New("serve: no store")
	}
	s := &Server{
		store:   opt.Store,
		log:     opt.Log,
		assets:  web.FS(opt.WebDir),
		dev:     opt.WebDir != "",
		version: opt.Version,
		timeout: opt.RequestTimeout,
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = 15 * time.Second
	}
	var err error
	if s.names, err = loadNames(opt.KB); err != nil {
		return nil, err
	}
	if s.tmpl, err = s.parseTemplates(); err != nil {
		return nil, err
	}
	s.cache = newCache(opt.Store, 2*time.Second, 1024)
	s.handler = s.secure(s.routes())
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	if sm, ok := opt.Store.(Summarizer); ok {
		s.sums = &summaries{st: sm, versions: opt.Store, ready: make(chan struct{})}
		interval := opt.SummaryInterval
		if interval <= 0 {
			interval = 10 * time.Second
		}
		go s.sums.run(ctx, interval, func() { s.warm(ctx) }, func(err error) { s.log.Error("summary", "err", err) })
	}
	return s, nil
}

// Close stops the server's background work (the summary's upkeep).
func (s *Server) Close() { s.stop() }

// WaitReady waits until the in-memory summary is first built (at once
// when the store offers none), so that tests and benchmarks measure the
// server as it runs.
func (s *Server) WaitReady(ctx context.Context) error {
	if s.sums == nil {
		return nil
	}
	select {
	case <-s.sums.ready:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// warm computes what the front pages show for all time (the store's
// counts take a few hundred milliseconds on a large store), so that the
// first visitor does not wait for them.
func (s *Server) warm(ctx context.Context) {
	if _, err := s.overview(ctx, store.Period{}); err != nil && ctx.Err() == nil {
		s.log.Warn("warm up", "err", err)
	}
	if _, err := s.mapData(ctx, store.EventQuery{}); err != nil && ctx.Err() == nil {
		s.log.Warn("warm up", "err", err)
	}
}

// summary returns the current summary, or nil.
func (s *Server) summary() *summary { return s.sums.current() }

// parseTemplates parses every page with the layout.
func (s *Server) parseTemplates() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, p := range pages {
		t, err := template.New(p).Funcs(s.funcs()).ParseFS(s.assets, "templates/layout.html", "templates/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("parse templates: %w", err)
		}
		out[p] = t
	}
	return out, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Serve accepts connections on ln until ctx is done, then shuts down
// gracefully: it stops accepting, lets requests in flight finish for up
// to grace, and returns.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    32 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if log != nil {
		srv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// names holds the display names of codes.
type names struct {
	cameo   map[string]string
	country map[string]string
}

func loadNames(src kb.Source) (names, error) {
	n := names{cameo: map[string]string{}, country: map[string]string{}}
	read := func(file string, key, val string, into map[string]string) error {
		tables, err := src.Tables(file)
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		for _, t := range tables {
			ki, vi := -1, -1
			for i, c := range t.Columns {
				switch c {
				case key:
					ki = i
				case val:
					vi = i
				}
			}
			if ki < 0 || vi < 0 {
				return fmt.Errorf("serve: %s has no %s or %s column", file, key, val)
			}
			for _, r := range t.Rows {
				if _, ok := into[r.Cells[ki]]; !ok {
					into[r.Cells[ki]] = r.Cells[vi]
				}
			}
		}
		return nil
	}
	if err := read("cameo.tsv", "code", "name", n.cameo); err != nil {
		return n, err
	}
	if err := read("countries.tsv", "iso3", "name", n.country); err != nil {
		return n, err
	}
	return n, nil
}

// cameoName is the name of a CAMEO code in sentence case.
func (n names) cameoName(code string) string {
	v := n.cameo[code]
	if v == "" {
		return ""
	}
	if strings.ToUpper(v) == v {
		v = v[:1] + strings.ToLower(v[1:])
	}
	return v
}

func (n names) countryName(iso3 string) string {
	if v := n.country[iso3]; v != "" {
		return v
	}
	return iso3
}

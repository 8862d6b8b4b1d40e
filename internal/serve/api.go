package serve

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/export"
	"newsgraph/internal/store"
)

// The JSON API: each handler reads the same parameters as its page and
// writes what the page shows.

func (s *Server) apiOverview(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	per := p.period()
	if p.err != nil {
		return p.err
	}
	o, err := s.overview(r.Context(), per)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := p.searchFilter()
	f.Page = p.page()
	if p.err != nil {
		return p.err
	}
	res, err := s.search(r.Context(), f, true)
	if err != nil {
		return err
	}
	if res.Next != "" {
		res.Next = withPage(r, "", res.Page+1)
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := store.QuoteQuery{QuoteFilter: store.QuoteFilter{
		Words:      p.str("q", 500),
		Speaker:    p.str("speaker", 200),
		Period:     p.period(),
		Duplicates: p.boolean("dups"),
	}, Page: p.page()}
	if p.err != nil {
		return p.err
	}
	rows, err := s.store.QuotePage(r.Context(), q)
	if err != nil {
		return err
	}
	rows, more := pageOf(rows, q.Page)
	res := QuoteList{Items: rows, Page: q.Page.Offset/q.Page.Limit + 1, PerPage: q.Page.Limit}
	if more {
		res.Next = withPage(r, "", res.Page+1)
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	res, err := s.articleResult(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := store.ActorFilter{Type: p.code("type", 12), Period: p.period(), Limit: p.integer("limit", 20, 1, 200)}
	if p.err != nil {
		return p.err
	}
	if sum := s.summary(); sum != nil {
		writeJSON(w, http.StatusOK, nonNil(sum.topActors(f)))
		return nil
	}
	key := fmt.Sprintf("actors|%s|%s|%s|%d", f.Type, f.Since, f.Until, f.Limit)
	rows, err := get(r.Context(), s.cache, key, func() ([]store.ActorCount, error) { return s.store.TopActors(r.Context(), f) })
	if err != nil {
		return err
	}
	if rows == nil {
		rows = []store.ActorCount{}
	}
	writeJSON(w, http.StatusOK, rows)
	return nil
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) error {
	a, err := s.actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

func (s *Server) events(r *http.Request) (EventList, error) {
	p := newParams(r)
	q := p.eventQuery()
	q.Page = p.page()
	if p.err != nil {
		return EventList{}, p.err
	}
	rows, err := s.eventPage(r.Context(), q)
	if err != nil {
		return EventList{}, err
	}
	rows, more := pageOf(rows, q.Page)
	res := EventList{Items: rows, Page: q.Page.Offset/q.Page.Limit + 1, PerPage: q.Page.Limit}
	if more {
		res.Next = withPage(r, "", res.Page+1)
	}
	return res, nil
}

// eventPage reads a page of events, narrowed to the days that hold it
// when the summary can count them (the store then sorts a few days'
// events rather than every match).
func (s *Server) eventPage(ctx context.Context, q store.EventQuery) ([]store.EventRow, error) {
	if rng, off, ok := s.summary().eventWindow(q); ok {
		w := q
		w.DayRange = &rng
		w.Page.Offset = off
		return s.store.EventPage(ctx, w)
	}
	return s.store.EventPage(ctx, q)
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	res, err := s.events(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := p.eventQuery()
	width := p.integer("width", 7, 4, 10)
	if width != 4 && width != 7 && width != 10 {
		p.fail(badRequest("width: 4 (years), 7 (months) or 10 (days)"))
	}
	if p.err != nil {
		return p.err
	}
	rows, err := s.eventBuckets(r.Context(), q, width)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rows)
	return nil
}

func (s *Server) apiMap(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := p.eventQuery()
	if p.err != nil {
		return p.err
	}
	m, err := s.mapData(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

// exportColumns are the CSV export's columns, one row per event.
var exportColumns = []string{"article", "event", "day", "date", "source", "source_entity", "target", "target_entity",
	"cameo", "root", "quad", "goldstein", "plover", "negated", "modal", "verb", "location", "country", "lat", "lon",
	"sentence", "outlet", "url", "sentence_text"}

// apiExport writes the filtered events (at most limit, default 100,000)
// as CSV or as GDELT 2.0 Events.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := p.eventQuery()
	format := p.str("format", 10)
	limit := p.integer("limit", 100000, 1, 1000000)
	if format == "" {
		format = "csv"
	}
	if format != "csv" && format != "gdelt" {
		p.fail(badRequest("format: csv or gdelt, got %q", format))
	}
	if p.err != nil {
		return p.err
	}
	ctx := r.Context()
	if format == "gdelt" {
		recs, sel, err := s.store.EventRecords(ctx, q, limit)
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", "text/tab-separated-values; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="events.gdelt.tsv"`)
		bw := bufio.NewWriter(w)
		for i, sr := range recs {
			var rec article.Record
			if err := json.Unmarshal(sr.JSON, &rec); err != nil {
				return fmt.Errorf("export %s: %w", sr.ID, err)
			}
			counts := export.Counts{NumArticles: sr.NumArticles, NumSources: sr.NumSources}
			for _, k := range sel[i] {
				// GDELT has no way to say "did not": negated events are
				// left out, as the export command does.
				if k < 0 || k >= len(rec.Events) || rec.Events[k].Negated {
					continue
				}
				if _, err := bw.WriteString(strings.Join(export.EventRow(&rec, k, counts), "\t") + "\n"); err != nil {
					return err
				}
			}
		}
		return bw.Flush()
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	cw := csv.NewWriter(w)
	if err := cw.Write(exportColumns); err != nil {
		return err
	}
	ff := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	err := s.store.EventExport(ctx, q, limit, func(row store.EventRow) error {
		e := row.Event
		return cw.Write([]string{row.Article, strconv.Itoa(row.Index), row.Day, e.Date, e.Source, e.SourceEntity, e.Target, e.TargetEntity,
			e.Code, e.Root, strconv.Itoa(e.Quad), ff(e.Goldstein), e.Plover, strconv.FormatBool(e.Negated), strconv.FormatBool(e.Modal),
			e.Verb, e.Location, e.Country, ff(e.Lat), ff(e.Lon), strconv.Itoa(e.Sentence), row.Outlet, row.URL, csvSafe(row.SentenceText)})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

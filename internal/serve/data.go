package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/store"
)

// The data behind each page, shared by the HTML pages and the JSON API:
// a page shows what its API route returns.

// Period is the date range a response covers (empty ends are open).
type Period struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

func periodOf(p store.Period) Period { return Period{p.Since, p.Until} }

// CountryCount is a country with its name and a count.
type CountryCount struct {
	Code string `json:"code"`
	Name string `json:"name"`
	N    int64  `json:"n"`
}

// Overview is the front page: counts, top actors and countries, events
// over time by quad class, latest articles.
type Overview struct {
	Period       Period             `json:"period"`
	Stats        store.Stats        `json:"stats"`
	TopPeople    []store.ActorCount `json:"top_people"`
	TopOrgs      []store.ActorCount `json:"top_orgs"`
	TopCountries []CountryCount     `json:"top_countries"`
	// Timeline counts events by period and quad class; Width is the
	// length of its keys (7: months, 10: days).
	Timeline []store.Bucket     `json:"timeline"`
	Width    int                `json:"width"`
	Latest   []store.ArticleRow `json:"latest"`
	// Quotes are the latest quotes with a known speaker.
	Quotes []store.QuoteRow `json:"quotes"`
}

// nonNil turns a nil slice into an empty one, so that JSON has [] and
// not null.
func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// stats returns the store's counts, cached.
func (s *Server) stats(ctx context.Context) (store.Stats, error) {
	return get(ctx, s.cache, "stats", func() (store.Stats, error) { return s.store.Stats(ctx) })
}

// eventBuckets counts events by period and quad class, from the summary
// when it can answer.
func (s *Server) eventBuckets(ctx context.Context, q store.EventQuery, width int) ([]store.Bucket, error) {
	if sum := s.summary(); sum != nil && sum.answers(q) {
		return nonNil(sum.eventBuckets(q, width)), nil
	} else if k, ok := sum.entityOnlyOK(q); ok {
		return nonNil(sum.entityBuckets(k, q, width)), nil
	}
	key := fmt.Sprintf("buckets|%+v|%s|%s|%s|%d", q.EventFilter, deref(q.MinGoldstein), deref(q.MaxGoldstein), q.Location, width)
	bs, err := get(ctx, s.cache, key, func() ([]store.Bucket, error) { return s.store.EventBuckets(ctx, q, width) })
	return nonNil(bs), err
}

func (s *Server) overview(ctx context.Context, p store.Period) (Overview, error) {
	key := fmt.Sprintf("overview|%s|%s", p.Since, p.Until)
	return get(ctx, s.cache, key, func() (Overview, error) {
		o := Overview{Period: periodOf(p)}
		var err error
		if o.Stats, err = s.stats(ctx); err != nil {
			return o, err
		}
		o.Width = timelineWidth(p, o.Stats)
		q := store.EventQuery{EventFilter: store.EventFilter{Period: p}}
		if sum := s.summary(); sum != nil {
			o.TopPeople = sum.topActors(store.ActorFilter{Type: article.Person, Period: p, Limit: 10})
			o.TopOrgs = sum.topActors(store.ActorFilter{Type: article.Org, Period: p, Limit: 10})
			o.TopCountries = s.countryCounts(sum.topCountries(p, 10))
			o.Timeline = sum.eventBuckets(q, o.Width)
		} else {
			if o.TopPeople, err = s.store.TopActors(ctx, store.ActorFilter{Type: article.Person, Period: p, Limit: 10}); err != nil {
				return o, err
			}
			if o.TopOrgs, err = s.store.TopActors(ctx, store.ActorFilter{Type: article.Org, Period: p, Limit: 10}); err != nil {
				return o, err
			}
			cs, err := s.store.TopCountries(ctx, p, 10)
			if err != nil {
				return o, err
			}
			o.TopCountries = s.countryCounts(cs)
			if o.Timeline, err = s.store.EventBuckets(ctx, q, o.Width); err != nil {
				return o, err
			}
		}
		o.TopPeople, o.TopOrgs, o.TopCountries, o.Timeline = nonNil(o.TopPeople), nonNil(o.TopOrgs), nonNil(o.TopCountries), nonNil(o.Timeline)
		hits, err := s.store.Search(ctx, store.SearchFilter{Period: p, Page: store.Page{Limit: 10}})
		if err != nil {
			return o, err
		}
		hits, _ = pageOf(hits, store.Page{Limit: 10})
		o.Latest = make([]store.ArticleRow, len(hits))
		for i, h := range hits {
			o.Latest[i] = h.ArticleRow
		}
		qs, err := s.store.QuotePage(ctx, store.QuoteQuery{QuoteFilter: store.QuoteFilter{Period: p}, Page: store.Page{Limit: 8}})
		if err != nil {
			return o, err
		}
		o.Quotes, _ = pageOf(qs, store.Page{Limit: 8})
		return o, nil
	})
}

// timelineWidth buckets by day over short periods and by month over
// long ones.
func timelineWidth(p store.Period, st store.Stats) int {
	from, to := p.Since, p.Until
	if from == "" {
		from = st.First
	}
	if to == "" {
		to = st.Last
	}
	if len(from) >= 7 && len(to) >= 7 && monthsBetween(from, to) <= 3 {
		return 10
	}
	return 7
}

func monthsBetween(a, b string) int {
	var ya, ma, yb, mb int
	fmt.Sscanf(a, "%d-%d", &ya, &ma)
	fmt.Sscanf(b, "%d-%d", &yb, &mb)
	return (yb-ya)*12 + mb - ma
}

func (s *Server) countryCounts(cs []store.Count) []CountryCount {
	out := make([]CountryCount, len(cs))
	for i, c := range cs {
		out[i] = CountryCount{c.Name, s.names.countryName(c.Name), c.N}
	}
	return out
}

// Hit is an article found by a search, with a snippet of its text around
// the words searched for; Marks are the byte ranges of those words in the
// snippet.
type Hit struct {
	store.ArticleRow
	Snippet string   `json:"snippet"`
	Marks   [][2]int `json:"marks"`
}

// SearchResult is a page of articles and the first quotes matching the
// same words.
type SearchResult struct {
	Items   []Hit            `json:"items"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
	Next    string           `json:"next,omitempty"`
	Quotes  []store.QuoteRow `json:"quotes"`
}

func (s *Server) search(ctx context.Context, f store.SearchFilter, withQuotes bool) (SearchResult, error) {
	res := SearchResult{Page: f.Offset/max(f.Limit, 1) + 1, PerPage: f.Limit, Quotes: []store.QuoteRow{}}
	hits, err := s.searchHits(ctx, f)
	if err != nil {
		return res, err
	}
	hits, more := pageOf(hits, f.Page)
	terms := searchTerms(f.Text)
	res.Items = make([]Hit, len(hits))
	for i, h := range hits {
		snip, marks := snippet(h.Body, terms, 260)
		res.Items[i] = Hit{ArticleRow: h.ArticleRow, Snippet: snip, Marks: marks}
	}
	if more {
		res.Next = "more"
	}
	if withQuotes && f.Text != "" {
		// The first ten quotes beside the articles: the newest of the
		// latest stored matches (sorting 1,000 by day cost a few ms).
		qs, err := s.store.QuotePage(ctx, store.QuoteQuery{QuoteFilter: store.QuoteFilter{Words: f.Text, Period: f.Period, Duplicates: f.Duplicates},
			Page: store.Page{Limit: 10}, Latest: sideQuotes})
		if err != nil {
			return res, err
		}
		res.Quotes, _ = pageOf(qs, store.Page{Limit: 10})
	}
	return res, nil
}

// A filtered full-text search tests the searchScan most recently stored
// matches of its words against the filters and ranks the newest
// searchCandidates of those that pass. Its cost grows with searchScan
// (the store walks the matches twice: to find them and to rank those
// that pass): 10,000 keep a filtered search page for words found in
// every one of 100,000 articles near 12 ms of CPU (20,000: 16 ms); words
// found in fewer articles are tested in all their articles.
const (
	searchScan       = 10000
	searchCandidates = 1000
	// sideQuotes is how many of the latest stored quotes matching a
	// search's words are sorted by day for the ten shown beside it.
	sideQuotes = 200
)

// searchHits finds a page of articles. Filters on outlet, entity,
// country, root or period are tested against the summary in memory (a
// few nanoseconds a story) rather than with SQL for each candidate; words
// are matched and ranked by the store.
func (s *Server) searchHits(ctx context.Context, f store.SearchFilter) ([]store.SearchHit, error) {
	sum := s.summary()
	filtered := f.Outlet != "" || f.Entity != "" || f.Country != "" || f.Root != "" || f.Since != "" || f.Until != ""
	if !filtered || !sum.searchable(f) {
		return s.store.Search(ctx, f)
	}
	match := sum.matcher(f)
	if strings.TrimSpace(f.Text) == "" {
		var page []int64
		skip := f.Offset
		for _, aid := range sum.order {
			if !match(aid) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			page = append(page, aid)
			if len(page) > f.Limit {
				break
			}
		}
		return s.store.Hits(ctx, page, nil)
	}
	ids, err := s.store.Matches(ctx, f.Text, searchScan)
	if err != nil {
		return nil, err
	}
	kept := ids[:0]
	for _, aid := range ids {
		if match(aid) {
			kept = append(kept, aid)
			if len(kept) == searchCandidates {
				break
			}
		}
	}
	return s.store.Rank(ctx, f.Text, kept, f.Page)
}

// searchTerms are the words of a full-text query, lower-cased, without
// its operators and syntax.
func searchTerms(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool {
		return r == ' ' || r == '"' || r == '(' || r == ')' || r == '*' || r == '\t' || r == ':' || r == '^' || r == '+'
	}) {
		switch w {
		case "OR", "AND", "NOT", "NEAR":
			continue
		}
		if w = strings.ToLower(strings.Trim(w, ".,;!?'’")); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// snippet cuts about size bytes of text around the first term found (the
// start of the text when none is) and returns the byte ranges of every
// term in it. Cuts fall on spaces.
func snippet(text string, terms []string, size int) (string, [][2]int) {
	lower := asciiLower(text)
	first := -1
	for _, t := range terms {
		if i := wordIndex(lower, t, 0); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	start := 0
	if first > size/3 {
		start = first - size/3
		if sp := strings.IndexByte(text[start:first], ' '); sp >= 0 {
			start += sp + 1
		}
	}
	end := min(len(text), start+size)
	if end < len(text) {
		if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 {
			end = start + sp
		}
	}
	for start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	for end < len(text) && end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	snip := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		snip = "… " + snip
	}
	if end < len(text) {
		snip += " …"
	}
	var marks [][2]int
	ls := asciiLower(snip)
	for _, t := range terms {
		for i := wordIndex(ls, t, 0); i >= 0; i = wordIndex(ls, t, i+len(t)) {
			marks = append(marks, [2]int{i, i + len(t)})
		}
	}
	slices.SortFunc(marks, func(a, b [2]int) int { return a[0] - b[0] })
	// Drop overlaps.
	out := marks[:0]
	for _, m := range marks {
		if len(out) > 0 && m[0] < out[len(out)-1][1] {
			continue
		}
		out = append(out, m)
	}
	return snip, out
}

// wordIndex finds t in s from i where it starts a word.
func wordIndex(s, t string, i int) int {
	for i <= len(s) {
		j := strings.Index(s[i:], t)
		if j < 0 {
			return -1
		}
		j += i
		if j == 0 || !isWordByte(s[j-1]) {
			return j
		}
		i = j + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// asciiLower lowers ASCII letters only, so byte offsets stay the same.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// markSnippet renders a snippet with its marks as HTML.
func markSnippet(snip string, marks [][2]int) template.HTML {
	var b strings.Builder
	at := 0
	for _, m := range marks {
		if m[0] < at || m[1] > len(snip) {
			continue
		}
		b.WriteString(html.EscapeString(snip[at:m[0]]))
		b.WriteString("<mark>" + html.EscapeString(snip[m[0]:m[1]]) + "</mark>")
		at = m[1]
	}
	b.WriteString(html.EscapeString(snip[at:]))
	return template.HTML(b.String()) //nolint:gosec // escaped above
}

// QuoteList is a page of quotes.
type QuoteList struct {
	Items   []store.QuoteRow `json:"items"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
	Next    string           `json:"next,omitempty"`
}

// EventList is a page of events.
type EventList struct {
	Items   []store.EventRow `json:"items"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
	Next    string           `json:"next,omitempty"`
}

// ArticleResult is an article's record with its story: the other articles
// carrying it and the inputs that gave it.
type ArticleResult struct {
	Record    article.Record `json:"record"`
	Duplicate bool           `json:"duplicate"`
	Story     store.Story    `json:"story"`
}

func (s *Server) articleResult(ctx context.Context, id string) (ArticleResult, error) {
	var res ArticleResult
	sr, err := s.store.Record(ctx, id)
	if err != nil {
		return res, err
	}
	if err := json.Unmarshal(sr.JSON, &res.Record); err != nil {
		return res, fmt.Errorf("article %s: %w", id, err)
	}
	res.Duplicate = sr.Duplicate
	res.Story, err = s.store.Story(ctx, id)
	return res, err
}

// ActorResult is an entity's profile: who it is, its events over time as
// source and target, the actors it had events with, those mentioned with
// it and how they are mentioned together, and its latest quotes.
type ActorResult struct {
	Entity store.EntityInfo `json:"entity"`
	// Timeline and the partners' counts are by month, or by day when
	// the entity's articles span three months or less; Width is the
	// length of their keys (7 or 10).
	Width    int               `json:"width"`
	Timeline []store.Bucket    `json:"timeline"`
	Partners []store.Partner   `json:"partners"`
	Related  []store.Mentioned `json:"related"`
	// Links are the co-mention counts among the entity and Related.
	Links  []store.CoMention `json:"links"`
	Quotes []store.QuoteRow  `json:"quotes"`
	// Articles are the latest articles mentioning the entity.
	Articles []store.ArticleRow `json:"articles"`
}

func (s *Server) actor(ctx context.Context, id string) (ActorResult, error) {
	return get(ctx, s.cache, "actor|"+id, func() (ActorResult, error) {
		var a ActorResult
		var err error
		sum := s.summary()
		if e, ok := sum.entityOK(id); ok {
			a.Entity = e
			if a.Entity.Aliases, err = s.store.Aliases(ctx, id, e.Name); err != nil {
				return a, err
			}
			if a.Entity.Quotes, err = s.store.QuoteCount(ctx, id); err != nil {
				return a, err
			}
		} else if a.Entity, err = s.store.Entity(ctx, id); err != nil {
			return a, err
		}
		a.Width = 7
		if a.Entity.First != "" && monthsBetween(a.Entity.First, a.Entity.Last) <= 3 {
			a.Width = 10
		}
		ids := []string{id}
		if sum != nil {
			a.Timeline = sum.actorBuckets(id, a.Width)
			a.Partners = sum.partners(id, 12, a.Width)
			a.Related = sum.relatedTo(id, 12)
			for _, r := range a.Related {
				ids = append(ids, r.ID)
			}
			a.Links = sum.coMentionsAmong(ids)
		} else {
			if a.Timeline, err = s.store.ActorBuckets(ctx, id, store.Period{}, a.Width); err != nil {
				return a, err
			}
			if a.Partners, err = s.store.Partners(ctx, id, 12, a.Width); err != nil {
				return a, err
			}
			if a.Related, err = s.store.Related(ctx, id, 12); err != nil {
				return a, err
			}
			for _, r := range a.Related {
				ids = append(ids, r.ID)
			}
			if a.Links, err = s.store.CoMentionsAmong(ctx, ids); err != nil {
				return a, err
			}
		}
		qs, err := s.store.QuotePage(ctx, store.QuoteQuery{QuoteFilter: store.QuoteFilter{Speaker: id}, Page: store.Page{Limit: 10}})
		if err != nil {
			return a, err
		}
		a.Quotes, _ = pageOf(qs, store.Page{Limit: 10})
		hits, err := s.store.Search(ctx, store.SearchFilter{Entity: id, Page: store.Page{Limit: 6}})
		if err != nil {
			return a, err
		}
		hits, _ = pageOf(hits, store.Page{Limit: 6})
		a.Articles = make([]store.ArticleRow, len(hits))
		for i, h := range hits {
			a.Articles[i] = h.ArticleRow
		}
		a.Entity.Aliases = nonNil(a.Entity.Aliases)
		if a.Timeline == nil {
			a.Timeline = []store.Bucket{}
		}
		if a.Partners == nil {
			a.Partners = []store.Partner{}
		}
		if a.Related == nil {
			a.Related = []store.Mentioned{}
		}
		if a.Links == nil {
			a.Links = []store.CoMention{}
		}
		return a, nil
	})
}

// MapResult is what the map shows: events by country, the places
// mentioned most, and where events happened.
type MapResult struct {
	Countries   []CountryCount     `json:"countries"`
	Places      []store.PlaceCount `json:"places"`
	EventPlaces []store.PlaceCount `json:"event_places"`
}

func (s *Server) mapData(ctx context.Context, q store.EventQuery) (MapResult, error) {
	key := fmt.Sprintf("map|%+v|%v|%v", q.EventFilter, deref(q.MinGoldstein), deref(q.MaxGoldstein)) + "|" + q.Location
	return get(ctx, s.cache, key, func() (MapResult, error) {
		var m MapResult
		if sum := s.summary(); sum != nil && sum.answers(q) {
			m.Countries = s.countryCounts(sum.countryEvents(q))
			m.Places = sum.places(q.Period, 200)
			m.EventPlaces = sum.eventPlaces(q, 200)
		} else {
			cs, err := s.store.CountryEvents(ctx, q)
			if err != nil {
				return m, err
			}
			m.Countries = s.countryCounts(cs)
			if m.Places, err = s.store.Places(ctx, q.Period, 200); err != nil {
				return m, err
			}
			if m.EventPlaces, err = s.store.EventPlaces(ctx, q, 200); err != nil {
				return m, err
			}
		}
		m.Countries = nonNil(m.Countries)
		if m.Places == nil {
			m.Places = []store.PlaceCount{}
		}
		if m.EventPlaces == nil {
			m.EventPlaces = []store.PlaceCount{}
		}
		return m, nil
	})
}

func deref(f *float64) string {
	if f == nil {
		return ""
	}
	return fmt.Sprint(*f)
}

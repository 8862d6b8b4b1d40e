package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/chart"
	"newsgraph/internal/store"
)

// page is what every page template gets: the layout's fields and the
// page's own data.
type page struct {
	Title   string
	Nav     string // the active menu entry
	Q       string // the header search box
	Version string
	Data    any
}

// render writes page name with data, buffering it so that a template
// error gives a clean 500 and not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	t := s.tmpl[name]
	if s.dev {
		if ts, err := s.parseTemplates(); err == nil {
			t = ts[name]
		} else {
			s.log.Error("templates", "err", err)
		}
	}
	p, ok := data.(page)
	if !ok {
		p = page{Data: data}
	}
	p.Version = s.version
	if p.Title == "" {
		p.Title = "newsgraph"
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// Quad classes: names and CSS classes, index 1–4.
var (
	quadNames  = [5]string{"", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}
	quadSeries = []chart.Series{
		{Label: quadNames[1], Class: "quad1"}, {Label: quadNames[2], Class: "quad2"},
		{Label: quadNames[3], Class: "quad3"}, {Label: quadNames[4], Class: "quad4"},
	}
)

// columns turns quad-class buckets into timeline columns, filling the
// periods without events between the first and last.
func columns(bs []store.Bucket, width int, href func(key string) string) []chart.Stack {
	byKey := map[string][]int{}
	var keys []string
	for _, b := range bs {
		v, ok := byKey[b.Key]
		if !ok {
			v = make([]int, 4)
			byKey[b.Key] = v
			keys = append(keys, b.Key)
		}
		if b.Quad >= 1 && b.Quad <= 4 {
			v[b.Quad-1] += b.N
		}
	}
	slices.Sort(keys)
	if len(keys) == 0 {
		return nil
	}
	var out []chart.Stack
	for _, k := range periodRange(keys[0], keys[len(keys)-1], width) {
		v := byKey[k]
		if v == nil {
			v = make([]int, 4)
		}
		c := chart.Stack{Label: k, Values: v}
		if href != nil {
			c.Href = href(k)
		}
		out = append(out, c)
	}
	return out
}

// periodRange lists the periods from first to last (days or months); it
// gives the keys alone when the range is too long to draw.
func periodRange(first, last string, width int) []string {
	if width != 7 && width != 10 {
		return []string{first, last}
	}
	var y, m, d int
	fmt.Sscanf(first, "%d-%d-%d", &y, &m, &d)
	var out []string
	for range 400 {
		var k string
		if width == 7 {
			k = fmt.Sprintf("%04d-%02d", y, m)
		} else {
			k = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		out = append(out, k)
		if k >= last {
			return out
		}
		if width == 7 {
			m++
		} else {
			d++
			if d > daysIn(y, m) {
				d = 1
				m++
			}
		}
		if m > 12 {
			m = 1
			y++
		}
	}
	return out
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// link builds a path with query parameters from pairs of name and value,
// leaving out empty values.
func link(path string, kv ...any) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		k := fmt.Sprint(kv[i])
		var v string
		switch x := kv[i+1].(type) {
		case string:
			v = x
		case int:
			if x != 0 {
				v = strconv.Itoa(x)
			}
		case *float64:
			if x != nil {
				v = strconv.FormatFloat(*x, 'f', -1, 64)
			}
		default:
			v = fmt.Sprint(x)
		}
		if v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// pager is the previous and next links of a paged list.
type pager struct {
	Page       int
	Prev, Next string
}

func pagerOf(r *http.Request, pg store.Page, more bool) pager {
	n := pg.Offset/max(pg.Limit, 1) + 1
	p := pager{Page: n}
	if n > 1 {
		p.Prev = withPage(r, "", n-1)
	}
	if more {
		p.Next = withPage(r, "", n+1)
	}
	return p
}

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	per := p.period()
	if p.err != nil {
		return p.err
	}
	o, err := s.overview(r.Context(), per)
	if err != nil {
		return err
	}
	bars := func(rows []store.ActorCount) []chart.Bar {
		out := make([]chart.Bar, len(rows))
		for i, a := range rows {
			out[i] = chart.Bar{Label: a.Name, Note: a.Country, Value: a.Articles, Href: actorHref(a.ID), Class: entityClass(a.Type)}
		}
		return out
	}
	countries := make([]chart.Bar, len(o.TopCountries))
	for i, c := range o.TopCountries {
		countries[i] = chart.Bar{Label: c.Name, Note: c.Code, Value: int(c.N), Href: link("/search", "country", c.Code, "from", per.Since, "to", per.Until), Class: "place"}
	}
	cols := columns(o.Timeline, o.Width, func(k string) string { return link("/events", "from", k, "to", k) })
	s.render(w, r, http.StatusOK, "overview", page{Title: "newsgraph — overview", Nav: "overview", Data: map[string]any{
		"O":         o,
		"Timeline":  chart.Timeline("Events over time by quad class", quadSeries, cols, 900, 220),
		"People":    chart.Bars("People mentioned in the most articles", bars(o.TopPeople), 380),
		"Orgs":      chart.Bars("Organisations mentioned in the most articles", bars(o.TopOrgs), 380),
		"Countries": chart.Bars("Countries mentioned in the most articles", countries, 380),
		"From":      per.Since,
		"To":        per.Until,
	}})
	return nil
}

// cameoRoots are the twenty CAMEO roots for the filter menus.
func (s *Server) cameoRoots() [][2]string {
	out := make([][2]string, 0, 20)
	for i := 1; i <= 20; i++ {
		c := fmt.Sprintf("%02d", i)
		out = append(out, [2]string{c, s.names.cameoName(c)})
	}
	return out
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := p.searchFilter()
	f.Page = p.page()
	if p.err != nil {
		return p.err
	}
	res, err := s.search(r.Context(), f, f.Page.Offset == 0)
	if err != nil {
		return err
	}
	st, err := s.stats(r.Context())
	if err != nil {
		return err
	}
	var actorName string
	if f.Entity != "" {
		if e, err := s.store.Entity(r.Context(), f.Entity); err == nil {
			actorName = e.Name
		} else {
			actorName = f.Entity
		}
	}
	title := "Search"
	if f.Text != "" {
		title = "Search: " + f.Text
	}
	s.render(w, r, http.StatusOK, "search", page{Title: title + " — newsgraph", Nav: "search", Q: f.Text, Data: map[string]any{
		"F":         f,
		"R":         res,
		"Pager":     pagerOf(r, f.Page, res.Next != ""),
		"Outlets":   st.Outlets,
		"Roots":     s.cameoRoots(),
		"ActorName": actorName,
	}})
	return nil
}

// quoteView is a row of an article's "who said what" table.
type quoteView struct {
	N       int
	Who     string
	Href    string
	Kind    string
	Cue     string
	Text    string
	Unknown bool
}

// eventView is a row of an article's event list.
type eventView struct {
	article.Event
	SourceName, TargetName string
	SourceHref, TargetHref string
	Name                   string
	// SentenceText is the sentence the event came from.
	SentenceText string
	LocationName string
}

// entityGroup is the entities of one type.
type entityGroup struct {
	Type     string
	Class    string
	Entities []*article.Entity
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) error {
	res, err := s.articleResult(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	rec := &res.Record
	byID := map[string]*article.Entity{}
	for i := range rec.Entities {
		byID[rec.Entities[i].ID] = &rec.Entities[i]
	}
	quotes := make([]quoteView, len(rec.Quotes))
	for i, q := range rec.Quotes {
		v := quoteView{N: i, Who: speakerName(q, byID), Href: actorHref(q.Speaker), Kind: q.Kind, Cue: q.Cue, Text: q.Text, Unknown: q.Speaker == "" && q.SpeakerName == ""}
		quotes[i] = v
	}
	sentence := func(i int) string {
		if i >= 0 && i < len(rec.Sentences) {
			sp := rec.Sentences[i]
			if sp.Start >= 0 && sp.End <= len(rec.Text) && sp.Start <= sp.End {
				return rec.Text[sp.Start:sp.End]
			}
		}
		return ""
	}
	events := make([]eventView, len(rec.Events))
	for i, e := range rec.Events {
		v := eventView{Event: e, Name: s.names.cameoName(e.Code), SentenceText: sentence(e.Sentence)}
		v.SourceName, v.SourceHref = actorLabel(e.Source, e.SourceEntity, byID)
		v.TargetName, v.TargetHref = actorLabel(e.Target, e.TargetEntity, byID)
		if l := byID[e.Location]; l != nil {
			v.LocationName = l.Name
		}
		events[i] = v
	}
	var groups []entityGroup
	for _, t := range []string{article.Person, article.Org, article.Place, article.NORP, article.EventNE, article.Work, article.Misc} {
		g := entityGroup{Type: t, Class: entityClass(t)}
		for i := range rec.Entities {
			if rec.Entities[i].Type == t {
				g.Entities = append(g.Entities, &rec.Entities[i])
			}
		}
		if len(g.Entities) > 0 {
			slices.SortStableFunc(g.Entities, func(a, b *article.Entity) int { return len(b.Mentions) - len(a.Mentions) })
			groups = append(groups, g)
		}
	}
	sourceNames := make([]string, len(rec.Attributions))
	for i, a := range rec.Attributions {
		sourceNames[i] = a.SourceName
		if e := byID[a.Source]; e != nil {
			sourceNames[i] = e.Name
		}
	}
	title := rec.Title
	if title == "" {
		title = clipText(rec.Text, 80)
	}
	s.render(w, r, http.StatusOK, "article", page{Title: title + " — newsgraph", Data: map[string]any{
		"R":           res,
		"Rec":         rec,
		"Title":       title,
		"Body":        highlight(rec),
		"Quotes":      quotes,
		"Events":      events,
		"Groups":      groups,
		"SourceNames": sourceNames,
	}})
	return nil
}

// actorLabel names one side of an event and links it: its entity when
// known, else the events of its actor code.
func actorLabel(code, entity string, byID map[string]*article.Entity) (string, string) {
	if e := byID[entity]; e != nil {
		return e.Name, actorHref(e.ID)
	}
	if entity != "" {
		return entity, actorHref(entity)
	}
	if code != "" {
		return code, link("/events", "actor", code)
	}
	return "", ""
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// partnerView is a row of an actor's pairs table.
type partnerView struct {
	store.Partner
	Href  string
	Link  string // the events of the pair
	Spark template.HTML
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	a, err := s.actor(r.Context(), id)
	if err != nil {
		return err
	}
	var src, tgt []store.Bucket
	months := []string{}
	for _, b := range a.Timeline {
		if b.Side == "source" {
			src = append(src, b)
		} else {
			tgt = append(tgt, b)
		}
		months = append(months, b.Key)
	}
	slices.Sort(months)
	// Both charts share the same periods.
	var span []string
	if len(months) > 0 {
		span = periodRange(months[0], months[len(months)-1], a.Width)
	}
	fill := func(bs []store.Bucket, side string) []chart.Stack {
		cols := columns(bs, a.Width, func(k string) string { return link("/events", side, id, "from", k, "to", k) })
		byKey := map[string]chart.Stack{}
		for _, c := range cols {
			byKey[c.Label] = c
		}
		out := make([]chart.Stack, len(span))
		for i, k := range span {
			if c, ok := byKey[k]; ok {
				out[i] = c
			} else {
				out[i] = chart.Stack{Label: k, Values: make([]int, 4)}
			}
		}
		return out
	}
	// Network: the entity in the centre, the co-mentioned around it.
	nodes := []chart.Node{{Label: a.Entity.Name, Class: entityClass(a.Entity.Type), Weight: a.Entity.Articles}}
	index := map[string]int{id: 0}
	for i, m := range a.Related {
		nodes = append(nodes, chart.Node{Label: m.Name, Href: actorHref(m.ID), Class: entityClass(m.Type), Weight: m.Articles})
		index[m.ID] = i + 1
	}
	var links []chart.Link
	for _, c := range a.Links {
		ia, oka := index[c.A]
		ib, okb := index[c.B]
		if oka && okb {
			links = append(links, chart.Link{A: ia, B: ib, Weight: c.Articles})
		}
	}
	partners := make([]partnerView, len(a.Partners))
	for i, p := range a.Partners {
		v := partnerView{Partner: p}
		if strings.Contains(p.ID, ":") {
			v.Href = actorHref(p.ID)
		}
		if p.Direction == "out" {
			v.Link = link("/events", "source", id, "target", p.ID)
		} else {
			v.Link = link("/events", "source", p.ID, "target", id)
		}
		vals := make([]int, len(span))
		for k, m := range span {
			for _, c := range p.ByPeriod {
				if c.Name == m {
					vals[k] = int(c.N)
				}
			}
		}
		class := "quad1"
		switch {
		case p.Goldstein < -5:
			class = "quad4"
		case p.Goldstein < 0:
			class = "quad3"
		case p.Goldstein >= 5:
			class = "quad2"
		}
		v.Spark = chart.Spark(p.Name+" over time", vals, class, 160, 24)
		partners[i] = v
	}
	e := a.Entity
	s.render(w, r, http.StatusOK, "actor", page{Title: e.Name + " — newsgraph", Data: map[string]any{
		"A":           a,
		"E":           e,
		"Class":       entityClass(e.Type),
		"CountryName": s.names.countryName(e.Country),
		"AsSource":    chart.Timeline("Events with "+e.Name+" as source over time", quadSeries, fill(src, "source"), 900, 180),
		"AsTarget":    chart.Timeline("Events with "+e.Name+" as target over time", quadSeries, fill(tgt, "target"), 900, 180),
		"Network":     chart.Network("Entities mentioned with "+e.Name, nodes, links, 640, 420),
		"Partners":    partners,
		"Search":      link("/search", "actor", id),
		"EventsLink":  link("/events", "actor", id),
	}})
	return nil
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) error {
	res, err := s.events(r)
	if err != nil {
		return err
	}
	p := newParams(r)
	q := p.eventQuery()
	pg := p.page()
	width := 10
	if q.Since == "" || q.Until == "" || monthsBetween(q.Since, q.Until) > 3 {
		width = 7
	}
	bs, err := s.eventBuckets(r.Context(), q, width)
	if err != nil {
		return err
	}
	if width == 7 && len(bs) > 0 && len(bs) <= 8 {
		// Few months: show days.
		first, last := bs[0].Key, bs[len(bs)-1].Key
		if monthsBetween(first, last) <= 2 {
			width = 10
			if bs, err = s.eventBuckets(r.Context(), q, width); err != nil {
				return err
			}
		}
	}
	base := r.URL.Query()
	base.Del("page")
	cols := columns(bs, width, func(k string) string {
		v := url.Values{}
		for k2, vs := range base {
			v[k2] = vs
		}
		v.Set("from", k)
		v.Set("to", k)
		return "/events?" + v.Encode()
	})
	var ids []string
	for _, row := range res.Items {
		ids = append(ids, row.Event.SourceEntity, row.Event.TargetEntity, row.Event.Location)
	}
	names, err := s.store.Names(r.Context(), ids)
	if err != nil {
		return err
	}
	rows := make([]eventRowView, len(res.Items))
	for i, row := range res.Items {
		rows[i] = s.eventRow(row, names)
	}
	exp := url.Values{}
	for k, vs := range base {
		if k != "per_page" {
			exp[k] = vs
		}
	}
	csvLink := "/api/events/export?" + exp.Encode()
	exp.Set("format", "gdelt")
	gdeltLink := "/api/events/export?" + exp.Encode()
	s.render(w, r, http.StatusOK, "events", page{Title: "Events — newsgraph", Nav: "events", Data: map[string]any{
		"Q":        q,
		"Rows":     rows,
		"Pager":    pagerOf(r, pg, res.Next != ""),
		"Timeline": chart.Timeline("Events of this filter over time by quad class", quadSeries, cols, 900, 200),
		"Roots":    s.cameoRoots(),
		"Quads":    quadNames[1:],
		"CSV":      csvLink,
		"GDELT":    gdeltLink,
		"GMin":     deref(q.MinGoldstein),
		"GMax":     deref(q.MaxGoldstein),
	}})
	return nil
}

// eventRowView is a row of the events table.
type eventRowView struct {
	store.EventRow
	SourceName, SourceHref string
	TargetName, TargetHref string
	Name                   string
	Place                  string
	PlaceHref              string
	ArticleHref            string
}

func (s *Server) eventRow(row store.EventRow, names map[string]string) eventRowView {
	e := row.Event
	v := eventRowView{EventRow: row, Name: s.names.cameoName(e.Code)}
	side := func(code, entity string) (string, string) {
		if entity != "" {
			name := names[entity]
			if _, rest, ok := strings.Cut(entity, ":"); ok && name == "" {
				name = strings.ReplaceAll(rest, "-", " ")
			}
			return name, actorHref(entity)
		}
		if code != "" {
			return code, link("/events", "actor", code)
		}
		return "", ""
	}
	v.SourceName, v.SourceHref = side(e.Source, e.SourceEntity)
	v.TargetName, v.TargetHref = side(e.Target, e.TargetEntity)
	if e.Location != "" {
		v.Place, v.PlaceHref = side("", e.Location)
		v.PlaceHref = link("/events", "place", e.Location)
	} else if e.Country != "" {
		v.Place, v.PlaceHref = s.names.countryName(e.Country), link("/events", "country", e.Country)
	}
	v.ArticleHref = "/articles/" + url.PathEscape(row.Article) + "#s" + strconv.Itoa(e.Sentence)
	return v
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := p.eventQuery()
	if p.err != nil {
		return p.err
	}
	m, err := s.mapData(r.Context(), q)
	if err != nil {
		return err
	}
	shade := map[string]int{}
	for _, c := range m.Countries {
		shade[c.Code] = int(c.N)
	}
	var pts []chart.Point
	for _, pl := range m.Places {
		pts = append(pts, chart.Point{Lat: pl.Lat, Lon: pl.Lon, N: pl.N, Label: fmt.Sprintf("%s: mentioned in %d articles", pl.Name, pl.N), Href: actorHref(pl.ID), Class: "pt-place"})
	}
	for _, pl := range m.EventPlaces {
		href := link("/events", "place", pl.ID, "from", q.Since, "to", q.Until)
		if pl.ID == "" {
			href = link("/events", "country", pl.Country, "from", q.Since, "to", q.Until)
		}
		pts = append(pts, chart.Point{Lat: pl.Lat, Lon: pl.Lon, N: pl.N, Label: fmt.Sprintf("%s: %d events", pl.Name, pl.N), Href: href, Class: "pt-event"})
	}
	layer := chart.MapLayer{
		Label:     "Events by country, places mentioned and where events happened",
		Shade:     shade,
		ShadeNote: "events",
		CountryHref: func(c string) string {
			return link("/events", "country", c, "from", q.Since, "to", q.Until, "quad", q.Quad, "root", q.Root)
		},
		Points: pts,
	}
	s.render(w, r, http.StatusOK, "map", page{Title: "Map — newsgraph", Nav: "map", Data: map[string]any{
		"M":     m,
		"Q":     q,
		"Map":   chart.WorldMap(layer),
		"Roots": s.cameoRoots(),
		"Quads": quadNames[1:],
	}})
	return nil
}

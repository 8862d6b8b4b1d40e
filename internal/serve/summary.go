package serve

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"newsgraph/internal/store"
)

// Summarizer is what a store offers for the in-memory summary: every
// entity, mention and event of its stories, streamed. store/sqlite's DB
// implements it; a store without it is read with SQL alone.
type Summarizer interface {
	ScanArticles(ctx context.Context, fn func(aid int64, day, outlet string) error) error
	ScanEntities(ctx context.Context, fn func(store.EntityInfo) error) error
	ScanMentions(ctx context.Context, fn func(store.MentionFact) error) error
	ScanEvents(ctx context.Context, fn func(store.EventFact) error) error
}

// summary holds the store's counts by day in memory (undated articles
// under the day ""), so that the
// aggregates of the overview, the map, the timelines and the actor pages
// take a few milliseconds over any period, however large the store:
// summing a day's few hundred counts is cheaper than any query over a
// million rows. It counts stories only (articles that copy no other), as
// the SQL queries do by default. It is rebuilt in the background when the
// store changes; until the first one is built, and for filters it cannot
// answer, the server asks the store.
type summary struct {
	version string
	days    []string // sorted day keys (YYYY-MM-DD, or coarser for events dated so)
	ents    []store.EntityInfo
	entIdx  map[string]int32

	// By day.
	dayMentions  [][]entCount
	dayCountries [][]keyCount
	dayEvents    [][]eventAgg
	// dayQuads counts each day's events by quad class (0 to 4), for the
	// filters of period and quad class alone; oddQuads is set when an
	// event has another quad class, and dayQuads is not used.
	dayQuads [][5]int32
	oddQuads bool

	countries []string // country codes, index in keyCount and eventAgg
	points    []point  // event locations

	// By story (internal article id): what the search filters test, and
	// the stories newest first.
	arts    []artInfo // by internal id; ok is false for ids that are no story
	order   []int64
	outlets map[string]int32

	// By entity.
	totals  []entTotal
	related [][]pairCount // co-mentions, most first
	acts    []*actorEvents
}

type artInfo struct {
	ok     bool
	day    string
	outlet int32
	roots  uint32 // bit r set when the story has an event of CAMEO root r
	ents   []int32
}

// art returns the story with internal id aid, or nil.
func (s *summary) art(aid int64) *artInfo {
	if aid < 0 || aid >= int64(len(s.arts)) || !s.arts[aid].ok {
		return nil
	}
	return &s.arts[aid]
}

type entCount struct {
	ent                int32
	articles, mentions int32
}

type keyCount struct {
	key int32
	n   int32
}

// eventAgg counts the events of one day that share a quad class, a root,
// their countries and their place.
type eventAgg struct {
	quad       int8
	root       int8  // 1–20, 0 when unknown
	c0, c1, c2 int16 // location country, source country, target country (-1: none)
	loc        int32 // index in points, -1 when none
	n          int32
	goldstein  float64
}

type point struct {
	id, name, country string
	lat, lon          float64
}

type entTotal struct {
	articles, mentions int32
	first, last        int32 // day indexes
}

type pairCount struct {
	other int32
	n     int32
}

// actorEvents are one entity's events: counts by day, quad and side, and
// its partners.
type actorEvents struct {
	buckets  map[bucketKey]int32
	either   map[int32]int32 // events by day with the entity on either side, once each
	partners map[partnerKey]*partnerAgg
	asSource int
	asTarget int
}

type bucketKey struct {
	day  int32
	quad int8
	side int8 // 0 source, 1 target, sideEither: either side, once
}

const sideEither = 2

type partnerKey struct {
	id  string
	dir int8 // 0 out, 1 in
}

type partnerAgg struct {
	actor string
	n     int
	sum   float64
	days  map[int32]int32
}

// buildSummary reads the store's facts into a summary.
func buildSummary(ctx context.Context, st Summarizer, version string) (*summary, error) {
	s := &summary{version: version, entIdx: map[string]int32{}, outlets: map[string]int32{}}
	if err := st.ScanArticles(ctx, func(aid int64, day, outlet string) error {
		o, ok := s.outlets[outlet]
		if !ok {
			o = int32(len(s.outlets))
			s.outlets[outlet] = o
		}
		if aid < 0 || aid > 1<<31 {
			return nil
		}
		for int64(len(s.arts)) <= aid {
			s.arts = append(s.arts, artInfo{})
		}
		s.arts[aid] = artInfo{ok: true, day: day, outlet: o}
		s.order = append(s.order, aid)
		return ctx.Err()
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(s.order, func(a, b int64) int {
		return cmp.Or(strings.Compare(s.arts[b].day, s.arts[a].day), cmp.Compare(b, a))
	})
	if err := st.ScanEntities(ctx, func(e store.EntityInfo) error {
		s.entIdx[e.ID] = int32(len(s.ents))
		s.ents = append(s.ents, e)
		return nil
	}); err != nil {
		return nil, err
	}
	s.totals = make([]entTotal, len(s.ents))
	s.acts = make([]*actorEvents, len(s.ents))
	for i := range s.totals {
		s.totals[i].first = -1
	}
	// Mentions are read before the days are known: keep them by day key
	// and index the days after.
	type dm struct {
		day string
		c   entCount
	}
	var mentions []dm
	dayCountry := map[string]map[int32]int32{}
	countryIdx := map[string]int32{}
	comention := make([]map[int32]int32, len(s.ents))
	var cur int64 = -1
	var inArticle []int32
	var countriesInArticle []int32
	var curDay string
	flush := func() {
		for i, a := range inArticle {
			for _, b := range inArticle[i+1:] {
				if comention[a] == nil {
					comention[a] = map[int32]int32{}
				}
				if comention[b] == nil {
					comention[b] = map[int32]int32{}
				}
				comention[a][b]++
				comention[b][a]++
			}
		}
		if len(countriesInArticle) > 0 {
			m := dayCountry[curDay]
			if m == nil {
				m = map[int32]int32{}
				dayCountry[curDay] = m
			}
			for _, c := range countriesInArticle {
				m[c]++
			}
		}
		inArticle, countriesInArticle = inArticle[:0], countriesInArticle[:0]
	}
	country := func(c string) int32 {
		i, ok := countryIdx[c]
		if !ok {
			i = int32(len(s.countries))
			countryIdx[c] = i
			s.countries = append(s.countries, c)
		}
		return i
	}
	if err := st.ScanMentions(ctx, func(m store.MentionFact) error {
		e, ok := s.entIdx[m.Entity]
		if !ok {
			return nil
		}
		if m.Article != cur {
			flush()
			cur, curDay = m.Article, m.Day
		}
		inArticle = append(inArticle, e)
		if a := s.art(m.Article); a != nil {
			a.ents = append(a.ents, e)
		}
		if c := s.ents[e].Country; c != "" {
			ci := country(c)
			if !slices.Contains(countriesInArticle, ci) {
				countriesInArticle = append(countriesInArticle, ci)
			}
		}
		t := &s.totals[e]
		t.articles++
		t.mentions += int32(m.Mentions)
		mentions = append(mentions, dm{m.Day, entCount{e, 1, int32(m.Mentions)}})
		return ctx.Err()
	}); err != nil {
		return nil, err
	}
	flush()
	var events []store.EventFact
	if err := st.ScanEvents(ctx, func(e store.EventFact) error {
		events = append(events, e)
		return ctx.Err()
	}); err != nil {
		return nil, err
	}
	// Days.
	seen := map[string]bool{}
	for _, m := range mentions {
		seen[m.day] = true
	}
	for _, e := range events {
		seen[e.Day] = true
	}
	for d := range seen {
		s.days = append(s.days, d)
	}
	slices.Sort(s.days)
	dayIdx := make(map[string]int32, len(s.days))
	for i, d := range s.days {
		dayIdx[d] = int32(i)
	}
	// Mentions by day, summed per entity.
	s.dayMentions = make([][]entCount, len(s.days))
	for _, m := range mentions {
		d := dayIdx[m.day]
		s.dayMentions[d] = append(s.dayMentions[d], m.c)
		if m.day == "" {
			continue
		}
		t := &s.totals[m.c.ent]
		if t.first < 0 || d < t.first {
			t.first = d
		}
		if d > t.last {
			t.last = d
		}
	}
	for d, ms := range s.dayMentions {
		slices.SortFunc(ms, func(a, b entCount) int { return cmp.Compare(a.ent, b.ent) })
		out := ms[:0]
		for _, m := range ms {
			if n := len(out); n > 0 && out[n-1].ent == m.ent {
				out[n-1].articles += m.articles
				out[n-1].mentions += m.mentions
				continue
			}
			out = append(out, m)
		}
		s.dayMentions[d] = slices.Clip(out)
	}
	s.dayCountries = make([][]keyCount, len(s.days))
	for day, m := range dayCountry {
		d, ok := dayIdx[day]
		if !ok {
			continue
		}
		for c, n := range m {
			s.dayCountries[d] = append(s.dayCountries[d], keyCount{c, n})
		}
		slices.SortFunc(s.dayCountries[d], func(a, b keyCount) int { return cmp.Compare(a.key, b.key) })
	}
	// Co-mentions, most first.
	s.related = make([][]pairCount, len(s.ents))
	for e, m := range comention {
		if len(m) == 0 {
			continue
		}
		ps := make([]pairCount, 0, len(m))
		for o, n := range m {
			ps = append(ps, pairCount{o, n})
		}
		slices.SortFunc(ps, func(a, b pairCount) int {
			if a.n != b.n {
				return cmp.Compare(b.n, a.n)
			}
			return strings.Compare(s.ents[a.other].ID, s.ents[b.other].ID)
		})
		s.related[e] = ps
	}
	// Events by day and by actor.
	type aggKey struct {
		day        int32
		quad, root int8
		c0, c1, c2 int16
		loc        int32
	}
	aggs := map[aggKey]*eventAgg{}
	pointIdx := map[point]int32{}
	ci16 := func(c string) int16 {
		if c == "" {
			return -1
		}
		return int16(country(c))
	}
	for _, e := range events {
		d := dayIdx[e.Day]
		loc := int32(-1)
		if e.Lat != 0 || e.Lon != 0 {
			p := point{id: e.Location, country: e.Country, lat: e.Lat, lon: e.Lon}
			i, ok := pointIdx[p]
			if !ok {
				i = int32(len(s.points))
				pointIdx[p] = i
				if k, ok := s.entIdx[e.Location]; ok {
					p.name = s.ents[k].Name
				} else {
					p.name = e.Location
				}
				s.points = append(s.points, p)
			}
			loc = i
		}
		root := int8(0)
		if len(e.Root) == 2 && e.Root[0] >= '0' && e.Root[0] <= '2' && e.Root[1] >= '0' && e.Root[1] <= '9' {
			root = int8((e.Root[0]-'0')*10 + e.Root[1] - '0')
		}
		k := aggKey{d, int8(e.Quad), root, ci16(e.Country), ci16(e.SourceCountry), ci16(e.TargetCountry), loc}
		a := aggs[k]
		if a == nil {
			a = &eventAgg{quad: k.quad, root: k.root, c0: k.c0, c1: k.c1, c2: k.c2, loc: k.loc}
			aggs[k] = a
		}
		a.n++
		a.goldstein += e.Goldstein
		if art := s.art(e.Article); art != nil && root > 0 {
			art.roots |= 1 << uint(root)
		}
		s.addActor(e.SourceEntity, 0, d, e, e.TargetEntity, e.Target)
		s.addActor(e.TargetEntity, 1, d, e, e.SourceEntity, e.Source)
	}
	s.dayEvents = make([][]eventAgg, len(s.days))
	for k, a := range aggs {
		s.dayEvents[k.day] = append(s.dayEvents[k.day], *a)
	}
	s.dayQuads = make([][5]int32, len(s.days))
	for d, evs := range s.dayEvents {
		for _, a := range evs {
			if a.quad < 0 || a.quad > 4 {
				s.oddQuads = true
				continue
			}
			s.dayQuads[d][a.quad] += a.n
		}
		slices.SortFunc(evs, func(a, b eventAgg) int {
			return cmp.Or(cmp.Compare(a.quad, b.quad), cmp.Compare(a.root, b.root), cmp.Compare(a.c0, b.c0),
				cmp.Compare(a.c1, b.c1), cmp.Compare(a.c2, b.c2), cmp.Compare(a.loc, b.loc))
		})
	}
	return s, nil
}

// addActor counts event e for entity id on one side, with its partner on
// the other side (an entity, else an actor code).
func (s *summary) addActor(id string, side int8, day int32, e store.EventFact, otherEntity, otherCode string) {
	k, ok := s.entIdx[id]
	if !ok {
		return
	}
	a := s.acts[k]
	if a == nil {
		a = &actorEvents{buckets: map[bucketKey]int32{}, either: map[int32]int32{}, partners: map[partnerKey]*partnerAgg{}}
		s.acts[k] = a
	}
	if side == 0 || e.SourceEntity != e.TargetEntity {
		a.either[day]++
		a.buckets[bucketKey{day, int8(e.Quad), sideEither}]++
	}
	if side == 0 {
		a.asSource++
	} else {
		a.asTarget++
	}
	a.buckets[bucketKey{day, int8(e.Quad), side}]++
	other := otherEntity
	if other == "" {
		other = otherCode
	}
	if other == "" || other == id {
		return
	}
	pk := partnerKey{other, side}
	p := a.partners[pk]
	if p == nil {
		p = &partnerAgg{actor: otherCode, days: map[int32]int32{}}
		a.partners[pk] = p
	}
	if p.actor == "" {
		p.actor = otherCode
	}
	p.n++
	p.sum += e.Goldstein
	p.days[day]++
}

// span returns the day indexes [lo, hi) that period p covers, with the
// store's semantics: day >= Since, and day's prefix as long as Until <=
// Until; undated articles (day "", sorted first) count only when the
// period is open at both ends.
func (s *summary) span(p store.Period) (int, int) {
	lo := 0
	if p.Since != "" {
		lo = sort.SearchStrings(s.days, p.Since)
	} else if p.Until != "" && len(s.days) > 0 && s.days[0] == "" {
		lo = 1
	}
	hi := len(s.days)
	if p.Until != "" {
		n := len(p.Until)
		hi = sort.Search(len(s.days), func(i int) bool {
			d := s.days[i]
			return d[:min(n, len(d))] > p.Until
		})
	}
	return lo, max(lo, hi)
}

// topActors is store.TopActors over the summary.
func (s *summary) topActors(f store.ActorFilter) []store.ActorCount {
	lo, hi := s.span(f.Period)
	arts := make([]int32, len(s.ents))
	ments := make([]int32, len(s.ents))
	for d := lo; d < hi; d++ {
		for _, m := range s.dayMentions[d] {
			arts[m.ent] += m.articles
			ments[m.ent] += m.mentions
		}
	}
	typ := strings.ToUpper(f.Type)
	var idx []int32
	for i := range s.ents {
		if arts[i] > 0 && (typ == "" || s.ents[i].Type == typ) {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int {
		return cmp.Or(cmp.Compare(arts[b], arts[a]), cmp.Compare(ments[b], ments[a]), strings.Compare(s.ents[a].ID, s.ents[b].ID))
	})
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	out := make([]store.ActorCount, 0, min(limit, len(idx)))
	for _, i := range idx[:min(limit, len(idx))] {
		e := s.ents[i]
		out = append(out, store.ActorCount{ID: e.ID, Name: e.Name, Type: e.Type, Actor: e.Actor, Country: e.Country, Articles: int(arts[i]), Mentions: int(ments[i])})
	}
	return out
}

// topCountries counts the stories mentioning entities of each country.
func (s *summary) topCountries(p store.Period, limit int) []store.Count {
	lo, hi := s.span(p)
	n := make([]int64, len(s.countries))
	for d := lo; d < hi; d++ {
		for _, c := range s.dayCountries[d] {
			n[c.key] += int64(c.n)
		}
	}
	return topCounts(s.countries, n, limit)
}

func topCounts(names []string, n []int64, limit int) []store.Count {
	var out []store.Count
	for i, v := range n {
		if v > 0 {
			out = append(out, store.Count{Name: names[i], N: v})
		}
	}
	slices.SortFunc(out, func(a, b store.Count) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Name, b.Name)) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// answers reports whether the summary can answer an event query: filters
// on period, quad class, root and country only, stories only.
func (s *summary) answers(q store.EventQuery) bool {
	f := q.EventFilter
	return f.Actor == "" && f.Source == "" && f.Target == "" && f.Pair == [2]string{} && f.Code == "" && f.Plover == "" &&
		!f.Duplicates && q.Location == "" && q.MinGoldstein == nil && q.MaxGoldstein == nil
}

// events calls fn with the day index and every aggregate matching q.
func (s *summary) events(q store.EventQuery, fn func(d int, a *eventAgg)) {
	lo, hi := s.span(q.Period)
	root := int8(-1)
	if len(q.Root) == 2 {
		root = int8((q.Root[0]-'0')*10 + q.Root[1] - '0')
	}
	country := int16(-2)
	if q.Country != "" {
		country = -3 // matches nothing unless known
		for i, c := range s.countries {
			if c == strings.ToUpper(q.Country) {
				country = int16(i)
			}
		}
	}
	for d := lo; d < hi; d++ {
		for i := range s.dayEvents[d] {
			a := &s.dayEvents[d][i]
			if q.Quad != 0 && int(a.quad) != q.Quad || root >= 0 && a.root != root {
				continue
			}
			if country != -2 && a.c0 != country && a.c1 != country && a.c2 != country {
				continue
			}
			fn(d, a)
		}
	}
}

// eventBuckets is the store's EventBuckets over the summary. The days
// are sorted, so the days of a bucket come one after the other: it sums
// them in a few counters rather than a map (this runs on every events
// page and timeline over every day's aggregates).
func (s *summary) eventBuckets(q store.EventQuery, width int) []store.Bucket {
	var (
		out   []store.Bucket
		key   string
		quads [5]int // quad classes 0 (none) to 4
		other map[int]int
	)
	flush := func() {
		for quad, n := range quads {
			if n > 0 {
				out = append(out, store.Bucket{Key: key, Quad: quad, N: n})
			}
		}
		for quad, n := range other {
			out = append(out, store.Bucket{Key: key, Quad: quad, N: n})
		}
		quads, other = [5]int{}, nil
	}
	s.eachDayQuad(q, func(d int, quad int8, n int32) {
		day := s.days[d]
		if len(day) < width {
			return
		}
		if k := day[:width]; k != key {
			flush()
			key = k
		}
		if quad >= 0 && int(quad) < len(quads) {
			quads[quad] += int(n)
			return
		}
		if other == nil {
			other = map[int]int{}
		}
		other[int(quad)] += int(n)
	})
	flush()
	slices.SortStableFunc(out, func(a, b store.Bucket) int { return cmp.Or(strings.Compare(a.Key, b.Key), cmp.Compare(a.Quad, b.Quad)) })
	return out
}

// eachDayQuad calls fn with the day index, quad class and count of the
// events matching q, day by day: from the days' quad counts when q
// filters on period and quad class alone, else from the aggregates.
func (s *summary) eachDayQuad(q store.EventQuery, fn func(d int, quad int8, n int32)) {
	if q.Root != "" || q.Country != "" || s.oddQuads {
		s.events(q, func(d int, a *eventAgg) { fn(d, a.quad, a.n) })
		return
	}
	lo, hi := s.span(q.Period)
	for d := lo; d < hi; d++ {
		for quad, n := range s.dayQuads[d] {
			if n > 0 && (q.Quad == 0 || quad == q.Quad) {
				fn(d, int8(quad), n)
			}
		}
	}
}

// countryEvents is the store's CountryEvents over the summary.
func (s *summary) countryEvents(q store.EventQuery) []store.Count {
	n := make([]int64, len(s.countries))
	s.events(q, func(_ int, a *eventAgg) {
		switch {
		case a.c0 >= 0:
			n[a.c0] += int64(a.n)
		default:
			if a.c1 >= 0 {
				n[a.c1] += int64(a.n)
			}
			if a.c2 >= 0 && a.c2 != a.c1 {
				n[a.c2] += int64(a.n)
			}
		}
	})
	return topCounts(s.countries, n, 0)
}

// eventPlaces is the store's EventPlaces over the summary.
func (s *summary) eventPlaces(q store.EventQuery, limit int) []store.PlaceCount {
	n := make([]int, len(s.points))
	s.events(q, func(_ int, a *eventAgg) {
		if a.loc >= 0 {
			n[a.loc] += int(a.n)
		}
	})
	// Points with the same place id (one place, several coordinates) are
	// kept apart, as the store's query does.
	var out []store.PlaceCount
	for i, v := range n {
		if v > 0 {
			p := s.points[i]
			out = append(out, store.PlaceCount{ID: p.id, Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon, N: v})
		}
	}
	slices.SortFunc(out, func(a, b store.PlaceCount) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.ID, b.ID)) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// places is the store's Places over the summary.
func (s *summary) places(p store.Period, limit int) []store.PlaceCount {
	lo, hi := s.span(p)
	arts := make([]int32, len(s.ents))
	for d := lo; d < hi; d++ {
		for _, m := range s.dayMentions[d] {
			arts[m.ent] += m.articles
		}
	}
	var out []store.PlaceCount
	for i, e := range s.ents {
		if arts[i] > 0 && e.Type == "PLACE" && (e.Lat != 0 || e.Lon != 0) {
			out = append(out, store.PlaceCount{ID: e.ID, Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon, N: int(arts[i])})
		}
	}
	slices.SortFunc(out, func(a, b store.PlaceCount) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.ID, b.ID)) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// entityOK fills an entity's counts; ok is false when there is no
// summary or it does not know the entity.
func (s *summary) entityOK(id string) (store.EntityInfo, bool) {
	if s == nil {
		return store.EntityInfo{}, false
	}
	k, ok := s.entIdx[id]
	if !ok {
		return store.EntityInfo{}, false
	}
	e := s.ents[k]
	t := s.totals[k]
	e.Articles, e.Mentions = int(t.articles), int(t.mentions)
	if t.first >= 0 {
		e.First, e.Last = s.days[t.first], s.days[t.last]
	}
	if a := s.acts[k]; a != nil {
		e.AsSource, e.AsTarget = a.asSource, a.asTarget
	}
	return e, true
}

// actorBuckets is the store's ActorBuckets (all time) over the summary.
func (s *summary) actorBuckets(id string, width int) []store.Bucket {
	k, ok := s.entIdx[id]
	if !ok || s.acts[k] == nil {
		return nil
	}
	type key struct {
		key  string
		quad int
		side int8
	}
	m := map[key]int{}
	for b, n := range s.acts[k].buckets {
		day := s.days[b.day]
		if len(day) < width || b.side == sideEither {
			continue
		}
		m[key{day[:width], int(b.quad), b.side}] += int(n)
	}
	out := make([]store.Bucket, 0, len(m))
	for k, n := range m {
		side := "source"
		if k.side == 1 {
			side = "target"
		}
		out = append(out, store.Bucket{Key: k.key, Quad: k.quad, Side: side, N: n})
	}
	slices.SortFunc(out, func(a, b store.Bucket) int {
		return cmp.Or(strings.Compare(a.Side, b.Side), strings.Compare(a.Key, b.Key), cmp.Compare(a.Quad, b.Quad))
	})
	return out
}

// partners is the store's Partners over the summary.
func (s *summary) partners(id string, limit, width int) []store.Partner {
	k, ok := s.entIdx[id]
	if !ok || s.acts[k] == nil {
		return nil
	}
	var out []store.Partner
	for pk, p := range s.acts[k].partners {
		dir := "out"
		if pk.dir == 1 {
			dir = "in"
		}
		sp := store.Partner{ID: pk.id, Name: p.actor, Actor: p.actor, Direction: dir, Events: p.n, Goldstein: p.sum / float64(max(p.n, 1))}
		if i, ok := s.entIdx[pk.id]; ok {
			sp.Name = s.ents[i].Name
		}
		byKey := map[string]int64{}
		for d, n := range p.days {
			if day := s.days[d]; len(day) >= width {
				byKey[day[:width]] += int64(n)
			}
		}
		for key, n := range byKey {
			sp.ByPeriod = append(sp.ByPeriod, store.Count{Name: key, N: n})
		}
		slices.SortFunc(sp.ByPeriod, func(a, b store.Count) int { return strings.Compare(a.Name, b.Name) })
		out = append(out, sp)
	}
	slices.SortFunc(out, func(a, b store.Partner) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.ID, b.ID), strings.Compare(b.Direction, a.Direction))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// relatedTo is the store's Related over the summary.
func (s *summary) relatedTo(id string, limit int) []store.Mentioned {
	k, ok := s.entIdx[id]
	if !ok {
		return nil
	}
	ps := s.related[k]
	out := make([]store.Mentioned, 0, min(limit, len(ps)))
	for _, p := range ps[:min(limit, len(ps))] {
		e := s.ents[p.other]
		out = append(out, store.Mentioned{ID: e.ID, Name: e.Name, Type: e.Type, Articles: int(p.n)})
	}
	return out
}

// coMentionsAmong is the store's CoMentionsAmong over the summary.
func (s *summary) coMentionsAmong(ids []string) []store.CoMention {
	var out []store.CoMention
	for i, a := range ids {
		ka, ok := s.entIdx[a]
		if !ok {
			continue
		}
		for _, b := range ids[i+1:] {
			kb, ok := s.entIdx[b]
			if !ok {
				continue
			}
			for _, p := range s.related[ka] {
				if p.other == kb {
					x, y := a, b
					if y < x {
						x, y = y, x
					}
					out = append(out, store.CoMention{A: x, B: y, Articles: int(p.n)})
					break
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b store.CoMention) int { return cmp.Or(strings.Compare(a.A, b.A), strings.Compare(a.B, b.B)) })
	return out
}

// searchable reports whether the summary can select the stories of a
// search filter: not when duplicates are asked for.
func (s *summary) searchable(f store.SearchFilter) bool { return s != nil && !f.Duplicates }

// matcher returns a test of a story against the search filter's outlet,
// entity, country, CAMEO root and period.
func (s *summary) matcher(f store.SearchFilter) func(aid int64) bool {
	outlet := int32(-1)
	if f.Outlet != "" {
		o, ok := s.outlets[f.Outlet]
		if !ok {
			return func(int64) bool { return false }
		}
		outlet = o
	}
	ent := int32(-1)
	if f.Entity != "" {
		e, ok := s.entIdx[f.Entity]
		if !ok {
			return func(int64) bool { return false }
		}
		ent = e
	}
	country := strings.ToUpper(f.Country)
	var root uint32
	if len(f.Root) == 2 && f.Root[0] >= '0' && f.Root[0] <= '2' && f.Root[1] >= '0' && f.Root[1] <= '9' {
		root = 1 << uint((f.Root[0]-'0')*10+f.Root[1]-'0')
	} else if f.Root != "" {
		return func(int64) bool { return false }
	}
	since, until := f.Since, f.Until
	return func(aid int64) bool {
		a := s.art(aid)
		switch {
		case a == nil,
			outlet >= 0 && a.outlet != outlet,
			root != 0 && a.roots&root == 0,
			since != "" && a.day < since,
			until != "" && (a.day == "" || a.day[:min(len(until), len(a.day))] > until),
			ent >= 0 && !slices.Contains(a.ents, ent):
			return false
		}
		if country != "" {
			for _, e := range a.ents {
				if s.ents[e].Country == country {
					return true
				}
			}
			return false
		}
		return true
	}
}

// entityOnly returns the entity of a query whose only filters are an
// entity on either side, a quad class and a period.
func (s *summary) entityOnly(q store.EventQuery) (int32, bool) {
	f := q.EventFilter
	if !strings.Contains(f.Actor, ":") || f.Source != "" || f.Target != "" || f.Pair != [2]string{} || f.Code != "" || f.Root != "" ||
		f.Plover != "" || f.Country != "" || f.Duplicates || q.Location != "" || q.MinGoldstein != nil || q.MaxGoldstein != nil {
		return 0, false
	}
	k, ok := s.entIdx[f.Actor]
	return k, ok && s.acts[k] != nil
}

// entityOnlyOK is entityOnly on a summary that may be nil.
func (s *summary) entityOnlyOK(q store.EventQuery) (int32, bool) {
	if s == nil {
		return 0, false
	}
	return s.entityOnly(q)
}

// entityBuckets is eventBuckets for a query entityOnly accepts.
func (s *summary) entityBuckets(k int32, q store.EventQuery, width int) []store.Bucket {
	lo, hi := s.span(q.Period)
	type key struct {
		key  string
		quad int
	}
	m := map[key]int{}
	for b, n := range s.acts[k].buckets {
		if b.side != sideEither || int(b.day) < lo || int(b.day) >= hi || q.Quad != 0 && int(b.quad) != q.Quad {
			continue
		}
		if day := s.days[b.day]; len(day) >= width {
			m[key{day[:width], int(b.quad)}] += int(n)
		}
	}
	out := make([]store.Bucket, 0, len(m))
	for k, n := range m {
		out = append(out, store.Bucket{Key: k.key, Quad: k.quad, N: n})
	}
	slices.SortFunc(out, func(a, b store.Bucket) int { return cmp.Or(strings.Compare(a.Key, b.Key), cmp.Compare(a.Quad, b.Quad)) })
	return out
}

// eventWindow finds the days that hold a page of the events q selects
// (newest first), so that the store sorts only those days' events: rng
// bounds the day keys and offset is the page's start within them. ok is
// false when the summary cannot count q's events by day: it counts the
// filters of answers, or an entity on either side with a quad class and
// a period.
func (s *summary) eventWindow(q store.EventQuery) (rng [2]string, offset int, ok bool) {
	if s == nil || q.Page.Limit <= 0 {
		return rng, 0, false
	}
	lo, hi := s.span(q.Period)
	counts := make([]int, hi-lo)
	switch f := q.EventFilter; {
	case s.answers(q):
		s.eachDayQuad(q, func(d int, _ int8, n int32) { counts[d-lo] += int(n) })
	default:
		k, ok := s.entityOnly(q)
		if !ok {
			return rng, 0, false
		}
		for b, n := range s.acts[k].buckets {
			if b.side == sideEither && int(b.day) >= lo && int(b.day) < hi && (f.Quad == 0 || int(b.quad) == f.Quad) {
				counts[int(b.day)-lo] += int(n)
			}
		}
		return s.walkWindow(counts, lo, hi, q.Page)
	}
	return s.walkWindow(counts, lo, hi, q.Page)
}

// walkWindow finds, in counts of matching events per day (days lo to hi),
// the newest days that hold page p.
func (s *summary) walkWindow(counts []int, lo, hi int, p store.Page) (rng [2]string, offset int, ok bool) {
	need := p.Offset
	top := -1
	for d := hi - 1; d >= lo; d-- {
		c := counts[d-lo]
		if top < 0 {
			if need < c {
				top, offset, need = d, need, need+p.Limit+1
			} else {
				need -= c
				continue
			}
		}
		need -= c
		if need <= 0 || d == lo {
			return [2]string{s.days[d], s.days[top]}, offset, true
		}
	}
	return rng, 0, false
}

// summaries keeps the current summary up to date.
type summaries struct {
	st       Summarizer
	versions interface {
		Version(ctx context.Context) (string, error)
	}
	cur   atomic.Pointer[summary]
	ready chan struct{}
}

// current returns the latest summary, or nil before the first is built.
func (m *summaries) current() *summary {
	if m == nil {
		return nil
	}
	return m.cur.Load()
}

// run builds a summary, then rebuilds it whenever the store's version
// changes (checked every interval), until ctx is done.
func (m *summaries) run(ctx context.Context, interval time.Duration, onBuilt func(), onErr func(error)) {
	first := true
	for {
		v, err := m.versions.Version(ctx)
		if err == nil && (m.current() == nil || m.current().version != v) {
			s, err := buildSummary(ctx, m.st, v)
			if err == nil {
				m.cur.Store(s)
				onBuilt()
			} else if ctx.Err() == nil {
				onErr(err)
			}
		} else if err != nil && ctx.Err() == nil {
			onErr(err)
		}
		if first {
			close(m.ready)
			first = false
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

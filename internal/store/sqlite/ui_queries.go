package sqlite

// The queries of the web UI and JSON API (package serve): pages of search
// results and events, counts for charts and maps, an entity's profile.
// Every query is bounded: pages by their Limit, aggregates by a LIMIT or
// by the few groups they make.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/store"
)

// period bounds col by p as where.period does, adding an upper bound that
// an index can use (the prefix test alone cannot).
func period(w *where, col string, p store.Period) {
	w.period(col, p)
	if p.Until != "" {
		w.add(col+" < ?", p.Until+"~")
	}
}

// pageSQL is the LIMIT … OFFSET clause of a page, asking for one row more
// than the page so that the caller can tell whether another follows.
func pageSQL(p store.Page) string {
	l := p.Limit
	if l <= 0 {
		l = 20
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", l+1, max(p.Offset, 0))
}

// searchCandidates bounds the matches a full-text search ranks, and the
// quotes a search or a speaker's list sorts: the most recently stored
// ones (the newest, when articles are stored as they are published).
// Ranking costs about 8 µs per match in this SQLite; 1,000 keep a search
// near 10 ms however common its words.
const searchCandidates = 1000

// Search returns a page of the articles f selects, with their text. It
// finds the page's articles first and reads their rows and texts after,
// so that only the page's records are decoded.
func (d *DB) Search(ctx context.Context, f store.SearchFilter) ([]store.SearchHit, error) {
	var w where
	text := strings.TrimSpace(f.Text) != ""
	if text {
		w.add("articles_fts MATCH ?", ftsQuery(f.Text))
	}
	if f.Outlet != "" {
		w.add("a.outlet = ?", f.Outlet)
	}
	if f.Entity != "" {
		w.add("EXISTS (SELECT 1 FROM mentions m WHERE m.aid = a.aid AND m.entity = ?)", f.Entity)
	}
	if f.Country != "" {
		w.add("EXISTS (SELECT 1 FROM mentions m CROSS JOIN entities en ON en.id = m.entity WHERE m.aid = a.aid AND en.country = ?)", strings.ToUpper(f.Country))
	}
	if f.Root != "" {
		// The unary + keeps SQLite from scanning events by root for each
		// article: the article's own events are few.
		w.add("EXISTS (SELECT 1 FROM events e WHERE e.aid = a.aid AND +e.root = ?)", f.Root)
	}
	period(&w, "a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	// Without words: newest first. With words: best match first (BM25)
	// among the searchCandidates most recently stored matches, so that a
	// common word costs no more than a rare one.
	q := "SELECT a.aid, 0.0 FROM articles a" + w.String() + " ORDER BY a.day DESC, a.aid DESC" + pageSQL(f.Page)
	if text {
		q = fmt.Sprintf(`SELECT aid, r FROM (SELECT a.aid AS aid, a.day AS day, bm25(articles_fts) AS r
			FROM articles_fts CROSS JOIN articles a ON a.aid = articles_fts.rowid%s ORDER BY articles_fts.rowid DESC LIMIT %d)
			ORDER BY r, day DESC, aid DESC`, w.String(), searchCandidates) + pageSQL(f.Page)
	}
	type hit struct {
		aid  int64
		rank float64
	}
	var page []hit
	for r, err := range queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (hit, error) {
		var h hit
		err := rows.Scan(&h.aid, &h.rank)
		return h, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		page = append(page, r)
	}
	aids := make([]int64, len(page))
	ranks := make([]float64, len(page))
	for i, p := range page {
		aids[i], ranks[i] = p.aid, p.rank
	}
	return d.Hits(ctx, aids, ranks)
}

// Hits reads the rows and texts of the articles with the given internal
// ids, in order, with their ranks (nil for none).
func (d *DB) Hits(ctx context.Context, aids []int64, ranks []float64) ([]store.SearchHit, error) {
	if len(aids) == 0 {
		return []store.SearchHit{}, nil
	}
	q := `SELECT a.aid, a.id, a.url, a.title, a.outlet, a.published, a.words, a.duplicate_of,
		(SELECT count(*) FROM copies c WHERE c.aid = a.aid) FROM articles a WHERE a.aid IN (` + placeholders(len(aids)) + ")"
	args := make([]any, len(aids))
	for i, a := range aids {
		args[i] = a
	}
	byAID := map[int64]store.SearchHit{}
	for r, err := range queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (struct {
		aid int64
		h   store.SearchHit
	}, error) {
		var r struct {
			aid int64
			h   store.SearchHit
		}
		h := &r.h
		err := rows.Scan(&r.aid, &h.ID, &h.URL, &h.Title, &h.Outlet, &h.Published, &h.Words, &h.DuplicateOf, &h.Copies)
		return r, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		byAID[r.aid] = r.h
	}
	texts, err := d.texts(ctx, aids, false)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := make([]store.SearchHit, 0, len(aids))
	for i, aid := range aids {
		h, ok := byAID[aid]
		if !ok {
			continue // replaced since it was found
		}
		if t := texts[aid]; t != nil {
			h.Body = t.text
		}
		if ranks != nil {
			h.Rank = ranks[i]
		}
		out = append(out, h)
	}
	return out, nil
}

// Matches returns the internal ids of the articles whose title or text
// match a full-text query, most recently stored first, at most n (0: all).
func (d *DB) Matches(ctx context.Context, text string, n int) ([]int64, error) {
	var list sql.NullString
	err := d.db.QueryRowContext(ctx, "SELECT group_concat(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC"+limit(n)+")", ftsQuery(text)).Scan(&list)
	if err != nil {
		return nil, fmt.Errorf("search: %w", mapErr(err))
	}
	var out []int64
	v := int64(0)
	in := false
	for i := 0; i < len(list.String); i++ {
		c := list.String[i]
		if c >= '0' && c <= '9' {
			v, in = v*10+int64(c-'0'), true
			continue
		}
		if in {
			out = append(out, v)
		}
		v, in = 0, false
	}
	if in {
		out = append(out, v)
	}
	return out, nil
}

// Rank returns a page of the given articles (internal ids, newest stored
// first) ordered by how well they match a full-text query (BM25), then
// newest first.
func (d *DB) Rank(ctx context.Context, text string, aids []int64, p store.Page) ([]store.SearchHit, error) {
	if len(aids) == 0 {
		return nil, nil
	}
	var b strings.Builder
	for i, a := range aids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(a, 10))
	}
	// The unary + keeps FTS5 from running the query once per id: it
	// walks the matches once and BM25 is computed for the given ids only.
	// The range lets FTS5 seek to the ids' part of its lists.
	lo, hi := slices.Min(aids), slices.Max(aids)
	q := fmt.Sprintf(`SELECT rowid, bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= %d AND rowid <= %d AND +rowid IN (`, lo, hi) + b.String() + `)`
	type ranked struct {
		aid  int64
		rank float64
		day  string
	}
	var all []ranked
	for r, err := range queryRows(ctx, d.db, q, []any{ftsQuery(text)}, func(rows *sql.Rows) (ranked, error) {
		var r ranked
		err := rows.Scan(&r.aid, &r.rank)
		return r, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		all = append(all, r)
	}
	// Ties in rank go newest first, as in Search: the ids come newest
	// stored first and the sort is stable on rank.
	order := map[int64]int{}
	for i, a := range aids {
		order[a] = i
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		return order[all[i].aid] < order[all[j].aid]
	})
	from := min(max(p.Offset, 0), len(all))
	to := min(from+orDefault(p.Limit, 20)+1, len(all))
	ids := make([]int64, 0, to-from)
	ranks := make([]float64, 0, to-from)
	for _, r := range all[from:to] {
		ids, ranks = append(ids, r.aid), append(ranks, r.rank)
	}
	return d.Hits(ctx, ids, ranks)
}

// ScanArticles calls fn with every story (an article that copies no
// other): its internal id, day and outlet.
func (d *DB) ScanArticles(ctx context.Context, fn func(aid int64, day, outlet string) error) error {
	q := "SELECT aid, day, outlet FROM articles WHERE story = aid"
	for r, err := range queryRows(ctx, d.db, q, nil, func(rows *sql.Rows) (struct {
		aid         int64
		day, outlet string
	}, error) {
		var r struct {
			aid         int64
			day, outlet string
		}
		err := rows.Scan(&r.aid, &r.day, &r.outlet)
		return r, err
	}) {
		if err != nil {
			return fmt.Errorf("scan articles: %w", err)
		}
		if err := fn(r.aid, r.day, r.outlet); err != nil {
			return err
		}
	}
	return nil
}

// eventWhere builds the conditions of an event query over events e
// joined with articles a.
func eventWhere(q store.EventQuery) *where {
	var w where
	f := q.EventFilter
	if f.Actor != "" {
		s, sa := actorCond("e.source", "e.source_entity", f.Actor)
		t, ta := actorCond("e.target", "e.target_entity", f.Actor)
		w.add("("+s+" OR "+t+")", append(sa, ta...)...)
	}
	if f.Source != "" {
		c, a := actorCond("e.source", "e.source_entity", f.Source)
		w.add(c, a...)
	}
	if f.Target != "" {
		c, a := actorCond("e.target", "e.target_entity", f.Target)
		w.add(c, a...)
	}
	if f.Pair[0] != "" && f.Pair[1] != "" {
		s0, a0 := actorCond("e.source", "e.source_entity", f.Pair[0])
		t1, a1 := actorCond("e.target", "e.target_entity", f.Pair[1])
		s1, a2 := actorCond("e.source", "e.source_entity", f.Pair[1])
		t0, a3 := actorCond("e.target", "e.target_entity", f.Pair[0])
		args := append(append(append(a0, a1...), a2...), a3...)
		w.add("(("+s0+" AND "+t1+") OR ("+s1+" AND "+t0+"))", args...)
	}
	if f.Root != "" {
		w.add("e.root = ?", f.Root)
	}
	if f.Code != "" {
		c, a := prefixCond("e.cameo", f.Code)
		w.add(c, a...)
	}
	if f.Quad != 0 {
		w.add("e.quad = ?", f.Quad)
	}
	if f.Plover != "" {
		w.add("e.plover = ?", strings.ToUpper(f.Plover))
	}
	if f.Country != "" {
		c := strings.ToUpper(f.Country)
		w.add("(e.country = ? OR e.source_country = ? OR e.target_country = ?)", c, c, c)
	}
	if q.Location != "" {
		w.add("e.location = ?", q.Location)
	}
	if q.MinGoldstein != nil {
		w.add("e.goldstein >= ?", *q.MinGoldstein)
	}
	if q.MaxGoldstein != nil {
		w.add("e.goldstein <= ?", *q.MaxGoldstein)
	}
	if q.DayRange != nil {
		w.add("e.day >= ? AND e.day <= ?", q.DayRange[0], q.DayRange[1])
	}
	period(&w, "e.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	return &w
}

// EventPage returns a page of the events q selects, newest first (by day,
// then last stored first, an article's events last first), with
// the sentence each came from. It finds the page's events first and
// reads their rows after, in one query, so that only the page's records
// are decoded, each once.
func (d *DB) EventPage(ctx context.Context, q store.EventQuery) ([]store.EventRow, error) {
	w := eventWhere(q)
	// events_day holds (day, aid, n): walking it backwards gives this
	// order without sorting.
	from := " FROM events e JOIN articles a ON a.aid = e.aid"
	switch {
	case q.DayRange != nil && strings.Contains(q.Actor, ":") && q.Source == "" && q.Target == "":
		// An entity's events on a few days: its two (entity, day)
		// indexes hold them; the day index would read every event of
		// those days.
		r := q.DayRange
		from = ` FROM (SELECT aid, n FROM events WHERE source_entity = ? AND day >= ? AND day <= ?
			UNION SELECT aid, n FROM events WHERE target_entity = ? AND day >= ? AND day <= ?) k
			CROSS JOIN events e ON e.aid = k.aid AND e.n = k.n JOIN articles a ON a.aid = e.aid`
		w.args = append([]any{q.Actor, r[0], r[1], q.Actor, r[0], r[1]}, w.args...)
	case q.DayRange != nil:
		// A few days hold the page: read them by day whatever else the
		// filter says (an index on root or actor would read every match).
		from = " FROM events e INDEXED BY events_day JOIN articles a ON a.aid = e.aid"
	}
	keys := "SELECT e.aid, e.n" + from + w.String() + " ORDER BY e.day DESC, e.aid DESC, e.n DESC" + pageSQL(q.Page)
	var ids []any
	for id, err := range queryRows(ctx, d.db, keys, w.args, func(rows *sql.Rows) ([2]int64, error) {
		var id [2]int64
		err := rows.Scan(&id[0], &id[1])
		return id, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		ids = append(ids, id[0], id[1])
	}
	if len(ids) == 0 {
		return nil, nil
	}
	pairs := strings.TrimSuffix(strings.Repeat("(?,?),", len(ids)/2), ",")
	sqlq := `SELECT e.aid, a.id, e.n, a.url, a.outlet, a.published, e.day, e.source, e.target, e.source_entity, e.target_entity, e.cameo, e.base, e.root,
		e.quad, e.goldstein, e.plover, e.mode, e.negated, e.modal, e.verb, e.verb_start, e.verb_end, e.location, e.country, e.lat, e.lon,
		e.date, e.sentence, e.confidence, ` + storyCounts + `
		FROM events e JOIN articles a ON a.aid = e.aid WHERE (e.aid, e.n) IN (VALUES ` + pairs + `)`
	type keyed struct {
		aid int64
		row store.EventRow
	}
	byKey := map[[2]int64]keyed{}
	for k, err := range queryRows(ctx, d.db, sqlq, ids, func(rows *sql.Rows) (keyed, error) {
		var k keyed
		r := &k.row
		e := &r.Event
		err := rows.Scan(&k.aid, &r.Article, &r.Index, &r.URL, &r.Outlet, &r.Published, &r.Day, &e.Source, &e.Target, &e.SourceEntity, &e.TargetEntity,
			&e.Code, &e.Base, &e.Root, &e.Quad, &e.Goldstein, &e.Plover, &e.Mode, &e.Negated, &e.Modal, &e.Verb, &e.VerbSpan.Start, &e.VerbSpan.End,
			&e.Location, &e.Country, &e.Lat, &e.Lon, &e.Date, &e.Sentence, &e.Confidence, &r.NumArticles, &r.NumSources)
		return k, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		byKey[[2]int64{k.aid, int64(k.row.Index)}] = k
	}
	aids := make([]int64, 0, len(ids)/2)
	for i := 0; i < len(ids); i += 2 {
		aids = append(aids, ids[i].(int64))
	}
	texts, err := d.texts(ctx, aids, true)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	out := make([]store.EventRow, 0, len(ids)/2)
	for i := 0; i < len(ids); i += 2 {
		k, ok := byKey[[2]int64{ids[i].(int64), ids[i+1].(int64)}]
		if !ok {
			continue // replaced since the first query
		}
		r := k.row
		if t := texts[k.aid]; t != nil {
			if j := r.Event.Sentence; j >= 0 && j < len(t.sents) {
				if s := t.sents[j]; s.Start >= 0 && s.End <= len(t.text) && s.Start <= s.End {
					r.SentenceText = t.text[s.Start:s.End]
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// recordTexts are the text and sentences of a stored record.
type recordTexts struct {
	text  string
	sents []article.Span
}

// texts reads the texts (and sentences, when asked) of the articles with
// the given internal ids, each record once.
func (d *DB) texts(ctx context.Context, ids []int64, withSentences bool) (map[int64]*recordTexts, error) {
	var aids []any
	seen := map[int64]bool{}
	for _, a := range ids {
		if !seen[a] {
			seen[a] = true
			aids = append(aids, a)
		}
	}
	out := make(map[int64]*recordTexts, len(aids))
	if len(aids) == 0 {
		return out, nil
	}
	q := "SELECT aid, record FROM articles WHERE aid IN (" + placeholders(len(aids)) + ")"
	for r, err := range queryRows(ctx, d.db, q, aids, func(rows *sql.Rows) (struct {
		aid int64
		t   *recordTexts
	}, error) {
		var r struct {
			aid int64
			t   *recordTexts
		}
		var raw sql.RawBytes
		if err := rows.Scan(&r.aid, &raw); err != nil {
			return r, err
		}
		text, sents := recordText(raw, withSentences)
		r.t = &recordTexts{text, sents}
		return r, nil
	}) {
		if err != nil {
			return nil, err
		}
		out[r.aid] = r.t
	}
	return out, nil
}

// EventExport calls fn with up to n of the events q selects (all when n
// is 0), article by article, each with its sentence. It reads each
// article's record once.
func (d *DB) EventExport(ctx context.Context, q store.EventQuery, n int, fn func(store.EventRow) error) error {
	w := eventWhere(q)
	keys := "SELECT e.aid, e.n FROM events e JOIN articles a ON a.aid = e.aid" + w.String() + " ORDER BY e.aid, e.n" + limit(n)
	var ids []any
	for id, err := range queryRows(ctx, d.db, keys, w.args, func(rows *sql.Rows) ([2]int64, error) {
		var id [2]int64
		err := rows.Scan(&id[0], &id[1])
		return id, err
	}) {
		if err != nil {
			return fmt.Errorf("export events: %w", err)
		}
		ids = append(ids, id[0], id[1])
	}
	var (
		lastAID int64 = -1
		text    string
		sents   []article.Span
	)
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 1000)]
		ids = ids[len(chunk):]
		pairs := strings.TrimSuffix(strings.Repeat("(?,?),", len(chunk)/2), ",")
		sqlq := `SELECT a.aid, a.id, e.n, a.url, a.outlet, a.published, e.day, e.source, e.target, e.source_entity, e.target_entity, e.cameo, e.base, e.root,
			e.quad, e.goldstein, e.plover, e.mode, e.negated, e.modal, e.verb, e.verb_start, e.verb_end, e.location, e.country, e.lat, e.lon,
			e.date, e.sentence, e.confidence
			FROM events e JOIN articles a ON a.aid = e.aid WHERE (e.aid, e.n) IN (VALUES ` + pairs + `) ORDER BY e.aid, e.n`
		var rows []store.EventRow
		var aids []int64
		for r, err := range queryRows(ctx, d.db, sqlq, chunk, func(rows *sql.Rows) (store.EventRow, error) {
			var r store.EventRow
			e := &r.Event
			var aid int64
			err := rows.Scan(&aid, &r.Article, &r.Index, &r.URL, &r.Outlet, &r.Published, &r.Day, &e.Source, &e.Target, &e.SourceEntity, &e.TargetEntity,
				&e.Code, &e.Base, &e.Root, &e.Quad, &e.Goldstein, &e.Plover, &e.Mode, &e.Negated, &e.Modal, &e.Verb, &e.VerbSpan.Start, &e.VerbSpan.End,
				&e.Location, &e.Country, &e.Lat, &e.Lon, &e.Date, &e.Sentence, &e.Confidence)
			aids = append(aids, aid)
			return r, err
		}) {
			if err != nil {
				return fmt.Errorf("export events: %w", err)
			}
			rows = append(rows, r)
		}
		for i, r := range rows {
			if aids[i] != lastAID {
				lastAID = aids[i]
				var raw []byte
				if err := d.db.QueryRowContext(ctx, "SELECT record FROM articles WHERE aid = ?", lastAID).Scan(&raw); err != nil {
					return fmt.Errorf("export events: %w", mapErr(err))
				}
				var rec struct {
					Text      string         `json:"text"`
					Sentences []article.Span `json:"sentences"`
				}
				_ = json.Unmarshal(raw, &rec)
				text, sents = rec.Text, rec.Sentences
			}
			if k := r.Event.Sentence; k >= 0 && k < len(sents) && sents[k].Start >= 0 && sents[k].End <= len(text) && sents[k].Start <= sents[k].End {
				r.SentenceText = text[sents[k].Start:sents[k].End]
			}
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// EventRecords yields the stored records that hold the events q selects,
// each with the indexes of its selected events, in article order. Export
// writers use it to write the current filter.
func (d *DB) EventRecords(ctx context.Context, q store.EventQuery, n int) ([]store.StoredRecord, [][]int, error) {
	w := eventWhere(q)
	sqlq := "SELECT a.id, e.n FROM events e JOIN articles a ON a.aid = e.aid" + w.String() + " ORDER BY a.aid, e.n"
	sqlq += limit(n)
	var ids []string
	idx := map[string][]int{}
	for r, err := range queryRows(ctx, d.db, sqlq, w.args, func(rows *sql.Rows) (struct {
		id string
		n  int
	}, error) {
		var r struct {
			id string
			n  int
		}
		err := rows.Scan(&r.id, &r.n)
		return r, err
	}) {
		if err != nil {
			return nil, nil, fmt.Errorf("event records: %w", err)
		}
		if _, ok := idx[r.id]; !ok {
			ids = append(ids, r.id)
		}
		idx[r.id] = append(idx[r.id], r.n)
	}
	recs := make([]store.StoredRecord, 0, len(ids))
	sel := make([][]int, 0, len(ids))
	for _, id := range ids {
		r, err := d.Record(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, r)
		sel = append(sel, idx[id])
	}
	return recs, sel, nil
}

// EventBuckets counts the events q selects by period and quad class;
// width is the length of the period key (4 year, 7 month, 10 day).
// Events dated more coarsely than the width are left out.
func (d *DB) EventBuckets(ctx context.Context, q store.EventQuery, width int) ([]store.Bucket, error) {
	w := eventWhere(q)
	w.add("length(e.day) >= ?", width)
	sqlq := fmt.Sprintf("SELECT substr(e.day, 1, %d), e.quad, count(*) FROM events e JOIN articles a ON a.aid = e.aid", width) +
		w.String() + " GROUP BY 1, 2 ORDER BY 1, 2"
	return d.buckets(ctx, sqlq, w.args, "")
}

// ActorBuckets counts an entity's events by period (width as in
// EventBuckets), quad class and side.
func (d *DB) ActorBuckets(ctx context.Context, id string, p store.Period, width int) ([]store.Bucket, error) {
	var out []store.Bucket
	for _, side := range []string{"source", "target"} {
		var w where
		w.add("e."+side+"_entity = ?", id)
		w.add("length(e.day) >= ?", width)
		w.add("a.story = a.aid")
		w.period("e.day", p)
		q := fmt.Sprintf("SELECT substr(e.day, 1, %d), e.quad, count(*) FROM events e JOIN articles a ON a.aid = e.aid", width) + w.String() + " GROUP BY 1, 2 ORDER BY 1, 2"
		b, err := d.buckets(ctx, q, w.args, side)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

func (d *DB) buckets(ctx context.Context, q string, args []any, side string) ([]store.Bucket, error) {
	var out []store.Bucket
	for r, err := range queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (store.Bucket, error) {
		b := store.Bucket{Side: side}
		err := rows.Scan(&b.Key, &b.Quad, &b.N)
		return b, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("event counts: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Entity returns the stored entity with id and its counts.
func (d *DB) Entity(ctx context.Context, id string) (store.EntityInfo, error) {
	var e store.EntityInfo
	err := d.db.QueryRowContext(ctx, `SELECT id, name, type, kind, role, country, actor, lat, lon, known FROM entities WHERE id = ?`, id).
		Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Role, &e.Country, &e.Actor, &e.Lat, &e.Lon, &e.Known)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("entity %s: %w", id, mapErr(err))
	}
	var first, last sql.NullString
	err = d.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(m.n), 0), min(nullif(a.day, '')), max(nullif(a.day, ''))
		FROM mentions m JOIN articles a ON a.aid = m.aid WHERE m.entity = ? AND a.story = a.aid`, id).
		Scan(&e.Articles, &e.Mentions, &first, &last)
	if err != nil {
		return e, fmt.Errorf("entity %s: %w", id, mapErr(err))
	}
	e.First, e.Last = first.String, last.String
	counts := []struct {
		q string
		n *int
	}{
		{"SELECT count(*) FROM quotes q JOIN articles a ON a.aid = q.aid WHERE q.speaker = ? AND a.story = a.aid", &e.Quotes},
		{"SELECT count(*) FROM events e JOIN articles a ON a.aid = e.aid WHERE e.source_entity = ? AND a.story = a.aid", &e.AsSource},
		{"SELECT count(*) FROM events e JOIN articles a ON a.aid = e.aid WHERE e.target_entity = ? AND a.story = a.aid", &e.AsTarget},
	}
	for _, c := range counts {
		if err := d.db.QueryRowContext(ctx, c.q, id).Scan(c.n); err != nil {
			return e, fmt.Errorf("entity %s: %w", id, mapErr(err))
		}
	}
	e.Aliases, err = d.Aliases(ctx, id, e.Name)
	return e, err
}

// QuoteCount counts the quotes an entity said in stories.
func (d *DB) QuoteCount(ctx context.Context, id string) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM quotes q JOIN articles a ON a.aid = q.aid WHERE q.speaker = ? AND a.story = a.aid", id).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("quote count: %w", mapErr(err))
	}
	return n, nil
}

// pronouns are mention forms that are not names.
var pronouns = map[string]bool{
	"he": true, "him": true, "his": true, "she": true, "her": true, "hers": true, "they": true, "them": true,
	"their": true, "it": true, "its": true, "we": true, "us": true, "our": true, "i": true, "me": true, "my": true,
}

// Aliases reads the names an entity's mentions use in the last articles
// stored that mention it, most used first, leaving out its name and
// pronouns.
func (d *DB) Aliases(ctx context.Context, id, name string) ([]string, error) {
	// The entity's index lists its articles by internal id: the last
	// stored are found without a sort.
	q := `SELECT m.spans, coalesce(json_extract(a.record, '$.text'), '') FROM mentions m JOIN articles a ON a.aid = m.aid
		WHERE m.aid IN (SELECT aid FROM mentions WHERE entity = ?1 ORDER BY aid DESC LIMIT 8) AND m.entity = ?1`
	n := map[string]int{}
	for r, err := range queryRows(ctx, d.db, q, []any{id}, func(rows *sql.Rows) ([2]string, error) {
		var r [2]string
		err := rows.Scan(&r[0], &r[1])
		return r, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("aliases: %w", err)
		}
		var spans []article.Span
		if json.Unmarshal([]byte(r[0]), &spans) != nil {
			continue
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > len(r[1]) || s.Start >= s.End || s.End-s.Start > 120 {
				continue
			}
			form := strings.Join(strings.Fields(r[1][s.Start:s.End]), " ")
			if form == "" || form == name || pronouns[strings.ToLower(form)] || strings.HasPrefix(strings.ToLower(form), "the ") && len(form) < 5 {
				continue
			}
			n[form]++
		}
	}
	out := make([]string, 0, len(n))
	for k := range n {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if n[out[i]] != n[out[j]] {
			return n[out[i]] > n[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > 12 {
		out = out[:12]
	}
	return out, nil
}

// Partners returns the actors an entity had the most events with, each
// direction apart, with their events by period (width as in
// EventBuckets).
func (d *DB) Partners(ctx context.Context, id string, n, width int) ([]store.Partner, error) {
	type key struct{ id, dir string }
	type agg struct {
		p      store.Partner
		months map[string]int
		sum    float64
	}
	parts := map[key]*agg{}
	var order []key
	for _, side := range [][3]string{{"source", "target", "out"}, {"target", "source", "in"}} {
		me, other, dir := side[0], side[1], side[2]
		q := fmt.Sprintf(`SELECT CASE WHEN e.%[2]s_entity != '' THEN e.%[2]s_entity ELSE e.%[2]s END, max(e.%[2]s), coalesce(max(en.name), ''),
			substr(e.day, 1, %[3]d), count(*), sum(e.goldstein)
			FROM events e JOIN articles a ON a.aid = e.aid LEFT JOIN entities en ON en.id = e.%[2]s_entity
			WHERE e.%[1]s_entity = ? AND a.story = a.aid AND (e.%[2]s != '' OR e.%[2]s_entity != '') AND e.%[2]s_entity != e.%[1]s_entity
			GROUP BY 1, 4 ORDER BY 1, 4`, me, other, width)
		for r, err := range queryRows(ctx, d.db, q, []any{id}, func(rows *sql.Rows) (struct {
			id, actor, name, month string
			n                      int
			sum                    float64
		}, error) {
			var r struct {
				id, actor, name, month string
				n                      int
				sum                    float64
			}
			err := rows.Scan(&r.id, &r.actor, &r.name, &r.month, &r.n, &r.sum)
			return r, err
		}) {
			if err != nil {
				return nil, fmt.Errorf("partners: %w", err)
			}
			k := key{r.id, dir}
			a := parts[k]
			if a == nil {
				a = &agg{p: store.Partner{ID: r.id, Name: r.name, Actor: r.actor, Direction: dir}, months: map[string]int{}}
				if a.p.Name == "" {
					a.p.Name = r.actor
				}
				parts[k] = a
				order = append(order, k)
			}
			a.p.Events += r.n
			a.sum += r.sum
			if len(r.month) == width {
				a.months[r.month] += r.n
			}
		}
	}
	out := make([]store.Partner, 0, len(order))
	for _, k := range order {
		a := parts[k]
		a.p.Goldstein = a.sum / float64(max(a.p.Events, 1))
		for m, n := range a.months {
			a.p.ByPeriod = append(a.p.ByPeriod, store.Count{Name: m, N: int64(n)})
		}
		sort.Slice(a.p.ByPeriod, func(i, j int) bool { return a.p.ByPeriod[i].Name < a.p.ByPeriod[j].Name })
		out = append(out, a.p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].Direction > out[j].Direction
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// Related returns the entities mentioned in the most articles together
// with id.
func (d *DB) Related(ctx context.Context, id string, n int) ([]store.Mentioned, error) {
	q := `SELECT m2.entity, en.name, en.type, count(*) FROM mentions m1
		JOIN articles a ON a.aid = m1.aid
		JOIN mentions m2 ON m2.aid = m1.aid AND m2.entity != m1.entity
		JOIN entities en ON en.id = m2.entity
		WHERE m1.entity = ? AND a.story = a.aid
		GROUP BY 1 ORDER BY 4 DESC, 1` + limit(orDefault(n, 12))
	var out []store.Mentioned
	for r, err := range queryRows(ctx, d.db, q, []any{id}, func(rows *sql.Rows) (store.Mentioned, error) {
		var m store.Mentioned
		err := rows.Scan(&m.ID, &m.Name, &m.Type, &m.Articles)
		return m, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("related: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// CoMentionsAmong counts the articles each pair of the given entities
// shares.
func (d *DB) CoMentionsAmong(ctx context.Context, ids []string) ([]store.CoMention, error) {
	if len(ids) < 2 {
		return nil, nil
	}
	in := placeholders(len(ids))
	q := `SELECT m1.entity, m2.entity, count(*) FROM mentions m1
		JOIN mentions m2 ON m2.aid = m1.aid AND m1.entity < m2.entity
		JOIN articles a ON a.aid = m1.aid
		WHERE m1.entity IN (` + in + `) AND m2.entity IN (` + in + `) AND a.story = a.aid
		GROUP BY 1, 2 ORDER BY 1, 2`
	args := append(anys(ids), anys(ids)...)
	var out []store.CoMention
	for r, err := range queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (store.CoMention, error) {
		var c store.CoMention
		err := rows.Scan(&c.A, &c.B, &c.Articles)
		return c, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("co-mentions: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// QuotePage returns a page of the quotes q selects, newest
// first.
func (d *DB) QuotePage(ctx context.Context, q store.QuoteQuery) ([]store.QuoteRow, error) {
	var w where
	f := q.QuoteFilter
	latest := q.Latest
	if latest <= 0 {
		latest = searchCandidates
	}
	if f.Speaker != "" {
		if strings.Contains(f.Speaker, ":") {
			// The speaker's latest quotes (stored last), then by day.
			w.add(fmt.Sprintf("q.qid IN (SELECT qid FROM quotes WHERE speaker = ? ORDER BY qid DESC LIMIT %d)", latest), f.Speaker)
		} else {
			like := "%" + escapeLike(f.Speaker) + "%"
			w.add(`(q.speaker_name LIKE ? ESCAPE '\' OR en.name LIKE ? ESCAPE '\')`, like, like)
		}
	}
	if strings.TrimSpace(f.Words) != "" {
		w.add(fmt.Sprintf("q.qid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT %d)", latest), ftsQuery(f.Words))
	}
	period(&w, "a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	// The page's quotes first, sorting only their keys; their rows after.
	from := "FROM quotes q JOIN articles a ON a.aid = q.aid"
	if f.Speaker == "" && strings.TrimSpace(f.Words) == "" {
		// The latest quotes of all: walk the articles by day.
		from = "FROM articles a CROSS JOIN quotes q ON q.aid = a.aid"
	}
	if f.Speaker != "" && !strings.Contains(f.Speaker, ":") {
		from += " LEFT JOIN entities en ON en.id = q.speaker"
	}
	keys := "SELECT q.qid " + from + w.String() + " ORDER BY a.day DESC, a.aid DESC, q.n" + pageSQL(q.Page)
	var qids []any
	for qid, err := range queryRows(ctx, d.db, keys, w.args, func(rows *sql.Rows) (int64, error) {
		var qid int64
		err := rows.Scan(&qid)
		return qid, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		qids = append(qids, qid)
	}
	if len(qids) == 0 {
		return nil, nil
	}
	sqlq := `SELECT q.qid, a.id, q.n, a.url, a.outlet, a.published, q.text, q.span_start, q.span_end, q.speaker, q.speaker_name, q.cue, q.kind, q.sentence,
		coalesce(en.name, '')
		FROM quotes q JOIN articles a ON a.aid = q.aid LEFT JOIN entities en ON en.id = q.speaker WHERE q.qid IN (` + placeholders(len(qids)) + ")"
	byQID := make(map[int64]store.QuoteRow, len(qids))
	for r, err := range queryRows(ctx, d.db, sqlq, qids, func(rows *sql.Rows) (struct {
		qid int64
		r   store.QuoteRow
	}, error) {
		var k struct {
			qid int64
			r   store.QuoteRow
		}
		r := &k.r
		qt := &r.Quote
		err := rows.Scan(&k.qid, &r.Article, &r.Index, &r.URL, &r.Outlet, &r.Published, &qt.Text, &qt.Span.Start, &qt.Span.End, &qt.Speaker, &qt.SpeakerName,
			&qt.Cue, &qt.Kind, &qt.Sentence, &r.SpeakerEntity)
		return k, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		byQID[r.qid] = r.r
	}
	out := make([]store.QuoteRow, 0, len(qids))
	for _, qid := range qids {
		if r, ok := byQID[qid.(int64)]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// TopCountries counts the stories mentioning entities of each country.
func (d *DB) TopCountries(ctx context.Context, p store.Period, n int) ([]store.Count, error) {
	var w where
	w.add("en.country != ''")
	w.add("a.story = a.aid")
	w.period("a.day", p)
	q := `SELECT en.country, count(DISTINCT m.aid) FROM mentions m JOIN entities en ON en.id = m.entity JOIN articles a ON a.aid = m.aid` +
		w.String() + " GROUP BY 1 ORDER BY 2 DESC, 1" + limit(orDefault(n, 10))
	return d.counts(ctx, q, w.args)
}

// CountryEvents counts events by country: where they happened, else the
// countries of their actors (an event counts once for each country).
func (d *DB) CountryEvents(ctx context.Context, q store.EventQuery) ([]store.Count, error) {
	var parts []string
	var args []any
	for _, c := range [][2]string{
		{"e.country", "e.country != ''"},
		{"e.source_country", "e.country = '' AND e.source_country != ''"},
		{"e.target_country", "e.country = '' AND e.target_country != '' AND e.target_country != e.source_country"},
	} {
		w := eventWhere(q)
		w.add(c[1])
		parts = append(parts, "SELECT "+c[0]+" AS c FROM events e JOIN articles a ON a.aid = e.aid"+w.String())
		args = append(args, w.args...)
	}
	sqlq := "SELECT c, count(*) FROM (" + strings.Join(parts, " UNION ALL ") + ") GROUP BY 1 ORDER BY 2 DESC, 1"
	return d.counts(ctx, sqlq, args)
}

func (d *DB) counts(ctx context.Context, q string, args []any) ([]store.Count, error) {
	var out []store.Count
	for r, err := range queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (store.Count, error) {
		var c store.Count
		err := rows.Scan(&c.Name, &c.N)
		return c, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("counts: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Places returns the places with coordinates mentioned in the most
// stories.
func (d *DB) Places(ctx context.Context, p store.Period, n int) ([]store.PlaceCount, error) {
	var w where
	w.add("en.type = 'PLACE'")
	w.add("(en.lat != 0 OR en.lon != 0)")
	w.add("a.story = a.aid")
	w.period("a.day", p)
	q := `SELECT en.id, en.name, en.country, en.lat, en.lon, count(*) FROM entities en JOIN mentions m ON m.entity = en.id JOIN articles a ON a.aid = m.aid` +
		w.String() + " GROUP BY 1 ORDER BY 6 DESC, 1" + limit(orDefault(n, 300))
	return d.places(ctx, q, w.args)
}

// EventPlaces returns where the events q selects happened, most events
// first.
func (d *DB) EventPlaces(ctx context.Context, q store.EventQuery, n int) ([]store.PlaceCount, error) {
	w := eventWhere(q)
	w.add("(e.lat != 0 OR e.lon != 0)")
	sqlq := `SELECT e.location, coalesce(max(en.name), e.location), max(e.country), e.lat, e.lon, count(*) FROM events e JOIN articles a ON a.aid = e.aid
		LEFT JOIN entities en ON en.id = e.location` + w.String() + " GROUP BY 1, 4, 5 ORDER BY 6 DESC, 1" + limit(orDefault(n, 300))
	return d.places(ctx, sqlq, w.args)
}

func (d *DB) places(ctx context.Context, q string, args []any) ([]store.PlaceCount, error) {
	var out []store.PlaceCount
	for r, err := range queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (store.PlaceCount, error) {
		var p store.PlaceCount
		err := rows.Scan(&p.ID, &p.Name, &p.Country, &p.Lat, &p.Lon, &p.N)
		return p, err
	}) {
		if err != nil {
			return nil, fmt.Errorf("places: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Story returns the other articles of the story of article id and the
// inputs that gave it.
func (d *DB) Story(ctx context.Context, id string) (store.Story, error) {
	s := store.Story{Articles: []store.ArticleRow{}, Copies: []store.Origin{}}
	q := `SELECT o.id, o.url, o.title, o.outlet, o.published, o.words, o.duplicate_of, (SELECT count(*) FROM copies c WHERE c.aid = o.aid), 0.0
		FROM articles a JOIN articles o ON o.story = a.story AND o.aid != a.aid WHERE a.id = ? ORDER BY o.aid != o.story, o.day, o.aid LIMIT 50`
	for r, err := range queryRows(ctx, d.db, q, []any{id}, func(rows *sql.Rows) (store.ArticleRow, error) {
		var r store.ArticleRow
		err := rows.Scan(&r.ID, &r.URL, &r.Title, &r.Outlet, &r.Published, &r.Words, &r.DuplicateOf, &r.Copies, &r.Rank)
		return r, err
	}) {
		if err != nil {
			return s, fmt.Errorf("story: %w", err)
		}
		s.Articles = append(s.Articles, r)
	}
	q = `SELECT c.origin, c.outlet FROM copies c JOIN articles a ON a.aid = c.aid WHERE a.id = ? ORDER BY c.origin LIMIT 50`
	for r, err := range queryRows(ctx, d.db, q, []any{id}, func(rows *sql.Rows) (store.Origin, error) {
		var c store.Origin
		err := rows.Scan(&c.Origin, &c.Outlet)
		return c, err
	}) {
		if err != nil {
			return s, fmt.Errorf("story: %w", err)
		}
		s.Copies = append(s.Copies, r)
	}
	return s, nil
}

// Version changes whenever articles are added or replaced (replacing
// an article's annotations writes new quote rows), so that a reader may
// cache what it computed from the store.
func (d *DB) Version(ctx context.Context) (string, error) {
	var aid, qid int64
	err := d.db.QueryRowContext(ctx, "SELECT (SELECT coalesce(max(aid), 0) FROM articles), (SELECT coalesce(max(qid), 0) FROM quotes)").Scan(&aid, &qid)
	if err != nil {
		return "", fmt.Errorf("version: %w", mapErr(err))
	}
	return fmt.Sprintf("%d/%d", aid, qid), nil
}

// Names returns the names of the entities with the given ids (those
// stored).
func (d *DB) Names(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for len(ids) > 0 {
		n := min(len(ids), 200)
		q := "SELECT id, name FROM entities WHERE id IN (" + placeholders(n) + ")"
		for r, err := range queryRows(ctx, d.db, q, anys(ids[:n]), func(rows *sql.Rows) ([2]string, error) {
			var r [2]string
			err := rows.Scan(&r[0], &r[1])
			return r, err
		}) {
			if err != nil {
				return nil, fmt.Errorf("names: %w", err)
			}
			out[r[0]] = r[1]
		}
		ids = ids[n:]
	}
	return out, nil
}

// ScanEntities calls fn with every stored entity.
func (d *DB) ScanEntities(ctx context.Context, fn func(store.EntityInfo) error) error {
	q := "SELECT id, name, type, kind, role, country, actor, lat, lon, known FROM entities"
	return scanEach(ctx, d.db, "scan entities", q, func(rows *sql.Rows) (store.EntityInfo, error) {
		var e store.EntityInfo
		err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Role, &e.Country, &e.Actor, &e.Lat, &e.Lon, &e.Known)
		return e, err
	}, fn)
}

// ScanMentions calls fn with every entity of every story (articles that
// copy no other), article by article.
func (d *DB) ScanMentions(ctx context.Context, fn func(store.MentionFact) error) error {
	q := "SELECT a.aid, a.day, m.entity, m.n FROM articles a CROSS JOIN mentions m ON m.aid = a.aid WHERE a.story = a.aid ORDER BY a.aid"
	return scanEach(ctx, d.db, "scan mentions", q, func(rows *sql.Rows) (store.MentionFact, error) {
		var m store.MentionFact
		err := rows.Scan(&m.Article, &m.Day, &m.Entity, &m.Mentions)
		return m, err
	}, fn)
}

// ScanEvents calls fn with every event of every story.
func (d *DB) ScanEvents(ctx context.Context, fn func(store.EventFact) error) error {
	q := `SELECT a.aid, e.day, e.quad, e.root, e.goldstein, e.source, e.target, e.source_entity, e.target_entity,
		e.country, e.source_country, e.target_country, e.location, e.lat, e.lon
		FROM articles a CROSS JOIN events e ON e.aid = a.aid WHERE a.story = a.aid ORDER BY a.aid`
	return scanEach(ctx, d.db, "scan events", q, func(rows *sql.Rows) (store.EventFact, error) {
		var e store.EventFact
		err := rows.Scan(&e.Article, &e.Day, &e.Quad, &e.Root, &e.Goldstein, &e.Source, &e.Target, &e.SourceEntity, &e.TargetEntity,
			&e.Country, &e.SourceCountry, &e.TargetCountry, &e.Location, &e.Lat, &e.Lon)
		return e, err
	}, fn)
}

// scanEach calls fn with every row of q, read by scan; a query error is
// wrapped with what, an error of fn is returned as it is.
func scanEach[T any](ctx context.Context, db *sql.DB, what, q string, scan func(*sql.Rows) (T, error), fn func(T) error) error {
	for v, err := range queryRows(ctx, db, q, nil, scan) {
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return nil
}

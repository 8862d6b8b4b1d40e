package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"sort"
	"strconv"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/store"
)

// Seen reports whether a copy from origin (a URL or an input name) is
// stored.
func (d *DB) Seen(ctx context.Context, origin string) (bool, error) {
	var n int
	err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM copies WHERE origin = ?", origin).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("seen: %w", mapErr(err))
	}
	return n > 0, nil
}

// storyCounts are the SQL columns counting a story's copies and outlets,
// for a query over articles a.
const storyCounts = `(SELECT count(*) FROM copies c JOIN articles s ON s.aid = c.aid WHERE s.story = a.story),
	(SELECT count(DISTINCT c.outlet) FROM copies c JOIN articles s ON s.aid = c.aid WHERE s.story = a.story)`

// Record returns the stored record with id.
func (d *DB) Record(ctx context.Context, id string) (store.StoredRecord, error) {
	var r store.StoredRecord
	err := d.db.QueryRowContext(ctx, "SELECT a.id, a.record, a.aid != a.story, "+storyCounts+" FROM articles a WHERE a.id = ?", id).
		Scan(&r.ID, &r.JSON, &r.Duplicate, &r.NumArticles, &r.NumSources)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("article %s: %w", id, mapErr(err))
	}
	return r, nil
}

// Records yields the stored records in the order they were first stored.
func (d *DB) Records(ctx context.Context, f store.RecordFilter) iter.Seq2[store.StoredRecord, error] {
	var w where
	w.period("a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	q := "SELECT a.id, a.record, a.aid != a.story, " + storyCounts + " FROM articles a" + w.String() + " ORDER BY a.aid"
	return queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (store.StoredRecord, error) {
		var r store.StoredRecord
		err := rows.Scan(&r.ID, &r.JSON, &r.Duplicate, &r.NumArticles, &r.NumSources)
		return r, err
	})
}

// Stats returns the store's counts.
func (d *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	counts := []struct {
		q string
		n *int64
	}{
		{"SELECT count(*) FROM articles", &s.Articles},
		{"SELECT count(*) FROM copies", &s.Copies},
		{"SELECT count(*) FROM articles WHERE duplicate_of != ''", &s.NearDuplicates},
		{"SELECT count(*) FROM entities", &s.Entities},
		{"SELECT count(*) FROM mentions", &s.Mentions},
		{"SELECT count(*) FROM quotes", &s.Quotes},
		{"SELECT coalesce((SELECT n FROM counts WHERE name = 'attributions'), 0)", &s.Attributions},
		{"SELECT coalesce((SELECT n FROM counts WHERE name = 'amounts'), 0)", &s.Amounts},
		{"SELECT coalesce((SELECT n FROM counts WHERE name = 'dates'), 0)", &s.Dates},
		{"SELECT count(*) FROM events", &s.Events},
		{"SELECT coalesce((SELECT n FROM counts WHERE name = 'embeds'), 0)", &s.Embeds},
		{"SELECT count(DISTINCT code) FROM themes", &s.Themes},
	}
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s, fmt.Errorf("stats: %w", mapErr(err))
	}
	defer tx.Rollback()
	for _, c := range counts {
		if err := tx.QueryRowContext(ctx, c.q).Scan(c.n); err != nil {
			return s, fmt.Errorf("stats: %w", mapErr(err))
		}
	}
	s.Duplicates = s.NearDuplicates + s.Copies - s.Articles
	s.Stories = s.Articles - s.NearDuplicates
	var err2 error
	if s.Outlets, err2 = countRows(ctx, tx, "SELECT outlet, count(*) FROM articles GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT 20"); err2 != nil {
		return s, err2
	}
	if s.Languages, err2 = countRows(ctx, tx, "SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC, 1 LIMIT 20"); err2 != nil {
		return s, err2
	}
	var first, last sql.NullString
	if err := tx.QueryRowContext(ctx, "SELECT min(day), max(day) FROM articles WHERE day != ''").Scan(&first, &last); err != nil {
		return s, fmt.Errorf("stats: %w", mapErr(err))
	}
	s.First, s.Last = first.String, last.String
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&s.Schema); err != nil {
		return s, fmt.Errorf("stats: %w", mapErr(err))
	}
	return s, nil
}

func countRows(ctx context.Context, tx *sql.Tx, q string) ([]store.Count, error) {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", mapErr(err))
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Name, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Events yields the events f selects, by day and article.
func (d *DB) Events(ctx context.Context, f store.EventFilter) iter.Seq2[store.EventRow, error] {
	q, args := eventsSQL(f)
	return queryRows(ctx, d.db, q, args, func(rows *sql.Rows) (store.EventRow, error) {
		var r store.EventRow
		e := &r.Event
		var rec []byte
		err := rows.Scan(&r.Article, &r.Index, &r.URL, &r.Outlet, &r.Published, &r.Day, &e.Source, &e.Target, &e.SourceEntity, &e.TargetEntity,
			&e.Code, &e.Base, &e.Root, &e.Quad, &e.Goldstein, &e.Plover, &e.Mode, &e.Negated, &e.Modal, &e.Verb, &e.VerbSpan.Start, &e.VerbSpan.End,
			&e.Location, &e.Country, &e.Lat, &e.Lon, &e.Date, &e.Sentence, &e.Confidence, &r.NumArticles, &r.NumSources, &rec)
		if err == nil {
			r.SentenceText = sentenceText(rec, e.Sentence)
		}
		return r, err
	})
}

// eventsSQL is the query of Events and its arguments.
func eventsSQL(f store.EventFilter) (string, []any) {
	// the web UI's conditions, of which a filter uses the shared part
	w := eventWhere(store.EventQuery{EventFilter: f})
	q := `SELECT a.id, e.n, a.url, a.outlet, a.published, e.day, e.source, e.target, e.source_entity, e.target_entity, e.cameo, e.base, e.root,
		e.quad, e.goldstein, e.plover, e.mode, e.negated, e.modal, e.verb, e.verb_start, e.verb_end, e.location, e.country, e.lat, e.lon,
		e.date, e.sentence, e.confidence, ` + storyCounts + `, a.record
		FROM events e JOIN articles a ON a.aid = e.aid` + w.String() + " ORDER BY e.day, a.aid, e.n" + limit(f.Limit)
	return q, w.args
}

// sentenceText returns sentence i of the record in raw JSON, or "".
func sentenceText(raw []byte, i int) string {
	text, sents := recordText(raw, true)
	if i < 0 || i >= len(sents) {
		return ""
	}
	s := sents[i]
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// recordText reads the text of a record in raw JSON, and its sentences
// when asked, without decoding the rest: it stops once it has them (they
// come before the annotations, which are most of a record).
func recordText(raw []byte, withSentences bool) (string, []article.Span) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", nil
	}
	var (
		text            string
		sents           []article.Span
		gotText, gotAll bool
	)
	for dec.More() && !gotAll {
		k, err := dec.Token()
		if err != nil {
			break
		}
		switch k {
		case "text":
			err = dec.Decode(&text)
			gotText = true
		case "sentences":
			if !withSentences {
				err = dec.Decode(new(json.RawMessage))
				break
			}
			err = dec.Decode(&sents)
			withSentences = false
		default:
			err = dec.Decode(new(json.RawMessage))
		}
		if err != nil {
			break
		}
		gotAll = gotText && !withSentences
	}
	return text, sents
}

// Quotes yields the quotes f selects, by day and article.
func (d *DB) Quotes(ctx context.Context, f store.QuoteFilter) iter.Seq2[store.QuoteRow, error] {
	var w where
	if f.Speaker != "" {
		if strings.Contains(f.Speaker, ":") {
			w.add("q.speaker = ?", f.Speaker)
		} else {
			like := "%" + escapeLike(f.Speaker) + "%"
			w.add(`(q.speaker_name LIKE ? ESCAPE '\' OR en.name LIKE ? ESCAPE '\')`, like, like)
		}
	}
	if f.Words != "" {
		w.add("q.qid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", ftsQuery(f.Words))
	}
	w.period("a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	q := `SELECT a.id, q.n, a.url, a.outlet, a.published, q.text, q.span_start, q.span_end, q.speaker, q.speaker_name, q.cue, q.kind, q.sentence,
		coalesce(en.name, '')
		FROM quotes q JOIN articles a ON a.aid = q.aid LEFT JOIN entities en ON en.id = q.speaker` + w.String() + " ORDER BY a.day, a.aid, q.n" + limit(f.Limit)
	return queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (store.QuoteRow, error) {
		var r store.QuoteRow
		qt := &r.Quote
		err := rows.Scan(&r.Article, &r.Index, &r.URL, &r.Outlet, &r.Published, &qt.Text, &qt.Span.Start, &qt.Span.End, &qt.Speaker, &qt.SpeakerName,
			&qt.Cue, &qt.Kind, &qt.Sentence, &r.SpeakerEntity)
		return r, err
	})
}

// Articles yields the articles f selects: by rank for a full-text query,
// else by day.
func (d *DB) Articles(ctx context.Context, f store.ArticleFilter) iter.Seq2[store.ArticleRow, error] {
	var w where
	from := " FROM articles a"
	rank, order := "0.0", " ORDER BY a.day, a.aid"
	if f.Text != "" {
		from = " FROM articles_fts JOIN articles a ON a.aid = articles_fts.rowid"
		w.add("articles_fts MATCH ?", ftsQuery(f.Text))
		rank, order = "bm25(articles_fts)", " ORDER BY 9, a.aid"
	}
	if f.Outlet != "" {
		w.add("a.outlet = ?", f.Outlet)
	}
	if f.Entity != "" {
		w.add("a.aid IN (SELECT aid FROM mentions WHERE entity = ?)", f.Entity)
	}
	w.period("a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	q := "SELECT a.id, a.url, a.title, a.outlet, a.published, a.words, a.duplicate_of, (SELECT count(*) FROM copies c WHERE c.aid = a.aid), " + rank +
		from + w.String() + order + limit(f.Limit)
	return queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (store.ArticleRow, error) {
		var r store.ArticleRow
		err := rows.Scan(&r.ID, &r.URL, &r.Title, &r.Outlet, &r.Published, &r.Words, &r.DuplicateOf, &r.Copies, &r.Rank)
		return r, err
	})
}

// TopActors returns the entities mentioned in the most articles.
func (d *DB) TopActors(ctx context.Context, f store.ActorFilter) ([]store.ActorCount, error) {
	var w where
	if f.Type != "" {
		w.add("en.type = ?", strings.ToUpper(f.Type))
	}
	w.period("a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	q := `SELECT m.entity, en.name, en.type, en.actor, en.country, count(*), sum(m.n)
		FROM mentions m JOIN articles a ON a.aid = m.aid JOIN entities en ON en.id = m.entity` + w.String() +
		" GROUP BY m.entity, en.name, en.type, en.actor, en.country ORDER BY 6 DESC, 7 DESC, 1" + limit(orDefault(f.Limit, 20))
	var out []store.ActorCount
	for r, err := range queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (store.ActorCount, error) {
		var c store.ActorCount
		err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Actor, &c.Country, &c.Articles, &c.Mentions)
		return c, err
	}) {
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// CoMentions returns the pairs of entities mentioned together in the most
// articles.
func (d *DB) CoMentions(ctx context.Context, f store.ActorFilter) ([]store.CoMention, error) {
	var w where
	if f.Entity != "" {
		w.add("(m1.entity = ? OR m2.entity = ?)", f.Entity, f.Entity)
	}
	if f.Type != "" {
		t := strings.ToUpper(f.Type)
		w.add("e1.type = ? AND e2.type = ?", t, t)
	}
	w.period("a.day", f.Period)
	if !f.Duplicates {
		w.add("a.story = a.aid")
	}
	q := `SELECT m1.entity, m2.entity, e1.name, e2.name, count(*)
		FROM mentions m1 JOIN mentions m2 ON m2.aid = m1.aid AND m1.entity < m2.entity
		JOIN articles a ON a.aid = m1.aid
		JOIN entities e1 ON e1.id = m1.entity JOIN entities e2 ON e2.id = m2.entity` + w.String() +
		" GROUP BY m1.entity, m2.entity, e1.name, e2.name ORDER BY 5 DESC, 1, 2" + limit(orDefault(f.Limit, 20))
	var out []store.CoMention
	for r, err := range queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (store.CoMention, error) {
		var c store.CoMention
		err := rows.Scan(&c.A, &c.B, &c.AName, &c.BName, &c.Articles)
		return c, err
	}) {
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Graph builds the actor network.
func (d *DB) Graph(ctx context.Context, f store.GraphFilter) (store.Graph, error) {
	var g store.Graph
	minW := max(f.MinWeight, 1)
	nodes := map[string]*store.Node{}
	node := func(id string) {
		if _, ok := nodes[id]; !ok {
			nodes[id] = &store.Node{ID: id, Label: strings.TrimPrefix(id, "actor:")}
		}
	}
	// Event edges: entity ids where known, else actor codes.
	var w where
	w.add("(e.source != '' OR e.source_entity != '') AND (e.target != '' OR e.target_entity != '')")
	w.add("a.story = a.aid")
	w.period("e.day", f.Period)
	q := `SELECT CASE WHEN e.source_entity != '' THEN e.source_entity ELSE 'actor:' || e.source END,
		CASE WHEN e.target_entity != '' THEN e.target_entity ELSE 'actor:' || e.target END,
		e.root, count(*), sum(e.goldstein)
		FROM events e JOIN articles a ON a.aid = e.aid` + w.String() + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
	type agg struct {
		n       int
		sum     float64
		bestN   int
		bestRot string
	}
	edges := map[[2]string]*agg{}
	for r, err := range queryRows(ctx, d.db, q, w.args, func(rows *sql.Rows) (struct {
		s, t, root string
		n          int
		sum        float64
	}, error) {
		var r struct {
			s, t, root string
			n          int
			sum        float64
		}
		err := rows.Scan(&r.s, &r.t, &r.root, &r.n, &r.sum)
		return r, err
	}) {
		if err != nil {
			return g, err
		}
		k := [2]string{r.s, r.t}
		a := edges[k]
		if a == nil {
			a = &agg{}
			edges[k] = a
		}
		a.n += r.n
		a.sum += r.sum
		if r.n > a.bestN {
			a.bestN, a.bestRot = r.n, r.root
		}
	}
	for k, a := range edges {
		if a.n < minW {
			continue
		}
		node(k[0])
		node(k[1])
		g.Edges = append(g.Edges, store.Edge{Source: k[0], Target: k[1], Kind: store.EdgeEvent, Weight: a.n, Root: a.bestRot, Goldstein: a.sum / float64(a.n)})
	}
	// Co-mention edges.
	types := f.Types
	if len(types) == 0 {
		types = []string{article.Person, article.Org, article.Place, article.NORP}
	}
	var cw where
	cw.add("e1.type IN ("+placeholders(len(types))+")", anys(types)...)
	cw.add("e2.type IN ("+placeholders(len(types))+")", anys(types)...)
	cw.add("a.story = a.aid")
	cw.period("a.day", f.Period)
	q = `SELECT m1.entity, m2.entity, count(*)
		FROM mentions m1 JOIN mentions m2 ON m2.aid = m1.aid AND m1.entity < m2.entity
		JOIN articles a ON a.aid = m1.aid
		JOIN entities e1 ON e1.id = m1.entity JOIN entities e2 ON e2.id = m2.entity` + cw.String() +
		" GROUP BY 1, 2 HAVING count(*) >= " + strconv.Itoa(minW) + " ORDER BY 3 DESC, 1, 2" + limit(orDefault(f.Limit, 5000))
	for r, err := range queryRows(ctx, d.db, q, cw.args, func(rows *sql.Rows) (store.Edge, error) {
		e := store.Edge{Kind: store.EdgeCoMention}
		err := rows.Scan(&e.Source, &e.Target, &e.Weight)
		return e, err
	}) {
		if err != nil {
			return g, err
		}
		node(r.Source)
		node(r.Target)
		g.Edges = append(g.Edges, r)
	}
	// Label the nodes that are entities.
	for id, n := range nodes {
		if strings.HasPrefix(id, "actor:") {
			n.Actor = n.Label
			n.Type = "ACTOR"
			continue
		}
		err := d.db.QueryRowContext(ctx, `SELECT name, type, actor, country, (SELECT count(*) FROM mentions WHERE entity = ?) FROM entities WHERE id = ?`, id, id).
			Scan(&n.Label, &n.Type, &n.Actor, &n.Country, &n.Articles)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return g, fmt.Errorf("graph: %w", mapErr(err))
		}
	}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, *n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	sort.SliceStable(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.Kind != b.Kind {
			return a.Kind > b.Kind // events first
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	return g, nil
}

// tables are the CSV-exportable tables: name, then the SELECT giving their
// columns with the article id first. Attributions, amounts, dates and embeds are
// views over the records: ordered by article alone, their rows come in
// the record's order (json_each's), without sorting them all in memory.
var tables = []struct{ name, query string }{
	{"articles", `SELECT a.id, a.url, a.title, a.outlet, a.published, a.language, a.pipeline, a.duplicate_of, a.similarity, a.words, a.tone,
		(SELECT count(*) FROM copies c WHERE c.aid = a.aid) AS copies FROM articles a ORDER BY a.aid`},
	{"copies", "SELECT a.id AS article, c.origin, c.outlet FROM copies c JOIN articles a ON a.aid = c.aid ORDER BY a.aid, c.origin"},
	{"entities", "SELECT id, name, type, kind, role, country, actor, lat, lon, known FROM entities ORDER BY id"},
	{"mentions", "SELECT a.id AS article, m.entity, m.n, m.first, m.spans FROM mentions m JOIN articles a ON a.aid = m.aid ORDER BY a.aid, m.first, m.entity"},
	{"quotes", `SELECT a.id AS article, q.n, q.text, q.span_start, q.span_end, q.speaker, q.speaker_name, q.cue, q.kind, q.sentence
		FROM quotes q JOIN articles a ON a.aid = q.aid ORDER BY a.aid, q.n`},
	{"attributions", `SELECT a.id AS article, t.n, t.text, t.span_start, t.span_end, t.source, t.source_name, t.cue, t.sentence
		FROM attributions t JOIN articles a ON a.aid = t.aid ORDER BY a.aid`},
	{"amounts", `SELECT a.id AS article, t.n, t.text, t.span_start, t.span_end, t.value, t.max, t.unit, t.object, t.approximate
		FROM amounts t JOIN articles a ON a.aid = t.aid ORDER BY a.aid`},
	{"dates", `SELECT a.id AS article, t.n, t.text, t.span_start, t.span_end, t.value, t.type, t.granularity, t.relative, t.end_value
		FROM dates t JOIN articles a ON a.aid = t.aid ORDER BY a.aid`},
	{"events", `SELECT a.id AS article, e.n, e.day, e.source, e.target, e.source_entity, e.target_entity, e.source_country, e.target_country,
		e.cameo, e.base, e.root, e.quad, e.goldstein, e.plover, e.mode, e.negated, e.modal, e.verb, e.verb_start, e.verb_end,
		e.location, e.country, e.lat, e.lon, e.date, e.sentence, e.confidence
		FROM events e JOIN articles a ON a.aid = e.aid ORDER BY a.aid, e.n`},
	{"embeds", `SELECT a.id AS article, t.n, t.platform, t.author, t.handle, t.date, t.text, t.links
		FROM embeds t JOIN articles a ON a.aid = t.aid ORDER BY a.aid`},
	{"themes", "SELECT a.id AS article, t.code, t.n FROM themes t JOIN articles a ON a.aid = t.aid ORDER BY a.aid, t.code"},
}

// Tables names the tables Table exports.
func (d *DB) Tables() []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = t.name
	}
	return out
}

// Table returns one table's rows as text.
func (d *DB) Table(ctx context.Context, name string) (store.Table, error) {
	for _, t := range tables {
		if t.name != name {
			continue
		}
		rows, err := d.db.QueryContext(ctx, t.query+" LIMIT 0")
		if err != nil {
			return store.Table{}, fmt.Errorf("table %s: %w", name, mapErr(err))
		}
		cols, err := rows.Columns()
		rows.Close()
		if err != nil {
			return store.Table{}, err
		}
		seq := func(yield func([]string, error) bool) {
			rows, err := d.db.QueryContext(ctx, t.query)
			if err != nil {
				yield(nil, fmt.Errorf("table %s: %w", name, mapErr(err)))
				return
			}
			defer rows.Close()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					yield(nil, err)
					return
				}
				out := make([]string, len(cols))
				for i, v := range vals {
					out[i] = text(v)
				}
				if !yield(out, nil) {
					return
				}
			}
			if err := rows.Err(); err != nil {
				yield(nil, err)
			}
		}
		return store.Table{Columns: cols, Rows: seq}, nil
	}
	return store.Table{}, fmt.Errorf("table %q: %w (tables: %s)", name, store.ErrNotFound, strings.Join(d.Tables(), ", "))
}

// text formats a SQL value for CSV.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	case []byte:
		return string(x)
	case bool:
		if x {
			return "1"
		}
		return "0"
	}
	return fmt.Sprint(v)
}

// where builds a WHERE clause from conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// period bounds col (a YYYY-MM-DD text) by p, inclusive; an Until shorter
// than a day (2025-08) takes the whole month or year.
func (w *where) period(col string, p store.Period) {
	if p.Since != "" {
		w.add(col+" >= ?", p.Since)
	}
	if p.Until != "" {
		w.add(col+" != '' AND substr("+col+", 1, ?) <= ?", len(p.Until), p.Until)
	}
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// actorCond matches an actor: an entity id (with ":"), a code prefix
// (ending in "*"), or a code.
func actorCond(col, entityCol, v string) (string, []any) {
	switch {
	case strings.Contains(v, ":"):
		return entityCol + " = ?", []any{v}
	case strings.HasSuffix(v, "*"):
		return prefixCond(col, strings.ToUpper(strings.TrimSuffix(v, "*")))
	}
	return col + " = ?", []any{strings.ToUpper(v)}
}

// prefixCond matches values of col starting with p, as a range that can
// use an index.
func prefixCond(col, p string) (string, []any) {
	if p == "" {
		return "1 = 1", nil
	}
	hi := []byte(p)
	hi[len(hi)-1]++
	return "(" + col + " >= ? AND " + col + " < ?)", []any{p, string(hi)}
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
	return r.Replace(s)
}

// ftsQuery makes user words safe for FTS5: text with FTS5 syntax (quotes,
// OR/AND/NOT, *, parentheses, column filters) passes as written; other
// text has each word quoted, so "U.S." or "Lukashenko's" do not fail as
// syntax errors.
func ftsQuery(s string) string {
	if strings.ContainsAny(s, `"*()`) {
		return s
	}
	for _, op := range []string{" OR ", " AND ", " NOT ", " NEAR"} {
		if strings.Contains(s, op) {
			return s
		}
	}
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + strings.ReplaceAll(w, `"`, `""`) + `"`)
	}
	return b.String()
}

func limit(n int) string {
	if n <= 0 {
		return ""
	}
	return " LIMIT " + strconv.Itoa(n)
}

func orDefault(n, d int) int {
	if n <= 0 {
		return d
	}
	return n
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// queryRows runs q and yields each row scanned by scan.
func queryRows[T any](ctx context.Context, db *sql.DB, q string, args []any, scan func(*sql.Rows) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			yield(zero, fmt.Errorf("query: %w", mapErr(err)))
			return
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if !yield(v, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(zero, fmt.Errorf("query: %w", mapErr(err)))
		}
	}
}

package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"newsgraph/internal/article"
	"newsgraph/internal/dedup"
	"newsgraph/internal/export"
	"newsgraph/internal/store"
)

// Put stores items in one transaction. See store.Store.
func (d *DB) Put(ctx context.Context, items []store.Item) ([]store.Outcome, error) {
	// The work that needs no database (signatures, JSON) is done first,
	// on all cores; the transaction then only writes.
	preps := prepare(items)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.wconn == nil {
		conn, err := d.db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store batch: %w", mapErr(err))
		}
		d.wconn = conn
	}
	tx, err := d.wconn.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, d, tx)
	if err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	defer w.close()
	w.known = d.entities
	if d.bands == nil || d.bands.full() {
		if d.bands, err = loadBloom(ctx, tx); err != nil {
			return nil, fmt.Errorf("store batch: %w", mapErr(err))
		}
	}
	out := make([]store.Outcome, len(items))
	for i := range items {
		if out[i], err = w.put(ctx, &items[i], &preps[i]); err != nil {
			return nil, fmt.Errorf("store %s: %w", items[i].Origin, mapErr(err))
		}
	}
	if err := w.flushRows(ctx); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	if err := w.flushLSH(ctx); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	for _, op := range w.fts {
		if err := w.exec(ctx, op.name, op.args...); err != nil {
			return nil, fmt.Errorf("store batch: %w", mapErr(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	if len(d.entities)+len(w.pending) > maxEntityCache {
		clear(d.entities) // bounded memory; the upsert is correct without it
	}
	for id, m := range w.pending {
		d.entities[id] = m
	}
	return out, nil
}

// maxEntityCache bounds the entities Put remembers as stored.
const maxEntityCache = 50_000

// prep is what Put computes for an item before its transaction.
type prep struct {
	sig  dedup.Sig
	keys []int64
	// json is the record encoded with DuplicateOf empty.
	json []byte
	err  error
}

// prepare computes the items' signatures and JSON on all cores.
func prepare(items []store.Item) []prep {
	preps := make([]prep, len(items))
	workers := min(runtime.GOMAXPROCS(0), len(items))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				p := &preps[i]
				rec := items[i].Record
				p.sig = dedup.Compute(rec.Text)
				p.keys = p.sig.BandKeys()
				rec.DuplicateOf = ""
				p.json, p.err = encode(enc, &buf, &rec)
			}
		}()
	}
	wg.Wait()
	return preps
}

// encode writes rec as extract prints it, without the final newline.
func encode(enc *json.Encoder, buf *bytes.Buffer, rec *article.Record) ([]byte, error) {
	buf.Reset()
	if err := enc.Encode(rec); err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return bytes.Clone(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// writer holds one transaction's state.
type writer struct {
	d     *DB
	tx    *sql.Tx
	next  int64 // next article aid
	qid   int64 // next quote qid
	stmts map[string]*sql.Stmt
	buf   bytes.Buffer
	enc   *json.Encoder
	// lsh holds the batch's band keys, written sorted at the end of the
	// batch (far fewer page writes than in arrival order); batchBands
	// finds candidates among them meanwhile.
	lsh        []lshRow
	batchBands map[int64][]int64
	// fts holds the full-text writes, done last: once an FTS5 table is
	// in a transaction, every statement that opens a savepoint (any
	// multi-row insert) makes FTS5 write its pending terms to disk.
	fts []ftsOp
	// rows queues annotation rows by insert name.
	rows map[string][]any
	// known caches the stored entities' filled fields (the DB's);
	// pending holds this transaction's until it commits.
	known   map[string]uint8
	pending map[string]uint8
}

type lshRow struct{ band, aid int64 }

type ftsOp struct {
	name string
	args []any
}

// statements are the writer's SQL, by name.
var statements = map[string]string{
	"find": "SELECT aid, pipeline, duplicate_of FROM articles WHERE id = ?",
	// Only originals are in lsh, so a story copied a thousand times still
	// gives one candidate; the limit guards against pathological text.
	"candidates":     "SELECT a.aid, a.story, a.sig FROM articles a WHERE a.aid IN (SELECT aid FROM lsh WHERE band IN (" + placeholders(dedup.Bands) + ") LIMIT 256)",
	"storyID":        "SELECT id FROM articles WHERE aid = ?",
	"article":        "INSERT INTO articles(aid, id, url, title, outlet, published, day, language, pipeline, duplicate_of, story, similarity, words, tone, sig, record) VALUES(" + placeholders(16) + ")",
	"update":         "UPDATE articles SET url = ?, title = ?, outlet = ?, published = ?, day = ?, language = ?, pipeline = ?, words = ?, tone = ?, record = ? WHERE aid = ?",
	"copy":           "INSERT INTO copies(aid, origin, outlet) VALUES(?, ?, ?) ON CONFLICT DO NOTHING",
	"lsh":            "INSERT INTO lsh(band, aid) VALUES(?, ?) ON CONFLICT DO NOTHING",
	"fts":            "INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)",
	"ftsDelete":      "DELETE FROM articles_fts WHERE rowid = ?",
	"quoteFTS":       "INSERT INTO quotes_fts(rowid, text) VALUES(?, ?)",
	"quoteFTSDelete": "DELETE FROM quotes_fts WHERE rowid = ?",
}

// annotationTables hold an article's annotations, deleted when a newer
// pipeline's record replaces them.
var annotationTables = []string{"mentions", "quotes", "attributions", "amounts", "dates", "events", "embeds", "themes"}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func newWriter(ctx context.Context, d *DB, tx *sql.Tx) (*writer, error) {
	w := &writer{d: d, tx: tx, stmts: map[string]*sql.Stmt{}, batchBands: map[int64][]int64{}, pending: map[string]uint8{}, rows: map[string][]any{}}
	w.enc = json.NewEncoder(&w.buf)
	w.enc.SetEscapeHTML(false)
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(aid), 0) + 1 FROM articles").Scan(&w.next); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(qid), 0) + 1 FROM quotes").Scan(&w.qid); err != nil {
		return nil, err
	}
	return w, nil
}

// stmt returns the statement key with SQL q bound to the transaction.
// Statements are prepared once per store (on its write connection) and
// reused by every transaction.
func (w *writer) stmt(ctx context.Context, key, q string) (*sql.Stmt, error) {
	if s := w.stmts[key]; s != nil {
		return s, nil
	}
	base := w.d.stmts[key]
	if base == nil {
		var err error
		if base, err = w.d.db.PrepareContext(ctx, q); err != nil {
			return nil, fmt.Errorf("prepare %s: %w", key, err)
		}
		w.d.stmts[key] = base
	}
	s := w.tx.StmtContext(ctx, base)
	w.stmts[key] = s
	return s, nil
}

func (w *writer) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

func (w *writer) exec(ctx context.Context, name string, args ...any) error {
	s, err := w.stmt(ctx, name, statements[name])
	if err != nil {
		return err
	}
	_, err = s.ExecContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// put stores one item and says what it did.
func (w *writer) put(ctx context.Context, it *store.Item, p *prep) (store.Outcome, error) {
	if p.err != nil {
		return 0, p.err
	}
	rec := &it.Record
	if rec.ID == "" {
		return 0, errors.New("record has no id")
	}
	outlet := outletOf(rec)
	origin := rec.URL
	if origin == "" {
		origin = it.Origin
	}
	var (
		aid             int64
		pipeline, dupOf string
	)
	find, err := w.stmt(ctx, "find", statements["find"])
	if err != nil {
		return 0, err
	}
	err = find.QueryRowContext(ctx, rec.ID).Scan(&aid, &pipeline, &dupOf)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return w.add(ctx, rec, p, outlet, origin)
	case err != nil:
		return 0, fmt.Errorf("find: %w", err)
	}
	if !Newer(rec.Pipeline, pipeline) {
		cp, err := w.stmt(ctx, "copy", statements["copy"])
		if err != nil {
			return 0, err
		}
		res, err := cp.ExecContext(ctx, aid, origin, outlet)
		if err != nil {
			return 0, fmt.Errorf("copy: %w", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return store.Copy, nil
		}
		return store.Unchanged, nil
	}
	// A newer pipeline's record: replace the annotations, keep the
	// article's place in its story.
	rec.DuplicateOf = dupOf
	js := p.json
	if dupOf != "" {
		var err error
		if js, err = w.json(rec); err != nil {
			return 0, err
		}
	}
	// The rows queued so far go first, so that the deletes below see the
	// article whole even if it came earlier in this batch.
	if err := w.flushRows(ctx); err != nil {
		return 0, err
	}
	qids, err := w.tx.QueryContext(ctx, "SELECT qid FROM quotes WHERE aid = ?", aid)
	if err != nil {
		return 0, fmt.Errorf("replace quotes: %w", err)
	}
	for qids.Next() {
		var qid int64
		if err := qids.Scan(&qid); err != nil {
			qids.Close()
			return 0, err
		}
		w.fts = append(w.fts, ftsOp{name: "quoteFTSDelete", args: []any{qid}})
	}
	qids.Close()
	for _, t := range annotationTables {
		if _, err := w.tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE aid = ?", aid); err != nil {
			return 0, fmt.Errorf("replace %s: %w", t, err)
		}
	}
	w.fts = append(w.fts, ftsOp{name: "ftsDelete", args: []any{aid}})
	if err := w.exec(ctx, "update", rec.URL, rec.Title, outlet, rec.Published, dayOf(rec.Published), rec.Language, rec.Pipeline,
		rec.Tone.WordCount, rec.Tone.Tone, js, aid); err != nil {
		return 0, err
	}
	if err := w.exec(ctx, "copy", aid, origin, outlet); err != nil {
		return 0, err
	}
	w.fts = append(w.fts, ftsOp{name: "fts", args: []any{aid, rec.Title, rec.Text}})
	if err := w.annotations(ctx, aid, rec); err != nil {
		return 0, err
	}
	return store.Replaced, nil
}

// add stores a new article, first looking for the story it copies.
func (w *writer) add(ctx context.Context, rec *article.Record, p *prep, outlet, origin string) (store.Outcome, error) {
	aid := w.next
	w.next++
	story, similarity := aid, 0.0
	rec.DuplicateOf = ""
	js := p.json
	if len(p.keys) > 0 {
		best, bestStory, err := w.bestMatch(ctx, &p.sig, p.keys)
		if err != nil {
			return 0, err
		}
		if best.aid != 0 {
			story, similarity = bestStory, best.j
			sid, err := w.stmt(ctx, "storyID", statements["storyID"])
			if err != nil {
				return 0, err
			}
			if err := sid.QueryRowContext(ctx, story).Scan(&rec.DuplicateOf); err != nil {
				return 0, fmt.Errorf("story id: %w", err)
			}
			if js, err = w.json(rec); err != nil {
				return 0, err
			}
		}
	}
	var sigBytes []byte
	if len(p.keys) > 0 && rec.DuplicateOf == "" {
		// Only originals are candidates, so only they keep a signature
		// and band keys.
		sigBytes = p.sig.Encode()
		for _, k := range p.keys {
			w.lsh = append(w.lsh, lshRow{k, aid})
			w.batchBands[k] = append(w.batchBands[k], aid)
			w.d.bands.add(k)
		}
	}
	if err := w.exec(ctx, "article", aid, rec.ID, rec.URL, rec.Title, outlet, rec.Published, dayOf(rec.Published), rec.Language,
		rec.Pipeline, rec.DuplicateOf, story, similarity, rec.Tone.WordCount, rec.Tone.Tone, sigBytes, js); err != nil {
		return 0, err
	}
	if err := w.exec(ctx, "copy", aid, origin, outlet); err != nil {
		return 0, err
	}
	w.fts = append(w.fts, ftsOp{name: "fts", args: []any{aid, rec.Title, rec.Text}})
	if err := w.annotations(ctx, aid, rec); err != nil {
		return 0, err
	}
	if rec.DuplicateOf != "" {
		return store.Duplicate, nil
	}
	return store.Added, nil
}

// flushLSH writes the batch's band keys in key order.
func (w *writer) flushLSH(ctx context.Context) error {
	sort.Slice(w.lsh, func(i, j int) bool {
		a, b := w.lsh[i], w.lsh[j]
		return a.band < b.band || a.band == b.band && a.aid < b.aid
	})
	for _, r := range w.lsh {
		if err := w.exec(ctx, "lsh", r.band, r.aid); err != nil {
			return err
		}
	}
	w.lsh = w.lsh[:0]
	clear(w.batchBands)
	return nil
}

type match struct {
	aid int64
	j   float64
}

// bestMatch returns the stored article that sig copies best (ties to the
// earliest) with its story, or a zero match. Candidates are the articles
// sharing a band key, stored before this batch or earlier in it.
func (w *writer) bestMatch(ctx context.Context, sig *dedup.Sig, keys []int64) (match, int64, error) {
	var best match
	var bestStory int64
	consider := func(aid, story int64, raw []byte) {
		other, err := dedup.Decode(raw)
		if err != nil {
			return
		}
		if dup, j := dedup.Duplicate(sig, &other); dup && (j > best.j || j == best.j && aid < best.aid) {
			best, bestStory = match{aid, j}, story
		}
	}
	// Earlier in this batch: their keys are not written yet.
	var inBatch []int64
	for _, k := range keys {
		inBatch = append(inBatch, w.batchBands[k]...)
	}
	slices.Sort(inBatch)
	for i, aid := range inBatch {
		if i > 0 && inBatch[i-1] == aid {
			continue
		}
		var story int64
		var raw []byte
		if err := w.tx.QueryRowContext(ctx, "SELECT story, sig FROM articles WHERE aid = ?", aid).Scan(&story, &raw); err != nil {
			return match{}, 0, fmt.Errorf("candidate: %w", err)
		}
		consider(aid, story, raw)
	}
	// Stored keys: only those the filter may hold are looked up (the
	// others are given a key no article has).
	args := make([]any, len(keys))
	hits := 0
	for i, k := range keys {
		args[i] = int64(0)
		if w.d.bands.mayHave(k) {
			args[i] = k
			hits++
		}
	}
	if hits == 0 {
		return best, bestStory, nil
	}
	cand, err := w.stmt(ctx, "candidates", statements["candidates"])
	if err != nil {
		return match{}, 0, err
	}
	rows, err := cand.QueryContext(ctx, args...)
	if err != nil {
		return match{}, 0, fmt.Errorf("candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var aid, story int64
		var raw []byte
		if err := rows.Scan(&aid, &story, &raw); err != nil {
			return match{}, 0, err
		}
		consider(aid, story, raw)
	}
	return best, bestStory, rows.Err()
}

// json encodes rec as extract prints it, without the final newline.
func (w *writer) json(rec *article.Record) ([]byte, error) {
	w.buf.Reset()
	if err := w.enc.Encode(rec); err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return bytes.Clone(bytes.TrimSuffix(w.buf.Bytes(), []byte("\n"))), nil
}

// annotations inserts the rows of rec's annotations for article aid,
// several rows per statement.
func (w *writer) annotations(ctx context.Context, aid int64, rec *article.Record) error {
	entityCountry := make(map[string]string, len(rec.Entities))
	var ents, mentions []any
	for _, e := range rec.Entities {
		if e.ID == "" {
			continue
		}
		entityCountry[e.ID] = e.Country
		if w.newEntity(&e) {
			ents = append(ents, e.ID, e.Name, e.Type, e.Kind, e.Role, e.Country, e.Actor, e.Lat, e.Lon, e.Known)
		}
		first := -1
		spans := make([]article.Span, len(e.Mentions))
		for i, m := range e.Mentions {
			spans[i] = m.Span
			if first < 0 || m.Span.Start < first {
				first = m.Span.Start
			}
		}
		sp, _ := json.Marshal(spans)
		mentions = append(mentions, aid, e.ID, len(e.Mentions), first, string(sp))
	}
	if err := w.insert(ctx, "entity", ents); err != nil {
		return err
	}
	if err := w.insert(ctx, "mention", mentions); err != nil {
		return err
	}
	var quotes, quoteFTS []any
	for i, q := range rec.Quotes {
		qid := w.qid
		w.qid++
		quotes = append(quotes, qid, aid, i, q.Text, q.Span.Start, q.Span.End, q.Speaker, q.SpeakerName, q.Cue, q.Kind, q.Sentence)
		quoteFTS = append(quoteFTS, qid, q.Text)
	}
	if err := w.insert(ctx, "quote", quotes); err != nil {
		return err
	}
	for i := 0; i < len(quoteFTS); i += 2 {
		w.fts = append(w.fts, ftsOp{name: "quoteFTS", args: quoteFTS[i : i+2 : i+2]})
	}
	var rows []any
	for i, a := range rec.Attributions {
		rows = append(rows, aid, i, a.Text, a.Claim.Start, a.Claim.End, a.Source, a.SourceName, a.Cue, a.Sentence)
	}
	if err := w.insert(ctx, "attribution", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for i, a := range rec.Amounts {
		rows = append(rows, aid, i, a.Text, a.Span.Start, a.Span.End, a.Value, a.Max, a.Unit, a.Object, a.Approximate)
	}
	if err := w.insert(ctx, "amount", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for i, dt := range rec.Dates {
		rows = append(rows, aid, i, dt.Text, dt.Span.Start, dt.Span.End, dt.Value, dt.Type, dt.Granularity, dt.Relative, dt.End)
	}
	if err := w.insert(ctx, "date", rows); err != nil {
		return err
	}
	rows = rows[:0]
	articleDay := dayOf(rec.Published)
	for i, e := range rec.Events {
		sc, tc := actorCountry(e.Source, entityCountry[e.SourceEntity]), actorCountry(e.Target, entityCountry[e.TargetEntity])
		day := articleDay
		if d := dateOf(e.Date); d != "" {
			day = d
		}
		rows = append(rows, aid, i, e.Source, e.Target, e.SourceEntity, e.TargetEntity, sc, tc, e.Code, e.Base, e.Root, e.Quad, e.Goldstein,
			e.Plover, e.Mode, e.Negated, e.Modal, e.Verb, e.VerbSpan.Start, e.VerbSpan.End, e.Location, e.Country, e.Lat, e.Lon, e.Date, day, e.Sentence, e.Confidence)
	}
	if err := w.insert(ctx, "event", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for i, e := range rec.Embeds {
		rows = append(rows, aid, i, e.Platform, e.Author, e.Handle, e.Date, e.Text, strings.Join(e.Links, " "))
	}
	if err := w.insert(ctx, "embed", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, t := range rec.Themes {
		rows = append(rows, aid, t.Code, len(t.Spans))
	}
	return w.insert(ctx, "theme", rows)
}

// insert queues rows (args holds whole rows end to end) for the
// multi-row insert name. Rows of all the batch's articles are written
// together, 32 to a statement: per row that is four to six times cheaper
// than a statement per row.
func (w *writer) insert(ctx context.Context, name string, args []any) error {
	m := multiInserts[name]
	q := append(w.rows[name], args...)
	full := len(q) / (32 * m.cols) * (32 * m.cols)
	if err := w.writeRows(ctx, name, q[:full]); err != nil {
		return err
	}
	w.rows[name] = append(q[:0], q[full:]...)
	return nil
}

// flushRows writes every queued row.
func (w *writer) flushRows(ctx context.Context) error {
	names := make([]string, 0, len(w.rows))
	for name := range w.rows {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := w.writeRows(ctx, name, w.rows[name]); err != nil {
			return err
		}
		w.rows[name] = w.rows[name][:0]
	}
	return nil
}

// writeRows runs the multi-row insert name over args, at most 32 rows a
// statement (a statement per row count, prepared once per store).
func (w *writer) writeRows(ctx context.Context, name string, args []any) error {
	m := multiInserts[name]
	for n := len(args) / m.cols; n > 0; {
		k := min(n, 32)
		key := name + "/" + strconv.Itoa(k)
		row := "(" + placeholders(m.cols) + ")"
		stmt, err := w.stmt(ctx, key, m.head+" VALUES "+strings.TrimSuffix(strings.Repeat(row+", ", k), ", ")+m.tail)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, args[:k*m.cols]...); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		args, n = args[k*m.cols:], n-k
	}
	return nil
}

// multiInserts are the annotation inserts, written several rows at a time.
var multiInserts = map[string]struct {
	head string
	cols int
	tail string
}{
	"entity": {"INSERT INTO entities(id, name, type, kind, role, country, actor, lat, lon, known)", 10, `
		ON CONFLICT(id) DO UPDATE SET
			kind = CASE WHEN entities.kind = '' THEN excluded.kind ELSE entities.kind END,
			role = CASE WHEN entities.role = '' THEN excluded.role ELSE entities.role END,
			country = CASE WHEN entities.country = '' THEN excluded.country ELSE entities.country END,
			actor = CASE WHEN entities.actor = '' THEN excluded.actor ELSE entities.actor END,
			lat = CASE WHEN entities.lat = 0 AND entities.lon = 0 THEN excluded.lat ELSE entities.lat END,
			lon = CASE WHEN entities.lat = 0 AND entities.lon = 0 THEN excluded.lon ELSE entities.lon END,
			known = max(entities.known, excluded.known)
		WHERE entities.kind = '' OR entities.role = '' OR entities.country = '' OR entities.actor = '' OR (entities.lat = 0 AND entities.lon = 0) OR entities.known < excluded.known`},
	"mention":     {"INSERT INTO mentions(aid, entity, n, first, spans)", 5, " ON CONFLICT(aid, entity) DO UPDATE SET n = mentions.n + excluded.n"},
	"quote":       {"INSERT INTO quotes(qid, aid, n, text, span_start, span_end, speaker, speaker_name, cue, kind, sentence)", 11, ""},
	"attribution": {"INSERT INTO attributions(aid, n, text, span_start, span_end, source, source_name, cue, sentence)", 9, ""},
	"amount":      {"INSERT INTO amounts(aid, n, text, span_start, span_end, value, max, unit, object, approximate)", 10, ""},
	"date":        {"INSERT INTO dates(aid, n, text, span_start, span_end, value, type, granularity, relative, end_value)", 10, ""},
	"event": {`INSERT INTO events(aid, n, source, target, source_entity, target_entity, source_country, target_country, cameo, base, root, quad, goldstein,
		plover, mode, negated, modal, verb, verb_start, verb_end, location, country, lat, lon, date, day, sentence, confidence)`, 28, ""},
	"embed": {"INSERT INTO embeds(aid, n, platform, author, handle, date, text, links)", 8, ""},
	"theme": {"INSERT INTO themes(aid, code, n)", 3, " ON CONFLICT(aid, code) DO UPDATE SET n = themes.n + excluded.n"},
}

// Entity fields a later record may fill in a stored entity.
const (
	hasKind uint8 = 1 << iota
	hasRole
	hasCountry
	hasActor
	hasLatLon
	isKnown
)

func entityFields(e *article.Entity) uint8 {
	var m uint8
	if e.Kind != "" {
		m |= hasKind
	}
	if e.Role != "" {
		m |= hasRole
	}
	if e.Country != "" {
		m |= hasCountry
	}
	if e.Actor != "" {
		m |= hasActor
	}
	if e.Lat != 0 || e.Lon != 0 {
		m |= hasLatLon
	}
	if e.Known {
		m |= isKnown
	}
	return m
}

// newEntity reports whether e must be written: it is not known to be
// stored, or it fills a field the stored one lacks. The cache of stored
// entities is the DB's, updated when the transaction commits.
func (w *writer) newEntity(e *article.Entity) bool {
	m := entityFields(e)
	have, ok := w.pending[e.ID]
	if !ok {
		have, ok = w.known[e.ID]
	}
	if ok && m&^have == 0 {
		return false
	}
	w.pending[e.ID] = have | m
	return true
}

// actorCountry is the country of an actor: its entity's, else the
// country block of its code.
func actorCountry(code, entityCountry string) string {
	if entityCountry != "" {
		return entityCountry
	}
	return export.ParseActor(code).Country
}

// outletOf is the record's outlet, else its URL's host without "www.".
func outletOf(rec *article.Record) string {
	if rec.Outlet != "" {
		return rec.Outlet
	}
	return Host(rec.URL)
}

// Host returns the host of a URL without "www.", or "".
func Host(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// dayOf returns the YYYY-MM-DD that s starts with, or "".
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	for i := range 10 {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return s[:10]
}

// dateOf returns the YYYY, YYYY-MM or YYYY-MM-DD that s starts with, or
// "".
func dateOf(s string) string {
	if d := dayOf(s); d != "" {
		return d
	}
	digits := func(s string) bool {
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(s) >= 7 && digits(s[:4]) && s[4] == '-' && digits(s[5:7]):
		return s[:7]
	case len(s) >= 4 && digits(s[:4]) && (len(s) == 4 || !('0' <= s[4] && s[4] <= '9')):
		return s[:4]
	}
	return ""
}

// Newer reports whether pipeline version a should replace stored version
// b: a's release is later, or the same release with another knowledge
// base. Versions read "newsgraph/X.Y.Z kb/DIGEST".
func Newer(a, b string) bool {
	if a == b {
		return false
	}
	va, ka := splitVersion(a)
	vb, kb := splitVersion(b)
	switch c := compareSemver(va, vb); {
	case c > 0:
		return true
	case c < 0:
		return false
	}
	return ka != kb
}

func splitVersion(s string) (version, kb string) {
	for _, f := range strings.Fields(s) {
		if v, ok := strings.CutPrefix(f, "newsgraph/"); ok {
			version = v
		} else if k, ok := strings.CutPrefix(f, "kb/"); ok {
			kb = k
		}
	}
	return version, kb
}

// compareSemver compares dotted numeric versions ("0.10.2" > "0.9.9");
// non-numeric parts compare as text.
func compareSemver(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(pa), len(pb)) {
		var x, y string
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		switch {
		case ex == nil && ey == nil && nx != ny:
			if nx > ny {
				return 1
			}
			return -1
		case (ex != nil || ey != nil) && x != y:
			return strings.Compare(x, y)
		}
	}
	return 0
}

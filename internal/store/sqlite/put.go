package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"slices"
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
//
// The batch is written in a few wide statements rather than one per row:
// the articles already stored are found with one query, the rows of each
// table are inserted many to a statement (prepared once per store), the
// entities the batch names are upserted once each, in key order, and the
// full-text rows go last (FTS5 writes its pending terms at every
// statement savepoint once it is in a transaction).
func (d *DB) Put(ctx context.Context, items []store.Item) ([]store.Outcome, error) {
	// The work that needs no database (signatures, JSON, mention spans)
	// is done first, on all cores, unless Prepare did it; the transaction
	// then only writes.
	d.Prepare(items)
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
	if d.recent == nil {
		d.recent = &recentKeys{}
	}
	if err := d.recent.sync(ctx, tx, w.next-1, d.bands); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	if err := w.findStored(ctx, items); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
	}
	out := make([]store.Outcome, len(items))
	for i := range items {
		if out[i], err = w.put(ctx, &items[i], items[i].Prepared.(*prep)); err != nil {
			return nil, fmt.Errorf("store %s: %w", items[i].Origin, mapErr(err))
		}
	}
	if err := w.finish(ctx); err != nil {
		return nil, fmt.Errorf("store batch: %w", mapErr(err))
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
	if w.moved != nil {
		// The recent keys and the batch's are in lsh now.
		for _, r := range w.moved {
			d.bands.add(r.band)
		}
		d.recent.rows, d.recent.merged = nil, w.next-1
	} else {
		d.recent.add(w.lsh)
	}
	d.recent.upTo = w.next - 1
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
	// spans are the mention spans of each entity as the mentions table
	// keeps them ("[[s,e],…]"), in the order of Record.Entities.
	spans []string
	err   error
}

var _ store.Preparer = (*DB)(nil)

// Prepare computes the items' signatures, JSON and mention spans on all
// cores, for Put. See store.Preparer.
func (d *DB) Prepare(items []store.Item) {
	var todo []int
	for i := range items {
		if _, ok := items[i].Prepared.(*prep); !ok {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return
	}
	preps := make([]prep, len(todo))
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				k := int(next.Add(1)) - 1
				if k >= len(todo) {
					return
				}
				p := &preps[k]
				rec := items[todo[k]].Record
				p.sig = dedup.Compute(rec.Text)
				p.keys = p.sig.BandKeys()
				rec.DuplicateOf = ""
				p.json, buf, p.err = encode(buf, &rec)
				p.spans = make([]string, len(rec.Entities))
				for k := range rec.Entities {
					p.spans[k] = mentionSpans(rec.Entities[k].Mentions)
				}
			}
		}()
	}
	wg.Wait()
	for k, i := range todo {
		items[i].Prepared = &preps[k]
	}
}

// mentionSpans writes the mentions' spans as JSON ([[start,end],…]).
func mentionSpans(ms []article.Mention) string {
	b := make([]byte, 0, 2+len(ms)*12)
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Span.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.Span.End), 10)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}

// encode returns rec as extract prints it, without the final newline,
// and buf (a scratch buffer) grown.
func encode(buf []byte, rec *article.Record) (js, scratch []byte, err error) {
	buf, err = appendRecord(buf[:0], rec)
	if err != nil {
		return nil, buf, fmt.Errorf("encode record: %w", err)
	}
	return bytes.Clone(buf), buf, nil
}

// writer holds one transaction's state.
type writer struct {
	d     *DB
	tx    *sql.Tx
	next  int64 // next article aid
	first int64 // first aid of this batch
	qid   int64 // next quote qid
	stmts map[string]*sql.Stmt
	buf   []byte
	// stored holds the batch's ids that are stored, before this batch or
	// earlier in it.
	stored map[string]storedArticle
	// added holds what the duplicate search needs of the articles added
	// in this batch, whose rows may not be written yet; copies the
	// inputs that gave them.
	added  map[int64]addedArticle
	copies map[copyKey]bool
	// lsh holds the batch's band keys, sorted at the end of the batch
	// and kept with the recent ones (recentKeys); batchBands finds
	// candidates among them meanwhile: the first story with each key,
	// batchMore the others (rare: copies within a batch are found). moved holds the keys written to
	// lsh when the batch moved the recent keys there.
	lsh        []lshRow
	batchBands map[int64]int64
	batchMore  map[int64][]int64
	moved      []lshRow
	// scratch holds an article's rows of one table while they are made;
	// aids, recentAids and cand the candidates of bestMatch;
	// entityCountry and seen are the article's maps of annotations.
	scratch       []any
	aids          []int64
	recentAids    []int64
	cand          []any
	entityCountry map[string]string
	seen          map[string]int
	// fts holds the full-text writes, done last: once an FTS5 table is
	// in a transaction, every statement that opens a savepoint (any
	// multi-row insert) makes FTS5 write its pending terms to disk.
	fts []ftsOp
	// rows queues rows by insert name.
	rows map[string][]any
	// ents holds the entities the batch writes, merged, upserted once
	// each at the end of the batch.
	ents map[string]*article.Entity
	// known caches the stored entities' filled fields (the DB's);
	// pending holds this transaction's until it commits.
	known   map[string]uint8
	pending map[string]uint8
	// counts are the changes to the counts of countedViews.
	counts [len(countedViews)]int64
}

type storedArticle struct {
	aid             int64
	pipeline, dupOf string
}

type addedArticle struct {
	id    string
	story int64
	sig   *dedup.Sig
}

type copyKey struct {
	aid    int64
	origin string
}

type ftsOp struct {
	name string
	args []any
}

// statements are the writer's single-row SQL, by name.
var statements = map[string]string{
	// Only originals are in lsh, so a story copied a thousand times still
	// gives one candidate; the limit guards against pathological text.
	"candidates":     "SELECT a.aid, a.story, a.sig FROM articles a WHERE a.aid IN (SELECT aid FROM lsh WHERE band IN (" + placeholders(dedup.Bands) + ") LIMIT 256)",
	"candidate":      "SELECT story, sig FROM articles WHERE aid = ?",
	"storyID":        "SELECT id FROM articles WHERE aid = ?",
	"update":         "UPDATE articles SET url = ?, title = ?, outlet = ?, published = ?, day = ?, language = ?, pipeline = ?, words = ?, tone = ?, record = ? WHERE aid = ?",
	"copy":           "INSERT INTO copies(aid, origin, outlet) VALUES(?, ?, ?) ON CONFLICT DO NOTHING",
	"fts":            "INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)",
	"ftsDelete":      "DELETE FROM articles_fts WHERE rowid = ?",
	"quoteFTS":       "INSERT INTO quotes_fts(rowid, text) VALUES(?, ?)",
	"quoteFTSDelete": "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES('delete', ?, ?)",
}

// annotationTables hold an article's annotations, deleted when a newer
// pipeline's record replaces them. (Attributions, amounts, dates and
// embeds are views over the record.)
var annotationTables = []string{"mentions", "quotes", "events", "themes"}

// countedViews are the views over the records whose sizes the counts
// table keeps, with the record's field each reads.
var countedViews = [...]string{"attributions", "amounts", "dates", "embeds"}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// newWriter returns the writer of a transaction: the last one's, emptied,
// when there was one (its maps and buffers, grown to a batch's size, are
// kept rather than made again each batch; Put holds d.mu).
func newWriter(ctx context.Context, d *DB, tx *sql.Tx) (*writer, error) {
	w := d.spare
	if w == nil {
		w = &writer{stmts: map[string]*sql.Stmt{}, batchBands: map[int64]int64{}, batchMore: map[int64][]int64{}, pending: map[string]uint8{}, rows: map[string][]any{},
			stored: map[string]storedArticle{}, added: map[int64]addedArticle{}, copies: map[copyKey]bool{}, ents: map[string]*article.Entity{}}
		d.spare = w
	} else {
		w.reset()
	}
	w.d, w.tx = d, tx
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(aid), 0) + 1 FROM articles").Scan(&w.next); err != nil {
		return nil, err
	}
	w.first = w.next
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(qid), 0) + 1 FROM quotes").Scan(&w.qid); err != nil {
		return nil, err
	}
	return w, nil
}

// findStored looks up which of the items' ids are stored, 250 to a query.
func (w *writer) findStored(ctx context.Context, items []store.Item) error {
	ids := make([]any, 0, len(items))
	for i := range items {
		ids = append(ids, items[i].Record.ID)
	}
	for len(ids) > 0 {
		n := min(len(ids), 250)
		rows, err := w.tx.QueryContext(ctx, "SELECT id, aid, pipeline, duplicate_of FROM articles WHERE id IN ("+placeholders(n)+")", ids[:n]...)
		if err != nil {
			return fmt.Errorf("find: %w", err)
		}
		for rows.Next() {
			var id string
			var s storedArticle
			if err := rows.Scan(&id, &s.aid, &s.pipeline, &s.dupOf); err != nil {
				rows.Close()
				return fmt.Errorf("find: %w", err)
			}
			w.stored[id] = s
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("find: %w", err)
		}
		ids = ids[n:]
	}
	return nil
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

// reset empties w for the next transaction, keeping its memory; the
// references it held (records, their strings) are cleared so that the
// last batch can be collected.
func (w *writer) reset() {
	clear(w.stmts)
	clear(w.batchBands)
	clear(w.batchMore)
	clear(w.pending)
	clear(w.stored)
	clear(w.added)
	clear(w.copies)
	clear(w.ents)
	for name, q := range w.rows {
		clear(q)
		w.rows[name] = q[:0]
	}
	clear(w.fts)
	clear(w.scratch)
	w.fts, w.scratch, w.lsh = w.fts[:0], w.scratch[:0], w.lsh[:0]
	w.moved, w.known, w.counts = nil, nil, [len(countedViews)]int64{}
	w.next, w.first, w.qid = 0, 0, 0
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
	st, ok := w.stored[rec.ID]
	if !ok {
		return w.add(ctx, rec, p, outlet, origin)
	}
	aid := st.aid
	if !Newer(rec.Pipeline, st.pipeline) {
		return w.copy(ctx, aid, origin, outlet)
	}
	// A newer pipeline's record: replace the annotations, keep the
	// article's place in its story.
	w.stored[rec.ID] = storedArticle{aid: aid, pipeline: rec.Pipeline, dupOf: st.dupOf}
	rec.DuplicateOf = st.dupOf
	js := p.json
	if st.dupOf != "" {
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
	// quotes_fts keeps no copy of the text: a row is deleted with the
	// text it was indexed with, which the quotes table holds.
	qids, err := w.tx.QueryContext(ctx, "SELECT qid, text FROM quotes WHERE aid = ?", aid)
	if err != nil {
		return 0, fmt.Errorf("replace quotes: %w", err)
	}
	for qids.Next() {
		var qid int64
		var text string
		if err := qids.Scan(&qid, &text); err != nil {
			qids.Close()
			return 0, err
		}
		w.fts = append(w.fts, ftsOp{name: "quoteFTSDelete", args: []any{qid, text}})
	}
	qids.Close()
	for _, t := range annotationTables {
		if _, err := w.tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE aid = ?", aid); err != nil {
			return 0, fmt.Errorf("replace %s: %w", t, err)
		}
	}
	var old [len(countedViews)]int64
	if err := w.tx.QueryRowContext(ctx, `SELECT coalesce(json_array_length(record, '$.attributions'), 0), coalesce(json_array_length(record, '$.amounts'), 0),
		coalesce(json_array_length(record, '$.dates'), 0), coalesce(json_array_length(record, '$.embeds'), 0) FROM articles WHERE aid = ?`, aid).Scan(&old[0], &old[1], &old[2], &old[3]); err != nil {
		return 0, fmt.Errorf("replace: %w", err)
	}
	for i, n := range old {
		w.counts[i] -= n
	}
	w.fts = append(w.fts, ftsOp{name: "ftsDelete", args: []any{aid}})
	if err := w.exec(ctx, "update", rec.URL, rec.Title, outlet, rec.Published, dayOf(rec.Published), rec.Language, rec.Pipeline,
		rec.Tone.WordCount, rec.Tone.Tone, js, aid); err != nil {
		return 0, err
	}
	if _, err := w.copy(ctx, aid, origin, outlet); err != nil {
		return 0, err
	}
	w.fts = append(w.fts, ftsOp{name: "fts", args: []any{aid, rec.Title, rec.Text}})
	if err := w.annotations(ctx, aid, rec, p); err != nil {
		return 0, err
	}
	return store.Replaced, nil
}

// copy records that article aid was read again from origin: a Copy when
// the origin is new, else Unchanged.
func (w *writer) copy(ctx context.Context, aid int64, origin, outlet string) (store.Outcome, error) {
	if aid >= w.first {
		// Added in this batch: its copies are queued, not written yet.
		k := copyKey{aid, origin}
		if w.copies[k] {
			return store.Unchanged, nil
		}
		w.copies[k] = true
		return store.Copy, w.insert(ctx, "copy", []any{aid, origin, outlet})
	}
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
			if a, ok := w.added[story]; ok {
				rec.DuplicateOf = a.id
			} else {
				sid, err := w.stmt(ctx, "storyID", statements["storyID"])
				if err != nil {
					return 0, err
				}
				if err := sid.QueryRowContext(ctx, story).Scan(&rec.DuplicateOf); err != nil {
					return 0, fmt.Errorf("story id: %w", err)
				}
			}
			if js, err = w.json(rec); err != nil {
				return 0, err
			}
		}
	}
	w.stored[rec.ID] = storedArticle{aid: aid, pipeline: rec.Pipeline, dupOf: rec.DuplicateOf}
	w.added[aid] = addedArticle{id: rec.ID, story: story, sig: &p.sig}
	var sigBytes []byte
	if len(p.keys) > 0 && rec.DuplicateOf == "" {
		// Only originals are candidates, so only they keep a signature
		// and band keys.
		sigBytes = p.sig.Encode()
		for _, k := range p.keys {
			w.lsh = append(w.lsh, lshRow{k, aid})
			if _, ok := w.batchBands[k]; ok {
				w.batchMore[k] = append(w.batchMore[k], aid)
			} else {
				w.batchBands[k] = aid
			}
		}
	}
	if err := w.insert(ctx, "article", []any{aid, rec.ID, rec.URL, rec.Title, outlet, rec.Published, dayOf(rec.Published), rec.Language,
		rec.Pipeline, rec.DuplicateOf, story, similarity, int64(rec.Tone.WordCount), rec.Tone.Tone, sigBytes, js}); err != nil {
		return 0, err
	}
	w.copies[copyKey{aid, origin}] = true
	if err := w.insert(ctx, "copy", []any{aid, origin, outlet}); err != nil {
		return 0, err
	}
	w.fts = append(w.fts, ftsOp{name: "fts", args: []any{aid, rec.Title, rec.Text}})
	if err := w.annotations(ctx, aid, rec, p); err != nil {
		return 0, err
	}
	if rec.DuplicateOf != "" {
		return store.Duplicate, nil
	}
	return store.Added, nil
}

// finish writes what the batch queued: the entities, every queued row,
// the band keys in key order, then the full-text rows.
func (w *writer) finish(ctx context.Context) error {
	ids := make([]string, 0, len(w.ents))
	for id := range w.ents {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rows := make([]any, 0, len(ids)*10)
	for _, id := range ids {
		e := w.ents[id]
		rows = append(rows, e.ID, e.Name, e.Type, e.Kind, e.Role, e.Country, e.Actor, e.Lat, e.Lon, e.Known)
	}
	if err := w.insert(ctx, "entity", rows); err != nil {
		return err
	}
	if err := w.flushRows(ctx); err != nil {
		return err
	}
	if err := w.flushLSH(ctx); err != nil {
		return err
	}
	for i, n := range w.counts {
		if n == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(ctx, "UPDATE counts SET n = n + ? WHERE name = ?", n, countedViews[i]); err != nil {
			return fmt.Errorf("counts: %w", err)
		}
	}
	for _, op := range w.fts {
		if err := w.exec(ctx, op.name, op.args...); err != nil {
			return err
		}
	}
	return nil
}

// flushLSH sorts the batch's band keys; once they and the recent ones
// reach lshMergeRows, it writes them all to lsh, in key order: one pass
// over lsh's pages instead of a page per key.
func (w *writer) flushLSH(ctx context.Context) error {
	slices.SortFunc(w.lsh, compareLSH)
	clear(w.batchBands)
	clear(w.batchMore)
	if len(w.d.recent.rows)+len(w.lsh) < lshMergeRows {
		return nil
	}
	w.moved = mergeLSH(w.d.recent.rows, w.lsh)
	rows := make([]any, 0, 2*len(w.moved))
	for _, r := range w.moved {
		rows = append(rows, r.band, r.aid)
	}
	if err := w.insert(ctx, "lsh", rows); err != nil {
		return err
	}
	if err := w.flushRows(ctx); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, "DELETE FROM lsh_merged"); err != nil {
		return fmt.Errorf("move band keys: %w", err)
	}
	if _, err := w.tx.ExecContext(ctx, "INSERT INTO lsh_merged(aid) VALUES(?)", w.next-1); err != nil {
		return fmt.Errorf("move band keys: %w", err)
	}
	return nil
}

// lshMergeRows is the number of recent keys at which they move to lsh
// (about 16,000 articles' worth, 8 MB).
var lshMergeRows = 1 << 19

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
	consider := func(aid, story int64, other *dedup.Sig) {
		if dup, j := dedup.Duplicate(sig, other); dup && (j > best.j || j == best.j && aid < best.aid) {
			best, bestStory = match{aid, j}, story
		}
	}
	// Earlier in this batch: their keys are not written yet.
	inBatch := w.aids[:0]
	defer func() { w.aids = inBatch[:0] }()
	for _, k := range keys {
		if aid, ok := w.batchBands[k]; ok {
			inBatch = append(inBatch, aid)
			inBatch = append(inBatch, w.batchMore[k]...)
		}
	}
	slices.Sort(inBatch)
	for i, aid := range inBatch {
		if i > 0 && inBatch[i-1] == aid {
			continue
		}
		a := w.added[aid]
		consider(aid, a.story, a.sig)
	}
	// Recent stories, stored before this batch: their keys are in
	// memory.
	recent := w.recentAids[:0]
	for _, k := range keys {
		w.d.recent.lookup(k, func(aid int64) { recent = append(recent, aid) })
	}
	w.recentAids = recent[:0]
	slices.Sort(recent)
	for i, aid := range recent {
		if i > 0 && recent[i-1] == aid {
			continue
		}
		one, err := w.stmt(ctx, "candidate", statements["candidate"])
		if err != nil {
			return match{}, 0, err
		}
		var story int64
		var raw []byte
		if err := one.QueryRowContext(ctx, aid).Scan(&story, &raw); err != nil {
			return match{}, 0, fmt.Errorf("candidate: %w", err)
		}
		if other, err := dedup.Decode(raw); err == nil {
			consider(aid, story, &other)
		}
	}
	// Keys in lsh: only those the filter may hold are looked up (the
	// others are given a key no article has).
	args := w.cand[:0]
	for range keys {
		args = append(args, nil)
	}
	w.cand = args
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
		if other, err := dedup.Decode(raw); err == nil {
			consider(aid, story, &other)
		}
	}
	return best, bestStory, rows.Err()
}

// json encodes rec as extract prints it, without the final newline.
func (w *writer) json(rec *article.Record) ([]byte, error) {
	js, buf, err := encode(w.buf, rec)
	w.buf = buf
	return js, err
}

// annotations queues the rows of rec's annotations for article aid.
func (w *writer) annotations(ctx context.Context, aid int64, rec *article.Record, p *prep) error {
	if w.entityCountry == nil {
		w.entityCountry, w.seen = map[string]string{}, map[string]int{}
	}
	entityCountry, seen := w.entityCountry, w.seen
	clear(entityCountry)
	clear(seen)
	rows := w.scratch[:0]
	defer func() { w.scratch = rows[:0] }()
	for k := range rec.Entities {
		e := &rec.Entities[k]
		if e.ID == "" {
			continue
		}
		entityCountry[e.ID] = e.Country
		w.entity(e)
		first := -1
		for _, m := range e.Mentions {
			if first < 0 || m.Span.Start < first {
				first = m.Span.Start
			}
		}
		if at, ok := seen[e.ID]; ok {
			// The same entity twice in one record: one row, the first's
			// spans, the mentions counted together.
			rows[at+2] = rows[at+2].(int64) + int64(len(e.Mentions))
			continue
		}
		seen[e.ID] = len(rows)
		rows = append(rows, aid, e.ID, int64(len(e.Mentions)), int64(first), p.spans[k])
	}
	if err := w.insert(ctx, "mention", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for i, q := range rec.Quotes {
		qid := w.qid
		w.qid++
		rows = append(rows, qid, aid, int64(i), q.Text, int64(q.Span.Start), int64(q.Span.End), q.Speaker, q.SpeakerName, q.Cue, q.Kind, int64(q.Sentence))
		w.fts = append(w.fts, ftsOp{name: "quoteFTS", args: []any{qid, q.Text}})
	}
	if err := w.insert(ctx, "quote", rows); err != nil {
		return err
	}
	w.counts[0] += int64(len(rec.Attributions))
	w.counts[1] += int64(len(rec.Amounts))
	w.counts[2] += int64(len(rec.Dates))
	rows = rows[:0]
	articleDay := dayOf(rec.Published)
	for i, e := range rec.Events {
		sc, tc := actorCountry(e.Source, entityCountry[e.SourceEntity]), actorCountry(e.Target, entityCountry[e.TargetEntity])
		day := articleDay
		if d := dateOf(e.Date); d != "" {
			day = d
		}
		rows = append(rows, aid, int64(i), e.Source, e.Target, e.SourceEntity, e.TargetEntity, sc, tc, e.Code, e.Base, e.Root, int64(e.Quad), e.Goldstein,
			e.Plover, e.Mode, e.Negated, e.Modal, e.Verb, int64(e.VerbSpan.Start), int64(e.VerbSpan.End), e.Location, e.Country, e.Lat, e.Lon, e.Date, day, int64(e.Sentence), e.Confidence)
	}
	if err := w.insert(ctx, "event", rows); err != nil {
		return err
	}
	w.counts[3] += int64(len(rec.Embeds))
	rows = rows[:0]
	clear(seen)
	for _, t := range rec.Themes {
		if at, ok := seen[t.Code]; ok {
			rows[at+2] = rows[at+2].(int64) + int64(len(t.Spans))
			continue
		}
		seen[t.Code] = len(rows)
		rows = append(rows, aid, t.Code, int64(len(t.Spans)))
	}
	return w.insert(ctx, "theme", rows)
}

// insert queues rows (args holds whole rows end to end) for the
// multi-row insert name, and writes the full statements' worth. Rows of
// all the batch's articles are written together: per row that is four
// to six times cheaper than a statement per row.
func (w *writer) insert(ctx context.Context, name string, args []any) error {
	m := multiInserts[name]
	per := m.perStatement() * m.cols
	q := append(w.rows[name], args...)
	full := len(q) / per * per
	if err := w.writeRows(ctx, name, q[:full]); err != nil {
		return err
	}
	w.rows[name] = append(q[:0], q[full:]...)
	return nil
}

// flushRows writes every queued row, in the order of insertOrder.
func (w *writer) flushRows(ctx context.Context) error {
	for _, name := range insertOrder {
		if err := w.writeRows(ctx, name, w.rows[name]); err != nil {
			return err
		}
		w.rows[name] = w.rows[name][:0]
	}
	return nil
}

// writeRows runs the multi-row insert name over args, at most
// perStatement rows a statement. Statements hold a power of two of rows,
// so that a few sizes, each prepared once per store, write any count.
func (w *writer) writeRows(ctx context.Context, name string, args []any) error {
	m := multiInserts[name]
	for n := len(args) / m.cols; n > 0; {
		k := min(n, m.perStatement())
		for k&(k-1) != 0 {
			k &= k - 1 // the largest power of two below
		}
		key := name + "/" + strconv.Itoa(k)
		q := "" // the SQL, built only when no statement is prepared yet
		if w.stmts[key] == nil && w.d.stmts[key] == nil {
			row := "(" + placeholders(m.cols) + ")"
			q = m.head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", k), ", ") + m.tail
		}
		stmt, err := w.stmt(ctx, key, q)
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

// multiInsert is an insert written several rows at a time.
type multiInsert struct {
	head string
	cols int
	tail string
}

// perStatement is the number of rows of one statement: about 512
// values, a power of two.
func (m multiInsert) perStatement() int {
	n := 1
	for n*2*m.cols <= 512 {
		n *= 2
	}
	return n
}

// insertOrder is the order flushRows writes the tables in: articles
// before the rows that point at them.
var insertOrder = []string{"article", "copy", "entity", "mention", "quote", "event", "theme", "lsh"}

// multiInserts are the inserts written several rows at a time. The
// annotation rows are new rows of new or emptied articles, unique by
// construction (an entity's or theme's rows of one record are merged
// before), so their inserts say OR IGNORE: a statement that could stop
// on a conflict half-way keeps a journal of every page it changes, and
// for the mentions, spread over the entity index, that was a quarter of
// their cost.
var multiInserts = map[string]multiInsert{
	"article": {"INSERT INTO articles(aid, id, url, title, outlet, published, day, language, pipeline, duplicate_of, story, similarity, words, tone, sig, record)", 16, ""},
	"copy":    {"INSERT OR IGNORE INTO copies(aid, origin, outlet)", 3, ""},
	"lsh":     {"INSERT OR IGNORE INTO lsh(band, aid)", 2, ""},
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
	"mention": {"INSERT OR IGNORE INTO mentions(aid, entity, n, first, spans)", 5, ""},
	"quote":   {"INSERT OR IGNORE INTO quotes(qid, aid, n, text, span_start, span_end, speaker, speaker_name, cue, kind, sentence)", 11, ""},
	"event": {`INSERT OR IGNORE INTO events(aid, n, source, target, source_entity, target_entity, source_country, target_country, cameo, base, root, quad, goldstein,
		plover, mode, negated, modal, verb, verb_start, verb_end, location, country, lat, lon, date, day, sentence, confidence)`, 28, ""},
	"theme": {"INSERT OR IGNORE INTO themes(aid, code, n)", 3, ""},
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

// entity notes that the batch names e. It is written when it is not
// known to be stored, or fills a field the stored one lacks; the
// batch's rows of one entity are merged (the first value of each field
// wins, as the upsert keeps the stored one). The cache of stored
// entities is the DB's, updated when the transaction commits.
func (w *writer) entity(e *article.Entity) {
	m := entityFields(e)
	have, ok := w.pending[e.ID]
	if !ok {
		have, ok = w.known[e.ID]
	}
	if ok && m&^have == 0 {
		return
	}
	w.pending[e.ID] = have | m
	q := w.ents[e.ID]
	if q == nil {
		c := *e
		c.Mentions = nil
		w.ents[e.ID] = &c
		return
	}
	if q.Kind == "" {
		q.Kind = e.Kind
	}
	if q.Role == "" {
		q.Role = e.Role
	}
	if q.Country == "" {
		q.Country = e.Country
	}
	if q.Actor == "" {
		q.Actor = e.Actor
	}
	if q.Lat == 0 && q.Lon == 0 {
		q.Lat, q.Lon = e.Lat, e.Lon
	}
	q.Known = q.Known || e.Known
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

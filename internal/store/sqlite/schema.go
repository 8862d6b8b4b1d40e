package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"newsgraph/internal/dedup"
)

// applicationID marks a SQLite file as a newsgraph store ("NWSG").
const applicationID = 0x4e575347

// migrations are the schema's versions in order: migrations[i] takes a
// database from version i to i+1 (with migrationSteps[i+1], if any). A released migration is never edited;
// a change is a new one. The SQL keeps to what PostgreSQL also reads,
// except the FTS5 tables and WITHOUT ROWID, which its engine does its own
// way. Tables keyed by (article, index) are WITHOUT ROWID: one B-tree
// insert per row instead of two.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE articles (
	aid          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT NOT NULL,
	title        TEXT NOT NULL,
	outlet       TEXT NOT NULL,      -- outlet, else the URL's host
	published    TEXT NOT NULL,
	day          TEXT NOT NULL,      -- YYYY-MM-DD of published, '' when unknown
	language     TEXT NOT NULL,
	pipeline     TEXT NOT NULL,
	duplicate_of TEXT NOT NULL,      -- id of the story's original, '' when original
	story        INTEGER NOT NULL,   -- aid of the story's original (itself when original)
	similarity   REAL NOT NULL,      -- estimated Jaccard to the text it matched
	words        INTEGER NOT NULL,
	tone         REAL NOT NULL,
	sig          BLOB,               -- MinHash signature; NULL for texts too short to compare
	record       BLOB NOT NULL       -- the record's JSON as written
);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_outlet ON articles(outlet);

-- copies: every URL (or input, when there is no URL) that gave an article.
CREATE TABLE copies (
	aid    INTEGER NOT NULL,
	origin TEXT NOT NULL,
	outlet TEXT NOT NULL,
	PRIMARY KEY (aid, origin)
) WITHOUT ROWID;
CREATE INDEX copies_origin ON copies(origin);

-- lsh: MinHash band keys of the articles' signatures.
CREATE TABLE lsh (
	band INTEGER NOT NULL,
	aid  INTEGER NOT NULL,
	PRIMARY KEY (band, aid)
) WITHOUT ROWID;

CREATE TABLE entities (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	type    TEXT NOT NULL,
	kind    TEXT NOT NULL,
	role    TEXT NOT NULL,
	country TEXT NOT NULL,
	actor   TEXT NOT NULL,
	lat     REAL NOT NULL,
	lon     REAL NOT NULL,
	known   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor);

-- mentions: one row per entity per article, with its mention spans.
CREATE TABLE mentions (
	aid    INTEGER NOT NULL,
	entity TEXT NOT NULL,
	n      INTEGER NOT NULL,
	first  INTEGER NOT NULL,
	spans  TEXT NOT NULL,
	PRIMARY KEY (aid, entity)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE quotes (
	qid          INTEGER PRIMARY KEY,
	aid          INTEGER NOT NULL,
	n            INTEGER NOT NULL,
	text         TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	speaker      TEXT NOT NULL,
	speaker_name TEXT NOT NULL,
	cue          TEXT NOT NULL,
	kind         TEXT NOT NULL,
	sentence     INTEGER NOT NULL
);
CREATE INDEX quotes_aid ON quotes(aid);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE attributions (
	aid         INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	text        TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	source      TEXT NOT NULL,
	source_name TEXT NOT NULL,
	cue         TEXT NOT NULL,
	sentence    INTEGER NOT NULL,
	PRIMARY KEY (aid, n)
) WITHOUT ROWID;
CREATE INDEX attributions_source ON attributions(source);

CREATE TABLE amounts (
	aid         INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	text        TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	value       REAL NOT NULL,
	max         REAL NOT NULL,
	unit        TEXT NOT NULL,
	object      TEXT NOT NULL,
	approximate INTEGER NOT NULL,
	PRIMARY KEY (aid, n)
) WITHOUT ROWID;

CREATE TABLE dates (
	aid         INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	text        TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	value       TEXT NOT NULL,
	type        TEXT NOT NULL,
	granularity TEXT NOT NULL,
	relative    INTEGER NOT NULL,
	end_value   TEXT NOT NULL,
	PRIMARY KEY (aid, n)
) WITHOUT ROWID;

CREATE TABLE events (
	aid            INTEGER NOT NULL,
	n              INTEGER NOT NULL,
	source         TEXT NOT NULL,
	target         TEXT NOT NULL,
	source_entity  TEXT NOT NULL,
	target_entity  TEXT NOT NULL,
	source_country TEXT NOT NULL,
	target_country TEXT NOT NULL,
	cameo          TEXT NOT NULL,
	base           TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL,
	mode           TEXT NOT NULL,
	negated        INTEGER NOT NULL,
	modal          INTEGER NOT NULL,
	verb           TEXT NOT NULL,
	verb_start     INTEGER NOT NULL,
	verb_end       INTEGER NOT NULL,
	location       TEXT NOT NULL,
	country        TEXT NOT NULL,
	lat            REAL NOT NULL,
	lon            REAL NOT NULL,
	date           TEXT NOT NULL,
	day            TEXT NOT NULL,    -- the event's day, else the article's
	sentence       INTEGER NOT NULL,
	confidence     REAL NOT NULL,
	PRIMARY KEY (aid, n)
) WITHOUT ROWID;
-- Few indexes: each costs a B-tree insert per event. Country queries
-- (three columns OR-ed) scan the day range instead.
CREATE INDEX events_source ON events(source, day);
CREATE INDEX events_target ON events(target, day);
CREATE INDEX events_source_entity ON events(source_entity);
CREATE INDEX events_target_entity ON events(target_entity);
CREATE INDEX events_root ON events(root, quad);
CREATE INDEX events_day ON events(day);

CREATE TABLE embeds (
	aid      INTEGER NOT NULL,
	n        INTEGER NOT NULL,
	platform TEXT NOT NULL,
	author   TEXT NOT NULL,
	handle   TEXT NOT NULL,
	date     TEXT NOT NULL,
	text     TEXT NOT NULL,
	links    TEXT NOT NULL,
	PRIMARY KEY (aid, n)
) WITHOUT ROWID;

CREATE TABLE themes (
	aid  INTEGER NOT NULL,
	code TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (aid, code)
) WITHOUT ROWID;
CREATE INDEX themes_code ON themes(code);

-- Full text: contentless tables keyed by articles.aid and quotes.qid; the
-- text itself is in the records.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1);
`,
	// 2: cheaper writes, country queries served by indexes.
	`
-- Indexes no query uses: each cost a B-tree insert per row.
DROP INDEX entities_actor;
DROP INDEX attributions_source;
DROP INDEX themes_code;

-- lsh_recent takes the band keys of new originals; they move to lsh, in
-- key order, when it grows past a few hundred thousand rows. A key lands
-- anywhere in lsh, so writing it there at once touched a page of lsh per
-- key (32 per article), which at a million rows costs more than the rest
-- of the article; lsh_recent stays small enough to live in the cache.
CREATE TABLE lsh_recent (
	band INTEGER NOT NULL,
	aid  INTEGER NOT NULL,
	PRIMARY KEY (band, aid)
) WITHOUT ROWID;

-- Events by country: where they happened or either actor's country.
CREATE INDEX events_country ON events(country, day);
CREATE INDEX events_source_country ON events(source_country, day);
CREATE INDEX events_target_country ON events(target_country, day);

-- Full text: merge segments eight at a time (fewer merge passes while
-- writing, at most eight segments a level to read), and keep up to 8 MB
-- of a batch's terms in memory before writing them as a segment (1 MB
-- made several small segments a batch, each merged again later).
INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 8);
INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 8388608);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES('automerge', 8);
`,
	// 3: an entity's events by day.
	`
-- The events explorer pages an entity's events newest first, a few days
-- at a time: with the day in the index it reads those days' events of
-- the entity, not every event of the entity nor of the days. Same number
-- of indexes as before, so the same B-tree inserts per event.
DROP INDEX events_source_entity;
DROP INDEX events_target_entity;
CREATE INDEX events_source_entity_day ON events(source_entity, day);
CREATE INDEX events_target_entity_day ON events(target_entity, day);
`,
	// 4: band keys of recent stories kept in memory, not in a table.
	`
-- The keys of the stories stored since the last move to lsh are read
-- again from their signatures (articles.sig) when a store is opened for
-- writing; lsh_merged holds the last aid whose keys are in lsh.
INSERT OR IGNORE INTO lsh(band, aid) SELECT band, aid FROM lsh_recent ORDER BY band, aid;
DROP TABLE lsh_recent;
CREATE TABLE lsh_merged (aid INTEGER NOT NULL);
INSERT INTO lsh_merged SELECT coalesce(max(aid), 0) FROM articles;
`,
	// 5: attributions, amounts, dates and embeds read from the records.
	`
-- No query looks these up by anything but the article, and the record
-- holds them: views over the record's JSON replace the tables, which
-- cost a B-tree insert per row. counts keeps their sizes for stats. (A
-- record may hold null for an empty list, which json_each reads as one
-- value: only objects are rows.)
CREATE TABLE counts (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counts SELECT 'attributions', count(*) FROM attributions;
INSERT INTO counts SELECT 'amounts', count(*) FROM amounts;
INSERT INTO counts SELECT 'dates', count(*) FROM dates;
INSERT INTO counts SELECT 'embeds', count(*) FROM embeds;
DROP TABLE attributions;
DROP TABLE amounts;
DROP TABLE dates;
DROP TABLE embeds;
CREATE VIEW attributions AS SELECT a.aid AS aid, j.key AS n, j.value->>'text' AS text,
	j.value->>'$.claim[0]' AS span_start, j.value->>'$.claim[1]' AS span_end,
	coalesce(j.value->>'source', '') AS source, coalesce(j.value->>'source_name', '') AS source_name,
	coalesce(j.value->>'cue', '') AS cue, coalesce(j.value->>'sentence', 0) AS sentence
	FROM articles a, json_each(a.record, '$.attributions') j WHERE j.type = 'object';
CREATE VIEW amounts AS SELECT a.aid AS aid, j.key AS n, j.value->>'text' AS text,
	j.value->>'$.span[0]' AS span_start, j.value->>'$.span[1]' AS span_end,
	CAST(j.value->>'value' AS REAL) AS value, CAST(coalesce(j.value->>'max', 0) AS REAL) AS max,
	coalesce(j.value->>'unit', '') AS unit, coalesce(j.value->>'object', '') AS object,
	coalesce(j.value->>'approximate', 0) AS approximate
	FROM articles a, json_each(a.record, '$.amounts') j WHERE j.type = 'object';
CREATE VIEW dates AS SELECT a.aid AS aid, j.key AS n, j.value->>'text' AS text,
	j.value->>'$.span[0]' AS span_start, j.value->>'$.span[1]' AS span_end,
	j.value->>'value' AS value, j.value->>'type' AS type, coalesce(j.value->>'granularity', '') AS granularity,
	coalesce(j.value->>'relative', 0) AS relative, coalesce(j.value->>'end', '') AS end_value
	FROM articles a, json_each(a.record, '$.dates') j WHERE j.type = 'object';
CREATE VIEW embeds AS SELECT a.aid AS aid, j.key AS n, j.value->>'platform' AS platform,
	coalesce(j.value->>'author', '') AS author, coalesce(j.value->>'handle', '') AS handle,
	coalesce(j.value->>'date', '') AS date, j.value->>'text' AS text,
	coalesce((SELECT group_concat(l.value, ' ') FROM json_each(j.value, '$.links') l), '') AS links
	FROM articles a, json_each(a.record, '$.embeds') j WHERE j.type = 'object';
`,
	// 6: signatures by one-permutation MinHash.
	`
-- dedup.Compute now hashes each shingle once (one-permutation hashing
-- with densification) instead of with 128 functions; the old signatures
-- and band keys do not compare with the new. The step resign (Go) signs
-- every story again from its record's text and writes its keys to lsh.
DELETE FROM lsh;
`,
	// 7: quotes_fts without document sizes.
	`
-- Quote search ranks nothing (no bm25), so quotes_fts keeps no sizes
-- (columnsize=0): one B-tree insert less per quote, a quarter of its
-- full-text cost. contentless_delete needs those sizes, so a quote's row
-- is deleted with FTS5's 'delete' command and the text of the quotes
-- table. The index is built again from that table.
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', columnsize=0);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES('automerge', 8);
INSERT INTO quotes_fts(rowid, text) SELECT qid, text FROM quotes ORDER BY qid;
`,
}

// migrationSteps are Go steps of migrations, keyed by the version they
// lead to; each runs in the migration's transaction after its SQL.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	6: resign,
}

// resignChunk is the number of stories resign signs between writes of
// their band keys to lsh (32 keys each: 10 MB of keys).
const resignChunk = 20_000

// resign recomputes the signature of every article that has one (the
// stories' originals) from the text in its record, and writes the band
// keys of those up to lsh_merged to lsh, sorted, a chunk at a time; the
// keys of later ones are read from the signatures when the store is
// opened for writing.
func resign(ctx context.Context, tx *sql.Tx) error {
	var merged int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(aid), 0) FROM lsh_merged").Scan(&merged); err != nil {
		return fmt.Errorf("sign again: %w", err)
	}
	type signed struct {
		aid int64
		sig []byte
	}
	update, err := tx.PrepareContext(ctx, "UPDATE articles SET sig = ? WHERE aid = ?")
	if err != nil {
		return fmt.Errorf("sign again: %w", err)
	}
	defer update.Close()
	insert, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO lsh(band, aid) VALUES(?, ?)")
	if err != nil {
		return fmt.Errorf("sign again: %w", err)
	}
	defer insert.Close()
	var batch []signed
	var keys []lshRow
	for after := int64(0); ; {
		rows, err := tx.QueryContext(ctx, "SELECT aid, coalesce(record->>'text', '') FROM articles WHERE aid > ? AND sig IS NOT NULL ORDER BY aid LIMIT ?", after, resignChunk)
		if err != nil {
			return fmt.Errorf("sign again: %w", err)
		}
		batch, keys = batch[:0], keys[:0]
		for rows.Next() {
			var aid int64
			var text string
			if err := rows.Scan(&aid, &text); err != nil {
				rows.Close()
				return fmt.Errorf("sign again: %w", err)
			}
			sig := dedup.Compute(text)
			var enc []byte
			if sig.Comparable() {
				enc = sig.Encode()
			}
			batch = append(batch, signed{aid, enc})
			if aid <= merged {
				for _, k := range sig.BandKeys() {
					keys = append(keys, lshRow{k, aid})
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sign again: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		after = batch[len(batch)-1].aid
		for _, s := range batch {
			if _, err := update.ExecContext(ctx, s.sig, s.aid); err != nil {
				return fmt.Errorf("sign again: %w", err)
			}
		}
		slices.SortFunc(keys, compareLSH)
		for _, k := range keys {
			if _, err := insert.ExecContext(ctx, k.band, k.aid); err != nil {
				return fmt.Errorf("sign again: %w", err)
			}
		}
	}
}

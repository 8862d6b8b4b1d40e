// Package sqlite is the embedded store engine: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode, written in batched transactions, with
// FTS5 indexes over article text and quotes.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"

	msqlite "modernc.org/sqlite"

	"newsgraph/internal/store"
)

// Options configure Open.
type Options struct {
	// ReadOnly opens an existing store for reading; Open fails with
	// store.ErrNoStore when there is none.
	ReadOnly bool
	// MaxPages caps the database size in its pages (0: no cap); a new
	// store's pages are of newPageSize. Tests use it to fill a "disk".
	MaxPages int
	// Log receives warnings; nil discards them.
	Log *slog.Logger
}

// DB is a store in one SQLite file. It implements store.Store.
type DB struct {
	db   *sql.DB
	path string
	log  *slog.Logger
	// mu serialises Put.
	mu sync.Mutex
	// entities caches what Put has stored of each entity; wconn is the
	// connection Put writes on and stmts its prepared statements (all
	// guarded by mu).
	entities map[string]uint8
	wconn    *sql.Conn
	stmts    map[string]*sql.Stmt
	// bands filters the keys stored in lsh; recent holds the keys not
	// moved there yet (both guarded by mu, loaded by the first Put).
	bands  *bloom
	recent *recentKeys
	// spare is the writer of the last transaction, kept for the next
	// (guarded by mu).
	spare *writer
}

var _ store.Store = (*DB)(nil)

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

// Open opens the store at path, creating it unless opt.ReadOnly, and
// brings its schema up to date. A database from a newer newsgraph fails
// with store.ErrNewerSchema and is left as it was.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open store %s: a database path may not contain '?'", path)
	}
	if _, err := os.Stat(path); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store: %w", err)
		}
		if opt.ReadOnly {
			return nil, fmt.Errorf("open store %s: %w (run newsgraph ingest first)", path, store.ErrNoStore)
		}
	}
	// The WAL is copied into the database when it passes 32 MB, whatever
	// the page size.
	dsn := path + fmt.Sprintf("?_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(0)&_pragma=cache_size(-8192)&_pragma=wal_autocheckpoint(%d)&_pragma=temp_store(MEMORY)&_pragma=journal_size_limit(67108864)&_txlock=immediate",
		walCheckpointBytes/pageSizeOf(path))
	if opt.ReadOnly {
		// A reader (the web server) maps the file rather than copying
		// each page it reads with a system call: search and event pages
		// read thousands of scattered pages and take a quarter less CPU.
		// SQLite caps the size at its build's maximum (2 GB).
		dsn += "&_pragma=query_only(1)&_pragma=mmap_size(2147483648)"
	}
	if opt.MaxPages > 0 {
		dsn += fmt.Sprintf("&_pragma=max_page_count(%d)", opt.MaxPages)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &DB{db: db, path: path, log: log, entities: map[string]uint8{}, stmts: map[string]*sql.Stmt{}}
	if err := d.init(ctx, opt.ReadOnly); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return d, nil
}

// init checks that the file is a newsgraph store this build can read and
// migrates it. It reads before it writes anything, so that a database from
// a newer version, or someone else's, is never changed.
func (d *DB) init(ctx context.Context, readOnly bool) error {
	appID, version, tables, err := d.header(ctx)
	if err != nil {
		return err
	}
	switch {
	case appID != 0 && appID != applicationID, appID == 0 && tables > 0:
		return store.ErrNotStore
	case version > len(migrations):
		return fmt.Errorf("%w: schema version %d, this newsgraph knows up to %d; use a newer newsgraph (the database was not changed)", store.ErrNewerSchema, version, len(migrations))
	case readOnly:
		if version < len(migrations) {
			return fmt.Errorf("schema version %d is older than %d: run newsgraph ingest once to migrate it", version, len(migrations))
		}
		return nil
	}
	if err := d.setWAL(ctx, tables == 0); err != nil {
		return err
	}
	if version == len(migrations) {
		return nil
	}
	return d.migrate(ctx)
}

// newPageSize is the page size of new stores. Against 4 KB pages, a
// commit writes its pages to the WAL, and a checkpoint copies them, in
// fewer system calls and a ~10 KB record takes a shorter overflow chain:
// ~6% less CPU per BBC article stored (go test -bench PutBBC: 358 → 338
// µs). Larger pages cost less CPU still (64 KB: 318 µs) but not memory:
// ingest's resident memory grew with the page size whatever cache_size
// said (30 MB of generated news: 265 MB at 4 KB, 260 at 8 KB with the
// 8 MB cache below, 289 at 16 KB, 451 at 64 KB with a 16 MB cache), and
// ingest must stay under 300 MB on any input. Stores made with other
// page sizes keep theirs.
const newPageSize = 8192

// walCheckpointBytes is the size the WAL may reach before a commit copies
// it into the database.
const walCheckpointBytes = 32 << 20

// pageSizeOf returns the page size in the header of the SQLite database
// at path, or newPageSize when there is none (no file yet, or not SQLite,
// which Open reports later).
func pageSizeOf(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return newPageSize
	}
	defer f.Close()
	var h [18]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return newPageSize
	}
	switch n := int(h[16])<<8 | int(h[17]); {
	case n == 1:
		return 65536
	case n >= 512 && n&(n-1) == 0:
		return n
	}
	return newPageSize
}

// setWAL puts the database in WAL mode. A new one (no tables yet) first
// gets its page size, on the same connection: the page size is fixed when
// the first page is written, which setting WAL mode does.
func (d *DB) setWAL(ctx context.Context, fresh bool) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("set WAL mode: %w", mapErr(err))
	}
	defer conn.Close()
	if fresh {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size=%d", newPageSize)); err != nil {
			return fmt.Errorf("set page size: %w", mapErr(err))
		}
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return fmt.Errorf("set WAL mode: %w", mapErr(err))
	}
	return nil
}

// header reads the application id, the schema version and the number of
// tables. A file that is not SQLite fails here.
func (d *DB) header(ctx context.Context) (appID, version, tables int, err error) {
	if err = d.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, 0, 0, mapErr(err)
	}
	if err = d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, 0, mapErr(err)
	}
	if err = d.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return 0, 0, 0, mapErr(err)
	}
	return appID, version, tables, nil
}

// migrate applies the missing migrations in one transaction, re-reading
// the version inside it so that two processes never both migrate.
func (d *DB) migrate(ctx context.Context) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", mapErr(err))
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("migrate: %w", mapErr(err))
	}
	if version > len(migrations) {
		return fmt.Errorf("%w: schema version %d", store.ErrNewerSchema, version)
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v+1, mapErr(err))
		}
		if step := migrationSteps[v+1]; step != nil {
			if err := step(ctx, tx); err != nil {
				return fmt.Errorf("migrate to version %d: %w", v+1, mapErr(err))
			}
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id=%d", applicationID)); err != nil {
		return fmt.Errorf("migrate: %w", mapErr(err))
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version=%d", len(migrations))); err != nil {
		return fmt.Errorf("migrate: %w", mapErr(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", mapErr(err))
	}
	return nil
}

// Close closes the database, checkpointing the WAL into the main file.
func (d *DB) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, s := range d.stmts {
		s.Close()
	}
	if d.wconn != nil {
		d.wconn.Close()
	}
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Path returns the database file's path.
func (d *DB) Path() string { return d.path }

// Check runs SQLite's integrity check and FTS5's on both indexes; it
// returns nil when the database is sound.
func (d *DB) Check(ctx context.Context) error {
	rows, err := d.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check: %w", mapErr(err))
	}
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(problems, "; "))
	}
	for _, t := range []string{"articles_fts", "quotes_fts"} {
		if _, err := d.db.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s(%s) VALUES('integrity-check')", t, t)); err != nil {
			return fmt.Errorf("integrity check %s: %w", t, mapErr(err))
		}
	}
	return nil
}

// mapErr turns SQLite's "full" result into store.ErrFull and names the
// cases a user can act on.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *msqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 13: // SQLITE_FULL
			return fmt.Errorf("%w (%v)", store.ErrFull, err)
		case 26: // SQLITE_NOTADB
			return fmt.Errorf("%w: file is not a database", store.ErrNotStore)
		}
	}
	return err
}

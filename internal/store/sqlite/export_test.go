package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"newsgraph/internal/store"
)

// SetLSHMergeRows sets the size of lsh_recent at which its keys move to
// lsh, and returns a function that restores it.
func SetLSHMergeRows(n int) (restore func()) {
	old := lshMergeRows
	lshMergeRows = n
	return func() { lshMergeRows = old }
}

// EventsPlan returns SQLite's plan for the query of d.Events(f), one
// step a line.
func (d *DB) EventsPlan(ctx context.Context, f store.EventFilter) (string, error) {
	q, args := eventsSQL(f)
	rows, err := d.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return "", err
		}
		b.WriteString(detail + "\n")
	}
	return b.String(), rows.Err()
}

// CreateAtVersion makes a new store at path with the schema of version
// v, as an older newsgraph wrote it.
func CreateAtVersion(ctx context.Context, path string, v int) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, m := range migrations[:v] {
		if _, err := db.ExecContext(ctx, m); err != nil {
			return err
		}
	}
	_, err = db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id=%d; PRAGMA user_version=%d", applicationID, v))
	return err
}

// AppendRecord is appendRecord.
var AppendRecord = appendRecord

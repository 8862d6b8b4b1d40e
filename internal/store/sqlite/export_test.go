package sqlite

import (
	"context"
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

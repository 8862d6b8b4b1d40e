package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"newsgraph/internal/dedup"
)

// recentKeys holds, in memory, the band keys of the stories stored since
// their keys last moved to lsh (the originals after lsh_merged), sorted
// by key then aid. Writing each key to a table as it came cost a B-tree
// insert per key, 32 an article; these keys are written to lsh once, in
// key order, when there are lshMergeRows of them. After a crash they are
// read again from the stories' signatures.
type recentKeys struct {
	rows []lshRow
}

type lshRow struct{ band, aid int64 }

func compareLSH(a, b lshRow) int {
	if c := cmp.Compare(a.band, b.band); c != 0 {
		return c
	}
	return cmp.Compare(a.aid, b.aid)
}

// lookup calls fn with the aid of every story that has key.
func (r *recentKeys) lookup(key int64, fn func(aid int64)) {
	i, _ := slices.BinarySearchFunc(r.rows, lshRow{key, 0}, compareLSH)
	for ; i < len(r.rows) && r.rows[i].band == key; i++ {
		fn(r.rows[i].aid)
	}
}

// add merges sorted rows into r.
func (r *recentKeys) add(sorted []lshRow) {
	r.rows = mergeLSH(r.rows, sorted)
}

// mergeLSH returns the sorted union of two sorted lists of rows.
func mergeLSH(a, b []lshRow) []lshRow {
	if len(b) == 0 {
		return a
	}
	out := make([]lshRow, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareLSH(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// loadRecent reads the band keys of the stories stored after lsh_merged
// from their signatures.
func loadRecent(ctx context.Context, tx *sql.Tx) (*recentKeys, error) {
	var merged int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(aid), 0) FROM lsh_merged").Scan(&merged); err != nil {
		return nil, fmt.Errorf("load recent band keys: %w", err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT aid, sig FROM articles WHERE aid > ? AND sig IS NOT NULL", merged)
	if err != nil {
		return nil, fmt.Errorf("load recent band keys: %w", err)
	}
	defer rows.Close()
	r := &recentKeys{}
	for rows.Next() {
		var aid int64
		var raw []byte
		if err := rows.Scan(&aid, &raw); err != nil {
			return nil, fmt.Errorf("load recent band keys: %w", err)
		}
		sig, err := dedup.Decode(raw)
		if err != nil {
			continue
		}
		for _, k := range sig.BandKeys() {
			r.rows = append(r.rows, lshRow{k, aid})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load recent band keys: %w", err)
	}
	slices.SortFunc(r.rows, compareLSH)
	return r, nil
}

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
//
// Another process may write the store too: at the start of each batch
// (inside the write lock) sync reads the signatures of the stories it
// added and notes a move to lsh it made, so that any writer's move takes
// every recent key and none is lost if a writer dies.
type recentKeys struct {
	rows []lshRow
	// merged is lsh_merged as last read or written; upTo the last aid
	// whose keys are here or in the filter of lsh's keys; read says they
	// have been set.
	merged, upTo int64
	read         bool
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

// sync brings r up to date with the store in transaction tx, whose
// largest aid is last: the keys another writer moved to lsh go to bands
// (those r holds, and those of stories r had not read), and r reads the
// keys of the stories added since it last looked.
func (r *recentKeys) sync(ctx context.Context, tx *sql.Tx, last int64, bands *bloom) error {
	var merged int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(aid), 0) FROM lsh_merged").Scan(&merged); err != nil {
		return fmt.Errorf("recent band keys: %w", err)
	}
	if !r.read {
		// The filter was loaded from lsh with this transaction's view.
		r.merged, r.upTo, r.read = merged, merged, true
	}
	if merged > r.merged {
		kept := r.rows[:0]
		for _, row := range r.rows {
			if row.aid <= merged {
				bands.add(row.band)
			} else {
				kept = append(kept, row)
			}
		}
		r.rows, r.merged = kept, merged
		if merged > r.upTo {
			moved, err := readKeys(ctx, tx, r.upTo, merged)
			if err != nil {
				return err
			}
			for _, row := range moved {
				bands.add(row.band)
			}
			r.upTo = merged
		}
	}
	if last > r.upTo {
		added, err := readKeys(ctx, tx, r.upTo, last)
		if err != nil {
			return err
		}
		r.add(added)
		r.upTo = last
	}
	return nil
}

// readKeys returns the band keys of the stories with after < aid <= upTo,
// sorted.
func readKeys(ctx context.Context, tx *sql.Tx, after, upTo int64) ([]lshRow, error) {
	rows, err := tx.QueryContext(ctx, "SELECT aid, sig FROM articles WHERE aid > ? AND aid <= ? AND sig IS NOT NULL", after, upTo)
	if err != nil {
		return nil, fmt.Errorf("recent band keys: %w", err)
	}
	defer rows.Close()
	var out []lshRow
	for rows.Next() {
		var aid int64
		var raw []byte
		if err := rows.Scan(&aid, &raw); err != nil {
			return nil, fmt.Errorf("recent band keys: %w", err)
		}
		sig, err := dedup.Decode(raw)
		if err != nil {
			continue
		}
		for _, k := range sig.BandKeys() {
			out = append(out, lshRow{k, aid})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("recent band keys: %w", err)
	}
	slices.SortFunc(out, compareLSH)
	return out, nil
}

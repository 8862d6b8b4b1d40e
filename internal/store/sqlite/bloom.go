package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// bloom is a Bloom filter of the LSH band keys stored, so that Put looks
// up candidates only for keys that may be stored (most articles copy
// nothing, and their 32 index lookups are saved). It is a hint: a false
// positive costs a lookup, and keys of a rolled-back batch stay in it
// harmlessly.
type bloom struct {
	bits []uint64
	n    int // keys added
	cap  int // keys it was sized for
}

// bloomBitsPerKey gives about a 1% false-positive rate with 4 probes.
// maxBloomBits caps the filter at 32 MB, so that memory stays bounded
// however large the store: past 27 million keys (some 800,000 stories)
// false positives grow, each costing a lookup.
const (
	bloomBitsPerKey = 10
	maxBloomBits    = 1 << 28
)

func newBloom(capacity int) *bloom {
	capacity = max(capacity, 1<<16)
	words := (min(capacity*bloomBitsPerKey, maxBloomBits) + 63) / 64
	return &bloom{bits: make([]uint64, words), cap: capacity}
}

func (b *bloom) probes(key int64, fn func(i uint64) bool) bool {
	h := uint64(key)
	m := uint64(len(b.bits) * 64)
	// The keys are already hashes: split one into two and combine them
	// (Kirsch and Mitzenmacher's double hashing).
	h1, h2 := h, (h>>32|h<<32)*0x9e3779b97f4a7c15|1
	for i := range uint64(4) {
		if !fn((h1 + i*h2) % m) {
			return false
		}
	}
	return true
}

func (b *bloom) add(key int64) {
	b.probes(key, func(i uint64) bool { b.bits[i/64] |= 1 << (i % 64); return true })
	b.n++
}

func (b *bloom) mayHave(key int64) bool {
	return b.probes(key, func(i uint64) bool { return b.bits[i/64]&(1<<(i%64)) != 0 })
}

// full reports that the filter holds more keys than it was sized for and
// should be rebuilt larger (unless it is at its largest).
func (b *bloom) full() bool { return b.n > b.cap && len(b.bits)*64 < maxBloomBits }

// loadBloom builds the filter from the band keys in lsh, sized for twice
// as many.
func loadBloom(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (*bloom, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM lsh").Scan(&n); err != nil {
		return nil, fmt.Errorf("load band keys: %w", err)
	}
	b := newBloom(2*n + 1<<20)
	rows, err := q.QueryContext(ctx, "SELECT band FROM lsh")
	if err != nil {
		return nil, fmt.Errorf("load band keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		b.add(k)
	}
	return b, rows.Err()
}

package serve

import (
	"context"
	"sync"
	"time"
)

// cache keeps the results of the aggregate queries (counts over the whole
// store, an actor's network) while the store is unchanged: it asks the
// store for its version at most once per interval and drops everything
// when the version moves. Entries beyond max drop the whole cache, which
// is simple and enough for a read-mostly store.
type cache struct {
	store    Store
	interval time.Duration
	max      int

	mu      sync.Mutex
	version string
	checked time.Time
	entries map[string]any
}

func newCache(st Store, interval time.Duration, max int) *cache {
	return &cache{store: st, interval: interval, max: max, entries: map[string]any{}}
}

// get returns the cached value of key, computing it with fn when missing.
// Errors are not cached.
func get[T any](ctx context.Context, c *cache, key string, fn func() (T, error)) (T, error) {
	c.mu.Lock()
	if time.Since(c.checked) > c.interval {
		c.checked = time.Now()
		c.mu.Unlock()
		v, err := c.store.Version(ctx)
		c.mu.Lock()
		if err == nil && v != c.version {
			c.version = v
			c.entries = map[string]any{}
		}
	}
	if v, ok := c.entries[key]; ok {
		c.mu.Unlock()
		return v.(T), nil
	}
	c.mu.Unlock()
	v, err := fn()
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	if len(c.entries) >= c.max {
		c.entries = map[string]any{}
	}
	c.entries[key] = v
	c.mu.Unlock()
	return v, nil
}

package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync/atomic"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/pipeline"
)

// numbered yields n short articles, every seventh a read error, and
// counts how many the run has taken.
func numbered(n int, taken *atomic.Int64) iter.Seq2[article.Input, error] {
	return func(yield func(article.Input, error) bool) {
		for i := range n {
			taken.Store(int64(i + 1))
			var in article.Input
			var err error
			if i%7 == 3 {
				err = fmt.Errorf("input %d: unreadable", i)
			} else {
				in = article.Input{Origin: fmt.Sprint("a", i), Text: fmt.Sprintf("Talks %d resumed in Geneva on Monday, officials said.", i)}
			}
			if !yield(in, err) {
				return
			}
		}
	}
}

// TestRunOrderAndBound checks that every input reaches emit once, in
// input order, read errors included, and that the run never reads far
// ahead of what it has emitted (a stream is not read into memory).
func TestRunOrderAndBound(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		var taken atomic.Int64
		var emitted, maxAhead int
		err := p.Run(context.Background(), numbered(200, &taken), workers, func(r pipeline.Result) error {
			if r.Seq != emitted {
				return fmt.Errorf("result %d emitted when %d was due", r.Seq, emitted)
			}
			if wantErr := r.Seq%7 == 3; (r.Err != nil) != wantErr {
				return fmt.Errorf("result %d: error %v", r.Seq, r.Err)
			}
			if r.Err == nil && r.Origin != fmt.Sprint("a", r.Seq) {
				return fmt.Errorf("result %d has origin %q", r.Seq, r.Origin)
			}
			emitted++
			maxAhead = max(maxAhead, int(taken.Load())-emitted)
			return nil
		})
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		if emitted != 200 {
			t.Errorf("%d workers: %d results emitted, want 200", workers, emitted)
		}
		if maxAhead > workers*4+1 {
			t.Errorf("%d workers: read %d inputs ahead of the output", workers, maxAhead)
		}
	}
}

// TestRunStops checks that an error from emit stops the run (no input is
// read much past it, emit is not called again) and is returned, and that
// a cancelled context stops it too.
func TestRunStops(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	full := errors.New("disk full")
	var taken atomic.Int64
	var calls int
	err = p.Run(context.Background(), numbered(1000, &taken), 2, func(r pipeline.Result) error {
		calls++
		if r.Seq == 10 {
			return full
		}
		return nil
	})
	if !errors.Is(err, full) {
		t.Errorf("Run returned %v, want the emit error", err)
	}
	if calls != 11 || taken.Load() > 30 {
		t.Errorf("after the emit error: %d calls of emit (want 11), %d inputs read", calls, taken.Load())
	}

	ctx, cancel := context.WithCancel(context.Background())
	taken.Store(0)
	calls = 0
	err = p.Run(ctx, numbered(1000, &taken), 2, func(r pipeline.Result) error {
		if calls++; calls == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || taken.Load() > 30 {
		t.Errorf("cancelled run: %v after reading %d inputs", err, taken.Load())
	}
}

package pipeline

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"newsgraph/internal/article"
)

// Result is the outcome for one input: a record, or the error that
// rejected it (a read error, or a rejection such as ErrEmpty).
type Result struct {
	// Seq is the input's position in the stream, from 0.
	Seq    int
	Origin string
	Record article.Record
	Err    error
}

// Run processes inputs on workers goroutines (all cores when workers < 1)
// and calls emit with each result in input order, so the output is the
// same whatever the number of workers. An error from emit stops the run
// and is returned; errors of single inputs are passed to emit and do not
// stop it. Memory stays bounded: at most a few inputs per worker are in
// flight.
//
// The workers take inputs from the sequence themselves and the one that
// finishes the next result in order emits it (one at a time, never
// concurrently), so an article passes from input to emit without a
// hand-over between goroutines: with channels between a reader, the
// workers and a collector, waking the other goroutines cost about 5% of
// the pipeline's time.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq2[article.Input, error], workers int, emit func(Result) error) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next, stop := iter.Pull2(inputs)
	defer stop()
	o := newOrderer(workers*4, emit, cancel)
	defer context.AfterFunc(ctx, o.wake)()

	var (
		readMu sync.Mutex // guards next, seq and ended
		seq    int
		ended  bool
	)
	read := func() (Result, article.Input, bool) {
		readMu.Lock()
		defer readMu.Unlock()
		if ended || !o.wait(ctx, seq) {
			return Result{}, article.Input{}, false
		}
		in, err, ok := next()
		if !ok {
			ended = true
			return Result{}, article.Input{}, false
		}
		r := Result{Seq: seq, Origin: in.Origin, Err: err}
		seq++
		return r, in, true
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				r, in, ok := read()
				if !ok {
					return
				}
				if r.Err == nil {
					r.Record, r.Err = p.Process(ctx, in)
					if r.Err != nil {
						r.Err = &article.InputError{Origin: in.Origin, Err: r.Err}
					}
				}
				o.put(r)
			}
		})
	}
	wg.Wait()
	if err := o.err(); err != nil {
		return err
	}
	return ctx.Err()
}

// orderer passes results to emit in sequence order, whichever worker
// finished them, and holds back readers that would run more than window
// results ahead of the last one emitted.
type orderer struct {
	mu       sync.Mutex
	cond     sync.Cond
	window   int
	pending  map[int]Result
	next     int  // sequence number of the next result to emit
	emitting bool // a worker is calling emit
	emitErr  error
	emit     func(Result) error
	cancel   context.CancelFunc
}

func newOrderer(window int, emit func(Result) error, cancel context.CancelFunc) *orderer {
	o := &orderer{window: window, pending: make(map[int]Result, window), emit: emit, cancel: cancel}
	o.cond.L = &o.mu
	return o
}

// wait blocks until result seq may be started, and reports false when
// the run is stopping instead.
func (o *orderer) wait(ctx context.Context, seq int) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for seq >= o.next+o.window && ctx.Err() == nil {
		o.cond.Wait()
	}
	return ctx.Err() == nil
}

// wake wakes the waiting readers (when the run is cancelled).
func (o *orderer) wake() {
	o.mu.Lock()
	o.cond.Broadcast()
	o.mu.Unlock()
}

// put adds r and, unless another worker is emitting already, emits every
// result that is next in order; emit runs outside the lock so that the
// other workers can add theirs meanwhile.
func (o *orderer) put(r Result) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pending[r.Seq] = r
	if o.emitting {
		return
	}
	o.emitting = true
	defer func() { o.emitting = false }()
	for o.emitErr == nil {
		r, ok := o.pending[o.next]
		if !ok {
			return
		}
		delete(o.pending, o.next)
		o.next++
		o.cond.Broadcast()
		o.mu.Unlock()
		err := o.emit(r)
		o.mu.Lock()
		if err != nil {
			o.emitErr = err
			o.cancel()
		}
	}
}

func (o *orderer) err() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.emitErr
}

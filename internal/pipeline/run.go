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
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq2[article.Input, error], workers int, emit func(Result) error) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		in  article.Input
		err error
	}
	jobs := make(chan job, workers*2)
	results := make(chan Result, workers*2)
	// slots bounds the number of inputs read but not yet emitted, so that
	// one slow article cannot make the reorder buffer grow without end.
	slots := make(chan struct{}, workers*4)

	go func() {
		defer close(jobs)
		seq := 0
		for in, err := range inputs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq, in, err}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Seq: j.seq, Origin: j.in.Origin, Err: j.err}
				if r.Err == nil {
					r.Record, r.Err = p.Process(ctx, j.in)
					if r.Err != nil {
						r.Err = &article.InputError{Origin: j.in.Origin, Err: r.Err}
					}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pending := map[int]Result{}
	next := 0
	for r := range results {
		pending[r.Seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err := emit(r); err != nil {
				cancel()
				for range results { // let the workers finish
				}
				return err
			}
		}
	}
	return ctx.Err()
}

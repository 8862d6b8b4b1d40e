package app

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/demo"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
)

func demoCmd(e *env) *cobra.Command {
	var (
		f       serveFlags
		samples []string
	)
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the sample articles that ship with newsgraph and serve the UI over them",
		Long: `demo reads the 30 sample articles built into newsgraph (short news-style
articles written for the project: invented people, real countries and
organisations), and any files given with --sample, into a store, then serves
the web UI on --addr until Ctrl-C. Without --db the store is a temporary
file removed at the end.`,
		Example: `  go run ./cmd/newsgraph demo
  newsgraph demo --sample ../shared/samples/belarus-prisoners.txt --open`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			path := f.db
			if path == "" {
				dir, err := os.MkdirTemp("", "newsgraph-demo")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = filepath.Join(dir, "demo.db")
			}
			db, err := sqlite.Open(ctx, path, sqlite.Options{Log: e.log})
			if err != nil {
				return err
			}
			defer db.Close()
			start := time.Now()
			p, err := pipeline.New(e.pipelineConfig())
			if err != nil {
				return err
			}
			inputs := demo.Inputs()
			if len(samples) > 0 {
				inputs = concat(inputs, ingest.Reader{}.Paths(samples, e.stdin))
			}
			n, err := ingestAll(ctx, e, p, db, inputs)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "newsgraph: %d articles read into %s in %s\n", n, path, time.Since(start).Round(time.Millisecond))
			return runServer(ctx, e, db, f)
		},
	}
	f.register(cmd, "")
	cmd.Flags().StringArrayVar(&samples, "sample", nil, "also read this file or directory of articles (repeatable)")
	return cmd
}

// concat yields a, then b.
func concat(a, b iter.Seq2[article.Input, error]) iter.Seq2[article.Input, error] {
	return func(yield func(article.Input, error) bool) {
		for in, err := range a {
			if !yield(in, err) {
				return
			}
		}
		for in, err := range b {
			if !yield(in, err) {
				return
			}
		}
	}
}

// ingestAll runs the pipeline over inputs and stores the records in
// batches; bad inputs are reported and skipped. It returns the number of
// records stored.
func ingestAll(ctx context.Context, e *env, p *pipeline.Pipeline, st store.Store, inputs iter.Seq2[article.Input, error]) (int, error) {
	const batch = 64
	var items []store.Item
	n := 0
	flush := func() error {
		if len(items) == 0 {
			return nil
		}
		if _, err := st.Put(ctx, items); err != nil {
			return err
		}
		n += len(items)
		items = items[:0]
		return nil
	}
	err := p.Run(ctx, inputs, e.workers, func(r pipeline.Result) error {
		if r.Err != nil {
			fmt.Fprintln(e.stderr, "newsgraph:", r.Err)
			return nil
		}
		items = append(items, store.Item{Record: r.Record, Origin: r.Origin})
		if len(items) >= batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, flush()
}

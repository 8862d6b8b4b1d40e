package app

import (
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/demo"
	"newsgraph/internal/ingest"
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
			inputs := demo.Inputs()
			if len(samples) > 0 {
				inputs = concat(inputs, ingest.Reader{}.Paths(samples, e.stdin))
			}
			sum, err := runIngest(ctx, e, db, ingestOptions{inputs: inputs, quiet: true, lang: "all"})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "newsgraph: %d articles read into %s in %s (%d near-duplicates, %d failed)\n",
				sum.Inputs-sum.Failed, path, sum.Elapsed.Round(time.Millisecond), sum.Duplicates, sum.Failed)
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

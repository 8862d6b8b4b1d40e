package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/export"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
)

func extractCmd(e *env) *cobra.Command {
	var (
		pretty    bool
		raw       bool
		published string
		format    string
		dicts     []string
	)
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|-]...",
		Short: "Print one JSON record per article read from files, directories or stdin",
		Long: `extract reads articles and prints one JSON record per article (JSONL).

An input may be plain text (a first line followed by a blank line is taken
as the title), an HTML page, or JSON/JSONL objects with "text" or "html"
and optional "url", "title", "published", "outlet". "-" reads stdin.
A bad input is reported on stderr with its file (and line for JSONL) and
the run goes on; the exit status is non-zero when any input failed.`,
		Example: `  newsgraph extract testdata/article.txt
  newsgraph extract --pretty --published 2025-08-09 article.txt
  cat feed.jsonl | newsgraph extract - > records.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg := e.pipelineConfig()
			cfg.Raw = raw
			cfg.Dicts = dicts
			if format != "json" && format != "gdelt-events" {
				return fmt.Errorf("extract: unknown --format %q (json, gdelt-events)", format)
			}
			p, err := pipeline.New(cfg)
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(e.stdout, 256*1024)
			defer out.Flush()
			gw := export.NewGDELTEventWriter(out)
			defer gw.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if pretty {
				enc.SetIndent("", "  ")
			}
			inputs := withPublished(ingest.Reader{}.Paths(args, e.stdin), published)
			var n, failed int
			err = p.Run(cmd.Context(), inputs, e.workers, func(r pipeline.Result) error {
				n++
				if r.Err != nil {
					failed++
					fmt.Fprintln(e.stderr, "newsgraph extract:", r.Err)
					return nil
				}
				if format == "gdelt-events" {
					return gw.Write(&r.Record)
				}
				return enc.Encode(r.Record)
			})
			if err != nil {
				return err
			}
			if failed > 0 {
				return fmt.Errorf("extract: %d of %d inputs failed", failed, n)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON for humans")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json (one record per line) or gdelt-events (GDELT 2.0 Event rows, 61 tab-separated columns)")
	dictFlag(cmd, &dicts)
	cmd.Flags().BoolVar(&raw, "raw", false, "keep the text exactly as given (no cleaning), so spans match the input byte for byte")
	cmd.Flags().StringVar(&published, "published", "", "publication date for inputs that give none (YYYY-MM-DD); relative dates are normalised against it")
	return cmd
}

// withPublished sets a default publication date on inputs lacking one.
func withPublished(in iter.Seq2[article.Input, error], published string) iter.Seq2[article.Input, error] {
	if published == "" {
		return in
	}
	return func(yield func(article.Input, error) bool) {
		for a, err := range in {
			if a.Published == "" {
				a.Published = published
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

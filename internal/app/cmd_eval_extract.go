package app

import (
	"strings"

	"github.com/spf13/cobra"

	"newsgraph/internal/clean"
	"newsgraph/internal/eval"
)

func evalExtractCmd(e *env) *cobra.Command {
	var (
		asJSON  bool
		detail  bool
		engines string
	)
	cmd := &cobra.Command{
		Use:   "extract DIR",
		Short: "Score HTML → article text against the article-extraction benchmark",
		Long: `extract runs the clean stage's HTML path (decode, parse, main-content
extraction, text cleaning) on every page of the article-extraction benchmark
in DIR (html/<id>.html.gz with ground-truth.json or html/<id>.json) and scores
the text against the gold article body: token 4-gram shingle precision,
recall and F1, means over pages, for all pages and for the English ones,
with the share of exact matches and the time per page. Each engine in
--engines is measured; the last line reports the first:
"extract F1=… P=… R=… en_F1=… ms_per_page=…".`,
		Example: `  newsgraph eval extract ../shared/corpora/extraction
  newsgraph eval extract --engines trafilatura,readability ../shared/corpora/extraction
  newsgraph eval extract --json --detail ../shared/corpora/extraction > extract.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts eval.ExtractOptions
			for name := range strings.SplitSeq(engines, ",") {
				if name = strings.TrimSpace(name); name == "" {
					continue
				}
				eng, err := clean.ParseEngine(name)
				if err != nil {
					return err
				}
				opts.Engines = append(opts.Engines, eng)
			}
			opts.Detail = detail
			rep, err := eval.Extract(cmd.Context(), args[0], opts)
			if err != nil {
				return err
			}
			return rep.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&detail, "detail", false, "with --json, include each page's scores")
	cmd.Flags().StringVar(&engines, "engines", "auto,trafilatura,readability,whole", "comma-separated engines to measure; the first is reported on the last line")
	return cmd
}

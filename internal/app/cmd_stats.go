package app

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"newsgraph/internal/store/sqlite"
)

// openStore opens the store at path for reading.
func openStore(ctx context.Context, e *env, path string) (*sqlite.DB, error) {
	return sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true, Log: e.log})
}

func statsCmd(e *env) *cobra.Command {
	var (
		dbPath string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Print the store's counts: articles, duplicates, entities, quotes, events, outlets",
		Long: `stats prints what the store holds. "duplicates" counts the articles that copy
another: near-duplicates linked by duplicate_of plus repeated exact copies (the
same text from another URL or file). The last line is
"articles=N duplicates=N entities=N quotes=N events=N".`,
		Example: `  newsgraph stats
  newsgraph stats --db news.db --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := openStore(cmd.Context(), e, dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			s, err := db.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			row := func(k string, v any) { fmt.Fprintf(tw, "%s\t%v\n", k, v) }
			row("store", db.Path())
			row("schema", s.Schema)
			row("articles", s.Articles)
			row("  stories (originals)", s.Stories)
			row("  near-duplicates", s.NearDuplicates)
			row("copies (inputs)", s.Copies)
			row("duplicates", s.Duplicates)
			if s.First != "" {
				row("published", s.First+" to "+s.Last)
			}
			row("entities", s.Entities)
			row("mentions", s.Mentions)
			row("quotes", s.Quotes)
			row("attributions", s.Attributions)
			row("amounts", s.Amounts)
			row("dates", s.Dates)
			row("events", s.Events)
			row("embeds", s.Embeds)
			row("themes", s.Themes)
			tw.Flush()
			if len(s.Outlets) > 0 {
				fmt.Fprintln(e.stdout, "\nby outlet (or site)")
				for _, c := range s.Outlets {
					name := c.Name
					if name == "" {
						name = "(unknown)"
					}
					fmt.Fprintf(tw, "  %s\t%d\n", name, c.N)
				}
				tw.Flush()
			}
			if len(s.Languages) > 1 {
				fmt.Fprintln(e.stdout, "\nby language")
				for _, c := range s.Languages {
					name := c.Name
					if name == "" {
						name = "(not stated)"
					}
					fmt.Fprintf(tw, "  %s\t%d\n", name, c.N)
				}
				tw.Flush()
			}
			fmt.Fprintf(e.stdout, "\narticles=%d duplicates=%d entities=%d quotes=%d events=%d\n", s.Articles, s.Duplicates, s.Entities, s.Quotes, s.Events)
			return nil
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "store file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the counts as JSON")
	return cmd
}

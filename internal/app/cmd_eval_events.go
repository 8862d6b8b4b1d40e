package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsgraph/internal/eval"
	"newsgraph/internal/kb"
)

func evalEventsCmd(e *env) *cobra.Command {
	var (
		asJSON  bool
		dicts   []string
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "events FILE.xml",
		Short: "Score event coding on PETRARCH2 unit-test records",
		Long: `events codes every active record (sentence="true") of a PETRARCH2 unit-test
file with the dictionaries its <Environment> names, read from beside the file
(and only those, plus --dict), and compares the (source, target, code) triples
with the expected codings: micro precision, recall and F1, and the same at root
level (two-digit code, three-letter actor prefixes). The last line is
"events F1=… P=… R=… root_F1=…". --verbose prints the records that differ.`,
		Example: `  newsgraph eval events ../shared/corpora/events/PETR.UnitTest.dev.xml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := eval.Events(cmd.Context(), args[0], eval.EventsOptions{KB: kb.Source{Dirs: e.kbDirs}, Dicts: dicts})
			if err != nil {
				return err
			}
			if verbose && !asJSON {
				for _, rec := range r.Detail.([]eval.EventsRecord) {
					if fmt.Sprint(rec.Gold) == fmt.Sprint(rec.Got) {
						continue
					}
					fmt.Fprintf(e.stdout, "%s [%s] %s\n  gold %v\n  got  %v\n", rec.ID, rec.Category, rec.Text, rec.Gold, rec.Got)
				}
			}
			if !asJSON {
				r.Detail = nil
			}
			return r.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores (and every record's codings) as JSON")
	cmd.Flags().StringArrayVar(&dicts, "dict", nil, "extra PETRARCH/TABARI dictionary file, as KIND:PATH or PATH (repeatable)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print the records whose codings differ")
	return cmd
}

package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsgraph/internal/eval"
)

func evalPloverCmd(e *env) *cobra.Command {
	var (
		asJSON  bool
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "plover FILE.json",
		Short: "Score event coding on PLOVER gold records (real news sentences)",
		Long: `plover runs the whole pipeline, with our knowledge base and no extra
dictionaries, on every sentence of a PLOVER gold-standard file and compares its
events with the gold event: type_acc is the share of sentences where an event
has the gold PLOVER type (DEMAND read as REQUEST, DISAPPROVE and INVESTIGATE as
ACCUSE, FIGHT as ASSAULT), actor_F1 the set F1 of the country codes of sources
and targets, and F1 the micro F1 of (type, source country, target country)
triples. The last line is "plover F1=… type_acc=… actor_F1=…". --verbose prints
the sentences whose type was missed.`,
		Example: `  newsgraph eval plover ../shared/corpora/plover/PLOVER_GSR_CAMEO.dev.json`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := eval.Plover(cmd.Context(), args[0], e.pipelineConfig())
			if err != nil {
				return err
			}
			if verbose && !asJSON {
				for _, rec := range r.Detail.([]eval.PloverRecord) {
					if !rec.Hit || fmt.Sprint(rec.Gold) != fmt.Sprint(rec.Got) {
						fmt.Fprintf(e.stdout, "%s %s\n  gold %v\n  got  %v\n", rec.ID, rec.Text, rec.Gold, rec.Got)
					}
				}
			}
			if !asJSON {
				r.Detail = nil
			}
			return r.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores (and every sentence's events) as JSON")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print the sentences whose events differ from the gold")
	return cmd
}

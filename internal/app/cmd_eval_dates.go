package app

import (
	"fmt"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/eval"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
)

func evalDatesCmd(e *env) *cobra.Command {
	var (
		asJSON bool
		errs   bool
	)
	cmd := &cobra.Command{
		Use:   "dates DIR",
		Short: "Score temporal expressions against TimeML (.tml) gold: span, value and type F1",
		Long: `dates reads every .tml file under DIR (TempEval-3 TimeML: TimeBank, AQUAINT,
TE3-Platinum), gives the pipeline the text of <TEXT> with its tags removed
and the document creation time as the publication date, runs it in raw mode
(text kept byte for byte) and compares the dates found with the gold TIMEX3
elements, as TempEval-3 scores them:

  relaxed   P/R/F1 where a system and a gold timex overlap (one to one)
  strict    P/R/F1 where the spans are identical
  value     a timex counts only if matched and its value equals gold's
            (value F1 = relaxed F1 x value accuracy), the task's ranking figure
  type      the same for the type (DATE, TIME, DURATION, SET)

The DCT itself is not scored. Ranges found by newsgraph ("from 1920 until
1991") are scored through their parts, as TimeML annotates them.
The last line is "dates F1=… strict_F1=… value_F1=…" (F1 is relaxed).`,
		Example: `  newsgraph eval dates ../shared/corpora/timex/TBAQ-cleaned
  newsgraph eval dates --errors ../shared/corpora/timex/TBAQ-cleaned/AQUAINT | less
  newsgraph eval dates --json DIR`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := eval.ReadTimeMLDir(args[0])
			if err != nil {
				return err
			}
			p, err := e.rawPipeline()
			if err != nil {
				return err
			}
			inputs := make([]article.Input, len(docs))
			for i, d := range docs {
				inputs[i] = article.Input{Origin: d.Path, Text: d.Text, Published: d.DCT}
			}
			sys := make([][]article.Date, len(docs))
			err = p.Run(cmd.Context(), ingest.Slice(inputs), e.workers, func(r pipeline.Result) error {
				if r.Err != nil {
					fmt.Fprintln(e.stderr, "newsgraph eval dates:", r.Err)
					return nil
				}
				sys[r.Seq] = r.Record.Dates
				return nil
			})
			if err != nil {
				return err
			}
			res := eval.ScoreDates(docs, sys, errs)
			rep := res.Report()
			if errs && !asJSON {
				for _, x := range res.Errors {
					fmt.Fprintf(e.stdout, "%-8s %-22s gold=%-40q sys=%-40q %s\n", x.Kind, x.Doc, x.Gold, x.System, x.Context)
				}
			}
			return rep.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVar(&errs, "errors", false, "list every disagreement (missed, spurious, span, value, type) before the table")
	return cmd
}

package app

import (
	"github.com/spf13/cobra"

	"newsgraph/internal/eval"
)

func evalQuotesCmd(e *env) *cobra.Command {
	var (
		asJSON     bool
		errs       int
		errKind    string
		errsDirect bool
	)
	cmd := &cobra.Command{
		Use:   "quotes DIR",
		Short: "Score quotes and attributions against PolNeAR (brat standoff .txt + .ann)",
		Long: `quotes runs the pipeline on each article's text kept byte for byte (Raw mode)
and compares its quotes and attributions with the gold attribution relations.

Every .ann file under DIR is read with its text: NAME.txt beside NAME.ann, or
the PolNeAR layout text/NAME.txt for attributions/NAME_ANNOTATOR.ann (offsets
count code points). An article with several annotators is scored against the
first in sort order.

A predicted relation is a group of quotes and attributions sharing a cue span.
Contents are compared as sets of word tokens; a match needs the shared tokens
to be at least half of both the gold and the predicted content (one-to-one,
best first). The table also gives exact and any-overlap matching, the same for
direct quotes (gold content holding a quotation mark), and speaker accuracy
on matched relations: a hit when the predicted speaker span, or a mention of
its entity, overlaps the gold Source.

With --errors N, up to N wrongly scored relations of each kind (missed gold,
spurious predictions, wrong speakers; --errors-kind picks one, --errors-direct
keeps those holding a quotation mark) are printed before the table, spread
evenly over the articles, each with its source, cue, the nearest relation on
the other side and the paragraph it lies in.

Last line: "quotes F1=… P=… R=… direct_F1=… speaker_acc=…".`,
		Example: `  newsgraph eval quotes ../shared/corpora/quotes
  newsgraph eval quotes --json ../shared/corpora/quotes/polnear/dev
  newsgraph eval quotes --errors 50 --errors-kind missed ../shared/corpora/quotes/polnear/train`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := eval.ReadBratDir(args[0])
			if err != nil {
				return err
			}
			p, err := e.rawPipeline()
			if err != nil {
				return err
			}
			rep, sc, err := eval.Quotes(cmd.Context(), docs, p.Process)
			if err != nil {
				return err
			}
			if errs != 0 {
				kinds := []string{eval.ErrMissed, eval.ErrSpurious, eval.ErrSpeaker}
				if errKind != "" {
					kinds = []string{errKind}
				}
				for _, k := range kinds {
					if err := eval.WriteErrors(e.stdout, eval.SampleErrors(sc.Errors, k, errsDirect, errs)); err != nil {
						return err
					}
				}
			}
			return rep.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().IntVar(&errs, "errors", 0, "print up to N wrongly scored relations of each kind (-1: all)")
	cmd.Flags().StringVar(&errKind, "errors-kind", "", "with --errors: only this kind (missed, spurious, speaker)")
	cmd.Flags().BoolVar(&errsDirect, "errors-direct", false, "with --errors: only relations holding a quotation mark")
	return cmd
}

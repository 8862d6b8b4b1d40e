package app

import (
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/eval"
	"newsgraph/internal/pipeline"
)

func evalNERCmd(e *env) *cobra.Command {
	var (
		asJSON bool
		errors int
	)
	cmd := &cobra.Command{
		Use:   "ner FILE",
		Short: "Score entities against CoNLL-2003 (IOB1 or IOB2) by entity-level exact match",
		Long: `ner reads a CoNLL-2003 file (token POS chunk NER per line; the tag scheme,
IOB1 or IOB2, is detected), rebuilds each document's text from its tokens
(joined by spaces, one sentence per line), runs the pipeline on it in raw
mode, maps the entity mentions to token spans and scores them by exact match
of both boundaries and type: micro precision, recall and F1 per type and
overall for PER, ORG and LOC. MISC is reported apart: NORP (nationalities
and groups), EVENT, WORK_OF_ART and MISC entities count as MISC; PERSON as
PER, ORG as ORG, PLACE as LOC. The last line is "ner F1=… P=… R=…" for
PER/ORG/LOC.`,
		Example: `  newsgraph eval ner ../shared/corpora/conll2003/eng.testa
  newsgraph eval ner --json ../shared/corpora/conll2003/valid.iob2.txt
  newsgraph eval ner --errors 50 ../shared/corpora/conll2003/eng.testa`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			docs, scheme, err := eval.ReadCoNLL(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("eval ner: %s: %w", args[0], err)
			}
			p, err := e.rawPipeline()
			if err != nil {
				return err
			}
			pred := make([][]eval.NERSpan, len(docs))
			inputs := func(yield func(article.Input, error) bool) {
				for i, d := range docs {
					if !yield(article.Input{Origin: fmt.Sprintf("%s#doc%d", args[0], i+1), Text: d.Text}, nil) {
						return
					}
				}
			}
			err = p.Run(cmd.Context(), inputs, e.workers, func(r pipeline.Result) error {
				if r.Err == nil {
					pred[r.Seq] = eval.PredictedSpans(&docs[r.Seq], r.Record.Entities)
				}
				return nil
			})
			if err != nil {
				return err
			}
			res := eval.ScoreNER(docs, pred)
			sents, toks, gold := 0, 0, 0
			for _, d := range docs {
				sents += d.Sentences
				toks += len(d.Tokens)
				gold += len(d.Gold)
			}
			if errors > 0 && !asJSON {
				errs := slices.Clone(res.Errors)
				for i, er := range errs {
					if i >= errors {
						break
					}
					fmt.Fprintf(e.stdout, "%s %-4s %-40q gold/pred=%s doc=%d | %s\n", er.Kind, er.Type, er.Text, er.Other, er.Doc+1, er.Line)
				}
			}
			rep := res.Report(
				fmt.Sprintf("%s: %s, %d documents, %d sentences, %d tokens, %d gold entities", args[0], scheme, len(docs), sents, toks, gold),
				"types: PERSON=PER ORG=ORG PLACE=LOC; NORP, EVENT, WORK_OF_ART, MISC = MISC (scored apart)",
			)
			return rep.Write(e.stdout, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().IntVar(&errors, "errors", 0, "print the first N false positives and negatives above the table")
	return cmd
}

package app

import (
	"github.com/spf13/cobra"
)

// evalCmd is the parent of the scorers against gold sets; each task is a
// sub-command in its own cmd_eval_*.go file.
func evalCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval TASK PATH",
		Short: "Score the extraction against gold data in its standard format",
		Long: `eval scores newsgraph against a gold set and prints a table, then a last line
of the form "TASK F1=… P=… R=…" that scripts can read. --json prints the
scores as JSON instead of the table.`,
	}
	cmd.AddCommand(
		evalNERCmd(e),
		evalDatesCmd(e),
		evalQuotesCmd(e),
		evalExtractCmd(e),
		evalEventsCmd(e),
		evalPloverCmd(e),
	)
	return cmd
}

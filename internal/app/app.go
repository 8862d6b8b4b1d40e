// Package app wires newsgraph's command line: flags and configuration to
// the pipeline, the store and the server. Each sub-command lives in its own
// cmd_*.go file.
package app

import (
	"context"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
)

// env is what every command gets: its streams, a logger and the shared
// flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	kbDirs         []string
	workers        int
}

// pipelineConfig returns the pipeline configuration the shared flags ask
// for.
func (e *env) pipelineConfig() pipeline.Config {
	return pipeline.Config{KB: kb.Source{Dirs: e.kbDirs}}
}

// rawPipeline builds the pipeline the eval commands score: the shared
// flags' configuration in raw mode, so the gold's text is kept byte for
// byte and its offsets stay valid.
func (e *env) rawPipeline() (*pipeline.Pipeline, error) {
	cfg := e.pipelineConfig()
	cfg.Raw = true
	return pipeline.New(cfg)
}

// Run runs the newsgraph command line with args (without the program
// name). It returns an error when the command fails or when any input
// failed; the caller prints it and exits non-zero.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Turn English news into a record of who did what to whom, who said what, where, when and how much",
		Long: `newsgraph reads news articles (text, HTML, JSON/JSONL) and extracts a traceable
record for each: entities, quotes, attributions, amounts, dates, events, tone
and themes, every fact with its byte span in the clean text.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringArrayVar(&e.kbDirs, "kb", nil, "directory of extra knowledge-base files (repeatable); same-named files add rows to the embedded ones")
	root.PersistentFlags().IntVar(&e.workers, "workers", 0, "worker goroutines (default: all cores)")
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	root.AddCommand(
		extractCmd(e),
		evalCmd(e),
		benchCmd(e),
		ingestCmd(e), statsCmd(e), queryCmd(e), exportCmd(e),
		serveCmd(e), demoCmd(e),
	)
	return root.ExecuteContext(ctx)
}

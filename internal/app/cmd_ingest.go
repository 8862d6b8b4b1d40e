package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
)

// ingestMemoryLimit is ingest's soft heap limit; ingestGCPercent its
// GOGC.
const (
	ingestMemoryLimit = 200 << 20
	ingestGCPercent   = 300
)

// defaultDB is where ingest, stats, query and export find the store.
const defaultDB = "./newsgraph.db"

func ingestCmd(e *env) *cobra.Command {
	var (
		o      ingestOptions
		fetch  ingest.FetchOptions
		dbPath string
	)
	cmd := &cobra.Command{
		Use:   "ingest SOURCE...",
		Short: "Read news from files, directories, feeds, WARC files or URLs into the store",
		Long: `ingest reads every SOURCE, runs the pipeline on all cores and keeps each record
in the store (--db, an embedded SQLite file), in batches of one transaction each.

A SOURCE is a file, a directory (read recursively), a glob, "-" for stdin, an
http(s) URL of an article or of an RSS/Atom feed, or a local feed. Files may
hold text, HTML, JSON/JSONL, RSS/Atom, or WARC (CC-NEWS style: the HTML
responses are read, other records skipped); any of them may be gzipped.
Feed items whose content is only a summary have their page fetched.

Running it again on the same sources adds nothing twice; after a crash or
Ctrl-C, running it again finishes the job. Syndicated and near-duplicate
copies are linked to their first-seen original (duplicate_of). Articles not in
--lang are skipped and counted.

On a terminal a progress bar shows articles, rate, errors and ETA; in a pipe or
with --quiet only the summary is printed. Errors name their input on stderr;
the exit status is 1 when any input failed.`,
		Example: `  newsgraph ingest ../shared/corpora/news/bbc
  newsgraph ingest --db news.db 'crawl/*.warc.gz' https://example.org/feed.xml
  zcat items.jsonl.gz | newsgraph ingest --quiet -
  newsgraph ingest --dict verbs:phoenix.verbs --dict actors:phoenix.actors crawl/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			db, err := sqlite.Open(ctx, dbPath, sqlite.Options{Log: e.log})
			if err != nil {
				return err
			}
			defer db.Close()
			o.fetcher = ingest.NewFetcher(fetch)
			o.sources = args
			if !o.quiet && isTerminal(e.stderr) {
				o.progress = true
			}
			sum, err := runIngest(ctx, e, db, o)
			fmt.Fprintln(e.stdout, sum)
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&dbPath, "db", defaultDB, "store file (created when missing)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only the final summary")
	f.IntVar(&o.batch, "batch", 500, "articles per transaction (a batch is also committed after a second)")
	f.StringVar(&o.lang, "lang", "en", `keep articles in this language (ISO 639-1) or with none stated; "all" keeps every language`)
	f.StringVar(&o.published, "published", "", "publication date for inputs that give none (YYYY-MM-DD)")
	f.DurationVar(&fetch.Timeout, "timeout", 30*time.Second, "time limit of one HTTP request")
	f.IntVar(&fetch.Retries, "retries", 2, "retries of a failed request (network errors, 429, 5xx), with backoff")
	f.IntVar(&fetch.PerHost, "per-host", 2, "concurrent requests to one host")
	f.Int64Var(&fetch.MaxBytes, "max-page-bytes", ingest.MaxArticleBytes, "size cap of a fetched page")
	dictFlag(cmd, &o.dicts)
	return cmd
}

// dictFlag adds --dict, the event coder's extra dictionaries, to the
// commands that run the pipeline (extract, ingest).
func dictFlag(cmd *cobra.Command, dicts *[]string) {
	cmd.Flags().StringArrayVar(dicts, "dict", nil, "PETRARCH/TABARI dictionary for the event coder, as KIND:PATH (actors, agents, verbs, discards) or PATH (repeatable)")
}

// ingestOptions are what runIngest needs besides the store.
type ingestOptions struct {
	sources   []string
	inputs    iter.Seq2[article.Input, error] // instead of sources (bench)
	quiet     bool
	progress  bool
	batch     int
	lang      string
	published string
	fetcher   *ingest.Fetcher
	// dicts are PETRARCH/TABARI dictionaries for the event coder.
	dicts []string
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	Inputs, Failed, Language, Skipped              int64
	Added, Duplicates, Copies, Replaced, Unchanged int64
	Words                                          int64
	Elapsed                                        time.Duration
	Interrupted                                    bool
}

func (s ingestSummary) String() string {
	secs := s.Elapsed.Seconds()
	rate := float64(s.Inputs) / max(secs, 1e-9)
	var b strings.Builder
	fmt.Fprintf(&b, "ingest: %d inputs in %.1fs (%.0f/s): %d added, %d near-duplicates, %d copies, %d replaced, %d unchanged, %d other languages, %d already stored, %d failed",
		s.Inputs, secs, rate, s.Added, s.Duplicates, s.Copies, s.Replaced, s.Unchanged, s.Language, s.Skipped, s.Failed)
	if s.Interrupted {
		b.WriteString("\ninterrupted: what was read is stored; run the same command again to finish")
	}
	return b.String()
}

// runIngest reads the sources through the pipeline into db. Records are
// put in batches by one writer goroutine while the pipeline works on the
// next ones. An interrupted run (ctx cancelled) stores what was finished.
func runIngest(ctx context.Context, e *env, db store.Store, o ingestOptions) (ingestSummary, error) {
	var sum ingestSummary
	start := time.Now()
	cfg := e.pipelineConfig()
	cfg.Dicts = o.dicts
	p, err := pipeline.New(cfg)
	if err != nil {
		return sum, err
	}
	if o.batch < 1 {
		o.batch = 500
	}
	// Memory stays flat whatever the input: the heap is kept near a soft
	// limit (unless GOMEMLIMIT says otherwise), at some cost in GC time
	// when close to it.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}
	// Below the limit the collector runs a third as often as by default
	// (unless GOGC says otherwise): ingest allocates much and keeps
	// little. At scale the limit decides, and memory stays as flat.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(ingestGCPercent))
	}
	lang := strings.ToLower(o.lang)
	if lang == "all" {
		lang = ""
	}
	var (
		skipped   atomic.Int64
		bytesRead atomic.Int64
		bar       *progressbar.ProgressBar
		stderrMu  sync.Mutex
	)
	// Messages to stderr go above the progress bar.
	report := func(format string, args ...any) {
		stderrMu.Lock()
		defer stderrMu.Unlock()
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintf(e.stderr, "newsgraph ingest: "+format+"\n", args...)
	}
	if o.progress {
		total, known := ingest.Size(o.sources)
		if !known || total == 0 {
			total = -1
		}
		bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("reading"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(24),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth())
	}
	rd := ingest.Reader{
		Fetcher: o.fetcher,
		Seen: func(ctx context.Context, url string) bool {
			ok, err := db.Seen(ctx, url)
			if ok {
				skipped.Add(1)
			}
			return err == nil && ok
		},
		Warn: func(origin string, err error) { report("%s: %v", origin, err) },
		Progress: func(n int64) {
			bytesRead.Add(n)
			if bar != nil {
				bar.Add64(n)
			}
		},
	}
	inputs := o.inputs
	if inputs == nil {
		inputs = withPublished(rd.Sources(ctx, o.sources, e.stdin), o.published)
	}

	// The writer stores batches; a store error stops the run. A store
	// that can prepare batches (encode records, sign them for duplicate
	// search) has the next batch prepared while it writes one, in order.
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches, prepared := make(chan []store.Item), make(chan []store.Item)
	var (
		writeErr error
		wg       sync.WaitGroup
		counts   [store.Unchanged + 1]atomic.Int64
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(prepared)
		pr, ok := db.(store.Preparer)
		for b := range batches {
			if ok {
				pr.Prepare(b)
			}
			prepared <- b
		}
	}()
	go func() {
		defer wg.Done()
		for b := range prepared {
			if writeErr != nil {
				continue
			}
			// Store what was read even when the run is being stopped.
			out, err := db.Put(context.WithoutCancel(ctx), b)
			if err != nil {
				writeErr = err
				cancel()
				continue
			}
			for _, oc := range out {
				counts[oc].Add(1)
			}
		}
	}()
	// The working directory, read once: filepath.Abs reads it (two
	// system calls) for every article.
	wd, _ := os.Getwd()
	var batch []store.Item
	lastFlush := time.Now()
	flush := func() {
		if len(batch) > 0 {
			batches <- batch
			batch = nil
		}
		lastFlush = time.Now()
	}
	lastDesc := time.Now()
	runErr := p.Run(runCtx, inputs, e.workers, func(r pipeline.Result) error {
		sum.Inputs++
		switch {
		case r.Err != nil && errors.Is(r.Err, article.ErrSkip):
			sum.Language++
		case r.Err != nil:
			sum.Failed++
			report("%v", r.Err)
		case lang != "" && r.Record.Language != "" && !strings.HasPrefix(strings.ToLower(r.Record.Language), lang):
			sum.Language++
		default:
			sum.Words += int64(r.Record.Tone.WordCount)
			batch = append(batch, store.Item{Record: r.Record, Origin: absOrigin(wd, r.Origin)})
			if len(batch) >= o.batch || time.Since(lastFlush) > time.Second {
				flush()
			}
		}
		if bar != nil && time.Since(lastDesc) > 200*time.Millisecond {
			lastDesc = time.Now()
			el := time.Since(start).Seconds()
			bar.Describe(fmt.Sprintf("%d articles (%.0f/s), %d errors", sum.Inputs, float64(sum.Inputs)/max(el, 1e-9), sum.Failed))
		}
		return nil
	})
	flush()
	close(batches)
	wg.Wait()
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(e.stderr)
	}
	sum.Added = counts[store.Added].Load()
	sum.Duplicates = counts[store.Duplicate].Load()
	sum.Copies = counts[store.Copy].Load()
	sum.Replaced = counts[store.Replaced].Load()
	sum.Unchanged = counts[store.Unchanged].Load()
	sum.Skipped = skipped.Load()
	sum.Elapsed = time.Since(start)
	switch {
	case writeErr != nil:
		return sum, fmt.Errorf("ingest stopped: %w; the batches before it are stored", writeErr)
	case ctx.Err() != nil:
		sum.Interrupted = true
		return sum, fmt.Errorf("ingest interrupted: %w", ctx.Err())
	case runErr != nil:
		return sum, fmt.Errorf("ingest: %w", runErr)
	case sum.Failed > 0:
		return sum, fmt.Errorf("ingest: %d of %d inputs failed", sum.Failed, sum.Inputs)
	}
	return sum, nil
}

// absOrigin makes a file origin absolute against the working directory
// wd, so that the same file read from another directory is known as the
// same copy.
func absOrigin(wd, o string) string {
	if o == "" || strings.HasPrefix(o, "-") || strings.Contains(o, "://") || wd == "" {
		return o
	}
	if filepath.IsAbs(o) {
		return filepath.Clean(o)
	}
	return filepath.Join(wd, o)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

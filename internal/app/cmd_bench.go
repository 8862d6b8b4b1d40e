package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/store/sqlite"
)

func benchCmd(e *env) *cobra.Command {
	var (
		rounds    int
		withStore bool
		dbPath    string
		profile   string
	)
	cmd := &cobra.Command{
		Use:   "bench PATH...",
		Short: "Measure the pipeline's throughput and memory on files, directories or JSONL",
		Long: `bench reads every article under PATH into memory, then runs the whole
pipeline over them --rounds times on --workers goroutines, and prints
articles/s, words/s, MB/s, the same per core, each stage's share of the time,
and the process's peak resident memory. The last line is
"bench articles_per_sec=… words_per_sec_per_core=… peak_rss_mb=…".

With --store it measures ingest instead: the sources are streamed from disk
through the pipeline into a new store (a temporary file unless --db names
one), as newsgraph ingest does, and the figures are those of the whole run.`,
		Example: `  newsgraph bench ../shared/corpora/news/bbc
  newsgraph bench --workers 1 --rounds 3 articles.jsonl
  newsgraph bench --store /tmp/big-corpus`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			if withStore {
				return benchStore(cmd, e, args, dbPath)
			}
			p, err := pipeline.New(e.pipelineConfig())
			if err != nil {
				return err
			}
			var inputs []article.Input
			var bytes int
			for in, err := range (ingest.Reader{}).Paths(args, e.stdin) {
				if err != nil {
					fmt.Fprintln(e.stderr, "newsgraph bench: skip:", err)
					continue
				}
				inputs = append(inputs, in)
				bytes += len(in.Text) + len(in.HTML)
			}
			if len(inputs) == 0 {
				return fmt.Errorf("bench: no articles under %s", strings.Join(args, " "))
			}
			workers := e.workers
			if workers < 1 {
				workers = runtime.GOMAXPROCS(0)
			}
			var articles, words, failed int
			start, cpu0 := time.Now(), processCPU()
			for range max(rounds, 1) {
				err := p.Run(cmd.Context(), ingest.Slice(inputs), workers, func(r pipeline.Result) error {
					if r.Err != nil {
						failed++
						return nil
					}
					articles++
					words += r.Record.Tone.WordCount
					return nil
				})
				if err != nil {
					return err
				}
			}
			el := time.Since(start).Seconds()
			cpu := (processCPU() - cpu0).Seconds()
			totalBytes := float64(bytes * max(rounds, 1))
			aps, wps := float64(articles)/el, float64(words)/el
			fmt.Fprintf(e.stdout, "articles  %d (%d rejected) in %.2fs on %d workers\n", articles, failed, el, workers)
			fmt.Fprintf(e.stdout, "throughput  %.0f articles/s  %.0f words/s  %.2f MB/s\n", aps, wps, totalBytes/el/1e6)
			fmt.Fprintf(e.stdout, "per core    %.0f articles/s  %.0f words/s  %.2f MB/s\n", aps/float64(workers), wps/float64(workers), totalBytes/el/1e6/float64(workers))
			if cpu > 0 {
				// Wall time per core counts the time other processes take
				// the cores; CPU time does not (it includes the garbage
				// collector and every goroutine of the process).
				fmt.Fprintf(e.stdout, "per CPU s   %.0f articles  %.0f words  (%.2fs of CPU, user and system)\n", float64(articles)/cpu, float64(words)/cpu, cpu)
			}
			var total time.Duration
			stats := p.Stats()
			for _, s := range stats {
				total += s.Time
			}
			for _, s := range stats {
				fmt.Fprintf(e.stdout, "stage %-12s %6.1f%%  %8.1f µs/article\n", s.Name, 100*float64(s.Time)/float64(max(total, 1)), float64(s.Time.Microseconds())/float64(max(s.Calls, 1)))
			}
			rss := peakRSSMB()
			fmt.Fprintf(e.stdout, "bench articles_per_sec=%.0f words_per_sec_per_core=%.0f peak_rss_mb=%.0f\n", aps, wps/float64(workers), rss)
			return nil
		},
	}
	cmd.Flags().IntVar(&rounds, "rounds", 1, "times to run over the inputs")
	cmd.Flags().BoolVar(&withStore, "store", false, "measure ingest into a store (streaming from disk) instead of the pipeline alone")
	cmd.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	cmd.Flags().StringVar(&dbPath, "db", "", "--store: the store to write (default: a temporary file, removed after)")
	return cmd
}

// benchStore measures newsgraph ingest of args into a new store.
func benchStore(cmd *cobra.Command, e *env, args []string, dbPath string) error {
	ctx := cmd.Context()
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "newsgraph-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "bench.db")
	}
	db, err := sqlite.Open(ctx, dbPath, sqlite.Options{Log: e.log})
	if err != nil {
		return err
	}
	workers := e.workers
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	inBytes, _ := ingest.Size(args)
	sum, err := runIngest(ctx, e, db, ingestOptions{sources: args, quiet: true, batch: 500, lang: "all"})
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil && sum.Inputs == 0 {
		return err
	}
	var dbBytes int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(dbPath + suffix); err == nil {
			dbBytes += st.Size()
		}
	}
	el := sum.Elapsed.Seconds()
	aps := float64(sum.Inputs) / el
	wps := float64(sum.Words) / el
	fmt.Fprintln(e.stdout, sum)
	fmt.Fprintf(e.stdout, "input  %.1f MB read at %.2f MB/s; store %.1f MB\n", float64(inBytes)/1e6, float64(inBytes)/el/1e6, float64(dbBytes)/1e6)
	fmt.Fprintf(e.stdout, "throughput  %.0f articles/s  %.0f words/s on %d workers (pipeline and store)\n", aps, wps, workers)
	fmt.Fprintf(e.stdout, "bench articles_per_sec=%.0f words_per_sec_per_core=%.0f peak_rss_mb=%.0f\n", aps, wps/float64(workers), peakRSSMB())
	return nil
}

// peakRSSMB returns the process's peak resident set size in MB, read from
// /proc/self/status (VmHWM); 0 where that is not available.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

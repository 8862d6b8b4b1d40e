package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"newsgraph/internal/article"
	"newsgraph/internal/export"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
)

func exportCmd(e *env) *cobra.Command {
	var (
		dbPath, format, out, table string
		header, all                bool
		period                     store.Period
		minWeight, limit           int
	)
	cmd := &cobra.Command{
		Use:   "export --format FORMAT",
		Short: "Write the store as JSONL records, CSV tables, GDELT Events/GKG TSV or GraphML",
		Long: `export writes what the store holds in another tool's format:

  jsonl         one record per line, byte for byte as extract printed it
  csv           a table (--table NAME to stdout, or every table into --out DIR)
  gdelt-events  GDELT 2.0 Events: 61 tab-separated columns in GDELT's order, one
                row per event of each story (copies counted in NumArticles and
                NumSources); fields newsgraph lacks are empty, as in GDELT
  gkg           GDELT GKG 2.1: 27 tab-separated columns, one row per article
  graphml       the actor network for Gephi: entities and actor codes as nodes,
                events (directed) and co-mentions (undirected) as weighted edges

--since and --until select by publication day (events by their own day).`,
		Example: `  newsgraph export --format jsonl > records.jsonl
  newsgraph export --format csv --out tables/
  newsgraph export --format csv --table events --since 2025-08
  newsgraph export --format gdelt-events --out events.tsv
  newsgraph export --format graphml --min-weight 2 --out actors.graphml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, e, dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			if format == "csv" && table == "" {
				if out == "" {
					return fmt.Errorf("export csv: name a --table (%s) or an --out directory for all of them", strings.Join(db.Tables(), ", "))
				}
				return exportTables(cmd, db, out)
			}
			w := e.stdout
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 256*1024)
			switch format {
			case "jsonl":
				err = exportRecords(cmd, db, store.RecordFilter{Period: period, Duplicates: true}, func(r store.StoredRecord, _ *article.Record) error {
					bw.Write(r.JSON)
					return bw.WriteByte('\n')
				})
			case "csv":
				var t store.Table
				if t, err = db.Table(ctx, table); err == nil {
					err = export.WriteCSV(bw, t)
				}
			case "gdelt-events":
				if header {
					export.WriteEventsHeader(bw)
				}
				err = exportRecords(cmd, db, store.RecordFilter{Period: period, Duplicates: all}, func(r store.StoredRecord, rec *article.Record) error {
					return export.WriteEvents(bw, rec, export.Counts{NumArticles: r.NumArticles, NumSources: r.NumSources})
				})
			case "gkg":
				if header {
					fmt.Fprintln(bw, strings.Join(export.GKGColumns, "\t"))
				}
				err = exportRecords(cmd, db, store.RecordFilter{Period: period, Duplicates: true}, func(r store.StoredRecord, rec *article.Record) error {
					return export.WriteGKG(bw, rec, outletName(rec))
				})
			case "graphml":
				var g store.Graph
				if g, err = db.Graph(ctx, store.GraphFilter{Period: period, MinWeight: minWeight, Limit: limit}); err == nil {
					err = export.WriteGraphML(bw, g)
				}
			default:
				return fmt.Errorf("export: unknown --format %q: use jsonl, csv, gdelt-events, gkg or graphml", format)
			}
			if err != nil {
				return fmt.Errorf("export %s: %w", format, err)
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export %s: %w", format, err)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dbPath, "db", defaultDB, "store file")
	f.StringVar(&format, "format", "jsonl", "jsonl, csv, gdelt-events, gkg or graphml")
	f.StringVarP(&out, "out", "o", "", "output file (a directory for csv without --table); default stdout")
	f.StringVar(&table, "table", "", "csv: the table to write")
	f.BoolVar(&header, "header", false, "gdelt-events, gkg: write a header row of GDELT's column names (GDELT's files have none)")
	f.BoolVar(&all, "all", false, "gdelt-events: also write the events of copies of a story")
	f.StringVar(&period.Since, "since", "", "from this publication day on (YYYY-MM-DD)")
	f.StringVar(&period.Until, "until", "", "up to this publication day, inclusive")
	f.IntVar(&minWeight, "min-weight", 1, "graphml: drop edges seen fewer times")
	f.IntVar(&limit, "limit", 5000, "graphml: at most this many co-mention edges, heaviest first")
	return cmd
}

// exportRecords decodes each stored record f selects and calls fn.
func exportRecords(cmd *cobra.Command, db store.Store, f store.RecordFilter, fn func(store.StoredRecord, *article.Record) error) error {
	for r, err := range db.Records(cmd.Context(), f) {
		if err != nil {
			return err
		}
		var rec article.Record
		if err := json.Unmarshal(r.JSON, &rec); err != nil {
			return fmt.Errorf("article %s: stored record: %w", r.ID, err)
		}
		if err := fn(r, &rec); err != nil {
			return err
		}
	}
	return nil
}

// exportTables writes every table as DIR/NAME.csv.
func exportTables(cmd *cobra.Command, db store.Store, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	for _, name := range db.Tables() {
		t, err := db.Table(cmd.Context(), name)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, name+".csv"), func(w io.Writer) error { return export.WriteCSV(w, t) }); err != nil {
			return fmt.Errorf("export csv %s: %w", name, err)
		}
	}
	return nil
}

func writeFile(path string, fn func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 256*1024)
	if err := fn(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// outletName is the GKG source name: the outlet, else the site.
func outletName(rec *article.Record) string {
	if rec.Outlet != "" {
		return rec.Outlet
	}
	return sqlite.Host(rec.URL)
}

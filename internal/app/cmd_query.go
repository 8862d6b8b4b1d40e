package app

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"newsgraph/internal/store"
)

// queryFlags are the flags every query sub-command shares.
type queryFlags struct {
	db         string
	format     string
	limit      int
	since      string
	until      string
	duplicates bool
}

func (q *queryFlags) add(cmd *cobra.Command, defLimit int) {
	f := cmd.Flags()
	f.StringVar(&q.db, "db", defaultDB, "store file")
	f.StringVar(&q.format, "format", "", "table, jsonl or csv (default: table on a terminal, else jsonl)")
	f.IntVar(&q.limit, "limit", defLimit, "at most this many rows (0: all)")
	f.StringVar(&q.since, "since", "", "from this day on (YYYY-MM-DD, or YYYY-MM, YYYY)")
	f.StringVar(&q.until, "until", "", "up to this day, inclusive (YYYY-MM-DD, or YYYY-MM for the whole month)")
	f.BoolVar(&q.duplicates, "all", false, "include articles that copy another story (normally counted once, in num_articles)")
}

func (q *queryFlags) period() store.Period { return store.Period{Since: q.since, Until: q.until} }

func queryCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Ask the store: events, quotes, articles, top actors, co-mentions",
		Long: `query answers questions about what the store holds. Each sub-command prints a
table on a terminal and JSONL otherwise; --format chooses table, jsonl or csv.

Actors are CAMEO-style codes (USAGOV, BLR), a code prefix ending in * (USA*
matches USAGOV, USAMIL), or an entity id (person:donald-trump). A story copied
by several outlets is counted once, with num_articles and num_sources telling
how often it was copied; --all lists the copies too.`,
		Example: `  newsgraph query events --actor USAGOV --target BLR* --root 05 --since 2025-01-01
  newsgraph query events --pair RUS,UKR --quad 4 --format csv
  newsgraph query quotes --speaker trump --words sanctions
  newsgraph query articles "prisoner release" --since 2025-08
  newsgraph query actors --type PERSON --since 2025-08-01 --until 2025-08-31
  newsgraph query comentions person:alexander-lukashenko`,
	}
	cmd.AddCommand(queryEventsCmd(e), queryQuotesCmd(e), queryArticlesCmd(e), queryActorsCmd(e), queryCoMentionsCmd(e))
	return cmd
}

func queryEventsCmd(e *env) *cobra.Command {
	var (
		q    queryFlags
		f    store.EventFilter
		pair string
	)
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Events by actor, pair of actors, CAMEO code, root or quad class, country, date",
		Example: `  newsgraph query events --actor USAGOV --target BLR --root 05 --since 2025-01-01
  newsgraph query events --source RUS* --quad 4 --until 2025-08
  newsgraph query events --country UKR --plover ASSAULT --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if pair != "" {
				a, b, ok := strings.Cut(pair, ",")
				if !ok || a == "" || b == "" {
					return fmt.Errorf("--pair wants two actors separated by a comma, got %q", pair)
				}
				f.Pair = [2]string{strings.TrimSpace(a), strings.TrimSpace(b)}
			}
			if f.Quad < 0 || f.Quad > 4 {
				return fmt.Errorf("--quad is 1 to 4, got %d", f.Quad)
			}
			f.Period, f.Duplicates, f.Limit = q.period(), q.duplicates, q.limit
			db, err := openStore(cmd.Context(), e, q.db)
			if err != nil {
				return err
			}
			defer db.Close()
			w, err := newRowWriter(e.stdout, q.format, []string{"day", "source", "target", "cameo", "quad", "goldstein", "plover", "verb", "articles", "sources", "article", "sentence"})
			if err != nil {
				return err
			}
			for r, err := range db.Events(cmd.Context(), f) {
				if err != nil {
					return err
				}
				ev := r.Event
				w.row(r, r.Day, actorLabel(ev.Source, ev.SourceEntity), actorLabel(ev.Target, ev.TargetEntity), ev.Code, strconv.Itoa(ev.Quad),
					fmtFloat(ev.Goldstein), ev.Plover, ev.Verb, strconv.Itoa(r.NumArticles), strconv.Itoa(r.NumSources), r.Article, r.SentenceText)
			}
			return w.flush()
		},
	}
	q.add(cmd, 100)
	fl := cmd.Flags()
	fl.StringVar(&f.Actor, "actor", "", "actor on either side")
	fl.StringVar(&f.Source, "source", "", "actor doing it (CAMEO Actor1)")
	fl.StringVar(&f.Target, "target", "", "actor it is done to (CAMEO Actor2)")
	fl.StringVar(&pair, "pair", "", "two actors either way round: A,B")
	fl.StringVar(&f.Root, "root", "", "CAMEO root code (01–20)")
	fl.StringVar(&f.Code, "cameo", "", "CAMEO event code or prefix (051, 19)")
	fl.IntVar(&f.Quad, "quad", 0, "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
	fl.StringVar(&f.Plover, "plover", "", "PLOVER event type (AGREE, ASSAULT, …)")
	fl.StringVar(&f.Country, "country", "", "ISO 3166 alpha-3 country of the event's place or of either actor")
	return cmd
}

func queryQuotesCmd(e *env) *cobra.Command {
	var (
		q queryFlags
		f store.QuoteFilter
	)
	cmd := &cobra.Command{
		Use:   "quotes [WORDS...]",
		Short: "Quotes by speaker or containing words",
		Example: `  newsgraph query quotes --speaker person:donald-trump
  newsgraph query quotes --speaker lukashenko prisoners
  newsgraph query quotes '"look forward"' --since 2025-08`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				f.Words = strings.TrimSpace(f.Words + " " + strings.Join(args, " "))
			}
			f.Period, f.Duplicates, f.Limit = q.period(), q.duplicates, q.limit
			db, err := openStore(cmd.Context(), e, q.db)
			if err != nil {
				return err
			}
			defer db.Close()
			w, err := newRowWriter(e.stdout, q.format, []string{"published", "speaker", "cue", "kind", "quote", "article", "url"})
			if err != nil {
				return err
			}
			for r, err := range db.Quotes(cmd.Context(), f) {
				if err != nil {
					return err
				}
				speaker := r.SpeakerEntity
				if speaker == "" {
					speaker = r.Quote.SpeakerName
				}
				w.row(r, day(r.Published), speaker, r.Quote.Cue, r.Quote.Kind, r.Quote.Text, r.Article, r.URL)
			}
			return w.flush()
		},
	}
	q.add(cmd, 100)
	cmd.Flags().StringVar(&f.Speaker, "speaker", "", "entity id, or words of the speaker's name")
	cmd.Flags().StringVar(&f.Words, "words", "", "words the quote contains (full-text syntax: \"a phrase\", OR, NOT, prefix*)")
	return cmd
}

func queryArticlesCmd(e *env) *cobra.Command {
	var (
		q queryFlags
		f store.ArticleFilter
	)
	cmd := &cobra.Command{
		Use:   "articles [WORDS...]",
		Short: "Articles by full text, outlet, entity and date, best match first",
		Example: `  newsgraph query articles Lukashenko prisoners
  newsgraph query articles '"power cable" OR interconnector' --since 2025-12
  newsgraph query articles --entity place:belarus --format csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.Text = strings.Join(args, " ")
			f.Period, f.Duplicates, f.Limit = q.period(), q.duplicates, q.limit
			db, err := openStore(cmd.Context(), e, q.db)
			if err != nil {
				return err
			}
			defer db.Close()
			w, err := newRowWriter(e.stdout, q.format, []string{"published", "outlet", "title", "words", "copies", "id", "url"})
			if err != nil {
				return err
			}
			for r, err := range db.Articles(cmd.Context(), f) {
				if err != nil {
					return err
				}
				w.row(r, day(r.Published), r.Outlet, r.Title, strconv.Itoa(r.Words), strconv.Itoa(r.Copies), r.ID, r.URL)
			}
			return w.flush()
		},
	}
	q.add(cmd, 50)
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "outlet name, or site when no outlet is known")
	cmd.Flags().StringVar(&f.Entity, "entity", "", "entity id the article mentions")
	return cmd
}

func queryActorsCmd(e *env) *cobra.Command {
	var (
		q queryFlags
		f store.ActorFilter
	)
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "The entities mentioned in the most articles in a period",
		Example: `  newsgraph query actors --type PERSON --since 2025-08-01 --until 2025-08-31
  newsgraph query actors --type ORG --limit 50 --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f.Period, f.Duplicates, f.Limit = q.period(), q.duplicates, q.limit
			db, err := openStore(cmd.Context(), e, q.db)
			if err != nil {
				return err
			}
			defer db.Close()
			top, err := db.TopActors(cmd.Context(), f)
			if err != nil {
				return err
			}
			w, err := newRowWriter(e.stdout, q.format, []string{"id", "name", "type", "actor", "country", "articles", "mentions"})
			if err != nil {
				return err
			}
			for _, a := range top {
				w.row(a, a.ID, a.Name, a.Type, a.Actor, a.Country, strconv.Itoa(a.Articles), strconv.Itoa(a.Mentions))
			}
			return w.flush()
		},
	}
	q.add(cmd, 20)
	cmd.Flags().StringVar(&f.Type, "type", "", "entity type: PERSON, ORG, PLACE, NORP, …")
	return cmd
}

func queryCoMentionsCmd(e *env) *cobra.Command {
	var (
		q queryFlags
		f store.ActorFilter
	)
	cmd := &cobra.Command{
		Use:   "comentions [ENTITY]",
		Short: "Pairs of entities mentioned in the same articles, or the partners of one",
		Example: `  newsgraph query comentions --type PERSON --since 2025-08
  newsgraph query comentions person:alexander-lukashenko`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				f.Entity = args[0]
			}
			f.Period, f.Duplicates, f.Limit = q.period(), q.duplicates, q.limit
			db, err := openStore(cmd.Context(), e, q.db)
			if err != nil {
				return err
			}
			defer db.Close()
			pairs, err := db.CoMentions(cmd.Context(), f)
			if err != nil {
				return err
			}
			w, err := newRowWriter(e.stdout, q.format, []string{"a", "a_name", "b", "b_name", "articles"})
			if err != nil {
				return err
			}
			for _, c := range pairs {
				w.row(c, c.A, c.AName, c.B, c.BName, strconv.Itoa(c.Articles))
			}
			return w.flush()
		},
	}
	q.add(cmd, 20)
	cmd.Flags().StringVar(&f.Type, "type", "", "only pairs of this entity type")
	return cmd
}

// actorLabel shows an actor code, or its entity id when there is no code.
func actorLabel(code, entity string) string {
	if code != "" {
		return code
	}
	return entity
}

func day(published string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return published
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// rowWriter prints query results as a table, JSONL (the whole row object)
// or CSV (the columns).
type rowWriter struct {
	format string
	cols   []string
	w      io.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	enc    *json.Encoder
	n      int
}

// tableCell is the widest a table cell is printed.
const tableCell = 60

func newRowWriter(w io.Writer, format string, cols []string) (*rowWriter, error) {
	if format == "" {
		format = "jsonl"
		if isTerminal(w) {
			format = "table"
		}
	}
	rw := &rowWriter{format: format, cols: cols, w: w}
	switch format {
	case "table":
		rw.tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(rw.tw, strings.ToUpper(strings.Join(cols, "\t")))
	case "csv":
		rw.cw = csv.NewWriter(w)
		rw.cw.Write(cols)
	case "jsonl", "json":
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	default:
		return nil, fmt.Errorf("unknown --format %q: use table, jsonl or csv", format)
	}
	return rw, nil
}

func (rw *rowWriter) row(obj any, cells ...string) {
	rw.n++
	switch {
	case rw.tw != nil:
		for i, c := range cells {
			c = strings.Join(strings.Fields(c), " ")
			if r := []rune(c); len(r) > tableCell {
				c = string(r[:tableCell-1]) + "…"
			}
			cells[i] = c
		}
		fmt.Fprintln(rw.tw, strings.Join(cells, "\t"))
	case rw.cw != nil:
		rw.cw.Write(cells)
	default:
		rw.enc.Encode(obj)
	}
}

func (rw *rowWriter) flush() error {
	switch {
	case rw.tw != nil:
		if rw.n == 0 {
			fmt.Fprintln(rw.tw, "(no rows)")
		}
		return rw.tw.Flush()
	case rw.cw != nil:
		rw.cw.Flush()
		return rw.cw.Error()
	}
	return nil
}

package sqlite_test

import (
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"newsgraph/internal/article"
	"newsgraph/internal/dedup"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
	"newsgraph/internal/testutil"
)

const belarus = `U.S. President Donald Trump praised Belarusian leader Alexander Lukashenko on Friday after Minsk released 16 prisoners, including a U.S. citizen.
"I look forward to meeting him," Trump wrote on Truth Social. Lukashenko has ruled Belarus since 1994 and is a close ally of Russian President Vladimir Putin.
Belarus and Russia signed agreements on closer military cooperation in 1999, according to a Council on Foreign Relations report.`

const cable = `Finland and Estonia agreed on Tuesday to build a second undersea power cable across the Gulf of Finland, three weeks after the only existing link was damaged, officials in Helsinki said.
Finnish Prime Minister Petteri Orpo and Estonian Prime Minister Kristen Michal signed the agreement in Tallinn. The project will cost about 450 million euros.
"We cannot leave our electricity supply at the mercy of a single cable," Orpo told reporters after the signing.`

// record builds a record as the pipeline would, with annotations that
// later stages will fill: entities, a quote, an event.
func record(t testing.TB, text, url, outlet, published string) article.Record {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := p.Process(context.Background(), article.Input{Text: text, URL: url, Outlet: outlet, Published: published, Title: "Title of " + outlet})
	if err != nil {
		t.Fatal(err)
	}
	// Only the annotations built here, whatever the pipeline's stages
	// find, so that the counts below are the test's.
	rec.Entities, rec.Quotes, rec.Attributions = []article.Entity{}, []article.Quote{}, []article.Attribution{}
	rec.Amounts, rec.Dates, rec.Events, rec.Themes = []article.Amount{}, []article.Date{}, []article.Event{}, []article.Theme{}
	span := func(s string) article.Span {
		i := strings.Index(rec.Text, s)
		if i < 0 {
			return article.Span{}
		}
		return article.Span{Start: i, End: i + len(s)}
	}
	if strings.Contains(text, "Lukashenko") {
		rec.Entities = []article.Entity{
			{ID: "person:donald-trump", Name: "Donald Trump", Type: article.Person, Role: "President", Country: "USA", Actor: "USAGOV", Known: true,
				Mentions: []article.Mention{{Span: span("Donald Trump"), Kind: "name"}}},
			{ID: "person:alexander-lukashenko", Name: "Alexander Lukashenko", Type: article.Person, Country: "BLR", Actor: "BLRGOV", Known: true,
				Mentions: []article.Mention{{Span: span("Alexander Lukashenko"), Kind: "name"}}},
			{ID: "place:belarus", Name: "Belarus", Type: article.Place, Kind: "country", Country: "BLR", Actor: "BLR", Lat: 53.7, Lon: 27.9, Known: true,
				Mentions: []article.Mention{{Span: span("Belarus"), Kind: "name"}}},
		}
		q := span("I look forward to meeting him")
		rec.Quotes = []article.Quote{{Text: rec.Text[q.Start:q.End], Span: q, Speaker: "person:donald-trump", SpeakerName: "Trump", Cue: "wrote", Kind: article.Direct, Sentence: 1}}
		rec.Events = []article.Event{
			{Source: "USAGOV", Target: "BLRGOV", SourceEntity: "person:donald-trump", TargetEntity: "person:alexander-lukashenko",
				Code: "051", Base: "051", Root: "05", Quad: 1, Goldstein: 3.4, Plover: "COOPERATE", Verb: "praised", VerbSpan: span("praised"), Sentence: 0, Confidence: 0.9},
			{Source: "BLR", Target: "RUS", Code: "057", Base: "057", Root: "05", Quad: 1, Goldstein: 8, Plover: "AGREE", Verb: "signed",
				VerbSpan: span("signed"), Date: "1999", Sentence: 2, Confidence: 0.8},
		}
		rec.Themes = []article.Theme{{Code: "PRISONER_RELEASE", Spans: []article.Span{span("released 16 prisoners")}}}
	}
	return rec
}

func open(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func put(t testing.TB, db store.Store, items ...store.Item) []store.Outcome {
	t.Helper()
	out, err := db.Put(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// quotesWith returns the number of quotes a search for words finds.
func quotesWith(t testing.TB, db store.Store, words string) int {
	t.Helper()
	n := 0
	for _, err := range db.Quotes(context.Background(), store.QuoteFilter{Words: words}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	return n
}

func stats(t testing.TB, db store.Store) store.Stats {
	t.Helper()
	s, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIdempotent(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	a := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	b := record(t, cable, "", "", "2025-12-16")
	out := put(t, db, store.Item{Record: a, Origin: "a.json"}, store.Item{Record: b, Origin: "b.txt"})
	if out[0] != store.Added || out[1] != store.Added {
		t.Fatalf("first put: %v", out)
	}
	before := stats(t, db)
	for range 3 {
		out = put(t, db, store.Item{Record: a, Origin: "a.json"}, store.Item{Record: b, Origin: "b.txt"})
		if out[0] != store.Unchanged || out[1] != store.Unchanged {
			t.Fatalf("re-put: %v, want unchanged", out)
		}
	}
	after := stats(t, db)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("re-putting changed the counts:\n%+v\n%+v", before, after)
	}
	if after.Articles != 2 || after.Entities != 3 || after.Quotes != 1 || after.Events != 2 || after.Duplicates != 0 {
		t.Errorf("counts: %+v", after)
	}
	// Same text at another URL: a copy, counted as a duplicate.
	c := a
	c.URL = "https://mirror.example.net/a"
	c.Outlet = "Mirror"
	if out := put(t, db, store.Item{Record: c, Origin: "c.json"}); out[0] != store.Copy {
		t.Fatalf("copy at a new URL: %v", out)
	}
	if s := stats(t, db); s.Articles != 2 || s.Copies != 3 || s.Duplicates != 1 {
		t.Errorf("after copy: %+v", s)
	}
}

// TestRepeatedEntity: an entity or theme listed twice in one record is
// one row with the mentions counted together.
func TestRepeatedEntity(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	a := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	a.Entities = append(a.Entities, a.Entities[0])
	a.Themes = append(a.Themes, a.Themes[0])
	put(t, db, store.Item{Record: a})
	for table, want := range map[string]string{"mentions": "person:donald-trump 2", "themes": "PRISONER_RELEASE 2"} {
		tb, err := db.Table(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for row, err := range tb.Rows {
			if err != nil {
				t.Fatal(err)
			}
			if row[1] == strings.Fields(want)[0] {
				got = append(got, row[1]+" "+row[2])
			}
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%s rows %q, want %q", table, got, want)
		}
	}
}

func TestRecordRoundTrip(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	a := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	put(t, db, store.Item{Record: a})
	got, err := db.Record(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.Encode(a)
	if string(got.JSON)+"\n" != want.String() {
		t.Errorf("stored JSON differs from the record:\n got %s\nwant %s", got.JSON, want.String())
	}
	if _, err := db.Record(context.Background(), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing id: %v", err)
	}
}

func TestNewerPipelineReplaces(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	a := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	a.Pipeline = "newsgraph/0.1.0 kb/aaaa"
	a.Dates = []article.Date{{Text: "1994", Span: article.Span{Start: 10, End: 14}, Value: "1994", Type: "DATE", Granularity: "year"}, {Text: "Friday", Value: "XXXX-WXX-5", Type: "DATE", Relative: true}}
	a.Attributions = []article.Attribution{{Text: "the prisoners were freed", Claim: article.Span{Start: 1, End: 5}, SourceName: "officials", Cue: "said", Sentence: 2}}
	put(t, db, store.Item{Record: a})

	newer := a
	newer.Pipeline = "newsgraph/0.2.0 kb/aaaa"
	newer.Events = newer.Events[:1]
	praised := strings.Index(newer.Text, "praised Belarusian leader")
	newer.Quotes = []article.Quote{{Text: "praised Belarusian leader", Span: article.Span{Start: praised, End: praised + len("praised Belarusian leader")}, Kind: article.Indirect}}
	newer.Dates = newer.Dates[1:]
	newer.Attributions = nil
	newer.Amounts = []article.Amount{{Text: "16 prisoners", Span: article.Span{Start: 20, End: 32}, Value: 16, Object: "prisoners", Approximate: true}}
	newer.Embeds = []article.Embed{{Platform: "x", Handle: "potus", Text: "Great talk.", Links: []string{"https://t.co/a", "https://t.co/b"}}}
	if out := put(t, db, store.Item{Record: newer}); out[0] != store.Replaced {
		t.Fatalf("newer pipeline: %v, want replaced", out)
	}
	s := stats(t, db)
	if s.Articles != 1 || s.Events != 1 || s.Quotes != 1 || s.Dates != 1 || s.Attributions != 0 || s.Amounts != 1 || s.Embeds != 1 {
		t.Errorf("after replace: %+v", s)
	}
	// Quote search finds the new quote, not the old one.
	for words, want := range map[string]int{"forward": 0, `"look forward"`: 0, "Belarusian": 1, `"praised Belarusian"`: 1} {
		if n := quotesWith(t, db, words); n != want {
			t.Errorf("quotes with %q after replace: %d, want %d", words, n, want)
		}
	}
	// Attributions, amounts, dates and embeds are read from the record.
	for table, want := range map[string]string{
		"dates":        "Friday,0,0,XXXX-WXX-5,DATE,,1,",
		"amounts":      "16 prisoners,20,32,16,0,,prisoners,1",
		"embeds":       "x,,potus,,Great talk.,https://t.co/a https://t.co/b",
		"attributions": "",
	} {
		tb, err := db.Table(context.Background(), table)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for row, err := range tb.Rows {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, strings.Join(row[2:], ","))
		}
		if strings.Join(got, "\n") != want {
			t.Errorf("%s after replace: %q, want %q", table, got, want)
		}
	}
	got, _ := db.Record(context.Background(), a.ID)
	if !strings.Contains(string(got.JSON), "newsgraph/0.2.0") {
		t.Errorf("record not replaced: %s", got.JSON)
	}
	// An older pipeline's record does not replace a newer one.
	if out := put(t, db, store.Item{Record: a}); out[0] != store.Unchanged {
		t.Errorf("older pipeline: %v, want unchanged", out)
	}
	// Full text follows the replacement: still one hit.
	n := 0
	for _, err := range db.Articles(context.Background(), store.ArticleFilter{Text: "Lukashenko"}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("full-text hits after replace: %d, want 1", n)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Error(err)
	}
	// Both in one batch: the same, in one transaction.
	one := open(t, filepath.Join(t.TempDir(), "one.db"))
	if out := put(t, one, store.Item{Record: a}, store.Item{Record: newer}); out[0] != store.Added || out[1] != store.Replaced {
		t.Fatalf("a record and its newer version in one batch: %v, want added, replaced", out)
	}
	if n, m := quotesWith(t, one, "forward"), quotesWith(t, one, "Belarusian"); n != 0 || m != 1 {
		t.Errorf("quotes after replace in one batch: %d old, %d new; want 0, 1", n, m)
	}
	if err := one.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestNewer(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"newsgraph/0.2.0 kb/x", "newsgraph/0.1.0 kb/x", true},
		{"newsgraph/0.1.0 kb/x", "newsgraph/0.2.0 kb/x", false},
		{"newsgraph/0.10.0 kb/x", "newsgraph/0.9.0 kb/x", true},
		{"newsgraph/0.1.0 kb/y", "newsgraph/0.1.0 kb/x", true},
		{"newsgraph/0.1.0 kb/x", "newsgraph/0.1.0 kb/x", false},
	} {
		if got := sqlite.Newer(c.a, c.b); got != c.want {
			t.Errorf("Newer(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

func TestNearDuplicates(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	orig := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	// Copies with a sentence of their own (boilerplate alone is removed by
	// the clean stage, and gives the same id).
	syndicated := record(t, belarus+"\nThis story was first published by Example News.", "https://other.example.com/b", "Other", "2025-08-09")
	copy2 := record(t, belarus+"\nMore reporting by Jane Doe in Vilnius.", "https://third.example.com/c", "", "2025-08-10")
	other := record(t, cable, "https://example.org/cable", "Example", "2025-12-16")
	out := put(t, db, store.Item{Record: orig}, store.Item{Record: syndicated}, store.Item{Record: other})
	if out[1] != store.Duplicate || out[2] != store.Added {
		t.Fatalf("outcomes %v", out)
	}
	out = put(t, db, store.Item{Record: copy2})
	if out[0] != store.Duplicate {
		t.Fatalf("second batch: %v", out)
	}
	got, _ := db.Record(context.Background(), copy2.ID)
	if !strings.Contains(string(got.JSON), `"duplicate_of":"`+orig.ID+`"`) {
		t.Errorf("duplicate_of not the original: %s", got.JSON[len(got.JSON)-200:])
	}
	s := stats(t, db)
	if s.Articles != 4 || s.NearDuplicates != 2 || s.Duplicates != 2 || s.Stories != 2 {
		t.Errorf("stats %+v", s)
	}
	// The story's events are counted once, with NumArticles 3.
	var rows []store.EventRow
	for r, err := range db.Events(context.Background(), store.EventFilter{Root: "05"}) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 2 {
		t.Fatalf("events: %d rows, want 2 (duplicates' events not repeated)", len(rows))
	}
	if rows[0].NumArticles != 3 || rows[0].NumSources != 3 {
		t.Errorf("NumArticles=%d NumSources=%d, want 3 3", rows[0].NumArticles, rows[0].NumSources)
	}
}

// TestNearDuplicatesAcrossMerge finds copies of stories whose band keys
// have moved to lsh, and of stories whose keys are still in memory, also
// after the store is opened again.
func TestNearDuplicatesAcrossMerge(t *testing.T) {
	defer sqlite.SetLSHMergeRows(40)()
	path := filepath.Join(t.TempDir(), "n.db")
	db := open(t, path)
	orig := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	put(t, db, store.Item{Record: orig}) // 32 keys: under the limit
	other := record(t, cable, "https://example.org/cable", "Example", "2025-12-16")
	put(t, db, store.Item{Record: other}) // 64 keys: merged into lsh
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var upTo, merged int
	if err := raw.QueryRow("SELECT (SELECT aid FROM lsh_merged), (SELECT count(*) FROM lsh)").Scan(&upTo, &merged); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if upTo != 2 || merged != 64 {
		t.Errorf("after the merge: keys in lsh up to article %d, %d keys; want 2 and 64", upTo, merged)
	}
	// quotes_fts was built again from the quotes table.
	if n := quotesWith(t, db, `"look forward"`); n != 1 {
		t.Errorf("quotes with \"look forward\" after migration: %d, want 1", n)
	}
	copyA := record(t, belarus+"\nMore reporting by Jane Doe in Vilnius.", "https://third.example.com/c", "", "2025-08-10")
	copyB := record(t, cable+"\nThis story was first published by Example News.", "https://other.example.com/d", "", "2025-12-16")
	db.Close()
	db = open(t, path) // the filter and the count of recent keys are read again
	if out := put(t, db, store.Item{Record: copyA}, store.Item{Record: copyB}); out[0] != store.Duplicate || out[1] != store.Duplicate {
		t.Fatalf("copies of merged stories: %v, want duplicate duplicate", out)
	}
	const floods = `Heavy rain flooded the lower districts of Porto Alegre on Sunday, forcing some 4,000 residents from their homes, the state civil defence agency said.
The Guaiba river rose two metres overnight and closed the city's airport for a second day. Governor Eduardo Leite asked the federal government for emergency funds.
"The water came faster than anyone expected," said Maria Souza, who left her house by boat with her two children.`
	third := record(t, floods, "https://example.org/e", "", "2025-12-17")
	if out := put(t, db, store.Item{Record: third}); out[0] != store.Added {
		t.Fatalf("third story: %v, want added", out)
	}
	copyC := record(t, floods+"\nEdited by John Roe.", "https://example.org/f", "", "2025-12-17")
	if out := put(t, db, store.Item{Record: copyC}); out[0] != store.Duplicate {
		t.Fatalf("copy of a story with recent keys: %v, want duplicate", out)
	}
	db.Close()
	db = open(t, path) // the recent keys are read again from the signatures
	copyD := record(t, "Updated at 10:00.\n"+floods, "https://example.net/g", "", "2025-12-18")
	if out := put(t, db, store.Item{Record: copyD}); out[0] != store.Duplicate {
		t.Fatalf("copy of a story with recent keys, store opened again: %v, want duplicate", out)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestTwoWriters has two handles (as two processes would) write one
// store: each finds copies of the stories the other stored, before and
// after the other moved the recent keys to lsh.
func TestTwoWriters(t *testing.T) {
	defer sqlite.SetLSHMergeRows(70)()
	const rates = `The central bank raised its main interest rate by a quarter of a percentage point on Thursday, its third increase this year, saying inflation was still too high.
Economists had expected the move after figures last week showed consumer prices rising at an annual rate of 4.2% in March, driven by food and energy costs.`
	path := filepath.Join(t.TempDir(), "n.db")
	a, b := open(t, path), open(t, path)
	put(t, b, store.Item{Record: record(t, rates, "https://example.org/x", "", "2025-12-01")}) // b has read the store
	put(t, a, store.Item{Record: record(t, belarus, "https://example.org/a", "Example", "2025-08-09")})
	copyA := record(t, belarus+"\nMore reporting by Jane Doe in Vilnius.", "https://third.example.com/c", "", "2025-08-10")
	if out := put(t, b, store.Item{Record: copyA}); out[0] != store.Duplicate {
		t.Fatalf("copy of the other writer's recent story: %v, want duplicate", out)
	}
	// a moves every recent key to lsh (b's story's too) …
	put(t, a, store.Item{Record: record(t, cable, "https://example.org/cable", "Example", "2025-12-16")})
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var stories int
	if err := raw.QueryRow("SELECT count(DISTINCT aid) FROM lsh").Scan(&stories); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if stories != 3 {
		t.Errorf("stories with keys in lsh after the move: %d, want 3", stories)
	}
	// … and b, whose filter did not have them, still finds copies.
	copyB := record(t, cable+"\nThis story was first published by Example News.", "https://other.example.com/d", "", "2025-12-16")
	if out := put(t, b, store.Item{Record: copyB}); out[0] != store.Duplicate {
		t.Fatalf("copy of a story the other writer moved to lsh: %v, want duplicate", out)
	}
	for _, db := range []*sqlite.DB{a, b} {
		if err := db.Check(context.Background()); err != nil {
			t.Error(err)
		}
	}
}

// TestMigrateRecentKeys opens a store of schema version 2, whose recent
// band keys are in lsh_recent: they move to lsh, and copies of their
// stories are still found.
func TestMigrateRecentKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "n.db")
	if err := sqlite.CreateAtVersion(ctx, path, 2); err != nil {
		t.Fatal(err)
	}
	orig := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	sig := dedup.Compute(orig.Text)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	js, err := sqlite.AppendRecord(nil, &orig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO articles(aid, id, url, title, outlet, published, day, language, pipeline, duplicate_of, story, similarity, words, tone, sig, record)
		VALUES(1, ?, ?, '', 'Example', '2025-08-09', '2025-08-09', 'en', ?, '', 1, 0, 0, 0, ?, ?)`, orig.ID, orig.URL, orig.Pipeline, sig.Encode(), js); err != nil {
		t.Fatal(err)
	}
	for _, k := range sig.BandKeys() {
		if _, err := raw.Exec("INSERT INTO lsh_recent(band, aid) VALUES(?, 1)", k); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db := open(t, path)
	copyA := record(t, belarus+"\nMore reporting by Jane Doe in Vilnius.", "https://third.example.com/c", "", "2025-08-10")
	if out := put(t, db, store.Item{Record: copyA}); out[0] != store.Duplicate {
		t.Fatalf("copy of a story stored by version 2: %v, want duplicate", out)
	}
	db.Close()
	raw, err = sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var version, keys, upTo int
	if err := raw.QueryRow("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM lsh WHERE aid = 1), (SELECT aid FROM lsh_merged)").Scan(&version, &keys, &upTo); err != nil {
		t.Fatal(err)
	}
	if version != sqlite.SchemaVersion() || keys != dedup.Bands || upTo != 1 {
		t.Errorf("after migration: version %d, %d keys of the story in lsh, lsh_merged %d; want %d, %d, 1", version, keys, upTo, sqlite.SchemaVersion(), dedup.Bands)
	}
}

// TestMigrateSignatures opens a store written by newsgraph at schema
// version 5 (testdata/v5.db.gz, made by main at 73298d9: the first story's
// band keys moved to lsh, the second's recent), whose signatures were made
// by 128 hash functions: the migration signs both stories again by
// one-permutation hashing, and copies of both are found.
func TestMigrateSignatures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "n.db")
	gz, err := os.Open(filepath.Join("testdata", "v5.db.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, zr); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	db := open(t, path)
	if s := stats(t, db); s.Articles != 2 {
		t.Fatalf("articles after migration: %d, want 2", s.Articles)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query("SELECT aid, sig, record->>'text' FROM articles ORDER BY aid")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]dedup.Sig{}
	for rows.Next() {
		var aid int64
		var enc []byte
		var text string
		if err := rows.Scan(&aid, &enc, &text); err != nil {
			t.Fatal(err)
		}
		want[aid] = dedup.Compute(text)
		if got, err := dedup.Decode(enc); err != nil || got != want[aid] {
			t.Errorf("article %d: signature not signed again (%v)", aid, err)
		}
	}
	rows.Close()
	var keys []int64
	rows, err = raw.Query("SELECT band FROM lsh WHERE aid = 1 ORDER BY band")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	rows.Close()
	sig := want[1]
	wantKeys := sig.BandKeys()
	slices.Sort(wantKeys)
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("band keys of article 1 in lsh: %d, not its new keys", len(keys))
	}
	var others int
	if err := raw.QueryRow("SELECT count(*) FROM lsh WHERE aid <> 1").Scan(&others); err != nil || others != 0 {
		t.Errorf("keys of other articles in lsh: %d (%v), want 0 (the second story's are recent)", others, err)
	}
	copyA := record(t, belarus+"\nMore reporting by Jane Doe in Vilnius.", "https://third.example.com/c", "", "2025-08-10")
	copyB := record(t, cable+"\nThis story was first published by Example News.", "https://other.example.com/d", "", "2025-12-16")
	if out := put(t, db, store.Item{Record: copyA}, store.Item{Record: copyB}); out[0] != store.Duplicate || out[1] != store.Duplicate {
		t.Errorf("copies of the stories stored by version 5: %v, want duplicates", out)
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestQueries(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	a := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	b := record(t, cable, "https://example.org/cable", "Example", "2025-12-16")
	put(t, db, store.Item{Record: a}, store.Item{Record: b})

	events := func(f store.EventFilter) []string {
		var out []string
		for r, err := range db.Events(ctx, f) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r.Event.Source+">"+r.Event.Target+":"+r.Event.Code)
		}
		return out
	}
	for _, c := range []struct {
		name string
		f    store.EventFilter
		want string
	}{
		{"Actor", store.EventFilter{Actor: "USAGOV"}, "[USAGOV>BLRGOV:051]"},
		{"ActorPrefix", store.EventFilter{Actor: "BLR*"}, "[BLR>RUS:057 USAGOV>BLRGOV:051]"},
		{"ActorEntity", store.EventFilter{Actor: "person:donald-trump"}, "[USAGOV>BLRGOV:051]"},
		{"SourceTarget", store.EventFilter{Actor: "USAGOV", Target: "BLRGOV"}, "[USAGOV>BLRGOV:051]"},
		{"TargetOnly", store.EventFilter{Target: "USAGOV"}, "[]"},
		{"Pair", store.EventFilter{Pair: [2]string{"RUS", "BLR"}}, "[BLR>RUS:057]"},
		{"Root", store.EventFilter{Root: "05", Quad: 1}, "[BLR>RUS:057 USAGOV>BLRGOV:051]"},
		{"Code", store.EventFilter{Code: "057"}, "[BLR>RUS:057]"},
		{"Country", store.EventFilter{Country: "rus"}, "[BLR>RUS:057]"},
		{"Since", store.EventFilter{Period: store.Period{Since: "2025-01-01"}}, "[USAGOV>BLRGOV:051]"},
		// The 1999 event is dated by its text, the other by the article.
		{"UntilMonth", store.EventFilter{Period: store.Period{Until: "2025-07"}}, "[BLR>RUS:057]"},
		{"UntilMonthIn", store.EventFilter{Period: store.Period{Until: "2025-08"}}, "[BLR>RUS:057 USAGOV>BLRGOV:051]"},
		{"Year", store.EventFilter{Period: store.Period{Since: "1999", Until: "1999"}}, "[BLR>RUS:057]"},
	} {
		t.Run("Events"+c.name, func(t *testing.T) {
			if got := fmt.Sprint(events(c.f)); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
	t.Run("EventSentence", func(t *testing.T) {
		for r := range db.Events(ctx, store.EventFilter{Code: "051"}) {
			if !strings.HasPrefix(r.SentenceText, "U.S. President Donald Trump praised") {
				t.Errorf("sentence %q", r.SentenceText)
			}
		}
	})
	t.Run("QuotesBySpeaker", func(t *testing.T) {
		for _, sp := range []string{"person:donald-trump", "trump", "Donald"} {
			n := 0
			for r, err := range db.Quotes(ctx, store.QuoteFilter{Speaker: sp}) {
				if err != nil {
					t.Fatal(err)
				}
				if r.Quote.Text != "I look forward to meeting him" || r.SpeakerEntity != "Donald Trump" {
					t.Errorf("quote %+v", r)
				}
				n++
			}
			if n != 1 {
				t.Errorf("speaker %q: %d quotes", sp, n)
			}
		}
	})
	t.Run("QuotesByWords", func(t *testing.T) {
		for q, want := range map[string]int{"meeting": 1, "forward meeting": 1, "cable": 0, `"look forward"`: 1} {
			n := 0
			for _, err := range db.Quotes(ctx, store.QuoteFilter{Words: q}) {
				if err != nil {
					t.Fatal(err)
				}
				n++
			}
			if n != want {
				t.Errorf("words %q: %d quotes, want %d", q, n, want)
			}
		}
	})
	t.Run("ArticlesFullText", func(t *testing.T) {
		for q, want := range map[string]string{"undersea cable": b.ID, "Truth Social": a.ID, "U.S. citizen": a.ID, "Orpo OR Minsk": a.ID + " " + b.ID} {
			var ids []string
			for r, err := range db.Articles(ctx, store.ArticleFilter{Text: q}) {
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, r.ID)
			}
			if q == "Orpo OR Minsk" && len(ids) == 2 {
				continue // order is by rank
			}
			if strings.Join(ids, " ") != want {
				t.Errorf("text %q: %v, want %s", q, ids, want)
			}
		}
	})
	t.Run("TopActors", func(t *testing.T) {
		top, err := db.TopActors(ctx, store.ActorFilter{Type: "person"})
		if err != nil {
			t.Fatal(err)
		}
		if len(top) != 2 || top[0].ID != "person:alexander-lukashenko" {
			t.Errorf("top %+v", top)
		}
	})
	t.Run("CoMentions", func(t *testing.T) {
		cm, err := db.CoMentions(ctx, store.ActorFilter{Entity: "place:belarus"})
		if err != nil {
			t.Fatal(err)
		}
		if len(cm) != 2 || cm[0].Articles != 1 {
			t.Errorf("co-mentions %+v", cm)
		}
	})
	t.Run("Graph", func(t *testing.T) {
		g, err := db.Graph(ctx, store.GraphFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Nodes) != 5 || len(g.Edges) != 5 {
			t.Errorf("graph: %d nodes %d edges: %+v", len(g.Nodes), len(g.Edges), g)
		}
	})
	t.Run("Tables", func(t *testing.T) {
		for _, name := range db.Tables() {
			tb, err := db.Table(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Columns[0] != "id" && tb.Columns[0] != "article" {
				t.Errorf("%s: first column %q", name, tb.Columns[0])
			}
			for row, err := range tb.Rows {
				if err != nil {
					t.Fatal(err)
				}
				if len(row) != len(tb.Columns) {
					t.Errorf("%s: row has %d cells for %d columns", name, len(row), len(tb.Columns))
				}
			}
		}
		if _, err := db.Table(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown table: %v", err)
		}
	})
}

// TestCountryQueryPlan: events by country are found through indexes, not
// by reading every event of the period.
func TestCountryQueryPlan(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "n.db"))
	put(t, db, store.Item{Record: record(t, belarus, "https://example.org/a", "Example", "2025-08-09")})
	for _, f := range []store.EventFilter{{Country: "RUS"}, {Country: "rus", Period: store.Period{Since: "2025-01-01"}}} {
		plan, err := db.EventsPlan(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(plan, "SCAN e") || !strings.Contains(plan, "events_country") || !strings.Contains(plan, "events_source_country") {
			t.Errorf("plan of %+v:\n%s", f, plan)
		}
	}
}

func TestNewerSchemaUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	db := open(t, path)
	put(t, db, store.Item{Record: record(t, cable, "", "", "")})
	db.Close()
	// Pretend a newer newsgraph wrote it.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version=%d", sqlite.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	before, _ := os.ReadFile(path)
	_, err = sqlite.Open(context.Background(), path, sqlite.Options{})
	if !errors.Is(err, store.ErrNewerSchema) || !strings.Contains(err.Error(), path) {
		t.Fatalf("open newer schema: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the newer database was changed")
	}
}

func TestNotAStore(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 500)), 0o644)
	if _, err := sqlite.Open(context.Background(), text, sqlite.Options{}); !errors.Is(err, store.ErrNotStore) {
		t.Errorf("text file: %v", err)
	}
	other := filepath.Join(dir, "other.db")
	raw, _ := sql.Open("sqlite", other)
	raw.Exec("CREATE TABLE t(x)")
	raw.Close()
	if _, err := sqlite.Open(context.Background(), other, sqlite.Options{}); !errors.Is(err, store.ErrNotStore) {
		t.Errorf("other app's database: %v", err)
	}
	if _, err := sqlite.Open(context.Background(), filepath.Join(dir, "missing.db"), sqlite.Options{ReadOnly: true}); !errors.Is(err, store.ErrNoStore) {
		t.Errorf("missing database read-only: %v", err)
	}
}

// TestPageSize checks that a new store gets 8 KB pages and that a store
// made with 4 KB pages (as newsgraph made them before) keeps them and
// takes writes.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	pageSize := func(path string) int {
		t.Helper()
		raw, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		var n int
		if err := raw.QueryRow("PRAGMA page_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	db := open(t, fresh)
	put(t, db, store.Item{Record: record(t, cable, "https://example.org/c", "Example", "2025-12-16")})
	db.Close()
	if n := pageSize(fresh); n != 8192 {
		t.Errorf("page size of a new store: %d, want 8192", n)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	if err := sqlite.CreateAtVersion(ctx, old, sqlite.SchemaVersion()); err != nil {
		t.Fatal(err)
	}
	if n := pageSize(old); n != 4096 {
		t.Fatalf("page size of the old store: %d, want 4096", n)
	}
	db = open(t, old)
	put(t, db, store.Item{Record: record(t, cable, "https://example.org/c", "Example", "2025-12-16")},
		store.Item{Record: record(t, belarus, "https://example.org/b", "Example", "2025-08-09")})
	if s := stats(t, db); s.Articles != 2 || s.Quotes != 1 || s.Events != 2 {
		t.Errorf("old store after a batch: %d articles, %d quotes, %d events; want 2, 1, 2", s.Articles, s.Quotes, s.Events)
	}
	if err := db.Check(ctx); err != nil {
		t.Error(err)
	}
	db.Close()
	if n := pageSize(old); n != 4096 {
		t.Errorf("page size of the old store after writes: %d, want 4096", n)
	}
}

func TestDiskFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.db")
	// The empty store takes 40 pages (of 8 KB): 24 are left for
	// articles.
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{MaxPages: 64})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var full error
	stored := 0
	for i := 0; i < 200 && full == nil; i++ {
		var batch []store.Item
		for j := range 5 {
			var words strings.Builder
			for k := range 300 {
				fmt.Fprintf(&words, "word%dx%dx%d ", i, j, k)
			}
			text := fmt.Sprintf("Story %d-%d. %s %s", i, j, cable, words.String())
			batch = append(batch, store.Item{Record: record(t, text, "", "", ""), Origin: fmt.Sprintf("in%d-%d", i, j)})
		}
		if _, full = db.Put(context.Background(), batch); full == nil {
			stored += len(batch)
		}
	}
	if !errors.Is(full, store.ErrFull) {
		t.Fatalf("want ErrFull, got %v", full)
	}
	if stored == 0 {
		t.Fatal("the disk was full before the first batch: the test shows nothing kept")
	}
	if s := stats(t, db); int(s.Articles) != stored {
		t.Errorf("after a full disk: %d articles, want the %d of the committed batches", s.Articles, stored)
	}
	if err := db.Check(context.Background()); err != nil {
		t.Errorf("store corrupt after a full disk: %v", err)
	}
}

// BenchmarkPut stores batches of 500 distinct articles of BBC size (about
// 400 words each, drawn from a 3,000-word vocabulary).
func BenchmarkPut(b *testing.B) {
	db := open(b, filepath.Join(b.TempDir(), "n.db"))
	vocab := strings.Fields(strings.Repeat(belarus+" "+cable+" ", 1))
	for i := range 3000 - len(vocab) {
		vocab = append(vocab, fmt.Sprintf("w%d", i))
	}
	base := record(b, belarus, "", "", "2025-08-09")
	seed := uint64(1)
	b.ResetTimer()
	n := 0
	var sb strings.Builder
	for b.Loop() {
		batch := make([]store.Item, 500)
		for i := range batch {
			sb.Reset()
			for range 400 {
				seed = seed*6364136223846793005 + 1442695040888963407
				sb.WriteString(vocab[(seed>>33)%uint64(len(vocab))])
				sb.WriteByte(' ')
			}
			r := base
			r.Text = sb.String()
			r.ID = fmt.Sprintf("%016x", n)
			n++
			batch[i] = store.Item{Record: r, Origin: r.ID}
		}
		if _, err := db.Put(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutBBC stores the BBC corpus, as the pipeline annotates it, in
// batches of 500 into a new store each round: the store's own cost per
// article.
func BenchmarkPutBBC(b *testing.B) {
	shared := testutil.SharedDir(b)
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	var items []store.Item
	err = p.Run(context.Background(), ingest.Reader{}.Paths([]string{filepath.Join(shared, "corpora", "news", "bbc")}, nil), 0, func(r pipeline.Result) error {
		if r.Err == nil {
			items = append(items, store.Item{Record: r.Record, Origin: r.Origin})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	n := 0
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		db := open(b, filepath.Join(b.TempDir(), fmt.Sprintf("n%d.db", i)))
		for k := range items {
			items[k].Prepared = nil // each round prepares again
		}
		for k := 0; k < len(items); k += putBatch {
			if _, err := db.Put(context.Background(), items[k:min(k+putBatch, len(items))]); err != nil {
				b.Fatal(err)
			}
		}
		n += len(items)
		db.Close()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(n), "cpu-µs/article")
}

// cpuTime is the CPU time the process has used (user and system), which
// a loaded machine changes less than the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// putBatch is BenchmarkPutBBC's batch size (ingest's --batch).
var putBatch = 500

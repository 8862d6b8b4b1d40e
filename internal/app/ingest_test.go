package app_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsgraph/internal/app"
	"newsgraph/internal/store/sqlite"
)

// TestMain lets the test binary act as the newsgraph command in a child
// process, for the crash test.
func TestMain(m *testing.M) {
	if args := os.Getenv("NEWSGRAPH_CHILD_ARGS"); args != "" {
		var a []string
		json.Unmarshal([]byte(args), &a)
		if err := app.Run(context.Background(), a, os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "newsgraph:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// run runs the command line in-process and returns stdout, stderr and the
// error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := app.Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, err := run(t, args...)
	if err != nil {
		t.Fatalf("newsgraph %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

var vocab = strings.Fields(`the minister said government talks would continue next week after officials in the capital
agreed to release prisoners while the opposition leader warned that sanctions against the country could rise if elections
were delayed again markets fell sharply on news of the decision and analysts expected central bank action soon police
arrested protesters near parliament where thousands gathered to demand reforms the company reported profits rising by
percent in the third quarter while unions threatened strikes over pay the army said troops had withdrawn from the border`)

// corpus writes n JSONL articles of about 120 words, distinct except that
// every 50th repeats an earlier text exactly (another URL: a copy) and
// every 30th copies one with a sentence added (a near-duplicate).
func corpus(t *testing.T, path string, n int) {
	rng := rand.New(rand.NewPCG(7, 7))
	var b bytes.Buffer
	var texts []string
	for i := range n {
		var text string
		switch {
		case i > 0 && i%50 == 0:
			text = texts[rng.IntN(len(texts))]
		case i > 0 && i%30 == 0:
			text = texts[rng.IntN(len(texts))] + fmt.Sprintf("\nThis report was updated on Monday with comments from officials in district %d.", i)
		default:
			var w []string
			for range 120 {
				w = append(w, vocab[rng.IntN(len(vocab))])
			}
			text = fmt.Sprintf("Story %d. %s.", i, strings.Join(w, " "))
		}
		texts = append(texts, text)
		line, _ := json.Marshal(map[string]string{"text": text, "url": fmt.Sprintf("https://news.example.com/%d", i), "published": "2025-08-09"})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func storeCounts(t *testing.T, db string) (articles, copies int) {
	t.Helper()
	raw, err := sql.Open("sqlite", db+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.QueryRow("SELECT count(*) FROM articles").Scan(&articles)
	raw.QueryRow("SELECT count(*) FROM copies").Scan(&copies)
	return
}

func TestIngestIdempotent(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "items.jsonl")
	corpus(t, in, 300)
	db := filepath.Join(dir, "n.db")
	first := mustRun(t, "ingest", "--db", db, in)
	stats1 := mustRun(t, "stats", "--db", db)
	export1 := mustRun(t, "export", "--db", db, "--format", "jsonl")
	second := mustRun(t, "ingest", "--db", db, in)
	if !strings.Contains(second, "0 added, 0 near-duplicates, 0 copies, 0 replaced, 300 unchanged") {
		t.Errorf("second ingest: %s (first: %s)", second, first)
	}
	if stats2 := mustRun(t, "stats", "--db", db); stats2 != stats1 {
		t.Errorf("stats changed:\n%s\n%s", stats1, stats2)
	}
	if export2 := mustRun(t, "export", "--db", db, "--format", "jsonl"); export2 != export1 {
		t.Error("export changed after re-ingest")
	}
	// The same file named another way is the same input.
	rel, _ := filepath.Rel(mustGetwd(t), in)
	if out := mustRun(t, "ingest", "--db", db, rel); !strings.Contains(out, "300 unchanged") {
		t.Errorf("relative path: %s", out)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// TestCrashResume kills an ingest with SIGKILL part-way, runs it again,
// and checks that the store ends exactly as an uninterrupted run leaves
// it: every article once, the same duplicates, byte-identical export.
func TestCrashResume(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "items.jsonl")
	const n = 3000
	corpus(t, in, n)
	db := filepath.Join(dir, "crash.db")
	// An uninterrupted run is the reference.
	ref := filepath.Join(dir, "ref.db")
	mustRun(t, "ingest", "--db", ref, in)
	distinct, _ := storeCounts(t, ref)

	args, _ := json.Marshal([]string{"ingest", "--db", db, "--batch", "50", "--quiet", in})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_CHILD_ARGS="+string(args))
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are committed.
	deadline := time.Now().Add(30 * time.Second)
	for {
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if a, _ := storeCounts(t, db); a >= 200 || time.Now().After(deadline) {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	killedAt, _ := storeCounts(t, db)
	if killedAt >= distinct {
		t.Skipf("the child finished before it was killed (%d articles); nothing to resume", killedAt)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child was not killed: %v %s", err, childErr.String())
	}
	t.Logf("killed with %d of %d articles stored", killedAt, distinct)

	// Resume.
	out := mustRun(t, "ingest", "--db", db, in)
	t.Log(out)
	articles, copies := storeCounts(t, db)
	if articles != distinct || copies != n {
		t.Errorf("after resume: %d articles, %d copies; want %d and %d", articles, copies, distinct, n)
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("store after crash and resume: %v", err)
	}
	s.Close()

	// The resumed store is the uninterrupted run's.
	if a, b := mustRun(t, "stats", "--db", db), mustRun(t, "stats", "--db", ref); lastLine(a) != lastLine(b) {
		t.Errorf("stats differ:\n resumed   %s\n reference %s", lastLine(a), lastLine(b))
	}
	if a, b := mustRun(t, "export", "--db", db), mustRun(t, "export", "--db", ref); a != b {
		t.Error("export of the resumed store differs from an uninterrupted run's")
	}
}

func TestIngestSources(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("Officials in Helsinki said the undersea cable would be repaired by March, and that talks with Estonia would continue. ", 20)
	var site *httptest.Server
	site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Loop News</title>
<item><title>Cable</title><link>%s/cable</link><pubDate>Tue, 16 Dec 2025 14:05:00 +0000</pubDate><description>Short summary.</description></item>
</channel></rss>`, site.URL)
		case "/cable":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>Cable</title></head><body><p>%s</p></body></html>", long)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()

	write := func(name, data string) string {
		p := filepath.Join(dir, "in", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
		return p
	}
	write("a.txt", "Belarus frees prisoners\n\nBelarus released 16 prisoners on Friday, officials in Minsk said, after talks with U.S. envoys.\n")
	write("page.html", "<html><head><title>Markets</title></head><body><p>Markets in Tokyo fell sharply on Monday as investors worried about rising interest rates and a stronger yen.</p></body></html>")
	dup := `{"text":"The central bank raised rates by a quarter point on Thursday.","url":"https://x.example/1"}`
	write("items.jsonl", dup+"\n"+dup+"\n"+`{"text": 5}`+"\n")
	var w bytes.Buffer
	zw := gzip.NewWriter(&w)
	body := "<html><body><p>Story from the archive: the army said troops had withdrawn from the border region overnight.</p></body></html>"
	resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	fmt.Fprintf(zw, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://archive.example/troops\r\nWARC-Date: 2025-08-09T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(resp), resp)
	zw.Close()
	write("crawl.warc.gz", w.String())

	db := filepath.Join(dir, "n.db")
	html := htmlSupported(t)
	failed, articles := 2, 5
	if !html {
		failed, articles = 5, 2 // the three HTML pages come out empty
	}
	out, stderr, err := run(t, "ingest", "--db", db, "--timeout", "2s", filepath.Join(dir, "in"), site.URL+"/feed.xml", site.URL+"/loop")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%d of 8 inputs failed", failed)) {
		t.Errorf("want an error for the %d failed inputs, got %v", failed, err)
	}
	for _, want := range []string{"items.jsonl:3", "/loop", "redirect"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr should name %q:\n%s", want, stderr)
		}
	}
	t.Log(out, stderr)
	stats := mustRun(t, "stats", "--db", db)
	if got, want := lastLine(stats), fmt.Sprintf("articles=%d duplicates=0 ", articles); !strings.HasPrefix(got, want) {
		t.Errorf("stats: %s, want %s", got, want)
	}
	// Every source is queryable.
	for q, want := range map[string]string{"undersea": site.URL + "/cable", "troops": "https://archive.example/troops", "Tokyo": "", "prisoners": "", "quarter": "https://x.example/1"} {
		if !html && (q == "undersea" || q == "troops" || q == "Tokyo") {
			continue
		}
		got := mustRun(t, "query", "articles", "--db", db, "--format", "csv", q)
		if lines := strings.Count(got, "\n"); lines != 2 || !strings.Contains(got, want) {
			t.Errorf("query %q:\n%s", q, got)
		}
	}
	if !html {
		t.Skip("the clean stage does not read HTML yet: feed and WARC pages not checked further")
	}
	// The feed's title and date were kept for the fetched page.
	got := mustRun(t, "query", "articles", "--db", db, "--format", "jsonl", "undersea")
	if !strings.Contains(got, `"title":"Cable"`) || !strings.Contains(got, `"outlet":"Loop News"`) || !strings.Contains(got, `"published":"2025-12-16T14:05:00Z"`) {
		t.Errorf("feed item: %s", got)
	}
	// A second run fetches nothing already stored.
	out, _, _ = run(t, "ingest", "--db", db, site.URL+"/feed.xml")
	if !strings.Contains(out, "1 already stored") {
		t.Errorf("re-ingesting the feed: %s", out)
	}
}

// htmlSupported reports whether the pipeline's clean stage reads HTML
// (it is built apart from the store; until it lands, HTML comes out
// empty).
func htmlSupported(t *testing.T) bool {
	p := filepath.Join(t.TempDir(), "probe.html")
	os.WriteFile(p, []byte("<html><body><p>Markets in Tokyo fell sharply on Monday as investors worried.</p></body></html>"), 0o644)
	_, _, err := run(t, "extract", p)
	return err == nil
}

func TestExportMatchesExtract(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	os.WriteFile(p, []byte(`{"url":"https://example.org/a","title":"Cable deal","outlet":"Example","published":"2025-12-16T14:05:00Z","text":"Finland and Estonia agreed on Tuesday to build a second undersea power cable, officials said. \"We cannot leave our supply at the mercy of one cable,\" Orpo said. <b>&amp;</b>"}`), 0o644)
	db := filepath.Join(dir, "n.db")
	mustRun(t, "ingest", "--db", db, p)
	extracted := mustRun(t, "extract", p)
	exported := mustRun(t, "export", "--db", db, "--format", "jsonl")
	if extracted != exported {
		t.Errorf("export differs from extract:\n%s\n%s", extracted, exported)
	}
	for _, f := range []string{"gdelt-events", "gkg", "graphml"} {
		mustRun(t, "export", "--db", db, "--format", f)
	}
	tables := filepath.Join(dir, "tables")
	mustRun(t, "export", "--db", db, "--format", "csv", "--out", tables)
	if b, err := os.ReadFile(filepath.Join(tables, "articles.csv")); err != nil || !strings.Contains(string(b), "Cable deal") {
		t.Errorf("articles.csv: %v %s", err, b)
	}
	if gkg := mustRun(t, "export", "--db", db, "--format", "gkg"); strings.Count(gkg, "\t") != 26 {
		t.Errorf("gkg row: %q", gkg)
	}
}

func TestStoreErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	if _, _, err := run(t, "stats", "--db", db); err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("stats without a store: %v", err)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("stats created a database")
	}
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("Markets rose on Monday after the central bank held rates.\n"), 0o644)
	mustRun(t, "ingest", "--db", db, p)
	raw, _ := sql.Open("sqlite", db)
	raw.Exec(fmt.Sprintf("PRAGMA user_version=%d", sqlite.SchemaVersion()+1))
	raw.Close()
	for _, args := range [][]string{{"ingest", "--db", db, p}, {"stats", "--db", db}, {"query", "articles", "--db", db}} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), db) || !strings.Contains(err.Error(), "newer") {
			t.Errorf("%s on a newer store: %v", args[0], err)
		}
	}
	if _, _, err := run(t, "stats", "--db", p); err == nil || !strings.Contains(err.Error(), "not a newsgraph database") {
		t.Errorf("stats on a text file: %v", err)
	}
}

// TestIngestDict codes events with a user's PETRARCH dictionary, as
// extract --dict does.
func TestIngestDict(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "fantasy.actors")
	os.WriteFile(dict, []byte("GONDOR [GON]\n+MINAS_TIRITH\nMORDOR [MOR]\n"), 0o644)
	in := filepath.Join(dir, "gondor.txt")
	os.WriteFile(in, []byte("Gondor attacked\n\nGondor attacked Mordor on Tuesday, officials in Minas Tirith said.\n"), 0o644)
	db := filepath.Join(dir, "n.db")
	mustRun(t, "ingest", "--quiet", "--db", db, "--dict", "actors:"+dict, in)
	out := mustRun(t, "query", "events", "--db", db, "--source", "GON", "--target", "MOR", "--format", "jsonl")
	if !strings.Contains(out, `"source":"GON"`) {
		t.Errorf("no GON>MOR event with the dictionary:\n%s", out)
	}
	if _, _, err := run(t, "ingest", "--quiet", "--db", db, "--dict", filepath.Join(dir, "missing.actors"), in); err == nil || !strings.Contains(err.Error(), "missing.actors") {
		t.Errorf("a missing dictionary: %v", err)
	}
}

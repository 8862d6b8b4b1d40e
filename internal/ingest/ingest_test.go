package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
)

const page = `<!DOCTYPE html><html><head><title>Finland and Estonia agree on second cable</title></head>
<body><article><h1>Finland and Estonia agree on second cable</h1>
<p>Finland and Estonia agreed on Tuesday to build a second undersea power cable across the Gulf of Finland.</p>
<p>"We cannot leave our electricity supply at the mercy of a single cable," Orpo told reporters.</p>
</article></body></html>`

// result is what a test sees of one yielded input.
type result struct {
	in  article.Input
	err error
}

func read(t *testing.T, r ingest.Reader, sources ...string) []result {
	t.Helper()
	var out []result
	for in, err := range r.Sources(context.Background(), sources, strings.NewReader("")) {
		out = append(out, result{in, err})
	}
	return out
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// wantErr checks that res holds exactly one error, naming origin and
// matching target.
func wantErr(t *testing.T, res []result, origin string, target error) {
	t.Helper()
	var errs []error
	for _, r := range res {
		if r.err != nil {
			errs = append(errs, r.err)
		}
	}
	if len(errs) != 1 {
		t.Fatalf("want one error, got %d: %v", len(errs), errs[:min(len(errs), 3)])
	}
	err := errs[0]
	if !strings.Contains(err.Error(), origin) {
		t.Errorf("error %q does not name %q", err, origin)
	}
	if target != nil && !errors.Is(err, target) {
		t.Errorf("error %q is not %v", err, target)
	}
}

func TestGzip(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"text":"First story text here.","url":"https://a.example/1"}` + "\n" + `{"text":"Second story text.","url":"https://a.example/2"}` + "\n"
	p := write(t, dir, "items.jsonl.gz", gz([]byte(jsonl)))
	res := read(t, ingest.Reader{}, p)
	if len(res) != 2 || res[0].err != nil || res[1].in.URL != "https://a.example/2" || res[1].in.Origin != p+":2" {
		t.Fatalf("gzipped JSONL: %+v", res)
	}
	// A gzipped page without the .gz name is recognised by its bytes.
	p = write(t, dir, "page", gz([]byte(page)))
	if res := read(t, ingest.Reader{}, p); len(res) != 1 || !strings.Contains(res[0].in.HTML, "undersea") {
		t.Fatalf("gzipped HTML: %+v", res)
	}
}

func TestGzipTruncated(t *testing.T) {
	dir := t.TempDir()
	var jsonl strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&jsonl, `{"text":"Story %d: the minister said talks would resume on Friday.","url":"https://a.example/%d"}`+"\n", i, i)
	}
	z := gz([]byte(jsonl.String()))
	p := write(t, dir, "cut.jsonl.gz", z[:len(z)*2/3])
	res := read(t, ingest.Reader{}, p)
	if len(res) < 2 || res[0].err != nil || res[0].in.URL != "https://a.example/0" {
		t.Fatalf("the items before the cut should be read: %d results, first %+v", len(res), res[0])
	}
	wantErr(t, res, p, article.ErrFormat)
	if !strings.Contains(fmt.Sprint(res[len(res)-1].err), "truncated") {
		t.Errorf("message should say the gzip data is truncated: %v", res[len(res)-1].err)
	}
}

func TestGzipBomb(t *testing.T) {
	dir := t.TempDir()
	// 100 MB of zeros in about 100 KB: read as JSONL it is one endless
	// line, and the expansion gives the bomb away.
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for range 100 {
		w.Write(zeros)
	}
	w.Close()
	p := write(t, dir, "bomb.jsonl.gz", b.Bytes())
	res := read(t, ingest.Reader{MaxBytes: 200 << 20}, p)
	wantErr(t, res, p, article.ErrTooLarge)
	if !strings.Contains(fmt.Sprint(res[len(res)-1].err), "gzip bomb") {
		t.Errorf("message should say gzip bomb: %v", res[len(res)-1].err)
	}
	// A cap on the output stops it too.
	res = read(t, ingest.Reader{MaxDecompressed: 1 << 20}, p)
	wantErr(t, res, p, article.ErrTooLarge)
}

func TestHTMLEncodings(t *testing.T) {
	dir := t.TempDir()
	latin := []byte(`<html><head><meta charset="windows-1252"><title>Caf` + "\xe9" + `</title></head><body><p>Caf` + "\xe9" + ` society</p></body></html>`)
	p := write(t, dir, "latin.html", latin)
	res := read(t, ingest.Reader{}, p)
	if len(res) != 1 || res[0].err != nil || !strings.Contains(res[0].in.HTML, "Café society") {
		t.Fatalf("windows-1252 page: %+v", res)
	}
	unknown := []byte(`<html><head><meta charset="x-klingon"><title>T</title></head><body><p>Caf` + "\xe9" + ` talk</p></body></html>`)
	p = write(t, dir, "klingon.html", unknown)
	var warned []string
	r := ingest.Reader{Warn: func(origin string, err error) { warned = append(warned, origin+": "+err.Error()) }}
	res = read(t, r, p)
	if len(res) != 1 || res[0].err != nil || !strings.Contains(res[0].in.HTML, "Café talk") {
		t.Fatalf("unknown charset: %+v", res)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], p) || !strings.Contains(warned[0], `unknown charset "x-klingon"`) {
		t.Errorf("warning: %v", warned)
	}
}

func TestHugeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.html")
	f, _ := os.Create(p)
	f.WriteString("<html><body><p>")
	f.Truncate(200 << 20) // 200 MB, sparse
	f.Close()
	res := read(t, ingest.Reader{}, p)
	wantErr(t, res, p, article.ErrTooLarge)
}

func TestBinary(t *testing.T) {
	p := write(t, t.TempDir(), "photo.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10}, bytes.Repeat([]byte{0, 1, 2, 3}, 100)...))
	wantErr(t, read(t, ingest.Reader{}, p), p, article.ErrBinary)
}

func TestDuplicateIDsInJSONL(t *testing.T) {
	// Both lines are read; the store keeps the article once.
	line := `{"text":"The same story twice in one file."}`
	p := write(t, t.TempDir(), "dup.jsonl", []byte(line+"\n"+line+"\n"))
	res := read(t, ingest.Reader{}, p)
	if len(res) != 2 || res[0].err != nil || res[1].err != nil || res[1].in.Origin != p+":2" {
		t.Fatalf("%+v", res)
	}
}

// server is a loopback test site.
func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func fast() *ingest.Fetcher {
	return ingest.NewFetcher(ingest.FetchOptions{Timeout: 2 * time.Second, Backoff: 10 * time.Millisecond, Retries: 2})
}

func TestFetchArticle(t *testing.T) {
	var agent atomic.Value
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		agent.Store(r.UserAgent())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	res := read(t, ingest.Reader{Fetcher: fast()}, s.URL+"/news/1")
	if len(res) != 1 || res[0].err != nil || res[0].in.URL != s.URL+"/news/1" || !strings.Contains(res[0].in.HTML, "undersea") {
		t.Fatalf("%+v", res)
	}
	if ua, _ := agent.Load().(string); !strings.Contains(ua, "newsgraph") {
		t.Errorf("User-Agent %q does not name the project", ua)
	}
}

func TestFetchRetries(t *testing.T) {
	var n atomic.Int32
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(page))
	})
	res := read(t, ingest.Reader{Fetcher: fast()}, s.URL)
	if len(res) != 1 || res[0].err != nil || n.Load() != 3 {
		t.Fatalf("after two 503s: %d requests, %+v", n.Load(), res)
	}
	// A 404 is not retried.
	n.Store(0)
	s404 := server(t, func(w http.ResponseWriter, r *http.Request) { n.Add(1); http.NotFound(w, r) })
	wantErr(t, read(t, ingest.Reader{Fetcher: fast()}, s404.URL+"/gone"), s404.URL+"/gone", nil)
	if n.Load() != 1 {
		t.Errorf("404 fetched %d times", n.Load())
	}
}

func TestFetchPerHostLimit(t *testing.T) {
	var cur, peak atomic.Int32
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		c := cur.Add(1)
		for {
			p := peak.Load()
			if c <= p || peak.CompareAndSwap(p, c) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		cur.Add(-1)
		w.Write([]byte(page))
	})
	f := ingest.NewFetcher(ingest.FetchOptions{PerHost: 2})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), fmt.Sprintf("%s/%d", s.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak.Load() > 2 {
		t.Errorf("%d requests at once to one host, want at most 2", peak.Load())
	}
}

func TestFetchBadInput(t *testing.T) {
	t.Run("RedirectLoop", func(t *testing.T) {
		s := server(t, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, r.URL.Path, http.StatusFound) })
		u := s.URL + "/feed.xml"
		wantErr(t, read(t, ingest.Reader{Fetcher: fast()}, u), u, ingest.ErrRedirectLoop)
	})
	t.Run("NeverAnswers", func(t *testing.T) {
		block := make(chan struct{})
		s := server(t, func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-block:
			case <-r.Context().Done():
			}
		})
		defer close(block)
		f := ingest.NewFetcher(ingest.FetchOptions{Timeout: 100 * time.Millisecond, Retries: -1})
		res := read(t, ingest.Reader{Fetcher: f}, s.URL+"/slow")
		wantErr(t, res, s.URL+"/slow", nil)
		if !strings.Contains(res[0].err.Error(), "no answer in time") {
			t.Errorf("message %q", res[0].err)
		}
	})
	t.Run("HugePage", func(t *testing.T) {
		// 200 MB announced, and 200 MB streamed without a length.
		s := server(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			if r.URL.Path == "/announced" {
				w.Header().Set("Content-Length", fmt.Sprint(200<<20))
			}
			chunk := bytes.Repeat([]byte("<p>word </p>"), 8192)
			for sent := 0; sent < 200<<20; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		})
		for _, path := range []string{"/announced", "/streamed"} {
			wantErr(t, read(t, ingest.Reader{Fetcher: fast()}, s.URL+path), s.URL+path, article.ErrTooLarge)
		}
	})
	t.Run("NotAPage", func(t *testing.T) {
		s := server(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		})
		wantErr(t, read(t, ingest.Reader{Fetcher: fast()}, s.URL+"/a.png"), s.URL+"/a.png", ingest.ErrNotArticle)
	})
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example News</title><language>en-gb</language>
<item><title>Full story</title><link>%[1]s/full</link><pubDate>Tue, 16 Dec 2025 14:05:00 +0000</pubDate>
<content:encoded><![CDATA[<p>%[2]s</p>]]></content:encoded></item>
<item><title>Summary only</title><link>%[1]s/page</link><pubDate>Wed, 17 Dec 2025 09:00:00 +0000</pubDate>
<description>Finland and Estonia agree to build a cable.</description></item>
<item><title>Stored already</title><link>%[1]s/seen</link><description>Short.</description></item>
</channel></rss>`

func TestFeed(t *testing.T) {
	long := strings.Repeat("Officials said the talks would continue next week in Brussels. ", 30)
	var fetched sync.Map
	var s *httptest.Server
	s = server(t, func(w http.ResponseWriter, r *http.Request) {
		fetched.Store(r.URL.Path, true)
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, rss, s.URL, long)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	})
	r := ingest.Reader{Fetcher: fast(), Seen: func(_ context.Context, url string) bool { return strings.HasSuffix(url, "/seen") }}
	res := read(t, r, s.URL+"/feed")
	if len(res) != 2 {
		t.Fatalf("want 2 items (one skipped as stored), got %d: %+v", len(res), res)
	}
	full, summary := res[0].in, res[1].in
	if res[0].err != nil || full.Title != "Full story" || full.Outlet != "Example News" || full.Published != "2025-12-16T14:05:00Z" ||
		!strings.Contains(full.HTML, "Brussels") || full.Language != "en" {
		t.Errorf("full item: %+v %v", full, res[0].err)
	}
	if res[1].err != nil || summary.URL != s.URL+"/page" || !strings.Contains(summary.HTML, "undersea power cable") {
		t.Errorf("summary item not replaced by its page: %+v %v", summary, res[1].err)
	}
	if _, ok := fetched.Load("/full"); ok {
		t.Error("the page of a full item was fetched")
	}
	if _, ok := fetched.Load("/seen"); ok {
		t.Error("the page of a stored item was fetched")
	}
	// The same feed from a file reads the same, and a broken item page is
	// an error naming it while the other items go on.
	p := write(t, t.TempDir(), "news.rss", fmt.Appendf(nil, rss, s.URL, long))
	res = read(t, ingest.Reader{Fetcher: fast()}, p)
	if len(res) != 3 || res[0].err != nil || res[1].err != nil || res[2].err == nil || !strings.Contains(res[2].err.Error(), s.URL+"/seen") {
		t.Errorf("feed file: %+v", res)
	}
}

func TestAtomFeed(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Example</title>
<entry><title>One</title><link href="https://atom.example/1"/><updated>2025-08-09T10:00:00Z</updated>
<content type="html">&lt;p&gt;` + strings.Repeat("Belarus released sixteen prisoners on Friday, officials said. ", 30) + `&lt;/p&gt;</content></entry></feed>`
	p := write(t, t.TempDir(), "feed.xml", []byte(atom))
	res := read(t, ingest.Reader{}, p)
	if len(res) != 1 || res[0].err != nil || res[0].in.URL != "https://atom.example/1" || res[0].in.Outlet != "Atom Example" || !strings.Contains(res[0].in.HTML, "<p>Belarus") {
		t.Fatalf("%+v", res)
	}
	bad := write(t, t.TempDir(), "bad.rss", []byte("<rss><channel><item><title>unclosed"))
	wantErr(t, read(t, ingest.Reader{}, bad), bad, article.ErrFormat)
}

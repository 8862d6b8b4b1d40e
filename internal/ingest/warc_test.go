package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
)

// warcFile builds a CC-NEWS-style WARC: for each page a request, a
// response and a metadata record, plus a redirect, a 404 and an image.
// Each record is its own gzip member when compressed.
func warcFile(pages int, compressed bool) []byte {
	var out bytes.Buffer
	record := func(typ, uri, block string) {
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-08-09T10:00:00Z\r\n"+
			"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nContent-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, uri, out.Len(), typ, len(block), block)
		if !compressed {
			out.WriteString(rec)
			return
		}
		w := gzip.NewWriter(&out)
		w.Write([]byte(rec))
		w.Close()
	}
	response := func(status, ctype, body string) string {
		return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
	}
	for i := range pages {
		uri := fmt.Sprintf("https://news.example.com/2025/08/story-%d", i)
		record("request", uri, "GET /2025/08/story HTTP/1.1\r\nHost: news.example.com\r\n\r\n")
		body := fmt.Sprintf("<html><head><title>Story %d</title></head><body><p>Story %d: Belarus released sixteen prisoners on Friday.</p></body></html>", i, i)
		record("response", uri, response("200 OK", "text/html; charset=UTF-8", body))
		record("metadata", uri, "fetchTimeMs: 120\r\n")
	}
	record("response", "https://news.example.com/old", response("301 Moved Permanently", "text/html", "moved"))
	record("response", "https://news.example.com/gone", response("404 Not Found", "text/html", "<p>not here</p>"))
	record("response", "https://news.example.com/logo.png", response("200 OK", "image/png", "\x89PNG\r\n"))
	return out.Bytes()
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name       string
		compressed bool
	}{{"crawl.warc.gz", true}, {"crawl.warc", false}, {"crawl-no-extension", true}} {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, c.name, warcFile(3, c.compressed))
			res := read(t, ingest.Reader{}, p)
			if len(res) != 3 {
				t.Fatalf("want the 3 HTML pages, got %d: %+v", len(res), res)
			}
			for i, r := range res {
				url := fmt.Sprintf("https://news.example.com/2025/08/story-%d", i)
				if r.err != nil || r.in.URL != url || r.in.Origin != url || !strings.Contains(r.in.HTML, fmt.Sprintf("Story %d: Belarus", i)) {
					t.Errorf("record %d: %+v %v", i, r.in, r.err)
				}
			}
		})
	}
}

func TestWARCTruncated(t *testing.T) {
	dir := t.TempDir()
	for _, compressed := range []bool{true, false} {
		data := warcFile(4, compressed)
		// Cut in the middle of the last story's response record.
		cut := bytes.LastIndex(data, []byte("Story 3"))
		if compressed {
			cut = len(data) * 3 / 4
		}
		p := write(t, dir, fmt.Sprintf("cut-%v.warc.gz", compressed), data[:cut])
		res := read(t, ingest.Reader{}, p)
		if len(res) < 2 {
			t.Fatalf("compressed=%v: the records before the cut should be read: %+v", compressed, res)
		}
		last := res[len(res)-1]
		for _, r := range res[:len(res)-1] {
			if r.err != nil {
				t.Errorf("compressed=%v: error before the cut: %v", compressed, r.err)
			}
		}
		if last.err == nil || !strings.Contains(last.err.Error(), p+"@") || !strings.Contains(last.err.Error(), "truncated") || !errors.Is(last.err, article.ErrFormat) {
			t.Errorf("compressed=%v: last result should name the file and offset and say truncated: %v", compressed, last.err)
		}
	}
	// Reading goes on with the next source.
	good := write(t, dir, "good.warc.gz", warcFile(1, true))
	res := read(t, ingest.Reader{}, filepath.Join(dir, "cut-true.warc.gz"), good)
	if res[len(res)-1].err != nil || res[len(res)-1].in.URL != "https://news.example.com/2025/08/story-0" {
		t.Errorf("the next file was not read: %+v", res[len(res)-1])
	}
}

func TestWARCHugeRecord(t *testing.T) {
	body := "<html><body><p>" + strings.Repeat("word ", 1<<20) + "</p></body></html>"
	rec := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", body)
	data := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://big.example/\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-08-09T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(rec), rec)
	p := write(t, t.TempDir(), "big.warc", []byte(data+string(warcFile(1, false))))
	res := read(t, ingest.Reader{MaxBytes: 1 << 20}, p)
	if len(res) != 2 || !errors.Is(res[0].err, article.ErrTooLarge) || !strings.Contains(res[0].err.Error(), "https://big.example/") || res[1].err != nil {
		t.Fatalf("a huge record is an error and the next is read: %v %+v", res[0].err, res)
	}
}

// offline is a Fetcher that never reaches the network.
func offline() *ingest.Fetcher {
	return ingest.NewFetcher(ingest.FetchOptions{Retries: -1, Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, errors.New("offline")
	})})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// FuzzSources feeds arbitrary bytes through format detection and every
// reader (gzip, WARC, feeds, JSON, HTML): no panic, every error names the
// input.
func FuzzSources(f *testing.F) {
	if testing.Short() {
		f.Skip("fuzzing")
	}
	f.Add(warcFile(1, true))
	f.Add(warcFile(1, false))
	f.Add([]byte(fmt.Sprintf(rss, "https://x.example", "long text")))
	f.Add([]byte(page))
	f.Add([]byte(`{"text":"a"}` + "\n" + `{"html":"<p>b</p>"}`))
	f.Add([]byte(`[{"text":"a"},{"text":1}]`))
	f.Add(gz([]byte(page)))
	f.Add([]byte("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content>x</content></entry></feed>"))
	r := ingest.Reader{Fetcher: offline(), MaxBytes: 1 << 16}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		for in, err := range r.Sources(context.Background(), []string{"-"}, bytes.NewReader(data)) {
			if err != nil && !strings.HasPrefix(err.Error(), "-") && !strings.Contains(err.Error(), "://") && !strings.HasPrefix(err.Error(), "x.example") {
				t.Errorf("error does not name its input: %v", err)
			}
			_ = in
		}
	})
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"newsgraph/internal/article"
)

var (
	defaultFetcherOnce sync.Once
	defaultFetcher     *Fetcher
)

func (r Reader) fetcher() *Fetcher {
	if r.Fetcher != nil {
		return r.Fetcher
	}
	defaultFetcherOnce.Do(func() { defaultFetcher = NewFetcher(FetchOptions{}) })
	return defaultFetcher
}

func (r Reader) seen(ctx context.Context, url string) bool {
	return r.Seen != nil && r.Seen(ctx, url)
}

// url fetches one URL given as a source: an article page, a text, or a
// feed whose items are read in turn.
func (r Reader) url(ctx context.Context, u string, yield func(article.Input, error) bool) bool {
	fail := func(err error) bool {
		return yield(article.Input{Origin: u}, &article.InputError{Origin: u, Err: err})
	}
	page, err := r.fetcher().Get(ctx, u)
	if err != nil {
		return fail(err)
	}
	data := page.Body
	if isGzip(data) {
		zr, err := gunzip(bytes.NewReader(data), r.maxDecompressed())
		if err != nil {
			return fail(err)
		}
		if data, err = readCapped(zr, r.max()); err != nil {
			return fail(err)
		}
	}
	ct := strings.ToLower(page.ContentType)
	head := bytes.TrimLeft(data[:min(len(data), 4096)], "\ufeff \t\r\n")
	switch {
	case looksFeed(head) || strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json"):
		return r.feed(ctx, data, u, yield)
	case strings.HasPrefix(ct, "text/plain"):
		in, err := r.bytesInput(data, u, FormatText, ct)
		in.URL = page.URL
		return yield(in, err)
	}
	in, err := r.bytesInput(data, u, FormatHTML, page.ContentType)
	in.URL = page.URL
	return yield(in, err)
}

// summaryWords is the length under which a feed item's content is taken
// for a summary, and its page is fetched for the full text.
const summaryWords = 150

// feedWindow is how many item pages are fetched ahead of the one being
// yielded (the Fetcher's per-host limit still applies).
const feedWindow = 8

// feed yields the items of an RSS, Atom or JSON feed in feed order. An
// item whose content is only a summary is replaced by its page, fetched;
// items already stored (Seen) are skipped without fetching.
func (r Reader) feed(ctx context.Context, data []byte, origin string, yield func(article.Input, error) bool) bool {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return yield(article.Input{Origin: origin}, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: feed: %v", article.ErrFormat, err)})
	}
	type result struct {
		in  article.Input
		err error
	}
	// Each item gets a channel; pages are fetched up to feedWindow ahead,
	// and results are yielded in order.
	slots := make(chan struct{}, feedWindow)
	pending := make([]chan result, 0, len(f.Items))
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: stop fetching once the reader stops
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := func(i int, it *gofeed.Item) chan result {
		ch := make(chan result, 1)
		in := itemInput(f, it, origin, i)
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if wordCount(body) >= summaryWords || !isURL(in.URL) {
			if strings.TrimSpace(body) == "" {
				ch <- result{in, &article.InputError{Origin: in.Origin, Err: fmt.Errorf("%w: feed item has no content and no link", article.ErrEmpty)}}
				return ch
			}
			in.HTML = body
			ch <- result{in, nil}
			return ch
		}
		if r.seen(ctx, in.URL) {
			ch <- result{in, errSeen}
			return ch
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			ch <- result{in, ctx.Err()}
			return ch
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			page, err := r.fetcher().Get(ctx, in.URL)
			if err != nil {
				ch <- result{in, &article.InputError{Origin: in.Origin, Err: fmt.Errorf("fetch item page: %w", err)}}
				return
			}
			got, err := r.bytesInput(page.Body, in.Origin, FormatHTML, page.ContentType)
			in.HTML = got.HTML
			if page.URL != "" {
				in.URL = page.URL
			}
			ch <- result{in, err}
		}()
		return ch
	}
	next := 0
	for i, it := range f.Items {
		pending = append(pending, start(i, it))
		// Yield what is ready in order once the window is full.
		for len(pending)-next >= feedWindow {
			res := <-pending[next]
			next++
			if res.err == errSeen {
				continue
			}
			if !yield(res.in, res.err) {
				return false
			}
		}
	}
	for ; next < len(pending); next++ {
		res := <-pending[next]
		if res.err == errSeen {
			continue
		}
		if !yield(res.in, res.err) {
			return false
		}
	}
	return true
}

// errSeen marks a feed item skipped because it is stored already.
var errSeen = fmt.Errorf("already stored")

// itemInput makes the Input of a feed item, without its body.
func itemInput(f *gofeed.Feed, it *gofeed.Item, origin string, i int) article.Input {
	in := article.Input{
		URL:    strings.TrimSpace(it.Link),
		Title:  strings.TrimSpace(it.Title),
		Outlet: strings.TrimSpace(f.Title),
	}
	in.Origin = in.URL
	if !isURL(in.URL) {
		in.Origin = fmt.Sprintf("%s#%d", origin, i+1)
	}
	switch {
	case it.PublishedParsed != nil:
		in.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
	case it.UpdatedParsed != nil:
		in.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
	default:
		in.Published = it.Published
	}
	if f.Language != "" {
		in.Language = strings.ToLower(f.Language[:min(len(f.Language), 2)])
	}
	return in
}

// wordCount counts the words of an HTML fragment outside its tags.
func wordCount(html string) int {
	n, inTag, inWord := 0, false, false
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch {
		case c == '<':
			inTag, inWord = true, false
		case c == '>':
			inTag = false
		case inTag:
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			inWord = false
		case !inWord:
			inWord = true
			n++
		}
	}
	return n
}

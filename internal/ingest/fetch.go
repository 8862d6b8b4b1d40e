package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsgraph/internal/article"
)

// UserAgent names the project to the sites it fetches from.
const UserAgent = "newsgraph/0.1 (news analysis; polite fetcher)"

// Errors of fetching.
var (
	// ErrRedirectLoop means a URL redirected back to itself (directly or
	// through others) or redirected too many times.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrNotArticle means the response is not a page, feed or text (an
	// image, a PDF, an archive).
	ErrNotArticle = errors.New("not an article")
)

// FetchOptions bound what a Fetcher does. Zero fields take the defaults
// given.
type FetchOptions struct {
	// UserAgent is sent with every request (UserAgent).
	UserAgent string
	// Timeout bounds one attempt: connection, headers and body (30 s).
	Timeout time.Duration
	// MaxBytes caps a response body after decompression (MaxArticleBytes).
	MaxBytes int64
	// Retries is the number of attempts after the first for network errors,
	// 429 and 5xx answers (2); Backoff the first wait, doubled each time
	// and capped at 30 s (1 s). A Retry-After header is honoured up to the
	// cap.
	Retries int
	Backoff time.Duration
	// PerHost caps concurrent requests to one host (2).
	PerHost int
	// MaxRedirects caps redirects followed for one request (10).
	MaxRedirects int
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
}

// Fetcher gets pages over HTTP(S) politely: bounded time and size, few
// requests per host at once, retries with backoff, a User-Agent naming the
// project. It is safe for concurrent use.
type Fetcher struct {
	opt    FetchOptions
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]chan struct{}
}

// NewFetcher returns a Fetcher with opt's bounds.
func NewFetcher(opt FetchOptions) *Fetcher {
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = MaxArticleBytes
	}
	if opt.Retries < 0 {
		opt.Retries = 0
	} else if opt.Retries == 0 {
		opt.Retries = 2
	}
	if opt.Backoff <= 0 {
		opt.Backoff = time.Second
	}
	if opt.PerHost <= 0 {
		opt.PerHost = 2
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = 10
	}
	tr := opt.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConnsPerHost:   opt.PerHost,
			IdleConnTimeout:       60 * time.Second,
		}
	}
	f := &Fetcher{opt: opt, hosts: map[string]chan struct{}{}}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= opt.MaxRedirects {
				return fmt.Errorf("%w: more than %d redirects", ErrRedirectLoop, opt.MaxRedirects)
			}
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("%w: %s redirects back to itself", ErrRedirectLoop, req.URL)
				}
			}
			return nil
		},
	}
	return f
}

// Page is a fetched response.
type Page struct {
	// URL is the address after redirects.
	URL         string
	ContentType string
	Body        []byte
}

// Get fetches url. Errors name the URL; a body over MaxBytes fails with
// article.ErrTooLarge without being read whole.
func (f *Fetcher) Get(ctx context.Context, url string) (*Page, error) {
	var lastErr error
	wait := f.opt.Backoff
	for attempt := 0; attempt <= f.opt.Retries; attempt++ {
		if attempt > 0 {
			// Jitter spreads the retries of many items to one host.
			d := wait + time.Duration(rand.Int64N(int64(wait)/4+1))
			var ra *retryAfter
			if errors.As(lastErr, &ra) && ra.d > d {
				d = min(ra.d, 30*time.Second)
			}
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			wait = min(2*wait, 30*time.Second)
		}
		page, err, retry := f.get(ctx, url)
		if err == nil {
			return page, nil
		}
		lastErr = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

type retryAfter struct {
	status int
	d      time.Duration
}

func (e *retryAfter) Error() string { return fmt.Sprintf("HTTP %d", e.status) }

// get makes one attempt and says whether another may succeed.
func (f *Fetcher) get(ctx context.Context, url string) (page *Page, err error, retry bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err), false
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("bad URL: scheme %q is not http or https", req.URL.Scheme), false
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	release, err := f.acquire(ctx, req.URL.Host)
	if err != nil {
		return nil, err, false
	}
	defer release()
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrRedirectLoop) {
			return nil, unwrapURLError(err), false
		}
		return nil, unwrapURLError(err), true
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		ra := &retryAfter{status: resp.StatusCode}
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
			ra.d = time.Duration(s) * time.Second
		}
		return nil, ra, true
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode), false
	}
	ct := resp.Header.Get("Content-Type")
	if !textual(ct) {
		return nil, fmt.Errorf("%w: content type %s", ErrNotArticle, ct), false
	}
	if resp.ContentLength > f.opt.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over %d", article.ErrTooLarge, resp.ContentLength, f.opt.MaxBytes), false
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", unwrapURLError(err)), true
	}
	if int64(len(body)) > f.opt.MaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", article.ErrTooLarge, f.opt.MaxBytes), false
	}
	return &Page{URL: resp.Request.URL.String(), ContentType: ct, Body: body}, nil, false
}

// acquire takes one of host's request slots.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	f.mu.Lock()
	sem, ok := f.hosts[host]
	if !ok {
		sem = make(chan struct{}, f.opt.PerHost)
		f.hosts[host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// textual reports content types a news page, feed or text can have; an
// empty type is let through to be sniffed.
func textual(ct string) bool {
	ct = strings.ToLower(ct)
	if ct == "" {
		return true
	}
	for _, p := range []string{"text/", "application/xhtml", "application/xml", "application/rss", "application/atom", "application/rdf", "application/json", "application/feed+json", "application/ld+json"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

// unwrapURLError drops *url.Error's repetition of method and URL: the
// caller names the URL already.
func unwrapURLError(err error) error {
	var ue *neturl.Error
	if !errors.As(err, &ue) {
		return err
	}
	if ue.Timeout() {
		return fmt.Errorf("no answer in time: %w", ue.Err)
	}
	return ue.Err
}

// Package ingest turns sources into article.Inputs: files, directories and
// globs, stdin, JSON and JSONL, HTML pages, RSS and Atom feeds, WARC files
// (CC-NEWS style), http(s) URLs of articles or feeds, and any of these
// gzip-compressed. A bad item yields an error naming it (file, file:line,
// file@offset or URL) and the reading goes on with the next one.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// MaxArticleBytes is the default cap on one article's raw size.
const MaxArticleBytes = 16 << 20

// Format is how an input's bytes are to be read.
type Format int

// Formats.
const (
	FormatAuto Format = iota
	FormatText
	FormatHTML
	FormatJSON // a JSON object, an array of them, or JSONL
	FormatFeed // RSS, Atom or JSON Feed
	FormatWARC // WARC or WARC.gz
)

// Reader reads article inputs from files, streams and URLs. The zero
// Reader works; its fields bound and observe the reading.
type Reader struct {
	// MaxBytes caps one article (a file, a JSONL line, a WARC record, a
	// fetched page); zero means MaxArticleBytes.
	MaxBytes int
	// Format forces a format; FormatAuto detects it from the name and the
	// first bytes.
	Format Format
	// MaxDecompressed caps what one gzip file may expand to
	// (DefaultMaxDecompressed); past 64 MB, expanding over 200 times is
	// taken for a gzip bomb whatever the cap.
	MaxDecompressed int64
	// Fetcher gets URLs and feed items' pages; nil means a Fetcher with
	// the default bounds.
	Fetcher *Fetcher
	// Seen, when set, is asked before a URL is fetched; true skips it (an
	// article already stored).
	Seen func(ctx context.Context, url string) bool
	// Warn receives problems that do not stop an input, such as an
	// unknown charset; nil drops them.
	Warn func(origin string, err error)
	// Progress, when set, is called with the number of bytes read from
	// files and stdin as they are read.
	Progress func(n int64)
}

func (r Reader) max() int {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return MaxArticleBytes
}

func (r Reader) maxDecompressed() int64 {
	if r.MaxDecompressed > 0 {
		return r.MaxDecompressed
	}
	return DefaultMaxDecompressed
}

func (r Reader) warn(origin string, err error) {
	if r.Warn != nil && err != nil {
		r.Warn(origin, err)
	}
}

// Paths is Sources without a context, for callers that read files only.
func (r Reader) Paths(paths []string, stdin io.Reader) iter.Seq2[article.Input, error] {
	return r.Sources(context.Background(), paths, stdin)
}

// Sources yields the inputs of each source: "-" is stdin, an http(s) URL
// is fetched (an article page, or a feed whose items are read), a
// directory is walked in lexical order, a pattern with * ? [ is a glob.
// Errors are *article.InputError naming the file (and line or offset) or
// URL; the sequence goes on after them.
func (r Reader) Sources(ctx context.Context, paths []string, stdin io.Reader) iter.Seq2[article.Input, error] {
	return func(yield func(article.Input, error) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				return
			}
			if p == "-" {
				if !r.stream(ctx, stdin, "-", yield) {
					return
				}
				continue
			}
			if isURL(p) {
				if !r.url(ctx, p, yield) {
					return
				}
				continue
			}
			files, err := expand(p)
			if err != nil {
				if !yield(article.Input{Origin: p}, &article.InputError{Origin: p, Err: err}) {
					return
				}
				continue
			}
			for _, f := range files {
				if ctx.Err() != nil || !r.file(ctx, f, yield) {
					return
				}
			}
		}
	}
}

// expand resolves a path to the files it names: itself, the files under a
// directory (sorted, hidden ones skipped), or the matches of a glob.
func expand(p string) ([]string, error) {
	if strings.ContainsAny(p, "*?[") {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, fmt.Errorf("bad pattern: %w", err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("no files match")
		}
		var out []string
		for _, f := range m {
			sub, err := expand(f)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
		return out, nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && d.Type().IsRegular() {
			out = append(out, path)
		}
		return nil
	})
	return out, err
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func (r Reader) file(ctx context.Context, path string, yield func(article.Input, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(article.Input{Origin: path}, &article.InputError{Origin: path, Err: err})
	}
	defer f.Close()
	return r.stream(ctx, f, path, yield)
}

// stream reads one file or stdin, decompressing gzip.
func (r Reader) stream(ctx context.Context, rd io.Reader, name string, yield func(article.Input, error) bool) bool {
	if r.Progress != nil {
		rd = &countingReader{r: rd, add: r.Progress}
	}
	br := getReader(rd)
	defer putReader(br)
	head, _ := br.Peek(8192)
	format := r.Format
	if isGzip(head) {
		if format == FormatWARC || format == FormatAuto && (isWARCName(name) || gzipHead(head, 5) == "WARC/") {
			// WARC.gz has one gzip member per record; the WARC reader
			// takes them one by one.
			return r.warc(ctx, br, name, yield)
		}
		zr, err := gunzip(br, r.maxDecompressed())
		if err != nil {
			return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: err})
		}
		br = getReader(zr)
		defer putReader(br)
		head, _ = br.Peek(8192)
	}
	if format == FormatAuto {
		format = detect(name, head)
	}
	switch {
	case format == FormatWARC:
		return r.warc(ctx, br, name, yield)
	case format == FormatJSON && !isJSONArray(head) && !isJSONDocument(name):
		return r.jsonLines(br, name, yield)
	}
	data, err := readCapped(br, r.max())
	if err != nil {
		return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: err})
	}
	switch format {
	case FormatJSON:
		return r.jsonDocument(data, name, yield)
	case FormatFeed:
		return r.feed(ctx, data, name, yield)
	}
	in, err := r.bytesInput(data, name, format, "")
	return yield(in, err)
}

// readers are buffered readers of 64 KB kept for the next file: a BBC
// article is 2 KB, and a new 64 KB buffer a file was most of the bytes
// ingest allocated before the pipeline.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64*1024) }}

// getReader returns a buffered reader of rd from readers. It goes back
// with putReader once nothing read through it is in use: stream's
// callers get copies (strings, or slices of their own buffers).
func getReader(rd io.Reader) *bufio.Reader {
	br := readers.Get().(*bufio.Reader)
	br.Reset(rd)
	return br
}

// putReader returns br to readers, letting go of its reader.
func putReader(br *bufio.Reader) {
	br.Reset(nil)
	readers.Put(br)
}

// gzipHead returns the first n decompressed bytes of the gzip data that
// head starts with, or "".
func gzipHead(head []byte, n int) string {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return ""
	}
	b := make([]byte, n)
	k, _ := io.ReadFull(zr, b)
	return string(b[:k])
}

// bytesInput makes an Input from a text or HTML body; contentType, when
// known, names the HTML's charset.
func (r Reader) bytesInput(data []byte, name string, format Format, contentType string) (article.Input, error) {
	in := article.Input{Origin: name}
	if len(bytes.TrimSpace(data)) == 0 {
		return in, &article.InputError{Origin: name, Err: article.ErrEmpty}
	}
	if format == FormatHTML {
		html, warning := decodeHTML(data, contentType)
		r.warn(name, warning)
		if isBinary([]byte(html)) {
			return in, &article.InputError{Origin: name, Err: article.ErrBinary}
		}
		in.HTML = html
		return in, nil
	}
	if isBinary(data) {
		return in, &article.InputError{Origin: name, Err: article.ErrBinary}
	}
	in.Title, in.Text = splitTitle(string(data))
	return in, nil
}

// splitTitle takes a first line as the title when it looks like a headline:
// short, without a final stop, and followed by a blank line.
func splitTitle(s string) (title, body string) {
	s = strings.TrimLeft(s, "\ufeff \t\r\n")
	nl := strings.IndexByte(s, '\n')
	if nl < 0 {
		return "", s
	}
	first := strings.TrimSpace(s[:nl])
	rest := s[nl+1:]
	if first == "" || len(first) > 200 || strings.ContainsAny(first[len(first)-1:], ".!?:”\"") {
		return "", s
	}
	if !strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") {
		return "", s
	}
	return first, strings.TrimLeft(rest, " \t\r\n")
}

// readCapped reads all of r, or fails with ErrTooLarge past max bytes.
func readCapped(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w: over %d bytes", article.ErrTooLarge, max)
	}
	return data, nil
}

// jsonRecord is the JSON shape of an input; fields other than these are
// ignored. Fields are decoded one by one so that a wrong type names its
// field.
type jsonRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Language  string `json:"language"`
}

func decodeRecord(raw []byte, origin string) (article.Input, error) {
	in := article.Input{Origin: origin}
	var rec jsonRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			err = fmt.Errorf("%w: field %q is a JSON %s, want a string", article.ErrFormat, te.Field, te.Value)
		} else {
			err = fmt.Errorf("%w: %v", article.ErrFormat, err)
		}
		return in, &article.InputError{Origin: origin, Err: err}
	}
	in.URL, in.Title, in.Outlet, in.Published, in.Language = rec.URL, rec.Title, rec.Outlet, rec.Published, rec.Language
	in.Text, in.HTML = rec.Text, rec.HTML
	switch {
	case strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "":
		return in, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: no \"text\" or \"html\" field", article.ErrEmpty)}
	case in.Text != "" && in.HTML != "":
		in.HTML = "" // text wins: it is what the publisher meant as the body
	}
	return in, nil
}

// jsonLines reads JSONL: one object per line, each line's error its own.
func (r Reader) jsonLines(br *bufio.Reader, name string, yield func(article.Input, error) bool) bool {
	line := 0
	for {
		raw, tooLong, err := readLine(br, r.max())
		if len(raw) == 0 && err != nil {
			if err != io.EOF {
				return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: err})
			}
			return true
		}
		line++
		origin := fmt.Sprintf("%s:%d", name, line)
		if err != nil && err != io.EOF {
			// A read error (a broken or exploding gzip stream) ends the
			// file: what follows cannot be framed.
			return yield(article.Input{Origin: origin}, &article.InputError{Origin: origin, Err: err})
		}
		switch {
		case tooLong:
			if !yield(article.Input{Origin: origin}, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: line over %d bytes", article.ErrTooLarge, r.max())}) {
				return false
			}
		case len(bytes.TrimSpace(raw)) == 0:
		default:
			if !yield(decodeRecord(raw, origin)) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line of at most max bytes; a longer line is read to
// its end and reported with tooLong set and no content.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return []byte{'x'}, true, err
		}
		return line, false, err
	}
}

// jsonDocument reads a file holding one JSON object or an array of them.
func (r Reader) jsonDocument(data []byte, name string, yield func(article.Input, error) bool) bool {
	trim := bytes.TrimSpace(data)
	if len(trim) > 0 && trim[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trim, &items); err != nil {
			return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: fmt.Errorf("%w: %v", article.ErrFormat, err)})
		}
		for i, raw := range items {
			if !yield(decodeRecord(raw, fmt.Sprintf("%s[%d]", name, i))) {
				return false
			}
		}
		return true
	}
	return yield(decodeRecord(trim, name))
}

// detect guesses a format from the file name, then from the first bytes.
func detect(name string, head []byte) Format {
	t := bytes.TrimLeft(head, "\ufeff \t\r\n")
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz"))) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSON
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	case ".warc":
		return FormatWARC
	case ".rss", ".atom":
		return FormatFeed
	}
	switch {
	case bytes.HasPrefix(t, []byte("WARC/")):
		return FormatWARC
	case looksFeed(t):
		return FormatFeed
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		return FormatJSON
	case looksHTML(t):
		return FormatHTML
	}
	return FormatText
}

func isWARCName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz")
}

// looksFeed reports XML whose root is an RSS, Atom or RDF feed.
func looksFeed(b []byte) bool {
	l := bytes.ToLower(b[:min(len(b), 2048)])
	if !bytes.HasPrefix(l, []byte("<")) {
		return false
	}
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if bytes.Contains(l, []byte(root)) {
			return true
		}
	}
	return false
}

func looksHTML(b []byte) bool {
	l := bytes.ToLower(b[:min(len(b), 1024)])
	if bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) {
		return true
	}
	if len(l) > 0 && l[0] == '<' {
		for _, tag := range []string{"<p>", "<p ", "<body", "<div", "<article", "<head"} {
			if bytes.Contains(l, []byte(tag)) {
				return true
			}
		}
	}
	return false
}

func isJSONArray(head []byte) bool {
	t := bytes.TrimLeft(head, "\ufeff \t\r\n")
	return len(t) > 0 && t[0] == '['
}

// isJSONDocument reports a .json file, read whole rather than by line.
func isJSONDocument(name string) bool { return strings.EqualFold(filepath.Ext(name), ".json") }

// isBinary reports data that is not text: NUL bytes, or mostly control
// bytes and invalid UTF-8 in its first 8 KB.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if (r == utf8.RuneError && size == 1 && i+4 < len(head)) || (r < 32 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}

// Slice yields inputs already in memory, with no errors.
func Slice(inputs []article.Input) iter.Seq2[article.Input, error] {
	return func(yield func(article.Input, error) bool) {
		for _, in := range inputs {
			if !yield(in, nil) {
				return
			}
		}
	}
}

// Size returns the total size of the local files that paths name (files,
// directories, globs), for progress and ETA. known is false when a path is
// stdin or a URL, whose size cannot be told in advance.
func Size(paths []string) (total int64, known bool) {
	known = true
	for _, p := range paths {
		if p == "-" || isURL(p) {
			known = false
			continue
		}
		files, err := expand(p)
		if err != nil {
			continue
		}
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				total += st.Size()
			}
		}
	}
	return total, known
}

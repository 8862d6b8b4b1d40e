package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"newsgraph/internal/article"
)

// Limits of decompression: past bombMinBytes of output, a stream that
// has grown more than bombRatio times its input is taken for a gzip bomb.
// Deflate cannot exceed about 1,000:1; real text and HTML stay under 20:1.
const (
	bombRatio    = 200
	bombMinBytes = 64 << 20
	// DefaultMaxDecompressed caps the output of one compressed file.
	DefaultMaxDecompressed = 64 << 30
)

// isGzip reports gzip's magic bytes.
func isGzip(head []byte) bool { return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b }

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
	// add, when set, receives each read's size (progress).
	add func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.add != nil && n > 0 {
		c.add(int64(n))
	}
	return n, err
}

// bombReader fails a decompressed stream that grows too large or too fast.
type bombReader struct {
	r    io.Reader
	in   *countingReader // compressed bytes read
	out  int64
	max  int64
	name string
}

func (b *bombReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.out += int64(n)
	if b.out > b.max {
		return n, fmt.Errorf("%w: decompresses to over %d bytes", article.ErrTooLarge, b.max)
	}
	if b.out > bombMinBytes && b.out > bombRatio*max(b.in.n, 1) {
		return n, fmt.Errorf("%w: %d compressed bytes expand to over %d (a gzip bomb?)", article.ErrTooLarge, b.in.n, b.out)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		// the stream stops mid-member: a download or copy cut short
		err = fmt.Errorf("%w: gzip data truncated after %d compressed bytes", article.ErrFormat, b.in.n)
	}
	return n, err
}

// gunzip returns a reader of r's decompressed bytes, capped against bombs.
func gunzip(r io.Reader, maxOut int64) (io.Reader, error) {
	in := &countingReader{r: r}
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", article.ErrFormat, err)
	}
	return &bombReader{r: zr, in: in, max: maxOut}, nil
}

// decodeHTML returns an HTML page's text as UTF-8. The encoding comes from
// a byte-order mark, the Content-Type's charset, a <meta> charset, or a
// guess (UTF-8 when the bytes are valid UTF-8, else windows-1252). When
// the page names a charset that is not known, the guess is used and
// warning says so.
func decodeHTML(data []byte, contentType string) (s string, warning error) {
	label := declaredCharset(data, contentType)
	if label != "" {
		if enc, _ := charset.Lookup(label); enc == nil {
			warning = fmt.Errorf("unknown charset %q", label)
		}
	}
	if utf8.Valid(data) && (label == "" || warning != nil || isUTF8Label(label)) {
		return string(data), warning
	}
	ct := contentType
	if warning != nil {
		ct = "" // let the meta prescan or the guess decide
	}
	enc, name, _ := charset.DetermineEncoding(data, ct)
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), fmt.Errorf("decode %s: %w", name, err)
	}
	if warning != nil {
		warning = fmt.Errorf("%w, read as %s", warning, name)
	}
	return string(out), warning
}

func isUTF8Label(l string) bool {
	l = strings.ToLower(strings.TrimSpace(l))
	return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"
}

// declaredCharset returns the charset a Content-Type or the page's first
// 1,024 bytes name, or "".
func declaredCharset(data []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
			return params["charset"]
		}
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	i := bytes.Index(head, []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(head[i+len("charset="):], `"' `)
	end := bytes.IndexAny(rest, "\"'; />\r\n\t")
	if end < 0 {
		end = len(rest)
	}
	return string(rest[:end])
}

package ingest

import (
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	warc "github.com/nlnwa/gowarc/v3"

	"newsgraph/internal/article"
)

// warc yields the HTML pages of a WARC or WARC.gz file: response records
// with status 200 and an HTML content type. Other records (requests,
// metadata, redirects, images) are skipped. A record that is truncated or
// malformed yields an error naming file@offset; reading stops there, since
// the rest of the file cannot be framed.
//
// nlnwa/gowarc was chosen over internetarchive/gowarc by measurement: the
// same speed on a generated CC-NEWS-style file, 40% fewer bytes allocated,
// blocks streamed rather than spooled, and far fewer dependencies.
func (r Reader) warc(ctx context.Context, rd io.Reader, name string, yield func(article.Input, error) bool) bool {
	// Syntax and spec problems are collected as warnings (the default):
	// ignoring spec violations makes the library drop a record's length
	// and cut blocks at 4 KB, and the warnings are how a truncated record
	// shows.
	wr, err := warc.NewWarcFileReaderFromStream(rd, 0,
		warc.WithUnknownRecordTypePolicy(warc.ErrIgnore),
		warc.WithBufferMaxMemBytes(1<<20))
	if err != nil {
		return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: err})
	}
	defer wr.Close()
	for ctx.Err() == nil {
		rec, err := wr.Next()
		origin := fmt.Sprintf("%s@%d", name, rec.Offset)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			rec.Close()
			return yield(article.Input{Origin: origin}, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: WARC record truncated or malformed: %v", article.ErrFormat, err)})
		}
		if trunc := truncation(rec.Validation); trunc != nil {
			rec.Close()
			return yield(article.Input{Origin: origin}, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: WARC record truncated: %v", article.ErrFormat, trunc)})
		}
		in, ok, err := r.warcRecord(rec, origin)
		rec.Close()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return yield(in, &article.InputError{Origin: origin, Err: fmt.Errorf("%w: WARC record truncated: %v", article.ErrFormat, err)})
		}
		if !ok {
			continue
		}
		if err != nil {
			// Name the record both ways: where it is and what it was.
			err = &article.InputError{Origin: strings.TrimSpace(origin + " " + in.URL), Err: err}
		}
		if !yield(in, err) {
			return false
		}
	}
	return false
}

// truncation returns the validation finding that shows a record cut
// short, or nil.
func truncation(findings []error) error {
	for _, f := range findings {
		msg := f.Error()
		if strings.Contains(msg, "content length mismatch") || strings.Contains(msg, "end of record marker") {
			return f
		}
	}
	return nil
}

// warcRecord makes the Input of one record; ok is false for records that
// are not HTML pages.
func (r Reader) warcRecord(rec warc.Record, origin string) (in article.Input, ok bool, err error) {
	wrec := rec.WarcRecord
	if wrec == nil || wrec.Type() != warc.Response {
		return in, false, nil
	}
	block, isHTTP := wrec.Block().(warc.HttpResponseBlock)
	if !isHTTP || block.HttpStatusCode() != 200 {
		return in, false, nil
	}
	h := block.HttpHeader()
	ct := ""
	if h != nil {
		ct = h.Get("Content-Type")
	}
	lct := strings.ToLower(ct)
	if ct != "" && !strings.Contains(lct, "html") {
		return in, false, nil
	}
	url := wrec.WarcHeader().Get(warc.WarcTargetURI)
	in = article.Input{Origin: url, URL: url}
	if url == "" {
		in.Origin = origin
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return in, true, err
	}
	// io.LimitReader also hides the payload reader's WriteTo, which does
	// not deliver the whole block.
	data, err := io.ReadAll(io.LimitReader(payload, int64(r.max())+1))
	if err != nil {
		return in, true, err
	}
	if len(data) > r.max() {
		return in, true, fmt.Errorf("%w: page over %d bytes", article.ErrTooLarge, r.max())
	}
	if h != nil {
		if data, err = r.contentDecode(data, h.Get("Content-Encoding")); err != nil {
			return in, true, err
		}
	}
	in, err = r.bytesInput(data, in.Origin, FormatHTML, ct)
	in.URL = url
	return in, true, err
}

// contentDecode undoes a Content-Encoding kept in the archive, capped like
// any decompression.
func (r Reader) contentDecode(data []byte, encoding string) ([]byte, error) {
	var rd io.Reader
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "gzip", "x-gzip":
		if !isGzip(data) {
			return data, nil // already decoded by the crawler
		}
		zr, err := gunzip(bytes.NewReader(data), r.maxDecompressed())
		if err != nil {
			return nil, err
		}
		rd = zr
	case "deflate":
		rd = flate.NewReader(bytes.NewReader(data))
	default:
		return data, nil
	}
	return readCapped(rd, r.max())
}

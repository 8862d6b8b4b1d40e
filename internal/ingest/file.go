// Package ingest turns sources (files, directories, stdin, JSONL, HTML
// pages) into article.Inputs. A bad item yields an error naming it and the
// reading goes on with the next one.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
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
)

// Reader reads article inputs from files and streams.
type Reader struct {
	// MaxBytes caps one article (a file, or a JSONL line); zero means
	// MaxArticleBytes.
	MaxBytes int
	// Format forces a format; FormatAuto detects it from the name and the
	// first bytes.
	Format Format
}

func (r Reader) max() int {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return MaxArticleBytes
}

// Paths yields the inputs of each path: "-" is stdin, a directory is walked
// in lexical order. Errors are *article.InputError naming the file (and
// line for JSONL); the sequence goes on after them.
func (r Reader) Paths(paths []string, stdin io.Reader) iter.Seq2[article.Input, error] {
	return func(yield func(article.Input, error) bool) {
		for _, p := range paths {
			if p == "-" {
				if !r.stream(stdin, "-", yield) {
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
				if !r.file(f, yield) {
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

func (r Reader) file(path string, yield func(article.Input, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(article.Input{Origin: path}, &article.InputError{Origin: path, Err: err})
	}
	defer f.Close()
	return r.stream(f, path, yield)
}

// stream reads one file or stdin.
func (r Reader) stream(rd io.Reader, name string, yield func(article.Input, error) bool) bool {
	br := bufio.NewReaderSize(rd, 64*1024)
	head, _ := br.Peek(8192)
	format := r.Format
	if format == FormatAuto {
		format = detect(name, head)
	}
	if format == FormatJSON && !isJSONArray(head) && !isJSONDocument(name) {
		return r.jsonLines(br, name, yield)
	}
	data, err := readCapped(br, r.max())
	if err != nil {
		return yield(article.Input{Origin: name}, &article.InputError{Origin: name, Err: err})
	}
	if format == FormatJSON {
		return r.jsonDocument(data, name, yield)
	}
	in, err := bytesInput(data, name, format)
	return yield(in, err)
}

// bytesInput makes an Input from a text or HTML body.
func bytesInput(data []byte, name string, format Format) (article.Input, error) {
	in := article.Input{Origin: name}
	if len(bytes.TrimSpace(data)) == 0 {
		return in, &article.InputError{Origin: name, Err: article.ErrEmpty}
	}
	if isBinary(data) {
		return in, &article.InputError{Origin: name, Err: article.ErrBinary}
	}
	if format == FormatHTML {
		in.HTML = string(data)
	} else {
		in.Title, in.Text = splitTitle(string(data))
	}
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
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz"))) {
	case ".jsonl", ".ndjson", ".json":
		return FormatJSON
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	t := bytes.TrimLeft(head, "\ufeff \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return FormatJSON
	}
	if looksHTML(t) {
		return FormatHTML
	}
	return FormatText
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

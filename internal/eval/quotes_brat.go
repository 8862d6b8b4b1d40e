package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/article"
)

// GoldRelation is one attribution relation of a PolNeAR (brat standoff)
// annotation, with spans as byte offsets into the article text.
type GoldRelation struct {
	Content []article.Span
	Source  []article.Span
	Cue     []article.Span
}

// BratDoc is one article with one annotator's relations.
type BratDoc struct {
	// Name is the article's file name without extension.
	Name string
	// Annotator is the suffix of the .ann file ("4e07"), empty when the
	// annotation is NAME.ann.
	Annotator string
	Text      string
	Relations []GoldRelation
}

// ReadBrat reads a brat standoff annotation of PolNeAR attribution
// relations for the article text txt. Offsets in the file count code
// points; they are turned into byte offsets. Lines other than T and E
// (notes, continuation lines of multi-line surfaces) are skipped, and so
// are relations without a Content.
func ReadBrat(txt string, ann io.Reader) ([]GoldRelation, error) {
	toByte := codePointOffsets(txt)
	spans := map[string][]article.Span{}
	type erow struct {
		content     []string // Content, and Content2 … when a relation's content was annotated in parts
		source, cue string
	}
	var rows []erow
	sc := bufio.NewScanner(ann)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || len(f[0]) < 2 {
			continue
		}
		id := f[0]
		switch {
		case id[0] == 'T' && isDigits(id[1:]):
			typ, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: no offsets", line)
			}
			_ = typ
			var ss []article.Span
			for _, part := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
				if !ok {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, part)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(toByte) {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, part)
				}
				ss = append(ss, article.Span{Start: toByte[s], End: toByte[e]})
			}
			spans[id] = ss
		case id[0] == 'E' && isDigits(id[1:]):
			var r erow
			for _, arg := range strings.Fields(f[1]) {
				role, ref, _ := strings.Cut(arg, ":")
				switch role {
				case "Content", "Content2", "Content3", "Content4":
					r.content = append(r.content, ref)
				case "Source":
					r.source = ref
				case "Cue":
					r.cue = ref
				}
			}
			rows = append(rows, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []GoldRelation
	for _, r := range rows {
		var c []article.Span
		for _, ref := range r.content {
			c = append(c, spans[ref]...)
		}
		if len(c) == 0 {
			continue
		}
		out = append(out, GoldRelation{Content: c, Source: spans[r.source], Cue: spans[r.cue]})
	}
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// codePointOffsets maps each code-point offset of s (and the end) to its
// byte offset.
func codePointOffsets(s string) []int {
	out := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// ReadBratDir finds the PolNeAR articles under dir: every .ann file with
// its text, either NAME.txt beside NAME.ann, or, in the PolNeAR layout,
// ../text/NAME.txt for attributions/NAME_ANNOTATOR.ann. When an article
// has several annotators, the first in sort order is used. Articles come
// in path order.
func ReadBratDir(dir string) ([]BratDoc, error) {
	var anns []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".ann") {
			anns = append(anns, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var docs []BratDoc
	for _, p := range anns {
		txt, name, annotator, ok := bratText(p)
		if !ok {
			return nil, fmt.Errorf("%s: no text file found", p)
		}
		if seen[txt] {
			continue
		}
		seen[txt] = true
		b, err := os.ReadFile(txt)
		if err != nil {
			return nil, fmt.Errorf("read text: %w", err)
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("open annotation: %w", err)
		}
		rels, err := ReadBrat(string(b), f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		docs = append(docs, BratDoc{Name: name, Annotator: annotator, Text: string(b), Relations: rels})
	}
	return docs, nil
}

// bratText finds the text file of annotation file p.
func bratText(p string) (txt, name, annotator string, ok bool) {
	base := strings.TrimSuffix(filepath.Base(p), ".ann")
	dir := filepath.Dir(p)
	if t := filepath.Join(dir, base+".txt"); fileExists(t) {
		return t, base, "", true
	}
	if i := strings.LastIndexByte(base, '_'); i > 0 {
		name, annotator = base[:i], base[i+1:]
		for _, t := range []string{
			filepath.Join(dir, name+".txt"),
			filepath.Join(filepath.Dir(dir), "text", name+".txt"),
		} {
			if fileExists(t) {
				return t, name, annotator, true
			}
		}
	}
	return "", "", "", false
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

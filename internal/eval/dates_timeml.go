package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"newsgraph/internal/article"
)

// TimeMLDoc is one TimeML (.tml) document read for date scoring: the text
// of its <TEXT> element with every tag removed and entities decoded, its
// document creation time, and the TIMEX3 elements inside <TEXT> with their
// byte spans in that text.
type TimeMLDoc struct {
	// Path is the file the document came from.
	Path string
	// ID is the <DOCID>, or the file name when there is none.
	ID string
	// DCT is the value of the creation-time TIMEX3 (the publication date);
	// it is given to the system and never scored.
	DCT string
	// Text is the content of <TEXT> without tags.
	Text string
	// Timexes are the gold temporal expressions in Text, by start.
	Timexes []Timex
}

// Timex is one gold TIMEX3.
type Timex struct {
	Span  article.Span
	Text  string
	Type  string
	Value string
	Mod   string
}

// ReadTimeMLDir reads every .tml file under dir, in lexical path order.
func ReadTimeMLDir(dir string) ([]TimeMLDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read timeml dir: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("read timeml dir: no .tml files under %s", dir)
	}
	sort.Strings(paths)
	docs := make([]TimeMLDoc, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("read timeml: %w", err)
		}
		doc, err := ReadTimeML(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read timeml %s: %w", p, err)
		}
		doc.Path = p
		if doc.ID == "" {
			doc.ID = strings.TrimSuffix(filepath.Base(p), ".tml")
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// ReadTimeML reads one TimeML document.
func ReadTimeML(r io.Reader) (TimeMLDoc, error) {
	var (
		doc     TimeMLDoc
		sb      strings.Builder
		inText  bool
		inDCT   bool
		inDocID bool
		open    []Timex // TIMEX3 elements begun inside TEXT and not yet ended
		depth   []bool  // for each open element inside TEXT: is it a TIMEX3
	)
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "TEXT":
				inText = true
			case t.Name.Local == "DCT":
				inDCT = true
			case t.Name.Local == "DOCID":
				inDocID = true
			case t.Name.Local == "TIMEX3" && inDCT && doc.DCT == "":
				doc.DCT = attr(t, "value")
			case inText:
				isTimex := t.Name.Local == "TIMEX3"
				depth = append(depth, isTimex)
				if isTimex {
					open = append(open, Timex{
						Span:  article.Span{Start: sb.Len()},
						Type:  attr(t, "type"),
						Value: attr(t, "value"),
						Mod:   attr(t, "mod"),
					})
				}
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "TEXT":
				inText = false
			case t.Name.Local == "DCT":
				inDCT = false
			case t.Name.Local == "DOCID":
				inDocID = false
			case inText && len(depth) > 0:
				isTimex := depth[len(depth)-1]
				depth = depth[:len(depth)-1]
				if isTimex && len(open) > 0 {
					tx := open[len(open)-1]
					open = open[:len(open)-1]
					tx.Span.End = sb.Len()
					doc.Timexes = append(doc.Timexes, tx)
				}
			}
		case xml.CharData:
			switch {
			case inText:
				sb.Write(t)
			case inDocID:
				doc.ID += strings.TrimSpace(string(t))
			}
		}
	}
	doc.Text = sb.String()
	for i := range doc.Timexes {
		tx := &doc.Timexes[i]
		tx.Text = doc.Text[tx.Span.Start:tx.Span.End]
	}
	sort.SliceStable(doc.Timexes, func(i, j int) bool { return doc.Timexes[i].Span.Start < doc.Timexes[j].Span.Start })
	return doc, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

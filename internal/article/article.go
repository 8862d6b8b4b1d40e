// Package article holds the domain types shared by every stage of newsgraph:
// the Input an article arrives as, the Record the pipeline produces for it,
// and the Doc that carries both through the stages.
//
// Every span in a Record is a half-open byte range into Record.Text, the
// cleaned body. The package has no dependencies beyond the standard library.
package article

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Span is a half-open byte range [Start, End) into Record.Text.
// It is written in JSON as a two-element array [start, end].
type Span struct {
	Start int
	End   int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// MarshalJSON writes the span as [start,end].
func (s Span) MarshalJSON() ([]byte, error) {
	// strconv, not fmt: records hold hundreds of spans, and fmt was a
	// third of the cost of encoding one.
	b := make([]byte, 0, 16)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ']'), nil
}

// UnmarshalJSON reads a span written as [start,end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Input is an article as it arrives, before any processing.
type Input struct {
	// Origin names where the article came from for error messages:
	// a file path, "path:line" for JSONL, a URL, or "-" for stdin.
	Origin string `json:"-"`
	// URL is the article's address when known.
	URL string `json:"url,omitempty"`
	// Title is the headline when the source gives it apart from the body.
	Title string `json:"title,omitempty"`
	// Outlet is the publisher ("Reuters", "The Guardian").
	Outlet string `json:"outlet,omitempty"`
	// Published is the publication time as given by the source; the pipeline
	// normalises it (RFC 3339, a date, or free text it can parse).
	Published string `json:"published,omitempty"`
	// Text is a plain-text body. Exactly one of Text and HTML is set.
	Text string `json:"text,omitempty"`
	// HTML is a whole page or an HTML fragment.
	HTML string `json:"html,omitempty"`
	// Language is the ISO 639-1 code when the source states it.
	Language string `json:"language,omitempty"`
}

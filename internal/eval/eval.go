// Package eval scores newsgraph against gold sets in their standard
// formats (CoNLL-2003, PolNeAR brat standoff, TimeML, the article-extraction
// benchmark, PETRARCH2 records, PLOVER records). The metrics are written
// from their published definitions; no outside scorer is copied. Gold data
// stays in ../shared/corpora and is never committed.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Score is precision, recall and F1 with the counts they come from.
type Score struct {
	Counts
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// PRF computes precision, recall and F1 from counts. An empty side gives 0.
func PRF(c Counts) Score {
	s := Score{Counts: c}
	if c.TP+c.FP > 0 {
		s.P = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		s.R = float64(c.TP) / float64(c.TP+c.FN)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Report is what an eval task prints: a table for people, a last line for
// scripts, or all of it as JSON.
type Report struct {
	// Task is the first word of the last line ("ner").
	Task string `json:"task"`
	// Header and Rows make the table.
	Header []string   `json:"-"`
	Rows   [][]string `json:"-"`
	// Notes are printed under the table.
	Notes []string `json:"notes,omitempty"`
	// Summary is the last line's key=value pairs, in order.
	Summary []KV `json:"summary"`
	// Detail is any task-specific data for --json.
	Detail any `json:"detail,omitempty"`
}

// KV is one key=value of the last line.
type KV struct {
	Key   string  `json:"key"`
	Value float64 `json:"value"`
}

// Row formats a table row: a label then scores as P R F1 with counts.
func Row(label string, s Score) []string {
	return []string{label, f3(s.P), f3(s.R), f3(s.F1), fmt.Sprint(s.TP), fmt.Sprint(s.FP), fmt.Sprint(s.FN)}
}

// ScoreHeader is the header matching Row.
var ScoreHeader = []string{"", "P", "R", "F1", "TP", "FP", "FN"}

func f3(x float64) string { return fmt.Sprintf("%.3f", x) }

// LastLine returns "task k=v k=v" with values to three decimals.
func (r *Report) LastLine() string {
	var sb strings.Builder
	sb.WriteString(r.Task)
	for _, kv := range r.Summary {
		fmt.Fprintf(&sb, " %s=%.3f", kv.Key, kv.Value)
	}
	return sb.String()
}

// Write prints the report: as JSON when asJSON, else the table, the notes
// and the last line.
func (r *Report) Write(w io.Writer, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	if len(r.Header) > 0 || len(r.Rows) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		if len(r.Header) > 0 {
			fmt.Fprintln(tw, strings.Join(r.Header, "\t")+"\t")
		}
		for _, row := range r.Rows {
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, n)
	}
	_, err := fmt.Fprintln(w, r.LastLine())
	return err
}

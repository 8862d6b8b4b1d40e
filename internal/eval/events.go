package eval

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/event"
	"newsgraph/internal/kb"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/text"
)

// PETRARCH2 unit-test records: <Validation><Environment>…</Environment>
// <Sentences><Sentence …><EventCoding …/><Text>…</Text></Sentence>…
type petrValidation struct {
	Env struct {
		Verbfile    string `xml:"Verbfile"`
		Actorfile   string `xml:"Actorfile"`
		Agentfile   string `xml:"Agentfile"`
		Discardfile string `xml:"Discardfile"`
	} `xml:"Environment"`
	Sentences []petrSentence `xml:"Sentences>Sentence"`
}

type petrSentence struct {
	ID       string       `xml:"id,attr"`
	Date     string       `xml:"date,attr"`
	Category string       `xml:"category,attr"`
	Active   string       `xml:"sentence,attr"`
	Codings  []petrCoding `xml:"EventCoding"`
	Text     string       `xml:"Text"`
}

type petrCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Code     string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

// EventsRecord is the outcome for one record, for --json.
type EventsRecord struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Text     string   `json:"text"`
	Gold     []string `json:"gold"`
	Got      []string `json:"got"`
}

// EventsOptions tune the events evaluation.
type EventsOptions struct {
	// KB is where the codebook (cameo.tsv) comes from.
	KB kb.Source
	// Dicts are extra dictionary files loaded with those the file names.
	Dicts []string
}

// Events scores the event coder on PETRARCH2 unit-test records: the
// dictionaries named in the file's <Environment> are loaded from beside
// it (and only they, besides opts.Dicts), every active record is coded as
// one sentence dated by its date attribute, and the (source, target,
// code) triples are compared with the expected codings: micro precision,
// recall and F1, and the same at root level (two-digit code, three-letter
// actor prefixes).
func Events(ctx context.Context, path string, opts EventsOptions) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	var v petrValidation
	if err := xml.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("eval events: parse %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	var files []string
	for _, f := range []struct{ kind, name string }{
		{"verbs", v.Env.Verbfile}, {"actors", v.Env.Actorfile}, {"agents", v.Env.Agentfile}, {"discards", v.Env.Discardfile},
	} {
		if f.name != "" {
			files = append(files, f.kind+":"+filepath.Join(dir, f.name))
		}
	}
	files = append(files, opts.Dicts...)
	dict, err := petrarch.LoadFiles(files...)
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	coder, err := event.New(event.Options{KB: opts.KB, Dict: dict, DictOnly: true})
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	var all, rootC Counts
	byCat := map[string]*Counts{}
	var recs []EventsRecord
	active := 0
	for _, s := range v.Sentences {
		if strings.TrimSpace(s.Active) == "false" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		active++
		gold := map[[3]string]bool{}
		for _, c := range s.Codings {
			if c.NoEvents != "" || c.Error != "" || c.Code == "" {
				continue
			}
			gold[[3]string{c.Source, c.Target, c.Code}] = true
		}
		txt := strings.Join(strings.Fields(s.Text), " ")
		doc := sentenceDoc(txt, s.Date)
		if err := coder.Process(ctx, doc); err != nil {
			return nil, fmt.Errorf("eval events: %s: %w", s.ID, err)
		}
		got := map[[3]string]bool{}
		for _, e := range doc.Rec.Events {
			src, tgt := e.Source, e.Target
			if src == "" {
				src = "---"
			}
			if tgt == "" {
				tgt = "---"
			}
			got[[3]string{src, tgt, e.Code}] = true
		}
		c := compare(gold, got)
		all.Add(c)
		if byCat[s.Category] == nil {
			byCat[s.Category] = &Counts{}
		}
		byCat[s.Category].Add(c)
		rootC.Add(compare(rootTriples(gold), rootTriples(got)))
		recs = append(recs, EventsRecord{ID: s.ID, Category: s.Category, Text: txt, Gold: tripleList(gold), Got: tripleList(got)})
	}
	sc, rs := PRF(all), PRF(rootC)
	r := &Report{Task: "events", Header: ScoreHeader}
	r.Rows = append(r.Rows, Row("triples", sc), Row("root", rs))
	cats := make([]string, 0, len(byCat))
	for k := range byCat {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		r.Rows = append(r.Rows, Row("  "+k, PRF(*byCat[k])))
	}
	r.Notes = append(r.Notes, fmt.Sprintf("%d active records of %d; dictionaries: %s", active, len(v.Sentences), strings.Join(dict.Files, ", ")))
	r.Summary = []KV{{"F1", sc.F1}, {"P", sc.P}, {"R", sc.R}, {"root_F1", rs.F1}}
	r.Detail = recs
	return r, nil
}

// sentenceDoc makes a Doc of one sentence dated YYYYMMDD.
func sentenceDoc(s, date string) *article.Doc {
	doc := &article.Doc{}
	doc.Rec.Text = s
	if t, err := time.Parse("20060102", strings.TrimSpace(date)); err == nil {
		doc.Published = t
		doc.Rec.Published = t.Format("2006-01-02")
	}
	doc.Tokens = text.Tokenize(s)
	if len(doc.Tokens) > 0 {
		doc.Sents = []article.Sentence{{Span: article.Span{Start: doc.Tokens[0].Start, End: doc.Tokens[len(doc.Tokens)-1].End}, First: 0, Last: len(doc.Tokens)}}
		doc.Rec.Sentences = []article.Span{doc.Sents[0].Span}
	}
	return doc
}

func compare(gold, got map[[3]string]bool) Counts {
	var c Counts
	for t := range got {
		if gold[t] {
			c.TP++
		} else {
			c.FP++
		}
	}
	for t := range gold {
		if !got[t] {
			c.FN++
		}
	}
	return c
}

func rootTriples(m map[[3]string]bool) map[[3]string]bool {
	out := map[[3]string]bool{}
	for t := range m {
		out[[3]string{prefix(t[0], 3), prefix(t[1], 3), prefix(t[2], 2)}] = true
	}
	return out
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func tripleList(m map[[3]string]bool) []string {
	out := make([]string, 0, len(m))
	for t := range m {
		out = append(out, t[0]+" "+t[1]+" "+t[2])
	}
	sort.Strings(out)
	return out
}

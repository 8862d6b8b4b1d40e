package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// NERDoc is one document of a CoNLL-2003 file: its text rebuilt from the
// tokens (joined by spaces, one sentence per line), the tokens' byte spans
// in that text, and the gold entities as token ranges.
type NERDoc struct {
	Text      string
	Tokens    []article.Span
	Sentences int
	Gold      []NERSpan
}

// NERSpan is an entity over tokens [First, Last) of a NERDoc with a
// CoNLL type: PER, ORG, LOC or MISC.
type NERSpan struct {
	First, Last int
	Type        string
}

// NER tag schemes.
const (
	IOB1 = "IOB1" // I- everywhere, B- only between two adjacent entities of one type
	IOB2 = "IOB2" // B- starts every entity
)

// ReadCoNLL reads a CoNLL-2003 file (token, POS, chunk and NER columns;
// blank line between sentences; -DOCSTART- between documents) in either
// tag scheme, and says which scheme it found. An entity starts at B-X, or
// at I-X after anything but X, which decodes both schemes.
func ReadCoNLL(r io.Reader) ([]NERDoc, string, error) {
	var (
		docs   []NERDoc
		cur    NERDoc
		sb     strings.Builder
		inSent bool
		prev   string // type of the previous token's entity, "" for O
		open   = -1   // index in cur.Gold of the entity being read
		bAfter = 0    // B- tags after O or another type: only IOB2 has them
		line   = 0
	)
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Text = sb.String()
			docs = append(docs, cur)
		}
		cur, prev, open, inSent = NERDoc{}, "", -1, false
		sb.Reset()
	}
	endSentence := func() {
		if inSent {
			cur.Sentences++
		}
		inSent, prev, open = false, "", -1
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			endSentence()
			continue
		}
		if f[0] == "-DOCSTART-" {
			endSentence()
			flush()
			continue
		}
		if len(f) < 2 {
			return nil, "", fmt.Errorf("conll line %d: want token and tag, got %q", line, sc.Text())
		}
		tag := f[len(f)-1]
		if !inSent && sb.Len() > 0 {
			sb.WriteByte('\n')
		} else if inSent {
			sb.WriteByte(' ')
		}
		inSent = true
		start := sb.Len()
		sb.WriteString(f[0])
		cur.Tokens = append(cur.Tokens, article.Span{Start: start, End: sb.Len()})
		i := len(cur.Tokens) - 1
		typ, begin := "", false
		switch {
		case tag == "O":
		case strings.HasPrefix(tag, "B-"):
			typ, begin = tag[2:], true
			if prev != typ {
				bAfter++
			}
		case strings.HasPrefix(tag, "I-"):
			typ = tag[2:]
			begin = prev != typ
		default:
			return nil, "", fmt.Errorf("conll line %d: bad tag %q", line, tag)
		}
		switch {
		case typ == "":
			open = -1
		case begin || open < 0:
			cur.Gold = append(cur.Gold, NERSpan{First: i, Last: i + 1, Type: typ})
			open = len(cur.Gold) - 1
		default:
			cur.Gold[open].Last = i + 1
		}
		prev = typ
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("read conll: %w", err)
	}
	endSentence()
	flush()
	scheme := IOB1
	if bAfter > 0 {
		scheme = IOB2
	}
	return docs, scheme, nil
}

// NERType maps an entity type of the record to a CoNLL type: PERSON → PER,
// ORG → ORG, PLACE → LOC, and NORP, EVENT, WORK_OF_ART and MISC → MISC.
func NERType(t string) string {
	switch t {
	case article.Person:
		return "PER"
	case article.Org:
		return "ORG"
	case article.Place:
		return "LOC"
	case article.NORP, article.EventNE, article.Work, article.Misc:
		return "MISC"
	}
	return ""
}

// PredictedSpans turns the entity mentions of a record made from doc.Text
// into token ranges. Only mentions by name in the body count (name,
// alias, acronym, surname, demonym): pronouns, titles and descriptions
// ("he", "the president", "the company") are no named entities, and
// mentions in embedded posts point into other texts. A mention that does not
// start and end on token boundaries is kept with First = -1 so that it
// counts as a false positive.
func PredictedSpans(doc *NERDoc, ents []article.Entity) []NERSpan {
	var out []NERSpan
	for _, e := range ents {
		typ := NERType(e.Type)
		if typ == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == "pronoun" || m.Kind == "title" || m.Kind == "description" || m.Embed != 0 {
				continue
			}
			first, okF := slices.BinarySearchFunc(doc.Tokens, m.Span.Start, func(t article.Span, off int) int { return t.Start - off })
			last, okL := slices.BinarySearchFunc(doc.Tokens, m.Span.End, func(t article.Span, off int) int { return t.End - off })
			if !okF || !okL || last < first {
				out = append(out, NERSpan{First: -1, Last: m.Span.Start, Type: typ})
				continue
			}
			out = append(out, NERSpan{First: first, Last: last + 1, Type: typ})
		}
	}
	slices.SortFunc(out, func(a, b NERSpan) int {
		if a.First != b.First {
			return a.First - b.First
		}
		return a.Last - b.Last
	})
	return slices.Compact(out)
}

// NERError is one false positive or false negative, for error analysis.
type NERError struct {
	Doc  int    `json:"doc"`
	Kind string `json:"kind"` // fp or fn
	Type string `json:"type"`
	Text string `json:"text"`
	// Other is the other side's reading of the same words when there is
	// one: the gold type of a false positive with a wrong type, …
	Other string `json:"other,omitempty"`
	// Line is the sentence the words are in.
	Line string `json:"line"`
}

// NERResult holds the counts per type.
type NERResult struct {
	ByType map[string]Counts
	Errors []NERError
}

// ScoreNER compares predicted and gold spans document by document:
// entity-level exact match of both boundaries and type.
func ScoreNER(docs []NERDoc, pred [][]NERSpan) NERResult {
	res := NERResult{ByType: map[string]Counts{}}
	text := func(d *NERDoc, s NERSpan) string {
		if s.First < 0 {
			return fmt.Sprintf("(unaligned at byte %d)", s.Last)
		}
		return d.Text[d.Tokens[s.First].Start:d.Tokens[s.Last-1].End]
	}
	line := func(d *NERDoc, s NERSpan) string {
		if s.First < 0 {
			return ""
		}
		a, b := d.Tokens[s.First].Start, d.Tokens[s.Last-1].End
		a = strings.LastIndexByte(d.Text[:a], '\n') + 1
		if i := strings.IndexByte(d.Text[b:], '\n'); i >= 0 {
			b += i
		} else {
			b = len(d.Text)
		}
		return d.Text[a:b]
	}
	for di := range docs {
		d := &docs[di]
		gold := map[NERSpan]bool{}
		goldAt := map[[2]int]string{}
		for _, g := range d.Gold {
			gold[g] = true
			goldAt[[2]int{g.First, g.Last}] = g.Type
		}
		predAt := map[[2]int]string{}
		seen := map[NERSpan]bool{}
		for _, p := range pred[di] {
			if seen[p] {
				continue
			}
			seen[p] = true
			predAt[[2]int{p.First, p.Last}] = p.Type
			c := res.ByType[p.Type]
			if gold[p] {
				c.TP++
			} else {
				c.FP++
				res.Errors = append(res.Errors, NERError{Doc: di, Kind: "fp", Type: p.Type, Text: text(d, p), Other: goldAt[[2]int{p.First, p.Last}], Line: line(d, p)})
			}
			res.ByType[p.Type] = c
		}
		for _, g := range d.Gold {
			if !seen[g] {
				c := res.ByType[g.Type]
				c.FN++
				res.ByType[g.Type] = c
				res.Errors = append(res.Errors, NERError{Doc: di, Kind: "fn", Type: g.Type, Text: text(d, g), Other: predAt[[2]int{g.First, g.Last}], Line: line(d, g)})
			}
		}
	}
	return res
}

// Report makes the eval report: a row per type, the overall PER/ORG/LOC
// score, MISC apart, and all four types together.
func (r NERResult) Report(notes ...string) *Report {
	rep := &Report{Task: "ner", Header: ScoreHeader, Notes: notes}
	var main, all Counts
	for _, t := range []string{"PER", "ORG", "LOC"} {
		c := r.ByType[t]
		main.Add(c)
		rep.Rows = append(rep.Rows, Row(t, PRF(c)))
	}
	all = main
	all.Add(r.ByType["MISC"])
	ms := PRF(main)
	rep.Rows = append(rep.Rows,
		Row("PER+ORG+LOC", ms),
		Row("MISC", PRF(r.ByType["MISC"])),
		Row("all four", PRF(all)),
	)
	rep.Summary = []KV{{"F1", ms.F1}, {"P", ms.P}, {"R", ms.R}}
	detail := map[string]Score{}
	for t, c := range r.ByType {
		detail[t] = PRF(c)
	}
	detail["PER+ORG+LOC"] = ms
	detail["all"] = PRF(all)
	rep.Detail = detail
	return rep
}

package eval

import (
	"fmt"
	"sort"
	"strings"

	"newsgraph/internal/article"
)

// DateTypes are the TIMEX3 types, in table order.
var DateTypes = []string{"DATE", "TIME", "DURATION", "SET"}

// DateResult holds the TempEval-3 timex scores over a set of documents.
//
// Extraction is scored under strict match (identical span) and relaxed
// match (any overlap), pairing gold and system timexes one to one: exact
// spans first, then the largest overlaps. Value and Type are the
// attribute scores of TempEval-3: a timex counts only when it is
// relaxed-matched and its attribute equals the gold one, so that
// value F1 = relaxed F1 × value accuracy on the matches.
type DateResult struct {
	Docs    int           `json:"docs"`
	Relaxed Score         `json:"relaxed"`
	Strict  Score         `json:"strict"`
	Value   Score         `json:"value"`
	Type    Score         `json:"type"`
	PerType []DateTypeRow `json:"per_type"`
	Errors  []DateError   `json:"errors,omitempty"`
	counts  map[string]*DateTypeRow
}

// DateTypeRow scores one TIMEX3 type: matches and misses counted by the
// gold type, false alarms by the system type; ValueAcc is the share of
// matched gold timexes of this type with the right value.
type DateTypeRow struct {
	Type     string  `json:"type"`
	Relaxed  Score   `json:"relaxed"`
	Matched  int     `json:"matched"`
	ValueOK  int     `json:"value_ok"`
	ValueAcc float64 `json:"value_acc"`
}

// DateError is one disagreement, for error analysis: a missed gold timex,
// a spurious system one, a matched one with another span, value or type.
type DateError struct {
	Doc  string `json:"doc"`
	DCT  string `json:"dct"`
	Kind string `json:"kind"` // missed, spurious, span, value, type
	// Gold and System are "text|TYPE|value"; empty when absent.
	Gold    string `json:"gold,omitempty"`
	System  string `json:"system,omitempty"`
	Context string `json:"context"`
}

// ScoreDates scores the system dates sys[i] found in docs[i]. Dates with
// End set are ranges whose parts are also reported on their own, as
// TimeML annotates them; the range itself is not scored.
func ScoreDates(docs []TimeMLDoc, sys [][]article.Date, keepErrors bool) *DateResult {
	res := &DateResult{Docs: len(docs), counts: map[string]*DateTypeRow{}}
	var relaxed, strict, value, typ Counts
	for i, doc := range docs {
		var pred []article.Date
		if i < len(sys) {
			for _, d := range sys[i] {
				if d.End == "" {
					pred = append(pred, d)
				}
			}
		}
		pairs := matchTimexes(doc.Timexes, pred)
		goldHit := make([]int, len(doc.Timexes))
		for g := range goldHit {
			goldHit[g] = -1
		}
		sysHit := make([]bool, len(pred))
		for _, p := range pairs {
			goldHit[p[0]] = p[1]
			sysHit[p[1]] = true
		}
		nStrict, nValue, nType := 0, 0, 0
		for g, s := range goldHit {
			gt := doc.Timexes[g]
			row := res.row(gt.Type)
			if s < 0 {
				row.Relaxed.FN++
				res.addError(keepErrors, doc, "missed", &gt, nil)
				continue
			}
			st := pred[s]
			row.Relaxed.TP++
			row.Matched++
			if st.Span == gt.Span {
				nStrict++
			} else {
				res.addError(keepErrors, doc, "span", &gt, &st)
			}
			if st.Value == gt.Value {
				nValue++
				row.ValueOK++
			} else {
				res.addError(keepErrors, doc, "value", &gt, &st)
			}
			if st.Type == gt.Type {
				nType++
			} else if st.Value == gt.Value {
				res.addError(keepErrors, doc, "type", &gt, &st)
			}
		}
		for s, hit := range sysHit {
			if !hit {
				res.row(pred[s].Type).Relaxed.FP++
				st := pred[s]
				res.addError(keepErrors, doc, "spurious", nil, &st)
			}
		}
		ng, ns := len(doc.Timexes), len(pred)
		relaxed.Add(Counts{TP: len(pairs), FP: ns - len(pairs), FN: ng - len(pairs)})
		strict.Add(Counts{TP: nStrict, FP: ns - nStrict, FN: ng - nStrict})
		value.Add(Counts{TP: nValue, FP: ns - nValue, FN: ng - nValue})
		typ.Add(Counts{TP: nType, FP: ns - nType, FN: ng - nType})
	}
	res.Relaxed, res.Strict, res.Value, res.Type = PRF(relaxed), PRF(strict), PRF(value), PRF(typ)
	for _, t := range DateTypes {
		if r, ok := res.counts[t]; ok {
			res.PerType = append(res.PerType, *r)
		}
	}
	var other []string
	for t := range res.counts {
		if !isDateType(t) {
			other = append(other, t)
		}
	}
	sort.Strings(other)
	for _, t := range other {
		res.PerType = append(res.PerType, *res.counts[t])
	}
	for i := range res.PerType {
		r := &res.PerType[i]
		r.Relaxed = PRF(r.Relaxed.Counts)
		if r.Matched > 0 {
			r.ValueAcc = float64(r.ValueOK) / float64(r.Matched)
		}
	}
	return res
}

func isDateType(t string) bool {
	for _, d := range DateTypes {
		if d == t {
			return true
		}
	}
	return false
}

func (r *DateResult) row(t string) *DateTypeRow {
	row, ok := r.counts[t]
	if !ok {
		row = &DateTypeRow{Type: t}
		r.counts[t] = row
	}
	return row
}

func (r *DateResult) addError(keep bool, doc TimeMLDoc, kind string, g *Timex, s *article.Date) {
	if !keep {
		return
	}
	e := DateError{Doc: doc.ID, DCT: doc.DCT, Kind: kind}
	var at article.Span
	if g != nil {
		e.Gold = g.Text + "|" + g.Type + "|" + g.Value
		at = g.Span
	}
	if s != nil {
		e.System = s.Text + "|" + s.Type + "|" + s.Value
		if g == nil {
			at = s.Span
		}
	}
	e.Context = snippet(doc.Text, at, 60)
	r.Errors = append(r.Errors, e)
}

// snippet returns up to n bytes of text either side of s, on one line,
// with s in brackets.
func snippet(t string, s article.Span, n int) string {
	lo, hi := max(s.Start-n, 0), min(s.End+n, len(t))
	for lo > 0 && lo < len(t) && t[lo]&0xc0 == 0x80 {
		lo--
	}
	for hi < len(t) && t[hi]&0xc0 == 0x80 {
		hi++
	}
	c := t[lo:s.Start] + "[" + t[s.Start:s.End] + "]" + t[s.End:hi]
	return strings.Join(strings.Fields(c), " ")
}

// matchTimexes pairs gold and system timexes one to one: identical spans
// first, then overlapping ones by decreasing overlap. It returns the
// pairs as [gold, system] indexes.
func matchTimexes(gold []Timex, sys []article.Date) [][2]int {
	gUsed := make([]bool, len(gold))
	sUsed := make([]bool, len(sys))
	var pairs [][2]int
	for g := range gold {
		for s := range sys {
			if !sUsed[s] && sys[s].Span == gold[g].Span {
				pairs = append(pairs, [2]int{g, s})
				gUsed[g], sUsed[s] = true, true
				break
			}
		}
	}
	type cand struct{ g, s, ov int }
	var cands []cand
	for g := range gold {
		if gUsed[g] {
			continue
		}
		for s := range sys {
			if sUsed[s] || !sys[s].Span.Overlaps(gold[g].Span) {
				continue
			}
			ov := min(sys[s].Span.End, gold[g].Span.End) - max(sys[s].Span.Start, gold[g].Span.Start)
			cands = append(cands, cand{g, s, ov})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].ov != cands[j].ov {
			return cands[i].ov > cands[j].ov
		}
		if cands[i].g != cands[j].g {
			return cands[i].g < cands[j].g
		}
		return cands[i].s < cands[j].s
	})
	for _, c := range cands {
		if gUsed[c.g] || sUsed[c.s] {
			continue
		}
		gUsed[c.g], sUsed[c.s] = true, true
		pairs = append(pairs, [2]int{c.g, c.s})
	}
	return pairs
}

// Report turns the result into the printed report: overall relaxed,
// strict, value and type rows, one row per gold type, and the last line
// "dates F1=… strict_F1=… value_F1=…" (F1 is the relaxed F1).
func (r *DateResult) Report() *Report {
	rep := &Report{
		Task:   "dates",
		Header: append(append([]string{}, ScoreHeader...), "value_acc"),
		Detail: r,
	}
	acc := ""
	if r.Relaxed.TP > 0 {
		acc = f3(float64(r.Value.TP) / float64(r.Relaxed.TP))
	}
	rep.Rows = append(rep.Rows,
		append(Row("relaxed", r.Relaxed), acc),
		append(Row("strict", r.Strict), ""),
		append(Row("value", r.Value), ""),
		append(Row("type", r.Type), ""),
	)
	for _, t := range r.PerType {
		rep.Rows = append(rep.Rows, append(Row("  "+t.Type, t.Relaxed), f3(t.ValueAcc)))
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents; relaxed = any overlap, strict = same span; value and type count a timex only when matched and equal (TempEval-3)", r.Docs))
	rep.Summary = []KV{
		{"F1", r.Relaxed.F1},
		{"strict_F1", r.Strict.F1},
		{"value_F1", r.Value.F1},
		{"type_F1", r.Type.F1},
		{"P", r.Relaxed.P},
		{"R", r.Relaxed.R},
	}
	return rep
}

package eval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// How predicted and gold attribution relations are compared (`newsgraph
// eval quotes`):
//
//   - A predicted relation is a group of record quotes and attributions
//     sharing a cue span (the pieces of a split quote, a partial quote
//     and the clause reporting it); one with no cue stands alone. A gold
//     relation is a PolNeAR E line; its Content may be discontinuous.
//   - Contents are compared as sets of word and number tokens (our
//     tokenizer; punctuation and quotation marks do not count). A token
//     belongs to a content when it overlaps one of its spans.
//   - Overlap match (the headline figure): the shared tokens are at least
//     half of the gold content's tokens and at least half of the
//     predicted content's tokens. Exact match: the same token set. Any
//     overlap: at least one shared token (the most lenient reading of the
//     literature's "partial match"). Pairs are matched one to one,
//     greedily by Dice coefficient.
//   - Direct: gold relations whose Content text contains a quotation mark
//     (" “ ” or ''), against predicted groups holding a direct or partial
//     quote or whose content text contains one; matched among themselves.
//   - Speaker accuracy: over gold relations with a Source matched (overlap)
//     by a prediction, the share whose predicted speaker span, or a mention
//     of the predicted speaker entity (its coreference chain), overlaps the
//     Source span.

// QuotesScore holds the figures of one quotes evaluation.
type QuotesScore struct {
	Articles     int     `json:"articles"`
	Gold         int     `json:"gold_relations"`
	Predicted    int     `json:"predicted_relations"`
	Overlap      Score   `json:"overlap"`
	Exact        Score   `json:"exact"`
	Any          Score   `json:"any_overlap"`
	Direct       Score   `json:"direct"`
	DirectExact  Score   `json:"direct_exact"`
	SpeakerHits  int     `json:"speaker_hits"`
	SpeakerTotal int     `json:"speaker_total"`
	SpeakerAcc   float64 `json:"speaker_acc"`
	// DirectSpeakerAcc is speaker accuracy on matched direct relations.
	DirectSpeakerAcc float64 `json:"direct_speaker_acc"`
	directHits       int
	directTotal      int
	// Errors lists every relation scored wrong, in article order: gold
	// relations no prediction matched, predictions that matched none,
	// and matched relations whose speaker missed the gold Source.
	Errors []QuoteError `json:"-"`
}

// Process turns an input into a record; the quotes evaluation runs it on
// each gold article's text, byte for byte (pipeline Raw mode).
type Process func(ctx context.Context, in article.Input) (article.Record, error)

// Quotes scores quotes and attributions against PolNeAR articles.
func Quotes(ctx context.Context, docs []BratDoc, process Process) (*Report, *QuotesScore, error) {
	var sc QuotesScore
	var over, exact, anyc, direct, directExact Counts
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		rec, err := process(ctx, article.Input{Origin: d.Name, Text: d.Text})
		if err != nil {
			// An article the pipeline rejects predicts nothing.
			rec = article.Record{Text: d.Text}
		}
		if rec.Text != d.Text {
			return nil, nil, fmt.Errorf("%s: the pipeline changed the text; quotes evaluation needs Raw mode", d.Name)
		}
		a := scoreArticle(&rec, d, &sc.Errors)
		sc.Articles++
		sc.Gold += a.gold
		sc.Predicted += a.pred
		over.Add(a.over)
		exact.Add(a.exact)
		anyc.Add(a.any)
		direct.Add(a.direct)
		directExact.Add(a.directExact)
		sc.SpeakerHits += a.spkHits
		sc.SpeakerTotal += a.spkTotal
		sc.directHits += a.dspkHits
		sc.directTotal += a.dspkTotal
	}
	sc.Overlap, sc.Exact, sc.Any = PRF(over), PRF(exact), PRF(anyc)
	sc.Direct, sc.DirectExact = PRF(direct), PRF(directExact)
	if sc.SpeakerTotal > 0 {
		sc.SpeakerAcc = float64(sc.SpeakerHits) / float64(sc.SpeakerTotal)
	}
	if sc.directTotal > 0 {
		sc.DirectSpeakerAcc = float64(sc.directHits) / float64(sc.directTotal)
	}
	rep := &Report{
		Task:   "quotes",
		Header: ScoreHeader,
		Rows: [][]string{
			Row("all, overlap ≥50% both ways", sc.Overlap),
			Row("all, exact tokens", sc.Exact),
			Row("all, any overlap", sc.Any),
			Row("direct, overlap ≥50% both ways", sc.Direct),
			Row("direct, exact tokens", sc.DirectExact),
		},
		Notes: []string{
			fmt.Sprintf("articles=%d gold_relations=%d predicted_relations=%d", sc.Articles, sc.Gold, sc.Predicted),
			fmt.Sprintf("speaker accuracy on matched relations: %d/%d = %.3f (direct: %d/%d = %.3f)",
				sc.SpeakerHits, sc.SpeakerTotal, sc.SpeakerAcc, sc.directHits, sc.directTotal, sc.DirectSpeakerAcc),
		},
		Summary: []KV{
			{"F1", sc.Overlap.F1}, {"P", sc.Overlap.P}, {"R", sc.Overlap.R},
			{"direct_F1", sc.Direct.F1}, {"speaker_acc", sc.SpeakerAcc},
		},
		Detail: &sc,
	}
	return rep, &sc, nil
}

// relation is a gold or predicted relation reduced to what scoring needs.
type relation struct {
	toks     []int32        // sorted indexes of word tokens in the content
	direct   bool           // a direct or partial quote
	speakers []article.Span // gold Source spans, or predicted speaker spans and their entity's mentions
	hasSrc   bool
	// content, source and cue are the spans as annotated or predicted
	// (the speaker span only, without its entity's mentions), for
	// error reports.
	content, source, cue []article.Span
}

type articleCounts struct {
	gold, pred                             int
	over, exact, any, direct, directExact  Counts
	spkHits, spkTotal, dspkHits, dspkTotal int
}

func scoreArticle(rec *article.Record, d BratDoc, errs *[]QuoteError) articleCounts {
	words := wordTokens(d.Text)
	var gold []relation
	for _, g := range d.Relations {
		r := relation{toks: tokensIn(words, g.Content), speakers: g.Source, hasSrc: len(g.Source) > 0,
			content: g.Content, source: g.Source, cue: g.Cue}
		for _, s := range g.Content {
			if hasQuoteMark(d.Text[s.Start:s.End]) {
				r.direct = true
			}
		}
		if len(r.toks) > 0 {
			gold = append(gold, r)
		}
	}
	pred := predicted(rec, words)
	var c articleCounts
	c.gold, c.pred = len(gold), len(pred)
	pairs := match(gold, pred, overlapHalf)
	c.over = counts(len(gold), len(pred), len(pairs))
	c.exact = counts(len(gold), len(pred), len(match(gold, pred, sameTokens)))
	c.any = counts(len(gold), len(pred), len(match(gold, pred, anyOverlap)))
	for _, p := range pairs {
		g := &gold[p[0]]
		if !g.hasSrc {
			continue
		}
		hit := spansOverlap(g.speakers, pred[p[1]].speakers)
		c.spkTotal++
		if hit {
			c.spkHits++
		} else {
			*errs = append(*errs, newQuoteError(d, ErrSpeaker, g, &pred[p[1]]))
		}
		if g.direct && pred[p[1]].direct {
			c.dspkTotal++
			if hit {
				c.dspkHits++
			}
		}
	}
	logMisses(d, gold, pred, pairs, errs)
	gd, pd := onlyDirect(gold), onlyDirect(pred)
	c.direct = counts(len(gd), len(pd), len(match(gd, pd, overlapHalf)))
	c.directExact = counts(len(gd), len(pd), len(match(gd, pd, sameTokens)))
	return c
}

func counts(gold, pred, tp int) Counts { return Counts{TP: tp, FP: pred - tp, FN: gold - tp} }

func onlyDirect(rs []relation) []relation {
	var out []relation
	for _, r := range rs {
		if r.direct {
			out = append(out, r)
		}
	}
	return out
}

// hasQuoteMark reports a double quotation mark: " “ ” or ”.
func hasQuoteMark(s string) bool {
	return strings.ContainsAny(s, "\"“”") || strings.Contains(s, "''")
}

// predicted groups a record's quotes and attributions into relations by
// cue span.
func predicted(rec *article.Record, words []article.Span) []relation {
	type group struct {
		spans    []article.Span
		direct   bool
		speakers []article.Span
		source   []article.Span
		cue      []article.Span
	}
	var order []string
	groups := map[string]*group{}
	get := func(cue *article.Span, i int) *group {
		key := fmt.Sprintf("u%d", i)
		if cue != nil {
			key = fmt.Sprintf("c%d-%d", cue.Start, cue.End)
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
			order = append(order, key)
		}
		return g
	}
	ents := map[string]*article.Entity{}
	for i := range rec.Entities {
		ents[rec.Entities[i].ID] = &rec.Entities[i]
	}
	addSpeaker := func(g *group, s *article.Span, id string) {
		if s != nil {
			g.speakers = append(g.speakers, *s)
			if len(g.source) == 0 {
				g.source = []article.Span{*s}
			}
		}
		if e := ents[id]; e != nil {
			for _, m := range e.Mentions {
				if m.Embed != 0 {
					continue
				}
				g.speakers = append(g.speakers, m.Span)
			}
		}
	}
	for i, q := range rec.Quotes {
		g := get(q.CueSpan, i)
		g.spans = append(g.spans, q.Span)
		if q.CueSpan != nil && len(g.cue) == 0 {
			g.cue = []article.Span{*q.CueSpan}
		}
		if q.Kind == article.Direct || q.Kind == article.Partial || hasQuoteMark(q.Text) {
			g.direct = true
		}
		addSpeaker(g, q.SpeakerSpan, q.Speaker)
	}
	for i, a := range rec.Attributions {
		g := get(a.CueSpan, len(rec.Quotes)+i)
		g.spans = append(g.spans, a.Claim)
		if a.CueSpan != nil && len(g.cue) == 0 {
			g.cue = []article.Span{*a.CueSpan}
		}
		if hasQuoteMark(a.Text) {
			g.direct = true
		}
		addSpeaker(g, a.SourceSpan, a.Source)
	}
	var out []relation
	for _, k := range order {
		g := groups[k]
		slices.SortFunc(g.spans, func(a, b article.Span) int { return a.Start - b.Start })
		r := relation{toks: tokensIn(words, g.spans), direct: g.direct, speakers: g.speakers,
			content: g.spans, source: g.source, cue: g.cue}
		if len(r.toks) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// wordTokens returns the spans of the word and number tokens of s.
func wordTokens(s string) []article.Span {
	var out []article.Span
	for _, t := range text.Tokenize(s) {
		if t.Kind == article.Word || t.Kind == article.Number {
			out = append(out, t.Span())
		}
	}
	return out
}

// tokensIn returns the sorted indexes of the words overlapping any of ss.
func tokensIn(words []article.Span, ss []article.Span) []int32 {
	var out []int32
	for _, s := range ss {
		i := sort.Search(len(words), func(i int) bool { return words[i].End > s.Start })
		for ; i < len(words) && words[i].Start < s.End; i++ {
			out = append(out, int32(i))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func intersect(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func overlapHalf(g, p []int32, n int) bool { return 2*n >= len(g) && 2*n >= len(p) && n > 0 }
func sameTokens(g, p []int32, n int) bool  { return n == len(g) && n == len(p) }
func anyOverlap(_, _ []int32, n int) bool  { return n > 0 }

// match pairs gold and predicted relations one to one, best Dice first,
// among the pairs that ok accepts. It returns [gold, pred] index pairs.
func match(gold, pred []relation, ok func(g, p []int32, n int) bool) [][2]int {
	type cand struct {
		g, p int
		dice float64
	}
	var cs []cand
	for i := range gold {
		for j := range pred {
			n := intersect(gold[i].toks, pred[j].toks)
			if n == 0 || !ok(gold[i].toks, pred[j].toks, n) {
				continue
			}
			cs = append(cs, cand{i, j, 2 * float64(n) / float64(len(gold[i].toks)+len(pred[j].toks))})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].dice != cs[b].dice {
			return cs[a].dice > cs[b].dice
		}
		if cs[a].g != cs[b].g {
			return cs[a].g < cs[b].g
		}
		return cs[a].p < cs[b].p
	})
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	var out [][2]int
	for _, c := range cs {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		out = append(out, [2]int{c.g, c.p})
	}
	return out
}

func spansOverlap(a, b []article.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

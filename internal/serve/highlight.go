package serve

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// A mark is one annotation to draw over the article text: an element
// opened at start and closed at end. Marks nest by rank (outer first);
// where two cross, the inner one is closed and opened again, so the HTML
// stays well formed. All attribute values are escaped when the mark is
// made; the text between marks is escaped when it is written.
type mark struct {
	start, end int
	rank       int
	seq        int    // order of creation, to break ties
	open       string // the opening tag
	again      string // the opening tag when re-opened (no id)
	close      string
}

// Mark ranks, outermost first.
const (
	rankPara = iota
	rankSentence
	rankClaim
	rankQuote
	rankWho
	rankCue
	rankValue
	rankEntity
	rankVerb
)

// highlighter collects marks over one text.
type highlighter struct {
	text  string
	marks []mark
}

func (h *highlighter) add(s article.Span, rank int, tag, attrs, idAttr string) {
	if s.Start < 0 || s.End > len(h.text) || s.Start >= s.End {
		return
	}
	open := "<" + tag + attrs + ">"
	again := open
	if idAttr != "" {
		open = "<" + tag + idAttr + attrs + ">"
	}
	h.marks = append(h.marks, mark{s.Start, s.End, rank, len(h.marks), open, again, "</" + tag + ">"})
}

// attr formats name="value" with the value escaped.
func attr(name, value string) string {
	if value == "" {
		return ""
	}
	return " " + name + `="` + html.EscapeString(value) + `"`
}

// render writes the text with every mark applied: a sweep over the
// marks' boundaries keeps the open elements as a stack and, at each
// boundary, closes what ends (and what must close to let it end) and
// opens what starts. It runs in O(n log n) plus the depth of nesting per
// boundary.
func (h *highlighter) render() template.HTML {
	var b strings.Builder
	b.Grow(len(h.text) * 2)
	bounds := make([]int, 0, 2*len(h.marks)+2)
	bounds = append(bounds, 0, len(h.text))
	for _, m := range h.marks {
		bounds = append(bounds, m.start, m.end)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	starts := slices.Clone(h.marks)
	slices.SortFunc(starts, func(a, b mark) int { return a.start - b.start })
	var (
		active []int // indexes into starts of marks covering the current segment
		stack  []int // marks currently open, outermost first
		opened = make([]bool, len(starts))
		next   int
	)
	less := func(a, b int) int {
		ma, mb := &starts[a], &starts[b]
		switch {
		case ma.rank != mb.rank:
			return ma.rank - mb.rank
		case ma.start != mb.start:
			return ma.start - mb.start
		case ma.end != mb.end:
			return mb.end - ma.end
		}
		return ma.seq - mb.seq
	}
	for i := 0; i+1 < len(bounds); i++ {
		pos, end := bounds[i], bounds[i+1]
		// Drop marks that ended; add those starting here.
		active = slices.DeleteFunc(active, func(k int) bool { return starts[k].end <= pos })
		for next < len(starts) && starts[next].start <= pos {
			if starts[next].end > pos {
				active = append(active, next)
			}
			next++
		}
		want := slices.Clone(active)
		slices.SortFunc(want, less)
		// Keep the common prefix of what is open and what is wanted.
		k := 0
		for k < len(stack) && k < len(want) && stack[k] == want[k] {
			k++
		}
		for j := len(stack) - 1; j >= k; j-- {
			b.WriteString(starts[stack[j]].close)
		}
		stack = stack[:k]
		for _, m := range want[k:] {
			if opened[m] {
				b.WriteString(starts[m].again)
			} else {
				b.WriteString(starts[m].open)
				opened[m] = true
			}
			stack = append(stack, m)
		}
		b.WriteString(html.EscapeString(h.text[pos:end]))
	}
	for j := len(stack) - 1; j >= 0; j-- {
		b.WriteString(starts[stack[j]].close)
	}
	return template.HTML(b.String()) //nolint:gosec // text and attributes escaped above
}

// actorHref is the page of an entity.
func actorHref(id string) string {
	if id == "" {
		return ""
	}
	return "/actors/" + url.PathEscape(id)
}

// entityClass is the CSS class of an entity type.
func entityClass(typ string) string {
	switch typ {
	case article.Person:
		return "person"
	case article.Org:
		return "org"
	case article.Place:
		return "place"
	case article.NORP:
		return "norp"
	}
	return "misc"
}

// highlight draws every annotation of rec over its text, paragraph by
// paragraph: entities (linked to their pages, coloured by type), quotes
// with their speakers and cues, attributions, amounts, dates and event
// verbs; each sentence carries an id (s0, s1, …) for links from the event
// list, each quote one (q0, q1, …).
func highlight(rec *article.Record) template.HTML {
	h := &highlighter{text: rec.Text}
	// Paragraphs: one per non-empty line.
	start := 0
	for start <= len(rec.Text) {
		end := strings.IndexByte(rec.Text[start:], '\n')
		if end < 0 {
			end = len(rec.Text)
		} else {
			end += start
		}
		if strings.TrimSpace(rec.Text[start:end]) != "" {
			h.add(article.Span{Start: start, End: end}, rankPara, "p", "", "")
		}
		start = end + 1
	}
	for i, s := range rec.Sentences {
		h.add(s, rankSentence, "span", attr("class", "sent"), attr("id", fmt.Sprintf("s%d", i)))
	}
	names := map[string]*article.Entity{}
	for i := range rec.Entities {
		names[rec.Entities[i].ID] = &rec.Entities[i]
	}
	for _, a := range rec.Attributions {
		src := a.SourceName
		h.add(a.Claim, rankClaim, "span", attr("class", "claim")+attr("title", "Claim attributed to "+src+" ("+a.Cue+")"), "")
		if a.SourceSpan != nil {
			h.add(*a.SourceSpan, rankWho, "span", attr("class", "source")+attr("title", "Source of a claim"), "")
		}
		if a.CueSpan != nil {
			h.add(*a.CueSpan, rankCue, "span", attr("class", "cue"), "")
		}
	}
	for i, q := range rec.Quotes {
		who := speakerName(q, names)
		h.add(q.Span, rankQuote, "span", attr("class", "quote "+q.Kind)+attr("title", strings.ToUpper(q.Kind[:1])+q.Kind[1:]+" quote by "+who), attr("id", fmt.Sprintf("q%d", i)))
		if q.SpeakerSpan != nil {
			h.add(*q.SpeakerSpan, rankWho, "span", attr("class", "speaker")+attr("title", "Speaker: "+who), "")
		}
		if q.CueSpan != nil {
			h.add(*q.CueSpan, rankCue, "span", attr("class", "cue"), "")
		}
	}
	for _, a := range rec.Amounts {
		title := amountTitle(a)
		h.add(a.Span, rankValue, "span", attr("class", "amount")+attr("title", title), "")
	}
	for _, d := range rec.Dates {
		title := "Date: " + d.Value
		if d.End != "" {
			title += " to " + d.End
		}
		if d.Value == "" {
			title = "Date (not normalised)"
		}
		h.add(d.Span, rankValue, "span", attr("class", "date")+attr("title", title), "")
	}
	// Entity mentions are links, which may not nest: the first of two
	// overlapping mentions wins.
	type ment struct {
		s article.Span
		e *article.Entity
	}
	var ms []ment
	for i := range rec.Entities {
		e := &rec.Entities[i]
		for _, m := range e.Mentions {
			ms = append(ms, ment{m.Span, e})
		}
	}
	slices.SortStableFunc(ms, func(a, b ment) int {
		if a.s.Start != b.s.Start {
			return a.s.Start - b.s.Start
		}
		return b.s.End - a.s.End
	})
	last := -1
	for _, m := range ms {
		if m.s.Start < last {
			continue
		}
		last = m.s.End
		h.add(m.s, rankEntity, "a", attr("class", "ent "+entityClass(m.e.Type))+attr("href", actorHref(m.e.ID))+attr("title", entityTitle(m.e)), "")
	}
	for _, e := range rec.Events {
		title := "Event " + e.Code
		if e.Plover != "" {
			title += " (" + e.Plover + ")"
		}
		h.add(e.VerbSpan, rankVerb, "span", attr("class", fmt.Sprintf("verb quad%d", e.Quad))+attr("title", title), "")
	}
	return h.render()
}

func speakerName(q article.Quote, names map[string]*article.Entity) string {
	if e := names[q.Speaker]; e != nil {
		return e.Name
	}
	if q.SpeakerName != "" {
		return q.SpeakerName
	}
	return "unknown speaker"
}

func entityTitle(e *article.Entity) string {
	parts := []string{e.Name, strings.ToLower(e.Type)}
	if e.Role != "" {
		parts = append(parts, e.Role)
	}
	if e.Country != "" {
		parts = append(parts, e.Country)
	}
	if e.Actor != "" {
		parts = append(parts, e.Actor)
	}
	return strings.Join(parts, " · ")
}

func amountTitle(a article.Amount) string {
	var b strings.Builder
	b.WriteString("Amount: ")
	if a.Approximate {
		b.WriteString("about ")
	}
	b.WriteString(formatNumber(a.Value))
	if a.Max != 0 {
		b.WriteString("–" + formatNumber(a.Max))
	}
	if a.Unit != "" {
		b.WriteString(" " + a.Unit)
	}
	if a.Object != "" {
		b.WriteString(" " + a.Object)
	}
	return b.String()
}

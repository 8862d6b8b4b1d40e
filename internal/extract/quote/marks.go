package quote

import (
	"unicode/utf8"

	"newsgraph/internal/article"
)

// region is a stretch of text between quotation marks at the top level
// (a quote inside a quote belongs to the outer region).
type region struct {
	open  int // token of the opening mark
	close int // token of the closing mark; -1 when the quote stops at its paragraph's end
	first int // content tokens [first, last)
	last  int
	// prev and next link the pieces of a quote that runs over paragraphs:
	// an opening mark at a paragraph start continues a quote left open at
	// the end of the previous paragraph.
	prev, next int
	single     bool // marked by single quotes
	straight   bool // opened by a straight mark (" ' '')
	rel        int  // index of the relation it belongs to, or -1
	partial    bool // a fragment inside a larger reported clause
	scare      bool // a title, scare quote or quoted term: not a quote
	sq         int8 // scareQuote's answer once known: 1 yes, -1 no
}

// mark is a quotation mark found at a token.
type mark struct {
	ok       bool
	straight bool // " ' or '' rather than curly marks
	double   bool
	dir      int // +1 opening, -1 closing, 0 either
	width    int // tokens it takes: 2 for '' (two apostrophes as a double mark)
}

// markAt classifies token i as a quotation mark.
func (r *run) markAt(i int) mark {
	t := r.toks[i]
	if t.Kind != article.Punct {
		return mark{}
	}
	w := r.s[t.Start:t.End]
	switch w {
	case "“", "„", "«":
		// Some texts close with “: take it as closing when a word touches
		// it before and space follows.
		if r.context(i, i) < 0 {
			return mark{ok: true, double: true, dir: 0, width: 1}
		}
		return mark{ok: true, double: true, dir: +1, width: 1}
	case "”", "»":
		// … and some open with ” at a paragraph start.
		if r.context(i, i) > 0 {
			return mark{ok: true, double: true, dir: 0, width: 1}
		}
		return mark{ok: true, double: true, dir: -1, width: 1}
	case "\"":
		return mark{ok: true, straight: true, double: true, dir: r.context(i, i), width: 1}
	case "‘":
		if r.next(i, isDigit) {
			return mark{} // ‘90s
		}
		return mark{ok: true, dir: +1, width: 1}
	case "’", "'":
		if i+1 < len(r.toks) && r.toks[i+1].Start == t.End {
			n := r.toks[i+1]
			if w == "'" && r.s[n.Start:n.End] == "'" {
				// '' is a double mark in some newspapers' plain text.
				return mark{ok: true, straight: true, double: true, dir: r.context(i, i+1), width: 2}
			}
			if n.Kind == article.Word && n.End-n.Start == 1 && (r.s[n.Start] == 's' || r.s[n.Start] == 'S') {
				return mark{} // possessive ’s
			}
		}
		if r.next(i, isDigit) {
			return mark{} // '90s
		}
		d := r.context(i, i)
		if w == "’" && d > 0 {
			d = 0
		}
		return mark{ok: true, straight: w == "'", dir: d, width: 1}
	}
	return mark{}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// next reports whether the byte right after token i satisfies f.
func (r *run) next(i int, f func(byte) bool) bool {
	e := r.toks[i].End
	return e < len(r.s) && f(r.s[e])
}

// context tells an ambiguous mark spanning tokens a..b opening (+1) from
// closing (-1) by what touches it: space before and a word after opens,
// a word before and space or punctuation after closes; 0 when unclear.
func (r *run) context(a, b int) int {
	start, end := r.toks[a].Start, r.toks[b].End
	openBefore := start == 0
	if !openBefore {
		c, _ := utf8.DecodeLastRuneInString(r.s[:start])
		openBefore = isSpace(c) || c == '(' || c == '[' || c == '{' || c == '—' || c == '–' || c == '-' || c == '/' || c == '“' || c == '‘'
	}
	closeAfter := end >= len(r.s)
	if !closeAfter {
		c, _ := utf8.DecodeRuneInString(r.s[end:])
		closeAfter = isSpace(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
			c == ']' || c == '}' || c == '—' || c == '–' || c == '-' || c == '…' || c == '”' || c == '’' || c == '"' || c == '\''
	}
	switch {
	case openBefore && !closeAfter:
		return +1
	case !openBefore && closeAfter:
		return -1
	}
	return 0
}

func isSpace(c rune) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\u2028' || c == '\u2029'
}

// pairMarks finds the quote regions: it pairs opening and closing marks
// within paragraphs, keeps quotes inside quotes with their outer region,
// continues a quote over a paragraph break when the new paragraph opens
// with a mark and the old one left its quote open, and ends a quote left
// open at its paragraph's end.
func (r *run) pairMarks() {
	n := len(r.toks)
	top := -1       // index of the open top-level region
	nested := false // a quote inside it is open
	dnest := false  // a quote inside it with the same (double) marks is open
	closeAt := func(last, closeTok int) {
		g := &r.regions[top]
		g.last, g.close = last, closeTok
		top, nested, dnest = -1, false, false
	}
	toks, para := r.toks, r.para
	for i := 0; i < n; i++ {
		t := &toks[i]
		maybe := t.Kind == article.Punct && (r.s[t.Start] == '"' || r.s[t.Start] == '\'' || r.s[t.Start] >= 0xC2)
		if !maybe && (top < 0 || !para[i]) {
			continue // most tokens: no mark, and no paragraph break to close a quote at
		}
		var m mark
		if maybe {
			m = r.markAt(i)
		}
		if top >= 0 && para[i] && i > r.regions[top].first {
			g := r.regions[top]
			if m.ok && m.double == !g.single && m.dir >= 0 && m.straight == g.straight {
				// A new paragraph opening with a mark continues the quote.
				prev := top
				closeAt(i, -1)
				r.regions = append(r.regions, region{open: i, close: -1, first: i + m.width, prev: prev, next: -1, rel: -1, single: g.single, straight: g.straight})
				r.regions[prev].next = len(r.regions) - 1
				top = len(r.regions) - 1
				i += m.width - 1
				continue
			}
			closeAt(i, -1)
		}
		if !m.ok {
			continue
		}
		switch {
		case top < 0:
			if m.dir >= 0 && (m.double || m.dir > 0) {
				r.regions = append(r.regions, region{open: i, close: -1, first: i + m.width, prev: -1, next: -1, rel: -1, single: !m.double, straight: m.straight})
				top = len(r.regions) - 1
			}
		case r.regions[top].single:
			switch {
			case !m.double && m.dir <= 0 && i > r.regions[top].first:
				closeAt(i, i)
			case m.double && m.dir > 0:
				nested = true
			case m.double && nested:
				nested = false
			}
		default: // inside a double-quoted region
			switch {
			case m.double && m.dir > 0 && r.s[r.toks[i].Start] != '"' && !dnest && r.closersAhead(i+1) >= 2:
				// “today’s “Straw vote” is not …”: a quote inside a quote
				// with the same marks, closed twice before the paragraph
				// ends.
				dnest = true
			case m.double && m.dir > 0 && r.s[r.toks[i].Start] != '"':
				// An explicit opening mark inside an open quote: the
				// previous quote lacked its closing mark.
				closeAt(i, -1)
				r.regions = append(r.regions, region{open: i, close: -1, first: i + m.width, prev: -1, next: -1, rel: -1, straight: m.straight})
				top = len(r.regions) - 1
			case m.double && m.dir <= 0 && dnest:
				dnest = false
			case m.double && m.dir <= 0 && i > r.regions[top].first:
				closeAt(i, i)
			case !m.double && m.dir > 0:
				nested = true
			case !m.double && m.dir < 0 && nested:
				nested = false
			}
		}
		i += m.width - 1
	}
	if top >= 0 {
		closeAt(n, -1)
	}
	// Drop empty regions, quotes that never close (a stray mark, or
	// apostrophes taken for single quotes; a quote over paragraphs closes
	// in its last one) and one-word single quotes; fill inQ.
	out := r.regions[:0]
	remap := make([]int, len(r.regions))
	for k := len(r.regions) - 1; k >= 0; k-- {
		g := &r.regions[k]
		if g.next < 0 && g.close < 0 {
			for h := k; h >= 0; h = r.regions[h].prev {
				r.regions[h].last = r.regions[h].first // drop the whole chain
			}
		}
	}
	for k, g := range r.regions {
		remap[k] = -1
		if g.last <= g.first || g.single && g.last-g.first < 2 {
			continue
		}
		remap[k] = len(out)
		out = append(out, g)
	}
	r.regions = out
	for k := range r.regions {
		g := &r.regions[k]
		if g.prev >= 0 {
			g.prev = remap[g.prev]
		}
		if g.next >= 0 {
			g.next = remap[g.next]
		}
		for i := g.open; i < g.last && i < n; i++ {
			r.inQ[i] = int32(k + 1)
		}
		if g.close >= 0 && g.close < n {
			w := 1
			if r.is(g.close, "'") && r.is(g.close+1, "'") {
				w = 2
			}
			for i := g.close; i < g.close+w; i++ {
				r.inQ[i] = int32(k + 1)
			}
		}
	}
}

// closersAhead counts the closing curly double marks from token i to the
// end of its paragraph, stopping at two, and looks no further than 2,000
// tokens (a paragraph of stray opening marks stays linear).
func (r *run) closersAhead(i int) int {
	n := 0
	for end := min(len(r.toks), i+2000); i < end && !r.para[i] && n < 2; i++ {
		if t := r.toks[i]; t.Kind == article.Punct && (r.is(i, "”") || r.is(i, "»")) && r.context(i, i) <= 0 {
			n++
		}
	}
	return n
}

// regionAt returns the index of the region holding token i, or -1.
func (r *run) regionAt(i int) int {
	if i < 0 || i >= len(r.inQ) {
		return -1
	}
	return int(r.inQ[i]) - 1
}

// regionEnd returns the index just past region g's closing mark(s), or its
// content end when it has none.
func (r *run) regionEnd(g *region) int {
	if g.close < 0 {
		return g.last
	}
	if r.is(g.close, "'") && r.is(g.close+1, "'") {
		return g.close + 2
	}
	return g.close + 1
}

package chart

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// svg accumulates markup. Text and attribute values go through esc.
type svg struct{ strings.Builder }

func (s *svg) f(format string, args ...any) { fmt.Fprintf(&s.Builder, format, args...) }

func esc(v string) string { return html.EscapeString(v) }

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

func (s *svg) open(w, h float64, class, label string) {
	s.f(`<svg class="chart %s" viewBox="0 0 %s %s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		esc(class), num(w), num(h), esc(label))
	s.f(`<title>%s</title>`, esc(label))
}

func (s *svg) html() template.HTML {
	s.WriteString("</svg>")
	return template.HTML(s.String()) //nolint:gosec // every value written was escaped
}

// link wraps the markup inner writes in an <a> when href is set.
func (s *svg) link(href string, inner func()) {
	if href == "" {
		inner()
		return
	}
	s.f(`<a href="%s">`, esc(href))
	inner()
	s.WriteString("</a>")
}

// Series names one layer of a stacked chart; Class is its CSS class.
type Series struct {
	Label string
	Class string
}

// Stack is one column of a stacked bar chart: its label on the x axis
// and one value per series.
type Stack struct {
	Label  string
	Values []int
	// Href, when set, links the column (for example to the events of that
	// day).
	Href string
}

// Timeline draws columns of stacked values over time with a legend, a y
// axis and at most a handful of x labels. It draws an empty frame with a
// note when there is no data.
func Timeline(label string, series []Series, cols []Stack, width, height int) template.HTML {
	var s svg
	w, h := float64(width), float64(height)
	s.open(w, h, "timeline", label)
	const left, right, top, bottom = 36.0, 8.0, 24.0, 22.0
	maxV := 0
	for _, c := range cols {
		t := 0
		for _, v := range c.Values {
			t += v
		}
		maxV = max(maxV, t)
	}
	// Legend.
	x := left
	for _, se := range series {
		s.f(`<rect class="%s" x="%s" y="6" width="10" height="10"/>`, esc(se.Class), num(x))
		s.f(`<text class="legend" x="%s" y="15">%s</text>`, num(x+14), esc(se.Label))
		x += 14 + 7*float64(len([]rune(se.Label))) + 14
	}
	plotW, plotH := w-left-right, h-top-bottom
	s.f(`<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(top+plotH), num(w-right), num(top+plotH))
	if maxV == 0 || len(cols) == 0 {
		s.f(`<text class="empty" x="%s" y="%s" text-anchor="middle">no events in this period</text>`, num(left+plotW/2), num(top+plotH/2))
		return s.html()
	}
	scaleMax := niceCeil(maxV)
	for _, t := range []int{0, scaleMax / 2, scaleMax} {
		y := top + plotH - plotH*float64(t)/float64(scaleMax)
		s.f(`<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(y), num(w-right), num(y))
		s.f(`<text class="tick" x="%s" y="%s" text-anchor="end">%d</text>`, num(left-4), num(y+4), t)
	}
	step := plotW / float64(len(cols))
	barW := math.Min(math.Max(1, step*0.8), 48)
	labelEvery := max(1, int(math.Ceil(float64(len(cols))/6)))
	for i, c := range cols {
		cx := left + step*float64(i) + (step-barW)/2
		total := 0
		for _, v := range c.Values {
			total += v
		}
		s.link(c.Href, func() {
			s.f(`<g class="col"><title>%s: %d</title>`, esc(c.Label), total)
			y := top + plotH
			for k, v := range c.Values {
				if v == 0 || k >= len(series) {
					continue
				}
				bh := plotH * float64(v) / float64(scaleMax)
				y -= bh
				s.f(`<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, esc(series[k].Class), num(cx), num(y), num(barW), num(bh))
			}
			s.WriteString("</g>")
		})
		if i%labelEvery == 0 {
			s.f(`<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>`, num(cx+barW/2), num(h-6), esc(c.Label))
		}
	}
	return s.html()
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten (at least 2, so
// that the half-way tick is a whole number).
func niceCeil(n int) int {
	if n <= 2 {
		return 2
	}
	p := 1
	for p*10 < n {
		p *= 10
	}
	for _, m := range []int{1, 2, 5, 10} {
		if m*p >= n {
			return m * p
		}
	}
	return 10 * p
}

// Bar is one row of a bar chart.
type Bar struct {
	Label string
	// Note is shown after the label in a lighter colour (a type, a code).
	Note  string
	Value int
	Href  string
	Class string
}

// Bars draws horizontal bars with their labels and values, one row per
// bar, longest bar scaled to the width.
func Bars(label string, bars []Bar, width int) template.HTML {
	var s svg
	const rowH, labelW = 22.0, 150.0
	w := float64(width)
	h := math.Max(rowH, rowH*float64(len(bars))) + 4
	s.open(w, h, "bars", label)
	maxV := 0
	for _, b := range bars {
		maxV = max(maxV, b.Value)
	}
	if len(bars) == 0 {
		s.f(`<text class="empty" x="4" y="16">nothing yet</text>`)
		return s.html()
	}
	for i, b := range bars {
		y := 2 + rowH*float64(i)
		bw := (w - labelW - 50) * float64(b.Value) / float64(max(maxV, 1))
		s.link(b.Href, func() {
			s.f(`<g class="bar"><title>%s: %d</title>`, esc(b.Label), b.Value)
			s.f(`<text class="label" x="%s" y="%s" text-anchor="end">%s`, num(labelW-6), num(y+15), esc(clip(b.Label, 20)))
			if b.Note != "" {
				s.f(`<tspan class="note"> %s</tspan>`, esc(b.Note))
			}
			s.WriteString("</text>")
			s.f(`<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, esc(orDefault(b.Class, "b")), num(labelW), num(y+3), num(math.Max(bw, 1)), num(rowH-6))
			s.f(`<text class="value" x="%s" y="%s">%d</text>`, num(labelW+bw+4), num(y+15), b.Value)
			s.WriteString("</g>")
		})
	}
	return s.html()
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Spark draws a tiny bar chart of values (a sparkline) without axes.
func Spark(label string, values []int, class string, width, height int) template.HTML {
	var s svg
	w, h := float64(width), float64(height)
	s.open(w, h, "spark", label)
	maxV := 0
	for _, v := range values {
		maxV = max(maxV, v)
	}
	s.f(`<line class="axis" x1="0" y1="%s" x2="%s" y2="%s"/>`, num(h-0.5), num(w), num(h-0.5))
	if maxV == 0 || len(values) == 0 {
		return s.html()
	}
	step := w / float64(len(values))
	for i, v := range values {
		if v == 0 {
			continue
		}
		bh := math.Max(1, (h-1)*float64(v)/float64(maxV))
		s.f(`<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, esc(orDefault(class, "b")), num(step*float64(i)), num(h-bh), num(math.Max(step*0.85, 0.6)), num(bh))
	}
	return s.html()
}

// Node is a vertex of a network; Weight sets its size.
type Node struct {
	Label  string
	Href   string
	Class  string
	Weight int
}

// Link joins nodes A and B (indices into the node list).
type Link struct {
	A, B   int
	Weight int
}

// Network draws an ego network: nodes[0] in the centre and the others on
// a circle around it in the order given, so the same input always gives
// the same picture. Links between outer nodes are drawn as chords when
// they stand out (seen twice or more, and at least a tenth as often as the
// strongest chord).
func Network(label string, nodes []Node, links []Link, width, height int) template.HTML {
	var s svg
	w, h := float64(width), float64(height)
	s.open(w, h, "network", label)
	if len(nodes) == 0 {
		return s.html()
	}
	cx, cy := w/2, h/2
	r := math.Min(w*0.32, h*0.36)
	pos := make([][2]float64, len(nodes))
	pos[0] = [2]float64{cx, cy}
	outer := len(nodes) - 1
	for i := 1; i < len(nodes); i++ {
		a := -math.Pi/2 + 2*math.Pi*float64(i-1)/float64(max(outer, 1))
		pos[i] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	maxW, maxChord := 1, 0
	for _, l := range links {
		maxW = max(maxW, l.Weight)
		if l.A != 0 && l.B != 0 {
			maxChord = max(maxChord, l.Weight)
		}
	}
	// Chords between outer nodes are drawn when they stand out: seen at
	// least twice and at least a tenth as often as the strongest.
	minChord := max(2, maxChord/10)
	maxN := 1
	for _, n := range nodes {
		maxN = max(maxN, n.Weight)
	}
	for _, l := range links {
		if l.A < 0 || l.B < 0 || l.A >= len(nodes) || l.B >= len(nodes) {
			continue
		}
		a, b := pos[l.A], pos[l.B]
		sw := 1 + 4*float64(l.Weight)/float64(maxW)
		class := "edge"
		if l.A != 0 && l.B != 0 {
			if l.Weight < minChord {
				continue
			}
			class, sw = "edge chord", sw*0.6
		}
		s.f(`<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"><title>%s – %s: %d</title></line>`,
			class, num(a[0]), num(a[1]), num(b[0]), num(b[1]), num(sw), esc(nodes[l.A].Label), esc(nodes[l.B].Label), l.Weight)
	}
	for i, n := range nodes {
		p := pos[i]
		nr := 5 + 9*math.Sqrt(float64(n.Weight)/float64(maxN))
		if i == 0 {
			nr = math.Max(nr, 12)
		}
		anchor, dx, dy := "middle", 0.0, -nr-5
		if i > 0 {
			switch {
			case p[0] > cx+1:
				anchor, dx, dy = "start", nr+4, 4
			case p[0] < cx-1:
				anchor, dx, dy = "end", -nr-4, 4
			case p[1] > cy:
				dy = nr + 14
			}
		}
		s.link(n.Href, func() {
			s.f(`<g class="node"><title>%s (%d)</title>`, esc(n.Label), n.Weight)
			s.f(`<circle class="%s" cx="%s" cy="%s" r="%s"/>`, esc(orDefault(n.Class, "n")), num(p[0]), num(p[1]), num(nr))
			s.f(`<text x="%s" y="%s" text-anchor="%s">%s</text>`, num(p[0]+dx), num(p[1]+dy), anchor, esc(clip(n.Label, 24)))
			s.WriteString("</g>")
		})
	}
	return s.html()
}

package date

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/amount"
)

// number handles expressions starting with a number written in digits:
// years, decades, ISO and slashed dates, clock times, "8 August",
// "20th century", "3rd quarter" and durations ("48 hours").
func (s *scanner) number(i int) (found, bool) {
	w := s.word(i)
	switch {
	case strings.IndexByte(w, '/') > 0:
		return s.slashDate(i, w)
	case strings.IndexByte(w, ':') > 0:
		return s.clock(i)
	}
	digits, suffix := splitDigits(w)
	v, n, ok := atoi(digits)
	if !ok {
		// 5.2, 1,300: only durations
		if f, ok := amount.ParseDigits(digits); ok && suffix == "" {
			return s.durationFrom(i, f, i+1)
		}
		return found{}, false
	}
	switch strings.ToLower(suffix) {
	case "":
	case "s":
		return s.decade(i, v, n)
	case "st", "nd", "rd", "th":
		return s.ordinalNumber(i, v)
	case "am", "pm", "a.m", "p.m":
		return s.clock(i)
	case "bn", "m", "k", "mn":
		return found{}, false
	default:
		return found{}, false
	}
	// 3 p.m., 9 o'clock
	if e := s.lex(i + 1); e.kind == kAmPm || s.isAny(i+1, "o'clock", "o’clock") {
		return s.clock(i)
	}
	// 2025-08-08
	if n == 4 && s.adj(i) && s.isDash(i+1) && s.adj(i+1) {
		if m, mn, ok := s.digits(i + 2); ok && mn == 2 && m >= 1 && m <= 12 && s.adj(i+2) && s.isDash(i+3) && s.adj(i+3) {
			if d, dn, ok := s.digits(i + 4); ok && dn == 2 && d >= 1 && d <= 31 {
				return pt(i, i+5, point{g: gDay, y: v, m: m, d: d}, false), true
			}
		}
	}
	// 8 August 2025, 8 of August
	if n <= 2 && v >= 1 && v <= 31 {
		k := i + 1
		if s.is(k, "of") {
			k++
		}
		if me := s.lex(k); me.kind == kMonth {
			if f, ok := s.dayMonth(i, v, k, me); ok {
				return f, true
			}
		}
	}
	// a unit after it makes a duration: 48 hours, 2000 years
	if f, ok := s.durationFrom(i, float64(v), i+1); ok {
		return f, true
	} else if f.end > f.start {
		return found{}, false // an age
	}
	if n == 4 && v >= 1000 && v < 2200 {
		return s.year(i, v)
	}
	return found{}, false
}

// splitDigits splits "1990s" into "1990" and "s".
func splitDigits(w string) (string, string) {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == ',' || w[i] == '.') {
		i++
	}
	return w[:i], w[i:]
}

// year handles a year in digits, with its modifiers: "2022", "early
// 1990", "the end of 1994", "the year 2000".
func (s *scanner) year(i, y int) (found, bool) {
	if !s.yearContext(i, y) {
		return found{}, false
	}
	// the 1988 third quarter, the 1988 period: left to the period
	if s.periodAhead(i+1) && (!s.is(i+1, "period") || s.is(i-1, "the")) {
		return found{}, false
	}
	start := s.leftMod(i)
	return pt(start, i+1, point{g: gYear, y: y}, false), true
}

// yearContext tells a year from a count or an identifier: "$2000",
// "2000 people", "Flight 1549", "No. 1999" are not years.
func (s *scanner) yearContext(i, y int) bool {
	prev, next := i-1, i+1
	if s.inSent(prev) {
		pt := s.toks[prev]
		if pt.End == s.toks[i].Start && s.isAny(prev, "$", "£", "€", "#", "-", "–", "+", ".") && !s.isDash(prev) {
			return false
		}
		if s.isAny(prev, "no", "number", "nos", "page", "pages", "route", "flight", "resolution", "room", "about", "some", "nearly", "almost", "approximately", "roughly", "than", "least", "over", "under", "only", "just", "around") {
			return false
		}
		if pt.Kind == article.Word && pt.Flags&article.Cap != 0 && prev != s.ss && s.lex(prev).kind == kNone && !s.isAny(prev, "in", "since", "by", "from", "until", "fiscal", "of", "before", "after", "during", "circa", "summer", "spring", "winter", "autumn", "fall", "end", "early", "late", "mid", "and", "or", "to") {
			return false
		}
	}
	if s.inSent(next) {
		nt := s.toks[next]
		if s.adj(i) && s.isAny(next, "%") {
			return false
		}
		if s.isAny(next, "percent", "per", "pct") {
			return false
		}
		if nt.Kind == article.Word && nt.Flags&article.Cap == 0 && s.countNoun(next) && !s.timePrep(prev) {
			return false
		}
	}
	if y < 1900 || y > 2100 {
		return s.timePrep(prev)
	}
	return true
}

// timePrep reports whether token j is a word that commonly comes right
// before a year.
func (s *scanner) timePrep(j int) bool {
	return s.inSent(j) && s.isAny(j, "in", "since", "of", "by", "from", "until", "till", "to", "before", "after", "during", "the", "circa", "year", "early", "late", "mid", "between", "and", "through", "fiscal", "'s", "’s", "around", "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "middle", "as", "for", ",")
}

// countNoun reports a plural noun after a number: "2000 people".
func (s *scanner) countNoun(j int) bool {
	if s.in(j, countNouns) {
		return true
	}
	w := s.word(j)
	if len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' {
		return false
	}
	return s.lex(j).kind == kNone
}

// countNouns are plural nouns without a final s that follow counts.
var countNouns = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true,
	"personnel": true, "staff": true, "troops": true, "refugees": true, "feet": true,
}

// decade handles "1990s", "the 1990s", "the early 1980s", "'90s".
func (s *scanner) decade(i, v, n int) (found, bool) {
	switch {
	case n == 4 && v%10 == 0:
	case n == 2 && v%10 == 0 && s.inSent(i-1) && s.adj(i-1) && s.isAny(i-1, "'", "’"):
		c := 1900
		if s.hasDCT && s.dct.Year() >= 2000 && 2000+v <= s.dct.Year() {
			c = 2000
		}
		v += c
	default:
		return found{}, false
	}
	start := i
	if n == 2 {
		start = i - 1
	}
	start = s.leftMod(start)
	if s.is(start-1, "the") && start-1 >= s.limit() {
		start--
	}
	return pt(start, i+1, point{g: gDecade, y: v}, false), true
}

// ordinalNumber handles "20th century", "3rd quarter", "the 8th of
// August", "8th August".
func (s *scanner) ordinalNumber(i, v int) (found, bool) {
	k := i + 1
	if s.isDash(k) && s.adj(i) {
		k++
	}
	if g, _, ok := s.unitAt(k); ok {
		switch g {
		case gCentury:
			start := i
			if s.is(i-1, "the") && i-1 >= s.limit() {
				start = i - 1
			}
			start = s.leftMod(start)
			if v < 1 || v > 30 {
				return found{}, false
			}
			return pt(start, k+1, point{g: gCentury, y: (v - 1) * 100}, false), true
		case gQuarter:
			if v >= 1 && v <= 4 {
				return s.period(k, gQuarter, v, i)
			}
		}
		return found{}, false
	}
	if v >= 1 && v <= 31 {
		k = i + 1
		if s.is(k, "of") {
			k++
		}
		if me := s.lex(k); me.kind == kMonth {
			return s.dayMonth(i, v, k, me)
		}
	}
	return found{}, false
}

// slashDate handles "08/08/2025", "8/8/25", "2025/08/08": month first
// unless the first number cannot be a month.
func (s *scanner) slashDate(i int, w string) (found, bool) {
	parts := strings.Split(w, "/")
	if len(parts) != 3 {
		return found{}, false
	}
	var v [3]int
	var n [3]int
	for k, p := range parts {
		var ok bool
		if v[k], n[k], ok = atoi(p); !ok {
			return found{}, false
		}
	}
	var y, m, d int
	switch {
	case n[0] == 4:
		y, m, d = v[0], v[1], v[2]
	case n[2] == 4 || n[2] == 2:
		y, m, d = v[2], v[0], v[1]
		if m > 12 {
			m, d = d, m
		}
		if n[2] == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
	default:
		return found{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2199 {
		return found{}, false
	}
	return pt(i, i+1, point{g: gDay, y: y, m: m, d: d}, false), true
}

// clock handles "3 p.m.", "10:35 a.m.", "3pm", "9 o'clock", "15:30",
// each optionally followed by a zone and a day: "9 a.m. EST Tuesday".
func (s *scanner) clock(i int) (found, bool) {
	w := s.word(i)
	k := 0
	for k < len(w) && (isDigit(w[k]) || w[k] == ':') {
		k++
	}
	digits, suffix := w[:k], w[k:]
	hs, ms, hasColon := strings.Cut(digits, ":")
	if strings.Contains(ms, ":") || strings.Contains(hs, ",") || strings.Contains(hs, ".") {
		return found{}, false
	}
	h, hn, ok := atoi(hs)
	if !ok || hn > 2 {
		return found{}, false
	}
	mm := 0
	if hasColon {
		var mn int
		if mm, mn, ok = atoi(ms); !ok || mn != 2 || mm > 59 {
			return found{}, false
		}
	}
	end := i + 1
	ampm := -1
	switch strings.ToLower(strings.TrimSuffix(suffix, ".")) {
	case "am", "a.m":
		ampm = 0
	case "pm", "p.m":
		ampm = 12
	case "":
	default:
		return found{}, false
	}
	if ampm < 0 {
		if e := s.lex(end); e.kind == kAmPm && (s.toks[end].Flags&article.Cap == 0 || s.toks[end].Flags&article.AllCaps != 0 || strings.Contains(s.word(end), ".")) {
			ampm = int(e.v)
			end++
		} else if s.isAny(end, "o'clock", "o’clock") {
			end++
			ampm = -2
		}
	}
	switch {
	case ampm >= 0:
		if h < 1 || h > 12 {
			return found{}, false
		}
		h = h%12 + ampm
	case ampm == -2:
		if h > 12 {
			return found{}, false
		}
	case hasColon:
		if h > 24 || !s.isAny(i-1, "at", "by", "until", "around", "about", "before", "after", "from", "till") && !s.timeZone(end) {
			return found{}, false
		}
	default:
		return found{}, false
	}
	if s.timeZone(end) {
		end++
	}
	p, k, ok := s.dayAfter(end)
	switch {
	case ok:
		end = k
	case s.is(end, "on"):
		if p, _, ok = s.dayAfter(end + 1); !ok {
			p = s.dctAt(gDay)
		}
	default:
		p = s.dctAt(gDay)
	}
	if !p.known() && p.wd == 0 {
		p = point{g: gDay}
	}
	p.g, p.hh, p.mm = gMinute, h, mm
	start := s.leftApprox(i)
	return pt(start, end, p, true), true
}

func (s *scanner) timeZone(j int) bool {
	return s.inSent(j) && s.toks[j].Flags&article.AllCaps != 0 && s.in(j, timeZones)
}

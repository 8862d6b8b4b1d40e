package date

import (
	"math"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/amount"
)

// rel is the relation a determiner sets between a calendar unit and the
// publication date or the reference time.
type rel uint8

const (
	rNone    rel = iota
	rThis        // this, current, present
	rLast        // last, past
	rNext        // next, coming, upcoming
	rPrev        // previous, preceding, prior: the reference minus one
	rFollow      // following, subsequent, the next: the reference plus one
	rSame        // same, that: the reference
	rLatest      // latest, most recent
	rEvery       // every, each, per
	rRecent      // recent
	rA           // a, an, one
	rThe         // the alone
	rYearAgo     // year-earlier, year-ago, prior-year
)

// leftRel reads the determiner left of token i: "last week", "the
// following day", "this fiscal year", "the year-earlier quarter". It
// returns the first token of the expression and the relation.
func (s *scanner) leftRel(i int) (int, rel) {
	lim := s.limit()
	start, j := i, i-1
	if j >= lim && s.isAny(j, "fiscal", "full", "whole", "entire", "calendar") {
		start, j = j, j-1
	}
	if j < lim {
		return start, rNone
	}
	the := func(r rel) (int, rel) {
		if j-1 >= lim && s.is(j-1, "the") {
			return j - 1, r
		}
		return j, r
	}
	switch {
	case s.isAny(j, "this", "these", "current", "present"):
		return the(rThis)
	case s.isAny(j, "that", "those"):
		return j, rSame
	case s.is(j, "same"):
		return the(rSame)
	case s.isAny(j, "last", "past"):
		return the(rLast)
	case s.is(j, "next"):
		if j-1 >= lim && s.is(j-1, "the") {
			return j - 1, rFollow
		}
		return j, rNext
	case s.isAny(j, "coming", "upcoming"):
		return the(rNext)
	case s.isAny(j, "previous", "preceding", "prior"):
		return the(rPrev)
	case s.isAny(j, "following", "subsequent", "ensuing"):
		return the(rFollow)
	case s.is(j, "latest"):
		return the(rLatest)
	case s.is(j, "recent"):
		if j-1 >= lim && s.is(j-1, "most") {
			j--
			return the(rLatest)
		}
		return the(rRecent)
	case s.isAny(j, "every", "each"):
		return j, rEvery
	case s.isAny(j, "a", "an", "one"):
		return j, rA
	case s.is(j, "the"):
		return j, rThe
	case s.isAny(j, "year-earlier", "year-ago", "prior-year", "year-before", "year-previous"):
		return the(rYearAgo)
	}
	return start, rNone
}

// leftMod extends an expression starting at token start over "early",
// "late", "mid", "earlier", "later" and "the end of", "the beginning of",
// "the middle of", "the turn of".
func (s *scanner) leftMod(start int) int {
	lim := s.limit()
	j := start - 1
	if j < lim {
		return start
	}
	if s.isAny(j, "early", "late", "earlier", "later", "mid", "middle") {
		if j-1 >= lim && s.is(j-1, "very") {
			return j - 1
		}
		if j-1 >= lim && s.is(j-1, "the") && !s.isAny(j, "earlier", "later") {
			return j - 1
		}
		return j
	}
	if s.is(j, "of") && j-1 >= lim && s.isAny(j-1, "end", "beginning", "start", "middle", "turn", "close", "autumn", "spring", "summer", "winter") {
		k := j - 1
		if k-1 >= lim && s.is(k-1, "very") {
			k--
		}
		if k-1 >= lim && s.is(k-1, "the") {
			k--
		}
		return k
	}
	return start
}

// leftApprox extends start over "about", "nearly", "more than", "at
// least", "up to" and the like.
func (s *scanner) leftApprox(start int) int {
	lim := s.limit()
	j := start - 1
	switch {
	case j < lim:
		return start
	case s.in(j, approximators):
		return j
	case j-1 >= lim && s.is(j, "than") && s.isAny(j-1, "more", "less", "fewer"):
		return j - 1
	case j-1 >= lim && s.isAny(j, "least", "most") && s.is(j-1, "at"):
		return j - 1
	case j-1 >= lim && s.is(j, "to") && s.is(j-1, "up"):
		return j - 1
	}
	return start
}

// dctAt returns the publication date's unit of granularity g; unknown
// (value "") without a publication date.
func (s *scanner) dctAt(g gran) point {
	if !s.hasDCT {
		return point{}
	}
	return at(s.dct, g)
}

// refAt returns the reference time's unit of granularity g.
func (s *scanner) refAt(g gran) point {
	if !s.ref.known() {
		return s.dctAt(g)
	}
	p, ok := s.ref.to(g)
	if !ok {
		return point{}
	}
	return p
}

// to converts p to granularity g when g is as coarse as p or coarser.
func (p point) to(g gran) (point, bool) {
	if !p.known() {
		return point{}, false
	}
	if p.g == g {
		return p, true
	}
	if p.g <= gDay {
		return at(p.timeOf(), g), true
	}
	if g < p.g {
		return point{}, false
	}
	return at(p.firstDay(), g), true
}

// firstDay returns the first day of p as a day point's time.
func (p point) firstDay() (t timeT) {
	m := 1
	switch p.g {
	case gWeek, gWeekend:
		return isoWeekStart(p.y, p.w)
	case gMonth:
		m = p.m
	case gQuarter:
		m = (p.q-1)*3 + 1
	case gHalf:
		m = (p.q-1)*6 + 1
	case gSeason:
		m = []int{3, 6, 9, 12}[p.q-1]
	}
	return point{g: gDay, y: p.y, m: m, d: 1}.timeOf()
}

// midCap reports a capitalised word inside a sentence (not its first
// word, not after a quote or a colon, not in an all-capitals line): a name
// rather than a common word.
func (s *scanner) midCap(i int) bool {
	t := s.toks[i]
	if t.Flags&article.Cap == 0 || t.Flags&article.AllCaps != 0 || t.Flags&article.LineStart != 0 || i <= s.ss {
		return false
	}
	p := s.toks[i-1]
	if p.Kind == article.Punct && s.isAny(i-1, ":", "\"", "“", "‘", "'", "(", "-", "—", "–", "``") {
		return false
	}
	// Title Case headlines: the word before is capitalised too and so is
	// the one after
	if p.Kind == article.Word && p.Flags&article.Cap != 0 && s.inSent(i+1) && s.toks[i+1].Flags&article.Cap != 0 && s.lex(i-1).kind != kNone {
		return false
	}
	return true
}

// yearAfter returns the year written at token j or after "of", or 0.
func (s *scanner) yearAfter(j int) int {
	if s.is(j, "of") {
		j++
	}
	y, _, _ := s.yearAt(j)
	return y
}

// anaphor marks f as computed from the reference time or by a shift.
func anaphor(f found) found {
	f.anaphor = true
	return f
}

// pt makes a found DATE for a point.
func pt(start, end int, p point, rel bool) found {
	typ := tDate
	if p.g <= gPartOfDay && p.g > gNone {
		typ = tTime
	}
	return found{start: start, end: end, typ: typ, val: p.value(), g: p.g, rel: rel, p: p, isPoint: true}
}

// ref makes a found PRESENT_REF, PAST_REF or FUTURE_REF.
func refFound(start, end, r int) found {
	return found{start: start, end: end, typ: tDate, val: refValues[r], p: point{ref: r + 1}, isPoint: true}
}

func durFound(start, end int, n float64, g gran, typ string) found {
	return found{start: start, end: end, typ: typ, val: durationValue(n, g), g: g}
}

// durationValue writes n units of g, splitting a fraction into the next
// smaller unit: 5.5 hours is PT5H30M, 1.5 years P1Y6M.
func durationValue(n float64, g gran) string {
	if n < 0 || n == math.Trunc(n) {
		return duration(n, g)
	}
	whole, frac := math.Trunc(n), n-math.Trunc(n)
	n2, g2 := wholeUnits(frac, g)
	if g2 == g || n2 != math.Trunc(n2) || g == gDecade || g == gCentury {
		n, g = wholeUnits(n, g)
		return duration(n, g)
	}
	if whole == 0 {
		return duration(n2, g2)
	}
	a, b := duration(whole, g), duration(n2, g2)
	switch {
	case a[1] == 'T': // PT5H + PT30M
		return a + b[2:]
	case b[1] == 'T': // P1D + PT12H
		return a + b[1:]
	}
	return a + b[1:] // P1Y + P6M
}

// wholeUnits turns fractional counts into a smaller unit where one fits:
// half an hour is 30 minutes, 1.5 years 18 months.
func wholeUnits(n float64, g gran) (float64, gran) {
	if n < 0 || n == math.Trunc(n) {
		return n, g
	}
	switch g {
	case gMinute:
		return n * 60, gSecond
	case gHour:
		return n * 60, gMinute
	case gDay:
		return n * 24, gHour
	case gWeek:
		return n * 7, gDay
	case gYear:
		return n * 12, gMonth
	case gDecade:
		return n * 10, gYear
	case gCentury:
		return n * 100, gYear
	}
	return n, g
}

// month handles "August 8, 2025", "Aug. 8", "July 1997", "March",
// "last November", "late November".
func (s *scanner) month(i int, e entry) (found, bool) {
	if !s.cap(i) {
		return found{}, false
	}
	m := int(e.v)
	if d, k, ok := s.dayNum(i + 1); ok && (s.adj(i) == false) {
		end := k
		y := 0
		j := k
		if s.is(j, ",") {
			j++
		}
		if yy, k, ok := s.yearAt(j); ok {
			y, end = yy, k
		}
		p := point{g: gDay, y: y, m: m, d: d}
		rel := false
		if y == 0 {
			rel = true
			if s.hasDCT {
				p.y = dayYear(s.dct, m, d, s.tense(i, end))
			}
		}
		return pt(s.leftMod(i), end, p, rel), true
	}
	j := i + 1
	if s.is(j, ",") || s.is(j, "of") {
		j++
	}
	if y, k, ok := s.yearAt(j); ok {
		start := s.leftMod(i)
		return pt(start, k, point{g: gMonth, y: y, m: m}, false), true
	}
	// January this year, June last year
	if y, k, ok := s.relYear(i + 1); ok && s.cap(i) {
		return pt(s.leftMod(i), k, point{g: gMonth, y: y, m: m}, true), true
	}
	if e.flags&fAbbrev != 0 {
		return found{}, false
	}
	if e.flags&fAmbig != 0 && !s.monthAlone(i) {
		return found{}, false
	}
	// a capitalised word before (Theresa May) makes it a name
	if i-1 >= s.ss && s.cap(i-1) && s.toks[i-1].Kind == article.Word && s.lex(i-1).kind == kNone && i-1 != s.ss {
		return found{}, false
	}
	start, r := s.leftRel(i)
	p := point{g: gMonth, m: m}
	switch r {
	case rEvery:
		return found{start: start, end: i + 1, typ: tSet, val: "XXXX-" + twoDigits(m), g: gMonth}, true
	case rThis, rLast, rNext, rNone, rThe, rSame, rA:
	default:
		return found{}, false
	}
	if r == rThe || r == rSame || r == rA {
		start, r = i, rNone // the June agreement
	}
	if s.hasDCT {
		cur := int(s.dct.Month())
		y := s.dct.Year()
		switch r {
		case rThis:
		case rLast:
			if m >= cur {
				y--
			}
		case rNext:
			if m <= cur {
				y++
			}
		default:
			y = monthYear(s.dct, m, s.tense(i, i+1))
		}
		p.y = y
	}
	return pt(s.leftMod(start), i+1, p, true), true
}

// yearAt reads a year at token j: "1997", "nineteen ninety-seven", "two
// thousand", "two thousand and one". It returns the year and the token
// after it.
func (s *scanner) yearAt(j int) (int, int, bool) {
	if y, ok := s.yearTok(j); ok {
		return y, j + 1, true
	}
	if s.is(j, "nineteen") {
		if v, k, ok := amount.NumberAt(s.src, s.toks, j+1, s.se); ok && v >= 10 && v < 100 && k == j+2 {
			return 1900 + int(v), k, true
		}
	}
	if s.is(j, "two") && s.is(j+1, "thousand") {
		if v, k, ok := amount.NumberAt(s.src, s.toks, j, s.se); ok && v >= 2000 && v < 2100 {
			return int(v), k, true
		}
	}
	return 0, j, false
}

// relYear reads "this year", "last year", "next year" at token j as a
// year counted from the publication date.
func (s *scanner) relYear(j int) (int, int, bool) {
	if !s.is(j+1, "year") || !s.hasDCT {
		return 0, j, false
	}
	y := s.dct.Year()
	switch {
	case s.is(j, "this"):
	case s.is(j, "last"):
		y--
	case s.is(j, "next"):
		y++
	default:
		return 0, j, false
	}
	return y, j + 2, true
}

// monthAlone reports whether an ambiguous month word (May, March, August)
// at i stands for the month: next to a date word, a preposition of time,
// or a relative determiner.
func (s *scanner) monthAlone(i int) bool {
	if s.toks[i].Flags&article.AllCaps != 0 {
		return false
	}
	return s.isAny(i-1, "in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "of", "during", "from", "through", "before", "after", "on")
}

func twoDigits(v int) string {
	return string([]byte{byte('0' + v/10%10), byte('0' + v%10)})
}

// weekday handles "Friday", "last Friday", "Friday morning", "Monday,
// Oct. 26".
func (s *scanner) weekday(i int, e entry) (found, bool) {
	if !s.cap(i) {
		return found{}, false
	}
	wd := int(e.v)
	end := i + 1
	j := end
	if s.is(j, ",") {
		j++
	}
	// Monday, Oct. 26
	if me := s.lex(j); me.kind == kMonth {
		if f, ok := s.month(j, me); ok && f.p.g == gDay && f.start == j {
			f.start = s.leftMod(i)
			return f, true
		}
	}
	if d, k, ok := s.dayNum(j); ok {
		if me := s.lex(k); me.kind == kMonth {
			if f, ok := s.dayMonth(j, d, k, me); ok {
				f.start = i
				return f, true
			}
		}
	}
	start, r := s.leftRel(i)
	var p point
	rel := true
	if pe := s.lex(end); pe.kind == kPOD && pe.flags&fPlural != 0 {
		return s.weekdaySet(start, i, wd) // Tuesday nights
	}
	switch r {
	case rEvery:
		return s.weekdaySet(start, i, wd)
	case rThe, rA, rRecent, rLatest, rYearAgo:
		start = i
		r = rNone
	}
	if s.hasDCT {
		var dir int
		switch r {
		case rLast, rPrev:
			dir = -1
		case rNext, rFollow:
			dir = 1
		case rThis:
			dir = 0
		case rSame:
			dir = -1
		default:
			dir = s.tense(start, end)
			// Friday's ruling: a noun's modifier, not the verb's time
			if _, poss := s.possessive(end); dir == 0 || poss {
				dir = -1
			}
		}
		t := s.dct
		if r == rLast {
			t = t.AddDate(0, 0, -1)
		}
		p = dayPoint(weekdayFrom(t, wd, dir))
	} else {
		p = point{g: gDay, wd: wd}
	}
	// Friday morning, Friday night
	if pe := s.lex(end); pe.kind == kPOD && pe.flags&fPlural == 0 {
		p.g, p.pod = gPartOfDay, int(pe.v)+1
		end++
	}
	// "earlier Friday", "late Monday": the adverb stays out, as TimeBank mostly has it
	return pt(start, end, p, rel), true
}

func (s *scanner) weekdaySet(start, i, wd int) (found, bool) {
	end := i + 1
	val := "XXXX-WXX-" + string(rune('0'+wd))
	if pe := s.lex(end); pe.kind == kPOD {
		val += "T" + podCodes[pe.v]
		end++
	}
	return found{start: start, end: end, typ: tSet, val: val, g: gDay}, true
}

// weekdays handles plural weekdays, a set: "on Tuesdays", "Tuesday nights"
// comes through weekday.
func (s *scanner) weekdays(i int, e entry) (found, bool) {
	if !s.cap(i) {
		return found{}, false
	}
	start := i
	if s.isAny(i-1, "every", "on") && s.is(i-1, "every") {
		start = i - 1
	}
	return s.weekdaySet(start, i, int(e.v))
}

// dayMonth handles "8 August 2025", "8th of August": the day d at token
// j, the month word at token k.
func (s *scanner) dayMonth(j, d, k int, me entry) (found, bool) {
	if !s.cap(k) || me.flags&fAmbig != 0 && !s.cap(k) {
		return found{}, false
	}
	m := int(me.v)
	end := k + 1
	y := 0
	q := end
	if s.is(q, ",") {
		q++
	}
	if yy, k, ok := s.yearAt(q); ok {
		y, end = yy, k
	}
	p := point{g: gDay, y: y, m: m, d: d}
	rel := false
	if y == 0 {
		rel = true
		if s.hasDCT {
			p.y = dayYear(s.dct, m, d, s.tense(j, end))
		}
	}
	start := j
	if s.is(j-1, "the") && j-1 >= s.limit() {
		start = j - 1
	}
	return pt(start, end, p, rel), true
}

// season handles "this summer", "last fall", "summer 1998", "the summer of
// 1998", "in winter".
func (s *scanner) season(i int, e entry) (found, bool) {
	si := int(e.v)
	end := i + 1
	// the Arab Spring, the Spring Group: seasons are lower case in
	// running text, so a capital one is a name unless a year follows
	if s.midCap(i) && s.yearAfter(end) == 0 {
		return found{}, false
	}
	j := end
	if s.is(j, "of") {
		j++
	}
	if y, k, ok := s.yearAt(j); ok {
		start := i
		if s.is(i-1, "the") && i-1 >= s.limit() {
			start = i - 1
		}
		p := point{g: gSeason, y: y, q: si + 1}
		return pt(s.leftMod(start), k, p, false), true
	}
	start, r := s.leftRel(i)
	switch r {
	case rThis, rLast, rNext, rSame, rThe, rPrev, rFollow:
	case rEvery:
		return found{start: start, end: end, typ: tSet, val: "XXXX-" + seasonCodes[si], g: gSeason}, true
	case rNone:
		if e.flags&fAmbig != 0 || !s.isAny(i-1, "in", "during", "over", "since", "until", "by", "early", "late", "mid") {
			return found{}, false
		}
	default:
		return found{}, false
	}
	if r == rThe && (e.flags&fAmbig != 0 && s.is(end, "of") || s.is(end, "of")) {
		return found{}, false // the fall of the Berlin Wall
	}
	p := point{g: gSeason, q: si + 1}
	if s.hasDCT {
		starts := [4]int{3, 6, 9, 12}
		cur := int(s.dct.Month())
		y := s.dct.Year()
		if cur < 3 && si == 3 {
			y-- // January's winter began last December
		}
		begun := cur >= starts[si] || si == 3 && cur < 3
		switch r {
		case rThis:
		case rLast, rPrev:
			if !begun || isIn(s.dct, si) {
				y--
			}
		case rNext, rFollow:
			if begun {
				y++
			}
		default:
			dir := s.tense(start, end)
			switch {
			case dir < 0 && !begun:
				y--
			case dir > 0 && begun && !isIn(s.dct, si):
				y++
			}
		}
		p.y = y
	}
	return pt(s.leftMod(start), end, p, true), true
}

// isIn reports whether t falls in season si.
func isIn(t timeT, si int) bool {
	_, cur := seasonOf(t)
	return cur == si
}

// partOfDay handles "this morning", "last night", "early this morning".
func (s *scanner) partOfDay(i int, e entry) (found, bool) {
	if e.flags&fPlural != 0 {
		return found{}, false
	}
	pod := int(e.v)
	start, r := s.leftRel(i)
	var p point
	switch r {
	case rThis:
		p = s.dctAt(gDay)
	case rLast:
		if pod < 2 { // last morning: not said
			return found{}, false
		}
		p = s.dctAt(gDay).shift(-1)
	case rSame:
		p = s.refAt(gDay)
	case rFollow, rNext:
		p = s.refAt(gDay).shift(1)
	case rPrev:
		p = s.refAt(gDay).shift(-1)
	default:
		return found{}, false
	}
	if p.known() {
		p.g, p.pod = gPartOfDay, pod+1
	}
	return pt(s.leftMod(start), i+1, p, true), true
}

// deictic handles "today", "yesterday", "tomorrow", "tonight", "yesterday
// morning", "late yesterday".
func (s *scanner) deictic(i int, e entry) (found, bool) {
	// USA Today, the Today programme
	if s.midCap(i) {
		return found{}, false
	}
	end := i + 1
	p := s.dctAt(gDay).shift(int(e.v) - 1)
	if e.flags&fNight != 0 {
		if p.known() {
			p.g, p.pod = gPartOfDay, 4
		}
	} else if pe := s.lex(end); pe.kind == kPOD && pe.flags&fPlural == 0 {
		if p.known() {
			p.g, p.pod = gPartOfDay, int(pe.v)+1
		}
		end++
	}
	return pt(s.leftMod(i), end, p, true), true
}

// refWord handles "now", "currently", "recently", "the past", "the
// future" and their kin.
func (s *scanner) refWord(i int, e entry) (found, bool) {
	r := int(e.v)
	lim := s.limit()
	next := s.lex(i + 1)
	switch {
	case s.isAny(i, "current", "recent"):
		if next.kind == kUnit || s.isAny(i+1, "fiscal", "period", "past") {
			return found{}, false
		}
		if s.is(i, "recent") && s.is(i-1, "most") {
			return found{}, false
		}
	case s.is(i, "past"):
		// only "the past", "the recent past", "the distant past"
		j := i - 1
		if j >= lim && s.isAny(j, "recent", "distant", "immediate") {
			j--
		}
		if !(j >= lim && s.is(j, "the")) || next.kind != kNone || s.toks[min(i+1, len(s.toks)-1)].Kind == article.Number && s.inSent(i+1) {
			return found{}, false
		}
		return refFound(j, i+1, refPast), true
	case s.is(i, "future"):
		j := i - 1
		if j >= lim && s.isAny(j, "near", "foreseeable", "distant", "immediate", "not-too-distant", "indefinite") {
			j--
		}
		if j >= lim && s.is(j, "the") {
			return refFound(j, i+1, refFuture), true
		}
		if j == i-1 && s.is(j, "in") {
			return refFound(i, i+1, refFuture), true
		}
		return found{}, false
	}
	return refFound(i, i+1, r), true
}

// setAdv handles "daily", "weekly", "annually": sets.
func (s *scanner) setAdv(i int, e entry) (found, bool) {
	if s.cap(i) && i != s.ss {
		return found{}, false // the Daily Telegraph
	}
	// "the quarterly dividend": a kind of report, not a recurring time
	if gran(e.v) == gQuarter && s.inSent(i+1) && s.toks[i+1].Kind == article.Word {
		return found{}, false
	}
	return found{start: i, end: i + 1, typ: tSet, val: duration(1, gran(e.v)), g: gran(e.v)}, true
}

// holiday handles "Christmas", "New Year's Day", "Thanksgiving".
func (s *scanner) holiday(i int, e entry) (found, bool) {
	if !s.cap(i) {
		return found{}, false
	}
	// find the longest holiday name starting at i
	best, bestEnd := -1, i
	for hi, h := range holidays {
		words := strings.Fields(h.name)
		j := i
		ok := true
		for _, w := range words {
			w2, poss := strings.CutSuffix(w, "'s")
			if !s.is(j, w2) {
				ok = false
				break
			}
			j++
			if poss {
				k, isPoss := s.possessive(j)
				if !isPoss {
					ok = false
					break
				}
				j = k
			}
		}
		if ok && j > bestEnd {
			best, bestEnd = hi, j
		}
	}
	if best < 0 {
		return found{}, false
	}
	h := holidays[best]
	end := bestEnd
	if s.isAny(end, "day", "eve", "sunday") && !strings.HasSuffix(h.name, " day") && !strings.HasSuffix(h.name, " eve") {
		if s.is(end, "eve") {
			return found{}, false
		}
		end++
	}
	p := point{g: gDay}
	rel := true
	j := end
	if s.is(j, ",") {
		j++
	}
	if y, ok := s.yearTok(j); ok {
		p.y, end, rel = y, j+1, false
	}
	start, r := s.leftRel(i)
	if r != rLast && r != rThis && r != rNext {
		start = i
	}
	if p.y == 0 && s.hasDCT {
		y := s.dct.Year()
		m, d := holidayDate(h, y)
		dir := 0
		switch r {
		case rLast:
			dir = -1
		case rNext:
			dir = 1
		case rThis:
			dir = 0
		default:
			dir = s.tense(start, end)
		}
		p.y = dayYear(s.dct, m, d, dir)
	}
	if p.y != 0 {
		p.m, p.d = holidayDate(h, p.y)
	} else if h.day != 0 {
		p.m, p.d = h.month, h.day
	} else {
		return found{start: start, end: end, typ: tDate, val: "", g: gDay, rel: true}, true
	}
	return pt(start, end, p, rel), true
}

// decadeWord handles "the nineties", "the early sixties".
func (s *scanner) decadeWord(i int, e entry) (found, bool) {
	lim := s.limit()
	j := i - 1
	if j >= lim && s.isAny(j, "early", "late", "mid") {
		j--
	}
	if !(j >= lim && s.is(j, "the")) {
		return found{}, false
	}
	y := 1900 + 10*int(e.v)
	if s.hasDCT && s.dct.Year() >= 2000 && 2000+10*int(e.v) <= s.dct.Year() {
		y += 100
	}
	return pt(j, i+1, point{g: gDecade, y: y}, false), true
}

// noon handles "noon", "midnight", "noon Thursday".
func (s *scanner) noon(i int, e entry) (found, bool) {
	if s.cap(i) && i != s.ss {
		return found{}, false // High Noon
	}
	end := i + 1
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
	if p.known() || p.wd > 0 {
		p.g, p.hh, p.mm = gMinute, int(e.v), 0
	}
	return pt(s.leftApprox(i), end, p, true), true
}

// dayAfter reads a day named after a clock time: "Tuesday", "today",
// "Nov. 9", ", Nov. 6", "on Friday".
func (s *scanner) dayAfter(j int) (point, int, bool) {
	if s.is(j, ",") {
		j++
	}
	e := s.lex(j)
	switch e.kind {
	case kWeekday:
		if f, ok := s.weekday(j, e); ok && f.p.g == gDay && f.start == j {
			return f.p, f.end, true
		}
	case kDeictic:
		if e.flags&fNight == 0 {
			return s.dctAt(gDay).shift(int(e.v) - 1), j + 1, true
		}
	case kMonth:
		if f, ok := s.month(j, e); ok && f.p.g == gDay && f.start == j {
			return f.p, f.end, true
		}
	}
	return point{}, j, false
}

// fiscal handles "fiscal 1989", "fiscal year 1989", "fiscal 1989-90".
func (s *scanner) fiscal(i int) (found, bool) {
	j := i + 1
	if s.is(j, "year") {
		j++
	}
	y, ok := s.yearTok(j)
	if !ok {
		return found{}, false
	}
	end := j + 1
	return pt(i, end, point{g: gYear, y: y}, false), true
}

// numberWord handles durations and years written in words: "two days",
// "several years", "a few weeks", "nineteen ninety-six", "the first half".
func (s *scanner) numberWord(i int) (found, bool) {
	switch {
	case s.is(i, "half"):
		return s.half(i)
	case s.isAny(i, "several", "few", "couple", "many"):
		k := i + 1
		if s.is(k, "of") {
			k++
		}
		g, _, ok := s.unitAt(k)
		if !ok {
			return found{}, false
		}
		start := i
		if s.is(i-1, "a") && i-1 >= s.limit() {
			start = i - 1
		}
		if s.is(i, "many") && s.is(i-1, "so") {
			return found{}, false
		}
		n := -1.0
		if s.is(i, "couple") {
			n = 2
		}
		return s.durationAfter(start, i, n, g, k+1)
	case s.is(i, "nineteen"):
		if v, k, ok := amount.NumberAt(s.src, s.toks, i+1, s.se); ok && v >= 10 && v < 100 && k == i+2 {
			return pt(i, k, point{g: gYear, y: 1900 + int(v)}, false), true
		}
	}
	v, k, ok := amount.NumberAt(s.src, s.toks, i, s.se)
	if !ok {
		return found{}, false
	}
	return s.durationFrom(i, v, k)
}

// half handles "the first half (of 1999)" and "half an hour".
func (s *scanner) half(i int) (found, bool) {
	lim := s.limit()
	if i-1 >= lim && s.isAny(i-1, "first", "second", "last") {
		ord := 1
		if s.isAny(i-1, "second", "last") {
			ord = 2
		}
		if s.is(i-1, "last") && !s.is(i-2, "the") {
			return found{}, false
		}
		return s.period(i, gHalf, ord, i-1)
	}
	if s.isAny(i+1, "a", "an") {
		if g, pl, ok := s.unitAt(i + 2); ok && !pl {
			return s.durationAfter(i, i, 0.5, g, i+3)
		}
	}
	return found{}, false
}

// durationFrom reads the unit after a number n that ends at token k:
// "two days", "16-hour", "48 hours ago", "12 to 18 months".
func (s *scanner) durationFrom(i int, n float64, k int) (found, bool) {
	j := k
	if s.inSent(j) && s.isDash(j) && s.adj(j-1) && s.adj(j) {
		j++
	}
	// 5 1/2 hours, two more weeks, three straight years
	if s.isAny(j, "1/2", "½") {
		n += 0.5
		j++
	}
	if s.isAny(j, "more", "additional", "extra", "straight", "consecutive", "full", "long", "whole") {
		if _, _, ok := s.unitAt(j + 1); ok {
			j++
		}
	}
	g, _, ok := s.unitAt(j)
	if !ok {
		// 12 to 18 months, 10-15 years
		if s.isAny(j, "to", "or", "-", "–") {
			if _, k2, ok := amount.NumberAt(s.src, s.toks, j+1, s.se); ok {
				if g2, _, ok := s.unitAt(k2); ok {
					return s.durationAfter(i, i, -1, g2, k2+1)
				}
			}
		}
		// two and a half years
		if s.is(j, "and") && s.is(j+1, "a") && s.is(j+2, "half") {
			if g2, _, ok := s.unitAt(j + 3); ok {
				return s.durationAfter(i, i, n+0.5, g2, j+4)
			}
		}
		return found{}, false
	}
	// 60 Minutes, a title
	if s.cap(j) && j != s.ss && s.toks[j].Flags&article.AllCaps == 0 && !s.cap(i) {
		return found{}, false
	}
	// "the 1988 second quarter": "second" counts only after one
	if g == gSecond && s.is(j, "second") && n != 1 {
		return found{}, false
	}
	return s.durationAfter(i, i, n, g, j+1)
}

func (s *scanner) isDash(j int) bool {
	return s.inSent(j) && s.toks[j].Kind == article.Punct && s.isAny(j, "-", "–", "‑")
}

// durationAfter finishes a duration of n units g whose number starts at
// token numStart (start is where the words of the count start: "a few")
// and whose unit ends before token end: ages are dropped; "ago",
// "earlier", "later", "from now" make it a date; "every" a set; "the past",
// "about", "more than" join it.
func (s *scanner) durationAfter(start, numStart int, n float64, g gran, end int) (found, bool) {
	// ages: 30-year-old, 52 years old, six-month-old
	if s.is(end, "old") || s.isDash(end) && s.is(end+1, "old") || s.is(end, "of") && s.is(end+1, "age") {
		return found{start: start, end: end}, false
	}
	if s.inSent(end-1) && strings.HasSuffix(strings.ToLower(s.word(end-1)), "-old") {
		return found{}, false
	}
	// a year and a half
	if n >= 0 && s.is(end, "and") && s.is(end+1, "a") && s.is(end+2, "half") {
		n += 0.5
		end += 3
	}
	lim := s.limit()
	if strings.IndexByte(s.word(numStart), '-') > 0 {
		lim = start // a two-year term: the article belongs to "term"
	}
	j := start - 1
	typ := tDuration
	anchored := false
	switch {
	case j >= lim && s.isAny(j, "past", "last", "next", "first", "coming", "previous", "final", "remaining", "following", "initial", "latest", "recent", "preceding", "ensuing", "succeeding", "upcoming"):
		start, anchored = j, true
		if j-1 >= lim && s.is(j-1, "the") {
			start = j - 1
		}
	case j >= lim && s.is(j, "the"):
		start, anchored = j, true
	case j >= lim && s.isAny(j, "every", "each"):
		typ, start = tSet, j
	case j >= lim && s.is(j, "other") && s.is(j-1, "every"):
		typ, start = tSet, j-1
		if n > 0 {
			n *= 2
		}
	}
	if typ == tDuration && !anchored {
		start = s.leftApprox(start)
	}
	// or so
	if s.is(end, "or") && s.is(end+1, "so") {
		end += 2
	}
	if typ == tSet || anchored {
		return durFound(start, end, n, g, typ), true
	}
	// ago, earlier, later, from now
	switch {
	case n < 0 && s.is(end, "ago"):
		return refFound(start, end+1, refPast), true
	case (n < 0 || g < gDay) && s.shiftWord(end):
		// "a few days later", "48 hours later": the duration alone
		return durFound(start, end, n, g, tDuration), true
	case s.is(end, "ago"):
		return s.shifted(start, end+1, -n, g, false), true
	case s.is(end, "from") && s.is(end+1, "now"), s.is(end, "hence"):
		e := end + 1
		if s.is(end, "from") {
			e++
		}
		return s.shifted(start, e, n, g, false), true
	case !s.shiftWord(end):
	case s.isAny(end, "earlier", "before"):
		return s.shifted(start, end+1, -n, g, true), true
	case s.isAny(end, "later", "after"):
		return s.shifted(start, end+1, n, g, true), true
	}
	return durFound(start, end, n, g, tDuration), true
}

// clauseEnds reports whether token j ends a clause: punctuation, the end
// of the sentence, or a conjunction.
func (s *scanner) clauseEnds(j int) bool {
	if !s.inSent(j) {
		return true
	}
	if s.toks[j].Kind == article.Punct {
		return true
	}
	return s.isAny(j, "and", "but")
}

// shifted makes the date n units g from the publication date (or from the
// reference time when fromRef): "two days ago" → DCT − 2 days.
func (s *scanner) shifted(start, end int, n float64, g gran, fromRef bool) found {
	if n != math.Trunc(n) {
		n, g = wholeUnits(n, g)
		n = math.Round(n)
	}
	if n == 0 || math.IsNaN(n) {
		return refFound(start, end, refPast)
	}
	if math.Abs(n) > 10000 || n < 0 && n != math.Trunc(n) {
		return found{start: start, end: end, typ: tDate, g: g, rel: true}
	}
	if n == -(-1) && false {
		return found{}
	}
	gg := g
	switch g {
	case gSecond, gMinute, gHour:
		gg = gDay
		n = math.Round(n / map[gran]float64{gSecond: 86400, gMinute: 1440, gHour: 24}[g])
	case gWeekend:
		gg = gWeek
	case gDecade, gCentury, gMillennium:
		// "a decade ago" is a year, ten years back
		n *= map[gran]float64{gDecade: 10, gCentury: 100, gMillennium: 1000}[g]
		gg = gYear
	}
	var base point
	// "up 5% from a year earlier": a comparison with the same period a
	// year before, the quarter under discussion when there is one,
	// otherwise the publication year.
	if gg == gYear && s.quarter.known() && start-s.quarterTok < 150 {
		return anaphor(pt(start, end, s.quarter.shift(int(n)*4), true))
	}
	if gg == gYear && s.comparison(start) {
		fromRef = false
	}
	if fromRef {
		base = s.refAt(gg)
	} else {
		base = s.dctAt(gg)
	}
	if !base.known() {
		return found{start: start, end: end, typ: tDate, g: gg, rel: true}
	}
	return anaphor(pt(start, end, base.shift(int(n)), true))
}

// unit handles a calendar unit with a determiner: "last week", "this
// year", "the following day", "a year ago", "every month", "recent years".
func (s *scanner) unit(i int, e entry) (found, bool) {
	g := gran(e.v)
	plural := e.flags&fPlural != 0
	if e.flags&(fAbbrev|fAmbig) != 0 {
		return found{}, false
	}
	if g == gQuarter && !plural {
		return s.period(i, gQuarter, 0, i)
	}
	// this year's third quarter: left to the quarter
	if k, poss := s.possessive(i + 1); g == gYear && !plural && poss && s.periodAhead(k) {
		return found{}, false
	}
	start, r := s.leftRel(i)
	end := i + 1
	if plural {
		switch r {
		case rRecent, rLast:
			// recent years, the past years: a vague past
			return refFound(start, end, refPast), true
		case rNext:
			if s.isAny(start, "coming", "the", "upcoming") {
				return refFound(start, end, refFuture), true
			}
			return found{}, false
		case rThis:
			if g == gDay && s.is(i-1, "these") {
				return refFound(i-1, end, refPresent), true
			}
		case rNone:
			if s.isAny(i-1, "for", "in", "over", "within") {
				return durFound(i, end, -1, g, tDuration), true
			}
		}
		return found{}, false
	}
	// the year 2000
	if g == gYear && r == rThe {
		if y, ok := s.yearTok(end); ok {
			return pt(start, end+1, point{g: gYear, y: y}, false), true
		}
		if v, k, ok := amount.NumberAt(s.src, s.toks, end, s.se); ok && v >= 1000 && v < 2200 && v == math.Trunc(v) {
			return pt(start, k, point{g: gYear, y: int(v)}, false), true
		}
	}
	if g == gWeekend {
		return s.weekend(i, start, r)
	}
	var p point
	switch r {
	case rThis:
		if g == gDay {
			return found{}, false
		}
		p = s.dctAt(g)
	case rLast:
		if g == gDay {
			return found{}, false
		}
		if g < gDay || g >= gDecade && s.is(start, "the") { // the past hour, the past decade
			return durFound(start, end, 1, g, tDuration), true
		}
		p = s.dctAt(g).shift(-1)
	case rNext:
		if g == gDay {
			p = s.refAt(g).shift(1)
		} else {
			p = s.dctAt(g).shift(1)
		}
	case rPrev:
		p = s.refAt(g).shift(-1)
	case rFollow:
		p = s.refAt(g).shift(1)
	case rSame:
		if g < gDay {
			return found{}, false
		}
		p = s.refAt(g)
	case rEvery:
		typ := tSet
		return found{start: start, end: end, typ: typ, val: duration(1, g), g: g}, true
	case rA:
		// a year ago; once a year, $5 a year, twice a week; a year
		if !s.shiftWord(end) && s.setContext(start-1) {
			return found{start: start, end: end, typ: tSet, val: duration(1, g), g: g}, true
		}
		return s.durationAfter(start, start, 1, g, end)
	case rThe:
		switch {
		case s.isAny(end, "before", "earlier") && s.clauseEnds(end+1):
			p, end = s.refAt(g).shift(-1), end+1
		case s.isAny(end, "after", "later") && s.clauseEnds(end+1):
			p, end = s.refAt(g).shift(1), end+1
		case s.leftMod(start) < start && g >= gMonth:
			// the end of the year, the beginning of the month
			f := pt(s.leftMod(start), end, s.dctAt(g), true)
			return f, true
		case (g == gYear || g == gWeek || g == gMonth) && !s.is(end, "of") && s.leftMod(start) == start && !s.is(start-1, "of"):
			// (not "player of the year", "goal of the month")
			// "the year ended March 31": a fiscal period, a duration
			if s.isAny(end, "ended", "ending", "through") {
				return durFound(start, end, 1, g, tDuration), true
			}
			// "for the year", "the week": the current one
			f := pt(start, end, s.dctAt(g), true)
			f.anaphor = true
			return f, true
		case g == gWeek && s.is(end, "of") && s.lex(end+1).kind == kMonth:
			// the week of March 6
			if f, ok := s.month(end+1, s.lex(end+1)); ok && f.p.g == gDay && f.p.known() {
				return pt(start, f.end, weekPoint(f.p.timeOf(), gWeek), f.rel), true
			}
			return found{}, false
		default:
			return found{}, false
		}
	default:
		return found{}, false
	}
	if g < gDay && r != rNext {
		return found{}, false
	}
	f := pt(s.leftMod(start), end, p, true)
	f.anaphor = r != rThis && r != rLast && r != rNext
	return f, true
}

// setContext reports whether token j ends a rate: "once a year", "$5 a
// year", "10% a year", "three times a week", "four flights a week".
func (s *scanner) setContext(j int) bool {
	if !s.inSent(j) || s.isAny(j, "in", "for", "within", "over", "than", "about", "of", "after", "before", "nearly", "almost", "around", "under", "only", "just", "least", "than", "to", "from", "the") {
		return false
	}
	for k := j; k >= j-3 && k >= s.ss; k-- {
		if s.toks[k].Kind == article.Number || s.lex(k).kind == kNumber || s.isAny(k, "once", "twice", "times", "%", "percent", "million", "billion", "dollars", "euros", "pounds", "cents") {
			return true
		}
		if s.toks[k].Kind == article.Punct {
			return false
		}
	}
	return false
}

// comparison reports whether the expression starting at token j closes a
// comparison of figures: "from $99 million a year earlier", "than a year
// ago", "compared with 40% a year earlier".
func (s *scanner) comparison(j int) bool {
	k := j - 1
	if !s.inSent(k) {
		return false
	}
	if s.isAny(k, "from", "than", "with", "over", "versus", "vs") {
		return true
	}
	t := s.toks[k]
	return t.Kind == article.Number || s.isAny(k, "%", "million", "billion", "share", "cents", "percent", "levels", "level", "period", "quarter")
}

// shiftWord reports whether token j turns a duration into a date: "ago",
// "earlier", "later", "from now", "hence".
func (s *scanner) shiftWord(j int) bool {
	if s.isAny(j, "earlier", "later") && s.is(j+1, "than") {
		return false // a year later than planned
	}
	return s.isAny(j, "ago", "hence", "earlier", "later") || s.is(j, "from") && s.is(j+1, "now") ||
		s.isAny(j, "before", "after") && s.clauseEnds(j+1)
}

// weekend handles "the weekend", "this weekend", "last weekend".
func (s *scanner) weekend(i, start int, r rel) (found, bool) {
	end := i + 1
	dir := 0
	switch r {
	case rThe, rThis:
		dir = s.tense(start, end)
		if dir == 0 {
			dir = -1
		}
	case rLast, rPrev:
		dir = -1
	case rNext, rFollow:
		dir = 1
	case rEvery:
		return found{start: start, end: end, typ: tSet, val: "XXXX-WXX-WE", g: gWeekend}, true
	default:
		return found{}, false
	}
	if !s.hasDCT {
		return found{start: start, end: end, typ: tDate, g: gWeekend, rel: true}, true
	}
	sat := weekdayFrom(s.dct, 6, dir)
	if dir < 0 && int(s.dct.Weekday()) == 0 {
		sat = s.dct.AddDate(0, 0, -1)
	}
	return pt(start, end, weekPoint(sat, gWeekend), true), true
}

// period handles quarters and halves: "the third quarter", "the fiscal
// first quarter", "this year's third quarter", "the 1988 third quarter",
// "the first half of 1999", "the latest quarter", "the year-earlier
// quarter", "the year-ago period". i is the unit word ("quarter", "half",
// "period", or a compound such as "third-quarter"), ord the ordinal when
// the compound gives it, and first the token the expression starts at so
// far.
func (s *scanner) period(i int, g gran, ord, first int) (found, bool) {
	lim := s.limit()
	start := first
	j := first - 1
	isPeriodWord := s.is(i, "period") || s.is(i, "periods")
	preYear := 0
	if first == i && (strings.IndexByte(s.word(i), '-') > 0 || ord > 0) {
		// the third-quarter results: the article belongs to "results";
		// a year or "fiscal" before it still joins (the 1998
		// third-quarter results)
		if s.is(i-1, "fiscal") && i-1 >= lim {
			first--
		}
		if y, ok := s.yearTok(first - 1); ok && first-1 >= lim {
			first--
			preYear = y
			if s.is(first-1, "the") && first-1 >= lim {
				first--
			}
		}
		lim = first
		start, j = first, first-1
	}
	if ord == 0 && !isPeriodWord {
		if j >= lim && s.is(j, "fiscal") {
			start, j = j, j-1
		}
		if j >= lim {
			if o := s.ordinal(j); o > 0 {
				ord, start, j = o, j, j-1
			} else if g == gHalf && s.is(j, "last") && j-1 >= lim && s.is(j-1, "the") {
				ord, start, j = 2, j, j-1
			}
		}
	}
	if j >= lim && s.is(j, "fiscal") {
		start, j = j, j-1
	}
	// the French Quarter
	if s.cap(i) && i != s.ss && s.toks[i].Flags&article.AllCaps == 0 && ord == 0 {
		return found{}, false
	}
	year := preYear // 0: not given
	r := rNone
	switch {
	case s.possessiveBefore(j) >= lim && s.possessiveBefore(j)-1 >= lim:
		// 1989's third quarter, this year's third quarter
		p := s.possessiveBefore(j)
		if y, ok := s.yearTok(p - 1); ok {
			year, start = y, p-1
		} else if y, _, ok := s.relYear(p - 2); ok && p-2 >= lim {
			year, start = y, p-2
		}
	case j >= lim:
		// the 1988 third quarter, the 1988 period
		if y, ok := s.yearTok(j); ok {
			year, start = y, j
		}
	}
	switch {
	case year != 0:
		if s.is(start-1, "the") && start-1 >= lim {
			start--
		}
	case lim == first && first != s.limit():
		// a hyphenated compound: nothing more on the left
	default:
		start, r = s.leftRel(start)
	}
	end := i + 1
	// of 1998, of this year, of fiscal 1998; Q3 2024
	k := end
	if y, ok := s.yearTok(k); ok && ord > 0 {
		year, end = y, k+1
	} else if s.is(k, "of") {
		k++
		if s.is(k, "fiscal") {
			k++
		}
		if y, k2, ok := s.yearAt(k); ok {
			year, end = y, k2
		} else if y, k2, ok := s.relYear(k); ok {
			year, end = y, k2
		}
	}
	n := 4
	if g == gHalf {
		n = 2
	}
	var p point
	if ord > 0 {
		if ord > n {
			return found{}, false
		}
		p = point{g: g, q: ord}
		rel := year <= 0
		switch r {
		case rA:
			start = first // "a third-quarter loss"
			r = rNone
		case rEvery:
			return found{start: start, end: end, typ: tSet, val: "XXXX-" + p.value()[5:], g: g}, true
		case rRecent, rLatest, rFollow, rPrev:
			return found{}, false
		}
		switch {
		case year > 0:
			p.y = year
		case !s.hasDCT:
		case r == rYearAgo:
			p.y = s.periodYear(g, ord, rNone, start, end) - 1
			if s.ref.g == g && s.ref.q == ord && i-s.refTok < 200 {
				p.y = s.ref.y - 1
			}
		default:
			p.y = s.periodYear(g, ord, r, start, end)
		}
		f := pt(s.leftMod(start), end, p, rel)
		f.anaphor = r == rYearAgo
		return f, true
	}
	// no ordinal: the quarter, the latest quarter, the year-ago period
	cur := s.dctAt(g)
	var refp point
	if s.ref.g == g && i-s.refTok < 200 {
		refp = s.ref
	}
	switch r {
	case rThis:
		p = cur
	case rLast:
		p = cur.shift(-1)
	case rNext:
		p = cur.shift(1)
	case rLatest, rThe:
		if isPeriodWord && r == rThe && year == 0 {
			return found{}, false // "the period" alone
		}
		if refp.known() {
			p = refp
		} else {
			p = cur.shift(-1)
		}
	case rSame:
		p = refp
		if !p.known() {
			p = cur.shift(-1)
		}
	case rPrev:
		p = refp.shift(-1)
	case rFollow:
		p = refp.shift(1)
	case rYearAgo:
		if refp.known() {
			p = refp.shift(-n)
		} else {
			p = cur.shift(-1 - n)
		}
	case rEvery:
		return found{start: start, end: end, typ: tSet, val: duration(1, g), g: g}, true
	case rNone:
		if year == 0 {
			return found{}, false
		}
		p = refp
		if !p.known() {
			p = point{g: gYear}
		}
	default:
		return found{}, false
	}
	if year > 0 && p.g == g {
		p.y = year
	} else if year > 0 {
		p = point{g: gYear, y: year}
	}
	f := pt(s.leftMod(start), end, p, true)
	f.anaphor = r != rThis && r != rLast && r != rNext
	return f, true
}

// periodYear picks the year of quarter or half ord written without one:
// the current year unless that period is still ahead and the clause
// speaks of the past (then last year), or it is over and the clause
// speaks of the future (then next year).
func (s *scanner) periodYear(g gran, ord int, r rel, start, end int) int {
	y := s.dct.Year()
	cur := at(s.dct, g).q
	switch r {
	case rLast:
		return y - 1
	case rNext:
		return y + 1
	case rThis:
		return y
	}
	dir := s.tense(start, end)
	switch {
	case ord > cur && dir <= 0:
		return y - 1
	case ord < cur-1 && dir > 0 && s.hasFutureWord(start, end):
		return y + 1
	}
	return y
}

// hasFutureWord reports an explicit future auxiliary near the
// expression: "will", "expects", "next".
func (s *scanner) hasFutureWord(start, end int) bool {
	for j := max(start-8, s.ss); j < min(end+4, s.se); j++ {
		if s.isAny(j, "will", "expects", "expected", "next", "forecast") {
			return true
		}
	}
	return false
}

// possessive reports a possessive "'s" at token j, written as one token
// or as an apostrophe and an adjacent "s", and returns the token after it.
func (s *scanner) possessive(j int) (int, bool) {
	switch {
	case s.isAny(j, "'s", "’s"):
		return j + 1, true
	case s.isAny(j, "'", "’") && s.adj(j) && s.is(j+1, "s"):
		return j + 2, true
	}
	return j, false
}

// possessiveBefore returns the first token of a possessive "'s" ending at
// token j, or -1.
func (s *scanner) possessiveBefore(j int) int {
	switch {
	case s.isAny(j, "'s", "’s"):
		return j
	case s.is(j, "s") && s.isAny(j-1, "'", "’") && s.adj(j-1):
		return j - 1
	}
	return -1
}

// periodAhead reports whether a quarter or half named by an ordinal starts
// at token j: "third quarter", "third-quarter", "first half", "period".
func (s *scanner) periodAhead(j int) bool {
	if s.is(j, "fiscal") {
		j++
	}
	if s.ordinal(j) > 0 && s.isAny(j+1, "quarter", "half", "fiscal") || s.is(j, "period") {
		return true
	}
	if !s.inSent(j) {
		return false
	}
	w := strings.ToLower(s.word(j))
	return strings.HasSuffix(w, "-quarter") || strings.HasSuffix(w, "-half")
}

// ordinal returns 1..4 when token j is first..fourth or 1st..4th.
func (s *scanner) ordinal(j int) int {
	switch {
	case s.is(j, "first"), s.is(j, "1st"):
		return 1
	case s.is(j, "second"), s.is(j, "2nd"):
		return 2
	case s.is(j, "third"), s.is(j, "3rd"):
		return 3
	case s.is(j, "fourth"), s.is(j, "4th"):
		return 4
	}
	return 0
}

// compound handles hyphenated words and words with digits: "mid-November",
// "mid-2024", "third-quarter", "two-year", "year-end", "year-earlier",
// "twenty-five years", "Q3", "FY2024", "19th-century".
func (s *scanner) compound(i int) (found, bool) {
	var buf [24]byte
	b := s.lower(i, &buf)
	if b == nil || !compoundCandidate(b) {
		return found{}, false
	}
	w := string(b)
	if v, ok := amount.WordValue(w); ok && strings.Contains(w, "-") {
		return s.durationFrom(i, v, i+1)
	}
	first, rest, hyphen := strings.Cut(w, "-")
	switch {
	case !hyphen:
		// Q3, FY2024, FY24
		if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
			return s.period(i, gQuarter, int(w[1]-'0'), i)
		}
		if strings.HasPrefix(w, "fy") {
			if v, n, ok := atoi(w[2:]); ok && (n == 4 || n == 2) {
				if n == 2 {
					v += 2000
					if v > 2070 {
						v -= 100
					}
				}
				return pt(i, i+1, point{g: gYear, y: v}, false), true
			}
		}
		return found{}, false
	case first == "mid" || first == "early" || first == "late":
		if e, ok := lexicon[rest]; ok && e.kind == kMonth && e.flags&fAbbrev == 0 {
			p := point{g: gMonth, m: int(e.v)}
			if s.hasDCT {
				p.y = monthYear(s.dct, p.m, s.tense(i, i+1))
			}
			j := i + 1
			if s.is(j, ",") || s.is(j, "of") {
				j++
			}
			if y, ok := s.yearTok(j); ok {
				p.y = y
				return pt(i, j+1, p, false), true
			}
			return pt(i, i+1, p, true), true
		}
		if v, n, ok := atoi(rest); ok && n == 4 && v >= 1000 && v < 2200 {
			return pt(i, i+1, point{g: gYear, y: v}, false), true
		}
		if strings.HasSuffix(rest, "s") {
			if v, n, ok := atoi(rest[:len(rest)-1]); ok && n == 4 && v%10 == 0 {
				start := i
				if s.is(i-1, "the") && i-1 >= s.limit() {
					start = i - 1
				}
				return pt(start, i+1, point{g: gDecade, y: v}, false), true
			}
		}
		if e, ok := lexicon[rest]; ok && e.kind == kPOD {
			p := s.dctAt(gDay)
			if p.known() {
				p.g, p.pod = gPartOfDay, int(e.v)+1
			}
			return pt(i, i+1, p, true), true
		}
	case rest == "quarter" || rest == "half":
		o := map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[first]
		if o == 0 {
			return found{}, false
		}
		g := gQuarter
		if rest == "half" {
			g = gHalf
		}
		return s.period(i, g, o, i)
	case w == "year-end" || w == "year-ending":
		p := point{g: gDay, m: 12, d: 31}
		if s.hasDCT {
			p.y = s.dct.Year()
		}
		return pt(i, i+1, p, true), true
	case w == "year-earlier" || w == "year-ago" || w == "prior-year":
		if g, _, ok := s.unitAt(i + 1); ok && g == gQuarter || s.periodAhead(i+1) {
			return found{}, false // the quarter or period after takes it
		}
		p := point{}
		if s.ref.g == gQuarter && i-s.refTok < 200 {
			p = s.ref.shift(-4)
		} else if s.hasDCT {
			p = s.dctAt(gYear).shift(-1)
		}
		return pt(i, i+1, p, true), true
	case strings.HasSuffix(w, "-old") || strings.Contains(w, "-old-"):
		return found{}, false
	case rest == "long":
		// day-long, decades-long, year-long
		if g, pl, ok := unitWord(first); ok {
			n := 1.0
			if pl {
				n = -1
			}
			return durFound(i, i+1, n, g, tDuration), true
		}
		return found{}, false
	}
	// two-year, six-month, one-day, 19th-century
	if g, _, ok := unitWord(rest); ok {
		if v, ok := amount.WordValue(first); ok && g != gQuarter {
			return s.durationAfter(i, i, v, g, i+1)
		}
		if g == gCentury {
			if v, _, ok := atoi(trimOrdinal(first)); ok && v > 0 && v < 30 {
				return pt(i, i+1, point{g: gCentury, y: (v - 1) * 100}, false), true
			}
		}
	}
	return found{}, false
}

// compoundCandidate is a quick test that a lower-case word with a hyphen
// or digits may be a temporal compound: one of its first two parts is a
// lexicon word, a number, "mid", "year" or "q"/"fy" with digits.
func compoundCandidate(b []byte) bool {
	if len(b) >= 2 && (b[0] == 'q' || b[0] == 'f' && b[1] == 'y') && b[len(b)-1] >= '0' && b[len(b)-1] <= '9' {
		return true
	}
	k := 0
	for k < len(b) && b[k] != '-' {
		k++
	}
	if k == len(b) {
		return false
	}
	first := b[:k]
	if _, ok := lexicon[string(first)]; ok {
		return true
	}
	if _, ok := amount.WordValue(string(first)); ok {
		return true
	}
	switch string(first) {
	case "mid", "year", "early", "late", "prior", "1st", "2nd", "3rd", "4th":
		return true
	}
	if first[0] >= '0' && first[0] <= '9' {
		return true
	}
	rest := b[k+1:]
	for k = 0; k < len(rest) && rest[k] != '-'; k++ {
	}
	_, ok := lexicon[string(rest[:k])]
	return ok
}

// unitWord returns the unit of a lower-case word.
func unitWord(w string) (gran, bool, bool) {
	e, ok := lexicon[w]
	if ok && e.kind == kUnit && e.flags&fAmbig == 0 {
		return gran(e.v), e.flags&fPlural != 0, true
	}
	return gNone, false, false
}

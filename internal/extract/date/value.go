package date

import (
	"strconv"
	"time"
)

// point is a calendar value at some granularity. A zero year means the
// year is unknown (written XXXX). Fields below the granularity are
// ignored.
type point struct {
	g   gran
	y   int // year; for gWeek/gWeekend the ISO year; for gDecade/gCentury any year in it
	m   int // month 1..12
	d   int // day of month
	w   int // ISO week for gWeek/gWeekend
	q   int // quarter or half (1-based); season index + 1
	wd  int // weekday 1..7 when the date is unknown but the weekday is not
	pod int // part of day + 1 (MO AF EV NI) for gPartOfDay
	hh  int // hour 0..24
	mm  int // minute
	ref int // PRESENT_REF etc. + 1; when set, the rest is ignored
}

// known reports whether p has a year, so that it can be moved in time.
func (p point) known() bool { return p.y != 0 || p.g == gDecade || p.g == gCentury }

// value writes p as a TIMEX3 value.
func (p point) value() string {
	if p.ref > 0 {
		return refValues[p.ref-1]
	}
	b := make([]byte, 0, 20)
	year := func() {
		if p.y == 0 {
			b = append(b, "XXXX"...)
		} else {
			b = appendInt(b, p.y, 4)
		}
	}
	day := func() {
		switch {
		case p.y == 0 && p.m == 0 && p.wd > 0:
			b = append(b, "XXXX-WXX-"...)
			b = appendInt(b, p.wd, 1)
		case p.m == 0:
			year()
			b = append(b, "-XX-XX"...)
		default:
			year()
			b = append(b, '-')
			b = appendInt(b, p.m, 2)
			b = append(b, '-')
			if p.d == 0 {
				b = append(b, "XX"...)
			} else {
				b = appendInt(b, p.d, 2)
			}
		}
	}
	switch p.g {
	case gMillennium:
		if p.y == 0 {
			return "X"
		}
		return strconv.Itoa(p.y / 1000)
	case gCentury:
		if p.y == 0 {
			return "XX"
		}
		return string(appendInt(b, p.y/100, 2))
	case gDecade:
		if p.y == 0 {
			return "XXX"
		}
		return string(appendInt(b, p.y/10, 3))
	case gYear:
		year()
	case gHalf:
		year()
		b = append(b, "-H"...)
		b = appendInt(b, p.q, 1)
	case gQuarter:
		year()
		b = append(b, "-Q"...)
		if p.q == 0 {
			b = append(b, 'X')
		} else {
			b = appendInt(b, p.q, 1)
		}
	case gSeason:
		year()
		b = append(b, '-')
		b = append(b, seasonCodes[p.q-1]...)
	case gMonth:
		year()
		b = append(b, '-')
		if p.m == 0 {
			b = append(b, "XX"...)
		} else {
			b = appendInt(b, p.m, 2)
		}
	case gWeek, gWeekend:
		year()
		b = append(b, "-W"...)
		if p.w == 0 {
			b = append(b, "XX"...)
		} else {
			b = appendInt(b, p.w, 2)
		}
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay:
		day()
	case gPartOfDay:
		day()
		b = append(b, 'T')
		b = append(b, podCodes[p.pod-1]...)
	case gHour, gMinute:
		day()
		b = append(b, 'T')
		b = appendInt(b, p.hh, 2)
		b = append(b, ':')
		b = appendInt(b, p.mm, 2)
	default:
		return ""
	}
	return string(b)
}

func appendInt(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// dayPoint is the day of t.
func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// weekPoint is the ISO week of t.
func weekPoint(t time.Time, g gran) point {
	y, w := t.ISOWeek()
	return point{g: g, y: y, w: w}
}

// timeOf returns p's day as a time; p must have a year, month and day.
func (p point) timeOf() time.Time {
	return time.Date(p.y, time.Month(p.m), max(p.d, 1), 12, 0, 0, 0, time.UTC)
}

// at returns the point of granularity g containing the day t.
func at(t time.Time, g gran) point {
	switch g {
	case gWeek, gWeekend:
		return weekPoint(t, g)
	case gMonth:
		return point{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		return point{g: gQuarter, y: t.Year(), q: (int(t.Month())-1)/3 + 1}
	case gHalf:
		return point{g: gHalf, y: t.Year(), q: (int(t.Month())-1)/6 + 1}
	case gSeason:
		y, s := seasonOf(t)
		return point{g: gSeason, y: y, q: s + 1}
	case gYear, gDecade, gCentury, gMillennium:
		return point{g: g, y: t.Year()}
	default:
		return dayPoint(t)
	}
}

// seasonOf returns the season index (0 spring … 3 winter) of t and the
// year it is counted in (December belongs to the next year's winter? no:
// TIMEX3 counts a winter in the year it starts).
func seasonOf(t time.Time) (year, season int) {
	m := int(t.Month())
	switch {
	case m >= 3 && m <= 5:
		return t.Year(), 0
	case m >= 6 && m <= 8:
		return t.Year(), 1
	case m >= 9 && m <= 11:
		return t.Year(), 2
	case m == 12:
		return t.Year(), 3
	default:
		return t.Year() - 1, 3
	}
}

// shift moves a known point by n of its own units.
func (p point) shift(n int) point {
	if !p.known() || n == 0 {
		return p
	}
	switch p.g {
	case gDay, gPartOfDay, gHour, gMinute:
		t := p.timeOf().AddDate(0, 0, n)
		q := dayPoint(t)
		q.g, q.pod, q.hh, q.mm = p.g, p.pod, p.hh, p.mm
		return q
	case gWeek, gWeekend:
		t := isoWeekStart(p.y, p.w).AddDate(0, 0, 7*n)
		return weekPoint(t, p.g)
	case gMonth:
		t := time.Date(p.y, time.Month(p.m)+time.Month(n), 1, 12, 0, 0, 0, time.UTC)
		return point{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		k := p.y*4 + p.q - 1 + n
		return point{g: gQuarter, y: k / 4, q: k%4 + 1}
	case gHalf:
		k := p.y*2 + p.q - 1 + n
		return point{g: gHalf, y: k / 2, q: k%2 + 1}
	case gSeason:
		k := p.y*4 + p.q - 1 + n
		return point{g: gSeason, y: k / 4, q: k%4 + 1}
	case gYear:
		p.y += n
	case gDecade:
		p.y += 10 * n
	case gCentury:
		p.y += 100 * n
	case gMillennium:
		p.y += 1000 * n
	}
	return p
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	// January 4th is always in week 1.
	jan4 := time.Date(y, 1, 4, 12, 0, 0, 0, time.UTC)
	wd := int(jan4.Weekday())
	if wd == 0 {
		wd = 7
	}
	return jan4.AddDate(0, 0, 1-wd+7*(w-1))
}

// weekdayFrom returns the day with ISO weekday wd nearest to t in
// direction dir: -1 the latest on or before t, +1 the first after t,
// 0 the one in t's ISO week.
func weekdayFrom(t time.Time, wd, dir int) time.Time {
	cur := int(t.Weekday())
	if cur == 0 {
		cur = 7
	}
	switch {
	case dir < 0:
		back := (cur - wd + 7) % 7
		return t.AddDate(0, 0, -back)
	case dir > 0:
		fwd := (wd - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return t.AddDate(0, 0, fwd)
	default:
		return t.AddDate(0, 0, wd-cur)
	}
}

// monthYear returns the year of month m seen from t: the nearest one,
// unless the tense dir points the other way and the month is more than two
// months off (a past-tense "in April" written in January is last April; a
// past-tense "in February" written in January is a tense cue misread).
func monthYear(t time.Time, m, dir int) int {
	cur, y := int(t.Month()), t.Year()
	d := m - cur // months from t to m in t's year
	switch {
	case d > 6:
		y, d = y-1, d-12
	case d < -6:
		y, d = y+1, d+12
	}
	switch {
	case dir < 0 && d > 2:
		y--
	case dir > 0 && d < -2:
		y++
	}
	return y
}

// dayYear returns the year of the day (m, d) seen from t, as monthYear
// does for months, with a margin of 60 days.
func dayYear(t time.Time, m, d, dir int) int {
	y := t.Year()
	ref := time.Date(y, t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
	days := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).Sub(ref).Hours() / 24
	switch {
	case days > 183:
		y, days = y-1, days-365
	case days < -183:
		y, days = y+1, days+365
	}
	switch {
	case dir < 0 && days > 60:
		y--
	case dir > 0 && days < -60:
		y++
	}
	return y
}

// holidayDate returns the day of holiday h in year y.
func holidayDate(h holiday, y int) (m, d int) {
	switch {
	case h.easter != 0:
		t := easter(y).AddDate(0, 0, h.easter-1)
		if h.easter < 0 {
			t = easter(y).AddDate(0, 0, -2)
		}
		return int(t.Month()), t.Day()
	case h.day != 0:
		return h.month, h.day
	case h.nth > 0:
		t := time.Date(y, time.Month(h.month), 1, 12, 0, 0, 0, time.UTC)
		t = weekdayFrom(t.AddDate(0, 0, -1), h.wd, 1)
		t = t.AddDate(0, 0, 7*(h.nth-1))
		return int(t.Month()), t.Day()
	default:
		t := time.Date(y, time.Month(h.month)+1, 1, 12, 0, 0, 0, time.UTC)
		t = weekdayFrom(t.AddDate(0, 0, -1), h.wd, -1)
		return int(t.Month()), t.Day()
	}
}

// easter returns Easter Sunday of year y (Gregorian computus, Meeus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 12, 0, 0, 0, time.UTC)
}

// duration writes a TIMEX3 duration of n units of g; n < 0 means an
// unknown number (PXY).
func duration(n float64, g gran) string {
	b := make([]byte, 0, 8)
	b = append(b, 'P')
	if g == gHour || g == gMinute || g == gSecond {
		b = append(b, 'T')
	}
	var unit string
	switch g {
	case gSecond:
		unit = "S"
	case gMinute:
		unit = "M"
	case gHour:
		unit = "H"
	case gDay, gPartOfDay:
		unit = "D"
	case gWeekend:
		if n < 0 {
			unit = "WE"
		} else {
			n *= 2
			unit = "D"
		}
	case gWeek:
		unit = "W"
	case gMonth:
		unit = "M"
	case gQuarter:
		unit = "Q"
	case gHalf:
		n *= 6
		unit = "M"
	case gSeason:
		unit = "M"
		n *= 3
	case gYear:
		unit = "Y"
	case gDecade:
		if n < 0 {
			unit = "E"
		} else {
			n *= 10
			unit = "Y"
		}
	case gCentury:
		if n < 0 {
			unit = "C"
		} else {
			n *= 100
			unit = "Y"
		}
	case gMillennium:
		if n < 0 {
			unit = "L"
		} else {
			n *= 1000
			unit = "Y"
		}
	default:
		return ""
	}
	if n < 0 {
		b = append(b, 'X')
	} else {
		b = strconv.AppendFloat(b, n, 'f', -1, 64)
	}
	return string(append(b, unit...))
}

// timeT is time.Time, short for the many helpers that take one.
type timeT = time.Time

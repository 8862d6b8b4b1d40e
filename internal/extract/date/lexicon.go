package date

import (
	"strings"

	"newsgraph/internal/text"
)

// kind is the class of a word that can head a temporal expression.
type kind uint8

const (
	kNone       kind = iota
	kMonth           // v: 1..12
	kWeekday         // v: 1..7, Monday = 1 (ISO)
	kWeekdays        // plural weekday, a set: v as kWeekday
	kSeason          // v: index into seasonCodes
	kPOD             // part of day: v index into podCodes
	kUnit            // v: gran; plural when flag fPlural
	kDeictic         // today, yesterday, tomorrow, tonight: v = day offset + 1
	kRef             // now, currently, recently: v index into refValues
	kNumber          // a number word; the value comes from amount.NumberAt
	kOrdinal         // first..fourth, 1st..4th: v
	kSetAdv          // daily, weekly: v gran
	kHoliday         // v index into holidays
	kDecadeWord      // the nineties: v = decade digit (9 → 199)
	kNoon            // noon, midnight, midday: v hour
	kAmPm            // a.m., p.m.: v 0 or 12
	kFiscal          // fiscal, FY
	kPeriod          // period: a quarter or half named by context
)

// Word flags.
const (
	fPlural uint8 = 1 << iota
	fAbbrev       // an abbreviation: needs a day or year next to it
	fAmbig        // also an ordinary word (may, march, fall, sun): needs support
	fNight        // tonight
)

type entry struct {
	kind  kind
	v     int8
	flags uint8
}

// gran is the unit a value is given to.
type gran uint8

const (
	gNone gran = iota
	gSecond
	gMinute
	gHour
	gPartOfDay
	gDay
	gWeekend
	gWeek
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
	gMillennium
)

var granNames = [...]string{
	gNone: "", gSecond: "second", gMinute: "minute", gHour: "hour", gPartOfDay: "part_of_day",
	gDay: "day", gWeekend: "weekend", gWeek: "week", gMonth: "month", gSeason: "season",
	gQuarter: "quarter", gHalf: "half", gYear: "year", gDecade: "decade", gCentury: "century",
	gMillennium: "millennium",
}

func (g gran) String() string { return granNames[g] }

var (
	seasonCodes = [...]string{"SP", "SU", "FA", "WI"}
	podCodes    = [...]string{"MO", "AF", "EV", "NI", "DT"}
	refValues   = [...]string{"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
)

const (
	refPresent = 0
	refPast    = 1
	refFuture  = 2
)

// holiday is a named day: fixed (month, day) or computed.
type holiday struct {
	name  string
	month int
	day   int
	// nth weekday of month when day == 0: nth (negative from the end)
	// and weekday.
	nth, wd int
	easter  int // offset from Easter Sunday when set with month == 0
}

var holidays = []holiday{
	{name: "christmas", month: 12, day: 25},
	{name: "christmas eve", month: 12, day: 24},
	{name: "new year's day", month: 1, day: 1},
	{name: "new year's eve", month: 12, day: 31},
	{name: "independence day", month: 7, day: 4},
	{name: "halloween", month: 10, day: 31},
	{name: "valentine's day", month: 2, day: 14},
	{name: "boxing day", month: 12, day: 26},
	{name: "thanksgiving", month: 11, nth: 4, wd: 4},
	{name: "labor day", month: 9, nth: 1, wd: 1},
	{name: "memorial day", month: 5, nth: -1, wd: 1},
	{name: "easter", easter: 1},
	{name: "good friday", easter: -1},
}

// lexicon maps a lower-case word (without a final dot) to its class.
// lexShort holds lexicon's words of up to eight bytes, each packed in a
// number (its first byte lowest) with its length: an open-addressing
// table a quarter full, probed from a multiplicative hash, which costs
// less than a Go map's look-up of a string.
var lexShort = func() *packedLex {
	n := 0
	for w := range lexicon {
		if len(w) <= 8 {
			n++
		}
	}
	bits := uint(4)
	for 1<<bits < 4*n {
		bits++
	}
	t := &packedLex{slots: make([]packedWord, 1<<bits), shift: 64 - bits}
	for w, e := range lexicon {
		if len(w) > 8 || w == "" {
			continue
		}
		var key uint64
		for k := len(w) - 1; k >= 0; k-- {
			key = key<<8 | uint64(w[k])
		}
		i := t.slot(key)
		for t.slots[i].n != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = packedWord{key, uint8(len(w)), e}
	}
	return t
}()

type packedLex struct {
	slots []packedWord
	shift uint
}

// packedWord is a word of up to eight bytes packed in key, its length n
// (0: an empty slot) and its entry.
type packedWord struct {
	key uint64
	n   uint8
	e   entry
}

func (t *packedLex) slot(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> t.shift }

// get returns the entry of the word of n bytes packed in key, the zero
// entry when it is unknown.
func (t *packedLex) get(key uint64, n int) entry {
	for i := t.slot(key); ; i = (i + 1) & uint64(len(t.slots)-1) {
		w := &t.slots[i]
		if w.n == 0 {
			return entry{}
		}
		if w.key == key && int(w.n) == n {
			return w.e
		}
	}
}

var lexicon = func() map[string]entry {
	m := map[string]entry{}
	add := func(e entry, words ...string) {
		for _, w := range words {
			m[w] = e
		}
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	abbr := []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	for i, w := range months {
		e := entry{kind: kMonth, v: int8(i + 1)}
		if w == "may" || w == "march" || w == "august" {
			e.flags |= fAmbig
		}
		add(e, w)
		if abbr[i] != "" {
			add(entry{kind: kMonth, v: int8(i + 1), flags: fAbbrev}, abbr[i])
		}
	}
	add(entry{kind: kMonth, v: 9, flags: fAbbrev}, "sept")
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, w := range days {
		add(entry{kind: kWeekday, v: int8(i + 1)}, w)
		add(entry{kind: kWeekdays, v: int8(i + 1), flags: fPlural}, w+"s")
	}
	add(entry{kind: kSeason, v: 0, flags: fAmbig}, "spring")
	add(entry{kind: kSeason, v: 1}, "summer")
	add(entry{kind: kSeason, v: 2, flags: fAmbig}, "fall")
	add(entry{kind: kSeason, v: 2}, "autumn")
	add(entry{kind: kSeason, v: 3}, "winter")
	add(entry{kind: kPOD, v: 0}, "morning")
	add(entry{kind: kPOD, v: 1}, "afternoon")
	add(entry{kind: kPOD, v: 2}, "evening")
	add(entry{kind: kPOD, v: 3}, "night")
	add(entry{kind: kPOD, v: 0, flags: fPlural}, "mornings")
	add(entry{kind: kPOD, v: 1, flags: fPlural}, "afternoons")
	add(entry{kind: kPOD, v: 2, flags: fPlural}, "evenings")
	add(entry{kind: kPOD, v: 3, flags: fPlural}, "nights")
	units := []struct {
		g        gran
		one, pl  string
		abbrevs  string
		plAbbrev string
	}{
		{gSecond, "second", "seconds", "sec", "secs"},
		{gMinute, "minute", "minutes", "min", "mins"},
		{gHour, "hour", "hours", "hr", "hrs"},
		{gDay, "day", "days", "", ""},
		{gWeekend, "weekend", "weekends", "", ""},
		{gWeek, "week", "weeks", "wk", "wks"},
		{gMonth, "month", "months", "", ""},
		{gQuarter, "quarter", "quarters", "", ""},
		{gYear, "year", "years", "yr", "yrs"},
		{gDecade, "decade", "decades", "", ""},
		{gCentury, "century", "centuries", "", ""},
		{gMillennium, "millennium", "millennia", "", ""},
	}
	for _, u := range units {
		add(entry{kind: kUnit, v: int8(u.g)}, u.one)
		add(entry{kind: kUnit, v: int8(u.g), flags: fPlural}, u.pl)
		if u.abbrevs != "" {
			add(entry{kind: kUnit, v: int8(u.g), flags: fAbbrev}, u.abbrevs)
			add(entry{kind: kUnit, v: int8(u.g), flags: fAbbrev | fPlural}, u.plAbbrev)
		}
	}
	add(entry{kind: kUnit, v: int8(gWeek), flags: fAmbig}, "fortnight")
	add(entry{kind: kDeictic, v: 1}, "today")
	add(entry{kind: kDeictic, v: 0}, "yesterday")
	add(entry{kind: kDeictic, v: 2}, "tomorrow")
	add(entry{kind: kDeictic, v: 1, flags: fNight}, "tonight")
	add(entry{kind: kRef, v: refPresent}, "now", "currently", "current", "nowadays", "presently")
	add(entry{kind: kRef, v: refPast}, "recently", "recent", "past", "lately")
	add(entry{kind: kRef, v: refFuture}, "future")
	for i, w := range []string{"first", "second", "third", "fourth"} {
		add(entry{kind: kOrdinal, v: int8(i + 1), flags: fAmbig}, w)
	}
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"several", "few", "couple", "dozen", "dozens", "many", "hundreds", "thousands", "half"} {
		if _, ok := m[w]; !ok {
			add(entry{kind: kNumber}, w)
		}
	}
	add(entry{kind: kSetAdv, v: int8(gHour)}, "hourly")
	add(entry{kind: kSetAdv, v: int8(gDay)}, "daily", "nightly")
	add(entry{kind: kSetAdv, v: int8(gWeek)}, "weekly")
	add(entry{kind: kSetAdv, v: int8(gMonth)}, "monthly")
	add(entry{kind: kSetAdv, v: int8(gQuarter)}, "quarterly")
	add(entry{kind: kSetAdv, v: int8(gYear)}, "annually", "yearly")
	for i, h := range holidays {
		first, _, _ := strings.Cut(h.name, " ")
		first = strings.TrimSuffix(first, "'s")
		if _, ok := m[first]; !ok {
			add(entry{kind: kHoliday, v: int8(i)}, first)
		}
	}
	for i, w := range []string{"", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		if w != "" {
			add(entry{kind: kDecadeWord, v: int8(i)}, w)
		}
	}
	add(entry{kind: kNoon, v: 12}, "noon", "midday")
	add(entry{kind: kNoon, v: 24}, "midnight")
	add(entry{kind: kAmPm, v: 0}, "a.m", "am")
	add(entry{kind: kAmPm, v: 12}, "p.m", "pm")
	add(entry{kind: kFiscal}, "fiscal", "fy")
	add(entry{kind: kPeriod}, "period")
	return m
}()

// lexFilter[n][first] has bit last set when a lexicon word of n bytes
// starts with letter first and ends with letter last (letterIndex). A row
// has 32 columns, so that an index masked to five bits needs no bounds
// check.
var lexFilter = func() (f [17][32]uint32) {
	for w := range lexicon {
		if n := len(w); n < len(f) {
			f[n][text.LetterIndexes[w[0]]] |= 1 << text.LetterIndexes[w[n-1]]
		}
	}
	return f
}()

// timeZones are the zone abbreviations that may follow a clock time.
var timeZones = map[string]bool{
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true,
	"pdt": true, "et": true, "gmt": true, "utc": true, "bst": true, "cet": true, "cest": true,
	"msk": true, "ist": true, "jst": true, "aest": true,
}

// approximators may precede a duration or a date and belong to it:
// "nearly two years", "about 10 days", "around 7:15 p.m.".
var approximators = map[string]bool{
	"about": true, "around": true, "nearly": true, "almost": true, "approximately": true,
	"roughly": true, "some": true, "over": true,
}

// futureCues and pastCues mark the tense of a clause, for anchoring bare
// weekdays and months to the next or the previous occurrence.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "’ll": true, "shall": true, "won't": true, "won’t": true,
	"would": true, "going": true, "scheduled": true, "expected": true, "due": true,
	"planning": true, "intends": true, "upcoming": true,
	"tomorrow": true, "await": true, "awaits": true, "awaiting": true,
	"slated": true, "could": true, "might": true, "soon": true, "expects": true,
}

// reportingVerbs are skipped when reading the tense after an expression:
// "met Friday, officials said" speaks of a meeting, not of the saying.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "reported": true,
	"announced": true, "stated": true, "noted": true, "according": true,
}

// determiners make a following -ed word an adjective.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "this": true, "that": true, "these": true, "those": true, "of": true,
	"for": true, "with": true, "newly": true, "recently": true, "s": true, "'s": true, "’s": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true,
	"met": true, "made": true, "took": true, "came": true, "went": true, "gave": true,
	"left": true, "began": true, "won": true, "lost": true, "held": true, "fell": true,
	"rose": true, "sent": true, "saw": true, "got": true, "spoke": true, "wrote": true,
	"paid": true, "sold": true, "bought": true, "brought": true, "thought": true,
	"found": true, "fought": true, "flew": true, "struck": true, "ago": true, "last": true,
	"yesterday": true, "earlier": true, "ran": true, "led": true, "became": true,
	"broke": true, "chose": true, "drew": true, "drove": true, "ate": true, "knew": true,
	"stood": true, "swore": true, "threw": true, "wore": true, "since": true,
}

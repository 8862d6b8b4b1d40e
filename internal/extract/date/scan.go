package date

import (
	"strings"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// scanner holds the state of one pass over a document.
type scanner struct {
	src    string
	toks   []article.Token
	sents  []article.Sentence
	dct    time.Time // publication day at noon UTC; zero when unknown
	hasDCT bool
	// ref is the reference time of anaphoric expressions ("the next day",
	// "a year earlier"): the last date mentioned, the publication day at
	// first. refTok is the token where it was mentioned.
	ref    point
	refTok int
	// quarter is the last quarter mentioned, the period under discussion
	// in a results report, and quarterTok where.
	quarter    point
	quarterTok int
	out        []article.Date
	lo         int // tokens before lo belong to an expression already found
	ss, se     int // token range of the current sentence
	si         int // index of the current sentence
}

// found is one expression: tokens [start, end) and its normalised value.
type found struct {
	start, end int
	typ        string
	val        string
	g          gran
	rel        bool
	p          point // the value of a DATE or TIME, to update the reference
	isPoint    bool
	// anaphor is set for values computed from the reference time or by
	// shifting ("a year earlier", "two days ago"): they do not become the
	// reference themselves, so that a run of "a year earlier" does not
	// drift.
	anaphor bool
	endVal  string // the last value of a range
}

const (
	tDate     = "DATE"
	tTime     = "TIME"
	tDuration = "DURATION"
	tSet      = "SET"
)

func (s *scanner) run() {
	n := len(s.toks)
	for i := 0; i < n; i++ {
		if i >= s.se {
			s.sentence(i)
		}
		t := s.toks[i]
		switch t.Kind {
		case article.Number:
		case article.Word:
			// Most words are turned away here, before found is made.
			if t.End-t.Start > 20 || !s.maybeLex(t) && t.Flags&article.HasDigit == 0 &&
				(t.End-t.Start < 6 || strings.IndexByte(s.src[t.Start:t.End], '-') <= 0) {
				continue
			}
		default:
			continue
		}
		f, ok := s.find(i, t)
		if ok && f.end > f.start {
			s.emit(f)
			i = f.end - 1
		}
	}
}

// find reads the expression that number or word token t, the i-th, may
// start.
func (s *scanner) find(i int, t article.Token) (found, bool) {
	if t.Kind == article.Number {
		return s.number(i)
	}
	if !s.maybeLex(t) {
		// compounds: Q3, FY2024, mid-May, two-day, year-end
		if t.Flags&article.HasDigit != 0 || t.End-t.Start >= 6 && strings.IndexByte(s.src[t.Start:t.End], '-') > 0 {
			return s.compound(i)
		}
	} else if e := s.lex(i); e.kind != kNone {
		return s.head(i, e)
	} else if t.Flags&article.HasDigit != 0 || strings.IndexByte(s.src[t.Start:t.End], '-') > 0 {
		return s.compound(i)
	}
	return found{}, false
}

// sentence sets the token range of the sentence holding token i.
func (s *scanner) sentence(i int) {
	for s.si < len(s.sents) && s.sents[s.si].Last <= i {
		s.si++
	}
	if s.si < len(s.sents) && s.sents[s.si].First <= i {
		s.ss, s.se = s.sents[s.si].First, s.sents[s.si].Last
		return
	}
	s.ss, s.se = i, len(s.toks)
	if s.si < len(s.sents) {
		s.se = s.sents[s.si].First
	}
}

func (s *scanner) emit(f found) {
	st, en := s.toks[f.start].Start, s.toks[f.end-1].End
	d := article.Date{
		Text:        s.src[st:en],
		Span:        article.Span{Start: st, End: en},
		Value:       f.val,
		Type:        f.typ,
		Granularity: f.g.String(),
		Relative:    f.rel,
		End:         f.endVal,
	}
	s.out = append(s.out, d)
	s.lo = f.end
	if f.isPoint && !f.anaphor && f.p.g == gQuarter && f.p.known() {
		s.quarter, s.quarterTok = f.p, f.start
	}
	if f.isPoint && !f.anaphor && f.p.known() && f.p.ref == 0 && f.p.g > gNone {
		s.ref, s.refTok = f.p, f.start
		if f.p.g < gDay {
			s.ref.g = gDay
		}
	}
}

// limit is the first token an expression may extend left to.
func (s *scanner) limit() int { return max(s.lo, s.ss) }

// inSent reports whether token j is inside the current sentence.
func (s *scanner) inSent(j int) bool { return j >= s.ss && j < s.se && j < len(s.toks) }

// word returns the text of token j without the final dot of an
// abbreviation.
func (s *scanner) word(j int) string {
	t := s.toks[j]
	w := s.src[t.Start:t.End]
	if t.Flags&article.Abbrev != 0 && len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	return w
}

// lower writes the lower-case text of token j into buf and returns it, or
// nil when the token is too long to be any word we look for.
func (s *scanner) lower(j int, buf *[24]byte) []byte {
	w := s.word(j)
	if len(w) > len(buf) {
		return nil
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return buf[:len(w)]
}

// maybeLex is a quick filter before the lexicon: false when no lexicon
// word has the token's length, first letter and last letter.
func (s *scanner) maybeLex(t article.Token) bool {
	n := t.End - t.Start
	if t.Flags&article.Abbrev != 0 && s.src[t.End-1] == '.' {
		n--
	}
	if uint(n) >= uint(len(lexFilter)) {
		return false // no lexicon word is that long, nor empty
	}
	first, last := text.LetterIndexes[s.src[t.Start]]&31, text.LetterIndexes[s.src[t.Start+n-1]]&31
	return lexFilter[n][first]&(1<<last) != 0
}

// lex returns the lexicon entry of token j, or the zero entry.
func (s *scanner) lex(j int) entry {
	if !s.inSent(j) || s.toks[j].Kind != article.Word {
		return entry{}
	}
	var buf [24]byte
	b := s.lower(j, &buf)
	if b == nil {
		return entry{}
	}
	if len(b) <= 8 {
		var key uint64
		for k := len(b) - 1; k >= 0; k-- {
			key = key<<8 | uint64(b[k])
		}
		return lexShort.get(key, len(b))
	}
	return lexicon[string(b)]
}

// in reports whether token j's lower-case text is a key of set.
func (s *scanner) in(j int, set map[string]bool) bool {
	if !s.inSent(j) {
		return false
	}
	var buf [24]byte
	b := s.lower(j, &buf)
	return b != nil && set[string(b)]
}

// is reports whether token j is w (lower case), ignoring ASCII case.
func (s *scanner) is(j int, w string) bool {
	return s.inSent(j) && text.IsLower(s.word(j), w)
}

// isAny reports whether token j is one of ws.
func (s *scanner) isAny(j int, ws ...string) bool {
	if !s.inSent(j) {
		return false
	}
	// the token's text once, compared by length first
	tw := s.word(j)
	for _, w := range ws {
		if len(w) == len(tw) && text.IsLower(tw, w) {
			return true
		}
	}
	return false
}

// adj reports whether token j+1 starts right where token j ends.
func (s *scanner) adj(j int) bool {
	return j+1 < len(s.toks) && s.toks[j].End == s.toks[j+1].Start
}

func (s *scanner) cap(j int) bool { return s.inSent(j) && s.toks[j].Flags&article.Cap != 0 }

// digits returns the value and length of token j when it is made of
// digits only.
func (s *scanner) digits(j int) (v, n int, ok bool) {
	if !s.inSent(j) || s.toks[j].Kind != article.Number {
		return 0, 0, false
	}
	return atoi(s.word(j))
}

func atoi(w string) (v, n int, ok bool) {
	if w == "" || len(w) > 9 {
		return 0, 0, false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, len(w), true
}

// yearTok returns the year written by token j: four digits from 1000 to
// 2199.
func (s *scanner) yearTok(j int) (int, bool) {
	v, n, ok := s.digits(j)
	if !ok || n != 4 || v < 1000 || v > 2199 {
		return 0, false
	}
	return v, true
}

// dayNum reads a day of the month at token j: 1 to 31, optionally with an
// ordinal suffix (8th). It returns the day and the token after it.
func (s *scanner) dayNum(j int) (int, int, bool) {
	if !s.inSent(j) || s.toks[j].Kind != article.Number {
		return 0, j, false
	}
	w := s.word(j)
	w = trimOrdinal(w)
	v, n, ok := atoi(w)
	if !ok || n > 2 || v < 1 || v > 31 {
		return 0, j, false
	}
	// not a clock time, a decimal or a percentage
	if s.inSent(j+1) && s.adj(j) && s.is(j+1, "%") {
		return 0, j, false
	}
	if s.isAny(j+1, "percent", "per", "pct") {
		return 0, j, false
	}
	return v, j + 1, true
}

func trimOrdinal(w string) string {
	if len(w) > 2 {
		switch strings.ToLower(w[len(w)-2:]) {
		case "st", "nd", "rd", "th":
			return w[:len(w)-2]
		}
	}
	return w
}

// unitAt returns the unit of token j when it is a time unit word.
func (s *scanner) unitAt(j int) (g gran, plural, ok bool) {
	e := s.lex(j)
	if e.kind == kUnit {
		return gran(e.v), e.flags&fPlural != 0, true
	}
	if e.kind == kOrdinal && s.is(j, "second") {
		return gSecond, false, true
	}
	return gNone, false, false
}

// cue returns +1 when token j marks the future, -1 the past, else 0.
func (s *scanner) cue(j int) int {
	if !s.inSent(j) || s.toks[j].Kind != article.Word {
		return 0
	}
	var buf [24]byte
	b := s.lower(j, &buf)
	if b == nil {
		return 0
	}
	w := string(b) // the compiler does not allocate for map keys below
	switch {
	case futureCues[w]:
		return 1
	case pastCues[w]:
		return -1
	case (w == "set" || w == "is" || w == "are" || w == "plan" || w == "plans") && s.is(j+1, "to"):
		return 1 // set to resume, is to meet, plans to
	}
	n := len(b)
	if n > 3 && (b[n-3] == '\'' && b[n-2] == 'l' && b[n-1] == 'l') {
		return 1
	}
	// a past participle or past tense, unless used as an adjective after
	// a determiner ("the reduced dividend")
	if n > 4 && b[n-2] == 'e' && b[n-1] == 'd' && b[n-3] != 'e' && !s.in(j-1, determiners) {
		if s.isAny(j-1, "be", "being") {
			return 0 // "would be held": the auxiliary before decides
		}
		return -1
	}
	return 0
}

// tense reads the tense of the clause around tokens [a, b): the nearest
// cue before, else after.
func (s *scanner) tense(a, b int) int {
	// a deadline, "by Jan. 14", "until 9 a.m. Tuesday", is ahead unless
	// the clause it opens is in the past: "By Monday, officials had
	// hardened their stance"
	if s.isAny(a-1, "by", "before", "through", "until", "till") && a-1 >= s.ss {
		for j := b; j < s.se && j < b+6; j++ {
			if s.in(j, reportingVerbs) {
				continue
			}
			if d := s.cue(j); d != 0 {
				return d
			}
		}
		return 1
	}
	for j := a - 1; j >= s.ss && j >= a-14; j-- {
		if d := s.cue(j); d != 0 {
			return d
		}
	}
	for j := b; j < s.se && j < b+8; j++ {
		// "…, officials said": the report's tense, not the event's
		if s.in(j, reportingVerbs) {
			continue
		}
		if d := s.cue(j); d != 0 {
			return d
		}
	}
	return 0
}

// head dispatches on the class of the word at token i.
func (s *scanner) head(i int, e entry) (found, bool) {
	switch e.kind {
	case kMonth:
		return s.month(i, e)
	case kWeekday:
		return s.weekday(i, e)
	case kWeekdays:
		return s.weekdays(i, e)
	case kSeason:
		return s.season(i, e)
	case kPOD:
		return s.partOfDay(i, e)
	case kUnit:
		return s.unit(i, e)
	case kDeictic:
		return s.deictic(i, e)
	case kRef:
		return s.refWord(i, e)
	case kNumber:
		return s.numberWord(i)
	case kSetAdv:
		return s.setAdv(i, e)
	case kHoliday:
		return s.holiday(i, e)
	case kDecadeWord:
		return s.decadeWord(i, e)
	case kNoon:
		return s.noon(i, e)
	case kFiscal:
		return s.fiscal(i)
	case kPeriod:
		return s.period(i, gQuarter, 0, i)
	}
	return found{}, false
}

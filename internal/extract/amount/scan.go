package amount

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// scan holds the state of one pass over a document.
type scan struct {
	e      *Extractor
	src    string
	toks   []article.Token
	sents  []article.Sentence
	dates  []article.Date
	out    []article.Amount
	lo     int // tokens before lo are taken
	ss, se int // token range of the current sentence
	si     int
	di     int // first date that may cover the current token
}

func (s *scan) run() {
	for i := 0; i < len(s.toks); i++ {
		if i >= s.se {
			s.sentence(i)
		}
		t := s.toks[i]
		switch t.Kind {
		case article.Number, article.Symbol:
		case article.Word:
			if t := &s.toks[i]; !mayTrigger(s.src[t.Start:t.End]) || !s.trigger(i) {
				continue
			}
		default:
			continue
		}
		if s.inDate(i) {
			continue
		}
		a, end, ok := s.amountAt(i)
		if ok {
			s.out = append(s.out, a)
			s.lo = end
		}
		if end > i+1 {
			i = end - 1 // past an amount, or past a score or identifier
		}
	}
}

// sentence sets the token range of the sentence holding token i.
func (s *scan) sentence(i int) {
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

// inDate reports whether token i lies in a date span.
func (s *scan) inDate(i int) bool {
	t := s.toks[i]
	for s.di < len(s.dates) && s.dates[s.di].Span.End <= t.Start {
		s.di++
	}
	for k := s.di; k < len(s.dates) && s.dates[k].Span.Start < t.End; k++ {
		if s.dates[k].Span.End > t.Start {
			return true
		}
	}
	return false
}

func (s *scan) ok(j int) bool { return j >= s.ss && j < s.se && j < len(s.toks) }

func (s *scan) word(j int) string {
	t := s.toks[j]
	return s.src[t.Start:t.End]
}

// is reports whether token j is w (lower case) in any ASCII case.
func (s *scan) is(j int, w string) bool {
	return s.ok(j) && text.IsLower(s.word(j), w)
}

func (s *scan) isAny(j int, ws ...string) bool {
	if !s.ok(j) {
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

// adj reports whether token j+1 starts where token j ends.
func (s *scan) adj(j int) bool {
	return j >= 0 && j+1 < len(s.toks) && s.toks[j].End == s.toks[j+1].Start
}

// amountAt reads an amount whose first token is i: a currency symbol, a
// number in digits or words, or a vague quantity ("dozens of").
func (s *scan) amountAt(i int) (article.Amount, int, bool) {
	start := i
	var cur unit
	hasCur := false
	j := i
	// $5, US$5, €450, C$348.2
	if u, k, ok := s.symbolAt(i); ok {
		if !s.ok(k) || s.toks[k].Kind != article.Number {
			return article.Amount{}, i, false
		}
		cur, hasCur, j = u, true, k
	} else if s.toks[i].Kind == article.Symbol {
		return article.Amount{}, i, false
	}
	if s.toks[j].Kind == article.Word {
		if a, end, ok := s.vague(j); ok {
			return a, end, true
		}
		// a hundred, a dozen: the count starts at the article
		if s.isAny(j-1, "a", "an") && j-1 >= max(s.lo, s.ss) {
			if _, isScale := scaleWords[lower(s.word(j))]; isScale || s.is(j, "dozen") {
				j--
				start = j
			}
		}
	}
	v, k, ok := NumberAt(s.src, s.toks, j, s.se)
	if !ok {
		return article.Amount{}, i, false
	}
	isWord := s.toks[j].Kind == article.Word
	scaled := k > j+1 || hasSuffixScale(s.word(j))
	if s.identifier(j, k) {
		return article.Amount{}, k, false
	}
	// a score: 3-1, 2-0 (a range goes up: 10-15)
	if s.toks[j].Kind == article.Number && k == j+1 && s.is(k, "-") && s.adj(j) && s.adj(k) && s.ok(k+1) && s.toks[k+1].Kind == article.Number {
		if v2, _, ok := NumberAt(s.src, s.toks, k+1, s.se); ok && v2 <= v {
			return article.Amount{}, k + 2, false
		}
	}
	a := article.Amount{Value: v}
	end := k
	// a range: 10 to 15, 10-15, between 10 and 15, $10 million to $15 million
	if max, k2, ok := s.rangeEnd(j, end, hasCur); ok && max > v {
		a.Max, end = max, k2
	}
	// the unit or the object counted
	switch {
	case hasCur:
		a.Unit = cur.code
		if u, k2, ok := s.unitAfter(end); ok && u.kind == "currency" {
			end = k2 // $5 US dollars: keep the symbol's
		}
	default:
		if u, k2, ok := s.unitAfter(end); ok {
			a.Unit, end = u.code, k2
		} else if u, k2, ok := s.suffixSymbol(end); ok {
			a.Unit, end = u.code, k2
		} else if s.is(end, "-") && s.adj(end-1) && s.adj(end) {
			if u, k2, ok := s.unitAfter(end + 1); ok && u.kind != "currency" {
				a.Unit, end = u.code, k2 // a 200-megawatt plant
			}
		}
	}
	// 30 or so reporters, 200 or more
	if s.is(end, "or") && s.isAny(end+1, "so", "more") && end+1 < s.se {
		end += 2
		a.Approximate = true
	}
	if a.Unit == "" || a.Unit != "" && s.is(end, "of") {
		if obj, k2, ok := s.object(end); ok {
			a.Object, end = obj, k2
		}
	}
	if a.Unit == "" && a.Object == "" && !scaled && a.Max == 0 {
		return article.Amount{}, k, false // a bare number counts nothing named
	}
	if isWord && a.Unit == "" && a.Object == "" && a.Max == 0 {
		return article.Amount{}, k, false
	}
	if s.yearLike(j, hasCur) && a.Unit == "" && a.Object == "" {
		return article.Amount{}, k, false
	}
	// about, more than, at least; or so, or more
	if st := s.approxLeft(start); st < start {
		start, a.Approximate = st, true
	}
	if s.is(start-1, "between") && a.Max > 0 && start-1 >= max(s.lo, s.ss) {
		start--
	}
	if s.is(start-1, "-") && s.adj(start-1) && start-1 >= max(s.lo, s.ss) && (start-2 < s.ss || s.toks[start-2].Kind != article.Number && s.toks[start-2].Kind != article.Word) {
		start-- // a minus sign
		a.Value = -a.Value
	}
	st, en := s.toks[start].Start, s.toks[end-1].End
	a.Text, a.Span = s.src[st:en], article.Span{Start: st, End: en}
	return a, end, true
}

// symbolAt reads a currency symbol at token i, joined from adjacent tokens
// ("US" "$"), and returns its unit and the token after it.
func (s *scan) symbolAt(i int) (unit, int, bool) {
	t := s.toks[i]
	if t.Kind == article.Symbol {
		if u, ok := s.e.symbols[s.word(i)]; ok && u.kind == "currency" {
			return u, i + 1, true
		}
		return unit{}, i, false
	}
	if t.Kind == article.Word && t.End-t.Start <= 3 && s.adj(i) && s.ok(i+1) && s.toks[i+1].Kind == article.Symbol {
		if u, ok := s.e.symbols[s.src[t.Start:s.toks[i+1].End]]; ok && u.kind == "currency" {
			return u, i + 2, true
		}
	}
	return unit{}, i, false
}

// hasSuffixScale reports "5bn", "300m".
func hasSuffixScale(w string) bool {
	_, suf := splitSuffix(w)
	_, ok := suffixScales[lower(suf)]
	return suf != "" && ok
}

// identifier reports numbers that name rather than count: "No. 10",
// "Flight 17", "page 3", phone numbers, and ordinals.
func (s *scan) identifier(j, k int) bool {
	if s.ok(j-1) && s.isAny(j-1, "no", "no.", "nos", "number", "page", "pages", "section", "chapter", "article", "paragraph", "rule", "resolution", "flight", "route", "room", "bus", "line", "platform", "gate", "channel", "version", "windows", "formula", "#", "iphone", "galaxy", "level", "stage", "grade", "act", "amendment", "highway", "interstate", "road", "street", "avenue", "precinct", "district", "ward", "unit", "block", "lot", "apartment", "suite", "floor", "vol", "volume", "issue", "episode", "season", "series", "game", "match", "week") {
		return true
	}
	// 555-1212, (202) 555-0100
	if s.toks[j].Kind == article.Number && s.adj(j) && s.is(j+1, "-") && s.adj(j+1) && s.ok(j+2) {
		_, n1 := splitSuffix(s.word(j))
		n2, _ := splitSuffix(s.word(j + 2))
		if len(n1) == 0 && len(s.word(j)) == 3 && len(n2) == 4 {
			return true
		}
	}
	return false
}

// yearLike reports a bare four-digit number that is probably a year the
// date stage did not take ("in 1999" when dates are not given).
func (s *scan) yearLike(j int, hasCur bool) bool {
	if hasCur || s.toks[j].Kind != article.Number {
		return false
	}
	w := s.word(j)
	if len(w) != 4 {
		return false
	}
	v, ok := ParseDigits(w)
	return ok && v >= 1000 && v <= 2199
}

// rangeEnd reads the second number of a range after the first ends at
// token end: "to 15", "-15", "and 15" after "between".
func (s *scan) rangeEnd(first, end int, hasCur bool) (float64, int, bool) {
	j := end
	switch {
	case s.isAny(j, "-", "–", "—") && (s.adj(j-1) && s.adj(j) || s.toks[first].Kind == article.Word):
	case s.is(j, "to"):
	case s.is(j, "and") && s.is(first-1, "between"):
	default:
		return 0, end, false
	}
	j++
	if hasCur {
		if _, k, ok := s.symbolAt(j); ok && s.ok(j) {
			j = k
		}
	}
	if !s.ok(j) {
		return 0, end, false
	}
	v, k, ok := NumberAt(s.src, s.toks, j, s.se)
	if !ok {
		return 0, end, false
	}
	// $10 million to $15 million; 10 to 15 million
	return v, k, true
}

// unitAfter reads a unit name of one to three words at token j: "percent",
// "per cent", "euros", "barrels per day", "MW".
func (s *scan) unitAfter(j int) (unit, int, bool) {
	if !s.ok(j) || s.toks[j].Kind != article.Word && s.toks[j].Kind != article.Symbol {
		return unit{}, j, false
	}
	if u, ok := s.e.exact[s.word(j)]; ok {
		return u, j + 1, true
	}
	var buf [48]byte
	b := buf[:0]
	best, bestEnd := unit{}, j
	for k := j; k < j+3 && s.ok(k); k++ {
		if s.toks[k].Kind != article.Word {
			break
		}
		if k > j {
			b = append(b, ' ')
		}
		w := s.word(k)
		if len(b)+len(w) > len(buf) {
			break
		}
		for x := 0; x < len(w); x++ {
			c := w[x]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if u, ok := s.e.names[string(b)]; ok {
			best, bestEnd = u, k+1
		}
	}
	return best, bestEnd, bestEnd > j
}

// suffixSymbol reads a symbol joined to the number: "5%", "20°C".
func (s *scan) suffixSymbol(j int) (unit, int, bool) {
	if !s.ok(j) || !s.adj(j-1) {
		return unit{}, j, false
	}
	if u, ok := s.e.symbols[s.word(j)]; ok && u.kind != "currency" {
		return u, j + 1, true
	}
	if s.adj(j) && s.ok(j+1) {
		if u, ok := s.e.symbols[s.src[s.toks[j].Start:s.toks[j+1].End]]; ok && u.kind != "currency" {
			return u, j + 2, true
		}
	}
	return unit{}, j, false
}

// object reads the noun a number counts, skipping the words that qualify
// it: "prisoners" in "1,300 additional prisoners", "people" in "3 million
// people", "troops" in "dozens of troops".
func (s *scan) object(j int) (string, int, bool) {
	if s.is(j, "of") {
		j++
		if s.isAny(j, "the", "its", "their", "his", "her", "these", "those") {
			j++
		}
	}
	head := -1
	n := 0
	for k := j; k < s.se && n < 4; k++ {
		t := s.toks[k]
		if t.Kind != article.Word {
			break
		}
		w := lower(s.word(k))
		if stopWords[w] {
			break
		}
		// a verb after the noun: "16 prisoners released"
		if n > 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !irregularPlurals[w] {
			break
		}
		head = k
		n++
		if plural(w) {
			break
		}
	}
	if head < 0 {
		return "", j, false
	}
	// names and addresses: 10 Downing Street, 7 World Trade Center;
	// acronyms: 1900 GMT
	if s.toks[head].Flags&article.Cap != 0 {
		return "", j, false
	}
	return s.word(head), head + 1, true
}

// plural reports a plural noun: "prisoners", "people".
func plural(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// approxLeft extends start over "about", "more than", "at least", "an
// estimated", "as many as".
func (s *scan) approxLeft(start int) int {
	lim := max(s.lo, s.ss)
	j := start - 1
	switch {
	case j < lim:
		return start
	case s.isAny(j, "about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "approx", "circa", "under", "upwards", "estimated") && !(s.is(j, "estimated") && !s.isAny(j-1, "an")):
		if s.is(j, "estimated") {
			return j - 1
		}
		if s.is(j, "upwards") {
			return start
		}
		return j
	case j-1 >= lim && s.is(j, "than") && s.isAny(j-1, "more", "less", "fewer"):
		return j - 1
	case j-1 >= lim && s.isAny(j, "least", "most") && s.is(j-1, "at"):
		return j - 1
	case j-1 >= lim && s.is(j, "to") && s.isAny(j-1, "up", "close"):
		return j - 1
	case j-2 >= lim && s.is(j, "as") && s.isAny(j-1, "many", "much") && s.is(j-2, "as"):
		return j - 2
	case j-1 >= lim && s.is(j, "of") && s.is(j-1, "upwards"):
		return j - 1
	}
	return start
}

// vague reads a plural number word used as a quantity: "dozens of
// troops", "tens of thousands of people", "hundreds".
func (s *scan) vague(j int) (article.Amount, int, bool) {
	w := lower(s.word(j))
	v, ok := vagueWords[w]
	if !ok {
		return article.Amount{}, j, false
	}
	k := j + 1
	// tens of thousands, hundreds of millions
	if s.is(k, "of") {
		if v2, ok := vagueWords[lower(wordAt(s, k+1))]; ok && v2 > v {
			v = v2 * v / 2
			if w == "tens" {
				v = v2 * 10
			}
			k += 2
		}
	}
	if w == "tens" && k == j+1 {
		return article.Amount{}, j, false
	}
	if !s.is(k, "of") {
		return article.Amount{}, j, false
	}
	obj, end, ok := s.object(k)
	if !ok {
		return article.Amount{}, j, false
	}
	start := s.approxLeft(j)
	st, en := s.toks[start].Start, s.toks[end-1].End
	return article.Amount{
		Text: s.src[st:en], Span: article.Span{Start: st, End: en},
		Value: v, Object: obj, Approximate: true,
	}, end, true
}

func wordAt(s *scan, j int) string {
	if !s.ok(j) {
		return ""
	}
	return s.word(j)
}

// vagueWords are plural number words and their conventional values: the
// smallest plural (two dozen, two hundred).
var vagueWords = map[string]float64{
	"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
	"billions": 2e9, "tens": 20,
}

// trigger is a quick test that word token i may start an amount: a
// number word, a scale ("a hundred"), a vague quantity, or a currency
// prefix such as "US" in "US$5".
func (s *scan) trigger(i int) bool {
	t := s.toks[i]
	n := t.End - t.Start
	if n > 12 {
		return false
	}
	w := s.src[t.Start:t.End]
	if n <= 3 && w[0] >= 'A' && w[0] <= 'Z' && s.adj(i) && i+1 < len(s.toks) && s.toks[i+1].Kind == article.Symbol {
		return true // US$, C$, HK$
	}
	if n >= 9 { // twenty-five, forty-one: the tens word decides
		if k := strings.IndexByte(w, '-'); k > 0 {
			w, n = w[:k], k
		}
	}
	if triggerFilter[n][text.LetterIndexes[w[0]]&31]&(1<<(text.LetterIndexes[w[n-1]]&31)) == 0 {
		return false
	}
	var buf [12]byte
	for k := 0; k < n; k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return triggerWords[string(buf[:n])]
}

// mayTrigger is trigger's quick test of word w, without a call for the
// words it turns away (most): false when trigger is.
func mayTrigger(w string) bool {
	n := len(w)
	switch {
	case n == 0 || n > 12:
		return false
	case n <= 3 && 'A' <= w[0] && w[0] <= 'Z' || n >= 9:
		return true // a currency prefix, a hyphenated number word
	}
	return triggerFilter[n][text.LetterIndexes[w[0]]&31]&(1<<(text.LetterIndexes[w[n-1]]&31)) != 0
}

// triggerWords are the words that can start an amount.
var triggerWords = func() map[string]bool {
	m := map[string]bool{"dozen": true}
	for w := range numWords {
		m[w] = true
	}
	for w := range scaleWords {
		m[w] = true
	}
	for w := range vagueWords {
		m[w] = true
	}
	return m
}()

// triggerFilter[n][first] has bit last set when a trigger word of n bytes
// starts with letter first and ends with letter last. A row has 32
// columns, so that an index masked to five bits needs no bounds check.
var triggerFilter = func() (f [13][32]uint32) {
	for w := range triggerWords {
		f[len(w)][text.LetterIndexes[w[0]]] |= 1 << text.LetterIndexes[w[len(w)-1]]
	}
	return f
}()

// stopWords end the search for the noun a number counts.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those of in on at to for from by with
		and or but nor as than then so if when while where who whom whose which what why how
		is are was were be been being am has have had do does did will would shall should can could
		may might must said says say told per each every all any some no not more less most least
		i you he she it we they me him her us them my your his its our their
		there here up down out over under into onto off about after before since until during
		between among through across against without within along around near
		percent pct cent times time`) {
		m[w] = true
	}
	return m
}()

// irregularPlurals are plural nouns without a final s.
var irregularPlurals = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true,
	"personnel": true, "staff": true, "cattle": true, "sheep": true, "fish": true,
	"data": true, "feet": true, "teeth": true, "mice": true, "geese": true, "crew": true,
	"livestock": true, "refugees": true, "troops": true, "aircraft": true, "militia": true,
}

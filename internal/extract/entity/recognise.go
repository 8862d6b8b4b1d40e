package entity

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// scratch is the per-call working space, reused through a pool. The
// lookup form and the flags of a token are computed when first asked for:
// most words of an article are never looked at.
type scratch struct {
	doc    *article.Doc
	buf    []byte     // lookup forms of the tokens asked for so far
	ns, ne []int32    // token i's lookup form is buf[ns[i]:ne[i]]; ns[i] < 0 until computed
	lex    []lexEntry // token i's flags, valid when known[i]
	known  []bool
	key    []byte // a phrase being looked up
	cands  []cand
	big    map[string]lexEntry // the lexicon, for capitalised words
	small  map[string]lexEntry // the cue words, for words in lower case

	sports, sportsKnown bool // the article reports sport: places name teams

	// maps of the document pass, cleared for each article
	keys     []uint64
	strong   map[uint64]string
	teams    map[uint64]bool
	surnames map[uint64]int
	byKey    map[uint64]int
	e        *Extractor
}

func (s *scratch) reset(e *Extractor, doc *article.Doc) {
	n := len(doc.Tokens)
	s.doc, s.e = doc, e
	s.big, s.small = e.cues.lex, e.cues.small
	s.buf = s.buf[:0]
	if cap(s.ns) < n {
		s.ns = make([]int32, n)
		s.ne = make([]int32, n)
		s.lex = make([]lexEntry, n)
		s.known = make([]bool, n)
	}
	s.ns, s.ne, s.lex, s.known = s.ns[:n], s.ne[:n], s.lex[:n], s.known[:n]
	for i := range s.ns {
		s.ns[i] = -1
	}
	clear(s.known)
	s.cands = s.cands[:0]
	s.sportsKnown = false
}

// w returns token i's lookup form (empty for punctuation and numbers).
func (s *scratch) w(i int) []byte {
	if s.ns[i] < 0 {
		t := s.doc.Tokens[i]
		s.ns[i] = int32(len(s.buf))
		if t.Kind == article.Word || t.Kind == article.Symbol && t.End-t.Start == 1 && s.doc.Rec.Text[t.Start] == '&' {
			s.buf = kb.AppendNorm(s.buf, s.doc.Rec.Text[t.Start:t.End])
		}
		s.ne[i] = int32(len(s.buf))
	}
	return s.buf[s.ns[i]:s.ne[i]]
}

// entry returns what the lexicon holds for token i. Words in lower case
// need only their cue flags, which a much smaller map holds.
func (s *scratch) entry(i int) lexEntry {
	if !s.known[i] {
		w := s.w(i)
		if s.doc.Tokens[i].Flags&(article.Cap|article.AllCaps) != 0 {
			s.lex[i] = s.big[string(w)]
		} else {
			s.lex[i] = s.small[string(w)]
		}
		s.known[i] = true
	}
	return s.lex[i]
}

// is reports whether token i has all the flags f.
func (s *scratch) is(i int, f uint32) bool { return s.entry(i).flags&f == f }

// isSports reports, once per article, whether it reports sport.
func (s *scratch) isSports() bool {
	if !s.sportsKnown {
		s.sports, s.sportsKnown = s.e.isSports(s, s.doc), true
	}
	return s.sports
}

// phrase returns the lookup key of tokens [a, b).
func (s *scratch) phrase(a, b int) []byte {
	s.key = s.key[:0]
	for i := a; i < b; i++ {
		w := s.w(i)
		if len(w) == 0 {
			continue
		}
		if len(s.key) > 0 {
			s.key = append(s.key, ' ')
		}
		s.key = append(s.key, w...)
	}
	return s.key
}

// cand is a candidate mention: tokens [first, last) with what is known of
// it.
type cand struct {
	first, last int
	typ         string // article.Person, …; "" while unknown
	kind        string // country, city, igo, …
	refs        []kb.Ref
	role        string // from a title before the name
	roleCode    string // CAMEO sector of the title
	roleCountry string // ISO-3 of a country named with the title
	form        string // mention kind: name, alias, acronym, surname, demonym
	weak        bool   // kept only when the document names it elsewhere
	hint        string // a weak type guess from context
	sentStart   bool   // first word of its sentence or line
	linkOf      int    // 1 + index of the cand this acronym or short name stands for
	placeCtx    bool   // words around it show a place (in X, X, Country)
	team        bool   // a place name taken for a sports team
	guessed     bool   // typed by default, for want of any sign
}

// Sentence modes: how far capitals can be trusted.
const (
	modeNormal = iota // ordinary prose
	modeTitle         // headline in title case: every word capitalised
	modeCaps          // all capitals
)

func (e *Extractor) recognise(s *scratch, doc *article.Doc) {
	for _, sent := range doc.Sents {
		mode := e.sentenceMode(s, doc, sent.First, sent.Last)
		e.recogniseSentence(s, doc, sent.First, sent.Last, mode)
	}
}

// isSports reports an article about sport: several words of sports
// reports, or a few with result tables (lines of numbers).
func (e *Extractor) isSports(s *scratch, doc *article.Doc) bool {
	words, tables, nums := 0, 0, 0
	for i, t := range doc.Tokens {
		if t.Is(article.LineStart) {
			if nums >= 3 {
				tables++
			}
			nums = 0
		}
		switch {
		case t.Kind == article.Number:
			nums++
		case t.Kind == article.Word && t.Flags&(article.Cap|article.AllCaps) == 0:
			// Words in lower case are looked up as written, without
			// making their lookup form.
			if w := doc.Rec.Text[t.Start:t.End]; len(w) >= 2 && e.cues.sportMask[w[0]]&sportBit(w) != 0 && e.cues.sport[w] {
				words++
			}
		case t.Kind == article.Word:
			if e.cues.sport[string(s.w(i))] {
				words++
			}
		}
	}
	if nums >= 3 {
		tables++
	}
	return words >= 3 || words >= 1 && tables >= 3
}

// sentenceMode tells prose from headlines in title case or all capitals.
func (e *Extractor) sentenceMode(s *scratch, doc *article.Doc, first, last int) int {
	// A word in lower case that is no function word makes prose: most
	// sentences end here without a lookup.
	words, caps := 0, 0
	for i := first; i < last; i++ {
		t := doc.Tokens[i]
		if t.Kind != article.Word || t.Is(article.HasDigit) {
			continue
		}
		words++
		switch {
		case t.Is(article.AllCaps):
			caps++
		case !t.Is(article.Cap):
			if !isFunctionWord(lowerASCII(doc.TokenText(i))) {
				return modeNormal
			}
		}
	}
	switch {
	case words == 0:
		return modeNormal
	case caps >= 2 && caps*10 >= words*7:
		return modeCaps
	case words < 3:
		return modeNormal
	}
	capCommon, capFunction := 0, 0
	for i := first; i < last; i++ {
		t := doc.Tokens[i]
		if t.Kind != article.Word || t.Is(article.HasDigit) || t.Is(article.AllCaps) || !t.Is(article.Cap) {
			continue
		}
		switch {
		case isFunctionWord(s.w(i)):
			// "Ahead Of Putin Summit": a preposition capitalised inside
			// a sentence shows title case.
			if i > first && !sentenceInitial(doc, first, i) && doc.Tokens[i-1].Kind == article.Word {
				capFunction++
			}
		case s.is(i, fCommon) && !s.is(i, fGiven):
			capCommon++
		}
	}
	if capCommon >= 2 && (capFunction > 0 || capCommon*3 >= words) {
		return modeTitle
	}
	return modeNormal
}

// lowerASCII returns short ASCII words in lower case without allocating
// when they already are; other words are returned as they are.
func lowerASCII(w string) []byte {
	if len(w) > 5 {
		return nil
	}
	var b [5]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b[:len(w)]
}

// compassWord reports words that start places' names: "West", "Upper".
func compassWord(w []byte) bool {
	switch string(w) {
	case "old", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater", "inner", "outer", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "mid":
		return true
	}
	return false
}

// isFunctionWord reports short words headlines may keep in lower case.
func isFunctionWord(w []byte) bool {
	switch string(w) {
	case "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "as", "from", "vs", "v", "is", "are", "be":
		return true
	}
	return false
}

// nameish reports whether token i may be part of a name in the mode.
func (e *Extractor) nameish(s *scratch, doc *article.Doc, i, mode int) bool {
	t := doc.Tokens[i]
	if t.Kind != article.Word {
		return false
	}
	if mode == modeNormal && !t.Is(article.Cap) && !particleName(doc.TokenText(i)) {
		return false
	}
	if t.End-t.Start == 1 && !s.is(i, fGazFirst) {
		return false // "W L PCT", "N / A": a lone capital is no name
	}
	w := s.w(i)
	if len(w) == 0 {
		return false
	}
	en := s.entry(i)
	if en.flags&fNonName != 0 && en.longest == 0 {
		return false
	}
	if mode == modeNormal {
		return true
	}
	if t.Is(article.HasDigit) {
		return false
	}
	if en.flags&fCommon == 0 && !isFunctionWord(w) && en.flags&fNonName == 0 || en.longest > 0 {
		return true
	}
	// A title in a headline counts when a name follows it: "PRESIDENT
	// CLINTON", not "ENGLAND CAPTAIN".
	return en.flags&fTitleFirst != 0 && i+1 < len(doc.Tokens) && doc.Tokens[i+1].Kind == article.Word && !s.is(i+1, fCommon)
}

// particleName reports words such as "al-Assad", "d'Estaing", "bin",
// "McCain" that are names though their first letter is small.
func particleName(w string) bool {
	if len(w) < 4 || w[0] != 'a' && w[0] != 'e' && w[0] != 'u' && w[0] != 'd' {
		return false
	}
	if w[1] != '-' && w[2] != '-' && w[3] != '-' && w[1] != '\'' && w[1] != 0xe2 { // no hyphen or apostrophe early
		return false
	}
	for _, p := range []string{"al-", "el-", "d'", "d’", "ul-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if len(w) > len(p) && w[:len(p)] == p && w[len(p)] >= 'A' && w[len(p)] <= 'Z' {
			return true
		}
	}
	return false
}

// sentenceInitial reports whether token i is the first word of its
// sentence or line (after opening quotes or brackets).
func sentenceInitial(doc *article.Doc, first, i int) bool {
	for j := i; j >= first; j-- {
		t := doc.Tokens[j]
		if j < i && t.Kind == article.Word || j < i && t.Kind == article.Number {
			return false
		}
		if t.Is(article.LineStart) {
			return true
		}
		if j < i && t.Kind == article.Punct {
			switch doc.TokenText(j) {
			case ":", "-", "—", "–", "--":
				return true
			}
		}
	}
	return true
}

func (e *Extractor) recogniseSentence(s *scratch, doc *article.Doc, first, last, mode int) {
	i := first
	for i < last {
		if !e.nameish(s, doc, i, mode) || s.is(i, fConnector) && !doc.Tokens[i].Is(article.Cap) {
			i++
			continue
		}
		j := e.runEnd(s, doc, i, last, mode)
		// A headline quoted inside a sentence ("(RELATED: Zelenskyy
		// Desperately Trying To Get Trump's Ear …)") is read as a
		// headline.
		if mode == modeNormal && j-i >= 4 && e.titleRun(s, doc, i, j) {
			e.recogniseSentence(s, doc, i, j, modeTitle)
			i = j
			continue
		}
		// "de Silva", "van Persie": a particle in lower case before a
		// name, when no word precedes it in the sentence.
		a := i
		if i > first && doc.Tokens[i-1].Kind == article.Word && nameParticle(s.w(i-1)) && !doc.Tokens[i-1].Is(article.Cap) &&
			(i-1 == first || doc.Tokens[i-2].Kind != article.Word) && mode == modeNormal {
			a = i - 1
		}
		e.splitRun(s, doc, a, j, first, last, mode)
		i = j
	}
}

// titleRun reports a run of capitalised words that is a headline in
// title case: ordinary words ("Trying", "Ahead") and a capitalised
// preposition ("To", "Of") inside it.
func (e *Extractor) titleRun(s *scratch, doc *article.Doc, a, b int) bool {
	plain, fn := 0, 0
	for i := a; i < b; i++ {
		if !doc.Tokens[i].Is(article.Cap) {
			return false
		}
		switch {
		case i > a && isFunctionWord(s.w(i)):
			fn++
		case e.plainWord(s, i):
			plain++
		}
	}
	return plain >= 2 && fn >= 1
}

// runEnd returns the end of the run of name-like tokens starting at i:
// capitalised words, initials and connectors between them.
func (e *Extractor) runEnd(s *scratch, doc *article.Doc, i, last, mode int) int {
	j := i + 1
	for j < last && !doc.Tokens[j].Is(article.LineStart) {
		if e.nameish(s, doc, j, mode) && !isPossessiveS(s, doc, j) {
			j++
			continue
		}
		// connectors: up to two ("of the") before a name-like word
		k := j
		for k < last && k-j < 2 && doc.Tokens[k].Kind != article.Punct && s.is(k, fConnector) && !doc.Tokens[k].Is(article.Cap) && !doc.Tokens[k].Is(article.LineStart) {
			k++
		}
		// "the Bank of England and the Federal Reserve": "and the"
		// (or "and" before a known name, or after a company's "Inc")
		// joins two names, not one.
		if k-j == 2 && string(s.w(j)) != "of" || k-j == 1 && string(s.w(j)) == "and" && k < last && doc.Tokens[k].Is(article.Cap) &&
			(e.startsName(s, doc, k, last) || s.is(j-1, fOrgTailLast) && e.companyTail(s, j-1)) {
			break
		}
		if k > j && k < last && e.nameish(s, doc, k, mode) {
			j = k + 1
			continue
		}
		// "Organisation for Security and Cooperation in Europe": "in"
		// and a place inside an organisation's name of the form "Head
		// of/for …".
		if k == j && j+1 < last && string(s.w(j)) == "in" && !doc.Tokens[j].Is(article.Cap) && e.hasOrgHeadOf(s, i, j) {
			if n, refs := e.kbMatch(s, doc, j+1, last); n > 0 && refs[0].Kind != kb.RefPerson && (j+1+n == last || !e.nameish(s, doc, j+1+n, mode)) {
				j = j + 1 + n
				continue
			}
		}
		break
	}
	return j
}

// modifierWord reports words such as "Bergamo-based", "Ex-Yankee",
// "Pro-Moscow": adjectives made from a name with a hyphen.
func modifierWord(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 {
		return false
	}
	switch strings.ToLower(w[i+1:]) {
	case "based", "led", "born", "backed", "owned", "run", "controlled", "made", "bound", "held", "linked", "funded", "allied", "style", "era", "speaking", "dominated", "sponsored":
		return true
	}
	j := strings.IndexByte(w, '-')
	switch strings.ToLower(w[:j]) {
	case "ex", "pro", "anti", "non", "post", "pre", "neo", "pan", "mid":
		return true
	}
	return false
}

// companyTail reports a company's legal form at token i: Inc, Corp,
// Ltd, plc.
func (e *Extractor) companyTail(s *scratch, i int) bool {
	q, ok := e.cues.get(cueOrgTail, s.w(i))
	return ok && q.Value == "company"
}

// hasOrgHeadOf reports an organisation's head word followed by "of" or
// "for" among tokens [a, b).
func (e *Extractor) hasOrgHeadOf(s *scratch, a, b int) bool {
	for i := a; i < b-1; i++ {
		if s.is(i, fOrgHead) {
			if w := string(s.w(i + 1)); w == "of" || w == "for" {
				return true
			}
		}
	}
	return false
}

// startsName reports a known name, title or given name at token k, which
// after "and" begins a name of its own ("Latvia and Lithuania").
func (e *Extractor) startsName(s *scratch, doc *article.Doc, k, last int) bool {
	if s.entry(k).flags&(fGiven|fTitleFirst|fHonorific) != 0 {
		return true
	}
	n, _ := e.kbMatch(s, doc, k, last)
	return n > 0
}

func isPossessiveS(s *scratch, doc *article.Doc, i int) bool {
	return i > 0 && string(s.w(i)) == "s" && doc.Tokens[i-1].Kind == article.Punct && doc.Tokens[i-1].End == doc.Tokens[i].Start
}

// kbMatch returns the longest gazetteer name starting at token p and
// ending by b: its length in tokens and readings.
func (e *Extractor) kbMatch(s *scratch, doc *article.Doc, p, b int) (int, []kb.Ref) {
	n := int(s.entry(p).longest)
	if n == 0 {
		return 0, nil
	}
	for k := min(n, b-p); k >= 1; k-- {
		if k > 1 && (doc.Tokens[p+k-1].Kind != article.Word || s.is(p+k-1, fConnector)) {
			continue
		}
		if refs := e.gaz.Lookup(s.phrase(p, p+k)); refs != nil {
			return k, refs
		}
	}
	return 0, nil
}

// cueMatch returns the longest cue of class starting at token p and ending
// by b.
func (e *Extractor) cueMatch(s *scratch, p, b int, class string) (int, kb.Cue) {
	if f, ok := firstFlag[class]; ok && !s.is(p, f) {
		return 0, kb.Cue{}
	}
	w := s.w(p)
	if len(w) == 0 {
		return 0, kb.Cue{}
	}
	n := e.cues.maxWords(class, w)
	for k := min(n, b-p); k >= 1; k-- {
		if q, ok := e.cues.get(class, s.phrase(p, p+k)); ok {
			return k, q
		}
	}
	return 0, kb.Cue{}
}

// splitRun turns the run [a, b) of sentence [first, last) into candidate
// mentions.
func (e *Extractor) splitRun(s *scratch, doc *article.Doc, a, b, first, last, mode int) {
	// A sentence-initial "The" belongs to a name only when the
	// gazetteer says so ("The Guardian", "The Hague").
	if b-a > 1 && string(s.w(a)) == "the" {
		// "The United States": the article is no part of a place's
		// name when the name without it is known too.
		if n, refs := e.kbMatch(s, doc, a, b); n < b-a || (refs[0].Kind == kb.RefCountry || refs[0].Kind == kb.RefPlace) && e.knownWhole(s, doc, a+1, b) {
			a++
		}
	}
	for a < b && s.is(a, fConnector) && !doc.Tokens[a].Is(article.Cap) && !(nameParticle(s.w(a)) && b-a > 1) {
		a++
	}
	// "Bergamo-based Atalanta", "Ex-Yankee Randy Velarde": a modifier
	// made with a hyphen is no part of the name after it.
	for b-a > 1 && modifierWord(doc.TokenText(a)) {
		a++
	}
	// "But Deportivo", "Neither Lebed": a closed-class word capitalised
	// at the start of a sentence or headline, and "the" after it.
	for b-a > 1 && s.is(a, fFunction) && (mode != modeNormal || sentenceInitial(doc, first, a)) {
		if n, _ := e.kbMatch(s, doc, a, b); n > 0 {
			break
		}
		a++
		for b-a > 1 && s.is(a, fConnector) && !doc.Tokens[a].Is(article.Cap) {
			a++
		}
	}
	for b > a && (s.is(b-1, fConnector) || b-a > 1 && s.is(b-1, fFunction) && s.entry(b-1).longest == 0) {
		b--
	}
	// "Hong Kong-based": the run is an adjective made from a name.
	if a >= b || modifierWord(doc.TokenText(b-1)) {
		return
	}
	initial := sentenceInitial(doc, first, a)
	// "Prices of U.S. Treasury": an ordinary word capitalised at the
	// start of a sentence, joined by a connector to a name.
	if initial && b-a > 2 && e.plainWord(s, a) && s.is(a+1, fConnector) && !doc.Tokens[a+1].Is(article.Cap) {
		if n, _ := e.kbMatch(s, doc, a, b); n < 3 {
			e.splitRun(s, doc, a+2, b, first, last, mode)
			return
		}
	}
	// "Bring Trump", "Thank Putin": an ordinary word at the start of a
	// sentence before a known name or a given name.
	if initial && b-a >= 2 && e.plainWord(s, a) && s.entry(a+1).flags&(fGazFirst|fGiven|fSurname) != 0 {
		if n, _ := e.kbMatch(s, doc, a, b); n == 0 {
			e.splitRun(s, doc, a+1, b, first, last, mode)
			return
		}
	}
	// "Keith O'Neill of Norwich City": a person of a place or
	// organisation.
	if k := e.personOf(s, doc, a, b); k > 0 {
		e.splitRun(s, doc, a, k, first, last, mode)
		e.splitRun(s, doc, k+1, b, first, last, mode)
		return
	}
	// The whole run is a known name.
	if n, refs := e.kbMatch(s, doc, a, b); n == b-a {
		if c, ok := e.kbCand(s, doc, a, b, refs, first, mode, initial); ok {
			if c.typ == article.Person {
				if role, code := e.titleBefore(s, doc, first, a); role != "" && role != "\x00" {
					c.role, c.roleCode, c.roleCountry = role, code, e.countryBefore(s, doc, first, a)
				}
			}
			e.push(s, c)
			return
		}
	}
	// Organisation, place and event patterns over the whole run, after
	// any leading title.
	p, role, code := a, "", ""
	var roleCountry string
	if n, q := e.cueMatch(s, a, b, cueTitle); n > 0 && n < b-a {
		// "Major League Baseball": a title word before a word that
		// heads or ends organisations' or places' names is part of a
		// name.
		const nameCue = fOrgHead | fOrgTailLast | fPlaceHeadFirst | fPlaceTailLast | fEventTailLast
		if s.entry(a+n).flags&nameCue == 0 || s.is(a+n, fGiven) {
			p, role, code = a+n, q.Value, q.Code
		}
	} else if b-a > 1 && s.entry(a).flags&(fRoleNoun|fKin) != 0 && s.is(a, fCommon) && !s.is(a, fGazFirst) {
		// "Fullback Andre Joubert", "Striker Alan Shearer": a role
		// noun capitalised at the start of a sentence.
		p, role = a+1, "\x00"
	}
	if c, ok := e.patternCand(s, doc, a, p, b, mode); ok {
		c.sentStart = initial
		e.push(s, c)
		return
	}
	if s.isSports() && p == a && mode == modeNormal && e.teamName(s, doc, a, b) {
		e.push(s, cand{first: a, last: b, typ: article.Org, kind: "sport", form: "name", sentStart: initial})
		return
	}
	// Titles met before the run in lower case: "former president X".
	if role == "" {
		role, code = e.titleBefore(s, doc, first, a)
		if role != "" {
			roleCountry = e.countryBefore(s, doc, first, a)
		}
	} else {
		roleCountry = e.countryBefore(s, doc, first, a)
	}
	e.segment(s, doc, p, b, first, last, mode, initial && p == a, role, code, roleCountry)
}

// plainWord reports an ordinary English word that is no cue and no name
// of the knowledge base.
func (e *Extractor) plainWord(s *scratch, i int) bool {
	const cue = fTitleFirst | fHonorific | fHonorificFirst | fOrgHead | fOrgTailLast | fPlaceHeadFirst | fEventTailLast | fGiven | fGazFirst
	return s.is(i, fCommon) && s.entry(i).flags&cue == 0
}

// personOf returns the position of "of" in a run that starts with a
// person's name (a given name, or a title and a name) and goes on with
// "of" and another name; 0 when there is none.
func (e *Extractor) personOf(s *scratch, doc *article.Doc, a, b int) int {
	hasOf := false
	for k := a + 1; k < b-1; k++ {
		if !doc.Tokens[k].Is(article.Cap) && doc.TokenText(k) == "of" {
			hasOf = true
			break
		}
	}
	if !hasOf {
		return 0
	}
	p := a
	if n, _ := e.cueMatch(s, a, b, cueTitle); n > 0 {
		p = a + n
	} else if n, _ := e.cueMatch(s, a, b, cueHonorific); n > 0 {
		p = a + n
	} else if s.entry(a).flags&(fRoleNoun|fKin) != 0 && s.is(a, fCommon) && b-a > 2 {
		p = a + 1 // "Economist Joel Naroff of First Union"
	}
	if p >= b {
		return 0
	}
	if m, refs := e.kbMatch(s, doc, p, b); m > 0 && refs[0].Kind != kb.RefPerson {
		return 0
	}
	plain := true // no ordinary word, cue or known name before "of"
	for k := p + 1; k < b-1 && k < p+4; k++ {
		if string(s.w(k)) == "of" && !doc.Tokens[k].Is(article.Cap) {
			if e.isGiven(s, p) || p > a {
				return k
			}
			// "Erin Purcell of Reagan Communications": two or three
			// unknown words and an organisation after "of".
			if plain && k-p >= 2 && (s.is(b-1, fOrgTailLast) || e.kbOrgAt(s, doc, k+1, b)) {
				return k
			}
			return 0
		}
		if doc.Tokens[k].Kind != article.Word || s.is(k, fConnector) && !nameParticle(s.w(k)) {
			return 0
		}
		if s.entry(k).flags&(fCommon|fGazFirst|fOrgHead|fOrgTailLast|fTitleFirst) != 0 {
			plain = false
		}
	}
	return 0
}

// kbOrgAt reports a known organisation's name filling [a, b).
func (e *Extractor) kbOrgAt(s *scratch, doc *article.Doc, a, b int) bool {
	n, refs := e.kbMatch(s, doc, a, b)
	return n == b-a && refs[0].Kind == kb.RefOrg
}

// teamName reports a run of a sports report that names a team by a city
// and another word: "Philadelphia Eagles", "Standard Liege", "Dynamo
// Moscow".
func (e *Extractor) teamName(s *scratch, doc *article.Doc, a, b int) bool {
	if b-a < 2 || b-a > 4 || e.isGiven(s, a) {
		return false
	}
	if b+1 < len(doc.Tokens) && doc.TokenText(b) == "(" && e.countryOrState(s, doc, b+1) {
		return false // "Yoelvis Quesada ( Cuba )": an athlete
	}
	place, other := false, false
	for q := a; q < b; {
		if s.is(q, fConnector) {
			return false
		}
		if n, refs := e.kbMatch(s, doc, q, b); n > 0 {
			r := refs[0]
			if r.Kind != kb.RefPlace || place {
				return false
			}
			place = true
			q += n
			continue
		}
		if s.entry(q).flags&(fTitleFirst|fHonorific|fNorpFirst|fFunction) != 0 {
			return false
		}
		other = true
		q++
	}
	return place && other
}

// titleBefore looks for a title in lower case just before token a
// ("former president", "prime minister"), or another word that puts a
// person's name after it (an honorific, "wife", "striker", "analyst"). It
// returns the role, its CAMEO sector, and "\x00" as the role for a person
// with no role.
func (e *Extractor) titleBefore(s *scratch, doc *article.Doc, first, a int) (string, string) {
	if a == first || doc.Tokens[a-1].Kind != article.Word {
		return "", ""
	}
	for k := 3; k >= 1 && s.is(a-1, fTitleLast); k-- {
		if a-k < first {
			continue
		}
		if q, ok := e.cues.get(cueTitle, s.phrase(a-k, a)); ok {
			// "former president X": a person, but not in that office.
			if a-k > first {
				switch string(s.w(a - k - 1)) {
				case "former", "ex", "late", "then", "ousted", "deposed", "onetime", "one-time", "disgraced", "jailed", "exiled":
					return "\x00", ""
				}
			}
			return q.Value, q.Code
		}
	}
	if s.entry(a-1).flags&(fHonorific|fRoleNoun|fKin) != 0 {
		return "\x00", ""
	}
	return "", ""
}

// countryBefore returns the country of a candidate ending just before
// token a, directly or through a possessive ("Belarus's President").
func (e *Extractor) countryBefore(s *scratch, doc *article.Doc, first, a int) string {
	if len(s.cands) == 0 {
		return ""
	}
	c := &s.cands[len(s.cands)-1]
	gap := a - c.last
	if gap < 0 || gap > 2 || c.first < first {
		return ""
	}
	if gap == 2 && !isPossessiveS(s, doc, a-1) {
		return ""
	}
	if gap == 1 && doc.TokenText(a-1) != "’" && doc.TokenText(a-1) != "'" {
		return ""
	}
	if len(c.refs) == 0 {
		return ""
	}
	r := c.refs[0]
	switch r.Kind {
	case kb.RefCountry, kb.RefNORP, kb.RefPeople:
		return e.gaz.Countries[r.Index].ISO3
	}
	return ""
}

func (e *Extractor) push(s *scratch, c cand) { s.cands = append(s.cands, c) }

// kbCand makes a candidate of a gazetteer match [a, b), or reports that
// the match is too doubtful (a city called like a common word with no
// sign of being a place, an acronym that is a word in a headline).
func (e *Extractor) kbCand(s *scratch, doc *article.Doc, a, b int, refs []kb.Ref, first, mode int, initial bool) (cand, bool) {
	c, ok := e.kbCand1(s, doc, a, b, refs, first, mode, initial)
	if !ok || !s.isSports() || c.typ != article.Place || refs[0].Kind != kb.RefPlace || nation(&e.gaz.Places[refs[0].Index]) {
		return c, ok
	}
	c.placeCtx = e.placeContext(s, doc, a, b, first)
	// Counties and states in sports reports are teams (Essex, Surrey,
	// Florida), cities only where a team stands.
	p := &e.gaz.Places[refs[0].Index]
	if !c.placeCtx && (p.Kind == "region" || p.Kind == "state" || e.teamPosition(s, doc, a, b, first)) {
		// In sports reports a city or county names its team.
		c.typ, c.kind, c.refs, c.team = article.Org, "sport", nil, true
	}
	return c, ok
}

// nation reports a place of places_extra.tsv that is not a town (England,
// Scotland, Kosovo): its teams are national sides, which news and CoNLL
// alike call by the place.
func nation(p *kb.Place) bool { return p.Extra && p.Kind != "city" }

// teamPosition reports whether [a, b) stands where sports reports put a
// team: before a score or a table's numbers, or next to "beat", "v",
// "drew", "against".
func (e *Extractor) teamPosition(s *scratch, doc *article.Doc, a, b, first int) bool {
	if b < len(doc.Tokens) {
		t := doc.Tokens[b]
		if t.Kind == article.Number && !t.Is(article.LineStart) && !isDate(doc, b) {
			return true
		}
		if t.Kind == article.Word && s.entry(b).flags&(fTeamVerb|fOrgAfter) != 0 {
			return true
		}
		if t.Kind == article.Punct && (doc.TokenText(b) == "’" || doc.TokenText(b) == "'") {
			return true // "Leeds's goalkeeper"
		}
	}
	if a > first {
		t := doc.Tokens[a-1]
		if t.Kind == article.Word && s.is(a-1, fTeamVerb) {
			return true
		}
	}
	return false
}

// countryOrState reports a country or a state's name at token i.
func (e *Extractor) countryOrState(s *scratch, doc *article.Doc, i int) bool {
	n, rr := e.kbMatch(s, doc, i, min(i+5, len(doc.Tokens)))
	return n > 0 && (rr[0].Kind == kb.RefCountry || rr[0].Kind == kb.RefPlace && (e.gaz.Places[rr[0].Index].Kind == "state" || e.gaz.Places[rr[0].Index].Extra))
}

// isDate reports a date written with digits at token i: 1996-08-30.
func isDate(doc *article.Doc, i int) bool {
	w := doc.TokenText(i)
	return len(w) == 4 && i+1 < len(doc.Tokens) && doc.TokenText(i+1) == "-"
}

// placeContext reports words around [a, b) that show a place: a
// preposition before it, ", Country" after it, or a dateline (the name
// starts a line and a date or bracket follows).
func (e *Extractor) placeContext(s *scratch, doc *article.Doc, a, b, first int) bool {
	if a > first && doc.Tokens[a-1].Kind == article.Word && s.is(a-1, fPlacePrep) {
		return true
	}
	if doc.Tokens[a].Is(article.LineStart) && b < len(doc.Tokens) && (isDate(doc, b) || doc.TokenText(b) == "(" || doc.TokenText(b) == ":") {
		return true
	}
	if a > first && doc.TokenText(a-1) == "," && b < len(doc.Tokens) && isDate(doc, b) {
		return true // "WIGAN , England 1996-08-31"
	}
	if b+1 < len(doc.Tokens) && doc.TokenText(b) == "," {
		if n, rr := e.kbMatch(s, doc, b+1, min(b+5, len(doc.Tokens))); n > 0 && (rr[0].Kind == kb.RefCountry || rr[0].Kind == kb.RefPlace && e.gaz.Places[rr[0].Index].Kind == "state") {
			return true
		}
	}
	return false
}

func (e *Extractor) kbCand1(s *scratch, doc *article.Doc, a, b int, refs []kb.Ref, first, mode int, initial bool) (cand, bool) {
	r := refs[0]
	c := cand{first: a, last: b, refs: refs, sentStart: initial}
	switch r.Kind {
	case kb.RefCountry:
		c.typ, c.kind = article.Place, "country"
	case kb.RefPlace:
		c.typ, c.kind = article.Place, e.gaz.Places[r.Index].Kind
	case kb.RefOrg:
		c.typ, c.kind = article.Org, e.gaz.Orgs[r.Index].Kind
	case kb.RefPerson:
		c.typ = article.Person
	case kb.RefNORP, kb.RefPeople:
		c.typ, c.kind = article.NORP, "nationality"
	}
	c.form = formName(r.Form)
	if b-a > 1 {
		return c, true
	}
	common := s.entry(a).flags&(fCommon|fNonName) != 0
	if r.Form == kb.FormAcronym && mode == modeNormal && !doc.Tokens[a].Is(article.AllCaps) && !doc.Tokens[a].Is(article.Abbrev) && common {
		return c, false // "Time" is not TIME, "who" is not WHO
	}
	if !common {
		return c, true
	}
	switch {
	case r.Kind == kb.RefCountry || r.Kind == kb.RefNORP || r.Kind == kb.RefPeople:
		return c, true
	case mode != modeNormal:
		return c, false
	case r.Kind == kb.RefPlace:
		// "Surrey 429-7", "Reading beat Hull": in sports reports a town
		// called like a common word stands where teams stand.
		if s.isSports() && !initial && e.teamPosition(s, doc, a, b, first) {
			return c, true
		}
		// A place called like a common word needs a sign of place: a
		// preposition before it or ", Country" after it.
		if a > first && doc.Tokens[a-1].Kind == article.Word && s.is(a-1, fPlacePrep) && !initial {
			return c, true
		}
		// "Farmington Hills, Mich.": a state after a town and a comma.
		if a > first+1 && doc.TokenText(a-1) == "," && len(s.cands) > 0 && s.cands[len(s.cands)-1].last == a-1 && s.cands[len(s.cands)-1].typ == article.Place {
			return c, true
		}
		if a+2 < len(doc.Tokens) && doc.TokenText(a+1) == "," {
			if n, rr := e.kbMatch(s, doc, a+2, min(a+6, len(doc.Tokens))); n > 0 && (rr[0].Kind == kb.RefCountry || rr[0].Kind == kb.RefPlace && e.gaz.Places[rr[0].Index].Kind == "state") {
				return c, true
			}
		}
		c.weak = true
		return c, !initial
	case initial:
		c.weak = true
		return c, true
	}
	return c, true
}

func formName(f uint8) string {
	switch f {
	case kb.FormAcronym:
		return "acronym"
	case kb.FormAlias, kb.FormOfficial:
		return "alias"
	case kb.FormDemonym:
		return "demonym"
	}
	return "name"
}

// patternCand recognises organisations, places and events by the words
// that head or end their names: "Ministry of …", "… Party", "Lake …",
// "… Sea", "… Cup". Tokens [a, p) are a title before the name.
func (e *Extractor) patternCand(s *scratch, doc *article.Doc, a, p, b, mode int) (cand, bool) {
	// "General Motors": a title before a lone organisation tail is part
	// of the name.
	if n, q := e.tailMatch(s, p, b, cueOrgTail); n > 0 && (b-p > n || p > a) && !e.kbEndsAt(s, doc, p, b) && !e.isTitle(s, p, b) &&
		(q.Value != "sport" || s.isSports() && !(p > 0 && s.is(p-1, fPlacePrep))) {
		start := p
		if b-p == n {
			start = a
		}
		return cand{first: start, last: b, typ: article.Org, kind: q.Value, form: "name"}, true
	}
	// "Procter & Gamble", "Douglas & Lomason".
	for k := p + 1; k < b-1; k++ {
		if string(s.w(k)) == "&" && doc.Tokens[k-1].Is(article.Cap) && doc.Tokens[k+1].Is(article.Cap) {
			return cand{first: p, last: b, typ: article.Org, kind: "company", form: "name"}, true
		}
	}
	// "Air France", "Statistics Canada": a word that makes a place's
	// name an organisation's.
	if s.is(p, fOrgPrefixFirst) && b-p >= 2 {
		if q, ok := e.cues.get(cueOrgPrefix, s.w(p)); ok {
			if n, refs := e.kbMatch(s, doc, p+1, b); p+1+n == b && refs[0].Kind != kb.RefPerson {
				return cand{first: p, last: b, typ: article.Org, kind: q.Value, form: "name"}, true
			}
		}
	}
	if s.is(p, fOrgTailLast) && b-p >= 2 {
		if q, ok := e.cues.get(cueOrgTail, s.w(p)); ok && q.Value == "sport" {
			return cand{first: p, last: b, typ: article.Org, kind: "sport", form: "name"}, true
		}
	}
	for h := p; h < b-1; h++ {
		if !s.is(h, fOrgHead) || !s.is(h+1, fConnector) || doc.Tokens[h+1].Is(article.Cap) {
			continue
		}
		switch string(s.w(h + 1)) {
		case "of", "for", "on", "de", "des", "du":
			q, _ := e.cues.get(cueOrgHead, s.w(h))
			return cand{first: p, last: b, typ: article.Org, kind: q.Value, form: "name"}, true
		}
	}
	if n, _ := e.cueMatch(s, p, b, cuePlaceHead); n > 0 && b-p > n {
		return cand{first: p, last: b, typ: article.Place, kind: "region", form: "name"}, true
	}
	if n, _ := e.tailMatch(s, p, b, cuePlaceTail); n > 0 && b-p > n {
		return cand{first: p, last: b, typ: article.Place, kind: "region", form: "name"}, true
	}
	if n, _ := e.tailMatch(s, p, b, cueEventTail); n > 0 && b-p > n {
		return cand{first: p, last: b, typ: article.EventNE, form: "name"}, true
	}
	return cand{}, false
}

// knownWhole reports a gazetteer name filling [a, b).
func (e *Extractor) knownWhole(s *scratch, doc *article.Doc, a, b int) bool {
	n, _ := e.kbMatch(s, doc, a, b)
	return n == b-a
}

// isTitle reports a title filling [p, b): "Chief Executive".
func (e *Extractor) isTitle(s *scratch, p, b int) bool {
	n, _ := e.cueMatch(s, p, b, cueTitle)
	return n == b-p
}

// kbEndsAt reports a gazetteer name of two or three words ending the run
// [p, b) ("West Bank", "Gaza Strip"), which a tail word must not swallow.
func (e *Extractor) kbEndsAt(s *scratch, doc *article.Doc, p, b int) bool {
	for k := 2; k <= 3 && b-k >= p; k++ {
		if n, refs := e.kbMatch(s, doc, b-k, b); n == k && (refs[0].Kind == kb.RefPlace || refs[0].Kind == kb.RefCountry) {
			return true
		}
	}
	return false
}

// tailMatch finds a cue of class ending the run [p, b): one or two words.
func (e *Extractor) tailMatch(s *scratch, p, b int, class string) (int, kb.Cue) {
	if f, ok := lastFlag[class]; ok && !s.is(b-1, f) {
		return 0, kb.Cue{}
	}
	for k := min(2, b-p); k >= 1; k-- {
		if q, ok := e.cues.get(class, s.phrase(b-k, b)); ok {
			return k, q
		}
	}
	return 0, kb.Cue{}
}

// segment splits the rest [p, b) of a run into known names, titles and
// unknown names, and types the unknown ones by their context.
func (e *Extractor) segment(s *scratch, doc *article.Doc, p, b, first, last, mode int, initial bool, role, code, roleCountry string) {
	q := p
	for q < b {
		w := s.w(q)
		if s.is(q, fConnector) && !doc.Tokens[q].Is(article.Cap) || len(w) == 0 {
			q++
			continue
		}
		if n, t := e.cueMatch(s, q, b, cueTitle); n > 0 {
			// "Polish Foreign Minister to visit": a title with no name
			// after it is no name either.
			role, code = t.Value, t.Code
			q += n
			continue
		}
		// Groups by religion, politics or origin ("Muslim", "Kurds",
		// "Democrat") and other MISC words ("Olympic").
		if n, t := e.cueMatch(s, q, b, cueNorp); n > 0 {
			if m, _ := e.kbMatch(s, doc, q, b); m <= n {
				typ := article.NORP
				if t.Value == "misc" {
					typ = article.Misc
				}
				e.push(s, cand{first: q, last: q + n, typ: typ, kind: t.Value, form: "name", sentStart: initial && q == p})
				q += n
				continue
			}
		}
		if n, t := e.cueMatch(s, q, b, cueHonorific); n > 0 && q+n < b {
			if role == "" {
				code = t.Code
				role = "\x00" // an honorific: a person, no role
			}
			q += n
			continue
		}
		// After a title, a town's name followed by more of the name is a
		// first name: "President Vladimir Putin".
		if n, refs := e.kbMatch(s, doc, q, b); n > 0 && !e.personStart(s, doc, q, n, b, refs) &&
			!(role != "" && n == 1 && q+1 < b && refs[0].Kind == kb.RefPlace && doc.Tokens[q+1].Is(article.Cap)) {
			c, ok := e.kbCand(s, doc, q, q+n, refs, first, mode, initial && q == p)
			if ok {
				if c.typ == article.Person && role != "" && role != "\x00" {
					c.role, c.roleCode, c.roleCountry = role, code, roleCountry
				}
				if c.typ == article.Place || c.typ == article.NORP {
					// "Belarus President X", "Russian Foreign Minister X"
					roleCountry = ""
					if r := refs[0]; r.Kind == kb.RefCountry || r.Kind == kb.RefNORP || r.Kind == kb.RefPeople {
						roleCountry = e.gaz.Countries[r.Index].ISO3
					}
				}
				e.push(s, c)
				q += n
				continue
			}
			if mode != modeNormal || initial && q == p {
				q += n
				continue
			}
		}
		// An unknown name: up to the next connector that splits names
		// or the next known name that does not continue a person's name.
		u := q
		q++
		for q < b {
			w := s.w(q)
			if !doc.Tokens[q].Is(article.Cap) && !particleName(doc.TokenText(q)) && mode == modeNormal {
				if !nameParticle(w) || !s.is(q, fConnector) {
					break
				}
				q++
				continue
			}
			if s.is(q, fConnector) && !doc.Tokens[q].Is(article.Cap) {
				if !nameParticle(w) {
					break
				}
				q++
				continue
			}
			if n, refs := e.kbMatch(s, doc, q, b); n > 0 && !e.continuesPerson(s, doc, u, q, refs) {
				break
			}
			if n, _ := e.cueMatch(s, q, b, cueTitle); n > 0 && q+n < b && !e.isGiven(s, u) {
				break
			}
			q++
		}
		for q > u+1 && s.is(q-1, fConnector) && !doc.Tokens[q-1].Is(article.Cap) {
			q--
		}
		c := cand{first: u, last: q, form: "name", sentStart: initial && u == p}
		e.typeUnknown(s, doc, &c, first, last, mode, role, code, roleCountry)
		e.push(s, c)
		role, code = "", ""
	}
}

// nameParticle reports connectors that sit inside people's names: "bin",
// "van", "de".
func nameParticle(w []byte) bool {
	switch string(w) {
	case "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "do", "la", "le", "al", "el", "ter", "zu", "y", "abu", "&":
		return true
	}
	return false
}

func (e *Extractor) isGiven(s *scratch, i int) bool {
	return s.is(i, fGiven)
}

// personStart reports a known place or organisation name that here starts
// a person's name instead: a given name followed by a capitalised word
// the gazetteer does not know ("Victoria Beckham", "Paris Hilton").
func (e *Extractor) personStart(s *scratch, doc *article.Doc, q, n, b int, refs []kb.Ref) bool {
	if n != 1 || q+1 >= b || refs[0].Kind == kb.RefPerson || refs[0].Kind == kb.RefCountry || refs[0].Kind == kb.RefNORP {
		return false
	}
	if nameParticle(s.w(q)) { // "Van Poppel", "De Gaulle", "Van der Westhuizen"
		k := q + 1
		for k < b-1 && nameParticle(s.w(k)) && !doc.Tokens[k].Is(article.Cap) {
			k++
		}
		if doc.Tokens[k].Is(article.Cap) {
			m, _ := e.kbMatch(s, doc, k, b)
			return m == 0
		}
	}
	if !e.isGiven(s, q) {
		return false
	}
	m, _ := e.kbMatch(s, doc, q+1, b)
	return m == 0 && !s.is(q+1, fConnector)
}

// continuesPerson reports whether a known name at q goes on the unknown
// name [u, q) as part of a person's name ("George Washington").
func (e *Extractor) continuesPerson(s *scratch, doc *article.Doc, u, q int, refs []kb.Ref) bool {
	switch refs[0].Kind {
	case kb.RefCountry, kb.RefNORP, kb.RefPeople, kb.RefOrg:
		return false
	}
	if e.isGiven(s, u) || doc.Tokens[q-1].Is(article.Abbrev) {
		return true
	}
	// "Marta Kos": a word no dictionary knows and a town's name after it
	// is a person's name more often than a place.
	if refs[0].Kind == kb.RefPlace && q == u+1 && !s.is(u, fCommon) && !s.is(u, fGazFirst) && s.entry(u).flags&(fTitleFirst|fHonorific|fOrgHead) == 0 {
		p := &e.gaz.Places[refs[0].Index]
		return p.Kind == "city" && !p.Capital
	}
	return false
}

// typeUnknown gives an unknown name a type from its form and context, or
// leaves it for the document-level pass.
func (e *Extractor) typeUnknown(s *scratch, doc *article.Doc, c *cand, first, last, mode int, role, code, roleCountry string) {
	n := c.last - c.first
	if role != "" {
		c.typ = article.Person
		if role != "\x00" {
			c.role, c.roleCode, c.roleCountry = role, code, roleCountry
		}
		return
	}
	if n == 1 && s.is(c.first, fSurname) {
		c.typ, c.form = article.Person, "surname"
		// "Trump" at a sentence start or in a headline is a name only
		// when the article uses it as one elsewhere.
		c.weak = (c.sentStart || mode != modeNormal) && s.is(c.first, fCommon) || s.is(c.first, fNonName)
		return
	}
	// Datelines: "KHASAVYURT, Russia 1996-08-31", "N'DJAMENA 1996-08-30",
	// "TAVILDARA, Tajikistan": a name that starts a line and is followed
	// by a country or state after a comma, or by a date.
	if doc.Tokens[c.first].Is(article.LineStart) && c.last < len(doc.Tokens) {
		if isDate(doc, c.last) || c.last+1 < len(doc.Tokens) && doc.TokenText(c.last) == "," && e.countryOrState(s, doc, c.last+1) {
			c.typ = article.Place
			return
		}
	}
	// "West End", "East Jerusalem", "Central Asia": a compass word
	// before a name makes a place's name.
	if n >= 2 && compassWord(s.w(c.first)) && c.hint == "" {
		c.hint = article.Place
	}
	// "St Petersburg", "St Mirren": a saint's name is a place's or a
	// club's more often than a person's.
	if n >= 2 && string(s.w(c.first)) == "st" {
		c.hint = article.Place
		if s.isSports() {
			c.hint = article.Org
		}
		return
	}
	given := e.isGiven(s, c.first)
	if given && n >= 2 {
		c.typ = article.Person
		return
	}
	for i := c.first; i < c.last; i++ {
		t := doc.Tokens[i]
		if i < c.last-1 && t.Is(article.Abbrev) && t.End-t.Start == 2 { // an initial
			c.typ = article.Person
			return
		}
		if particleName(doc.TokenText(i)) || nameParticle(s.w(i)) && string(s.w(i)) != "&" && i < c.last-1 {
			if n >= 2 {
				c.typ = article.Person
				return
			}
		}
	}
	// Context after the name: "X said", "X, a spokesman for".
	if c.last < last {
		nt := doc.Tokens[c.last]
		if nt.Kind == article.Word && s.is(c.last, fSpeech) && n <= 3 {
			// A lone word that speaks is an organisation unless the
			// article names a person of that surname ("Interfax said");
			// the document pass links surnames first.
			c.hint = article.Person
			if n == 1 && !s.isSports() {
				c.hint = article.Org
			}
		}
		if nt.Kind == article.Punct && doc.TokenText(c.last) == "," && e.appositionRole(s, doc, c.last+1, last) {
			c.typ = article.Person
			return
		}
		// "Jack Pierce ( U.S. ) 13.60": an athlete and his country.
		if c.last+2 < last && doc.TokenText(c.last) == "(" {
			if m, refs := e.kbMatch(s, doc, c.last+1, last); m > 0 && c.last+1+m < last && doc.TokenText(c.last+1+m) == ")" &&
				(refs[0].Kind == kb.RefCountry || refs[0].Kind == kb.RefPlace && e.gaz.Places[refs[0].Index].Extra) {
				if s.isSports() {
					c.typ = article.Person
					return
				}
				c.hint = article.Person
			}
		}
	}
	// "Pirelli shares", "a Magna spokesman", "shares in Cofinec",
	// "rival Ericsson": words around the name that go with companies
	// and other organisations.
	if c.hint != article.Person && !given && (c.last < last && doc.Tokens[c.last].Kind == article.Word && s.is(c.last, fOrgAfter) ||
		c.last+1 < last && doc.TokenText(c.last) == "’" && string(s.w(c.last+1)) == "s" && c.last+2 < last && s.is(c.last+2, fOrgAfter) ||
		c.last+1 < last && doc.TokenText(c.last) == "'" && string(s.w(c.last+1)) == "s" && c.last+2 < last && s.is(c.last+2, fOrgAfter) ||
		e.orgBefore(s, doc, first, c.first)) {
		c.hint = article.Org
	}
	// An acronym no list knows, in prose, is an organisation's far more
	// often than anything else's: "the OSCE", "FIFA said".
	if n == 1 && mode == modeNormal && c.hint == "" && doc.Tokens[c.first].Is(article.AllCaps) && !doc.Tokens[c.first].Is(article.HasDigit) && !s.is(c.first, fNonName) {
		if l := doc.Tokens[c.first].End - doc.Tokens[c.first].Start; l >= 2 && l <= 6 {
			c.hint = article.Org
		}
	}
	// Cricket scorecards: "c Stewart b Hollioake", "lbw b Mushtaq".
	if s.isSports() && n <= 2 && c.first > first {
		switch doc.TokenText(c.first - 1) {
		case "b", "c", "st":
			c.typ = article.Person
			return
		}
	}
	if s.isSports() && c.hint == "" && n == 1 && e.teamPosition(s, doc, c.first, c.last, first) {
		c.hint = article.Org
	}
	if c.first > first {
		pt := doc.Tokens[c.first-1]
		if pt.Kind == article.Word && s.is(c.first-1, fPlacePrep) && n <= 2 && c.hint == "" {
			c.hint = article.Place
		}
	}
	if given && c.hint == "" {
		c.hint = article.Person
	}
	if n == 1 && (c.sentStart || mode != modeNormal) && s.entry(c.first).flags&(fCommon|fNonName) != 0 {
		c.weak = true
	}
	if n == 1 && s.is(c.first, fNonName) {
		c.weak = true
	}
}

// orgBefore reports words before token a that go before an
// organisation's name: "shares in", "rival", "analysts at".
func (e *Extractor) orgBefore(s *scratch, doc *article.Doc, first, a int) bool {
	if a == first || !s.is(a-1, fOrgBeforeLast) {
		return false
	}
	for k := 1; k <= 3 && a-k >= first; k++ {
		if _, ok := e.cues.get(cueOrgBefore, s.phrase(a-k, a)); ok {
			return true
		}
	}
	return false
}

// appositionRole reports ", a spokesman for", ", the company's chairman,"
// after a name: a role noun within a few words from token i.
func (e *Extractor) appositionRole(s *scratch, doc *article.Doc, i, last int) bool {
	for k := i; k < last && k < i+5; k++ {
		t := doc.Tokens[k]
		if t.Kind == article.Punct && doc.TokenText(k) != "’" && doc.TokenText(k) != "'" {
			return false
		}
		if t.Kind == article.Word && s.is(k, fRoleNoun) {
			return true
		}
	}
	return false
}

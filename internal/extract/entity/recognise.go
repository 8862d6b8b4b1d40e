package entity

import (
	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// Sentence modes: how far capitals can be trusted.
const (
	modeNormal = iota // ordinary prose
	modeTitle         // headline in title case: every word capitalised
	modeCaps          // all capitals
)

func (e *Extractor) recognise(s *scratch, doc *article.Doc) {
	s.modes = s.modes[:0]
	s.thes = s.thes[:0]
	for si, sent := range doc.Sents {
		mode := e.sentenceMode(s, doc, sent.First, sent.Last)
		s.modes = append(s.modes, uint8(mode))
		s.sent = si
		e.recogniseSentence(s, doc, sent.First, sent.Last, mode)
	}
}

// isSports reports an article about sport: several words of sports
// reports, or a few with result tables (lines of numbers).
func (e *Extractor) isSports(s *scratch, doc *article.Doc) bool {
	// A table line holds three numbers or more; a score line ("Karlsruhe
	// 2 Hansa Rostock 0") two short ones, each after a capitalised word.
	words, tables, nums, scores := 0, 0, 0, 0
	toks, text, mask := doc.Tokens, doc.Rec.Text, &e.cues.sportMask
	for i := range toks {
		t := &toks[i]
		if t.Is(article.LineStart) {
			if nums >= 3 || nums == 2 && scores == 2 {
				tables++
			}
			nums, scores = 0, 0
		}
		switch {
		case t.Kind == article.Number:
			nums++
			if i > 0 && t.End-t.Start <= 2 && toks[i-1].Kind == article.Word && toks[i-1].Is(article.Cap) {
				scores++
			}
		case t.Kind == article.Word && t.Flags&(article.Cap|article.AllCaps) == 0:
			// Words in lower case are looked up as written, without
			// making their lookup form.
			if w := text[t.Start:t.End]; len(w) >= 2 && mask[w[0]]&sportBit(w) != 0 && e.cues.sport[w] {
				words++
			}
		case t.Kind == article.Word:
			if w := s.w(i); len(w) >= 2 && mask[w[0]]&sportBit(w) != 0 && e.cues.sport[string(w)] {
				words++
			}
		}
		if words >= 3 {
			return true // whatever the tables
		}
	}
	if nums >= 3 || nums == 2 && scores == 2 {
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
		if t.Kind != article.Word || t.Is(article.HasDigit) || t.Is(article.AllCaps) || !t.Is(article.Cap) || t.Is(article.Abbrev) || t.End-t.Start <= 2 {
			continue // initials ("W. Athey") and short words tell nothing
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
	if t.Is(article.Abbrev) && t.End-t.Start == 2 && t.Is(article.Cap) {
		return true // an initial: "A. Stewart", "I. Healy"
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
	toks, text := doc.Tokens, doc.Rec.Text
	for i < last {
		t := &toks[i]
		if mode == modeNormal {
			// Note each "the" of prose for the descriptions (describe.go).
			if t.End-t.Start == 3 && i+1 < last && t.Kind == article.Word && theWord(text[t.Start:t.End]) {
				s.thes = append(s.thes, [2]int32{int32(s.sent), int32(i)})
			}
			// nameish's first test, here, where most tokens fail it
			if w := text[t.Start:t.End]; t.Kind != article.Word || !t.Is(article.Cap) && !(mayParticleName(w) && particleName(w)) {
				i++
				continue
			}
		}
		if !e.nameish(s, doc, i, mode) || s.is(i, fConnector) && !t.Is(article.Cap) {
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

// pluralApostrophe returns the token after the apostrophe at j that ends
// a plural ("Bankers'") when a capitalised word follows it, or 0.
func pluralApostrophe(doc *article.Doc, j, last int) int {
	if j+1 >= last || j == 0 || doc.Tokens[j].Kind != article.Punct || !doc.Tokens[j+1].Is(article.Cap) || doc.Tokens[j+1].Kind != article.Word {
		return 0
	}
	if w := doc.TokenText(j); w != "'" && w != "’" {
		return 0
	}
	p := doc.Tokens[j-1]
	if p.End != doc.Tokens[j].Start || p.Kind != article.Word || doc.Rec.Text[p.End-1] != 's' {
		return 0
	}
	return j + 1
}

// ownName reports that neither the words [i, j) before a plural's
// apostrophe nor those from k after it are a known name.
// A tail right after the apostrophe ("Bankers' Association") is the
// name's own, whatever the gazetteer says of it alone.
func (e *Extractor) ownName(s *scratch, doc *article.Doc, i, j, k, last int) bool {
	for p := i; p < j; p++ {
		if n, _ := e.kbMatch(s, doc, p, j); p+n == j {
			return false
		}
	}
	if s.is(k, fOrgTailLast) {
		return true
	}
	n, _ := e.kbMatch(s, doc, k, last)
	return n == 0
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
		// "British Bankers' Association", "Musicians' Union": a plural's
		// apostrophe inside an organisation's name, its last word (or
		// the one after) an organisation's tail. Not an organisation's
		// possessive ("United Nations' Economic Commission", "Salomon
		// Brothers' Capital"), nor before a known name ("Lib Dems'
		// Treasury").
		if c := doc.Rec.Text[doc.Tokens[j].Start]; c == '\'' || c == 0xe2 { // ' or ’
			if k := pluralApostrophe(doc, j, last); k > 0 && (s.is(k, fOrgTailLast) || k+1 < last && doc.Tokens[k+1].Is(article.Cap) && s.is(k+1, fOrgTailLast)) &&
				!s.is(j-1, fOrgTailLast) && e.ownName(s, doc, i, j, k, last) {
				j = k
				continue
			}
		}
		// connectors: up to two ("of the") before a name-like word
		k := j
		for k < last && k-j < 2 && doc.Tokens[k].Kind != article.Punct && s.is(k, fConnector) && !doc.Tokens[k].Is(article.Cap) && !doc.Tokens[k].Is(article.LineStart) {
			k++
		}
		// "the Bank of England and the Federal Reserve", "Kansai
		// Electric Power and Kansai International Airport": "and" joins
		// two names, not one, unless a name of the gazetteer goes on
		// over it ("Trinidad and Tobago") or it stands inside an
		// organisation's name ("Department of Health and Human
		// Services", "State Law and Order Restoration Council").
		if k-j == 2 && string(s.w(j)) != "of" || k-j == 1 && string(s.w(j)) == "and" && k < last && doc.Tokens[k].Is(article.Cap) &&
			e.andSplits(s, doc, i, j, k, last, mode) {
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

// andSplits reports whether "and" at token j, between the run [i, j)
// and a capitalised word at k, joins two names.
func (e *Extractor) andSplits(s *scratch, doc *article.Doc, i, j, k, last, mode int) bool {
	if e.startsName(s, doc, k, last) || s.is(j-1, fOrgTailLast) && e.companyTail(s, j-1) || string(s.w(i)) == string(s.w(k)) {
		return true
	}
	if e.hasOrgHeadOf(s, i, j) || e.kbOver(s, doc, i, j, last) {
		return false
	}
	// An organisation's tail after the second part makes one name.
	m := k
	for m < last && !doc.Tokens[m].Is(article.LineStart) && m-k < 6 {
		if e.nameish(s, doc, m, mode) {
			m++
		} else if p := pluralApostrophe(doc, m, last); p > 0 {
			m = p // "Transport and General Workers' Union"
		} else {
			break
		}
	}
	return !s.is(m-1, fOrgTailLast)
}

// kbOver reports a gazetteer name starting in the run [i, j) that goes
// on past token j.
func (e *Extractor) kbOver(s *scratch, doc *article.Doc, i, j, last int) bool {
	for p := i; p < j; p++ {
		if n, _ := e.kbMatch(s, doc, p, last); p+n > j {
			return true
		}
	}
	return false
}

// lowerAcronym reports a known acronym written as a word ("Doe" is not
// DOE), which does not cut a name.
func lowerAcronym(doc *article.Doc, q, n int, refs []kb.Ref) bool {
	return n == 1 && refs[0].Form == kb.FormAcronym && !doc.Tokens[q].Is(article.AllCaps) && !doc.Tokens[q].Is(article.Abbrev)
}

func isPossessiveS(s *scratch, doc *article.Doc, i int) bool {
	return i > 0 && string(s.w(i)) == "s" && doc.Tokens[i-1].Kind == article.Punct && doc.Tokens[i-1].End == doc.Tokens[i].Start
}

// possessive returns how many tokens from i make a possessive ending:
// "’s" as one token or as two, or a lone apostrophe ("Belarus’
// President"); 0 when there is none.
func possessive(s *scratch, doc *article.Doc, i int) int {
	if i >= len(doc.Tokens) {
		return 0
	}
	switch doc.TokenText(i) {
	case "’s", "'s", "’S", "'S":
		return 1
	case "’", "'":
		if i+1 < len(doc.Tokens) && isPossessiveS(s, doc, i+1) {
			return 2
		}
		return 1
	}
	return 0
}

// kbMatch returns the longest gazetteer name starting at token p and
// ending by b: its length in tokens and readings.
func (e *Extractor) kbMatch(s *scratch, doc *article.Doc, p, b int) (int, []kb.Ref) {
	n := int(s.entry(p).longest)
	if n == 0 {
		return 0, nil
	}
	// Scan forward while the words so far begin some name, keeping the
	// longest that is one: one or two look-ups for most words.
	best, bestRefs := 0, []kb.Ref(nil)
	for k := 1; k <= min(n, b-p); k++ {
		t := doc.Tokens[p+k-1]
		if k > 1 && t.Kind != article.Word && t.Kind != article.Symbol {
			continue // punctuation inside a name ("St. Louis") adds no word
		}
		key := s.phrase(p, p+k)
		// The first word alone is looked up only when it is a name
		// (fName), which the gazetteer's words told when the lexicon
		// was built.
		if k == 1 && s.is(p, fName) || k > 1 && !s.is(p+k-1, fConnector) {
			if refs := e.gaz.Lookup(key); refs != nil {
				best, bestRefs = k, refs
			}
		}
		// A first word that begins names of n > 1 words is a prefix of
		// them: the gazetteer need not be asked.
		if k > 1 && k < n && !e.gaz.IsPrefix(key) {
			break
		}
	}
	return best, bestRefs
}

// cueMatch returns the longest cue of class starting at token p and ending
// by b.
func (e *Extractor) cueMatch(s *scratch, p, b int, class string) (int, kb.Cue) {
	if f, ok := firstFlagOf(class); ok && !s.is(p, f) {
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
	// "Bergamo-based Atalanta", "Ex-Yankee Randy Velarde", "St.
	// Louis-based Mercantile": a modifier made with a hyphen is no part
	// of the name after it.
	for k := b - 2; k >= a; k-- {
		if modifierWord(doc.TokenText(k)) {
			a = k + 1
			break
		}
	}
	// "But Deportivo", "Neither Lebed": a closed-class word capitalised
	// at the start of a sentence or headline, and "the" after it.
	for b-a > 1 && s.is(a, fFunction) && !doc.Tokens[a].Is(article.Abbrev) && (mode != modeNormal || sentenceInitial(doc, first, a)) {
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
	// "He said", "Its": a closed-class word alone is no name.
	if b-a == 1 && s.is(a, fFunction) && !s.is(a, fGiven) && !doc.Tokens[a].Is(article.AllCaps) {
		if n, _ := e.kbMatch(s, doc, a, b); n == 0 {
			return
		}
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
	const tails = fOrgTailLast | fPlaceTailLast | fEventTailLast
	if initial && b-a >= 2 && e.plainWord(s, a) && s.entry(a+1).flags&(fGazFirst|fGiven|fSurname) != 0 && s.entry(b-1).flags&tails == 0 {
		if n, _ := e.kbMatch(s, doc, a, b); n == 0 {
			e.splitRun(s, doc, a+1, b, first, last, mode)
			return
		}
	}
	// "the Nasdaq composite index", "the FTSE 100 index": a stock
	// index (a demonym or place before it stays apart: "the German DAX
	// index").
	if mode == modeNormal {
		if end, ok := e.indexAfter(s, doc, a, b, last); ok {
			p := a
			if n, refs := e.kbMatch(s, doc, a, b); n > 0 && n < b-a {
				switch refs[0].Kind {
				case kb.RefCountry, kb.RefNORP, kb.RefPlace:
					e.splitRun(s, doc, a, a+n, first, last, mode)
					p = a + n
				}
			}
			if n, refs := e.kbMatch(s, doc, p, b); !(n == b-p && (refs[0].Kind == kb.RefCountry || refs[0].Kind == kb.RefPlace || refs[0].Kind == kb.RefNORP || refs[0].Kind == kb.RefPerson)) {
				e.push(s, cand{first: p, last: end, typ: article.Misc, kind: "index", form: "name", sentStart: initial && p == a})
				return
			}
		}
	}
	// "Kia Motor Corp of South Korea": a company named with its legal
	// form, and its place.
	if k := e.companyOf(s, doc, a, b); k > 0 {
		e.splitRun(s, doc, a, k, first, last, mode)
		e.splitRun(s, doc, k+1, b, first, last, mode)
		return
	}
	// "Keith O'Neill of Norwich City": a person of a place or
	// organisation.
	if k := e.personOf(s, doc, a, b); k > 0 {
		e.splitRun(s, doc, a, k, first, last, mode)
		e.splitRun(s, doc, k+1, b, first, last, mode)
		return
	}
	// "the Guardian", "the Times": a name the gazetteer knows with its
	// article, which news writes in lower case.
	if a > first && !doc.Tokens[a-1].Is(article.Cap) && string(s.w(a-1)) == "the" {
		if n, refs := e.kbMatch(s, doc, a-1, b); n == b-a+1 && refs[0].Kind == kb.RefOrg {
			e.push(s, cand{first: a, last: b, typ: article.Org, kind: e.gaz.Orgs[refs[0].Index].Kind, refs: refs, form: "name"})
			return
		}
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
			if n, refs := e.kbMatch(s, doc, q, b); n > 0 && !e.continuesPerson(s, doc, u, q, refs) && !lowerAcronym(doc, q, n, refs) {
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

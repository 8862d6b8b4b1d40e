package entity

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// compassWord reports words that start places' names: "West", "Upper".
func compassWord(w []byte) bool {
	switch string(w) {
	case "old", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater", "inner", "outer", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "mid":
		return true
	}
	return false
}

// mayParticleName is particleName's first test, small enough to inline
// where most words fail it.
func mayParticleName(w string) bool {
	return len(w) >= 4 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'u' || w[0] == 'd')
}

// particleName reports words such as "al-Assad", "d'Estaing", "bin",
// "McCain" that are names though their first letter is small.
func particleName(w string) bool {
	if !mayParticleName(w) {
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

// plainWord reports an ordinary English word that is no cue and no name
// of the knowledge base.
func (e *Extractor) plainWord(s *scratch, i int) bool {
	if t := s.doc.Tokens[i]; t.Is(article.Abbrev) || t.End-t.Start <= 2 {
		return false // an initial or a short word ("C. Lewis", "Mr")
	}
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

// companyOf returns the token of "of" in a run [a, b) where a company's
// legal form ends the name before it ("Kia Motor Corp of South Korea",
// "Hoechst AG of West Germany"), or 0. Not after a legal form that heads
// names too ("Royal Bank of Scotland"), inside a known name, nor before
// another legal form ("Consolidated Edison Co of New York Inc").
func (e *Extractor) companyOf(s *scratch, doc *article.Doc, a, b int) int {
	for k := a + 1; k < b-1; k++ {
		if doc.TokenText(k) != "of" {
			continue
		}
		if k == a+1 || !s.is(k-1, fOrgTailLast) || s.is(k-1, fOrgHead) || !e.companyTail(s, k-1) {
			return 0
		}
		for p := a; p < k; p++ {
			if n, _ := e.kbMatch(s, doc, p, b); p+n > k {
				return 0
			}
		}
		// "Consolidated Edison Co of New York Inc": a legal form at the
		// end too makes one name.
		if s.is(b-1, fOrgTailLast) && e.companyTail(s, b-1) {
			return 0
		}
		return k
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
	if b-a < 2 || b-a > 4 || e.isGiven(s, a) || doc.Tokens[a].Is(article.Abbrev) {
		return false // a person: "Chandra Sturrup", "G. Hamilton"
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
		// "American League", "Eastern Division": in sports reports a
		// league or division is a competition, not a body.
		if s.isSports() && (string(s.w(b-1)) == "league" || string(s.w(b-1)) == "division") {
			return cand{first: start, last: b, typ: article.Misc, kind: "league", form: "name"}, true
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
	// "the Enterprise Act", "the Fifth Amendment": laws and other names
	// of no entity type of their own.
	if n, q := e.tailMatch(s, p, b, cueMiscTail); n > 0 && b-p > n {
		return cand{first: p, last: b, typ: article.Misc, kind: q.Value, form: "name"}, true
	}
	if n, _ := e.tailMatch(s, p, b, cueEventTail); n > 0 && b-p > n {
		return cand{first: p, last: b, typ: article.EventNE, form: "name"}, true
	}
	return cand{}, false
}

// indexAfter reports a stock index's name [a, b): the run is followed by
// "index", "average" or "composite" ("the Dow Jones industrial average",
// "the Nasdaq composite index"), or by a number and one of them ("the
// FTSE 100 index"). It returns the end of the name, holding the number.
func (e *Extractor) indexAfter(s *scratch, doc *article.Doc, a, b, last int) (int, bool) {
	if b >= last || e.isGiven(s, a) || s.is(b-1, fOrgTailLast) {
		return 0, false // "the American Stock Exchange index": the exchange's
	}
	end := b
	k := b
	if doc.Tokens[k].Kind == article.Number && k+1 < last && !doc.Tokens[k].Is(article.LineStart) {
		end, k = k+1, k+1
	}
	if doc.Tokens[k].Kind != article.Word || doc.Tokens[k].Is(article.Cap) {
		return 0, false
	}
	switch string(s.w(k)) {
	case "index", "indices", "indexes", "average", "composite", "industrial", "share", "shares-index":
		if string(s.w(k)) == "share" && (k+1 >= last || string(s.w(k+1)) != "index") {
			return 0, false
		}
		return end, true
	}
	return 0, false
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
	if f, ok := lastFlagOf(class); ok && !s.is(b-1, f) {
		return 0, kb.Cue{}
	}
	for k := min(2, b-p); k >= 1; k-- {
		if q, ok := e.cues.get(class, s.phrase(b-k, b)); ok {
			return k, q
		}
	}
	return 0, kb.Cue{}
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

package entity

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

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
				case "former", "ex", "late", "then", "ousted", "deposed", "onetime", "one-time", "disgraced", "jailed", "exiled", "shadow":
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
	if gap > 0 && possessive(s, doc, c.last) != gap {
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
		if possessive(s, doc, b) > 0 {
			return true // "Leeds's goalkeeper"
		}
		// "Nice have been unable", "Rotor are well placed": British
		// reports give a team a plural verb, which no single person or
		// town takes; not after "and" ("Hill and Moore have"), nor a
		// plural noun opening a sentence ("Organisers have").
		if t.Kind == article.Word && !t.Is(article.Cap) && pluralVerb(doc.TokenText(b)) && (a == first || !joined(doc, a-1)) &&
			b-a == 1 && oneCapital(doc.TokenText(a)) && !(a == first && (s.is(a, fCommon) || strings.HasSuffix(doc.TokenText(a), "s"))) {
			return true
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

// tableRow reports a name that opens a line of a results table, a
// score or a count after it: "Reading 2 Stoke 2", "Bury 4 3 1 0 8 2 10".
// A name there is a team's, even when it is a common word.
// The number is in digits alone and a name, another number or the
// line's end follows it ("Aged 18 years", "World 100m champion" are no rows).
func tableRow(doc *article.Doc, a, b int) bool {
	if !doc.Tokens[a].Is(article.LineStart) || b >= len(doc.Tokens) || doc.Tokens[b].Kind != article.Number || doc.Tokens[b].Is(article.LineStart) || isDate(doc, b) {
		return false
	}
	for _, c := range []byte(doc.TokenText(b)) {
		if c < '0' || c > '9' {
			return false
		}
	}
	if b+1 == len(doc.Tokens) {
		return true
	}
	n := doc.Tokens[b+1]
	return n.Is(article.LineStart) || n.Kind == article.Number || n.Kind == article.Word && n.Is(article.Cap)
}

// oneCapital reports a word with one capital letter, its first, and no
// apostrophe: "Rotor", not "MPs" or "He'd".
func oneCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' || w[i] == '\'' || w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pluralVerb reports a plural verb as written: "have", "are", "were".
func pluralVerb(w string) bool { return w == "have" || w == "are" || w == "were" }

// joined reports "and", "or", "&" at token i, or a comma after a
// capitalised word, which join a name to one before it ("Smith and
// Jones", "Hill, Moore").
func joined(doc *article.Doc, i int) bool {
	switch doc.TokenText(i) {
	case "and", "or", "&", "nor":
		return true
	case ",":
		return i > 0 && doc.Tokens[i-1].Is(article.Cap)
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
		return c, r.Kind == kb.RefPlace && nation(&e.gaz.Places[r.Index])
	case r.Kind == kb.RefPlace:
		// "Surrey 429-7", "Reading beat Hull": in sports reports a town
		// called like a common word stands where teams stand.
		if s.isSports() && (!initial || tableRow(doc, a, b)) && e.teamPosition(s, doc, a, b, first) {
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
		// Inside a sentence, between commas or at its end, a capital
		// makes the common word a name: "in Wuxi, Jiangsu province,
		// Shanghai."
		if !initial && mode == modeNormal && a > first && b < len(doc.Tokens) {
			switch doc.TokenText(a - 1) {
			case ",", "and", "or", "(":
				switch doc.TokenText(b) {
				case ",", ".", ")", ";":
					return c, true
				}
			}
		}
		// England, Wales: the nations of places_extra are no common words.
		if r.Kind == kb.RefPlace && nation(&e.gaz.Places[r.Index]) {
			return c, true
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
	// "Brenmoor Paper Inc" of "Brenmoor Paper Inc of Dunkerton": a
	// company's legal form ends the name split from its place.
	if n >= 2 && s.is(c.last-1, fOrgTailLast) && e.companyTail(s, c.last-1) && !s.is(c.first, fFunction) {
		c.typ, c.kind = article.Org, "company"
		return
	}
	// "The Estonian grid operator Elering", "US carmaker Ford": a
	// description of an organisation just before the name, and the
	// country named before the description.
	if mode == modeNormal && !e.isGiven(s, c.first) {
		if d, country, ok := e.descBefore(s, doc, first, c.first); ok {
			c.typ, c.kind, c.country = article.Org, d.kind(), country
			return
		}
	}
	// "Fingrid, the Finnish grid operator, said": a description in
	// apposition. Not for the end of a name the recogniser split
	// ("Munich Re, the world's largest reinsurer,") nor an ordinary
	// word opening a sentence ("Separately, the world's largest").
	split := len(s.cands) > 0 && s.cands[len(s.cands)-1].last == c.first
	if mode == modeNormal && !e.isGiven(s, c.first) && !split && !(c.sentStart && n == 1 && s.is(c.first, fCommon)) {
		if d, country, ok := e.descAfter(s, doc, c.first, c.last, last); ok {
			c.typ, c.kind, c.country = article.Org, d.kind(), country
			return
		}
	}
	// "Zentrix Holdings (NYSE: ZTX)", "Cobanco Inc <CBCO>": a ticker
	// after the name makes it a listed company's.
	// Not for a lone letter or legal form ("class H <GMH>", "Heck's Inc
	// <HEX>").
	if mode == modeNormal && !split && e.tickerAfter(s, doc, c.last, last) && !(n == 1 && (len(s.w(c.first)) == 1 || e.companyTail(s, c.first))) {
		c.typ, c.kind = article.Org, "company"
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
	if c.hint != article.Person && !given && (c.last < last && doc.Tokens[c.last].Kind == article.Word && s.is(c.last, fOrgAfter) && e.orgAfterFits(s, c) ||
		e.orgAfterPossessive(s, doc, c.last, last) ||
		e.orgBefore(s, doc, first, c.first)) {
		c.hint = article.Org
	}
	// An acronym no list knows, in prose, is an organisation's far more
	// often than anything else's: "the OSCE", "FIFA said".
	// Not in tables ("W L PCT GB"): the sentence must hold prose.
	// A ticker's symbol ("(NYSE: ZTX)", "<HSB.N>") is no name.
	if n == 1 && mode == modeNormal && c.hint == "" && doc.Tokens[c.first].Is(article.AllCaps) && !doc.Tokens[c.first].Is(article.HasDigit) && !s.is(c.first, fNonName) {
		if e.tickerSymbol(s, doc, first, c.first, last) {
			c.weak = true
			return
		}
		if l := doc.Tokens[c.first].End - doc.Tokens[c.first].Start; l >= 2 && l <= 6 && hasProse(doc, first, last) {
			c.hint = article.Org
		}
	}
	// "the Braves", "The Springboks": in sports reports a plural
	// capitalised after "the" names a team, even before "beat".
	if n == 1 && mode == modeNormal && s.isSports() && !c.sentStart && c.first > first && isThe(s, c.first-1) &&
		(!doc.Tokens[c.first-1].Is(article.Cap) || sentenceInitial(doc, first, c.first-1)) {
		if w := s.w(c.first); len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && s.entry(c.first).flags&(fNonName|fEventTailLast|fNorpFirst) == 0 {
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
	if n == 1 && (c.sentStart || mode != modeNormal) && s.entry(c.first).flags&(fCommon|fNonName) != 0 &&
		!(c.hint == article.Org && tableRow(doc, c.first, c.last)) {
		c.weak = true
	}
	if n == 1 && s.is(c.first, fNonName) {
		c.weak = true
	}
}

// hasProse reports a word of three letters or more in lower case among
// tokens [first, last).
func hasProse(doc *article.Doc, first, last int) bool {
	for i := first; i < last; i++ {
		if t := doc.Tokens[i]; t.Kind == article.Word && t.End-t.Start >= 3 && t.Flags&(article.Cap|article.AllCaps) == 0 {
			return true
		}
	}
	return false
}

// orgAfterFits reports whether the organisation's word after c fits
// it: "Investec economist", but not "City analysts", "Group Economist"
// or "Telecom analysts" opening a sentence, where the word (value proper)
// follows an English word or a sentence's first word alone.
func (e *Extractor) orgAfterFits(s *scratch, c *cand) bool {
	if c.last-c.first > 1 || !c.sentStart && !s.is(c.first, fCommon) {
		return true
	}
	q, _ := e.cues.get(cueOrgAfter, s.w(c.last))
	return q.Value != "proper"
}

// orgAfterPossessive reports "Pirelli's cables division": a possessive
// at token i and an organisation's word after it.
func (e *Extractor) orgAfterPossessive(s *scratch, doc *article.Doc, i, last int) bool {
	p := possessive(s, doc, i)
	return p > 0 && i+p < last && doc.Tokens[i+p].Kind == article.Word && s.is(i+p, fOrgAfter)
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

// tickerAfter reports a stock ticker at token i: a stock exchange
// (exchange rows of entity_words.tsv) and a colon in brackets, "(NYSE:
// ZTX)", "(Nasdaq: MRVL)", or a wire service's symbol in angle brackets,
// "<CBCO>", "<ACME.N>".
func (e *Extractor) tickerAfter(s *scratch, doc *article.Doc, i, last int) bool {
	if i+3 >= last {
		return false
	}
	switch doc.TokenText(i) {
	case "(":
		for n := 1; n <= 2 && i+n+1 < last; n++ {
			if doc.TokenText(i+n+1) == ":" {
				_, ok := e.cues.get(cueExchange, s.phrase(i+1, i+n+1))
				return ok
			}
		}
	case "<":
		// A symbol in capitals, perhaps with its market after a dot or
		// a space: "<GS.N>", "<SKPS ST>"; not a name ("<CFM
		// International>").
		k := i + 1
		for ; k < last && k < i+4; k++ {
			if doc.Tokens[k].Kind == article.Word && upperLetters(doc.TokenText(k)) || k > i+1 && doc.TokenText(k) == "." {
				continue
			}
			break
		}
		return k > i+1 && k < last && doc.TokenText(k) == ">" && doc.Tokens[k-1].Kind == article.Word
	}
	return false
}

// tickerSymbol reports the symbol of a stock ticker at token i: "ZTX"
// of "(NYSE: ZTX)", "HSB" of "<HSB.N>".
func (e *Extractor) tickerSymbol(s *scratch, doc *article.Doc, first, i, last int) bool {
	if i-1 < first {
		return false
	}
	switch doc.TokenText(i - 1) {
	case "<":
		return e.tickerAfter(s, doc, i-1, last)
	case ":":
		for n := 1; n <= 2 && i-2-n >= first; n++ {
			if doc.TokenText(i-2-n) == "(" {
				return e.tickerAfter(s, doc, i-2-n, last)
			}
		}
	}
	return false
}

// upperLetters reports a word of capital letters A to Z alone, or dots
// between them ("GS.N").
func upperLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i] < 'A' || w[i] > 'Z') && (w[i] != '.' || i == 0) {
			return false
		}
	}
	return w != ""
}

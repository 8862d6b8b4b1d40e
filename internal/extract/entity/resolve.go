package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// resolve decides the candidates left open by the sentence pass using the
// whole article (a word capitalised at a sentence start is a name when the
// article uses it as one elsewhere; a lone surname is the person named in
// full elsewhere), links acronyms to the names they abbreviate, and groups
// mentions into entities.
func (e *Extractor) resolve(s *scratch, doc *article.Doc) []article.Entity {
	cands := s.cands
	if s.strong == nil {
		s.strong, s.teams, s.surnames = map[uint64]string{}, map[uint64]bool{}, map[uint64]int{}
	}
	clear(s.strong)
	clear(s.teams)
	clear(s.surnames)
	keys := s.keys[:0]
	for range cands {
		keys = append(keys, 0)
	}
	s.keys = keys
	strong := s.strong     // key → type of a confident mention
	teams := s.teams       // keys of places taken for teams
	surnames := s.surnames // surname key → cand of the person's full name
	for i := range cands {
		c := &cands[i]
		keys[i] = hashBytes(s.phrase(c.first, c.last))
		if c.team {
			teams[keys[i]] = true
		}
		if c.weak || c.typ == "" {
			continue
		}
		if _, ok := strong[keys[i]]; !ok {
			strong[keys[i]] = c.typ
		}
		if c.typ == article.Person && c.last-c.first >= 2 {
			k := hashBytes(s.w(e.surnameToken(s, c)))
			if _, ok := surnames[k]; !ok {
				surnames[k] = i
			}
		}
	}
	// A place that names a team somewhere in a sports report names it
	// wherever no word shows a place.
	for i := range cands {
		c := &cands[i]
		if teams[keys[i]] && c.typ == article.Place && !c.placeCtx && len(c.refs) > 0 && c.refs[0].Kind == kb.RefPlace && !nation(&e.gaz.Places[c.refs[0].Index]) &&
			!(c.weak && c.sentStart && c.last < len(doc.Tokens) && isDeterminer(s.w(c.last))) {
			c.typ, c.kind, c.refs, c.team, c.weak = article.Org, "sport", nil, true, false
		}
	}
	// In a list ("Essex, Derbyshire and Surrey"), places beside a team
	// are teams too.
	if len(teams) > 0 {
		for pass := 0; pass < 2; pass++ {
			for i := 1; i < len(cands); i++ {
				a, b := &cands[i-1], &cands[i]
				if !listed(s, doc, a.last, b.first) {
					continue
				}
				for _, pr := range [2][2]*cand{{a, b}, {b, a}} {
					x, y := pr[0], pr[1]
					if x.team && !x.weak && y.typ == article.Place && !y.placeCtx && len(y.refs) > 0 && y.refs[0].Kind == kb.RefPlace && !nation(&e.gaz.Places[y.refs[0].Index]) {
						y.typ, y.kind, y.refs, y.team, y.weak = article.Org, "sport", nil, true, false
					}
				}
			}
		}
	}
	// "from Reading and Bath": a town called like a common word beside
	// another place in a list is a place too.
	for i := 1; i < len(cands); i++ {
		a, b := &cands[i-1], &cands[i]
		if !listed(s, doc, a.last, b.first) || a.weak == b.weak || a.typ != article.Place || b.typ != article.Place {
			continue
		}
		if a.weak && !a.sentStart {
			a.weak = false
		} else if b.weak {
			b.weak = false
		}
	}
	e.shortNames(s, doc, cands)
	// Open candidates take the type the article gives the same words
	// elsewhere, a lone surname that of the person. Names of several
	// words go first, so that the people they name lend their surnames
	// to the lone words.
	hinted := s.hinted // key → type given from context alone
	if hinted == nil {
		hinted = map[uint64]string{}
		s.hinted = hinted
	}
	clear(hinted)
	// One sense per article: a name that words about companies and other
	// organisations type in one place ("shares in X", "X's chief
	// executive", "X said") is an organisation at its bare mentions
	// elsewhere, before or after. A name that other cues type otherwise
	// ("in X", "X, 45,") lends nothing, nor does a name glued to another
	// ("Munich Re", "UK Coal"): its words are likely a longer name's.
	for i := range cands {
		c := &cands[i]
		if c.weak || c.typ != "" || c.hint == "" || glued(s, cands, i) {
			continue
		}
		switch t, ok := hinted[keys[i]]; {
		case c.hint == article.Place:
			// "in X", "from X": a weaker sign than a company's words
		case !ok:
			hinted[keys[i]] = c.hint
		case t != c.hint:
			hinted[keys[i]] = mixed
		}
	}
	for round := range 2 {
		for i := range cands {
			c := &cands[i]
			if single := c.last-c.first == 1; single != (round == 1) {
				continue
			}
			if c.last-c.first == 1 {
				// "in Chechnya": a place's sign beats the surname of a
				// person guessed from "Lebed Chechnya".
				if j, ok := surnames[keys[i]]; ok && (c.typ == "" || c.typ == article.Person || c.weak) && !(cands[j].guessed && c.hint == article.Place) {
					c.typ, c.form, c.weak = article.Person, "surname", false
					continue
				}
			}
			if c.weak {
				// "Reading the report": a word followed by an article
				// is not a name, whatever the article says elsewhere.
				if c.last < len(doc.Tokens) && isDeterminer(s.w(c.last)) {
					continue
				}
				if t, ok := strong[keys[i]]; ok && (c.typ == "" || c.typ == t) {
					c.typ, c.weak = t, false
				}
				continue
			}
			if c.typ == "" {
				if t, ok := strong[keys[i]]; ok {
					c.typ = t
				} else if c.hint != "" {
					c.typ = c.hint
					if _, ok := hinted[keys[i]]; !ok {
						hinted[keys[i]] = c.typ
					}
				} else if hinted[keys[i]] == article.Org && !glued(s, cands, i) {
					c.typ = article.Org
				} else {
					c.typ = e.defaultType(s, c)
					c.guessed = true
				}
			}
			if round == 0 && c.typ == article.Person {
				k := hashBytes(s.w(e.surnameToken(s, c)))
				if _, ok := surnames[k]; !ok {
					surnames[k] = i
				}
			}
		}
	}
	// A word at a sentence start that the article types by context
	// elsewhere ("the Orioles beat …" and "Orioles pitcher X").
	for i := range cands {
		c := &cands[i]
		if c.weak && c.last-c.first == 1 && (c.last >= len(doc.Tokens) || !isDeterminer(s.w(c.last))) {
			if t := hinted[keys[i]]; t != "" && t != mixed && (c.typ == "" || c.typ == t) {
				c.typ, c.weak = t, false
			}
		}
	}
	// Persons typed by the passes above lend their surnames too.
	for i := range cands {
		c := &cands[i]
		if !c.weak && c.typ == article.Person && c.last-c.first >= 2 {
			k := hashBytes(s.w(e.surnameToken(s, c)))
			if _, ok := surnames[k]; !ok {
				surnames[k] = i
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if _, ok := surnames[keys[i]]; ok && c.last-c.first == 1 && !c.weak && (c.typ == "" || c.typ == article.Person) && len(c.refs) == 0 {
			c.typ, c.form = article.Person, "surname"
		}
	}
	e.companyShortNames(s, doc, cands, surnames)
	e.acronyms(s, doc, cands, keys)
	e.ministries(s, doc, cands)

	e.choosePlaces(cands)
	// Group mentions into entities, in the order of their first mention.
	if s.byKey == nil {
		s.byKey = map[uint64]int{}
	}
	clear(s.byKey)
	// The entities are built in scratch space and copied out at the
	// end: there are about half as many as candidates.
	out := s.ents[:0]
	textRole := s.textRole[:0] // entities whose role the text states
	roleSure := s.roleSure[:0] // entities whose role is sure
	candEnt := s.candEnt[:0]
	for i := range cands {
		c := &cands[i]
		if c.weak || c.typ == "" {
			candEnt = append(candEnt, -1)
			continue
		}
		gk, g := e.groupKey(s, doc, i, keys, cands, surnames)
		gi, ok := s.byKey[gk]
		if !ok {
			gi = len(out)
			s.byKey[gk] = gi
			out = append(out, e.newEntity(s, doc, c, g))
			textRole = append(textRole, false)
			roleSure = append(roleSure, e.kbRoleSure(doc, g))
		}
		candEnt = append(candEnt, int32(gi))
		ent := &out[gi]
		// A role the text states wins over the knowledge base's, and so
		// does the country stated with it ("Russian President X").
		if c.role != "" && c.role != "\x00" && !textRole[gi] {
			textRole[gi] = true
			ent.Role = c.role
			if c.roleCountry != "" && c.roleCountry != ent.Country {
				ent.Country, ent.Actor = c.roleCountry, c.roleCountry+c.roleCode
			}
			if ent.Actor == "" && ent.Country != "" && c.roleCode != "" {
				ent.Actor = ent.Country + c.roleCode
			}
		}
	}
	s.textRole, s.roleSure, s.candEnt = textRole, roleSure, candEnt
	// The mentions by name, in the order of the candidates, go in one
	// array: each entity's part ends its capacity, so that a mention
	// added later copies the part, as appending to a list of its own.
	n := slices.Grow(s.mentionN[:0], len(out))[:len(out)]
	clear(n)
	total := 0
	for _, gi := range candEnt {
		if gi >= 0 {
			n[gi]++
			total++
		}
	}
	all := make([]article.Mention, total)
	for gi := range out {
		k := int(n[gi])
		out[gi].Mentions, all = all[:0:k], all[k:]
	}
	for i, gi := range candEnt {
		if gi >= 0 {
			c := &cands[i]
			out[gi].Mentions = append(out[gi].Mentions, article.Mention{
				Span: article.Span{Start: doc.Tokens[c.first].Start, End: doc.Tokens[c.last-1].End},
				Kind: c.form,
			})
		}
	}
	s.mentionN = n
	e.corefer(s, doc, cands, out)
	ents := make([]article.Entity, len(out))
	copy(ents, out)
	clear(out)
	s.ents = out[:0]
	return ents
}

// companyShortNames links the short names of a company named in full
// with its legal or trade tail ("Magna International Inc", "Mercantile
// Bancorp Inc.", "Cairn Energy") to it: a name whose words begin the full
// name ("Magna", "Jones Medical") is the company, unless the article
// names a person of that surname or the word is an ordinary one at the
// start of a sentence, or a given name.
func (e *Extractor) companyShortNames(s *scratch, doc *article.Doc, cands []cand, surnames map[uint64]int) {
	var full []int
	for i := range cands {
		c := &cands[i]
		if c.typ == article.Org && !c.weak && c.last-c.first >= 2 && c.linkOf == 0 && e.companyTail(s, c.last-1) {
			full = append(full, i)
		}
	}
	if len(full) == 0 {
		return
	}
	// the words that begin each full name → the first company so named
	prefixes := map[string]int{}
	for _, i := range full {
		name := s.phrase(cands[i].first, cands[i].last)
		for k := 1; k < len(name); k++ {
			if name[k] == ' ' {
				if _, ok := prefixes[string(name[:k])]; !ok {
					prefixes[string(name[:k])] = i
				}
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if len(c.refs) > 0 || c.linkOf > 0 || c.typ != "" && c.typ != article.Org && !(c.typ == article.Person && c.role == "" && !e.isGiven(s, c.first)) {
			continue
		}
		if c.typ == article.Org && !c.weak && c.last-c.first >= 2 && e.companyTail(s, c.last-1) {
			continue // a full name itself
		}
		if c.last-c.first == 1 {
			if _, ok := surnames[hashBytes(s.w(c.first))]; ok || e.isGiven(s, c.first) || c.sentStart && s.is(c.first, fCommon) {
				continue
			}
		}
		if j, ok := prefixes[string(s.phrase(c.first, c.last))]; ok {
			f := &cands[j]
			c.typ, c.kind, c.weak, c.form, c.linkOf = article.Org, f.kind, false, "alias", j+1
		}
	}
}

// ministries links a ministry's name the knowledge base does not hold
// ("Ministry of Foreign Affairs of the Republic of Belarus") to the
// ministry of that country it holds (the Belarusian Foreign Ministry).
func (e *Extractor) ministries(s *scratch, doc *article.Doc, cands []cand) {
	for i := range cands {
		c := &cands[i]
		if c.typ != article.Org || c.kind != "government" || c.weak || len(c.refs) > 0 || c.linkOf > 0 || c.last-c.first < 2 {
			continue
		}
		m := e.cues.ministryIn(string(s.phrase(c.first, c.last)))
		if m == "" {
			continue
		}
		country := e.countryInside(s, doc, c.first, c.last)
		if country == "" {
			country = c.country
		}
		if o, ok := e.cues.ministryOrg[country+"\t"+m]; ok {
			c.refs = []kb.Ref{{Kind: kb.RefOrg, Form: kb.FormAlias, Index: o}}
			c.kind, c.form = e.gaz.Orgs[o].Kind, "alias"
		}
	}
}

// kbRoleSure reports whether the office the knowledge base gives the
// person c names is sure on the article's date: held on that date, or,
// for an article with no date, held still.
func (e *Extractor) kbRoleSure(doc *article.Doc, c *cand) bool {
	if len(c.refs) == 0 || c.refs[0].Kind != kb.RefPerson {
		return false
	}
	t, ok := e.gaz.People[c.refs[0].Index].TermAt(doc.Published)
	return ok && (!doc.Published.IsZero() || t.End == "")
}

// corefer reads what the text says of the entities around their names:
// descriptions of organisations ("the company said"), appositions and
// title phrases that state people's offices ("X, Belarus's president,"),
// and titles that stand for people ("the president said"). Descriptions
// and titles resolved to an entity become its mentions.
func (e *Extractor) corefer(s *scratch, doc *article.Doc, cands []cand, ents []article.Entity) {
	if len(ents) == 0 {
		return
	}
	s.indexMentions(cands, s.candEnt)
	// Names left untyped, but for ordinary words at a sentence start and
	// names that modify a noun ("the Estlink 2 cable").
	unres := s.unres[:0]
	for i := range cands {
		c := &cands[i]
		if s.candEnt[i] >= 0 || c.sentStart && s.is(c.first, fCommon) || s.is(c.first, fNonName) {
			continue
		}
		if k := c.last; k < len(doc.Tokens) && (doc.Tokens[k].Kind == article.Number || doc.Tokens[k].Kind == article.Word && nounAfter(s, doc, k)) {
			continue
		}
		unres = append(unres, int32(c.first))
	}
	slices.Sort(unres)
	s.unres = unres
	clear(s.keysOf)
	s.keysOf = s.keysOf[:0]
	descs := e.describe(s, doc, ents, false, s.descs[:0])
	s.indexDescs(descs)
	e.appositions(s, doc, ents, s.textRole, descs)
	titles := e.describe(s, doc, ents, true, s.titles[:0])
	for _, d := range descs {
		ents[d.ent].Mentions = append(ents[d.ent].Mentions, article.Mention{Span: d.span, Kind: "description"})
	}
	for _, d := range titles {
		ents[d.ent].Mentions = append(ents[d.ent].Mentions, article.Mention{Span: d.span, Kind: "title"})
	}
	s.descs, s.titles = descs, titles
}

// mixed marks a name the article's cues type in different ways.
const mixed = "\x00"

// glued reports a candidate of one word that starts where another ends
// ("Munich Re", "LG Card") or of one letter ("M&S").
func glued(s *scratch, cands []cand, i int) bool {
	c := &cands[i]
	return c.last-c.first == 1 && (len(s.w(c.first)) == 1 || i > 0 && cands[i-1].last == c.first || i+1 < len(cands) && cands[i+1].first == c.last)
}

// listed reports that tokens [a, b) between two names hold only list
// separators: ",", "and", "or", "v".
func listed(s *scratch, doc *article.Doc, a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for i := a; i < b; i++ {
		switch w := doc.TokenText(i); w {
		case ",", "and", "or", "v", "vs":
		default:
			return false
		}
	}
	return true
}

func isDeterminer(w []byte) bool {
	switch string(w) {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// defaultType types a name nothing else typed. A name of several words
// is an organisation when it starts with an ordinary English word
// ("Federal Reserve", "Rotor Volgograd") or joins words with "&", and a
// person otherwise ("Jearl Miles"). A lone word is left out: the article
// gives no sign of what it names.
func (e *Extractor) defaultType(s *scratch, c *cand) string {
	if c.last-c.first == 1 {
		if s.isSports() && c.hint == article.Org {
			return article.Org
		}
		return ""
	}
	if !s.is(c.first, fGiven) && s.is(c.first, fCommon) {
		return article.Org
	}
	for i := c.first; i < c.last; i++ {
		if string(s.w(i)) == "&" {
			return article.Org
		}
	}
	return article.Person
}

// choosePlaces picks, for a place name that several places share, the one
// in a country the article names ("Birmingham" with "Alabama" in the text
// is the American one).
func (e *Extractor) choosePlaces(cands []cand) {
	var countries [8]string
	n := 0
	for i := range cands {
		c := &cands[i]
		if c.weak || len(c.refs) == 0 || n == len(countries) {
			continue
		}
		iso := ""
		switch r := c.refs[0]; r.Kind {
		case kb.RefCountry, kb.RefNORP, kb.RefPeople:
			iso = e.gaz.Countries[r.Index].ISO3
		case kb.RefPlace:
			if p := &e.gaz.Places[r.Index]; p.Kind == "state" || len(c.refs) == 1 {
				iso = p.Country
			}
		}
		if iso != "" && !slices.Contains(countries[:n], iso) {
			countries[n] = iso
			n++
		}
	}
	if n == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if len(c.refs) < 2 || c.refs[0].Kind != kb.RefPlace {
			continue
		}
		for _, r := range c.refs[1:] {
			if r.Kind == kb.RefPlace && slices.Contains(countries[:n], e.gaz.Places[r.Index].Country) &&
				!slices.Contains(countries[:n], e.gaz.Places[c.refs[0].Index].Country) {
				c.refs = []kb.Ref{r} // a slice of our own: the gazetteer's is shared
				break
			}
		}
	}
}

// surnameToken returns the token holding the surname of a person's name.
func (e *Extractor) surnameToken(s *scratch, c *cand) int {
	i := c.last - 1
	for i > c.first {
		switch string(s.w(i)) {
		case "jr", "sr", "ii", "iii", "iv":
			i--
			continue
		}
		break
	}
	return i
}

// groupKey returns the key that gathers the mentions of one entity, and a
// candidate naming it in full (c itself or the full name of a surname).
func (e *Extractor) groupKey(s *scratch, doc *article.Doc, i int, keys []uint64, cands []cand, surnames map[uint64]int) (uint64, *cand) {
	c, key := &cands[i], keys[i]
	if c.linkOf > 0 {
		k, _ := e.groupKey(s, doc, c.linkOf-1, keys, cands, surnames)
		return k, &cands[c.linkOf-1]
	}
	if len(c.refs) > 0 {
		r := c.refs[0]
		if r.Kind == kb.RefPeople {
			r.Kind = kb.RefNORP // "Belarusians" and "Belarusian" are one group
		}
		return refKey(r.Kind, r.Index), c
	}
	if c.typ == article.Person {
		k := key
		if c.last-c.first >= 2 {
			k = hashBytes(s.w(e.surnameToken(s, c)))
		}
		if i, ok := surnames[k]; ok {
			full := &cands[i]
			if len(full.refs) > 0 && full.refs[0].Kind == kb.RefPerson {
				return refKey(kb.RefPerson, full.refs[0].Index), full
			}
			return mix(k, 'p'), full
		}
		// A surname of a known person never named in full here.
		if c.last-c.first == 1 {
			if p, ok := e.knownBySurname(doc, s.w(c.first)); ok {
				c.refs = []kb.Ref{{Kind: kb.RefPerson, Form: kb.FormAlias, Index: p}}
				c.form = "surname"
				return refKey(kb.RefPerson, p), c
			}
		}
		return mix(k, 'p'), c
	}
	return mix(key, hashBytes([]byte(c.typ))), c
}

// refKey is the group key of a knowledge-base entry; hashes of names
// (below) have the top bit clear.
func refKey(kind kb.RefKind, index int32) uint64 {
	return 1<<63 | uint64(kind)<<32 | uint64(uint32(index))
}

// hashBytes is FNV-1a over b, with the top bit clear.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h &^ (1 << 63)
}

// mix combines a name's hash with a tag, keeping the top bit clear.
func mix(h, tag uint64) uint64 {
	h ^= tag + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	return h &^ (1 << 63)
}

// knownBySurname returns the one person of the knowledge base with this
// surname, or the one in office on the article's date among several.
func (e *Extractor) knownBySurname(doc *article.Doc, w []byte) (int32, bool) {
	ps := e.gaz.SurnameOf(w)
	switch len(ps) {
	case 0:
		return 0, false
	case 1:
		return ps[0], true
	}
	if doc.Published.IsZero() {
		return 0, false
	}
	found := int32(-1)
	for _, p := range ps {
		if _, ok := e.gaz.People[p].TermAt(doc.Published); ok {
			if found >= 0 {
				return 0, false
			}
			found = p
		}
	}
	return found, found >= 0
}

// newEntity fills an entity's fields from the candidate naming it in full.
func (e *Extractor) newEntity(s *scratch, doc *article.Doc, c *cand, full *cand) article.Entity {
	ent := article.Entity{Type: c.typ, Kind: c.kind}
	if len(full.refs) > 0 {
		c = full
	}
	if len(c.refs) == 0 {
		ent.Name = cleanName(doc.Text(article.Span{Start: doc.Tokens[full.first].Start, End: doc.Tokens[full.last-1].End}))
		ent.Type = full.typ
		ent.ID = makeID(idPrefix(ent.Type), ent.Name)
		if ent.Type == article.Org {
			// "Ministry of Foreign Affairs of the Republic of Belarus",
			// "Russian Foreign Ministry": the country named inside.
			ent.Country = e.countryInside(s, doc, full.first, full.last)
			if ent.Country == "" {
				ent.Country = full.country
			}
			if code := sectorOf[ent.Kind]; ent.Country != "" && code != "" {
				ent.Actor = ent.Country + code
			}
		}
		return ent
	}
	ent.Known = true
	r := c.refs[0]
	switch r.Kind {
	case kb.RefCountry:
		ct := &e.gaz.Countries[r.Index]
		ent.Type, ent.Kind, ent.Name = article.Place, "country", ct.Name
		ent.Country, ent.Actor, ent.Lat, ent.Lon = ct.ISO3, ct.ISO3, ct.Lat, ct.Lon
		ent.ID = e.cues.countryIDs[r.Index]
	case kb.RefPlace:
		p := &e.gaz.Places[r.Index]
		ent.Type, ent.Kind, ent.Name = article.Place, p.Kind, p.Name
		ent.Country, ent.Lat, ent.Lon = p.Country, p.Lat, p.Lon
		ent.ID = e.cues.placeIDs[r.Index]
	case kb.RefOrg:
		o := &e.gaz.Orgs[r.Index]
		ent.Type, ent.Kind, ent.Name = article.Org, o.Kind, o.Name
		ent.Country, ent.Actor = o.Country, o.Actor
		ent.ID = e.cues.orgIDs[r.Index]
	case kb.RefPerson:
		p := &e.gaz.People[r.Index]
		ent.Type, ent.Kind, ent.Name = article.Person, "", p.Name
		ent.ID = e.cues.personIDs[r.Index]
		if t, ok := p.TermAt(doc.Published); ok {
			ent.Role, ent.Country, ent.Actor = t.Role, t.Country, t.Actor
		} else if len(p.Terms) > 0 {
			ent.Country = p.Terms[len(p.Terms)-1].Country
		}
	case kb.RefNORP, kb.RefPeople:
		ct := &e.gaz.Countries[r.Index]
		ent.Type, ent.Kind = article.NORP, "nationality"
		ent.Name = ct.Name
		if len(ct.Demonyms) > 0 {
			ent.Name = ct.Demonyms[0]
		}
		ent.Country, ent.Actor = ct.ISO3, ct.ISO3
		ent.ID = e.cues.norpIDs[r.Index]
	}
	return ent
}

// sectorOf gives the CAMEO sector code of an organisation's kind.
var sectorOf = map[string]string{
	"government": "GOV", "military": "MIL", "police": "COP", "court": "JUD",
	"legislature": "LEG", "party": "PTY", "media": "MED", "agency": "MED",
	"education": "EDU", "company": "BUS", "religious": "REL", "intelligence": "SPY",
}

// countryInside returns the country a name of tokens [a, b) holds, by
// name or demonym; "" when none or several.
func (e *Extractor) countryInside(s *scratch, doc *article.Doc, a, b int) string {
	found := ""
	for q := a; q < b; {
		n, refs := e.kbMatch(s, doc, q, b)
		if n == 0 {
			q++
			continue
		}
		if r := refs[0]; r.Kind == kb.RefCountry || r.Kind == kb.RefNORP {
			iso := e.gaz.Countries[r.Index].ISO3
			if found != "" && found != iso {
				return ""
			}
			found = iso
		}
		q += n
	}
	return found
}

// cleanName drops line breaks and doubled spaces from a name as written.
func cleanName(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' || c >= 0x80 {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

func idPrefix(typ string) string {
	switch typ {
	case article.Person:
		return "person"
	case article.Org:
		return "org"
	case article.Place:
		return "place"
	case article.NORP:
		return "norp"
	case article.EventNE:
		return "event"
	case article.Work:
		return "work"
	}
	return "misc"
}

// makeID returns prefix:slug(name) with one allocation.
func makeID(prefix, name string) string {
	var buf [96]byte
	b := append(buf[:0], prefix...)
	b = append(b, ':')
	return string(appendSlug(b, name))
}

// appendSlug appends the slug of name to out.
func appendSlug(out []byte, name string) []byte {
	var buf [128]byte
	n := kb.AppendNorm(buf[:0], name)
	start := len(out)
	dash := false
	for i := 0; i < len(n); {
		r, size := rune(n[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(n[i:])
		}
		i += size
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= utf8.RuneSelf && r != '’' {
			if dash && len(out) > start {
				out = append(out, '-')
			}
			dash = false
			out = utf8.AppendRune(out, r)
			continue
		}
		dash = true
	}
	return out
}

// acronyms links an acronym defined in brackets after a name ("Council on
// Foreign Relations (CFR)") to that name, and every later use of the
// acronym with it.
func (e *Extractor) acronyms(s *scratch, doc *article.Doc, cands []cand, keys []uint64) {
	defs := map[uint64]int{} // acronym key → cand of the full name
	for i := range cands {
		c := &cands[i]
		if c.weak || c.typ == "" || c.last-c.first < 2 {
			continue
		}
		k := c.last
		if k+2 >= len(doc.Tokens) || doc.TokenText(k) != "(" || doc.TokenText(k+2) != ")" {
			continue
		}
		t := doc.Tokens[k+1]
		if t.Kind != article.Word || !t.Is(article.AllCaps) && !t.Is(article.Abbrev) {
			continue
		}
		acr := s.w(k + 1)
		if !initialsMatch(string(acr), s, c) {
			continue
		}
		if _, ok := defs[hashBytes(acr)]; !ok {
			defs[hashBytes(acr)] = i
		}
	}
	if len(defs) == 0 {
		return
	}
	for i := range cands {
		c := &cands[i]
		if c.last-c.first != 1 {
			continue
		}
		j, ok := defs[keys[i]]
		if !ok || !doc.Tokens[c.first].Is(article.AllCaps) && !doc.Tokens[c.first].Is(article.Abbrev) {
			continue
		}
		full := &cands[j]
		c.typ, c.kind, c.refs, c.weak, c.form = full.typ, full.kind, full.refs, false, "acronym"
		c.linkOf = j + 1
	}
	// Acronyms the sentence pass left alone (a lone "CFR" inside a longer
	// capitalised run is rare; all-capital words alone are not).
}

// shortNames links "the Council", "the Ministry" to the one organisation
// named in full before whose name has that head or tail word. With two
// such organisations, or none, the word is left alone.
func (e *Extractor) shortNames(s *scratch, doc *article.Doc, cands []cand) {
	for i := range cands {
		c := &cands[i]
		if c.typ != "" || c.last-c.first != 1 || c.first == 0 || string(s.w(c.first-1)) != "the" {
			continue
		}
		if s.entry(c.first).flags&(fOrgHead|fOrgTailLast) == 0 {
			continue
		}
		w := s.w(c.first)
		found := -1
		for j := 0; j < i; j++ {
			o := &cands[j]
			if o.typ != article.Org || o.weak || o.last-o.first < 2 || o.linkOf > 0 {
				continue
			}
			if string(s.w(o.first)) != string(w) && string(s.w(o.last-1)) != string(w) {
				continue
			}
			if found >= 0 && !sameName(s, &cands[found], o) {
				found = -2 // two organisations share the word: unsafe
				break
			}
			found = j
		}
		switch {
		case found >= 0:
			full := &cands[found]
			c.typ, c.kind, c.refs, c.form, c.linkOf = full.typ, full.kind, full.refs, "alias", found+1
		case found == -2:
			c.weak = true // "the Council" of two councils: no entity
		}
	}
}

// sameName reports two candidates with the same words.
func sameName(s *scratch, a, b *cand) bool {
	return string(s.phrase(a.first, a.last)) == string(append([]byte(nil), s.phrase(b.first, b.last)...))
}

// initialsMatch reports whether acr (lower case) is made of the initials of
// the words of c, all of them or those that are not connectors.
func initialsMatch(acr string, s *scratch, c *cand) bool {
	var all, content []byte
	for i := c.first; i < c.last; i++ {
		w := s.w(i)
		if len(w) == 0 {
			continue
		}
		all = append(all, w[0])
		switch string(w) {
		case "of", "the", "for", "and", "on", "in", "de", "&":
			continue
		}
		content = append(content, w[0])
	}
	return acr == string(all) || acr == string(content) || len(acr) >= 2 && strings.HasPrefix(string(content), acr)
}

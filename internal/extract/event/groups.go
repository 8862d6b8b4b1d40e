package event

import (
	"cmp"
	"slices"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/parse"
)

// unit is a noun phrase: a run of determiners, adjectives, nouns, names
// and numbers, with the actors in it.
type unit struct {
	start, end int
	members    []member
	// grp is the actor group the unit belongs to, or -1.
	grp int
	// pron is the pronoun when the unit is a bare personal pronoun.
	pron string
	// head is the lower-case last noun of the unit.
	head      string
	headLemma string
	capital   bool
}

// group is an actor group: one unit, a coordination of units ("Belarus
// and Russia"), an apposition ("Lukashenko, Belarus's president") or an
// agent with its country in a phrase ("the ambassadors of Arnor").
type group struct {
	start, end int
	members    []member
	units      []int
	capital    bool
}

// scratch is the per-call working space of the coder.
type scratch struct {
	sent    parse.Sentence
	ments   []mention
	units   []unit
	unitAt  []int
	groups  []group
	handled []bool
	covered []bool
	// trig caches the trigger look-up of each verb group's head
	trig   []trigLookup
	events []article.Event
	// discourse state across the sentences of a document
	lastSubjPerson []member
	lastSubjThing  []member
	recentPersons  [][]member
	recentThings   [][]member
	quoteSpeak     []quoteSpeaker
	directQ        []int32           // the direct ones of quoteSpeak, by span start
	directMax      int               // the longest of their spans
	partners       map[string]member // speaker entity or code → last consult partner
	dateline       *article.Entity
	sentDates      []article.Date
	memberBuf      []member
	codeBuf        []string
	nameTok        []bool // by token: part of an entity's name
	// ascii is set while a sentence whose tokens hold ASCII bytes alone
	// is coded: so do its words, their lemmas and their look-up forms.
	ascii bool
	// mrefs are the entities' mentions (embeds left out) sorted by
	// start, with the longest one's length, so that a sentence finds its
	// own without reading all the others (mentionsIn).
	mrefs   []mentionRef
	mrefMax int
	// coded tells, by entity, whether entityActors would give its
	// mentions an actor code (quiet.go)
	coded       []bool
	mrefFound   []mentionRef
	entityIndex map[string]int
	// ents are the document's entities, indexed tells that entityIndex
	// holds them (more than maxSearched).
	ents    []article.Entity
	indexed bool
	// The member, code and unit lists of a document's sentences are
	// carved from these arenas, reset with the document, instead of each
	// being allocated: a list's capacity ends with it (see carve), so
	// that appending to it copies it, as appending to a list of its own
	// would.
	memArena  []member
	codeArena []string
	intArena  []int
}

// carve returns the items of arena from start on as a list whose
// capacity ends with them, or nil when there are none.
func carve[T any](arena []T, start int) []T {
	if len(arena) == start {
		return nil
	}
	return arena[start:len(arena):len(arena)]
}

// joinMembers returns a list of its own holding the members of lists.
func (s *scratch) joinMembers(lists ...[]member) []member {
	start := len(s.memArena)
	for _, l := range lists {
		s.memArena = append(s.memArena, l...)
	}
	return carve(s.memArena, start)
}

// oneInt returns a list of its own holding v.
func (s *scratch) oneInt(v int) []int {
	s.intArena = append(s.intArena, v)
	return carve(s.intArena, len(s.intArena)-1)
}

type quoteSpeaker struct {
	span    article.Span
	members []member
	direct  bool // the speaker's own words: I is the speaker, he is not
}

// maxSearched is the most entities entityAt searches one by one.
const maxSearched = 32

// entityAt returns the index of the last of the document's entities with
// id id.
func (s *scratch) entityAt(id string) (int, bool) {
	if s.indexed {
		i, ok := s.entityIndex[id]
		return i, ok
	}
	for i := len(s.ents) - 1; i >= 0; i-- {
		if s.ents[i].ID == id {
			return i, true
		}
	}
	return 0, false
}

func (s *scratch) reset(doc *article.Doc) {
	s.lastSubjPerson, s.lastSubjThing = nil, nil
	clear(s.recentPersons)
	clear(s.recentThings)
	s.recentPersons, s.recentThings = s.recentPersons[:0], s.recentThings[:0]
	s.quoteSpeak = s.quoteSpeak[:0]
	s.partners = nil
	s.dateline = nil
	s.events = s.events[:0]
	clear(s.memArena)
	clear(s.codeArena)
	s.memArena, s.codeArena, s.intArena = s.memArena[:0], s.codeArena[:0], s.intArena[:0]
	s.nameTok = append(s.nameTok[:0], make([]bool, len(doc.Tokens))...)
	// A few entities are searched for (entityAt); a map of them costs
	// more to fill than the searches.
	s.ents, s.indexed = doc.Rec.Entities, len(doc.Rec.Entities) > maxSearched
	if s.indexed {
		if s.entityIndex == nil {
			s.entityIndex = map[string]int{}
		}
		clear(s.entityIndex)
	}
	s.mrefs, s.mrefMax = s.mrefs[:0], 0
	for i := range doc.Rec.Entities {
		for j, m := range doc.Rec.Entities[i].Mentions {
			if m.Embed == 0 {
				s.mrefs = append(s.mrefs, mentionRef{m.Span, int32(i), int32(j)})
				s.mrefMax = max(s.mrefMax, m.Span.Len())
			}
		}
	}
	slices.SortFunc(s.mrefs, func(a, b mentionRef) int { return cmp.Compare(a.span.Start, b.span.Start) })
	s.coded = s.coded[:0]
	for i := range doc.Rec.Entities {
		s.coded = append(s.coded, actorCoded(&doc.Rec.Entities[i]))
	}
	for i := range doc.Rec.Entities {
		e := &doc.Rec.Entities[i]
		if s.indexed {
			s.entityIndex[e.ID] = i
		}
		for _, m := range e.Mentions {
			if m.Kind == "pronoun" || m.Embed != 0 {
				continue
			}
			for t := doc.TokenAt(m.Span.Start); t < len(doc.Tokens) && doc.Tokens[t].Start < m.Span.End; t++ {
				s.nameTok[t] = true
			}
		}
	}
	// a dateline: the article opens with a place ("MINSK, Aug 8 (Reuters) -")
	for i := range doc.Rec.Entities {
		e := &doc.Rec.Entities[i]
		if e.Type != article.Place || len(e.Mentions) == 0 {
			continue
		}
		if m := e.Mentions[0].Span; e.Mentions[0].Embed == 0 && m.Start == 0 && m.End < len(doc.Rec.Text) {
			rest := doc.Rec.Text[m.End:min(len(doc.Rec.Text), m.End+3)]
			if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " —") || strings.HasPrefix(rest, " (") {
				s.dateline = e
			}
		}
	}
	for _, q := range doc.Rec.Quotes {
		if q.Speaker == "" {
			continue
		}
		if i, ok := s.entityAt(q.Speaker); ok {
			if m, ok := entityMember(&doc.Rec.Entities[i]); ok {
				s.quoteSpeak = append(s.quoteSpeak, quoteSpeaker{span: q.Span, members: []member{m}, direct: q.Kind != article.Indirect})
			}
		}
	}
	s.directQ, s.directMax = s.directQ[:0], 0
	for i, q := range s.quoteSpeak {
		if q.direct {
			s.directQ = append(s.directQ, int32(i))
			s.directMax = max(s.directMax, q.span.Len())
		}
	}
	slices.SortStableFunc(s.directQ, func(a, b int32) int {
		return cmp.Compare(s.quoteSpeak[a].span.Start, s.quoteSpeak[b].span.Start)
	})
}

// speakerAt returns the members of the speaker of the last direct quote
// (in quoteSpeak's order) whose span holds byte offset at, or nil: a
// binary search over the direct quotes by start instead of a walk over
// all of them for every pronoun.
func (s *scratch) speakerAt(at int) []member {
	qs := s.directQ
	// a quote holding at starts after at-directMax
	k, _ := slices.BinarySearchFunc(qs, at-s.directMax, func(i int32, t int) int { return cmp.Compare(s.quoteSpeak[i].span.Start, t) })
	best := int32(-1)
	for ; k < len(qs) && s.quoteSpeak[qs[k]].span.Start <= at; k++ {
		if q := &s.quoteSpeak[qs[k]]; at < q.span.End && qs[k] > best {
			best = qs[k]
		}
	}
	if best < 0 {
		return nil
	}
	return s.quoteSpeak[best].members
}

// mentionRef is mention mi of entity ei.
type mentionRef struct {
	span   article.Span
	ei, mi int32
}

// mentionsIn returns the mentions overlapping bytes [lo, hi) in the order
// of the entities and of their mentions, as a walk over all of them would
// find them.
func (s *scratch) mentionsIn(lo, hi int) []mentionRef {
	s.mrefFound = s.mrefFound[:0]
	// a mention ending after lo starts after lo-mrefMax
	i, _ := slices.BinarySearchFunc(s.mrefs, lo-s.mrefMax, func(r mentionRef, t int) int { return cmp.Compare(r.span.Start, t) })
	for ; i < len(s.mrefs) && s.mrefs[i].span.Start < hi; i++ {
		if s.mrefs[i].span.End > lo {
			s.mrefFound = append(s.mrefFound, s.mrefs[i])
		}
	}
	slices.SortFunc(s.mrefFound, func(a, b mentionRef) int { return cmp.Or(cmp.Compare(a.ei, b.ei), cmp.Compare(a.mi, b.mi)) })
	return s.mrefFound
}

// entityMember turns an entity into a group member.
func entityMember(e *article.Entity) (member, bool) {
	code := e.Actor
	if code == "" {
		code = e.Country
	}
	if code == "" {
		return member{}, false
	}
	return member{code: code, entity: e.ID, country: e.Country, person: e.Type == article.Person}, true
}

// isNPWord reports words that belong to noun phrases.
func isNPWord(t parse.Tag) bool { return t < 64 && npTags>>t&1 != 0 }

// npTags has the bits of the tags of words that belong to noun phrases.
const npTags uint64 = 1<<parse.Det | 1<<parse.PossPron | 1<<parse.Adj | 1<<parse.Noun | 1<<parse.Propn | 1<<parse.Num | 1<<parse.Poss

// buildUnits finds the noun phrases of the sentence and the actors in
// them, then joins them into actor groups.
func (c *Coder) buildUnits(s *scratch, nullCountry string) {
	ws := s.sent.Words
	n := len(ws)
	if cap(s.unitAt) < n {
		s.unitAt = make([]int, n)
	}
	s.unitAt = s.unitAt[:n]
	for i, unitAt := 0, s.unitAt; i < len(unitAt); i++ {
		unitAt[i] = -1
	}
	// mention coverage: longest wins; actors beat agents on ties
	slices.SortStableFunc(s.ments, func(a, b mention) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(b.end-b.start, a.end-a.start)
	})
	kept := s.ments[:0]
	last := -1
	for _, m := range s.ments {
		if m.start < last {
			// overlapping: keep an actor over an agent only when longer
			continue
		}
		kept = append(kept, m)
		last = m.end
	}
	s.ments = kept
	if cap(s.covered) < n {
		s.covered = make([]bool, n)
	}
	s.covered = s.covered[:n]
	clear(s.covered)
	for _, m := range s.ments {
		for k := m.start; k < m.end && k < n; k++ {
			s.covered[k] = true
		}
	}
	inMent := func(i int) bool { return s.covered[i] }
	s.units = s.units[:0]
	mi := 0
	for i := 0; i < n; {
		w := &ws[i]
		if !(isNPWord(w.Tag) || w.Tag == parse.Pron || inMent(i)) {
			i++
			continue
		}
		u := unit{start: i, grp: -1}
		if w.Tag == parse.Pron {
			u.end = i + 1
			u.pron = w.Low
			s.units = append(s.units, u)
			i++
			continue
		}
		j := i
		for j < n && (isNPWord(ws[j].Tag) || inMent(j) || ws[j].Tag == parse.Adv && j+1 < n && ws[j+1].Tag == parse.Adj && j > i ||
			ws[j].Tag == parse.CConj && j > i && ws[j-1].Tag == parse.Adj && j+2 < n && (ws[j+1].Tag == parse.Adj || ws[j+1].Tag == parse.Noun && (ws[j+2].Tag == parse.Noun || ws[j+2].Tag == parse.Propn))) {
			// a determiner after a noun starts a new phrase
			if j > i && (ws[j].Tag == parse.Det || ws[j].Tag == parse.PossPron) && !inMent(j) {
				break
			}
			j++
		}
		u.end = j
		// the head is the last common noun (else the last name): "a
		// landmark hearing Wednesday" is a hearing
		for k := j - 1; k >= i; k-- {
			if ws[k].Tag == parse.Noun {
				u.head, u.headLemma = ws[k].Low, ws[k].Lemma
				break
			}
		}
		if u.head == "" {
			for k := j - 1; k >= i; k-- {
				if ws[k].Tag == parse.Propn {
					u.head, u.headLemma = ws[k].Low, ws[k].Lemma
					break
				}
			}
		}
		for mi < len(s.ments) && s.ments[mi].end <= i {
			mi++
		}
		var firstActor *mention
		var prefix, suffix []string
		var extra *mention
		for k := mi; k < len(s.ments) && s.ments[k].start < j; k++ {
			m := &s.ments[k]
			switch m.kind {
			case mAgent:
				// an agent is the head of its phrase ("Russian forces") or
				// stands before a name ("President Trump"); as a modifier
				// ("military bases") it is not one
				if !m.prefix && !agentHead(ws, m.end, j) {
					continue
				}
				if m.prefix {
					prefix = append(prefix, m.agent)
				} else {
					suffix = append(suffix, m.agent)
				}
			case mActor, mPlace, mPron:
				if firstActor == nil {
					firstActor = m
				} else if extra == nil {
					extra = m
				}
			}
		}
		switch {
		case firstActor != nil && len(firstActor.codes) > 0:
			fa := firstActor
			// a person or organisation named after its country's name
			// ("Belarus President Aleksandr Lukashenko") is the actor
			if extra != nil && len(extra.codes) > 0 && (extra.person || extra.entity != "") &&
				(fa.kind == mPlace || fa.entity == "" || !fa.person) && sameCountry(fa, extra) {
				fa = &mention{kind: extra.kind, codes: extra.codes, entity: extra.entity, country: extra.country, person: extra.person}
				if len(firstActor.codes[0]) > len(fa.codes[0]) {
					fa.codes = firstActor.codes
				}
			}
			start := len(s.memArena)
			for _, code := range fa.codes {
				mem := member{code: combine(code, prefix, suffix), entity: fa.entity, country: fa.country, person: fa.person}
				if mem.country == "" && len(code) >= 3 {
					mem.country = code[:3]
				}
				s.memArena = append(s.memArena, mem)
			}
			u.members = carve(s.memArena, start)
			u.capital = fa.capital && len(suffix) == 0 && len(prefix) == 0
		case len(prefix)+len(suffix) > 0:
			s.memArena = append(s.memArena, member{code: combine(nullCountry, prefix, suffix), agentOnly: true})
			u.members = carve(s.memArena, len(s.memArena)-1)
		}
		s.units = append(s.units, u)
		i = j
	}
	unitAt := s.unitAt
	for ui := range s.units {
		for k := s.units[ui].start; k < s.units[ui].end; k++ {
			unitAt[k] = ui
		}
	}
	c.buildGroups(s)
}

// agentHead reports whether the words from end to the unit's end are
// names (or nothing), so that the agent ending at end heads the phrase.
func agentHead(ws []parse.Word, end, unitEnd int) bool {
	for k := end; k < unitEnd; k++ {
		if ws[k].Tag != parse.Propn {
			return false
		}
	}
	return true
}

func sameCountry(a, b *mention) bool {
	ca, cb := a.country, b.country
	if ca == "" && len(a.codes) > 0 && len(a.codes[0]) >= 3 {
		ca = a.codes[0][:3]
	}
	if cb == "" && len(b.codes) > 0 && len(b.codes[0]) >= 3 {
		cb = b.codes[0][:3]
	}
	return ca != "" && ca == cb
}

// buildGroups joins units into actor groups: coordinations ("A, B and C",
// "Danish media and government"), appositions ("X, the state's foe,") and
// agents placed by "of" or "in" ("ambassadors of A", "activists in A").
func (c *Coder) buildGroups(s *scratch) {
	ws := s.sent.Words
	s.groups = s.groups[:0]
	us := s.units
	for ui := 0; ui < len(us); ui++ {
		if len(us[ui].members) == 0 || us[ui].grp >= 0 {
			continue
		}
		g := group{start: us[ui].start, end: us[ui].end, units: s.oneInt(ui), capital: us[ui].capital}
		g.members = s.joinMembers(us[ui].members)
		// coordination: collect units separated by "," or a conjunction
		list := []int{ui}
		conj := false
		k := ui
		for k+1 < len(us) {
			gap := ws[us[k].end:us[k+1].start]
			sep := separator(gap)
			if sep == 0 {
				break
			}
			if len(us[k+1].members) == 0 {
				break
			}
			if sep == 2 {
				conj = true
			}
			list = append(list, k+1)
			k++
			if sep == 2 {
				break // "A, B and C": the conjunction closes the list
			}
		}
		switch {
		case len(list) > 1 && conj:
			for _, v := range list[1:] {
				mem := us[v].members
				// an agent alone takes the country of the conjunct before it
				if len(mem) == 1 && mem[0].agentOnly && len(g.members) > 0 && !g.members[len(g.members)-1].agentOnly && ws[us[v].start].Tag != parse.Det {
					prev := g.members[len(g.members)-1]
					code := agentPart(mem[0].code)
					cc := prev.country
					if cc == "" && len(prev.code) >= 3 {
						cc = prev.code[:3]
					}
					mem = []member{{code: cc + code, country: prev.country}}
				}
				g.members = append(g.members, mem...)
				g.units = append(g.units, v)
				g.end = us[v].end
			}
		case len(list) > 1:
			// apposition: "Lukashenko, Belarus's president": one actor
			v := list[1]
			vm := us[v].members
			switch {
			case len(g.members) == 1 && g.members[0].agentOnly,
				len(g.members) == 1 && g.members[0].entity == "" && len(vm) > 0 && vm[0].entity != "":
				g.members = append(g.members[:0], vm...)
			case len(g.members) == 1 && !g.members[0].person && len(vm) == 1 && vm[0].person && vm[0].country == g.members[0].country:
				// "the President of Belarus, Aleksandr Lukashenko": the person
				m := vm[0]
				if len(g.members[0].code) > len(m.code) {
					m.code = g.members[0].code
				}
				g.members = append(g.members[:0], m)
			}
			g.units = append(g.units, v)
			g.end = us[v].end
		}
		for _, v := range g.units {
			us[v].grp = len(s.groups)
		}
		s.groups = append(s.groups, g)
	}
	// an agent group followed by "of"/"in" and a country group
	for gi := 0; gi+1 < len(s.groups); gi++ {
		g, h := &s.groups[gi], &s.groups[gi+1]
		if len(g.members) == 0 || !allAgentOnly(g.members) || h.start != g.end+1 && !(h.start == g.end+2 && ws[g.end+1].Tag == parse.Det) {
			continue
		}
		if p := ws[g.end].Low; p != "of" && p != "in" && p != "from" && p != "throughout" && p != "across" {
			continue
		}
		if allAgentOnly(h.members) {
			continue
		}
		var mem []member
		for _, hm := range h.members {
			code := hm.code
			for _, gm := range g.members {
				code = combine(code, nil, []string{agentPart(gm.code)})
			}
			mem = append(mem, member{code: code, entity: hm.entity, country: hm.country, person: hm.person})
		}
		g.members = mem
		g.end = h.end
		g.units = append(g.units, h.units...)
		for _, v := range h.units {
			us[v].grp = gi
		}
		// drop h, renumbering the groups after it
		s.groups = append(s.groups[:gi+1], s.groups[gi+2:]...)
		for v := range us {
			if us[v].grp > gi+1 {
				us[v].grp--
			}
		}
	}
}

// agentPart returns the sector part of an agent-only code ("---GOV" or
// "GOV" → "GOV").
func agentPart(code string) string { return strings.TrimPrefix(code, "---") }

func allAgentOnly(ms []member) bool {
	for _, m := range ms {
		if !m.agentOnly {
			return false
		}
	}
	return len(ms) > 0
}

// separator says what joins two units: 0 nothing that coordinates, 1 a
// comma, 2 a conjunction (possibly after a comma). Bracketed acronyms are
// skipped by the caller.
func separator(gap []parse.Word) int {
	switch len(gap) {
	case 1:
		switch {
		case gap[0].Low == ",":
			return 1
		case gap[0].Low == "and" || gap[0].Low == "or" || gap[0].Low == "&":
			return 2
		}
	case 2:
		if gap[0].Low == "," && (gap[1].Low == "and" || gap[1].Low == "or") {
			return 2
		}
		if gap[0].Low == "and" && gap[1].Low == "the" {
			return 2
		}
	}
	return 0
}

package event

import (
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/parse"
)

// maxObjectScan bounds how far after a verb its target is looked for.
const maxObjectScan = 18

// codeSentence codes the events of sentence si.
func (c *Coder) codeSentence(s *scratch, doc *article.Doc, si int, pubDate string) {
	sent := doc.Sents[si]
	if sent.Last <= sent.First {
		return
	}
	if c.sentenceDiscarded(doc.Text(sent.Span)) {
		return
	}
	if c.quiet != nil && c.quiet.quiet(s, doc, sent) {
		return // no event, and nothing for the next sentences
	}
	c.parser.ParseDoc(doc, sent.First, sent.Last, func(t int) bool { return s.nameTok[t] }, &s.sent)
	s.ascii = asciiTokens(doc.Tokens[sent.First:sent.Last])
	ws := s.sent.Words
	if len(ws) == 0 {
		return
	}
	date := pubDate
	s.ments = s.ments[:0]
	for _, m := range c.matchers {
		s.ments = m.Match(s, doc, ws, date, s.ments)
	}
	// words of actors are names, whatever the tagger thought
	regroup := false
	for _, m := range s.ments {
		if m.kind == mAgent {
			continue
		}
		for k := m.start; k < m.end; k++ {
			if t := ws[k].Tag; t == parse.Verb || t == parse.Aux || t == parse.Modal {
				ws[k].Tag = parse.Propn
				regroup = true
			}
		}
	}
	if regroup {
		parse.Regroup(&s.sent)
	}
	null := ""
	if c.opts.DictOnly {
		null = "---"
	}
	c.buildUnits(s, null)
	if cap(s.handled) < len(s.sent.Groups) {
		s.handled = make([]bool, len(s.sent.Groups))
	}
	s.handled = s.handled[:len(s.sent.Groups)]
	clear(s.handled)
	if cap(s.trig) < len(ws) {
		s.trig = make([]trigLookup, len(ws))
	}
	s.trig = s.trig[:len(ws)]
	clear(s.trig)
	sc := &sentCtx{c: c, s: s, doc: doc, si: si, date: date}
	sc.resolvePronouns()
	for gi := range s.sent.Groups {
		if s.handled[gi] {
			continue
		}
		sc.codeGroup(gi)
	}
	if !c.opts.DictOnly && c.own != nil {
		sc.codeNouns()
	}
	sc.remember()
}

// asciiTokens reports whether no token of toks holds a byte outside ASCII.
func asciiTokens(toks []article.Token) bool {
	for i := range toks {
		if toks[i].Is(article.NonASCII) {
			return false
		}
	}
	return true
}

// sentCtx is the state of coding one sentence.
type sentCtx struct {
	// symNoun is set by codeNoun when the event noun is reciprocal
	// ("talks"): a compound subject codes both ways.
	symNoun bool
	c       *Coder
	s       *scratch
	doc     *article.Doc
	si      int
	date    string
	// evDate is eventDate's answer once evDateOK is set.
	evDate   string
	evDateOK bool
}

// trigLookup is a cached lookup.
type trigLookup struct {
	ts         []*trigger
	start, end int
	done       bool
}

// lookup returns the triggers of verb word w at index i: dictionary
// triggers by surface form, ours by lemma, multi-word ones only when
// their fixed words are there. It returns the span the trigger covers.
func (sc *sentCtx) lookup(i int) (ts []*trigger, start, end int) {
	s := sc.s
	if i < len(s.trig) && s.trig[i].done {
		c := &s.trig[i]
		return c.ts, c.start, c.end
	}
	ts, start, end = sc.lookupRaw(i)
	if i < len(s.trig) {
		s.trig[i] = trigLookup{ts: ts, start: start, end: end, done: true}
	}
	return ts, start, end
}

// lookupRaw does the look-up of lookup.
func (sc *sentCtx) lookupRaw(i int) (ts []*trigger, start, end int) {
	ws := sc.s.sent.Words
	w := &ws[i]
	start, end = i, i+1
	best := 0
	try := func(cands []*trigger) {
		// the common case: one trigger, or all of the same length, all
		// matching: the candidate list itself, without allocating
		if len(cands) > 0 {
			n0 := len(cands[0].pre) + len(cands[0].post)
			same := n0 >= best
			for _, t := range cands {
				if len(t.pre)+len(t.post) != n0 || !fixedWords(ws, i, t) {
					same = false
					break
				}
			}
			if same && (n0 > best || len(ts) == 0) {
				ts, best = cands, n0
				start, end = i-len(cands[0].pre), i+1+len(cands[0].post)
				return
			}
		}
		for _, t := range cands {
			if !fixedWords(ws, i, t) {
				continue
			}
			n := len(t.pre) + len(t.post)
			if n > best {
				ts = nil
				best = n
			}
			if n == best {
				ts = append(ts[:len(ts):len(ts)], t)
				start, end = i-len(t.pre), i+1+len(t.post)
			}
		}
	}
	if sc.c.dict != nil {
		try(sc.c.dict.forms(w.Low, sc.s.ascii))
	}
	if len(ts) == 0 && sc.c.own != nil && w.Lemma != "" {
		try(sc.c.own.lemmas(w.Lemma, sc.s.ascii))
	}
	return ts, start, end
}

// fixedWords checks the fixed words of a multi-word trigger around i;
// particles may be separated from the verb by a short object ("beat them
// up") only for our lexicon.
func fixedWords(ws []parse.Word, i int, t *trigger) bool {
	for k, p := range t.pre {
		j := i - len(t.pre) + k
		if j < 0 || ws[j].Low != p {
			return false
		}
	}
	for k, p := range t.post {
		j := i + 1 + k
		if j >= len(ws) || ws[j].Low != p {
			return false
		}
	}
	return true
}

// args are the source and target of an event, as actor groups.
type args struct {
	src, tgt   int // group indexes or -1
	srcUnit    int // the subject unit even when it is no actor, or -1
	objUnit    int // the direct object unit, or -1
	hasObject  bool
	tgtMembers []member // set when a pattern or rule picks members directly
	srcMembers []member
	compound   bool // % pattern: code the subject's members with each other
	passive    bool // a passive without by-phrase: the source is unknown
}

// codeGroup codes verb group gi.
func (sc *sentCtx) codeGroup(gi int) {
	s := sc.s
	g := &s.sent.Groups[gi]
	ws := s.sent.Words
	h := g.Head
	if ws[h].Tag != parse.Verb {
		return
	}
	ts, vstart, vend := sc.lookup(h)
	if len(ts) == 0 {
		return
	}
	a := sc.arguments(gi, vend)
	code, matched := sc.matchPatterns(ts, vstart, vend, &a)
	t := ts[0]
	const takes = fLight | fIntent | fRefuse | fThreat | fDemand | fAppeal
	if isNull(code) && (sc.c.opts.DictOnly || t.flags&takes == 0) {
		return
	}
	ev := evInfo{code: code, verb: article.Span{Start: ws[vstart].Start, End: ws[vend-1].End}, patterned: matched}
	if g.Has(parse.Negated) {
		ev.negated = true
	}
	if !sc.c.opts.DictOnly && !t.dict {
		if !sc.modality(gi, t, &ev, &a) || isNull(ev.code) {
			return
		}
		if t.flags&fSym != 0 && a.tgt < 0 && a.src >= 0 && len(s.groups[a.src].members) > 1 {
			a.compound = true
		}
		ev.speech = t.flags&fSpeech != 0
		if t.flags&fDominate != 0 && a.tgt < 0 && a.objUnit >= 0 && sc.eventObject(a.objUnit) {
			// "discussing the release of prisoners": a negotiation about it
			if root(ev.code) == "04" {
				ev.code = "046"
			}
			a.hasObject = false
		}
		if a.tgt < 0 && a.srcUnit >= 0 && s.units[a.srcUnit].pron == "we" && root(ev.code) == "04" {
			// "we are discussing": the speaker and the partner of their talks
			if src := sc.members(a.src); len(src) == 1 {
				if p, ok := s.partners[src[0].code]; ok {
					a.tgtMembers = []member{p}
				}
			}
		}
	}
	sc.emit(&a, ev)
}

// evInfo is an event being built.
type evInfo struct {
	speech    bool
	code      string
	verb      article.Span
	negated   bool
	modal     bool
	patterned bool
}

// arguments finds the default source and target of verb group gi whose
// trigger ends at word vend.
func (sc *sentCtx) arguments(gi, vend int) args {
	s := sc.s
	g := &s.sent.Groups[gi]
	a := args{src: -1, tgt: -1, srcUnit: -1, objUnit: -1}
	subj := sc.subject(gi, 0)
	obj, direct, has := sc.object(gi, vend)
	a.objUnit, a.hasObject = direct, has
	passive := g.Has(parse.Passive)
	if passive && vend < len(s.sent.Words) && s.sent.Words[vend].Low == "to" && !s.sent.Words[g.Head].Cap {
		passive = false // "is committed to", "is opposed to": an adjective
	}
	if passive {
		// the by-phrase is the source; the subject, the target
		by := sc.byAgent(vend)
		switch {
		case by >= 0:
			a.src = s.units[by].grp
			a.srcUnit = by
			if subj >= 0 {
				a.tgt = s.units[subj].grp
			}
			if a.tgt < 0 && obj >= 0 && obj != by {
				a.tgt = s.units[obj].grp
			}
			return a
		case !sc.c.opts.DictOnly:
			if subj >= 0 {
				a.tgt = s.units[subj].grp
			}
			a.passive = true
			return a
		}
	}
	if subj >= 0 {
		a.srcUnit = subj
		a.src = s.units[subj].grp
	}
	if obj >= 0 {
		a.tgt = s.units[obj].grp
	}
	return a
}

// byAgent returns the unit after "by" following the verb, or -1.
func (sc *sentCtx) byAgent(vend int) int {
	ws := sc.s.sent.Words
	for j := vend; j < len(ws) && j < vend+4; j++ {
		if ws[j].Low == "by" && j+1 < len(ws) {
			if u := sc.s.unitAt[j+1]; u >= 0 && sc.s.units[u].grp >= 0 {
				return u
			}
			return -1
		}
		if ws[j].Tag == parse.Punct || ws[j].Tag == parse.Verb {
			return -1
		}
	}
	return -1
}

// subject returns the unit that is the subject of verb group gi, or -1.
func (sc *sentCtx) subject(gi, depth int) int {
	if depth > 4 {
		return -1
	}
	s := sc.s
	ws := s.sent.Words
	g := &s.sent.Groups[gi]
	if g.Has(parse.Infinitive) || g.Has(parse.Gerund) && g.Start > 0 && (ws[g.Start-1].Tag == parse.Prep || ws[g.Start-1].Tag == parse.To) {
		return sc.controller(gi, depth)
	}
	if g.Has(parse.Reduced) && g.Start > 0 {
		if u := s.unitAt[g.Start-1]; u >= 0 {
			if sc.c.opts.DictOnly {
				return u
			}
			return -1 // the noun before a participle is its target
		}
	}
	i := g.Start - 1
	for i >= 0 {
		w := &ws[i]
		switch {
		case w.Tag == parse.Adv:
			i--
			continue
		case w.Low == ")" || w.Low == "]":
			for i >= 0 && ws[i].Low != "(" && ws[i].Low != "[" {
				i--
			}
			i--
			continue
		case s.unitAt[i] >= 0:
			u := s.unitAt[i]
			if s.units[u].grp >= 0 {
				u = sc.groupHeadUnit(u)
				if st := s.units[u].start; st > 1 && ws[st-1].Tag == parse.Prep && ws[st-1].Low != "of" {
					i = st - 2
					continue
				}
				return u
			}
			// a phrase after a preposition ("on Thursday") is not the
			// subject: look before the preposition
			if st := s.units[u].start; st > 0 && ws[st-1].Tag == parse.Prep && st-1 > 0 {
				i = st - 2
				for i >= 0 && (ws[i].Tag == parse.Prep || ws[i].Tag == parse.Adv) {
					i-- // "Washington along with its allies"
				}
				continue
			}
			// "Eriador's death and injury toll": a conjunct with an actor
			if v := sc.coordinatedActor(u); v >= 0 {
				return v
			}
			// "the Hizbollah (Party of God) group": the name before the brackets
			if st := s.units[u].start; st >= 2 && ws[st-1].Low == ")" {
				k := st - 2
				for k >= 0 && ws[k].Low != "(" {
					k--
				}
				if k >= 1 && s.unitAt[k-1] >= 0 && s.units[s.unitAt[k-1]].grp >= 0 {
					return sc.groupHeadUnit(s.unitAt[k-1])
				}
			}
			return u
		case w.Tag == parse.Wh:
			// "X, who …, said": the antecedent
			j := i - 1
			for j >= 0 && ws[j].Low == "," {
				j--
			}
			if j >= 0 && s.unitAt[j] >= 0 {
				u := s.unitAt[j]
				if s.units[u].grp >= 0 {
					u = sc.groupHeadUnit(u)
				}
				if st := s.units[u].start; st > 0 && ws[st-1].Tag == parse.Prep {
					return -1
				}
				return u
			}
			return -1
		case w.Tag == parse.CConj:
			// "condemned X and promised Y": the subject of the first verb
			for k := gi - 1; k >= 0; k-- {
				pg := &s.sent.Groups[k]
				if pg.End <= i && ws[pg.Head].Tag == parse.Verb {
					return sc.subject(k, depth+1)
				}
			}
			return -1
		case w.Low == "," && sc.relativeBefore(i) >= 0:
			// "Zelensky, who visited Poland last week, thanked Macron"
			return sc.relativeBefore(i)
		case w.Low == "," && i > 0 && s.unitAt[i-1] >= 0:
			// "Kenzo Oshima, the UN relief coordinator, demanded"
			u := s.unitAt[i-1]
			st := s.units[u].start
			if st >= 2 && ws[st-1].Low == "," && s.unitAt[st-2] >= 0 {
				v := s.unitAt[st-2]
				if s.units[v].grp >= 0 {
					return sc.groupHeadUnit(v)
				}
				if s.units[u].grp >= 0 {
					return sc.groupHeadUnit(u)
				}
				return v
			}
			return -1
		case w.Tag == parse.Punct:
			if w.Low == "," || isQuote(w.Low) {
				// "…, said Trump" / "…,” said Trump": inverted
				if i == g.Start-1 && g.End < len(ws) && s.unitAt[g.End] >= 0 && reportingVerb(ws[g.Head].Lemma) {
					return s.unitAt[g.End]
				}
			}
			if isQuote(w.Low) {
				i-- // quote marks are transparent: he said “discussed …”
				continue
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// relativeBefore returns, when the comma at i closes a relative clause
// (", who …,"), the unit before the clause; else -1.
func (sc *sentCtx) relativeBefore(i int) int {
	s := sc.s
	ws := s.sent.Words
	for j := i - 1; j > 0 && j > i-20; j-- {
		if ws[j].Low != "," {
			continue
		}
		if j+1 < i && ws[j+1].Tag == parse.Wh && s.unitAt[j-1] >= 0 {
			u := s.unitAt[j-1]
			if s.units[u].grp >= 0 {
				return sc.groupHeadUnit(u)
			}
			return u
		}
		return -1
	}
	return -1
}

// coordinatedActor returns a unit joined to u by "and" or a comma that
// has an actor, or -1.
func (sc *sentCtx) coordinatedActor(u int) int {
	s := sc.s
	ws := s.sent.Words
	if s.units[u].pron != "" {
		return -1
	}
	for v := u - 1; v >= 0; v-- {
		gap := ws[s.units[v].end:s.units[v+1].start]
		if sep := separator(gap); sep == 0 || sep == 1 && v == u-1 && !(len(gap) == 1) {
			return -1
		} else if v == u-1 && sep != 2 {
			return -1
		}
		if s.units[v].grp >= 0 {
			return sc.groupHeadUnit(v)
		}
	}
	return -1
}

// groupHeadUnit returns the first unit of unit u's group.
func (sc *sentCtx) groupHeadUnit(u int) int {
	g := &sc.s.groups[sc.s.units[u].grp]
	if len(g.units) > 0 {
		return g.units[0]
	}
	return u
}

func isQuote(w string) bool {
	switch w {
	case "\"", "”", "“", "'", "’", "‘":
		return true
	}
	return false
}

// controller returns the subject of an infinitive or a gerund after a
// preposition: the object of the verb it depends on ("urged Bree to help",
// "permitted Putin to station") or that verb's subject ("agreed to
// provide", "is about to restore").
func (sc *sentCtx) controller(gi, depth int) int {
	s := sc.s
	ws := s.sent.Words
	g := &s.sent.Groups[gi]
	for k := gi - 1; k >= 0; k-- {
		pg := &s.sent.Groups[k]
		// words between the governing verb and "to"
		between := ws[pg.End:g.Start]
		obj := -1
		ok := true
		for bi, w := range between {
			j := pg.End + bi
			switch {
			case s.unitAt[j] >= 0:
				if obj < 0 {
					obj = s.unitAt[j]
				} else if s.unitAt[j] != obj && s.units[s.unitAt[j]].grp != s.units[obj].grp {
					ok = false
				}
			case w.Tag == parse.Adv || w.Tag == parse.Adj || w.Low == "about" || w.Low == "forward" || w.Low == "in" || w.Low == "order" || w.Tag == parse.CConj || w.Low == ",":
			default:
				ok = false
			}
		}
		if !ok || len(between) > 10 {
			break
		}
		if obj >= 0 && ws[pg.Head].Tag == parse.Verb && !subjectControl(ws[pg.Head].Lemma) {
			return obj
		}
		return sc.subject(k, depth+1)
	}
	// no governing verb: the noun before ("efforts of Eriadori to deal")
	if g.Start > 0 {
		if u := s.unitAt[g.Start-1]; u >= 0 {
			return u
		}
	}
	return -1
}

// subjectControl lists verbs whose own subject, not their object, does
// what the infinitive says ("X promised Y to …").
func subjectControl(lemma string) bool {
	switch lemma {
	case "promise", "vow", "pledge", "threaten", "offer", "agree", "decide", "plan":
		return true
	}
	return false
}

// object returns the unit holding the target of verb group gi (the first
// actor after the verb, in its object or a prepositional phrase), the
// direct object unit (actor or not), and whether the verb has an object.
func (sc *sentCtx) object(gi, vend int) (tgt, direct int, has bool) {
	s := sc.s
	ws := s.sent.Words
	tgt, direct = -1, -1
	dict := sc.c.opts.DictOnly
	speech, topical := false, false
	if !dict && gi >= 0 && gi < len(s.sent.Groups) {
		if ts, _, _ := sc.lookup(s.sent.Groups[gi].Head); len(ts) > 0 {
			speech = ts[0].flags&fSpeech != 0
			topical = ts[0].flags&fDominate != 0
		}
	}
	j := vend
	for j < len(ws) && (ws[j].Tag == parse.Adv || isParticle(ws[j].Low)) {
		j++
	}
	if j < len(ws) && s.unitAt[j] >= 0 {
		direct = s.unitAt[j]
		has = true
	}
	nextGroup := max(gi+1, 0)
	for nextGroup < len(s.sent.Groups) && s.sent.Groups[nextGroup].End <= j {
		nextGroup++
	}
	for ; j < len(ws) && j < vend+maxObjectScan; j++ {
		w := &ws[j]
		if nextGroup < len(s.sent.Groups) && j >= s.sent.Groups[nextGroup].Start {
			ng := &s.sent.Groups[nextGroup]
			if !dict && !speech || ng.Has(parse.Finite) {
				// another clause starts
				if !(speech && tgt < 0 && ng.Start == j && false) {
					return tgt, direct, has
				}
			}
			j = ng.End - 1
			nextGroup++
			continue
		}
		switch {
		case w.Low == ";" || w.Low == ":" || w.Low == "." || w.Low == "?" || w.Low == "!":
			return tgt, direct, has
		case w.Low == "according":
			return tgt, direct, has
		case topical && w.Tag == parse.Prep && topicPrep(w.Low):
			return tgt, direct, has // what the talks were about
		case w.Tag == parse.SConj && !dict && !(speech && w.Low == "that"):
			return tgt, direct, has
		case w.Tag == parse.Wh && !dict:
			return tgt, direct, has
		case w.Low == "," && sc.reportingClause(j+1):
			return tgt, direct, has
		case s.unitAt[j] >= 0:
			u := s.unitAt[j]
			if gr := s.units[u].grp; gr >= 0 && len(s.groups[gr].members) > 0 && (dict || !allAgentOnly(s.groups[gr].members)) {
				return u, direct, has || u == direct
			}
			j = s.units[u].end - 1
		}
	}
	return tgt, direct, has
}

// topicPrep lists prepositions that introduce what talks are about.
func topicPrep(w string) bool {
	switch w {
	case "including", "about", "on", "regarding", "over", "concerning", "of":
		return true
	}
	return false
}

// reportingClause reports whether a sentence-final reporting clause starts
// at word i: a noun phrase then a verb of saying ("a senior official said").
func (sc *sentCtx) reportingClause(i int) bool {
	s := sc.s
	ws := s.sent.Words
	for i < len(ws) && isQuote(ws[i].Low) {
		i++
	}
	if i >= len(ws) || s.unitAt[i] < 0 {
		return false
	}
	j := s.units[s.unitAt[i]].end
	if g := s.units[s.unitAt[i]].grp; g >= 0 {
		j = s.groups[g].end
	}
	for j < len(ws) && ws[j].Tag == parse.Adv {
		j++
	}
	return j < len(ws) && (ws[j].Tag == parse.Verb || ws[j].Tag == parse.Aux) && reportingVerb(ws[j].Lemma)
}

// reportingVerb lists the verbs of reporting that end news sentences.
func reportingVerb(l string) bool {
	switch l {
	case "say", "tell", "report", "add", "announce", "state", "note", "claim", "confirm", "write", "quote", "insist", "explain", "warn", "argue":
		return true
	}
	return false
}

func isParticle(w string) bool {
	switch w {
	case "up", "down", "out", "off", "back", "away":
		return true
	}
	return false
}

// memberList returns the members of group g (nil when g < 0).
func (sc *sentCtx) members(g int) []member {
	if g < 0 || g >= len(sc.s.groups) {
		return nil
	}
	return sc.s.groups[g].members
}

// emit writes the events of a (compound) source and target.
func (sc *sentCtx) emit(a *args, ev evInfo) {
	src := a.srcMembers
	if src == nil {
		src = sc.members(a.src)
		if a.src >= 0 && sc.s.groups[a.src].capital && len(src) == 1 && len(src[0].code) == 3 {
			// "Moscow said": a capital that acts is its government
			m := src[0]
			m.code += "GOV"
			src = []member{m}
		}
	}
	tgt := a.tgtMembers
	if tgt == nil {
		tgt = sc.members(a.tgt)
	}
	code, back, _ := strings.Cut(ev.code, ":")
	if ev.speech && len(src) > 0 && sameMembers(src, tgt) {
		tgt = nil // "Trump said he …": the statement has no other target
		a.hasObject = false
	}
	if a.compound {
		for i := range src {
			for j := range src {
				if i != j {
					sc.add(src[i], src[j], code, ev)
				}
			}
		}
		return
	}
	if len(src) == 0 || !hasCountry(src) {
		if sc.c.opts.DictOnly {
			return
		}
		loc := sc.locationCountry(tgt)
		switch {
		case len(src) > 0 && allAgentOnly(src) && loc != "":
			// "the military government … in Haiti": the country of the
			// place where a bare agent acts
			src = []member{{code: loc + agentPart(src[0].code), country: loc}}
		case len(src) == 0 && a.passive && len(tgt) > 0:
			// "was arrested in Lebanon": a state acts where it arrests,
			// tries or investigates; otherwise the doer is unknown
			if r := root(code); (r == "09" || r == "17") && loc != "" {
				src = []member{{code: loc + "GOV", country: loc}}
			} else {
				src = []member{{}}
			}
		default:
			return
		}
	}
	if !sc.c.opts.DictOnly && len(tgt) > 0 && allAgentOnly(tgt) {
		tgt = nil // a bare "officials" is no target we can code
	}
	if len(tgt) == 0 {
		// With dictionaries alone, as PETRARCH does, a verb whose object
		// names no actor codes nothing; ours reports the event with the
		// target unknown, as GDELT does.
		if sc.c.opts.DictOnly && a.hasObject {
			return
		}
		for _, m := range src {
			sc.add(m, member{}, code, ev)
		}
		return
	}
	for _, m := range src {
		for _, t := range tgt {
			sc.add(m, t, code, ev)
			if back != "" && !isNull(back) {
				sc.add(t, m, back, ev)
			}
		}
	}
}

// eventObject reports whether unit u's head is an event noun ("the
// release of …").
func (sc *sentCtx) eventObject(u int) bool {
	if sc.c.own == nil {
		return false
	}
	h := sc.s.units[u].head
	return len(sc.c.own.nounsOf(h, sc.s.ascii)) > 0 || len(sc.c.own.nounsOf(singular(h), sc.s.ascii)) > 0
}

// hasCountry reports whether a source has a country or actor code beyond
// a bare agent ("officials").
func hasCountry(ms []member) bool {
	for _, m := range ms {
		if !m.agentOnly {
			return true
		}
	}
	return false
}

// peopleNoun lists nouns for people an event can act on without a country.
func peopleNoun(w string) bool {
	switch w {
	case "prisoners", "prisoner", "hostages", "hostage", "detainees", "detainee", "people", "civilians",
		"captives", "inmates", "activists", "protesters", "demonstrators", "journalists", "migrants", "refugees":
		return true
	}
	return false
}

// add appends one event.
func (sc *sentCtx) add(src, tgt member, code string, ev evInfo) {
	if src.code == tgt.code && (src.entity == tgt.entity || src.entity == "" || tgt.entity == "") {
		return
	}
	s := sc.s
	e := article.Event{
		Source: src.code, Target: tgt.code, SourceEntity: src.entity, TargetEntity: tgt.entity,
		Code: code, Base: base(code), Root: root(code), Negated: ev.negated, Modal: ev.modal,
		Verb: sc.doc.Rec.Text[ev.verb.Start:ev.verb.End], VerbSpan: ev.verb, Sentence: sc.si,
	}
	if info := sc.c.codes.info(code); info != nil {
		e.Goldstein = info.goldstein
		e.Plover, e.Mode = info.plover, info.mode
	}
	e.Quad = quad(e.Root)
	conf := 0.5
	if ev.patterned {
		conf += 0.2
	}
	if src.entity != "" {
		conf += 0.1
	}
	if tgt.code != "" {
		conf += 0.1
	}
	if ev.negated || ev.modal {
		conf -= 0.1
	}
	e.Confidence = float64(int(conf*100+0.5)) / 100
	sc.place(&e, src, tgt)
	e.Date = sc.eventDate()
	// s.events are in sentence order (add codes the current sentence
	// only): a duplicate can only be among the last ones, of this
	// sentence; looking further made long documents quadratic.
	for k := len(s.events) - 1; k >= 0 && s.events[k].Sentence == e.Sentence; k-- {
		if x := &s.events[k]; x.Source == e.Source && x.Target == e.Target && x.Code == e.Code {
			return
		}
	}
	s.events = append(s.events, e)
	sc.doc.Rec.Events = append(sc.doc.Rec.Events, e)
	if e.Root == "04" && tgt.code != "" {
		if s.partners == nil {
			s.partners = map[string]member{}
		}
		s.partners[src.code] = tgt
		s.partners[tgt.code] = src
	}
}

// locationCountry returns the country of the place the sentence names
// after in, at or near, other than the target's own.
func (sc *sentCtx) locationCountry(tgt []member) string {
	s := sc.s
	ws := s.sent.Words
	for _, m := range s.ments {
		if m.start == 0 || m.kind == mAgent || len(m.codes) == 0 {
			continue
		}
		switch ws[m.start-1].Low {
		case "in", "at", "near", "throughout", "across", "outside":
		default:
			continue
		}
		c := m.country
		if c == "" && len(m.codes[0]) >= 3 {
			c = m.codes[0][:3]
		}
		if len(tgt) > 0 && tgt[0].country == c && tgt[0].entity == m.entity {
			continue
		}
		return c
	}
	return ""
}

// place sets the event's location: a place named in the sentence after
// in, at, near or outside (one that is not the source or the target
// itself), else the article's dateline.
func (sc *sentCtx) place(e *article.Event, src, tgt member) {
	s := sc.s
	ws := s.sent.Words
	for _, m := range s.ments {
		if m.entity == "" || m.start == 0 || m.entity == src.entity || m.entity == tgt.entity {
			continue
		}
		switch ws[m.start-1].Low {
		case "in", "at", "near", "outside", "inside":
		default:
			continue
		}
		i, ok := s.entityAt(m.entity)
		if !ok {
			continue
		}
		ent := &sc.doc.Rec.Entities[i]
		if ent.Type != article.Place {
			continue
		}
		setPlace(e, ent)
		return
	}
	if s.dateline != nil {
		setPlace(e, s.dateline)
	}
}

func setPlace(e *article.Event, ent *article.Entity) {
	e.Location, e.Country, e.Lat, e.Lon = ent.ID, ent.Country, ent.Lat, ent.Lon
}

// eventDate returns a day named in the sentence (from the date stage),
// else the publication date.
func (sc *sentCtx) eventDate() string {
	// the same for every event of the sentence: worked out once, since a
	// long document has many dates and many events
	if !sc.evDateOK {
		sc.evDate, sc.evDateOK = sc.findEventDate(), true
	}
	return sc.evDate
}

// findEventDate works out eventDate.
func (sc *sentCtx) findEventDate() string {
	span := sc.doc.Sents[sc.si].Span
	for _, d := range sc.doc.Rec.Dates {
		if d.Span.Start >= span.Start && d.Span.End <= span.End && len(d.Value) == 10 && d.Value[4] == '-' && d.Type != "DURATION" {
			return d.Value
		}
	}
	if p := sc.doc.Rec.Published; len(p) >= 10 {
		return p[:10]
	}
	return ""
}

// matchPatterns tries the patterns of the triggers and returns the code
// of the best (the one with most elements; the first on a tie), binding
// $, + and % into a; with no match, the trigger's own code or its block's.
func (sc *sentCtx) matchPatterns(ts []*trigger, vstart, vend int, a *args) (string, bool) {
	var best *petrarch.Pattern
	var bestB binding
	bestN := -1
	for _, t := range ts {
		if t.block == nil {
			continue
		}
		for pi := range t.block.patterns {
			p := &t.block.patterns[pi]
			if len(p.Elems)-1 <= bestN {
				continue
			}
			var b binding
			if sc.matchPattern(p, vstart, vend, &b, t) {
				best, bestB, bestN = p, b, len(p.Elems)-1
			}
		}
	}
	if best != nil {
		if bestB.src >= 0 {
			a.src = bestB.src
		}
		if bestB.tgt >= 0 {
			a.tgt = bestB.tgt
			if a.src == a.tgt {
				a.src = -1
			}
		}
		if bestB.tgt >= 0 && bestB.src < 0 && a.src == bestB.tgt {
			a.src = -1
		}
		if bestB.tgt >= 0 && bestB.src < 0 && a.src < 0 {
			// the pattern took the subject as target: the source is the
			// subject of the clause above ("X noted that + regretted")
			a.src = sc.upperSubject(vstart, bestB.tgt)
		}
		if bestB.comp >= 0 {
			a.src = bestB.comp
			a.compound = true
		}
		if bestB.tgt < 0 && bestB.end > vend && a.tgt < 0 {
			// the target comes after the words the pattern matched
			a.tgt = -1
			if u, _, _ := sc.object(sc.groupOfHead(vstart), bestB.end); u >= 0 {
				a.tgt = sc.s.units[u].grp
			}
		}
		if bestB.src >= 0 && bestB.tgt < 0 && a.tgt == bestB.src {
			a.tgt = -1
			if a.srcUnit >= 0 && sc.s.units[a.srcUnit].grp >= 0 && sc.s.units[a.srcUnit].grp != bestB.src {
				a.tgt = sc.s.units[a.srcUnit].grp
			}
		}
		return best.Code, true
	}
	for _, t := range ts {
		if !isNull(t.code) {
			return t.code, false
		}
	}
	for _, t := range ts {
		if t.block != nil && !isNull(t.block.code) {
			return t.block.code, false
		}
	}
	return "", false
}

// groupOfHead returns the verb group whose words include i.
func (sc *sentCtx) groupOfHead(i int) int {
	for gi, g := range sc.s.sent.Groups {
		if i >= g.Start && i < g.End {
			return gi
		}
	}
	return -1
}

// upperSubject returns the first actor group of the sentence before word
// i other than skip, or -1.
func (sc *sentCtx) upperSubject(i, skip int) int {
	for _, u := range sc.s.units {
		if u.start >= i {
			break
		}
		if u.grp >= 0 && u.grp != skip && len(sc.s.groups[u.grp].members) > 0 {
			return u.grp
		}
	}
	return -1
}

package event

import (
	"newsgraph/internal/article"
	"newsgraph/internal/parse"
)

// futureModal lists modals that announce what the subject will do.
func futureModal(m string) bool {
	switch m {
	case "will", "would", "shall", "'ll", "wo":
		return true
	}
	return false
}

// coop reports cooperative roots (03-08), whose refusal is a rejection and
// whose announcement is an intent.
func coop(r string) bool { return r >= "03" && r <= "08" }

// conflict reports material conflict roots and reductions of relations
// (14-20, 16, 17), whose announcement is a threat.
func conflict(r string) bool { return r >= "14" && r <= "20" }

// modality applies our rules for mood to an event of our lexicon: verbs
// that take another event ("threatened to attack", "agreed to release",
// "urged X to release", "called for the release of"), the future ("will
// attack"), speculation ("could attack": dropped), negation, and claims
// that are not asserted as fact ("denied that it attacked"). It reports
// false when the event is not to be coded.
func (sc *sentCtx) modality(gi int, t *trigger, ev *evInfo, a *args) bool {
	s := sc.s
	g := &s.sent.Groups[gi]
	ws := s.sent.Words
	if sc.underNonFactive(gi) {
		return false
	}
	kind := byte(0)
	switch {
	case t.flags&fThreat != 0:
		kind = 't'
	case t.flags&fRefuse != 0:
		kind = 'r'
	case t.flags&fIntent != 0:
		kind = 'i'
	case t.flags&fDemand != 0:
		kind = 'd'
	case t.flags&fAppeal != 0:
		kind = 'a'
	}
	if kind != 0 || t.flags&fLight != 0 {
		if code, tgt, ok := sc.complement(gi, a, t.flags&fLight != 0); ok {
			if t.flags&fLight != 0 {
				ev.code = code
			} else if x := sc.transform(code, kind); x != "" {
				ev.code = x
			}
			if obj := sc.objectBefore(gi); obj >= 0 && (kind == 'd' || kind == 'a' || t.flags&fLight != 0) {
				a.tgt = obj // "urged Bree to help", "permitted Putin to station troops"
			} else if tgt >= 0 || a.tgt < 0 || t.flags&fLight != 0 {
				a.tgt = tgt // a light verb's target is its noun's: "held talks in Moscow" has none
			}
			if sc.symNoun && a.tgt < 0 && a.src >= 0 && len(s.groups[a.src].members) > 1 {
				a.compound = true // "Putin and Xi held talks"
			}
		} else if tgt >= 0 {
			a.tgt = tgt // "demanded that the United States match …"
		}
	}
	// "is ready/willing/prepared to X"
	if g.Has(parse.Infinitive) && g.Start >= 1 && readyAdj(ws[g.Start-1].Low) {
		if x := sc.transform(ev.code, 'i'); x != "" {
			ev.code = x
		} else {
			ev.modal = true
		}
	}
	r := root(ev.code)
	if (g.Modal != "" && futureModal(g.Modal) || goingTo(ws, g)) && !coop(r) && r != "04" && sc.conditionAfter(g.End) {
		// "will withdraw its force unless …", "will boycott the elections
		// unless …": a conditional announcement is a threat
		if x := sc.c.codes.transform(ev.code, 't'); x != "" {
			ev.code = x
		} else {
			ev.code = "130"
		}
		return true
	}
	switch {
	case g.Modal != "" && futureModal(g.Modal) || goingTo(ws, g):
		switch {
		case ev.negated && coop(r):
			if x := sc.c.codes.transform(ev.code, 'r'); x != "" {
				ev.code, ev.negated = x, false
			}
		case ev.negated:
		case coop(r) || r == "04":
			if x := sc.c.codes.transform(ev.code, 'i'); x != "" {
				ev.code = x
			}
		case conflict(r) && r != "16" || r == "17":
			// an announced sanction (16) is the sanction; an announced
			// attack is a threat
			if x := sc.c.codes.transform(ev.code, 't'); x != "" {
				ev.code = x
			}
		default:
			ev.modal = true
		}
	case g.Modal == "must" || g.Modal == "should" || mustHave(ws, g):
		// "Russia said Sudan must return the helicopter": a demand of the
		// speaker's
		sp := sc.speechAbove(gi)
		if sp < 0 {
			return false
		}
		if x := sc.c.codes.transform(ev.code, 'd'); x != "" {
			ev.code = x
		} else {
			ev.code = "100"
		}
		if subj := sc.subject(gi, 0); subj >= 0 && s.units[subj].grp >= 0 {
			a.tgt = s.units[subj].grp
		}
		if su := sc.subject(sp, 0); su >= 0 {
			a.src = s.units[su].grp
		}
		a.srcMembers = nil
	case g.Modal != "":
		return false // can, could, may, might: not an event
	}
	// a verb whose subject is in a conditional clause ("if X attacks")
	if g.Start > 0 {
		for j := g.Start - 1; j >= 0 && j >= g.Start-6; j-- {
			if l := ws[j].Low; (l == "if" || l == "unless" || l == "whether") && ws[j].Tag != parse.Punct {
				return false
			}
			if ws[j].Tag == parse.Punct || ws[j].Tag == parse.Verb {
				break
			}
		}
	}
	return true
}

// transform returns the code for intending (i), refusing (r), threatening
// (t), demanding (d) or appealing for (a) code; an intent to use force is
// a threat.
func (sc *sentCtx) transform(code string, kind byte) string {
	x := sc.c.codes.transform(code, kind)
	if x == "" && kind == 'i' {
		x = sc.c.codes.transform(code, 't')
	}
	return x
}

// mustHave reports "has to" / "have to" before an infinitive group.
func mustHave(ws []parse.Word, g *parse.Group) bool {
	return g.Has(parse.Infinitive) && g.Start >= 1 && ws[g.Start-1].Lemma == "have"
}

// speechAbove returns the verb group of saying whose complement holds
// group gi, or -1.
func (sc *sentCtx) speechAbove(gi int) int {
	for k := gi - 1; k >= 0; k-- {
		pg := &sc.s.sent.Groups[k]
		if sc.s.sent.Words[pg.Head].Tag != parse.Verb {
			continue
		}
		if ts, _, _ := sc.lookup(pg.Head); len(ts) > 0 && ts[0].flags&fSpeech != 0 {
			return k
		}
	}
	return -1
}

// conditionAfter reports "unless" or "if" later in the clause after word i.
func (sc *sentCtx) conditionAfter(i int) bool {
	ws := sc.s.sent.Words
	for j := i; j < len(ws) && j < i+20; j++ {
		switch ws[j].Low {
		case "unless", "if":
			return true
		case ";", ".":
			return false
		}
	}
	return false
}

func readyAdj(w string) bool {
	switch w {
	case "ready", "willing", "prepared", "determined", "eager", "set", "poised":
		return true
	}
	return false
}

// goingTo reports "is going to" before an infinitive group.
func goingTo(ws []parse.Word, g *parse.Group) bool {
	return g.Has(parse.Infinitive) && g.Start >= 1 && ws[g.Start-1].Low == "going"
}

// underNonFactive reports whether group gi is in the complement of a verb
// that does not assert it (deny, allege, accuse, fear, …) earlier in the
// sentence.
func (sc *sentCtx) underNonFactive(gi int) bool {
	s := sc.s
	for k := gi - 1; k >= 0; k-- {
		pg := &s.sent.Groups[k]
		if s.sent.Words[pg.Head].Tag != parse.Verb {
			continue
		}
		ts, _, _ := sc.lookup(pg.Head)
		if len(ts) > 0 && ts[0].flags&fNonFactive != 0 {
			return true
		}
	}
	return false
}

// complement finds the event a catenative or light verb at group gi takes:
// an infinitive or gerund group right after it (an object may come
// between: "urged Bree to help"), or an event noun as its object
// ("threatened sanctions against", "called for the release of",
// "launched an attack on"). It returns the event's code and target unit
// group, and marks a verb complement as handled.
func (sc *sentCtx) complement(gi int, a *args, light bool) (code string, tgt int, ok bool) {
	s := sc.s
	ws := s.sent.Words
	g := &s.sent.Groups[gi]
	tgt = -1
	// an event noun as object comes first for light verbs ("issued an
	// ultimatum to Ecuador to halt attacks")
	if light {
		if c, t, found := sc.nounObject(g.End); found {
			return c, t, true
		}
	}
	// a verb complement: to + verb, or an -ing form after to, on, of
	if gi+1 < len(s.sent.Groups) {
		ng := &s.sent.Groups[gi+1]
		between := ng.Start - g.End
		comp := ng.Has(parse.Infinitive) || ng.Has(parse.Gerund) && ng.Start > 0 && (ws[ng.Start-1].Low == "to" || ws[ng.Start-1].Low == "on" || ws[ng.Start-1].Low == "of")
		thatClause := !comp && between >= 1 && between <= 8 && (ws[g.End].Low == "that" || ws[g.End].Tag == parse.Propn || ws[g.End].Tag == parse.Det) && ng.Has(parse.Finite)
		if (comp || thatClause && (sc.takesClause(gi))) && between <= 8 && ws[ng.Head].Tag == parse.Verb {
			ts, vs, ve := sc.lookup(ng.Head)
			if len(ts) > 0 {
				na := sc.arguments(gi+1, ve)
				c, _ := sc.matchPatterns(ts, vs, ve, &na)
				if !isNull(c) {
					s.handled[gi+1] = true
					if thatClause && na.src >= 0 {
						// "demanded that Hamas renounce": Hamas is the target
						return c, na.src, true
					}
					return c, na.tgt, true
				}
			}
			s.handled[gi+1] = true
			if thatClause {
				if u := sc.subject(gi+1, 0); u >= 0 && s.units[u].grp >= 0 {
					return "", s.units[u].grp, false
				}
			}
			return "", -1, false
		}
	}
	if !light {
		return sc.nounObject(g.End)
	}
	return "", -1, false
}

// takesClause reports verbs of demanding and appealing whose that-clause
// says what they want done.
func (sc *sentCtx) takesClause(gi int) bool {
	ts, _, _ := sc.lookup(sc.s.sent.Groups[gi].Head)
	return len(ts) > 0 && ts[0].flags&(fDemand|fAppeal) != 0
}

// nounObject finds an event noun in the first units after word j (the
// object of a verb, possibly a list: "launched artillery, mortar and
// rocket fire against …") and codes it.
func (sc *sentCtx) nounObject(j int) (string, int, bool) {
	s := sc.s
	ws := s.sent.Words
	for j < len(ws) && (ws[j].Tag == parse.Adv || ws[j].Low == "for" || ws[j].Low == "on" || ws[j].Low == "out") {
		j++
	}
	for n := 0; n < 3 && j < len(ws) && s.unitAt[j] >= 0; n++ {
		u := &s.units[s.unitAt[j]]
		for k := u.end - 1; k >= u.start; k-- {
			if ws[k].Tag != parse.Noun {
				continue
			}
			if c, t, found := sc.codeNoun(k); found {
				return c, t, true
			}
		}
		j = u.end
		if j < len(ws) && (ws[j].Low == "," || ws[j].Low == "and" || ws[j].Low == "or") {
			j++
			if j < len(ws) && (ws[j].Low == "and" || ws[j].Low == "or") {
				j++
			}
			continue
		}
		break
	}
	return "", -1, false
}

// objectBefore returns the actor group between group gi and the
// infinitive after it ("permitted Putin to"), or -1.
func (sc *sentCtx) objectBefore(gi int) int {
	s := sc.s
	if gi+1 >= len(s.sent.Groups) {
		return -1
	}
	g, ng := &s.sent.Groups[gi], &s.sent.Groups[gi+1]
	if !ng.Has(parse.Infinitive) {
		return -1
	}
	for j := g.End; j < ng.Start; j++ {
		if u := s.unitAt[j]; u >= 0 && s.units[u].grp >= 0 {
			return s.units[u].grp
		}
	}
	return -1
}

// codeNoun codes the event noun at word k with its patterns ("attack on
// +"): it returns the code and the target group.
func (sc *sentCtx) codeNoun(k int) (string, int, bool) {
	if sc.c.own == nil {
		return "", -1, false
	}
	ws := sc.s.sent.Words
	w := &ws[k]
	ts := sc.c.own.nounsOf(w.Low, sc.s.ascii)
	if len(ts) == 0 && w.Lemma != "" {
		ts = sc.c.own.nounsOf(w.Lemma, sc.s.ascii)
	}
	if len(ts) == 0 {
		ts = sc.c.own.nounsOf(singular(w.Low), sc.s.ascii)
	}
	if len(ts) == 0 {
		return "", -1, false
	}
	a := args{src: -1, tgt: -1, srcUnit: -1, objUnit: -1}
	code, matched := sc.matchPatterns(ts, k, k+1, &a)
	if isNull(code) {
		return "", -1, false
	}
	sc.symNoun = ts[0].flags&fSym != 0
	if !matched || a.tgt < 0 {
		a.tgt = sc.nounTarget(k)
	}
	return code, a.tgt, true
}

// nounTarget returns the first actor group in the prepositional phrases
// after an event noun (on, against, with, to, of, at, into).
func (sc *sentCtx) nounTarget(k int) int {
	s := sc.s
	ws := s.sent.Words
	for j := k + 1; j < len(ws) && j < k+8; j++ {
		switch ws[j].Low {
		case "on", "against", "with", "to", "of", "at", "into", "between", "from":
			if j+1 < len(ws) {
				u := s.unitAt[j+1]
				if u < 0 && j+2 < len(ws) {
					u = s.unitAt[j+2]
				}
				if u >= 0 && s.units[u].grp >= 0 {
					return s.units[u].grp
				}
			}
		}
		if ws[j].Tag == parse.Verb || ws[j].Tag == parse.Punct || ws[j].Tag == parse.SConj {
			break
		}
	}
	return -1
}

// singular strips a regular plural.
func singular(w string) string {
	n := len(w)
	switch {
	case n > 4 && w[n-3:] == "ies":
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && w[n-2] != 's':
		return w[:n-1]
	}
	return w
}

// codeNouns codes event nouns that no verb took: "Russia's attack on
// Ukraine", "an attack by X on Y", and "thank X for the release of Y"
// (X released Y). Nouns in the object of a coded verb ("discussed the
// release") and nouns marked as unreal ("future releases", "a possible
// attack") are skipped.
func (sc *sentCtx) codeNouns() {
	s := sc.s
	ws := s.sent.Words
	for k := range ws {
		if ws[k].Tag != parse.Noun {
			continue
		}
		if sc.dominated(k) {
			continue
		}
		code, tgt, ok := sc.codeNoun(k)
		if !ok {
			continue
		}
		if k > 0 && unrealAdj(ws[k-1].Low) {
			continue
		}
		src := sc.nounSource(k)
		if src < 0 {
			continue
		}
		a := args{src: src, tgt: tgt, srcUnit: -1, objUnit: -1}
		if tgt < 0 {
			// "the release of 16 prisoners": people without a country
			if j := k + 2; j < len(ws) && ws[k+1].Low == "of" {
				if u := s.unitAt[j]; u >= 0 && peopleNoun(s.units[u].head) {
					a.objUnit = u
				}
			}
			a.hasObject = a.objUnit < 0 && nounHasObject(ws, k)
		}
		ev := evInfo{code: code, verb: spanOf(ws, k, k+1)}
		sc.emit(&a, ev)
	}
}

func nounHasObject(ws []parse.Word, k int) bool {
	return k+1 < len(ws) && (ws[k+1].Low == "of" || ws[k+1].Low == "on" || ws[k+1].Low == "against")
}

func spanOf(ws []parse.Word, i, j int) article.Span {
	return article.Span{Start: ws[i].Start, End: ws[j-1].End}
}

func unrealAdj(w string) bool {
	switch w {
	case "future", "possible", "potential", "planned", "proposed", "further", "alleged", "new":
		return true
	}
	return false
}

// dominated reports whether word k lies in the object of a verb group
// whose trigger is in our lexicon (its topic, not a separate event), or
// in a verb group's complement already coded.
func (sc *sentCtx) dominated(k int) bool {
	s := sc.s
	ws := s.sent.Words
	for gi := range s.sent.Groups {
		g := &s.sent.Groups[gi]
		if g.End > k || ws[g.Head].Tag != parse.Verb {
			continue
		}
		ts, _, _ := sc.lookup(g.Head)
		if len(ts) == 0 {
			continue
		}
		// the object runs from the verb to the next verb group
		next := len(ws)
		if gi+1 < len(s.sent.Groups) {
			next = s.sent.Groups[gi+1].Start
		}
		if k < next && k-g.End <= 15 {
			if ts[0].flags&fCredit != 0 {
				return false
			}
			return true
		}
	}
	return false
}

// nounSource finds who did the event named by the noun at k: a
// possessive in its noun phrase ("Russia's attack"), a by-phrase after it
// ("an attack by Osgiliath soldiers"), or the object of a crediting verb
// ("thanked him for the release of").
func (sc *sentCtx) nounSource(k int) int {
	s := sc.s
	ws := s.sent.Words
	if u := s.unitAt[k]; u >= 0 && s.units[u].grp >= 0 {
		// "Russia's attack", "Palestinian riots", "two Israeli air raids":
		// the actor named in the noun's own phrase, before it
		for _, m := range s.ments {
			if m.kind != mAgent && len(m.codes) > 0 && m.start >= s.units[u].start && m.end <= k {
				return s.units[u].grp
			}
		}
	}
	for j := k + 1; j < len(ws) && j < k+8; j++ {
		if ws[j].Low == "by" && j+1 < len(ws) {
			if u := s.unitAt[j+1]; u >= 0 && s.units[u].grp >= 0 {
				return s.units[u].grp
			}
		}
		if ws[j].Tag == parse.Verb || ws[j].Tag == parse.Punct {
			break
		}
	}
	// "thank X for the release"
	j := k - 1
	for j >= 0 && s.unitAt[j] >= 0 && s.unitAt[j] == s.unitAt[k] {
		j--
	}
	if j >= 1 && ws[j].Low == "for" && s.unitAt[j-1] >= 0 {
		u := s.unitAt[j-1]
		v := s.units[u].start - 1
		if v >= 0 && ws[v].Tag == parse.Verb {
			ts, _, _ := sc.lookup(v)
			if len(ts) > 0 && ts[0].flags&fCredit != 0 && s.units[u].grp >= 0 {
				return s.units[u].grp
			}
		}
	}
	return -1
}

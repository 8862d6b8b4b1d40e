package quote

import (
	"bytes"
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// piece is a stretch of content: tokens [a, b). reg is the quote region
// it is exactly, or -1 for reported words (which may hold quote regions:
// partial quotes).
type piece struct{ a, b, reg int }

// rel is one attribution relation: a cue, its source and its content.
type rel struct {
	cue, cueEnd   int // cue tokens; cue < 0 for a quote that continues another relation
	c             *cue
	form          uint8
	subj, subjEnd int // source tokens; subj < 0 when none
	tagStart      int // first token of the tag (source and cue)
	tagEnd        int // token after the tag
	pieces        [4]piece
	n             int
	from          int // the relation whose source and cue this one shares, or -1
}

func (l *rel) add(p piece) {
	if l.n < len(l.pieces) && p.b > p.a {
		l.pieces[l.n] = p
		l.n++
	}
}

func (l *rel) start() int {
	if l.n == 0 {
		return l.cue
	}
	return l.pieces[0].a
}

// findCues looks at every cue word or phrase outside quotation marks and
// keeps those that have a source and a content.
func (r *run) findCues() {
	for i := 0; i < len(r.toks); i++ {
		in := r.infos[i]
		if in == nil || r.inQ[i] != 0 {
			continue
		}
		if len(in.phrases) > 0 {
			if end, p := r.matchPhrase(i, in.phrases); p != nil {
				if p.cue != nil {
					r.analyze(i, end, p.cue, p.form)
				}
				i = end - 1
				continue
			}
		}
		if in.cue != nil {
			if in.cue.kind == kindAccording && in.cue.lemma == "in" {
				if si := r.sent[i]; si < 0 || i > r.sf[si]+1 {
					continue // "in" names a source only opening a sentence
				}
			}
			r.analyze(i, i+1, in.cue, in.form)
		}
	}
	r.headlines()
	r.trim()
}

// labels are the heads of section labels that a colon follows in
// headlines and page furniture ("Update:", "Breaking News:"), not
// speakers.
var sectionLabels = map[string]bool{
	"news": true, "note": true, "update": true, "updates": true, "correction": true, "related": true, "watch": true,
	"video": true, "videos": true, "photos": true, "photo": true, "analysis": true, "opinion": true, "editorial": true,
	"exclusive": true, "breaking": true, "live": true, "read": true, "more": true, "sign": true, "subscribe": true,
	"follow": true, "advertisement": true, "listen": true, "podcast": true, "review": true, "interview": true,
	"transcript": true, "timeline": true, "explainer": true, "factbox": true, "fact": true, "check": true, "quiz": true,
	"notice": true, "email": true, "e-mail": true, "phone": true, "contact": true, "credit": true, "credits": true,
}

// headlines finds headline attributions: a paragraph that opens with a
// name and a colon ("Sanders: Clinton email story has moved", "Poll: Trump
// a turnoff for Latino voters"), as newspapers title what someone said.
// The name is the source, the colon the cue, the rest of the sentence
// the content.
func (r *run) headlines() {
	for si := range r.sf {
		sf, sl := r.sf[si], r.sl[si]
		if sf >= sl || !r.para[sf] {
			continue
		}
		a := sf
		// "EXCLUSIVE – Roger Stone: …"
		for i := sf; i < sl && i-sf < 4; i++ {
			if r.dash(i) || r.is(i, "-") {
				a = i + 1
				break
			}
		}
		c := -1
		for i := a; i < sl && i-a < 9; i++ {
			if r.is(i, ":") {
				c = i
				break
			}
		}
		if c <= a || c+3 >= sl || r.regionAt(c+1) >= 0 || r.inQ[c] != 0 {
			continue
		}
		b, ok := r.headlineName(a, c)
		if !ok {
			continue
		}
		l := rel{cue: c, cueEnd: c + 1, c: colonCue, subj: a, subjEnd: b, from: -1, tagStart: a, tagEnd: c + 1}
		if e := r.trimEnd(c+1, sl); e > c+1 {
			l.add(piece{c + 1, e, -1})
		}
		if l.n > 0 {
			r.push(l)
		}
	}
}

// headlineName reports whether tokens [a, c) before a headline's colon
// name a source, and returns the end of the name: capitalised words
// (with "of", "at", "the" between), perhaps followed by "to" and the
// listener ("Clinton to Planned Parenthood"). One word must be a source
// noun ("Poll") or a name the entities know; several must not be a
// section label ("Breaking News").
func (r *run) headlineName(a, c int) (int, bool) {
	b := c
	words := 0
	for i := a; i < c; i++ {
		switch {
		case r.isWord(i, "to") && i > a:
			if b == c {
				b = i
			}
		case r.toks[i].Kind == article.Word && (r.toks[i].Is(article.Cap) || r.toks[i].Is(article.AllCaps)) && r.infos[i] != possInfo:
			words++
			if in := r.infos[i]; in != nil && in.class&(clPron|clAux|clRel|clConj|clPrep|clAdv|clVerbish) != 0 && !r.isWord(i, "of") && !r.isWord(i, "and") {
				return 0, false // "It:", "Fix Is In:", "Just In:"
			}
			if w := strings.ToLower(r.word(i)); len(w) > 4 && strings.HasSuffix(w, "ed") {
				return 0, false // "Just Leaked:"
			}
		case i > a && r.lowerWord(i) && r.infos[i] != nil && r.infos[i].src != 0:
			// "Clinton camp:", "Trump aides:"
		case r.possessive(i), r.isWord(i, "of"), r.isWord(i, "at"), r.isWord(i, "the"), r.is(i, "("), r.is(i, ")"), r.is(i, "."), r.is(i, "-"):
		default:
			return 0, false
		}
	}
	last := strings.ToLower(r.word(b - 1))
	if words == 0 || sectionLabels[last] || sectionLabels[strings.ToLower(r.word(a))] {
		return 0, false
	}
	if b-a == 1 {
		in := r.infos[a]
		if !(in != nil && in.src != 0) && r.entityAt(r.span(a, b)) < 0 {
			return 0, false
		}
	}
	return b, true
}

// matchPhrase returns the longest phrase of ps that starts at token i.
func (r *run) matchPhrase(i int, ps []phrase) (int, *phrase) {
next:
	for k := range ps {
		p := &ps[k]
		for j, w := range p.words[1:] {
			if !r.isWord(i+1+j, w) || r.inQ[i+1+j] != 0 {
				continue next
			}
		}
		return i + len(p.words), p
	}
	return 0, nil
}

// What follows a tag once adjuncts are skipped.
const (
	afterNone   = iota // nothing usable
	afterEnd           // the sentence ends
	afterComma         // a comma and more words
	afterColon         // a colon
	afterQuote         // an opening quotation mark
	afterThat          // "that"
	afterTo            // "to" (an infinitive)
	afterClause        // words that may start a clause
)

// analyze decides whether the cue at tokens [ci, ce) heads a relation and
// records it.
func (r *run) analyze(ci, ce int, c *cue, form uint8) {
	sf, sl := r.sentBounds(ci)
	if c.kind == kindAccording && c.lemma == "in" && ci > sf+1 {
		return // "in" names a source only opening a sentence
	}
	if r.toks[ci].Is(article.Cap) && ci > sf && !r.opener(ci-1) && !r.titleCase(sf, sl) {
		return // "the United States", "Islamic State": a name, not a verb
	}
	if c.kind == kindAccording {
		if c.lemma == "in" && (ci > sf && !(ci == sf+1 && r.class(sf, clConj)) || !r.surveyAfter(ce, sl)) {
			return // "In a CNN poll released Monday, …" opening a sentence
		}
		r.according(ci, ce, c, sf, sl)
		return
	}
	if c.flags&flagNominal != 0 {
		r.nominal(ci, ce, c, sf, sl)
		return
	}
	if c.flags&flagNoun != 0 && r.nounUse(ci, form) {
		return
	}
	if c.flags&flagRaise != 0 && form != formIng || c.flags&flagPassive != 0 && form == formPast && r.passive(ci) {
		r.raising(ci, ce, c, sf, sl) // "X appears to", "X is expected to": no source
		return
	}
	if c.lemma == "know" && form == formPast && r.isWord(ce, "as") && !r.passive(ci) {
		r.naming(ci, ce+1, c, sf, sl) // "the Old City, once known as the “capital of the revolution”"
		return
	}
	if (c.lemma == "call" || c.flags&flagNaming != 0) && form == formPast && !r.passive(ci) && r.namingUse(ci, sf) {
		r.naming(ci, ce, c, sf, sl) // "a series, called “Quick Question”", "a PAC called Our Principles"
		return
	}
	if c.flags&flagNaming != 0 || c.lemma == "know" && form == formPast && !r.passive(ci) {
		return // "known online as …": a description, not a statement
	}
	if c.lemma == "ask" && form == formPast && (r.passive(ci) || ci == sf || r.isWord(ci-1, "when") || r.isWord(ci-1, "if")) {
		r.asked(ci, ce, c, sl) // "Asked whether …, he said": the question, no source
		return
	}
	adj := c.flags&flagAdj != 0
	if adj && !r.beBefore(ci, sf) {
		return
	}
	if form == formBase && !adj && !r.baseVerb(ci, sf) {
		return
	}
	if form == formPast && !adj && r.passive(ci) {
		if c.kind != kindThought || !(r.isWord(ce, "that") || r.isWord(ce, "about")) {
			return // "he was told", "were cited": the subject is not the source
		}
		adj = true // "is worried that", "was convinced that": a state of mind
	}
	// "had little to say", "declined to say": an infinitive takes its
	// content after it, never before.
	infinitive := form == formBase && r.isWord(ci-1, "to")
	l := rel{cue: ci, cueEnd: ce, c: c, form: form, subj: -1, from: -1, tagStart: ci, tagEnd: ce}
	participle := false
	if form == formIng && (r.isWord(ci-1, "for") || r.isWord(ci-1, "of")) {
		return // "slammed Obama for suggesting that …": the reason given, part of another relation
	}
	if form == formIng && !r.class(ci-1, clAux|clPron) && !r.isWord(ci-1, "to") {
		// "…, saying", "while saying": the main clause's subject; but
		// "footage of Trump saying": the noun phrase right before.
		participle = true
		if !r.is(ci-1, ",") && !r.dash(ci-1) && !r.class(ci-1, clConj|clPrep) {
			if a, b, ok := r.subjectBefore(ci-1, sf); ok && r.personLike(a, b) {
				participle = false
			}
		}
	}
	inverted := false
	wh := -1 // the object pronoun of "what X called …"
	switch {
	case participle:
		if a, b, ok := r.andSubject(ci, sf); ok {
			// "…, and the ACLU has sued the city, saying …"
			l.subj, l.subjEnd = a, b
			break
		}
		l.from = r.mainClause(ci, sf)
		if l.from < 0 && ci == sf && !r.is(ci+1, ",") {
			// "Citing “obligations in Tennessee,” the spokeswoman told …":
			// the subject of the clause after the participle's phrase
			for i := ci + 1; i < sl && i-ci < 25; i++ {
				if g := r.regionAt(i); g >= 0 {
					if r.quoteComma(r.regionEnd(&r.regions[g]) - 1) {
						i = r.regionEnd(&r.regions[g]) - 1
					} else {
						i = max(i, r.regionEnd(&r.regions[g])-1)
						continue
					}
				} else if !r.is(i, ",") {
					continue
				}
				if a, b, ok := r.npAfter(i+1, sl); ok && r.personLike(a, b) {
					l.subj, l.subjEnd = a, b
				}
				break
			}
			if l.subj < 0 {
				return
			}
		}
		if l.from < 0 && l.subj < 0 && ci == sf && len(r.rels) > 0 {
			// "Adding, “…”" opening a sentence: the last speaker
			if k := len(r.rels) - 1; r.rels[k].subj >= 0 && r.sent[r.rels[k].cue] == r.sent[ci]-1 {
				l.from = k
			}
		}
		if l.from < 0 && l.subj < 0 {
			a, b, ok := r.sentenceSubject(sf, ci)
			if !ok {
				return
			}
			l.subj, l.subjEnd = a, b
		}
	default:
		j := r.skipBack(ci-1, sf)
		if j < ci-1 && r.isWord(j+1, "going") || r.is(j, ",") && r.isWord(ci-1, "to") {
			// "…, going on to say that": the main clause's subject
			if l.from = r.mainClause(ci, sf); l.from >= 0 {
				participle = true
				break
			}
			if a, b, ok := r.sentenceSubject(sf, j); ok {
				l.subj, l.subjEnd, participle = a, b, true
				break
			}
		}
		if a, b, ok := r.subjectBefore(j, sf); ok {
			l.subj, l.subjEnd, l.tagStart = a, b, a
			if r.isWord(a-1, "as") && a-1 > sf && r.boundary(a-2, sf) {
				l.tagStart = a - 1 // “…,” as Sanders put it, “…”
			}
			if (r.isWord(a-1, "what") || r.isWord(a-1, "whom")) && (form == formPast || form == formPres) {
				wh = a - 1 // "what Sroka called a … approach", "whom he described as …"
			}
			break
		}
		if (r.is(j, ",") || r.quoteComma(j)) && (form == formPast || form == formPres) && j == ci-1 {
			// "Clinton supports “pay raises,” opposes “pay freezes”": a
			// list of the subject's verbs
			if l.from = r.mainClause(ci, sf); l.from >= 0 {
				participle = true
				break
			}
		}
		if (r.isWord(j, "and") || r.isWord(j, "but")) && j > sf {
			// "X has encouraged … but has said …": the subject of the
			// sentence, or of the cue before.
			if l.from = r.mainClause(ci, sf); l.from >= 0 {
				participle = true
				break
			}
			if a, b, ok := r.sentenceSubject(sf, j); ok {
				l.subj, l.subjEnd = a, b
				break
			}
		}
		if form != formPast && form != formPres || !r.boundary(ci-1, sf) && ci != sf {
			return
		}
		a, b, ok := r.npAfter(ce, sl)
		if !ok || r.predicate(b) && !r.isWord(b+1, "as") && !r.isWord(b+1, "by") {
			return // "…, said the candidate could win": not a tag; but "said the chief known as Bob"
		}
		l.subj, l.subjEnd, l.tagEnd = a, b, b
		inverted = true
	}

	back := -1 // the token before the tag's comma or quote: the content ends there
	if !participle && !infinitive && r.boundary(l.tagStart-1, sf) {
		back = l.tagStart - 1
		if c.kind == kindThought && r.backRegion(back) < 0 {
			back = -1 // "…, I believe" is rare; "“…?” he wondered" is not
		}
	}
	k, what := r.afterTag(l.tagEnd, sl, c, inverted)
	if c.kind == kindStance && (r.particle(k) || r.particle(k+1)) {
		return // "backed down", "backed that up"
	}
	if adj && r.isWord(l.tagEnd, "about") && !inverted {
		k, what = l.tagEnd+1, afterThat // "is worried about the cost"
	}
	if adj && (what != afterThat || inverted) {
		return // "is confident that …" only
	}
	if inverted && back >= 0 && what == afterNone && (r.class(k, clRel) || r.is(k, "(") || r.dash(k)) {
		// "…, said an official who was briefed on the talks": the rest
		// describes the speaker.
		what = afterEnd
	}
	if what == afterEnd && back < 0 && !participle && !infinitive && r.tagOnly(l.tagStart, sf) {
		back = sf - 1 // “… will win.” Trump said.
	}
	switch what {
	case afterEnd:
		if back < 0 || !r.backward(&l, back, sf) {
			return
		}
	case afterComma:
		nextQuote := r.regionAt(k+1) >= 0 && r.regions[r.regionAt(k+1)].open == k+1
		switch {
		case nextQuote && back >= 0 && (r.backRegion(back) >= 0 && r.opensClause(r.backRegion(back), sf) || r.opensWithQuote(sf, back)):
			// “…,” he said, “…”: a quote split by its tag; also “…” by
			// X, Y, Clinton said, “…”.
			if !r.backward(&l, back, sf) {
				return
			}
			r.forwardQuote(&l, k+1, sl)
		case nextQuote && back >= 0 && !inverted && r.backRegion(back) >= 0:
			// Trump's support means “he must be doing something right,”
			// she says, “but …”: the clause before and the quote after.
			if r.backward(&l, back, sf) {
				r.forwardQuote(&l, k+1, sl)
				break
			}
			r.forwardQuote(&l, k+1, sl)
		case nextQuote && back >= 0 && !inverted && r.topic(sf):
			// "Of the scrutiny over Melania Trump, he said, “…”": the topic
			// and the quote.
			if a := r.clauseStart2(sf, back); a < back {
				l.add(piece{a, r.trimEnd(a, back), -1})
			}
			r.forwardQuote(&l, k+1, sl)
		case nextQuote:
			r.forwardQuote(&l, k+1, sl) // he said, “…”
		case back >= 0:
			if !r.backward(&l, back, sf) {
				// "When she got there, she said, there were no ballots":
				// a leading phrase, then the reported clause.
				if r.backRegion(back) >= 0 || inverted || k+1 >= sl || !r.clauseStart(k+1) || r.newClause(k+1) {
					return
				}
				a := r.clauseStart2(sf, back)
				l.add(piece{a, r.trimEnd(a, back), -1})
				r.forwardClause(&l, k+1, sl)
				break
			}
			// After "…, said Smith," comes an apposition of the speaker,
			// not more content.
			if l.pieces[0].reg < 0 && (!inverted && !r.newClause(k+1) || inverted && r.class(k+1, clAux|clVerbish)) {
				// The economy, he said, is improving; the contrast, said
				// Doyle, would be clear.
				r.forwardClause(&l, k+1, sl)
			}
		default:
			return
		}
	case afterColon:
		if r.regionAt(k+1) >= 0 && r.regions[r.regionAt(k+1)].open == k+1 {
			r.forwardQuote(&l, k+1, sl)
		} else if k+1 < sl {
			r.forwardClause(&l, k+1, sl)
		} else {
			return
		}
	case afterQuote:
		if back >= 0 && r.backRegion(back) >= 0 && k > l.tagEnd+1 {
			// “…,” Cruz said after a brief “I’m sorry”: the first quote
			if !r.backward(&l, back, sf) {
				return
			}
			break
		}
		r.forwardQuote(&l, k, sl)
	case afterThat, afterTo:
		if what == afterThat && r.isWord(l.tagEnd, "of") && back >= 0 && r.backRegion(back) >= 0 && r.opensClause(r.backRegion(back), sf) {
			// “…,” Maddow said of a list that included …: the quote
			// before; "that" opens a relative clause on the topic.
			if !r.backward(&l, back, sf) {
				return
			}
			break
		}
		r.forwardClause(&l, k, sl)
	case afterClause:
		if back >= 0 && r.backRegion(back) >= 0 && r.opensClause(r.backRegion(back), sf) && !r.quoteIn(k, sl) {
			// “…,” Clinton told union workers in Los Angeles.
			if !r.backward(&l, back, sf) {
				return
			}
			break
		}
		if c.flags&flagWeak != 0 && !r.quoteIn(k, sl) && !(c.kind == kindReport && r.document(l.subj, l.subjEnd)) && !(c.lemma == "call" && r.anyQuoteIn(k, sl)) {
			// "added 200 jobs": a weak cue needs a quote in its object.
			return
		}
		if c.kind == kindStance && (r.particle(k) || r.particle(k+1)) {
			return // "backed down", "backed that up"
		}
		r.forwardClause(&l, k, sl)
		if c.flags&flagWeak != 0 {
			r.quoteAnchor(&l, k)
		}

	default:
		// what follows is unclear: only a quote right before the tag
		if back < 0 || r.backRegion(back) < 0 || !r.backward(&l, back, sf) {
			return
		}
	}
	if c.kind == kindStance {
		r.objectEnd(&l)
	}
	if l.n == 0 {
		return
	}
	if wh >= 0 && l.n < len(l.pieces) && l.pieces[0].a > wh {
		copy(l.pieces[1:], l.pieces[:l.n])
		l.pieces[0] = piece{wh, wh + 1, -1}
		l.n++
	}
	if l.from >= 0 {
		f := &r.rels[l.from]
		l.subj, l.subjEnd = f.subj, f.subjEnd
		l.from = -1
	}
	r.push(l)
}

// nominal records a relation for a noun cue and its preposition
// ("support for X", "his criticism of X", "concerns about X"): the
// possessor, if any, is the source; the object is the content.
func (r *run) nominal(ci, ce int, c *cue, sf, sl int) {
	if ce >= sl || r.class(ci-1, clPron|clAux) || r.isWord(ci-1, "to") {
		return // a verb: "they talk about", "to support for"
	}
	l := rel{cue: ci, cueEnd: ce, c: c, subj: -1, from: -1, tagStart: ci, tagEnd: ce}
	p := ci - 1
	for n := 0; n < 2 && p > sf && r.plainLower(p); n++ {
		p-- // "his sharp criticism of"
	}
	if !r.possessive(p) && !r.class(p, clDet) {
		p = ci - 1
	}
	switch {
	case r.possessive(p):
		if a, ok := r.npBefore(p-1, sf); ok {
			l.subj, l.subjEnd, l.tagStart = a, p, a
		}
	case r.isWord(p, "his") || r.isWord(p, "her") || r.isWord(p, "their") || r.isWord(p, "its") || r.isWord(p, "our") || r.isWord(p, "my"):
		l.subj, l.subjEnd, l.tagStart = p, p+1, p
	default:
		// "Trump expressed support for", "she raised questions about":
		// the subject of the verb whose object the noun heads
		v := p
		if r.class(v, clDet) {
			v--
		}
		if v > sf && r.lowerWord(v) && !r.class(v, clPrep|clConj|clDet|clRel|clPron) {
			if a, b, ok := r.subjectBefore(r.skipBack(v-1, sf), sf); ok && r.personLike(a, b) {
				l.subj, l.subjEnd = a, b
			}
		}
	}
	if !(r.clauseStart(ce) || r.class(ce, clDet)) || r.isWord(ce, "that") {
		return
	}
	r.forwardClause(&l, ce, sl)
	r.objectEnd(&l)
	if l.n == 0 {
		return
	}
	// "His criticism of the deal drew cheers": the noun phrase heads the
	// sentence; its object ends before the verb.
	pc := &l.pieces[l.n-1]
	for i := pc.a + 1; i < pc.b; i++ {
		if r.inQ[i] == 0 && r.predicate(i) && !r.isWord(i-1, "to") {
			pc.b = i
			break
		}
	}
	r.push(l)
}

// raising records a relation with no source for a raising verb ("X
// appears to", "it seems that") or a passive ("X is expected to", "is
// known as"): its content is the subject and the complement.
func (r *run) raising(ci, ce int, c *cue, sf, sl int) {
	k := ce
	switch {
	case r.isWord(k, "to"), r.isWord(k, "that"):
	case (r.isWord(k, "as") || r.isWord(k, "for")) && c.flags&flagPassive != 0:
	default:
		return
	}
	l := rel{cue: ci, cueEnd: ce, c: c, subj: -1, from: -1, tagStart: ci, tagEnd: ce}
	if a, b, ok := r.subjectBefore(r.skipBack(ci-1, sf), sf); ok && !(b == a+1 && (r.isWord(a, "it") || r.isWord(a, "there"))) {
		l.add(piece{a, b, -1})
		l.tagStart = a
	}
	if r.isWord(k, "as") || r.isWord(k, "for") {
		k++
	}
	r.forwardClause(&l, k, sl)
	if l.n == 0 || l.pieces[l.n-1].a < k {
		return
	}
	r.push(l)
}

// namingUse reports whether a participle like "called" at ci names the
// noun phrase before it rather than has it for subject: after a comma
// ("a series, called …"), or after a phrase headed by a common noun ("a
// super PAC called …").
func (r *run) namingUse(ci, sf int) bool {
	p := ci - 1
	for p > sf && r.adverb(p) && !r.class(p, clAux) {
		p-- // "now called"
	}
	// the name comes right after: a capitalised word or a quote, perhaps
	// after "the" ("called the “Feed”"); "called it “…”" and "called the
	// incident a reason" are the verb.
	n := ci + 1
	if r.isWord(n, "the") {
		n++
	}
	if !(r.capName(n) || r.toks[min(n, len(r.toks)-1)].Is(article.AllCaps) || r.regionAt(n) >= 0 && r.regions[r.regionAt(n)].open == n) {
		return false
	}
	if r.is(p, ",") {
		return true
	}
	if p < sf || !(r.plainLower(p) || r.toks[p].Is(article.AllCaps)) || r.class(ci-1, clAux) {
		return false
	}
	if in := r.infos[p]; in != nil && in.src == srcPerson {
		return false // "the senator called …"
	}
	a, ok := r.npBefore(p, sf)
	return ok && (r.isWord(a, "a") || r.isWord(a, "an"))
}

// naming records the name a noun phrase is given ("the program, known as
// the Renewable Fuel Standard", "Homs, once known as the “capital of the
// revolution”", "a super PAC called Our Principles"): no source; the
// content is the noun phrase and the name, up to the next comma or verb.
// ce is the name's first token.
func (r *run) naming(ci, ce int, c *cue, sf, sl int) {
	p := ci - 1
	for p > sf && r.adverb(p) {
		p-- // "once known as"
	}
	if r.is(p, ",") {
		p--
	}
	a, ok := r.npBefore(p, sf)
	if !ok || ce >= sl {
		return
	}
	e := ce
	q := ce
	if r.isWord(q, "the") {
		q++
	}
	if g := r.regionAt(q); g >= 0 && r.regions[g].open == q {
		e = r.regionEnd(&r.regions[g]) // a quoted name
	} else {
		for e < sl && !(r.inQ[e] == 0 && (r.is(e, ",") || r.is(e, ";") || r.dash(e) || r.isWord(e, "but") ||
			e > ce && (r.predicate(e) || r.class(e, clRel|clPrep) && r.lowerWord(e)))) {
			e++
		}
	}
	if e = r.trimEnd(ce, e); e <= ce {
		return
	}
	l := rel{cue: ci, cueEnd: ci + 1, c: c, subj: -1, from: -1, tagStart: a, tagEnd: ce}
	l.add(piece{a, p + 1, -1})
	l.add(piece{ce, e, -1})
	r.push(l)
}

// asked records the question of a passive "asked" ("Asked whether he
// would run, Smith said …", "when asked about the plan", "he was asked
// if"): no source; the content is the question up to the clause's end.
func (r *run) asked(ci, ce int, c *cue, sl int) {
	k := ce
	switch {
	case r.isWord(k, "about"):
		k++
	case r.isWord(k, "whether"), r.isWord(k, "if"), r.isWord(k, "what"), r.isWord(k, "why"), r.isWord(k, "how"),
		r.isWord(k, "who"), r.isWord(k, "when"), r.isWord(k, "where"), r.isWord(k, "which"):
	default:
		return
	}
	e := k
	for ; e < sl; e++ {
		if g := r.regionAt(e); g >= 0 {
			e = max(e, r.regionEnd(&r.regions[g])-1)
			if l := r.regions[g].last - 1; l > 0 && r.is(l, ",") {
				e++ // on “CBS This Morning,” Sanders said
				break
			}
			continue
		}
		if r.is(e, ",") || r.is(e, ";") || r.is(e, ":") || r.dash(e) {
			break
		}
	}
	if e = r.trimEnd(k, e); e <= k {
		return
	}
	l := rel{cue: ci, cueEnd: ce, c: c, subj: -1, from: -1, tagStart: ci, tagEnd: ce}
	l.add(piece{k, e, -1})
	r.push(l)
}

// beBefore reports a form of "be" (or "remain") before an adjective cue at
// ci, perhaps with adverbs between: "is confident", "was not convinced".
func (r *run) beBefore(ci, sf int) bool {
	for p := ci - 1; p >= sf && ci-p <= 3; p-- {
		switch string(r.lower(p)) {
		case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m",
			"remain", "remains", "remained", "remaining", "feel", "feels", "felt", "seem", "seems", "seemed", "appear", "appears", "appeared":
			return true
		}
		if !r.adverb(p) && !r.isWord(p, "very") && !r.isWord(p, "so") && !r.isWord(p, "quite") && !r.isWord(p, "more") {
			return false
		}
	}
	return false
}

// opener reports a token after which a capitalised word may start a
// clause: an opening quotation mark, a colon, a dash or a bracket.
func (r *run) opener(i int) bool {
	if g := r.regionAt(i); g >= 0 && r.regions[g].first == i+1 {
		return true
	}
	return r.is(i, ":") || r.dash(i) || r.is(i, "(") || r.is(i, "-")
}

// titleCase reports a sentence written in title case (a headline):
// hardly any lower-case words but the small ones.
func (r *run) titleCase(sf, sl int) bool {
	words, lower := 0, 0
	for i := sf; i < sl && i-sf < 40; i++ {
		if r.toks[i].Kind != article.Word || r.inQ[i] != 0 {
			continue
		}
		words++
		if r.lowerWord(i) && !smallWords[r.word(i)] {
			lower++
		}
	}
	return words >= 3 && lower*5 <= words
}

// particle reports a verb particle: "backed down", "called off".
func (r *run) particle(i int) bool {
	return r.isWord(i, "up") || r.isWord(i, "down") || r.isWord(i, "away") || r.isWord(i, "off") || r.isWord(i, "out")
}

// objectEnd ends the reported words of a stance relation with its
// object: at a comma, a dash or a subordinate clause ("endorsed Cruz
// despite their history", "backed her candidacy, as she campaigns").
func (r *run) objectEnd(l *rel) {
	if l.n == 0 || l.pieces[l.n-1].reg >= 0 {
		return
	}
	pc := &l.pieces[l.n-1]
	for i := pc.a + 1; i < pc.b; i++ {
		if g := r.regionAt(i); g >= 0 {
			i = max(i, r.regionEnd(&r.regions[g])-1)
			continue
		}
		w := string(r.lower(i))
		if (w == "and" || w == "but") && r.predicate(i+1) {
			w = "," // "opposes “pay freezes” and praised the unions"
		}
		if w == "for" && r.lowerWord(i+1) && strings.HasSuffix(r.word(i+1), "ing") {
			w = "," // "slammed Obama as elitist for suggesting that …": the reason
		}
		switch w {
		case ",", ";", "—", "–", "--", "-", "(", "despite", "because", "after", "before", "when", "while", "since",
			"although", "though", "until", "unless", "whereas":
			if e := r.trimEnd(pc.a, i); e > pc.a {
				pc.b = e
			}
			return
		}
	}
}

// push records relation l and marks its quote regions as taken.
func (r *run) push(l rel) {
	for p := 0; p < l.n; p++ {
		if g := l.pieces[p].reg; g >= 0 {
			r.regions[g].rel = len(r.rels)
		}
	}
	r.rels = append(r.rels, l)
}

// boundary reports whether token i ends what comes before a tag: a comma,
// a dash or a closing quotation mark.
func (r *run) boundary(i, sf int) bool {
	// The closing mark may end the previous sentence (“…?” she asked),
	// but not the previous paragraph.
	if i < 0 || i < sf-1 || i == sf-1 && r.para[sf] {
		return false
	}
	if g := r.regionAt(i); g >= 0 {
		if i == sf-1 && r.is(r.regions[g].last-1, ".") {
			return false // “… wheelhouse.” He said, twice, that …: a new sentence (but see tagOnly)
		}
		return r.regionEnd(&r.regions[g]) == i+1
	}
	return i >= sf && (r.is(i, ",") || r.is(i, "—") || r.is(i, "–") || r.is(i, "--"))
}

// tagOnly reports a sentence that is nothing but a tag (its start is
// the tag's) after a quote ending in a full stop that ends the sentence
// before in the same paragraph: “… will win.” Trump said. Such a quote
// ends its sentence, but a sentence with no words of its own can only
// report it.
func (r *run) tagOnly(tagStart, sf int) bool {
	if tagStart != sf || sf == 0 || r.para[sf] {
		return false
	}
	g := r.regionAt(sf - 1)
	return g >= 0 && r.regionEnd(&r.regions[g]) == sf && r.is(r.regions[g].last-1, ".")
}

// passive reports a past participle after a form of "be" ("was asked",
// "is expected", "have been told").
func (r *run) passive(ci int) bool {
	p := ci - 1
	for n := 0; p >= 0 && n < 2 && r.adverb(p) && !r.class(p, clAux); n++ {
		p-- // "was also asked"
	}
	if p < 0 || r.toks[p].Kind != article.Word {
		return false
	}
	switch string(r.lower(p)) {
	case "was", "were", "is", "are", "be", "been", "being", "am", "'s", "’s", "get", "got", "gets", "getting":
		return true
	}
	return false
}

// nounUse reports whether a cue form that is also a noun is used as one:
// after a determiner or a possessive ("the report", "his claims").
func (r *run) nounUse(ci int, form uint8) bool {
	if form == formPast {
		return false
	}
	p := ci - 1
	for p >= 0 && r.lowerWord(p) && r.infos[p] == nil && ci-p < 3 {
		p-- // adjectives: "the new report"
	}
	return r.class(p, clDet) || r.possessive(p) || r.isWord(ci+1, "of") || p >= 0 && r.toks[p].Kind == article.Number
}

// baseVerb reports whether a base form ("say") is used as a verb: after a
// subject pronoun, a plural noun, an auxiliary or "to".
func (r *run) baseVerb(ci, sf int) bool {
	p := ci - 1
	if p < sf {
		return false
	}
	if r.class(p, clAux|clPron) || r.adverb(p) || r.isWord(p, "to") || r.capName(p) || r.quantWord(p) && !r.isWord(p, "one") {
		return true
	}
	if r.is(p, ",") {
		// "Democratic economists, like their counterparts, say"
		a, b, ok := r.subjectBefore(p, sf)
		return ok && r.plural(a, b)
	}
	if a, b, ok := r.subjectBefore(p, sf); ok && r.plural(a, b) {
		return true // "those surveyed say"
	}
	in := r.infos[p]
	if in != nil && in.src == srcGroup {
		return true
	}
	w := r.word(p)
	return r.toks[p].Kind == article.Word && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// plural reports whether the noun phrase at tokens [a, b) is plural: a
// plural noun or pronoun, a quantity, a plural determiner, a compound
// with "and".
func (r *run) plural(a, b int) bool {
	h := b - 1
	w := string(r.lower(h))
	switch {
	case w == "we" || w == "they" || w == "you" || w == "i":
		return true
	case r.quantWord(h) || r.isWord(h, "percent") || r.is(h, "%"):
		return true
	case len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && !r.capName(h):
		return true
	}
	for i := a; i < b; i++ {
		if r.isWord(i, "and") || r.isWord(i, "those") || r.isWord(i, "these") || r.isWord(i, "many") || r.isWord(i, "several") ||
			r.isWord(i, "both") || r.isWord(i, "most") || r.isWord(i, "some") {
			return true
		}
	}
	return false
}

// quoteComma reports a closing quotation mark whose quote ends with a
// comma: “the magic of Trump,” acts as the comma after it.
func (r *run) quoteComma(j int) bool {
	g := r.regionAt(j)
	return g >= 0 && r.regions[g].close >= 0 && r.regionEnd(&r.regions[g]) == j+1 && r.regions[g].last > 0 && r.is(r.regions[g].last-1, ",")
}

// possessive reports whether token i ends a possessive: a possessive 's
// token ("Clinton's"), or the apostrophe of a plural ("the protesters'
// leader").
func (r *run) possessive(i int) bool {
	if i <= 0 || i >= len(r.toks) {
		return false
	}
	if r.infos[i] == possInfo {
		return true
	}
	if (r.is(i, "’") || r.is(i, "'")) && r.toks[i-1].End == r.toks[i].Start && r.inQ[i] == 0 {
		w := r.word(i - 1)
		return r.toks[i-1].Kind == article.Word && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') &&
			i+1 < len(r.toks) && r.toks[i+1].Start > r.toks[i].End && r.toks[i+1].Kind == article.Word
	}
	return false
}

// skipBack skips, backwards from i, the adverbs and auxiliaries between a
// subject and its verb ("has also said") and an infinitive's governor
// ("went on to say"), and returns the index of the subject's last token.
func (r *run) skipBack(i, sf int) int {
	for n := 0; i >= sf && n < 4; n++ {
		switch {
		case r.adverb(i):
			i--
		case i > sf && (r.isWord(i, "both") || r.isWord(i, "all") || r.isWord(i, "each")) && r.toks[i-1].Kind == article.Word &&
			!r.class(i-1, clPrep|clConj|clDet):
			i-- // "Richards and Menendez both stressed"
		case r.possessive(i):
			i-- // Trump’s said (has said)
		case r.class(i, clTime) && r.toks[i].Kind == article.Word && i > sf:
			// "Spicer on Thursday evening said", "Clinton last week said"
			for i > sf && r.class(i, clTime) {
				i--
			}
			if r.isWord(i, "on") || r.isWord(i, "early") || r.isWord(i, "late") {
				i--
			}
		default:
			n = 4
		}
	}
	if r.isWord(i, "to") {
		j := i - 1
		for n := 0; j >= sf && n < 3 && (r.lowerWord(j) && !r.class(j, clDet|clPron|clConj|clRel) || r.adverb(j)); n++ {
			j--
			if r.infos[j+1] == nil || r.adverb(j+1) || r.class(j+1, clPrep|clAux) {
				continue
			}
		}
		if j < i-1 {
			i = j
		}
	}
	return i
}

// subjectBefore returns the noun phrase that ends at token j and may be a
// cue's subject: a pronoun, a name, a described person ("the former
// secretary of state"), an organisation or document, skipping an
// apposition or relative clause between commas ("Smith, a lawyer for the
// group, said") and a prepositional phrase ("Trump in his post
// disclosed").
func (r *run) subjectBefore(j, sf int) (int, int, bool) {
	for try := 0; try < 4 && j >= sf; try++ {
		switch {
		case r.is(j, ",") || r.quoteComma(j):
			// appositions or a relative clause between commas: "Scott
			// Pruitt, the attorney general of Oklahoma, one of the states
			// suing, said"
			if w := r.relativeStart(j, sf); w > 0 {
				j = w - 2 // "Mr. Slinker, whose latest start-up, Paradata, …, said"
				if r.adverb(j) && r.is(j-1, ",") {
					j -= 2 // "Sanders, meanwhile, who …, said"
				}
				continue
			}
			if r.is(j-1, ")") {
				j-- // "Sen. Jack Reed (D-R.I.), said"
				continue
			}
			p := r.appositionStart(j, sf)
			if p < 0 {
				return 0, 0, false
			}
			first := p // the comma opening the apposition nearest the verb
			for q := r.appositionStart(p, sf); q >= 0; q = r.appositionStart(p, sf) {
				first, p = p, q
			}
			if a, ok := r.npBefore(p-1, sf); ok && (a == sf && r.class(sf, clPrep) || a > sf && r.class(a-1, clPrep) && !r.class(a-1, clNPLink)) {
				// "Among likely voters, about two-thirds, 67 percent,
				// say": the phrase before the first comma is an adjunct.
				e := first + 1
				for e < j && !r.is(e, ",") {
					e++
				}
				if a2, ok := r.npBefore(e-1, sf); ok && a2 == first+1 {
					return a2, e, true
				}
				return 0, 0, false
			}
			j = p - 1
			continue
		case r.isWord(j, "who") || r.isWord(j, "which"):
			// "Pardo, who said …": the relative pronoun is the source
			// (PolNeAR's convention); the speaker resolves it to the
			// phrase before.
			return j, j + 1, true
		case r.class(j, clRel):
			return 0, 0, false
		case r.is(j, ")"):
			p := j - 1
			for p > sf && j-p < 8 && !r.is(p, "(") {
				p--
			}
			if !r.is(p, "(") {
				return 0, 0, false
			}
			j = p - 1
			continue
		}
		a, ok := r.npBefore(j, sf)
		if !ok {
			return 0, 0, false
		}
		// "Trump in his post disclosed", "a poll released in late August
		// found": the phrase after a preposition is not the subject; the
		// one before it (and its participle) is.
		p := a - 1
		if p >= sf && r.lowerWord(p) && r.infos[p] == nil && r.class(p-1, clPrep) {
			p-- // an adjective: "in late August"
		}
		if p >= sf && r.isWord(p, "with") && (p == sf || r.is(p-1, ",")) {
			return a, j + 1, true // "…, with Inspector Jones adding": an absolute clause's subject
		}
		if p >= sf && r.class(p, clPrep) && !r.class(p, clNPLink) && r.lowerWord(p) {
			q := p - 1
			if q >= sf && r.lowerWord(q) && strings.HasSuffix(r.word(q), "ed") {
				q-- // "released"
			}
			if b, ok := r.npBefore(q, sf); ok && q >= sf {
				return b, q + 1, true
			}
			return 0, 0, false
		}
		return a, j + 1, true
	}
	return 0, 0, false
}

// relativeStart returns the relative pronoun opening a relative clause
// (", who …", ", whose …", ", which …") that the comma at j closes, or -1.
func (r *run) relativeStart(j, sf int) int {
	for w := j - 2; w > sf+1 && j-w < 30; w-- {
		if r.inQ[w] != 0 || r.is(w, ".") {
			return -1
		}
		if r.is(w-1, ",") && (r.isWord(w, "who") || r.isWord(w, "whose") || r.isWord(w, "which")) {
			return w
		}
	}
	return -1
}

// appositionStart returns the comma that opens the apposition or
// relative clause closed by the comma at j, or -1.
func (r *run) appositionStart(j, sf int) int {
	p := j - 1
	if r.quoteComma(j) {
		p = r.regions[r.regionAt(j)].open - 1
	}
	for p > sf && j-p < 32 && !r.is(p, ",") {
		if g := r.regionAt(p); g >= 0 {
			p = r.regions[g].open // "Manafort, citing “the magic of Trump,” said"
			if r.is(p-1, ",") {
				p--
				break
			}
		}
		p--
	}
	if p <= sf || p == j-1 || !r.is(p, ",") || r.inQ[p] != 0 {
		return -1
	}
	if g := r.regionAt(p + 1); g >= 0 && r.regionEnd(&r.regions[g]) == j+1 {
		return -1 // “…, ''I write them off,'' said Pike”: the quote is what was said
	}
	if r.class(p+1, clDet|clRel|clPrep) || r.lowerWord(p+1) || r.toks[p+1].Kind == article.Number || r.possessive(p+2) {
		return p
	}
	// "Brianne Stone, 29, of Huntsville, Ala., says": a state after a town
	if j == p+2 && r.toks[p+1].Is(article.Abbrev) {
		return p
	}
	// "The author of the book, Mitchell Zuckoff, said": a name after a
	// description ending in a noun.
	if r.plainLower(p-1) && r.capName(p+1) {
		return p
	}
	// "Dianne Feinstein, Democrat of California, said": a capitalised
	// apposition with lower-case words in it.
	for i := p + 2; i < j; i++ {
		if r.lowerWord(i) {
			return p
		}
	}
	// "Her chief policy aide, Jake Sullivan, calls": a name after a
	// description.
	if in := r.infos[p-1]; in != nil && (in.src == srcPerson || in.src == srcGroup) && r.capName(p+1) {
		return p
	}
	return -1
}

// npBefore returns the start of the noun phrase ending at token j.
func (r *run) npBefore(j, sf int) (int, bool) {
	if j < sf || r.inQ[j] != 0 {
		return 0, false
	}
	in := r.infos[j]
	t := r.toks[j]
	if in != nil && in.class&clTime != 0 {
		return 0, false // "early Friday"
	}
	if a, ok := r.quantity(j, sf); ok {
		return a, true
	}
	switch {
	case in != nil && in.class&clPron != 0 && (t.Is(article.Cap) == (j == sf) || r.quoteEndsSentence(j-1) || r.isWord(j, "i")):
		return j, true
	case r.capName(j), t.Is(article.AllCaps) && t.Kind == article.Word:
	case in != nil && in.src != 0:
	case t.Kind == article.Word && !t.Is(article.Cap) && (in == nil || in.class == 0) && r.detBefore(j, sf):
	case r.plainLower(j) && (r.isWord(j-1, "of") || r.isWord(j-1, "for")) && j-2 >= sf && r.infos[j-2] != nil && r.infos[j-2].src != 0:
		// "supporters of reform", "advocates for immigrants"
	default:
		return 0, false
	}
	a := j
	det := false
	srcHead := in != nil && in.src != 0
	for k := j - 1; k >= sf && j-k < 12 && !det; k-- {
		tk := r.toks[k]
		switch {
		case r.inQ[k] != 0:
			k = sf // stop
		case srcHead && j-k <= 3 && tk.Kind == article.Word && !tk.Is(article.Cap) && (r.infos[k] == nil || r.infos[k].class == 0 && r.infos[k].cue == nil) && a == k+1:
			a = k // "federal officials", "senior administration officials
		case r.plainLower(k) && a == k+1 && j-k <= 6 && r.srcWithin(k+1, j):
			a = k // "former presidential candidate Herman Cain"
		case r.plainLower(k) && a == k+1 && r.capName(k+1) && (k == sf || r.is(k-1, ",") || r.quoteEndsClause(k-1)):
			a = k // “But why?” reporter Jackie Nespral asked
		case r.possessive(k):
			a = k - 1
		case r.capName(k), tk.Is(article.Abbrev) && tk.Is(article.Cap), tk.Is(article.AllCaps) && tk.Kind == article.Word:
			a = k
		case tk.Kind == article.Word && tk.Is(article.Cap) && a == k+1 && k > sf && r.toks[k-1].Is(article.Cap) && r.toks[k-1].Kind == article.Word:
			a = k // "CBS This Morning co-anchor …": a function word inside a name
		case tk.Kind == article.Number && r.class(k-1, clDet):
			a = k // "a 2014 study"
		case r.class(k, clDet):
			a, det = k, true
			// "Mr. Morgan of the Sierra Club"
			if r.class(k-1, clNPLink) && r.lowerWord(k-1) && k-2 >= sf && (r.capName(k-2) || r.infos[k-2] != nil && r.infos[k-2].src != 0 ||
				r.isWord(k-1, "of") && r.plainLower(k-2)) {
				a, det = k-1, false
				k--
			}
		case r.is(k, ")"):
			p := k - 1
			for p > sf && k-p < 6 && !r.is(p, "(") {
				p--
			}
			if !r.is(p, "(") {
				k = sf
				break
			}
			a, k = p, p
		case r.class(k, clNPLink) && r.lowerWord(k) && (r.capName(k-1) || r.is(k-1, ")") || k > 0 && r.infos[k-1] != nil && r.infos[k-1].src != 0 && r.lowerWord(k-1)):
			a = k
		case tk.Kind == article.Word && !tk.Is(article.Cap) && (r.infos[k] == nil || r.infos[k].class == 0 && r.infos[k].cue == nil) && r.detBefore(k, sf):
			a = k
		default:
			k = sf // stop
		}
	}
	for a < j && r.class(a, clNPLink) && r.lowerWord(a) {
		a++
	}
	// "most of the voters", "one of his advisers", "many in the crowd"
	if a-2 >= sf && (r.isWord(a-1, "of") || r.isWord(a-1, "in") || r.isWord(a-1, "among")) && r.quantWord(a-2) {
		a = r.quantStart(a-2, sf)
	}
	return a, true
}

// quantWords count or share out people: "most of them", "two in three",
// "a third say".
var quantWords = map[string]bool{
	"most": true, "many": true, "some": true, "all": true, "none": true, "few": true, "several": true, "both": true,
	"each": true, "either": true, "neither": true, "half": true, "third": true, "thirds": true, "quarter": true,
	"majority": true, "minority": true, "plurality": true, "others": true, "one": true, "two": true, "three": true,
	"four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "percent": true,
	"dozens": true, "hundreds": true, "thousands": true, "millions": true,
}

// quantWord reports a quantity that may head a noun phrase: a number or
// one of quantWords.
func (r *run) quantWord(i int) bool {
	if i < 0 || i >= len(r.toks) || r.inQ[i] != 0 {
		return false
	}
	if t := r.toks[i]; t.Kind == article.Number {
		return !t.Is(article.HasDigit) || r.s[t.Start] != '0'
	}
	if r.is(i, "%") {
		return i > 0 && r.toks[i-1].Kind == article.Number
	}
	if r.toks[i].Kind != article.Word {
		return false
	}
	w := r.lower(i)
	if len(w) < 3 || len(w) > 15 {
		return false
	}
	if quantWords[string(w)] {
		return true
	}
	// "two-thirds", "three-fourths"
	if j := bytes.IndexByte(w, '-'); j > 0 {
		switch string(w[j+1:]) {
		case "thirds", "fourths", "quarters", "fifths", "third", "quarter":
			return true
		}
	}
	return false
}

// quantity returns the start of a phrase of quantity ending at j that
// may be a subject: "52 percent", "26%", "at least 21,000", "two in
// three", "most of them", "nearly a third", "others".
func (r *run) quantity(j, sf int) (int, bool) {
	switch {
	case r.class(j, clObj) && (r.isWord(j-1, "of") || r.isWord(j-1, "among")) && r.quantWord(j-2) && j-2 >= sf:
		return r.quantStart(j-2, sf), true // "most of them"
	case r.isWord(j, "others") && r.isWord(j-1, "and") && j-2 >= sf:
		if a, ok := r.npBefore(j-2, sf); ok {
			return a, true // "Edwards and others"
		}
		return 0, false
	case !r.quantWord(j) || r.isWord(j, "one") && j > sf:
		return 0, false
	case r.isWord(j-1, "in") && r.quantWord(j-2) && j-2 >= sf:
		return r.quantStart(j-2, sf), true // "two in three"
	}
	w := string(r.lower(j))
	if (w == "percent" || w == "%") && !(j-1 >= sf && r.toks[j-1].Kind == article.Number) {
		return 0, false
	}
	a := r.quantStart(j, sf)
	switch {
	case w == "percent" || w == "%" || r.isWord(j, "third") || r.isWord(j, "thirds") || r.isWord(j, "half") ||
		r.isWord(j, "majority") || r.isWord(j, "minority") || r.isWord(j, "plurality"):
	case a < j:
		// a bare number needs a modifier: "at least 21,000", "only eight"
		if r.isWord(a, "a") || r.isWord(a, "the") {
			return 0, false
		}
	case r.toks[j].Kind == article.Number && (j == sf || r.is(j-1, ",") || r.is(j-1, ";")) && !r.year(j):
		// "…, 43 said the same": a number opening its clause
	case r.toks[j].Kind == article.Word && r.toks[j].Kind != article.Number && (j == sf || r.is(j-1, ",") || r.is(j-1, ";") ||
		r.isWord(j-1, "and") || r.isWord(j-1, "but")):
		// "Many said", "Others say": a quantity opening its clause
	default:
		return 0, false
	}
	return a, true
}

// year reports a number that reads as a year: 1900 to 2099.
func (r *run) year(i int) bool {
	w := r.word(i)
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
}

// quantityAfter returns the end of a quantity phrase starting at k
// ("nearly three in five", "52 percent", "most of them"), or k.
func (r *run) quantityAfter(k int) int {
	i := k
	for n := 0; n < 2 && i < len(r.toks); n++ {
		switch {
		case r.isWord(i, "only"), r.isWord(i, "just"), r.isWord(i, "nearly"), r.isWord(i, "almost"), r.isWord(i, "about"),
			r.isWord(i, "roughly"), r.isWord(i, "a"):
			i++
		case r.isWord(i, "at") && r.isWord(i+1, "least"), (r.isWord(i, "more") || r.isWord(i, "fewer")) && r.isWord(i+1, "than"):
			i += 2
		}
	}
	if !r.quantWord(i) || r.isWord(i, "percent") {
		return k
	}
	i++
	switch {
	case r.isWord(i, "percent") || r.is(i, "%"):
		i++
	case r.isWord(i, "in") && r.quantWord(i+1):
		i += 2
	case r.isWord(i, "of") && r.class(i+1, clObj):
		i += 2
	}
	return i
}

// quantStart extends a quantity at i back over "percent"'s number, an
// article and modifiers: "nearly a third", "only 24 percent", "more than
// half".
func (r *run) quantStart(i, sf int) int {
	if (r.isWord(i, "percent") || r.is(i, "%")) && i-1 >= sf {
		i--
	}
	if i-1 >= sf && (r.isWord(i-1, "a") || r.isWord(i-1, "the")) {
		i--
	}
	for n := 0; n < 2 && i-1 >= sf; n++ {
		switch {
		case r.isWord(i-1, "only"), r.isWord(i-1, "just"), r.isWord(i-1, "nearly"), r.isWord(i-1, "almost"),
			r.isWord(i-1, "about"), r.isWord(i-1, "roughly"), r.isWord(i-1, "some"), r.isWord(i-1, "over"):
			i--
		case i-2 >= sf && (r.isWord(i-1, "least") && r.isWord(i-2, "at") || r.isWord(i-1, "than") &&
			(r.isWord(i-2, "more") || r.isWord(i-2, "fewer") || r.isWord(i-2, "less"))):
			i -= 2
		default:
			n = 2
		}
	}
	return i
}

// srcWithin reports a lower-case source noun in tokens [a, b]
// ("candidate" in "presidential candidate Herman Cain").
func (r *run) srcWithin(a, b int) bool {
	for i := a; i <= b; i++ {
		if in := r.infos[i]; in != nil && in.src != 0 && r.lowerWord(i) {
			return true
		}
		if !r.plainLower(i) && !r.capName(i) {
			return false
		}
	}
	return false
}

// detBefore reports whether a determiner or a capitalised name starts the
// phrase of lower-case words ending at j ("the Republican presidential
// nominee", "senior administration officials").
func (r *run) detBefore(j, sf int) bool {
	if in := r.infos[j]; in != nil && in.src != 0 {
		return true
	}
	for k := j - 1; k >= sf && j-k <= 4; k-- {
		if r.class(k, clDet) || r.possessive(k) || r.capName(k) || r.isWord(k, "one") {
			return true // "One attendee said"
		}
		if !r.lowerWord(k) || (r.infos[k] != nil && r.infos[k].class != 0) {
			return false
		}
	}
	return false
}

// npAfter returns the noun phrase starting at token k (before hi): after
// an inverted cue ("said Smith", "said the official") or at a sentence
// start.
func (r *run) npAfter(k, hi int) (int, int, bool) {
	if k >= hi || r.inQ[k] != 0 {
		return 0, 0, false
	}
	if r.class(k, clPron) {
		return k, k + 1, true
	}
	i := k
	det := false
	if r.class(i, clDet) || r.isWord(i, "one") && r.lowerWord(i+1) {
		det = true // "the official", "one unaligned strategist"
		i++
	}
	head := false
	for ; i < hi && i-k < 12 && r.inQ[i] == 0; i++ {
		tk := r.toks[i]
		in := r.infos[i]
		switch {
		case r.capName(i), tk.Is(article.Abbrev) && tk.Is(article.Cap), tk.Is(article.AllCaps) && tk.Kind == article.Word:
			head = true
		case r.possessive(i):
		case r.class(i, clNPLink) && r.lowerWord(i) && head && (r.capName(i+1) || r.class(i+1, clDet)):
		case r.class(i, clDet) && i > k && r.class(i-1, clNPLink):
		case in != nil && in.src != 0:
			head = true
		case det && r.plainLower(i) && !(head && r.verbLike(i)) && !(r.capName(i-1) && r.pastOrPresent(i)):
			head = true
		case det && r.toks[i].Kind == article.Number && r.is(i+1, "-") && r.toks[i+1].Start == r.toks[i].End && r.plainLower(i+2):
			i += 2 // "the 46-year-old"
			head = true
		case !head && r.plainLower(i) && r.nameAhead(i, hi):
			// "former Ohio governor John Kasich", "lobbyist and strategist Ann Black"
		case r.isWord(i, "and") && !head && r.plainLower(i-1) && r.nameAhead(i+1, hi):
		case r.isWord(i, "and") && head && (r.isWord(i+1, "others") || r.isWord(i+1, "other")):
			i++ // "Doyle and others", "Reid and other Democrats"
			det = true
		case r.isWord(i, "of") && head && r.plainLower(i+1):
			det = true // "a handful of senators"
		case r.is(i, "(") && r.is(i+2, ")") && head:
			i += 2
		default:
			goto done
		}
	}
done:
	for i > k && (r.class(i-1, clNPLink|clDet) && r.lowerWord(i-1)) {
		i--
	}
	return k, i, head && i > k
}

// pastOrPresent reports a word that reads as a finite verb by its
// ending: "retaliated", "fumes".
func (r *run) pastOrPresent(i int) bool {
	w := r.word(i)
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// plainLower reports a lower-case word of no closed class and no cue: a
// noun or an adjective, most likely.
func (r *run) plainLower(i int) bool {
	if !r.lowerWord(i) {
		return false
	}
	in := r.infos[i]
	return in == nil || in.class == 0 && in.cue == nil
}

// verbLike reports a lower-case word in -ed with an object after it: a
// verb ending a noun phrase ("the spokesman defended the route").
func (r *run) verbLike(i int) bool {
	w := r.word(i)
	if len(w) > 4 && strings.HasSuffix(w, "ed") && (r.class(i+1, clDet|clObj) || r.capName(i+1) || r.isWord(i+1, "that") || r.isWord(i+1, "other")) {
		return true
	}
	// "the secretary of State began her speech"
	return r.class(i+1, clDet) && !r.isWord(i+1, "all") && !r.isWord(i+1, "both") && i+2 < len(r.toks) && r.toks[i+2].Kind == article.Word
}

// nameAhead reports whether the lower-case words from i lead, within a
// few words, to a capitalised name: a description before a name.
func (r *run) nameAhead(i, hi int) bool {
	for j := i; j < hi && j-i < 6; j++ {
		switch {
		case r.capName(j):
			return j > i
		case r.plainLower(j), r.isWord(j, "and"):
		default:
			return false
		}
	}
	return false
}

// afterTag skips the adjuncts after a tag's last token k ("on Friday",
// "in a statement", "told reporters") and says what follows.
func (r *run) afterTag(k, sl int, c *cue, inverted bool) (int, int) {
	if c.flags&flagListener != 0 && !inverted {
		k = r.skipListener(k, sl)
	}
	start := k
	for n := 0; k < sl && n < 14; n++ {
		in := r.infos[k]
		tk := r.toks[k]
		switch {
		case r.adverb(k) && !r.class(k, clAux) && !r.isWord(k, "then") && !r.isWord(k, "now"):
			k++ // "said repeatedly that", "told reporters privately that"
			continue
		case (tk.Kind == article.Number || r.quantWord(k) || r.isWord(k, "a")) && r.timeNoun(k+1):
			// "said two days after the attack", "said a week ago"
			k += 2
			if r.isWord(k, "ago") || r.isWord(k, "later") || r.isWord(k, "earlier") {
				k++
			}
			continue
		case r.inQ[k] != 0:
			g := r.regionAt(k)
			if r.regions[g].open == k && r.scareQuote(g) && k > start {
				k = r.regionEnd(&r.regions[g]) // a title: on NBC's “Meet the Press”
				continue
			}
			if r.regions[g].open == k {
				return k, afterQuote
			}
			return k, afterNone
		case in != nil && in.class&clTime != 0 && !r.possessive(k+1) && tk.Kind == article.Word:
			k++
			continue
		case in != nil && in.class&clPrep != 0 && !r.isWord(k, "to") && (!r.isWord(k, "of") || k == start) || (r.isWord(k, "to") && k == start && c.flags&flagListener != 0),
			r.isWord(k, "to") && k > start && (r.class(k+1, clDet) || r.capName(k+1)):
			// "said in a video message to the convention"
			k = r.skipPP(k+1, sl)
			continue
		}
		break
	}
	// "said, among other things, that …", "said, without evidence, that"
	if r.is(k, ",") && !inverted && (r.class(k+1, clPrep) && !r.isWord(k+1, "according") || r.adverb(k+1) || r.lowerWord(k+1) && r.is(k+2, ",")) {
		for i := k + 2; i < sl && i-k < 8 && r.inQ[i] == 0; i++ {
			if r.is(i, ",") {
				if r.isWord(i+1, "that") {
					return i + 1, afterThat
				}
				if g := r.regionAt(i + 1); g >= 0 && r.regions[g].open == i+1 {
					return i + 1, afterQuote
				}
				break
			}
			if r.toks[i].Kind == article.Punct || r.class(i, clAux|clVerbish|clRel) {
				break
			}
		}
	}
	switch {
	case k >= sl || r.endPunct(k, sl):
		return k, afterEnd
	case r.is(k, ","):
		return k, afterComma
	case r.is(k, ":"):
		return k, afterColon
	case r.isWord(k, "that"):
		return k, afterThat
	case r.isWord(k, "whether") || r.isWord(k, "if") || r.isWord(k, "why") || r.isWord(k, "how"):
		if c.lemma == "ask" || c.lemma == "wonder" || c.kind == kindThought || !r.isWord(k, "if") && c.lemma != "say" {
			return k, afterThat // "describing how she …", "explained why"
		}
		if r.isWord(k, "if") && c.kind == kindSpeech {
			return k, afterClause // "said if Trump wins, he would …"
		}
	case r.isWord(k, "to") && c.flags&flagTo != 0:
		return k, afterTo
	case r.clauseStart(k):
		return k, afterClause
	}
	return k, afterNone
}

// timeNoun reports a unit of time: days, weeks, months, years, hours.
func (r *run) timeNoun(i int) bool {
	switch string(r.lower(min(i, len(r.toks)-1))) {
	case "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes":
		return i < len(r.toks)
	}
	return false
}

// endPunct reports whether only closing punctuation is left from k to sl.
func (r *run) endPunct(k, sl int) bool {
	for ; k < sl; k++ {
		if r.toks[k].Kind != article.Punct || r.is(k, ",") || r.is(k, ":") || r.inQ[k] != 0 && r.regions[r.regionAt(k)].open == k {
			return false
		}
	}
	return true
}

// skipListener skips the listener after a verb like "told": a pronoun, a
// name, "reporters", "the Post".
func (r *run) skipListener(k, sl int) int {
	if k >= sl {
		return k
	}
	if r.class(k, clObj) {
		if r.class(k, clPron) && r.class(k+1, clAux|clVerbish) {
			return k // "warned it could make matters worse"
		}
		return k + 1
	}
	if _, b, ok := r.npAfter(k, sl); ok {
		return b
	}
	j := k
	for j < sl && j-k < 3 && r.lowerWord(j) && r.infos[j] == nil { // "told reporters", "told union workers"
		j++
	}
	return j
}

// skipPP skips the noun phrase of a prepositional phrase from k.
func (r *run) skipPP(k, sl int) int {
	for n := 0; k < sl && n < 8 && r.inQ[k] == 0; n++ {
		tk := r.toks[k]
		in := r.infos[k]
		switch {
		case r.isWord(k, "that"):
			return k
		case tk.Kind == article.Word && in != nil && in.class&clTime != 0 && in.class&clDet == 0:
			return k + 1 // "on Tuesday": what follows is the content
		case tk.Kind == article.Word && (in == nil || in.cue == nil && (in.class == 0 || in.class&(clDet|clNPLink|clTime) != 0) &&
			in.class&(clPron|clAux|clRel|clVerbish) == 0):
		case tk.Kind == article.Number, r.possessive(k), r.is(k, "’") || r.is(k, "'"):
		default:
			return k
		}
		k++
	}
	return k
}

// clauseStart reports whether token k may start a reported clause: a
// subject pronoun, a determiner, a name, a number or "there".
func (r *run) clauseStart(k int) bool {
	t := r.toks[k]
	if t.Kind == article.Number || r.isWord(k, "there") {
		return true
	}
	if r.class(k, clPron|clDet) {
		return true
	}
	if t.Kind != article.Word {
		return false
	}
	if t.Is(article.Cap) {
		return true
	}
	// a bare noun phrase: "says political correctness has run amok"
	in := r.infos[k]
	return in == nil || in.class&(clPrep|clConj|clAux|clAdv|clRel|clObj|clVerbish) == 0 && in.cue == nil
}

// newClause reports whether the words after a mid-sentence tag start a
// new clause rather than continue the reported one: a participle, a
// conjunction, "according to".
func (r *run) newClause(k int) bool {
	if k >= len(r.toks) {
		return true
	}
	// Coordinators start a new clause; subordinators ("until", "because")
	// go on with the reported one.
	if r.isWord(k, "and") || r.isWord(k, "but") || r.isWord(k, "or") || r.isWord(k, "so") || r.isWord(k, "yet") ||
		r.isWord(k, "according") || r.isWord(k, "which") || r.isWord(k, "who") {
		return true
	}
	if in := r.infos[k]; in != nil && in.cue != nil && in.form == formIng {
		return true
	}
	if r.lowerWord(k) && strings.HasSuffix(r.word(k), "ing") {
		return true
	}
	return r.toks[k].Kind == article.Punct
}

// andSubject finds a clause of its own between the last relation of the
// sentence and a participle at ci: "and" or "but" followed by a name and
// a verb ("…, and the American Civil Liberties Union has sued the city,
// saying …"). It returns that name.
func (r *run) andSubject(ci, sf int) (int, int, bool) {
	lo := sf
	for k := len(r.rels) - 1; k >= 0; k-- {
		if c := r.rels[k].cue; c >= sf && c < ci {
			lo = r.rels[k].cueEnd
			break
		}
	}
	for i := ci - 2; i > lo; i-- {
		if (r.isWord(i, "and") || r.isWord(i, "but")) && r.is(i-1, ",") && r.inQ[i] == 0 {
			a, b, ok := r.npAfter(i+1, ci)
			if ok && (r.capName(b-1) || r.class(a, clPron)) && b < ci && r.lowerWord(b) && !r.class(b, clPrep|clConj) {
				return a, b, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// sentenceSubject returns the subject of the sentence starting at sf: its
// first noun phrase, after a leading phrase ending in a comma ("In a
// brief interview, Ms. Conway …").
func (r *run) sentenceSubject(sf, hi int) (int, int, bool) {
	if r.class(sf, clAdv) && !r.class(sf, clAux) && sf+1 < hi {
		sf++ // "Then he cut into Bush, calling him …"
	}
	if (r.isWord(sf, "and") || r.isWord(sf, "but") || r.isWord(sf, "yet")) && sf+1 < hi {
		if a, b, ok := r.npAfter(sf+1, hi); ok && r.personLike(a, b) {
			return a, b, true // "And Marco Rubio, after pushing out …"
		}
	}
	if a, b, ok := r.npAfter(sf, hi); ok && r.personLike(a, b) {
		return a, b, true
	}
	if !r.class(sf, clPrep|clConj) {
		return 0, 0, false
	}
	for i := sf + 1; i < hi && i-sf < 30; i++ {
		if r.is(i, ",") && r.inQ[i] == 0 {
			if a, b, ok := r.npAfter(i+1, hi); ok && r.personLike(a, b) {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}

// mainClause returns the last relation with a subject in the sentence
// before token ci, or -1.
func (r *run) mainClause(ci, sf int) int {
	for k := len(r.rels) - 1; k >= 0; k-- {
		l := &r.rels[k]
		if l.cue < sf && l.n > 0 && l.pieces[l.n-1].b <= sf {
			break
		}
		if l.cue >= sf && l.cue < ci && l.subj >= 0 {
			return k
		}
	}
	return -1
}

// topic reports a sentence opening with a phrase that names what a
// quote is about: "Of the scrutiny, he said", "As for the wall, …".
func (r *run) topic(sf int) bool {
	return r.isWord(sf, "of") || r.isWord(sf, "about") || r.isWord(sf, "regarding") || r.isWord(sf, "as") && r.isWord(sf+1, "for")
}

// claimed reports whether quote region g lies in the content of a
// relation already found (“…” in "Madigan asserted that “…”" before
// the next sentence's tag looks back at it).
func (r *run) claimed(g int) bool {
	o := r.regions[g].open
	for q := len(r.rels) - 1; q >= 0 && q >= len(r.rels)-4; q-- {
		l := &r.rels[q]
		for p := 0; p < l.n; p++ {
			if l.pieces[p].a <= o && o < l.pieces[p].b {
				return true
			}
		}
	}
	return false
}

// backward takes the content that comes before a tag, ending at token
// end (a comma or the closing mark of a quote): the quote, or the words
// from the start of the sentence.
func (r *run) backward(l *rel, end, sf int) bool {
	if g := r.backRegion(end); g >= 0 && (r.opensClause(g, sf) || end < sf) {
		if r.regions[g].rel >= 0 || r.scareQuote(g) && !r.quoteEndsClause(r.regionEnd(&r.regions[g])-1) ||
			end < sf && (r.claimed(g) || !r.opensClause(g, r.sf[max(r.sent[r.regions[g].open], 0)])) {
			return false
		}
		for r.regions[g].prev >= 0 {
			g = r.regions[g].prev
		}
		r.addRegion(l, g)
		return true
	}
	a := r.clauseStart2(sf, end)
	words := 0
	for i := a; i < end; i++ {
		if r.toks[i].Kind == article.Word || r.toks[i].Kind == article.Number {
			words++
		}
	}
	// "In fact, …", "When reached by the AP, …": a leading phrase, not
	// a reported clause.
	if words < 2 || words < 8 && (r.class(a, clPrep|clConj) || r.isWord(a, "like")) && !r.quoteIn(a, end) {
		return false
	}
	if g := r.regionAt(end); g >= 0 && r.regionEnd(&r.regions[g]) == end+1 {
		end++ // keep the closing mark of a quote inside the clause
	}
	l.add(piece{a, end, -1})
	return true
}

// opensClause reports whether quote region g (or the first piece of its
// chain) starts its sentence, so that the quote is the whole content
// before a tag rather than part of a clause.
func (r *run) opensClause(g, sf int) bool {
	for r.regions[g].prev >= 0 {
		return true
	}
	// "As for his remarks, “…,” said Pike": after a leading phrase
	if o := r.regions[g].open; o-sf > 1 && o-sf < 14 && r.is(o-1, ",") && r.class(sf, clPrep|clConj) && !r.quoteIn(sf, o-1) {
		return true
	}
	for i := r.regions[g].open - 1; i >= sf; i-- {
		if r.is(i, ":") || r.is(i, ";") || r.dash(i) {
			return true
		}
		if r.toks[i].Kind == article.Word && !r.class(i, clConj) {
			return false
		}
	}
	return true
}

// dash reports a dash token: — – ― --, or a hyphen between spaces.
func (r *run) dash(i int) bool {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != article.Punct {
		return false
	}
	if c := r.s[r.toks[i].Start]; c != '-' && c != 0xE2 {
		return false
	}
	if r.is(i, "-") {
		return i > 0 && i+1 < len(r.toks) && r.toks[i-1].End < r.toks[i].Start && r.toks[i+1].Start > r.toks[i].End
	}
	return r.is(i, "—") || r.is(i, "–") || r.is(i, "―") || r.is(i, "--")
}

// quoteEndsClause reports whether token t closes a quote that ends with
// a comma, ? or ! or a full stop: the tag may follow it.
func (r *run) quoteEndsClause(t int) bool {
	return r.quoteEndsSentence(t) || r.quoteComma(t)
}

// quoteEndsSentence reports whether token t closes a quote whose words
// end with . ? or !: “… things like that.”
func (r *run) quoteEndsSentence(t int) bool {
	g := r.regionAt(t)
	if g < 0 || r.regionEnd(&r.regions[g]) != t+1 {
		return false
	}
	e := r.regions[g].last - 1
	return e >= 0 && (r.is(e, ".") || r.is(e, "?") || r.is(e, "!"))
}

// clauseStart2 returns where the words before a tag ending at end begin:
// the sentence start, the opening mark of a quote the sentence starts in,
// or the token after the last colon, semicolon or dash.
func (r *run) clauseStart2(sf, end int) int {
	if g := r.regionAt(sf); g >= 0 && r.regions[g].open < sf {
		sf = r.regions[g].open
	}
	dashes := 0
	for i := sf; i < end; i++ {
		if r.inQ[i] == 0 && r.dash(i) {
			dashes++
		}
	}
	for i := end - 1; i > sf; i-- {
		// paired dashes enclose an aside: "its leaders — along with … —
		// played key roles"
		if r.inQ[i] == 0 && (r.is(i, ":") || r.is(i, ";") || r.dash(i) && dashes%2 == 1) && end-i > 3 {
			return i + 1
		}
	}
	return sf
}

// opensWithQuote reports whether the words before a tag ending at end
// start with a quotation (“If there had not been that intervention” by
// the United States, …).
func (r *run) opensWithQuote(sf, end int) bool {
	a := r.clauseStart2(sf, end)
	g := r.regionAt(a)
	return g >= 0 && r.regions[g].open == a && r.regionEnd(&r.regions[g]) < end
}

// backRegion returns the quote region that ends at token end (its
// closing mark, or a comma right after it), or -1.
func (r *run) backRegion(end int) int {
	g := r.regionAt(end)
	if g < 0 && r.is(end, ",") {
		g = r.regionAt(end - 1) // “…”, he said
		if g >= 0 && r.regionEnd(&r.regions[g]) != end {
			g = -1
		}
	}
	return g
}

// addRegion adds quote region g and the pieces that continue it over
// paragraphs.
func (r *run) addRegion(l *rel, g int) {
	for ; g >= 0; g = r.regions[g].next {
		l.add(piece{r.regions[g].first, r.regions[g].last, g})
	}
}

// forwardQuote takes the quote opening at token k as content. When the
// sentence goes on after the quote, the quote is part of a reported
// clause.
func (r *run) forwardQuote(l *rel, k, sl int) {
	g := r.regionAt(k)
	if g < 0 || r.regions[g].rel >= 0 || r.scareQuote(g) && !r.is(k-1, ",") && !r.is(k-1, ":") &&
		!(k == l.cueEnd && l.c != nil && l.c.kind == kindSpeech && (!labels[string(r.lower(k-1))] || l.subj >= 0 && l.c.lemma == "call" && (r.class(l.subjEnd-1, clPron) || r.capName(l.subjEnd-1)))) {
		return // a title; but after "said," a colon, "said" or "X called" it is what was said
	}
	last := g
	for r.regions[last].next >= 0 {
		last = r.regions[last].next
	}
	e := r.regionEnd(&r.regions[last])
	if e < sl && !r.endPunct(e, sl) && !r.is(e, ",") && !r.is(e, ";") && !r.is(r.regions[last].last-1, ",") && !(r.class(e, clConj) && !r.isWord(e, "and") && !r.isWord(e, "or")) {
		r.forwardClause(l, k, sl)
		return
	}
	r.addRegion(l, g)
}

// forwardClause takes the words from token k to the end of the sentence
// (or of a quote that runs past it) as content.
func (r *run) forwardClause(l *rel, k, sl int) {
	e := sl
	rel := l.subj > 0 && r.class(l.subj, clRel) && (r.is(l.subj-1, ",") || r.dash(l.subj-1))
	for i := k; i < e; i++ {
		if g := r.regionAt(i); g >= 0 && r.regions[g].open == i {
			last := g
			for r.regions[last].next >= 0 {
				last = r.regions[last].next
			}
			if end := r.regionEnd(&r.regions[last]); end > e {
				e = end
			}
			i = r.regionEnd(&r.regions[g]) - 1
		}
	}
	for i := k + 1; i < e; i++ {
		if g := r.regionAt(i); g >= 0 && r.regions[g].open == i && r.regions[g].close > i+1 {
			i = r.regions[g].close - 1 // jump to the closing mark
		}
		if r.inQ[i] == 0 && r.is(i, ",") && !(i == k+1 && r.isWord(k, "that")) && (r.clauseBreak(i+1) || rel && (r.predicate(i+1) || r.plainLower(i+1))) {
			e = i // "Pardo, who said he would not vote, left early"
			break
		}
		if r.inQ[i] == 0 && (r.andVerb(i) || r.is(i, ";") || r.dash(i) && (r.predicate(i+1) || r.isWord(i+1, "then") && r.predicate(i+2) || r.clauseBreak(i+1))) {
			e = i // "… and said he was …", "… - then was drawn to": a second verb of the subject
			break
		}
		// a comma inside a closing quote: …gun," but he said …
		if g := r.regionAt(i); g >= 0 && r.regions[g].close == i && r.is(i-1, ",") && (r.clauseBreak(r.regionEnd(&r.regions[g])) || r.relativeAfter(r.regionEnd(&r.regions[g]))) {
			e = r.regionEnd(&r.regions[g])
			break
		}
		// …“a full exchange of views,” which it sells …: a relative
		// clause after a quote comments on it.
		if g := r.regionAt(i - 1); g >= 0 && r.regions[g].close >= 0 && r.regionEnd(&r.regions[g]) == i && r.is(i, ",") && r.relativeAfter(i+1) {
			e = r.regionEnd(&r.regions[g])
			break
		}
	}
	e = r.trimEnd(k, e)
	if e > k {
		l.add(piece{k, e, -1})
	}
}

// predicate reports whether the words from k start a verb phrase: an
// auxiliary, a verb in the past or present tense, perhaps after adverbs.
func (r *run) predicate(k int) bool {
	for n := 0; n < 2 && k < len(r.toks) && r.class(k, clAdv) && !r.class(k, clAux); n++ {
		k++
	}
	if k >= len(r.toks) || r.inQ[k] != 0 {
		return false
	}
	if r.class(k, clAux|clVerbish) {
		return true
	}
	if in := r.infos[k]; in != nil && in.cue != nil && (in.form == formPast || in.form == formPres) {
		return true
	}
	w := r.word(k)
	return r.plainLower(k) && len(w) > 4 && strings.HasSuffix(w, "ed")
}

// andVerb reports "and" or "but" followed by a cue verb in the past or
// present tense: the subject goes on to a second statement.
func (r *run) andVerb(i int) bool {
	if in := r.infos[i]; in == nil || in.class&(clConj|clPrep) == 0 {
		return false
	}
	and := r.isWord(i, "and") || r.isWord(i, "but")
	if !and && !r.isWord(i, "before") && !r.isWord(i, "after") && !r.isWord(i, "while") {
		return false
	}
	if i+1 < len(r.toks) && r.lowerWord(i+1) {
		w := r.word(i + 1)
		// "… and questioning how", "before claiming that": a participle
		if !and && len(w) > 5 && strings.HasSuffix(w, "ing") && r.infos[i+1] == nil && !ingWords[w] ||
			r.infos[i+1] != nil && r.infos[i+1].cue != nil && r.infos[i+1].form == formIng {
			return true
		}
		// "… and pointedly saying": an adverb before a speech participle
		if and && i+2 < len(r.toks) && r.adverb(i+1) && r.inQ[i+2] == 0 {
			if in := r.infos[i+2]; in != nil && in.cue != nil && in.form == formIng && in.cue.kind == kindSpeech {
				return true
			}
		}
		// "…, and contrasted the candidate": a second verb with its object
		if and && r.commaBefore(i) && len(w) > 4 && strings.HasSuffix(w, "ed") && (r.class(i+2, clDet|clObj) || r.capName(i+2)) {
			return true
		}
	}
	if !and {
		return false
	}
	j := i + 1
	// "and Democrats accused …", ", and the Union has sued": a new
	// subject and its verb
	if _, b, ok := r.npAfter(j, min(j+6, len(r.toks))); ok && b < len(r.toks) && (r.capName(j) || r.class(j, clPron|clDet) ||
		r.infos[j] != nil && r.infos[j].src != 0) {
		if in := r.infos[b]; in != nil && in.cue != nil && (in.form == formPast || in.form == formPres) {
			return true
		}
		if r.commaBefore(i) && (r.class(b, clAux) || r.lowerWord(b) && strings.HasSuffix(r.word(b), "ed")) {
			return true
		}
	}
	// "…; and nearly three in five said": a quantity and its verb
	if b := r.quantityAfter(j); b > j && b < len(r.toks) {
		if in := r.infos[b]; in != nil && in.cue != nil && (in.form == formPast || in.form == formPres || in.form == formBase) {
			return true
		}
	}
	for j < len(r.toks) && j-i < 3 && r.adverb(j) {
		j++
	}
	// "… and said", "…, and believes": a second statement of the
	// subject; but "was tired of it and wanted a change" goes on with the
	// reported clause.
	in := r.infos[min(j, len(r.toks)-1)]
	return in != nil && in.cue != nil && (in.form == formPast || in.form == formPres) &&
		(in.cue.kind == kindSpeech || in.cue.kind == kindReport || r.commaBefore(i))
}

// commaBefore reports a comma before token i, outside or at the end of
// a quote: "…, and", "… “unpatriotic,” and".
func (r *run) commaBefore(i int) bool {
	if r.is(i-1, ",") {
		return true
	}
	g := r.regionAt(i - 1)
	return g >= 0 && r.regionEnd(&r.regions[g]) == i && r.is(r.regions[g].last-1, ",")
}

// clauseBreak reports whether the words after a comma at k-1 leave the
// reported clause: a contrasting conjunction ("but", "while"), a
// participle ("…, adding", "…, engaging in").
func (r *run) clauseBreak(k int) bool {
	if k >= len(r.toks) || r.inQ[k] != 0 {
		return false
	}
	switch {
	case r.isWord(k, "but"), r.isWord(k, "while"), r.isWord(k, "although"), r.isWord(k, "though"),
		r.isWord(k, "whereas"), r.isWord(k, "according"), r.isWord(k, "compared"):
		return true
	}
	if r.absolute(k) {
		return true
	}
	if r.lowerWord(k) && !r.class(k, clPrep|clTime) {
		w := r.word(k)
		if len(w) > 5 && w[len(w)-2:] == "ly" && r.lowerWord(k+1) && r.inQ[k+1] == 0 {
			k, w = k+1, r.word(k+1) // "…, implicitly putting his name on the line"
		}
		return len(w) > 5 && w[len(w)-3:] == "ing" && !ingWords[w]
	}
	return false
}

// absolute reports an absolute clause at k with a speech participle of
// its own: "…, with Inspector Jones adding that …", "…, her deputy
// saying …", "…, he adding …". Its subject is the participle's source,
// and the clause is not part of the words reported before it.
func (r *run) absolute(k int) bool {
	if r.isWord(k, "with") {
		k++
	}
	j := k
	if possDet[string(r.lower(j))] && r.lowerWord(j+1) {
		j++ // "her deputy"
	}
	a, b, ok := r.npAfter(j, min(j+10, len(r.toks)))
	if !ok || a != j || b >= len(r.toks) || !r.personLike(a, b) || r.isWord(b-1, "it") {
		return false
	}
	in := r.infos[b]
	return in != nil && in.cue != nil && in.form == formIng && in.cue.kind == kindSpeech
}

// possDet are the possessive determiners.
var possDet = map[string]bool{"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true}

// relativeAfter reports a relative pronoun at k: "which", "who", "whom".
func (r *run) relativeAfter(k int) bool {
	return r.isWord(k, "which") || r.isWord(k, "who") || r.isWord(k, "whom")
}

// ingWords end in -ing but start no participle clause: prepositions and
// nouns ("…, including", "…, during", "…, something").
var ingWords = map[string]bool{
	"including": true, "regarding": true, "concerning": true, "following": true, "excluding": true, "pending": true,
	"notwithstanding": true, "nothing": true, "something": true, "anything": true, "everything": true, "spending": true,
	"funding": true, "building": true, "meeting": true, "hearing": true, "ruling": true, "polling": true, "housing": true,
	"training": true, "bombing": true, "shooting": true, "killing": true, "warning": true, "offering": true, "beginning": true,
}

// quoteIn reports whether a quote region that is not a title or a
// scare quote opens in tokens [a, b).
func (r *run) quoteIn(a, b int) bool {
	for i := a; i < b; i++ {
		if g := r.regionAt(i); g >= 0 {
			if r.regions[g].open == i && !r.scareQuote(g) {
				return true
			}
			i = max(i, r.regionEnd(&r.regions[g])-1)
		}
	}
	return false
}

// anyQuoteIn reports whether a quote region opens in tokens [a, b), a
// title or not: what one "calls" someone may be in title case ("called
// her an “Aunt Tom”").
func (r *run) anyQuoteIn(a, b int) bool {
	for i := a; i < b; i++ {
		if g := r.regionAt(i); g >= 0 {
			return r.regions[g].open == i || r.regions[g].open > a
		}
	}
	return false
}

// quoteAnchor ends the last piece of l at the end of the last quote in
// it when only an adjunct follows the quote: "criticized the law as a
// “crazy system” during a stop in Flint" reports "the law as a “crazy
// system”".
func (r *run) quoteAnchor(l *rel, k int) {
	if l.n == 0 {
		return
	}
	pc := &l.pieces[l.n-1]
	end := -1
	for i := pc.a; i < pc.b; i++ {
		if g := r.regionAt(i); g >= 0 && r.regions[g].open == i {
			end = r.regionEnd(&r.regions[g])
			i = end - 1
		}
	}
	if end < 0 || end >= pc.b {
		return
	}
	if e := end; r.adverb(e) || r.isWord(e, "instead") {
		for e < pc.b && (r.adverb(e) || r.isWord(e, "instead")) {
			e++
		}
		if e >= pc.b || r.is(e, ",") || r.isWord(e, "and") && r.predicate(e+1) {
			pc.b = end // "called his opponent “Senator Cruz” instead and made no mention"
			return
		}
	}
	switch {
	case r.is(end, ","), r.is(end, "("), r.isWord(end, "and") && r.predicate(end+1), r.toks[end].Kind == article.Number,
		r.class(end, clPrep|clConj|clTime) && !r.isWord(end, "and") && !r.isWord(end, "or") && !r.isWord(end, "of") && !r.isWord(end, "to"),
		r.toks[end].Kind == article.Word && r.toks[end].Is(article.Cap) && r.infos[end] != nil && r.infos[end].class&clTime != 0:
		pc.b = end
		return
	}
	// "called it a “let a thousand flowers bloom” approach - working
	// with …": the object ends at a dash.
	for i := end; i < pc.b && i-end < 4; i++ {
		if r.inQ[i] == 0 && (r.dash(i) || r.is(i, ";")) {
			pc.b = r.trimEnd(pc.a, i)
			return
		}
	}
}

// trimEnd drops final sentence punctuation and commas outside quotes.
func (r *run) trimEnd(a, e int) int {
	for e > a && r.inQ[e-1] == 0 && r.toks[e-1].Kind == article.Punct && !r.is(e-1, ")") {
		e--
	}
	return e
}

// surveyAfter reports whether the words from k name a survey, a study or
// a book ("In a CNN poll released Monday, …", "… in most surveys"): the
// head of the noun phrase within a few words.
func (r *run) surveyAfter(k, sl int) bool {
	for i := k; i < sl && i-k < 10 && r.inQ[i] == 0; i++ {
		if in := r.infos[i]; in != nil && in.survey {
			return !r.isWord(i+1, "of") // "a poll of voters" goes on; the head is still poll
		}
		if r.toks[i].Kind == article.Punct && !r.is(i, "/") && !r.is(i, "-") && !r.possessive(i) {
			return false
		}
		if in := r.infos[i]; in != nil && in.class&(clAux|clVerbish|clConj|clRel) != 0 {
			return false
		}
	}
	return false
}

// according handles "according to X": the content is the rest of the
// sentence, before or after the phrase.
func (r *run) according(ci, ce int, c *cue, sf, sl int) {
	a, b, ok := r.sourceAfter(ce, sl)
	if !ok {
		return
	}
	after := -1 // where the content after the phrase starts, when known
	if r.is(b, ",") && r.class(b+1, clRel) {
		// "according to Bob, who was in charge of the base, the scene is
		// untrue": the relative clause describes the source.
		for i := b + 2; i < sl && i-b < 30 && r.inQ[i] == 0; i++ {
			if r.is(i, ",") {
				b, after = i, i+1
				break
			}
		}
	}
	// "two officials familiar with it, …": modifiers of the source up to
	// the comma that ends the phrase.
	if b < sl && !r.is(b, ",") && !r.endPunct(b, sl) {
		for i := b; i < sl && i-b < 8 && r.inQ[i] == 0; i++ {
			if r.is(i, ",") {
				b = i
				break
			}
			if in := r.infos[i]; in != nil && (in.cue != nil || in.class&clVerbish != 0) {
				break
			}
		}
	}
	l := rel{cue: ci, cueEnd: ce, c: c, subj: a, subjEnd: b, from: -1, tagStart: ci, tagEnd: b}
	lead := ci - sf
	if lead == 1 && r.class(sf, clConj) {
		lead = 0
	}
	if after < 0 {
		after = b
		if r.is(after, ",") {
			after++
		}
	}
	end := ci
	if r.is(end-1, ",") || r.dash(end-1) {
		end--
	}
	switch {
	case lead == 0:
		r.forwardClause(&l, after, sl)
	case end > sf && r.leadPhrase(sf, end) && after < sl && r.clauseStart(after):
		// "After the attack, according to officials, the plan changed":
		// the leading phrase and the clause after.
		l.add(piece{sf, r.trimEnd(sf, end), -1})
		r.forwardClause(&l, after, sl)
	default:
		if end-sf < 2 {
			return
		}
		if g := r.regionAt(end - 1); g >= 0 && r.regionEnd(&r.regions[g]) == end && r.regions[g].rel < 0 && r.opensClause(g, sf) {
			for r.regions[g].prev >= 0 {
				g = r.regions[g].prev
			}
			r.addRegion(&l, g)
		} else {
			a := r.clauseStart2(sf, end)
			// "Katrina Pierson, who has espoused Tea Party ideals,
			// according to …", "Cuban Americans, 82 percent of whom view
			// Trump unfavorably, according to …": the relative clause is
			// the claim.
			relClause := false
		scan:
			for i := end - 1; i > a && end-i < 30; i-- {
				if r.inQ[i] != 0 || !r.is(i-1, ",") {
					continue
				}
				for j := i; j < i+5 && j < end; j++ {
					if r.isWord(j, "who") || r.isWord(j, "which") || r.isWord(j, "whom") {
						if j == i || r.isWord(j-1, "of") {
							a, relClause = i, true
							break scan
						}
					}
				}
			}
			l.add(piece{a, r.trimEnd(a, end), -1})
			if relClause {
				break
			}
		}
		if r.is(b, ",") && !r.newClause(after) && after < sl {
			r.forwardClause(&l, after, sl)
		}
	}
	if l.n == 0 {
		return
	}
	r.push(l)
}

// leadPhrase reports whether tokens [a, e) are a short leading phrase
// rather than a clause: a preposition, a subordinator or a time word
// first, a few words, no verb of their own.
func (r *run) leadPhrase(a, e int) bool {
	if e-a > 12 || !(r.class(a, clPrep|clConj|clTime) || r.adverb(a)) {
		return false
	}
	for i := a; i < e; i++ {
		if r.inQ[i] != 0 || r.is(i, ",") {
			return false
		}
	}
	return true
}

// sourceAfter returns the source named after "according to": the noun
// phrase up to the next comma or the end of the sentence ("a Council on
// Foreign Relations (CFR) report", "exit polls reported by CNN", "three
// people briefed on the discussions"), stopping early at a verb.
func (r *run) sourceAfter(k, sl int) (int, int, bool) {
	i := k
	words := 0
	for ; i < sl && i-k < 20 && r.inQ[i] == 0; i++ {
		tk := r.toks[i]
		if tk.Kind == article.Punct {
			switch r.word(i) {
			case "(", ")", "'", "’", "-", "/", "&":
				continue
			}
			break
		}
		in := r.infos[i]
		if in != nil && (in.class&(clVerbish|clAux|clRel) != 0 || in.cue != nil && in.cue.flags&flagNoun == 0 && in.form != formPast) {
			break
		}
		if r.isWord(i, "that") {
			break
		}
		if tk.Kind == article.Word || tk.Kind == article.Number {
			words++
		}
	}
	for i > k && (r.class(i-1, clNPLink|clDet|clPrep) && r.lowerWord(i-1) || r.is(i-1, "(") || r.is(i-1, "-")) {
		i--
	}
	return k, i, words > 0 && i > k
}

// document reports whether the phrase at tokens [a, b) is headed by a
// document or data noun ("a 2014 study", "instant polls").
func (r *run) document(a, b int) bool {
	if a < 0 || b <= a {
		return false
	}
	if in := r.infos[b-1]; in != nil && in.src == srcDocument {
		return true
	}
	w := r.word(b - 1)
	if len(w) > 3 && w[len(w)-1] == 's' {
		in := r.lex.words[strings.ToLower(w[:len(w)-1])]
		return in != nil && in.src == srcDocument
	}
	return false
}

// endsNP reports whether the lower-case word at i is followed by
// something that cannot continue a noun phrase, so that it would be a
// verb rather than an adjective.
func (r *run) endsNP(i, sl int) bool {
	return i+1 >= sl || r.toks[i+1].Kind == article.Punct && !r.is(i+1, "(")
}

// trim ends a relation's reported words where a later tag starts after a
// comma ("…, adding that …", "…, X said."), so that one relation's content
// does not swallow another's tag; then it drops relations nested in
// another's reported words. Both passes look up tags and cues through
// sorted indexes, so the work stays linear in the number of relations.
func (r *run) trim() {
	r.sortRels()
	r.order = r.order[:0]
	for i := range r.rels {
		r.order = append(r.order, int32(i))
	}
	slices.SortFunc(r.order, func(x, y int32) int { return r.rels[x].tagStart - r.rels[y].tagStart })
	for i := range r.rels {
		a := &r.rels[i]
		for p := 0; p < a.n; p++ {
			pc := &a.pieces[p]
			if pc.reg >= 0 {
				continue
			}
			k, _ := slices.BinarySearchFunc(r.order, pc.a+1, func(x int32, t int) int { return r.rels[x].tagStart - t })
			for ; k < len(r.order); k++ {
				j := int(r.order[k])
				b := &r.rels[j]
				if b.tagStart >= pc.b {
					break
				}
				if j == i {
					continue
				}
				if t := b.tagStart - 1; r.is(t, ",") && r.sibling(b) || r.is(t, ";") || r.is(t, ":") || r.dash(t) {
					pc.b = r.trimEnd(pc.a, b.tagStart-1)
				} else if b.n > 0 && b.pieces[0].reg >= 0 && r.regions[b.pieces[0].reg].open > pc.a && !r.quoteEndsSentence(t) {
					// "… unserious - “Again, …,” she said - and …": the
					// quote and its tag belong to b.
					pc.b = r.trimEnd(pc.a, r.regions[b.pieces[0].reg].open)
					for pc.b > pc.a && (r.dash(pc.b-1) || r.is(pc.b-1, ":")) {
						pc.b--
					}
				}
			}
		}
		// drop emptied pieces
		n := 0
		for p := 0; p < a.n; p++ {
			if a.pieces[p].b > a.pieces[p].a {
				a.pieces[n] = a.pieces[p]
				n++
			}
		}
		a.n = n
	}
	// A relation whose cue lies in another's reported words is part of
	// that content ("Mook told CBS that the campaign expects …"): PolNeAR
	// and readers take the outer one.
	slices.SortFunc(r.order, func(x, y int32) int { return r.rels[x].cue - r.rels[y].cue })
	for i := range r.rels {
		a := &r.rels[i]
		if a.n == 0 {
			continue
		}
		for p := 0; p < a.n; p++ {
			pc := a.pieces[p]
			if pc.reg >= 0 {
				continue
			}
			k, _ := slices.BinarySearchFunc(r.order, pc.a, func(x int32, t int) int { return r.rels[x].cue - t })
			for ; k < len(r.order); k++ {
				j := int(r.order[k])
				b := &r.rels[j]
				if b.cue >= pc.b {
					break
				}
				if j != i && b.tagStart >= pc.a {
					b.n = 0
				}
			}
		}
	}
	out := r.rels[:0]
	for _, l := range r.rels {
		if l.n > 0 {
			out = append(out, l)
		}
	}
	r.rels = out
	for k := range r.regions {
		r.regions[k].rel = -1
	}
	for k := range r.rels {
		r.markRegions(k)
	}
}

// sibling reports whether relation b, whose tag follows a comma inside
// another relation's reported words, ends them rather than lies within
// them (a tag after its content, "…, Smith said"; a participle, "…,
// adding that"; a new main clause), unless its subject is the tail of a
// list of names the reported words began ("…that include China, Brazil
// and India should show that …").
func (r *run) sibling(b *rel) bool {
	if b.n == 0 || b.pieces[0].a < b.cue || b.subj != b.tagStart || b.subj > b.cue || !r.capName(b.subj-2) {
		return true
	}
	for i := b.subj; i < b.subjEnd; i++ {
		if r.isWord(i, "and") || r.isWord(i, "or") {
			return false // the tail of a list of names: "China, Brazil and India"
		}
	}
	return true
}

// markRegions ties the quote regions in relation k's content to it: those
// that are a whole piece, and those inside reported words (partial
// quotes).
func (r *run) markRegions(k int) {
	l := &r.rels[k]
	for p := 0; p < l.n; p++ {
		pc := l.pieces[p]
		if pc.reg >= 0 {
			r.regions[pc.reg].rel = k
			continue
		}
		for i := pc.a; i < pc.b; i++ {
			if g := r.regionAt(i); g >= 0 {
				if r.regions[g].rel < 0 {
					r.regions[g].rel = k
					r.regions[g].partial = true
				}
				i = max(i, r.regionEnd(&r.regions[g])-1) // skip over the quote
			}
		}
	}
}

package quote

import (
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// attachFree gives each quote that no cue claimed a relation of its own:
// it continues the relation just before it when that one ended in the
// previous sentence (“…,” he said. “…”), or stands without a speaker.
// Quoted titles, scare quotes and short quoted terms are left out.
func (r *run) attachFree() {
	r.cued = len(r.rels)
	r.cues = r.cues[:0]
	for i := range r.rels {
		if r.rels[i].cue >= 0 {
			r.cues = append(r.cues, int32(r.rels[i].cue))
		}
	}
	slices.Sort(r.cues)
	r.ends = r.ends[:0]
	for i := range r.rels {
		r.ends = append(r.ends, int32(i))
	}
	slices.SortStableFunc(r.ends, func(x, y int32) int { return r.rels[x].end() - r.rels[y].end() })
	for k := range r.regions {
		g := &r.regions[k]
		if g.rel >= 0 || g.prev >= 0 {
			continue
		}
		if r.scareQuote(k) || r.modifierQuote(k) {
			g.scare = true
			continue
		}
		if !r.fullQuote(k) {
			if !r.fragment(k) {
				g.scare = true
			}
			continue
		}
		l := rel{cue: -1, subj: -1, from: -1}
		if d, a, b, ok := r.dashTag(k); ok {
			l.cue, l.cueEnd, l.c, l.subj, l.subjEnd, l.tagStart, l.tagEnd = d, d+1, dashCue, a, b, d, b
		} else if a, b, ok := r.colonTag(k); ok {
			l.cue, l.cueEnd, l.c, l.subj, l.subjEnd, l.tagStart, l.tagEnd = b, b+1, colonCue, a, b, a, b+1
		} else if a, b, v, ok := r.verbTag(k); ok {
			l.cue, l.cueEnd, l.c, l.subj, l.subjEnd, l.tagStart, l.tagEnd = v, v+1, verbCue, a, b, min(a, v), max(b, v+1)
		} else if a, b, ok := r.colonClause(k); ok {
			o := r.regions[k].open - 1
			l.cue, l.cueEnd, l.c, l.subj, l.subjEnd, l.tagStart, l.tagEnd = o, o+1, colonCue, a, b, a, o+1
		} else if l.from = r.continues(k); l.from >= 0 {
			l.from = r.root(l.from)
		}
		r.addRegion(&l, k)
		r.rels = append(r.rels, l)
		r.markRegions(len(r.rels) - 1)
	}
	for k := range r.regions {
		if g := &r.regions[k]; g.partial && r.scareQuote(k) {
			g.scare = true
		}
	}
}

// verbCue stands for a verb found by position, not in the lexicon: the
// verb of the clause that holds a quoted fragment ("called the senator a
// “nasty guy”").
var verbCue = &cue{kind: kindSpeech}

// fragment makes a relation for quoted fragment k that no cue claimed:
// its content runs from after the clause's verb (the nearest word before
// the fragment with a subject before it) to the end of the clause, and
// the subject is its source. It reports whether it found one.
func (r *run) fragment(k int) bool {
	g := &r.regions[k]
	sf, sl := r.sentBounds(g.open)
	for v := g.open - 1; v > sf && g.open-v < 30; v-- {
		if r.inQ[v] != 0 {
			break
		}
		if !r.lowerWord(v) || r.infos[v] != nil && r.infos[v].class != 0 {
			continue
		}
		w := r.word(v)
		ing := strings.HasSuffix(w, "ing") && len(w) > 5
		if (r.infos[v] == nil || r.infos[v].cue == nil) && !strings.HasSuffix(w, "ed") && !ing {
			continue // only a past tense, a participle or a known cue is taken for the verb
		}
		if r.cueUsed(v) {
			break // that verb's relation did not take the quote
		}
		var a, b int
		var ok bool
		if ing && (r.is(v-1, ",") || r.class(v-1, clConj)) {
			// "Mr. Manafort continued, referring to … ''formal settings''"
			a, b, ok = r.sentenceSubject(sf, v)
		} else {
			a, b, ok = r.subjectBefore(r.skipBack(v-1, sf), sf)
		}
		if !ok || !r.personLike(a, b) {
			continue
		}
		l := rel{cue: v, cueEnd: v + 1, c: verbCue, subj: a, subjEnd: b, from: -1, tagStart: a, tagEnd: v + 1}
		if r.isWord(a-1, "what") || r.isWord(a-1, "which") || r.isWord(a-1, "whom") {
			l.add(piece{a - 1, a, -1}) // "what Sroka called a “…” approach": the object is the pronoun
		}
		e := r.clauseEnd(r.regionEnd(g), sl)
		for i := r.regionEnd(g); i < e; i++ {
			if r.inQ[i] == 0 && r.andVerb(i) {
				e = i
			}
		}
		// A contrast, a participle or a relative clause after a quote and
		// its comma comments on it: "“learning on the job,” while …",
		// "“dossiers,” which it sells …", "“top secret,” saying …".
		for i := r.regionEnd(g); i < e; i++ {
			if h := r.regionAt(i - 1); h >= 0 && r.regionEnd(&r.regions[h]) == i && r.inQ[i] == 0 {
				k := i
				if r.is(k, ",") {
					k++
				} else if r.regions[h].close <= 0 || !r.is(r.regions[h].close-1, ",") {
					continue
				}
				if r.relativeAfter(k) || r.clauseBreak(k) && !r.isWord(k, "compared") && !r.isWord(k, "according") {
					e = i
					break
				}
			}
		}
		if e > v+1 {
			l.add(piece{v + 1, e, -1})
		}
		if l.n == 0 {
			return false
		}
		r.rels = append(r.rels, l)
		r.markRegions(len(r.rels) - 1)
		return true
	}
	return false
}

// cueUsed reports whether token v is the cue of a relation found so far.
func (r *run) cueUsed(v int) bool {
	_, found := slices.BinarySearch(r.cues, int32(v))
	return found
}

// personLike reports whether the phrase at tokens [a, b) names someone
// who may speak: a pronoun, a name, or a person or group noun.
func (r *run) personLike(a, b int) bool {
	h := b - 1
	if r.class(h, clPron) && !r.isWord(h, "it") {
		return true
	}
	if in := r.infos[h]; in != nil && (in.src == srcPerson || in.src == srcGroup) {
		return true
	}
	if r.capName(h) {
		return true
	}
	// "the former secretary of state": the head comes before a
	// post-modifier.
	for i := a + 1; i < h; i++ {
		if r.class(i, clNPLink|clPrep) && r.lowerWord(i) {
			in := r.infos[i-1]
			return in != nil && (in.src == srcPerson || in.src == srcGroup) || r.capName(i-1)
		}
	}
	return false
}

// clauseEnd returns where the clause going on at token k ends: at the
// sentence end, or before a comma that starts a participle or a new
// clause, a semicolon or a dash.
func (r *run) clauseEnd(k, sl int) int {
	for i := k; i < sl; i++ {
		if r.inQ[i] != 0 {
			continue
		}
		if r.is(i, ";") || r.dash(i) {
			return r.trimEnd(k, i)
		}
		if r.is(i, ",") && r.newClause(i+1) {
			return r.trimEnd(k, i)
		}
	}
	return r.trimEnd(k, sl)
}

// end returns the token after the last one of l's content and tag.
func (l *rel) end() int {
	e := l.tagEnd
	if l.cue < 0 {
		e = 0
	}
	for p := 0; p < l.n; p++ {
		e = max(e, l.pieces[p].b)
	}
	return e
}

// dashCue is the dash that ties a quote to a name after it: “…” ― Name.
var dashCue = &cue{lemma: "―", kind: kindSpeech}

// dashTag finds a name after a dash closing quote region k's paragraph
// (“…” ― Sonya Herridge) and returns the dash and the name's tokens.
func (r *run) dashTag(k int) (int, int, int, bool) {
	last := k
	for r.regions[last].next >= 0 {
		last = r.regions[last].next
	}
	d := r.regionEnd(&r.regions[last])
	if r.is(d, ",") {
		d++
	}
	if d >= len(r.toks) || !(r.is(d, "―") || r.is(d, "—") || r.is(d, "–") || r.is(d, "-") || r.is(d, "--")) {
		return 0, 0, 0, false
	}
	end := d + 1
	for end < len(r.toks) && !r.para[end] && end-d < 14 {
		end++
	}
	a, b, ok := r.npAfter(d+1, end)
	if !ok || !r.capName(b-1) || r.trimEnd(b, end) != b {
		return 0, 0, 0, false
	}
	return d, a, b, true
}

// colonCue is the colon after a speaker's name: Rep. Gowdy: “…”.
var colonCue = &cue{lemma: ":", kind: kindSpeech}

// colonTag finds a name alone before a colon that opens quote region k
// (as transcripts and lists of reactions print them) and returns it.
func (r *run) colonTag(k int) (int, int, bool) {
	o := r.regions[k].open
	if !r.is(o-1, ":") {
		return 0, 0, false
	}
	sf, _ := r.sentBounds(o - 1)
	a, b, ok := r.subjectBefore(o-2, sf)
	if !ok || a != sf || !(r.capName(b-1) || r.toks[b-1].Is(article.AllCaps)) {
		return 0, 0, false
	}
	if b != o-1 && !(r.is(b, "(") && r.is(o-2, ")")) {
		return 0, 0, false // only the name, and perhaps its party and state
	}
	return a, b, true
}

// verbTag finds a tag after quote region k whose verb is not in the
// lexicon: “…,” Toomey fumed on Tuesday. It returns the speaker's tokens
// and the verb: a name or description and a verb in the past or present
// tense, in either order, ending the sentence but for adjuncts.
func (r *run) verbTag(k int) (int, int, int, bool) {
	last := k
	for r.regions[last].next >= 0 {
		last = r.regions[last].next
	}
	e := r.regionEnd(&r.regions[last])
	if e >= len(r.toks) || !r.quoteEndsClause(e-1) || r.para[e] {
		return 0, 0, 0, false
	}
	if !r.opensClause(k, r.sf[max(r.sent[r.regions[k].open], 0)]) {
		return 0, 0, 0, false
	}
	_, sl := r.sentBounds(e - 1)
	verb := func(i int) bool {
		if i >= sl || !r.lowerWord(i) || r.infos[i] != nil && r.infos[i].class != 0 {
			return false
		}
		w := r.word(i)
		return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
	}
	ends := func(i int) bool { // only adjuncts left
		if r.particle(i) {
			i++
		}
		return i >= sl || r.endPunct(i, sl) || r.is(i, ",") || r.class(i, clPrep|clTime)
	}
	if a, b, ok := r.npAfter(e, sl); ok && r.personLike(a, b) && verb(b) && ends(b+1) {
		return a, b, b, true // “…,” Toomey fumed
	}
	if verb(e) {
		if a, b, ok := r.npAfter(e+1, sl); ok && r.capName(b-1) && ends(b) {
			return a, b, e, true // “…,” fumed Toomey
		}
	}
	return 0, 0, 0, false
}

// colonClause finds the speaker of a quote region k that opens after a
// clause ending in a colon, its verb no cue of the lexicon ("O'Malley
// interjected: “…”"): the clause's subject, a person, with a verb right
// after it.
func (r *run) colonClause(k int) (int, int, bool) {
	o := r.regions[k].open
	if !r.is(o-1, ":") {
		return 0, 0, false
	}
	sf, _ := r.sentBounds(o - 1)
	if o-1-sf > 16 {
		return 0, 0, false
	}
	a, b, ok := r.npAfter(sf, o-1)
	if !ok || a != sf || !r.personLike(a, b) || r.isWord(a, "it") {
		return 0, 0, false
	}
	v := b
	for v < o-1 && r.adverb(v) && !r.class(v, clAux) {
		v++
	}
	if v >= o-1 || !r.lowerWord(v) || r.infos[v] != nil && r.infos[v].class != 0 {
		return 0, 0, false
	}
	if w := r.word(v); !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && (r.infos[v] == nil || r.infos[v].cue == nil) {
		return 0, 0, false
	}
	return a, b, true
}

// continues returns the relation that quote region k, with no cue of its
// own, continues, or -1: the closest relation before it with a source,
// ending in the same or the previous sentence (which may end the
// previous paragraph: PolNeAR and readers take a quote over paragraphs
// as one quotation).
func (r *run) continues(k int) int {
	open := r.regions[k].open
	best, bestEnd := -1, -1
	// The relations found by cues are indexed by end; those added here
	// come in text order, so the last one is the latest of them.
	if i, _ := slices.BinarySearchFunc(r.ends, open+1, func(x int32, t int) int { return r.rels[x].end() - t }); i > 0 {
		best = int(r.ends[i-1])
		bestEnd = r.rels[best].end()
	}
	if n := len(r.rels); n > r.cued {
		if e := r.rels[n-1].end(); e <= open && e > bestEnd {
			best, bestEnd = n-1, e
		}
	}
	if best < 0 || bestEnd <= 0 {
		return -1
	}
	root := r.root(best)
	// The tag's clause may go on with words of its own: a participle
	// ("…,” Buchanan said, noting that …), a relative clause ("…,” said
	// Pardo, who said …; "a group called X, which expects …"), a
	// sourceless question ("when asked if …"). The quote then goes on
	// with the relation whose content is the quote before, in the same
	// sentence.
	if l := &r.rels[root]; l.cue >= 0 && (!r.hasQuote(root) || l.subj < 0 || r.class(l.subj, clRel)) {
		for q := root - 1; q >= 0 && q >= root-4; q-- {
			if m := &r.rels[q]; m.cue >= 0 && m.subj >= 0 && !r.class(m.subj, clRel) && r.hasQuote(q) && r.sent[m.cue] == r.sent[l.cue] {
				best, root, bestEnd = q, q, m.end()
				break
			}
		}
	}
	if r.rels[root].subj < 0 || r.rels[root].cue < 0 || r.class(r.rels[root].subj, clRel) {
		return -1
	}
	if d := r.sent[open] - r.sent[bestEnd-1]; d > 1 {
		// The splitter may have cut the speaker's description ("…, chief
		// of staff to Leon E. Panetta, then the C.I.A. director."): allow
		// a short stretch with no paragraph break.
		if d > 3 || open-bestEnd > 30 {
			return -1
		}
		for i := bestEnd; i < open; i++ {
			if r.para[i] || r.inQ[i] != 0 {
				return -1
			}
		}
	}
	// The tag must close its sentence ("…,” he said. “…”), not go on to
	// another statement ("she told the crowd, then referred to …").
	if ps := r.sent[bestEnd-1]; ps != r.sent[open] {
		for i := bestEnd; i+1 < r.sl[ps]; i++ {
			if r.is(i, ",") && r.inQ[i] == 0 && (r.isWord(i+1, "then") && (r.predicate(i+2) || r.plainLower(i+2)) || r.isWord(i+1, "before") || r.isWord(i+1, "and") && r.lowerWord(i+2) && strings.HasSuffix(r.word(i+2), "ed")) {
				return -1
			}
		}
	}
	sf, sl := r.sentBounds(open)
	if open > 0 && strings.HasSuffix(r.word(open-1), ".") && r.sent[open-1] == r.sent[open] {
		sf = open // “…,” said X, of Fresno, Calif. “…”: a sentence start the splitter took for an abbreviation
	}
	if sf == open-1 && (r.isWord(sf, "but") || r.isWord(sf, "and")) {
		sf = open // But “…”: a quote after a conjunction still opens its sentence
	}
	if sf != open && (r.sent[bestEnd-1] != r.sent[open] || !(r.is(open-1, ",") || r.is(open-1, ":"))) {
		return -1 // mid-sentence, only after a comma in the tag's sentence
	}
	// The quote must stand alone: words after it would be a tag of its own.
	last := k
	for r.regions[last].next >= 0 {
		last = r.regions[last].next
	}
	if e := r.regionEnd(&r.regions[last]); e < sl && !r.endPunct(e, sl) && !r.quoteEndsSentence(e-1) &&
		!(r.is(e, ",") && (r.isWord(e+1, "which") || r.isWord(e+1, "who")) || r.quoteComma(e-1) && (r.isWord(e, "which") || r.isWord(e, "who"))) {
		return -1 // “…,” which votes June 7: a relative clause, not a tag
	}
	return best
}

// hasQuote reports whether relation k's content holds a whole quote.
func (r *run) hasQuote(k int) bool {
	l := &r.rels[k]
	for p := 0; p < l.n; p++ {
		if l.pieces[p].reg >= 0 {
			return true
		}
	}
	return false
}

func (r *run) root(k int) int {
	for n := 0; r.rels[k].from >= 0 && n < 1000; n++ {
		k = r.rels[k].from
	}
	return k
}

// fullQuote reports whether region k reads as a quotation of its own:
// three words or more that open a sentence or start with a capital.
func (r *run) fullQuote(k int) bool {
	g := &r.regions[k]
	words := 0
	stop := false
	for h := k; h >= 0 && words < 3; h = r.regions[h].next {
		for i := r.regions[h].first; i < r.regions[h].last && words < 3; i++ {
			t := r.toks[i]
			if t.Kind == article.Word || t.Kind == article.Number {
				words++
			} else if r.is(i, ".") || r.is(i, "!") || r.is(i, "?") {
				stop = true
			}
		}
	}
	sf, _ := r.sentBounds(g.open)
	if words < 3 {
		// an exclamation or question opening its sentence: “Perpetual
		// motion!” Rep. Thompson said; “Why?” she asked
		return words > 0 && g.open == sf && g.next < 0 && g.close >= 0 && (r.is(g.last-1, "!") || r.is(g.last-1, "?"))
	}
	_ = stop
	return g.open == sf || g.open == sf+1 && (r.isWord(sf, "but") || r.isWord(sf, "and")) ||
		r.toks[g.first].Is(article.Cap) || r.is(g.open-1, ":") || r.is(g.open-1, ",")
}

// modifierQuote reports a quoted phrase that modifies the noun after it
// (the “Medicare for all” document, his “Second Amendment people”
// remark, “Hispanics para Trump” signs): a label, when no cue claims it.
func (r *run) modifierQuote(k int) bool {
	g := &r.regions[k]
	e := r.regionEnd(g)
	if g.close < 0 || g.next >= 0 || g.prev >= 0 || e >= len(r.toks) || !r.plainLower(e) || r.verbLike(e) || r.quoteEndsClause(e-1) {
		return false
	}
	if w := r.word(e); strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	p := g.open - 1
	if !(p < 0 || r.class(p, clDet) || r.possessive(p) || r.plainLower(p) || r.para[g.open]) {
		return false
	}
	words := 0
	for i := g.first; i < g.last; i++ {
		if r.toks[i].Kind == article.Word || r.toks[i].Kind == article.Number {
			words++
		}
	}
	return words <= 8
}

// labels are words after which a quoted phrase names something rather
// than quotes someone.
var labels = map[string]bool{
	"so-called": true, "dubbed": true, "called": true, "titled": true, "entitled": true, "named": true,
	"labeled": true, "labelled": true, "nicknamed": true, "branded": true, "word": true, "words": true,
	"term": true, "phrase": true, "slogan": true, "hashtag": true, "headline": true, "film": true,
	"book": true, "song": true, "show": true, "program": true, "programme": true, "series": true, "album": true,
	"movie": true, "documentary": true, "novel": true, "article": true, "column": true, "op-ed": true, "essay": true,
	"motto": true,
}

// smallWords may stay lower case inside a title.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "by": true, "from": true, "is": true, "vs.": true, "de": true,
}

// scareQuote reports whether region k is a title, a scare quote or a
// quoted term: short, and after a naming word ("so-called", "titled") or
// in title case.
func (r *run) scareQuote(k int) bool {
	g := &r.regions[k]
	if g.sq == 0 {
		g.sq = -1
		if r.isScare(k) {
			g.sq = 1
		}
	}
	return g.sq > 0
}

// isScare computes scareQuote.
func (r *run) isScare(k int) bool {
	g := &r.regions[k]
	words, caps, small := 0, 0, 0
	for i := g.first; i < g.last && words <= 14; i++ {
		t := r.toks[i]
		switch {
		case r.possessive(i):
		case t.Kind == article.Word:
			words++
			if t.Is(article.Cap) {
				caps++
			} else if smallWords[r.word(i)] {
				small++
			}
		case t.Kind == article.Number:
			words++
			caps++
		case r.is(i, ".") || r.is(i, "!") || r.is(i, "?"):
			if i < g.last-1 {
				return false // a sentence inside: a quotation
			}
		}
	}
	if words == 0 || words > 14 {
		return false
	}
	p := g.open - 1
	if p >= 0 && r.toks[p].Kind == article.Word && labels[string(r.lower(p))] && words <= 5 {
		return true
	}
	// Title case: every word capitalised but the small ones, and more than
	// one word or a capitalised word in the middle of a sentence.
	sf, _ := r.sentBounds(g.open)
	if caps+small == words && caps > 0 && (words > 1 || g.open > sf) && g.next < 0 && g.prev < 0 {
		// a long title after a noun or a preposition: the book “Backfire:
		// Carly Fiorina's High-Stakes Battle for the Soul of HP”; after
		// a comma in apposition to "book", "film"
		return words <= 6 || p >= 0 && r.toks[p].Kind == article.Word && (r.infos[p] == nil || r.infos[p].cue == nil && r.infos[p].class&clConj == 0) ||
			r.is(p, ",") && p > 0 && labels[string(r.lower(p-1))]
	}
	// A short line in single quotes standing alone ('A change warrior.')
	// is a headline, not a quotation.
	if g.single && r.para[g.open] && words <= 8 && (r.regionEnd(g) >= len(r.toks) || r.para[r.regionEnd(g)]) {
		return true
	}
	return false
}

// emit writes the relations into the record as quotes and attributions,
// linking sources to entities.
func (r *run) emit() {
	rec := &r.doc.Rec
	r.spk = grow(r.spk, len(r.rels))
	pieces := 0
	for k := range r.spk {
		r.spk[k] = speaker{}
		pieces += r.rels[k].n
	}
	// one allocation each, at most: a piece gives a quote or an
	// attribution, and perhaps partial quotes
	rec.Quotes = slices.Grow(rec.Quotes, pieces+pieces/2)
	rec.Attributions = slices.Grow(rec.Attributions, pieces/2+1)
	// in text order, so that the records come out (nearly) sorted
	r.order = r.order[:0]
	for k := range r.rels {
		r.order = append(r.order, int32(k))
	}
	slices.SortStableFunc(r.order, func(x, y int32) int { return r.rels[x].start() - r.rels[y].start() })
	for _, k32 := range r.order {
		k := int(k32)
		l := &r.rels[k]
		ri := r.root(k)
		root := &r.rels[ri]
		attr := r.isAttribution(root)
		sp := r.spk[ri]
		if root.subj >= 0 && sp.span == nil {
			sp = r.speaker(root.subj, root.subjEnd)
			r.spk[ri] = sp
		}
		var cueSpan *article.Span
		cueText := ""
		if root.cue >= 0 {
			s := r.span(root.cue, root.cueEnd)
			cueSpan = &s
			cueText = r.s[s.Start:s.End]
		}
		for p := 0; p < l.n; p++ {
			pc := l.pieces[p]
			if pc.reg >= 0 {
				rec.Quotes = append(rec.Quotes, r.quote(pc.a, pc.b, article.Direct, sp, cueText, cueSpan))
				continue
			}
			if attr {
				s := r.span(pc.a, pc.b)
				a := article.Attribution{
					Claim: s, Text: r.s[s.Start:s.End], Source: sp.id, SourceName: sp.name, SourceSpan: sp.span,
					Cue: cueText, CueSpan: cueSpan, Sentence: int(r.sent[pc.a]),
				}
				rec.Attributions = append(rec.Attributions, a)
			} else {
				rec.Quotes = append(rec.Quotes, r.quote(pc.a, pc.b, article.Indirect, sp, cueText, cueSpan))
			}
			for i := pc.a; i < pc.b; i++ {
				g := r.regionAt(i)
				if g < 0 || r.regions[g].open != i {
					continue
				}
				if !r.regions[g].scare {
					rec.Quotes = append(rec.Quotes, r.quote(r.regions[g].first, r.regions[g].last, article.Partial, sp, cueText, cueSpan))
				}
				i = r.regionEnd(&r.regions[g]) - 1
			}
		}
	}
	r.applyMentions()
	// Sort by span (start, longer first) through an index, so that the
	// large records move once each.
	r.order = r.order[:0]
	for i := range rec.Quotes {
		r.order = append(r.order, int32(i))
	}
	bySpan := func(a, b article.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	}
	byQuote := func(x, y int32) int { return bySpan(rec.Quotes[x].Span, rec.Quotes[y].Span) }
	if !slices.IsSortedFunc(r.order, byQuote) {
		slices.SortStableFunc(r.order, byQuote)
		r.qbuf = append(r.qbuf[:0], rec.Quotes...)
		for i, k := range r.order {
			rec.Quotes[i] = r.qbuf[k]
		}
		clear(r.qbuf)
	}
	r.order = r.order[:0]
	for i := range rec.Attributions {
		r.order = append(r.order, int32(i))
	}
	byClaim := func(x, y int32) int { return bySpan(rec.Attributions[x].Claim, rec.Attributions[y].Claim) }
	if !slices.IsSortedFunc(r.order, byClaim) {
		slices.SortStableFunc(r.order, byClaim)
		r.abuf = append(r.abuf[:0], rec.Attributions...)
		for i, k := range r.order {
			rec.Attributions[i] = r.abuf[k]
		}
		clear(r.abuf)
	}
}

// quote makes a Quote of content tokens [a, b), without a trailing comma.
func (r *run) quote(a, b int, kind string, sp speaker, cueText string, cueSpan *article.Span) article.Quote {
	for b > a+1 && (r.is(b-1, ",") || r.is(b-1, ";")) {
		b--
	}
	s := r.span(a, b)
	return article.Quote{
		Text: r.s[s.Start:s.End], Span: s, Speaker: sp.id, SpeakerName: sp.name, SpeakerSpan: sp.span,
		Cue: cueText, CueSpan: cueSpan, Kind: kind, Sentence: int(r.sent[a]),
	}
}

// isAttribution reports whether relation l goes to Attributions: its
// cue reports, attributes a belief or is "according to", or its source
// is not a person.
func (r *run) isAttribution(l *rel) bool {
	if l.c == nil {
		return false
	}
	if l.c.kind != kindSpeech || l.subj < 0 {
		return true // no source: "he was asked what happened", "it is said that"
	}
	if r.isWord(l.subj, "which") && l.subjEnd == l.subj+1 {
		return true
	}
	if ei := r.headEntity(l.subj, l.subjEnd); ei >= 0 {
		return r.doc.Rec.Entities[ei].Type != article.Person
	}
	head := l.subjEnd - 1
	for i := l.subj + 1; i < l.subjEnd; i++ {
		if r.lowerWord(i) && (r.isWord(i, "of") || r.isWord(i, "for") || r.isWord(i, "at")) {
			head = i - 1 // "a spokesman for the ministry"
			break
		}
	}
	if in := r.infos[head]; in != nil {
		if in.src == srcGroup || in.src == srcDocument {
			return true
		}
		if in.src == srcPerson {
			return false
		}
		if r.isWord(head, "it") || r.isWord(head, "they") {
			return true
		}
	}
	return r.toks[head].Is(article.AllCaps) && r.toks[head].Kind == article.Word
}

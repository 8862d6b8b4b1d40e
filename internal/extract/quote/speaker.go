package quote

import (
	"slices"
	"strings"

	"newsgraph/internal/article"
)

// speaker is a relation's source as written and, when known, as an
// entity.
type speaker struct {
	id   string
	name string
	span *article.Span
}

// said remembers a speaker: where it was named and which entity, or -1
// for a person or group named by description only ("a spokesman",
// "officials"), which a later pronoun may refer to.
type said struct {
	at     int
	ent    int
	head   string // the last word of how it was named ("report")
	gender byte   // of an unnamed speaker: 'm', 'f', 'p' (plural) or 0 (either)
}

// speaker names the source at tokens [a, b) and links it to an entity:
// the entity with a mention there, or for a pronoun or a description
// ("the president") the entity it refers to, which then gets the mention.
func (r *run) speaker(a, b int) speaker {
	s := r.span(a, b)
	sp := speaker{name: r.s[s.Start:s.End], span: &s}
	ents := r.doc.Rec.Entities
	if len(ents) == 0 {
		return sp
	}
	ei := r.headEntity(a, b)
	if ei < 0 {
		kind := ""
		switch {
		case b-a == 1 && r.class(a, clPron|clObj):
			ei, kind = r.resolvePronoun(a), "pronoun"
		case b-a == 1 && r.class(a, clRel):
			ei, kind = r.resolveRelative(a), "relative"
		case r.infos[b-1] != nil && r.infos[b-1].role && r.class(a, clDet):
			ei, kind = r.resolveRole(b-1), "title"
		case b-a == 2 && r.isWord(a, "the") && r.infos[b-1] != nil && r.infos[b-1].src == srcDocument:
			// "the report" after "a Council on Foreign Relations report"
			// The report is not the organisation: no mention is added.
			ei, kind = r.resolveDocument(b-1), ""
		}
		if ei >= 0 && kind != "" {
			r.added = append(r.added, ment{s: s, ent: int32(ei), kind: kind})
		}
	}
	switch {
	case ei >= 0:
		sp.id = ents[ei].ID
		r.said = append(r.said, said{at: s.Start, ent: ei, head: r.word(b - 1)})
	case b-a == 1 && r.class(a, clPron|clObj):
		if g := pronounGender(r.word(a)); g != 0 {
			r.said = append(r.said, said{at: s.Start, ent: -1, head: r.word(a), gender: g})
		}
	case r.infos[b-1] != nil && (r.infos[b-1].src == srcPerson || r.infos[b-1].src == srcGroup):
		g := nounGender(string(r.lower(b - 1)))
		if r.infos[b-1].src == srcGroup || r.plural(a, b) {
			g = 'p'
		}
		r.said = append(r.said, said{at: s.Start, ent: -1, head: r.word(b - 1), gender: g})
	}
	return sp
}

// nounGender returns 'm' or 'f' for a person noun that says it
// ("spokeswoman", "husband"), 0 for others.
func nounGender(w string) byte {
	switch {
	case strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "women"):
		return 'f'
	case strings.HasSuffix(w, "man") || strings.HasSuffix(w, "men"):
		return 'm'
	}
	switch w {
	case "wife", "mother", "daughter", "sister", "niece", "queen":
		return 'f'
	case "husband", "father", "son", "brother", "nephew", "king":
		return 'm'
	}
	return 0
}

// headEntity returns the entity a source phrase at tokens [a, b) names:
// the entity of its head, the last name before any post-modifier ("The
// Estonian grid operator Elering" is Elering, not Estonian; "Finnish
// Prime Minister Petteri Orpo" is Orpo; "Bill O’Reilly of Fox News" is
// O’Reilly), passing over a possessor ("Trump’s lawyer Jay Sekulow").
// Without a name in the head it is the entity overlapping the phrase
// most ("a spokesman for the ministry": the ministry), or -1.
func (r *run) headEntity(a, b int) int {
	if len(r.doc.Rec.Entities) == 0 {
		return -1
	}
	h := b
	for i := a + 1; i < b; i++ {
		if r.inQ[i] == 0 && (r.is(i, ",") || r.is(i, "(") || r.dash(i) || r.lowerWord(i) && (r.isWord(i, "of") || r.isWord(i, "for") ||
			r.isWord(i, "at") || r.isWord(i, "from") || r.isWord(i, "with") || r.isWord(i, "in") || r.class(i, clRel))) {
			h = i
			break
		}
	}
	hs := r.span(a, h)
	ms := r.mentions()
	i, _ := slices.BinarySearchFunc(ms, hs.End, func(m ment, t int) int { return m.s.Start - t })
	best, bestEnd, bestLen, bestPoss := -1, 0, 0, true
	for ; i > 0; i-- {
		m := ms[i-1]
		if m.s.Start < hs.Start-512 {
			break
		}
		if !m.s.Overlaps(hs) {
			continue
		}
		end := min(m.s.End, hs.End)
		poss := end < hs.End && r.possessiveAt(end)
		n := m.s.End - m.s.Start
		if best < 0 || bestPoss && !poss || poss == bestPoss && (end > bestEnd || end == bestEnd && (n > bestLen || n == bestLen && int(m.ent) < best)) {
			best, bestEnd, bestLen, bestPoss = int(m.ent), end, n, poss
		}
	}
	if best >= 0 {
		return best
	}
	return r.entityAt(r.span(a, b))
}

// possessiveAt reports a possessive ’s or ' starting at byte offset at.
func (r *run) possessiveAt(at int) bool {
	s := r.s[at:]
	return strings.HasPrefix(s, "'s") || strings.HasPrefix(s, "’s") || strings.HasPrefix(s, "' ") || strings.HasPrefix(s, "’ ")
}

// resolveRelative finds the entity a relative pronoun at token a refers
// to: the one named right before it ("Sen. Reed, who said").
func (r *run) resolveRelative(a int) int {
	j := a - 1
	if r.is(j, ",") || r.dash(j) {
		j--
	}
	sf, _ := r.sentBounds(a)
	if j < sf {
		return -1
	}
	if r.is(j, ")") {
		for j > sf && !r.is(j, "(") && a-j < 10 {
			j--
		}
		j--
	}
	b, ok := r.npBefore(j, sf)
	if !ok {
		return -1
	}
	return r.entityAt(r.span(b, j+1))
}

// resolveDocument finds the entity behind a definite document ("the
// report", head word at token h): the last earlier source with the same
// head word that was linked to an entity.
func (r *run) resolveDocument(h int) int {
	at := r.toks[h].Start
	for k := len(r.said) - 1; k >= 0; k-- {
		if r.said[k].at < at && r.said[k].ent >= 0 && strings.EqualFold(r.said[k].head, r.word(h)) {
			return r.said[k].ent
		}
	}
	return -1
}

// gender returns 'm', 'f' or 'p' (plural) for a pronoun, 0 for others.
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "he", "him":
		return 'm'
	case "she", "her":
		return 'f'
	case "they", "them":
		return 'p'
	}
	return 0
}

// compatible reports whether entity ei may be what a pronoun of gender g
// refers to.
func (r *run) compatible(ei int, g byte) bool {
	e := &r.doc.Rec.Entities[ei]
	if g == 'p' {
		return e.Type == article.Org || e.Type == article.NORP
	}
	if e.Type != article.Person {
		return false
	}
	eg := r.entityGender(ei)
	return eg == 0 || eg == g
}

// entityGender returns the gender the text gives person ei ("Mr.",
// "Ms." before a mention), else the usual gender of its given name, else
// 0. The text comes first: a given name may be a man's in one language
// and a woman's in another.
func (r *run) entityGender(ei int) byte {
	if len(r.gender) != len(r.doc.Rec.Entities) {
		r.gender = grow(r.gender, len(r.doc.Rec.Entities))
		clear(r.gender)
	}
	switch g := r.gender[ei]; g {
	case 0: // not looked up yet
	case 1: // looked up, unknown
		return 0
	default:
		return g
	}
	e := &r.doc.Rec.Entities[ei]
	var g byte
	for _, m := range e.Mentions {
		if m.Embed != 0 || m.Span.Start < 0 || m.Span.End > len(r.s) {
			continue
		}
		before := strings.TrimRight(r.s[max(0, m.Span.Start-5):m.Span.Start], " .")
		in := r.s[m.Span.Start:min(m.Span.End, m.Span.Start+5)]
		switch {
		case strings.HasSuffix(before, "Mr") || strings.HasPrefix(in, "Mr ") || strings.HasPrefix(in, "Mr."):
			g = 'm'
		case strings.HasSuffix(before, "Mrs") || strings.HasSuffix(before, "Ms") || strings.HasPrefix(in, "Mrs") || strings.HasPrefix(in, "Ms ") || strings.HasPrefix(in, "Ms."):
			g = 'f'
		}
		if g != 0 {
			break
		}
	}
	if g == 0 {
		first, _, _ := strings.Cut(e.Name, " ")
		g = r.lex.gender[strings.ToLower(first)]
	}
	r.gender[ei] = max(g, 1)
	return g
}

// resolvePronoun finds the entity a subject pronoun at token a refers to:
// going back sentence by sentence (up to five), the last earlier speaker
// it fits, else the first person (or, for "they", organisation) named in
// that sentence.
func (r *run) resolvePronoun(a int) int {
	g := pronounGender(r.word(a))
	if g == 0 {
		return -1
	}
	si := int(r.sent[a])
	if si < 0 {
		return -1
	}
	for s := si; s >= 0 && si-s <= 5; s-- {
		lo, hi := r.doc.Sents[s].Start, r.doc.Sents[s].End
		if s == si {
			hi = r.toks[a].Start
		}
		for k, n := len(r.said)-1, 0; k >= 0 && n < 64; k, n = k-1, n+1 {
			sd := &r.said[k]
			if sd.at < lo || sd.at >= hi {
				continue
			}
			if sd.ent < 0 {
				// the pronoun goes on with the speaker last described,
				// not with someone named before: “…,” the chairman
				// said, he adding …
				if sd.gender == g || sd.gender == 0 && g != 'p' {
					return -1
				}
				continue
			}
			if r.compatible(sd.ent, g) {
				return sd.ent
			}
		}
		ms := r.mentions()
		i, _ := slices.BinarySearchFunc(ms, lo, func(m ment, t int) int { return m.s.Start - t })
		for ; i < len(ms) && ms[i].s.Start < hi; i++ {
			if ms[i].s.End <= hi && r.compatible(int(ms[i].ent), g) {
				return int(ms[i].ent) // the first named in the sentence
			}
		}
	}
	return -1
}

// resolveRole finds the person a description like "the president" (head
// word at token h) refers to: the person with that role mentioned last
// before it.
func (r *run) resolveRole(h int) int {
	role := strings.ToLower(r.word(h))
	at := r.toks[h].Start
	ents := r.doc.Rec.Entities
	ms := r.mentions()
	i, _ := slices.BinarySearchFunc(ms, at, func(m ment, t int) int { return m.s.Start - t })
	for n := 0; i > 0 && n < 1000; i, n = i-1, n+1 {
		e := &ents[ms[i-1].ent]
		if e.Type == article.Person && strings.Contains(strings.ToLower(e.Role), role) {
			return int(ms[i-1].ent)
		}
	}
	return -1
}

// ment is an entity mention in the index of mentions.
type ment struct {
	s    article.Span
	ent  int32
	kind string
}

// mentions returns every entity mention sorted by start, built once per
// document.
func (r *run) mentions() []ment {
	if !r.mentsOK {
		r.mentsOK = true
		for ei := range r.doc.Rec.Entities {
			for _, m := range r.doc.Rec.Entities[ei].Mentions {
				if m.Embed != 0 {
					continue // in an embed's text, not in the body
				}
				r.ments = append(r.ments, ment{s: m.Span, ent: int32(ei)})
			}
		}
		slices.SortStableFunc(r.ments, func(a, b ment) int { return a.s.Start - b.s.Start })
	}
	return r.ments
}

// entityAt is doc.EntityAt through the index: the entity with a mention
// overlapping s, preferring the one that covers most of s, or -1.
func (r *run) entityAt(s article.Span) int {
	if len(r.doc.Rec.Entities) == 0 {
		return -1
	}
	ms := r.mentions()
	i, _ := slices.BinarySearchFunc(ms, s.End, func(m ment, t int) int { return m.s.Start - t })
	best, bestLen := -1, 0
	for ; i > 0; i-- {
		m := ms[i-1]
		if m.s.Start < s.Start-512 {
			break // mentions are short: nothing further back reaches s
		}
		if !m.s.Overlaps(s) {
			continue
		}
		if ov := min(m.s.End, s.End) - max(m.s.Start, s.Start); ov > bestLen || ov == bestLen && int(m.ent) < best {
			best, bestLen = int(m.ent), ov
		}
	}
	return best
}

// applyMentions adds the resolved pronoun and title mentions to their
// entities, in order and once each.
func (r *run) applyMentions() {
	if len(r.added) == 0 {
		return
	}
	ents := r.doc.Rec.Entities
	slices.SortStableFunc(r.added, func(a, b ment) int { return int(a.ent) - int(b.ent) })
	for i := 0; i < len(r.added); {
		ei := r.added[i].ent
		e := &ents[ei]
		for ; i < len(r.added) && r.added[i].ent == ei; i++ {
			e.Mentions = append(e.Mentions, article.Mention{Span: r.added[i].s, Kind: r.added[i].kind})
		}
		slices.SortStableFunc(e.Mentions, cmpMention)
		e.Mentions = slices.CompactFunc(e.Mentions, func(x, y article.Mention) bool { return x.Span == y.Span && x.Embed == y.Embed })
	}
}

func cmpMention(x, y article.Mention) int {
	if x.Embed != y.Embed {
		return x.Embed - y.Embed // the body's mentions first, then each embed's
	}
	if x.Span.Start != y.Span.Start {
		return x.Span.Start - y.Span.Start
	}
	return x.Span.End - y.Span.End
}

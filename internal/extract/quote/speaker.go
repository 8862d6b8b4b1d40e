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

// said remembers a resolved speaker: where it was named and which entity.
type said struct {
	at   int
	ent  int
	head string // the last word of how it was named ("report")
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
	ei := r.entityAt(s)
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
	if ei >= 0 {
		sp.id = ents[ei].ID
		r.said = append(r.said, said{at: s.Start, ent: ei, head: r.word(b - 1)})
	}
	return sp
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
		if r.said[k].at < at && strings.EqualFold(r.said[k].head, r.word(h)) {
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

// compatible reports whether entity e may be what a pronoun of gender g
// refers to.
func (r *run) compatible(e *article.Entity, g byte) bool {
	if g == 'p' {
		return e.Type == article.Org || e.Type == article.NORP
	}
	if e.Type != article.Person {
		return false
	}
	first, _, _ := strings.Cut(e.Name, " ")
	eg := r.lex.gender[strings.ToLower(first)]
	return eg == 0 || eg == g
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
	ents := r.doc.Rec.Entities
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
			if at := r.said[k].at; at >= lo && at < hi && r.compatible(&ents[r.said[k].ent], g) {
				return r.said[k].ent
			}
		}
		ms := r.mentions()
		i, _ := slices.BinarySearchFunc(ms, lo, func(m ment, t int) int { return m.s.Start - t })
		for ; i < len(ms) && ms[i].s.Start < hi; i++ {
			if ms[i].s.End <= hi && r.compatible(&ents[ms[i].ent], g) {
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

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
	ei := r.doc.EntityAt(s)
	if ei < 0 {
		kind := ""
		switch {
		case b-a == 1 && r.class(a, clPron|clObj):
			ei, kind = r.resolvePronoun(a), "pronoun"
		case r.infos[b-1] != nil && r.infos[b-1].role && r.class(a, clDet):
			ei, kind = r.resolveRole(b-1), "title"
		case b-a == 2 && r.isWord(a, "the") && r.infos[b-1] != nil && r.infos[b-1].src == srcDocument:
			// "the report" after "a Council on Foreign Relations report"
			// The report is not the organisation: no mention is added.
			ei, kind = r.resolveDocument(b-1), ""
		}
		if ei >= 0 && kind != "" {
			addMention(&ents[ei], s, kind)
		}
	}
	if ei >= 0 {
		sp.id = ents[ei].ID
		r.said = append(r.said, said{at: s.Start, ent: ei, head: r.word(b - 1)})
	}
	return sp
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
		for k := len(r.said) - 1; k >= 0; k-- {
			if at := r.said[k].at; at >= lo && at < hi && r.compatible(&ents[r.said[k].ent], g) {
				return r.said[k].ent
			}
		}
		best, bestAt := -1, hi
		for ei := range ents {
			if !r.compatible(&ents[ei], g) {
				continue
			}
			for _, m := range ents[ei].Mentions {
				if m.Span.Start >= lo && m.Span.End <= hi && m.Span.Start < bestAt {
					best, bestAt = ei, m.Span.Start
				}
			}
		}
		if best >= 0 {
			return best
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
	best, bestAt := -1, -1
	for ei, e := range r.doc.Rec.Entities {
		if e.Type != article.Person || !strings.Contains(strings.ToLower(e.Role), role) {
			continue
		}
		for _, m := range e.Mentions {
			if m.Span.Start < at && m.Span.Start > bestAt {
				best, bestAt = ei, m.Span.Start
			}
		}
	}
	return best
}

// addMention adds span s to e's mentions in order, once.
func addMention(e *article.Entity, s article.Span, kind string) {
	i, found := slices.BinarySearchFunc(e.Mentions, s, func(m article.Mention, s article.Span) int {
		if m.Span.Start != s.Start {
			return m.Span.Start - s.Start
		}
		return m.Span.End - s.End
	})
	if found {
		return
	}
	e.Mentions = slices.Insert(e.Mentions, i, article.Mention{Span: s, Kind: kind})
}

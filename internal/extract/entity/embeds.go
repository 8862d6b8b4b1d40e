package entity

import (
	"slices"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// embedSep stands between the body and each embed's text in the joined
// text: a blank line, so that no name or sentence runs across.
const embedSep = "\n\n"

// joinEmbeds returns doc itself when it has no embedded posts. Otherwise
// it returns a Doc whose text is the body followed by the text of each
// embed, with the body's tokens and sentences and those of the embeds,
// so that one pass finds the names of both and resolves them together
// (a surname in a post is the person named in the body). bases[k] is
// where the text of embed k+1 starts in the joined text.
func (s *scratch) joinEmbeds(doc *article.Doc) (*article.Doc, []int) {
	embeds := doc.Rec.Embeds
	if len(embeds) == 0 {
		return doc, nil
	}
	size := len(doc.Rec.Text)
	for _, em := range embeds {
		size += len(embedSep) + len(em.Text)
	}
	var sb strings.Builder
	sb.Grow(size)
	sb.WriteString(doc.Rec.Text)
	toks := append(s.jtoks[:0], doc.Tokens...)
	sents := append(s.jsents[:0], doc.Sents...)
	bases := s.bases[:0]
	for _, em := range embeds {
		sb.WriteString(embedSep)
		base := sb.Len()
		bases = append(bases, base)
		sb.WriteString(em.Text)
		et := text.Tokenize(em.Text)
		first := len(toks)
		for _, t := range et {
			t.Start += base
			t.End += base
			toks = append(toks, t)
		}
		for _, st := range text.Sentences(em.Text, et) {
			st.Start += base
			st.End += base
			st.First += first
			st.Last += first
			sents = append(sents, st)
		}
	}
	s.jtoks, s.jsents, s.bases = toks, sents, bases
	j := &s.joined
	*j = article.Doc{Published: doc.Published, Tokens: toks, Sents: sents}
	j.Rec.Text = sb.String()
	return j, bases
}

// placeMentions moves the mentions that lie in an embed's text (at or
// after bases[k] of the joined text) into that embed's own offsets, then
// sorts each entity's mentions (those in the body first, by position,
// then those in embeds, by embed and position) and the entities by where
// a reader meets them first: a mention in an embed counts at the place
// (At) where the embed stood in the body.
func placeMentions(ents []article.Entity, bases []int, embeds []article.Embed) {
	for i := range ents {
		ms := ents[i].Mentions
		for k := range ms {
			m := &ms[k]
			for e := len(bases) - 1; e >= 0; e-- {
				if m.Span.Start >= bases[e] {
					m.Span.Start -= bases[e]
					m.Span.End -= bases[e]
					m.Embed = e + 1
					break
				}
			}
		}
		slices.SortFunc(ms, cmpMention)
		ents[i].Mentions = slices.CompactFunc(ms, func(a, b article.Mention) bool { return a.Span == b.Span && a.Embed == b.Embed })
	}
	slices.SortStableFunc(ents, func(a, b article.Entity) int {
		return cmpReading(firstRead(a.Mentions, embeds), firstRead(b.Mentions, embeds))
	})
}

// cmpMention orders mentions: the body's first, then by embed, then by
// position.
func cmpMention(a, b article.Mention) int {
	if a.Embed != b.Embed {
		return a.Embed - b.Embed
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start - b.Span.Start
	}
	return a.Span.End - b.Span.End
}

// reading is where a reader meets a mention: its offset in the body, or
// for a mention in an embed the offset where the embed stood, then the
// embed and the offset in it.
type reading struct{ at, embed, off int }

func firstRead(ms []article.Mention, embeds []article.Embed) reading {
	best := reading{at: -1}
	for _, m := range ms {
		r := reading{at: m.Span.Start, off: m.Span.Start}
		if m.Embed > 0 && m.Embed <= len(embeds) {
			r = reading{at: embeds[m.Embed-1].At, embed: m.Embed, off: m.Span.Start}
		}
		if best.at < 0 || cmpReading(r, best) < 0 {
			best = r
		}
	}
	return best
}

// cmpReading orders readings; an embed comes before the body text that
// follows the place where it stood.
func cmpReading(a, b reading) int {
	if a.at != b.at {
		return a.at - b.at
	}
	if (a.embed == 0) != (b.embed == 0) {
		if a.embed == 0 {
			return 1
		}
		return -1
	}
	if a.embed != b.embed {
		return a.embed - b.embed
	}
	return a.off - b.off
}

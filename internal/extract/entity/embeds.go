package entity

import (
	"slices"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
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
			if m.Embed > 0 {
				continue // placed already: an embed's author
			}
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

// embedAuthors adds to the entities the author of each embedded post
// when it names one: a known person or organisation ("Belarus MFA" is the
// Belarusian Foreign Ministry), or an entity of the article by its name.
// The mention has kind author, the embed's index and an empty span: the
// author stands in the embed's Author (or Handle), not in its Text.
func (e *Extractor) embedAuthors(s *scratch, doc *article.Doc, ents []article.Entity) []article.Entity {
	for k, em := range doc.Rec.Embeds {
		for _, name := range [2]string{em.Author, splitHandle(em.Handle)} {
			if name == "" {
				continue
			}
			if i, ok := e.author(doc, ents, name); ok {
				ents[i].Mentions = append(ents[i].Mentions, article.Mention{Kind: "author", Embed: k + 1})
				break
			}
			if ent, ok := e.knownAuthor(s, doc, name); ok {
				ent.Mentions = []article.Mention{{Kind: "author", Embed: k + 1}}
				ents = append(ents, ent)
				break
			}
		}
	}
	return ents
}

// authorKey returns the lookup form of the words of an author's name,
// without emoji and other symbols.
func authorKey(name string) string {
	var b []byte
	for _, t := range text.Tokenize(name) {
		if t.Kind != article.Word {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = kb.AppendNorm(b, name[t.Start:t.End])
	}
	return string(b)
}

// author returns the index of the entity of the article an author's name
// names: by its name or, for a ministry ("Belarus MFA"), by its country
// and ministry.
func (e *Extractor) author(doc *article.Doc, ents []article.Entity, name string) (int, bool) {
	key := authorKey(name)
	if key == "" {
		return 0, false
	}
	id := ""
	if refs := e.gaz.Lookup([]byte(key)); len(refs) > 0 {
		switch r := refs[0]; r.Kind {
		case kb.RefOrg:
			id = e.cues.orgIDs[r.Index]
		case kb.RefPerson:
			id = e.cues.personIDs[r.Index]
		}
	}
	country, ministry := "", e.cues.ministryIn(key)
	if ministry != "" {
		country = e.countryIn(name)
		if o, ok := e.cues.ministryOrg[country+"\t"+ministry]; ok && id == "" {
			id = e.cues.orgIDs[o]
		}
	}
	for i := range ents {
		ent := &ents[i]
		switch {
		case id != "" && ent.ID == id:
			return i, true
		case id == "" && (ent.Type == article.Org || ent.Type == article.Person) && kb.NormPhrase(ent.Name) == key:
			return i, true
		case id == "" && ministry != "" && country != "" && ent.Type == article.Org && ent.Country == country && e.cues.ministryIn(kb.NormPhrase(ent.Name)) == ministry:
			return i, true
		}
	}
	return 0, false
}

// knownAuthor makes the entity of an author the knowledge base knows and
// the article does not name.
func (e *Extractor) knownAuthor(s *scratch, doc *article.Doc, name string) (article.Entity, bool) {
	key := authorKey(name)
	var ref kb.Ref
	if refs := e.gaz.Lookup([]byte(key)); len(refs) > 0 && (refs[0].Kind == kb.RefOrg || refs[0].Kind == kb.RefPerson) {
		ref = refs[0]
	} else if m := e.cues.ministryIn(key); m != "" {
		o, ok := e.cues.ministryOrg[e.countryIn(name)+"\t"+m]
		if !ok {
			return article.Entity{}, false
		}
		ref = kb.Ref{Kind: kb.RefOrg, Form: kb.FormAlias, Index: o}
	} else {
		return article.Entity{}, false
	}
	c := cand{refs: []kb.Ref{ref}, typ: article.Org}
	if ref.Kind == kb.RefPerson {
		c.typ = article.Person
	}
	return e.newEntity(s, doc, &c, &c), true
}

// countryIn returns the country a word or two of name name by name or
// demonym ("Belarus MFA", "Russian MFA"), or "".
func (e *Extractor) countryIn(name string) string {
	toks := text.Tokenize(name)
	for i := range toks {
		for n := 2; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			key := kb.NormPhrase(name[toks[i].Start:toks[i+n-1].End])
			if refs := e.gaz.Lookup([]byte(key)); len(refs) > 0 {
				switch r := refs[0]; r.Kind {
				case kb.RefCountry, kb.RefNORP, kb.RefPeople:
					return e.gaz.Countries[r.Index].ISO3
				}
			}
		}
	}
	return ""
}

// splitHandle writes a handle's words apart: "BelarusMFA" → "Belarus
// MFA", "MFA_Russia" → "MFA Russia".
func splitHandle(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c == '_' {
			b.WriteByte(' ')
			continue
		}
		if i > 0 && isUpper(c) && (isLower(h[i-1]) || i+1 < len(h) && isUpper(h[i-1]) && isLower(h[i+1])) {
			b.WriteByte(' ')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

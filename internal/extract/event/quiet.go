package event

import (
	"cmp"
	"slices"

	"newsgraph/internal/article"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/text"
)

// A quiet sentence is one that can code no event and leaves nothing for
// the pronouns of the next ones, so that codeSentence need not parse it.
// An event is added only between the members of actor groups, and a
// sentence's groups come from two places alone: the actor and agent
// mentions the matchers find, and the pronouns resolvePronouns gives an
// actor; remember, the only other state a sentence leaves, reads those
// groups too. A group needs a member, and a member an actor code: a
// mention of an entity that entityActors.Match gives no code (a person
// of no known country, a work or an event) makes none; and a pronoun in
// a sentence without other groups takes its actor from the speaker of a
// quote or from what earlier sentences left (mayResolve). So a sentence
// is quiet when, read from its tokens before parsing, it overlaps no
// mention of an entity with a code, holds no word that may start an
// agent phrase, and holds no pronoun that may resolve. The check is made
// only when the matchers are the record's entities and our agents (no
// PETRARCH actor dictionary, whose phrases are not checked here).
type quietCheck struct {
	// agents tells the words that may start an agent phrase (the parser's
	// lower-case form of a word, as phraseIndex.longest reads it); nil
	// when there are no agents.
	agents *text.WordFilter
	first  map[string][]int32
	// phrases are the agent phrases first indexes.
	phrases []petrarch.Phrase
}

// newQuietCheck returns the check for matchers ms, or nil when it cannot
// be made for them.
func newQuietCheck(ms []actorMatcher) *quietCheck {
	if len(ms) != 1 {
		return nil
	}
	ea, ok := ms[0].(*entityActors)
	if !ok {
		return nil
	}
	q := &quietCheck{}
	if ea.agents != nil {
		q.agents = &ea.agents.x.first
		q.first = ea.agents.x.byFirst
		q.phrases = ea.agents.x.phrases
		// The parser makes words of its own that no token spells: the
		// possessive "'s" of "'" + "s" and the "n't" of a contraction.
		if q.agents.MayHave("'s") || q.agents.MayHave("n't") {
			return nil
		}
	}
	return q
}

// quiet reports whether sentence sent of doc is quiet (see quietCheck).
func (q *quietCheck) quiet(s *scratch, doc *article.Doc, sent article.Sentence) bool {
	toks := doc.Tokens[sent.First:sent.Last]
	if s.anyCodedMention(toks[0].Start, toks[len(toks)-1].End) {
		return false
	}
	for k, t := range toks {
		if t.Kind != article.Word && t.Kind != article.Number {
			continue // punctuation and symbols are Punct words, never looked at
		}
		if t.Is(article.NonASCII) {
			return false // its lower-case form is not worked out here
		}
		w := doc.Rec.Text[t.Start:t.End]
		if q.agents != nil {
			if q.agents.HasASCII(w) && q.startsAgent(doc, toks, k) {
				return false
			}
			// "don't" is parsed as "do" + "n't" (see parse.nt)
			if n := len(w) - 3; n > 0 && (w[n] == 'n' || w[n] == 'N') && w[n+1] == '\'' && q.agents.HasASCII(w[:n]) && q.isFirst(w[:n]) {
				return false
			}
		}
		if t.Kind == article.Word && len(w) <= 4 && s.mayResolve(w, t.Start) {
			return false
		}
	}
	return true
}

// mayResolve reports whether ASCII word w, in any case, is a pronoun
// that resolvePronouns may give an actor at byte offset at, in a sentence
// with no group of its own: I, we, me and us inside a speaker's direct
// quote; he, she, him and her once a person was remembered; it, they and
// them once a thing was.
func (s *scratch) mayResolve(w string, at int) bool {
	if len(w) > 4 {
		return false
	}
	var b [4]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(w)]) {
	case "i", "we", "me", "us":
		return s.speakerAt(at) != nil
	case "he", "she", "him", "her":
		return len(s.lastSubjPerson) > 0 || len(s.recentPersons) > 0
	case "it", "they", "them":
		return len(s.lastSubjThing) > 0 || len(s.recentThings) > 0
	}
	return false
}

// anyCodedMention reports whether a mention (embeds left out) of an
// entity with an actor code overlaps bytes [lo, hi): whether
// mentionsIn(lo, hi) finds one that entityActors.Match gives codes.
func (s *scratch) anyCodedMention(lo, hi int) bool {
	i, _ := slices.BinarySearchFunc(s.mrefs, lo-s.mrefMax, func(r mentionRef, t int) int { return cmp.Compare(r.span.Start, t) })
	for ; i < len(s.mrefs) && s.mrefs[i].span.Start < hi; i++ {
		if s.mrefs[i].span.End > lo && s.coded[s.mrefs[i].ei] {
			return true
		}
	}
	return false
}

// actorCoded reports whether entityActors.Match gives the mentions of e
// an actor code: e is a person, organisation, group or place with an
// actor or a country.
func actorCoded(e *article.Entity) bool {
	switch e.Type {
	case article.Person, article.Org, article.NORP, article.Place:
		return e.Actor != "" || e.Country != ""
	}
	return false
}

// startsAgent reports whether an agent phrase may start at the word of
// ASCII token k of toks (a sentence's): one starting with the word whose
// next words are those of the next tokens, as phraseIndex.longest
// matches them on the parser's words. A word of those tokens that the
// parser may not make one to one (an n't contraction, a possessive
// written apart: see parse.Parse) or a phrase with loose joints is taken
// to match.
func (q *quietCheck) startsAgent(doc *article.Doc, toks []article.Token, k int) bool {
	ids, ok := q.phrasesFrom(doc.Rec.Text[toks[k].Start:toks[k].End])
	if !ok {
		return true
	}
	for _, id := range ids {
		if q.phraseAt(doc.Rec.Text, toks, k, &q.phrases[id]) {
			return true
		}
	}
	return false
}

// phraseAt reports whether phrase p may match the words of toks from
// token k on (see startsAgent).
func (q *quietCheck) phraseAt(s string, toks []article.Token, k int, p *petrarch.Phrase) bool {
	for i := 1; i < len(p.Words); i++ {
		if k+i >= len(toks) {
			return false // the tokens so far were words one to one
		}
		if p.Loose[i] {
			return true
		}
		t := toks[k+i]
		w := s[t.Start:t.End]
		if w == "'" || nt(w) || !text.IsASCII(w) {
			return true
		}
		if !text.IsLower(w, p.Words[i]) {
			return false
		}
	}
	return true
}

// nt reports a word that may end in a contracted n't, which the parser
// makes a word of its own.
func nt(w string) bool {
	n := len(w)
	return n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') && (w[n-2] == '\'' || w[n-2] >= 0x80)
}

// phrasesFrom returns the agent phrases whose first word is ASCII word w
// in lower case; ok is false when w is too long to be lowered here.
func (q *quietCheck) phrasesFrom(w string) (ids []int32, ok bool) {
	var buf [32]byte
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return q.first[string(buf[:len(w)])], true
}

// isFirst reports whether ASCII word w, in any case, may start an agent
// phrase (true for a word too long to be lowered here).
func (q *quietCheck) isFirst(w string) bool {
	ids, ok := q.phrasesFrom(w)
	return !ok || len(ids) > 0
}

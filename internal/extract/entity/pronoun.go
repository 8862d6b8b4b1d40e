package entity

import "newsgraph/internal/article"

// LastPerson returns the index in doc.Rec.Entities of the person whose
// mention ends last before byte offset off, looking back at most maxSents
// sentences (0 means the sentence of off and the one before it), or -1.
// The quote stage uses it for a pronoun speaker ("he noted"): in news the
// nearest person named before a pronoun is its referent far more often
// than not. It must run after this stage has filled doc.Rec.Entities.
func LastPerson(doc *article.Doc, off, maxSents int) int {
	if maxSents <= 0 {
		maxSents = 1
	}
	floor := 0
	if si := doc.SentenceAt(off); si >= 0 {
		floor = doc.Sents[max(si-maxSents, 0)].Start
	}
	best, bestEnd := -1, -1
	for i, e := range doc.Rec.Entities {
		if e.Type != article.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.Span.End <= off && m.Span.Start >= floor && m.Span.End > bestEnd {
				best, bestEnd = i, m.Span.End
			}
		}
	}
	return best
}

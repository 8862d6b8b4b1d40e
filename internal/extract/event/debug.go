package event

import (
	"fmt"
	"strings"

	"newsgraph/internal/article"
)

// DebugGroups describes the parse, units and actor groups of sentence si
// of doc, for tests and debugging.
func (c *Coder) DebugGroups(doc *article.Doc, si int) string {
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	s.reset(doc)
	sent := doc.Sents[si]
	c.parser.ParseDoc(doc, sent.First, sent.Last, func(t int) bool { return s.nameTok[t] }, &s.sent)
	s.ments = s.ments[:0]
	for _, m := range c.matchers {
		s.ments = m.Match(s, doc, s.sent.Words, "", s.ments)
	}
	c.buildUnits(s, "")
	var sb strings.Builder
	sb.WriteString(s.sent.String())
	sb.WriteByte('\n')
	for _, m := range s.ments {
		fmt.Fprintf(&sb, "mention %d-%d kind=%d codes=%v agent=%s\n", m.start, m.end, m.kind, m.codes, m.agent)
	}
	for i, u := range s.units {
		fmt.Fprintf(&sb, "unit %d %d-%d grp=%d %v\n", i, u.start, u.end, u.grp, u.members)
	}
	for i, g := range s.groups {
		fmt.Fprintf(&sb, "group %d %d-%d %v\n", i, g.start, g.end, g.members)
	}
	return sb.String()
}

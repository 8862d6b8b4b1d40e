package event

import (
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/parse"
)

// maxGap bounds the words a space in a pattern may skip.
const maxGap = 8

// binding holds the actor groups a pattern's $, + and % matched.
type binding struct{ src, tgt, comp, end int }

// matcher matches one pattern around a verb.
type matcher struct {
	sc      *sentCtx
	ws      []parse.Word
	p       *petrarch.Pattern
	synsets map[string]*synIndex
	b       binding
	steps   int
}

// matchPattern reports whether pattern p matches around the trigger at
// words [vstart, vend), binding actors into b.
func (sc *sentCtx) matchPattern(p *petrarch.Pattern, vstart, vend int, b *binding, t *trigger) bool {
	syn := sc.c.ownSynsets()
	if t.block != nil && sc.c.dict != nil && sc.c.dict.owns(t) {
		syn = sc.c.dict.synIdx
	}
	m := matcher{sc: sc, ws: sc.s.sent.Words, p: p, synsets: syn, b: binding{-1, -1, -1, vend}}
	v := p.Verb
	if !m.left(v-1, vstart-1, p.Elems[v].Loose) {
		return false
	}
	pre := m.b
	m.b = pre
	if !m.right(v+1, vend, v+1 < len(p.Elems) && p.Elems[v+1].Loose) {
		return false
	}
	*b = m.b
	return true
}

func (c *Coder) ownSynsets() map[string]*synIndex {
	if c.own != nil {
		return c.own.synIdx
	}
	if c.dict != nil {
		return c.dict.synIdx
	}
	return nil
}

func (lx *lexicon) owns(t *trigger) bool {
	for _, x := range lx.byForm[t.head] {
		if x == t {
			return true
		}
	}
	return false
}

// stop reports words a gap may not cross.
func stopWord(w *parse.Word) bool {
	switch w.Low {
	case ";", ".", "?", "!", ":":
		return true
	}
	return false
}

// left matches elements j, j-1, …, 0 with element j ending at word p (or
// before it when loose).
func (m *matcher) left(j, p int, loose bool) bool {
	if j < 0 {
		return true
	}
	m.steps++
	if m.steps > 2000 {
		return false
	}
	e := &m.p.Elems[j]
	phs := m.phrases(e)
	lo := p
	if loose {
		lo = p - maxGap
	}
	var buf [4]int
	for q := p; q >= lo && q >= 0; q-- {
		if q < p && stopWord(&m.ws[q+1]) {
			break
		}
		saved := m.b
		for _, start := range m.endsAt(e, phs, q, buf[:0]) {
			if m.left(j-1, start-1, e.Loose) {
				return true
			}
			m.b = saved
		}
		m.b = saved
	}
	return false
}

// right matches elements j, j+1, … with element j starting at word p (or
// after it when loose).
func (m *matcher) right(j, p int, loose bool) bool {
	if j >= len(m.p.Elems) {
		m.b.end = p
		return true
	}
	m.steps++
	if m.steps > 2000 {
		return false
	}
	e := &m.p.Elems[j]
	phs := m.phrases(e)
	hi := p
	if loose {
		hi = p + maxGap
	}
	var buf [4]int
	for q := p; q <= hi && q < len(m.ws); q++ {
		if q > p && stopWord(&m.ws[q-1]) {
			break
		}
		saved := m.b
		for _, end := range m.startsAt(e, phs, q, buf[:0]) {
			next := j + 1
			nl := next < len(m.p.Elems) && m.p.Elems[next].Loose
			if m.right(next, end, nl) {
				return true
			}
			m.b = saved
		}
		m.b = saved
	}
	return false
}

// phrases returns the phrases of synset element e, looked up once for
// all the words it is tried at.
func (m *matcher) phrases(e *petrarch.Elem) *synIndex {
	if e.Kind != petrarch.ESynset {
		return nil
	}
	return m.synsets[e.Word]
}

// startsAt appends to out the ends of the ways element e (a synset with
// phrases si) can match starting at word q, binding actors as a side
// effect of the last one, and returns out.
func (m *matcher) startsAt(e *petrarch.Elem, si *synIndex, q int, out []int) []int {
	ws := m.ws
	switch e.Kind {
	case petrarch.EWord:
		if ws[q].Low == e.Word {
			return append(out, q+1)
		}
	case petrarch.ESynset:
		if si == nil {
			return out
		}
		phs := si.all
		if si.first != nil {
			phs = si.starting(ws[q].Low, m.sc.s.ascii)
		}
		for _, ph := range phs {
			if q+len(ph.Words) > len(ws) {
				continue
			}
			ok := true
			for k, w := range ph.Words {
				if ws[q+k].Low != w {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, q+len(ph.Words))
			}
		}
		return out
	case petrarch.ESource, petrarch.ETarget, petrarch.ECompound, petrarch.ESkip:
		for gi := range m.sc.s.groups {
			g := &m.sc.s.groups[gi]
			if g.start == q && len(g.members) > 0 && (e.Kind != petrarch.ECompound || len(g.members) > 1) {
				m.bind(e.Kind, gi)
				return append(out, g.end)
			}
		}
	}
	return nil
}

// endsAt appends to out the starts of the ways element e (a synset with
// phrases si) can match ending at word q, and returns out.
func (m *matcher) endsAt(e *petrarch.Elem, si *synIndex, q int, out []int) []int {
	ws := m.ws
	switch e.Kind {
	case petrarch.EWord:
		if ws[q].Low == e.Word {
			return append(out, q)
		}
	case petrarch.ESynset:
		if si == nil {
			return out
		}
		phs := si.all
		if si.last != nil {
			phs = si.ending(ws[q].Low, m.sc.s.ascii)
		}
		for _, ph := range phs {
			n := len(ph.Words)
			if q-n+1 < 0 {
				continue
			}
			ok := true
			for k, w := range ph.Words {
				if ws[q-n+1+k].Low != w {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, q-n+1)
			}
		}
		return out
	case petrarch.ESource, petrarch.ETarget, petrarch.ECompound, petrarch.ESkip:
		for gi := range m.sc.s.groups {
			g := &m.sc.s.groups[gi]
			if g.end == q+1 && len(g.members) > 0 && (e.Kind != petrarch.ECompound || len(g.members) > 1) {
				m.bind(e.Kind, gi)
				return append(out, g.start)
			}
		}
	}
	return nil
}

func (m *matcher) bind(k petrarch.ElemKind, gi int) {
	switch k {
	case petrarch.ESource:
		m.b.src = gi
	case petrarch.ETarget:
		m.b.tgt = gi
	case petrarch.ECompound:
		m.b.comp = gi
	}
}

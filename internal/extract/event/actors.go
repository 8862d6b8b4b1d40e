package event

import (
	"sort"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/parse"
	"newsgraph/internal/text"
)

// AgentsFile is the knowledge-base file of agent nouns (troops, police,
// officials) and the sector codes they add to a country's.
const AgentsFile = "agents.tsv"

// Mention kinds.
const (
	mActor uint8 = iota + 1 // a country, person, organisation or dictionary actor
	mAgent                  // a generic actor noun whose code joins a country's
	mPlace                  // a place that is not a country: stands for its country
	mPron                   // a pronoun resolved to an actor
)

// mention is an actor or agent found in a sentence, over words
// [start, end).
type mention struct {
	start, end int
	kind       uint8
	codes      []string // actor codes; several for dictionary compounds (FRO/BIL/SAM)
	agent      string   // agent code
	prefix     bool     // the agent code goes before the country's (NGO~)
	entity     string
	country    string
	capital    bool // a capital: the government when it acts ("Moscow said")
	person     bool
}

// member is one actor of an actor group.
type member struct {
	code    string
	entity  string
	country string
	// agentOnly is set when the actor is an agent without a country
	// ("officials"): its code has no country part.
	agentOnly bool
	person    bool
}

// actorMatcher finds actor and agent mentions in a parsed sentence. The
// coder has two: one over the PETRARCH dictionaries a user loads, one over
// the record's entities and our agent nouns; both feed the same grouping.
type actorMatcher interface {
	// Match appends the mentions found in words ws (of doc's sentence) to
	// out; date is the sentence's date as YYYYMMDD ("" when unknown); s
	// is the coder's scratch for doc.
	Match(s *scratch, doc *article.Doc, ws []parse.Word, date string, out []mention) []mention
}

// phraseIndex finds dictionary phrases in word sequences, longest first.
type phraseIndex struct {
	byFirst map[string][]int32
	// first holds the first words, to tell most words at once that no
	// phrase starts with them.
	first   text.WordFilter
	phrases []petrarch.Phrase
	refs    []int32 // what each phrase stands for: an index into the owner's list
}

func newPhraseIndex() *phraseIndex { return &phraseIndex{byFirst: map[string][]int32{}} }

func (x *phraseIndex) add(p petrarch.Phrase, ref int) {
	if len(p.Words) == 0 {
		return
	}
	id := int32(len(x.phrases))
	x.phrases = append(x.phrases, p)
	x.refs = append(x.refs, int32(ref))
	x.byFirst[p.Words[0]] = append(x.byFirst[p.Words[0]], id)
	x.first.Add(p.Words[0])
}

// maxLooseGap bounds the words a space in a dictionary phrase may skip.
const maxLooseGap = 3

// longest returns the ref and end of the longest phrase starting at word i
// (-1 when none); ascii tells that the words hold ASCII bytes alone. Loose joints may skip up to maxLooseGap words that are
// not punctuation.
func (x *phraseIndex) longest(ws []parse.Word, i int, ascii bool) (ref, end int) {
	ref, end = -1, -1
	if ascii && !x.first.HasASCII(ws[i].Low) || !ascii && !x.first.MayHave(ws[i].Low) {
		return ref, end
	}
	bestWords := 0
	for _, id := range x.byFirst[ws[i].Low] {
		p := x.phrases[id]
		e, ok := matchPhrase(ws, i, p)
		if !ok {
			continue
		}
		if e > end || e == end && len(p.Words) > bestWords {
			ref, end, bestWords = int(x.refs[id]), e, len(p.Words)
		}
	}
	return ref, end
}

// matchPhrase matches p starting at word i and returns the end.
func matchPhrase(ws []parse.Word, i int, p petrarch.Phrase) (int, bool) {
	j := i + 1
	for k := 1; k < len(p.Words); k++ {
		if j < len(ws) && ws[j].Low == p.Words[k] {
			j++
			continue
		}
		if !p.Loose[k] {
			return 0, false
		}
		found := false
		for g := 1; g <= maxLooseGap && j+g < len(ws); g++ {
			if ws[j+g-1].Tag == parse.Punct {
				break
			}
			if ws[j+g].Low == p.Words[k] {
				j += g + 1
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return j, true
}

// dictActors matches PETRARCH actors and agents.
type dictActors struct {
	actors []petrarch.Actor
	agents []petrarch.Agent
	ax, gx *phraseIndex
}

func newDictActors(d *petrarch.Dict) *dictActors {
	m := &dictActors{actors: d.Actors, agents: d.Agents, ax: newPhraseIndex(), gx: newPhraseIndex()}
	for i, a := range d.Actors {
		for _, p := range a.Phrases {
			m.ax.add(p, i)
		}
	}
	for i, a := range d.Agents {
		m.gx.add(a.Phrase, i)
	}
	return m
}

func (m *dictActors) Match(sc *scratch, _ *article.Doc, ws []parse.Word, date string, out []mention) []mention {
	for i := 0; i < len(ws); {
		if ws[i].Tag == parse.Punct {
			i++
			continue
		}
		aref, aend := m.ax.longest(ws, i, sc.ascii)
		gref, gend := m.gx.longest(ws, i, sc.ascii)
		switch {
		case aref >= 0 && aend >= gend:
			a := &m.actors[aref]
			codes := a.CodeAt(date)
			if codes != nil {
				out = append(out, mention{start: i, end: aend, kind: mActor, codes: codes})
			} else {
				// a known actor without a code on this date: a name, not an actor
				out = append(out, mention{start: i, end: aend, kind: mActor})
			}
			i = aend
		case gref >= 0:
			g := &m.agents[gref]
			out = append(out, mention{start: i, end: gend, kind: mAgent, agent: g.Code, prefix: g.Prefix})
			i = gend
		default:
			i++
		}
	}
	return out
}

// agentTable is our agents.tsv: agent nouns and their sector codes.
type agentTable struct {
	x     *phraseIndex
	codes []string
}

func loadAgents(src kb.Source) (*agentTable, error) {
	ts, err := src.Tables(AgentsFile)
	if err != nil {
		return nil, err
	}
	at := &agentTable{x: newPhraseIndex()}
	for _, t := range ts {
		idx, err := t.Need("agent", "plural", "code")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			words := strings.Fields(strings.ToLower(r.Cells[idx[0]]))
			if len(words) == 0 {
				continue
			}
			code := r.Cells[idx[2]]
			ref := len(at.codes)
			at.codes = append(at.codes, code)
			add := func(ws []string) {
				at.x.add(petrarch.Phrase{Words: ws, Loose: make([]bool, len(ws))}, ref)
			}
			add(words)
			plural := r.Cells[idx[1]]
			switch plural {
			case "-": // no plural
			case "":
				pw := append([]string(nil), words...)
				pw[len(pw)-1] = petrarch.Plural(pw[len(pw)-1])
				add(pw)
			default:
				for _, p := range kb.Multi(plural) {
					add(strings.Fields(strings.ToLower(p)))
				}
			}
		}
	}
	return at, nil
}

// entityActors turns the record's entities (from the entity stage) into
// mentions, and our agent nouns into agent mentions.
type entityActors struct {
	agents   *agentTable
	capitals map[string]string // lower-case capital name → ISO-3
}

func (m *entityActors) Match(sc *scratch, doc *article.Doc, ws []parse.Word, _ string, out []mention) []mention {
	if len(ws) == 0 {
		return out
	}
	lo, hi := ws[0].Start, ws[len(ws)-1].End
	for _, r := range sc.mentionsIn(lo, hi) {
		e := &doc.Rec.Entities[r.ei]
		mn := e.Mentions[r.mi]
		s, t := wordRange(ws, mn.Span)
		if s >= t {
			continue
		}
		mt := mention{start: s, end: t, kind: mActor, entity: e.ID, country: e.Country, person: e.Type == article.Person}
		code := e.Actor
		switch e.Type {
		case article.Place:
			if e.Kind != "country" && e.Kind != "" {
				mt.kind = mPlace
				if code == "" {
					code = e.Country
				}
				if m.capitals != nil && m.capitals[strings.ToLower(e.Name)] == e.Country && e.Country != "" {
					mt.capital = true
				}
			}
		case article.Person, article.Org, article.NORP:
		default:
			continue
		}
		if code == "" {
			code = e.Country
		}
		if mn.Kind == "pronoun" {
			mt.kind = mPron
		}
		if code != "" {
			sc.codeArena = append(sc.codeArena, code)
			mt.codes = carve(sc.codeArena, len(sc.codeArena)-1)
		}
		out = append(out, mt)
	}
	if m.agents != nil {
		x := m.agents.x
		for i := 0; i < len(ws); i++ {
			// longest's first test, inlined here for the words of an
			// ASCII sentence, turns most words away without a call
			if ws[i].Tag == parse.Punct || sc.ascii && !x.first.HasASCII(ws[i].Low) {
				continue
			}
			ref, end := x.longest(ws, i, sc.ascii)
			if ref < 0 {
				continue
			}
			out = append(out, mention{start: i, end: end, kind: mAgent, agent: m.agents.codes[ref]})
			i = end - 1
		}
	}
	return out
}

// wordRange returns the words [s, t) covered by span sp.
func wordRange(ws []parse.Word, sp article.Span) (int, int) {
	s := sort.Search(len(ws), func(i int) bool { return ws[i].End > sp.Start })
	t := s
	for t < len(ws) && ws[t].Start < sp.End {
		t++
	}
	return s, t
}

// combine joins a country or actor code with agent codes: prefix agents
// go before, suffix agents after, and an agent already present in the
// actor's code is not repeated (USAGOV + GOV = USAGOV).
func combine(code string, prefix, suffix []string) string {
	out := code
	for _, a := range suffix {
		if a == "" || len(out) > 3 && strings.Contains(out[3:], a) || strings.HasSuffix(out, a) {
			continue
		}
		out += a
	}
	for i := len(prefix) - 1; i >= 0; i-- {
		a := prefix[i]
		if a == "" || strings.HasPrefix(out, a) {
			continue
		}
		out = a + out
	}
	return out
}

package entity

import (
	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// scratch is the per-call working space, reused through a pool. The
// lookup form and the flags of a token are computed when first asked for:
// most words of an article are never looked at.
type scratch struct {
	doc       *article.Doc
	buf       []byte     // lookup forms of the tokens asked for so far
	forms     [][]byte   // token i's lookup form, in buf; nil until made
	lex       []lexEntry // token i's flags, valid when known[i]
	known     []bool
	key       []byte // a phrase being looked up
	cands     []cand
	big       *lexTable // the lexicon, for capitalised words
	small     *lexTable // the cue words, for words in lower case
	smallMask *[256]uint64

	sports, sportsKnown bool // the article reports sport: places name teams

	// maps of the document pass, cleared for each article
	keys     []uint64
	strong   map[uint64]string
	teams    map[uint64]bool
	surnames map[uint64]int
	hinted   map[uint64]string
	byKey    map[uint64]int
	e        *Extractor

	modes    []uint8          // each sentence's mode (modeNormal, …)
	candEnt  []int32          // the entity of each candidate, -1 for none
	mentionN []int32          // the mentions by name of each entity
	tm       []tokMention     // the mentions by name, by first token
	from     []int32          // 1 + index in tm of the mention starting at each token
	to       []int32          // 1 + index in tm of the mention ending before each token
	textRole []bool           // entities whose role the text states
	roleSure []bool           // entities whose office on the article's date the knowledge base gives
	descs    []descMention    // descriptions of organisations, by position
	titles   []descMention    // titles standing for people, by position
	unres    []int32          // first tokens of the names left untyped, in order
	dHead    []int32          // 1 + index in descs of the description ending before each token
	dStart   []int32          // 1 + index in descs of the description starting at each token
	thes     [][2]int32       // sentence and token of each "the" a description may follow
	sent     int              // the sentence being read
	keysOf   []string         // lookup forms of the entities' names, made when asked for
	ents     []article.Entity // the entities being resolved

	// the body joined with the text of its embeds (embeds.go)
	joined article.Doc
	jtoks  []article.Token
	jsents []article.Sentence
	bases  []int
}

func (s *scratch) reset(e *Extractor, doc *article.Doc) {
	n := len(doc.Tokens)
	s.doc, s.e = doc, e
	s.big, s.small, s.smallMask = e.cues.table, e.cues.small, &e.cues.smallMask
	if s.buf == nil {
		s.buf = make([]byte, 0, 4096) // so that no form made is nil
	}
	s.buf = s.buf[:0]
	if cap(s.forms) < n {
		s.forms = make([][]byte, n)
		s.lex = make([]lexEntry, n)
		s.known = make([]bool, n)
	}
	s.forms, s.lex, s.known = s.forms[:n], s.lex[:n], s.known[:n]
	clear(s.forms)
	clear(s.known)
	s.cands = s.cands[:0]
	s.sportsKnown = false
}

// w returns token i's lookup form (empty for punctuation and numbers).
// It is asked for many times a token: the form made once is read with
// one load, the work of making it is in makeForm.
func (s *scratch) w(i int) []byte {
	if f := s.forms[i]; f != nil {
		return f
	}
	return s.makeForm(i)
}

// makeForm appends token i's lookup form to s.buf and returns it. The
// forms made before stay where they are when buf grows: its old array
// lives on while they point into it, and is never written again.
func (s *scratch) makeForm(i int) []byte {
	t := s.doc.Tokens[i]
	start := len(s.buf)
	if t.Kind == article.Word || t.Kind == article.Symbol && t.End-t.Start == 1 && s.doc.Rec.Text[t.Start] == '&' {
		s.buf = kb.AppendNorm(s.buf, s.doc.Rec.Text[t.Start:t.End])
	}
	f := s.buf[start:len(s.buf):len(s.buf)] // not nil: buf never is
	s.forms[i] = f
	return f
}

// entry returns what the lexicon holds for token i. Words in lower case
// need only their cue flags, which a much smaller map holds.
func (s *scratch) entry(i int) lexEntry {
	if s.known[i] {
		return s.lex[i]
	}
	return s.lookUp(i)
}

// lookUp finds token i's entry for entry.
func (s *scratch) lookUp(i int) lexEntry {
	w := s.w(i)
	if s.doc.Tokens[i].Flags&(article.Cap|article.AllCaps) != 0 {
		s.lex[i] = s.big.get(w)
	} else if len(w) > 0 && s.smallMask[w[0]]&(1<<((uint(w[len(w)-1])^uint(len(w))*5)&63)) != 0 {
		s.lex[i] = s.small.get(w)
	} else {
		s.lex[i] = lexEntry{}
	}
	s.known[i] = true
	return s.lex[i]
}

// is reports whether token i has all the flags f.
func (s *scratch) is(i int, f uint32) bool { return s.entry(i).flags&f == f }

// isSports reports, once per article, whether it reports sport.
func (s *scratch) isSports() bool {
	if !s.sportsKnown {
		s.sports, s.sportsKnown = s.e.isSports(s, s.doc), true
	}
	return s.sports
}

// phrase returns the lookup key of tokens [a, b).
func (s *scratch) phrase(a, b int) []byte {
	s.key = s.key[:0]
	for i := a; i < b; i++ {
		w := s.w(i)
		if len(w) == 0 {
			continue
		}
		if len(s.key) > 0 {
			s.key = append(s.key, ' ')
		}
		s.key = append(s.key, w...)
	}
	return s.key
}

// cand is a candidate mention: tokens [first, last) with what is known of
// it.
type cand struct {
	first, last int
	typ         string // article.Person, …; "" while unknown
	kind        string // country, city, igo, …
	refs        []kb.Ref
	role        string // from a title before the name
	roleCode    string // CAMEO sector of the title
	roleCountry string // ISO-3 of a country named with the title
	form        string // mention kind: name, alias, acronym, surname, demonym
	weak        bool   // kept only when the document names it elsewhere
	hint        string // a weak type guess from context
	sentStart   bool   // first word of its sentence or line
	linkOf      int    // 1 + index of the cand this acronym or short name stands for
	placeCtx    bool   // words around it show a place (in X, X, Country)
	country     string // ISO-3 a description before it gives ("the Estonian grid operator X")
	team        bool   // a place name taken for a sports team
	guessed     bool   // typed by default, for want of any sign
}

func (e *Extractor) push(s *scratch, c cand) { s.cands = append(s.cands, c) }

// Package parse is newsgraph's shallow parser: it tags the words of a
// sentence with a coarse part of speech, lemmatises verbs and finds verb
// groups (auxiliaries, modals, negation, voice). It is written for the
// event coder, which needs to know which words are verbs, where clauses
// and noun phrases start and end, and whether a verb is passive, negated
// or modal — not a full parse tree.
//
// The tagger is lexicon-driven and deterministic: closed-class words are
// listed in lexicon.go; open-class words come from a table generated from
// WordNet 3.0 (lexicon.tsv, by ./gen) with how often WordNet's
// sense-tagged corpus uses each as a verb, noun, adjective or adverb; a
// handful of context rules choose between the readings. No statistical
// model is trained or shipped. It runs in linear time in the sentence's
// length and allocates only when a Sentence must grow.
package parse

import (
	"strings"
	"sync"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

// Tag is a coarse part of speech.
type Tag uint8

// Tags.
const (
	X        Tag = iota // unknown
	Noun                // common noun
	Propn               // proper noun (a capitalised word inside a sentence, or a name)
	Verb                // main verb
	Aux                 // be, have, do
	Modal               // will, would, can, …
	Adj                 // adjective, participle used as one
	Adv                 // adverb
	Det                 // determiner
	Pron                // personal pronoun
	PossPron            // possessive determiner: his, its, their
	Wh                  // who, which, relative that
	Prep                // preposition
	To                  // infinitive marker
	CConj               // and, or, but
	SConj               // subordinating conjunction: because, after (+ clause), that (complement)
	Neg                 // not, n't, never
	Num                 // number
	Punct               // punctuation and symbols
	Poss                // possessive 's
	Ex                  // existential there
)

var tagNames = [...]string{"X", "NOUN", "PROPN", "VERB", "AUX", "MODAL", "ADJ", "ADV", "DET", "PRON", "POSS_PRON", "WH", "PREP", "TO", "CCONJ", "SCONJ", "NEG", "NUM", "PUNCT", "POSS", "EX"}

// String returns the tag's name.
func (t Tag) String() string {
	if int(t) < len(tagNames) {
		return tagNames[t]
	}
	return "?"
}

// Verb forms.
const (
	FormNone   uint8 = iota
	Base             // attack
	Pres             // are, 've: present, not third person singular
	Pres3            // attacks
	Past             // attacked (finite)
	PastPart         // attacked (participle)
	PastOrPart       // attacked, either
	Ing              // attacking
)

// Word is one word of a sentence. Contractions are split the Penn
// Treebank way: "didn't" is "did" + "n't", "won't" is "wo" + "n't".
type Word struct {
	// Start and End are the byte span in the text.
	Start, End int
	// Tok is the index of the token the word comes from in Doc.Tokens.
	Tok int
	// Low is the word in lower case with straight apostrophes.
	Low string
	// Lemma is the base form of verbs and auxiliaries (also of nouns and
	// adjectives that are verb forms: "talks" → "talk").
	Lemma string
	// The one-byte fields come last, so that a Word takes 64 bytes.
	Tag Tag
	// Form is the verb form of verbs and auxiliaries.
	Form uint8
	// Cap is set when the word starts with a capital letter.
	Cap bool
	// Name is set when the caller marked the word as part of a name.
	Name bool
}

// Group flags.
const (
	Passive     uint16 = 1 << iota // be/get + participle, or a participle after a noun
	Negated                        // not, n't, never in the group
	Modal_                         // a modal auxiliary (will, would, can, …)
	Perfect                        // have + participle
	Progressive                    // be + -ing
	Infinitive                     // to + base form
	Finite                         // has a tense (or a modal)
	Gerund                         // an -ing form without auxiliary
	Reduced                        // a participle directly after a noun: "missiles fired by"
	Copula                         // be (or have/do) without a main verb
)

// Group is a verb group: a main verb with its auxiliaries, modals,
// negation and adverbs, or an auxiliary alone (copula).
type Group struct {
	// Start and End bound the group's words [Start, End).
	Start, End int
	// Head is the index of the main verb, or of the last auxiliary.
	Head  int
	Flags uint16
	// Modal is the modal word when there is one ("will", "would").
	Modal string
}

// Has reports whether all flags f are set.
func (g *Group) Has(f uint16) bool { return g.Flags&f == f }

// Sentence is a parsed sentence: its words and verb groups.
type Sentence struct {
	Words  []Word
	Groups []Group
	// info is what the lexicon says of each word, parallel to Words; nil
	// when it knows nothing.
	info []*winfo
	// made holds the winfo of words the index lacks (see infoOf).
	made []winfo
}

// Parser tags sentences. It is safe for concurrent use after New and
// AddVerbs.
type Parser struct {
	extra map[string]bool
	// words holds what is known of every ASCII word before context (see
	// winfo), so that tagging looks a word up once. It is built at first
	// use (ready), after the AddVerbs calls that change it.
	words   *text.Lexicon[struct{}]
	infos   []winfo // by index in words (Lexicon.Index)
	verbs   verbFilter
	indexed sync.Once
}

// New returns a parser with the built-in lexicon.
func New() *Parser {
	lexicon()
	return &Parser{extra: map[string]bool{}}
}

// ready builds p.words when it is not built yet.
func (p *Parser) ready() { p.indexed.Do(p.index) }

// AddVerbs adds lemmas that must be known as verbs (from a coder's verb
// dictionary). Call it before using the parser concurrently.
func (p *Parser) AddVerbs(lemmas ...string) {
	for _, l := range lemmas {
		if l != "" {
			p.extra[strings.ToLower(l)] = true
		}
	}
	p.indexed = sync.Once{} // build p.words again, with these verbs
}

// IsName tells the parser which tokens belong to names (entity mentions or
// dictionary actors); it may be nil.
type IsName func(tok int) bool

// Parse tags the tokens toks[first:last] of text into s, reusing its
// slices. Words of names (per isName) are proper nouns. The tokens are
// text.AppendTokens's: their NonASCII flags tell which words to fold as
// Unicode.
func (p *Parser) Parse(text string, toks []article.Token, first, last int, isName IsName, s *Sentence) {
	p.parse(nil, text, toks, first, last, isName, s)
}

// ParseDoc is Parse over doc's tokens first to last. When the pipeline
// joined the parser's lexicon (see Lexicons), it reads the look-ups of
// the words from doc's tags instead of looking them up again.
func (p *Parser) ParseDoc(doc *article.Doc, first, last int, isName IsName, s *Sentence) {
	p.ready()
	var tagged *article.Doc
	if p.words.Joined(doc) {
		tagged = doc
	}
	p.parse(tagged, doc.Rec.Text, doc.Tokens, first, last, isName, s)
}

// Lexicons returns the lexicon the parser looks words up in, for the
// pipeline to join (text.Join) so that words are looked up once for all
// stages.
func (p *Parser) Lexicons() []text.Joinable {
	p.ready()
	return []text.Joinable{p.words}
}

// parse is Parse; tagged, when not nil, is the document whose tags hold
// the look-ups of toks' words.
func (p *Parser) parse(tagged *article.Doc, text string, toks []article.Token, first, last int, isName IsName, s *Sentence) {
	p.ready()
	s.Words = s.Words[:0]
	s.Groups = s.Groups[:0]
	s.info = s.info[:0]
	s.made = s.made[:0]
	caps, words := 0, 0
	for i := first; i < last; i++ {
		t := toks[i]
		if t.Kind == article.Word {
			words++
			if t.Is(article.Cap) {
				caps++
			}
		}
		// A possessive written apart from its word ("state" "'" "s") is one
		// word "'s".
		if t.Kind == article.Punct && i+1 < last && toks[i+1].Start == t.End && toks[i+1].End-toks[i+1].Start == 1 &&
			(text[t.Start:t.End] == "'" || text[t.Start:t.End] == "’") && (text[t.End] == 's' || text[t.End] == 'S') &&
			i > first && toks[i-1].End == t.Start {
			s.Words = append(s.Words, Word{Start: t.Start, End: toks[i+1].End, Tok: i, Low: "'s"})
			inf, _ := p.infoOf(s, "'s")
			s.info = append(s.info, inf)
			i++
			continue
		}
		p.addWords(tagged, text, &toks[i], i, isName != nil && isName(i), s)
	}
	// In headlines and all-capital lines a capital says nothing.
	titleCase := words >= 3 && caps*10 >= words*7
	p.tag(s, titleCase)
	groups(s)
}

// addWords appends the word(s) of token t, splitting n't contractions.
func (p *Parser) addWords(tagged *article.Doc, text string, t *article.Token, tok int, name bool, s *Sentence) {
	w := text[t.Start:t.End]
	cap := t.Is(article.Cap)
	// nt's first test, here, where most words fail it
	if t.Kind == article.Word && !name && len(w) >= 4 && w[len(w)-1]|0x20 == 't' {
		if n := nt(w); n > 0 {
			s.Words = append(s.Words,
				Word{Start: t.Start, End: t.Start + n, Tok: tok, Low: lower(w[:n]), Cap: cap},
				Word{Start: t.Start + n, End: t.End, Tok: tok, Low: "n't"})
			inf1, _ := p.infoOf(s, w[:n])
			inf2, _ := p.infoOf(s, "n't")
			s.info = append(s.info, inf1, inf2)
			return
		}
	}
	word := Word{Start: t.Start, End: t.End, Tok: tok, Cap: cap, Name: name}
	var inf *winfo
	switch t.Kind {
	case article.Word:
		if name {
			// a proper noun whatever the lexicon says (tag): its lower
			// case alone, without working out a verb reading
			word.Low = p.nameLow(w, !t.Is(article.NonASCII), tagged, tok)
		} else if tagged != nil && !t.Is(article.NonASCII) {
			// tokenInfo's common case, inline: a known ASCII word in
			// lower case, which is its own lower-case form
			if k := p.words.TaggedIndex(tagged, tok); k >= 0 && !hasUpperASCII(w) {
				inf, word.Low = &p.infos[k], w
			} else {
				inf, word.Low = p.tokenInfo(s, w, true, tagged, tok)
			}
		} else {
			inf, word.Low = p.tokenInfo(s, w, !t.Is(article.NonASCII), tagged, tok)
		}
	case article.Number:
		word.Low = lower(w)
	default:
		word.Low = w
		word.Tag = Punct
	}
	s.Words = append(s.Words, word)
	s.info = append(s.info, inf)
}

// nt returns the byte length of the part before a final n't (n’t), or 0.
func nt(w string) int {
	if len(w) < 4 || w[len(w)-1] != 't' && w[len(w)-1] != 'T' {
		return 0
	}
	for _, suf := range []string{"n't", "n’t", "N'T", "N’T"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			n := len(w) - len(suf)
			low := lower(w[:n])
			switch low {
			case "ca", "wo", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had",
				"could", "would", "should", "must", "need", "might", "ai", "sha", "dare", "may":
				return n
			}
		}
	}
	return 0
}

// lower returns w in lower case with straight apostrophes; it allocates
// only when w has upper-case letters or curly apostrophes.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			if e := lexicon()[w]; e != nil && e.lemma == w {
				return w
			}
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

// subject pronouns.
func isSubjPron(w string) bool {
	switch w {
	case "i", "you", "he", "she", "it", "we", "they", "who", "which", "that":
		return true
	}
	return false
}

// tag gives every word its tag, form and lemma.
func (p *Parser) tag(s *Sentence, titleCase bool) {
	ws := s.Words
	// Pass 1: lexicon readings.
	for i := range ws {
		w := &ws[i]
		if w.Tag == Punct {
			continue
		}
		if w.Low == "" {
			w.Tag = Punct
			continue
		}
		if c := w.Low[0]; c >= '0' && c <= '9' {
			w.Tag = Num
			continue
		}
		if w.Name {
			w.Tag = Propn
			continue
		}
		var e *entry
		lemma, form := "", FormNone
		if inf := s.info[i]; inf != nil {
			e, lemma, form = inf.e, inf.lemma, inf.form
		}
		if e != nil && e.tag != X {
			w.Tag = e.tag
			if e.form != FormNone {
				w.Lemma, w.Form = e.lemma, e.form
			}
			if w.Cap && i > 0 && !titleCase && (e.tag == Modal || e.tag == Num) && w.Low != "i" {
				w.Tag = Propn // May, Will (a name)
			}
			continue
		}
		if w.Cap && !titleCase && (i > 0 || e == nil) && !(i > 0 && ws[i-1].Tag == Punct && isOpenQuote(ws[i-1].Low) && e != nil) {
			w.Tag = Propn
			continue
		}
		if form != FormNone {
			w.Lemma, w.Form = lemma, form
			w.Tag = Verb // provisional; pass 2 decides
			continue
		}
		w.Tag = openTag(w.Low, e)
	}
	// Pass 2: context.
	for i := range ws {
		w := &ws[i]
		switch {
		case w.Tag == Verb:
			w.Tag = p.verbOrNot(ws, i, s.info[i])
		case w.Low == "to" && w.Tag == Prep:
			if i+1 < len(ws) && ws[i+1].Tag == Verb && (ws[i+1].Form == Base || ws[i+1].Form == Pres) && !ws[i+1].Cap {
				if !(i+2 < len(ws) && ws[i+2].Low == "of") {
					w.Tag = To
				}
			} else if i+1 < len(ws) && (ws[i+1].Tag == Aux && ws[i+1].Low == "be" || ws[i+1].Low == "have") {
				w.Tag = To
			}
		case w.Tag == Aux && w.Lemma == "have" && i+1 < len(ws) && (ws[i+1].Tag == Det || ws[i+1].Tag == PossPron || ws[i+1].Tag == Num ||
			ws[i+1].Tag == Noun || ws[i+1].Tag == Adj && !(i+2 < len(ws) && ws[i+2].Tag == Verb)):
			w.Tag = Verb // "had a talk": have as a main verb
		case w.Tag == Modal && i > 0 && (ws[i-1].Tag == Det || ws[i-1].Tag == PossPron):
			w.Tag = Noun
		case w.Tag == Aux && w.Low == "'s":
			if i > 0 && (ws[i-1].Tag == Noun || ws[i-1].Tag == Propn || ws[i-1].Tag == Num || ws[i-1].Low == "one") && !(ws[i-1].Low == "that" || ws[i-1].Low == "there") {
				w.Tag = Poss
				w.Lemma, w.Form = "", FormNone
			}
		}
	}
	// Pass 3: words whose reading depends on the verbs around them.
	for i := range ws {
		w := &ws[i]
		switch w.Low {
		case "that":
			w.Tag = thatTag(ws, i)
		case "her":
			if i+1 < len(ws) && (ws[i+1].Tag == Noun || ws[i+1].Tag == Adj || ws[i+1].Tag == Propn || ws[i+1].Tag == Num) {
				w.Tag = PossPron
			} else {
				w.Tag = Pron
			}
		case "as", "after", "before", "since", "until", "till", "once", "when":
			if w.Tag == SConj || w.Tag == Prep || w.Tag == Wh {
				if clauseAhead(ws, i+1) {
					w.Tag = SConj
				} else if w.Low != "when" && w.Low != "once" {
					w.Tag = Prep
				}
			}
		}
	}
}

// timeWord lists day names and other time nouns.
func timeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
		"week", "month", "year", "night", "morning", "evening", "weekend", "tonight":
		return true
	}
	return false
}

// sameInPast lists verbs whose past is their base form.
func sameInPast(l string) bool {
	switch l {
	case "set", "put", "cut", "hit", "let", "shut", "spread", "cost", "beat", "hurt", "quit", "bet", "burst", "cast", "split", "upset", "broadcast", "forecast", "bid", "rid", "shed", "thrust":
		return true
	}
	return false
}

// bareInfVerb lists verbs followed by a bare infinitive: "help win", "let go".
func bareInfVerb(l string) bool {
	switch l {
	case "help", "let", "make", "see", "hear", "watch", "have":
		return true
	}
	return false
}

// pluralNoun guesses whether a noun is plural (a subject taking a base-form
// verb).
func pluralNoun(w string) bool {
	n := len(w)
	if n > 2 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' {
		return true
	}
	switch w {
	case "people", "police", "men", "women", "children", "forces", "troops", "media", "military", "government", "they", "we", "you", "i":
		return true
	}
	return false
}

func isParticle(w string) bool {
	switch w {
	case "up", "down", "out", "off", "back", "away":
		return true
	}
	return false
}

func isOpenQuote(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "(", "[", "«":
		return true
	}
	return false
}

// openTag chooses the tag of an open-class word that is not a verb form.
func openTag(w string, e *entry) Tag {
	if e != nil {
		switch {
		case e.adv > 0 && e.adv >= e.noun+e.adj:
			return Adv
		case e.adj > 0 && e.adj > e.noun:
			return Adj
		}
		return Noun
	}
	if len(w) > 4 && strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ply") && !strings.HasSuffix(w, "ally") || strings.HasSuffix(w, "ically") {
		return Adv
	}
	if adjSuffix(w) {
		return Adj
	}
	return Noun
}

// adjSuffix reports whether w ends in an adjective's suffix (-ous, -ive,
// -ful, -less, -able, -ible, -ian, -ese, -ish, -ic, -al) after at least
// three letters, the last letter telling which suffixes to try.
func adjSuffix(w string) bool {
	n := len(w)
	if n < 5 {
		return false
	}
	has := func(suf string) bool { return n > len(suf)+2 && w[n-len(suf):] == suf }
	switch w[n-1] {
	case 's':
		return has("ous") || has("less")
	case 'e':
		return has("ive") || has("able") || has("ible") || has("ese")
	case 'l':
		return has("ful") || has("al")
	case 'n':
		return has("ian")
	case 'h':
		return has("ish")
	case 'c':
		return has("ic")
	}
	return false
}

// prevContent returns the index of the nearest word before i that is not
// an adverb, or -1.
func prevContent(ws []Word, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ws[j].Tag != Adv {
			return j
		}
	}
	return -1
}

// startsNP reports whether word j can start a noun phrase that would be an
// object: determiners, pronouns, names, numbers.
func startsNP(ws []Word, j int) bool {
	if j >= len(ws) {
		return false
	}
	switch ws[j].Tag {
	case Det, PossPron, Propn, Num:
		return true
	case Pron:
		return ws[j].Low != "it" || true
	}
	return false
}

// verbOrNot decides whether a verb-able word at i is a verb (returning
// Verb), or a noun or adjective, from the words around it.
func (p *Parser) verbOrNot(ws []Word, i int, inf *winfo) Tag {
	w := &ws[i]
	e := inf.e           // inf is not nil: pass 1 made w a verb
	lemmaE := inf.lemmaE // w.Lemma is inf.lemma
	nounable := e != nil && (e.noun > 0) || w.Form == Pres3 && lemmaE != nil && lemmaE.noun > 0 || e == nil && lemmaE != nil && lemmaE.noun > 0 && w.Form == Base
	adjable := e != nil && e.adj > 0
	verbCount, nounCount := int32(1), int32(0)
	if lemmaE != nil {
		verbCount = lemmaE.verb
		nounCount = lemmaE.noun
	}
	pj := prevContent(ws, i)
	var prev Tag
	var prevLow string
	if pj >= 0 {
		prev, prevLow = ws[pj].Tag, ws[pj].Low
	}
	rawPrev := X
	if i > 0 {
		rawPrev = ws[i-1].Tag
	}
	noun := func() Tag {
		if adjable && w.Form != Pres3 && (i+1 < len(ws) && (ws[i+1].Tag == Noun || ws[i+1].Tag == Propn)) {
			return Adj
		}
		if w.Form == PastOrPart || w.Form == PastPart || w.Form == Past {
			return Adj
		}
		return Noun
	}
	switch w.Form {
	case Ing:
		if prev == Det || prev == PossPron || prev == Poss || rawPrev == Adj || prev == Num {
			return Noun
		}
		if rawPrev == Noun && i >= 2 && (ws[i-2].Tag == Det || ws[i-2].Tag == Adj) && e != nil && e.noun > e.verb {
			return Noun // "a landmark hearing"
		}
		if prev == Prep && prevLow != "by" && nounable && verbCount < nounCount && !startsNP(ws, i+1) {
			return Noun
		}
		return Verb
	case Past, PastPart, PastOrPart:
		if rawPrev == Verb && i+1 < len(ws) && (ws[i+1].Tag == Adj || ws[i+1].Tag == Noun) {
			return Adj // "abandon improved relations"
		}
		switch prev {
		case Det, PossPron, Poss, Num:
			return Adj
		case Aux, Neg, Modal, Wh, Pron, Ex, To:
			return Verb
		case Prep:
			if prevLow == "to" {
				return Verb
			}
			return Adj
		}
		return Verb
	}
	// Base, Pres, Pres3
	if rawPrev == Verb && !bareInfVerb(ws[i-1].Lemma) && w.Form == Base {
		return noun() // "restore complete ties"
	}
	switch prev {
	case Modal, To:
		return Verb
	case Aux:
		if ws[pj].Lemma == "do" {
			return Verb
		}
		if ws[pj].Lemma == "have" && ws[pj].Low != "having" || ws[pj].Lemma == "be" && !nounable {
			w.Form = PastPart // "has overcome", "was cut"
			return Verb
		}
		return noun()
	case Neg:
		return Verb
	case Det, PossPron, Poss, Num, Adj:
		return noun()
	case Prep:
		if prevLow == "to" && (w.Form == Base) && !startsNP(ws, i+1) && i+1 < len(ws) && ws[i+1].Tag != Punct && verbCount >= nounCount {
			return Verb
		}
		if prevLow == "to" && w.Form == Base && startsNP(ws, i+1) {
			return Verb
		}
		return noun()
	case Pron, Wh, Ex:
		if prevLow == "it" || prevLow == "one" || isSubjPron(prevLow) || prev == Wh {
			return Verb
		}
		return noun()
	case Noun, Propn:
		if !nounable {
			return Verb
		}
		if rawPrev == Adv || i+1 < len(ws) && isParticle(ws[i+1].Low) {
			return Verb // "soldiers routinely beat", "troops pull out"
		}
		if w.Form == Pres3 && i+2 < len(ws) && ws[i+1].Low == "to" && ws[i+2].Tag == Verb && (ws[i+2].Form == Base || ws[i+2].Form == Pres) {
			return Verb // "Ukraine plans to meet"
		}
		if w.Form == Base && !pluralNoun(ws[pj].Low) {
			if sameInPast(w.Lemma) && (startsNP(ws, i+1) || i+1 < len(ws) && (ws[i+1].Tag == Noun || ws[i+1].Tag == Verb)) {
				w.Form = Past // "Hebron set fire", "Russia cut ties"
				return Verb
			}
			return noun() // a singular subject takes -s: "cool minister Calimehtar"
		}
		if startsNP(ws, i+1) && !(i+1 < len(ws) && ws[i+1].Tag == Num && w.Form == Pres3) {
			return Verb
		}
		return noun()
	case X, Punct, CConj, SConj:
		if !nounable && !adjable {
			return Verb
		}
		if (prev == CConj || prev == Punct) && startsNP(ws, i+1) && verbCount*2 >= nounCount {
			// "condemned X and urge Y", but not a list of nouns
			if pj > 0 || prev == CConj {
				return Verb
			}
		}
		return noun()
	}
	if !nounable {
		return Verb
	}
	return noun()
}

// thatTag chooses Det, Wh (relative) or SConj (complementiser) for "that".
func thatTag(ws []Word, i int) Tag {
	var prev, next Tag
	if i > 0 {
		prev = ws[i-1].Tag
	}
	if i+1 < len(ws) {
		next = ws[i+1].Tag
	}
	switch {
	case prev == Verb || prev == Aux && ws[i-1].Lemma != "be" || prev == Adv || prev == Punct && i > 0 && ws[i-1].Low == ",":
		if next == Verb || next == Modal || next == Aux {
			if prev == Punct {
				return Wh
			}
		}
		return SConj
	case prev == Noun || prev == Propn || prev == Num:
		if next == Verb || next == Modal || next == Aux || next == Adv || next == Neg {
			return Wh
		}
		if next == Det || next == Pron || next == Propn || next == PossPron {
			return SConj
		}
		return Det
	case next == Noun || next == Adj || next == Num:
		return Det
	case next == Verb || next == Modal || next == Aux:
		if i == 0 {
			return Pron
		}
		return Wh
	}
	return SConj
}

// clauseAhead reports whether a finite verb follows word i closely enough
// to make the word before i a clause-introducing conjunction: a subject
// (pronoun, name, short noun phrase) then a finite verb group.
func clauseAhead(ws []Word, i int) bool {
	if i >= len(ws) {
		return false
	}
	for j := i; j < len(ws) && j < i+7; j++ {
		switch ws[j].Tag {
		case Modal:
			return j > i
		case Aux:
			return j > i || ws[j].Lemma == "be" && false
		case Verb:
			if j == i {
				return false
			}
			f := ws[j].Form
			return f == Past || f == PastOrPart || f == Pres3 || f == Pres || f == Base && ws[j-1].Tag == Pron
		case Punct, SConj, CConj, Wh, To:
			return false
		case Prep:
			if j == i {
				return false
			}
		}
	}
	return false
}

// groups finds the verb groups of s.
func groups(s *Sentence) {
	ws := s.Words
	for i := 0; i < len(ws); i++ {
		t := ws[i].Tag
		if t != Aux && t != Modal && t != Verb && !(t == To && i+1 < len(ws) && (ws[i+1].Tag == Verb || ws[i+1].Tag == Aux || ws[i+1].Tag == Adv)) {
			continue
		}
		g := Group{Start: i, Head: -1}
		j := i
		sawBe, sawHave, sawGet := false, false, false
		for ; j < len(ws); j++ {
			w := &ws[j]
			switch w.Tag {
			case Aux:
				if g.Head >= 0 {
					goto done
				}
				switch w.Lemma {
				case "be":
					sawBe = true
				case "have":
					sawHave = true
				}
				if w.Form == Past || w.Form == Pres3 || w.Form == Pres || w.Form == PastOrPart && w.Low == "had" || w.Low == "'s" {
					g.Flags |= Finite
				}
				continue
			case Modal:
				if g.Head >= 0 || j > i && ws[j-1].Tag == Verb {
					goto done
				}
				g.Flags |= Modal_ | Finite
				g.Modal = w.Low
				continue
			case Neg:
				g.Flags |= Negated
				continue
			case Adv:
				if j+1 < len(ws) && (ws[j+1].Tag == Verb || ws[j+1].Tag == Aux || ws[j+1].Tag == Neg || ws[j+1].Tag == Adv) && g.Head < 0 {
					continue
				}
				// "heavily and unjustly criticized"
				if g.Head < 0 && j+2 < len(ws) && ws[j+1].Tag == CConj && ws[j+2].Tag == Adv {
					j++
					continue
				}
				goto done
			case To:
				if j == i {
					g.Flags |= Infinitive
					continue
				}
				goto done
			case Verb:
				if g.Head >= 0 {
					goto done
				}
				if w.Lemma == "get" && j+1 < len(ws) && ws[j+1].Tag == Verb && (ws[j+1].Form == PastPart || ws[j+1].Form == PastOrPart) {
					sawGet = true
					continue
				}
				g.Head = j
				j++
				goto done
			default:
				goto done
			}
		}
	done:
		g.End = j
		if g.Head < 0 {
			// auxiliary alone: the last auxiliary is the head
			for k := g.End - 1; k >= g.Start; k-- {
				if ws[k].Tag == Aux || ws[k].Tag == Modal {
					g.Head = k
					break
				}
			}
			if g.Head < 0 {
				if g.End <= i {
					g.End = i + 1
				}
				i = g.End - 1
				continue
			}
			g.Flags |= Copula
			// drop trailing adverbs/negation that are not part of it
		}
		h := &ws[g.Head]
		if h.Tag == Verb {
			switch h.Form {
			case PastPart, PastOrPart:
				if sawBe || sawGet {
					g.Flags |= Passive
				} else if sawHave {
					g.Flags |= Perfect
				} else if g.Head == g.Start && g.Flags&Modal_ == 0 {
					if h.Form == PastPart || reducedRelative(ws, g.Head) {
						g.Flags |= Passive | Reduced
					} else {
						g.Flags |= Finite
						h.Form = Past
					}
				}
			case Ing:
				if sawBe {
					g.Flags |= Progressive
				} else if g.Start == g.Head {
					g.Flags |= Gerund
				}
			case Past, Pres3:
				g.Flags |= Finite
			case Base, Pres:
				if g.Flags&(Infinitive|Modal_) == 0 && g.Start == g.Head {
					g.Flags |= Finite
				}
			}
		}
		s.Groups = append(s.Groups, g)
		i = g.End - 1
	}
}

// reducedRelative reports whether an -ed form at h with no auxiliary is a
// participle modifying the noun before it ("missiles fired by Russia")
// rather than a finite past ("Russia fired missiles"): it is when a finite
// verb came earlier in the clause and no object follows, or when "by"
// follows.
func reducedRelative(ws []Word, h int) bool {
	if h == 0 {
		return false
	}
	prev := ws[h-1].Tag
	if prev != Noun && prev != Propn && prev != Num {
		return false
	}
	next := X
	if h+1 < len(ws) {
		next = ws[h+1].Tag
	}
	if timeWord(ws[h-1].Low) {
		return false // "on Thursday shortened": a time, not a noun the verb modifies
	}
	if h+1 < len(ws) && ws[h+1].Low == "by" {
		// "shortened by one hour" measures, "fired by Russia" names the doer
		return !(h+2 < len(ws) && (ws[h+2].Tag == Num || ws[h+2].Low == "one" || ws[h+2].Low == "a" || ws[h+2].Low == "an"))
	}
	if next == Det || next == PossPron || next == Propn || next == Pron || next == Num {
		return false
	}
	// A finite verb earlier in the clause makes this one a modifier.
	for j := h - 1; j >= 0; j-- {
		switch ws[j].Tag {
		case Verb:
			f := ws[j].Form
			if f == Past || f == Pres3 || f == PastOrPart {
				return true
			}
		case Aux, Modal:
			return true
		case SConj, Wh, Punct:
			if ws[j].Low == "," || ws[j].Tag != Punct {
				return false
			}
		}
	}
	return false
}

// Regroup recomputes the verb groups of s after a caller changed tags
// (names found by a dictionary are proper nouns, not verbs).
func Regroup(s *Sentence) {
	s.Groups = s.Groups[:0]
	groups(s)
}

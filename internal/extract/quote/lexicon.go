package quote

import (
	"fmt"
	"slices"
	"strings"

	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// CuesFile is the knowledge-base file of cue verbs, phrases and source
// nouns.
const CuesFile = "quote_cues.tsv"

// namesFile holds given names with their gender; optional.
const namesFile = "given_names.tsv"

// Cue kinds, from the lexicon's kind column.
const (
	kindSpeech uint8 = iota + 1
	kindThought
	kindReport
	kindAccording
	kindStance // support, opposition, praise, blame: "endorsed Clinton", "slammed the plan"
)

// Cue flags, from the lexicon's flags column.
const (
	flagListener uint16 = 1 << iota
	flagNoun
	flagTo
	flagWeak
	flagAdj     // an adjective after "be", with a that-clause: "is confident that"
	flagRaise   // no source; the content is the subject and what follows: "X appears to"
	flagPassive // in the passive, like flagRaise: "X is expected to", "is known as"
	flagNominal // a noun and its preposition: "support for X", "his criticism of X"
	flagNaming  // a participle that names the noun phrase before it: "a PAC dubbed X"
)

// Source-noun classes, from the lexicon's kind column.
const (
	srcPerson uint8 = iota + 1
	srcGroup
	srcDocument
)

// Verb forms of a cue word.
const (
	formBase uint8 = iota
	formPres       // says
	formPast       // said
	formIng        // saying
)

// cue is one lexicon entry for a verb or phrase.
type cue struct {
	lemma string
	kind  uint8
	flags uint16
}

// phrase is a multi-word cue form, keyed by its first word.
type phrase struct {
	words []string // lower case, all words
	cue   *cue
	form  uint8
}

// info is what the extractor knows about one lower-case word. Words
// outside the lexicon and the closed classes have the zero info.
type info struct {
	key  string // the lower-case word
	cue  *cue
	form uint8
	src  uint8 // srcPerson, srcGroup, srcDocument
	role bool  // a person noun naming an office
	// survey marks a document noun that "in" makes a source of: "In a
	// CNN poll, …", "in most surveys".
	survey bool
	class  uint16
	// phrases are the multi-word cues starting with this word, longest
	// first.
	phrases []phrase
}

// Closed word classes, a bit set on info.class.
const (
	clDet     uint16 = 1 << iota // the a his some two
	clPron                       // subject pronouns: he she they
	clObj                        // object pronouns: him her them
	clRel                        // who which
	clAux                        // has was would did
	clAdv                        // also later then (and words in -ly)
	clPrep                       // in on at to of
	clConj                       // and but because when
	clTime                       // Monday yesterday today
	clNPLink                     // of for on and &: links the parts of a name
	clStart                      // capitalised only at a sentence start: But In When
	clVerbish                    // common verbs that end a noun phrase: is was has
	clPoss                       // a possessive 's token ("Clinton's"), set per token
)

// possInfo is the info of a possessive 's token; the same token after a
// pronoun ("he's") keeps the auxiliary info of "'s".
var possInfo = &info{class: clPoss}

// contracts are the words after which 's is "is" or "has", not a
// possessive.
var contracts = map[string]bool{
	"he": true, "she": true, "it": true, "that": true, "there": true, "what": true, "who": true, "where": true,
	"here": true, "how": true, "let": true, "this": true, "everyone": true, "everybody": true, "nobody": true,
	"someone": true, "somebody": true, "nothing": true, "something": true, "everything": true, "why": true, "when": true,
}

var closed = map[uint16]string{
	clDet:  "the a an this these those his her its their our my your some many several most all both each every any no another such few numerous two three four five six seven eight nine ten dozens hundreds thousands millions",
	clPron: "he she they i we you it they're we're you're i'm i've we've they've he'd she'd i'd we'd they'd he'll she'll i'll we'll they'll",
	clObj:  "him her them me us you it",
	clRel:  "who which whom whose",
	clAux: "has have had is are was were be been being would will could should may might can must did does do shall 've 's 'd 'll 're " +
		"not never n't didn't don't doesn't won't wouldn't couldn't can't cannot isn't wasn't hasn't haven't hadn't",
	clAdv: "also further later then once often already still just even again first earlier previously recently reportedly " +
		"long since later initially ultimately subsequently separately flatly simply openly explicitly clearly finally " +
		"repeatedly frequently privately publicly allegedly quickly immediately now famously however though here too meanwhile " +
		"instead again",
	clPrep: "in on at to of for from by with about after before during since into over under against without within among " +
		"between through across via per amid despite toward towards upon than",
	clConj: "and or but so yet because if when while as although though whether where until unless whereas nor",
	clTime: "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow earlier later " +
		"week month year morning afternoon evening night weekend recently last this next ago",
	clNPLink: "of for on and & de del la le van von der al bin",
	clStart: "but and so yet in on at when while after before as if because although though however meanwhile still " +
		"also then there here now this that these those it its what why how where who which one some many most all " +
		"for with from by during despite since until instead indeed yes no not only even just please perhaps",
	clVerbish: "is are was were be been has have had would will could should may might can must did does do said says " +
		"drew grew came went took gave got began won lost led ran met sent spent held kept brought became fell rose made",
}

// lexicon is the loaded cue lexicon.
type lexicon struct {
	words  map[string]*info
	gender map[string]byte // given name (lower case) → 'm' or 'f'
	// fast is an open-addressing copy of words keyed by an FNV-1a hash
	// computed while a token is lower-cased, so that looking up every
	// word of a text costs a few nanoseconds; maxLen is the longest key.
	fast   []slot
	mask   uint64
	maxLen int
	// ascii holds the words written in lower-case ASCII, joined by the
	// pipeline with the other stages' lexicons (text.Vocab) so that a
	// token is looked up once for all; asciiInfo are their infos in
	// ascii's word order.
	ascii     *text.Lexicon[struct{}]
	asciiInfo []*info
}

type slot struct {
	h  uint64
	in *info
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// index builds the fast table from words.
func (l *lexicon) index() {
	n := 1
	for n < 4*len(l.words) {
		n <<= 1
	}
	l.fast = make([]slot, n)
	l.mask = uint64(n - 1)
	keys := make([]string, 0, len(l.words))
	for k := range l.words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		h := fnv(k)
		i := h & l.mask
		for l.fast[i].in != nil {
			i = (i + 1) & l.mask
		}
		l.words[k].key = k
		l.fast[i] = slot{h: h, in: l.words[k]}
		l.maxLen = max(l.maxLen, len(k))
	}
	ascii := map[string]struct{}{}
	for _, k := range keys {
		if lowerASCIIWord(k) {
			ascii[k] = struct{}{}
		}
	}
	l.ascii = text.NewLexicon(ascii)
	l.asciiInfo = make([]*info, l.ascii.Len())
	for i, k := range l.ascii.Words() {
		l.asciiInfo[i] = l.words[k]
	}
}

// lowerASCIIWord reports whether k is non-empty and holds only ASCII bytes
// and no upper-case letter.
func lowerASCIIWord(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return k != ""
}

// get looks up lower-cased key with hash h.
func (l *lexicon) get(h uint64, key []byte) *info {
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := &l.fast[i]
		if s.in == nil {
			return nil
		}
		if s.h == h && s.in.key == string(key) {
			return s.in
		}
	}
}

func newLexicon() *lexicon {
	return &lexicon{words: map[string]*info{}, gender: map[string]byte{}}
}

func (l *lexicon) word(w string) *info {
	in := l.words[w]
	if in == nil {
		in = &info{}
		l.words[w] = in
	}
	return in
}

// loadLexicon reads the cue lexicon and, when present, the given names.
func loadLexicon(src kb.Source) (*lexicon, error) {
	l := newLexicon()
	for class, words := range closed {
		for _, w := range strings.Fields(words) {
			l.word(w).class |= class
		}
	}
	tables, err := src.Tables(CuesFile)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		idx, err := t.Need("cue", "kind", "forms", "flags")
		if err != nil {
			return nil, err
		}
		for _, row := range t.Rows {
			if err := l.addRow(row.Cells[idx[0]], row.Cells[idx[1]], row.Cells[idx[2]], row.Cells[idx[3]]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", t.Name, row.Line, err)
			}
		}
	}
	defer l.index()
	if tables, err := src.Tables(namesFile); err == nil {
		for _, t := range tables {
			name, gender := t.Col("name"), t.Col("gender")
			if name < 0 || gender < 0 {
				continue
			}
			for _, row := range t.Rows {
				if g := row.Cells[gender]; g == "m" || g == "f" {
					l.gender[strings.ToLower(row.Cells[name])] = g[0]
				}
			}
		}
	}
	return l, nil
}

var kinds = map[string]uint8{"speech": kindSpeech, "thought": kindThought, "report": kindReport, "according": kindAccording, "stance": kindStance}
var srcKinds = map[string]uint8{"person": srcPerson, "group": srcGroup, "document": srcDocument}
var flagNames = map[string]uint16{"listener": flagListener, "noun": flagNoun, "to": flagTo, "weak": flagWeak, "adj": flagAdj, "raise": flagRaise, "passive": flagPassive, "nominal": flagNominal, "naming": flagNaming}

func (l *lexicon) addRow(lemma, kind, forms, flags string) error {
	if s, ok := srcKinds[kind]; ok {
		for _, f := range kb.Multi(forms) {
			f = strings.ToLower(f)
			if strings.Contains(f, " ") {
				l.addPhrase(f, nil, 0)
				w := strings.Fields(f)
				in := l.word(w[len(w)-1])
				in.src, in.role = s, in.role || strings.Contains(flags, "role")
				continue
			}
			in := l.word(f)
			in.src = s
			in.role = in.role || strings.Contains(flags, "role")
			in.survey = in.survey || strings.Contains(flags, "in")
		}
		return nil
	}
	k, ok := kinds[kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", kind)
	}
	c := &cue{lemma: lemma, kind: k}
	for _, f := range kb.Multi(flags) {
		if f == "role" {
			continue
		}
		fl, ok := flagNames[f]
		if !ok {
			return fmt.Errorf("unknown flag %q", f)
		}
		c.flags |= fl
	}
	for _, f := range kb.Multi(forms) {
		f = strings.ToLower(f)
		form := formOf(lemma, f)
		if strings.Contains(f, " ") {
			l.addPhrase(f, c, form)
			continue
		}
		in := l.word(f)
		if in.cue == nil {
			in.cue, in.form = c, form
		}
	}
	return nil
}

func (l *lexicon) addPhrase(f string, c *cue, form uint8) {
	w := strings.Fields(f)
	in := l.word(w[0])
	in.phrases = append(in.phrases, phrase{words: w, cue: c, form: form})
	slices.SortStableFunc(in.phrases, func(a, b phrase) int { return len(b.words) - len(a.words) })
}

// formOf guesses the verb form of f, an inflection of lemma.
func formOf(lemma, f string) uint8 {
	first := strings.Fields(f)[0]
	base := strings.Fields(lemma)[0]
	switch {
	case first == base:
		return formBase
	case strings.HasSuffix(first, "ing"):
		return formIng
	case strings.HasSuffix(first, "s") && !strings.HasSuffix(base, "s"), first == base+"es":
		return formPres
	}
	return formPast
}

package parse

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// lexiconTSV is generated from WordNet 3.0 by ./gen (see its header).
//
//go:embed lexicon.tsv
var lexiconTSV string

// entry is what the lexicon knows of a lower-case word.
type entry struct {
	tag   Tag    // closed-class tag, or X for open-class words
	alt   Tag    // a second closed-class reading (that: Det/Comp; her: Pron/PossPron)
	lemma string // verb lemma for verb forms; the word itself for lemmas
	form  uint8  // verb form when the word is an inflected verb
	verb  int32  // WordNet sense-tagged counts (+1 when listed) by part of speech
	noun  int32
	adj   int32
	adv   int32
}

func (e *entry) isVerb() bool { return e.verb > 0 }

var (
	lexOnce sync.Once
	lex     map[string]*entry
)

// lexicon returns the shared word table: closed classes written here, open
// classes from the generated WordNet table.
func lexicon() map[string]*entry {
	lexOnce.Do(func() {
		lex = make(map[string]*entry, 20000)
		// Entries are cut from arrays of many rather than allocated one
		// by one: the table is built at every start-up.
		var ents []entry
		newEntry := func(e entry) *entry {
			if len(ents) == cap(ents) {
				ents = make([]entry, 0, 4096)
			}
			ents = append(ents, e)
			return &ents[len(ents)-1]
		}
		var f [6]string
		for rest := lexiconTSV; rest != ""; {
			line := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			if line == "" || line[0] == '#' || strings.HasPrefix(line, "word\t") {
				continue
			}
			// the first six fields; a line with fewer is skipped
			n := 0
			for n < len(f) {
				i := strings.IndexByte(line, '\t')
				if i < 0 {
					f[n] = line
					n++
					break
				}
				f[n], line = line[:i], line[i+1:]
				n++
			}
			if n < len(f) {
				continue
			}
			if f[1] != "" { // irregular form: word, lemma
				if _, ok := lex[f[0]]; !ok {
					lex[f[0]] = newEntry(entry{lemma: f[1], form: irregularForm(f[0], f[1])})
				}
				continue
			}
			e := lex[f[0]]
			if e == nil {
				e = newEntry(entry{})
				lex[f[0]] = e
			}
			e.lemma = f[0]
			e.verb = atoi(f[2])
			e.noun = atoi(f[3])
			e.adj = atoi(f[4])
			e.adv = atoi(f[5])
		}
		for _, c := range closed {
			for _, w := range strings.Fields(c.words) {
				e := lex[w]
				if e == nil {
					e = newEntry(entry{lemma: w})
					lex[w] = e
				}
				if e.tag == X {
					e.tag = c.tag
				} else if e.alt == X && e.tag != c.tag {
					e.alt = c.tag
				}
			}
		}
		for w, f := range auxForms {
			e := lex[w]
			if e == nil {
				e = newEntry(entry{})
				lex[w] = e
			}
			e.lemma, e.form = f.lemma, f.form
		}
		for _, w := range strings.Fields(extraVerbs) {
			if e := lex[w]; e == nil {
				lex[w] = newEntry(entry{lemma: w, verb: 2})
			} else if e.verb == 0 {
				e.verb = 2
			}
		}
	})
	return lex
}

func atoi(s string) int32 {
	n, _ := strconv.Atoi(s)
	return int32(n)
}

// irregularForm guesses whether an irregular form is a past, participle or
// both from its shape: "-en"/"-n" participles (taken, shown), else past.
func irregularForm(w, lemma string) uint8 {
	switch {
	case strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") || strings.HasSuffix(w, "ne") && w != "shone":
		return PastPart
	case strings.HasSuffix(w, "ing"):
		return Ing
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(lemma, "s"):
		return Pres3
	}
	return PastOrPart
}

// closed lists the closed-class words by tag. A word in two lists gets
// both readings; the tagger chooses by context.
var closed = []struct {
	tag   Tag
	words string
}{
	{Det, "the a an this these those each every some any all both either neither another such no whatever whichever"},
	{Det, "that"}, // also Comp and Wh
	{Pron, "i you he she it we they me him us them myself yourself himself herself itself ourselves themselves yourselves one someone somebody anyone anybody everyone everybody nobody nothing something anything everything none"},
	{PossPron, "my your his her its our their"},
	{Pron, "her"},
	{Wh, "who whom whose which what where when why how"},
	{Prep, "of in on at by for with from to into onto upon about against among amongst amid amidst between through throughout during over under above below across along alongside around behind beyond near toward towards via within without despite including regarding concerning following per than like unlike except outside inside past since before after until till versus via off out up down beside besides beneath underneath opposite plus minus"},
	{SConj, "because although though while whereas if unless whether once lest as since before after until till when"},
	{CConj, "and or but nor"},
	{Aux, "be am is are was were been being have has had having do does did 's 're 've 'm 'd"},
	{Modal, "will would shall should can could may might must wo ca 'll ought"},
	{Neg, "not n't never"},
	{Ex, "there"},
	{Adv, "also already still just even only very too so then now again ever yet soon later earlier previously reportedly allegedly apparently reportedly further furthermore however meanwhile moreover nevertheless instead rather quite almost nearly mostly largely partly directly recently currently finally initially eventually immediately reportedly jointly together today tonight yesterday tomorrow here thus hence otherwise perhaps maybe indeed once twice ago abroad away back forward home"},
	{Num, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands millions billions"},
}

// auxForms are the inflected forms of the auxiliaries with their lemma.
var auxForms = map[string]struct {
	lemma string
	form  uint8
}{
	"be": {"be", Base}, "am": {"be", Pres}, "is": {"be", Pres3}, "are": {"be", Pres}, "was": {"be", Past}, "were": {"be", Past},
	"been": {"be", PastPart}, "being": {"be", Ing}, "'re": {"be", Pres}, "'m": {"be", Pres},
	"have": {"have", Base}, "has": {"have", Pres3}, "had": {"have", PastOrPart}, "having": {"have", Ing}, "'ve": {"have", Pres},
	"do": {"do", Base}, "does": {"do", Pres3}, "did": {"do", Past}, "done": {"do", PastPart}, "doing": {"do", Ing},
	"'d": {"would", Past},
}

// extraVerbs are verbs news uses that WordNet's single-word index lacks
// or that must be verb-able whatever their counts.
var extraVerbs = "downplay reimpose redeploy"

// lookup returns the lexicon entry of a lower-case word, or nil.
func lookup(w string) *entry { return lexicon()[w] }

// verbLemma returns the lemma and form of w when w is a form of a verb the
// lexicon knows (or of one of the extra verbs a caller knows, see
// Parser.AddVerbs), else "", FormNone.
func (p *Parser) verbLemma(w string) (string, uint8) {
	lx := lexicon()
	if e := lx[w]; e != nil && e.form != FormNone && e.tag != Aux && e.tag != Modal {
		if le := lx[e.lemma]; le != nil && le.isVerb() || p.extra[e.lemma] {
			return e.lemma, e.form
		}
	}
	isVerb := func(s string) bool {
		if p.extra[s] {
			return true
		}
		e := lx[s]
		return e != nil && e.isVerb()
	}
	if isVerb(w) {
		return w, Base
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ing"):
		if c, ok := stemVerb(w[:n-3], isVerb); ok {
			return c, Ing
		}
	case n > 3 && strings.HasSuffix(w, "ed"):
		if strings.HasSuffix(w, "ied") && isVerb(w[:n-3]+"y") {
			return w[:n-3] + "y", PastOrPart
		}
		if isVerb(w[:n-1]) { // deplored → deplore
			return w[:n-1], PastOrPart
		}
		if c, ok := stemVerb(w[:n-2], isVerb); ok {
			return c, PastOrPart
		}
	case n > 2 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != '\'':
		if strings.HasSuffix(w, "ies") && n > 4 && isVerb(w[:n-3]+"y") {
			return w[:n-3] + "y", Pres3
		}
		if strings.HasSuffix(w, "es") {
			s := w[:n-2]
			if (strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
				strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh") || strings.HasSuffix(s, "o")) && isVerb(s) {
				return s, Pres3
			}
		}
		if isVerb(w[:n-1]) {
			return w[:n-1], Pres3
		}
	}
	return "", FormNone
}

// stemVerb finds the lemma of a stem left by cutting -ing or -ed: the
// stem itself, the stem with a doubled final consonant undone (stopp-ed,
// travell-ed), or the stem plus e (mov-ing).
func stemVerb(s string, isVerb func(string) bool) (string, bool) {
	if isVerb(s) {
		return s, true
	}
	if n := len(s); n >= 2 && s[n-1] == s[n-2] && !strings.ContainsRune("aeious", rune(s[n-1])) && isVerb(s[:n-1]) {
		return s[:n-1], true
	}
	if e := s + "e"; isVerb(e) {
		return e, true
	}
	return "", false
}

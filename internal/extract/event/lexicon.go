package event

import (
	"fmt"
	"strings"

	"newsgraph/internal/kb"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/text"
)

// VerbsFile is the knowledge-base file of event verbs and nouns.
const VerbsFile = "verbs.tsv"

// Trigger flags, from the flags column of verbs.tsv.
const (
	fSpeech     uint16 = 1 << iota // a verb of saying: its complement clause is reported speech
	fSym                           // symmetric: a compound subject without object codes both ways
	fLight                         // a light verb: codes the event noun it takes ("launch an attack")
	fIntent                        // takes an infinitive or event noun it promises or plans
	fRefuse                        // refuses what it takes
	fThreat                        // threatens what it takes
	fDemand                        // demands what it takes ("call for the release")
	fAppeal                        // appeals for what it takes ("urge X to")
	fNonFactive                    // its complement is not asserted as fact (deny, allege)
	fDominate                      // event nouns in its object are its topic, not events ("discuss the release")
	fCredit                        // "thank/blame X for EVENT": X did EVENT
)

var flagNames = map[string]uint16{
	"speech": fSpeech, "sym": fSym, "light": fLight, "intent": fIntent, "refuse": fRefuse,
	"threat": fThreat, "demand": fDemand, "appeal": fAppeal, "nonfactive": fNonFactive,
	"dominate": fDominate, "credit": fCredit,
}

// trigger is one verb or noun of a lexicon with its code and patterns.
type trigger struct {
	head      string   // lower-case head word: a surface form (dictionaries) or a lemma (ours)
	pre, post []string // fixed words before and after the head
	code      string   // code when no pattern matches; "" defers to the block's
	block     *block
	noun      bool
	flags     uint16
	// dict marks a trigger of a PETRARCH dictionary: its patterns decide
	// and our modality rules do not apply.
	dict bool
}

// block is a group of triggers sharing patterns and a default code.
type block struct {
	code     string
	patterns []petrarch.Pattern
}

// lexicon holds the triggers of one source (our verbs.tsv, or a PETRARCH
// verbs dictionary) indexed for lookup.
type lexicon struct {
	// byForm indexes dictionary triggers by every surface form of the head.
	byForm map[string][]*trigger
	// byLemma indexes our verb triggers by lemma, and nouns by singular.
	byLemma map[string][]*trigger
	nouns   map[string][]*trigger
	synsets map[string][]petrarch.Phrase
	// synIdx holds the synsets indexed for matching (indexSynsets).
	synIdx map[string]*synIndex
	// heads are the verb lemmas and forms, for the parser.
	heads []string
	// dict marks a PETRARCH lexicon: patterns decide, no modality rules.
	dict bool
	// formF, lemmaF and nounF hold the keys of byForm, byLemma and nouns
	// (indexWords), to turn most words away before a map look-up.
	formF, lemmaF, nounF text.WordFilter
}

// forms returns byForm[w]. The trigger maps' look-ups test a filter
// first; ascii tells that w holds ASCII bytes alone (the words of most
// sentences: scratch.ascii), for which one bit of the filter decides.
func (lx *lexicon) forms(w string, ascii bool) []*trigger {
	if ascii && !lx.formF.HasASCII(w) || !ascii && !lx.formF.MayHave(w) {
		return nil
	}
	return lx.byForm[w]
}

// lemmas returns byLemma[w].
func (lx *lexicon) lemmas(w string, ascii bool) []*trigger {
	if ascii && !lx.lemmaF.HasASCII(w) || !ascii && !lx.lemmaF.MayHave(w) {
		return nil
	}
	return lx.byLemma[w]
}

// nounsOf returns nouns[w].
func (lx *lexicon) nounsOf(w string, ascii bool) []*trigger {
	if ascii && !lx.nounF.HasASCII(w) || !ascii && !lx.nounF.MayHave(w) {
		return nil
	}
	return lx.nouns[w]
}

// indexWords fills the filters of the trigger maps.
func (lx *lexicon) indexWords() {
	for w := range lx.byForm {
		lx.formF.Add(w)
	}
	for w := range lx.byLemma {
		lx.lemmaF.Add(w)
	}
	for w := range lx.nouns {
		lx.nounF.Add(w)
	}
}

func newLexicon() *lexicon {
	return &lexicon{byForm: map[string][]*trigger{}, byLemma: map[string][]*trigger{}, nouns: map[string][]*trigger{}, synsets: map[string][]petrarch.Phrase{}}
}

// fromDict builds a lexicon from a PETRARCH verbs dictionary.
func fromDict(v *petrarch.Verbs) *lexicon {
	lx := newLexicon()
	lx.dict = true
	for name := range v.Synsets {
		lx.synsets[name] = v.Expand(name)
	}
	for i := range v.Blocks {
		b := &v.Blocks[i]
		bl := &block{code: b.Code, patterns: b.Patterns}
		for _, vb := range b.Verbs {
			t := &trigger{head: vb.Head, pre: vb.Pre, post: vb.Post, code: vb.Code, block: bl, dict: true}
			seen := map[string]bool{}
			for _, f := range vb.Forms {
				if seen[f] {
					continue
				}
				seen[f] = true
				lx.byForm[f] = append(lx.byForm[f], t)
			}
			lx.heads = append(lx.heads, vb.Head)
		}
	}
	lx.indexSynsets()
	return lx
}

// synIndex is a synset's phrases indexed by first and by last word, so
// that matching a synset at a word tries only the phrases that can match
// there (a synset may hold fifty). Each index keeps the phrases in the
// synset's order; both are nil when a phrase is empty, which matches
// anywhere: then all are tried.
type synIndex struct {
	all         []petrarch.Phrase
	first, last map[string][]petrarch.Phrase
	// firstF and lastF hold the keys of first and last (of all the
	// lexicon's synsets, which share them), to turn most words away
	// before a map look-up.
	firstF, lastF *text.WordFilter
}

// starting returns first[w] (phrases starting with word w).
func (si *synIndex) starting(w string, ascii bool) []petrarch.Phrase {
	if ascii && !si.firstF.HasASCII(w) || !ascii && !si.firstF.MayHave(w) {
		return nil
	}
	return si.first[w]
}

// ending returns last[w] (phrases ending with word w).
func (si *synIndex) ending(w string, ascii bool) []petrarch.Phrase {
	if ascii && !si.lastF.HasASCII(w) || !ascii && !si.lastF.MayHave(w) {
		return nil
	}
	return si.last[w]
}

// indexSynsets fills lx.synIdx from lx.synsets, and the filters of the
// trigger maps.
func (lx *lexicon) indexSynsets() {
	lx.indexWords()
	lx.synIdx = make(map[string]*synIndex, len(lx.synsets))
	firstF, lastF := new(text.WordFilter), new(text.WordFilter)
	for name, phs := range lx.synsets {
		si := &synIndex{all: phs, first: map[string][]petrarch.Phrase{}, last: map[string][]petrarch.Phrase{}, firstF: firstF, lastF: lastF}
		for _, ph := range phs {
			if len(ph.Words) == 0 {
				si.first, si.last = nil, nil
				break
			}
			f, l := ph.Words[0], ph.Words[len(ph.Words)-1]
			si.first[f] = append(si.first[f], ph)
			si.last[l] = append(si.last[l], ph)
			si.firstF.Add(f)
			si.lastF.Add(l)
		}
		lx.synIdx[name] = si
	}
}

// loadLexicon reads our verbs.tsv: rows of trigger, pos (v, n, or syn for
// a synonym set), pattern, cameo code and flags.
func loadLexicon(src kb.Source) (*lexicon, error) {
	ts, err := src.Tables(VerbsFile)
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	lx := newLexicon()
	blocks := map[string]*block{} // by pos + trigger
	for _, t := range ts {
		idx, err := t.Need("trigger", "pos", "pattern", "cameo", "flags")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			c := r.Cells
			trig, pos, pat, code, flags := strings.TrimSpace(c[idx[0]]), c[idx[1]], strings.TrimSpace(c[idx[2]]), c[idx[3]], c[idx[4]]
			if pos == "syn" {
				name := strings.ToUpper(trig)
				for _, m := range kb.Multi(pat) {
					p := petrarch.Phrase{}
					for i, w := range strings.Fields(strings.ToLower(m)) {
						p.Words = append(p.Words, w)
						p.Loose = append(p.Loose, false && i > 0)
					}
					lx.synsets[name] = append(lx.synsets[name], p)
					if n := len(p.Words); n > 0 && !strings.HasSuffix(m, "_") {
						q := petrarch.Phrase{Words: append([]string(nil), p.Words...), Loose: p.Loose}
						q.Words[n-1] = petrarch.Plural(q.Words[n-1])
						lx.synsets[name] = append(lx.synsets[name], q)
					}
				}
				continue
			}
			var fl uint16
			for _, f := range kb.Multi(flags) {
				v, ok := flagNames[f]
				if !ok {
					return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("unknown flag %q", f)}
				}
				fl |= v
			}
			words := strings.Fields(strings.ToLower(trig))
			if len(words) == 0 || pos != "v" && pos != "n" {
				return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: "want a trigger and pos v, n or syn"}
			}
			key := pos + " " + strings.Join(words, " ")
			bl := blocks[key]
			if bl == nil {
				bl = &block{}
				blocks[key] = bl
				tr := &trigger{head: words[0], post: words[1:], block: bl, noun: pos == "n"}
				if pos == "n" {
					lx.nouns[words[0]] = append(lx.nouns[words[0]], tr)
				} else {
					lx.byLemma[words[0]] = append(lx.byLemma[words[0]], tr)
					lx.heads = append(lx.heads, words[0])
				}
			}
			// the trigger of this key gets the flags of all its rows
			for _, tr := range append(lx.byLemma[words[0]], lx.nouns[words[0]]...) {
				if tr.block == bl {
					tr.flags |= fl
					if pat == "" && code != "" {
						tr.code = code
					}
				}
			}
			if pat == "" {
				if bl.code == "" {
					bl.code = code
				}
				continue
			}
			p, ok := petrarch.ParsePattern(pat + " [" + code + "]")
			if !ok {
				return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: fmt.Sprintf("bad pattern %q", pat)}
			}
			p.Line = r.Line
			bl.patterns = append(bl.patterns, p)
		}
	}
	lx.indexSynsets()
	return lx, nil
}

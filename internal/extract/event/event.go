// Package event is the pipeline stage that codes events: who did what to
// whom, in CAMEO (code, base, root, quad class, Goldstein weight) and PLOVER
// (type and mode), each event tied to its sentence and verb.
//
// For every sentence it runs the shallow parser (internal/parse), finds
// the actors (from the record's entities and our agent nouns, or from
// PETRARCH/TABARI dictionaries a user loads), groups them into noun phrases
// and coordinations, then looks every verb (and event noun: "the release
// of", "talks with") up in the verb lexicon. The source is the verb's
// subject (the by-phrase in the passive), the target its object or the
// first actor in a prepositional phrase after it; dictionary patterns
// ("- * &CURRENCY [903]", "- + WAS * DEAD IN $ [224]") refine code, source
// and target. Our own lexicon adds the readings a news user expects:
// "threatened to attack" is a threat, "agreed to release" an intent,
// "refused to release" a rejection, "discussed the release" a negotiation,
// and a speaker's "said" is a statement of its own.
package event

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/kb/petrarch"
	"newsgraph/internal/parse"
	"newsgraph/internal/text"
)

// Name is the stage's name in the pipeline, metrics and problems.
const Name = "event"

// Options configure a Coder.
type Options struct {
	// KB is where our lexicon (verbs.tsv, agents.tsv, cameo.tsv) comes
	// from.
	KB kb.Source
	// Dict holds PETRARCH/TABARI dictionaries to use. Their actors and
	// agents are matched besides the record's entities, and their verbs
	// are looked up before ours.
	Dict *petrarch.Dict
	// DictFiles are dictionary files to read into Dict (KIND:PATH or
	// PATH; see petrarch.LoadFiles).
	DictFiles []string
	// DictOnly codes with the dictionaries alone: no entities, no agents,
	// verbs or modality rules of ours (the PETRARCH unit tests).
	DictOnly bool
}

// Coder is the event stage. It is safe for concurrent use after New.
type Coder struct {
	opts     Options
	parser   *parse.Parser
	codes    codebook
	own      *lexicon // nil in DictOnly mode
	dict     *lexicon // nil without a verbs dictionary
	matchers []actorMatcher
	discards []petrarch.Discard
	// quiet tells the sentences that need no parse (quiet.go); nil when
	// every sentence is parsed.
	quiet *quietCheck
	pool  sync.Pool
}

// New builds a Coder.
func New(opts Options) (*Coder, error) {
	if len(opts.DictFiles) > 0 {
		d, err := petrarch.LoadFiles(opts.DictFiles...)
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		if opts.Dict != nil {
			d.Actors = append(opts.Dict.Actors, d.Actors...)
			d.Agents = append(opts.Dict.Agents, d.Agents...)
			d.Discards = append(opts.Dict.Discards, d.Discards...)
			if d.Verbs == nil {
				d.Verbs = opts.Dict.Verbs
			}
		}
		opts.Dict = d
	}
	c := &Coder{opts: opts, parser: parse.New()}
	var err error
	if c.codes, err = loadCodebook(opts.KB); err != nil {
		return nil, err
	}
	if !opts.DictOnly {
		if c.own, err = loadLexicon(opts.KB); err != nil {
			return nil, err
		}
		c.parser.AddVerbs(c.own.heads...)
		agents, err := loadAgents(opts.KB)
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		c.matchers = append(c.matchers, &entityActors{agents: agents, capitals: loadCapitals(opts.KB)})
	}
	if d := opts.Dict; d != nil {
		if d.Verbs != nil {
			c.dict = fromDict(d.Verbs)
			c.parser.AddVerbs(c.dict.heads...)
		}
		if len(d.Actors) > 0 || len(d.Agents) > 0 {
			c.matchers = append(c.matchers, newDictActors(d))
		}
		c.discards = d.Discards
	}
	c.quiet = newQuietCheck(c.matchers)
	c.pool.New = func() any { return &scratch{} }
	// The parser indexes its words now rather than on first use, so that
	// a pipeline building its stages at the same time builds this too.
	c.parser.Lexicons()
	return c, nil
}

// loadCapitals reads the capitals of country_names.tsv when the knowledge
// base has it, so that "Moscow said" can stand for the Russian government.
func loadCapitals(src kb.Source) map[string]string {
	ts, err := src.Tables("country_names.tsv")
	if err != nil {
		return nil
	}
	m := map[string]string{}
	for _, t := range ts {
		iso, cap := t.Col("iso3"), t.Col("capital")
		if iso < 0 || cap < 0 {
			continue
		}
		for _, r := range t.Rows {
			if c := strings.ToLower(r.Cells[cap]); c != "" {
				m[c] = r.Cells[iso]
			}
		}
	}
	return m
}

// Name returns "event".
func (c *Coder) Name() string { return Name }

// Lexicons returns the lexicons the coder looks tokens up in, for the
// pipeline to join (text.Join) so that words are looked up once for all
// stages.
func (c *Coder) Lexicons() []text.Joinable { return c.parser.Lexicons() }

// Process codes the events of doc's sentences into doc.Rec.Events, in
// sentence order. It reads doc.Tokens and doc.Sents (segment stage) and,
// when present, doc.Rec.Entities, Quotes and Dates; it never fails on odd
// text and returns only the context's error.
func (c *Coder) Process(ctx context.Context, doc *article.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	s.reset(doc)
	if c.storyDiscarded(doc) {
		return nil
	}
	date := ""
	if !doc.Published.IsZero() {
		date = doc.Published.Format("20060102")
	}
	for si := range doc.Sents {
		if si%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		c.codeSentence(s, doc, si, date)
	}
	return nil
}

// storyDiscarded reports whether a story-level discard phrase occurs.
func (c *Coder) storyDiscarded(doc *article.Doc) bool {
	if len(c.discards) == 0 {
		return false
	}
	low := strings.ToLower(doc.Rec.Text)
	for _, d := range c.discards {
		if d.Story && containsPhrase(low, d) {
			return true
		}
	}
	return false
}

// sentenceDiscarded reports whether a sentence-level discard occurs in s.
func (c *Coder) sentenceDiscarded(s string) bool {
	if len(c.discards) == 0 {
		return false
	}
	low := strings.ToLower(s)
	for _, d := range c.discards {
		if !d.Story && containsPhrase(low, d) {
			return true
		}
	}
	return false
}

// containsPhrase looks for d's words in low starting at a word boundary,
// separated by single spaces; exact discards must also end at one.
func containsPhrase(low string, d petrarch.Discard) bool {
	want := strings.Join(d.Words, " ")
	for i := 0; ; {
		j := strings.Index(low[i:], want)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(want)
		if (at == 0 || !isAlnum(low[at-1])) && (!d.Exact || end == len(low) || !isAlnum(low[end])) {
			return true
		}
		i = at + 1
	}
}

func isAlnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

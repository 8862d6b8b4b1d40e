// Package entity is the pipeline stage that finds the people,
// organisations, places and groups an article names, and resolves every
// mention of one of them (full name, surname, alias, acronym, demonym) to
// a single entity with a stable id.
//
// It works on the tokens of the segment stage. Names come from the
// knowledge base (kb.Gazetteer: countries, places, people, organisations,
// given names) and from context: titles and roles before a name
// ("Foreign Minister X", "Gen. X", "Mr. X"), heads and tails of
// organisation names ("Ministry of …", "… Party", "… Inc."), capitalised
// sequences with connectors ("Council on Foreign Relations", "bin Salman"),
// acronyms defined in the text ("Council on Foreign Relations (CFR)") and
// speech verbs ("X said"). Headlines and all-capital lines, where a capital
// letter says nothing, are read by the knowledge base alone.
package entity

import (
	"context"
	"fmt"
	"sync"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// Name is the stage's name in the pipeline, metrics and problems.
const Name = "entity"

// Extractor finds entities in a Doc. It is safe for concurrent use after
// New: the knowledge base is shared and read-only, and each call uses its
// own scratch space.
type Extractor struct {
	gaz  *kb.Gazetteer
	cues *cues
	pool sync.Pool
}

// New returns an Extractor reading the knowledge base from src. The
// gazetteer is loaded once per process and source and shared.
func New(src kb.Source) (*Extractor, error) {
	g, err := kb.LoadGazetteer(src)
	if err != nil {
		return nil, fmt.Errorf("entity: load knowledge base: %w", err)
	}
	e := &Extractor{gaz: g, cues: cuesFor(g)}
	e.pool.New = func() any { return &scratch{} }
	return e, nil
}

// Name returns "entity".
func (e *Extractor) Name() string { return Name }

// Process fills doc.Rec.Entities from doc.Tokens and doc.Sents, which the
// segment stage must have set. Entities are sorted by their first
// mention and mentions by position. It never fails on odd text; it
// returns only the context's error.
func (e *Extractor) Process(ctx context.Context, doc *article.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := e.pool.Get().(*scratch)
	defer e.pool.Put(s)
	d, bases := s.joinEmbeds(doc)
	s.reset(e, d)
	e.recognise(s, d)
	ents := e.resolve(s, d)
	if len(bases) > 0 {
		ents = e.embedAuthors(s, doc, ents)
	}
	placeMentions(ents, bases, doc.Rec.Embeds)
	doc.Rec.Entities = ents
	s.joined = article.Doc{}
	return nil
}

// Package store keeps article records and their annotations in a database
// that ingest writes and query, export and serve read. Store is the
// interface every engine implements; store/sqlite is the embedded default.
//
// The contract every engine keeps:
//   - An article's id is its key. Putting a record whose id is stored adds
//     nothing, except a new copy (another URL or input carrying the same
//     text), unless the record was made by a newer pipeline version: then
//     the article's annotations are replaced, all in the same transaction.
//   - One Put is one transaction: after a crash the store holds every
//     batch that Put returned for, and nothing of the batch it was in.
//   - Near-duplicates of a stored story are linked to its first-seen
//     original (Record.DuplicateOf) when they are put.
//   - Reads never see a half-written batch.
//
// Engines are safe for concurrent use; Put calls are serialised.
package store

import (
	"context"
	"errors"
	"iter"

	"newsgraph/internal/article"
)

// Sentinel errors.
var (
	// ErrNewerSchema means the database was written by a newer newsgraph
	// whose schema this one does not know; the database is left untouched.
	ErrNewerSchema = errors.New("database schema is newer than this newsgraph")
	// ErrNotStore means the file is a database but not a newsgraph store.
	ErrNotStore = errors.New("not a newsgraph database")
	// ErrNoStore means there is no database at the path and the caller asked
	// not to create one.
	ErrNoStore = errors.New("no database")
	// ErrFull means the disk or the database's size limit is reached; the
	// batch was not written and the store is as it was before it.
	ErrFull = errors.New("database or disk is full")
	// ErrNotFound means no article has the id.
	ErrNotFound = errors.New("not found")
)

// Item is one record to store with where it was read.
type Item struct {
	Record article.Record
	// Origin names the input ("file.jsonl:12", a URL); a copy is keyed by
	// the record's URL, or by Origin when it has none.
	Origin string
	// Prepared holds the engine's work on the item that needs no
	// database, when a Preparer did it ahead of Put; nil otherwise, and
	// Put does that work itself.
	Prepared any
}

// A Preparer is a Store whose Put has work that needs no database
// (encoding the record, its duplicate signature). Prepare does that work
// for the items and keeps it in their Prepared fields, so that a writer
// can prepare the next batch on other cores while Put writes the
// previous one. The items' records must not change between Prepare and
// Put. Prepare is safe to call while Put runs on other items.
type Preparer interface {
	Prepare(items []Item)
}

// Outcome says what Put did with one item.
type Outcome int

// Outcomes.
const (
	// Added: a new article.
	Added Outcome = iota + 1
	// Duplicate: a new article that copies a stored story.
	Duplicate
	// Replaced: a stored article whose annotations were replaced by those
	// of a newer pipeline.
	Replaced
	// Copy: a stored article seen again at a new URL or input.
	Copy
	// Unchanged: a stored article seen again from the same place.
	Unchanged
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Duplicate:
		return "duplicate"
	case Replaced:
		return "replaced"
	case Copy:
		return "copy"
	case Unchanged:
		return "unchanged"
	}
	return "unknown"
}

// Stats are the store's counts.
type Stats struct {
	// Articles are distinct stored articles (one per id).
	Articles int64 `json:"articles"`
	// Copies are the inputs that gave a stored article (URLs or files);
	// Copies - Articles of them repeated an article's exact text.
	Copies int64 `json:"copies"`
	// NearDuplicates are articles linked to another by DuplicateOf;
	// Duplicates adds the repeated exact copies to them.
	NearDuplicates int64 `json:"near_duplicates"`
	Duplicates     int64 `json:"duplicates"`
	// Stories are originals: articles that copy no other.
	Stories      int64 `json:"stories"`
	Entities     int64 `json:"entities"`
	Mentions     int64 `json:"mentions"`
	Quotes       int64 `json:"quotes"`
	Attributions int64 `json:"attributions"`
	Amounts      int64 `json:"amounts"`
	Dates        int64 `json:"dates"`
	Events       int64 `json:"events"`
	Embeds       int64 `json:"embeds"`
	Themes       int64 `json:"themes"`
	// Outlets counts articles by outlet (or URL host when no outlet is
	// known; "" when neither is), most first.
	Outlets []Count `json:"outlets"`
	// Languages counts articles by language code.
	Languages []Count `json:"languages"`
	// First and Last are the earliest and latest publication days known.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Schema is the database's schema version.
	Schema int `json:"schema"`
}

// Count is a name with a number.
type Count struct {
	Name string `json:"name"`
	N    int64  `json:"n"`
}

// Period bounds a query by day, inclusive; empty ends are open. Days are
// YYYY-MM-DD (a shorter prefix such as 2025-08 also works).
type Period struct {
	Since string
	Until string
}

// EventFilter selects events. Empty fields match everything. Actor codes
// match exactly, or as a prefix when they end in "*" (USA* matches USAGOV);
// a value containing ":" is an entity id.
type EventFilter struct {
	// Actor is on either side; Source and Target on one side.
	Actor, Source, Target string
	// Pair is two actors, either way round.
	Pair [2]string
	// Code is a CAMEO code prefix ("05", "051"); Root the two-digit root.
	Code string
	Root string
	// Quad is the quad class 1–4; 0 is any.
	Quad int
	// Plover is a PLOVER type.
	Plover string
	// Country matches the event's location country or either actor's
	// country (ISO 3166 alpha-3).
	Country string
	Period
	// Duplicates keeps events of articles that copy another story
	// (normally counted in NumArticles of the original only).
	Duplicates bool
	// Limit caps the rows; 0 is no cap.
	Limit int
}

// EventRow is an event with its article and the story's counts.
type EventRow struct {
	Article   string        `json:"article"`
	Index     int           `json:"index"`
	URL       string        `json:"url,omitempty"`
	Outlet    string        `json:"outlet,omitempty"`
	Published string        `json:"published,omitempty"`
	Day       string        `json:"day,omitempty"`
	Event     article.Event `json:"event"`
	// SentenceText is the sentence the event came from.
	SentenceText string `json:"sentence_text,omitempty"`
	// NumArticles and NumSources count the copies of the story (the article
	// and every near-duplicate of it) and their distinct outlets, as
	// GDELT's fields of those names do.
	NumArticles int `json:"num_articles"`
	NumSources  int `json:"num_sources"`
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	// Speaker is an entity id, or words matched against the speaker's
	// name as written and the entity's name.
	Speaker string
	// Words are full-text search terms over the quote (FTS5 syntax).
	Words string
	Period
	Duplicates bool
	Limit      int
}

// QuoteRow is a quote with its article.
type QuoteRow struct {
	Article   string        `json:"article"`
	Index     int           `json:"index"`
	URL       string        `json:"url,omitempty"`
	Outlet    string        `json:"outlet,omitempty"`
	Published string        `json:"published,omitempty"`
	Quote     article.Quote `json:"quote"`
	// SpeakerEntity is the speaker's canonical name when resolved.
	SpeakerEntity string `json:"speaker_entity,omitempty"`
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	// Text is a full-text query over title and body (FTS5 syntax: words,
	// "phrases", OR, NOT, prefix*).
	Text string
	// Outlet matches the outlet or URL host exactly.
	Outlet string
	// Entity is an entity id the article mentions.
	Entity string
	Period
	Duplicates bool
	Limit      int
}

// ArticleRow is a stored article's summary.
type ArticleRow struct {
	ID          string  `json:"id"`
	URL         string  `json:"url,omitempty"`
	Title       string  `json:"title,omitempty"`
	Outlet      string  `json:"outlet,omitempty"`
	Published   string  `json:"published,omitempty"`
	Words       int     `json:"words"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Copies      int     `json:"copies"`
	Rank        float64 `json:"rank,omitempty"`
}

// ActorFilter selects entities for top lists and co-mentions.
type ActorFilter struct {
	// Type is an entity type (PERSON, ORG, PLACE, …); empty is any.
	Type string
	// Entity restricts co-mentions to pairs including this entity id.
	Entity string
	Period
	// Duplicates counts articles that copy another story too.
	Duplicates bool
	Limit      int
}

// ActorCount is an entity with the number of articles mentioning it.
type ActorCount struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Actor    string `json:"actor,omitempty"`
	Country  string `json:"country,omitempty"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// CoMention is a pair of entities mentioned in the same articles.
type CoMention struct {
	A        string `json:"a"`
	B        string `json:"b"`
	AName    string `json:"a_name"`
	BName    string `json:"b_name"`
	Articles int    `json:"articles"`
}

// Graph is the actor network: entities and actor codes as nodes, events
// and co-mentions as weighted edges.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Node is an entity or an actor code with no entity.
type Node struct {
	ID       string
	Label    string
	Type     string
	Actor    string
	Country  string
	Articles int
}

// Edge kinds.
const (
	EdgeEvent     = "event"
	EdgeCoMention = "comention"
)

// Edge joins two nodes. Event edges are directed (source to target) and
// carry the most frequent CAMEO root and the mean Goldstein value;
// co-mention edges are undirected.
type Edge struct {
	Source, Target string
	Kind           string
	Weight         int
	Root           string
	Goldstein      float64
}

// GraphFilter selects what goes into the graph.
type GraphFilter struct {
	Period
	// MinWeight drops edges seen fewer times; co-mentions below it are not
	// drawn.
	MinWeight int
	// Types restricts co-mention nodes to these entity types (default
	// PERSON, ORG, PLACE, NORP).
	Types []string
	// Limit caps the number of co-mention edges (heaviest first).
	Limit int
}

// StoredRecord is an article as stored: the record's JSON exactly as it
// was written, with the story's counts.
type StoredRecord struct {
	ID   string
	JSON []byte
	// Duplicate is set when the article copies another story.
	Duplicate   bool
	NumArticles int
	NumSources  int
}

// RecordFilter selects records for export.
type RecordFilter struct {
	Period
	Duplicates bool
}

// Table is the rows of one table for CSV export.
type Table struct {
	Columns []string
	Rows    iter.Seq2[[]string, error]
}

// Store is a database of articles. See the package doc for the contract.
type Store interface {
	// Put stores items in one transaction and returns what it did with
	// each, in order. It sets DuplicateOf on records that copy a stored
	// story before storing them. On error nothing of the batch is stored.
	Put(ctx context.Context, items []Item) ([]Outcome, error)
	// Seen reports whether a copy from this URL or origin is stored, so
	// that a source can skip fetching it again.
	Seen(ctx context.Context, origin string) (bool, error)
	// Record returns the stored record with id.
	Record(ctx context.Context, id string) (StoredRecord, error)
	// Records yields the stored records in storage order.
	Records(ctx context.Context, f RecordFilter) iter.Seq2[StoredRecord, error]
	Stats(ctx context.Context) (Stats, error)
	Events(ctx context.Context, f EventFilter) iter.Seq2[EventRow, error]
	Quotes(ctx context.Context, f QuoteFilter) iter.Seq2[QuoteRow, error]
	Articles(ctx context.Context, f ArticleFilter) iter.Seq2[ArticleRow, error]
	TopActors(ctx context.Context, f ActorFilter) ([]ActorCount, error)
	CoMentions(ctx context.Context, f ActorFilter) ([]CoMention, error)
	Graph(ctx context.Context, f GraphFilter) (Graph, error)
	// Tables names the tables Table can export, in a fixed order.
	Tables() []string
	// Table returns one table's rows for CSV export.
	Table(ctx context.Context, name string) (Table, error)
	Close() error
}

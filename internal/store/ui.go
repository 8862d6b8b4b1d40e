package store

// This file holds the types of the queries the web UI and JSON API make
// beyond the Store interface (package serve states them as its own
// interface; store/sqlite implements them in ui_queries.go).

// Page is a window of results: Offset rows skipped, at most Limit
// returned. Queries asked for a page return Limit+1 rows at most, so that
// the caller knows whether another page follows.
type Page struct {
	Offset int
	Limit  int
}

// SearchFilter selects articles for the search page: full text over
// title and body, newest first when there is no text (best match first
// when there is).
type SearchFilter struct {
	// Text is a full-text query (see ArticleFilter.Text).
	Text string
	// Outlet matches the outlet or URL host exactly.
	Outlet string
	// Entity is an entity id the article mentions.
	Entity string
	// Country is an ISO 3166 alpha-3 code: articles mentioning an entity
	// of that country.
	Country string
	// Root is a two-digit CAMEO root: articles with an event of that root.
	Root string
	Period
	Duplicates bool
	Page
}

// SearchHit is an article found by a search, with its clean text for
// snippets.
type SearchHit struct {
	ArticleRow
	Body string `json:"-"`
}

// EventQuery selects events for the events explorer: EventFilter with a
// place and a Goldstein range, newest first, a page at a time.
type EventQuery struct {
	EventFilter
	// Location is the entity id of the place where the events happened.
	Location string
	// MinGoldstein and MaxGoldstein bound the Goldstein value when set.
	MinGoldstein, MaxGoldstein *float64
	// DayRange, when set, bounds the events' day keys exactly (inclusive,
	// compared as strings): the server narrows a page's query to the days
	// that hold it.
	DayRange *[2]string
	Page
}

// Bucket counts events of one quad class in one period: Key is the
// period (YYYY, YYYY-MM or YYYY-MM-DD), Side "source" or "target" when
// counted for one actor.
type Bucket struct {
	Key  string `json:"key"`
	Quad int    `json:"quad"`
	Side string `json:"side,omitempty"`
	N    int    `json:"n"`
}

// EntityInfo is an entity as stored, with its counts.
type EntityInfo struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Type    string  `json:"type"`
	Kind    string  `json:"kind,omitempty"`
	Role    string  `json:"role,omitempty"`
	Country string  `json:"country,omitempty"`
	Actor   string  `json:"actor,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
	Known   bool    `json:"known"`
	// Articles and Mentions count the stories mentioning it and the
	// mentions in them.
	Articles int `json:"articles"`
	Mentions int `json:"mentions"`
	// Quotes counts the quotes it said; AsSource and AsTarget its events.
	Quotes   int `json:"quotes"`
	AsSource int `json:"as_source"`
	AsTarget int `json:"as_target"`
	// First and Last are the days of the first and last article.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Aliases are the names it goes by in recent articles, most used
	// first (pronouns left out).
	Aliases []string `json:"aliases"`
}

// Partner is an actor the entity had events with, in one direction.
type Partner struct {
	// ID is the partner's entity id, or its actor code when the events
	// name no entity.
	ID    string `json:"id"`
	Name  string `json:"name"`
	Actor string `json:"actor,omitempty"`
	// Direction is "out" when the entity is the source, "in" when it is
	// the target.
	Direction string  `json:"direction"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"`
	// ByPeriod counts the events by period (month or day, as asked),
	// oldest first.
	ByPeriod []Count `json:"by_period"`
}

// PlaceCount is a place with coordinates and a count.
type PlaceCount struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	N       int     `json:"n"`
}

// Origin is one input that gave an article: its URL or file, and outlet.
type Origin struct {
	Origin string `json:"origin"`
	Outlet string `json:"outlet,omitempty"`
}

// Story is the set of articles carrying the same story as one article:
// the original and its near-duplicates, and every copy of the article.
type Story struct {
	// Articles are the story's articles other than the one asked about,
	// original first.
	Articles []ArticleRow `json:"articles"`
	// Copies are the inputs that gave exactly this article.
	Copies []Origin `json:"copies"`
}

// QuoteQuery selects quotes newest first, a page at a time.
type QuoteQuery struct {
	QuoteFilter
	Page
	// Latest bounds the quotes matching Words or an entity Speaker that
	// are sorted by day to the most recently stored (0: the store's
	// default, 1,000). A short list beside other results needs fewer.
	Latest int
}

// Mentioned pairs an entity with the number of articles it shares with
// another.
type Mentioned struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
}

// MentionFact is one entity mentioned in one story (an original article),
// as the UI's in-memory summary reads them.
type MentionFact struct {
	Article  int64
	Day      string
	Entity   string
	Mentions int
}

// EventFact is one event of a story, as the UI's in-memory summary reads
// them.
type EventFact struct {
	Article                      int64
	Day                          string
	Quad                         int
	Root                         string
	Goldstein                    float64
	Source, Target               string // actor codes
	SourceEntity, TargetEntity   string
	Country                      string // where it happened
	SourceCountry, TargetCountry string
	Location                     string
	Lat, Lon                     float64
}

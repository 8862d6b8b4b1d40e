package article

// Record is what newsgraph produces for one article: its metadata, its clean
// text, and every annotation found in it. It is the public contract: one
// JSON object per article, documented field by field in the README.
//
// All spans are byte offsets into Text. Slices are sorted by span start
// (entities by first mention), so that the same input gives the same bytes.
type Record struct {
	// ID is stable: a hash of the normalised clean text, so the same story
	// read twice (or from two sources) gets the same id.
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// Authors are the article's writers as its byline or page metadata
	// name them; empty when unknown.
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"`
	Language  string   `json:"language,omitempty"`
	// Text is the clean body: boilerplate and embeds removed, Unicode
	// normalised (NFC), curly quotes kept as found.
	Text        string        `json:"text"`
	Boilerplate []Boilerplate `json:"boilerplate"`
	Embeds      []Embed       `json:"embeds"`
	Sentences   []Span        `json:"sentences"`
	Entities    []Entity      `json:"entities"`
	Quotes      []Quote       `json:"quotes"`
	// Attributions are claims tied to a source that are not quotes:
	// "according to X", "X reported", "officials said".
	Attributions []Attribution `json:"attributions"`
	Amounts      []Amount      `json:"amounts"`
	Dates        []Date        `json:"dates"`
	Events       []Event       `json:"events"`
	Tone         Tone          `json:"tone"`
	Themes       []Theme       `json:"themes"`
	// DuplicateOf is the id of the first-seen article this one copies
	// (syndicated or near-identical text); empty when original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Pipeline is the version of the pipeline and knowledge base that made
	// the record; a store replaces records made by an older one.
	Pipeline string `json:"pipeline"`
	// Problems lists what a stage could not do; the record is still usable.
	Problems []Problem `json:"problems,omitempty"`
}

// Boilerplate is a piece of the input removed from the body because it is
// not part of the story: related-article links, "Read the full article
// here", subscription prompts, share lines, photo credits, repeated bylines.
type Boilerplate struct {
	// Kind names the pattern: related, read_more, subscribe, share,
	// credit, byline, advert, copyright, update, embed, other.
	Kind string `json:"kind"`
	Text string `json:"text"`
	// At is the byte offset in Text where the removed piece stood.
	At int `json:"at"`
}

// Embed is a social-media post or other embedded item recognised in the
// input and kept apart from the body.
type Embed struct {
	// Platform is "x" (Twitter), "instagram", "facebook", "youtube", …
	Platform string `json:"platform"`
	Author   string `json:"author,omitempty"`
	Handle   string `json:"handle,omitempty"`
	// Date is the post's date as YYYY-MM-DD when given.
	Date string `json:"date,omitempty"`
	Text string `json:"text"`
	// Links are the URLs in the post (pic.twitter.com/…, t.co/…).
	Links []string `json:"links,omitempty"`
	// At is the byte offset in Text where the embed stood.
	At int `json:"at"`
}

// Entity types.
const (
	Person  = "PERSON"
	Org     = "ORG"
	Place   = "PLACE"
	NORP    = "NORP" // nationalities, religious and political groups
	EventNE = "EVENT"
	Work    = "WORK_OF_ART"
	Misc    = "MISC"
)

// Entity is a person, organisation, place or group the article mentions,
// with every mention resolved to it.
type Entity struct {
	// ID is stable within and across articles for the same canonical
	// actor: "person:donald-trump", "place:belarus", "org:nato".
	ID   string `json:"id"`
	Name string `json:"name"`
	// Type is PERSON, ORG, PLACE, NORP, EVENT, WORK_OF_ART or MISC.
	Type string `json:"type"`
	// Kind refines Type: country, city, region, continent (places);
	// igo, ngo, media, government, party, company, military (orgs).
	Kind string `json:"kind,omitempty"`
	// Role is the office or function stated for a person ("President").
	Role string `json:"role,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code the entity belongs to.
	Country string `json:"country,omitempty"`
	// Actor is a CAMEO-style actor code (USAGOV, BLR, IGONAT).
	Actor string  `json:"actor,omitempty"`
	Lat   float64 `json:"lat,omitempty"`
	Lon   float64 `json:"lon,omitempty"`
	// Known is true when the entity is in the knowledge base, false when
	// it was found by context alone.
	Known    bool      `json:"known"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span Span `json:"span"`
	// Kind says how it refers: name, alias, surname, acronym, pronoun,
	// title ("the president"), description ("the company"), demonym
	// ("Belarusian"), author (the author of embed Embed, with an empty
	// Span: the name stands in the embed's Author or Handle).
	Kind string `json:"kind"`
	// Embed is the 1-based index in Embeds of the embedded post whose
	// Text Span points into; 0 (left out of the JSON) when Span points
	// into the body Text. Code that maps mentions onto Text must skip
	// mentions with Embed set.
	Embed int `json:"embed,omitempty"`
}

// Quote kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Partial  = "partial"
)

// Quote is something a speaker said, in their words (direct, partial) or
// reported (indirect).
type Quote struct {
	// Text is the quoted content without its quotation marks.
	Text string `json:"text"`
	// Span covers the content without its quotation marks.
	Span Span `json:"span"`
	// Speaker is the entity id of who said it; empty when unresolved.
	Speaker string `json:"speaker,omitempty"`
	// SpeakerName is how the speaker is named where the quote is tied to
	// them ("he", "the president", "officials").
	SpeakerName string `json:"speaker_name,omitempty"`
	SpeakerSpan *Span  `json:"speaker_span,omitempty"`
	// Cue is the verb or phrase that ties quote to speaker ("said").
	Cue     string `json:"cue,omitempty"`
	CueSpan *Span  `json:"cue_span,omitempty"`
	// Kind is direct, indirect or partial.
	Kind string `json:"kind"`
	// Sentence is the index in Sentences where the quote starts.
	Sentence int `json:"sentence"`
}

// Attribution ties a claim to its source when the claim is not a quote:
// "according to a Council on Foreign Relations report", "The Guardian
// reported in 2022".
type Attribution struct {
	Claim Span   `json:"claim"`
	Text  string `json:"text"`
	// Source is the entity id of the source when it is an entity.
	Source string `json:"source,omitempty"`
	// SourceName is the source as written ("a CFR report", "officials").
	SourceName string `json:"source_name"`
	SourceSpan *Span  `json:"source_span,omitempty"`
	Cue        string `json:"cue"`
	CueSpan    *Span  `json:"cue_span,omitempty"`
	Sentence   int    `json:"sentence"`
}

// Amount is a number with what it counts.
type Amount struct {
	Text  string  `json:"text"`
	Span  Span    `json:"span"`
	Value float64 `json:"value"`
	// Max is the upper bound of a range ("10 to 15"); zero when none.
	Max float64 `json:"max,omitempty"`
	// Unit is a currency (USD, EUR), "percent", or a measure (km, tonnes).
	Unit string `json:"unit,omitempty"`
	// Object is what is counted ("prisoners", "people").
	Object string `json:"object,omitempty"`
	// Approximate is set for "about", "dozens of", "more than".
	Approximate bool `json:"approximate,omitempty"`
}

// Date is a temporal expression, normalised in TIMEX3 style.
type Date struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Value is the TIMEX3 value: 2025-08-08, 2025-08, 2022, 199X, 2025-W32,
	// P3Y (durations), PRESENT_REF; empty when it cannot be normalised.
	Value string `json:"value"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Granularity is the unit of Value: second, minute, hour, part_of_day,
	// day, weekend, week, month, season, quarter, half, year, decade,
	// century.
	Granularity string `json:"granularity,omitempty"`
	// Relative is set when Value was computed from the publication date.
	Relative bool `json:"relative,omitempty"`
	// End is the last value of a range ("from 1920 until 1991" has Value
	// 1920 and End 1991).
	End string `json:"end,omitempty"`
}

// Event is one action between actors reported by a sentence, coded in
// CAMEO and PLOVER.
type Event struct {
	// Source and Target are CAMEO-style actor codes (USAGOV, BLR).
	Source       string `json:"source,omitempty"`
	Target       string `json:"target,omitempty"`
	SourceEntity string `json:"source_entity,omitempty"`
	TargetEntity string `json:"target_entity,omitempty"`
	// Code is the full CAMEO event code ("051"); Base its three-digit
	// base, Root the two-digit root.
	Code string `json:"cameo"`
	Base string `json:"base"`
	Root string `json:"root"`
	// Quad is the quad class: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict.
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
	// Plover is the PLOVER event type (AGREE, ASSAULT, …) and Mode its
	// mode where one is clear.
	Plover  string `json:"plover"`
	Mode    string `json:"mode,omitempty"`
	Negated bool   `json:"negated,omitempty"`
	// Modal marks events that are threatened, intended or planned rather
	// than done.
	Modal bool `json:"modal,omitempty"`
	// Verb is the trigger as written and VerbSpan where it is.
	Verb     string `json:"verb"`
	VerbSpan Span   `json:"verb_span"`
	// Location is the entity id of the place the event happened.
	Location string  `json:"location,omitempty"`
	Country  string  `json:"country,omitempty"`
	Lat      float64 `json:"lat,omitempty"`
	Lon      float64 `json:"lon,omitempty"`
	// Date is the event date (YYYY-MM-DD or coarser).
	Date     string `json:"date,omitempty"`
	Sentence int    `json:"sentence"`
	// Confidence is in [0,1].
	Confidence float64 `json:"confidence"`
}

// Tone holds GDELT V2Tone-style figures for the article.
type Tone struct {
	// Tone is Positive minus Negative.
	Tone float64 `json:"tone"`
	// Positive and Negative are the percentages of words that are
	// positive or negative in the sentiment lexicon.
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	// Polarity is Positive plus Negative.
	Polarity float64 `json:"polarity"`
	// Activity is the percentage of words that are active verbs;
	// SelfGroup the percentage of self- and group-reference pronouns.
	Activity  float64 `json:"activity"`
	SelfGroup float64 `json:"self_group"`
	WordCount int     `json:"word_count"`
}

// Theme is a topic of the knowledge base's taxonomy found in the article.
type Theme struct {
	// Code is the theme's name (PRISONER_RELEASE, SANCTIONS).
	Code  string `json:"code"`
	Spans []Span `json:"spans"`
}

// Problem records what a stage could not do.
type Problem struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Package export writes records and store contents in the formats other
// tools read: JSONL records, CSV tables, GDELT 2.0 Events and GKG 2.1
// tab-separated files, and GraphML of the actor network (Gephi).
//
// The GDELT writers take a record, so that `extract` can print GDELT rows
// without a store; the store adds the story counts (NumArticles,
// NumSources) it knows.
package export

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"newsgraph/internal/article"
)

// GDELTEventColumns are the 61 columns of a GDELT 2.0 Events row, in
// GDELT's order (the GDELT Event Database Data Format Codebook V2.0).
// GDELT files have no header row; WriteEventsHeader writes these names for
// tools that want one.
var GDELTEventColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// Counts are a story's figures that GDELT rows carry. The zero value
// means one article from one source.
type Counts struct {
	NumArticles int
	NumSources  int
}

func (c Counts) orOne() Counts {
	return Counts{NumArticles: max(c.NumArticles, 1), NumSources: max(c.NumSources, 1)}
}

// GDELTEventWriter writes records' events as GDELT 2.0 Event rows: one
// tab-separated line of 61 columns per event, without a header (as GDELT
// publishes them). Negated events are not written (GDELT has no way to say
// "did not").
type GDELTEventWriter struct {
	w *bufio.Writer
}

// NewGDELTEventWriter returns a writer to w. Call Flush when done.
func NewGDELTEventWriter(w io.Writer) *GDELTEventWriter {
	return &GDELTEventWriter{w: bufio.NewWriter(w)}
}

// Write writes the events of rec as one article from one source.
func (g *GDELTEventWriter) Write(rec *article.Record) error { return WriteEvents(g.w, rec, Counts{}) }

// WriteCounts writes the events of rec with its story's counts (the store
// knows how many articles and outlets copied it).
func (g *GDELTEventWriter) WriteCounts(rec *article.Record, c Counts) error {
	return WriteEvents(g.w, rec, c)
}

// Flush writes what is buffered.
func (g *GDELTEventWriter) Flush() error { return g.w.Flush() }

// EventRow returns the GDELT 2.0 Events row of rec.Events[i]. Fields
// newsgraph does not produce are left empty, as GDELT leaves fields it
// lacks: ethnic codes, ADM1/ADM2 codes and feature ids. The actor country
// columns hold ISO 3166 alpha-3 codes (CAMEO's), the geography country
// columns FIPS 10-4 codes (as GDELT's do). The event's geography is its
// location, else its country (type 1, at the country's centre); an
// actor's is its own place when the actor is a place, else the event's.
func EventRow(rec *article.Record, i int, c Counts) []string {
	ev := &rec.Events[i]
	c = c.orOne()
	row := make([]string, 0, len(GDELTEventColumns))
	day := eventDay(rec, ev)
	var sqlDate, monthYear, year, fraction string
	if day != "" {
		sqlDate = strings.ReplaceAll(day, "-", "")
		monthYear, year = sqlDate[:6], sqlDate[:4]
		y, _ := strconv.Atoi(day[:4])
		m, _ := strconv.Atoi(day[5:7])
		d, _ := strconv.Atoi(day[8:10])
		fraction = strconv.FormatFloat(float64(y)+float64(m*30+d)/365, 'f', 4, 64)
	}
	row = append(row, eventID(rec.ID, i), sqlDate, monthYear, year, fraction)
	row = appendActor(row, rec, ev.Source, ev.SourceEntity)
	row = appendActor(row, rec, ev.Target, ev.TargetEntity)
	root := "0"
	if isLead(rec, ev.Sentence) {
		root = "1"
	}
	quad := ""
	if ev.Quad > 0 {
		quad = strconv.Itoa(ev.Quad)
	}
	row = append(row, root, ev.Code, ev.Base, ev.Root, quad, strconv.FormatFloat(ev.Goldstein, 'f', 1, 64),
		strconv.Itoa(c.NumArticles), strconv.Itoa(c.NumSources), strconv.Itoa(c.NumArticles), fmtFloat(rec.Tone.Tone))
	action := geoOf(entity(rec, ev.Location), ev.Country, ev.Lat, ev.Lon)
	actorGeo := func(id string) geo {
		if p := actorPlace(rec, id); p != nil {
			return geoOf(p, "", 0, 0)
		}
		return action
	}
	row = actorGeo(ev.SourceEntity).columns(row)
	row = actorGeo(ev.TargetEntity).columns(row)
	row = action.columns(row)
	row = append(row, dateAdded(rec.Published), rec.URL)
	for k, f := range row {
		row[k] = clean(f)
	}
	return row
}

// WriteEvents writes the GDELT rows of the events of rec, tab-separated,
// leaving out negated events.
func WriteEvents(w io.Writer, rec *article.Record, c Counts) error {
	for i := range rec.Events {
		if rec.Events[i].Negated {
			continue
		}
		if err := writeRow(w, EventRow(rec, i, c)); err != nil {
			return err
		}
	}
	return nil
}

// WriteEventsHeader writes EventColumns as a tab-separated line.
func WriteEventsHeader(w io.Writer) error { return writeRow(w, GDELTEventColumns) }

func writeRow(w io.Writer, row []string) error {
	if _, err := io.WriteString(w, strings.Join(row, "\t")+"\n"); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// eventID is a stable GLOBALEVENTID: 63 bits of a hash of the article id
// and the event's index, so the same event gets the same id in every run.
func eventID(articleID string, i int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", articleID, i)
	return strconv.FormatUint(h.Sum64()>>1, 10)
}

// eventDay is the event's own day when the text gives a full date, else
// the article's publication day.
func eventDay(rec *article.Record, ev *article.Event) string {
	if isDay(ev.Date) {
		return ev.Date[:10]
	}
	if isDay(rec.Published) {
		return rec.Published[:10]
	}
	return ""
}

func isDay(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := time.Parse("2006-01-02", s[:10])
	return err == nil
}

// dateAdded is GDELT's DATEADDED form (YYYYMMDDHHMMSS) of the
// publication time.
func dateAdded(published string) string {
	if t, err := time.Parse(time.RFC3339, published); err == nil {
		return t.UTC().Format("20060102150405")
	}
	if isDay(published) {
		return strings.ReplaceAll(published[:10], "-", "") + "000000"
	}
	return ""
}

// isLead reports whether sentence i is in the lead, GDELT's test for a
// "root" event: the first paragraph, or the first three sentences when
// the record's sentences are not known.
func isLead(rec *article.Record, i int) bool {
	if i < 0 {
		return false
	}
	if i >= len(rec.Sentences) {
		return i < 3
	}
	para := strings.IndexByte(rec.Text, '\n')
	return para < 0 || rec.Sentences[i].Start < para
}

// appendActor appends the ten actor columns.
func appendActor(row []string, rec *article.Record, code, entityID string) []string {
	a := ParseActor(code)
	name := ""
	if e := entity(rec, entityID); e != nil {
		name = strings.ToUpper(e.Name)
		if a.Country == "" {
			a.Country = e.Country
		}
	}
	return append(row, code, name, a.Country, a.KnownGroup, "", a.Religion1, a.Religion2, a.Type1, a.Type2, a.Type3)
}

// actorPlace is the actor's entity when the actor is itself a place.
func actorPlace(rec *article.Record, id string) *article.Entity {
	if e := entity(rec, id); e != nil && e.Type == article.Place {
		return e
	}
	return nil
}

// geoType is GDELT's geographic resolution: 1 country, 2 US state, 3 US
// city, 4 world city, 5 world state (first-order division).
func geoType(e *article.Entity) string {
	us := e.Country == "USA"
	switch e.Kind {
	case "country":
		return "1"
	case "city", "town", "village":
		if us {
			return "3"
		}
		return "4"
	case "region", "state", "province":
		if us {
			return "2"
		}
		return "5"
	}
	return "4" // a named place of unknown kind: GDELT's most common type
}

func entity(rec *article.Record, id string) *article.Entity {
	if id == "" {
		return nil
	}
	for i := range rec.Entities {
		if rec.Entities[i].ID == id {
			return &rec.Entities[i]
		}
	}
	return nil
}

func fmtFloat(f float64) string {
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// clean keeps a field on one line and out of the delimiters.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

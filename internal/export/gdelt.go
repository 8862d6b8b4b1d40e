// Package export writes records in the formats other tools read. This
// file writes GDELT 2.0 Event records.
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

// GDELTEventColumns are the 61 columns of a GDELT 2.0 Events record, in
// order (the GDELT Event Database Data Format Codebook V2.0).
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

// GDELTEventWriter writes records' events as GDELT 2.0 Event rows: one
// tab-separated line of 61 columns per event, without a header (as GDELT
// publishes them). Fields newsgraph cannot know (ethnic and religious
// codes, FIPS geography codes, feature ids) are left empty, as GDELT does
// when it does not know them. Negated events are not written (GDELT has no
// way to say "did not"). Actor geography is the event's location.
type GDELTEventWriter struct {
	w *bufio.Writer
}

// NewGDELTEventWriter returns a writer to w. Call Flush when done.
func NewGDELTEventWriter(w io.Writer) *GDELTEventWriter {
	return &GDELTEventWriter{w: bufio.NewWriter(w)}
}

// Write writes the events of rec.
func (g *GDELTEventWriter) Write(rec *article.Record) error {
	names := map[string]string{}
	for _, e := range rec.Entities {
		names[e.ID] = e.Name
	}
	added := dateAdded(rec.Published)
	row := make([]string, len(GDELTEventColumns))
	for i, e := range rec.Events {
		if e.Negated {
			continue
		}
		for k := range row {
			row[k] = ""
		}
		row[0] = strconv.FormatUint(eventID(rec.ID, i), 10)
		if d := compactDate(e.Date); d != "" {
			row[1], row[2], row[3] = d, d[:6], d[:4]
			row[4] = fractionDate(e.Date)
		}
		actor(row[5:15], e.Source, names[e.SourceEntity])
		actor(row[15:25], e.Target, names[e.TargetEntity])
		if e.Sentence < 3 {
			row[25] = "1"
		} else {
			row[25] = "0"
		}
		row[26], row[27], row[28] = e.Code, e.Base, e.Root
		row[29] = strconv.Itoa(e.Quad)
		row[30] = strconv.FormatFloat(e.Goldstein, 'f', 1, 64)
		row[31], row[32], row[33] = "1", "1", "1"
		row[34] = strconv.FormatFloat(rec.Tone.Tone, 'f', 6, 64)
		if e.Location != "" {
			for _, base := range []int{35, 43, 51} {
				geo(row[base:base+8], e, names[e.Location])
			}
		}
		row[59] = added
		row[60] = rec.URL
		for k, c := range row {
			if k > 0 {
				g.w.WriteByte('\t')
			}
			g.w.WriteString(strings.Map(noTabs, c))
		}
		if err := g.w.WriteByte('\n'); err != nil {
			return fmt.Errorf("write gdelt events: %w", err)
		}
	}
	return nil
}

// Flush writes what is buffered.
func (g *GDELTEventWriter) Flush() error { return g.w.Flush() }

func noTabs(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// eventID is a stable numeric id: the record's id and the event's index
// hashed to 53 bits.
func eventID(recID string, i int) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", recID, i)
	return h.Sum64() & (1<<53 - 1)
}

func compactDate(d string) string {
	if len(d) >= 10 && d[4] == '-' && d[7] == '-' {
		return d[:4] + d[5:7] + d[8:10]
	}
	return ""
}

// fractionDate is the year plus the fraction of it gone, as GDELT gives it
// (YYYY.FFFF).
func fractionDate(d string) string {
	t, err := time.Parse("2006-01-02", d[:10])
	if err != nil {
		return ""
	}
	return strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
}

func dateAdded(published string) string {
	if t, err := time.Parse(time.RFC3339, published); err == nil {
		return t.UTC().Format("20060102150405")
	}
	if d := compactDate(published); d != "" {
		return d + "000000"
	}
	return ""
}

// actor fills the ten actor columns from a CAMEO-style code: country (or
// international group), known group and up to three role codes.
func actor(cols []string, code, name string) {
	if code == "" {
		return
	}
	cols[0] = code
	cols[1] = strings.ToUpper(name)
	rest := code
	switch {
	case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "MNC") || strings.HasPrefix(code, "IMG"):
		cols[7] = code[:3]
		if len(code) >= 6 {
			cols[3] = code[3:6]
		}
		rest = ""
		if len(code) > 6 {
			rest = code[6:]
		}
		roles(cols[8:10], rest)
		return
	case len(code) >= 3 && !isRole(code[:3]):
		cols[2] = code[:3]
		rest = code[3:]
	}
	roles(cols[7:10], rest)
}

func roles(cols []string, rest string) {
	for k := 0; k < len(cols) && len(rest) >= 3; k++ {
		cols[k] = rest[:3]
		rest = rest[3:]
	}
}

// isRole reports CAMEO role codes that may start a code without a country.
func isRole(c string) bool {
	switch c {
	case "GOV", "MIL", "REB", "OPP", "MED", "BUS", "CVL", "JUD", "LEG", "COP", "SPY", "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "ELI", "REF", "CRM", "UAF", "PTY", "INS", "SEP", "MOD", "RAD":
		return true
	}
	return false
}

// geo fills eight geography columns from the event's location.
func geo(cols []string, e article.Event, name string) {
	typ := "4"
	if strings.HasPrefix(e.Location, "place:") && name != "" && e.Lat == 0 && e.Lon == 0 {
		typ = "1"
	}
	cols[0] = typ
	cols[1] = name
	if e.Lat != 0 || e.Lon != 0 {
		cols[5] = strconv.FormatFloat(e.Lat, 'f', 4, 64)
		cols[6] = strconv.FormatFloat(e.Lon, 'f', 4, 64)
	}
}

package export

import (
	"strconv"
	"sync"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// country is what the geography columns need of a country.
type country struct {
	fips, name string
	lat, lon   float64
}

// countries maps ISO 3166 alpha-3 codes to their FIPS 10-4 code (GDELT's
// geography columns use FIPS), English name and centre, read once from
// the embedded knowledge base (country_names.tsv, countries.tsv).
var countries = sync.OnceValue(func() map[string]country {
	m := map[string]country{}
	if ts, err := (kb.Source{}).Tables(kb.CountriesFile); err == nil {
		for _, t := range ts {
			iso, name, lat, lon := t.Col("iso3"), t.Col("name"), t.Col("lat"), t.Col("lon")
			if iso < 0 || name < 0 || lat < 0 || lon < 0 {
				continue
			}
			for _, r := range t.Rows {
				c := m[r.Cells[iso]]
				c.name = r.Cells[name]
				c.lat, _ = strconv.ParseFloat(r.Cells[lat], 64)
				c.lon, _ = strconv.ParseFloat(r.Cells[lon], 64)
				m[r.Cells[iso]] = c
			}
		}
	}
	if ts, err := (kb.Source{}).Tables(kb.CountryNamesFile); err == nil {
		for _, t := range ts {
			iso, fips := t.Col("iso3"), t.Col("fips")
			if iso < 0 || fips < 0 {
				continue
			}
			for _, r := range t.Rows {
				if codes := kb.Multi(r.Cells[fips]); len(codes) > 0 {
					c := m[r.Cells[iso]]
					c.fips = codes[0] // the first where one entity is several
					m[r.Cells[iso]] = c
				}
			}
		}
	}
	return m
})

// FIPS returns the FIPS 10-4 code of an ISO 3166 alpha-3 country code, or
// "" when it has none (or the code is unknown).
func FIPS(iso3 string) string { return countries()[iso3].fips }

// geo is the columns GDELT gives a place: type, full name, FIPS country
// code, latitude and longitude.
type geo struct {
	typ, name, country string
	lat, lon           float64
}

// geoOf describes where something is: the place entity e when known,
// else the country (ISO 3166 alpha-3) with its centre; lat and lon, when
// not both zero, are the event's own coordinates and win over the
// place's.
func geoOf(e *article.Entity, iso3 string, lat, lon float64) geo {
	var g geo
	switch {
	case e != nil:
		if e.Country != "" {
			iso3 = e.Country
		}
		g.typ, g.name = geoType(e), e.Name
		if lat == 0 && lon == 0 {
			lat, lon = e.Lat, e.Lon
		}
		// GDELT's full names end with the country: "Minsk, Belarus".
		if c := countries()[iso3]; c.name != "" && g.typ != "1" && c.name != e.Name {
			g.name += ", " + c.name
		}
	case iso3 != "":
		c := countries()[iso3]
		if c.name == "" {
			break
		}
		g.typ, g.name = "1", c.name
		if lat == 0 && lon == 0 {
			lat, lon = c.lat, c.lon
		}
	}
	g.country = FIPS(iso3)
	g.lat, g.lon = lat, lon
	return g
}

// columns appends the eight geo columns of an Events row.
func (g geo) columns(row []string) []string {
	la, lo := g.latLon(4)
	return append(row, g.typ, g.name, g.country, "", "", la, lo, "")
}

// latLon formats the coordinates, or two empty strings when there are
// none; prec < 0 gives the shortest form.
func (g geo) latLon(prec int) (string, string) {
	if g.lat == 0 && g.lon == 0 {
		return "", ""
	}
	return strconv.FormatFloat(g.lat, 'f', prec, 64), strconv.FormatFloat(g.lon, 'f', prec, 64)
}

// charOffsets turns byte offsets into a text into character offsets
// (Unicode code points; an invalid byte counts as one), which GDELT's GKG
// counts. It keeps a mark at every 256th byte, so that each offset costs
// a scan of at most a block whatever the text's length.
type charOffsets struct {
	text  string
	ascii bool
	marks []charMark
}

// charMark is the first character starting at or after a block boundary:
// its byte offset and the number of characters before it.
type charMark struct{ pos, n int }

const charBlock = 256

func newCharOffsets(text string) *charOffsets {
	c := &charOffsets{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			c.ascii = false
			break
		}
	}
	if c.ascii {
		return c
	}
	c.marks = make([]charMark, 0, len(text)/charBlock+1)
	n, next := 0, 0
	for i := 0; i < len(text); {
		for i >= next {
			c.marks = append(c.marks, charMark{i, n})
			next += charBlock
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		n++
	}
	return c
}

// at returns the character offset of byte offset b (clamped to the
// text): the number of characters that utf8.RuneCountInString counts in
// the text before b.
func (c *charOffsets) at(b int) int {
	b = max(0, min(b, len(c.text)))
	if c.ascii {
		return b
	}
	k := min(b/charBlock, len(c.marks)-1)
	for k > 0 && c.marks[k].pos > b {
		k-- // b is inside a character that crosses the boundary
	}
	m := c.marks[k]
	return m.n + utf8.RuneCountInString(c.text[m.pos:b])
}

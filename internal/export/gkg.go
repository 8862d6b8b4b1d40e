package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"newsgraph/internal/article"
)

// GKGColumns are the 27 columns of a GDELT GKG 2.1 row, in GDELT's order.
var GKGColumns = []string{
	"GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
	"V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
	"V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
	"V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
	"V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
}

// GKGRow returns the GKG 2.1 row of rec with GDELT's delimiters: ";"
// between items, "," or "#" between an item's fields, "|" inside a
// quotation. Offsets and lengths count characters (Unicode code points)
// of the record's text, as GDELT's do, where the record's spans count
// bytes. Location country codes are FIPS 10-4. Fields newsgraph does not
// produce (counts, images, GCAM dimensions other than the word count,
// translation) are empty.
func GKGRow(rec *article.Record, source string) []string {
	chars := newCharOffsets(rec.Text)
	off := func(b int) string { return strconv.Itoa(chars.at(b)) }
	added := dateAdded(rec.Published)
	collection, doc := "1", rec.URL
	if doc == "" {
		collection, doc = "2", "newsgraph:"+rec.ID // a citation, not a web address
	}
	var themes, ethemes, locs, elocs, persons, epersons, orgs, eorgs, names strings.Builder
	for _, t := range rec.Themes {
		item(&themes, t.Code)
		for _, s := range t.Spans {
			item(&ethemes, t.Code+","+off(s.Start))
		}
	}
	for i := range rec.Entities {
		e := &rec.Entities[i]
		name := field(e.Name)
		switch e.Type {
		case article.Place:
			g := geoOf(e, "", 0, 0)
			lat, lon := g.latLon(-1)
			gname := locReplacer.Replace(g.name) // "Minsk, Belarus" keeps its comma, as GDELT's names do
			item(&locs, strings.Join([]string{g.typ, gname, g.country, "", lat, lon, ""}, "#"))
			for _, m := range e.Mentions {
				if m.Embed == 0 {
					item(&elocs, strings.Join([]string{g.typ, gname, g.country, "", "", lat, lon, "", off(m.Span.Start)}, "#"))
				}
			}
		case article.Person:
			item(&persons, name)
			for _, m := range e.Mentions {
				if m.Embed == 0 {
					item(&epersons, name+","+off(m.Span.Start))
				}
			}
		case article.Org:
			item(&orgs, name)
			for _, m := range e.Mentions {
				if m.Embed == 0 {
					item(&eorgs, name+","+off(m.Span.Start))
				}
			}
		}
		for _, m := range e.Mentions {
			if m.Embed == 0 && (m.Kind == "" || m.Kind == "name" || m.Kind == "alias" || m.Kind == "acronym") {
				item(&names, name+","+off(m.Span.Start))
			}
		}
	}
	t := rec.Tone
	tone := strings.Join([]string{fmtFloat(t.Tone), fmtFloat(t.Positive), fmtFloat(t.Negative), fmtFloat(t.Polarity),
		fmtFloat(t.Activity), fmtFloat(t.SelfGroup), strconv.Itoa(t.WordCount)}, ",")
	var dates strings.Builder
	for _, d := range rec.Dates {
		if res, y, m, day, ok := dateParts(d.Value); ok {
			item(&dates, strings.Join([]string{res, m, day, y, off(d.Span.Start)}, "#"))
		}
	}
	var images, videos []string
	for _, em := range rec.Embeds {
		for _, l := range em.Links {
			if em.Platform == "youtube" || em.Platform == "vimeo" {
				videos = append(videos, field(l))
			} else {
				images = append(images, field(l))
			}
		}
	}
	var quotes []string
	for _, q := range rec.Quotes {
		start := chars.at(q.Span.Start)
		quotes = append(quotes, strconv.Itoa(start)+"|"+strconv.Itoa(chars.at(q.Span.End)-start)+"|"+quoteReplacer.Replace(q.Cue)+"|"+quoteReplacer.Replace(q.Text))
	}
	var amounts strings.Builder
	for _, a := range rec.Amounts {
		obj := a.Object
		if obj == "" {
			obj = a.Unit
		}
		item(&amounts, fmtFloat(a.Value)+","+field(obj)+","+off(a.Span.Start))
	}
	var extras strings.Builder
	if rec.Title != "" {
		extras.WriteString("<PAGE_TITLE>")
		xml.EscapeText(&extras, []byte(rec.Title))
		extras.WriteString("</PAGE_TITLE>")
	}
	row := []string{
		added + "-" + rec.ID, added, collection, source, doc,
		"", "", themes.String(), ethemes.String(), locs.String(), elocs.String(),
		persons.String(), epersons.String(), orgs.String(), eorgs.String(), tone,
		dates.String(), "wc:" + strconv.Itoa(t.WordCount), "", "", strings.Join(images, ";"),
		strings.Join(videos, ";"), strings.Join(quotes, "#"), names.String(), amounts.String(), "", extras.String(),
	}
	for k, f := range row {
		row[k] = clean(f)
	}
	return row
}

// WriteGKG writes rec's GKG row, tab-separated.
func WriteGKG(w io.Writer, rec *article.Record, source string) error {
	return writeRow(w, GKGRow(rec, source))
}

// item appends s followed by GDELT's ";" item terminator.
func item(b *strings.Builder, s string) {
	b.WriteString(s)
	b.WriteByte(';')
}

var (
	fieldReplacer = strings.NewReplacer(";", " ", "#", " ", ",", " ", "\t", " ", "\n", " ", "\r", " ")
	locReplacer   = strings.NewReplacer(";", " ", "#", " ", "\t", " ", "\n", " ", "\r", " ")
	quoteReplacer = strings.NewReplacer("|", " ", "#", " ", "\t", " ", "\n", " ", "\r", " ")
)

// field keeps GDELT's item delimiters out of a value.
func field(s string) string {
	return fieldReplacer.Replace(s)
}

// dateParts splits a TIMEX3 value into GDELT's date resolution (1 year,
// 2 month, 3 day) and its year, month and day.
func dateParts(v string) (res, y, m, d string, ok bool) {
	digits := func(s string) bool {
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	switch {
	case len(v) >= 10 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && v[7] == '-' && digits(v[8:10]):
		return "3", v[:4], trimZero(v[5:7]), trimZero(v[8:10]), true
	case len(v) == 7 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]):
		return "2", v[:4], trimZero(v[5:7]), "0", true
	case len(v) == 4 && digits(v):
		return "1", v, "0", "0", true
	}
	return "", "", "", "", false
}

func trimZero(s string) string {
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
}

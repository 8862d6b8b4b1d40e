package export_test

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/export"
	"newsgraph/internal/store"
)

const text = "U.S. President Donald Trump praised Belarusian leader Alexander Lukashenko on Friday after Minsk released 16 prisoners.\n" +
	"\"I look forward to meeting him,\" Trump wrote. Belarus and Russia signed agreements in 1999."

func span(s string) article.Span {
	i := strings.Index(text, s)
	return article.Span{Start: i, End: i + len(s)}
}

func belarus() *article.Record {
	return &article.Record{
		ID: "381d897da9f8cd21", URL: "https://example.org/belarus", Title: "Trump praises Lukashenko", Outlet: "Example News",
		Published: "2025-08-09T14:05:00Z", Text: text,
		Sentences: []article.Span{{Start: 0, End: strings.IndexByte(text, '\n')}, span(`"I look forward to meeting him," Trump wrote.`), span("Belarus and Russia signed agreements in 1999.")},
		Entities: []article.Entity{
			{ID: "person:donald-trump", Name: "Donald Trump", Type: article.Person, Country: "USA", Actor: "USAGOV",
				Mentions: []article.Mention{{Span: span("Donald Trump"), Kind: "name"}, {Span: span("Trump wrote"), Kind: "surname"}}},
			{ID: "person:alexander-lukashenko", Name: "Alexander Lukashenko", Type: article.Person, Country: "BLR", Actor: "BLRGOV",
				Mentions: []article.Mention{{Span: span("Alexander Lukashenko"), Kind: "name"}}},
			{ID: "place:minsk", Name: "Minsk", Type: article.Place, Kind: "city", Country: "BLR", Lat: 53.9, Lon: 27.5667,
				Mentions: []article.Mention{{Span: span("Minsk"), Kind: "name"}}},
			{ID: "org:nato", Name: "NATO; the alliance", Type: article.Org, Actor: "IGONAT", Mentions: []article.Mention{}},
		},
		Quotes:  []article.Quote{{Text: "I look forward to meeting him,", Span: span("I look forward to meeting him,"), Speaker: "person:donald-trump", Cue: "wrote", Kind: article.Direct, Sentence: 1}},
		Amounts: []article.Amount{{Text: "16 prisoners", Span: span("16 prisoners"), Value: 16, Object: "prisoners"}},
		Dates:   []article.Date{{Text: "Friday", Span: span("Friday"), Value: "2025-08-08", Type: "DATE"}, {Text: "1999", Span: span("1999"), Value: "1999", Type: "DATE"}},
		Events: []article.Event{
			{Source: "USAGOV", Target: "BLRGOV", SourceEntity: "person:donald-trump", TargetEntity: "person:alexander-lukashenko",
				Code: "051", Base: "051", Root: "05", Quad: 1, Goldstein: 3.4, Plover: "COOPERATE", Verb: "praised", Location: "place:minsk", Date: "2025-08-08", Sentence: 0},
			{Source: "BLR", Target: "RUS", Code: "057", Base: "057", Root: "05", Quad: 1, Goldstein: 8, Verb: "signed", Date: "1999", Sentence: 2},
		},
		Tone:   article.Tone{Tone: 1.5, Positive: 3, Negative: 1.5, Polarity: 4.5, Activity: 10, SelfGroup: 2, WordCount: 34},
		Themes: []article.Theme{{Code: "PRISONER_RELEASE", Spans: []article.Span{span("released 16 prisoners")}}},
	}
}

func TestEventRow(t *testing.T) {
	rec := belarus()
	if n := len(export.GDELTEventColumns); n != 61 {
		t.Fatalf("%d GDELT columns, want 61", n)
	}
	row := export.EventRow(rec, 0, export.Counts{NumArticles: 40, NumSources: 12})
	if len(row) != 61 {
		t.Fatalf("row has %d fields", len(row))
	}
	col := func(name string) string {
		for i, c := range export.GDELTEventColumns {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"SQLDATE": "20250808", "MonthYear": "202508", "Year": "2025", "FractionDate": "2025.6795",
		"Actor1Code": "USAGOV", "Actor1Name": "DONALD TRUMP", "Actor1CountryCode": "USA", "Actor1Type1Code": "GOV",
		"Actor2Code": "BLRGOV", "Actor2CountryCode": "BLR", "Actor2Type1Code": "GOV",
		"IsRootEvent": "1", "EventCode": "051", "EventBaseCode": "051", "EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "3.4",
		"NumMentions": "40", "NumSources": "12", "NumArticles": "40", "AvgTone": "1.5",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Minsk, Belarus", "ActionGeo_Lat": "53.9000", "ActionGeo_Long": "27.5667", "ActionGeo_CountryCode": "BO",
		"Actor1Geo_CountryCode": "BO", "Actor2Geo_FullName": "Minsk, Belarus",
		"DATEADDED": "20250809140500", "SOURCEURL": "https://example.org/belarus",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// The second event is dated by its year only: the row takes the
	// article's day; it is not in the first paragraph; counts default to 1.
	row = export.EventRow(rec, 1, export.Counts{})
	if row[1] != "20250809" || row[25] != "0" || row[33] != "1" || row[5] != "BLR" || row[7] != "BLR" {
		t.Errorf("second event: %q", row[:34])
	}
	// Stable ids, no tabs or newlines inside fields.
	if export.EventRow(rec, 1, export.Counts{})[0] != row[0] || row[0] == export.EventRow(rec, 0, export.Counts{})[0] {
		t.Error("GLOBALEVENTID not stable per event")
	}
	var b bytes.Buffer
	export.WriteEvents(&b, rec, export.Counts{})
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if n := strings.Count(line, "\t"); n != 60 {
			t.Errorf("line has %d tabs, want 60: %q", n, line)
		}
	}
}

func TestGKGRow(t *testing.T) {
	row := export.GKGRow(belarus(), "Example News")
	if len(row) != 27 || len(export.GKGColumns) != 27 {
		t.Fatalf("%d fields", len(row))
	}
	col := func(name string) string {
		for i, c := range export.GKGColumns {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for name, want := range map[string]string{
		"GKGRECORDID":                  "20250809140500-381d897da9f8cd21",
		"V2.1DATE":                     "20250809140500",
		"V2SOURCECOLLECTIONIDENTIFIER": "1",
		"V2SOURCECOMMONNAME":           "Example News",
		"V2DOCUMENTIDENTIFIER":         "https://example.org/belarus",
		"V1THEMES":                     "PRISONER_RELEASE;",
		"V2ENHANCEDTHEMES":             "PRISONER_RELEASE,97;",
		"V1LOCATIONS":                  "4#Minsk, Belarus#BO##53.9#27.5667#;",
		"V2ENHANCEDLOCATIONS":          "4#Minsk, Belarus#BO###53.9#27.5667##91;",
		"V1PERSONS":                    "Donald Trump;Alexander Lukashenko;",
		"V2ENHANCEDPERSONS":            "Donald Trump,15;Donald Trump,153;Alexander Lukashenko,54;",
		"V1ORGANIZATIONS":              "NATO  the alliance;",
		"V1.5TONE":                     "1.5,3,1.5,4.5,10,2,34",
		"V2.1ENHANCEDDATES":            "3#8#8#2025#78;1#0#0#1999#206;",
		"V2GCAM":                       "wc:34",
		"V2.1QUOTATIONS":               "121|30|wrote|I look forward to meeting him,",
		"V2.1AMOUNTS":                  "16,prisoners,106;",
		"V2EXTRASXML":                  "<PAGE_TITLE>Trump praises Lukashenko</PAGE_TITLE>",
	} {
		if got := col(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestEventGeography: an event placed only by its country gets GDELT's
// country-level geography (type 1, the FIPS code, the country's centre);
// an actor that is a place has its own.
func TestEventGeography(t *testing.T) {
	rec := &article.Record{ID: "g", Published: "2025-08-09",
		Entities: []article.Entity{{ID: "place:gaza", Name: "Gaza", Type: article.Place, Kind: "city", Country: "PSE", Lat: 31.5, Lon: 34.47}},
		Events: []article.Event{
			{Source: "RUS", Target: "UKR", Code: "190", Root: "19", Quad: 4, Country: "UKR"},
			{Source: "ISR", Target: "PSE", TargetEntity: "place:gaza", Code: "190", Root: "19", Quad: 4},
			{Source: "XYZ", Code: "010", Root: "01", Quad: 1, Country: "XYZ"},
		},
	}
	col := func(row []string, name string) string {
		for i, c := range export.GDELTEventColumns {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	row := export.EventRow(rec, 0, export.Counts{})
	for name, want := range map[string]string{"ActionGeo_Type": "1", "ActionGeo_FullName": "Ukraine", "ActionGeo_CountryCode": "UP",
		"Actor1Geo_CountryCode": "UP", "Actor2Geo_Type": "1"} {
		if got := col(row, name); got != want {
			t.Errorf("country-only event: %s = %q, want %q", name, got, want)
		}
	}
	if col(row, "ActionGeo_Lat") == "" || col(row, "ActionGeo_Long") == "" {
		t.Error("country-only event: no centre coordinates")
	}
	row = export.EventRow(rec, 1, export.Counts{})
	for name, want := range map[string]string{"Actor2Geo_Type": "4", "Actor2Geo_FullName": "Gaza, Palestine", "Actor2Geo_CountryCode": "WE",
		"Actor2Geo_Lat": "31.5000", "Actor1Geo_Type": "", "ActionGeo_CountryCode": ""} {
		if got := col(row, name); got != want {
			t.Errorf("place as actor: %s = %q, want %q", name, got, want)
		}
	}
	row = export.EventRow(rec, 2, export.Counts{})
	if g := col(row, "ActionGeo_Type") + col(row, "ActionGeo_CountryCode") + col(row, "ActionGeo_Lat"); g != "" {
		t.Errorf("unknown country: geography %q, want none", g)
	}
}

func TestFIPS(t *testing.T) {
	for iso, want := range map[string]string{"USA": "US", "GBR": "UK", "DEU": "GM", "BLR": "BO", "RUS": "RS", "UKR": "UP", "CHN": "CH",
		"PSE": "WE", "XKX": "KV", "SSD": "OD", "ALA": "", "XYZ": "", "": ""} {
		if got := export.FIPS(iso); got != want {
			t.Errorf("FIPS(%q) = %q, want %q", iso, got, want)
		}
	}
}

// TestGKGCharacterOffsets: GKG offsets count characters, where the
// record's spans count bytes.
func TestGKGCharacterOffsets(t *testing.T) {
	text := "Zürich – Ständerat Müller said \"ça va\" after meeting Lukashenko in Minsk."
	at := func(s string) article.Span {
		i := strings.Index(text, s)
		return article.Span{Start: i, End: i + len(s)}
	}
	rec := &article.Record{ID: "c", Text: text,
		Entities: []article.Entity{
			{ID: "person:lukashenko", Name: "Alexander Lukashenko", Type: article.Person, Mentions: []article.Mention{{Span: at("Lukashenko"), Kind: "surname"}}},
			{ID: "place:minsk", Name: "Minsk", Type: article.Place, Kind: "city", Country: "BLR", Mentions: []article.Mention{{Span: at("Minsk"), Kind: "name"}}},
		},
		Quotes: []article.Quote{{Text: "ça va", Span: at("ça va"), Cue: "said", Kind: article.Direct}},
	}
	row := export.GKGRow(rec, "x")
	chars := func(s string) int { return utf8.RuneCountInString(text[:strings.Index(text, s)]) }
	for i, want := range map[int]string{
		12: "Alexander Lukashenko," + strconv.Itoa(chars("Lukashenko")) + ";",
		10: "4#Minsk, Belarus#BO######" + strconv.Itoa(chars("Minsk")) + ";",
		22: strconv.Itoa(chars("ça va")) + "|5|said|ça va",
	} {
		if row[i] != want {
			t.Errorf("%s = %q, want %q", export.GKGColumns[i], row[i], want)
		}
	}
}

// FuzzGKGOffsets checks the character offsets of any text, valid UTF-8 or
// not, against counting from the start.
func FuzzGKGOffsets(f *testing.F) {
	f.Add("Zürich – Ständerat", 3)
	f.Add(strings.Repeat("ж", 300)+"\xff\xe2\x82 end", 601)
	f.Fuzz(func(t *testing.T, s string, b int) {
		if len(s) > 4096 {
			return
		}
		b = max(0, min(b, len(s)))
		rec := &article.Record{ID: "f", Text: s, Amounts: []article.Amount{{Value: 1, Unit: "u", Span: article.Span{Start: b, End: b}}}}
		want := "1,u," + strconv.Itoa(utf8.RuneCountInString(s[:b])) + ";"
		if got := export.GKGRow(rec, "x")[24]; got != want {
			t.Errorf("offset of byte %d in %q: %q, want %q", b, s, got, want)
		}
	})
}

func TestParseActor(t *testing.T) {
	for code, want := range map[string]export.Actor{
		"USAGOV":    {Country: "USA", Type1: "GOV"},
		"BLR":       {Country: "BLR"},
		"IGONAT":    {KnownGroup: "NAT", Type1: "IGO"},
		"RUSMILREB": {Country: "RUS", Type1: "MIL", Type2: "REB"},
		"SYRMOSREB": {Country: "SYR", Religion1: "MOS", Type1: "REB"},
		"GOV":       {Type1: "GOV"},
		"":          {},
		"US":        {},
	} {
		if got := export.ParseActor(code); got != want {
			t.Errorf("ParseActor(%q) = %+v, want %+v", code, got, want)
		}
	}
}

func TestGraphML(t *testing.T) {
	g := store.Graph{
		Nodes: []store.Node{
			{ID: "person:donald-trump", Label: "Donald Trump", Type: "PERSON", Actor: "USAGOV", Country: "USA", Articles: 3},
			{ID: "org:a&b", Label: `AT&T "<Mobile>"` + "\x01", Type: "ORG"},
			{ID: "actor:BLR", Label: "BLR", Type: "ACTOR", Actor: "BLR"},
		},
		Edges: []store.Edge{
			{Source: "person:donald-trump", Target: "actor:BLR", Kind: store.EdgeEvent, Weight: 2, Root: "05", Goldstein: 3.4},
			{Source: "org:a&b", Target: "person:donald-trump", Kind: store.EdgeCoMention, Weight: 5},
		},
	}
	var b bytes.Buffer
	if err := export.WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"graphml"`
		Keys    []struct {
			ID string `xml:"id,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source   string `xml:"source,attr"`
				Target   string `xml:"target,attr"`
				Directed string `xml:"directed,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b.String())
	}
	if len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 2 || doc.Graph.EdgeDefault != "directed" {
		t.Fatalf("parsed %d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s -> %s joins unknown nodes", e.Source, e.Target)
		}
	}
	if doc.Graph.Edges[1].Directed != "false" {
		t.Error("co-mention edge should be undirected")
	}
	if got := doc.Graph.Nodes[1].Data[0].Value; got != "AT&T \"<Mobile>\"\uFFFD" {
		t.Errorf("label %q", got)
	}
}

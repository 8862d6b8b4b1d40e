package export_test

import (
	"bytes"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/export"
)

func TestGDELTEvents(t *testing.T) {
	rec := &article.Record{
		ID: "abc", URL: "https://example.com/a", Published: "2025-08-09",
		Entities: []article.Entity{{ID: "person:donald-trump", Name: "Donald Trump"}, {ID: "place:alaska", Name: "Alaska"}},
		Events: []article.Event{
			{Source: "USAGOV", Target: "BLRGOV", SourceEntity: "person:donald-trump", Code: "051", Base: "051", Root: "05", Quad: 1, Goldstein: 3.4, Date: "2025-08-08", Location: "place:alaska", Lat: 64.2, Lon: -149.5},
			{Source: "RUS", Target: "UKR", Code: "190", Base: "190", Root: "19", Quad: 4, Goldstein: -10, Negated: true},
			{Source: "IGOUNO", Target: "", Code: "023", Base: "023", Root: "02", Quad: 1, Goldstein: 3.4, Sentence: 5},
		},
	}
	var buf bytes.Buffer
	w := export.NewGDELTEventWriter(&buf)
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 rows (the negated event is left out), got %d:\n%s", len(lines), buf.String())
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
	r0 := strings.Split(lines[0], "\t")
	if len(r0) != 61 || len(export.GDELTEventColumns) != 61 {
		t.Fatalf("want 61 columns, got %d", len(r0))
	}
	for name, want := range map[string]string{
		"SQLDATE": "20250808", "MonthYear": "202508", "Year": "2025", "Actor1Code": "USAGOV", "Actor1Name": "DONALD TRUMP",
		"Actor1CountryCode": "USA", "Actor1Type1Code": "GOV", "Actor2CountryCode": "BLR", "EventCode": "051",
		"EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "3.4", "IsRootEvent": "1", "ActionGeo_FullName": "Alaska",
		"ActionGeo_Lat": "64.2000", "DATEADDED": "20250809000000", "SOURCEURL": "https://example.com/a",
	} {
		if got := col(r0, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	r1 := strings.Split(lines[1], "\t")
	for name, want := range map[string]string{"Actor1Code": "IGOUNO", "Actor1KnownGroupCode": "UNO", "Actor1Type1Code": "IGO", "Actor2Code": "", "IsRootEvent": "0"} {
		if got := col(r1, name); got != want {
			t.Errorf("row 2 %s = %q, want %q", name, got, want)
		}
	}
}

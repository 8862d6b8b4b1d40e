package kb_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.":                "us",
		"Côte d'Ivoire":       "cote d'ivoire",
		"Côte d’Ivoire":       "cote d'ivoire",
		"São Paulo":           "sao paulo",
		"St. Louis":           "st louis",
		"Saint Louis":         "st louis",
		"Guinea-Bissau":       "guinea-bissau",
		"Procter & Gamble":    "procter & gamble",
		"  The   Guardian ":   "the guardian",
		"LUKASHENKO":          "lukashenko",
		"Bosnia, Herzegovina": "bosnia herzegovina",
	} {
		if got := kb.NormPhrase(in); got != want {
			t.Errorf("NormPhrase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGazetteer(t *testing.T) {
	g, err := kb.LoadGazetteer(kb.Source{Dirs: []string{"testdata/gaz"}})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := kb.LoadGazetteer(kb.Source{Dirs: []string{"testdata/gaz"}})
	if g != again {
		t.Error("LoadGazetteer loaded the same source twice")
	}
	first := func(name string) (kb.Ref, bool) {
		refs := g.Lookup([]byte(kb.NormPhrase(name)))
		if len(refs) == 0 {
			return kb.Ref{}, false
		}
		return refs[0], true
	}
	for _, tc := range []struct {
		name string
		kind kb.RefKind
		iso3 string
	}{
		{"Belarus", kb.RefCountry, "BLR"},
		{"Republic of Belarus", kb.RefCountry, "BLR"}, // official name from countries.tsv
		{"Byelorussia", kb.RefCountry, "BLR"},
		{"Belarusian", kb.RefNORP, "BLR"},
		{"Belarusians", kb.RefPeople, "BLR"},
		{"Soviet Union", kb.RefCountry, "USR"}, // a former state of country_names.tsv
		{"Georgia", kb.RefCountry, "GEO"},      // the country before the US state
	} {
		r, ok := first(tc.name)
		if !ok || r.Kind != tc.kind || g.Countries[r.Index].ISO3 != tc.iso3 {
			t.Errorf("%s: got %+v", tc.name, r)
		}
	}
	r, ok := first("Minsk")
	if !ok || r.Kind != kb.RefPlace || !g.Places[r.Index].Capital || g.Places[r.Index].Country != "BLR" {
		t.Errorf("Minsk: got %+v", r)
	}
	if r, ok := first("Texas"); !ok || r.Kind != kb.RefPlace || g.Places[r.Index].Kind != "state" {
		t.Errorf("Texas: got %+v", r)
	}
	if g.Longest([]byte("republic")) < 3 {
		t.Errorf("Longest(republic) = %d", g.Longest([]byte("republic")))
	}
	if ps := g.SurnameOf([]byte("smith")); len(ps) != 1 || g.People[ps[0]].Name != "John Smith Jr." {
		t.Errorf("SurnameOf(smith) = %v", ps)
	}
	if !g.CommonWord([]byte("reading")) || g.CommonWord([]byte("lukashenko")) {
		t.Error("CommonWord is wrong on reading/lukashenko")
	}
	if _, ok := g.Country("BLR"); !ok {
		t.Error("no BLR")
	}
}

func TestTermAt(t *testing.T) {
	g, err := kb.LoadGazetteer(kb.Source{Dirs: []string{"testdata/gaz"}})
	if err != nil {
		t.Fatal(err)
	}
	refs := g.Lookup([]byte("vladimir putin"))
	if len(refs) == 0 {
		t.Fatal("no Putin")
	}
	p := &g.People[refs[0].Index]
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		date time.Time
		role string
		ok   bool
	}{
		{day("2010-01-01"), "Prime Minister", true},
		{day("2005-01-01"), "President", true},
		{day("2012-05-07"), "President", true}, // the day one office ends and the other starts
		{day("2020-01-01"), "President", true},
		{day("1990-01-01"), "", false},
		{time.Time{}, "President", true}, // no date: the current office
	} {
		term, ok := p.TermAt(tc.date)
		if ok != tc.ok || term.Role != tc.role {
			t.Errorf("%v: got %q %v, want %q %v", tc.date, term.Role, ok, tc.role, tc.ok)
		}
	}
}

func TestGazetteerBadFile(t *testing.T) {
	_, err := kb.LoadGazetteer(kb.Source{Dirs: []string{"testdata/badgaz"}})
	var fe *kb.FormatError
	if !errors.As(err, &fe) || fe.Line != 3 {
		t.Fatalf("want a FormatError at line 3, got %v", err)
	}
}

func TestSurname(t *testing.T) {
	for in, want := range map[string]string{
		"Alexander Lukashenko":   "Lukashenko",
		"Martin Luther King Jr.": "King",
		"Madonna":                "",
	} {
		if got := kb.Surname(in); got != want {
			t.Errorf("Surname(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormPhrase(f *testing.F) {
	for _, s := range []string{"U.S.", "Côte d’Ivoire", "São Paulo", "\xff\xfe", "Saint Louis", "A&B",
		"New York", "new york", "saint", "SAINT Kitts", "a  b", " a", "b ", "http", "www", "saints"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		// The key is the lookup forms of the word tokens joined by
		// spaces, however NormPhrase gets there.
		if got, want := kb.NormPhrase(s), normPhraseByTokens(s); got != want {
			t.Errorf("NormPhrase(%q) = %q, want %q", s, got, want)
		}
		if got, want := kb.Norm(s), string(kb.AppendNorm(nil, s)); got != want {
			t.Errorf("Norm(%q) = %q, want %q", s, got, want)
		}
		// A key is words joined by single spaces, in lower case.
		k := kb.NormPhrase(s)
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Errorf("NormPhrase(%q) = %q: stray spaces", s, k)
		}
		if k != strings.ToLower(k) && utf8.ValidString(k) {
			t.Errorf("NormPhrase(%q) = %q: not lower case", s, k)
		}
	})
}

// normPhraseByTokens is NormPhrase as its doc comment defines it: the
// lookup forms of s's word tokens, joined by single spaces, words that
// normalise to nothing left out.
func normPhraseByTokens(s string) string {
	var words []string
	for _, t := range text.Tokenize(s) {
		if t.Kind == article.Punct {
			continue
		}
		if w := string(kb.AppendNorm(nil, s[t.Start:t.End])); w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// TestNormPhraseNames checks NormPhrase against its definition on every
// name and alias of the entity files.
func TestNormPhraseNames(t *testing.T) {
	for _, file := range []string{kb.CountriesFile, kb.CountryNamesFile, kb.PlacesFile, kb.PlacesExtraFile, kb.PeopleFile, kb.OrgsFile, kb.EntityWordsFile} {
		ts, err := (kb.Source{}).Tables(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, tab := range ts {
			for _, col := range []string{"name", "aliases", "official", "demonyms", "people", "capital", "word"} {
				c := tab.Col(col)
				if c < 0 {
					continue
				}
				for _, r := range tab.Rows {
					for _, name := range kb.Multi(r.Cells[c]) {
						if got, want := kb.NormPhrase(name), normPhraseByTokens(name); got != want {
							t.Errorf("%s:%d: NormPhrase(%q) = %q, want %q", file, r.Line, name, got, want)
						}
					}
				}
			}
		}
	}
}

// TestCoordinates checks every place's and country's coordinates against
// strconv.ParseFloat of the file's cells.
func TestCoordinates(t *testing.T) {
	g, err := kb.LoadGazetteer(kb.Source{})
	if err != nil {
		t.Fatal(err)
	}
	want := func(cell string) float64 {
		if cell = strings.TrimSpace(cell); cell == "" {
			return 0
		}
		f, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			t.Fatalf("cell %q: %v", cell, err)
		}
		return f
	}
	n := 0
	for _, file := range []string{kb.PlacesExtraFile, kb.PlacesFile} {
		ts, err := (kb.Source{}).Tables(file)
		if err != nil {
			t.Fatal(err)
		}
		lat, lon := ts[0].Col("lat"), ts[0].Col("lon")
		for _, r := range ts[0].Rows {
			if strings.TrimSpace(r.Cells[0]) == "" {
				continue
			}
			p := g.Places[n]
			if p.Lat != want(r.Cells[lat]) || p.Lon != want(r.Cells[lon]) || math.Signbit(p.Lat) != math.Signbit(want(r.Cells[lat])) {
				t.Errorf("%s:%d: %s at %v,%v; want %q,%q", file, r.Line, p.Name, p.Lat, p.Lon, r.Cells[lat], r.Cells[lon])
			}
			n++
		}
	}
	if n != len(g.Places) {
		t.Errorf("%d rows, %d places", n, len(g.Places))
	}
	for _, c := range []string{"-8.3960", "-0.0", "0", "12", "1.5", "123456789.123456"} {
		cfg := "# test\nname\taliases\tkind\tcountry\tlat\tlon\tpopulation\nZz Testplace\t\tcity\tGBR\t" + c + "\t" + c + "\t\n"
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, kb.PlacesExtraFile), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := kb.LoadGazetteer(kb.Source{Dirs: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range g.Places {
			if p.Name == "Zz Testplace" && (p.Lat != want(c) || math.Signbit(p.Lat) != math.Signbit(want(c))) {
				t.Errorf("%q read as %v, want %v", c, p.Lat, want(c))
			}
		}
	}
}

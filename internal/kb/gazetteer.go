package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The entity files of the knowledge base. KB-SCHEMA.md in the project
// notes and internal/kb/data/README.md give their columns.
const (
	CountriesFile    = "countries.tsv"     // generated from gountries
	PlacesFile       = "places.tsv"        // generated from tidwall/cities and gountries
	PlacesExtraFile  = "places_extra.tsv"  // written by us
	CountryNamesFile = "country_names.tsv" // aliases, demonyms, capitals
	PeopleFile       = "people.tsv"        // office holders, one row per term
	OrgsFile         = "orgs.tsv"          // organisations
	GivenNamesFile   = "given_names.tsv"   // people's first names
	CommonWordsFile  = "common_words.tsv"  // lower-case English words (SCOWL)
	EntityWordsFile  = "entity_words.tsv"  // cue words of the entity recogniser
)

// Country is a country or territory with everything the files say of it.
type Country struct {
	ISO3, ISO2 string
	Name       string
	Official   string
	Lat, Lon   float64
	Region     string
	Subregion  string
	Borders    []string
	// Aliases, Demonyms ("Belarusian") and People ("Belarusians") come
	// from country_names.tsv; Capital is the capital's English name.
	Aliases  []string
	Demonyms []string
	People   []string
	Capital  string
}

// Place is a city, region, state, sea or other place that is not a
// country.
type Place struct {
	Name    string
	Aliases []string
	// Kind is city, region, state, continent, water, island, mountain or
	// landmark.
	Kind       string
	Country    string
	Lat, Lon   float64
	Population int64
	// Capital is set when the place is its country's capital.
	Capital bool
	// Extra is set for rows of places_extra.tsv, which are chosen before
	// generated rows of the same name.
	Extra bool
}

// Person is a person of people.tsv with every office term listed there.
type Person struct {
	Name    string
	Aliases []string
	Terms   []Term
}

// Term is one office a person held, with its dates as written in the file
// (YYYY, YYYY-MM or YYYY-MM-DD; End empty while in office).
type Term struct {
	Country, Role, Org, Actor string
	Start, End                string
}

// Org is an organisation of orgs.tsv.
type Org struct {
	Name    string
	Aliases []string
	// Kind is igo, ngo, media, agency, government, legislature, court,
	// military, police, intelligence, party, armed_group, company, sport,
	// education, religious or other.
	Kind    string
	Country string
	Actor   string
}

// Cue is a row of entity_words.tsv: a word or phrase the recogniser treats
// as a sign (a title before a name, the head of an organisation's name…).
type Cue struct {
	// Words is the cue as written ("Foreign Minister"); Key its lookup
	// form.
	Words, Key string
	// Class says what the cue signals (title, honorific, org_head, …).
	Class string
	// Value is the canonical form (the role "Foreign Minister") or a
	// kind, depending on Class.
	Value string
	// Code is a CAMEO sector code for titles (GOV, MIL, JUD…).
	Code string
}

// RefKind says which list a Ref points into.
type RefKind uint8

// Kinds of gazetteer references.
const (
	RefCountry RefKind = iota + 1 // Gazetteer.Countries
	RefOrg                        // Gazetteer.Orgs
	RefPerson                     // Gazetteer.People
	RefPlace                      // Gazetteer.Places
	RefNORP                       // Gazetteer.Countries, by a demonym
	RefPeople                     // Gazetteer.Countries, by its people's plural name
)

// Forms of a name in a Ref.
const (
	FormName     uint8 = iota + 1 // the canonical name
	FormAlias                     // another name or spelling
	FormAcronym                   // an acronym among the aliases (NATO)
	FormOfficial                  // a country's official name
	FormDemonym                   // a demonym or people noun
)

// Ref is one reading of a name: the list and index of what it names, and
// in which form.
type Ref struct {
	Kind  RefKind
	Form  uint8
	Index int32
}

// Gazetteer is the typed, indexed view of the knowledge base's entity
// files: names of countries, places, people and organisations keyed by
// their lookup form (NormPhrase), given names, common words and cue words.
// It is read-only after loading and safe for concurrent use.
type Gazetteer struct {
	Countries []Country
	Places    []Place
	People    []Person
	Orgs      []Org
	Cues      []Cue

	names    map[string][]Ref
	prefixes map[string]struct{} // keys of the first words of longer names
	surnames map[string][]int32
	longest  func() map[string]int // first word → most words, on first use by Longest
	refs     []Ref                 // room for the first readings of names still to add
	// given and common are the given names (with their genders) and
	// common words in lookup form, as the files list them: Words hands
	// them on without a map of its own, and givenMap and commonMap index
	// them on first use by GivenName and CommonWord.
	given     []givenName
	common    []string
	givenMap  func() map[string]byte
	commonMap func() map[string]struct{}
	iso3      map[string]int32
}

// givenName is a row of given_names.tsv in lookup form.
type givenName struct {
	key    string
	gender byte // m, f or u
}

var (
	gazMu    sync.Mutex
	gazCache = map[string]*Gazetteer{}
)

// LoadGazetteer reads the entity files from src (embedded and user files)
// and indexes them. It loads once per distinct source and process and
// returns the same Gazetteer to every caller. Files that do not exist yet
// are taken as empty.
func LoadGazetteer(src Source) (*Gazetteer, error) {
	key := strings.Join(src.Dirs, "\x00")
	gazMu.Lock()
	defer gazMu.Unlock()
	if g, ok := gazCache[key]; ok {
		return g, nil
	}
	g, err := buildGazetteer(src)
	if err != nil {
		return nil, err
	}
	gazCache[key] = g
	return g, nil
}

// optionalFiles reads a file that may not exist.
func optionalFiles(src Source, name string) ([]file, error) {
	files, err := src.files(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return files, err
}

// eachRow calls fn with the named cells of every row of every table of
// the file name.
func eachRow(src Source, name string, cols []string, fn func(cells []string, t *Table) error) error {
	files, err := optionalFiles(src, name)
	if err != nil {
		return err
	}
	return forRows(files, cols, fn)
}

// rowCount returns at most how many rows files hold: their lines.
func rowCount(files []file) int {
	n := 0
	for _, f := range files {
		n += strings.Count(f.data, "\n") + 1
	}
	return n
}

// forRows calls fn with the named cells of every row of files. The rows
// are read one by one, not kept as tables: the gazetteer keeps what it
// wants of them, and tables of 64,000 rows would be garbage made at every
// start-up.
func forRows(files []file, cols []string, fn func(cells []string, t *Table) error) error {
	cells := make([]string, len(cols))
	for _, f := range files {
		var idx []int
		t, err := scanTable(f.data, f.name, func(t *Table, line int, row []string) error {
			if idx == nil {
				var err error
				if idx, err = t.Need(cols...); err != nil {
					return err
				}
			}
			for i, j := range idx {
				cells[i] = trimSpace(row[j])
			}
			if err := fn(cells, t); err != nil {
				return &FormatError{t.Name, line, err.Error()}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if idx == nil { // no rows: the columns must still be there
			if _, err := t.Need(cols...); err != nil {
				return err
			}
		}
	}
	return nil
}

// appendRows appends to *dst an element made by row from the named cells
// of every row of the file name (none where ok is false), with room made
// first for all of the file's rows.
func appendRows[T any](src Source, name string, cols []string, dst *[]T, row func(cells []string) (v T, ok bool)) error {
	files, err := optionalFiles(src, name)
	if err != nil {
		return err
	}
	*dst = slices.Grow(*dst, rowCount(files))
	return forRows(files, cols, func(c []string, _ *Table) error {
		if v, ok := row(c); ok {
			*dst = append(*dst, v)
		}
		return nil
	})
}

// trimSpace is strings.TrimSpace with a short way for the commonest
// cells, which start and end with a visible ASCII character.
func trimSpace(c string) string {
	if c == "" || c[0] > ' ' && c[0] < utf8.RuneSelf && c[len(c)-1] > ' ' && c[len(c)-1] < utf8.RuneSelf {
		return c
	}
	return strings.TrimSpace(c)
}

func parseFloat(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	if f, ok := parseDecimal(s); ok {
		return f, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return f, nil
}

// parseDecimal reads the commonest numbers of the files, coordinates such
// as "-8.3960": an optional minus, digits, an optional point and digits,
// fifteen digits at most. Their digits make an integer below 2^53 and the
// power of ten is exact, so that one division rounds as strconv.ParseFloat
// does, for a fraction of its cost (the files hold 24,000 coordinates).
// ok is false for any other form.
func parseDecimal(s string) (f float64, ok bool) {
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var mant uint64
	digits, frac, point := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point && i > 0 && i+1 < len(s):
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	f = float64(mant) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

// pow10 are the powers of ten parseDecimal divides by, exact as float64.
var pow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func buildGazetteer(src Source) (*Gazetteer, error) {
	g := &Gazetteer{
		surnames: map[string][]int32{},
		iso3:     map[string]int32{},
	}
	err := eachRow(src, CountriesFile, []string{"iso3", "iso2", "name", "official", "lat", "lon", "region", "subregion", "borders"}, func(c []string, _ *Table) error {
		lat, err := parseFloat(c[4])
		if err != nil {
			return err
		}
		lon, err := parseFloat(c[5])
		if err != nil {
			return err
		}
		if _, dup := g.iso3[c[0]]; dup || c[0] == "" {
			return nil
		}
		g.iso3[c[0]] = int32(len(g.Countries))
		g.Countries = append(g.Countries, Country{ISO3: c[0], ISO2: c[1], Name: c[2], Official: c[3], Lat: lat, Lon: lon, Region: c[6], Subregion: c[7], Borders: Multi(c[8])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(src, CountryNamesFile, []string{"iso3", "aliases", "demonyms", "people", "capital"}, func(c []string, _ *Table) error {
		i, ok := g.iso3[c[0]]
		if !ok { // a historic state: a country of its own
			i = int32(len(g.Countries))
			g.iso3[c[0]] = i
			al := Multi(c[1])
			if len(al) == 0 {
				return fmt.Errorf("unknown country %q with no name", c[0])
			}
			g.Countries = append(g.Countries, Country{ISO3: c[0], Name: al[0]})
			c[1] = strings.Join(al[1:], "|")
		}
		ct := &g.Countries[i]
		ct.Aliases = append(ct.Aliases, Multi(c[1])...)
		ct.Demonyms = append(ct.Demonyms, Multi(c[2])...)
		ct.People = append(ct.People, Multi(c[3])...)
		if c[4] != "" {
			ct.Capital = c[4]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	placeCols := []string{"name", "aliases", "kind", "country", "lat", "lon", "population"}
	addPlace := func(extra bool) func(c []string, _ *Table) error {
		return func(c []string, _ *Table) error {
			if c[0] == "" {
				return nil
			}
			lat, err := parseFloat(c[4])
			if err != nil {
				return err
			}
			lon, err := parseFloat(c[5])
			if err != nil {
				return err
			}
			var pop int64
			if c[6] != "" {
				if pop, err = strconv.ParseInt(strings.ReplaceAll(c[6], ",", ""), 10, 64); err != nil {
					return fmt.Errorf("bad population %q", c[6])
				}
			}
			g.Places = append(g.Places, Place{Name: c[0], Aliases: Multi(c[1]), Kind: c[2], Country: c[3], Lat: lat, Lon: lon, Population: pop, Extra: extra})
			return nil
		}
	}
	extra, err := optionalFiles(src, PlacesExtraFile)
	if err != nil {
		return nil, err
	}
	places, err := optionalFiles(src, PlacesFile)
	if err != nil {
		return nil, err
	}
	g.Places = make([]Place, 0, rowCount(extra)+rowCount(places))
	if err := forRows(extra, placeCols, addPlace(true)); err != nil {
		return nil, err
	}
	if err := forRows(places, placeCols, addPlace(false)); err != nil {
		return nil, err
	}
	byName := map[string]int32{}
	err = eachRow(src, PeopleFile, []string{"name", "aliases", "country", "role", "org", "start", "end", "actor"}, func(c []string, _ *Table) error {
		if c[0] == "" {
			return nil
		}
		i, ok := byName[c[0]]
		if !ok {
			i = int32(len(g.People))
			byName[c[0]] = i
			g.People = append(g.People, Person{Name: c[0]})
		}
		p := &g.People[i]
		for _, a := range Multi(c[1]) {
			if !slices.Contains(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
		}
		p.Terms = append(p.Terms, Term{Country: c[2], Role: c[3], Org: c[4], Start: c[5], End: c[6], Actor: c[7]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = appendRows(src, OrgsFile, []string{"name", "aliases", "kind", "country", "actor"}, &g.Orgs, func(c []string) (Org, bool) {
		return Org{Name: c[0], Aliases: Multi(c[1]), Kind: c[2], Country: c[3], Actor: c[4]}, c[0] != ""
	})
	if err != nil {
		return nil, err
	}
	err = appendRows(src, GivenNamesFile, []string{"name", "gender"}, &g.given, func(c []string) (givenName, bool) {
		gd := byte('u')
		if c[1] != "" {
			gd = c[1][0]
		}
		return givenName{Norm(c[0]), gd}, c[0] != ""
	})
	if err != nil {
		return nil, err
	}
	err = appendRows(src, CommonWordsFile, []string{"word"}, &g.common, func(c []string) (string, bool) {
		return Norm(c[0]), c[0] != ""
	})
	if err != nil {
		return nil, err
	}
	err = appendRows(src, EntityWordsFile, []string{"word", "class", "value", "code"}, &g.Cues, func(c []string) (Cue, bool) {
		if c[0] == "" || c[1] == "" {
			return Cue{}, false
		}
		return Cue{Words: c[0], Key: NormPhrase(c[0]), Class: c[1], Value: c[2], Code: c[3]}, true
	})
	if err != nil {
		return nil, err
	}
	g.index()
	return g, nil
}

// index builds the name maps. Readings of one name are ordered countries,
// organisations, people, places (places_extra first, then capitals, states
// and regions, then cities), demonyms.
func (g *Gazetteer) index() {
	n := 0 // names to add, at most
	for _, c := range g.Countries {
		n += 2 + len(c.Aliases) + len(c.Demonyms) + len(c.People)
	}
	for _, o := range g.Orgs {
		n += 1 + len(o.Aliases)
	}
	for _, p := range g.People {
		n += 1 + len(p.Aliases)
	}
	for _, p := range g.Places {
		n += 1 + len(p.Aliases)
	}
	g.names = make(map[string][]Ref, n)
	g.refs = make([]Ref, 0, n)
	g.prefixes = make(map[string]struct{}, n/4)
	g.longest = sync.OnceValue(func() map[string]int {
		m := map[string]int{}
		for k := range g.names {
			first, n := firstWord(k)
			m[first] = max(m[first], n)
		}
		return m
	})
	g.givenMap = sync.OnceValue(func() map[string]byte {
		m := make(map[string]byte, len(g.given))
		for _, w := range g.given {
			m[w.key] = w.gender // the last row of a name wins
		}
		return m
	})
	g.commonMap = sync.OnceValue(func() map[string]struct{} {
		m := make(map[string]struct{}, len(g.common))
		for _, w := range g.common {
			m[w] = struct{}{}
		}
		return m
	})
	capitals := map[string]string{} // ISO3 → the capital's key
	for _, c := range g.Countries {
		if c.Capital != "" {
			capitals[c.ISO3] = NormPhrase(c.Capital)
		}
	}
	for i, c := range g.Countries {
		g.add(c.Name, Ref{RefCountry, FormName, int32(i)})
		if c.Official != "" && c.Official != c.Name {
			g.add(c.Official, Ref{RefCountry, FormOfficial, int32(i)})
		}
		for _, a := range c.Aliases {
			g.add(a, Ref{RefCountry, aliasForm(a), int32(i)})
		}
		for _, d := range c.Demonyms {
			g.add(d, Ref{RefNORP, FormDemonym, int32(i)})
		}
		for _, d := range c.People {
			g.add(d, Ref{RefPeople, FormDemonym, int32(i)})
		}
	}
	for i, o := range g.Orgs {
		g.add(o.Name, Ref{RefOrg, FormName, int32(i)})
		for _, a := range o.Aliases {
			g.add(a, Ref{RefOrg, aliasForm(a), int32(i)})
		}
	}
	for i, p := range g.People {
		g.add(p.Name, Ref{RefPerson, FormName, int32(i)})
		for _, a := range p.Aliases {
			g.add(a, Ref{RefPerson, FormAlias, int32(i)})
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if s := Surname(n); s != "" {
				k := NormPhrase(s)
				if !slices.Contains(g.surnames[k], int32(i)) {
					g.surnames[k] = append(g.surnames[k], int32(i))
				}
			}
		}
	}
	for i := range g.Places {
		p := &g.Places[i]
		k := NormPhrase(p.Name)
		if cp, ok := capitals[p.Country]; ok && cp == k {
			p.Capital = true
		}
		g.addKey(k, Ref{RefPlace, FormName, int32(i)})
		for _, a := range p.Aliases {
			g.add(a, Ref{RefPlace, FormAlias, int32(i)})
		}
	}
	g.refs = nil
	for k, refs := range g.names {
		if len(refs) < 2 {
			continue
		}
		slices.SortStableFunc(refs, func(a, b Ref) int { return g.rank(a) - g.rank(b) })
		g.names[k] = slices.CompactFunc(refs, func(a, b Ref) bool { return a.Kind == b.Kind && a.Index == b.Index })
	}
}

// rank orders the readings of a name; lower comes first.
func (g *Gazetteer) rank(r Ref) int {
	switch r.Kind {
	case RefCountry:
		return 0
	case RefOrg:
		return 10
	case RefPerson:
		return 20
	case RefPlace:
		p := &g.Places[r.Index]
		switch {
		case p.Extra:
			return 30
		case p.Capital:
			return 31
		case p.Kind == "state":
			return 32
		case p.Kind == "city" && englishSpeaking[p.Country]:
			// Of two towns of one name, English-language news more
			// often means the one in an English-speaking country
			// (Las Vegas, Birmingham); the article's other places
			// decide first where they can.
			return 34
		case p.Kind == "city":
			return 35
		default:
			return 33
		}
	}
	return 50
}

// englishSpeaking are the countries whose towns English-language news
// names most.
var englishSpeaking = map[string]bool{"USA": true, "GBR": true, "CAN": true, "AUS": true, "NZL": true, "IRL": true}

// aliasForm tells an acronym (all capitals, two to six letters, dots
// allowed: NATO, U.N.) from another alias.
func aliasForm(a string) uint8 {
	letters := 0
	for _, r := range a {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.':
		default:
			return FormAlias
		}
	}
	if letters >= 2 && letters <= 6 {
		return FormAcronym
	}
	return FormAlias
}

func (g *Gazetteer) add(name string, r Ref) { g.addKey(NormPhrase(name), r) }

// addKey is add for a name whose key is k.
func (g *Gazetteer) addKey(k string, r Ref) {
	if k == "" {
		return
	}
	if refs, ok := g.names[k]; ok {
		g.names[k] = append(refs, r)
	} else {
		// A name's first reading is cut from one array for all names:
		// most names have one. The slice's capacity is 1, so that a
		// second reading copies it out rather than overwrite the next.
		if len(g.refs) == cap(g.refs) {
			g.refs = make([]Ref, 0, 1024)
		}
		g.refs = append(g.refs, r)
		g.names[k] = g.refs[len(g.refs)-1 : len(g.refs) : len(g.refs)]
	}
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			g.prefixes[k[:i]] = struct{}{}
		}
	}
}

// firstWord returns the first word of name key k and its number of words.
func firstWord(k string) (string, int) {
	n := 1 + strings.Count(k, " ")
	if i := strings.IndexByte(k, ' '); i >= 0 {
		return k[:i], n
	}
	return k, n
}

// Lookup returns the readings of a name given in its lookup form
// (NormPhrase), best first; nil when the name is unknown.
func (g *Gazetteer) Lookup(key []byte) []Ref { return g.names[string(key)] }

// IsPrefix reports whether key (in lookup form) is the first words of a
// longer name, so that a longest-match scan knows when to stop.
func (g *Gazetteer) IsPrefix(key []byte) bool {
	_, ok := g.prefixes[string(key)]
	return ok
}

// Longest returns the most words of any name starting with the word whose
// lookup form is first; 0 when none does.
func (g *Gazetteer) Longest(first []byte) int { return g.longest()[string(first)] }

// SurnameOf returns the people of people.tsv whose surname (last word of
// their name or an alias) has the lookup form key.
func (g *Gazetteer) SurnameOf(key []byte) []int32 { return g.surnames[string(key)] }

// GivenName reports whether the word with lookup form key is a given name
// of given_names.tsv, with its gender (m, f or u).
func (g *Gazetteer) GivenName(key []byte) (byte, bool) {
	gd, ok := g.givenMap()[string(key)]
	return gd, ok
}

// CommonWord reports whether the word with lookup form key is an English
// word written in lower case (common_words.tsv).
func (g *Gazetteer) CommonWord(key []byte) bool {
	_, ok := g.commonMap()[string(key)]
	return ok
}

// WordInfo is what the gazetteer knows of one word in lookup form.
type WordInfo struct {
	// Given is set for given names of given_names.tsv.
	Given bool
	// Common is set for English words written in lower case.
	Common bool
	// Longest is the number of words of a name starting with this word;
	// the most words of any such name is the largest Longest of the
	// word's calls of Words.
	Longest int
	// Surname is set when a person of people.tsv has this surname.
	Surname bool
	// Name is set when the word is a name on its own (Lookup knows it).
	Name bool
}

// Words calls fn for every word the gazetteer knows something of, in no
// particular order, so that a caller can build its own index. A word may
// come more than once, each time with part of what is known of it (a
// given name, then a common word, the first word of a name of three
// words, then of one of five): the caller merges what the calls say.
// Handing on the lists as read costs much less than merging them into a
// map of its own, which no caller needs.
func (g *Gazetteer) Words(fn func(key string, info WordInfo)) {
	for k := range g.names {
		first, n := firstWord(k)
		fn(first, WordInfo{Longest: n, Name: n == 1})
	}
	for _, w := range g.given {
		fn(w.key, WordInfo{Given: true})
	}
	for _, k := range g.common {
		fn(k, WordInfo{Common: true})
	}
	for k := range g.surnames {
		fn(k, WordInfo{Surname: true})
	}
}

// Country returns the country with ISO 3166-1 alpha-3 code iso3.
func (g *Gazetteer) Country(iso3 string) (*Country, bool) {
	i, ok := g.iso3[iso3]
	if !ok {
		return nil, false
	}
	return &g.Countries[i], true
}

// Surname returns the last word of a person's name, skipping suffixes such
// as "Jr." and "III"; "" for a one-word name.
func Surname(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 {
		last := strings.TrimSuffix(strings.ToLower(f[len(f)-1]), ".")
		if last == "jr" || last == "sr" || roman(last) {
			f = f[:len(f)-1]
			if roman(last) && len(f) == 1 {
				return "" // "Felipe VI": a regnal name, no surname
			}
			continue
		}
		if len(last) < 2 {
			return ""
		}
		return strings.TrimSuffix(f[len(f)-1], ",")
	}
	return ""
}

// roman reports a Roman numeral in lower case (i to xxxix).
func roman(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if c != 'i' && c != 'v' && c != 'x' {
			return false
		}
	}
	return len(w) <= 6
}

// TermAt returns the office term of p in force on day t; when t is zero,
// the current term (no end) or else the latest one. ok is false when no
// term covers t.
func (p *Person) TermAt(t time.Time) (Term, bool) {
	if len(p.Terms) == 0 {
		return Term{}, false
	}
	if t.IsZero() {
		best := -1
		for i, tm := range p.Terms {
			if best < 0 || tm.End == "" && p.Terms[best].End != "" || (tm.End == "") == (p.Terms[best].End == "") && tm.Start > p.Terms[best].Start {
				best = i
			}
		}
		return p.Terms[best], true
	}
	d := t.Format("2006-01-02")
	found := -1
	for i, tm := range p.Terms {
		if tm.Start != "" && padDate(tm.Start, false) > d {
			continue
		}
		if tm.End != "" && padDate(tm.End, true) < d {
			continue
		}
		if found < 0 || tm.Start > p.Terms[found].Start {
			found = i
		}
	}
	if found < 0 {
		return Term{}, false
	}
	return p.Terms[found], true
}

// padDate makes YYYY or YYYY-MM a full date: the first day of the period,
// or its last when end is set.
func padDate(s string, end bool) string {
	switch len(s) {
	case 4:
		if end {
			return s + "-12-31"
		}
		return s + "-01-01"
	case 7:
		if end {
			return s + "-31"
		}
		return s + "-01"
	}
	return s
}

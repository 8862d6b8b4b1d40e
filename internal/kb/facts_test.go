package kb_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"newsgraph/internal/kb"
)

// The files of facts written by hand (KB-SCHEMA.md) and their columns.
var factFiles = map[string][]string{
	"country_names.tsv": {"iso3", "aliases", "demonyms", "people", "capital", "fips"},
	"people.tsv":        {"name", "aliases", "country", "role", "org", "start", "end", "actor"},
	"orgs.tsv":          {"name", "aliases", "kind", "country", "actor"},
	"given_names.tsv":   {"name", "gender"},
	"places_extra.tsv":  {"name", "aliases", "kind", "country", "lat", "lon", "population"},
}

var (
	orgKinds = set("igo", "ngo", "media", "agency", "government", "legislature", "court", "military",
		"police", "intelligence", "party", "armed_group", "company", "sport", "education", "religious", "other")
	placeKinds = set("city", "region", "state", "continent", "water", "island", "mountain", "landmark")
	genders    = set("m", "f", "u")
	// Role and sector codes that may follow a country code in an actor code.
	roleCodes = set("GOV", "MIL", "REB", "OPP", "MED", "BUS", "CVL", "JUD", "LEG", "COP", "SPY", "EDU",
		"HLH", "REL", "LAB", "AGR", "ENV", "ELI", "REF", "CRM", "UAF", "IGO", "NGO", "PTY", "INS", "SEP",
		"DEV", "HRI", "MOD", "RAD")
	// Codes that start an international actor code.
	intlCodes = set("IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS")
	// Offices held by two or more people at once.
	sharedRoles = set("Captain Regent", "Co-Prince", "Member of the Presidency", "Opposition Leader")
)

func set(vals ...string) map[string]bool {
	m := make(map[string]bool, len(vals))
	for _, v := range vals {
		m[v] = true
	}
	return m
}

// facts holds the tables of one source (the embedded files, or a user
// directory) and the problems found in them.
type facts struct {
	tables    map[string]*kb.Table
	countries map[string]bool
	orgNames  map[string]bool
	problems  []string
}

func (f *facts) errorf(t *kb.Table, r kb.Row, format string, args ...any) {
	f.problems = append(f.problems, fmt.Sprintf("%s:%d: %s", t.Name, r.Line, fmt.Sprintf(format, args...)))
}

// check validates every table present. Country codes and organisation
// names are looked up in the tables given (so a user file is checked
// against the embedded lists plus its own rows).
func check(tables map[string]*kb.Table, countries, orgNames map[string]bool) []string {
	f := &facts{tables: tables, countries: countries, orgNames: orgNames}
	for name, t := range tables {
		f.common(t, factFiles[name])
	}
	if t := tables["country_names.tsv"]; t != nil {
		f.unique(t, 0)
		f.fips(t)
	}
	if t := tables["given_names.tsv"]; t != nil {
		f.unique(t, 0)
		for _, r := range t.Rows {
			if !genders[r.Cells[1]] {
				f.errorf(t, r, "gender %q not m, f or u", r.Cells[1])
			}
			if strings.Contains(r.Cells[0], " ") && !strings.ContainsAny(r.Cells[0], "-'") {
				// Compound given names ("Jean Pierre") are written with a hyphen.
				f.errorf(t, r, "given name %q holds a space", r.Cells[0])
			}
		}
	}
	if t := tables["orgs.tsv"]; t != nil {
		f.unique(t, 0, 3)
		for _, r := range t.Rows {
			if !orgKinds[r.Cells[2]] {
				f.errorf(t, r, "kind %q not allowed", r.Cells[2])
			}
			f.country(t, r, r.Cells[3], len(r.Cells[4]) < 3 || !intlCodes[r.Cells[4][:3]])
			f.actor(t, r, r.Cells[4])
		}
	}
	if t := tables["places_extra.tsv"]; t != nil {
		f.unique(t, 0, 2, 3)
		for _, r := range t.Rows {
			if !placeKinds[r.Cells[2]] {
				f.errorf(t, r, "kind %q not allowed", r.Cells[2])
			}
			f.country(t, r, r.Cells[3], false)
			f.coord(t, r, r.Cells[4], 90)
			f.coord(t, r, r.Cells[5], 180)
			if p := r.Cells[6]; p != "" {
				if n, err := strconv.ParseInt(p, 10, 64); err != nil || n <= 0 {
					f.errorf(t, r, "population %q not a positive integer", p)
				}
			}
		}
	}
	if t := tables["people.tsv"]; t != nil {
		f.people(t)
	}
	slices.Sort(f.problems)
	return f.problems
}

// common checks what every file shares: columns, header, cell hygiene,
// sorted order, duplicates.
func (f *facts) common(t *kb.Table, cols []string) {
	if !slices.Equal(t.Columns, cols) {
		f.problems = append(f.problems, fmt.Sprintf("%s: columns %q, want %q", t.Name, t.Columns, cols))
		return
	}
	head := strings.ToLower(strings.Join(t.Header, " "))
	if !strings.Contains(head, "licen") || !strings.Contains(head, "source") && !strings.Contains(head, "compiled") {
		f.problems = append(f.problems, fmt.Sprintf("%s: header names no sources and licence", t.Name))
	}
	for i, r := range t.Rows {
		if r.Cells[0] == "" {
			f.errorf(t, r, "empty first column")
		}
		for c, cell := range r.Cells {
			if !utf8.ValidString(cell) {
				f.errorf(t, r, "%s: invalid UTF-8", cols[c])
				continue
			}
			if !norm.NFC.IsNormalString(cell) {
				f.errorf(t, r, "%s: %q not NFC", cols[c], cell)
			}
			vals := strings.Split(cell, "|")
			seen := map[string]bool{}
			for _, v := range vals {
				if len(vals) > 1 && v == "" {
					f.errorf(t, r, "%s: empty value in %q", cols[c], cell)
				}
				if v != strings.TrimSpace(v) || strings.Contains(v, "  ") {
					f.errorf(t, r, "%s: %q not trimmed", cols[c], v)
				}
				if seen[v] {
					f.errorf(t, r, "%s: %q twice", cols[c], v)
				}
				seen[v] = true
			}
		}
		if i > 0 {
			switch cmp := slices.Compare(t.Rows[i-1].Cells, r.Cells); {
			case cmp == 0:
				f.errorf(t, r, "duplicate row")
			case cmp > 0:
				f.errorf(t, r, "not sorted: %q after %q", r.Cells[0], t.Rows[i-1].Cells[0])
			}
		}
	}
}

// unique reports rows that repeat the key made of the given columns.
func (f *facts) unique(t *kb.Table, cols ...int) {
	seen := map[string]int{}
	for _, r := range t.Rows {
		var key []string
		for _, c := range cols {
			key = append(key, r.Cells[c])
		}
		k := strings.Join(key, "\t")
		if line, ok := seen[k]; ok {
			f.errorf(t, r, "key %q repeats line %d", k, line)
		}
		seen[k] = r.Line
	}
}

// fips checks the FIPS 10-4 codes of country_names.tsv: two upper-case
// letters, each code on one row only.
func (f *facts) fips(t *kb.Table) {
	seen := map[string]int{}
	for _, r := range t.Rows {
		for _, code := range kb.Multi(r.Cells[5]) {
			if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
				f.errorf(t, r, "fips %q not two upper-case letters", code)
			}
			if line, ok := seen[code]; ok {
				f.errorf(t, r, "fips %q also on line %d", code, line)
			}
			seen[code] = r.Line
		}
	}
}

func (f *facts) country(t *kb.Table, r kb.Row, code string, required bool) {
	if code == "" {
		if required {
			f.errorf(t, r, "country empty")
		}
		return
	}
	if !f.countries[code] {
		f.errorf(t, r, "country %q not in country_names.tsv", code)
	}
}

// actor checks a CAMEO-style code: three-letter groups, starting with a
// known country or an international code; after a country, the next
// group is a role or sector code.
func (f *facts) actor(t *kb.Table, r kb.Row, code string) {
	if code == "" {
		return
	}
	if len(code)%3 != 0 || len(code) > 15 || strings.ToUpper(code) != code || strings.ContainsFunc(code, func(c rune) bool { return c < 'A' || c > 'Z' }) {
		f.errorf(t, r, "actor %q not 3-letter upper-case groups", code)
		return
	}
	head := code[:3]
	switch {
	case intlCodes[head]:
	case f.countries[head]:
		if len(code) > 3 && !roleCodes[code[3:6]] {
			f.errorf(t, r, "actor %q: %q not a role code", code, code[3:6])
		}
	default:
		f.errorf(t, r, "actor %q starts with neither a country nor an international code", code)
	}
}

func (f *facts) coord(t *kb.Table, r kb.Row, s string, max float64) {
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(v):
		f.errorf(t, r, "coordinate %q not a number", s)
	case math.Abs(v) > max:
		f.errorf(t, r, "coordinate %q out of range", s)
	case strings.Contains(s, ".") && len(s)-strings.IndexByte(s, '.')-1 > 4:
		f.errorf(t, r, "coordinate %q has more than 4 decimals", s)
	}
}

// span is a term in days: [from, to), to zero when open.
type span struct{ from, to time.Time }

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD and returns the first day it
// may mean.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			d, err := time.Parse(layout, s)
			if err == nil && d.Year() >= 1800 && d.Year() <= 2100 {
				return d, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("date %q not YYYY, YYYY-MM or YYYY-MM-DD", s)
}

func (f *facts) people(t *kb.Table) {
	type term struct {
		row  kb.Row
		span span
	}
	offices := map[string][]term{}
	for _, r := range t.Rows {
		name, country, role, org, start, end, actor := r.Cells[0], r.Cells[2], r.Cells[3], r.Cells[4], r.Cells[5], r.Cells[6], r.Cells[7]
		if role == "" {
			f.errorf(t, r, "role empty")
		}
		if strings.ContainsAny(name, "()") {
			f.errorf(t, r, "name %q holds a note", name)
		}
		f.country(t, r, country, true)
		f.actor(t, r, actor)
		if actor == "" {
			f.errorf(t, r, "actor empty")
		}
		if org != "" && f.orgNames != nil && !f.orgNames[org] {
			f.errorf(t, r, "org %q not a name in orgs.tsv", org)
		}
		from, err := parseDate(start)
		if err != nil {
			f.errorf(t, r, "start: %v", err)
			continue
		}
		var to time.Time
		if end != "" {
			if to, err = parseDate(end); err != nil {
				f.errorf(t, r, "end: %v", err)
				continue
			}
			// "2019" ends no earlier than it starts when both are years.
			if to.Before(from) {
				f.errorf(t, r, "end %s before start %s", end, start)
			}
		}
		if !sharedRoles[role] {
			key := country + "\t" + role + "\t" + org
			offices[key] = append(offices[key], term{r, span{from, to}})
		}
	}
	// Two holders of one office may meet on a day but not overlap.
	keys := make([]string, 0, len(offices))
	for k := range offices {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		terms := offices[k]
		for i := range terms {
			for j := i + 1; j < len(terms); j++ {
				a, b := terms[i], terms[j]
				if a.row.Cells[0] == b.row.Cells[0] && a.span == b.span {
					continue
				}
				if before(a.span.from, b.span.to) && before(b.span.from, a.span.to) {
					f.errorf(t, b.row, "%s %s overlaps %s (line %d)", strings.ReplaceAll(k, "\t", " "), b.row.Cells[0], a.row.Cells[0], a.row.Line)
				}
			}
		}
	}
}

// before reports whether a is before b, an open end (zero) being after
// everything.
func before(a, b time.Time) bool { return b.IsZero() || a.Before(b) }

// load reads the fact files of the embedded knowledge base (dir == "") or
// of a user directory.
func load(t *testing.T, dir string) map[string]*kb.Table {
	t.Helper()
	out := map[string]*kb.Table{}
	for name := range factFiles {
		if dir == "" {
			tabs, err := kb.Source{}.Tables(name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				t.Fatalf("embedded %s: %v", name, err)
			}
			out[name] = tabs[0]
			continue
		}
		fh, err := os.Open(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		tab, err := kb.ReadTable(fh, name)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[name] = tab
	}
	return out
}

func lists(tables ...map[string]*kb.Table) (countries, orgs map[string]bool) {
	countries, orgs = map[string]bool{}, map[string]bool{}
	for _, tabs := range tables {
		if t := tabs["country_names.tsv"]; t != nil {
			for _, r := range t.Rows {
				countries[r.Cells[0]] = true
			}
		}
		if t := tabs["orgs.tsv"]; t != nil {
			for _, r := range t.Rows {
				orgs[r.Cells[0]] = true
			}
		}
	}
	return countries, orgs
}

// TestFacts checks the embedded fact files, and the files in the
// directory named by $NEWSGRAPH_KB_DIR when set (the directory a user
// passes with --kb).
func TestFacts(t *testing.T) {
	embedded := load(t, "")
	countries, orgs := lists(embedded)
	for _, p := range check(embedded, countries, orgs) {
		t.Error(p)
	}
	// Every country and territory has its FIPS 10-4 code, but those
	// that have none of their own.
	noFIPS := set("ALA", "BES", "CSK")
	for _, r := range embedded["country_names.tsv"].Rows {
		if (r.Cells[5] == "") != noFIPS[r.Cells[0]] {
			t.Errorf("country_names.tsv:%d: %s: fips %q", r.Line, r.Cells[0], r.Cells[5])
		}
	}
	if dir := os.Getenv("NEWSGRAPH_KB_DIR"); dir != "" {
		user := load(t, dir)
		countries, orgs := lists(embedded, user)
		for _, p := range check(user, countries, orgs) {
			t.Error(p)
		}
	}
}

// TestFactsSize pins the size of each file roughly, so that a file
// truncated by accident is noticed.
func TestFactsSize(t *testing.T) {
	min := map[string]int{"country_names.tsv": 250, "people.tsv": 1500, "orgs.tsv": 2000, "given_names.tsv": 4900, "places_extra.tsv": 470}
	tables := load(t, "")
	for name, n := range min {
		if tab := tables[name]; tab == nil || len(tab.Rows) < n {
			t.Errorf("%s: missing or under %d rows", name, n)
		}
	}
}

// TestFactsCatch feeds each check a bad file and expects it to complain:
// the checks guard files users write themselves.
func TestFactsCatch(t *testing.T) {
	const countries = "# Compiled by us; licence: ours.\niso3\taliases\tdemonyms\tpeople\tcapital\tfips\nFRA\t\tFrench\tFrench\tParis\tFR\nRUS\t\tRussian\tRussians\tMoscow\tRS\nUSA\tUS\tAmerican\tAmericans\tWashington\tUS\n"
	const orgs = "# Compiled by us; licence: ours.\nname\taliases\tkind\tcountry\tactor\nUnited Nations\tUN\tigo\t\tIGOUNO\n"
	head := map[string]string{}
	for name, cols := range factFiles {
		head[name] = "# Compiled by us; licence: ours.\n" + strings.Join(cols, "\t") + "\n"
	}
	cases := []struct {
		name, file, body, want string
	}{
		{"Columns", "given_names.tsv", "# Compiled by us; licence: ours.\nname\tsex\nAnna\tf\n", "columns"},
		{"NoLicence", "given_names.tsv", "# A list.\nname\tgender\nAnna\tf\n", "sources and licence"},
		{"Gender", "given_names.tsv", "Anna\tx\n", "gender"},
		{"Unsorted", "given_names.tsv", "Boris\tm\nAnna\tf\n", "not sorted"},
		{"Duplicate", "given_names.tsv", "Anna\tf\nAnna\tf\n", "duplicate row"},
		{"SameKey", "given_names.tsv", "Anna\tf\nAnna\tu\n", "repeats"},
		{"NotNFC", "given_names.tsv", "Zo\u0065\u0308\tf\n", "not NFC"},
		{"Untrimmed", "given_names.tsv", "Anna \tf\n", "not trimmed"},
		{"EmptyValue", "country_names.tsv", "FRA\tLa France||Gaul\tFrench\tFrench\tParis\tFR\n", "empty value"},
		{"FIPSShape", "country_names.tsv", "FRA\t\tFrench\tFrench\tParis\tFRA\n", "two upper-case letters"},
		{"FIPSTwice", "country_names.tsv", "FRA\t\tFrench\tFrench\tParis\tFR\nGUF\t\tFrench Guianese\tFrench Guianese\tCayenne\tFG|FR\n", "also on line"},
		{"OrgKind", "orgs.tsv", "Reuters\t\tnewswire\tGBR\tGBRMED\n", "kind"},
		{"OrgCountry", "orgs.tsv", "Reuters\t\tagency\tXYZ\tGBRMED\n", "country \"XYZ\""},
		{"OrgActor", "orgs.tsv", "Reuters\t\tagency\tFRA\tFRAXYZ\n", "not a role code"},
		{"OrgActorShape", "orgs.tsv", "Reuters\t\tagency\tFRA\tFRAMED1\n", "3-letter"},
		{"PlaceKind", "places_extra.tsv", "Crimea\t\tpeninsula\tUKR\t45.3\t34.4\t\n", "kind"},
		{"Latitude", "places_extra.tsv", "Crimea\t\tregion\tRUS\t95.3\t34.4\t\n", "out of range"},
		{"Longitude", "places_extra.tsv", "Crimea\t\tregion\tRUS\t45.3\tE34\t\n", "not a number"},
		{"Decimals", "places_extra.tsv", "Crimea\t\tregion\tRUS\t45.312345\t34.4\t\n", "decimals"},
		{"Population", "places_extra.tsv", "Crimea\t\tregion\tRUS\t45.3\t34.4\tmany\n", "population"},
		{"Date", "people.tsv", "Vladimir Putin\t\tRUS\tPresident\t\t2000-13-01\t\tRUSGOV\n", "start"},
		{"EndBeforeStart", "people.tsv", "Vladimir Putin\t\tRUS\tPresident\t\t2012-05-07\t2008-05-07\tRUSGOV\n", "before start"},
		{"Overlap", "people.tsv", "Dmitry Medvedev\t\tRUS\tPresident\t\t2008-05-07\t2012-05-07\tRUSGOV\nVladimir Putin\t\tRUS\tPresident\t\t2012-05-06\t\tRUSGOV\n", "overlaps"},
		{"UnknownOrg", "people.tsv", "Kofi Annan\t\tGHA\tSecretary-General\tUnited Nation\t1997-01-01\t2006-12-31\tIGOUNO\n", "not a name in orgs.tsv"},
		{"NoActor", "people.tsv", "Vladimir Putin\t\tRUS\tPresident\t\t2012-05-07\t\t\n", "actor empty"},
		{"PersonCountry", "people.tsv", "Vladimir Putin\t\tSUN\tPresident\t\t2012-05-07\t\tRUSGOV\n", "country \"SUN\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := c.body
			if !strings.HasPrefix(body, "#") {
				body = head[c.file] + body
			}
			tab, err := kb.ReadTable(strings.NewReader(body), c.file)
			if err != nil {
				t.Fatal(err)
			}
			base := map[string]*kb.Table{}
			for name, s := range map[string]string{"country_names.tsv": countries, "orgs.tsv": orgs} {
				bt, err := kb.ReadTable(strings.NewReader(s), name)
				if err != nil {
					t.Fatal(err)
				}
				base[name] = bt
			}
			cs, orgNames := lists(base)
			probs := check(map[string]*kb.Table{c.file: tab}, cs, orgNames)
			if !slices.ContainsFunc(probs, func(p string) bool { return strings.Contains(p, c.want) }) {
				t.Errorf("problems %q, want one with %q", probs, c.want)
			}
		})
	}
	// The same good rows raise nothing.
	good := map[string]string{
		"people.tsv": "Dmitry Medvedev\t\tRUS\tPresident\t\t2008-05-07\t2012-05-07\tRUSGOV\nVladimir Putin\t\tRUS\tPresident\t\t2000-05-07\t2008-05-07\tRUSGOV\nVladimir Putin\t\tRUS\tPresident\t\t2012-05-07\t\tRUSGOV\n",
		"orgs.tsv":   "Reuters\t\tagency\tGBR\tGBRMED\n",
	}
	for file, body := range good {
		tab, err := kb.ReadTable(strings.NewReader(head[file]+body), file)
		if err != nil {
			t.Fatal(err)
		}
		cs := set("GBR", "RUS")
		if probs := check(map[string]*kb.Table{file: tab}, cs, set("United Nations")); len(probs) > 0 {
			t.Errorf("%s: good rows raise %q", file, probs)
		}
	}
}

package entity_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/extract/entity"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
	"newsgraph/internal/text"
)

// The stage satisfies the pipeline's Stage interface.
var _ pipeline.Stage = (*entity.Extractor)(nil)

// fixtureKB holds a few rows of the entity files written by the kbfacts
// work, so that the goldens do not follow every change of the embedded
// lists.
var fixtureKB = kb.Source{Dirs: []string{"testdata/kb"}}

func newExtractor(t testing.TB) *entity.Extractor {
	t.Helper()
	ex, err := entity.New(fixtureKB)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// run segments s and runs the stage on it, as the pipeline does.
func run(t testing.TB, ex *entity.Extractor, s string, published time.Time) *article.Doc {
	t.Helper()
	d := &article.Doc{Published: published}
	d.Rec.Text = s
	d.Tokens = text.Tokenize(s)
	d.Sents = text.Sentences(s, d.Tokens)
	if err := ex.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// format writes the entities the way the goldens hold them: one line per
// entity with its fields, then one line per mention.
func format(d *article.Doc) string {
	var sb strings.Builder
	for _, e := range d.Rec.Entities {
		fmt.Fprintf(&sb, "%s %s", e.ID, e.Type)
		for _, kv := range [][2]string{{"kind", e.Kind}, {"role", e.Role}, {"country", e.Country}, {"actor", e.Actor}} {
			if kv[1] != "" {
				fmt.Fprintf(&sb, " %s=%s", kv[0], kv[1])
			}
		}
		if e.Lat != 0 || e.Lon != 0 {
			fmt.Fprintf(&sb, " at=%.2f,%.2f", e.Lat, e.Lon)
		}
		if e.Known {
			sb.WriteString(" known")
		}
		fmt.Fprintf(&sb, " name=%q\n", e.Name)
		for _, m := range e.Mentions {
			fmt.Fprintf(&sb, "  %s %q\n", m.Kind, d.Text(m.Span))
		}
	}
	return sb.String()
}

func TestExtractorGolden(t *testing.T) {
	ex := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		t.Run(a.Name(), func(t *testing.T) {
			var pub time.Time
			if p := strings.TrimSpace(a.Section("published")); p != "" {
				var err error
				if pub, err = time.Parse("2006-01-02", p); err != nil {
					t.Fatal(err)
				}
			}
			d := run(t, ex, a.Input(), pub)
			a.Check(t, "entities", format(d))
			a.Save(t)
		})
	}
}

// TestSpans checks the contract on every golden input: spans lie in the
// text on rune boundaries, entities are sorted by first mention, mentions
// by position, no two mentions overlap, and a second run gives the same
// output.
func TestSpans(t *testing.T) {
	ex := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		d := run(t, ex, a.Input(), time.Time{})
		checkSpans(t, a.Name(), d)
		again := run(t, ex, a.Input(), time.Time{})
		if format(d) != format(again) {
			t.Errorf("%s: second run differs", a.Name())
		}
	}
}

func checkSpans(t *testing.T, name string, d *article.Doc) {
	t.Helper()
	var all []article.Span
	prevFirst := -1
	valid := utf8.ValidString(d.Rec.Text) // the clean stage repairs invalid text before this stage
	for _, e := range d.Rec.Entities {
		if e.ID == "" || e.Name == "" || len(e.Mentions) == 0 {
			t.Errorf("%s: incomplete entity %+v", name, e)
			continue
		}
		if e.Mentions[0].Span.Start < prevFirst {
			t.Errorf("%s: entities not sorted by first mention at %s", name, e.ID)
		}
		prevFirst = e.Mentions[0].Span.Start
		for i, m := range e.Mentions {
			s := m.Span
			if s.Start < 0 || s.End > len(d.Rec.Text) || s.Start >= s.End {
				t.Errorf("%s: bad span %v in %s", name, s, e.ID)
				continue
			}
			if valid && (!utf8.RuneStart(d.Rec.Text[s.Start]) || s.End < len(d.Rec.Text) && !utf8.RuneStart(d.Rec.Text[s.End])) {
				t.Errorf("%s: span %v of %s splits a rune", name, s, e.ID)
			}
			if i > 0 && e.Mentions[i-1].Span.Start > s.Start {
				t.Errorf("%s: mentions of %s not sorted", name, e.ID)
			}
			all = append(all, s)
		}
	}
	slices.SortFunc(all, func(a, b article.Span) int { return a.Start - b.Start })
	for i := 1; i < len(all); i++ {
		if all[i-1].Overlaps(all[i]) {
			t.Errorf("%s: mentions %v and %v overlap", name, all[i-1], all[i])
		}
	}
}

// TestRoleOnDate checks that the office held on the article's date is
// the one given.
func TestRoleOnDate(t *testing.T) {
	ex := newExtractor(t)
	const s = "Putin met the visitors in Moscow."
	for _, tc := range []struct {
		date, role string
	}{
		{"2010-06-01", "Prime Minister"},
		{"2020-06-01", "President"},
	} {
		pub, _ := time.Parse("2006-01-02", tc.date)
		d := run(t, ex, s, pub)
		if len(d.Rec.Entities) == 0 || d.Rec.Entities[0].ID != "person:vladimir-putin" {
			t.Fatalf("%s: want Putin first, got %s", tc.date, format(d))
		}
		if got := d.Rec.Entities[0].Role; got != tc.role {
			t.Errorf("%s: role %q, want %q", tc.date, got, tc.role)
		}
	}
}

// TestBadInput feeds odd text: it must not panic and must keep the span
// contract.
func TestBadInput(t *testing.T) {
	ex := newExtractor(t)
	long := strings.Repeat("Alpha Beta of the Gamma Delta ", 20000)
	caps := strings.Repeat("PRESIDENT MINISTRY OF THE ", 5000)
	for name, s := range map[string]string{
		"empty":      "",
		"spaces":     "   \n\n  ",
		"binary":     "\x00\x01\xff\xfe Putin \x00",
		"invalid":    "Putin \xc3\x28 met \xa0\xa1 Lukashenko",
		"long":       long,
		"caps":       caps,
		"brackets":   "( ( ( ) ) ) (CFR) (",
		"apostrophe": "’s ’ s 's Belarus’ ’s",
	} {
		d := run(t, ex, s, time.Time{})
		checkSpans(t, name, d)
	}
}

func FuzzExtractor(f *testing.F) {
	for _, s := range []string{
		"President Donald Trump praised Belarus President Aleksandr Lukashenko.",
		"The Council on Foreign Relations (CFR) said. The CFR report.",
		"LEICESTERSHIRE TAKE OVER AT TOP\nLeicestershire 22 points, Somerset 4.",
		"Belarus’s sovereignty. Mr. al-Assad of the Bank of England & Co.",
		"( ) ’ s U.S. St. Louis, Mo.",
	} {
		f.Add(s)
	}
	ex := newExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			s = s[:4096]
		}
		d := run(t, ex, s, time.Time{})
		checkSpans(t, "fuzz", d)
	})
}

func TestLastPerson(t *testing.T) {
	ex := newExtractor(t)
	s := "Trump spoke with Lukashenko on Friday. The call went well, he noted. Belarus agreed.\nIt was sunny. Nobody else spoke."
	d := run(t, ex, s, time.Time{})
	he := strings.Index(s, "he noted")
	i := entity.LastPerson(d, he, 1)
	if i < 0 || d.Rec.Entities[i].ID != "person:alexander-lukashenko" {
		t.Errorf("LastPerson(he) = %d\n%s", i, format(d))
	}
	if i := entity.LastPerson(d, strings.Index(s, "Nobody"), 1); i != -1 {
		t.Errorf("LastPerson(Nobody) = %d, want -1 (two sentences away)", i)
	}
}

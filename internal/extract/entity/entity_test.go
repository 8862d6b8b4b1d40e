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

// run segments s and runs the stage on it, as the pipeline does; embeds
// are the texts of embedded posts the clean stage took out of s.
func run(t testing.TB, ex *entity.Extractor, s string, published time.Time, embeds ...string) *article.Doc {
	t.Helper()
	d := &article.Doc{Published: published}
	d.Rec.Text = s
	for _, e := range embeds {
		em := article.Embed{Platform: "x", Text: e, At: len(s)}
		// "author|handle" on the embed's first line gives those fields
		if a, rest, ok := strings.Cut(e, "\n"); ok && strings.HasPrefix(a, "by ") {
			em.Author, em.Handle, _ = strings.Cut(a[3:], "|")
			em.Text = rest
		}
		d.Rec.Embeds = append(d.Rec.Embeds, em)
	}
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
			if m.Embed > 0 {
				fmt.Fprintf(&sb, "  %s embed%d %q\n", m.Kind, m.Embed, d.Rec.Embeds[m.Embed-1].Text[m.Span.Start:m.Span.End])
				continue
			}
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
			d := run(t, ex, a.Input(), pub, embedSections(a)...)
			a.Check(t, "entities", format(d))
			a.Save(t)
		})
	}
}

// embedSections returns the sections embed1, embed2, … of a golden
// file: the texts of its embedded posts, each after an optional first
// line "by Author|Handle".
func embedSections(a *testutil.Archive) []string {
	var out []string
	for i := 1; a.Has(fmt.Sprintf("embed%d", i)); i++ {
		out = append(out, strings.TrimSuffix(a.Section(fmt.Sprintf("embed%d", i)), "\n"))
	}
	return out
}

// TestSpans checks the contract on every golden input: spans lie in the
// text on rune boundaries, entities are sorted by first mention, mentions
// by position, no two mentions overlap, and a second run gives the same
// output.
func TestSpans(t *testing.T) {
	ex := newExtractor(t)
	for _, a := range testutil.Archives(t, "testdata/*.txtar") {
		d := run(t, ex, a.Input(), time.Time{}, embedSections(a)...)
		checkSpans(t, a.Name(), d)
		again := run(t, ex, a.Input(), time.Time{}, embedSections(a)...)
		if format(d) != format(again) {
			t.Errorf("%s: second run differs", a.Name())
		}
	}
}

// checkSpans checks the contract of the entities of d: every mention's
// span lies on rune boundaries in the text it points into (the body, or
// the embed its Embed field names), mentions are sorted (the body's
// first, then by embed and position), entities by the place a reader
// meets them (a mention in an embed counts where the embed stood), and no
// two mentions of one text overlap.
func checkSpans(t *testing.T, name string, d *article.Doc) {
	t.Helper()
	all := map[int][]article.Span{}
	prevFirst := -1
	for _, e := range d.Rec.Entities {
		if e.ID == "" || e.Name == "" || len(e.Mentions) == 0 {
			t.Errorf("%s: incomplete entity %+v", name, e)
			continue
		}
		first := -1
		for i, m := range e.Mentions {
			src := d.Rec.Text
			at := m.Span.Start
			if m.Embed < 0 || m.Embed > len(d.Rec.Embeds) {
				t.Errorf("%s: mention of %s in embed %d of %d", name, e.ID, m.Embed, len(d.Rec.Embeds))
				continue
			}
			if m.Embed > 0 {
				src, at = d.Rec.Embeds[m.Embed-1].Text, d.Rec.Embeds[m.Embed-1].At
			}
			if first < 0 || at < first {
				first = at
			}
			s := m.Span
			if m.Kind == "author" && m.Embed > 0 && s == (article.Span{}) {
				continue // an embed's author: no span
			}
			if s.Start < 0 || s.End > len(src) || s.Start >= s.End {
				t.Errorf("%s: bad span %v in %s", name, s, e.ID)
				continue
			}
			// the clean stage repairs invalid text before this stage
			if utf8.ValidString(src) && (!utf8.RuneStart(src[s.Start]) || s.End < len(src) && !utf8.RuneStart(src[s.End])) {
				t.Errorf("%s: span %v of %s splits a rune", name, s, e.ID)
			}
			if i > 0 {
				p := e.Mentions[i-1]
				if p.Embed > m.Embed || p.Embed == m.Embed && p.Span.Start > s.Start {
					t.Errorf("%s: mentions of %s not sorted", name, e.ID)
				}
			}
			all[m.Embed] = append(all[m.Embed], s)
		}
		if first < prevFirst {
			t.Errorf("%s: entities not sorted by first mention at %s", name, e.ID)
		}
		prevFirst = first
	}
	for k, spans := range all {
		slices.SortFunc(spans, func(a, b article.Span) int { return a.Start - b.Start })
		for i := 1; i < len(spans); i++ {
			if spans[i-1].Overlaps(spans[i]) {
				t.Errorf("%s: mentions %v and %v of text %d overlap", name, spans[i-1], spans[i], k)
			}
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
	// Descriptions, reports, appositions and titles by the thousand: the
	// searches for their referents must stay bounded (no quadratic time).
	descs := strings.Repeat("Zorblax Widgets Inc rose. Quux said. the ministry said the company said. ", 3000)
	reports := strings.Repeat("A Zorblax report said. NATO met. the report said. ", 3000)
	appos := strings.Repeat("Jan Kowalski, the company's chief executive, said. ", 3000)
	titles := strings.Repeat("Jan Kowalski met. the president said. ", 3000)
	ands := strings.Repeat("Alpha and Beta and ", 10000)
	for name, s := range map[string]string{
		"empty":      "",
		"spaces":     "   \n\n  ",
		"binary":     "\x00\x01\xff\xfe Putin \x00",
		"invalid":    "Putin \xc3\x28 met \xa0\xa1 Lukashenko",
		"long":       long,
		"caps":       caps,
		"descs":      descs,
		"reports":    reports,
		"appos":      appos,
		"titles":     titles,
		"ands":       ands,
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

// FuzzEmbeds runs the stage on a body and an embedded post with its
// author line ("by Author|Handle").
func FuzzEmbeds(f *testing.F) {
	f.Add("Lukashenko met Trump. The company said.", "by Belarus MFA|BelarusMFA\n#Belarus’ President #Lukashenko to @TIME: “Putin”")
	f.Add("", "by |MFA_Russia\n")
	f.Add("The report said. the the", "by \xff|\x00\n( ’s")
	ex := newExtractor(f)
	f.Fuzz(func(t *testing.T, body, embed string) {
		body, embed = body[:min(len(body), 2048)], embed[:min(len(embed), 2048)]
		d := run(t, ex, body, time.Time{}, embed)
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

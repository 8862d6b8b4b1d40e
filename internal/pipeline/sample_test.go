package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/pipeline/pipelinetest"
	"newsgraph/internal/testutil"
)

// TestSampleArticle checks what DESIGN.md says a user expects from the
// sample article, fact by fact.
func TestSampleArticle(t *testing.T) {
	rec := pipelinetest.Sample(t)
	byName := map[string]article.Entity{}
	for _, e := range rec.Entities {
		byName[e.Name] = e
	}
	entity := func(name string) article.Entity {
		t.Helper()
		e, ok := byName[name]
		if !ok {
			t.Errorf("no entity %q", name)
		}
		return e
	}

	t.Run("Boilerplate", func(t *testing.T) {
		kinds := map[string]int{}
		for _, b := range rec.Boilerplate {
			kinds[b.Kind]++
		}
		if kinds["related"] != 2 || kinds["read_more"] != 1 {
			t.Errorf("boilerplate kinds = %v, want 2 related and 1 read_more", kinds)
		}
		for _, gone := range []string{"RELATED", "Zelenskyy", "Read the full article", "pic.twitter.com", "⁰"} {
			if strings.Contains(rec.Text, gone) {
				t.Errorf("text still holds %q", gone)
			}
		}
	})

	t.Run("Embed", func(t *testing.T) {
		if len(rec.Embeds) != 1 {
			t.Fatalf("%d embeds, want 1", len(rec.Embeds))
		}
		e := rec.Embeds[0]
		if e.Handle != "BelarusMFA" || e.Author != "Belarus MFA" || e.Date != "2025-08-08" || e.Platform != "x" {
			t.Errorf("embed = %+v", e)
		}
	})

	t.Run("Persons", func(t *testing.T) {
		for _, want := range []struct{ name, country, actor string }{
			{"Donald Trump", "USA", "USAGOV"},
			{"Alexander Lukashenko", "BLR", "BLRGOV"},
			{"Vladimir Putin", "RUS", "RUSGOV"},
		} {
			e := entity(want.name)
			if e.Type != article.Person || e.Country != want.country || e.Actor != want.actor || e.Role == "" {
				t.Errorf("%s: type %s country %s actor %s role %q", want.name, e.Type, e.Country, e.Actor, e.Role)
			}
			surname := want.name[strings.LastIndexByte(want.name, ' ')+1:]
			n := 0
			for _, m := range e.Mentions {
				if m.Embed == 0 && rec.Text[m.Span.Start:m.Span.End] == surname {
					n++
				}
			}
			if n < 2 {
				t.Errorf("%s: %d surname mentions resolved, want at least 2", want.name, n)
			}
		}
		for _, e := range rec.Entities {
			if strings.Contains(e.Name, "Zelensk") {
				t.Errorf("Zelenskyy, named only in a removed RELATED headline, is an entity: %+v", e)
			}
		}
	})

	t.Run("Places", func(t *testing.T) {
		for _, want := range []struct{ name, country string }{
			{"Belarus", "BLR"}, {"Russia", "RUS"}, {"Ukraine", "UKR"}, {"Alaska", "USA"},
			{"Latvia", "LVA"}, {"Lithuania", "LTU"}, {"Poland", "POL"},
		} {
			e := entity(want.name)
			if e.Type != article.Place || e.Country != want.country || (e.Lat == 0 && e.Lon == 0) {
				t.Errorf("%s: type %s country %s at %.2f,%.2f", want.name, e.Type, e.Country, e.Lat, e.Lon)
			}
		}
	})

	t.Run("Organisations", func(t *testing.T) {
		// Each is found by a mention of this text, in the body or an embed.
		for _, name := range []string{"Truth Social", "The Guardian", "TIME", "NATO",
			"Council on Foreign Relations", "Ministry of Foreign Affairs of the Republic of Belarus"} {
			found := false
			for _, e := range rec.Entities {
				for _, m := range e.Mentions {
					src := rec.Text
					if m.Embed > 0 {
						src = rec.Embeds[m.Embed-1].Text
					}
					if e.Type == article.Org && m.Span.End > m.Span.Start && src[m.Span.Start:m.Span.End] == name {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("no organisation mentioned as %q", name)
			}
		}
		cfr := entity("Council on Foreign Relations")
		acronym := false
		for _, m := range cfr.Mentions {
			acronym = acronym || m.Embed == 0 && rec.Text[m.Span.Start:m.Span.End] == "CFR"
		}
		if !acronym {
			t.Errorf("the acronym CFR is not a mention of the Council on Foreign Relations")
		}
	})

	t.Run("Quotes", func(t *testing.T) {
		trump := entity("Donald Trump").ID
		var direct []article.Quote
		for _, q := range rec.Quotes {
			if q.Kind == article.Direct {
				direct = append(direct, q)
			}
		}
		for _, want := range []struct{ text, cue string }{
			{"I had a wonderful talk", "stated"},
			{"We are also discussing the release of 1,300 additional prisoners", "noted"},
			{"I look forward to meeting President Lukashenko", "said"},
		} {
			i := slices.IndexFunc(direct, func(q article.Quote) bool { return strings.HasPrefix(q.Text, want.text) })
			if i < 0 {
				t.Errorf("no direct quote %q", want.text)
				continue
			}
			if q := direct[i]; q.Speaker != trump || q.Cue != want.cue || rec.Text[q.Span.Start:q.Span.End] != q.Text {
				t.Errorf("quote %q: speaker %q cue %q, want %s and %q", want.text, q.Speaker, q.Cue, trump, want.cue)
			}
		}
	})

	t.Run("Attributions", func(t *testing.T) {
		sources := map[string]int{}
		for _, a := range rec.Attributions {
			sources[a.Source]++
		}
		if sources[entity("Council on Foreign Relations").ID] < 3 {
			t.Errorf("claims attributed to the CFR report: %d, want at least 3 (%v)", sources[entity("Council on Foreign Relations").ID], sources)
		}
		if sources[entity("The Guardian").ID] < 1 {
			t.Errorf("no claim attributed to The Guardian (%v)", sources)
		}
	})

	t.Run("Amounts", func(t *testing.T) {
		for _, v := range []float64{16, 1300} {
			if !slices.ContainsFunc(rec.Amounts, func(a article.Amount) bool { return a.Value == v && a.Object == "prisoners" }) {
				t.Errorf("no amount %v prisoners in %+v", v, rec.Amounts)
			}
		}
	})

	t.Run("Dates", func(t *testing.T) {
		for _, want := range []struct{ text, value string }{
			{"Friday", "2025-08-08"}, {"2022", "2022"}, {"1991", "1991"}, {"1999", "1999"},
		} {
			if !slices.ContainsFunc(rec.Dates, func(d article.Date) bool { return d.Text == want.text && d.Value == want.value }) {
				t.Errorf("no date %q = %s", want.text, want.value)
			}
		}
		if !slices.ContainsFunc(rec.Dates, func(d article.Date) bool { return d.Value == "1920" && d.End == "1991" }) {
			t.Errorf("no range 1920–1991")
		}
	})
}

// TestSampleGolden pins the sample's facts (not its text, which may not
// be copied) in testdata/sample.txtar; -update rewrites it.
func TestSampleGolden(t *testing.T) {
	rec := pipelinetest.Sample(t)
	a := testutil.ReadArchive(t, "testdata/sample.txtar")
	a.Check(t, "facts", facts(rec))
	a.Save(t)
}

// facts lists a record's annotations one per line, with spans, ids, codes
// and values but none of the article's words beyond single names.
func facts(r article.Record) string {
	var sb strings.Builder
	for _, b := range r.Boilerplate {
		fmt.Fprintf(&sb, "boilerplate %s at=%d\n", b.Kind, b.At)
	}
	for _, e := range r.Embeds {
		fmt.Fprintf(&sb, "embed %s %s @%s %s at=%d links=%d\n", e.Platform, e.Author, e.Handle, e.Date, e.At, len(e.Links))
	}
	fmt.Fprintf(&sb, "sentences %d\n", len(r.Sentences))
	for _, e := range r.Entities {
		fmt.Fprintf(&sb, "entity %s %s kind=%s role=%q country=%s actor=%s lat=%.2f lon=%.2f mentions=%d\n",
			e.ID, e.Type, e.Kind, e.Role, e.Country, e.Actor, e.Lat, e.Lon, len(e.Mentions))
	}
	for _, q := range r.Quotes {
		fmt.Fprintf(&sb, "quote %s [%d,%d] speaker=%s cue=%s sentence=%d\n", q.Kind, q.Span.Start, q.Span.End, q.Speaker, q.Cue, q.Sentence)
	}
	for _, a := range r.Attributions {
		fmt.Fprintf(&sb, "attribution [%d,%d] source=%s cue=%q sentence=%d\n", a.Claim.Start, a.Claim.End, a.Source, a.Cue, a.Sentence)
	}
	for _, m := range r.Amounts {
		fmt.Fprintf(&sb, "amount %g %s %s [%d,%d]\n", m.Value, m.Unit, m.Object, m.Span.Start, m.Span.End)
	}
	for _, d := range r.Dates {
		fmt.Fprintf(&sb, "date %s %s %s end=%s [%d,%d]\n", d.Type, d.Value, d.Granularity, d.End, d.Span.Start, d.Span.End)
	}
	for _, e := range r.Events {
		fmt.Fprintf(&sb, "event %s -> %s cameo=%s quad=%d goldstein=%g plover=%s negated=%v modal=%v sentence=%d\n",
			e.Source, e.Target, e.Code, e.Quad, e.Goldstein, e.Plover, e.Negated, e.Modal, e.Sentence)
	}
	for _, th := range r.Themes {
		fmt.Fprintf(&sb, "theme %s %d\n", th.Code, len(th.Spans))
	}
	fmt.Fprintf(&sb, "tone %.3f words=%d\n", r.Tone.Tone, r.Tone.WordCount)
	return sb.String()
}

// TestDeterministic checks that the same inputs give the same bytes
// whatever the number of workers.
func TestDeterministic(t *testing.T) {
	var inputs []article.Input
	for in, err := range (ingest.Reader{}).Paths([]string{"../../testdata/example.json"}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	for i := range 30 { // variations so that workers finish out of order
		in := inputs[0]
		in.Text = strings.Repeat("Officials in Kyiv said on Monday that talks would resume. ", i) + in.Text
		inputs = append(inputs, in)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int) []byte {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		err := p.Run(context.Background(), ingest.Slice(inputs), workers, func(r pipeline.Result) error {
			if r.Err != nil {
				return r.Err
			}
			return enc.Encode(r.Record)
		})
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	one, four := run(1), run(4)
	if !bytes.Equal(one, four) {
		t.Fatalf("output differs between 1 and 4 workers:\n%s", testutil.Diff(string(one), string(four)))
	}
	if again := run(1); !bytes.Equal(one, again) {
		t.Fatalf("output differs between two runs")
	}
}

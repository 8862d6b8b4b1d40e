package sqlite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/rand"
	"path/filepath"
	"reflect"
	"testing"
	"testing/quick"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/store/sqlite"
	"newsgraph/internal/testutil"
)

// stdJSON is the record as extract prints it, without the newline.
func stdJSON(t testing.TB, rec *article.Record) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func checkSame(t *testing.T, what string, rec *article.Record) {
	t.Helper()
	want, werr := stdJSON(t, rec)
	got, gerr := sqlite.AppendRecord([]byte("prefix"), rec)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%s: error %v, encoding/json's %v", what, gerr, werr)
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("%s: differs from encoding/json\ngot  %s\nwant prefix%s", what, got, want)
	}
}

// TestAppendRecord checks the store's record encoder against
// encoding/json: on the pipeline's records, on records with every field
// filled at random (so a field added to the record is covered), and on
// strings and numbers whose encoding is special.
func TestAppendRecord(t *testing.T) {
	r := record(t, belarus, "https://example.org/a", "Example", "2025-08-09")
	checkSame(t, "belarus", &r)
	var zero article.Record
	checkSame(t, "zero record", &zero)

	rng := rand.New(rand.NewSource(1))
	for i := range 300 {
		v, ok := quick.Value(reflect.TypeFor[article.Record](), rng)
		if !ok {
			t.Fatal("quick.Value failed")
		}
		rec := v.Interface().(article.Record)
		checkSame(t, "random record "+string(rune('0'+i%10)), &rec)
	}

	strs := []string{"", `"quoted" \back\slash`, "tab\tnew\nline\rcr\bbs\fff\x00\x01\x1f\x7f", "<b>&amp;</b>",
		"bad \xff\xfe utf-8 \xe2\x82", "line\u2028para\u2029sep", "naïve café 東京 😀", "\u00a0nbsp"}
	floats := []float64{0, math.Copysign(0, -1), 1, -1.5, 1e-7, 1e-6, 123456789, 1e20, 1e21, 1.5e300, -2.5e-300, 5e-324, math.MaxFloat64, 0.1, 1.0 / 3}
	for i, s := range strs {
		rec := r
		rec.Title, rec.Text, rec.URL = s, s+r.Text, s
		rec.Tone.Tone = floats[i%len(floats)]
		rec.Embeds = []article.Embed{{Platform: s, Links: []string{s, ""}}}
		checkSame(t, "string "+s, &rec)
	}
	for _, f := range floats {
		rec := r
		rec.Tone.Tone, rec.Tone.Positive = f, -f
		rec.Entities = append([]article.Entity{{ID: "x", Lat: f, Lon: f}}, rec.Entities...)
		checkSame(t, "float", &rec)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1)} {
		rec := r
		rec.Tone.Tone = f
		checkSame(t, "not a number", &rec)
	}

	shared := testutil.SharedDir(t)
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = p.Run(context.Background(), ingest.Reader{}.Paths([]string{filepath.Join(shared, "corpora", "news", "bbc", "business")}, nil), 0, func(res pipeline.Result) error {
		if res.Err == nil {
			checkSame(t, res.Origin, &res.Record)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no BBC records")
	}
}

func FuzzAppendRecord(f *testing.F) {
	f.Add("Lukashenko said \"yes\".\n", "title", 1.5, 3, 7)
	f.Add("\xff\u2028<&>", "", 1e21, -1, 0)
	f.Add("", "\x00", 1e-7, 0, 1<<40)
	f.Fuzz(func(t *testing.T, text, title string, x float64, a, b int) {
		if len(text) > 1<<16 {
			return
		}
		rec := article.Record{ID: title, Title: title, Text: text, Tone: article.Tone{Tone: x},
			Entities: []article.Entity{{ID: text, Name: title, Lat: x, Mentions: []article.Mention{{Span: article.Span{Start: a, End: b}, Kind: text, Embed: a}}}},
			Quotes:   []article.Quote{{Text: text, Span: article.Span{Start: b, End: a}, SpeakerSpan: &article.Span{Start: a}}},
			Amounts:  []article.Amount{{Value: x, Max: -x, Approximate: a > b}}}
		checkSame(t, "fuzz", &rec)
	})
}

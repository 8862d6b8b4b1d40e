package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/eval"
	"newsgraph/internal/kb"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

// TestEventsSmall scores a unit-test file written for this test, with its
// own dictionaries, so the scorer's arithmetic is checked without the gold
// set.
func TestEventsSmall(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.actors", "ARNOR [ARN]\nGONDOR [GON]\n")
	write("a.agents", "SOLDIER [~MIL]\n")
	write("a.verbs", "--- ATTACK [190] ---\nATTACK\n\n--- PRAISE [051] ---\nPRAISE\n")
	write("a.discards", "BASEBALL\n")
	write("t.xml", `<Validation><Environment><Verbfile>a.verbs</Verbfile><Actorfile>a.actors</Actorfile>
<Agentfile>a.agents</Agentfile><Discardfile>a.discards</Discardfile></Environment><Sentences>
<Sentence date="20000101" id="1" category="A" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor attacked Gondor.</Text></Sentence>
<Sentence date="20000101" id="2" category="A" sentence="true">
<EventCoding sourcecode="GONMIL" targetcode="ARN" eventcode="051"></EventCoding>
<Text>Gondor soldiers praised Arnor.</Text></Sentence>
<Sentence date="20000101" id="3" category="B" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Arnor attacked Gondor at baseball.</Text></Sentence>
<Sentence date="20000101" id="4" category="B" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="999"></EventCoding>
<Text>Not scored.</Text></Sentence>
</Sentences></Validation>`)
	r, err := eval.Events(context.Background(), filepath.Join(dir, "t.xml"), eval.EventsOptions{KB: kb.Source{}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.LastLine(), "events F1=1.000 P=1.000 R=1.000 root_F1=1.000"; got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
}

// TestEventsDev scores the dev gold set: the floor guards against
// regressions (measured 0.965; the target is 0.70).
func TestEventsDev(t *testing.T) {
	shared := testutil.SharedDir(t)
	r, err := eval.Events(context.Background(), filepath.Join(shared, "corpora", "events", "PETR.UnitTest.dev.xml"), eval.EventsOptions{KB: kb.Source{}})
	if err != nil {
		t.Fatal(err)
	}
	if f1 := r.Summary[0].Value; f1 < 0.9 {
		t.Errorf("events F1 = %.3f, want >= 0.9\n%s", f1, r.LastLine())
	}
}

// TestPloverDev runs the whole pipeline on the PLOVER dev records (behind
// -short). Without the entity stage few actors are found, so only the
// report's shape is checked here; `newsgraph eval plover` gives the figure.
func TestPloverDev(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	shared := testutil.SharedDir(t)
	r, err := eval.Plover(context.Background(), filepath.Join(shared, "corpora", "plover", "PLOVER_GSR_CAMEO.dev.json"), pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.LastLine(), "plover F1=") || len(r.Summary) != 3 {
		t.Errorf("last line %q", r.LastLine())
	}
}

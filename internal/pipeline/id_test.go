package pipeline_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"newsgraph/internal/pipeline"
)

// refID is ID as its doc comment defines it, written plainly: the words
// split out, lower-cased, each followed by a space, hashed.
func refID(s string) string {
	var sb strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
	}) {
		sb.WriteString(strings.ToLower(w))
		sb.WriteByte(' ')
	}
	sum := sha256.Sum256([]byte(sb.String()))
	return hex.EncodeToString(sum[:])[:16]
}

var idSeeds = []string{
	"", " ", "Hello, World!", "hello world", "HELLO   world\n\n", "Trump’s “deal” — 1,300 prisoners.",
	"Ünïcödé WORDS and ÀÉÎ", "bad \xff\xfe utf8 \xc3", strings.Repeat("word ", 400), strings.Repeat("x", 3000),
	// words with non-ASCII letters across ID's 1,024-byte buffer
	strings.Repeat("a", 1020) + "ÉTÉ b", strings.Repeat("a", 4094) + "ÉTÉ b", strings.Repeat("b", 5000) + "Ü", strings.Repeat("ab ", 340) + "XYZÀBC" + strings.Repeat("Ü", 600) + " end",
	// eight-byte runs of letters and single spaces, capitals, spaces at their edges
	"The Cat sat On the MAT and ran Away quickly   then  Stopped at ZZ zz AZaz@[`{ end", " Leading spaceX yZ " + strings.Repeat("Ab Cd Ef ", 600),
	strings.Repeat("Q", 2000) + "\xff" + strings.Repeat("q", 1500), "x" + strings.Repeat("é", 700) + "x",
}

// TestID checks ID against its definition and that copies differing in
// case, spacing and punctuation share an id.
func TestID(t *testing.T) {
	for _, s := range idSeeds {
		if got, want := pipeline.ID(s), refID(s); got != want {
			t.Errorf("ID(%.40q) = %s, want %s", s, got, want)
		}
	}
	if a, b := pipeline.ID("Russia fired missiles."), pipeline.ID("RUSSIA  fired\nmissiles"); a != b {
		t.Errorf("ids differ: %s %s", a, b)
	}
}

// FuzzID checks ID against its definition on any text.
func FuzzID(f *testing.F) {
	for _, s := range idSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		if got, want := pipeline.ID(s), refID(s); got != want {
			t.Errorf("ID(%q) = %s, want %s", s, got, want)
		}
	})
}

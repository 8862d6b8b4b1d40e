package text_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/text"
)

func TestLexicon(t *testing.T) {
	words := map[string]int{"don't": 1, "release": 2, "états": 3, "u.s.": 4, "i'm": 5, "straße": 6}
	for i := range 3000 { // enough words to make probes collide
		words["w"+strings.Repeat("x", i%13)+string(rune('a'+i%26))+string(rune('a'+i/26%26))] = 100 + i
	}
	l := text.NewLexicon(words)
	if l.Len() != len(words) {
		t.Fatalf("Len = %d, want %d", l.Len(), len(words))
	}
	for _, c := range []struct {
		in   string
		want int
	}{
		{"don't", 1}, {"Don’t", 1}, {"DON'T", 1}, {"release", 2}, {"Released", 0}, {"ÉTATS", 3},
		{"U.S.", 4}, {"I’m", 5}, {"Straße", 6}, {"", 0}, {"relea", 0}, {"\xff\xfe", 0},
		{strings.Repeat("a", 1000), 0},
	} {
		got, ok := l.Get(c.in)
		if ok != (c.want != 0) || got != c.want {
			t.Errorf("Get(%q) = %d, %v; want %d", c.in, got, ok, c.want)
		}
	}
	for w, v := range words {
		if got, ok := l.Get(strings.ToUpper(w)); !ok || got != v {
			t.Errorf("Get(%q) = %d, %v; want %d", strings.ToUpper(w), got, ok, v)
		}
	}
}

// FuzzWordFilter checks that the filter has no false negatives: a word
// added (folded) is always reported as possibly present, however cased.
// FuzzLexiconWords checks that a lexicon's words come in sorted order,
// which callers index their values by, whatever the words: shared
// prefixes of eight bytes and more, zero bytes, prefixes of one another.
func FuzzLexiconWords(f *testing.F) {
	f.Add("a b ab abc abcdefgh abcdefghi abcdefgg abcdefgh\x00 a\x00 \xff é z")
	f.Add("international internationale internationally intern")
	var many strings.Builder // distinct words sharing their first bytes
	for i := range 120 {
		fmt.Fprintf(&many, "internat%d internationa%c\x00%d ", i*7919%1000, 'a'+i%26, i)
	}
	f.Add(many.String())
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		m := map[string]bool{}
		for _, w := range strings.Split(s, " ") {
			m[w] = true
		}
		// and enough words to sort them as a large lexicon's: every run of
		// up to 12 bytes
		for i := range len(s) {
			for _, n := range []int{1, 3, 8, 9, 12} {
				m[s[i:min(i+n, len(s))]] = true
			}
		}
		want := slices.Sorted(maps.Keys(m))
		if got := text.NewLexicon(m).Words(); !slices.Equal(got, want) {
			t.Errorf("Words() = %q, want %q", got, want)
		}
	})
}

func FuzzWordFilter(f *testing.F) {
	for _, s := range []string{"release", "Don’t", "ÉTATS", "a", "x-ray", "’s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w == "" || len(w) > 256 {
			t.Skip()
		}
		var fl text.WordFilter
		folded := string(text.AppendFold(nil, w))
		fl.Add(folded)
		if !fl.MayHave(w) || !fl.MayHave(folded) {
			t.Errorf("filter misses %q (folded %q)", w, folded)
		}
		if text.IsASCII(w) && !fl.HasASCII(w) {
			t.Errorf("HasASCII misses %q (folded %q)", w, folded)
		}
		// For an ASCII word, HasASCII answers as MayHave does.
		var other text.WordFilter
		other.Add("release")
		if text.IsASCII(w) && other.HasASCII(w) != other.MayHave(w) {
			t.Errorf("HasASCII(%q) = %v, MayHave %v", w, other.HasASCII(w), other.MayHave(w))
		}
		l := text.NewLexicon(map[string]bool{folded: true})
		if _, ok := l.Get(w); !ok {
			t.Errorf("lexicon misses %q (folded %q)", w, folded)
		}
	})
}

// vocabLexicons are three lexicons sharing some words, as stages' do.
func vocabLexicons() (*text.Lexicon[int], *text.Lexicon[string], *text.Lexicon[bool]) {
	a := text.NewLexicon(map[string]int{"the": 1, "release": 2, "don't": 3, "états": 4, "u.s.": 5})
	b := text.NewLexicon(map[string]string{"release": "r", "prisoners": "p", "1,300": "n", "—": "dash"})
	c := text.NewLexicon(map[string]bool{"said": true, "the": true, strings.Repeat("long", 10): true})
	return a, b, c
}

// checkTagged checks that each lexicon answers for every token of s from
// the tags of vocab v as Get answers for the token's text.
func checkTagged(t *testing.T, s string) {
	a, b, c := vocabLexicons()
	v := text.Join(a, b, c)
	doc := &article.Doc{}
	doc.Rec.Text = s
	doc.Tokens = text.Tokenize(s)
	v.Tag(doc)
	if !a.Joined(doc) || !b.Joined(doc) || !c.Joined(doc) {
		t.Fatal("lexicons not joined to the vocab that tagged the doc")
	}
	for i := range doc.Tokens {
		w := doc.TokenText(i)
		if got, ok := a.Token(doc, i); func() bool { want, wok := a.Get(w); return got != want || ok != wok }() {
			t.Errorf("a.Token(%q) = %v, %v", w, got, ok)
		}
		if got, ok := b.Token(doc, i); func() bool { want, wok := b.Get(w); return got != want || ok != wok }() {
			t.Errorf("b.Token(%q) = %v, %v", w, got, ok)
		}
		if got, ok := c.Token(doc, i); func() bool { want, wok := c.Get(w); return got != want || ok != wok }() {
			t.Errorf("c.Token(%q) = %v, %v", w, got, ok)
		}
	}
	// a doc tagged by another vocab is looked up word by word
	other := text.Join(text.NewLexicon(map[string]int{"x": 1}))
	other.Tag(doc)
	if a.Joined(doc) {
		t.Fatal("a reads the tags of a vocab it is not in")
	}
	for i := range doc.Tokens {
		got, ok := a.Token(doc, i)
		if want, wok := a.Get(doc.TokenText(i)); got != want || ok != wok {
			t.Errorf("a.Token(%q) = %v, %v on a doc of another vocab", doc.TokenText(i), got, ok)
		}
	}
}

var vocabSeeds = []string{
	"The RELEASE of 1,300 prisoners — don’t, DON'T, États, u.s. U.S. said",
	"", "the", strings.Repeat("long", 10) + " " + strings.ToUpper(strings.Repeat("long", 10)), "bad \xff\xfe the",
}

// TestVocab checks that joined lexicons answer from a document's tags
// exactly as they answer a look-up of the token's text.
func TestVocab(t *testing.T) {
	for _, s := range vocabSeeds {
		checkTagged(t, s)
	}
}

// FuzzVocab is TestVocab on any text.
func FuzzVocab(f *testing.F) {
	for _, s := range vocabSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			t.Skip()
		}
		checkTagged(t, s)
	})
}

// TestVocabLarge checks that a lexicon too large to join is left out and
// still answers for tokens by looking them up.
func TestVocabLarge(t *testing.T) {
	m := map[string]int{}
	for i := range 70000 {
		m[strings.Repeat("z", i%7+1)+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676%26))+string(rune('a'+i/17576%26))] = i + 1
	}
	m["release"] = -1
	big := text.NewLexicon(m)
	small := text.NewLexicon(map[string]int{"release": 7})
	v := text.Join(big, small)
	doc := &article.Doc{}
	doc.Rec.Text = "The RELEASE of zaaaa"
	doc.Tokens = text.Tokenize(doc.Rec.Text)
	v.Tag(doc)
	if big.Joined(doc) || !small.Joined(doc) {
		t.Fatalf("joined: big %v small %v; want false, true", big.Joined(doc), small.Joined(doc))
	}
	if got, ok := big.Token(doc, 1); !ok || got != -1 {
		t.Errorf("big.Token(RELEASE) = %d, %v", got, ok)
	}
	if got, ok := small.Token(doc, 1); !ok || got != 7 {
		t.Errorf("small.Token(RELEASE) = %d, %v", got, ok)
	}
}

// FuzzIsASCII checks IsASCII against a plain byte loop.
func FuzzIsASCII(f *testing.F) {
	for _, s := range []string{"", "A", "Hello, WORLD! @[`{", "ÀÉÎ Ünïcödé MIXED text 12345678", "\xff\xfeABCDEFGHIJKLMNOPQRSTUVWXYZabc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		if got := text.IsASCII(s); got != ascii {
			t.Errorf("IsASCII(%q) = %v", s, got)
		}
	})
}

// TestLexiconShortWords checks the order of a large lexicon of short
// words, whose last bytes of eight are all zero.
func TestLexiconShortWords(t *testing.T) {
	m := map[string]bool{}
	for i := range 2000 {
		m[fmt.Sprint(i*7919%10007)] = true
	}
	want := slices.Sorted(maps.Keys(m))
	if got := text.NewLexicon(m).Words(); !slices.Equal(got, want) {
		t.Errorf("Words() not sorted: %q…", got[:10])
	}
}

// TestWordSet checks that NewWordSet finds every word of its list, as
// written in a text, and no other.
func TestWordSet(t *testing.T) {
	words := []string{"said", "release", "don't", "états", "u.s."}
	for i := range 1000 {
		words = append(words, fmt.Sprintf("w%dx", i))
	}
	l := text.NewWordSet(slices.Clone(words))
	if !slices.IsSorted(l.Words()) || l.Len() != len(words) {
		t.Fatalf("Words() unsorted or Len = %d, want %d", l.Len(), len(words))
	}
	for _, w := range append(words, "Said", "RELEASE", "W17X") {
		if _, ok := l.Get(w); !ok {
			t.Errorf("Get(%q): not found", w)
		}
	}
	for _, w := range []string{"say", "w1000x", ""} {
		if _, ok := l.Get(w); ok {
			t.Errorf("Get(%q): found", w)
		}
	}
}

// TestVocabSharedPrefixes joins lexicons whose words share their first
// eight bytes and more, spread over both, and checks every word's tags.
func TestVocabSharedPrefixes(t *testing.T) {
	a, b := map[string]int{}, map[string]int{}
	var all strings.Builder
	for i := range 400 {
		w := fmt.Sprintf("international%c%d", 'a'+i%26, i)
		if i%3 != 0 {
			a[w] = i + 1
		}
		if i%2 == 0 {
			b[w] = -i - 1
		}
		all.WriteString(w + " ")
	}
	a["internat"], b["internationally"] = 1000, 1001
	all.WriteString("internat internationally international")
	la, lb := text.NewLexicon(a), text.NewLexicon(b)
	v := text.Join(la, lb)
	doc := &article.Doc{}
	doc.Rec.Text = all.String()
	doc.Tokens = text.Tokenize(doc.Rec.Text)
	v.Tag(doc)
	for i := range doc.Tokens {
		w := doc.TokenText(i)
		for _, l := range []*text.Lexicon[int]{la, lb} {
			got, ok := l.Tagged(doc, i)
			if want, wok := l.Get(w); got != want || ok != wok {
				t.Errorf("Tagged(%q) = %d, %v; want %d, %v", w, got, ok, want, wok)
			}
		}
	}
}

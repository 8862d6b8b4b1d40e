package dedup_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"newsgraph/internal/dedup"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

const story = `Finland and Estonia agreed on Tuesday to build a second undersea power cable across the Gulf of Finland, three weeks after the only existing link was damaged, officials in Helsinki said.
Finnish Prime Minister Petteri Orpo and Estonian Prime Minister Kristen Michal signed the agreement in Tallinn. The project will cost about 450 million euros, and the European Union has offered to pay 40% of it, according to the European Commission.
"We cannot leave our electricity supply at the mercy of a single cable," Orpo told reporters after the signing. "This is about security as much as it is about energy."
Michal said the two governments had also discussed closer patrols of the Baltic Sea with NATO.`

const other = `The central bank raised its main interest rate by a quarter of a percentage point on Thursday, its third increase this year, saying inflation was still too high.
Economists had expected the move after figures last week showed consumer prices rising at an annual rate of 4.2% in March, driven by food and energy costs.
The governor told a news conference that the bank was ready to act again if needed, but that wage growth had begun to slow.`

func TestDuplicate(t *testing.T) {
	a := dedup.Compute(story)
	t.Run("Identical", func(t *testing.T) {
		b := dedup.Compute(story)
		if dup, j := dedup.Duplicate(&a, &b); !dup || j != 1 {
			t.Errorf("identical texts: dup=%v j=%.2f, want true 1", dup, j)
		}
	})
	t.Run("DifferentBoilerplate", func(t *testing.T) {
		copy := "By Staff Reporter\n" + strings.ToUpper(story[:40]) + story[40:] + "\n(RELATED: Baltic States Cut Last Power Links)\nRead the full article here"
		b := dedup.Compute(copy)
		if dup, j := dedup.Duplicate(&a, &b); !dup {
			t.Errorf("syndicated copy not found: j=%.2f", j)
		}
	})
	t.Run("Abridged", func(t *testing.T) {
		cut := story[:strings.LastIndex(story, "\n")]
		cut = cut[:strings.LastIndex(cut, "\n")]
		b := dedup.Compute(cut)
		if dup, j := dedup.Duplicate(&a, &b); !dup {
			t.Errorf("abridged copy not found: j=%.2f c=%.2f", j, dedup.Containment(&a, &b, j))
		}
	})
	t.Run("OtherStory", func(t *testing.T) {
		b := dedup.Compute(other)
		if dup, j := dedup.Duplicate(&a, &b); dup || j > 0.1 {
			t.Errorf("different stories: dup=%v j=%.2f", dup, j)
		}
	})
	t.Run("TooShort", func(t *testing.T) {
		b, c := dedup.Compute("Markets closed higher."), dedup.Compute("Markets closed higher.")
		if dup, _ := dedup.Duplicate(&b, &c); dup || b.Comparable() || len(b.BandKeys()) != 0 {
			t.Errorf("one-line texts should not be compared")
		}
	})
	t.Run("EncodeDecode", func(t *testing.T) {
		b, err := dedup.Decode(a.Encode())
		if err != nil || b != a {
			t.Errorf("round trip: %v", err)
		}
		if _, err := dedup.Decode([]byte("xx")); err == nil {
			t.Error("Decode of short bytes: want error")
		}
	})
}

func TestIndex(t *testing.T) {
	x := dedup.NewIndex()
	if _, ok := x.Add("a", dedup.Compute(story)); ok {
		t.Fatal("first text matched")
	}
	if _, ok := x.Add("b", dedup.Compute(other)); ok {
		t.Fatal("other story matched")
	}
	m, ok := x.Add("c", dedup.Compute(story+"\nRead the full article here"))
	if !ok || m.Of != "a" {
		t.Fatalf("copy: got %+v %v, want of a", m, ok)
	}
	// A copy of the copy points at the original.
	m, ok = x.Add("d", dedup.Compute(story+"\nRead the full article here\nSign up for our newsletter"))
	if !ok || m.Of != "a" {
		t.Fatalf("copy of copy: got %+v %v, want of a", m, ok)
	}
}

// TestBBC measures the pairs found on the BBC corpus against its two
// derived lists: identical texts (after normalisation) and same-headline
// texts that differ. Run with -v to see the figures.
func TestBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide measurement")
	}
	shared := testutil.SharedDir(t)
	news := filepath.Join(shared, "corpora", "news")
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	// cluster of each file: its story's first file.
	var files []string
	cluster := map[string]string{}
	byID := map[string]string{}
	x := dedup.NewIndex()
	err = p.Run(context.Background(), ingest.Reader{}.Paths([]string{filepath.Join(news, "bbc")}, nil), 1, func(r pipeline.Result) error {
		if r.Err != nil || !strings.HasSuffix(r.Origin, ".txt") || strings.HasSuffix(r.Origin, "README.TXT") {
			return nil
		}
		f, _ := filepath.Rel(news, r.Origin)
		files = append(files, f)
		if first, ok := byID[r.Record.ID]; ok {
			cluster[f] = cluster[first]
			return nil
		}
		byID[r.Record.ID] = f
		cluster[f] = f
		if m, ok := x.Add(f, dedup.Compute(r.Record.Text)); ok {
			cluster[f] = m.Of
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	found := map[[2]string]bool{}
	members := map[string][]string{}
	for _, f := range files {
		members[cluster[f]] = append(members[cluster[f]], f)
	}
	for _, m := range members {
		addPairs(found, m)
	}
	exact, near := map[[2]string]bool{}, map[[2]string]bool{}
	readGroups(t, filepath.Join(news, "bbc_duplicate_groups.tsv"), exact)
	readGroups(t, filepath.Join(news, "bbc_same_title_not_identical.tsv"), near)
	gold := map[[2]string]bool{}
	for k := range exact {
		gold[k] = true
	}
	for k := range near {
		gold[k] = true
	}
	tp := 0
	var extra []string
	for k := range found {
		if gold[k] {
			tp++
		} else {
			extra = append(extra, k[0]+" "+k[1])
		}
	}
	recall := func(g map[[2]string]bool) string {
		n := 0
		for k := range g {
			if found[k] {
				n++
			}
		}
		return fmt.Sprintf("%d/%d", n, len(g))
	}
	sort.Strings(extra)
	t.Logf("files %d, pairs found %d, in the lists %d; recall identical %s, same-title %s", len(files), len(found), tp, recall(exact), recall(near))
	t.Logf("dedup P=%.3f R=%.3f (against the union of the two lists)", float64(tp)/float64(max(len(found), 1)), float64(tp)/float64(max(len(gold), 1)))
	for _, e := range extra {
		t.Logf("pair not in the lists: %s", e)
	}
	if got := recall(exact); got != fmt.Sprintf("%d/%d", len(exact), len(exact)) {
		t.Errorf("identical texts: found %s", got)
	}
}

func addPairs(set map[[2]string]bool, files []string) {
	sort.Strings(files)
	for i := range files {
		for j := i + 1; j < len(files); j++ {
			set[[2]string{files[i], files[j]}] = true
		}
	}
}

func readGroups(t *testing.T, path string, set map[[2]string]bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 2 || strings.HasPrefix(cols[0], "#") || cols[1] == "files" {
			continue
		}
		addPairs(set, strings.Fields(cols[1]))
	}
}

// TestComputeStable pins signatures: stores keep them, and a signature
// computed by another build must compare with them.
func TestComputeStable(t *testing.T) {
	for _, c := range []struct{ text, sha string }{
		{"one two three four five six seven eight nine", "1d253a5141890b5f9293bfa9c8ca994c9fbb39cacbf65f3bb1fd43394c249701"},
		{"one two three four five six seven eight nine ten eleven", "cc170d9ae0809fb2004b6dda90df12dd0e50879cc8c1b79ff3f957dc9ef0a821"},
		{strings.Repeat("Finland and Estonia agreed on Tuesday to build a second undersea power cable, officials said. ", 7), "ff075cb6f529d791b22dec0de3c6542900e640272e2f3179f7e510ef6560b94d"},
		{"Ünïcödé wörds – “quoted” 1,234 and 5.6% of ÄÖÜ were here; twice: Ünïcödé wörds – “quoted” 1,234 and 5.6%", "fbfa3a0ff450e574fa61249c5fcd5caa9d3e8b4dd0ffa44c47272d49b6d9304b"},
	} {
		s := dedup.Compute(c.text)
		if got := fmt.Sprintf("%x", sha256.Sum256(s.Encode())); got != c.sha {
			t.Errorf("signature of %.30q… changed: sha256 %s, want %s", c.text, got, c.sha)
		}
	}
}

// TestEstimate checks the Jaccard estimate against the exact similarity
// of the shingle sets, over pairs of texts that share a known part, from
// short texts (few shingles, most bins filled by densification) to long.
func TestEstimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return fmt.Sprintf("w%d", rng.IntN(1_000_000)) }
	text := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = word()
		}
		return w
	}
	shingles := func(w []string) map[string]bool {
		set := map[string]bool{}
		for i := 0; i+dedup.Shingle <= len(w); i++ {
			set[strings.Join(w[i:i+dedup.Shingle], " ")] = true
		}
		return set
	}
	for _, size := range []int{20, 60, 200, 800} {
		var sumErr, sumBias float64
		const pairs = 200
		for range pairs {
			shared := text(rng.IntN(size) + 1)
			a := append(append(text(rng.IntN(size/2)), shared...), text(rng.IntN(size/2))...)
			b := append(append(text(rng.IntN(size/2)), shared...), text(rng.IntN(size/2))...)
			sa, sb := shingles(a), shingles(b)
			inter := 0
			for k := range sa {
				if sb[k] {
					inter++
				}
			}
			exact := float64(inter) / float64(len(sa)+len(sb)-inter)
			x, y := dedup.Compute(strings.Join(a, " ")), dedup.Compute(strings.Join(b, " "))
			if !x.Comparable() || !y.Comparable() {
				continue
			}
			est := dedup.Jaccard(&x, &y)
			sumErr += math.Abs(est - exact)
			sumBias += est - exact
		}
		mae, bias := sumErr/pairs, sumBias/pairs
		t.Logf("texts of ~%d words: mean error %.3f, bias %+.3f", size, mae, bias)
		// K = 128 positions: the standard error at J = 0.5 is 0.044.
		if mae > 0.05 || math.Abs(bias) > 0.02 {
			t.Errorf("texts of ~%d words: mean error %.3f, bias %+.3f; want under 0.05 and 0.02", size, mae, bias)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	text := strings.Repeat(story+"\n", 2)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		dedup.Compute(text)
	}
}

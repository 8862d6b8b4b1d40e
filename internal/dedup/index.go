package dedup

// Index finds near-duplicates among texts held in memory, in the order
// they are added: each text is linked to the first-seen original of the
// best earlier match. The store keeps the same index in its tables; Index
// serves evaluation and small batches. It is not safe for concurrent use.
type Index struct {
	bands map[int64][]int
	sigs  []Sig
	roots []int
	ids   []string
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{bands: map[int64][]int{}} }

// Match is the result of Add for a text that copies an earlier one.
type Match struct {
	// Of is the id of the original (the first text of the story).
	Of string
	// Similar is the id of the text it matched best, and Jaccard the
	// estimated similarity to it.
	Similar string
	Jaccard float64
}

// Add adds the text with id and signature sig and returns its match, or
// ok false when it copies no earlier text.
func (x *Index) Add(id string, sig Sig) (m Match, ok bool) {
	n := len(x.sigs)
	best, bestJ := -1, 0.0
	keys := sig.BandKeys()
	seen := map[int]bool{}
	for _, k := range keys {
		for _, c := range x.bands[k] {
			if seen[c] {
				continue
			}
			seen[c] = true
			if dup, j := Duplicate(&sig, &x.sigs[c]); dup && (j > bestJ || j == bestJ && c < best) {
				best, bestJ = c, j
			}
		}
	}
	root := n
	if best >= 0 {
		root = x.roots[best]
		m, ok = Match{Of: x.ids[root], Similar: x.ids[best], Jaccard: bestJ}, true
	}
	x.sigs = append(x.sigs, sig)
	x.roots = append(x.roots, root)
	x.ids = append(x.ids, id)
	for _, k := range keys {
		x.bands[k] = append(x.bands[k], n)
	}
	return m, ok
}

package clean

import (
	"strings"
	"unicode"
)

// The auto engine combines two extractors paragraph by paragraph. A
// paragraph is shared when most of its word 3-grams appear in the other
// engine's text. The result is the primary engine's paragraphs from its
// first shared paragraph to its last (paragraphs only it found at the
// head or tail of the page are dropped: they are where navigation,
// newsletter boxes and related links sit), with the secondary engine's
// paragraphs that only it found inserted where they fall between shared
// ones (a gap in the primary's text).

// para is a paragraph of an engine's text with its shingle hashes.
type para struct {
	text     string
	shingles []uint64
	shared   bool
	match    int // for the secondary's paragraphs: the primary paragraph it matches, or -1
}

// sharedShare is the share of a paragraph's shingles the other text must
// hold for the paragraph to count as shared.
const sharedShare = 0.5

// maxTrimShare is the largest share of the primary's text that trimming
// its head and tail may remove; past it the engines disagree too much and
// the primary is kept whole.
const maxTrimShare = 0.5

// combine merges primary and secondary engine texts as described above.
func combine(primary, secondary string) string {
	if strings.TrimSpace(secondary) == "" {
		return primary
	}
	if strings.TrimSpace(primary) == "" {
		return secondary
	}
	p, s := paragraphs(primary), paragraphs(secondary)
	pIndex := map[uint64]int{}
	for i := range p {
		for _, h := range p[i].shingles {
			if _, ok := pIndex[h]; !ok {
				pIndex[h] = i
			}
		}
	}
	sSet := map[uint64]bool{}
	for i := range s {
		for _, h := range s[i].shingles {
			sSet[h] = true
		}
	}
	first, last := -1, -1
	for i := range p {
		n := 0
		for _, h := range p[i].shingles {
			if sSet[h] {
				n++
			}
		}
		if len(p[i].shingles) > 0 && float64(n) >= sharedShare*float64(len(p[i].shingles)) {
			p[i].shared = true
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return primary
	}
	votes := map[int]int{}
	for j := range s {
		s[j].match = -1
		clear(votes)
		for _, h := range s[j].shingles {
			if i, ok := pIndex[h]; ok {
				votes[i]++
			}
		}
		best, bestN, total := -1, 0, 0
		for i, n := range votes {
			total += n
			if n > bestN || n == bestN && i < best {
				best, bestN = i, n
			}
		}
		if len(s[j].shingles) > 0 && float64(total) >= sharedShare*float64(len(s[j].shingles)) {
			s[j].shared = true
			s[j].match = best
		}
	}
	// trim the primary's unshared head and tail, unless that is most of it
	kept, all := 0, 0
	for i := range p {
		all += len(p[i].text)
		if i >= first && i <= last {
			kept += len(p[i].text)
		}
	}
	if float64(all-kept) > maxTrimShare*float64(all) {
		first, last = 0, len(p)-1
	}
	// secondary-only paragraphs between two shared ones go after the
	// primary paragraph matching the shared one before them
	inserts := map[int][]string{}
	prev := -1
	for j := range s {
		if s[j].shared {
			prev = s[j].match
			continue
		}
		if prev < first || prev > last || prev < 0 {
			continue
		}
		next := -1
		for k := j + 1; k < len(s); k++ {
			if s[k].shared {
				next = s[k].match
				break
			}
		}
		if next < 0 || next < prev {
			continue
		}
		inserts[prev] = append(inserts[prev], s[j].text)
	}
	var sb strings.Builder
	for i := first; i <= last; i++ {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(p[i].text)
		for _, t := range inserts[i] {
			sb.WriteString("\n\n")
			sb.WriteString(t)
		}
	}
	return sb.String()
}

// paragraphs splits an engine's rendered text at blank lines and hashes
// each paragraph's lower-cased word 3-grams (one hash of all its words
// when it has fewer).
func paragraphs(s string) []para {
	var out []para
	var words []string
	for chunk := range strings.SplitSeq(s, "\n\n") {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" {
			continue
		}
		words = words[:0]
		for w := range strings.FieldsFuncSeq(chunk, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			words = append(words, strings.ToLower(w))
		}
		p := para{text: chunk}
		const n = 3
		if len(words) > 0 && len(words) < n {
			p.shingles = append(p.shingles, fnv64(strings.Join(words, " ")))
		}
		for i := 0; i+n <= len(words); i++ {
			p.shingles = append(p.shingles, fnv64(words[i], words[i+1], words[i+2]))
		}
		out = append(out, p)
	}
	return out
}

// fnv64 is the FNV-1a hash of the words, each followed by a space.
func fnv64(words ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h ^= ' '
		h *= 1099511628211
	}
	return h
}

package kb

import (
	"strings"
)

// Inflector gives the inflected forms of English words, so that a word
// list can name a lemma ("release") and match "releases", "released" and
// "releasing". Regular endings are made by rule; irregular ones come from
// irregular.tsv. It is safe for concurrent use.
type Inflector struct {
	irregular map[string][]string
}

// Inflector reads irregular.tsv (columns lemma, forms) from s.
func (s Source) Inflector() (*Inflector, error) {
	tables, err := s.Tables("irregular.tsv")
	if err != nil {
		return nil, err
	}
	in := &Inflector{irregular: map[string][]string{}}
	for _, t := range tables {
		idx, err := t.Need("lemma", "forms")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			lemma := strings.ToLower(strings.TrimSpace(r.Cells[idx[0]]))
			if lemma == "" {
				return nil, &FormatError{t.Name, r.Line, "empty lemma"}
			}
			for _, f := range Multi(r.Cells[idx[1]]) {
				in.irregular[lemma] = append(in.irregular[lemma], strings.ToLower(f))
			}
		}
	}
	return in, nil
}

// Forms returns w (lower case) followed by its inflected forms: plural or
// third person (-s, -es, -ies), past (-ed, -d, -ied, with a doubled final
// consonant too), present participle (-ing) and any irregular forms. It
// over-generates ("nuclears") rather than miss a form; a form that is no
// English word never occurs in text, so it costs only memory. Words of
// fewer than three letters and words with a space are returned alone.
func (in *Inflector) Forms(w string) []string {
	w = strings.ToLower(w)
	out := []string{w}
	add := func(f string) {
		for _, o := range out {
			if o == f {
				return
			}
		}
		out = append(out, f)
	}
	if in != nil {
		for _, f := range in.irregular[w] {
			add(f)
		}
	}
	n := len(w)
	if n < 3 || strings.ContainsAny(w, " \t") || !isASCIILetter(w[n-1]) {
		return out
	}
	last, prev := w[n-1], w[n-2]
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		add(w + "es")
	case last == 'y' && !isVowel(prev):
		add(w[:n-1] + "ies")
	default:
		add(w + "s")
	}
	switch {
	case last == 'e':
		add(w + "d")
		if prev == 'e' || prev == 'y' || prev == 'o' {
			add(w + "ing") // agreeing, dyeing
		} else {
			add(w[:n-1] + "ing")
		}
	case last == 'y' && !isVowel(prev):
		add(w[:n-1] + "ied")
		add(w + "ing")
	default:
		add(w + "ed")
		add(w + "ing")
		// ban → banned, banning; the doubled form is made for any word
		// ending consonant-vowel-consonant, since stress cannot be told.
		if !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(prev) && !isVowel(w[n-3]) {
			add(w + string(last) + "ed")
			add(w + string(last) + "ing")
		}
	}
	return out
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' }

package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Verbs is a verbs dictionary: synonym sets and verb blocks.
type Verbs struct {
	// Synsets maps "&NAME" (upper case, without a trailing "_") to its
	// member phrases, regular plurals included. Members may name other
	// synsets ("&TIETYPES"); Expand resolves them.
	Synsets map[string][]Phrase
	Blocks  []Block
}

// Block is a set of verbs that share patterns.
type Block struct {
	Name string
	// Code is the block's primary code: the code of its verbs when no
	// pattern matches and the verb has none of its own. "---" and "" code
	// nothing.
	Code     string
	Verbs    []Verb
	Patterns []Pattern
	Line     int
}

// Verb is one verb of a block. A multi-word verb ("BREAK DOWN", "WIRE
// TAP") has its fixed words before (Pre) and after (Post) the inflected
// head word.
type Verb struct {
	Head      string
	Pre, Post []string
	// Forms are the surface forms of the head word: the regular ones
	// (S, ED, ING) and those listed in {…}.
	Forms []string
	// Code is the verb's own code, overriding the block's; "" when none.
	Code string
	Line int
}

// ElemKind is the kind of a pattern element.
type ElemKind uint8

// Pattern element kinds.
const (
	EWord     ElemKind = iota + 1 // a literal word
	ESynset                       // &NAME
	EVerb                         // * (the verb itself)
	ESource                       // $ the source actor
	ETarget                       // + the target actor
	ECompound                     // % a compound actor, coded both ways
	ESkip                         // ^ an actor to skip
)

// Elem is one element of a pattern. Loose is set when other words may
// come between this element and the one written before it.
type Elem struct {
	Kind  ElemKind
	Word  string // the word (lower case) or the synset name (upper case, with &)
	Loose bool
}

// Pattern is "- WORDS * WORDS [CODE]": Elems in written order, Verb the
// index of the "*" element.
type Pattern struct {
	Elems []Elem
	Verb  int
	Code  string
	Text  string
	Line  int
}

// ReadVerbs reads a verbs dictionary.
func ReadVerbs(r io.Reader, name string) (*Verbs, error) {
	ls, err := lines(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	v := &Verbs{Synsets: map[string][]Phrase{}}
	var syn string // current synset, if any
	noPlural := false
	block := -1
	for n, raw := range ls {
		l := strings.TrimSpace(cutComment(raw))
		if l == "" {
			syn = ""
			continue
		}
		switch {
		case strings.HasPrefix(l, "---"):
			syn = ""
			head := strings.TrimSpace(strings.Trim(l, "-"))
			name, codes := splitCodes(head)
			b := Block{Name: strings.TrimSpace(name), Line: n + 1}
			if len(codes) > 0 {
				b.Code = strings.ToUpper(codes[0])
			}
			v.Blocks = append(v.Blocks, b)
			block = len(v.Blocks) - 1
		case strings.HasPrefix(l, "&"):
			label := strings.ToUpper(strings.Fields(l)[0])
			noPlural = strings.HasSuffix(label, "_")
			syn = strings.TrimSuffix(label, "_")
			if _, ok := v.Synsets[syn]; !ok {
				v.Synsets[syn] = nil
			}
		case strings.HasPrefix(l, "+") && syn != "":
			m := strings.TrimSpace(l[1:])
			p := parsePhrase(m)
			if len(p.Words) == 0 {
				continue
			}
			v.Synsets[syn] = append(v.Synsets[syn], p)
			if !noPlural && !strings.HasSuffix(m, "_") && !strings.HasPrefix(m, "&") {
				q := parsePhrase(m)
				q.Words[len(q.Words)-1] = Plural(q.Words[len(q.Words)-1])
				v.Synsets[syn] = append(v.Synsets[syn], q)
			}
		case strings.HasPrefix(l, "-"):
			if block < 0 {
				continue
			}
			p, ok := ParsePattern(l[1:])
			if !ok {
				continue // disjunctions and other TABARI forms are skipped, as PETRARCH does
			}
			p.Line = n + 1
			v.Blocks[block].Patterns = append(v.Blocks[block].Patterns, p)
		default:
			if block < 0 {
				continue
			}
			verb, ok := parseVerb(l)
			if ok {
				verb.Line = n + 1
				v.Blocks[block].Verbs = append(v.Blocks[block].Verbs, verb)
			}
		}
	}
	return v, nil
}

func (v *Verbs) merge(o *Verbs) {
	for k, p := range o.Synsets {
		v.Synsets[k] = append(v.Synsets[k], p...)
	}
	v.Blocks = append(v.Blocks, o.Blocks...)
}

// Expand returns the phrases of synset name with nested synsets resolved.
func (v *Verbs) Expand(name string) []Phrase {
	return v.expand(strings.ToUpper(strings.TrimSuffix(name, "_")), 0)
}

func (v *Verbs) expand(name string, depth int) []Phrase {
	if depth > 8 {
		return nil
	}
	var out []Phrase
	for _, p := range v.Synsets[name] {
		if len(p.Words) == 1 && strings.HasPrefix(p.Words[0], "&") {
			out = append(out, v.expand(strings.ToUpper(strings.TrimSuffix(p.Words[0], "_")), depth+1)...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// parseVerb reads a verb line: "SAY {SAID}", "+BREAK_DOWN {+BROKE_DOWN}",
// "WIRE_+TAP", "DOWNPLAY [014]".
func parseVerb(l string) (Verb, bool) {
	head, codes := splitCodes(l)
	var v Verb
	if len(codes) > 0 {
		v.Code = strings.ToUpper(codes[0])
	}
	var irregular []string
	if a := strings.IndexByte(head, '{'); a >= 0 {
		inner := head[a+1:]
		if b := strings.IndexByte(inner, '}'); b >= 0 {
			inner = inner[:b]
		}
		irregular = strings.Fields(inner)
		head = head[:a]
	}
	words, at := verbWords(head)
	if len(words) == 0 {
		return v, false
	}
	v.Head = words[at]
	v.Pre = words[:at]
	v.Post = words[at+1:]
	v.Forms = RegularForms(v.Head)
	for _, f := range irregular {
		ws, i := verbWords(f)
		if len(ws) > 0 {
			v.Forms = append(v.Forms, ws[i])
		}
	}
	return v, true
}

// verbWords splits a verb phrase into lower-case words and returns the
// index of the inflected word (marked "+", else the first).
func verbWords(s string) ([]string, int) {
	var words []string
	at := 0
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' }) {
		if strings.HasPrefix(part, "+") {
			part = part[1:]
			at = len(words)
		}
		if part == "" {
			continue
		}
		words = append(words, strings.ToLower(part))
	}
	return words, at
}

// RegularForms returns a verb's regular forms as PETRARCH makes them: the
// base, +S (+ES after S, X, Z, CH, SH; Y → IES after a consonant), +ED (+D
// after E; Y → IED) and +ING (dropping a final E).
func RegularForms(w string) []string {
	w = strings.ToLower(w)
	if w == "" {
		return nil
	}
	out := []string{w}
	n := len(w)
	consY := n > 1 && w[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2]))
	switch {
	case consY:
		out = append(out, w[:n-1]+"ies")
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		out = append(out, w+"es")
	default:
		out = append(out, w+"s")
	}
	switch {
	case w[n-1] == 'e':
		out = append(out, w+"d")
	case consY:
		out = append(out, w[:n-1]+"ied")
	default:
		out = append(out, w+"ed")
	}
	if w[n-1] == 'e' && n > 2 && w[n-2] != 'e' {
		out = append(out, w[:n-1]+"ing")
	} else {
		out = append(out, w+"ing")
	}
	return out
}

// ParsePattern reads the text of a pattern line after its "-": elements,
// then the code in brackets ("* &CURRENCY [903]"). It reports false for a
// pattern without code or "*", or with TABARI disjunctions.
func ParsePattern(s string) (Pattern, bool) {
	body, codes := splitCodes(s)
	if len(codes) == 0 {
		return Pattern{}, false
	}
	p := Pattern{Code: strings.ToUpper(strings.TrimSpace(codes[0])), Text: strings.TrimSpace(s), Verb: -1}
	if strings.ContainsAny(body, "{}|") {
		return p, false
	}
	for _, field := range strings.Fields(body) {
		first := true
		for _, part := range strings.Split(field, "_") {
			if part == "" {
				continue
			}
			e := Elem{Loose: first}
			first = false
			switch part {
			case "*", "**":
				e.Kind = EVerb
			case "$":
				e.Kind = ESource
			case "+":
				e.Kind = ETarget
			case "%":
				e.Kind = ECompound
			case "^":
				e.Kind = ESkip
			default:
				if strings.HasPrefix(part, "&") {
					e.Kind = ESynset
					e.Word = strings.ToUpper(part)
				} else {
					e.Kind = EWord
					e.Word = strings.ToLower(part)
				}
			}
			if e.Kind == EVerb {
				if p.Verb >= 0 {
					return p, false
				}
				p.Verb = len(p.Elems)
			}
			p.Elems = append(p.Elems, e)
		}
	}
	// A space before an element lets words come between it and the one
	// before; the first element of each field gets Loose from the field
	// break, so fix the very first.
	for i := range p.Elems {
		if i == 0 {
			p.Elems[i].Loose = false
		}
	}
	if p.Verb < 0 {
		return p, false
	}
	return p, true
}

// Package petrarch reads the dictionaries of the PETRARCH and TABARI event
// coders, so that event-data users can bring the dictionaries they already
// keep (the open Phoenix dictionaries, or their own) to newsgraph.
//
// Four files are read, each in its own format (documented in the
// petrarch2 repository, docs/source/dictionaries.rst, and in the TABARI
// manual; this reader was written from those descriptions):
//
//   - actors: "PHRASE [CODE]" records with "+SYNONYM" lines and dated codes
//     on tab-indented lines ("[HOBGOV 19950601-19990815]", "[HOB <950601]",
//     "[HOBREB >990816]"); several codes in one record are separated by "/";
//   - agents: "PHRASE {PLURALS} [~CODE]" (code added after the actor's) or
//     "[CODE~]" (before it), with "!NAME! = A, B" substitution sets;
//   - verbs: "&SYNSET" definitions with "+MEMBER" lines, then verb blocks
//     "--- NAME [CODE] ---" listing verbs ("SAY {SAID}", multi-word verbs
//     "+BREAK_DOWN", "WIRE_+TAP") and patterns "- WORDS * WORDS [CODE]";
//   - discards: phrases that stop a sentence (or, with "+", the whole
//     story) from being coded.
//
// In phrases, "_" joins words that must be adjacent and a space lets other
// words come between. Comments are "#" or ";" to the end of a line, and
// "<!-- … -->" spans. Matching is case-insensitive.
package petrarch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Phrase is a sequence of lower-case words. Loose[i] is set when other
// words may come between Words[i-1] and Words[i] (a space in the
// dictionary rather than "_"); Loose[0] is unused.
type Phrase struct {
	Words []string
	Loose []bool
}

// String writes the phrase back in dictionary form.
func (p Phrase) String() string {
	var sb strings.Builder
	for i, w := range p.Words {
		if i > 0 {
			if p.Loose[i] {
				sb.WriteByte(' ')
			} else {
				sb.WriteByte('_')
			}
		}
		sb.WriteString(strings.ToUpper(w))
	}
	return sb.String()
}

// parsePhrase reads "WORD_WORD WORD" into a Phrase. A trailing "_" (which
// in TABARI marks a whole word) is dropped.
func parsePhrase(s string) Phrase {
	var p Phrase
	loose := false
	for _, field := range strings.Fields(s) {
		parts := strings.Split(field, "_")
		first := true
		for _, w := range parts {
			if w == "" {
				continue
			}
			p.Words = append(p.Words, strings.ToLower(w))
			p.Loose = append(p.Loose, loose && first)
			first = false
		}
		loose = true
	}
	if len(p.Loose) > 0 {
		p.Loose[0] = false
	}
	return p
}

// Dict is a set of dictionaries read together.
type Dict struct {
	Actors   []Actor
	Agents   []Agent
	Verbs    *Verbs
	Discards []Discard
	// Files names the files read, in order.
	Files []string
}

// Kind is the kind of a dictionary file.
type Kind string

// Dictionary kinds.
const (
	KindActors   Kind = "actors"
	KindAgents   Kind = "agents"
	KindVerbs    Kind = "verbs"
	KindDiscards Kind = "discards"
)

// ErrKind means the kind of a dictionary file could not be told from its
// name or content.
var ErrKind = errors.New("cannot tell the kind of dictionary (name it actors:FILE, agents:FILE, verbs:FILE or discards:FILE)")

// LoadFiles reads dictionary files into one Dict. A file may be given as
// "KIND:PATH" (actors, agents, verbs, discards); otherwise its kind is
// guessed from its name (".actors", "agents", "verbs", "discards") and
// then from its content.
func LoadFiles(paths ...string) (*Dict, error) {
	d := &Dict{}
	for _, p := range paths {
		kind := Kind("")
		if k, rest, ok := strings.Cut(p, ":"); ok {
			switch Kind(strings.ToLower(k)) {
			case KindActors, KindAgents, KindVerbs, KindDiscards:
				kind, p = Kind(strings.ToLower(k)), rest
			}
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read dictionary: %w", err)
		}
		if kind == "" {
			kind = GuessKind(p, string(b))
		}
		if err := d.Add(kind, strings.NewReader(string(b)), p); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Add reads one dictionary of the given kind into d.
func (d *Dict) Add(kind Kind, r io.Reader, name string) error {
	var err error
	switch kind {
	case KindActors:
		var a []Actor
		a, err = ReadActors(r, name)
		d.Actors = append(d.Actors, a...)
	case KindAgents:
		var a []Agent
		a, err = ReadAgents(r, name)
		d.Agents = append(d.Agents, a...)
	case KindVerbs:
		var v *Verbs
		v, err = ReadVerbs(r, name)
		if err == nil {
			if d.Verbs == nil {
				d.Verbs = v
			} else {
				d.Verbs.merge(v)
			}
		}
	case KindDiscards:
		var ds []Discard
		ds, err = ReadDiscards(r, name)
		d.Discards = append(d.Discards, ds...)
	default:
		return fmt.Errorf("%s: %w", name, ErrKind)
	}
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	return nil
}

// GuessKind tells a dictionary's kind from its file name, then from its
// content: verb blocks ("--- X ---") make a verbs file, "[~" or "~]" codes
// an agents file, bracketed codes an actors file, and plain phrases a
// discard list.
func GuessKind(name, content string) Kind {
	low := strings.ToLower(name)
	for _, k := range []Kind{KindVerbs, KindActors, KindAgents, KindDiscards} {
		if strings.Contains(low, string(k)) {
			return k
		}
	}
	if strings.Contains(low, "discard") {
		return KindDiscards
	}
	body := stripComments(content)
	switch {
	case strings.Contains(body, "\n---") || strings.HasPrefix(body, "---"):
		return KindVerbs
	case strings.Contains(body, "[~") || strings.Contains(body, "~]"):
		return KindAgents
	case strings.Contains(body, "["):
		return KindActors
	}
	return KindDiscards
}

// stripComments removes <!-- … --> spans from a whole file.
func stripComments(s string) string {
	if !strings.Contains(s, "<!") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.Index(s, "<!")
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:i])
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			// "<! -- …" or an unterminated comment: drop to the line's end
			k := strings.IndexByte(s[i:], '\n')
			if k < 0 {
				return sb.String()
			}
			s = s[i+k:]
			continue
		}
		// keep the line count so errors point at the right line
		sb.WriteString(strings.Repeat("\n", strings.Count(s[i:i+j], "\n")))
		s = s[i+j+3:]
	}
}

// cutComment removes a "#" or ";" comment from a line.
func cutComment(line string) string {
	if i := strings.IndexAny(line, "#;"); i >= 0 {
		line = line[:i]
	}
	return line
}

// lines returns the file's lines with XML comments removed, each with its
// line number.
func lines(r io.Reader) ([]string, error) {
	var b strings.Builder
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		b.WriteString(sc.Text())
		b.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return strings.Split(stripComments(b.String()), "\n"), nil
}

// FormatError reports a line a reader cannot understand.
type FormatError struct {
	File string
	Line int
	Msg  string
}

func (e *FormatError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Discard is a phrase that stops coding: of its sentence, or of the whole
// story when Story is set. Exact phrases must end at a word boundary;
// others match as a stem ("BASEBALL" matches "baseballs").
type Discard struct {
	Words []string
	Story bool
	Exact bool
}

// ReadDiscards reads a discard list.
func ReadDiscards(r io.Reader, name string) ([]Discard, error) {
	ls, err := lines(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var out []Discard
	for _, l := range ls {
		l = strings.TrimSpace(cutComment(l))
		if l == "" {
			continue
		}
		d := Discard{}
		if strings.HasPrefix(l, "+") {
			d.Story = true
			l = strings.TrimSpace(l[1:])
		}
		if strings.HasSuffix(l, "_") {
			d.Exact = true
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return r == ' ' || r == '_' || r == '\t' }) {
			d.Words = append(d.Words, w)
		}
		if len(d.Words) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

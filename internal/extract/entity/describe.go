package entity

import (
	"slices"
	"strings"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
)

// description is a noun that describes an organisation ("company",
// "grid operator", "ministry"), from the rows of class description of
// entity_words.tsv.
type description struct {
	// kinds are the organisation kinds it fits; the first is given to a
	// name it types ("the grid operator Elering": a company).
	kinds []string
	// names are words of the names it fits whatever their kind ("the
	// ministry": any organisation called Ministry of …).
	names []string
}

func newDescription(q kb.Cue) *description {
	d := &description{kinds: kb.Multi(q.Value)}
	for _, w := range kb.Multi(q.Code) {
		d.names = append(d.names, kb.NormPhrase(w))
	}
	return d
}

// kindDocument is the value of descriptions of documents ("the report"),
// which stand for the organisation whose document was named before.
const kindDocument = "document"

// document reports a description of a document.
func (d *description) document() bool { return len(d.kinds) > 0 && d.kinds[0] == kindDocument }

// kind returns the kind given to a name the description types.
func (d *description) kind() string {
	if len(d.kinds) > 0 {
		return d.kinds[0]
	}
	return ""
}

// fits reports whether the description fits an organisation of the kind
// whose name in lookup form key gives.
func (d *description) fits(kind string, key func() string) bool {
	if kind != "" && slices.Contains(d.kinds, kind) || kind == "" && len(d.kinds) > 0 && d.kinds[0] != kindDocument {
		return true // an organisation of no known kind may be any
	}
	if len(d.names) == 0 {
		return false
	}
	for _, w := range d.names {
		if hasWord(key(), w) {
			return true
		}
	}
	return false
}

// hasWord reports whether the words of name (lookup form) hold w.
func hasWord(name, w string) bool {
	for i := 0; ; {
		j := strings.Index(name[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || name[j-1] == ' ') && (j+len(w) == len(name) || name[j+len(w)] == ' ') {
			return true
		}
		i = j + 1
	}
}

// descEndingAt returns the description of one or two words in lower case
// ending just before token b and starting at or after first: its length
// in tokens, or 0.
func (e *Extractor) descEndingAt(s *scratch, doc *article.Doc, first, b int) (int, *description) {
	if b <= first || doc.Tokens[b-1].Kind != article.Word || doc.Tokens[b-1].Is(article.Cap) || !s.is(b-1, fDescLast) {
		return 0, nil
	}
	for k := min(2, b-first); k >= 1; k-- {
		if k == 2 && (doc.Tokens[b-2].Kind != article.Word || doc.Tokens[b-2].Is(article.Cap)) {
			continue
		}
		if d, ok := e.cues.desc[string(s.phrase(b-k, b))]; ok && !d.document() {
			return k, d
		}
	}
	return 0, nil
}

// descAt returns the description of one or two words in lower case
// starting at token k and ending by b: its length in tokens, or 0.
func (e *Extractor) descAt(s *scratch, doc *article.Doc, k, b int) (int, *description) {
	for n := min(2, b-k); n >= 1; n-- {
		if !s.is(k+n-1, fDescLast) {
			continue
		}
		cap := false
		for i := k; i < k+n; i++ {
			if doc.Tokens[i].Kind != article.Word || doc.Tokens[i].Is(article.Cap) && !(i == k && sentenceInitial(doc, 0, i)) {
				cap = true
			}
		}
		if cap {
			continue
		}
		if d, ok := e.cues.desc[string(s.phrase(k, k+n))]; ok {
			return n, d
		}
	}
	return 0, nil
}

// descBefore recognises a description just before an unknown name at
// token a ("the Estonian grid operator Elering", "US carmaker Ford",
// "Russia's state energy giant X"): the description, and the country of
// a country or demonym before it (up to two more words in lower case
// between them).
func (e *Extractor) descBefore(s *scratch, doc *article.Doc, first, a int) (*description, string, bool) {
	n, d := e.descEndingAt(s, doc, first, a)
	if n == 0 {
		return nil, "", false
	}
	p := a - n
	country := e.countryBefore(s, doc, first, p)
	for k := 1; country == "" && k <= 2 && p-k > first; k++ {
		w := p - k
		t := doc.Tokens[w]
		if t.Kind != article.Word || t.Is(article.Cap) || s.entry(w).flags&(fFunction|fConnector|fSpeech|fPlacePrep) != 0 {
			break
		}
		country = e.countryBefore(s, doc, first, w)
	}
	return d, country, true
}

// descAfter recognises a description in apposition after an unknown
// name ending before token i: ", the Finnish grid operator," ", a
// Moscow-based energy company," ", the world's largest copper miner,"
// ", Britain's biggest bank,". It returns the description and the
// country of a demonym or country's name in it. A description that goes
// on (", the maker of Viagra,") counts unless the name at token a is
// the place of a name before it ("Loser Inc of Trenton, a maker of").
func (e *Extractor) descAfter(s *scratch, doc *article.Doc, a, i, last int) (*description, string, bool) {
	if i+2 >= last || doc.TokenText(i) != "," {
		return nil, "", false
	}
	k := i + 1
	country := ""
	switch {
	case isArticle(s, k):
		k++
	case doc.Tokens[k].Is(article.Cap):
		// "Britain's biggest bank": a country or place owns the
		// description in place of an article.
		n, refs := e.kbMatch(s, doc, k, last)
		if n == 0 || possessive(s, doc, k+n) == 0 {
			return nil, "", false
		}
		if refs[0].Kind == kb.RefCountry {
			country = e.gaz.Countries[refs[0].Index].ISO3
		}
		k += n + possessive(s, doc, k+n)
	default:
		return nil, "", false
	}
	for j := 0; j < 5 && k < last; j++ {
		if n, d := e.descAt(s, doc, k, last); n > 0 && !d.document() {
			if !closesApposition(s, doc, k+n, last) && (!descGoesOn(doc, k+n) || placeOfName(s, doc, a)) {
				return nil, "", false
			}
			return d, country, true
		}
		t := doc.Tokens[k]
		if p := possessive(s, doc, k); p > 0 && j > 0 {
			k += p // "the world's largest miner"
			continue
		}
		if t.Kind != article.Word {
			return nil, "", false
		}
		if t.Is(article.Cap) {
			if modifierWord(doc.TokenText(k)) {
				k++ // "a Paris-based bank"
				continue
			}
			n, refs := e.kbMatch(s, doc, k, last)
			if n == 0 {
				return nil, "", false
			}
			switch r := refs[0]; r.Kind {
			case kb.RefCountry, kb.RefNORP:
				country = e.gaz.Countries[r.Index].ISO3
			}
			k += n
			continue
		}
		if s.entry(k).flags&(fFunction|fConnector|fSpeech|fPlacePrep) != 0 {
			return nil, "", false
		}
		k++
	}
	return nil, "", false
}

// descGoesOn reports words that go on a description in apposition
// without making it a noun's modifier: ", the maker of Viagra,", ", the
// company behind Kazaa,", ", the largest mobile firm in India,", ", the
// firm which"; not "with" (", a senior broadcaster with CBS").
func descGoesOn(doc *article.Doc, k int) bool {
	if k >= len(doc.Tokens) || doc.Tokens[k].Kind != article.Word {
		return false
	}
	switch doc.TokenText(k) {
	case "of", "behind", "in", "which", "that", "whose", "founded", "owned", "controlled", "based":
		return true
	}
	return false
}

// placeOfName reports "of" or "in" between the name at token a and a
// name ending just before them: "Loser Inc of Trenton".
func placeOfName(s *scratch, doc *article.Doc, a int) bool {
	if a < 1 || len(s.cands) == 0 || s.cands[len(s.cands)-1].last != a-1 {
		return false
	}
	w := doc.TokenText(a - 1)
	return w == "of" || w == "in"
}

// tokMention is a mention of an entity by name over tokens [first, last).
type tokMention struct {
	first, last int32
	ent         int32
}

// indexMentions lists the mentions of the grouped candidates by their
// first token; cands[i] belongs to entity candEnt[i] (-1 for none).
func (s *scratch) indexMentions(cands []cand, candEnt []int32) {
	tm := s.tm[:0]
	for i := range cands {
		if candEnt[i] >= 0 {
			tm = append(tm, tokMention{int32(cands[i].first), int32(cands[i].last), candEnt[i]})
		}
	}
	slices.SortFunc(tm, func(a, b tokMention) int { return int(a.first - b.first) })
	s.tm = tm
	// from[k] and to[k] hold 1 + the index in tm of the mention starting
	// at token k or ending before it.
	n := len(s.doc.Tokens) + 1
	if cap(s.from) < n {
		s.from, s.to = make([]int32, n), make([]int32, n)
	}
	s.from, s.to = s.from[:n], s.to[:n]
	clear(s.from)
	clear(s.to)
	for i, m := range tm {
		if s.from[m.first] == 0 {
			s.from[m.first] = int32(i + 1)
		}
		s.to[m.last] = int32(i + 1)
	}
}

// mentionFrom returns the index in s.tm of the mention starting at token
// k, or -1.
func (s *scratch) mentionFrom(k int) int {
	if k < 0 || k >= len(s.from) {
		return -1
	}
	return int(s.from[k]) - 1
}

// mentionTo returns the index in s.tm of the mention ending just before
// token k, or -1.
func (s *scratch) mentionTo(k int) int {
	if k < 0 || k >= len(s.to) {
		return -1
	}
	return int(s.to[k]) - 1
}

// countryOf returns the ISO-3 code an entity stands for when it names a
// country or its people ("Belarus", "Belarusian"); "" otherwise.
func countryOf(ent *article.Entity) string {
	switch {
	case ent.Type == article.Place && ent.Kind == "country", ent.Type == article.NORP && ent.Kind == "nationality":
		return ent.Country
	}
	return ""
}

// owner is what a title or description phrase says a person or
// organisation belongs to: a country, or an organisation (entity index).
type owner struct {
	country string
	org     int
}

// holder is a phrase that says what a named person or organisation is:
// "Belarus's president", "the EU's foreign policy chief", "chief
// executive of Elering", "the Estonian grid operator". Tokens
// [start, end).
type holder struct {
	start, end int
	role, code string       // a person's office, from a title
	desc       *description // an organisation's description
	own        owner
	former     bool // "the former president": a person, not in office
}

// ownerAt reads an owner starting at token k (sentence ends at b): a
// country's or an organisation's name with a possessive ("Belarus's",
// "the EU's"), a demonym ("Russian"), or a description of an organisation
// with a possessive ("the company's"). It returns the owner and the token
// after it; ok is false when there is none.
func (e *Extractor) ownerAt(s *scratch, doc *article.Doc, ents []article.Entity, k, b int, descs []descMention) (owner, int, bool) {
	if mi := s.mentionFrom(k); mi >= 0 {
		m := s.tm[mi]
		ent := &ents[m.ent]
		end := int(m.last)
		p := possessive(s, doc, end)
		if iso := countryOf(ent); iso != "" {
			return owner{country: iso, org: -1}, end + p, true
		}
		if ent.Type == article.Org && p > 0 {
			return owner{org: int(m.ent)}, end + p, true
		}
		return owner{}, k, false
	}
	if n, _ := e.descAt(s, doc, k, b); n > 0 {
		if p := possessive(s, doc, k+n); p > 0 {
			if di := s.descHead(k + n); di >= 0 {
				return owner{org: int(descs[di].ent)}, k + n + p, true
			}
			return owner{org: -1}, k + n + p, true // "the company's", not resolved
		}
	}
	return owner{}, k, false
}

// ownerAfter reads "of Belarus", "for the Foreign Ministry", "at
// Elering" at token k.
func (e *Extractor) ownerAfter(s *scratch, doc *article.Doc, ents []article.Entity, k, b int, descs []descMention) (owner, int, bool) {
	if k >= b || doc.Tokens[k].Kind != article.Word {
		return owner{}, k, false
	}
	switch string(s.w(k)) {
	case "of", "for", "at":
	default:
		return owner{}, k, false
	}
	j := k + 1
	if j < b && isThe(s, j) {
		j++
	}
	if mi := s.mentionFrom(j); mi >= 0 {
		m := s.tm[mi]
		ent := &ents[m.ent]
		if iso := countryOf(ent); iso != "" && ent.Type == article.Place {
			return owner{country: iso, org: -1}, int(m.last), true
		}
		if ent.Type == article.Org {
			return owner{org: int(m.ent)}, int(m.last), true
		}
		return owner{}, k, false
	}
	for _, at := range [2]int{j - 1, j} {
		if di := s.descStart(at); di >= 0 {
			return owner{org: int(descs[di].ent)}, descs[di].head, true
		}
	}
	return owner{}, k, false
}

// nameKey returns the lookup form of the name of entity ei, made once per
// article.
func (s *scratch) nameKey(ents []article.Entity, ei int32) string {
	if len(s.keysOf) < len(ents) {
		s.keysOf = append(s.keysOf, make([]string, len(ents)-len(s.keysOf))...)
	}
	if s.keysOf[ei] == "" {
		s.keysOf[ei] = kb.NormPhrase(ents[ei].Name)
	}
	return s.keysOf[ei]
}

func isThe(s *scratch, i int) bool { return string(s.w(i)) == "the" }

// theWord reports "the" or "The" as written.
func theWord(w string) bool { return (w[0] == 't' || w[0] == 'T') && w[1] == 'h' && w[2] == 'e' }

// isArticle reports "the", "a", "an".
func isArticle(s *scratch, i int) bool {
	switch string(s.w(i)) {
	case "the", "a", "an":
		return true
	}
	return false
}

// formerWord reports words that put a title in the past or the future.
func formerWord(w []byte) bool {
	switch string(w) {
	case "former", "ex", "late", "then", "ousted", "deposed", "onetime", "one-time", "future", "would-be", "disgraced", "jailed", "exiled", "shadow":
		return true
	}
	return false
}

// titleAt returns the title starting at token k (in lower case, or
// capitalised when no name follows it) and its length.
func (e *Extractor) titleAt(s *scratch, doc *article.Doc, k, b int) (int, kb.Cue) {
	n, q := e.cueMatch(s, k, b, cueTitle)
	if n == 0 || q.Value == "" {
		return 0, kb.Cue{}
	}
	if doc.Tokens[k].Is(article.Cap) && k+n < b && doc.Tokens[k+n].Is(article.Cap) && doc.Tokens[k+n].Kind == article.Word {
		return 0, kb.Cue{} // "President Donald Trump": a title before a name
	}
	return n, q
}

// holderAt reads a holder phrase from token k: [the|a] [former] [owner]
// (title | description) [of owner].
func (e *Extractor) holderAt(s *scratch, doc *article.Doc, ents []article.Entity, k, b int, descs []descMention) (holder, bool) {
	h := holder{start: k, own: owner{org: -1}}
	if k < b && isArticle(s, k) {
		k++
	}
	for k < b && doc.Tokens[k].Kind == article.Word && formerWord(s.w(k)) {
		h.former = true
		k++
	}
	if k < b {
		if o, next, ok := e.ownerAt(s, doc, ents, k, b, descs); ok {
			h.own, k = o, next
		}
	}
	if k >= b {
		return h, false
	}
	if n, q := e.titleAt(s, doc, k, b); n > 0 {
		h.role, h.code = q.Value, q.Code
		k += n
	} else if n, d := e.descAt(s, doc, k, b); n > 0 && !d.document() {
		h.desc = d
		k += n
	} else {
		return h, false
	}
	if h.own.country == "" && h.own.org < 0 {
		if o, next, ok := e.ownerAfter(s, doc, ents, k, b, descs); ok {
			h.own, k = o, next
		}
	}
	h.end = k
	return h, true
}

// holderBefore reads a holder phrase ending just before token c (a comma
// before a name): [the|a] [owner] title [of owner].
func (e *Extractor) holderBefore(s *scratch, doc *article.Doc, ents []article.Entity, first, c int, descs []descMention) (holder, bool) {
	// The title ends at the comma or before "of X".
	ends := [2]int{c, -1}
	if mi := s.mentionTo(c); mi >= 0 {
		j := int(s.tm[mi].first)
		if j-1 > first && isThe(s, j-1) {
			j--
		}
		if j-1 > first {
			ends[1] = j - 1
		}
	}
	if di := s.descHead(c); di >= 0 && descs[di].start-1 > first {
		ends[1] = descs[di].start - 1
	}
	for _, end := range ends {
		if end < 0 {
			continue
		}
		if end != c {
			switch string(s.w(end)) {
			case "of", "for", "at":
			default:
				continue
			}
		}
		for n := 3; n >= 1; n-- {
			k := end - n
			if k < first {
				continue
			}
			if m, _ := e.titleAt(s, doc, k, end); m != n {
				continue
			}
			// The phrase starts at the owner or article before the title.
			start := k
			if mi := s.mentionTo(start); mi >= 0 && countryOf(&ents[s.tm[mi].ent]) != "" {
				start = int(s.tm[mi].first)
			} else if start-1 >= first {
				if p := doc.TokenText(start - 1); p == "’s" || p == "'s" || p == "’" || p == "'" {
					if mi := s.mentionTo(start - 1); mi >= 0 {
						start = int(s.tm[mi].first)
					} else if n, _ := e.descEndingAt(s, doc, first, start-1); n > 0 {
						start = start - 1 - n
					}
				}
			}
			if start-1 >= first && isArticle(s, start-1) {
				start--
			}
			if h, ok := e.holderAt(s, doc, ents, start, c, descs); ok && h.end == c && h.role != "" {
				return h, true
			}
		}
	}
	return holder{}, false
}

// closesApposition reports whether token k ends an apposition: a comma,
// a full stop, a bracket, a dash or the sentence's end. A speech verb
// does not: in "… in the Northern Echo, the Bishop said" the phrase is
// the speaker, not an apposition.
func closesApposition(s *scratch, doc *article.Doc, k, b int) bool {
	if k >= b {
		return true
	}
	if doc.Tokens[k].Kind == article.Punct {
		switch doc.TokenText(k) {
		case ",", ".", ";", ")", "—", "–", ":", "”", "\"":
			return true
		}
	}
	return false
}

// descMention is a description resolved to an entity: tokens
// [start, head) where start is its article ("the company").
type descMention struct {
	start, head int
	ent         int32
	span        article.Span
	title       bool
}

// appositions gives people the office an apposition or a title phrase
// before their name states ("Alexander Lukashenko, Belarus's president,";
// "Russia's foreign minister, Sergei Lavrov"; "the company's chief
// executive, Jane Doe"), and organisations found by context the kind
// and country a description states ("Elering, the Estonian grid
// operator,"). A role stated by the text wins over the knowledge base's,
// and so do the country and actor that go with it.
func (e *Extractor) appositions(s *scratch, doc *article.Doc, ents []article.Entity, textRole []bool, descs []descMention) {
	si := 0
	for _, m := range s.tm {
		for si < len(doc.Sents) && doc.Sents[si].Last <= int(m.first) {
			si++
		}
		if si == len(doc.Sents) {
			break
		}
		sent := doc.Sents[si]
		if s.modes[si] != modeNormal || int(m.first) < sent.First {
			continue
		}
		{
			ent := &ents[m.ent]
			if ent.Type != article.Person && ent.Type != article.Org {
				continue
			}
			var h holder
			ok := false
			if a := int(m.last); a+1 < sent.Last && doc.TokenText(a) == "," {
				if h, ok = e.holderAt(s, doc, ents, a+1, sent.Last, descs); ok {
					ok = closesApposition(s, doc, h.end, sent.Last)
				}
			}
			if !ok && ent.Type == article.Person {
				if c := int(m.first) - 1; c > sent.First && doc.TokenText(c) == "," && closesApposition(s, doc, int(m.last), sent.Last) {
					h, ok = e.holderBefore(s, doc, ents, sent.First, c, descs)
				}
			}
			if ok {
				e.applyHolder(ent, &h, ents, textRole, int(m.ent))
			}
		}
	}
}

// applyHolder gives ent what the holder phrase says of it.
func (e *Extractor) applyHolder(ent *article.Entity, h *holder, ents []article.Entity, textRole []bool, ei int) {
	ownCountry, ownActor := h.own.country, ""
	if h.own.org >= 0 && h.own.org != ei {
		o := &ents[h.own.org]
		ownCountry = o.Country
		ownActor = o.Actor
		if ownActor == "" && o.Country != "" && sectorOf[o.Kind] != "" {
			ownActor = o.Country + sectorOf[o.Kind]
		}
	}
	switch {
	case ent.Type == article.Person && h.role != "":
		if h.former || textRole[ei] {
			return
		}
		textRole[ei] = true
		ent.Role = h.role
		if ownCountry != "" {
			ent.Country = ownCountry
		}
		switch {
		case ownActor != "":
			ent.Actor = ownActor
		case h.own.country != "":
			ent.Actor = h.own.country + h.code
		case ent.Actor == "" && ent.Country != "" && h.code != "":
			ent.Actor = ent.Country + h.code
		}
	case ent.Type == article.Org && h.desc != nil && !ent.Known:
		if ent.Kind == "" {
			ent.Kind = h.desc.kind()
		}
		if ent.Country == "" {
			ent.Country = ownCountry
		}
		if ent.Actor == "" && ent.Country != "" && sectorOf[ent.Kind] != "" {
			ent.Actor = ent.Country + sectorOf[ent.Kind]
		}
	}
}

// Distances of definite descriptions: the entity a description refers
// to is named within descWindow sentences before it, or is the only one
// it fits in the article so far.
const descWindow = 10

// descFar and descLookBack bound the search for the entity a description
// refers to: the sentences and the mentions looked at before it.
const (
	descFar      = 60
	descLookBack = 400
)

// describe finds definite descriptions ("the company", "the ministry",
// "the militants"; with titles set, "the president", "the Russian
// foreign minister") and resolves each to the entity it refers to: the
// one it fits that was named last, unless another it fits was named in
// the same sentence (then it is left alone). found holds descriptions
// resolved before; the new ones are appended.
func (e *Extractor) describe(s *scratch, doc *article.Doc, ents []article.Entity, titles bool, found []descMention) []descMention {
	if !titles {
		// Keep the "the" of the recogniser's pass that a name, a title
		// or a description may follow: most words after "the" begin
		// none.
		thes := s.thes[:0]
		for _, th := range s.thes {
			i, b := int(th[1]), doc.Sents[th[0]].Last
			k := doc.Tokens[i+1]
			if k.Kind == article.Word && (k.Flags&(article.Cap|article.AllCaps) != 0 || s.entry(i+1).flags&(fTitleFirst|fDescLast) != 0 || i+2 < b && s.is(i+2, fDescLast)) {
				thes = append(thes, th)
			}
		}
		s.thes = thes
	}
	for _, th := range s.thes {
		if d, ok := e.describeAt(s, doc, ents, int(th[0]), int(th[1]), titles, found); ok {
			found = append(found, d)
		}
	}
	return found
}

// describeAt reads a definite description at "the" (token i of sentence
// si) and resolves it.
func (e *Extractor) describeAt(s *scratch, doc *article.Doc, ents []article.Entity, si, i int, titles bool, found []descMention) (descMention, bool) {
	b := doc.Sents[si].Last
	k, start := i+1, i
	country := ""
	if !doc.Tokens[k].Is(article.Cap) && !doc.Tokens[k].Is(article.AllCaps) {
		// no name after "the"
	} else if mi := s.mentionFrom(k); mi >= 0 {
		// "the Russian president", "the US company": a country narrows
		// the reference; the mention starts after the country's name.
		m := s.tm[mi]
		country = countryOf(&ents[m.ent])
		if country == "" {
			return descMention{}, false
		}
		k = int(m.last) + possessive(s, doc, int(m.last))
		start = k
	}
	if k >= b || doc.Tokens[k].Kind != article.Word {
		return descMention{}, false
	}
	// Most words after "the" begin no title or description.
	if titles && !s.is(k, fTitleFirst) || !titles && !s.is(k, fDescLast) && !(k+1 < b && s.is(k+1, fDescLast)) {
		return descMention{}, false
	}
	var (
		n    int
		role string
		desc *description
	)
	if titles {
		var q kb.Cue
		if n, q = e.titleAt(s, doc, k, b); n == 0 {
			return descMention{}, false
		}
		role = q.Value
	} else if n, desc = e.descAt(s, doc, k, b); n == 0 {
		return descMention{}, false
	}
	h := k + n
	if h < b {
		t := doc.Tokens[h]
		if t.Kind == article.Word && t.Is(article.Cap) || s.mentionFrom(h) >= 0 {
			return descMention{}, false // "the company Elering": a name follows
		}
		if t.Kind == article.Word && nounAfter(s, doc, h) {
			return descMention{}, false // "the company uniform", "the party leader"
		}
		if t.Kind == article.Word {
			switch string(s.w(h)) {
			case "that", "which", "who", "whose", "whom":
				return descMention{}, false // "the company that makes it"
			case "of":
				// "the president of Belarus"; "the group of seven" is
				// no reference.
				j := h + 1
				if j < b && isThe(s, j) {
					j++
				}
				mi := s.mentionFrom(j)
				if !titles || mi < 0 || country != "" || countryOf(&ents[s.tm[mi].ent]) == "" || ents[s.tm[mi].ent].Type != article.Place {
					return descMention{}, false
				}
				country = ents[s.tm[mi].ent].Country
			}
		}
	}
	if desc != nil && desc.document() {
		// "the report" after "a Council on Foreign Relations (CFR)
		// report": the organisation whose report was named last.
		ei, ok := e.documentOf(s, doc, ents, i, h-1, found)
		if !ok {
			return descMention{}, false
		}
		d := descMention{start: start, head: h, ent: ei}
		d.span = article.Span{Start: doc.Tokens[start].Start, End: doc.Tokens[h-1].End}
		return d, true
	}
	fits := func(ei int32) bool {
		ent := &ents[ei]
		if country != "" && ent.Country != country {
			return false
		}
		if titles {
			// A role the knowledge base gives for the article's date,
			// or states in the text; an undated article's
			// people may have left the offices of their last terms.
			return ent.Type == article.Person && (s.textRole[ei] || s.roleSure[ei]) && roleFits(ent.Role, role)
		}
		return ent.Type == article.Org && desc.fits(ent.Kind, func() string { return s.nameKey(ents, ei) })
	}
	ei, ok := s.lastFitting(doc, si, i, found, fits)
	if !ok {
		return descMention{}, false
	}
	d := descMention{start: start, head: h, ent: ei, title: titles}
	d.span = article.Span{Start: doc.Tokens[start].Start, End: doc.Tokens[h-1].End}
	return d, true
}

// documentOf finds the organisation whose document (head word at token
// h) a description at token i stands for: the last one named before with
// that word after its name ("a CFR report", "Amnesty's report"; an
// acronym in brackets may stand between: "the Council on Foreign
// Relations (CFR) report") or after "report by" ("a report by Amnesty"),
// or the one an earlier description of that document stood for.
func (e *Extractor) documentOf(s *scratch, doc *article.Doc, ents []article.Entity, i, h int, found []descMention) (int32, bool) {
	head := string(s.w(h))
	isHead := func(k int) bool {
		return k < len(doc.Tokens) && doc.Tokens[k].Kind == article.Word && string(s.w(k)) == head
	}
	si := doc.SentenceAt(doc.Tokens[i].Start)
	best, bestAt := int32(-1), -1
	mi, _ := slices.BinarySearchFunc(s.tm, int32(i), func(m tokMention, t int32) int { return int(m.first - t) })
	sm := si // the sentence of the mention looked at, going back
	for mi > 0 && best < 0 {
		mi--
		m := s.tm[mi]
		if sm = sentOf(doc, int(m.first), sm); si-sm > descWindow {
			break
		}
		if ents[m.ent].Type != article.Org {
			continue
		}
		k := int(m.last)
		k += possessive(s, doc, k)
		if k+2 < len(doc.Tokens) && doc.TokenText(k) == "(" && doc.TokenText(k+2) == ")" {
			k += 3 // "(CFR)"
		}
		if isHead(k) || int(m.first) >= 2 && isHead(int(m.first)-2) && (string(s.w(int(m.first)-1)) == "by" || string(s.w(int(m.first)-1)) == "from") {
			best, bestAt = m.ent, int(m.first)
		}
	}
	di, _ := slices.BinarySearchFunc(found, i, func(d descMention, t int) int { return d.start - t })
	sm = si
	for di > 0 {
		di--
		if d := found[di]; d.start <= bestAt {
			break
		} else if sm = sentOf(doc, d.start, sm); si-sm > descWindow {
			break
		} else if !d.title && isHead(d.head-1) {
			best = d.ent
			break
		}
	}
	return best, best >= 0
}

// indexDescs notes where the descriptions resolved so far start and end,
// for the owners of appositions ("the company's chief executive").
func (s *scratch) indexDescs(descs []descMention) {
	n := len(s.doc.Tokens) + 1
	if cap(s.dHead) < n {
		s.dHead, s.dStart = make([]int32, n), make([]int32, n)
	}
	s.dHead, s.dStart = s.dHead[:n], s.dStart[:n]
	clear(s.dHead)
	clear(s.dStart)
	for i, d := range descs {
		s.dHead[d.head] = int32(i + 1)
		s.dStart[d.start] = int32(i + 1)
	}
}

// descHead returns the index of the description ending before token k,
// or -1.
func (s *scratch) descHead(k int) int {
	if k < 0 || k >= len(s.dHead) {
		return -1
	}
	return int(s.dHead[k]) - 1
}

// descStart returns the index of the description starting at token k,
// or -1.
func (s *scratch) descStart(k int) int {
	if k < 0 || k >= len(s.dStart) {
		return -1
	}
	return int(s.dStart[k]) - 1
}

// lastFitting returns the entity that fits, named last before token i of
// sentence si by a mention or a resolved description, when that is safe:
// no other entity that fits is named in the same sentence, and it is
// named within descWindow sentences or no other entity fits at all.
func (s *scratch) lastFitting(doc *article.Doc, si, i int, found []descMention, fits func(int32) bool) (int32, bool) {
	mi, _ := slices.BinarySearchFunc(s.tm, int32(i), func(m tokMention, t int32) int { return int(m.first - t) })
	di, _ := slices.BinarySearchFunc(found, i, func(d descMention, t int) int { return d.start - t })
	best, bestSent := int32(-1), -1
	sj := si // the sentence of the mention looked at: the items go back
	for steps := 0; mi > 0 || di > 0; steps++ {
		if steps == descLookBack {
			return -1, false // too far to tell whether another fits
		}
		// the later of the two lists' next items going back
		var at int
		var ei int32
		if di > 0 && (mi == 0 || found[di-1].start > int(s.tm[mi-1].first)) {
			di--
			at, ei = found[di].start, found[di].ent
		} else {
			mi--
			at, ei = int(s.tm[mi].first), s.tm[mi].ent
		}
		if at >= i {
			continue
		}
		sj = sentOf(doc, at, sj)
		if best >= 0 && sj != bestSent && si-bestSent <= descWindow {
			break // nothing else in the sentence of the last fitting one
		}
		if si-sj > descFar {
			break
		}
		if !fits(ei) {
			continue
		}
		switch {
		case best < 0:
			// A name the recogniser could not type between the entity
			// and the description may be what it refers to ("Elan's
			// accounts …, but the firm has been rebuilding").
			if s.unresolvedIn(at+1, i) {
				return -1, false
			}
			best, bestSent = ei, sj
		case ei != best:
			return -1, false // another fits: in the same sentence, or beyond the window
		}
	}
	return best, best >= 0
}

// unresolvedIn reports a name left untyped among tokens [a, b).
func (s *scratch) unresolvedIn(a, b int) bool {
	i, _ := slices.BinarySearch(s.unres, int32(a))
	return i < len(s.unres) && int(s.unres[i]) < b
}

// nounAfter reports a word at token h that makes the noun before it a
// modifier ("the company uniform", "the party leader"): an ordinary word
// in lower case that is no verb by its look (said, makes, offered) and no
// closed-class word (has, will, is).
func nounAfter(s *scratch, doc *article.Doc, h int) bool {
	t := doc.Tokens[h]
	if t.Is(article.Cap) || t.Is(article.AllCaps) {
		return false
	}
	w := doc.Rec.Text[t.Start:t.End]
	if len(w) < 3 || w[len(w)-1] == 's' || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "also", "then", "now", "still", "already", "itself", "too", "later", "once", "never", "often", "soon":
		return false
	}
	en := s.entry(h)
	if en.flags&(fSpeech|fFunction|fConnector|fPlacePrep) != 0 {
		return false
	}
	return en.flags&(fRoleNoun|fOrgAfter|fTitleFirst) != 0 || s.big.get(s.w(h)).flags&fCommon != 0
}

// sentOf returns the sentence holding token k, searching back from
// sentence si.
func sentOf(doc *article.Doc, k, si int) int {
	for si > 0 && doc.Sents[si].First > k {
		si--
	}
	return si
}

// roleFits reports whether a person whose office is role is what the
// title value describes: "the president" is the President, not the Vice
// President; "the minister" is the Foreign Minister, not the Prime
// Minister.
func roleFits(role, value string) bool {
	if role == "" {
		return false
	}
	if strings.EqualFold(role, value) {
		return true
	}
	if len(role) <= len(value) || !strings.EqualFold(role[len(role)-len(value):], value) || role[len(role)-len(value)-1] != ' ' {
		return false
	}
	first, _, _ := strings.Cut(role, " ")
	switch strings.ToLower(first) {
	case "vice", "deputy", "assistant", "under", "junior", "former", "first":
		return false
	case "prime":
		return !strings.EqualFold(value, "minister")
	}
	return true
}

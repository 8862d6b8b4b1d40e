// Package quote finds who said what: direct quotes in quotation marks,
// partial quotes (a quoted fragment inside reported speech), indirect
// speech ("X said that …"), and attributions of claims, beliefs and
// stances to their source ("according to a CFR report", "The Guardian
// reported", "officials said", "X endorsed Y", "Poll: …"). It fills
// Record.Quotes and Record.Attributions, following the conventions of the
// PolNeAR attribution corpus (Newell et al., LREC 2018).
//
// The extractor reads tokens and sentences only (no parser): it pairs
// quotation marks, finds cue verbs, nouns and phrases from the lexicon
// (internal/kb/data/quote_cues.tsv), takes the noun phrase before or
// after the cue as the source and the clause, object or quote next to it
// as the content. A source is linked to an entity when an entity mention
// covers it; pronouns (he, she, they), relative pronouns (who, which) and
// descriptions (the president) are resolved to an entity of the article
// and added to its mentions.
//
// Conventions a consumer should know:
//   - Quote.Span and Quote.Text cover the content without its quotation
//     marks (and without a trailing comma).
//   - A quote split by its attribution (“…,” he said, “…”), a quote
//     sentence after a tagged one and a quote running over paragraphs are
//     given as one Quote per piece; the pieces share cue_span and speaker.
//   - A partial quote lies inside the indirect quote (or attribution)
//     that reports it: "Trump said he and Lukashenko “discussed many
//     topics”" gives an indirect quote for the reported clause and a
//     partial quote for the quoted words, with the same cue_span.
//   - A content may have several pieces sharing a cue: a reported clause
//     around a mid-sentence tag ("The economy, he said, is improving"),
//     the subject and complement of a raising verb ("The House … to pass
//     the bill" for "The House is expected to pass the bill").
//   - Reported speech goes to Quotes (kind indirect) when its source is a
//     person or a pronoun; to Attributions when its source is a document,
//     an outlet, an organisation or an unnamed group ("officials said"),
//     when it has no source ("X is expected to …", "Asked whether …",
//     "a PAC called Our Principles"), and for "according to", report verbs
//     (reported, showed), beliefs (believes, is confident that), stances
//     (endorsed, slammed: the object is the claim) and nouns (his
//     criticism of X, support for X).
//   - There are no nested relations: a cue inside another's reported words
//     is part of them ("In a CNN poll, 52 percent said …" is one
//     attribution to the poll).
//   - Quoted titles, scare quotes and short quoted terms with no speech
//     cue are not quotes.
package quote

import (
	"context"
	"slices"
	"sync"

	"newsgraph/internal/article"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// Name is the stage name used in metrics and problems.
const Name = "quote"

// Extractor finds quotes and attributions. It is safe for concurrent use
// after New.
type Extractor struct {
	lex  *lexicon
	pool sync.Pool // *run scratch space
}

// New loads the cue lexicon from src.
func New(src kb.Source) (*Extractor, error) {
	lex, err := loadLexicon(src)
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lex}, nil
}

// Name returns "quote".
func (*Extractor) Name() string { return Name }

// Lexicons returns the lexicon the stage looks tokens up in, for the
// pipeline to join (text.Join) so that words are looked up once for all
// stages.
func (e *Extractor) Lexicons() []text.Joinable { return []text.Joinable{e.lex.ascii} }

// Process fills doc.Rec.Quotes and doc.Rec.Attributions from doc's tokens
// and sentences (set by the segment stage) and links speakers to the
// entities already in doc.Rec.Entities, adding pronoun and title mentions
// to them. It replaces any quotes and attributions already there.
func (e *Extractor) Process(ctx context.Context, doc *article.Doc) error {
	doc.Rec.Quotes = doc.Rec.Quotes[:0]
	doc.Rec.Attributions = doc.Rec.Attributions[:0]
	if len(doc.Tokens) == 0 {
		return nil
	}
	r, _ := e.pool.Get().(*run)
	if r == nil {
		r = &run{}
	}
	r.reset(e.lex, doc)
	r.pairMarks()
	r.findCues()
	r.attachFree()
	r.emit()
	r.doc = nil
	e.pool.Put(r)
	return ctx.Err()
}

// run is the scratch state for one document.
type run struct {
	lex  *lexicon
	doc  *article.Doc
	s    string
	toks []article.Token

	infos []*info // per token; nil for unknown words and non-words
	inQ   []int32 // per token: 1 + index of the quote region it lies in, or 0
	sent  []int32 // per token: its sentence index
	para  []bool  // per token: starts a paragraph
	sf    []int   // per sentence: first token
	sl    []int   // per sentence: token after the last

	regions []region
	rels    []rel
	said    []said  // speakers linked to entities so far, in order
	gender  []byte  // per entity: its gender once looked up, 1 when unknown (entityGender)
	order   []int32 // relation indexes, sorted for look-ups
	ends    []int32 // relations found by cues, sorted by end
	cued    int     // number of relations found by cues
	cues    []int32 // their cue tokens, sorted
	spk     []speaker
	ments   []ment // entity mentions sorted by start, built on first use
	mentsOK bool
	added   []ment                // mentions to add to entities once emitting is done
	qbuf    []article.Quote       // scratch for sorting quotes
	abuf    []article.Attribution // scratch for sorting attributions
	buf     [48]byte
	joined  bool // the segment stage looked the words up (text.Vocab)
}

func (r *run) reset(lex *lexicon, doc *article.Doc) {
	r.lex, r.doc, r.s, r.toks = lex, doc, doc.Rec.Text, doc.Tokens
	n := len(r.toks)
	r.infos = grow(r.infos, n)
	r.inQ = grow(r.inQ, n)
	r.sent = grow(r.sent, n)
	r.para = grow(r.para, n)
	r.regions = r.regions[:0]
	r.rels = r.rels[:0]
	r.said = r.said[:0]
	r.gender = r.gender[:0]
	r.ments, r.mentsOK, r.added = r.ments[:0], false, r.added[:0]
	aux := lex.words["'s"]
	r.joined = lex.ascii.Joined(doc)
	// The per-token slices as locals, so that the loop keeps them in
	// registers instead of reloading them from r after every store.
	toks, infos, sent, para := r.toks, r.infos[:n], r.sent[:n], r.para[:n]
	clear(r.inQ)
	joined, maxLen, ascii, asciiInfo := r.joined, lex.maxLen+4, lex.ascii, lex.asciiInfo
	for i, t := range toks {
		var in *info
		if t.Kind == article.Word {
			if n := t.End - t.Start; joined && n <= maxLen && t.Flags&article.NonASCII == 0 {
				// lookup's common case, inline: an ASCII word the
				// segment stage looked up
				if j := ascii.TaggedIndex(doc, i); j >= 0 {
					in = asciiInfo[j]
				}
			} else {
				in = r.lookup(i, t)
			}
			if in == aux && aux != nil && i > 0 && !contracts[string(r.lower(i-1))] {
				in = possInfo
			}
		}
		infos[i] = in
		sent[i] = -1
		para[i] = t.Flags&article.ParaStart != 0
	}
	r.sf = grow(r.sf, len(doc.Sents))
	r.sl = grow(r.sl, len(doc.Sents))
	for si, s := range doc.Sents {
		r.sf[si], r.sl[si] = s.First, min(s.Last, n)
		for i := s.First; i < s.Last && i < n; i++ {
			sent[i] = int32(si)
		}
		// A line break that starts a sentence starts a paragraph too,
		// unless the text is hard-wrapped (then the splitter joins lines).
		if s.First < n && r.toks[s.First].Is(article.LineStart) {
			r.para[s.First] = true
		}
	}
	// A straight quotation mark that opens the next sentence ("… record.
	// "You …") may have been taken as closing the previous one.
	for si := 0; si+1 < len(r.sf); si++ {
		l := r.sl[si] - 1
		if l <= r.sf[si] || r.sl[si] != r.sf[si+1] {
			continue
		}
		w := 0
		switch {
		case r.is(l, "\"") && r.context(l, l) > 0:
			w = 1
		case r.is(l, "'") && r.is(l-1, "'") && l-1 > r.sf[si] && r.context(l-1, l) > 0:
			w = 2 // ''
		}
		for ; w > 0; w-- {
			r.sl[si]--
			r.sf[si+1]--
			r.sent[r.sf[si+1]] = int32(si + 1)
		}
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// lookup returns the lexicon info of the lower-cased text of word token
// t, the i-th.
func (r *run) lookup(i int, t article.Token) *info {
	if t.End-t.Start > r.lex.maxLen+4 {
		return nil
	}
	w := r.s[t.Start:t.End]
	if r.joined && (!t.Is(article.NonASCII) || plainWord(w)) {
		// folded as below, w is what lex.ascii folds it to
		if j := r.lex.ascii.TaggedIndex(r.doc, i); j >= 0 {
			return r.lex.asciiInfo[j]
		}
		return nil
	}
	n := 0
	h := uint64(fnvOffset)
	for j := 0; j < len(w); j++ {
		c := w[j]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && j+2 < len(w) && w[j+1] == 0x80 && w[j+2] == 0x99: // ’ → '
			c = '\''
			j += 2
		}
		r.buf[n] = c
		n++
		h = (h ^ uint64(c)) * fnvPrime
	}
	if n > r.lex.maxLen {
		return nil
	}
	return r.lex.get(h, r.buf[:n])
}

// plainWord reports whether w holds only ASCII bytes and ’: the words
// lookup folds as text.AppendFold does (other letters it leaves as they
// are, which AppendFold would lower-case).
func plainWord(w string) bool {
	for j := 0; j < len(w); j++ {
		if w[j] < 0x80 {
			continue
		}
		if w[j] == 0xE2 && j+2 < len(w) && w[j+1] == 0x80 && w[j+2] == 0x99 {
			j += 2
			continue
		}
		return false
	}
	return true
}

// lower returns token i lower-cased in the run's scratch buffer (valid
// until the next call), for map look-ups that do not allocate:
// m[string(r.lower(i))].
func (r *run) lower(i int) []byte {
	w := r.word(i)
	n := min(len(w), len(r.buf))
	for j := 0; j < n; j++ {
		c := w[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		r.buf[j] = c
	}
	return r.buf[:n]
}

// word returns the text of token i.
func (r *run) word(i int) string { t := r.toks[i]; return r.s[t.Start:t.End] }

// is reports whether token i is the punctuation or word w exactly.
func (r *run) is(i int, w string) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.End-t.Start == len(w) && r.s[t.Start:t.End] == w
}

// isLower reports whether token i is the lower-case word w (case folded).
func (r *run) isWord(i int, w string) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	if t.Kind != article.Word || t.End-t.Start != len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := r.s[t.Start+j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

// class reports whether token i is in any of the closed classes cl.
func (r *run) class(i int, cl uint16) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	in := r.infos[i]
	return in != nil && in.class&cl != 0
}

// cap reports whether token i is a capitalised word that is not a
// function word at a sentence start.
func (r *run) capName(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	if t.Kind != article.Word || !t.Is(article.Cap) {
		return false
	}
	in := r.infos[i]
	if in != nil && in.class&(clStart|clPron|clDet|clAux|clPrep|clConj) != 0 {
		return false
	}
	return true
}

// lowerWord reports whether token i is a word starting in lower case.
func (r *run) lowerWord(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.Kind == article.Word && !t.Is(article.Cap) && r.s[t.Start] != '\'' && r.s[t.Start] != 0xE2
}

// adverb reports an adverb or auxiliary that may stand between a subject
// and its verb: "has also said", "later told".
func (r *run) adverb(i int) bool {
	if r.class(i, clAux|clAdv) {
		return true
	}
	if !r.lowerWord(i) {
		return false
	}
	w := r.word(i)
	return len(w) > 4 && w[len(w)-2:] == "ly"
}

// sentBounds returns the token range of the sentence holding token i.
func (r *run) sentBounds(i int) (int, int) {
	si := r.sent[i]
	if si < 0 {
		return i, i + 1
	}
	return r.sf[si], r.sl[si]
}

// span returns the byte span of tokens [a, b).
func (r *run) span(a, b int) article.Span {
	return article.Span{Start: r.toks[a].Start, End: r.toks[b-1].End}
}

// sortRels orders relations by their first content token.
func (r *run) sortRels() {
	slices.SortStableFunc(r.rels, func(a, b rel) int { return a.start() - b.start() })
}

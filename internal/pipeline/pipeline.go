// Package pipeline assembles the stages that turn one article.Input into
// an article.Record. Reading New from top to bottom follows an article
// from its raw input to the finished record.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"newsgraph/internal/article"
	"newsgraph/internal/clean"
	"newsgraph/internal/extract/amount"
	"newsgraph/internal/extract/date"
	"newsgraph/internal/extract/entity"
	"newsgraph/internal/extract/event"
	"newsgraph/internal/extract/quote"
	"newsgraph/internal/extract/theme"
	"newsgraph/internal/extract/tone"
	"newsgraph/internal/kb"
	"newsgraph/internal/text"
)

// Version is the pipeline's version; records carry it with the knowledge
// base's digest so a store can tell when to re-process.
const Version = "0.1.0"

// A Stage transforms doc in place. Returning article.ErrSkip (or an error
// wrapping it, or ErrEmpty) drops the article; any other error is recorded
// on the record as a problem and the pipeline continues with the next
// stage. A Stage must be safe for concurrent use by several goroutines,
// each with its own Doc.
type Stage interface {
	Name() string
	Process(ctx context.Context, doc *article.Doc) error
}

// Config chooses what the pipeline does.
type Config struct {
	// KB says where knowledge-base files come from besides the embedded
	// ones.
	KB kb.Source
	// Raw keeps the input text exactly as given (no cleaning, no
	// boilerplate removal), so that spans match an outside copy of the
	// text byte for byte. Evaluation against gold offsets uses it.
	Raw bool
	// Dicts are PETRARCH/TABARI dictionary files (KIND:PATH or PATH) the
	// event coder uses besides the knowledge base.
	Dicts []string
}

// Pipeline runs the stages in order. It is safe for concurrent use.
type Pipeline struct {
	stages  []Stage
	stats   []stageStats
	version string
	bufs    sync.Pool // *docBufs
}

// docBufs are the slices of a Doc the pipeline reuses.
type docBufs struct {
	toks  []article.Token
	sents []article.Sentence
	lex   []int32
}

// maxPooledTokens bounds the token slices kept for reuse, so that one
// huge article does not hold its buffers for the rest of a run.
const maxPooledTokens = 1 << 16

type stageStats struct {
	calls, errors, nanos atomic.Int64
}

// New builds the stages in the order they run: the cleaner (or, in Raw
// mode, the text as given), then those of buildStages.
func New(cfg Config) (*Pipeline, error) {
	var first Stage = rawText{}
	if !cfg.Raw {
		first = clean.New(clean.Options{}) // HTML → text, boilerplate, embeds, normalisation
	}
	var (
		kbStages []Stage
		version  string
		err      error
	)
	if len(cfg.KB.Dirs) == 0 && len(cfg.Dicts) == 0 {
		var built *stageSet
		if built, err = embeddedStages(); err == nil {
			kbStages, version = built.stages, built.version
		}
	} else {
		kbStages, version, err = buildStages(cfg.KB, cfg.Dicts)
	}
	if err != nil {
		return nil, err
	}
	stages := append([]Stage{first}, kbStages...)
	p := &Pipeline{stages: stages, stats: make([]stageStats, len(stages))}
	p.bufs.New = func() any { return &docBufs{} }
	p.version = version
	return p, nil
}

// embeddedStages are buildStages' results for the embedded knowledge base
// alone, built once per process: the stages are read-only and safe for
// concurrent use, so that the pipelines of one process (tests, commands
// building several) share them and all but the first cost nothing.
var embeddedStages = sync.OnceValues(func() (*stageSet, error) {
	stages, version, err := buildStages(kb.Source{}, nil)
	return &stageSet{stages, version}, err
})

// stageSet is what buildStages returns.
type stageSet struct {
	stages  []Stage
	version string
}

// buildStages builds the stages that follow the cleaner, in the order
// they run, and the version written into records: the knowledge base
// from src and the event coder's dictionary files dicts.
func buildStages(src kb.Source, dicts []string) ([]Stage, string, error) {
	defer pauseGC()()
	// The stages that read the knowledge base are built at the same time:
	// they are independent, and start-up is most of the time a command
	// on one article takes.
	var wg sync.WaitGroup
	ent := later(&wg, func() (Stage, error) { return entity.New(src) })
	amt := later(&wg, func() (Stage, error) { return amount.New(src) })
	quo := later(&wg, func() (Stage, error) { return quote.New(src) })
	ton := later(&wg, func() (Stage, error) { return tone.New(src) })
	thm := later(&wg, func() (Stage, error) { return theme.New(src) })
	evt := later(&wg, func() (Stage, error) { return event.New(event.Options{KB: src, DictFiles: dicts}) })
	version := later(&wg, func() (string, error) { return "newsgraph/" + Version + " kb/" + kb.Digest(src), nil })
	wg.Wait()
	var b builder
	seg := &segment{}
	stages := []Stage{
		seg,          // tokens and sentences
		b.add(ent()), // people, organisations, places, groups; mentions resolved
		date.New(),   // dates, normalised against the publication date
		b.add(amt()), // numbers with what they count (after date: skips its spans)
		b.add(quo()), // quotes and attributions with their speakers (after entities)
		b.add(ton()), // V2Tone figures
		b.add(thm()), // themes from the taxonomy
		b.add(evt()), // who did what to whom, in CAMEO and PLOVER (after entities, dates, quotes)
	}
	if b.err != nil {
		return nil, "", b.err
	}
	// The stages' word lists are joined so that segment looks each token
	// up once for all of them.
	var lexicons []text.Joinable
	for _, s := range stages {
		if l, ok := s.(interface{ Lexicons() []text.Joinable }); ok {
			lexicons = append(lexicons, l.Lexicons()...)
		}
	}
	seg.vocab = text.Join(lexicons...)
	v, _ := version()
	return stages, v, nil
}

// gcPause counts the calls of buildStages under way, which turn the
// garbage collector off.
var gcPause struct {
	sync.Mutex
	n       int
	percent int // the GC percentage to restore
}

// pauseGC turns the garbage collector off until the function it returns
// is called, or the last of several such calls running at once. Building
// the stages keeps nearly all it allocates (the knowledge base's tables),
// so that the collections it would set off, one each time the heap
// doubled from a few megabytes, and the write barriers while they mark,
// were a fifth of its time for little memory; once on again, the
// collector runs once over what was built. Turning it off waits for a
// collection under way to end. The memory limit (GOMEMLIMIT) still holds
// meanwhile.
func pauseGC() (resume func()) {
	gcPause.Lock()
	if gcPause.n == 0 {
		gcPause.percent = debug.SetGCPercent(-1)
	}
	gcPause.n++
	gcPause.Unlock()
	return func() {
		gcPause.Lock()
		if gcPause.n--; gcPause.n == 0 {
			debug.SetGCPercent(gcPause.percent)
		}
		gcPause.Unlock()
	}
}

// later runs build on a goroutine of wg and returns a function that
// gives its results once wg is done.
func later[T any](wg *sync.WaitGroup, build func() (T, error)) func() (T, error) {
	var (
		v   T
		err error
	)
	wg.Go(func() { v, err = build() })
	return func() (T, error) { return v, err }
}

// builder keeps the first error of the stage constructors called in New,
// in the stages' order, so that the stage list reads as one list.
type builder struct{ err error }

func (b *builder) add(s Stage, err error) Stage {
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("build pipeline: %w", err)
	}
	return s
}

// Stages returns the stage names in order.
func (p *Pipeline) Stages() []string {
	out := make([]string, len(p.stages))
	for i, s := range p.stages {
		out[i] = s.Name()
	}
	return out
}

// Version returns the pipeline and knowledge-base version written into
// every record.
func (p *Pipeline) Version() string { return p.version }

// Process runs every stage on in and returns the finished record. The
// error is non-nil only when the article was rejected (empty, skipped);
// stage failures are recorded in Record.Problems instead.
func (p *Pipeline) Process(ctx context.Context, in article.Input) (rec article.Record, err error) {
	doc := &article.Doc{In: in}
	// The token, sentence and tag slices are the pipeline's own (no
	// record field holds them): they are reused from article to article,
	// which halves the bytes an article allocates.
	b := p.bufs.Get().(*docBufs)
	doc.Tokens, doc.Sents, doc.Lex = b.toks[:0], b.sents[:0], b.lex[:0]
	defer func() {
		if cap(doc.Tokens) <= maxPooledTokens {
			b.toks, b.sents, b.lex = doc.Tokens[:0], doc.Sents[:0], doc.Lex[:0]
			p.bufs.Put(b)
		}
	}()
	doc.Rec.URL, doc.Rec.Title, doc.Rec.Outlet, doc.Rec.Language = in.URL, in.Title, in.Outlet, in.Language
	doc.Published, doc.Rec.Published = parsePublished(in.Published)
	for i, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return article.Record{}, err
		}
		start := time.Now()
		err := runStage(ctx, s, doc)
		st := &p.stats[i]
		st.calls.Add(1)
		st.nanos.Add(int64(time.Since(start)))
		if err != nil {
			if errors.Is(err, article.ErrSkip) || errors.Is(err, article.ErrEmpty) {
				return article.Record{}, err
			}
			st.errors.Add(1)
			doc.AddProblem(s.Name(), err.Error())
		}
	}
	finish(doc, p.version)
	return doc.Rec, nil
}

// runStage calls s, turning a panic into an error so that one broken
// article never stops a batch.
func runStage(ctx context.Context, s Stage, doc *article.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return s.Process(ctx, doc)
}

// StageStat is one stage's totals since the pipeline was built.
type StageStat struct {
	Name   string
	Calls  int64
	Errors int64
	Time   time.Duration
}

// Stats returns per-stage call counts, errors and time spent.
func (p *Pipeline) Stats() []StageStat {
	out := make([]StageStat, len(p.stages))
	for i, s := range p.stages {
		st := &p.stats[i]
		out[i] = StageStat{s.Name(), st.calls.Load(), st.errors.Load(), time.Duration(st.nanos.Load())}
	}
	return out
}

// segment is the stage that splits the clean text into tokens and
// sentences, and looks every token up in the words of the later stages.
type segment struct {
	vocab *text.Vocab // the later stages' lexicons, joined
}

func (*segment) Name() string { return "segment" }

func (sg *segment) Process(_ context.Context, doc *article.Doc) error {
	doc.Tokens = text.AppendTokens(doc.Tokens[:0], doc.Rec.Text)
	doc.Sents = text.AppendSentences(doc.Sents[:0], doc.Rec.Text, doc.Tokens)
	if sg.vocab != nil {
		sg.vocab.Tag(doc)
	}
	words := 0
	for _, t := range doc.Tokens {
		if t.Kind == article.Word {
			words++
		}
	}
	doc.Rec.Tone.WordCount = words
	doc.Rec.Sentences = make([]article.Span, len(doc.Sents))
	for i, s := range doc.Sents {
		doc.Rec.Sentences[i] = s.Span
	}
	return nil
}

// rawText is the stage used instead of clean in Raw mode: the text is kept
// byte for byte.
type rawText struct{}

func (rawText) Name() string { return "raw" }

func (rawText) Process(_ context.Context, doc *article.Doc) error {
	doc.Rec.Text = doc.In.Text
	if strings.TrimSpace(doc.Rec.Text) == "" {
		return article.ErrEmpty
	}
	return nil
}

// finish gives the record its id and version and makes empty lists
// explicit, so that every record has the same shape.
func finish(doc *article.Doc, version string) {
	r := &doc.Rec
	r.ID = ID(r.Text)
	r.Pipeline = version
	if r.Boilerplate == nil {
		r.Boilerplate = []article.Boilerplate{}
	}
	if r.Embeds == nil {
		r.Embeds = []article.Embed{}
	}
	if r.Sentences == nil {
		r.Sentences = []article.Span{}
	}
	if r.Entities == nil {
		r.Entities = []article.Entity{}
	}
	if r.Quotes == nil {
		r.Quotes = []article.Quote{}
	}
	if r.Attributions == nil {
		r.Attributions = []article.Attribution{}
	}
	if r.Amounts == nil {
		r.Amounts = []article.Amount{}
	}
	if r.Dates == nil {
		r.Dates = []article.Date{}
	}
	if r.Events == nil {
		r.Events = []article.Event{}
	}
	if r.Themes == nil {
		r.Themes = []article.Theme{}
	}
}

// ID returns the stable id of an article with clean text s: the first 16
// hex digits of the SHA-256 of its words, lower-cased and joined by single
// spaces, so that copies differing only in case, spacing or punctuation
// between words share an id. A word is a run of ASCII letters and digits
// and of non-ASCII characters; each is followed by a space in the hashed
// text.
func ID(s string) string {
	h := sha256.New()
	// The words are lower-cased into buf and hashed a bufferful at a time:
	// hashing word by word, or splitting s into a slice of words first,
	// cost more than the rest of this function. ASCII bytes go through
	// idByte in one pass; a word with other bytes is lower-cased whole.
	bp := idBufs.Get().(*[4096]byte)
	defer idBufs.Put(bp)
	buf := bp[:]
	n := 0 // bytes in buf
	inWord := false
	for i := 0; i < len(s); i++ {
		// eight bytes at a time while each is an ASCII letter or a space,
		// no two spaces are next to each other and the first is no space
		// unless a word comes before (most of a news text): they are
		// hashed as they are, capitals lowered. Each byte is below 0x80,
		// so adding to it carries into no other byte.
		for i+8 <= len(s) && n+8 <= len(buf) {
			const ones, hi = 0x0101010101010101, 0x8080808080808080
			t := s[i : i+8] // one load, as binary.LittleEndian.Uint64 of a byte slice
			v := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
			if v&hi != 0 {
				break
			}
			lower := (v + ones*(0x80-'a')) &^ (v + ones*(0x80-'z'-1))
			upper := (v + ones*(0x80-'A')) &^ (v + ones*(0x80-'Z'-1))
			x := v ^ ones*' '
			space := ^((x&^hi + ones*0x7f) | x) & hi // 0x80 in each byte that is a space
			if (lower|upper|space)&hi != hi || space&(space<<8) != 0 || !inWord && space&0x80 != 0 {
				break
			}
			binary.LittleEndian.PutUint64(buf[n:n+8], v|upper&hi>>2)
			inWord = space>>63 == 0
			i += 8
			n += 8
		}
		if i == len(s) {
			break
		}
		// a run of ASCII word bytes, as far as buf has room: no call in
		// this loop, so that it runs in registers
		if lim := min(len(s), i+len(buf)-n); idByte[s[i]] > 1 && i < lim {
			for ; i < lim; i++ {
				b := idByte[s[i]]
				if b <= 1 {
					break
				}
				buf[n] = b
				n++
			}
			inWord = true
			if i == len(s) {
				break
			}
		}
		b := idByte[s[i]]
		if b > 1 {
			if n == len(buf) {
				h.Write(buf)
				n = 0
			}
			buf[n] = b
			n++
			inWord = true
			continue
		}
		if b == 0 {
			if inWord {
				if n == len(buf) {
					h.Write(buf)
					n = 0
				}
				buf[n] = ' '
				n++
				inWord = false
			}
			continue
		}
		// A byte of a multi-byte (or invalid) UTF-8 sequence: the word it
		// is in is lower-cased as text.Lower does, from the word's start
		// or, when part of it was hashed already, from what is left in
		// buf (ASCII bytes, lowered alike).
		start := i
		for start > 0 && isWordByte(s[start-1]) && i-start < n {
			start--
		}
		n -= i - start
		end := i
		for end < len(s) && isWordByte(s[end]) {
			end++
		}
		low := text.Lower(s[start:end])
		if n+len(low) > len(buf) {
			h.Write(buf[:n])
			n = 0
		}
		if len(low) > len(buf) {
			h.Write([]byte(low))
		} else {
			n += copy(buf[n:], low)
		}
		inWord = true
		i = end - 1
	}
	if inWord {
		if n == len(buf) {
			h.Write(buf)
			n = 0
		}
		buf[n] = ' '
		n++
	}
	h.Write(buf[:n])
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// idBufs are ID's buffers.
var idBufs = sync.Pool{New: func() any { return new([4096]byte) }}

// idByte maps a byte of an ASCII word to itself lower-cased, a byte
// between words to 0 and a byte of a non-ASCII character to 1.
var idByte = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case c >= utf8.RuneSelf:
			t[c] = 1
		}
	}
	return t
}()

// isWordByte reports whether byte c belongs to a word for ID: an ASCII
// letter or digit, or any byte of a multi-byte (or invalid) UTF-8
// sequence, which decodes to a rune above 127.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

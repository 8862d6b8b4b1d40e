package clean

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"newsgraph/internal/article"
)

// Result is a plain text cleaned: the body, and what was taken out of it.
type Result struct {
	// Text is the clean body: one paragraph per line, or paragraphs
	// separated by one blank line, as given.
	Text string
	// Boilerplate and Embeds were removed from the body; their At is an
	// offset in Text.
	Boilerplate []article.Boilerplate
	Embeds      []article.Embed
	// Repaired is set when bytes that were not UTF-8 were read as
	// Windows-1252.
	Repaired bool
}

// Text cleans a plain-text article body. It normalises Unicode and
// whitespace line by line, takes out boilerplate lines and bracketed
// boilerplate inside lines, and recognises embedded social-media posts.
// Paragraph structure is kept as given: lines are not joined. Cleaning the
// cleaned text changes nothing. Text is a pure function, safe for
// concurrent use; it runs in time linear in len(s).
func Text(s string) Result {
	st := statePool.Get().(*state)
	defer st.release()
	st.out = slices.Grow(st.out[:0], len(s))
	for len(s) > 0 {
		// a line ends at \n, \r\n, or a lone \r
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			i = len(s)
		}
		raw := s[:i]
		if j := strings.IndexByte(raw, '\r'); j >= 0 && j < len(raw)-1 {
			raw, i = s[:j], j
		} else if j >= 0 {
			raw = raw[:j]
		}
		s = s[min(i+1, len(s)):]
		st.line, st.flags, st.words, st.scratch = normLine(st.line, st.scratch, raw)
		if st.flags&fRepaired != 0 {
			st.res.Repaired = true
		}
		if len(st.line) == 0 {
			st.blank = len(st.out) > 0
			continue
		}
		st.process()
	}
	if st.pending {
		st.flushPending()
	}
	st.res.Text = string(st.out)
	return st.res
}

// statePool keeps the buffers of finished runs for the next ones.
var statePool = sync.Pool{New: func() any { return new(state) }}

// maxPooledBytes is the largest output buffer kept for reuse.
const maxPooledBytes = 1 << 20

// release resets st and returns it to the pool.
func (st *state) release() {
	out, line, scratch, key, recent := st.out[:0], st.line[:0], st.scratch[:0], st.key[:0], st.recent[:0]
	if cap(out) > maxPooledBytes {
		out = nil
	}
	*st = state{out: out, line: line, scratch: scratch, key: key, recent: recent}
	statePool.Put(st)
}

// maxRecent is how many written lines are remembered for the walk back
// over a post's lines when its signature shows up.
const maxRecent = 16

// written is a line already in the output.
type written struct {
	start, end int // its bytes in out
	cut        int // where the separator before it starts
	flags      uint16
	words      int
	blank      bool // a blank line stood before it
	marker     bool // an embed opened here ("View this post on Instagram")
}

// state is one run of Text: the output so far and the line at hand.
type state struct {
	res     Result
	out     []byte
	recent  []written
	blank   bool // a blank line is pending before the next line
	line    []byte
	scratch []byte
	key     []byte
	flags   uint16
	words   int
	// marker is the index in res.Embeds of an Instagram embed whose
	// opening line was seen and whose signature may follow; -1 if none.
	marker  int
	started bool
	// pending is set when the last written line holds a post link
	// (pic.twitter.com, t.co): whether it is a post is decided by the next
	// line, which may be the post's signature.
	pending bool
}

// process handles the normalised line in st.line.
func (st *state) process() {
	if !st.started {
		st.marker, st.started = -1, true
	}
	if st.pending && !isSignatureLine(st.line) {
		st.flushPending()
	}
	line := st.line
	origLen := len(line)
	bpBefore := len(st.res.Boilerplate)
	if st.flags&fBracket != 0 {
		line = st.cutInline(line)
	}
	if n, kind := tailCut(line); n >= 0 {
		st.addBoiler(kind, string(bytes.TrimSpace(line[n:])), n)
		line = line[:n]
	}
	if len(line) == 0 {
		st.fixAt(bpBefore, st.boundary())
		return
	}
	st.line = line
	if bytes.Contains(line, []byte("(@")) {
		if sig, ok := xSignature(line); ok {
			st.fixAt(bpBefore, st.boundary())
			st.post(PlatformX, sig, line[:sig.textEnd], false)
			return
		}
	}
	words := st.words
	if len(line) != origLen {
		words = bytes.Count(line, []byte(" ")) + 1
	}
	if words <= maxBoilerWords {
		st.key = lineKey(st.key, line)
		if sig, ok := instaSignature(line, st.key); ok {
			st.fixAt(bpBefore, st.boundary())
			st.post(PlatformInstagram, sig, nil, true)
			return
		}
		if isInstaOpener(st.key) {
			st.fixAt(bpBefore, st.boundary())
			st.res.Embeds = append(st.res.Embeds, article.Embed{Platform: PlatformInstagram, At: st.boundary()})
			st.marker = len(st.res.Embeds) - 1
			st.pushMarker()
			return
		}
		if kind := matchLine(line, st.key, words); kind != "" {
			st.fixAt(bpBefore, st.boundary())
			st.addBoiler(kind, string(line), -1)
			return
		}
	}
	if st.flags&fSlash != 0 && st.embedLinks(line, words) {
		st.fixAt(bpBefore, st.boundary())
		return
	}
	st.write(line)
}

// boundary is the offset in the output where a removed line stood: the end
// of the text written so far.
func (st *state) boundary() int { return len(st.out) }

// fixAt moves the boilerplate found on the current line (from index i on)
// to offset at: used when the whole line went.
func (st *state) fixAt(i, at int) {
	for ; i < len(st.res.Boilerplate); i++ {
		st.res.Boilerplate[i].At = at
	}
}

// addBoiler records boilerplate; off ≥ 0 is its offset within the line to
// be written next, -1 means the whole line went.
func (st *state) addBoiler(kind, s string, off int) {
	at := st.boundary()
	if off >= 0 {
		at = st.nextStart() + off
	}
	st.res.Boilerplate = append(st.res.Boilerplate, article.Boilerplate{Kind: kind, Text: s, At: at})
}

// nextStart is where the next written line will start.
func (st *state) nextStart() int {
	switch {
	case len(st.out) == 0:
		return 0
	case st.blank:
		return len(st.out) + 2
	}
	return len(st.out) + 1
}

// write appends a line to the output.
func (st *state) write(line []byte) {
	w := written{cut: len(st.out), flags: st.flags, words: st.words, blank: st.blank}
	if len(st.out) > 0 {
		if st.blank {
			st.out = append(st.out, '\n', '\n')
		} else {
			st.out = append(st.out, '\n')
		}
	}
	w.start = len(st.out)
	st.out = append(st.out, line...)
	w.end = len(st.out)
	st.blank = false
	st.remember(w)
}

func (st *state) remember(w written) {
	if len(st.recent) >= 4*maxRecent {
		st.recent = append(st.recent[:0], st.recent[len(st.recent)-maxRecent:]...)
	}
	st.recent = append(st.recent, w)
}

// pushMarker remembers where an Instagram embed opened, as an empty line.
func (st *state) pushMarker() {
	st.remember(written{start: len(st.out), end: len(st.out), cut: len(st.out), blank: st.blank, marker: true})
}

// cutInline takes bracketed boilerplate out of line: "(RELATED: …)",
// "[Read more: …]", "(Photo by …)". The space before it goes with it.
func (st *state) cutInline(line []byte) []byte {
	w := 0
	for r := 0; r < len(line); {
		c := line[r]
		if (c == '(' || c == '[') && r+1 < len(line) {
			if kind := inlineKind(line[r+1:]); kind != "" {
				if j := closeBracket(line[r:]); j > 0 {
					if w > 0 && line[w-1] == ' ' {
						w--
					}
					st.addBoiler(kind, string(line[r:r+j+1]), w)
					r += j + 1
					if w == 0 {
						for r < len(line) && line[r] == ' ' {
							r++
						}
					}
					continue
				}
			}
		}
		line[w] = c
		w++
		r++
	}
	return bytes.TrimRight(line[:w], " ")
}

// isInstaOpener recognises the first line of a copied Instagram post.
func isInstaOpener(key []byte) bool {
	k := bytes.TrimRight(key, ". ") // no copy of every line
	return string(k) == "view this post on instagram" || string(k) == "view this profile on instagram"
}

// post records a copied post whose signature is the current line: the
// post's text is pre (the signature line before its dash) plus the lines
// above that look like a post, which are taken out of the output again.
// Instagram posts take every line since their opening line instead.
func (st *state) post(platform string, sig signature, pre []byte, insta bool) {
	k := st.walkBack(len(bytes.TrimSpace(pre)), insta)
	at := st.boundary()
	var body []byte
	blank := st.blank
	if k < len(st.recent) {
		at = st.recent[k].cut
		blank = st.recent[k].blank
		for _, w := range st.recent[k:] {
			if w.end > w.start {
				body = append(body, st.out[w.start:w.end]...)
				body = append(body, '\n')
			}
		}
		st.out = st.out[:at]
		st.recent = st.recent[:k]
		st.clampAt(at)
	}
	st.blank = blank && len(st.out) > 0
	body = append(body, pre...)
	txt, links := takeLinks(body)
	e := article.Embed{Platform: platform, Author: sig.author, Handle: sig.handle, Date: sig.date, Text: txt, Links: links, At: at}
	if insta && st.marker >= 0 {
		e.At = st.res.Embeds[st.marker].At
		if e.At > at {
			e.At = at
		}
		st.res.Embeds[st.marker] = e
		st.marker = -1
		return
	}
	st.res.Embeds = append(st.res.Embeds, e)
}

// clampAt moves to at the boilerplate and embeds recorded past it, after
// the output was cut back to at. Offsets are recorded in order, so only
// the last entries can be past it.
func (st *state) clampAt(at int) {
	for i := len(st.res.Boilerplate) - 1; i >= 0 && st.res.Boilerplate[i].At > at; i-- {
		st.res.Boilerplate[i].At = at
	}
	for i := len(st.res.Embeds) - 1; i >= 0 && st.res.Embeds[i].At > at; i-- {
		st.res.Embeds[i].At = at
	}
}

// Walk-back limits: a post is at most this many lines above its
// signature, and this many bytes.
const (
	maxPostLines = 8
	maxPostBytes = 1500
	// maxPostWords is the longest line taken into a post.
	maxPostWords = 60
)

// walkBack returns the index in st.recent of the first line that belongs
// to the post whose signature is at hand; len(st.recent) when none does.
// It goes up over lines that look like a post — hashtags, mentions,
// emoji, ⁰ artefacts, post links — and stops at other lines, with one
// exception: when the signature line holds no text of its own (pre is
// 0), the line right above it is the post's text whatever it looks like,
// unless it introduces the post ("He wrote:") or is long. For Instagram
// it goes up to the opening line when one was seen.
func (st *state) walkBack(pre int, insta bool) int {
	k := len(st.recent)
	if insta && st.marker >= 0 {
		for i := k - 1; i >= 0 && k-i <= 12; i-- {
			if st.recent[i].marker {
				return i
			}
		}
		st.marker = -1
	}
	size := pre
	for n := 0; k > 0 && n < maxPostLines; n++ {
		w := st.recent[k-1]
		if w.marker {
			break
		}
		line := st.out[w.start:w.end]
		marked := w.flags&(fHash|fMention|fEmoji|fArtefact) != 0 || hasPostLink(line)
		textless := n == 0 && pre == 0 && w.words <= maxPostWords && line[len(line)-1] != ':'
		if w.words > maxPostWords || !marked && !textless {
			break
		}
		size += len(line)
		if size > maxPostBytes {
			break
		}
		k--
	}
	return k
}

func hasPostLink(line []byte) bool {
	return bytes.Contains(line, []byte("pic.twitter.com/")) || bytes.Contains(line, []byte("t.co/"))
}

// embedLinks handles a line holding links: a line that is only an embed
// link becomes an embed; a line with a pic.twitter.com or t.co link is
// written and left pending (see flushPending). It reports whether it took
// the line.
func (st *state) embedLinks(line []byte, words int) bool {
	if words == 1 {
		if p := linkPlatform(string(line)); p != "" {
			st.res.Embeds = append(st.res.Embeds, article.Embed{Platform: p, Links: []string{string(line)}, At: st.boundary()})
			return true
		}
		return false
	}
	if words > maxPostWords || !hasPostLink(line) {
		return false
	}
	st.write(line)
	st.pending = true
	return true
}

// isSignatureLine reports whether line ends with a post's signature.
func isSignatureLine(line []byte) bool {
	if !bytes.Contains(line, []byte("(@")) {
		return false
	}
	_, ok := xSignature(line)
	return ok
}

// flushPending decides on the last written line, which holds post links
// and was not followed by a signature: with the marks of a post
// (hashtags, mentions, emoji) it is a post without its signature, taken
// out with the marked lines above it; otherwise it is prose, and only its
// post links are taken out, each as an embed of its own.
func (st *state) flushPending() {
	st.pending = false
	if len(st.recent) == 0 {
		return
	}
	w := st.recent[len(st.recent)-1]
	if w.flags&(fHash|fMention|fEmoji|fArtefact) != 0 {
		st.post(PlatformX, signature{}, nil, false)
		return
	}
	line := st.out[w.start:w.end]
	out := make([]byte, 0, len(line))
	var links []string
	var ats []int
	for r := 0; r < len(line); {
		if isLinkStart(line, r) && (bytes.HasPrefix(line[r:], []byte("pic.twitter.com/")) || bytes.HasPrefix(line[r:], []byte("https://t.co/")) || bytes.HasPrefix(line[r:], []byte("t.co/"))) {
			if j := linkEnd(line, r); j > r {
				for len(out) > 0 && out[len(out)-1] == ' ' {
					out = out[:len(out)-1]
				}
				links = append(links, string(line[r:j]))
				ats = append(ats, len(out))
				r = j
				continue
			}
		}
		out = append(out, line[r])
		r++
	}
	out = bytes.TrimSpace(out)
	// boilerplate cut from inside this line moves to its start: the
	// line's bytes are shifting
	for i := len(st.res.Boilerplate) - 1; i >= 0 && st.res.Boilerplate[i].At > w.start; i-- {
		st.res.Boilerplate[i].At = w.start
	}
	st.out = append(st.out[:w.start], out...)
	st.recent[len(st.recent)-1].end = len(st.out)
	if len(out) == 0 { // nothing but links: the line goes
		st.out = st.out[:w.cut]
		st.recent = st.recent[:len(st.recent)-1]
		st.blank = w.blank && len(st.out) > 0
		st.clampAt(len(st.out))
	}
	for i, l := range links {
		at := min(w.start+ats[i], len(st.out))
		if len(out) == 0 {
			at = len(st.out)
		}
		st.res.Embeds = append(st.res.Embeds, article.Embed{Platform: PlatformX, Links: []string{l}, At: at})
	}
}

package text

import (
	"strings"

	"newsgraph/internal/article"
)

// MaxSentenceTokens bounds a sentence's length: tables and lists flattened
// into text are cut so that later stages never see a runaway sentence.
const MaxSentenceTokens = 250

// starters are capitalised words that, after an abbreviation that may end a
// sentence ("in the U.S. The"), show a new sentence begins.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("The A An He She It They We I You This That These Those There But And " +
		"In On At For If When While After Before As His Her Its Their Our My Some Many Most " +
		"Officials Police However Meanwhile Still Yet So Then Now Last Next One Two No Not") {
		m[w] = true
	}
	return m
}()

// Sentences splits text into sentences using its tokens (from Tokenize).
// A sentence ends at . ! ? or … followed by a capitalised word, a number,
// an opening quote or a new line; closing quotes and brackets after the
// mark stay with it. A quote ending in ? ! or … keeps the speaker and
// verb after it (“Why?” Graham asked); one ending in a full stop does
// not (“It is over.” He left). Blank lines always end a sentence; single line
// breaks do too unless the next line starts with a lower-case word or the
// text is hard-wrapped (lines of similar length that run on), so headlines
// without a final stop stand alone.
func Sentences(s string, toks []article.Token) []article.Sentence {
	return AppendSentences(nil, s, toks)
}

// AppendSentences appends the sentences of s with tokens toks (see
// Sentences) to out, whose spare room a caller may reuse.
func AppendSentences(out []article.Sentence, s string, toks []article.Token) []article.Sentence {
	if len(toks) == 0 {
		return out
	}
	wrapped := hardWrapped(s)
	first := 0
	emit := func(last int) { // tokens [first, last)
		if last <= first {
			return
		}
		out = append(out, article.Sentence{
			Span:  article.Span{Start: toks[first].Start, End: toks[last-1].End},
			First: first, Last: last,
		})
		first = last
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Flags&(article.LineStart|article.Abbrev) == 0 && t.Kind != article.Punct && i-first < MaxSentenceTokens {
			continue // most tokens: neither test below holds (one test of the flags for both)
		}
		// Only a line's first token (a paragraph's is one too) or a long
		// sentence's next may start a sentence here.
		if i > first && (t.Flags&article.LineStart != 0 || i-first >= MaxSentenceTokens) {
			if t.Is(article.ParaStart) || t.Is(article.LineStart) && !lowerRunOn(*t) && !afterTitle(s, toks[i-1]) &&
				(!wrapped || lineBreaks(s, toks, i)) {
				emit(i)
			} else if i-first >= MaxSentenceTokens {
				emit(i)
			}
		}
		if t.Kind != article.Punct && t.Flags&article.Abbrev == 0 {
			continue // no sentence ends at a word or number (sentenceEnd's first test)
		}
		end, ok := sentenceEnd(s, toks, i)
		if ok {
			emit(end)
			i = end - 1
		}
	}
	emit(len(toks))
	return out
}

// sentenceEnd reports whether token i ends a sentence and, if so, the
// index just past the sentence's last token (after closing quotes).
func sentenceEnd(s string, toks []article.Token, i int) (int, bool) {
	t := toks[i]
	w := s[t.Start:t.End]
	abbrev := false
	switch {
	case t.Kind == article.Punct && (w[0] == '.' || w[0] == '!' || w[0] == '?' || w == "…"):
	case t.Is(article.Abbrev) && AbbrevMayEnd(w):
		abbrev = true
	default:
		return 0, false
	}
	j := i + 1
	for j < len(toks) && toks[j].Kind == article.Punct && !toks[j].Is(article.LineStart) &&
		(isCloser(s[toks[j].Start:toks[j].End]) && (toks[j].Start == toks[j-1].End || !straight(s, toks[j])) ||
			strayCloser(s, toks, j)) {
		j++
	}
	if j == len(toks) {
		return j, true
	}
	n := toks[j]
	nw := s[n.Start:n.End]
	if abbrev {
		// "in the U.S. The" ends; "the U.S. government", "L.K. Evans"
		// and, in wrapped text, "the U.S.\ncompany" do not.
		return j, n.Is(article.Cap) && starters[nw]
	}
	if n.Is(article.LineStart) {
		return j, true
	}
	if j > i+1 && w != "." && attribution(s, toks, j) {
		// “Why not?” Graham asked. After a full stop the quote is a
		// sentence of its own: “It is over.” He said nothing more.
		return 0, false
	}
	switch {
	case n.Is(article.Cap), n.Kind == article.Number, isOpener(nw):
		return j, true
	case n.Kind == article.Symbol:
		return j, true
	}
	return 0, false
}

// strayCloser reports an opening quote used as a closing one ("False.“"):
// attached to the mark before it and followed by a space or the end.
func strayCloser(s string, toks []article.Token, j int) bool {
	switch s[toks[j].Start:toks[j].End] {
	case "“", "‘":
	default:
		return false
	}
	return toks[j].Start == toks[j-1].End && (j+1 == len(toks) || toks[j+1].Start > toks[j].End)
}

// speechVerbs are verbs that attribute a quote ending in ? or ! to the
// speaker named after it: “Why not?” Graham asked.
var speechVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("said says asked asks added adds told tells demanded demands wrote writes noted notes " +
		"replied replies stated states explained explains insisted insists continued continues tweeted tweets " +
		"declared declares argued argues recalled recalls repeated repeats pressed presses shouted shouts " +
		"exclaimed exclaims wondered wonders joked jokes quipped quips warned warns responded responds " +
		"countered counters remarked remarks cried cries yelled yells chanted chant chanted answered answers") {
		m[w] = true
	}
	return m
}()

// attribution reports whether the tokens from j name a speaker and a
// speech verb after a closing quote: up to four capitalised words or a
// pronoun, then the verb ("Graham asked", "Sen. Ted Cruz said", "she
// added").
func attribution(s string, toks []article.Token, j int) bool {
	if !isCloser(s[toks[j-1].Start:toks[j-1].End]) && !strayCloser(s, toks, j-1) {
		return false
	}
	if t := toks[j]; t.Kind == article.Word {
		switch s[t.Start:t.End] {
		case "He", "She", "They", "We", "I":
			return j+1 < len(toks) && speechVerbs[s[toks[j+1].Start:toks[j+1].End]]
		}
	}
	for k := j; k < len(toks) && k < j+5; k++ {
		t := toks[k]
		if t.Is(article.LineStart) && k > j || t.Kind != article.Word {
			return false
		}
		if !t.Is(article.Cap) {
			return k > j && speechVerbs[s[t.Start:t.End]]
		}
	}
	return false
}

// straight reports a straight quote mark, which may open or close: after a
// space it opens the next sentence (tax. "We should …).
func straight(s string, t article.Token) bool {
	w := s[t.Start:t.End]
	return w == "\"" || w == "'"
}

func isCloser(w string) bool {
	switch w {
	case "\"", "”", "’", "'", ")", "]", "»", "›":
		return true
	}
	return false
}

func isOpener(w string) bool {
	switch w {
	case "\"", "“", "‘", "(", "[", "«", "'", "—", "–", "-":
		return true
	}
	return false
}

// afterTitle reports a token that cannot end a line: a title or an
// initial ("Mr.", "Gen.", "L.") whose name goes on on the next line.
func afterTitle(s string, t article.Token) bool {
	return t.Is(article.Abbrev) && !AbbrevMayEnd(s[t.Start:t.End])
}

// lowerRunOn reports a line that starts with a lower-case word: it goes on
// with the sentence of the line before, wrapped or not.
func lowerRunOn(t article.Token) bool { return t.Kind == article.Word && !t.Is(article.Cap) }

// lineBreaks decides, in hard-wrapped text, whether the line break before
// token i ends a sentence: it does after a line ending in a stop or colon,
// or after a short line (a headline or the end of a paragraph).
func lineBreaks(s string, toks []article.Token, i int) bool {
	prev, next := toks[i-1], toks[i]
	pw := s[prev.Start:prev.End]
	if prev.Is(article.Abbrev) {
		return AbbrevMayEnd(pw) && next.Is(article.Cap) && starters[s[next.Start:next.End]]
	}
	if strings.ContainsAny(pw[len(pw)-1:], ".!?:") {
		return next.Is(article.Cap) || next.Kind != article.Word
	}
	lineStart := strings.LastIndexByte(s[:prev.End], '\n') + 1
	return prev.End-lineStart < 40
}

// hardWrapped reports whether s looks like text wrapped at a fixed width:
// most lines run on to the next without a stop and have similar lengths.
func hardWrapped(s string) bool {
	lines, long, runOn := 0, 0, 0
	// pairs of adjacent lines, and those where a line with no final stop
	// goes on with a lower-case word: the surest sign of wrapping.
	adjacent, lowerRunOn := 0, 0
	prevEnd := byte(0) // last byte of the previous line, 0 after a blank line
	for len(s) > 0 {
		nl := strings.IndexByte(s, '\n')
		line := s
		if nl < 0 {
			s = ""
		} else {
			line, s = s[:nl], s[nl+1:]
		}
		line = strings.TrimRight(line, " \t\r")
		if line == "" {
			prevEnd = 0
			continue
		}
		if prevEnd != 0 {
			adjacent++
			if first := strings.TrimLeft(line, " \t"); first != "" && first[0] >= 'a' && first[0] <= 'z' &&
				!strings.ContainsRune(".!?:\"", rune(prevEnd)) {
				lowerRunOn++
			}
		}
		prevEnd = line[len(line)-1]
		lines++
		if len(line) >= 50 && len(line) <= 100 {
			long++
			if !strings.ContainsAny(line[len(line)-1:], ".!?\"”:") {
				runOn++
			}
		}
		if lines > 400 {
			break
		}
	}
	return lines >= 4 && long*10 >= lines*6 && runOn*10 >= long*4 ||
		lowerRunOn >= 2 && lowerRunOn*4 >= adjacent
}

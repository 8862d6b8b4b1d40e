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
// mark stay with it. Blank lines always end a sentence; single line
// breaks do too unless the text is hard-wrapped (lines of similar length
// that run on), so headlines without a final stop stand alone.
func Sentences(s string, toks []article.Token) []article.Sentence {
	if len(toks) == 0 {
		return nil
	}
	wrapped := hardWrapped(s)
	var out []article.Sentence
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
		if i > first {
			t := toks[i]
			if t.Is(article.ParaStart) || (t.Is(article.LineStart) && !wrapped) ||
				(t.Is(article.LineStart) && wrapped && lineBreaks(s, toks, i)) {
				emit(i)
			} else if i-first >= MaxSentenceTokens {
				emit(i)
			}
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
	for j < len(toks) && toks[j].Kind == article.Punct && isCloser(s[toks[j].Start:toks[j].End]) && !toks[j].Is(article.LineStart) {
		j++
	}
	if j == len(toks) {
		return j, true
	}
	n := toks[j]
	if n.Is(article.LineStart) {
		return j, true
	}
	nw := s[n.Start:n.End]
	if abbrev {
		return j, n.Is(article.Cap) && starters[nw]
	}
	switch {
	case n.Is(article.Cap), n.Kind == article.Number, isOpener(nw):
		return j, true
	case n.Kind == article.Symbol:
		return j, true
	}
	return 0, false
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

// lineBreaks decides, in hard-wrapped text, whether the line break before
// token i ends a sentence: it does after a line ending in a stop or colon,
// or after a short line (a headline or the end of a paragraph).
func lineBreaks(s string, toks []article.Token, i int) bool {
	prev := toks[i-1]
	pw := s[prev.Start:prev.End]
	if strings.ContainsAny(pw[len(pw)-1:], ".!?:") {
		return toks[i].Is(article.Cap) || toks[i].Kind != article.Word
	}
	lineStart := strings.LastIndexByte(s[:prev.End], '\n') + 1
	return prev.End-lineStart < 40
}

// hardWrapped reports whether s looks like text wrapped at a fixed width:
// most lines run on to the next without a stop and have similar lengths.
func hardWrapped(s string) bool {
	lines, long, runOn := 0, 0, 0
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
			continue
		}
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
	return lines >= 4 && long*10 >= lines*6 && runOn*10 >= long*4
}

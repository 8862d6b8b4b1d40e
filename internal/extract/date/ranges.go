package date

import (
	"strings"

	"newsgraph/internal/article"
)

// ranges adds a range for two dates joined as "from 1920 until 1991",
// "between 2010 and 2015", "2019-2021" or "2010-15". The parts stay in the
// output on their own, as TimeML annotates them; the range carries the
// first value in Value and the last in End.
func (s *scanner) ranges() {
	n := len(s.out)
	for k := 0; k < n; k++ {
		a := s.out[k]
		if a.Type != tDate || a.Value == "" || strings.HasSuffix(a.Value, "_REF") {
			continue
		}
		if k+1 < n {
			b := s.out[k+1]
			if r, ok := s.joinRange(a, b); ok {
				s.out = append(s.out, r)
				continue
			}
		}
		// 2010-15
		if len(a.Value) == 4 && a.Granularity == "year" {
			rest := s.src[a.Span.End:]
			dash := 0
			switch {
			case strings.HasPrefix(rest, "-"):
				dash = 1
			case strings.HasPrefix(rest, "–"):
				dash = len("–")
			}
			if dash > 0 && len(rest) >= dash+2 && isDigit(rest[dash]) && isDigit(rest[dash+1]) && (len(rest) == dash+2 || !isDigit(rest[dash+2]) && !isLetter(rest[dash+2])) {
				endVal := a.Value[:2] + rest[dash:dash+2]
				if endVal > a.Value {
					start := s.rangeStart(a.Span.Start, "from", "between")
					end := a.Span.End + dash + 2
					s.out = append(s.out, article.Date{
						Text: s.src[start:end], Span: article.Span{Start: start, End: end},
						Value: a.Value, End: endVal, Type: tDate, Granularity: a.Granularity,
					})
				}
			}
		}
	}
}

func (s *scanner) joinRange(a, b article.Date) (article.Date, bool) {
	if b.Type != tDate || b.Value == "" || strings.HasSuffix(b.Value, "_REF") || b.Span.Start < a.Span.End {
		return article.Date{}, false
	}
	gap := strings.TrimSpace(s.src[a.Span.End:b.Span.Start])
	start := a.Span.Start
	switch strings.ToLower(gap) {
	case "-", "–", "—", "to", "until", "till", "through", "thru", "and":
		start = s.rangeStart(a.Span.Start, "from", "between")
		if strings.EqualFold(gap, "and") && start == a.Span.Start {
			return article.Date{}, false
		}
	default:
		return article.Date{}, false
	}
	return article.Date{
		Text: s.src[start:b.Span.End], Span: article.Span{Start: start, End: b.Span.End},
		Value: a.Value, End: b.Value, Type: tDate, Granularity: a.Granularity,
		Relative: a.Relative || b.Relative,
	}, true
}

// rangeStart returns the offset of one of words right before off (with
// white space between), or off.
func (s *scanner) rangeStart(off int, words ...string) int {
	j := off
	for j > 0 && (s.src[j-1] == ' ' || s.src[j-1] == '\t' || s.src[j-1] == '\n') {
		j--
	}
	for _, w := range words {
		if j >= len(w) && strings.EqualFold(s.src[j-len(w):j], w) && (j == len(w) || !isLetter(s.src[j-len(w)-1])) {
			return j - len(w)
		}
	}
	return off
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

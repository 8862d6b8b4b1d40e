package amount

import (
	"strconv"
	"strings"

	"newsgraph/internal/article"
)

// numWords are the cardinal number words: units and tens are added, scales
// multiply.
var numWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply what comes before them.
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// suffixScales are the scale abbreviations written after digits: $5bn,
// 300m, 2.5tn, 10k.
var suffixScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}

// WordValue returns the value of a single cardinal number word ("sixteen",
// "twenty-five", "hundred"), lower case.
func WordValue(w string) (float64, bool) {
	if v, ok := numWords[w]; ok {
		return v, true
	}
	if v, ok := scaleWords[w]; ok {
		return v, true
	}
	if tens, units, ok := strings.Cut(w, "-"); ok {
		t, ok1 := numWords[tens]
		u, ok2 := numWords[units]
		if ok1 && ok2 && t >= 20 && int(t)%10 == 0 && u >= 1 && u <= 9 {
			return t + u, true
		}
	}
	return 0, false
}

// ParseDigits reads a number written in digits with optional thousands
// commas and a decimal point: "16", "1,300", "5.2", "0.75". Anything else
// is not a number.
func ParseDigits(s string) (float64, bool) {
	if s == "" || len(s) > 40 {
		return 0, false
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || strings.ContainsAny(frac, ",.")) {
		return 0, false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	for i := 0; i < len(intPart); i++ {
		if intPart[i] < '0' || intPart[i] > '9' {
			return 0, false
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return 0, false
		}
	}
	if intPart == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(intPart+"."+frac, 64)
	if !hasDot {
		v, err = strconv.ParseFloat(intPart, 64)
	}
	return v, err == nil
}

// NumberAt reads a cardinal number starting at token i and ending before
// token end: digits ("1,300", "5.2"), digits with a scale ("5.2 billion",
// "$5bn" as "5bn"), or words ("sixteen", "two hundred and fifty",
// "a hundred", "twenty-five", "a dozen"). It returns the value and the
// index of the first token after it. Tokens must be of text s.
func NumberAt(s string, toks []article.Token, i, end int) (v float64, next int, ok bool) {
	if i >= end || i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	w := s[t.Start:t.End]
	if t.Kind == article.Number {
		digits, suffix := splitSuffix(w)
		v, ok = ParseDigits(digits)
		if !ok {
			return 0, i, false
		}
		if suffix != "" {
			m, ok := suffixScales[lower(suffix)]
			if !ok {
				return 0, i, false
			}
			return v * m, i + 1, true
		}
		next = i + 1
		if next < end && toks[next].Kind == article.Word {
			if m, ok := scaleWords[lower(tokText(s, toks[next]))]; ok {
				return v * m, next + 1, true
			}
		}
		return v, next, true
	}
	if t.Kind != article.Word {
		return 0, i, false
	}
	lw := lower(w)
	if (lw == "a" || lw == "an") && i+1 < end {
		nw := lower(tokText(s, toks[i+1]))
		if _, ok := scaleWords[nw]; ok {
			v, next, _ := wordsAt(s, toks, i+1, end, 1) // a hundred, a million
			return v, next, true
		}
		if nw == "dozen" {
			return 12, i + 2, true
		}
		return 0, i, false
	}
	if lw == "dozen" {
		return 12, i + 1, true
	}
	if _, ok := WordValue(lw); !ok {
		return 0, i, false
	}
	if _, isScale := scaleWords[lw]; isScale {
		return 0, i, false // "hundred" alone is not a number here
	}
	v, next, ok = wordsAt(s, toks, i, end, 0)
	return v, next, ok
}

// wordsAt reads a run of number words from token i. start is a value
// already read (1 for "a hundred").
func wordsAt(s string, toks []article.Token, i, end int, start float64) (float64, int, bool) {
	total, cur := 0.0, start
	read := false
	j := i
	for j < end {
		t := toks[j]
		if t.Kind != article.Word {
			break
		}
		lw := lower(tokText(s, t))
		if lw == "and" {
			// "two hundred and fifty": "and" joins a scale to a smaller
			// number
			if read && j+1 < end && toks[j+1].Kind == article.Word {
				nv, ok := WordValue(lower(tokText(s, toks[j+1])))
				if ok && nv < 100 && (cur >= 100 && int(cur)%100 == 0 || total > 0 && cur == 0) {
					j++
					continue
				}
			}
			break
		}
		if m, ok := scaleWords[lw]; ok {
			if cur == 0 {
				cur = 1
			}
			if m == 100 {
				cur *= m
			} else {
				total += cur * m
				cur = 0
			}
			read = true
			j++
			continue
		}
		v, ok := WordValue(lw)
		if !ok {
			break
		}
		if read && cur != 0 && int(cur)%100 != 0 && !(cur >= 20 && int(cur)%10 == 0 && v < 10) {
			break // "two three" is two numbers
		}
		cur += v
		read = true
		j++
	}
	if !read {
		return 0, i, false
	}
	return total + cur, j, true
}

// splitSuffix splits "5bn" into "5" and "bn"; "1,300" has no suffix.
func splitSuffix(w string) (digits, suffix string) {
	i := len(w)
	for i > 0 && (w[i-1] < '0' || w[i-1] > '9') {
		i--
	}
	return w[:i], w[i:]
}

func tokText(s string, t article.Token) string { return s[t.Start:t.End] }

// lower lower-cases ASCII letters without allocating when there are none
// to change.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

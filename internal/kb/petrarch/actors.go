package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Actor is one actor record: its phrases (the primary one and the "+"
// synonyms) and its codes.
type Actor struct {
	Phrases []Phrase
	// Default is the code used when no dated code applies ("" when the
	// record has none, which codes as nothing).
	Default string
	// Dated are the date-restricted codes, in file order; the first whose
	// interval holds the date wins.
	Dated []DatedCode
	Line  int
}

// DatedCode is a code valid from From to To inclusive (YYYYMMDD; "" is
// open).
type DatedCode struct {
	Code     string
	From, To string
}

// CodeAt returns the actor's codes on date (YYYYMMDD; "" takes the
// default). Several codes ("FRO/BIL/SAM") come back split; the null code
// "---" comes back as nil.
func (a *Actor) CodeAt(date string) []string {
	code := a.Default
	if date != "" {
		for _, d := range a.Dated {
			if (d.From == "" || date >= d.From) && (d.To == "" || date <= d.To) {
				code = d.Code
				break
			}
		}
	}
	if code == "" || code == "---" {
		return nil
	}
	return strings.Split(code, "/")
}

// ReadActors reads an actors dictionary.
func ReadActors(r io.Reader, name string) ([]Actor, error) {
	ls, err := lines(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var out []Actor
	var cur *Actor
	flush := func() {
		if cur != nil && len(cur.Phrases) > 0 {
			out = append(out, *cur)
		}
		cur = nil
	}
	for n, raw := range ls {
		l := cutComment(raw)
		if strings.TrimSpace(l) == "" {
			continue
		}
		indented := l[0] == '\t' || l[0] == ' '
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				continue
			}
			ph, codes := splitCodes(t[1:])
			if p := parsePhrase(ph); len(p.Words) > 0 {
				cur.Phrases = append(cur.Phrases, p)
			}
			for _, c := range codes {
				if err := cur.addCode(c); err != nil {
					return nil, &FormatError{name, n + 1, err.Error()}
				}
			}
		case strings.HasPrefix(t, "[") && (indented || cur != nil):
			if cur == nil {
				continue
			}
			_, codes := splitCodes(t)
			for _, c := range codes {
				if err := cur.addCode(c); err != nil {
					return nil, &FormatError{name, n + 1, err.Error()}
				}
			}
		default:
			flush()
			ph, codes := splitCodes(t)
			cur = &Actor{Line: n + 1}
			if p := parsePhrase(ph); len(p.Words) > 0 {
				cur.Phrases = append(cur.Phrases, p)
			}
			for _, c := range codes {
				if err := cur.addCode(c); err != nil {
					return nil, &FormatError{name, n + 1, err.Error()}
				}
			}
		}
	}
	flush()
	return out, nil
}

// splitCodes separates "PHRASE [A] [B]" into the phrase and the bracketed
// contents.
func splitCodes(s string) (string, []string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil
	}
	phrase := s[:i]
	var codes []string
	rest := s[i:]
	for {
		a := strings.IndexByte(rest, '[')
		if a < 0 {
			break
		}
		b := strings.IndexByte(rest[a:], ']')
		if b < 0 {
			codes = append(codes, strings.TrimSpace(rest[a+1:]))
			break
		}
		codes = append(codes, strings.TrimSpace(rest[a+1:a+b]))
		rest = rest[a+b+1:]
	}
	return phrase, codes
}

// addCode reads "CODE", "CODE <DATE", "CODE >DATE" or "CODE D1-D2".
func (a *Actor) addCode(s string) error {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	code := strings.ToUpper(f[0])
	restr := strings.Join(f[1:], "")
	if restr == "" {
		if strings.ContainsAny(code, "<>") || looksLikeDate(code) {
			return nil // a restriction without a code: ignored, as PETRARCH does
		}
		if a.Default == "" {
			a.Default = code
		} else {
			a.Dated = append(a.Dated, DatedCode{Code: code})
		}
		return nil
	}
	if looksLikeDate(strings.TrimLeft(code, "<>")) && !strings.ContainsAny(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return nil // "[950601-990815]": no code
	}
	d := DatedCode{Code: code}
	switch restr[0] {
	case '<':
		to, err := normDate(restr[1:])
		if err != nil {
			return err
		}
		d.To = prevDay(to)
	case '>':
		from, err := normDate(restr[1:])
		if err != nil {
			return err
		}
		d.From = nextDay(from)
	default:
		x, y, ok := strings.Cut(restr, "-")
		if !ok {
			return fmt.Errorf("bad date restriction %q", s)
		}
		var err error
		if d.From, err = normDate(x); err != nil {
			return err
		}
		if d.To, err = normDate(y); err != nil {
			return err
		}
	}
	a.Dated = append(a.Dated, d)
	return nil
}

func looksLikeDate(s string) bool {
	if len(s) != 6 && len(s) != 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// normDate turns YYMMDD or YYYYMMDD into YYYYMMDD; two-digit years below
// 30 are 20YY, others 19YY.
func normDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !looksLikeDate(s) {
		return "", fmt.Errorf("bad date %q", s)
	}
	if len(s) == 6 {
		if s[:2] < "30" {
			return "20" + s, nil
		}
		return "19" + s, nil
	}
	return s, nil
}

// "<D" means before D and ">D" after D; the limits of intervals are
// inclusive. Dates are compared as strings, so the neighbouring days need
// no calendar: "<19950601" becomes "up to 19950600".
func prevDay(d string) string {
	b := []byte(d)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] > '0' {
			b[i]--
			return string(b)
		}
		b[i] = '9'
	}
	return d
}

func nextDay(d string) string { return d + "~" } // sorts after d and before d's next day

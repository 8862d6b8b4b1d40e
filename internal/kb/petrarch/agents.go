package petrarch

import (
	"fmt"
	"io"
	"strings"
)

// Agent is a generic actor noun (SOLDIERS, POLICE, FOREIGN_MINISTER) whose
// code combines with a country's: after it ("[~MIL]": OSG + MIL = OSGMIL)
// or, when Prefix is set ("[NGO~]"), before it.
type Agent struct {
	Phrase Phrase
	Code   string
	Prefix bool
	Line   int
}

// ReadAgents reads an agents dictionary. Regular plurals of the last word
// are added (S; IES after a consonant and Y; ES after SS, X, CH, SH) unless
// the entry gives its plurals in {…}; "{}" means no plural.
func ReadAgents(r io.Reader, name string) ([]Agent, error) {
	ls, err := lines(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	subs := map[string][]string{}
	var out []Agent
	for n, raw := range ls {
		l := strings.TrimSpace(cutComment(raw))
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "!") {
			if k, v, ok := strings.Cut(l, "="); ok {
				key := strings.TrimSpace(k)
				var vals []string
				for _, x := range strings.Split(v, ",") {
					if x = strings.TrimSpace(x); x != "" {
						vals = append(vals, x)
					}
				}
				subs[key] = vals
				continue
			}
		}
		head, codes := splitCodes(l)
		if len(codes) == 0 {
			continue
		}
		code := strings.ReplaceAll(strings.ToUpper(codes[0]), " ", "")
		prefix := false
		switch {
		case strings.HasPrefix(code, "~"):
			code = code[1:]
		case strings.HasSuffix(code, "~"):
			code = code[:len(code)-1]
			prefix = true
		default:
			return nil, &FormatError{name, n + 1, fmt.Sprintf("agent code %q has no ~", codes[0])}
		}
		phrase := head
		var plurals []string
		explicit := false
		if a := strings.IndexByte(head, '{'); a >= 0 {
			explicit = true
			phrase = head[:a]
			b := strings.IndexByte(head[a:], '}')
			inner := head[a+1:]
			if b >= 0 {
				inner = head[a+1 : a+b]
			}
			plurals = strings.Fields(inner)
		}
		phrase = strings.TrimSpace(phrase)
		forms := []string{phrase}
		if explicit {
			forms = append(forms, plurals...)
		} else {
			forms = append(forms, pluralPhrase(phrase))
		}
		for _, f := range forms {
			for _, g := range substitute(f, subs) {
				p := parsePhrase(g)
				if len(p.Words) > 0 {
					out = append(out, Agent{Phrase: p, Code: code, Prefix: prefix, Line: n + 1})
				}
			}
		}
	}
	return out, nil
}

// substitute expands "!NAME!" markers with each value of their set.
func substitute(s string, subs map[string][]string) []string {
	a := strings.IndexByte(s, '!')
	if a < 0 {
		return []string{s}
	}
	b := strings.IndexByte(s[a+1:], '!')
	if b < 0 {
		return []string{s}
	}
	key := s[a : a+b+2]
	vals, ok := subs[key]
	if !ok {
		return []string{strings.ReplaceAll(s, key, "")}
	}
	var out []string
	for _, v := range vals {
		out = append(out, substitute(s[:a]+v+s[a+b+2:], subs)...)
	}
	return out
}

// pluralPhrase adds the regular plural to the last word of a phrase.
func pluralPhrase(p string) string {
	if strings.Contains(p, "!") && strings.HasSuffix(p, "!") {
		return p // ends in a substitution set: the set holds the plurals
	}
	return Plural(p)
}

// Plural returns the regular English plural of w (upper or lower case).
func Plural(w string) string {
	if w == "" {
		return w
	}
	up := strings.ToUpper(w) == w
	low := strings.ToLower(w)
	var out string
	switch {
	case strings.HasSuffix(low, "ss") || strings.HasSuffix(low, "x") || strings.HasSuffix(low, "ch") || strings.HasSuffix(low, "sh"):
		out = w + "es"
	case strings.HasSuffix(low, "y") && len(low) > 1 && !strings.ContainsRune("aeiou", rune(low[len(low)-2])):
		out = w[:len(w)-1] + "ies"
	default:
		out = w + "s"
	}
	if up {
		return strings.ToUpper(out)
	}
	return out
}

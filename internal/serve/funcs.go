package serve

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
)

// funcs are the template functions.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"actorHref":   actorHref,
		"articleHref": func(id string) string { return "/articles/" + url.PathEscape(id) },
		"link":        link,
		"quadName": func(q int) string {
			if q >= 1 && q <= 4 {
				return quadNames[q]
			}
			return ""
		},
		"day": func(s string) string {
			if len(s) > 10 {
				return s[:10]
			}
			return s
		},
		"num":     func(n any) string { return formatInt(toInt64(n)) },
		"gold":    func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"mark":    markSnippet,
		"cameo":   s.names.cameoName,
		"country": s.names.countryName,
		"clip":    clipText,
		"lower":   strings.ToLower,
		"title": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		},
		"add": func(a, b int) int { return a + b },
		"host": func(raw string) string {
			u, err := url.Parse(raw)
			if err != nil {
				return ""
			}
			return strings.TrimPrefix(u.Hostname(), "www.")
		},
		"entityClass": entityClass,
		"meta": func(parts ...string) string {
			var out []string
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return strings.Join(out, " · ")
		},
		"num1":   func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"amount": amountTitle,
	}
}

func toInt64(n any) int64 {
	switch x := n.(type) {
	case int:
		return int64(x)
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

// formatInt writes n with thousands separators.
func formatInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// formatNumber writes an amount: whole numbers with separators, others
// with up to two decimals.
func formatNumber(v float64) string {
	if v == float64(int64(v)) && v < 1e15 && v > -1e15 {
		return formatInt(int64(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

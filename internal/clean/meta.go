package clean

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says about itself in its head and structured data.
type meta struct {
	title, outlet, canonical, published, language string
	publishedTime                                 time.Time
	authors                                       []string
}

// pageFacts collects every candidate value in one walk of the page;
// readMeta then picks by source priority.
type pageFacts struct {
	metas     map[string]string // first content per lower-cased name/property/itemprop
	htmlLang  string
	title     string // <title>
	h1        string
	canonical string
	timeTag   string // <time datetime> marked as the publication time
	ld        ldFacts
}

// ldFacts are the fields read from JSON-LD article objects.
type ldFacts struct {
	headline, published, publisher, url, language string
	authors                                       []string
}

// maxLDBytes caps the JSON-LD script read from a page.
const maxLDBytes = 1 << 20

// readMeta reads title, authors, publication time, outlet, canonical URL
// and declared language from doc: JSON-LD (schema.org NewsArticle and
// kin), Open Graph and other meta tags, <link rel=canonical>, <time>, the
// html lang attribute, <title> and the first <h1>.
func readMeta(doc *html.Node) meta {
	f := pageFacts{metas: map[string]string{}}
	f.walk(doc, 0)
	var m meta
	get := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(f.metas[k]); v != "" {
				return v
			}
		}
		return ""
	}
	m.title = firstNonEmpty(get("og:title", "twitter:title"), f.ld.headline, f.h1, stripSiteSuffix(f.title))
	m.outlet = firstNonEmpty(get("og:site_name"), f.ld.publisher, get("application-name", "al:android:app_name", "al:iphone:app_name"))
	for _, u := range []string{f.canonical, get("og:url", "twitter:url"), f.ld.url} {
		if isAbsURL(u) {
			m.canonical = u
			break
		}
	}
	for _, d := range []string{f.ld.published, get("article:published_time", "og:article:published_time", "article:published", "datepublished",
		"publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
		"dc.date", "dcterms.created", "date", "original-publish-date", "article.published", "og:published_time"), f.timeTag} {
		if t, s, ok := parseISOTime(d); ok {
			m.published, m.publishedTime = s, t
			break
		}
	}
	m.authors = f.ld.authors
	if len(m.authors) == 0 {
		if a := get("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"); a != "" && !strings.Contains(a, "://") {
			m.authors = splitAuthors(a)
		}
	}
	m.language = langCode(firstNonEmpty(f.htmlLang, f.ld.language, get("og:locale", "content-language", "language", "dc.language")))
	return m
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// langCode turns "en-US", "en_GB", "EN" into "en"; anything else gives "".
func langCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 || !isASCIILetter(s[0]) || !isASCIILetter(s[1]) {
		return ""
	}
	return s
}

// stripSiteSuffix removes " | Site", " - Site" and " — Site" from a
// <title>.
func stripSiteSuffix(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 0 && len(t)-i < 50 && i > 15 {
			return t[:i]
		}
	}
	return t
}

// splitAuthors splits "Jane Doe and John Smith", "Jane Doe, John Smith"
// and drops a leading "By".
func splitAuthors(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	if rest, ok := cutPrefixFold(s, "by "); ok {
		s = rest
	}
	var out []string
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(s, " and ", ","), " & ", ","), func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if p := strings.TrimSpace(part); p != "" && len(p) < 80 {
			out = appendNew(out, p)
		}
	}
	return out
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func (f *pageFacts) walk(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			f.htmlLang = attr(n, "lang")
			if f.htmlLang == "" {
				f.htmlLang = attr(n, "xml:lang")
			}
		case atom.Title:
			if f.title == "" && n.FirstChild != nil && depth < 6 {
				f.title = n.FirstChild.Data
			}
		case atom.H1:
			if f.h1 == "" {
				f.h1 = strings.TrimSpace(render(n))
			}
		case atom.Meta:
			content := attr(n, "content")
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(attr(n, k)); key != "" {
					if _, ok := f.metas[key]; !ok {
						f.metas[key] = content
					}
				}
			}
		case atom.Link:
			if f.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
				f.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Time:
			if f.timeTag == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
				f.timeTag = attr(n, "datetime")
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				f.readLD(n.FirstChild.Data)
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, depth+1)
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "blogposting": true, "liveblogposting": true,
	"report": true, "scholarlyarticle": true, "socialmediaposting": true, "techarticle": true, "webpage": true,
	"reviewnewsarticle": true, "askpublicnewsarticle": true, "satiricalarticle": true,
}

// readLD reads the first article object of a JSON-LD script, looking
// inside arrays and @graph.
func (f *pageFacts) readLD(s string) {
	if len(s) > maxLDBytes || f.ld.headline != "" && f.ld.published != "" {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return
	}
	f.ldValue(v, 0)
}

func (f *pageFacts) ldValue(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			f.ldValue(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			f.ldValue(g, depth+1)
		}
		if !isArticleType(x["@type"]) {
			return
		}
		isPage := strings.EqualFold(ldString(x["@type"]), "webpage")
		set := func(dst *string, val string) {
			if *dst == "" && val != "" {
				*dst = val
			}
		}
		if !isPage || f.ld.headline == "" {
			set(&f.ld.headline, ldString(x["headline"]))
		}
		set(&f.ld.published, ldString(x["datePublished"]))
		set(&f.ld.language, ldString(x["inLanguage"]))
		if p, ok := x["publisher"].(map[string]any); ok {
			set(&f.ld.publisher, ldString(p["name"]))
		}
		if !isPage {
			set(&f.ld.url, ldString(x["url"]))
			if len(f.ld.authors) == 0 {
				f.ld.authors = ldNames(x["author"], 0)
			}
		}
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s := ldString(x["@value"]); s != "" {
			return s
		}
		return ldString(x["name"])
	}
	return ""
}

// ldNames reads author names: a string, a Person object, or an array of
// either.
func ldNames(v any, depth int) []string {
	if depth > 3 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if strings.Contains(x, "://") {
			return nil
		}
		return splitAuthors(html.UnescapeString(x))
	case map[string]any:
		if n := ldString(x["name"]); n != "" && !strings.Contains(n, "://") {
			return []string{strings.Join(strings.Fields(n), " ")}
		}
	case []any:
		var out []string
		for _, e := range x {
			for _, n := range ldNames(e, depth+1) {
				out = appendNew(out, n)
			}
		}
		return out
	}
	return nil
}

// isoLayouts are the ISO 8601 forms that meta tags and JSON-LD use.
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"2006-01-02",
	"20060102",
}

// parseISOTime parses a metadata date. It returns the time and its
// normalised text: RFC 3339 when the time of day is given, else
// YYYY-MM-DD.
func parseISOTime(s string) (time.Time, string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 40 {
		return time.Time{}, "", false
	}
	for _, l := range isoLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return time.Time{}, "", false
		}
		if strings.Contains(l, "15") {
			return t, t.Format(time.RFC3339), true
		}
		return t, t.Format("2006-01-02"), true
	}
	return time.Time{}, "", false
}

package clean

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"newsgraph/internal/article"
)

// Engine chooses how the main content of an HTML page is found.
type Engine int

// Engines. Their accuracy on the article-extraction benchmark is in the
// README (newsgraph eval extract).
const (
	// EngineAuto is the measured best choice: go-trafilatura and
	// go-readability combined paragraph by paragraph (see combine). Pages
	// too large for trafilatura use readability, pages too large for both
	// the whole body.
	EngineAuto Engine = iota
	// EngineTrafilatura is github.com/markusmobius/go-trafilatura alone.
	EngineTrafilatura
	// EngineReadability is codeberg.org/readeck/go-readability alone.
	EngineReadability
	// EngineWhole takes the text of the whole page body: a baseline.
	EngineWhole
)

var engineNames = []string{"auto", "trafilatura", "readability", "whole"}

// String returns the engine's name.
func (e Engine) String() string {
	if int(e) < len(engineNames) {
		return engineNames[e]
	}
	return fmt.Sprintf("Engine(%d)", int(e))
}

// ParseEngine returns the engine called name.
func ParseEngine(name string) (Engine, error) {
	for i, n := range engineNames {
		if n == name {
			return Engine(i), nil
		}
	}
	return 0, fmt.Errorf("unknown engine %q (want one of %s)", name, strings.Join(engineNames, ", "))
}

// Engines lists every engine, for evaluation.
func Engines() []Engine {
	return []Engine{EngineAuto, EngineTrafilatura, EngineReadability, EngineWhole}
}

// Page is an HTML page cleaned: its text as Text would clean it, and the
// metadata the page gives.
type Page struct {
	Result
	Title   string
	Authors []string
	// Published is RFC 3339 when the time of day is known, else
	// YYYY-MM-DD; PublishedTime is the same parsed.
	Published     string
	PublishedTime time.Time
	// Outlet is the site's name (og:site_name, JSON-LD publisher).
	Outlet string
	// URL is the canonical URL when the page states one.
	URL string
	// Language is the ISO 639-1 code guessed from the text, or declared by
	// the page when the text is unclear.
	Language string
	// Problems are what could not be done as usual.
	Problems []string
}

// HTML extracts the article from an HTML page: the page is decoded to
// UTF-8 (BOM, meta charset, or Windows-1252 for stray bytes), parsed, its
// main content found by the Cleaner's engine and rendered to text
// (scripts, styles, iframes, forms and figures never reach it), and that
// text cleaned by Text. A page over the size cap fails with an error
// wrapping article.ErrTooLarge and article.ErrEmpty. A page the parser
// rejects (too deeply nested) is read as a stream of text instead, with a
// problem noted. HTML never panics on bad input: an engine that panics is
// recovered from and the next one tried.
func (c *Cleaner) HTML(ctx context.Context, page string) (Page, error) {
	var p Page
	if len(page) > c.opts.MaxHTMLBytes {
		return p, fmt.Errorf("%w: page of %d bytes is over the %d-byte cap (%w)", article.ErrTooLarge, len(page), c.opts.MaxHTMLBytes, article.ErrEmpty)
	}
	page, note := decodePage(page)
	if note != "" {
		p.Problems = append(p.Problems, note)
	}
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		p.Problems = append(p.Problems, fmt.Sprintf("page not parsed (%v): text read without layout", err))
		p.Result = Text(streamText(page))
		p.Language = Language(p.Text)
		return p, nil
	}
	if err := ctx.Err(); err != nil {
		return p, err
	}
	m := readMeta(doc)
	p.Title, p.Authors, p.Outlet, p.URL = m.title, m.authors, m.outlet, m.canonical
	p.Published, p.PublishedTime = m.published, m.publishedTime
	embeds := prepareEmbeds(doc)
	prune(doc)
	body, problem := c.extract(doc, m)
	if problem != "" {
		p.Problems = append(p.Problems, problem)
	}
	p.Result = Text(restoreSignatures(body, embeds))
	p.Embeds = mergeEmbeds(p.Embeds, embeds, len(p.Text))
	p.Language = Language(p.Text)
	if p.Language == "" {
		p.Language = m.language
	}
	return p, nil
}

// extract runs the Cleaner's engine on doc and returns the content as
// text, falling back from an engine that fails, panics or finds too
// little.
func (c *Cleaner) extract(doc *html.Node, m meta) (string, string) {
	var pageURL *url.URL
	if m.canonical != "" {
		pageURL, _ = url.Parse(m.canonical)
	}
	var problems []string
	run := func(e Engine) string {
		txt, err := runEngine(e, doc, pageURL)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", e, err))
		}
		return txt
	}
	// Engines slow down faster than the page grows (trafilatura is
	// quadratic in paragraphs): large pages go to the cheaper ones.
	engine := c.opts.Engine
	if n := countElements(doc); n > maxReadabilityElements {
		problems = append(problems, fmt.Sprintf("page of %d elements: body text taken whole", n))
		engine = EngineWhole
	} else if n > maxTrafilaturaElements && (engine == EngineAuto || engine == EngineTrafilatura) {
		problems = append(problems, fmt.Sprintf("page of %d elements: readability alone", n))
		engine = EngineReadability
	}
	var txt string
	switch engine {
	case EngineAuto:
		txt = combine(run(EngineTrafilatura), run(EngineReadability))
		if strings.TrimSpace(txt) == "" {
			txt = run(EngineWhole)
		}
	default:
		txt = run(engine)
	}
	return dropTitle(txt, m.title), strings.Join(problems, "; ")
}

// dropTitle removes the headline from the start of the body when the
// engine kept it: the record holds it apart.
func dropTitle(body, title string) string {
	if title == "" {
		return body
	}
	s := strings.TrimLeft(body, " \n")
	end := strings.Index(s, "\n\n")
	if end < 0 {
		return body
	}
	if strings.EqualFold(strings.Join(strings.Fields(s[:end]), " "), strings.Join(strings.Fields(title), " ")) {
		return s[end+2:]
	}
	return body
}

// runEngine runs one engine, turning a panic into an error.
func runEngine(e Engine, doc *html.Node, pageURL *url.URL) (txt string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	switch e {
	case EngineTrafilatura:
		res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
			OriginalURL:     pageURL,
			ExcludeComments: true,
			HtmlDateMode:    trafilatura.Disabled, // go-htmldate is not linked (internal/nohtmldate)
			MaxTreeSize:     maxTreeNodes,
		})
		if err != nil {
			return "", err
		}
		if res == nil || res.ContentNode == nil {
			return "", errNoContent
		}
		return render(res.ContentNode), nil
	case EngineReadability:
		parser := readability.NewParser()
		parser.MaxElemsToParse = maxTreeNodes
		art, err := parser.ParseDocument(doc, pageURL)
		if err != nil {
			return "", err
		}
		if art.Node == nil {
			return "", errNoContent
		}
		return render(art.Node), nil
	default:
		body := findBody(doc)
		if body == nil {
			return "", errNoContent
		}
		return render(body), nil
	}
}

var errNoContent = errors.New("no content found")

// Element limits: past maxTrafilaturaElements a page skips trafilatura,
// past maxReadabilityElements readability too. News pages have a few
// thousand elements; at 10,000 paragraphs trafilatura takes seconds.
const (
	maxTrafilaturaElements = 8_000
	maxReadabilityElements = 100_000
	maxTreeNodes           = maxReadabilityElements
)

// countElements counts the element nodes under n.
func countElements(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode {
		c = 1
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countElements(k)
	}
	return c
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// decodePage returns the page as UTF-8. Valid UTF-8 is kept whatever the
// page declares (pages are often re-encoded without their meta tag being
// changed); otherwise the BOM or the declared charset decides, and a page
// with neither is read as Windows-1252. The note says what was done, if
// anything.
func decodePage(page string) (string, string) {
	if strings.HasPrefix(page, "\ufeff") {
		page = page[3:]
	}
	if utf8.ValidString(page) {
		return page, ""
	}
	head := []byte(page[:min(len(page), 4096)])
	enc, name, certain := charset.DetermineEncoding(head, "text/html")
	if name == "utf-8" || enc == nil {
		s, _ := repairUTF8(page)
		return s, "bytes that are not UTF-8 read as Windows-1252"
	}
	out, _, err := transform.String(enc.NewDecoder(), page)
	if err != nil {
		s, _ := repairUTF8(page)
		return s, fmt.Sprintf("page not decodable as %s (%v): stray bytes read as Windows-1252", name, err)
	}
	if !certain {
		return out, "page declares no charset and is not UTF-8: read as " + name
	}
	return out, ""
}

// streamText returns the text of a page that could not be parsed into a
// tree: the tokenizer's text, without scripts, styles and the like, with
// block tags as paragraph breaks. It runs in linear time.
func streamText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var sb strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return sb.String()
			}
			return sb.String()
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if blocks[a] || a == atom.Br {
				sb.WriteString("\n\n")
			}
		case html.TextToken:
			if skip == 0 {
				sb.Write(bytes.Join(bytes.Fields(z.Text()), []byte(" ")))
				sb.WriteByte(' ')
			}
		}
	}
}

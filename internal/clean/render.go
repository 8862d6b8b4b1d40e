package clean

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newsgraph/internal/article"
)

// blocks are the elements that start a new paragraph.
var blocks = atomSet(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center,
	atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Footer,
	atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Li,
	atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary, atom.Table,
	atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul, atom.Caption)

// skipped are the elements whose content never reaches the text: code,
// styles, frames, media, forms and figure captions.
var skipped = atomSet(atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame,
	atom.Frameset, atom.Object, atom.Embed, atom.Svg, atom.Math, atom.Canvas, atom.Video, atom.Audio,
	atom.Source, atom.Track, atom.Picture, atom.Img, atom.Button, atom.Select, atom.Option, atom.Input,
	atom.Textarea, atom.Form, atom.Figcaption, atom.Figure, atom.Head, atom.Title, atom.Meta, atom.Link,
	atom.Base, atom.Applet, atom.Map, atom.Area, atom.Param, atom.Dialog)

// nodeAtom returns n's atom, looked up by name for the elements that
// engines create without one.
func nodeAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

// render returns the text of n: paragraphs (block elements) separated by
// blank lines, <br> as a line break, whitespace inside a paragraph
// collapsed as a browser would (kept in <pre>). Skipped and hidden
// elements give nothing. Unknown elements (which some engines use for
// their own structure) are treated as inline.
func render(n *html.Node) string {
	r := renderer{}
	r.node(n, 0)
	return r.sb.String()
}

type renderer struct {
	sb    strings.Builder
	pre   int
	space bool // a space is pending
	// breaks is how many line breaks end the output (2 = a blank line).
	breaks int
}

// maxRenderDepth guards the recursion; the parser already caps nesting
// at 512 open elements.
const maxRenderDepth = 1000

func (r *renderer) node(n *html.Node, depth int) {
	if depth > maxRenderDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
	default:
		return
	}
	a := nodeAtom(n)
	if n.Type == html.ElementNode {
		if skipped[a] || hidden(n) {
			return
		}
		if a == atom.Br || n.Data == "lb" {
			r.brk(1)
			return
		}
	}
	block := n.Type == html.ElementNode && blocks[a]
	if block {
		r.brk(2)
	}
	if a == atom.Pre {
		r.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, depth+1)
	}
	if a == atom.Pre {
		r.pre--
	}
	if a == atom.Td || a == atom.Th {
		r.space = true
	}
	if block {
		r.brk(2)
	}
}

// brk ends the current line with k line breaks at least.
func (r *renderer) brk(k int) {
	r.space = false
	if r.sb.Len() == 0 {
		return
	}
	for r.breaks < k {
		r.sb.WriteByte('\n')
		r.breaks++
	}
}

func (r *renderer) text(s string) {
	if r.pre > 0 {
		r.sb.WriteString(s)
		r.breaks = 0
		if strings.HasSuffix(s, "\n") {
			r.breaks = 1
		}
		return
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		if j > i {
			if r.space && r.breaks == 0 && r.sb.Len() > 0 {
				r.sb.WriteByte(' ')
			}
			r.sb.WriteString(s[i:j])
			r.space = false
			r.breaks = 0
		}
		if j < len(s) {
			r.space = true
		}
		for j < len(s) && isHTMLSpace(s[j]) {
			j++
		}
		i = j
	}
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// hidden reports elements a reader does not see: the hidden attribute,
// aria-hidden, or an inline display:none / visibility:hidden style.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for c := range strings.FieldsSeq(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// prune removes from doc what must never reach the text, before any
// engine sees the page: the skipped elements (scripts, styles, frames,
// forms, media) and hidden ones. Engines re-create elements and drop
// attributes, so this cannot wait for rendering. Comments go too.
func prune(n *html.Node) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type == html.CommentNode,
				c.Type == html.ElementNode && (skipped[nodeAtom(c)] && !keptForEngines[nodeAtom(c)] || hidden(c)):
				n.RemoveChild(c)
			case depth < maxRenderDepth:
				walk(c, depth+1)
			}
			c = next
		}
	}
	walk(n, 0)
}

// keptForEngines are skipped elements that engines use as signals (the
// head's metadata, figures around images); they are skipped when
// rendering instead.
var keptForEngines = atomSet(atom.Head, atom.Title, atom.Meta, atom.Link, atom.Base, atom.Figure, atom.Figcaption, atom.Img, atom.Picture, atom.Source)

// prepareEmbeds finds the embedded posts of a page — the blockquotes that
// X, Instagram and TikTok give publishers to paste — and reads each into
// an Embed (its At unset). The blockquotes stay in the page: where the
// engine keeps them in the body, the text cleaner finds them again.
func prepareEmbeds(doc *html.Node) []article.Embed {
	var out []article.Embed
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxRenderDepth {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Blockquote {
			switch {
			case hasClass(n, "twitter-tweet") || hasClass(n, "twitter-video"):
				if e, ok := domPost(n, PlatformX); ok {
					out = append(out, e)
				}
				return
			case hasClass(n, "instagram-media"):
				if e, ok := domPost(n, PlatformInstagram); ok {
					out = append(out, e)
				}
				return
			case hasClass(n, "tiktok-embed"):
				e := article.Embed{Platform: PlatformTikTok, Text: strings.TrimSpace(render(n))}
				if u := attr(n, "cite"); u != "" {
					e.Links = []string{u}
				}
				out = append(out, e)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return out
}

// domPost reads an embed blockquote: its text through the text cleaner's
// signature readers, its links from the anchors.
func domPost(n *html.Node, platform string) (article.Embed, bool) {
	res := Text(render(n))
	e := article.Embed{Platform: platform}
	if len(res.Embeds) > 0 {
		// the blockquote is the post: its text is all the text the
		// signature's walk back left behind, and the post's own
		e = res.Embeds[len(res.Embeds)-1]
		e.Platform = platform
		if res.Text != "" {
			txt, links := takeLinks([]byte(res.Text))
			e.Text = strings.TrimSpace(txt + "\n" + e.Text)
			for _, l := range links {
				e.Links = appendNew(e.Links, l)
			}
		}
	} else {
		e.Text = res.Text
	}
	e.At = 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			if h := attr(c, "href"); linkPlatform(h) != "" {
				e.Links = appendNew(e.Links, h)
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return e, e.Text != "" || e.Handle != ""
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// mergeEmbeds adds to found (the embeds the text cleaner recognised) the
// links of the page's embed blockquotes, and the blockquotes the engine
// left out of the body, placed at the end of the text (at).
func mergeEmbeds(found, dom []article.Embed, at int) []article.Embed {
	for _, d := range dom {
		matched := false
		for i := range found {
			f := &found[i]
			if f.Platform == d.Platform && (d.Handle != "" && strings.EqualFold(f.Handle, d.Handle) && f.Date == d.Date ||
				d.Handle == "" && f.Text == d.Text) {
				for _, l := range d.Links {
					f.Links = appendNew(f.Links, l)
				}
				if len(d.Text) >= len(f.Text) {
					f.Text = d.Text // the page's version keeps the post's lines
				}
				matched = true
				break
			}
		}
		if !matched {
			d.At = at
			found = append(found, d)
		}
	}
	return found
}

// restoreSignatures prepares the body for the text cleaner to take out
// the embedded X posts the page holds (read from its blockquotes): where
// the engine kept a post's text, its lines are joined into one and its
// signature line ("— Name (@handle) Month D, YYYY", which engines often
// drop) is put back after it, so that the cleaner takes the whole post
// out where it stood.
func restoreSignatures(body string, embeds []article.Embed) string {
	for _, e := range embeds {
		if e.Platform != PlatformX || e.Handle == "" || e.Date == "" || e.Text == "" {
			continue
		}
		lines := strings.Split(e.Text, "\n")
		start := strings.Index(body, prefixBytes(lines[0], 60))
		if start < 0 {
			continue
		}
		last := start
		if len(lines) > 1 {
			i := strings.Index(body[start:], prefixBytes(lines[len(lines)-1], 60))
			if i < 0 || i > 4*len(e.Text)+200 {
				continue
			}
			last = start + i
		}
		end := strings.IndexByte(body[last:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += last
		}
		var kept []string
		for line := range strings.SplitSeq(body[start:end], "\n") {
			if !strings.Contains(line, "(@"+e.Handle+")") { // the engine may have moved the signature
				kept = append(kept, line)
			}
		}
		joined := strings.Join(strings.Fields(strings.Join(kept, " ")), " ")
		rest := body[end:]
		next := strings.TrimLeft(rest, "\n ")
		if nl := strings.IndexByte(next, '\n'); nl >= 0 {
			next = next[:nl]
		}
		if strings.Contains(next, "(@"+e.Handle+")") {
			body = body[:start] + joined + rest
			continue
		}
		author := e.Author
		if author == "" {
			author = e.Handle
		}
		body = body[:start] + joined + fmt.Sprintf("\n— %s (@%s) %s", author, e.Handle, longDate(e.Date)) + rest
	}
	return body
}

// prefixBytes returns at most n bytes of s, cut at a rune boundary.
func prefixBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// longDate writes 2025-08-08 as "August 8, 2025".
func longDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("January 2, 2006")
}

package clean_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/clean"
	"newsgraph/internal/testutil"
)

// pageMeta is what meta.json pins for an HTML case.
type pageMeta struct {
	Title       string                `json:"title,omitempty"`
	Authors     []string              `json:"authors,omitempty"`
	Published   string                `json:"published,omitempty"`
	Outlet      string                `json:"outlet,omitempty"`
	URL         string                `json:"url,omitempty"`
	Language    string                `json:"language,omitempty"`
	Boilerplate []article.Boilerplate `json:"boilerplate,omitempty"`
	Embeds      []article.Embed       `json:"embeds,omitempty"`
	Problems    []string              `json:"problems,omitempty"`
}

// hostileMarks are words that the fixtures put only in places that must
// never reach the text: scripts, styles, frames, hidden elements, forms.
var hostileMarks = []string{"SCRIPT TEXT", "STYLE TEXT", "ONLOAD", "NOSCRIPT", "IFRAME", "TEMPLATE", "HIDDEN TEXT",
	"SVG TEXT", "OBJECT TEXT", "IMG TEXT", "COMMENT TEXT", "JS LINK", "FORM TEXT", "TEXTAREA", "OPTION TEXT",
	"BUTTON TEXT", "MATH TEXT", "INJECTED", "dataLayer", "function(", "tracking loaded", "<"}

// TestHTML runs the cases in testdata/<case>/source.html: the clean text
// must equal expected.txt and the metadata meta.json (rewritten under
// -update).
func TestHTML(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/source.html")
	if len(dirs) == 0 {
		t.Fatal("no HTML cases")
	}
	c := clean.New(clean.Options{})
	for _, src := range dirs {
		dir := filepath.Dir(src)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			page, err := c.HTML(context.Background(), string(raw))
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, page.Result)
			for _, m := range hostileMarks {
				if strings.Contains(page.Text, m) {
					t.Errorf("text holds %q, which the page hid", m)
				}
			}
			meta := pageMeta{page.Title, page.Authors, page.Published, page.Outlet, page.URL, page.Language,
				page.Boilerplate, page.Embeds, page.Problems}
			mj, _ := json.MarshalIndent(meta, "", "  ")
			golden(t, filepath.Join(dir, "expected.txt"), page.Text+"\n")
			golden(t, filepath.Join(dir, "meta.json"), string(mj)+"\n")
			if again := clean.Text(page.Text); again.Text != page.Text {
				t.Errorf("cleaning the text again changed it:\n%s", testutil.Diff(page.Text, again.Text))
			}
		})
	}
}

// golden compares got with the file at path, or writes it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *testutil.Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (-want +got):\n%s", path, testutil.Diff(string(want), got))
	}
}

// TestHTMLBadInput covers pages that are too large, too deep, or not HTML
// at all: each gets a clear error or a best effort, never a panic.
func TestHTMLBadInput(t *testing.T) {
	ctx := context.Background()
	para := "<p>The committee met on Tuesday and agreed to publish its report on the dam before the end of the month.</p>"
	t.Run("OverCap", func(t *testing.T) {
		c := clean.New(clean.Options{MaxHTMLBytes: 1 << 20})
		_, err := c.HTML(ctx, strings.Repeat(para, (2<<20)/len(para)))
		if !errors.Is(err, article.ErrTooLarge) || !errors.Is(err, article.ErrEmpty) {
			t.Fatalf("err = %v, want ErrTooLarge and ErrEmpty", err)
		}
		if !strings.Contains(err.Error(), "cap") {
			t.Errorf("error %q does not say what the cap is", err)
		}
	})
	t.Run("Page200MB", func(t *testing.T) {
		if testing.Short() {
			t.Skip("allocates 200 MB")
		}
		doc := &article.Doc{In: article.Input{HTML: strings.Repeat("<p>x</p>", 200<<20/8)}}
		err := clean.New(clean.Options{}).Process(ctx, doc)
		if !errors.Is(err, article.ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
	})
	t.Run("DeepNesting", func(t *testing.T) {
		page := "<html><body>" + strings.Repeat("<div>", 5000) + para + strings.Repeat("</div>", 5000) + "</body></html>"
		res, err := clean.New(clean.Options{}).HTML(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Text, "The committee met on Tuesday") {
			t.Errorf("text = %q, want the paragraph", res.Text)
		}
		if len(res.Problems) == 0 {
			t.Error("no problem noted for a page too deep to parse")
		}
	})
	t.Run("DeepInline", func(t *testing.T) {
		page := "<html><body><p>" + strings.Repeat("<b><i><span>", 20000) + "deep text" + "</p></body></html>"
		if _, err := clean.New(clean.Options{}).HTML(ctx, page); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("NotHTML", func(t *testing.T) {
		for _, page := range []string{"", "plain text without tags", "\x00\x01\x02\xff\xfe", "<", "<<<>>>", "</p></p></div>", "<script>", "<!--"} {
			res, err := clean.New(clean.Options{}).HTML(ctx, page)
			if err != nil {
				t.Errorf("HTML(%q) = %v", page, err)
			}
			checkResult(t, res.Result)
		}
	})
	t.Run("ManyNodes", func(t *testing.T) {
		if testing.Short() {
			t.Skip("large page")
		}
		page := "<html><body><article>" + strings.Repeat(para, 120000) + "</article></body></html>" // 13 MB, 120,000 elements
		res, err := clean.New(clean.Options{}).HTML(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Text, "The committee met") {
			t.Error("no text from a large page")
		}
	})
}

// TestEngines checks that every engine reads a plain article page.
func TestEngines(t *testing.T) {
	raw, err := os.ReadFile("testdata/html_news/source.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range clean.Engines() {
		t.Run(e.String(), func(t *testing.T) {
			if got, err := clean.ParseEngine(e.String()); err != nil || got != e {
				t.Errorf("ParseEngine(%q) = %v, %v", e.String(), got, err)
			}
			page, err := clean.New(clean.Options{Engine: e}).HTML(context.Background(), string(raw))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Agriculture ministers from five countries", "review how the corridor is working"} {
				if !strings.Contains(page.Text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			for _, bad := range []string{"(RELATED:", "dataLayer", "tracking loaded"} {
				if strings.Contains(page.Text, bad) {
					t.Errorf("text holds %q", bad)
				}
			}
		})
	}
	if _, err := clean.ParseEngine("nope"); err == nil {
		t.Error("ParseEngine accepted an unknown name")
	}
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		"<html><body><p>Hello world, this is a paragraph of text.</p></body></html>",
		"<p>a<b>b<i>c</b>d</i></p><script>x</script><style>y</style>",
		"<blockquote class=\"twitter-tweet\"><p>t <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; N (@n) <a href=\"https://twitter.com/n/status/1\">May 1, 2024</a></blockquote>",
		"<meta charset=\"windows-1252\"><p>caf\xe9</p>",
		"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"A\"}],\"datePublished\":\"2024-01-01\"}</script>",
		"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
		"\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add(s)
	}
	c := clean.New(clean.Options{MaxHTMLBytes: 1 << 16})
	f.Fuzz(func(t *testing.T, s string) {
		page, err := c.HTML(context.Background(), s)
		if err != nil {
			if len(s) <= 1<<16 {
				t.Fatalf("HTML: %v", err)
			}
			return
		}
		checkResult(t, page.Result)
		if again := clean.Text(page.Text); again.Text != page.Text {
			t.Errorf("not idempotent:\n%s", testutil.Diff(page.Text, again.Text))
		}
	})
}

package serve_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser the end-to-end test drives: $NEWSGRAPH_CHROMIUM,
// else Debian's /usr/bin/chromium, else chromium on the PATH.
func chromium() string {
	if p := os.Getenv("NEWSGRAPH_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	p, _ := exec.LookPath("chromium")
	return p
}

// TestBrowser drives headless Chromium through the UI as a newcomer
// would: search, open an article, follow a speaker to their page, open the
// events explorer, follow an event to its sentence; and it opens the
// hostile article to check that nothing planted in it runs. Screenshots go
// to a temporary directory, and to $NEWSGRAPH_SCREENSHOTS when set (the
// README's come from there: NEWSGRAPH_SCREENSHOTS=$PWD/docs).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium()
	if exe == "" {
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium) or set NEWSGRAPH_CHROMIUM")
	}
	ts := httptest.NewServer(server(t))
	defer ts.Close()

	shots := t.TempDir()
	keep := os.Getenv("NEWSGRAPH_SCREENSHOTS")
	// The README shows these.
	readme := map[string]bool{"article": true, "overview": true, "actor-country": true, "events": true, "map": true}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Start the browser without a deadline (a deadline on the first run
	// would bound the browser's life), then bound each step.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	eval := func(js string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		s, err := chromedp.Run(sctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return s
	}
	shot := func(name string) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		// The whole page, except for the README: what a reader sees first.
		capture := chromedp.FullScreenshot(100)
		if keep != "" && readme[name] {
			capture = chromedp.CaptureScreenshot()
		}
		png, err := chromedp.Run(sctx, capture)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		for _, dir := range []string{shots, keep} {
			if dir == "" || dir == keep && !readme[name] {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}

	// 1. Search for "prisoners": the swap article comes first, the word
	// marked in its snippet.
	step("search", chromedp.Navigate(ts.URL+"/search?q=prisoners"), chromedp.WaitVisible(chromedp.CSS(".hit a.title")))
	if got := text(".hit a.title"); !strings.Contains(got, "prisoners") {
		t.Errorf("first hit %q", got)
	}
	if got := text(".hit mark"); !strings.EqualFold(got, "prisoners") {
		t.Errorf("marked %q", got)
	}
	shot("search")

	// 2. Open it: the article shows who said what.
	// The quotes list comes after the text in the page: under load the
	// text can be shown while the parser has not reached the list yet.
	step("open article", chromedp.Click(chromedp.CSS(".hit a.title")), chromedp.WaitVisible(chromedp.CSS(".text .quote")), chromedp.WaitVisible(chromedp.CSS("li.said")))
	said := eval(`Array.from(document.querySelectorAll('.said')).map(e => e.innerText).join('\n')`)
	if !strings.Contains(said, "Oksana Hrytsenko") || !strings.Contains(said, "Every one of them is home") {
		t.Errorf("who said what: %q", said)
	}
	if n := eval(`String(document.querySelectorAll('.text a.ent').length)`); n < "5" && len(n) == 1 {
		t.Errorf("%s entity links in the text", n)
	}
	shot("article")

	// 3. An event in the list leads to its sentence, highlighted.
	href := eval(`document.querySelector('.ev a').getAttribute('href')`)
	step("event to sentence", chromedp.Click(chromedp.CSS(".ev a")), chromedp.Sleep(200*time.Millisecond))
	if got := eval(`location.hash + ' ' + (document.querySelector(':target') || {}).className`); got != href+" sent" {
		t.Errorf("after following the event: %q, want %q", got, href+" sent")
	}

	// 4. The speaker's page: their quote and the actors around them.
	step("speaker", chromedp.Click(chromedp.CSS(`.said .who a`)), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := text("h1"); h != "Oksana Hrytsenko" {
		t.Errorf("actor page h1 %q", h)
	}
	if q := text(".said blockquote"); !strings.Contains(q, "Every one of them is home") {
		t.Errorf("actor quote %q", q)
	}
	shot("actor")

	// 5. A country's page, then its events in the explorer.
	step("country", chromedp.Navigate(ts.URL+"/actors/place:russia"), chromedp.WaitVisible(chromedp.CSS("svg.network")))
	shot("actor-country")
	step("events", chromedp.Click(chromedp.CSS(`a.button.light`)), chromedp.WaitVisible(chromedp.CSS("table tbody tr td")))
	if loc := eval(`location.pathname + location.search`); !strings.HasPrefix(loc, "/events?actor=place%3Arussia") {
		t.Errorf("events address %q", loc)
	}
	if rows := eval(`String(document.querySelectorAll('table tbody tr').length)`); rows == "0" {
		t.Error("no events for Russia")
	}
	step("events quad 4", chromedp.Navigate(ts.URL+"/events?quad=4"), chromedp.WaitVisible(chromedp.CSS("table tbody tr td")))
	if b := text("table tbody tr .badge"); b != "Material conflict" {
		t.Errorf("quad 4 badge %q", b)
	}
	shot("events")
	step("overview", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("svg.timeline")))
	shot("overview")
	step("map", chromedp.Navigate(ts.URL+"/map"), chromedp.WaitVisible(chromedp.CSS("svg.map")))
	shot("map")

	// 6. The hostile article: the planted markup shows as text and
	// nothing of it runs.
	step("hostile search", chromedp.Navigate(ts.URL+"/search?q=Solberg"), chromedp.WaitVisible(chromedp.CSS(".hit a.title")))
	step("hostile article", chromedp.Click(chromedp.CSS(".hit a.title")), chromedp.WaitVisible(chromedp.CSS(".text")))
	step("settle", chromedp.Sleep(300*time.Millisecond))
	if got := eval(`[window.__pwned, window.__pwnedImg, window.__pwnedTitle, window.__pwnedFrame, window.__pwnedLink].map(String).join()`); got != "undefined,undefined,undefined,undefined,undefined" {
		t.Errorf("planted script ran: %s", got)
	}
	if title := eval(`document.title`); title == "pwned" {
		t.Error("planted script changed the title")
	}
	if body := text(".text"); !strings.Contains(body, "<script>window.__pwned=1") || !strings.Contains(body, "<img src=x") {
		t.Errorf("planted markup not shown as text: %q", body)
	}
	if n := eval(`String(document.querySelectorAll('script, iframe, .text img').length)`); n != "0" {
		t.Errorf("%s script, iframe or img elements on the page", n)
	}
	shot("hostile")
	t.Logf("screenshots in %s", shots)
}

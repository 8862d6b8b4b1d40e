package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"newsgraph/internal/clean"
)

// The article-extraction benchmark (Zyte/Scrapinghub) gives, per HTML page,
// the gold main text. Scoring follows its published definition: texts are
// split into \w+ tokens; each text becomes the multiset of its token
// 4-grams (one shingle of all tokens when fewer than four); a page's
// TP/FP/FN are the multiset overlaps, normalised by their sum so that each
// page weighs the same; P and R are means over pages; F1 is the harmonic
// mean of the means.

// ShingleSize is the n of the token n-grams compared.
const ShingleSize = 4

// ExtractPage is one page's outcome.
type ExtractPage struct {
	ID      string  `json:"id"`
	URL     string  `json:"url,omitempty"`
	English bool    `json:"english"`
	TP      float64 `json:"tp"`
	FP      float64 `json:"fp"`
	FN      float64 `json:"fn"`
	// Exact is true when the token lists are equal.
	Exact bool    `json:"exact"`
	MS    float64 `json:"ms"`
	Err   string  `json:"error,omitempty"`
}

// ExtractScore is one engine's score over a set of pages.
type ExtractScore struct {
	Engine string  `json:"engine"`
	Pages  int     `json:"pages"`
	P      float64 `json:"p"`
	R      float64 `json:"r"`
	F1     float64 `json:"f1"`
	// F1Std is the standard deviation of F1 over bootstrap resamples of
	// the pages.
	F1Std    float64 `json:"f1_std"`
	Accuracy float64 `json:"accuracy"`
	// English is the same score over the pages whose gold text is English.
	EnglishPages int     `json:"english_pages"`
	EnP          float64 `json:"en_p"`
	EnR          float64 `json:"en_r"`
	EnF1         float64 `json:"en_f1"`
	// MSPerPage is the mean time to clean one page (decode, parse,
	// metadata, extraction, text cleaning) on one goroutine, each page's
	// time the fastest of ExtractOptions.Rounds.
	MSPerPage float64       `json:"ms_per_page"`
	Errors    int           `json:"errors"`
	PerPage   []ExtractPage `json:"pages_detail,omitempty"`
}

// goldPage is a page of the benchmark with its gold text.
type goldPage struct {
	id, url, body string
	html          []byte
}

// ExtractOptions configure Extract.
type ExtractOptions struct {
	// Engines are measured in order; the report's last line is the
	// first's. Empty means every engine, the default first.
	Engines []clean.Engine
	// Bootstrap is the number of resamples for F1Std; 0 means 1000.
	Bootstrap int
	// Detail keeps per-page results in the JSON report.
	Detail bool
	// Rounds is how many times each page is cleaned; its time is the
	// fastest round, which keeps other load on the machine out of the
	// figure. 0 means 3.
	Rounds int
}

// Extract scores the clean stage's HTML path on the benchmark in dir
// (html/<id>.html.gz with html/<id>.json, or ground-truth.json) for each
// engine, and returns the report.
func Extract(ctx context.Context, dir string, opts ExtractOptions) (*Report, error) {
	pages, err := readExtractGold(dir)
	if err != nil {
		return nil, err
	}
	engines := opts.Engines
	if len(engines) == 0 {
		engines = clean.Engines()
	}
	if opts.Rounds <= 0 {
		opts.Rounds = 3
	}
	if opts.Bootstrap <= 0 {
		opts.Bootstrap = 1000
	}
	english := make([]bool, len(pages))
	for i, p := range pages {
		english[i] = clean.Language(p.body) == "en"
	}
	rep := &Report{
		Task:   "extract",
		Header: []string{"engine", "pages", "P", "R", "F1", "±", "acc", "en_P", "en_R", "en_F1", "ms/page", "errors"},
	}
	var scores []ExtractScore
	for _, e := range engines {
		c := clean.New(clean.Options{Engine: e})
		sc := ExtractScore{Engine: e.String()}
		var total time.Duration
		for i, p := range pages {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			var res clean.Page
			var err error
			var el time.Duration
			for r := range opts.Rounds {
				start := time.Now()
				res, err = c.HTML(ctx, string(p.html))
				if d := time.Since(start); r == 0 || d < el {
					el = d
				}
			}
			total += el
			pr := ExtractPage{ID: p.id, URL: p.url, English: english[i], MS: float64(el.Microseconds()) / 1000}
			pred := ""
			if err != nil {
				pr.Err = err.Error()
				sc.Errors++
			} else {
				pred = res.Text
			}
			gold, got := Words(p.body), Words(pred)
			pr.TP, pr.FP, pr.FN = ShingleOverlap(gold, got)
			pr.Exact = slices.Equal(gold, got)
			sc.PerPage = append(sc.PerPage, pr)
		}
		sc.Pages = len(pages)
		sc.MSPerPage = float64(total.Microseconds()) / 1000 / float64(max(len(pages), 1))
		sc.P, sc.R, sc.F1 = shingleMeans(sc.PerPage)
		sc.Accuracy = exactShare(sc.PerPage)
		var en []ExtractPage
		for _, pr := range sc.PerPage {
			if pr.English {
				en = append(en, pr)
			}
		}
		sc.EnglishPages = len(en)
		sc.EnP, sc.EnR, sc.EnF1 = shingleMeans(en)
		sc.F1Std = bootstrapF1(sc.PerPage, opts.Bootstrap)
		if !opts.Detail {
			sc.PerPage = nil
		}
		scores = append(scores, sc)
		rep.Rows = append(rep.Rows, []string{sc.Engine, fmt.Sprint(sc.Pages), f3(sc.P), f3(sc.R), f3(sc.F1), f3(sc.F1Std), f3(sc.Accuracy),
			f3(sc.EnP), f3(sc.EnR), f3(sc.EnF1), fmt.Sprintf("%.1f", sc.MSPerPage), fmt.Sprint(sc.Errors)})
	}
	first := scores[0]
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d pages, %d English; 4-gram shingle P/R/F1 (means over pages), ± is the bootstrap std of F1; the last line is %s", first.Pages, first.EnglishPages, first.Engine))
	rep.Summary = []KV{{"F1", first.F1}, {"P", first.P}, {"R", first.R}, {"en_F1", first.EnF1}, {"ms_per_page", first.MSPerPage}}
	rep.Detail = scores
	return rep, nil
}

// readExtractGold reads the pages of the benchmark in dir, sorted by id.
func readExtractGold(dir string) ([]goldPage, error) {
	htmlDir := filepath.Join(dir, "html")
	if st, err := os.Stat(htmlDir); err != nil || !st.IsDir() {
		htmlDir = dir
	}
	files, err := filepath.Glob(filepath.Join(htmlDir, "*.html.gz"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("extract gold: no *.html.gz pages under %s", dir)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json")); err == nil {
		if err := json.Unmarshal(b, &truth); err != nil {
			return nil, fmt.Errorf("extract gold: ground-truth.json: %w", err)
		}
	}
	slices.Sort(files)
	var pages []goldPage
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".html.gz")
		p := goldPage{id: id}
		if t, ok := truth[id]; ok {
			p.body, p.url = t.ArticleBody, t.URL
		} else {
			b, err := os.ReadFile(strings.TrimSuffix(f, ".html.gz") + ".json")
			if err != nil {
				return nil, fmt.Errorf("extract gold: no ground truth for %s: %w", id, err)
			}
			var t struct {
				ArticleBody string `json:"articleBody"`
				URL         string `json:"url"`
			}
			if err := json.Unmarshal(b, &t); err != nil {
				return nil, fmt.Errorf("extract gold: %s.json: %w", id, err)
			}
			p.body, p.url = t.ArticleBody, t.URL
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("extract gold: %s: %w", f, err)
		}
		p.html, err = io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("extract gold: %s: %w", f, err)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// Words splits s into \w+ tokens as Unicode regular expressions define
// them: runs of letters, numbers and underscores.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles returns the multiset of token n-grams of toks, keyed by the
// tokens joined with a byte no token holds. Fewer than n tokens make one
// shingle of them all; no tokens make none.
func shingles(toks []string) map[string]int {
	m := map[string]int{}
	if len(toks) == 0 {
		return m
	}
	n := min(ShingleSize, len(toks))
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], "\x00")]++
	}
	return m
}

// ShingleOverlap compares the 4-gram shingle multisets of gold and
// predicted tokens and returns TP, FP and FN normalised by their sum (all
// zero when both are empty).
func ShingleOverlap(gold, pred []string) (tp, fp, fn float64) {
	g, p := shingles(gold), shingles(pred)
	var t, f, n int
	for k, gc := range g {
		pc := p[k]
		t += min(gc, pc)
		n += max(0, gc-pc)
	}
	for k, pc := range p {
		f += max(0, pc-g[k])
	}
	sum := float64(t + f + n)
	if sum == 0 {
		return 0, 0, 0
	}
	return float64(t) / sum, float64(f) / sum, float64(n) / sum
}

// shingleMeans returns mean precision, mean recall and the F1 of the two.
// A page with fp = fn = 0 scores 1; a page without predicted shingles is
// left out of the precision mean, one without gold shingles out of the
// recall mean.
func shingleMeans(pages []ExtractPage) (p, r, f1 float64) {
	var ps, rs float64
	var np, nr int
	for _, pg := range pages {
		if pg.FP == 0 && pg.FN == 0 {
			ps, rs, np, nr = ps+1, rs+1, np+1, nr+1
			continue
		}
		if pg.TP+pg.FP > 0 {
			ps += pg.TP / (pg.TP + pg.FP)
			np++
		}
		if pg.TP+pg.FN > 0 {
			rs += pg.TP / (pg.TP + pg.FN)
			nr++
		}
	}
	if np > 0 {
		p = ps / float64(np)
	}
	if nr > 0 {
		r = rs / float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func exactShare(pages []ExtractPage) float64 {
	if len(pages) == 0 {
		return 0
	}
	n := 0
	for _, p := range pages {
		if p.Exact {
			n++
		}
	}
	return float64(n) / float64(len(pages))
}

// bootstrapF1 returns the standard deviation of F1 over n resamples of
// the pages, drawn with a fixed seed so that reports repeat.
func bootstrapF1(pages []ExtractPage, n int) float64 {
	if len(pages) < 2 {
		return 0
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sample := make([]ExtractPage, len(pages))
	var sum, sum2 float64
	for range n {
		for i := range sample {
			sample[i] = pages[rng.IntN(len(pages))]
		}
		_, _, f := shingleMeans(sample)
		sum += f
		sum2 += f * f
	}
	mean := sum / float64(n)
	return math.Sqrt(max(0, sum2/float64(n)-mean*mean))
}

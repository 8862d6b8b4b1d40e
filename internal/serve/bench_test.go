package serve_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/article"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/serve"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
)

// The speed benchmark builds a store of generated articles and measures
// each page and API route. It runs only when asked:
//
//	go test ./internal/serve -run '^$' -bench Routes -bench.articles 100000 -bench.db /tmp/bench.db -timeout 2h
//
// -bench.db keeps the store for later runs (it is built when missing).
var (
	benchArticles = flag.Int("bench.articles", 0, "build a store of this many generated articles for BenchmarkRoutes (0 skips it)")
	benchDB       = flag.String("bench.db", "", "the benchmark's store; built when missing, reused when present")
)

// Words for generated articles: countries the knowledge base knows,
// invented people with offices, and sentence patterns that the pipeline
// reads as events, quotes, amounts, dates and places.
var (
	genCountries = []string{"France", "Germany", "Poland", "Ukraine", "Russia", "China", "Japan", "India", "Brazil", "Mexico",
		"Canada", "Egypt", "Turkey", "Iran", "Israel", "Saudi Arabia", "Nigeria", "Kenya", "Ethiopia", "South Africa",
		"Argentina", "Chile", "Colombia", "Peru", "Indonesia", "Vietnam", "Thailand", "Philippines", "Australia", "Pakistan",
		"Afghanistan", "Iraq", "Syria", "Jordan", "Lebanon", "Greece", "Italy", "Spain", "Sweden", "Finland",
		"Norway", "Romania", "Hungary", "Serbia", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan", "Belarus", "Lithuania"}
	genCapitals = []string{"Paris", "Berlin", "Warsaw", "Kyiv", "Moscow", "Beijing", "Tokyo", "New Delhi", "Brasília", "Mexico City",
		"Ottawa", "Cairo", "Ankara", "Tehran", "Jerusalem", "Riyadh", "Abuja", "Nairobi", "Addis Ababa", "Pretoria",
		"Buenos Aires", "Santiago", "Bogotá", "Lima", "Jakarta", "Hanoi", "Bangkok", "Manila", "Canberra", "Islamabad",
		"Kabul", "Baghdad", "Damascus", "Amman", "Beirut", "Athens", "Rome", "Madrid", "Stockholm", "Helsinki",
		"Oslo", "Bucharest", "Budapest", "Belgrade", "Tbilisi", "Yerevan", "Baku", "Astana", "Minsk", "Vilnius"}
	genGiven   = []string{"Anna", "Marek", "Elena", "Tomas", "Sofia", "David", "Laila", "Omar", "Ines", "Kenji", "Priya", "Lucas", "Amara", "Nikolai", "Fatima", "Jonas", "Mei", "Carlos", "Hana", "Yusuf"}
	genSurname = []string{"Kowal", "Brandt", "Moreau", "Haddad", "Tanaka", "Okafor", "Silva", "Petrov", "Lindqvist", "Novak", "Rahimi", "Costa", "Mensah", "Ivanova", "Sato", "Weber", "Duarte", "Karimi", "Nilsen", "Popescu"}
	genOffices = []string{"Foreign Minister", "Defence Minister", "Prime Minister", "President", "Trade Minister", "Interior Minister"}
	genActions = []string{
		"%s accused %s of violating the ceasefire",
		"%s signed a trade agreement with %s",
		"%s imposed sanctions on %s",
		"%s launched missiles at %s",
		"%s praised %s for its help",
		"%s expelled two diplomats from %s",
		"%s threatened to cut gas supplies to %s",
		"%s sent humanitarian aid to %s",
		"%s held talks with %s",
		"%s criticised %s over its border policy",
		"%s agreed to release prisoners held by %s",
		"%s condemned an attack by %s",
	}
	genTopics = []string{"energy", "grain exports", "border security", "refugees", "a new pipeline", "fishing rights", "cyberattacks", "a water dispute", "nuclear inspections", "election observers"}
	genDays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	genUnits  = []string{"prisoners", "soldiers", "tonnes of grain", "refugees", "people", "trucks"}
	genOutlet = []string{"Northern Courier", "Harbour Post", "Daily Meridian", "Wire Service", "Regional Times", "Evening Ledger", "Coastal Herald", "Capital Chronicle"}
)

// genArticle writes article i: 6 to 9 sentences between two or three
// countries, with a quote, amounts, a date and a place.
func genArticle(i int) article.Input {
	r := rand.New(rand.NewPCG(uint64(i), 0x6e657773))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	a, b := r.IntN(len(genCountries)), r.IntN(len(genCountries))
	if a == b {
		b = (b + 1) % len(genCountries)
	}
	ca, cb := genCountries[a], genCountries[b]
	person := func(c int) string {
		return pick(genGiven) + " " + genSurname[(c*7+r.IntN(3))%len(genSurname)]
	}
	pa, pb := person(a), person(b)
	oa := pick(genOffices)
	day := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(730*24)) * time.Hour)
	topic := pick(genTopics)
	var t strings.Builder
	fmt.Fprintf(&t, "%s. %s on %s, officials in %s said.\n", sentence(r, pick(genActions), ca, cb), strings.ToUpper(topic[:1])+topic[1:]+" was at the centre of the dispute", pick(genDays), genCapitals[a])
	fmt.Fprintf(&t, "“We will not accept this, and we are ready to defend our interests,” said %s %s of %s. ", oa, pa, ca)
	fmt.Fprintf(&t, "%s, %s's %s, told reporters in %s that the talks on %s would continue.\n", pb, cb, strings.ToLower(pick(genOffices)), genCapitals[b], topic)
	fmt.Fprintf(&t, "%s. About %d %s crossed the border last week, according to the United Nations.\n", sentence(r, pick(genActions), cb, ca), 10+r.IntN(5000), pick(genUnits))
	if r.IntN(2) == 0 {
		c := genCountries[r.IntN(len(genCountries))]
		fmt.Fprintf(&t, "%s. The deal is worth $%d million, %s said.\n", sentence(r, pick(genActions), c, ca), 5+r.IntN(900), pb)
	}
	fmt.Fprintf(&t, "“This is a difficult day for %s,” %s said on %s.\n", ca, pa, pick(genDays))
	fmt.Fprintf(&t, "The two governments last met in %s in %d.\n", genCapitals[r.IntN(len(genCapitals))], 2015+r.IntN(9))
	return article.Input{
		URL:       fmt.Sprintf("https://bench.example/%d", i),
		Title:     fmt.Sprintf("%s and %s at odds over %s", ca, cb, topic),
		Outlet:    pick(genOutlet),
		Published: day.Format(time.RFC3339),
		Text:      t.String(),
		Origin:    fmt.Sprintf("bench:%d", i),
	}
}

func sentence(r *rand.Rand, pattern, a, b string) string {
	s := fmt.Sprintf(pattern, a, b)
	return strings.ToUpper(s[:1]) + s[1:]
}

// benchStore opens the benchmark's store, building it when missing.
func benchStore(b *testing.B) *sqlite.DB {
	ctx := context.Background()
	path := *benchDB
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	if _, err := os.Stat(path); err == nil {
		db, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		return db
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	n := *benchArticles
	inputs := iter.Seq2[article.Input, error](func(yield func(article.Input, error) bool) {
		for i := range n {
			if !yield(genArticle(i), nil) {
				return
			}
		}
	})
	start := time.Now()
	var items []store.Item
	err = p.Run(ctx, inputs, 0, func(r pipeline.Result) error {
		if r.Err != nil {
			return nil
		}
		items = append(items, store.Item{Record: r.Record, Origin: r.Origin})
		if len(items) == 500 {
			_, err := db.Put(ctx, items)
			items = items[:0]
			if r.Seq%10000 < 500 {
				b.Logf("%d articles stored after %s", r.Seq+1, time.Since(start).Round(time.Second))
			}
			return err
		}
		return nil
	})
	if err == nil && len(items) > 0 {
		_, err = db.Put(ctx, items)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built a store of %d articles in %s", n, time.Since(start).Round(time.Second))
	return db
}

// BenchmarkRoutes measures every page and API route on the benchmark's
// store, each with a rotation of realistic parameters, and reports the
// median and 99th-percentile latency, and the first request's (on a fresh
// server, once its summary is built and its front pages warmed). Where
// the system tells a thread's CPU time (Linux), it reports the median and
// 99th percentile of that too: wall time grows with the machine's load,
// CPU time hardly does.
func BenchmarkRoutes(b *testing.B) {
	if *benchArticles == 0 && *benchDB == "" {
		b.Skip("give -bench.articles N (and -bench.db PATH to keep the store) to run")
	}
	db := benchStore(b)
	defer db.Close()
	ctx := context.Background()
	st, err := db.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("store: %d articles, %d entities, %d quotes, %d events", st.Articles, st.Entities, st.Quotes, st.Events)
	// Parameters drawn from the store.
	srv0, err := serve.New(serve.Options{Store: db})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := srv0.WaitReady(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("summary built and front pages warmed in %s", time.Since(start).Round(time.Millisecond))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.Logf("heap in use with the summary: %d MB", ms.HeapAlloc>>20)
	srv0.Close()
	var top []store.ActorCount
	benchJSON(b, srv0, "/api/actors?limit=40", &top)
	var some serve.SearchResult
	benchJSON(b, srv0, "/api/search?per_page=50&from=2025-06", &some)
	if len(top) == 0 || len(some.Items) == 0 {
		b.Fatal("empty store")
	}
	var actors, articles []string
	for _, a := range top {
		actors = append(actors, url.PathEscape(a.ID))
	}
	for _, h := range some.Items {
		articles = append(articles, h.ID)
	}
	words := []string{"sanctions", "grain", "ceasefire", "pipeline", "refugees", "talks", "missiles", "prisoners", "\"trade agreement\"", "border"}
	months := []string{"2024-02", "2024-05", "2024-09", "2025-01", "2025-04", "2025-08", "2025-11"}
	routes := []struct {
		name string
		urls func(i int) string
	}{
		{"page/overview", func(i int) string { return "/" }},
		{"page/overview-month", func(i int) string { m := months[i%len(months)]; return "/?from=" + m + "&to=" + m }},
		{"page/search", func(i int) string { return "/search?q=" + url.QueryEscape(words[i%len(words)]) }},
		{"page/search-filtered", func(i int) string {
			return "/search?q=" + url.QueryEscape(words[i%len(words)]) + "&country=" + []string{"UKR", "FRA", "CHN", "BRA"}[i%4] + "&root=" + []string{"11", "19", "04", "16"}[i%4]
		}},
		{"page/search-page5", func(i int) string { return "/search?q=" + url.QueryEscape(words[i%len(words)]) + "&page=5" }},
		{"page/article", func(i int) string { return "/articles/" + articles[i%len(articles)] }},
		{"page/actor", func(i int) string { return "/actors/" + actors[i%len(actors)] }},
		{"page/events", func(i int) string { return "/events" }},
		{"page/events-filtered", func(i int) string {
			return fmt.Sprintf("/events?quad=%d&from=%s", 1+i%4, months[i%len(months)])
		}},
		{"page/events-actor", func(i int) string { return "/events?actor=" + actors[i%len(actors)] }},
		{"page/map", func(i int) string { return "/map" }},
		{"page/map-filtered", func(i int) string { return fmt.Sprintf("/map?quad=%d", 1+i%4) }},
		{"api/overview", func(i int) string { return "/api/overview" }},
		{"api/search", func(i int) string { return "/api/search?q=" + url.QueryEscape(words[i%len(words)]) }},
		{"api/quotes", func(i int) string { return "/api/quotes?q=" + url.QueryEscape(words[i%len(words)]) }},
		{"api/article", func(i int) string { return "/api/articles/" + articles[i%len(articles)] }},
		{"api/actors", func(i int) string { return "/api/actors?type=PERSON" }},
		{"api/actor", func(i int) string { return "/api/actors/" + actors[i%len(actors)] }},
		{"api/events", func(i int) string { return fmt.Sprintf("/api/events?root=%02d&page=%d", 1+i%20, 1+i%5) }},
		{"api/events-timeline", func(i int) string { return fmt.Sprintf("/api/events/timeline?quad=%d", 1+i%4) }},
		{"api/map", func(i int) string { return "/api/map" }},
		{"api/openapi", func(i int) string { return "/api/openapi.json" }},
	}
	for _, rt := range routes {
		b.Run(rt.name, func(b *testing.B) {
			srv, err := serve.New(serve.Options{Store: db})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			if err := srv.WaitReady(ctx); err != nil {
				b.Fatal(err)
			}
			var lat, cpu []time.Duration
			// The request runs on this goroutine (SQLite too: it is Go),
			// locked to its thread so that the thread's CPU time is the
			// request's, however loaded the machine.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			i := 0
			for b.Loop() {
				u := rt.urls(i)
				req := httptest.NewRequest(http.MethodGet, u, nil)
				rec := httptest.NewRecorder()
				c0 := threadCPU()
				start := time.Now()
				srv.ServeHTTP(rec, req)
				lat = append(lat, time.Since(start))
				cpu = append(cpu, threadCPU()-c0)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d %s", u, rec.Code, rec.Body.String())
				}
				i++
			}
			first := lat[0]
			slices.Sort(lat)
			slices.Sort(cpu)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			p99 := min(len(lat)-1, len(lat)*99/100)
			b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
			b.ReportMetric(ms(lat[p99]), "p99-ms")
			b.ReportMetric(ms(first), "first-ms")
			if load, ok := loadAverage(); ok {
				b.ReportMetric(load, "load1")
			}
			if threadCPU() >= 0 {
				b.ReportMetric(ms(cpu[len(cpu)/2]), "cpu-p50-ms")
				b.ReportMetric(ms(cpu[p99]), "cpu-p99-ms")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

// loadAverage returns the system's load average over the last minute,
// where /proc tells it.
func loadAverage() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	var l float64
	_, err = fmt.Sscan(string(b), &l)
	return l, err == nil
}

func benchJSON(b *testing.B, h http.Handler, path string, into any) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: %d", path, rec.Code)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), into); err != nil {
		b.Fatal(err)
	}
}

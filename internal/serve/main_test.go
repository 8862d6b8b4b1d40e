package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/demo"
	"newsgraph/internal/ingest"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/serve"
	"newsgraph/internal/store"
	"newsgraph/internal/store/sqlite"
)

// The tests share one store: the sample articles of `newsgraph demo` and
// a hostile article (testdata/hostile.jsonl) run through the real
// pipeline into a SQLite file in a temporary directory.
var (
	fixtureOnce sync.Once
	fixture     struct {
		dir string
		db  *sqlite.DB
		srv *serve.Server
		err error
	}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.db != nil {
		fixture.db.Close()
	}
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

// server returns the shared server, building the store on first use.
func server(t testing.TB) *serve.Server {
	t.Helper()
	fixtureOnce.Do(func() {
		ctx := context.Background()
		fixture.dir, fixture.err = os.MkdirTemp("", "newsgraph-serve-test")
		if fixture.err != nil {
			return
		}
		var db *sqlite.DB
		db, fixture.err = sqlite.Open(ctx, filepath.Join(fixture.dir, "test.db"), sqlite.Options{})
		if fixture.err != nil {
			return
		}
		fixture.db = db
		if fixture.err = fill(ctx, db, demo.Inputs(), ingest.Reader{}.Paths([]string{"testdata/hostile.jsonl"}, nil)); fixture.err != nil {
			return
		}
		fixture.srv, fixture.err = serve.New(serve.Options{Store: db, Version: "test"})
		if fixture.err == nil {
			fixture.err = fixture.srv.WaitReady(ctx)
		}
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.srv
}

// fill runs the pipeline over the inputs and stores the records.
func fill(ctx context.Context, st store.Store, inputs ...iter.Seq2[article.Input, error]) error {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return err
	}
	var items []store.Item
	for _, in := range inputs {
		err := p.Run(ctx, in, 0, func(r pipeline.Result) error {
			if r.Err != nil {
				return r.Err
			}
			items = append(items, store.Item{Record: r.Record, Origin: r.Origin})
			return nil
		})
		if err != nil {
			return err
		}
	}
	_, err = st.Put(ctx, items)
	return err
}

// get requests path from the shared server and returns the response and
// its body.
func get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	return do(t, httptest.NewRequest(http.MethodGet, path, nil))
}

func do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	server(t).ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// getJSON requests an API path, checks its status and decodes the body.
func getJSON(t testing.TB, path string, want int, into any) {
	t.Helper()
	res, body := get(t, path)
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %s", path, res.StatusCode, want, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	if err := dec.Decode(into); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// mustContain fails unless body has every string of want.
func mustContain(t testing.TB, what, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}

func mustNotContain(t testing.TB, what, body string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(body, b) {
			t.Errorf("%s: has %q", what, b)
		}
	}
}

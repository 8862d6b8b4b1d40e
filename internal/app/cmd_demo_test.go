package app_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"newsgraph/internal/app"
)

// TestDemo runs the README's first command: it reads the sample articles,
// prints the address and serves the UI until stopped.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, &stderr)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var addr string
	for sc.Scan() {
		line := sc.Text()
		if _, rest, ok := strings.Cut(line, "serving "); ok {
			addr = strings.Fields(rest)[0]
			break
		}
		if !strings.Contains(line, "30 articles read") {
			t.Errorf("unexpected output %q", line)
		}
	}
	go io.Copy(io.Discard, pr)
	if addr == "" {
		t.Fatalf("no address printed; stderr: %s", stderr.String())
	}
	client := &http.Client{Timeout: 10 * time.Second}
	res, err := client.Get(addr + "search?q=prisoners")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Russia and Ukraine swap 150 prisoners") {
		t.Errorf("search page: %d\n%.500s", res.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("demo: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("demo did not stop")
	}
}

// Package pipelinetest holds what the stages' tests share about running
// the whole pipeline.
package pipelinetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/internal/article"
	"newsgraph/internal/pipeline"
	"newsgraph/internal/testutil"
)

// Sample runs the whole pipeline on ../shared/samples/belarus-prisoners.txt,
// published 2025-08-09, and returns its record. It skips the test when the
// article is absent: it may not be redistributed, so it is never copied
// into the repository.
func Sample(t testing.TB) article.Record {
	t.Helper()
	path := filepath.Join(testutil.SharedDir(t), "samples", "belarus-prisoners.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("sample article: %v", err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := p.Process(context.Background(), article.Input{Origin: path, Text: string(b), Published: "2025-08-09"})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

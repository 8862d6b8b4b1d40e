// Package demo holds the sample articles that `newsgraph demo` ingests: 30
// short news-style articles written for newsgraph (the people in them are
// invented; countries and organisations are real names in invented
// events), free to redistribute with the project. They cover quotes and
// their speakers, events between countries, places, amounts, dates, a
// syndicated near-copy, boilerplate lines and an embedded post.
package demo

import (
	"bytes"
	_ "embed"
	"iter"

	"newsgraph/internal/article"
	"newsgraph/internal/ingest"
)

//go:embed testdata/articles.jsonl
var articles []byte

// JSONL returns the sample articles as JSON lines (url, outlet,
// published, title, text).
func JSONL() []byte { return bytes.Clone(articles) }

// Inputs yields the sample articles.
func Inputs() iter.Seq2[article.Input, error] {
	return ingest.Reader{}.Paths([]string{"-"}, bytes.NewReader(articles))
}

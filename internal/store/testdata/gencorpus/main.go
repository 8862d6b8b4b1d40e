// Command gencorpus writes a large JSONL corpus for ingest benchmarks by
// repeating the articles of a directory of text files with variations:
// every third word of each copy is replaced by another word of the corpus
// (chosen by a hash of the copy and the position), so that copies are
// distinct articles, not near-duplicates, of the same length and shape.
// The output is for measuring only: it keeps the source texts' licence and
// must not be committed or shared.
//
//	go run ./internal/store/testdata/gencorpus -src ../shared/corpora/news/bbc -out /tmp/corpus -size 1000
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	src := flag.String("src", "", "directory of .txt articles (first line the title)")
	out := flag.String("out", "", "output directory")
	sizeMB := flag.Int("size", 1000, "total size in MB")
	fileMB := flag.Int("file", 100, "size of one JSONL file in MB")
	flag.Parse()
	if *src == "" || *out == "" {
		log.Fatal("usage: gencorpus -src DIR -out DIR [-size MB]")
	}
	var docs [][2]string
	vocab := map[string]bool{}
	filepath.WalkDir(*src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		title, body, _ := strings.Cut(string(b), "\n")
		docs = append(docs, [2]string{strings.TrimSpace(title), strings.TrimSpace(body)})
		for _, w := range strings.Fields(body) {
			vocab[w] = true
		}
		return nil
	})
	if len(docs) == 0 {
		log.Fatal("no .txt files under ", *src)
	}
	words := make([]string, 0, len(vocab))
	for w := range vocab {
		words = append(words, w)
	}
	sort.Strings(words)
	outlets := []string{"Daily Example", "The Sample Times", "Example Herald", "Newswire One", "Metro Example", "Example Post", "The Test Tribune", "Example Gazette"}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	total, limit := 0, *sizeMB<<20
	var f *os.File
	var w *bufio.Writer
	fileN, fileBytes := 0, 0
	for copyN := 0; total < limit; copyN++ {
		for i, d := range docs {
			if total >= limit {
				break
			}
			if w == nil || fileBytes >= *fileMB<<20 {
				if w != nil {
					w.Flush()
					f.Close()
				}
				var err error
				f, err = os.Create(filepath.Join(*out, fmt.Sprintf("part-%03d.jsonl", fileN)))
				if err != nil {
					log.Fatal(err)
				}
				w, fileN, fileBytes = bufio.NewWriterSize(f, 1<<20), fileN+1, 0
			}
			text := d[1]
			if copyN > 0 {
				text = vary(text, words, copyN, i)
			}
			rec := map[string]string{
				"url":       fmt.Sprintf("https://news%d.example.com/%d/%d", copyN%50, copyN, i),
				"title":     d[0],
				"outlet":    outlets[(copyN+i)%len(outlets)],
				"published": fmt.Sprintf("2025-%02d-%02d", 1+(copyN+i)%12, 1+(copyN*7+i)%28),
				"text":      text,
			}
			b, _ := json.Marshal(rec)
			w.Write(b)
			w.WriteByte('\n')
			total += len(b) + 1
			fileBytes += len(b) + 1
		}
	}
	w.Flush()
	f.Close()
	fmt.Printf("%d MB in %d files under %s\n", total>>20, fileN, *out)
}

// vary replaces every third word of text (keeping line breaks) with a
// corpus word chosen by the copy, the document and the position.
func vary(text string, words []string, copyN, doc int) string {
	var b strings.Builder
	b.Grow(len(text) + 64)
	for li, line := range strings.Split(text, "\n") {
		if li > 0 {
			b.WriteByte('\n')
		}
		for wi, w := range strings.Fields(line) {
			if wi > 0 {
				b.WriteByte(' ')
			}
			if (wi+copyN)%3 == 0 {
				h := fnv.New32a()
				fmt.Fprintf(h, "%d/%d/%d/%d", copyN, doc, li, wi)
				w = words[h.Sum32()%uint32(len(words))]
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// Package testutil holds helpers for golden tests: txtar archives with an
// input section and expected output sections, an -update flag that
// rewrites them, and a line diff for failures.
package testutil

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"newsgraph/internal/article"
)

// Update makes golden tests rewrite their expected sections with what the
// code produces now: go test ./internal/... -update.
var Update = flag.Bool("update", false, "rewrite golden files with current output")

// Archive is a txtar golden file: sections named "input", "entities", …
type Archive struct {
	Path    string
	ar      *txtar.Archive
	changed bool
}

// ReadArchive reads the txtar file at path.
func ReadArchive(t testing.TB, path string) *Archive {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("read golden %s: %v", path, err)
	}
	return &Archive{Path: path, ar: ar}
}

// Archives returns the txtar files matching pattern (such as
// "testdata/*.txtar"), failing when there are none.
func Archives(t testing.TB, pattern string) []*Archive {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files match %s", pattern)
	}
	out := make([]*Archive, len(paths))
	for i, p := range paths {
		out[i] = ReadArchive(t, p)
	}
	return out
}

// Name is the archive's file name without directory and extension, for
// t.Run.
func (a *Archive) Name() string {
	return strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
}

// Comment is the archive's leading comment.
func (a *Archive) Comment() string { return string(a.ar.Comment) }

// Has reports whether the archive has a section called name.
func (a *Archive) Has(name string) bool {
	for _, f := range a.ar.Files {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Section returns the content of section name, or "" when absent.
func (a *Archive) Section(name string) string {
	for _, f := range a.ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

// Input returns the "input" section with its final newline removed, which
// txtar adds.
func (a *Archive) Input() string { return strings.TrimSuffix(a.Section("input"), "\n") }

// Check compares got with section name. Under -update it stores got as the
// new expectation instead (call Save after all checks).
func (a *Archive) Check(t testing.TB, name, got string) {
	t.Helper()
	if got != "" && !strings.HasSuffix(got, "\n") {
		got += "\n"
	}
	if *Update {
		a.set(name, got)
		return
	}
	want := a.Section(name)
	if !a.Has(name) {
		t.Errorf("%s: no section %q; run with -update to create it; got:\n%s", a.Path, name, got)
		return
	}
	if got != want {
		t.Errorf("%s: section %q differs (-want +got):\n%s", a.Path, name, Diff(want, got))
	}
}

func (a *Archive) set(name, data string) {
	for i := range a.ar.Files {
		if a.ar.Files[i].Name == name {
			if string(a.ar.Files[i].Data) != data {
				a.ar.Files[i].Data = []byte(data)
				a.changed = true
			}
			return
		}
	}
	a.ar.Files = append(a.ar.Files, txtar.File{Name: name, Data: []byte(data)})
	a.changed = true
}

// Save writes the archive back when -update changed it.
func (a *Archive) Save(t testing.TB) {
	t.Helper()
	if !*Update || !a.changed {
		return
	}
	if err := os.WriteFile(a.Path, txtar.Format(a.ar), 0o644); err != nil {
		t.Fatalf("write golden %s: %v", a.Path, err)
	}
}

// Diff returns a line diff of want and got: lines only in want start with
// "-", lines only in got with "+", shared lines with " ". It aligns on the
// longest common subsequence of lines, which is plenty for golden files.
func Diff(want, got string) string {
	a := strings.Split(want, "\n")
	b := strings.Split(got, "\n")
	if len(a)*len(b) > 4_000_000 { // too big to align; show both
		return fmt.Sprintf("want:\n%s\ngot:\n%s", want, got)
	}
	// lcs[i][j] = length of the LCS of a[i:] and b[j:]
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var sb strings.Builder
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			sb.WriteString("  " + a[i] + "\n")
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			sb.WriteString("+ " + b[j] + "\n")
			j++
		default:
			sb.WriteString("- " + a[i] + "\n")
			i++
		}
	}
	return sb.String()
}

// SharedDir returns the path of ../shared (the gold corpora) relative to
// the module root, or skips the test when it is absent.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if env := os.Getenv("NEWSGRAPH_SHARED"); env != "" {
		shared = env
	}
	if _, err := os.Stat(filepath.Join(shared, "corpora")); err != nil {
		t.Skipf("gold corpora not found at %s (set NEWSGRAPH_SHARED): skipping", shared)
	}
	return shared
}

// BBC returns the texts of the BBC news corpus in ../shared (the
// pipeline's reference for throughput), in path order, at most max of
// them when max > 0; it skips the test or benchmark when the corpus is
// absent.
func BBC(t testing.TB, max int) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(SharedDir(t), "corpora", "news", "bbc", "*", "*.txt"))
	if len(paths) == 0 {
		t.Skip("no BBC corpus")
	}
	if max > 0 && len(paths) > max {
		paths = paths[:max]
	}
	texts := make([]string, len(paths))
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	return texts
}

// CountWords returns how many of toks are words, the unit of the
// pipeline's throughput figures.
func CountWords(toks []article.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == article.Word {
			n++
		}
	}
	return n
}

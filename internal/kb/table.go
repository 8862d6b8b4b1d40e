// Package kb loads the knowledge base: plain tab-separated data files of
// countries, places, organisations, office holders, verbs and themes,
// embedded in the binary (data/*.tsv) and extended by files a user adds.
//
// Every file starts with comment lines ("# ...") that name its sources and
// licence, then a header row of column names, then one row per line.
// Cells holding several values separate them with "|". Empty lines and
// comment lines anywhere are skipped.
package kb

import (
	"crypto/sha256"
	"embed"
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

//go:embed data
var embedded embed.FS

// Table is one data file read into memory.
type Table struct {
	// Name is the file's base name ("countries.tsv").
	Name string
	// Header holds the comment lines at the top of the file: its sources
	// and licence.
	Header []string
	// Columns are the column names, in order.
	Columns []string
	// Rows hold the cells of each data row, len(Columns) each.
	Rows []Row
}

// Row is one data row; Line is its line number in the file.
type Row struct {
	Line  int
	Cells []string
}

// FormatError reports a malformed line of a data file.
type FormatError struct {
	File string
	Line int
	Msg  string
}

func (e *FormatError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ReadTable reads a TSV data file. A row with fewer cells than columns is
// padded with empty cells; a row with more is an error.
func ReadTable(r io.Reader, name string) (*Table, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return parseTable(string(b), name)
}

// parseTable reads the TSV data file held in data. Cells are substrings
// of data, and the rows' cells share one array, so that a file costs a
// few allocations rather than a few per row: the knowledge base's files
// are read at every start-up.
func parseTable(data, name string) (*Table, error) {
	var (
		rows  []Row
		cells []string // room for the cells of the rows to come
	)
	t, err := scanTable(data, name, func(t *Table, line int, row []string) error {
		n := len(t.Columns)
		if rows == nil {
			rows = make([]Row, 0, strings.Count(data, "\n")+1)
		}
		if cap(cells)-len(cells) < n {
			cells = make([]string, 0, max(64, cap(rows)-len(rows))*n)
		}
		cells = append(cells, row...)
		rows = append(rows, Row{Line: line, Cells: cells[len(cells)-n : len(cells) : len(cells)]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Rows = rows
	return t, nil
}

// scanTable reads the TSV data file held in data as parseTable does, but
// calls row for each data row instead of keeping the rows: with the table
// (its header and columns, no rows), the row's line number and its cells,
// which are substrings of data in a slice row must not keep.
func scanTable(data, name string, row func(t *Table, line int, cells []string) error) (*Table, error) {
	t := &Table{Name: name}
	var cells []string
	line := 0
	for len(data) > 0 {
		line++
		s := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			s, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		s = strings.TrimRight(s, "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if s[0] == '#' {
			if t.Columns == nil {
				t.Header = append(t.Header, strings.TrimSpace(s[1:]))
			}
			continue
		}
		if t.Columns == nil {
			t.Columns = strings.Split(s, "\t")
			cells = make([]string, len(t.Columns))
			continue
		}
		n := len(t.Columns)
		k := 0
		for {
			i := strings.IndexByte(s, '\t')
			if k == n {
				return nil, &FormatError{name, line, fmt.Sprintf("%d cells, want at most %d", k+1+strings.Count(s, "\t"), n)}
			}
			if i < 0 {
				cells[k] = s
				k++
				break
			}
			cells[k] = s[:i]
			k++
			s = s[i+1:]
		}
		clear(cells[k:])
		if err := row(t, line, cells); err != nil {
			return nil, err
		}
	}
	if t.Columns == nil {
		return nil, &FormatError{name, line, "no header row"}
	}
	return t, nil
}

// Col returns the index of the named column, or -1.
func (t *Table) Col(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// Need returns the indexes of the named columns, or an error naming the
// first one missing.
func (t *Table) Need(names ...string) ([]int, error) {
	idx := make([]int, len(names))
	for i, n := range names {
		if idx[i] = t.Col(n); idx[i] < 0 {
			return nil, &FormatError{t.Name, 1, fmt.Sprintf("no column %q", n)}
		}
	}
	return idx, nil
}

// Multi splits a multi-valued cell on "|", dropping empty values.
func Multi(cell string) []string {
	if cell == "" {
		return nil
	}
	parts := strings.Split(cell, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Source is where data files are read from: the embedded files first,
// then the same names in each user directory, appended in order.
type Source struct {
	// Dirs are user directories whose files extend the embedded ones: a
	// file with an embedded file's name adds rows to it; other files are
	// ignored unless a loader asks for them.
	Dirs []string
}

// Tables reads the embedded file name and every user file of that name.
// A missing embedded file is not an error when a user file exists.
func (s Source) Tables(name string) ([]*Table, error) {
	files, err := s.files(name)
	if err != nil {
		return nil, err
	}
	out := make([]*Table, len(files))
	for i, f := range files {
		if out[i], err = parseTable(f.data, f.name); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// file is a data file's name (a path for a user's) and text.
type file struct{ name, data string }

// files reads the embedded file name and every user file of that name,
// as Tables does, without splitting them into rows.
func (s Source) files(name string) ([]file, error) {
	var out []file
	data, err := readString(embedded, "data/"+name)
	switch {
	case err == nil:
		out = append(out, file{name, data})
	case !errorsIsNotExist(err):
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	for _, d := range s.Dirs {
		p := filepath.Join(d, name)
		b, err := os.ReadFile(p)
		if errorsIsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", p, err)
		}
		out = append(out, file{p, string(b)})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("knowledge base file %s: %w", name, fs.ErrNotExist)
	}
	return out, nil
}

// readString reads the file name of fsys into a string, with one copy of
// its bytes rather than a byte slice and a string of them.
func readString(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var sb strings.Builder
	if st, err := f.Stat(); err == nil {
		sb.Grow(int(st.Size()))
	}
	if _, err := io.Copy(&sb, f); err != nil {
		return "", err
	}
	return sb.String(), nil
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Files lists the embedded data files, for `newsgraph kb` and tests.
func Files() []string {
	ents, _ := fs.ReadDir(embedded, "data")
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".tsv") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Digest returns a short digest of the knowledge base's files, embedded
// and the user's, so that a change of data changes the version written
// into records.
func Digest(src Source) string {
	h := sha256.New()
	// The hash goes on from its state after the embedded files.
	if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(embeddedState()); err != nil {
		panic(fmt.Sprintf("kb: restore digest: %v", err)) // sha256 reads its own state
	}
	for _, d := range src.Dirs {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			b, err := os.ReadFile(filepath.Join(d, e.Name()))
			if err == nil {
				fmt.Fprintf(h, "%s %d\n", e.Name(), len(b))
				h.Write(b)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

// embeddedState is the state of Digest's hash after the embedded files,
// the same for the life of the process: it is worked out once.
var embeddedState = sync.OnceValue(func() []byte {
	h := sha256.New()
	for _, name := range Files() {
		b, _ := fs.ReadFile(embedded, "data/"+name)
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(fmt.Sprintf("kb: save digest: %v", err)) // sha256 can save its state
	}
	return state
})

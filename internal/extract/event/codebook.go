package event

import (
	"fmt"
	"strconv"
	"strings"

	"newsgraph/internal/kb"
)

// CodebookFile is the knowledge-base file of CAMEO codes.
const CodebookFile = "cameo.tsv"

// codeInfo is what the codebook says of one CAMEO code.
type codeInfo struct {
	name      string
	goldstein float64
	plover    string
	mode      string
	intent    string
	refuse    string
	threat    string
	demand    string
	appeal    string
}

// codebook maps CAMEO codes (two to four digits) to their facts.
type codebook map[string]*codeInfo

func loadCodebook(src kb.Source) (codebook, error) {
	ts, err := src.Tables(CodebookFile)
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	cb := codebook{}
	for _, t := range ts {
		idx, err := t.Need("code", "name", "goldstein", "plover", "mode", "intent", "refuse", "threat", "demand", "appeal")
		if err != nil {
			return nil, err
		}
		for _, r := range t.Rows {
			c := r.Cells
			g, err := strconv.ParseFloat(c[idx[2]], 64)
			if err != nil {
				return nil, &kb.FormatError{File: t.Name, Line: r.Line, Msg: "bad goldstein value"}
			}
			cb[c[idx[0]]] = &codeInfo{name: c[idx[1]], goldstein: g, plover: c[idx[3]], mode: c[idx[4]],
				intent: c[idx[5]], refuse: c[idx[6]], threat: c[idx[7]], demand: c[idx[8]], appeal: c[idx[9]]}
		}
	}
	return cb, nil
}

// info returns the facts of code, falling back to its base and root for
// codes the codebook lacks (dictionary codes such as "0233" or "1010").
func (cb codebook) info(code string) *codeInfo {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if i := cb[c]; i != nil {
			return i
		}
	}
	return nil
}

// transform returns the code for intending, refusing, threatening,
// demanding or appealing for code, or "".
func (cb codebook) transform(code string, kind byte) string {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		i := cb[c]
		if i == nil {
			continue
		}
		var v string
		switch kind {
		case 'i':
			v = i.intent
		case 'r':
			v = i.refuse
		case 't':
			v = i.threat
		case 'd':
			v = i.demand
		case 'a':
			v = i.appeal
		}
		if v != "" {
			return v
		}
	}
	return ""
}

// root returns the two-digit root of a code ("0841" → "08"), or "" when
// the code does not start with two digits.
func root(code string) string {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	return code[:2]
}

// base returns the three-digit base of a code ("0841" → "084").
func base(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// quad returns the quad class of a root: 1 verbal cooperation (01-05), 2
// material cooperation (06-08), 3 verbal conflict (09-13), 4 material
// conflict (14-20).
func quad(r string) int {
	n, err := strconv.Atoi(r)
	if err != nil {
		return 0
	}
	switch {
	case n >= 1 && n <= 5:
		return 1
	case n <= 8 && n > 5:
		return 2
	case n <= 13 && n > 8:
		return 3
	case n <= 20 && n > 13:
		return 4
	}
	return 0
}

// isNull reports a code that codes nothing.
func isNull(code string) bool {
	return code == "" || code == "---" || strings.Trim(code, "-") == ""
}

package parse

import (
	"fmt"
	"strings"
)

// String renders the sentence as word/TAG pairs with verb groups in
// brackets, for tests and debugging.
func (s *Sentence) String() string {
	var sb strings.Builder
	gi := 0
	for i, w := range s.Words {
		if gi < len(s.Groups) && s.Groups[gi].Start == i {
			sb.WriteString("[")
		}
		if i > 0 && !(gi < len(s.Groups) && s.Groups[gi].Start == i) {
			sb.WriteString(" ")
		}
		fmt.Fprintf(&sb, "%s/%s", w.Low, w.Tag)
		if w.Lemma != "" && w.Lemma != w.Low && (w.Tag == Verb || w.Tag == Aux) {
			fmt.Fprintf(&sb, "(%s)", w.Lemma)
		}
		if gi < len(s.Groups) && s.Groups[gi].End == i+1 {
			g := s.Groups[gi]
			sb.WriteString("]")
			sb.WriteString(groupFlags(g.Flags))
			gi++
			if i+1 < len(s.Words) {
				sb.WriteString(" ")
			}
		}
	}
	return sb.String()
}

func groupFlags(f uint16) string {
	var out []string
	names := []string{"pass", "neg", "modal", "perf", "prog", "inf", "fin", "ger", "red", "cop"}
	for i, n := range names {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "{" + strings.Join(out, ",") + "}"
}

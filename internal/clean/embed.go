package clean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Embed platforms, as written in article.Embed.Platform.
const (
	PlatformX         = "x"
	PlatformInstagram = "instagram"
	PlatformFacebook  = "facebook"
	PlatformYouTube   = "youtube"
	PlatformTelegram  = "telegram"
	PlatformTikTok    = "tiktok"
)

// months maps lower-case month names and their abbreviations to 1–12.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// signature is the closing line of a copied post: "— Name (@handle)
// Month D, YYYY".
type signature struct {
	textEnd int // the post's text on the signature line is line[:textEnd]
	author  string
	handle  string
	date    string // YYYY-MM-DD, or ""
}

// xSignature finds the signature of an X (Twitter) post at the end of
// line: "— Name (@handle) Month D, YYYY", with an em dash, en dash or
// hyphen, possibly glued to a pic.twitter.com link before it, emoji in the
// name allowed; "D Month YYYY" is taken too.
func xSignature(line []byte) (signature, bool) {
	var sig signature
	end := len(line)
	for end > 0 && (line[end-1] == ' ' || line[end-1] == '.') {
		end--
	}
	date, dateStart, ok := dateBackward(line[:end])
	if !ok {
		return sig, false
	}
	sig.date = date
	i := dateStart
	for i > 0 && line[i-1] == ' ' {
		i--
	}
	if i == 0 || line[i-1] != ')' {
		return sig, false
	}
	h := i - 1
	for h > 0 && isHandleByte(line[h-1]) {
		h--
	}
	if h < 2 || i-1-h < 1 || i-1-h > 30 || line[h-1] != '@' || line[h-2] != '(' {
		return sig, false
	}
	sig.handle = string(line[h : i-1])
	open := h - 2
	dash, dashLen := findDash(line[:open])
	if dash < 0 {
		// no dash: accept only a short name at the line start
		name := bytes.TrimSpace(line[:open])
		if len(name) == 0 || bytes.Count(name, []byte(" ")) > 5 {
			return sig, false
		}
		dash, dashLen = 0, 0
	}
	sig.author = cleanName(line[dash+dashLen : open])
	if sig.author == "" && open-(dash+dashLen) > 0 {
		sig.author = strings.TrimSpace(string(line[dash+dashLen : open]))
	}
	sig.textEnd = dash
	return sig, true
}

func isHandleByte(c byte) bool { return isASCIILetter(c) || isDigit(c) || c == '_' || c == '.' }

// findDash finds the dash that opens a signature in s (the text before
// "(@handle)"), looking back at most 120 bytes: an em or en dash, or a
// hyphen with a space after it. It returns its offset and length, or -1.
func findDash(s []byte) (int, int) {
	lo := max(0, len(s)-120)
	for i := len(s) - 1; i >= lo; i-- {
		switch s[i] {
		case 0x94, 0x93: // — – are E2 80 94, E2 80 93
			if i >= 2 && s[i-1] == 0x80 && s[i-2] == 0xe2 {
				return i - 2, 3
			}
		case '-':
			if i+1 < len(s) && s[i+1] == ' ' && (i == 0 || s[i-1] == ' ') {
				return i, 1
			}
		}
	}
	return -1, 0
}

// cleanName drops emoji, flags and other symbols from a display name and
// collapses its spaces: "Belarus MFA 🇧🇾" → "Belarus MFA".
func cleanName(b []byte) string {
	var sb strings.Builder
	space := false
	for _, r := range string(b) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(".'’-&", r):
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		default:
			space = true
		}
	}
	return sb.String()
}

// dateBackward reads a date that ends s: "August 8, 2025", "Aug 8, 2025",
// "8 August 2025". It returns it as YYYY-MM-DD with where it starts.
func dateBackward(s []byte) (string, int, bool) {
	n := len(s)
	if n < 10 || !isDigit(s[n-1]) || !isDigit(s[n-2]) || !isDigit(s[n-3]) || !isDigit(s[n-4]) || n > 4 && isDigit(s[n-5]) {
		return "", 0, false
	}
	year := string(s[n-4:])
	i := n - 4
	if i == 0 || s[i-1] != ' ' {
		return "", 0, false
	}
	i--
	if s[i-1] == ',' {
		i-- // "Month D, YYYY"
		d := i
		for d > 0 && isDigit(s[d-1]) {
			d--
		}
		if i-d < 1 || i-d > 2 || d < 2 || s[d-1] != ' ' {
			return "", 0, false
		}
		day := string(s[d:i])
		m := d - 1
		for m > 0 && isASCIILetter(s[m-1]) || m > 0 && s[m-1] == '.' {
			m--
		}
		mon, ok := months[strings.ToLower(strings.TrimSuffix(string(s[m:d-1]), "."))]
		if !ok {
			return "", 0, false
		}
		return isoDate(year, mon, day), m, true
	}
	// "D Month YYYY"
	m := i
	for m > 0 && isASCIILetter(s[m-1]) {
		m--
	}
	mon, ok := months[strings.ToLower(string(s[m:i]))]
	if !ok || m < 2 || s[m-1] != ' ' {
		return "", 0, false
	}
	d := m - 1
	for d > 0 && isDigit(s[d-1]) {
		d--
	}
	if m-1-d < 1 || m-1-d > 2 {
		return "", 0, false
	}
	return isoDate(year, mon, string(s[d:m-1])), d, true
}

func isoDate(year string, month int, day string) string {
	if len(day) == 1 {
		day = "0" + day
	}
	return fmt.Sprintf("%s-%02d-%s", year, month, day)
}

// dateForward reads a date that starts s: "Aug 8, 2025", "August 8,
// 2025 at 3:02pm PDT", "8 August 2025"; it returns YYYY-MM-DD or "".
func dateForward(s string) string {
	f := strings.Fields(s)
	if len(f) < 3 {
		return ""
	}
	a, b, c := strings.Trim(f[0], ",."), strings.Trim(f[1], ",."), strings.Trim(f[2], ",.")
	if m, ok := months[strings.ToLower(a)]; ok && isNum(b, 1, 2) && isNum(c, 4, 4) {
		return isoDate(c, m, b)
	}
	if m, ok := months[strings.ToLower(b)]; ok && isNum(a, 1, 2) && isNum(c, 4, 4) {
		return isoDate(c, m, a)
	}
	return ""
}

func isNum(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// instaSignature reads "A post shared by Name (@handle) on Aug 8, 2025 at
// 3:02pm PDT", the closing line of a copied Instagram post.
func instaSignature(line []byte, key []byte) (signature, bool) {
	const p = "a post shared by "
	var sig signature
	if !bytes.HasPrefix(key, []byte(p)) {
		return sig, false
	}
	rest := string(line[len(line)-len(key)+len(p):])
	open := strings.Index(rest, "(@")
	if open < 0 {
		sig.author = cleanName([]byte(rest))
		return sig, sig.author != ""
	}
	close := strings.IndexByte(rest[open:], ')')
	if close < 0 {
		return sig, false
	}
	sig.author = cleanName([]byte(rest[:open]))
	sig.handle = rest[open+2 : open+close]
	after := strings.TrimSpace(rest[open+close+1:])
	if on, ok := strings.CutPrefix(after, "on "); ok {
		sig.date = dateForward(on)
	}
	return sig, true
}

// linkPlatform names the platform of an embed link ("pic.twitter.com/…",
// "https://www.youtube.com/watch?v=…"), or "".
func linkPlatform(link string) string {
	l := strings.ToLower(link)
	l = strings.TrimPrefix(strings.TrimPrefix(l, "https://"), "http://")
	l = strings.TrimPrefix(l, "www.")
	l = strings.TrimPrefix(l, "mobile.")
	switch {
	case strings.HasPrefix(l, "pic.twitter.com/"), strings.HasPrefix(l, "t.co/"),
		strings.HasPrefix(l, "twitter.com/") && strings.Contains(l, "/status"),
		strings.HasPrefix(l, "x.com/") && strings.Contains(l, "/status"):
		return PlatformX
	case strings.HasPrefix(l, "instagram.com/p/"), strings.HasPrefix(l, "instagram.com/reel/"), strings.HasPrefix(l, "instagr.am/"):
		return PlatformInstagram
	case strings.HasPrefix(l, "youtube.com/watch"), strings.HasPrefix(l, "youtu.be/"), strings.HasPrefix(l, "youtube.com/shorts/"),
		strings.HasPrefix(l, "youtube.com/embed/"), strings.HasPrefix(l, "m.youtube.com/watch"):
		return PlatformYouTube
	case strings.HasPrefix(l, "facebook.com/") && (strings.Contains(l, "/posts/") || strings.Contains(l, "/videos/") || strings.Contains(l, "story.php")),
		strings.HasPrefix(l, "fb.watch/"):
		return PlatformFacebook
	case strings.HasPrefix(l, "t.me/"):
		return PlatformTelegram
	case strings.HasPrefix(l, "tiktok.com/@"), strings.HasPrefix(l, "vm.tiktok.com/"):
		return PlatformTikTok
	}
	return ""
}

// isLinkStart reports whether a link starts at s[i]: a URL with a scheme,
// or one of the bare short links that copied posts carry.
func isLinkStart(s []byte, i int) bool {
	if i > 0 && (isASCIILetter(s[i-1]) || isDigit(s[i-1]) || s[i-1] == '/') {
		return false
	}
	t := s[i:]
	return bytes.HasPrefix(t, []byte("https://")) || bytes.HasPrefix(t, []byte("http://")) ||
		bytes.HasPrefix(t, []byte("pic.twitter.com/")) || bytes.HasPrefix(t, []byte("t.co/"))
}

// linkEnd returns the end of the link starting at s[i]: the next space, or
// a dash, quote or ellipsis glued to it; closing punctuation is left out.
func linkEnd(s []byte, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\n' || c == '"' || c == '<' || c == '>' {
			break
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(s[j:])
			if r == '—' || r == '–' || r == '…' || r == '“' || r == '”' || unicode.IsSpace(r) || isEmoji(r) {
				break
			}
			j += size
			continue
		}
		j++
	}
	for j > i && strings.IndexByte(".,;:!?)]'", s[j-1]) >= 0 {
		j--
	}
	return j
}

// takeLinks removes from s the links of posts (pic.twitter.com, t.co and
// URLs) and returns the text left, its spaces collapsed, and the links.
func takeLinks(s []byte) (string, []string) {
	var links []string
	var out []byte
	for i := 0; i < len(s); {
		if c := s[i]; (c == 'h' || c == 'p' || c == 't') && isLinkStart(s, i) {
			j := linkEnd(s, i)
			if j > i {
				links = append(links, string(s[i:j]))
				i = j
				continue
			}
		}
		out = append(out, s[i])
		i++
	}
	return collapseSpaces(out), links
}

// collapseSpaces trims each line of b, collapses runs of spaces and
// drops empty lines.
func collapseSpaces(b []byte) string {
	out := make([]byte, 0, len(b))
	space, lineStart := false, true
	for _, c := range b {
		switch c {
		case ' ':
			space = !lineStart
		case '\n':
			if !lineStart {
				out = append(out, '\n')
			}
			space, lineStart = false, true
		default:
			if space {
				out = append(out, ' ')
			}
			out = append(out, c)
			space, lineStart = false, false
		}
	}
	for len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	return string(out)
}

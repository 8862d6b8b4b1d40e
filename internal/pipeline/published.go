package pipeline

import (
	"strings"
	"time"
)

// publishedLayouts are the forms of publication time seen in feeds, meta
// tags, JSON-LD and corpora, tried in order.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"02-Jan-2006 15:04:05.00",
	"02-Jan-2006",
	"01/02/2006",
	"01/02/06",
}

// parsePublished parses a publication time in any of the common forms. It
// returns the time and its normalised text: RFC 3339 when the time of day
// is known, YYYY-MM-DD otherwise. Text it cannot parse is kept as given
// with a zero time.
func parsePublished(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ""
	}
	for _, l := range publishedLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if strings.Contains(l, "15") {
			return t, t.Format(time.RFC3339)
		}
		return t, t.Format("2006-01-02")
	}
	return time.Time{}, s
}

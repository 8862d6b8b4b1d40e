package clean

import (
	"strings"
	"unicode/utf8"
)

// Boilerplate kinds, as written in article.Boilerplate.Kind.
const (
	KindRelated   = "related"   // links to other stories: "(RELATED: …)", "Read also: …"
	KindReadMore  = "read_more" // "Read the full article here", "Click here to …"
	KindSubscribe = "subscribe" // newsletter and sign-up prompts
	KindShare     = "share"     // share and follow lines, comment prompts
	KindCredit    = "credit"    // photo and video credits, captions
	KindByline    = "byline"    // "By Jane Doe", "Reporting by …"
	KindAdvert    = "advert"    // "Advertisement", "Story continues below"
	KindCopyright = "copyright" // "© 2025 …", "All rights reserved"
	KindUpdate    = "update"    // "This story has been updated", timestamps
	KindEmbed     = "embed"     // remnants of an embed with nothing to keep
)

// maxBoilerWords is the longest line taken whole as boilerplate; longer
// lines are prose whatever they start with.
const maxBoilerWords = 40

// lineRule recognises a whole line by how its key (the line lower-cased,
// leading bullets removed) starts.
type lineRule struct {
	kind   string
	prefix string
	// exact requires the key, without trailing punctuation, to equal
	// prefix.
	exact bool
	// need, when set, requires one of these words or phrases elsewhere in
	// the key.
	need []string
	// maxWords caps the line's length in words (0: maxBoilerWords).
	maxWords int
}

var (
	needNewsletter = []string{"newsletter", "briefing", "digest", "subscribe", "subscription", "sign up", "sign-up", "inbox", "email", "e-mail", "alerts", "notifications", " app", "podcast", "register"}
	needNetwork    = []string{"twitter", "facebook", "instagram", " x ", " x.", "@", "threads", "bluesky", "linkedin", "telegram", "tiktok", "youtube", "whatsapp", "social media", "google news", " us "}
)

// lineRules is the lexicon of whole-line boilerplate. A rule's prefix must
// end at a word boundary of the key.
var lineRules = []lineRule{
	// links to other stories
	{kind: KindRelated, prefix: "related:"},
	{kind: KindRelated, prefix: "related", exact: true},
	{kind: KindRelated, prefix: "related articles", maxWords: 12},
	{kind: KindRelated, prefix: "related stories", maxWords: 12},
	{kind: KindRelated, prefix: "related content", maxWords: 12},
	{kind: KindRelated, prefix: "related coverage", maxWords: 12},
	{kind: KindRelated, prefix: "related news", maxWords: 12},
	{kind: KindRelated, prefix: "related reading", maxWords: 12},
	{kind: KindRelated, prefix: "related topics", maxWords: 12},
	{kind: KindRelated, prefix: "related video", maxWords: 12},
	{kind: KindRelated, prefix: "related links", maxWords: 12},
	{kind: KindRelated, prefix: "see also:"},
	{kind: KindRelated, prefix: "also read:"},
	{kind: KindRelated, prefix: "also read", maxWords: 20},
	{kind: KindRelated, prefix: "read also"},
	{kind: KindRelated, prefix: "read next"},
	{kind: KindRelated, prefix: "more:", maxWords: 25},
	{kind: KindRelated, prefix: "more on this story", maxWords: 12},
	{kind: KindRelated, prefix: "more on this", exact: true},
	{kind: KindRelated, prefix: "more stories", maxWords: 10},
	{kind: KindRelated, prefix: "more from", maxWords: 8, need: []string{":"}},
	{kind: KindRelated, prefix: "recommended:"},
	{kind: KindRelated, prefix: "recommended", exact: true},
	{kind: KindRelated, prefix: "recommended for you", maxWords: 6},
	{kind: KindRelated, prefix: "you may also like", maxWords: 20},
	{kind: KindRelated, prefix: "you might also like", maxWords: 20},
	{kind: KindRelated, prefix: "you may be interested in", maxWords: 20},
	{kind: KindRelated, prefix: "most read", maxWords: 6},
	{kind: KindRelated, prefix: "most popular", maxWords: 6},
	{kind: KindRelated, prefix: "top stories", exact: true},
	{kind: KindRelated, prefix: "trending", exact: true},
	{kind: KindRelated, prefix: "don't miss", exact: true},
	{kind: KindRelated, prefix: "must read", exact: true},
	{kind: KindRelated, prefix: "editor's picks", exact: true},
	{kind: KindRelated, prefix: "latest news", exact: true},
	{kind: KindRelated, prefix: "more news", exact: true},
	{kind: KindRelated, prefix: "see more", exact: true},
	{kind: KindRelated, prefix: "trending now", exact: true},
	{kind: KindRelated, prefix: "watch:", maxWords: 30},
	{kind: KindRelated, prefix: "listen:", maxWords: 30},
	{kind: KindRelated, prefix: "video:", maxWords: 30},
	{kind: KindRelated, prefix: "watch now", maxWords: 12},
	{kind: KindRelated, prefix: "watch the video", maxWords: 12},
	{kind: KindRelated, prefix: "watch video", maxWords: 12},
	{kind: KindRelated, prefix: "watch more", maxWords: 12},
	{kind: KindRelated, prefix: "listen to this article", maxWords: 12},
	{kind: KindRelated, prefix: "listen to article", maxWords: 12},
	// calls to read on
	{kind: KindReadMore, prefix: "read more", exact: true},
	{kind: KindReadMore, prefix: "read more:"},
	{kind: KindReadMore, prefix: "read more at", maxWords: 20},
	{kind: KindReadMore, prefix: "read more here", maxWords: 20},
	{kind: KindReadMore, prefix: "read more about", maxWords: 20},
	{kind: KindReadMore, prefix: "read more from", maxWords: 20},
	{kind: KindReadMore, prefix: "read more on", maxWords: 20},
	{kind: KindReadMore, prefix: "read more stories", maxWords: 20},
	{kind: KindReadMore, prefix: "read more news", maxWords: 20},
	{kind: KindReadMore, prefix: "see more:", maxWords: 30},
	{kind: KindReadMore, prefix: "read the full article", maxWords: 20},
	{kind: KindReadMore, prefix: "read the full story", maxWords: 20},
	{kind: KindReadMore, prefix: "read the full report", maxWords: 20},
	{kind: KindReadMore, prefix: "read the full interview", maxWords: 20},
	{kind: KindReadMore, prefix: "read the original article", maxWords: 20},
	{kind: KindReadMore, prefix: "read the original story", maxWords: 20},
	{kind: KindReadMore, prefix: "read the rest", maxWords: 20},
	{kind: KindReadMore, prefix: "read the whole story", maxWords: 20},
	{kind: KindReadMore, prefix: "read full article", maxWords: 20},
	{kind: KindReadMore, prefix: "read full story", maxWords: 20},
	{kind: KindReadMore, prefix: "read the story", maxWords: 12, need: []string{"here", ":"}},
	{kind: KindReadMore, prefix: "read it here", maxWords: 8},
	{kind: KindReadMore, prefix: "full story:", maxWords: 25},
	{kind: KindReadMore, prefix: "full story", exact: true},
	{kind: KindReadMore, prefix: "continue reading", maxWords: 12},
	{kind: KindReadMore, prefix: "keep reading", maxWords: 10},
	{kind: KindReadMore, prefix: "click here", maxWords: 30},
	{kind: KindReadMore, prefix: "tap here", maxWords: 30},
	{kind: KindReadMore, prefix: "click to read", maxWords: 20},
	// subscriptions and sign-ups
	{kind: KindSubscribe, prefix: "subscribe", maxWords: 35, need: append([]string{"channel", " now", "today", "here", "to our", " for ", " us "}, needNewsletter...)},
	{kind: KindSubscribe, prefix: "sign up", need: needNewsletter},
	{kind: KindSubscribe, prefix: "signup", need: needNewsletter},
	{kind: KindSubscribe, prefix: "get our", need: needNewsletter},
	{kind: KindSubscribe, prefix: "get the", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "get breaking news", maxWords: 25},
	{kind: KindSubscribe, prefix: "join our", need: needNewsletter},
	{kind: KindSubscribe, prefix: "join", maxWords: 25, need: []string{"newsletter", "whatsapp", "telegram channel", "mailing list"}},
	{kind: KindSubscribe, prefix: "want more", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "want to get", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "never miss", maxWords: 25},
	{kind: KindSubscribe, prefix: "don't miss", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "stay informed", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "stay up to date", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "stay up-to-date", maxWords: 25, need: needNewsletter},
	{kind: KindSubscribe, prefix: "enter your email", maxWords: 25},
	{kind: KindSubscribe, prefix: "newsletter", maxWords: 25},
	{kind: KindSubscribe, prefix: "download the", maxWords: 25, need: []string{" app"}},
	{kind: KindSubscribe, prefix: "get the app", maxWords: 15},
	{kind: KindSubscribe, prefix: "already a subscriber", maxWords: 20},
	{kind: KindSubscribe, prefix: "already have an account", maxWords: 20},
	{kind: KindSubscribe, prefix: "log in", maxWords: 12, need: []string{"subscri", "account", "continue"}},
	{kind: KindSubscribe, prefix: "support", maxWords: 30, need: []string{"donate", "subscri", "become a member", "independent journalism"}},
	{kind: KindSubscribe, prefix: "this article is", maxWords: 30, need: []string{"newsletter"}},
	{kind: KindSubscribe, prefix: "thanks for signing up", maxWords: 20},
	{kind: KindSubscribe, prefix: "thank you for signing up", maxWords: 20},
	{kind: KindSubscribe, prefix: "thanks for subscribing", maxWords: 20},
	{kind: KindSubscribe, prefix: "thank you for subscribing", maxWords: 20},
	{kind: KindSubscribe, prefix: "keep an eye on your inbox", maxWords: 20},
	{kind: KindSubscribe, prefix: "check your inbox", maxWords: 20},
	{kind: KindSubscribe, prefix: "there was an error processing your subscription", maxWords: 20},
	{kind: KindSubscribe, prefix: "by signing up", maxWords: 40, need: []string{"agree", "privacy", "terms"}},
	{kind: KindSubscribe, prefix: "by subscribing", maxWords: 40, need: []string{"agree", "privacy", "terms"}},
	{kind: KindSubscribe, prefix: "by clicking", maxWords: 40, need: []string{"agree", "privacy", "terms", "subscri"}},
	{kind: KindSubscribe, prefix: "invalid email", maxWords: 15},
	{kind: KindSubscribe, prefix: "let our news meet your inbox", maxWords: 25},
	{kind: KindSubscribe, prefix: "please enter a valid email", maxWords: 15},
	// sharing, following, commenting
	{kind: KindShare, prefix: "share this", maxWords: 12},
	{kind: KindShare, prefix: "share on", maxWords: 10, need: needNetwork},
	{kind: KindShare, prefix: "share:", maxWords: 12},
	{kind: KindShare, prefix: "share via", maxWords: 12},
	{kind: KindShare, prefix: "share article", maxWords: 8},
	{kind: KindShare, prefix: "share story", maxWords: 8},
	{kind: KindShare, prefix: "share", exact: true},
	{kind: KindShare, prefix: "follow us", maxWords: 25},
	{kind: KindShare, prefix: "follow", maxWords: 25, need: needNetwork},
	{kind: KindShare, prefix: "like us on", maxWords: 20},
	{kind: KindShare, prefix: "find us on", maxWords: 20},
	{kind: KindShare, prefix: "connect with us", maxWords: 20},
	{kind: KindShare, prefix: "tweet this", maxWords: 12},
	{kind: KindShare, prefix: "join the conversation", maxWords: 20},
	{kind: KindShare, prefix: "leave a comment", maxWords: 12},
	{kind: KindShare, prefix: "view comments", maxWords: 8},
	{kind: KindShare, prefix: "show comments", maxWords: 8},
	{kind: KindShare, prefix: "comments", exact: true},
	{kind: KindShare, prefix: "print", exact: true},
	{kind: KindShare, prefix: "copy link", maxWords: 6},
	{kind: KindShare, prefix: "have a news tip", maxWords: 40},
	{kind: KindShare, prefix: "have a tip", maxWords: 40},
	{kind: KindShare, prefix: "got a tip", maxWords: 40},
	{kind: KindShare, prefix: "got a news tip", maxWords: 40},
	{kind: KindShare, prefix: "send us a tip", maxWords: 40},
	// photo and video credits, captions
	{kind: KindCredit, prefix: "photo:"},
	{kind: KindCredit, prefix: "photos:"},
	{kind: KindCredit, prefix: "photo by"},
	{kind: KindCredit, prefix: "photos by"},
	{kind: KindCredit, prefix: "photo credit"},
	{kind: KindCredit, prefix: "photo illustration"},
	{kind: KindCredit, prefix: "photograph:"},
	{kind: KindCredit, prefix: "photograph by"},
	{kind: KindCredit, prefix: "photography by"},
	{kind: KindCredit, prefix: "picture:"},
	{kind: KindCredit, prefix: "pictures:"},
	{kind: KindCredit, prefix: "picture by"},
	{kind: KindCredit, prefix: "image:"},
	{kind: KindCredit, prefix: "images:"},
	{kind: KindCredit, prefix: "image by"},
	{kind: KindCredit, prefix: "image caption"},
	{kind: KindCredit, prefix: "image source"},
	{kind: KindCredit, prefix: "image credit"},
	{kind: KindCredit, prefix: "media caption"},
	{kind: KindCredit, prefix: "video caption"},
	{kind: KindCredit, prefix: "caption:"},
	{kind: KindCredit, prefix: "credit:"},
	{kind: KindCredit, prefix: "credits:"},
	{kind: KindCredit, prefix: "illustration:"},
	{kind: KindCredit, prefix: "illustration by"},
	{kind: KindCredit, prefix: "graphic:"},
	{kind: KindCredit, prefix: "source: getty"},
	{kind: KindCredit, prefix: "getty images", maxWords: 12},
	{kind: KindCredit, prefix: "ap photo", maxWords: 12},
	{kind: KindCredit, prefix: "reuters photo", maxWords: 12},
	{kind: KindCredit, prefix: "afp photo", maxWords: 12},
	{kind: KindCredit, prefix: "file photo", maxWords: 30, need: []string{"/", "getty", "reuters", "afp", "ap "}},
	// bylines and reporting credits
	{kind: KindByline, prefix: "reporting by"},
	{kind: KindByline, prefix: "additional reporting by"},
	{kind: KindByline, prefix: "additional reporting"},
	{kind: KindByline, prefix: "writing by"},
	{kind: KindByline, prefix: "editing by"},
	{kind: KindByline, prefix: "contributing:", maxWords: 30},
	// advertising
	{kind: KindAdvert, prefix: "advertisement", exact: true},
	{kind: KindAdvert, prefix: "advertisements", exact: true},
	{kind: KindAdvert, prefix: "advert", exact: true},
	{kind: KindAdvert, prefix: "ad", exact: true},
	{kind: KindAdvert, prefix: "ads", exact: true},
	{kind: KindAdvert, prefix: "sponsored", exact: true},
	{kind: KindAdvert, prefix: "sponsored content", exact: true},
	{kind: KindAdvert, prefix: "paid content", exact: true},
	{kind: KindAdvert, prefix: "paid post", exact: true},
	{kind: KindAdvert, prefix: "promoted", exact: true},
	{kind: KindAdvert, prefix: "promoted content", exact: true},
	{kind: KindAdvert, prefix: "advertisement -", maxWords: 8},
	{kind: KindAdvert, prefix: "advertisement:", maxWords: 8},
	{kind: KindAdvert, prefix: "skip advertisement", maxWords: 6},
	{kind: KindAdvert, prefix: "story continues below", maxWords: 8},
	{kind: KindAdvert, prefix: "article continues below", maxWords: 8},
	{kind: KindAdvert, prefix: "content continues below", maxWords: 8},
	{kind: KindAdvert, prefix: "continue reading below", maxWords: 8},
	{kind: KindAdvert, prefix: "continue reading the main story", maxWords: 8},
	{kind: KindAdvert, prefix: "scroll to continue", maxWords: 10},
	{kind: KindAdvert, prefix: "scroll down to continue", maxWords: 10},
	{kind: KindAdvert, prefix: "this content is not available", maxWords: 12},
	// remnants of widgets: galleries, players
	{kind: KindEmbed, prefix: "this slideshow requires javascript", maxWords: 10},
	{kind: KindEmbed, prefix: "this video requires javascript", maxWords: 10},
	{kind: KindEmbed, prefix: "please enable javascript", maxWords: 20},
	{kind: KindEmbed, prefix: "javascript is disabled", maxWords: 20},
	{kind: KindEmbed, prefix: "you need to enable javascript", maxWords: 20},
	{kind: KindEmbed, prefix: "your browser does not support", maxWords: 20},
	{kind: KindEmbed, prefix: "sorry, your browser", maxWords: 20},
	{kind: KindEmbed, prefix: "play video", maxWords: 8},
	{kind: KindEmbed, prefix: "watch:", maxWords: 30, need: []string{"http"}},
	{kind: KindCredit, prefix: "caption", exact: true},
	{kind: KindCredit, prefix: "hide caption", exact: true},
	{kind: KindCredit, prefix: "toggle caption", exact: true},
	{kind: KindCredit, prefix: "show caption", exact: true},
	{kind: KindCredit, prefix: "close", exact: true},
	{kind: KindCredit, prefix: "enlarge this image", exact: true},
	{kind: KindCredit, prefix: "expand", exact: true},
	// copyright
	{kind: KindCopyright, prefix: "©", need: []string{"19", "20", "rights", "ltd", "inc", "limited", "llc", "plc"}},
	{kind: KindCredit, prefix: "©", maxWords: 40},
	{kind: KindCopyright, prefix: "(c)", need: []string{"19", "20", "rights"}},
	{kind: KindCopyright, prefix: "copyright", need: []string{"©", "rights reserved", "(c)"}},
	{kind: KindCopyright, prefix: "all rights reserved"},
	{kind: KindCopyright, prefix: "this material may not be published"},
	// notes on the story itself
	{kind: KindUpdate, prefix: "this story has been updated"},
	{kind: KindUpdate, prefix: "this article has been updated"},
	{kind: KindUpdate, prefix: "this story was updated"},
	{kind: KindUpdate, prefix: "this article was updated"},
	{kind: KindUpdate, prefix: "this post has been updated"},
	{kind: KindUpdate, prefix: "this post was updated"},
	{kind: KindUpdate, prefix: "this story has been corrected"},
	{kind: KindUpdate, prefix: "this article has been corrected"},
	{kind: KindUpdate, prefix: "this is a developing story", maxWords: 30},
	{kind: KindUpdate, prefix: "this story is developing", maxWords: 30},
	{kind: KindUpdate, prefix: "this is a breaking news story", maxWords: 30},
	{kind: KindUpdate, prefix: "this breaking news story", maxWords: 30},
	{kind: KindUpdate, prefix: "this article was originally published", maxWords: 30},
	{kind: KindUpdate, prefix: "this story was originally published", maxWords: 30},
	{kind: KindUpdate, prefix: "this article originally appeared", maxWords: 30},
	{kind: KindUpdate, prefix: "this story originally appeared", maxWords: 30},
	{kind: KindUpdate, prefix: "originally published", maxWords: 25},
}

// rulesByByte indexes lineRules by the first byte of their prefix. A rule
// with a straight apostrophe is also entered with a curly one.
var rulesByByte = func() (idx [256][]int16) {
	for _, r := range lineRules {
		if strings.Contains(r.prefix, "'") {
			r.prefix = strings.ReplaceAll(r.prefix, "'", "’")
			lineRules = append(lineRules, r)
		}
	}
	for i, r := range lineRules {
		idx[r.prefix[0]] = append(idx[r.prefix[0]], int16(i))
	}
	return idx
}()

// lineKey writes the matching key of line to dst: ASCII lower-cased,
// leading bullets, dashes and spaces removed. The key is a suffix of the
// line in length, so offsets in one are offsets in the other.
func lineKey(dst []byte, line []byte) []byte {
	dst = dst[:0]
	i := 0
	for i < len(line) {
		c := line[i]
		if c == ' ' || c == '*' || c == '-' || c == '>' || c == '|' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(line[i:])
			if r == '•' || r == '–' || r == '—' || r == '›' || r == '»' || r == '▶' || r == '►' || r == '■' || r == '→' {
				i += size
				continue
			}
		}
		break
	}
	for ; i < len(line); i++ {
		c := line[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// matchLine returns the boilerplate kind of a whole line, or "". key is
// the line's key (lineKey) and words its word count.
func matchLine(line, key []byte, words int) string {
	if words > maxBoilerWords || len(key) == 0 {
		return ""
	}
	k := string(key)
	for _, ri := range rulesByByte[k[0]] {
		r := &lineRules[ri]
		if !strings.HasPrefix(k, r.prefix) {
			continue
		}
		if r.exact {
			if strings.TrimRight(k, ".!:;,… ") == r.prefix {
				return r.kind
			}
			continue
		}
		if len(k) > len(r.prefix) && !boundary(r.prefix, k[len(r.prefix)]) {
			continue
		}
		max := r.maxWords
		if max == 0 {
			max = maxBoilerWords
		}
		if words > max {
			continue
		}
		if r.need != nil && !containsAny(k[len(r.prefix):]+" ", r.need) {
			continue
		}
		return r.kind
	}
	if kind := matchSpecial(line, k, words); kind != "" {
		return kind
	}
	return ""
}

// boundary reports whether a prefix followed by c ends at a word
// boundary.
func boundary(prefix string, c byte) bool {
	last := prefix[len(prefix)-1]
	if !isWordByte(last) {
		return true
	}
	return !isWordByte(c)
}

func isWordByte(c byte) bool {
	return isASCIILetter(c) || isDigit(c) || c == '\'' || c >= utf8.RuneSelf
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// shareWords are the words of a bar of share buttons flattened into text.
var shareWords = map[string]bool{
	"share": true, "tweet": true, "email": true, "e-mail": true, "mail": true, "print": true,
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "reddit": true,
	"pinterest": true, "telegram": true, "messenger": true, "copy": true, "link": true, "copied": true,
	"comments": true, "comment": true, "save": true, "flipboard": true, "bluesky": true, "threads": true,
	"sms": true, "on": true, "this": true, "article": true, "story": true, "via": true, "|": true, "/": true, "·": true,
}

var networkWords = map[string]bool{
	"facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "reddit": true,
	"pinterest": true, "telegram": true, "messenger": true, "flipboard": true, "bluesky": true, "email": true,
}

// agencies are news agencies and bylines' trailing roles: "Jane Doe,
// Reuters", "John Smith | Staff Writer".
var agencies = map[string]bool{
	"reuters": true, "ap": true, "associated press": true, "the associated press": true, "afp": true,
	"agence france-presse": true, "bloomberg": true, "bloomberg news": true, "cnn": true, "bbc": true,
	"bbc news": true, "dpa": true, "efe": true, "ansa": true, "xinhua": true, "tass": true, "upi": true,
	"pa": true, "pa media": true, "kyodo": true, "yonhap": true, "anadolu": true, "the guardian": true,
	"the new york times": true, "the washington post": true, "npr": true, "abc news": true, "cbs news": true,
	"nbc news": true, "fox news": true, "al jazeera": true, "the daily caller": true, "axios": true,
	"politico": true, "the hill": true, "the independent": true, "sky news": true, "the telegraph": true,
	"staff writer": true, "staff reporter": true, "correspondent": true, "contributor": true, "reporter": true,
	"senior writer": true, "staff": true, "editor": true, "special correspondent": true,
}

// matchSpecial recognises the boilerplate lines that a prefix cannot:
// bylines, share-button bars, credits, timestamps, contributor lines.
// Each check is gated by cheap tests, since most prose lines get here.
func matchSpecial(line []byte, key string, words int) string {
	switch {
	case isByline(line, key, words) || isAgencyByline(line, key, words):
		return KindByline
	case isTimestamp(key, words):
		return KindUpdate
	case words <= 45 && isContributors(key):
		return KindByline
	case words <= 12 && isShareBar(key):
		return KindShare
	case words <= 8 && isCopyrightYear(key):
		return KindCopyright
	case words <= 6 && isGalleryCounter(key):
		return KindCredit
	case words <= 5 && isLabelledLink(key):
		return KindRelated
	case isRelatedLabel(key):
		return KindRelated
	case words <= 6 && (strings.HasSuffix(strings.TrimRight(key, ".!: "), "newsletter") || strings.HasSuffix(strings.TrimRight(key, ".!: "), "newsletters")):
		return KindSubscribe
	}
	slash := strings.IndexByte(key, '/') >= 0
	paren := strings.IndexByte(key, '(') >= 0 || strings.IndexByte(key, '[') >= 0
	n := len(key)
	if paren && n > 2 && (key[0] == '(' && key[n-1] == ')' || key[0] == '[' && key[n-1] == ']') && words <= 20 &&
		containsAny(key, []string{"photo", "getty", "reuters/", "/reuters", "afp/", "/afp", "/ap", "ap/", "image", "credit", "shutterstock", "courtesy"}) {
		return KindCredit
	}
	if words <= 30 && (slash || paren || strings.Contains(key, "getty")) && key[n-1] != '.' &&
		containsAny(key, []string{"/getty images", "via getty images", "/ reuters", "/reuters", "/afp", "/shutterstock", "ap photo/", "/ap photo", "/epa", "(getty images)", "(reuters)", "(afp)", "(ap)", "| getty images"}) {
		return KindCredit
	}
	if slash && words <= maxBoilerWords && creditTail(key) {
		return KindCredit
	}
	if words <= 25 && strings.Contains(key, "all rights reserved") {
		return KindCopyright
	}
	if words <= 30 && strings.Contains(key, "your inbox") && containsAny(key, []string{"sign up", "subscribe", "newsletter", "delivered weekday", "delivered daily", "delivered every", "straight to your inbox", "directly to your inbox"}) {
		return KindSubscribe
	}
	return ""
}

func isShareBar(key string) bool {
	if sp := strings.IndexByte(key, ' '); sp < 0 || !shareWords[strings.Trim(key[:sp], ",:;")] {
		return false
	}
	net := false
	n := 0
	for w := range strings.FieldsSeq(key) {
		w = strings.Trim(w, ",:;")
		if w == "" {
			continue
		}
		if !shareWords[w] {
			return false
		}
		net = net || networkWords[w]
		n++
	}
	return net && n >= 2
}

// bylinePrefixes open a byline; the rest must read as names.
var bylinePrefixes = []string{"by ", "written by ", "reported by ", "story by ", "words by ", "posted by ", "edited by ", "compiled by ", "text by ", "interview by "}

// isByline recognises "By Jane Doe", "By JANE DOE and John Smith, Reuters",
// "Written by Jane Doe | August 8, 2025": a byline prefix, then only
// capitalised words, initials, connectors and dates.
func isByline(line []byte, key string, words int) bool {
	if words < 2 || words > 16 {
		return false
	}
	rest := ""
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(key, p) {
			rest = string(line[len(line)-len(key)+len(p):])
			break
		}
	}
	if rest == "" || !startsUpper(rest) {
		return false
	}
	if strings.HasSuffix(rest, ".") && !endsWithInitial(rest) {
		return false
	}
	names := 0
	for w := range strings.FieldsSeq(rest) {
		w = strings.Trim(w, ",;|")
		switch {
		case w == "" || w == "|" || w == "-" || w == "–" || w == "—" || w == "&" || w == "and" || w == "in" || w == "for" || w == "at" || w == "on" ||
			w == "de" || w == "van" || w == "von" || w == "der" || w == "da" || w == "al" || w == "bin" || w == "la" || w == "le" || w == "of" || w == "the":
		case isDigit(w[0]):
			if names == 0 {
				return false
			}
		case startsUpper(w):
			names++
		default:
			return false
		}
	}
	return names > 0
}

// isTimestamp recognises "Updated 3:42 PM EDT, Fri August 8, 2025" and
// "Published 2 hours ago": a short line that opens with a publishing verb
// and holds a date or a time.
func isTimestamp(key string, words int) bool {
	if words > 15 {
		return false
	}
	for _, p := range []string{"updated", "last updated", "published", "first published", "posted", "last modified", "modified", "posted on", "published on", "updated on"} {
		if !strings.HasPrefix(key, p) || len(key) > len(p) && !boundary(p, key[len(p)]) {
			continue
		}
		rest := key[len(p):]
		if r := strings.TrimSpace(rest); strings.HasSuffix(r, ".") && !strings.HasSuffix(r, " ago.") && !strings.HasSuffix(r, "a.m.") && !strings.HasSuffix(r, "p.m.") {
			return false
		}
		return strings.Contains(rest, " ago") || hasDateOrTime(rest)
	}
	return false
}

// hasDateOrTime reports a month name next to a number, a clock time
// (3:42) or a numeric date (2025-08-08, 8/8/2025) in s.
func hasDateOrTime(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == ':' || s[i] == '-' || s[i] == '/' || s[i] == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	digit := strings.IndexAny(s, "0123456789") >= 0
	if !digit {
		return false
	}
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,")
		if _, ok := months[w]; ok {
			return true
		}
	}
	return false
}

func endsWithInitial(s string) bool {
	n := len(s)
	return n >= 2 && s[n-1] == '.' && (n == 2 || s[n-3] == ' ' || s[n-3] == '.') && s[n-2] >= 'A' && s[n-2] <= 'Z' ||
		strings.HasSuffix(s, " Jr.") || strings.HasSuffix(s, " Sr.")
}

func startsUpper(w string) bool {
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	if c < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 'À' && r <= 'Þ' && r != '×' || r >= 'Ā' && r <= 'ž' && r%2 == 0
}

// isAgencyByline recognises "Jane Doe, Reuters" and "Jane Doe | Staff
// Writer": two to four capitalised words, then an agency or role.
func isAgencyByline(line []byte, key string, words int) bool {
	if words < 3 || words > 9 {
		return false
	}
	cut := strings.LastIndexAny(key, ",|")
	if cut < 0 {
		if i := strings.LastIndex(key, " - "); i > 0 {
			cut = i + 1
		} else {
			return false
		}
	}
	right := strings.Trim(key[cut+1:], " .")
	if !agencies[right] && !isStaffRole(right) {
		return false
	}
	left := strings.TrimSpace(string(line[:cut]))
	n := 0
	for w := range strings.FieldsSeq(left) {
		if !startsUpper(w) && w != "and" && w != "&" && w != "de" && w != "van" && w != "von" && w != "al" {
			return false
		}
		n++
	}
	return n >= 2 && n <= 7
}

// inlineKeys are the openings of bracketed boilerplate inside a line:
// "(RELATED: …)", "[Read more: …]", "(Photo by …/Getty Images)".
var inlineKeys = []struct{ key, kind string }{
	{"related:", KindRelated},
	{"related coverage:", KindRelated},
	{"related story:", KindRelated},
	{"related article:", KindRelated},
	{"related video:", KindRelated},
	{"related content:", KindRelated},
	{"see also:", KindRelated},
	{"see also ", KindRelated},
	{"also read:", KindRelated},
	{"read also:", KindRelated},
	{"read:", KindRelated},
	{"more:", KindRelated},
	{"watch:", KindRelated},
	{"video:", KindRelated},
	{"listen:", KindRelated},
	{"read more:", KindReadMore},
	{"read more ", KindReadMore},
	{"click here", KindReadMore},
	{"photo:", KindCredit},
	{"photos:", KindCredit},
	{"photo by", KindCredit},
	{"photos by", KindCredit},
	{"photo credit", KindCredit},
	{"photo courtesy", KindCredit},
	{"ap photo", KindCredit},
	{"afp photo", KindCredit},
	{"reuters photo", KindCredit},
	{"image:", KindCredit},
	{"image credit", KindCredit},
	{"image by", KindCredit},
	{"credit:", KindCredit},
	{"getty images", KindCredit},
	{"advertisement", KindAdvert},
	{"reporting by", KindByline},
	{"additional reporting", KindByline},
	{"writing by", KindByline},
	{"editing by", KindByline},
	{"compiled by", KindByline},
}

// inlineKind returns the kind of bracketed boilerplate that opens at
// s (the text right after the bracket), or "".
func inlineKind(s []byte) string {
	var buf [24]byte
	n := 0
	for i := 0; i < len(s) && n < len(buf); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	head := buf[:n]
	for _, k := range inlineKeys {
		if len(head) >= len(k.key) && string(head[:len(k.key)]) == k.key {
			return k.kind
		}
	}
	return ""
}

// maxInline is the longest bracketed boilerplate taken out of a line.
const maxInline = 400

// closeBracket returns the index in s of the bracket closing the one at
// s[0], within maxInline bytes, or -1.
func closeBracket(s []byte) int {
	open, close := s[0], byte(')')
	if open == '[' {
		close = ']'
	}
	depth := 0
	for i := 0; i < len(s) && i < maxInline; i++ {
		switch s[i] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// tailPhrases end a paragraph of prose with a call to read on:
// "… the ministry said. Read the full article here".
var tailPhrases = []struct{ phrase, kind string }{
	{"read the full article here", KindReadMore},
	{"read the full article", KindReadMore},
	{"read the full story here", KindReadMore},
	{"read the full story", KindReadMore},
	{"read the original article", KindReadMore},
	{"read more here", KindReadMore},
	{"click here to read more", KindReadMore},
	{"continue reading", KindReadMore},
	{"this story has been updated", KindUpdate},
}

// tailCut returns where a trailing call to read on starts in line, after a
// sentence end, and its kind; or -1.
func tailCut(line []byte) (int, string) {
	if len(line) < 20 {
		return -1, ""
	}
	end := len(line)
	for end > 0 && (line[end-1] == '.' || line[end-1] == ' ' || line[end-1] == '!') {
		end--
	}
	for _, t := range tailPhrases {
		n := len(t.phrase)
		start := end - n
		if start < 3 || line[start-1] != ' ' {
			continue
		}
		if !equalFoldASCII(line[start:end], t.phrase) {
			continue
		}
		if !closesSentence(line[:start-1]) && line[start-2] != ':' {
			continue
		}
		return start - 1, t.kind
	}
	return -1, ""
}

func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// creditTail reports a caption line that ends with an agency's photo
// credit: "… on Saturday. REUTERS/Jane Doe", "… (AFP/Getty Images)".
func creditTail(key string) bool {
	tail := key[max(0, len(key)-48):]
	for _, p := range []string{"reuters/", "afp/", "ap/", "epa/", "epa-efe/", "anadolu/", "xinhua/", "tass/", "sputnik/", "dpa/", "ansa/", "bloomberg/", "pa/", "shutterstock/"} {
		i := strings.LastIndex(tail, p)
		if i >= 0 && (i == 0 || tail[i-1] == ' ' || tail[i-1] == '(') && i+len(p) < len(tail) && !strings.Contains(tail[i:], ". ") {
			return true
		}
	}
	return false
}

// isCopyrightYear recognises "Copyright 2025 Example Media" lines: the
// word, then a year.
func isCopyrightYear(key string) bool {
	rest, ok := strings.CutPrefix(key, "copyright ")
	return ok && len(rest) >= 4 && isDigit(rest[0]) && isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[3]) && (len(rest) == 4 || !isDigit(rest[4]))
}

// staffRoles end a byline's role: "AP Auto Writer", "Senior
// Correspondent".
var staffRoles = map[string]bool{"writer": true, "reporter": true, "correspondent": true, "editor": true, "contributor": true,
	"columnist": true, "producer": true, "photographer": true, "journalist": true}

func isStaffRole(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && len(f) <= 5 && staffRoles[f[len(f)-1]]
}

// isContributors recognises "Associated Press writers A and B contributed
// to this report."
func isContributors(key string) bool {
	k := strings.TrimRight(key, ". )")
	for _, t := range []string{"contributed to this report", "contributed to this story", "contributed to this article", "contributed reporting", "contributed to this post"} {
		if strings.HasSuffix(k, t) {
			return true
		}
	}
	return false
}

// isGalleryCounter recognises the counters of photo galleries: "Image 1
// of 23", "Photo 3 of / 8", "1 of 12".
func isGalleryCounter(key string) bool {
	f := strings.Fields(key)
	if len(f) > 6 || len(f) < 3 {
		return false
	}
	if f[0] == "image" || f[0] == "photo" || f[0] == "picture" || f[0] == "slide" || f[0] == "gallery" {
		f = f[1:]
	}
	return len(f) >= 3 && isNum(f[0], 1, 3) && f[1] == "of" && (isNum(f[2], 1, 3) || f[2] == "/" && len(f) > 3 && isNum(f[3], 1, 3))
}

// isRelatedLabel recognises "Related post: …", "Related video: …": the
// word related and at most two more words before a colon.
func isRelatedLabel(key string) bool {
	rest, ok := strings.CutPrefix(key, "related ")
	if !ok {
		return false
	}
	colon := strings.IndexByte(rest, ':')
	return colon > 0 && strings.Count(rest[:colon], " ") <= 1
}

// isLabelledLink recognises a label and a bare URL: "Download:
// http://…", "iTunes: https://…".
func isLabelledLink(key string) bool {
	i := strings.Index(key, ": http")
	return i > 0 && !strings.Contains(key[i+2:], " ")
}

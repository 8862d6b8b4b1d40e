package entity

import (
	"slices"
	"strings"
	"sync"

	"newsgraph/internal/kb"
)

// Cue classes of entity_words.tsv.
const (
	cueTitle     = "title"
	cueHonorific = "honorific"
	cueOrgHead   = "org_head"
	cueOrgTail   = "org_tail"
	cuePlaceHead = "place_head"
	cuePlaceTail = "place_tail"
	cueEventTail = "event_tail"
	cueNonName   = "nonname"
	cueConnector = "connector"
	cueSpeech    = "speech"
	cuePlacePrep = "place_prep"
	cueRoleNoun  = "role_noun"
	cueKin       = "kin"
	cueSport     = "sport"
	cueTeamVerb  = "team_verb"
	cueFunction  = "function"
	cueOrgAfter  = "org_after"
	cueOrgBefore = "org_before"
	cueOrgPrefix = "org_prefix"
	cueNorp      = "norp"
	cueDesc      = "description"
	cueMinistry  = "ministry"
	cueMiscTail  = "misc_tail"
	cueExchange  = "exchange"
)

// Word flags: what the knowledge base and the cue words say of one word.
// The scratch space holds them per token, so that the recogniser asks a
// map once per word.
const (
	fCommon         uint32 = 1 << iota // an English word written in lower case
	fGiven                             // a given name
	fSurname                           // the surname of a person of people.tsv
	fGazFirst                          // the first word of a gazetteer name
	fConnector                         // of, de, von
	fNonName                           // Monday, I, TV
	fSpeech                            // said, told
	fPlacePrep                         // in, at
	fRoleNoun                          // spokesman, striker
	fKin                               // wife, son
	fSport                             // innings, goalkeeper
	fTeamVerb                          // beat, v
	fFunction                          // but, neither, the
	fHonorific                         // Mr (one word)
	fOrgHead                           // Ministry (one word)
	fTitleFirst                        // first word of a title ("Foreign" of "Foreign Minister")
	fOrgTailLast                       // last word of an organisation tail
	fPlaceHeadFirst                    // first word of a place head ("Gulf" of "Gulf of")
	fPlaceTailLast                     // last word of a place tail
	fEventTailLast                     // last word of an event tail
	fHonorificFirst                    // first word of an honorific
	fOrgAfter                          // X shares, X spokesman
	fOrgBeforeLast                     // last word of "shares in", "rival"
	fNorpFirst                         // first word of a group's name (Muslim, Democrat)
	fTitleLast                         // last word of a title ("Minister" of "Foreign Minister")
	fOrgPrefixFirst                    // first word of an organisation prefix (Air of Air France)
	fDescLast                          // last word of a description (company, grid operator)
	fMiscTailLast                      // last word of a MISC name's tail (Act, Amendment)
	fName                              // a gazetteer name on its own (London; not New)
)

// singleFlag maps the classes whose cues are read one word at a time to
// their flag.
var singleFlag = map[string]uint32{
	cueConnector: fConnector, cueNonName: fNonName, cueSpeech: fSpeech,
	cuePlacePrep: fPlacePrep, cueRoleNoun: fRoleNoun, cueKin: fKin,
	cueSport: fSport, cueTeamVerb: fTeamVerb, cueFunction: fFunction,
	cueHonorific: fHonorific, cueOrgHead: fOrgHead, cueOrgAfter: fOrgAfter,
}

// firstFlagOf and lastFlagOf give the flags that mark the first or last
// word of the cues of classes read as phrases. The matchers ask at every
// call: a switch on the few classes costs less than a map's hashing.
func firstFlagOf(class string) (uint32, bool) {
	switch class {
	case cueTitle:
		return fTitleFirst, true
	case cuePlaceHead:
		return fPlaceHeadFirst, true
	case cueHonorific:
		return fHonorificFirst, true
	case cueNorp:
		return fNorpFirst, true
	case cueOrgPrefix:
		return fOrgPrefixFirst, true
	}
	return 0, false
}

func lastFlagOf(class string) (uint32, bool) {
	switch class {
	case cueOrgTail:
		return fOrgTailLast, true
	case cuePlaceTail:
		return fPlaceTailLast, true
	case cueEventTail:
		return fEventTailLast, true
	case cueOrgBefore:
		return fOrgBeforeLast, true
	case cueDesc:
		return fDescLast, true
	case cueMiscTail:
		return fMiscTailLast, true
	}
	return 0, false
}

// lexEntry is what the lexicon holds for one word.
type lexEntry struct {
	flags   uint32
	longest uint8 // most words of a gazetteer name starting here
}

// cues indexes the rows of entity_words.tsv by class and lookup form, and
// holds the lexicon of every word the recogniser has something to say of.
type cues struct {
	// phrase maps class → lookup form → cue.
	phrase map[string]map[string]kb.Cue
	// longest maps class → first word → most words of a cue of that class
	// starting with it.
	longest map[string]map[string]int
	// table is the lexicon, for the look-ups of every article.
	table *lexTable
	// small holds the cue words alone, for words in lower case;
	// smallMask filters most other words out before a look-up.
	small     *lexTable
	smallMask [256]uint64
	// sport holds the sports words as written, for a fast test of whole
	// articles.
	sport map[string]bool
	// sportPair marks the first two bytes of sports words, to skip most
	// words without a lookup.
	sportMask [256]uint64
	// desc holds the descriptions of organisations by lookup form.
	desc map[string]*description
	// ministries are the names of ministries without their country, in
	// lookup form, longest first; ministryOrg maps a country and the
	// ministry they name ("BLR\tforeign affairs") to the organisation
	// of orgs.tsv.
	ministries  []kb.Cue
	ministryOrg map[string]int32
	// ids are the entity ids of the gazetteer's entries, by list.
	countryIDs, placeIDs, personIDs, orgIDs, norpIDs []string
}

var (
	cuesMu    sync.Mutex
	cuesCache = map[*kb.Gazetteer]*cues{}
)

// cuesFor returns the cue index and lexicon of g, built once per
// gazetteer.
func cuesFor(g *kb.Gazetteer) *cues {
	cuesMu.Lock()
	defer cuesMu.Unlock()
	if c, ok := cuesCache[g]; ok {
		return c
	}
	c := newCues(g)
	cuesCache[g] = c
	return c
}

func newCues(g *kb.Gazetteer) *cues {
	c := &cues{phrase: map[string]map[string]kb.Cue{}, longest: map[string]map[string]int{}}
	// The lexicon is filled in place: a word's entry gets its flags from
	// the gazetteer, then from every cue it is part of.
	c.table = newLexTable(1 << 17) // some 80,000 words
	g.Words(func(k string, info kb.WordInfo) {
		e := c.table.add(k)
		if info.Common {
			e.flags |= fCommon
		}
		if info.Given {
			e.flags |= fGiven
		}
		if info.Surname {
			e.flags |= fSurname
		}
		if info.Longest > 0 {
			e.flags |= fGazFirst
			e.longest = max(e.longest, uint8(min(info.Longest, 255)))
		}
		if info.Name {
			e.flags |= fName
		}
	})
	mark := func(w string, f uint32) { c.table.add(w).flags |= f }
	for _, q := range g.Cues {
		if c.phrase[q.Class] == nil {
			c.phrase[q.Class] = map[string]kb.Cue{}
			c.longest[q.Class] = map[string]int{}
		}
		if _, dup := c.phrase[q.Class][q.Key]; !dup {
			c.phrase[q.Class][q.Key] = q
		}
		words := strings.Fields(q.Key)
		if len(words) == 0 {
			continue
		}
		if n := len(words); n > c.longest[q.Class][words[0]] {
			c.longest[q.Class][words[0]] = n
		}
		if f, ok := singleFlag[q.Class]; ok && len(words) == 1 {
			mark(words[0], f)
		}
		if f, ok := firstFlagOf(q.Class); ok {
			mark(words[0], f)
		}
		if f, ok := lastFlagOf(q.Class); ok {
			mark(words[len(words)-1], f)
		}
		if q.Class == cueTitle {
			mark(words[len(words)-1], fTitleLast)
		}
	}
	c.countryIDs = ids(g.Countries, "place", func(ct *kb.Country) string { return ct.Name })
	c.norpIDs = ids(g.Countries, "norp", func(ct *kb.Country) string {
		if len(ct.Demonyms) > 0 {
			return ct.Demonyms[0]
		}
		return ct.Name
	})
	c.placeIDs = ids(g.Places, "place", func(p *kb.Place) string { return p.Name })
	c.personIDs = ids(g.People, "person", func(p *kb.Person) string { return p.Name })
	c.orgIDs = ids(g.Orgs, "org", func(o *kb.Org) string { return o.Name })
	c.desc = map[string]*description{}
	for _, q := range g.Cues {
		if q.Class == cueDesc {
			if _, dup := c.desc[q.Key]; !dup {
				c.desc[q.Key] = newDescription(q)
			}
		}
	}
	c.ministryOrgs(g)
	c.sport = map[string]bool{}
	for _, q := range g.Cues {
		if q.Class == cueSport && !strings.Contains(q.Key, " ") && len(q.Key) >= 2 {
			c.sport[q.Key] = true
			c.sportMask[q.Key[0]] |= sportBit(q.Key)
		}
	}
	c.small = newLexTable(1 << 10)
	for _, q := range g.Cues {
		if q.Class == cueMinistry {
			continue // read from whole names, not from words
		}
		for _, w := range strings.Fields(q.Key) {
			*c.small.add(w) = c.table.get([]byte(w))
			c.smallMask[w[0]] |= sportBit(w)
		}
	}
	return c
}

// ids returns the entity ids of the names of list's entries, cut from one
// string rather than allocated one by one: the prefix, a colon and the
// name's slug, in lower case, without diacritics, words joined by hyphens
// ("place:cote-d-ivoire").
func ids[T any](list []T, prefix string, name func(*T) string) []string {
	var buf []byte
	ends := make([]int, len(list))
	for i := range list {
		buf = append(buf, prefix...)
		buf = append(buf, ':')
		buf = appendSlug(buf, name(&list[i]))
		ends[i] = len(buf)
	}
	all := string(buf)
	out := make([]string, len(list))
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
}

// ministryOrgs indexes the ministries of orgs.tsv by their country and
// the ministry their names or aliases name.
func (c *cues) ministryOrgs(g *kb.Gazetteer) {
	for _, q := range g.Cues {
		if q.Class == cueMinistry {
			c.ministries = append(c.ministries, q)
		}
	}
	slices.SortStableFunc(c.ministries, func(a, b kb.Cue) int { return len(b.Key) - len(a.Key) })
	c.ministryOrg = map[string]int32{}
	for i, o := range g.Orgs {
		if o.Kind != "government" || o.Country == "" {
			continue
		}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if m := c.ministryIn(kb.NormPhrase(n)); m != "" {
				if _, dup := c.ministryOrg[o.Country+"\t"+m]; !dup {
					c.ministryOrg[o.Country+"\t"+m] = int32(i)
				}
			}
		}
	}
}

// ministryIn returns the ministry a name in lookup form names ("foreign
// affairs" for "ministry of foreign affairs of the republic of
// belarus"), or "".
func (c *cues) ministryIn(name string) string {
	for _, q := range c.ministries {
		if len(q.Key) <= len(name) && hasWord(name, q.Key) {
			return q.Value
		}
	}
	return ""
}

// sportBit mixes a word's length and last byte into one of 64 bits.
func sportBit[T string | []byte](w T) uint64 { return 1 << ((uint(w[len(w)-1]) ^ uint(len(w))*5) & 63) }

// get returns the cue of class with lookup form key.
func (c *cues) get(class string, key []byte) (kb.Cue, bool) {
	q, ok := c.phrase[class][string(key)]
	return q, ok
}

// maxWords returns the most words of a cue of class starting with the word
// whose lookup form is first.
func (c *cues) maxWords(class string, first []byte) int {
	return c.longest[class][string(first)]
}

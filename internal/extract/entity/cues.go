package entity

import (
	"strings"

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
)

// cues indexes the rows of entity_words.tsv by class and lookup form.
type cues struct {
	// phrase maps class → lookup form → cue, for classes whose cues may
	// have several words.
	phrase map[string]map[string]kb.Cue
	// longest maps class → first word → most words of a cue of that class
	// starting with it.
	longest map[string]map[string]int
}

func newCues(list []kb.Cue) *cues {
	c := &cues{phrase: map[string]map[string]kb.Cue{}, longest: map[string]map[string]int{}}
	for _, q := range list {
		if c.phrase[q.Class] == nil {
			c.phrase[q.Class] = map[string]kb.Cue{}
			c.longest[q.Class] = map[string]int{}
		}
		if _, dup := c.phrase[q.Class][q.Key]; !dup {
			c.phrase[q.Class][q.Key] = q
		}
		first, n := q.Key, strings.Count(q.Key, " ")+1
		if i := strings.IndexByte(q.Key, ' '); i >= 0 {
			first = q.Key[:i]
		}
		if n > c.longest[q.Class][first] {
			c.longest[q.Class][first] = n
		}
	}
	return c
}

// is reports whether the single word with lookup form w is a cue of class.
func (c *cues) is(class string, w []byte) bool {
	_, ok := c.phrase[class][string(w)]
	return ok
}

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

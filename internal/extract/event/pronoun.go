package event

import (
	"newsgraph/internal/parse"
)

// maxRecent bounds the persons and things remembered for pronouns.
const maxRecent = 4

// resolvePronouns gives pronoun units the actor they stand for. Inside a
// quote, I and we are the speaker, and he, she, him and her are never the
// speaker. A subject pronoun (he, it, they) takes the nearest subject
// before it in the sentence, else the subject of the last sentence that
// had one; an object pronoun (him, her, them) the last person or thing
// named. With dictionaries alone, pronouns look back within the sentence
// only.
func (sc *sentCtx) resolvePronouns() {
	s := sc.s
	ws := s.sent.Words
	dict := sc.c.opts.DictOnly
	for ui := range s.units {
		u := &s.units[ui]
		if u.pron == "" || len(u.members) > 0 {
			continue
		}
		at := ws[u.start].Start
		speaker := s.speakerAt(at)
		var mem []member
		// mayResolve (quiet.go) must list every pronoun this switch
		// resolves, with what it resolves from.
		switch u.pron {
		case "i", "we", "me", "us":
			mem = speaker
		case "he", "she", "him", "her":
			subj := u.pron == "he" || u.pron == "she"
			if m := sc.subjectBefore(u.start, 1, speaker); m != nil {
				mem = m
			} else if !dict {
				if subj && len(s.lastSubjPerson) > 0 && !sameMembers(s.lastSubjPerson, speaker) {
					mem = s.lastSubjPerson
				} else {
					mem = recent(s.recentPersons, speaker)
				}
			}
		case "it", "they", "them":
			if m := sc.subjectBefore(u.start, 2, nil); m != nil {
				mem = m
			} else if !dict {
				if len(s.lastSubjThing) > 0 {
					mem = s.lastSubjThing
				} else {
					mem = recent(s.recentThings, nil)
				}
			}
		}
		if len(mem) == 0 {
			continue
		}
		u.members = s.joinMembers(mem)
		// "he and Lukashenko": join the coordination after the pronoun
		if ui+1 < len(s.units) && s.units[ui+1].grp >= 0 && separator(ws[u.end:s.units[ui+1].start]) == 2 {
			g := &s.groups[s.units[ui+1].grp]
			g.members = s.joinMembers(u.members, g.members)
			g.start = u.start
			g.units = append([]int{ui}, g.units...)
			u.grp = s.units[ui+1].grp
			continue
		}
		g := group{start: u.start, end: u.end, units: s.oneInt(ui), members: u.members}
		u.grp = len(s.groups)
		s.groups = append(s.groups, g)
	}
}

// subjectBefore returns the members of the nearest subject (of a verb
// group starting before word i) that is a person (want 1) or not (want
// 2); with dictionaries alone, any actor. Members equal to skip are not
// taken.
func (sc *sentCtx) subjectBefore(i int, want int, skip []member) []member {
	s := sc.s
	for k := len(s.sent.Groups) - 1; k >= 0; k-- {
		g := &s.sent.Groups[k]
		if g.Start >= i {
			continue
		}
		u := sc.subject(k, 0)
		if u < 0 || s.units[u].grp < 0 || s.units[u].pron != "" {
			continue
		}
		if s.units[u].end > i {
			continue
		}
		m := s.groups[s.units[u].grp].members
		if len(m) == 0 || m[0].agentOnly || sameMembers(m, skip) {
			continue
		}
		if sc.c.opts.DictOnly || m[0].person == (want == 1) {
			return m
		}
	}
	return nil
}

func sameMembers(a, b []member) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].code != b[i].code || a[i].entity != b[i].entity {
			return false
		}
	}
	return true
}

// recent returns the most recent remembered actor other than skip.
func recent(list [][]member, skip []member) []member {
	for i := len(list) - 1; i >= 0; i-- {
		if !sameMembers(list[i], skip) {
			return list[i]
		}
	}
	return nil
}

// remember keeps the sentence's actors for the pronouns of the next ones:
// the subject of its first clause that has an actor, and every person and
// thing named.
func (sc *sentCtx) remember() {
	s := sc.s
	if sc.c.opts.DictOnly {
		return
	}
	gotP, gotT := false, false
	for k := range s.sent.Groups {
		if s.sent.Words[s.sent.Groups[k].Head].Tag != parse.Verb && !s.sent.Groups[k].Has(parse.Copula) {
			continue
		}
		u := sc.subject(k, 0)
		if u < 0 || s.units[u].grp < 0 {
			continue
		}
		m := s.groups[s.units[u].grp].members
		if len(m) == 0 || m[0].agentOnly {
			continue
		}
		if m[0].person && !gotP {
			s.lastSubjPerson = m
			gotP = true
		} else if !m[0].person && !gotT {
			s.lastSubjThing = m
			gotT = true
		}
	}
	for _, u := range s.units {
		if u.grp < 0 || u.pron != "" {
			continue
		}
		m := s.groups[u.grp].members
		if len(m) == 0 || m[0].agentOnly {
			continue
		}
		if m[0].person {
			s.recentPersons = pushRecent(s.recentPersons, m)
		} else {
			s.recentThings = pushRecent(s.recentThings, m)
		}
	}
}

func pushRecent(list [][]member, m []member) [][]member {
	for i, x := range list {
		if sameMembers(x, m) {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == maxRecent {
		// the oldest goes; shifted in place, so that the list keeps its
		// array instead of sliding off it
		copy(list, list[1:])
		list = list[:maxRecent-1]
	}
	return append(list, m)
}

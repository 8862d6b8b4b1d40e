package export

// Actor is a CAMEO-style actor code split into the parts GDELT writes in
// separate columns.
type Actor struct {
	// Country is the three-letter country (ISO 3166 alpha-3) or regional
	// code the actor belongs to.
	Country string
	// KnownGroup is the code of a named organisation (UNO, NAT, EEC).
	KnownGroup string
	Religion1  string
	Religion2  string
	// Type1–Type3 are role codes (GOV, MIL, REB, IGO, NGO, …).
	Type1, Type2, Type3 string
}

// international codes stand first in the codes of actors that belong to
// no country; the block after them is a known group.
var international = set("IGO NGO NGM MNC IMG UIS INS")

// roles are CAMEO's type codes for domestic actors.
var roles = set("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL HLH LAB LEG REF ELI AGR ENV RAD MOD SEP UAF SET HRI DEV IRC PRE DIS")

// religions are CAMEO's religion codes.
var religions = set("REL CHR CTH ORT PRO MOS SUN SHI ALE DRZ JEW BUD HIN SIK JAN ZRO BAH CON DOX ITH SHN TAO")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for i := 0; i+3 <= len(words); i += 4 {
		m[words[i:i+3]] = true
	}
	return m
}

// ParseActor splits a CAMEO-style code (USAGOV, IGOUNO, RUSMILREB) into
// its parts. Codes shorter than three letters give an empty Actor.
func ParseActor(code string) Actor {
	var a Actor
	var blocks []string
	for i := 0; i+3 <= len(code); i += 3 {
		blocks = append(blocks, code[i:i+3])
	}
	if len(blocks) == 0 {
		return a
	}
	addType := func(b string) {
		switch {
		case a.Type1 == "":
			a.Type1 = b
		case a.Type2 == "":
			a.Type2 = b
		case a.Type3 == "":
			a.Type3 = b
		}
	}
	rest := blocks
	switch b := blocks[0]; {
	case international[b]:
		addType(b)
		rest = blocks[1:]
		if len(rest) > 0 && !roles[rest[0]] && !religions[rest[0]] {
			a.KnownGroup = rest[0]
			rest = rest[1:]
		}
	case roles[b] || religions[b]:
	default:
		a.Country = b
		rest = blocks[1:]
	}
	for _, b := range rest {
		switch {
		case religions[b] && a.Religion1 == "":
			a.Religion1 = b
		case religions[b] && a.Religion2 == "":
			a.Religion2 = b
		default:
			addType(b)
		}
	}
	return a
}

package entity

// lexTable maps words (by a 64-bit hash of their lookup form) to their
// lexicon entries. It is an open-addressing table of fixed size built
// once: a look-up touches one slot, or a few, and never a key's bytes,
// which keeps the large lexicon cheap on the cache. Two different words
// share a hash with odds of about one in 2^64 per pair; a clash would only
// mix their flags.
type lexTable struct {
	slots []lexSlot
	mask  uint64
}

type lexSlot struct {
	hash  uint64 // 0 marks an empty slot
	entry lexEntry
}

// wordHash is FNV-1a over w, never 0.
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	if h == 0 {
		h = 1
	}
	return h
}

func newLexTable(m map[string]lexEntry) *lexTable {
	n := uint64(1)
	for n < uint64(len(m))*2 {
		n <<= 1
	}
	t := &lexTable{slots: make([]lexSlot, n), mask: n - 1}
	for k, e := range m {
		h := wordHash([]byte(k))
		i := h & t.mask
		for t.slots[i].hash != 0 && t.slots[i].hash != h {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{h, e}
	}
	return t
}

// get returns the entry of the word w; the zero entry when unknown.
func (t *lexTable) get(w []byte) lexEntry {
	h := wordHash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].hash {
		case h:
			return t.slots[i].entry
		case 0:
			return lexEntry{}
		}
	}
}

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
	n     int // words held
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

// newLexTable returns an empty table with room for about n words; add
// grows it as needed.
func newLexTable(n int) *lexTable {
	size := uint64(16)
	for size < uint64(n)*2 {
		size <<= 1
	}
	return &lexTable{slots: make([]lexSlot, size), mask: size - 1}
}

// add returns the entry of word w to fill in, a zero one when w is new.
// The table keeps at most half its slots filled, as get's probing wants.
func (t *lexTable) add(w string) *lexEntry {
	h := wordHash([]byte(w))
	i := h & t.mask
	for t.slots[i].hash != 0 && t.slots[i].hash != h {
		i = (i + 1) & t.mask
	}
	if t.slots[i].hash == 0 {
		if (t.n+1)*2 > len(t.slots) {
			t.grow()
			return t.add(w)
		}
		t.slots[i].hash = h
		t.n++
	}
	return &t.slots[i].entry
}

// grow doubles the table.
func (t *lexTable) grow() {
	old := t.slots
	t.slots = make([]lexSlot, 2*len(old))
	t.mask = uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.hash == 0 {
			continue
		}
		i := s.hash & t.mask
		for t.slots[i].hash != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
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

// Package dict is a Chinese-English dictionary in CC-CEDICT's format: it
// reads the file, looks words up by their traditional or simplified form,
// turns the numbered pinyin into tone marks and segments running text into
// the dictionary's words.
//
// A loaded dictionary is the file's text in one string and two small
// arrays of offsets into it: one entry per line, and the entries' forms
// sorted for binary search, with the range of the forms that start with
// each character. Nothing is parsed twice or kept twice:
// a lookup cuts its entries out of the lines it finds.
package dict

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Attribution is the credit CC-CEDICT's licence asks for, shown with every
// definition the reader gives.
const Attribution = "CC-CEDICT, CC BY-SA 4.0"

// Entry is one line of the dictionary: a word in both scripts, one reading
// and its senses.
type Entry struct {
	Traditional, Simplified string
	// Pinyin is the reading as the file writes it, tones as digits:
	// "fa1 zhan3". Marks gives it with tone marks.
	Pinyin string
	// Definitions are the English senses, in the file's order.
	Definitions []string
}

// PinyinMarks returns the reading with tone marks: "fā zhǎn".
func (e Entry) PinyinMarks() string { return Marks(e.Pinyin) }

// ParseError is a line of a dictionary file that is not an entry.
type ParseError struct {
	Line   int // 1-based
	Reason string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// entry locates one line in Dict.text: the line starts at off with the
// traditional form, trad bytes long; the simplified form follows after a
// blank, simp bytes long.
type entry struct {
	off        uint32
	trad, simp uint16
}

// Dict is a loaded dictionary. It is read-only and safe for concurrent use.
type Dict struct {
	text    string
	entries []entry
	// keys are the entries' forms sorted bytewise: entry index<<1, plus 1
	// for the simplified form. An entry whose forms are the same has one
	// key. Equal forms sort in file order.
	keys []uint32
	// heads are the first 8 bytes of each key's form, big-endian and
	// padded with zeros: most comparisons in a search are decided by them
	// without reading the text, scattered over megabytes.
	heads []uint64
	// first maps a character to the range of keys whose forms start
	// with it: lo<<32 | hi.
	first map[rune]uint64
	// Date is the file's publication date (its "#! date=" header), or "".
	Date string
}

// maxText is the most text a Dict can hold: offsets are 32-bit.
const maxText = 1<<32 - 1

// Parse reads a dictionary in CC-CEDICT's format: "# " comment lines, then
// one entry a line, "Traditional Simplified [pin1 yin1] /sense/sense/". A
// line that is not an entry is an error naming it. Parse keeps one copy of
// data.
func Parse(data []byte) (*Dict, error) {
	if len(data) > maxText {
		return nil, fmt.Errorf("dictionary too large: %d bytes", len(data))
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("dictionary is not UTF-8 text")
	}
	return parse(string(data))
}

// parse indexes text, keeping it whole: the comments are a few lines, and
// one string is cheaper than copying the entries out of it.
func parse(text string) (*Dict, error) {
	d := &Dict{text: text, entries: make([]entry, 0, strings.Count(text, "\n")+1)}
	for i, at := 0, 0; at < len(text); i++ {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		line := strings.TrimSuffix(text[at:at+end], "\r")
		off := at
		at += end + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] == '#' {
			if v, ok := strings.CutPrefix(line, "#! date="); ok && d.Date == "" {
				d.Date = strings.TrimSpace(v)
			}
			continue
		}
		trad, simp, _, _, reason := splitLine(line)
		if reason != "" {
			return nil, &ParseError{Line: i + 1, Reason: reason}
		}
		d.entries = append(d.entries, entry{off: uint32(off), trad: uint16(len(trad)), simp: uint16(len(simp))})
	}
	d.keys = make([]uint32, 0, 2*len(d.entries))
	for i, e := range d.entries {
		d.keys = append(d.keys, uint32(i)<<1)
		if d.form(e, false) != d.form(e, true) {
			d.keys = append(d.keys, uint32(i)<<1|1)
		}
	}
	slices.SortFunc(d.keys, func(a, b uint32) int {
		if c := strings.Compare(d.key(a), d.key(b)); c != 0 {
			return c
		}
		return int(a>>1) - int(b>>1)
	})
	d.heads = make([]uint64, len(d.keys))
	for i, k := range d.keys {
		d.heads[i] = head(d.key(k))
	}
	d.first = make(map[rune]uint64)
	for i := 0; i < len(d.keys); {
		r, _ := utf8.DecodeRuneInString(d.key(d.keys[i]))
		j := i + 1
		for j < len(d.keys) && strings.HasPrefix(d.key(d.keys[j]), string(r)) {
			j++
		}
		d.first[r] = uint64(i)<<32 | uint64(j)
		i = j
	}
	return d, nil
}

// splitLine cuts an entry line into its fields, or says why it is not one.
// The forms are at most 65535 bytes, as entry stores them.
func splitLine(line string) (trad, simp, pinyin, defs, reason string) {
	trad, rest, ok := strings.Cut(line, " ")
	if !ok || trad == "" {
		return "", "", "", "", "no simplified form after the traditional"
	}
	simp, rest, ok = strings.Cut(rest, " ")
	if !ok || simp == "" {
		return "", "", "", "", "no reading after the forms"
	}
	if len(trad) > 0xffff || len(simp) > 0xffff {
		return "", "", "", "", "word too long"
	}
	rest, ok = strings.CutPrefix(rest, "[")
	if !ok {
		return "", "", "", "", "no [reading] after the forms"
	}
	pinyin, rest, ok = strings.Cut(rest, "]")
	if !ok {
		return "", "", "", "", "reading not closed by ]"
	}
	rest = strings.TrimLeft(rest, " ")
	if len(rest) < 2 || rest[0] != '/' || rest[len(rest)-1] != '/' {
		return "", "", "", "", "senses not between slashes"
	}
	return trad, simp, pinyin, rest[1 : len(rest)-1], ""
}

// Len returns the number of entries.
func (d *Dict) Len() int { return len(d.entries) }

// form returns an entry's traditional or simplified form.
func (d *Dict) form(e entry, simplified bool) string {
	at := int(e.off)
	if simplified {
		return d.text[at+int(e.trad)+1 : at+int(e.trad)+1+int(e.simp)]
	}
	return d.text[at : at+int(e.trad)]
}

// key returns the form a key stands for.
func (d *Dict) key(k uint32) string { return d.form(d.entries[k>>1], k&1 == 1) }

// entryAt cuts entry i out of its line.
func (d *Dict) entryAt(i int) Entry {
	at := int(d.entries[i].off)
	line := d.text[at:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	trad, simp, pinyin, defs, _ := splitLine(strings.TrimSuffix(line, "\r"))
	var senses []string
	for s := range strings.SplitSeq(defs, "/") {
		if s = strings.TrimSpace(s); s != "" {
			senses = append(senses, s)
		}
	}
	return Entry{Traditional: trad, Simplified: simp, Pinyin: pinyin, Definitions: senses}
}

// firstRange returns the range of keys whose forms start with s's first
// character.
func (d *Dict) firstRange(s string) (lo, hi int) {
	r, _ := utf8.DecodeRuneInString(s)
	v, ok := d.first[r]
	if !ok {
		return 0, 0
	}
	return int(v >> 32), int(v & 0xffffffff)
}

// head returns the first 8 bytes of s as a big-endian number, padded with
// zeros. Heads order as their strings do wherever they differ: at the first
// byte that differs both strings have a byte, or the shorter has ended
// (its 0 below any byte but 0, where the strings' order needs the rest).
func head(s string) uint64 {
	var h uint64
	for i := range 8 {
		h <<= 8
		if i < len(s) {
			h |= uint64(s[i])
		}
	}
	return h
}

// search returns the first index in keys[lo:hi] whose form is at least s.
func (d *Dict) search(s string, lo, hi int) int {
	hs := head(s)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		h := d.heads[mid]
		if h < hs || h == hs && d.key(d.keys[mid]) < s {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// prefixEnd returns the first index in keys[lo:hi] whose form does not start
// with p, given that those that do come first.
func (d *Dict) prefixEnd(p string, lo, hi int) int {
	// n bytes of p are in its head; mask keeps them. A form that matches
	// them is read only when p is longer, or holds a zero byte that a
	// shorter form's padding would match.
	n := min(len(p), 8)
	mask := ^uint64(0) << (64 - 8*n)
	if n == 0 {
		mask = 0
	}
	hp := head(p) & mask
	exact := len(p) <= 8 && strings.IndexByte(p, 0) < 0
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		has := d.heads[mid]&mask == hp
		if has && !exact {
			has = strings.HasPrefix(d.key(d.keys[mid]), p)
		}
		if has {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Lookup returns the entries whose traditional or simplified form is word,
// in the file's order: one per reading (长 is cháng and zhǎng). None is
// nil.
func (d *Dict) Lookup(word string) []Entry {
	if d == nil || word == "" {
		return nil
	}
	var out []Entry
	lo, hi := d.firstRange(word)
	for i := d.search(word, lo, hi); i < hi && d.key(d.keys[i]) == word; i++ {
		out = append(out, d.entryAt(int(d.keys[i]>>1)))
	}
	return out
}

// Has reports whether word is a form of some entry.
func (d *Dict) Has(word string) bool {
	if d == nil || word == "" {
		return false
	}
	lo, hi := d.firstRange(word)
	i := d.search(word, lo, hi)
	return i < hi && d.key(d.keys[i]) == word
}

package typeset

import (
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// widthTable holds the widths of the characters of the blocks that make up
// nearly all of Chinese text, or -1 for those that may join a neighbour
// into one grapheme cluster (a combining mark, ZWJ, a prepended mark) or
// that the setter looks at closely (controls, the zero-width space). Two
// characters of the table side by side are always two clusters, each as
// wide as the table says: the clusters of such text are found without
// the grapheme iterator, the same as it would find them.
type widthTable struct {
	ascii     [0x80]int8
	general   [0x70]int8  // U+2000 ...: dashes, quotes, ellipsis
	cjk       [0x100]int8 // U+3000 ...: CJK punctuation, kana
	fullWidth [0xF0]int8  // U+FF00 ...: full-width forms
}

// simpleWidths are the tables for ambiguous characters narrow and wide.
// They are built once and only read.
var simpleWidths = [2]widthTable{buildWidths(false), buildWidths(true)}

func buildWidths(wide bool) (t widthTable) {
	opt := displaywidth.Options{EastAsianWidth: wide}
	fill := func(tab []int8, base rune) {
		for i := range tab {
			r := base + rune(i)
			tab[i] = -1
			if standsAlone(r) {
				tab[i] = int8(opt.String(string(r)))
			}
		}
	}
	fill(t.ascii[:], 0)
	fill(t.general[:], 0x2000)
	fill(t.cjk[:], 0x3000)
	fill(t.fullWidth[:], 0xFF00)
	return t
}

// standsAlone reports whether r is a printable character that never joins
// a neighbour into one grapheme cluster, and not a zero-width space.
func standsAlone(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x2060 && r <= 0x206F:
		return false
	}
	s := string(r)
	return count("a"+s) == 2 && count(s+"a") == 2 && count(s+s) == 2
}

func count(s string) int {
	n := 0
	for it := graphemes.FromString(s); it.Next(); {
		n++
	}
	return n
}

// width returns r's width from the table, 2 for a CJK unified ideograph,
// or -1 when r is not in the table or may join a neighbour.
func (t *widthTable) width(r rune) int {
	switch {
	case r < 0x80:
		return int(t.ascii[r])
	case r >= 0x4E00 && r <= 0x9FFF:
		return 2
	case r >= 0x2000 && r < 0x2000+rune(len(t.general)):
		return int(t.general[r-0x2000])
	case r >= 0x3000 && r < 0x3000+rune(len(t.cjk)):
		return int(t.cjk[r-0x3000])
	case r >= 0xFF00 && r < 0xFF00+rune(len(t.fullWidth)):
		return int(t.fullWidth[r-0xFF00])
	}
	return -1
}

// decodeAt decodes the rune at d[i:] of display text, which is valid UTF-8,
// with fast paths for ASCII and three bytes; size is 0 at the end of d.
func decodeAt(d string, i int) (r rune, size int) {
	if i >= len(d) {
		return 0, 0
	}
	c := d[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE0 && c < 0xF0 && i+2 < len(d) {
		// Display text is valid UTF-8: a three-byte character, as
		// nearly all of Chinese text is, needs no checks.
		return rune(c&0x0F)<<12 | rune(d[i+1]&0x3F)<<6 | rune(d[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(d[i:])
}

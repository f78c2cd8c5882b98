package dict

import (
	"unicode"
	"unicode/utf8"
)

// Kind says what a token of segmented text is.
type Kind uint8

// The kinds of token.
const (
	// Other is punctuation, a blank or a symbol: nothing to look up.
	Other Kind = iota
	// Word is a form the dictionary has.
	Word
	// Unknown is one Chinese character that starts no word the dictionary
	// has.
	Unknown
	// Alnum is a run of letters or digits (Latin, full-width, kana) that
	// is no word of the dictionary: 2026, WTO.
	Alnum
)

// Token is a byte range of a segmented text.
type Token struct {
	Start, End int
	Kind       Kind
}

// unit is what segmentation never cuts: one character, or a whole run of
// letters and digits.
type unit struct {
	start, end int
	kind       Kind // Unknown for a Chinese character, Alnum, or Other
}

// units cuts text into units.
func units(text string) []unit {
	out := make([]unit, 0, len(text)/3+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isHan(r):
			out = append(out, unit{i, i + n, Unknown})
		case isAlnum(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isAlnum(r2) {
					break
				}
				j += n2
			}
			n = j - i
			out = append(out, unit{i, j, Alnum})
		default:
			out = append(out, unit{i, i + n, Other})
		}
		i += n
	}
	return out
}

// isHan reports whether r is a Chinese character, the common block first.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isAlnum reports whether r is a letter or digit that is not a Chinese
// character: such runs are one token.
func isAlnum(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

// Segment cuts text into tokens that tile it, choosing among the ways to
// cut it into the dictionary's words the one with the fewest tokens; of
// those, the one with the fewest one-character words (研究生命起源 is 研究 生命
// 起源, not 研究生 命 起源); of those, the one whose earlier words are longer.
// Runs of letters and digits are never cut; a word of the dictionary may
// take them in whole (3D打印, 卡拉OK). A nil Dict makes every Chinese
// character Unknown.
func (d *Dict) Segment(text string) []Token {
	us := units(text)
	n := len(us)
	// cost[i] is the best from unit i on: tokens, then one-unit tokens;
	// next[i] is where the best token starting at i ends and word[i]
	// whether it is a dictionary word.
	cost := make([]segCost, n+1)
	next := make([]int32, n)
	word := make([]bool, n)
	var ends []int
	for i := n - 1; i >= 0; i-- {
		cost[i], next[i] = cost[i+1].plus(1), int32(i+1)
		ends = d.wordEnds(text, us, i, ends[:0])
		if len(ends) > 0 && ends[0] == i+1 {
			word[i] = true
		}
		// Longest first, so that a tie keeps the longer word.
		for k := len(ends) - 1; k >= 0; k-- {
			j := ends[k]
			if c := cost[j].plus(j - i); c.less(cost[i]) {
				cost[i], next[i], word[i] = c, int32(j), true
			}
		}
	}
	out := make([]Token, 0, cost[0].tokens)
	for i := 0; i < n; {
		j := int(next[i])
		k := us[i].kind
		if word[i] {
			k = Word
		}
		out = append(out, Token{Start: us[i].start, End: us[j-1].end, Kind: k})
		i = j
	}
	return out
}

// segCost is what Segment minimises, in order: tokens, then tokens of one
// unit.
type segCost struct{ tokens, singles int32 }

// plus adds a token of n units.
func (c segCost) plus(n int) segCost {
	c.tokens++
	if n == 1 {
		c.singles++
	}
	return c
}

func (c segCost) less(o segCost) bool {
	return c.tokens < o.tokens || c.tokens == o.tokens && c.singles < o.singles
}

// wordEnds appends to ends, in increasing order, each j such that units
// i to j-1 are a form in the dictionary. It narrows a range of the sorted
// forms unit by unit, so it stops as soon as no form goes on.
func (d *Dict) wordEnds(text string, us []unit, i int, ends []int) []int {
	if d == nil || len(d.keys) == 0 || us[i].kind == Other && us[i].end-us[i].start == 1 && text[us[i].start] == ' ' {
		return ends
	}
	lo, hi := d.firstRange(text[us[i].start:us[i].end])
	for j := i; j < len(us); j++ {
		p := text[us[i].start:us[j].end]
		lo = d.search(p, lo, hi)
		if lo == hi {
			break
		}
		hi = d.prefixEnd(p, lo, hi)
		if lo == hi {
			break
		}
		if d.key(d.keys[lo]) == p {
			ends = append(ends, j+1)
		}
	}
	return ends
}

package typeset

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"dubao/model"
)

// indent opens a Chinese paragraph: two ideographic spaces.
const indent = "\u3000\u3000"

// minIndentWidth is the narrowest measure that gets the indent: below it the
// indent's four cells would be too much of the line.
const minIndentWidth = 10

// handOver is the length of display text from which the buffer it was
// built in becomes the string, rather than being copied into one; shorter
// text is copied and the buffer kept for the next block.
const handOver = 4 << 10

// tabWidth is how many spaces a tab shows as, Lip Gloss's default. A
// paragraph is reflowed, so the columns a tab once aimed at are gone.
const tabWidth = 4

// edit records one place where a block's display text differs from its
// source: source bytes [src, srcEnd) are shown as display bytes [d, dEnd).
// Edits are sorted and do not overlap; an insertion has src == srcEnd, a
// deletion d == dEnd.
type edit struct {
	src, srcEnd, d, dEnd int32
}

// toDisplay maps source offset x to a display offset. An offset inside a
// replaced range maps to the start of its replacement, or to its end when
// end is true, so that a mapped range covers whole replacements. Text
// inserted at x (the indent) lies before x.
func toDisplay(edits []edit, x int, end bool) int {
	i := sort.Search(len(edits), func(i int) bool { return int(edits[i].srcEnd) > x })
	if i < len(edits) && int(edits[i].src) < x {
		if end {
			return int(edits[i].dEnd)
		}
		return int(edits[i].d)
	}
	if i == 0 {
		return x
	}
	p := edits[i-1]
	return int(p.dEnd) + x - int(p.srcEnd)
}

// toSource maps display offset d to a source offset. An offset inside a
// replacement maps to the end of the source it replaces, and deleted source
// (a control character) belongs to what precedes it.
func toSource(edits []edit, d int) int {
	i := sort.Search(len(edits), func(i int) bool { return int(edits[i].dEnd) > d })
	if i < len(edits) && int(edits[i].d) < d {
		return int(edits[i].srcEnd)
	}
	if i == 0 {
		return d
	}
	p := edits[i-1]
	return int(p.srcEnd) + d - int(p.dEnd)
}

// display returns the text a block shows and the edits that lead there:
// leading blanks and line breaks dropped and the indent put in their place, tabs expanded,
// line separators made "\n", other control characters dropped, invalid UTF-8
// shown as U+FFFD, and (unless opt.HalfWidthPunct) half-width punctuation in
// Chinese text shown full-width. The edits are appended to s.edits and
// returned as a slice of it that later blocks never write to.
func (s *setter) display(text string, t model.BlockType) (string, []edit) {
	lead := leadingBlanks(text)
	indented := t == model.Paragraph && !s.opt.NoIndent && s.w >= minIndentWidth && chinese(text[lead:])
	s.planParens(text)
	return s.displayChunk(text, lead, indented, false)
}

// leadingBlanks returns the length of the blanks and line breaks text
// begins with, which a block does not show.
func leadingBlanks(text string) int {
	lead := 0
	for lead < len(text) {
		r, size := utf8.DecodeRuneInString(text[lead:])
		if !blank(r) {
			break
		}
		lead += size
	}
	return lead
}

// displayChunk is display for text, a block or a chunk of one (chunk.go),
// whose first lead bytes are dropped, with the indent put first when
// indented and s.parens planned. A chunk after the first begins with an
// empty edit, so that its edits map its own display offsets (from 0) to the
// block's source offsets once the caller has shifted them.
func (s *setter) displayChunk(text string, lead int, indented, later bool) (string, []edit) {
	from := len(s.edits)
	s.buf = s.buf[:0]
	if need := len(text) + len(text)/8 + 16; cap(s.buf) < need {
		// Sized once, with room for marks shown full-width, rather than
		// grown by doubling, which would copy it over and over.
		s.buf = make([]byte, 0, need)
	}
	if later {
		s.addEdit(0, 0, "")
	}
	if indented {
		s.addEdit(0, 0, indent)
	}
	if lead > 0 {
		s.addEdit(0, lead, "")
	}
	empty := len(s.edits) - from
	valid := utf8.ValidString(text)
	copied := lead
	for i := lead; i < len(text); {
		if n := plain(text[i], valid); n > 0 {
			i += n
			continue
		}
		if isContextMark(text[i]) {
			// The decision looks back at the display text: write it out.
			s.buf = append(s.buf, text[copied:i]...)
			copied = i
		}
		rep, size, changed := s.replacement(text, i)
		if changed {
			s.buf = append(s.buf, text[copied:i]...)
			s.addEdit(i, i+size, rep)
			copied = i + size
			if text[i] == '\t' && markFollows(text, copied) {
				// The mark would join the tab's last space, and a line
				// could then end inside the tab: keep it off.
				s.addEdit(copied, copied, "\u200b")
			}
		}
		i += size
	}
	edits := s.edits[from:len(s.edits):len(s.edits)]
	if len(edits) == 0 {
		return text, nil
	}
	if len(edits) == empty && !indented && lead == 0 {
		return text, edits // a later chunk shown as stored
	}
	s.buf = append(s.buf, text[copied:]...)
	if s.scratch {
		// The caller is done with the text before the buffer is
		// written again (Stream.Scratch).
		return unsafe.String(unsafe.SliceData(s.buf), len(s.buf)), edits
	}
	if len(s.buf) > handOver {
		// A long block's text is handed over rather than copied: the
		// setter starts a new buffer for the next block, and nothing
		// writes to this one again.
		d := unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
		s.buf = nil
		return d, edits
	}
	return string(s.buf), edits
}

// markFollows reports whether the first character shown from text[i] on
// (control characters are dropped) would join a space before it into one
// grapheme cluster: a combining mark, a ZWJ.
func markFollows(text string, i int) bool {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case !unicode.IsControl(r):
			return joins(" ", text[i:])
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85:
			return false
		}
		i += size
	}
	return false
}

// blank reports whether r is a blank or line break, dropped at the start of
// a block.
func blank(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// plain returns the length of the character that text byte c begins when
// that character is certainly shown as itself, else 0. valid says the text
// is valid UTF-8; then only U+0080 to U+00BF (lead byte C2: C1 controls, NEL)
// and U+2000 to U+2FFF (E2: the line and paragraph separators) need a look.
func plain(c byte, valid bool) int {
	switch {
	case c == 0xC2 || c == 0xE2 || !valid && c >= utf8.RuneSelf:
		return 0
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	case c >= 0xC3:
		return 2
	case c < 0x20 || c == 0x7f:
		return 0
	case isContextMark(c) || c == '(' || c == ')':
		return 0
	}
	return 1
}

// addEdit records that source [src, srcEnd) shows as rep, which the caller
// has not yet written: it is appended to s.buf here.
func (s *setter) addEdit(src, srcEnd int, rep string) {
	d := len(s.buf)
	s.buf = append(s.buf, rep...)
	s.edits = append(s.edits, edit{int32(src), int32(srcEnd), int32(d), int32(len(s.buf))})
}

// replacement says what the character at text[i] shows as, when that is not
// itself.
func (s *setter) replacement(text string, i int) (rep string, size int, changed bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		switch {
		case c == '\t':
			return "    "[:tabWidth], 1, true
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return "\n", 2, true
			}
			return "\n", 1, true
		case c == '\v' || c == '\f':
			return "\n", 1, true
		case c == '\n':
			return "", 1, false
		case c < 0x20 || c == 0x7f:
			return "", 1, true
		case c == '(' || c == ')':
			if len(s.parens) > 0 && s.parens[0] == int32(i) {
				s.parens = s.parens[1:]
				return fullWidth(c), 1, true
			}
		case isContextMark(c):
			if !s.opt.HalfWidthPunct && convertible(s.before(), after(text, i+1)) {
				return fullWidth(c), 1, true
			}
		}
		return "", 1, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return "\uFFFD", 1, true
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return "\n", size, true
	case r < 0xA0:
		return "", size, true // C1 controls
	}
	return "", size, false
}

// isContextMark reports whether c is a mark shown full-width in Chinese
// text, judged by the characters beside it.
func isContextMark(c byte) bool {
	return c == ',' || c == ':' || c == ';' || c == '!' || c == '?'
}

// fullWidth returns the full-width form of a half-width mark.
func fullWidth(c byte) string {
	switch c {
	case ',':
		return "，"
	case ':':
		return "："
	case ';':
		return "；"
	case '!':
		return "！"
	case '?':
		return "？"
	case '(':
		return "（"
	}
	return "）"
}

// before returns the display rune that precedes the current position,
// looking past closing quotes, for deciding whether a mark is in Chinese
// text.
func (s *setter) before() rune {
	b := s.buf
	for range 3 {
		r, size := utf8.DecodeLastRune(b)
		if r != '”' && r != '’' && r != '"' && r != '\'' {
			return r
		}
		b = b[:len(b)-size]
	}
	return 0
}

// after returns the source rune from text[i] on, looking past opening
// quotes and spaces.
func after(text string, i int) rune {
	for range 3 {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != '“' && r != '‘' && r != '"' && r != '\'' && r != ' ' {
			if size == 0 {
				return 0
			}
			return r
		}
		i += size
	}
	return 0
}

// convertible reports whether a half-width mark between before and after is
// in Chinese text: CJK on one side and no other script on the other.
func convertible(before, after rune) bool {
	return isCJK(before) && !isLatin(after) || isCJK(after) && !isLatin(before)
}

// isLatin reports whether r is a letter of a script other than CJK.
func isLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return !isCJK(r) && unicode.IsLetter(r)
}

// planParens decides which half-width parentheses of text show full-width
// and leaves their offsets, ascending, in s.parens. A matched pair turns
// together, when the text just inside either end is CJK (记者何天宇 ...,
// 2024年); a lone parenthesis turns when the text inside it is CJK.
func (s *setter) planParens(text string) {
	s.parens, s.stack = s.parens[:0], s.stack[:0]
	if s.opt.HalfWidthPunct || !strings.ContainsAny(text, "()") {
		return
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			s.stack = append(s.stack, int32(i))
		case ')':
			if n := len(s.stack); n > 0 {
				open := int(s.stack[n-1])
				s.stack = s.stack[:n-1]
				if cjkAt(text, open+1) || cjkBefore(text, i) {
					s.parens = append(s.parens, int32(open), int32(i))
				}
			} else if cjkBefore(text, i) {
				s.parens = append(s.parens, int32(i))
			}
		}
	}
	for _, open := range s.stack {
		if cjkAt(text, int(open)+1) {
			s.parens = append(s.parens, open)
		}
	}
	slices.Sort(s.parens)
}

// joins reports whether text begins with a character that would join base,
// put before it, into one grapheme cluster: a combining mark, a ZWJ.
func joins(base, text string) bool {
	var probe [16]byte
	n := copy(probe[:], base)
	n += copy(probe[n:], text)
	return len(graphemes.FromBytes(probe[:n]).First()) > len(base)
}

func cjkAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isCJK(r)
}

func cjkBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isCJK(r)
}

// chinese reports whether a paragraph is Chinese, so that it is indented:
// its first letter is CJK, and its first character would not join the
// indent's last space into one grapheme cluster (a combining mark would).
func chinese(text string) bool {
	if !firstLetterCJK(text) {
		return false
	}
	return !joins("\u3000", text)
}

func firstLetterCJK(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return isCJK(r)
		}
	}
	return false
}

package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one candidate block of the edition: a line, or hard-wrapped lines
// joined back together, with what its surroundings say about it.
type unit struct {
	// text is trimmed; Markdown heading marks are removed, bold marks kept
	// (the classifier reads them).
	text string
	// heading is the Markdown heading level (1-6), or 0.
	heading int
	// indented is true when the line began with U+3000, a tab, or two or
	// more spaces: the mark of a new paragraph in many Chinese texts.
	indented bool
	// blank counts the blank lines before the unit.
	blank int
	// formFeed is true when a form feed (a page break) came before it.
	formFeed bool
	// sameBlock is true when no blank line separates it from the unit
	// before.
	sameBlock bool
	// lastWidth is the approximate width of the unit's last physical line.
	lastWidth int
	// runes is the length of text in runes, counted up to maxShortLine+1
	// (see runeCountMax); whatever changes text sets it again.
	runes int
	// line is the 1-based number of the unit's first line in the text.
	line int
}

// splitUnits cuts text cleaned by cleanLines into units. Lines become units of their own,
// except in hard-wrapped text, where a line that fills the measure is joined
// with the next one.
func splitUnits(text string) []unit {
	lines := make([]unit, 0, strings.Count(text, "\n")+1)
	blank, formFeed, lineNo := 0, false, 0
	for len(text) > 0 {
		lineNo++
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			// The CR of a CRLF pair that cleanLines left.
			line = line[:n-1]
		}
		if line == formFeedLine {
			formFeed = true
			continue
		}
		t := trimSpace(line)
		if t == "" {
			blank++
			continue
		}
		u := unit{text: t, indented: isIndented(line), blank: blank, formFeed: formFeed, line: lineNo}
		u.sameBlock = blank == 0 && !formFeed && len(lines) > 0
		if u.heading, u.text = markdownHeading(t); u.text == "" {
			// A heading of nothing but marks: markup, no text.
			continue
		}
		if u.heading == 0 {
			u.lastWidth, u.runes = widthAndRunes(t, maxWrapMeasure+1, maxShortLine)
		} else {
			u.lastWidth, u.runes = approxWidth(t, maxWrapMeasure+1), runeCountMax(u.text, maxShortLine)
		}
		lines = append(lines, u)
		blank, formFeed = 0, false
	}
	if measure := wrapMeasure(lines); measure > 0 {
		lines = joinWrapped(lines, measure)
	}
	return joinLatinWrapped(lines)
}

// isIndented reports whether a raw line starts with a paragraph indent.
func isIndented(line string) bool {
	spaces := 0
	for _, r := range line {
		switch r {
		case '\u3000', '\t':
			return true
		case ' ', '\u00a0':
			spaces++
			if spaces >= 2 {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// markdownHeading splits "## text" into its level and text.
func markdownHeading(s string) (int, string) {
	if s == "" || s[0] != '#' {
		return 0, s
	}
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level > 6 || level == len(s) || (s[level] != ' ' && s[level] != '\t') {
		return 0, s
	}
	return level, trimSpace(strings.TrimRight(s[level:], "# \t"))
}

const (
	// maxWrapMeasure is the widest measure hard-wrapped text is taken to
	// have: no one wraps text wider, and whole-paragraph lines are longer.
	maxWrapMeasure = 200
	// wrapBand is how far short of the measure a full line may end.
	wrapBand = 3
)

// wrapMeasure finds the measure of hard-wrapped text: the width (in
// characters, counting a CJK character as two) that most lines fill. It
// returns 0 when the text is not hard-wrapped, as when every line is a whole
// paragraph, which is the common case.
func wrapMeasure(lines []unit) int {
	const minLines = 8 // too few lines say nothing
	var hist [maxWrapMeasure + 1]int
	long := 0
	for _, u := range lines {
		if w := u.lastWidth; w >= 20 {
			long++
			if w <= maxWrapMeasure {
				hist[w]++
			}
		}
	}
	if long < minLines {
		return 0
	}
	best, bestCount := 0, 0
	for w := 20; w <= maxWrapMeasure; w++ {
		n := 0
		for d := 0; d <= wrapBand; d++ {
			n += hist[w-d]
		}
		if n > bestCount {
			best, bestCount = w, n
		}
	}
	// Most long lines must end within the band of one measure.
	if bestCount*10 < long*6 {
		return 0
	}
	return best
}

// approxWidth measures s in cells (ASCII one, everything else two), stopping
// past limit. It only has to tell a full line from a short one, so it counts
// the bytes that start a rune rather than decoding.
func approxWidth(s string, limit int) int {
	w := 0
	for i := 0; i < len(s) && w <= limit; i++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			w++
		case c >= 0xC0:
			w += 2
		}
	}
	return w
}

// widthAndRunes returns approxWidth(s, widthLimit) and
// runeCountMax(s, runeLimit) from one pass over s.
func widthAndRunes(s string, widthLimit, runeLimit int) (w, n int) {
	i := 0
	// Eight bytes at a time while neither limit can be reached in them:
	// a byte adds at most two cells and one rune.
	for ; i+8 <= len(s) && w+16 <= widthLimit && n+8 <= runeLimit; i += 8 {
		for _, c := range []byte(s[i : i+8]) {
			w += int(byteCells[c])
			n += int(byteRunes[c])
		}
	}
	for ; i < len(s); i++ {
		dw := 1
		switch c := s[i]; {
		case c < utf8.RuneSelf:
		case c >= 0xC0:
			dw = 2
		default:
			continue
		}
		if w <= widthLimit {
			w += dw
		}
		if n <= runeLimit {
			n++
		}
		if w > widthLimit && n > runeLimit {
			break
		}
	}
	return w, n
}

// byteCells and byteRunes are what a byte of UTF-8 adds to approxWidth
// and to runeCountMax: an ASCII byte one cell and one rune, a lead byte two
// cells and one rune, a continuation byte nothing.
var byteCells, byteRunes = func() (cells, runes [256]uint8) {
	for c := range 256 {
		switch {
		case c < utf8.RuneSelf:
			cells[c], runes[c] = 1, 1
		case c >= 0xC0:
			cells[c], runes[c] = 2, 1
		}
	}
	return cells, runes
}()

// joinWrapped joins each line that fills the measure with the line after it,
// when that line is in the same block and not indented.
func joinWrapped(lines []unit, measure int) []unit {
	out := lines[:0]
	for _, u := range lines {
		if n := len(out); n > 0 && u.sameBlock && !u.indented && u.heading == 0 && out[n-1].heading == 0 {
			prev := &out[n-1]
			if prev.lastWidth >= measure-wrapBand && !endsSentence(prev.text) {
				prev.text = joinBroken(prev.text, u.text)
				prev.runes = runeCountMax(prev.text, maxShortLine)
				prev.lastWidth = u.lastWidth
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// joinLatinWrapped joins the lines of hard-wrapped Latin-script prose: a
// line that starts with a lower-case letter continues the line above it, and
// so does a line after one that ends with a hyphen-broken word.
func joinLatinWrapped(lines []unit) []unit {
	out := lines[:0]
	for _, u := range lines {
		if n := len(out); n > 0 && u.sameBlock && !u.indented && u.heading == 0 && out[n-1].heading == 0 {
			prev := &out[n-1]
			first, _ := utf8.DecodeRuneInString(u.text)
			if unicode.IsLower(first) && first < 0x3000 && mostlyLatin(lastLineOf(prev.text)) {
				prev.text = joinBroken(prev.text, u.text)
				prev.runes = runeCountMax(prev.text, maxShortLine)
				prev.lastWidth = u.lastWidth
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// lastLineOf returns at most the last 256 bytes of s, cut at a rune start:
// enough to tell the script of the line a unit ends with.
func lastLineOf(s string) string {
	const tail = 256
	if len(s) <= tail {
		return s
	}
	i := len(s) - tail
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// splitTrailingBylines cuts a byline off the end of a paragraph it was run
// into (……交由医疗机构按照医疗废物处理。本报记者  左妍), so that it can be
// labelled as the byline it is. The byline follows the paragraph's last
// sentence end and opens with a role word.
func splitTrailingBylines(units []unit) []unit {
	var out []unit
	for i, u := range units {
		head, tail, ok := cutTrailingByline(u.text)
		if !ok {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]unit, 0, len(units)+8), units[:i]...)
		}
		first := u
		first.text, first.runes = head, runeCountMax(head, maxShortLine)
		second := unit{text: tail, sameBlock: true, lastWidth: approxWidth(tail, maxWrapMeasure+1), line: u.line,
			runes: runeCountMax(tail, maxShortLine)}
		first.lastWidth = approxWidth(head, maxWrapMeasure+1)
		out = append(out, first, second)
	}
	if out == nil {
		return units
	}
	return out
}

// maxTrailingByline is the longest byline found run into a paragraph.
const maxTrailingByline = 30

// cutTrailingByline splits s into its text and a byline at its end.
func cutTrailingByline(s string) (head, tail string, ok bool) {
	if len(s) < 12 {
		return "", "", false
	}
	// A byline ends with a name or a bracket, never with the sentence's
	// own punctuation: most paragraphs are passed over here.
	switch r, _ := utf8.DecodeLastRuneInString(s); {
	case r == '）' || r == ')' || isHan(r) || unicode.IsLetter(r):
	default:
		return "", "", false
	}
	if runeCountMax(s, maxTrailingByline+8) <= 8 {
		return "", "", false
	}
	// Look only at the end: a byline is short, and names a role.
	from := len(s) - 4*maxTrailingByline
	if from < 0 {
		from = 0
	}
	// The tail opens with a role word, or holds a role's core. (Whether
	// the tail's first 36 bytes hold a core, as mayStartRole also asks, is
	// asked of the whole window.)
	if first, _ := utf8.DecodeRuneInString(s[max(from, len(s)-3*12):]); !roleStartSet.has(first) && !containsRoleCore(s[from:]) {
		return "", "", false
	}
	cut := -1
	for i, r := range s[from:] {
		switch r {
		case '。', '！', '？', '”', '!', '?', '）', '…':
			if end := from + i + utf8.RuneLen(r); end < len(s) {
				cut = end
			}
		}
	}
	if cut <= 0 || cut >= len(s) {
		return "", "", false
	}
	tail = trimSpace(s[cut:])
	if tail == "" || runeCountMax(tail, maxTrailingByline+1) > maxTrailingByline {
		return "", "", false
	}
	t := strings.TrimLeft(tail, bylineMarks+"（( ")
	if _, _, isRole := roleAt(t); !isRole {
		return "", "", false
	}
	if _, ok := parseStandaloneByline(tail); !ok {
		return "", "", false
	}
	return strings.TrimRightFunc(s[:cut], isSpace), tail, true
}

// containsRoleCore reports whether s holds a role's core word (记者,
// 通讯员, 实习生), as any byline after the text does.
func containsRoleCore(s string) bool {
	// Every core ends in one of these, which few windows hold.
	if !strings.Contains(s, "者") && !strings.Contains(s, "员") && !strings.Contains(s, "員") && !strings.Contains(s, "生") {
		return false
	}
	for _, c := range roleCores {
		if strings.Contains(s, c.word) {
			return true
		}
	}
	return false
}

package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// formFeedLine is the line a form feed becomes after cleaning: a page break.
const formFeedLine = "\f"

// clean normalises line endings to \n (U+2028 and U+2029, the Unicode
// line and paragraph separators, included), puts each form feed on a line
// of its own, and removes what could drive or confuse the reader's
// terminal: escape sequences whole (see escapeLen), every other control
// character (C0 but tab and newline, DEL, C1), and the format characters
// that change how a terminal draws a line without being seen themselves
// (see removedFormat), bidirectional controls first among them.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// Copy runs of ordinary bytes whole; only the bytes that may start
	// something to remove need a decision.
	run := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !cleanLead[c] {
			i++
			continue
		}
		drop, repl := 1, ""
		switch {
		case c == '\r':
			repl = "\n"
			if i+1 < len(s) && s[i+1] == '\n' {
				drop = 2
			}
		case c == '\f':
			repl = "\n" + formFeedLine + "\n"
		case c == 0x1b:
			drop = escapeLen(s, i)
		case c < 0x80:
			// Another C0 control, or DEL.
		case commonLead(s, i):
			i++
			continue
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case isC1(r):
				drop = c1Len(s, i, r)
			case r == 0x2028:
				drop, repl = size, "\n"
			case r == 0x2029:
				drop, repl = size, "\n\n"
			case removedFormat(r):
				drop = size
			default:
				i += size
				continue
			}
		}
		b.WriteString(s[run:i])
		b.WriteString(repl)
		i += drop
		run = i
	}
	b.WriteString(s[run:])
	return b.String()
}

// cleanLead marks the bytes that may start something clean removes or
// replaces: C0 controls but tab and newline, DEL, and the lead bytes of the
// UTF-8 encodings of C1 controls (C2), the line and paragraph separators
// (E2) and format characters (see removedFormat).
var cleanLead = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\n' && c != '\t'
	}
	t[0x7f] = true
	for _, c := range []byte{0xC2, 0xD8, 0xDB, 0xDC, 0xE0, 0xE1, 0xE2, 0xEF, 0xF0, 0xF3} {
		t[c] = true
	}
	return t
}()

// removedFormat reports whether clean removes format character r: every
// format character (Unicode category Cf) can change how a terminal draws
// the line it is in, bidirectional controls (U+202A–U+202E, U+2066–U+2069,
// U+200E, U+200F, U+061C) reorder it, and terminals disagree on the widths
// of the others, so borders drift. Kept are the zero-width joiner and
// non-joiner, which emoji and Indic and Arabic scripts need, the zero-width
// space, a break opportunity the typesetter honours, and the visible
// prepended concatenation marks (U+0600–U+0605 and the like). Variation
// selectors are not format characters and stay.
func removedFormat(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0x200B || r == 0x200C || r == 0x200D:
		return false
	case r >= 0x600 && r <= 0x605, r == 0x6DD, r == 0x70F, r == 0x890, r == 0x891, r == 0x8E2, r == 0x110BD, r == 0x110CD:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// escapeLen returns the length of the escape sequence that starts with the
// ESC at s[i]: a control sequence (CSI, ESC [) with its parameters,
// intermediates and final byte; a control string (OSC ESC ], DCS ESC P, SOS
// ESC X, PM ESC ^, APC ESC _) with its terminator; or an escape sequence of
// intermediates and a final byte (ESC ( B, ESC 7). What follows a lone ESC
// stays text.
func escapeLen(s string, i int) int {
	if i+1 >= len(s) {
		return 1
	}
	switch c := s[i+1]; {
	case c == '[':
		return 2 + csiLen(s[i+2:])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return 2 + stringLen(s[i+2:])
	case c >= 0x20 && c <= 0x2F:
		j := i + 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
			j++
		}
		return j - i
	case c >= 0x30 && c <= 0x7E:
		return 2
	}
	return 1
}

// c1Len returns the length of what C1 control r at s[i] starts: the 8-bit
// forms of CSI (U+009B) and of the control strings (U+0090 DCS, U+0098 SOS,
// U+009D OSC, U+009E PM, U+009F APC) take their sequence with them.
func c1Len(s string, i int, r rune) int {
	const size = 2 // every C1 control is two bytes in UTF-8
	switch r {
	case 0x9B:
		return size + csiLen(s[i+size:])
	case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
		return size + stringLen(s[i+size:])
	}
	return size
}

// csiLen returns the length of a control sequence's parameter bytes
// (0x30–0x3F), intermediate bytes (0x20–0x2F) and final byte (0x40–0x7E)
// at the start of s. A sequence cut short by any other byte ends before
// it, as terminals end it, and that byte stays.
func csiLen(s string) int {
	j := 0
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3F {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7E {
		j++
	}
	return j
}

// stringLen returns the length of a control string's body and terminator
// at the start of s: up to BEL, ST (ESC \ or U+009C), or CAN or SUB, which
// cancel it. A string with no terminator before the end of its line is not
// one a terminal would have ended: only its introducer is removed (0), so
// the text after it stays.
func stringLen(s string) int {
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case 0x07, 0x18, 0x1A:
			return j + 1
		case 0x1b:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			// Another escape ends the string and starts anew.
			return j
		case 0xC2:
			if j+1 < len(s) && s[j+1] == 0x9C {
				return j + 2
			}
		case '\n', '\r':
			return 0
		}
	}
	return 0
}

// commonLead reports whether the lead byte at s[i], one of cleanLead,
// starts a character common in Chinese text that clean keeps, telling it
// by the bytes after it, without decoding: E2 starts “”…— (E2 80 9C,
// E2 80 9D, E2 80 A6, E2 80 94), beside the separators and format
// characters (E2 80 8E–8F, E2 80 A8–AE, E2 81 A0–AF), EF the full-width
// punctuation (U+FEFF is EF BB BF, U+FFF9–U+FFFB EF BF B9–BB).
func commonLead(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	return commonLead3(s[i], s[i+1], s[i+2])
}

// commonLead3 is commonLead for the three bytes that start at the lead.
func commonLead3(lead, n, t byte) bool {
	switch lead {
	case 0xE2:
		switch n {
		case 0x80:
			return t != 0x8E && t != 0x8F && (t < 0xA8 || t > 0xAE)
		case 0x81:
			return t < 0xA0 || t > 0xAF
		}
		return true
	case 0xEF:
		return n != 0xBB && n != 0xBF
	}
	return false
}

// cleanLines is clean for splitUnits, which reads its result line by line:
// text whose only line ends to change are CRLF pairs is returned as it is,
// since splitUnits drops the CR of each (as clean would); the commonest
// text that needs cleaning is not copied for it.
func cleanLines(s string) string {
	if !needsCleanBesidesCRLF(s) {
		return s
	}
	return clean(s)
}

// needsCleanBesidesCRLF is needsClean, but for a CR followed by LF, which
// it passes over.
func needsCleanBesidesCRLF(s string) bool { return needsCleanFrom(s, true) }

// needsClean reports whether s holds anything clean would change. Most
// editions hold nothing of the kind, and checking bytes is much cheaper
// than rebuilding the string.
func needsClean(s string) bool { return needsCleanFrom(s, false) }

// needsCleanFrom is needsClean, passing over CRLF pairs if crlfOK.
func needsCleanFrom(s string, crlfOK bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !cleanLead[c] {
			continue
		}
		if crlfOK && c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
			continue
		}
		if c < 0x80 {
			return true
		}
		if commonLead(s, i) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if isC1(r) || r == 0x2028 || r == 0x2029 || removedFormat(r) {
			return true
		}
	}
	return false
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9F }

// isSpace reports whether r is white space, the ideographic space U+3000 and
// the no-break space U+00A0 included.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
	}
	if r > 0x3000 {
		// Past the ideographic space, which CJK text is made of, Unicode
		// has no white space.
		return r == 0xFEFF
	}
	return unicode.IsSpace(r) || r == 0xFEFF
}

// trimSpace trims isSpace runes from both ends of s.
func trimSpace(s string) string {
	// Fast path for the common case of nothing to trim.
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	// Nor when the first and last runes are no spaces (a line of Chinese
	// ends with 。).
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || !isSpace(first) && !isSpace(last) {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF || r == '〇'
}

// isLatinWord reports whether r belongs to a Latin-script word or number.
func isLatinWord(r rune) bool {
	return r < 0x3000 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// closers are the marks that may follow a sentence's final mark: closing
// quotes and brackets in both widths.
const closers = "”’」』）)】〕》〉]}\"'"

// lastMark returns the last rune of s, looking through closing quotes and
// brackets (“……。”) and trailing spaces.
func lastMark(s string) rune {
	s = strings.TrimRightFunc(s, isSpace)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '”', '’', '」', '』', '）', ')', '】', '〕', '》', '〉', ']', '}', '"', '\'':
			// One of closers.
		default:
			return r
		}
		s = s[:len(s)-size]
	}
	return 0
}

// endsSentence reports whether s ends a sentence: 。！？… or their
// half-width forms, possibly inside closing quotes. Such a block is complete;
// a block that ends otherwise was cut at a column edge or is truncated. A
// semicolon ends a clause, not a sentence: see startsListItem.
func endsSentence(s string) bool { return isSentenceEnd(lastMark(s)) }

// isSentenceEnd reports whether a text whose last mark (see lastMark) is r
// ends a sentence.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '…', '.', '!', '?', '．', '｡':
		return true
	}
	return false
}

// endsClause reports whether s ends with a semicolon.
func endsClause(s string) bool {
	r := lastMark(s)
	return r == ';' || r == '；'
}

// startsListItem reports whether s opens with an enumerator (一是, （二）,
// 3.), as the items of a list that ends each with a semicolon do.
func startsListItem(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '（' || r == '(':
		n, _ := utf8.DecodeRuneInString(s[size:])
		return strings.ContainsRune(chineseNumerals, n) || n >= '0' && n <= '9'
	case r >= '0' && r <= '9':
		rest := strings.TrimLeft(s, "0123456789")
		n, _ := utf8.DecodeRuneInString(rest)
		return strings.ContainsRune(".、．)）", n)
	case r == '第' || strings.ContainsRune(chineseNumerals, r):
		rest := strings.TrimLeft(s[size:], chineseNumerals)
		if r == '第' {
			n, _ := utf8.DecodeRuneInString(rest)
			return len(rest) < len(s[size:]) && strings.ContainsRune("，,、是", n)
		}
		n, _ := utf8.DecodeRuneInString(rest)
		return n == '是' || n == '、' || n == '要' || n == '，'
	}
	return false
}

// chineseNumerals are the numerals that enumerate list items.
const chineseNumerals = "一二三四五六七八九十"

// endsSoft reports whether s ends with a colon: a lead-in (如下：) after which
// a new paragraph usually starts, so it is not rejoined either.
func endsSoft(s string) bool {
	r := lastMark(s)
	return r == ':' || r == '：'
}

// runeCountMax counts the runes of s, stopping early past limit; it saves
// counting long paragraphs when only "is it short" matters. Counting the
// bytes that start a rune needs no decoding.
func runeCountMax(s string, limit int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			if n++; n > limit {
				return n
			}
		}
	}
	return n
}

// joinBroken joins two pieces of a paragraph that a column or line break
// split: CJK text joins with nothing between, Latin words with a space, and
// a word hyphenated at the break loses its hyphen (cap- + turing).
func joinBroken(a, b string) string {
	a = strings.TrimRightFunc(a, isSpace)
	b = strings.TrimLeftFunc(b, isSpace)
	last, lsize := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if last == '-' && len(a) > lsize {
		before, _ := utf8.DecodeLastRuneInString(a[:len(a)-lsize])
		if unicode.IsLetter(before) && before < 0x3000 && unicode.IsLower(first) {
			return a[:len(a)-lsize] + b
		}
	}
	if last == '*' && first == '*' {
		// Two stars side by side would read as Markdown bold.
		return a + " " + b
	}
	if isLatinWord(first) || first == '(' || first == '"' {
		if isLatinWord(last) || strings.ContainsRune(",.;:!?)\"'", last) && latinBefore(a) {
			return a + " " + b
		}
	}
	return a + b
}

// latinBefore reports whether the rune before a's trailing punctuation is
// Latin, so "word," + "next" gets a space but "中文," + "next" does not.
func latinBefore(a string) bool {
	_, size := utf8.DecodeLastRuneInString(a)
	r, _ := utf8.DecodeLastRuneInString(a[:len(a)-size])
	return isLatinWord(r)
}

// validPlain reports, from one pass over p, whether p is valid UTF-8 (as
// utf8.Valid does) and, if it is, whether it needs no cleaning but for its
// CRLF pairs (as !needsCleanBesidesCRLF(string(p)) does).
func validPlain(p []byte) (valid, plain bool) {
	plain = true
	n := len(p)
	for i := 0; i < n; {
		c := p[i]
		if c < utf8.RuneSelf {
			if plain && cleanLead[c] && (c != '\r' || i+1 >= n || p[i+1] != '\n') {
				plain = false
			}
			i++
			continue
		}
		var r rune
		switch {
		case c < 0xC2:
			// A continuation byte, or an overlong lead.
			return false, false
		case c < 0xE0:
			if i+1 >= n || p[i+1]&0xC0 != 0x80 {
				return false, false
			}
			r = rune(c&0x1F)<<6 | rune(p[i+1]&0x3F)
			i += 2
		case c < 0xF0:
			if i+2 >= n {
				return false, false
			}
			c1, c2 := p[i+1], p[i+2]
			lo, hi := byte(0x80), byte(0xBF)
			switch c {
			case 0xE0:
				lo = 0xA0 // no overlong forms
			case 0xED:
				hi = 0x9F // no surrogates
			}
			if c1 < lo || c1 > hi || c2&0xC0 != 0x80 {
				return false, false
			}
			if plain && cleanLead[c] && commonLead3(c, c1, c2) {
				i += 3
				continue
			}
			r = rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			i += 3
		case c < 0xF5:
			if i+3 >= n {
				return false, false
			}
			c1 := p[i+1]
			lo, hi := byte(0x80), byte(0xBF)
			switch c {
			case 0xF0:
				lo = 0x90 // no overlong forms
			case 0xF4:
				hi = 0x8F // nothing past U+10FFFF
			}
			if c1 < lo || c1 > hi || p[i+2]&0xC0 != 0x80 || p[i+3]&0xC0 != 0x80 {
				return false, false
			}
			r = rune(c&0x07)<<18 | rune(c1&0x3F)<<12 | rune(p[i+2]&0x3F)<<6 | rune(p[i+3]&0x3F)
			i += 4
		default:
			return false, false
		}
		if plain && cleanLead[c] && (isC1(r) || r == 0x2028 || r == 0x2029 || removedFormat(r)) {
			plain = false
		}
	}
	return true, plain
}

package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// formFeedLine is the line a form feed becomes after cleaning: a page break.
const formFeedLine = "\f"

// clean normalises line endings to \n, puts each form feed on a line of its
// own, and removes every other control character (C0 but tab and newline,
// DEL, C1): an edition must not be able to send escape sequences to the
// reader's terminal.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	// Copy runs of ordinary bytes whole; only controls need a decision.
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c != 0x7f && c != 0xC2, c == '\n', c == '\t':
			continue
		case c == 0xC2:
			// U+0080..U+009F, the C1 controls, are C2 80..C2 9F.
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
				b.WriteString(s[run:i])
				i++
				run = i + 1
			}
			continue
		}
		b.WriteString(s[run:i])
		switch c {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\f':
			b.WriteString("\n" + formFeedLine + "\n")
		}
		run = i + 1
	}
	b.WriteString(s[run:])
	return b.String()
}

// needsClean reports whether s holds anything clean would change. Most
// editions hold nothing of the kind, and checking bytes is much cheaper
// than rebuilding the string.
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return true
		}
		// C1 controls are U+0080..U+009F, encoded C2 80..C2 9F.
		if c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
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
	return unicode.IsSpace(r) || r == 0xFEFF
}

// trimSpace trims isSpace runes from both ends of s.
func trimSpace(s string) string {
	// Fast path for the common case of nothing to trim.
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
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
		if !strings.ContainsRune(closers, r) {
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
func endsSentence(s string) bool {
	switch lastMark(s) {
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

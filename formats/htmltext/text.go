package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text returns the text of n as one line: entities decoded, whitespace
// collapsed, dropped elements left out, leading indents removed. It is for
// headlines, bylines and other single lines.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	writeText(&b, n)
	return Clean(b.String())
}

// writeText writes the text of n, as the source has it, to b.
func writeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if Dropped(n) {
			return
		}
		if n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
}

// Clean collapses whitespace in s (dropping the line breaks of the HTML
// source between Chinese characters), removes control characters and
// trims the ends, leading full-width indents included.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // the last rune written, 0 at the start
	space, newline := false, false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			space, newline = true, true
			continue
		case r == '\t' || r == '\f':
			space = true
			continue
		case isControl(r):
			continue
		case isSpace(r):
			space = true
			continue
		}
		if space && prev != 0 && !(newline && isWide(prev) && isWide(r)) {
			b.WriteByte(' ')
		}
		space, newline = false, false
		b.WriteRune(r)
		prev = r
	}
	return strings.TrimFunc(b.String(), isIndent)
}

// isSpace reports whether r is whitespace to collapse: ASCII and Unicode
// spaces, but not the ideographic space U+3000, which Chinese text uses on
// purpose (between names, in a byline); only at a paragraph's start is it an
// indent to drop.
func isSpace(r rune) bool {
	return r != '\u3000' && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff')
}

// isIndent reports whether r is part of a paragraph's leading indent.
func isIndent(r rune) bool { return r == '\u3000' || unicode.IsSpace(r) }

// isControl reports whether r is a control character or a bidirectional
// override, none of which may reach a terminal.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == utf8.RuneError
}

// isWide reports whether r is a CJK character or full-width punctuation,
// between which a source line break is not a space.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) || r == '—' || r == '…' ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '·'
}

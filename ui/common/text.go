package common

import (
	"strings"

	"dubao/model"
	"dubao/typeset"
)

// Ellipsis ends text cut to fit.
const Ellipsis = "…"

// Fit returns plain text s made exactly w cells wide: cut with an ellipsis
// when too long, padded with spaces when short. A wide character that does
// not fit whole is dropped and its cell padded. Control characters are
// dealt with as Plain does.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Plain(s)
	n := typeset.Width(s)
	if n > w {
		s = Cut(s, w)
		n = typeset.Width(s)
	}
	return s + spaces(w-n)
}

// CutAtWord is Cut, but text with spaces is cut after a whole word when
// one ends in the last third of the room, so that a message does not end
// in half a word. Chinese text, without spaces, is cut at any character.
func CutAtWord(s string, w int) string {
	c := Cut(s, w)
	if c == Plain(s) || w < 6 {
		return c
	}
	body := strings.TrimSuffix(c, Ellipsis)
	if i := strings.LastIndexByte(body, ' '); i > 0 && typeset.Width(body[:i]) >= w*2/3 {
		if cut := strings.TrimRight(body[:i], " ,:;·") + Ellipsis; typeset.Width(cut) <= w {
			return cut
		}
	}
	return c
}

// Cut returns plain text s cut to at most w cells, ending in an ellipsis when
// anything was cut and the ellipsis fits. Control characters are dealt with
// as Plain does.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = Plain(s)
	if typeset.Width(s) <= w {
		return s
	}
	c := typeset.Truncate(s, w, Ellipsis)
	if typeset.Width(c) > w {
		// An ellipsis drawn wide may not fit in one cell.
		c = typeset.Truncate(s, w, "")
	}
	return c
}

// Plain returns s safe to draw as one row: tabs and line breaks become
// spaces and every other control character (C0, DEL, C1) is dropped.
// Parsed text is clean already, but labels also come from file names, error
// messages and the store, and Width counts a control character as zero
// cells: an ESC would reach the terminal as the start of a sequence, a tab
// or a line break would move the cursor off the row.
func Plain(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasControl reports whether s holds a C0 control, DEL or a C1 control
// (U+0080..U+009F, encoded C2 80..C2 9F); most labels hold none, and a byte
// scan is cheaper than decoding.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// FitStyled makes a string that may carry styles exactly w cells wide. Text
// is cut without an ellipsis; callers that want one cut the plain text with
// Fit or Cut before styling it.
func FitStyled(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := typeset.Width(s)
	if n > w {
		// typeset.Truncate keeps the escape sequences after the cut, so
		// the styles are closed.
		s = typeset.Truncate(s, w, "")
		n = typeset.Width(s)
	}
	return s + spaces(w-n)
}

// Pad returns n spaces for n > 0.
func Pad(n int) string { return spaces(n) }

// Center returns plain text s centred in exactly w cells.
func Center(s string, w int) string {
	s = Cut(s, w)
	left := (w - typeset.Width(s)) / 2
	return Fit(spaces(left)+s, w)
}

// ScrollTop returns the first row to show of a list whose first row shown
// was top, so that row sel is among the per rows shown (per ≥ 1), moving
// as little as it can.
func ScrollTop(top, sel, per int) int {
	return max(min(top, sel), sel-per+1, 0)
}

// Blank returns h rows of w spaces, joined by newlines.
func Blank(w, h int) []string {
	rows := make([]string, max(h, 0))
	for i := range rows {
		rows[i] = spaces(w)
	}
	return rows
}

// spaceRun is long enough for any terminal row most of the time, so padding
// is a slice rather than an allocation.
var spaceRun = strings.Repeat(" ", 256)

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}

// Display returns s as the typesetter shows it under opt (a half-width comma
// between Chinese characters shown full-width, unless opt says otherwise), on
// one line, so that a headline in the list reads as it does in the article.
func Display(s string, opt typeset.Options) string {
	opt.Width = 2*typeset.Width(s) + 2 // wide enough that nothing wraps
	opt.NoIndent = true
	var sb strings.Builder
	for _, l := range typeset.Text(s, 0, model.Intertitle, opt) {
		sb.WriteString(l.Text)
	}
	return sb.String()
}

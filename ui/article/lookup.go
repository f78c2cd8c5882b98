package article

import (
	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
)

// What the word lookup (ui/lookup) needs of the pane: the parts' text, the
// typeset lines, where each is drawn, and a mark drawn over a word.

// mark is the lookup cursor: a byte range of a part's text, drawn in reverse
// video on the article it was set on.
type mark struct {
	art              *model.Article
	part, start, end int
}

// SetMark draws the byte range [start, end) of part's text as the lookup
// cursor, on the article shown now; an empty range clears it.
func (m *Model) SetMark(part, start, end int) {
	m.mark = mark{art: m.art, part: part, start: start, end: end}
}

// PartText returns the text of part i as shown (in the script chosen),
// which the lines and the mark index.
func (m Model) PartText(i int) string {
	if i < 0 || i >= len(m.parts) {
		return ""
	}
	if i < len(m.shown) {
		return m.shown[i].Shown
	}
	return m.parts[i].Text
}

// LineCount returns the number of lines set: all of them, or in a long
// story being set lazily at least those through the page after the one
// shown, which is as far as the lookup cursor can go without scrolling.
func (m Model) LineCount() int {
	if m.lay != nil {
		m.lay.ensure(m.top + 2*max(m.Height, 1))
	}
	return len(m.lines())
}

// LineOf returns the index of the line showing byte offset of part.
func (m Model) LineOf(part, offset int) int { return m.lineOf(Pos{Part: part, Offset: offset}) }

// LineLead returns the cells drawn before line i's text and the text drawn,
// as View draws it in the pane's width.
func (m Model) LineLead(i int) (lead int, text string) {
	if m.lay != nil && i >= 0 {
		m.lay.ensure(i)
	}
	lines := m.lines()
	if i < 0 || i >= len(lines) {
		return 0, ""
	}
	return m.place(lines[i], max((m.Width-m.measure())/2, 0), m.Width)
}

// place returns where a line starts in a row w cells wide and what of it is
// drawn: all of it, unless a line wider than the pane must be cut.
func (m Model) place(l line, margin, w int) (lead int, text string) {
	text = l.Text
	lead = margin + l.indent
	tw := typeset.Width(text)
	if lead+tw > w {
		lead = max(w-tw, 0)
		if tw > w {
			text = common.Cut(text, w)
		}
	}
	return lead, text
}

// markSpan returns the mark on l as a byte range of its Text, if it is
// there.
func (m Model) markSpan(l line) (styledSpan, bool) {
	mk := m.mark
	if mk.art != m.art || mk.art == nil || mk.part != l.Block || mk.start >= mk.end || l.Start == l.End {
		return styledSpan{}, false
	}
	from, to, ok := l.Span(mk.start, mk.end)
	return styledSpan{from: from, to: to, style: roleSpan(*m.Styles.ArticleSpans.Marked, l.role)}, ok
}

// withMark puts the mark into a line's match spans, dropping the matches
// it overlaps: the cursor shows whole.
func withMark(spans []styledSpan, mk styledSpan) []styledSpan {
	out := make([]styledSpan, 0, len(spans)+1)
	placed := false
	for _, s := range spans {
		if s.to > mk.from && s.from < mk.to {
			continue
		}
		if !placed && s.from >= mk.to {
			out = append(out, mk)
			placed = true
		}
		out = append(out, s)
	}
	if !placed {
		out = append(out, mk)
	}
	return out
}

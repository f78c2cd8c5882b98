package common

import (
	"strings"

	"charm.land/lipgloss/v2"

	"dubao/typeset"
	"dubao/ui/styles"
)

// Frame draws a border around rows of exactly known width, with a title set
// into the top edge and a footer into the bottom edge (which Lip Gloss
// borders cannot carry). Its sizes come from a Lip Gloss style, the same one
// the layout measures with GetHorizontalFrameSize, so the two cannot drift.
type Frame struct {
	// Border is the glyph set.
	Border lipgloss.Border
	// Edge colours the glyphs; Title and Footer style the labels.
	Edge, Title, Footer styles.Span
	// PadLeft and PadRight are blank cells between the border and the rows.
	PadLeft, PadRight int
}

// NewFrame takes the glyphs and padding from style (a style with a border,
// such as styles.Pane.Frame) and the colours from the others.
func NewFrame(style, edge, title, footer lipgloss.Style) Frame {
	return NewFrameSpans(style, styles.NewSpan(edge), styles.NewSpan(title), styles.NewSpan(footer))
}

// NewFrameSpans is NewFrame with the colours rendered already, as the
// panes drawn in every frame have them (styles.PaneSpans).
func NewFrameSpans(style lipgloss.Style, edge, title, footer styles.Span) Frame {
	return Frame{
		Border:   style.GetBorderStyle(),
		Edge:     edge,
		Title:    title,
		Footer:   footer,
		PadLeft:  style.GetPaddingLeft(),
		PadRight: style.GetPaddingRight(),
	}
}

// Render frames rows, each exactly innerW cells wide, and returns the framed
// rows: len(rows)+2 of them, each innerW plus the frame's width.
func (f Frame) Render(rows []string, innerW int, title, footer string) []string {
	top, left, right, bottom := f.Sides(innerW, title, footer)
	out := make([]string, 0, len(rows)+2)
	out = append(out, top)
	for _, r := range rows {
		out = append(out, left+r+right)
	}
	return append(out, bottom)
}

// Sides returns what Render puts around rows innerW cells wide: the top
// and bottom rows, and what comes before and after each row; a caller
// joining framed panes side by side writes each row once.
func (f Frame) Sides(innerW int, title, footer string) (top, left, right, bottom string) {
	b := f.Border
	span := innerW + f.PadLeft + f.PadRight
	top = f.edge(b.TopLeft, b.Top, b.TopRight, span, title, f.Title, false)
	left = f.Edge.Render(b.Left) + spaces(f.PadLeft)
	right = spaces(f.PadRight) + f.Edge.Render(b.Right)
	bottom = f.edge(b.BottomLeft, b.Bottom, b.BottomRight, span, footer, f.Footer, true)
	return top, left, right, bottom
}

// edge draws a top or bottom edge span cells wide between its corners, with
// label on it, one fill glyph in from the left (or from the right when
// alignRight). A label that does not fit is cut.
func (f Frame) edge(lc, fill, rc string, span int, label string, st styles.Span, alignRight bool) string {
	fw := max(typeset.Width(fill), 1)
	var sb strings.Builder
	sb.Grow(8*len(lc) + span*len(fill) + len(label) + 96)
	f.Edge.Write(&sb, lc)
	if label != "" && span >= 4*fw {
		label = " " + Cut(label, span-2*fw-2) + " "
		lw := typeset.Width(label)
		rest := span - lw
		pre := fw
		if alignRight {
			pre = rest - fw
		}
		pre -= pre % fw
		f.Edge.Write(&sb, strings.Repeat(fill, pre/fw))
		st.Write(&sb, label)
		post := rest - pre
		f.Edge.Write(&sb, strings.Repeat(fill, post/fw)+spaces(post%fw))
	} else {
		f.Edge.Write(&sb, strings.Repeat(fill, span/fw)+spaces(span%fw))
	}
	f.Edge.Write(&sb, rc)
	return sb.String()
}

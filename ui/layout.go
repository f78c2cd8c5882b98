package ui

import "charm.land/lipgloss/v2"

// Sizes below which the reader changes shape.
const (
	// minWidth and minHeight: below this a frame cannot hold a readable
	// line of Chinese text and a page of it, so the reader says so instead.
	minWidth, minHeight = 30, 10
	// twoPaneWidth: from this width the list and the article sit side by
	// side; below it one pane is shown at a time.
	twoPaneWidth = 80
	// helpMinHeight: from this height a row of key hints sits under the
	// status line.
	helpMinHeight = 16
	// headerRows is the title and tab row; statusRows the status line.
	headerRows, statusRows = 1, 1
	// The list takes listShare tenths of the width, within these bounds:
	// wide enough for a two-line item to say something, never wider than
	// a headline needs.
	listShare, listMin, listMax = 3, 30, 48
	// overlayMargin is the columns of the panes left visible on each side
	// of an overlay box (help, section picker), so it reads as drawn over
	// them.
	overlayMargin = 2
)

// Rect is a rectangle of cells.
type Rect struct{ X, Y, W, H int }

// Contains reports whether cell (x, y) is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Layout says where everything goes on a terminal of a given size. The
// pane rectangles include their frames; the Inner ones are what the panes
// draw into.
type Layout struct {
	Width, Height int
	// TooSmall is set below minWidth x minHeight; nothing else is.
	TooSmall bool
	// OnePane is set below twoPaneWidth: List and Article are then the same
	// rectangle and only the focused pane is drawn.
	OnePane bool
	Header  Rect
	List    Rect
	Article Rect
	// ListInner and ArticleInner are the panes' content, inside the frames.
	ListInner, ArticleInner Rect
	Status                  Rect
	// Help is the row of key hints; zero height on a short terminal.
	Help Rect
	// Overlay is the most an overlay box may cover: inside the panes'
	// frames, overlayMargin in from the sides. OverlayInner is what its
	// content may fill, inside the box's own frame.
	Overlay, OverlayInner Rect
}

// computeLayout sizes every part of the screen for a w x h terminal, taking
// the frame's size from frame (the border and padding the panes and the
// overlay boxes are drawn with). It is the only place that does layout
// arithmetic; the views only centre what they draw in these rectangles.
func computeLayout(w, h int, frame lipgloss.Style) Layout {
	l := Layout{Width: max(w, 0), Height: max(h, 0)}
	if w < minWidth || h < minHeight {
		l.TooSmall = true
		return l
	}
	helpRows := 0
	if h >= helpMinHeight {
		helpRows = 1
	}
	l.Header = Rect{0, 0, w, headerRows}
	bodyY := headerRows
	bodyH := h - headerRows - statusRows - helpRows
	l.Status = Rect{0, bodyY + bodyH, w, statusRows}
	l.Help = Rect{0, l.Status.Y + statusRows, w, helpRows}

	if w < twoPaneWidth {
		l.OnePane = true
		l.List = Rect{0, bodyY, w, bodyH}
		l.Article = l.List
	} else {
		lw := min(max(w*listShare/10, listMin), listMax)
		l.List = Rect{0, bodyY, lw, bodyH}
		l.Article = Rect{lw, bodyY, w - lw, bodyH}
	}
	l.ListInner = inner(l.List, frame)
	l.ArticleInner = inner(l.Article, frame)
	l.Overlay = Rect{overlayMargin, l.ListInner.Y, w - 2*overlayMargin, l.ListInner.H}
	l.OverlayInner = inner(l.Overlay, frame)
	return l
}

// inner is r less the frame's border and padding.
func inner(r Rect, frame lipgloss.Style) Rect {
	return Rect{
		X: r.X + frame.GetBorderLeftSize() + frame.GetPaddingLeft(),
		Y: r.Y + frame.GetBorderTopSize() + frame.GetPaddingTop(),
		W: max(r.W-frame.GetHorizontalFrameSize(), 0),
		H: max(r.H-frame.GetVerticalFrameSize(), 0),
	}
}

// fitOverlay clamps the content size an overlay box would like to the room
// the screen has for it.
func (l Layout) fitOverlay(w, h int) (int, int) {
	return min(w, l.OverlayInner.W), min(h, l.OverlayInner.H)
}

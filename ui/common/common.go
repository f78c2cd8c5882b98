// Package common holds what every pane of the reader shares: its size, the
// styles and the language, the pane contract, and the helpers that fit text
// to an exact number of cells. Everything that measures text here does so
// with typeset.Width, the program's one width function.
package common

import (
	"charm.land/bubbles/v2/help"

	"dubao/ui/styles"
)

// Common is embedded by every pane: the pane's size in cells, the shared
// styles and the language of the interface.
type Common struct {
	// Width and Height are the pane's content size in cells, inside any
	// frame the parent draws.
	Width, Height int
	// Styles is shared by every pane and replaced as a whole when the
	// background colour becomes known.
	Styles *styles.Styles
	// Lang is the language of labels such as 第 2/5 页.
	Lang Lang
}

// SetSize records the pane's content size.
func (c *Common) SetSize(width, height int) {
	c.Width, c.Height = max(width, 0), max(height, 0)
}

// Pane is the contract every pane meets. Update is not part of it because each
// pane's Update returns its own concrete type, as bubbles components do:
//
//	func (m Model) Update(msg tea.Msg) (Model, tea.Cmd)
//
// View returns exactly Height rows of exactly Width cells each, joined by
// newlines, so the parent can place it without measuring.
type Pane interface {
	help.KeyMap
	// SetSize sets the content size in cells.
	SetSize(width, height int)
	// View renders the pane.
	View() string
}

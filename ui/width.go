package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/typeset"
)

// The renderer and typeset must measure text alike, or a row holding 👨‍👩‍👧,
// 👍🏽, ทำ or स्ते is drawn wider or narrower than it was laid out and its
// right border moves. Bubble Tea's renderer starts measuring by code point
// (ansi.WcWidth) and switches to grapheme clusters when the terminal
// answers its DECRQM 2027 (mode known); the program asked the same before
// it started (ambiwidth.Probe) and typeset measures to match. Two cases
// remain, handled here:
//
//   - The terminal answered before the start: the renderer has not heard
//     yet when the first frame is due. The model tells it at once, with the
//     same message the terminal's answer would be, and shows nothing until
//     that message has passed the renderer.
//   - The answer came late, after the probe gave up: the renderer switches
//     when it arrives, and typeset switches with it and the page is set
//     again, in the same update, so no frame is drawn by the one method and
//     laid out by the other.

// announceGraphemes returns the command that switches the renderer to
// grapheme widths when the terminal said it clusters graphemes.
func (m Model) announceGraphemes() tea.Cmd {
	if !m.opt.Graphemes {
		return nil
	}
	return func() tea.Msg {
		return tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet}
	}
}

// clustersGraphemes reports whether a mode 2027 report switches Bubble
// Tea's renderer to grapheme widths: reset (known, not yet on), set or
// permanently set (tea.go, the ModeReportMsg case).
func clustersGraphemes(v ansi.ModeSetting) bool {
	return v == ansi.ModeReset || v == ansi.ModeSet || v == ansi.ModePermanentlySet
}

// modeReported follows a mode report that has passed the renderer.
func (m *Model) modeReported(msg tea.ModeReportMsg) {
	if msg.Mode != ansi.ModeUnicodeCore || !clustersGraphemes(msg.Value) {
		return
	}
	m.widthHeld = false
	if typeset.CurrentMethod() == typeset.Graphemes {
		return
	}
	typeset.SetMethod(typeset.Graphemes)
	m.remeasure()
}

// remeasure sets everything measured again after the width method changed:
// the article (its layout remembers the method) and the list, then the
// layout and every pane's size; the reading position is kept.
func (m *Model) remeasure() {
	m.setOptions(m.article.Options())
	if m.lay.Width > 0 {
		m.resize(m.lay.Width, m.lay.Height)
	}
}

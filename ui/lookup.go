package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/dict"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/keys"
	"dubao/ui/lookup"
)

// The root's hooks for the word lookup mode (ui/lookup): L starts it in
// the article, its keys come before the global ones while it is on, a
// click on a word shows it, and its box is drawn over the panes.

// newLookup returns the lookup mode with the dictionary opt names, else the
// one built in.
func newLookup(c common.Common, opt Options, km keys.Lookup) lookup.Model {
	load := opt.Dictionary
	if load == nil {
		load = dict.Default
	}
	l := lookup.New(c, load)
	l.KeyMap = km
	return l
}

// lookupKey handles L and, while the mode is on, its keys: it reports
// whether k was handled. In the mode every other key but help and quit
// does nothing, so that the cursor's page stays put.
func (m *Model) lookupKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	if m.lookup.Pending() {
		// Keys typed while the dictionary loads are meant for the mode:
		// it takes them once it opens; esc gives up.
		switch {
		case key.Matches(k, m.keys.Help, m.keys.Quit):
			return false, nil
		case key.Matches(k, m.lookup.KeyMap.Close):
			m.lookup.Cancel()
		default:
			m.lookup.Queue(k)
			m.lookupNote()
		}
		return true, nil
	}
	if m.lookup.Active() {
		if m.lookup.Update(k, &m.article) {
			return true, nil
		}
		if m.lookup.Active() {
			return !key.Matches(k, m.keys.Help, m.keys.Quit), nil
		}
		return false, nil
	}
	if m.focus != focusArticle || !key.Matches(k, m.keys.Lookup) || m.article.Article() == nil {
		return false, nil
	}
	cmd := m.lookup.Start(&m.article)
	m.lookupNote()
	return true, cmd
}

// lookupLoaded takes the dictionary in; the mode opens if L is still
// pending and the article is still in front.
func (m *Model) lookupLoaded(msg lookup.LoadedMsg) {
	if m.focus != focusArticle || m.overlay != overlayNone {
		m.lookup.Cancel()
	}
	wanted := m.lookup.Pending()
	if m.note == m.common.Lang.Title("loading dictionary") {
		m.note = ""
	}
	if err := m.lookup.Loaded(msg, &m.article); err != nil {
		m.note = m.common.Lang.Failed(err)
		return
	}
	if wanted {
		m.lookupNote()
	}
}

// lookupNote says, in the status line, that the dictionary is loading or
// that the page has no word to look up.
func (m *Model) lookupNote() {
	switch {
	case m.lookup.Loading():
		m.note = m.common.Lang.Title("loading dictionary")
	case !m.lookup.Active():
		m.note = m.common.Lang.Title("no words")
	}
}

// lookupClick shows the word clicked while the mode is on; a click
// elsewhere leaves the mode. It reports whether the click was the mode's.
func (m *Model) lookupClick(ms tea.Mouse) bool {
	if !m.lookup.Active() {
		return false
	}
	in := m.lay.ArticleInner
	if m.articleShown() && in.Contains(ms.X, ms.Y) {
		m.lookup.Click(&m.article, ms.X-in.X, ms.Y-in.Y)
		return true
	}
	m.lookup.Close(&m.article)
	return false
}

// minLookupRows is the fewest rows a box beside the cursor may have (its
// frame, a heading, a sense, the attribution), rather than cover it.
const minLookupRows = 5

// drawLookup draws the word's box over the panes: under the cursor's row
// when it fits there, else over it; when it fits on neither side whole, it
// is cut to the roomier side, and only on a screen too short for that
// does it cover the cursor.
func (m Model) drawLookup(rows []string) []string {
	line, x, _, ok := m.lookup.Cursor(&m.article)
	if !ok {
		return rows
	}
	l := m.lay
	maxW, maxH := m.overlayArea()
	frame := m.common.Styles.Overlay.Frame
	fh := frame.GetVerticalFrameSize()
	cy := l.ArticleInner.Y + line - m.article.TopLine()
	below := l.Overlay.Y + l.Overlay.H - (cy + 1)
	above := cy - l.Overlay.Y
	content := m.lookup.Box(maxW, maxH)
	bh := len(content) + fh
	var y int
	switch {
	case bh <= below:
		y = cy + 1
	case bh <= above:
		y = cy - bh
	case max(below, above) >= minLookupRows:
		room := max(below, above)
		content = m.lookup.Box(maxW, room-fh)
		bh = len(content) + fh
		y = cy + 1
		if above > below {
			y = cy - bh
		}
	default:
		y = l.Overlay.Y + max(l.Overlay.H-bh, 0)
	}
	if len(content) == 0 {
		return rows
	}
	cw := typeset.Width(content[0])
	os := m.common.Styles.Overlay
	f := common.NewFrame(frame, os.Border, os.Title, os.Border)
	box := f.Render(content, cw, m.lookup.Title(), "")
	bw := cw + frame.GetHorizontalFrameSize()
	bx := min(max(l.ArticleInner.X+x-2, l.Overlay.X), l.Overlay.X+l.Overlay.W-bw)
	for i, b := range box {
		if y+i < len(rows) {
			rows[y+i] = splice(rows[y+i], b, bx, bw, l.Width)
		}
	}
	return rows
}

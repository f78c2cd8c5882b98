package ui

import tea "charm.land/bubbletea/v2"

// wheelLines is how far one notch of the mouse wheel scrolls an article, as
// in most terminal programs.
const wheelLines = 3

// handleClick selects the tab or story under the pointer, or focuses the
// pane clicked.
func (m *Model) handleClick(ms tea.Mouse) {
	l := m.lay
	if l.TooSmall || m.overlay != overlayNone || ms.Button != tea.MouseLeft {
		return
	}
	if m.lookupClick(ms) {
		return
	}
	switch {
	case l.Header.Contains(ms.X, ms.Y):
		if i, ok := m.tabs.TabAt(ms.X - l.Header.X); ok {
			m.gotoSection(i)
		}
	case m.listShown() && l.ListInner.Contains(ms.X, ms.Y):
		if i, ok := m.list.ItemAt(ms.Y - l.ListInner.Y); ok {
			m.showArticle(m.sec, i)
			if l.OnePane {
				m.focus = focusArticle
				return
			}
		}
		m.focus = focusList
	case m.articleShown() && l.Article.Contains(ms.X, ms.Y):
		m.focus = focusArticle
	}
}

// handleWheel scrolls the pane under the pointer.
func (m *Model) handleWheel(ms tea.Mouse) {
	l := m.lay
	if l.TooSmall || m.overlay != overlayNone {
		return
	}
	d := 0
	switch ms.Button {
	case tea.MouseWheelDown:
		d = 1
	case tea.MouseWheelUp:
		d = -1
	default:
		return
	}
	switch {
	case m.listShown() && l.List.Contains(ms.X, ms.Y):
		m.list.MoveBy(d)
		m.showArticle(m.sec, m.list.Index())
	case m.articleShown() && l.Article.Contains(ms.X, ms.Y):
		m.article.ScrollBy(d * wheelLines)
		m.lookup.Follow(&m.article)
	}
}

// listShown and articleShown say whether the pane is on screen.
func (m Model) listShown() bool {
	return m.focus == focusList || !m.lay.OnePane && m.focus != focusSearch
}

func (m Model) articleShown() bool {
	return !m.lay.OnePane || m.focus == focusArticle
}

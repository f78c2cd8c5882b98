package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/picker"
	"dubao/ui/search"
)

// The edition picker's rows: mark, date, counts, then the title, which is
// what a narrow box cuts.
const (
	// dateWidth is a YYYY-MM-DD date.
	dateWidth = 10
	// currentMark starts the row of the edition shown; other rows start
	// with as many blanks.
	currentMark = "* "
)

// openPicker opens one of the pickers with row sel selected.
func (m *Model) openPicker(p picker.Owner, sel int) {
	m.pick, m.overlay = p, overlayPicker
	m.pickers[p].Open(sel)
	m.fitPicker(p)
}

// fitPicker gives a picker the room it wants, as far as the screen has it.
func (m *Model) fitPicker(p picker.Owner) {
	m.pickers[p].SetSize(m.lay.fitOverlay(m.pickers[p].Size()))
}

// openEditions is e: the picker lists the shelf's editions, the one shown
// selected, once the store has listed them.
func (m *Model) openEditions() tea.Cmd {
	m.lib.selectCurrent = true
	m.openPicker(picker.Editions, m.pickers[picker.Editions].Selected())
	return m.lib.fetchEditions()
}

// openBookmarks is ': the list of saved stories of every edition.
func (m *Model) openBookmarks() tea.Cmd {
	m.openPicker(picker.Bookmarks, 0)
	return m.lib.fetchBookmarks()
}

// openLibrarySearch is ctrl+f: the library search box, searching for q, or
// showing the last library search again when q is empty.
func (m *Model) openLibrarySearch(q string) tea.Cmd {
	m.overlay = overlayLibrary
	if q == "" || q == m.libsearch.Query() && len(m.libsearch.Hits()) > 0 {
		return nil
	}
	return m.libsearch.SetQuery(q)
}

// switchScope moves a query between the edition's search and the
// library's.
func (m *Model) switchScope(msg search.ScopeMsg) tea.Cmd {
	if msg.Library {
		if !m.keys.LibrarySearch.Enabled() {
			return nil
		}
		m.setQuery("")
		m.focus = m.lastFocus
		return m.openLibrarySearch(msg.Query)
	}
	m.overlay = overlayNone
	m.setQuery(msg.Query)
	m.openSearch()
	m.syncQuery()
	return nil
}

// choose acts on a row picked in one of the pickers.
func (m *Model) choose(msg picker.ChosenMsg) tea.Cmd {
	switch msg.Owner {
	case picker.Sections:
		m.gotoSection(msg.Index)
	case picker.Editions:
		if msg.Index < len(m.lib.editions) {
			if e := m.lib.editions[msg.Index]; e.Path != m.lib.rec.Path {
				return m.loadEdition(e, target{})
			}
		}
	case picker.Bookmarks:
		if msg.Index < len(m.lib.bookmarks) {
			b := m.lib.bookmarks[msg.Index]
			return m.openTarget(b.Edition, target{article: b.Article})
		}
	}
	return nil
}

// openHit opens a library search result at its match.
func (m *Model) openHit(msg search.LibraryOpenMsg) tea.Cmd {
	h := msg.Hit
	return m.openTarget(h.Edition, target{article: h.Article, query: strings.TrimSpace(msg.Query), block: h.Block, offset: h.Offset})
}

// openTarget goes to a place in edition rec, loading it first unless it is
// the one shown.
func (m *Model) openTarget(rec library.Edition, to target) tea.Cmd {
	if rec.Path == m.lib.rec.Path {
		m.goTo(to)
		return nil
	}
	return m.loadEdition(rec, to)
}

// setEditionLabels lists the shelf's editions in the picker: date, unread
// and all stories, title. The edition shown counts its unread stories
// from the marks on screen, which may be ahead of the store.
func (m *Model) setEditionLabels() {
	lang := m.common.Lang
	countsW := 0
	for _, e := range m.lib.editions {
		countsW = max(countsW, typeset.Width(lang.UnreadOf(e.Articles, e.Articles)))
	}
	labels := make([]string, len(m.lib.editions))
	current := -1
	for i, e := range m.lib.editions {
		mark := common.Pad(typeset.Width(currentMark))
		unread := e.Unread
		if e.Path == m.lib.rec.Path {
			mark, current = currentMark, i
			unread = library.Unread(m.ed, m.lib.read).Total
		}
		counts := lang.Title("not indexed")
		if e.Indexed {
			counts = lang.UnreadOf(unread, e.Articles)
		}
		title := e.Title
		if title == e.Date {
			title = "" // a file named by its date alone
		}
		labels[i] = mark + common.Fit(e.Date, dateWidth) + "  " + common.Fit(counts, countsW) + "  " + title
	}
	p := &m.pickers[picker.Editions]
	p.SetLabels(labels, lang.Title("no editions"))
	// Sized for the new list before the selection scrolls it: a box sized
	// for the list before would scroll rows off the top.
	m.fitPicker(picker.Editions)
	if m.lib.selectCurrent && current >= 0 {
		p.Open(current)
		m.lib.selectCurrent = false
	}
}

// setBookmarkLabels lists the saved stories: the edition's date (or title)
// and the headline.
func (m *Model) setBookmarkLabels() {
	labels := make([]string, len(m.lib.bookmarks))
	for i, b := range m.lib.bookmarks {
		when := b.Edition.Date
		if when == "" {
			when = b.Edition.Title
		}
		labels[i] = common.Fit(when, dateWidth) + "  " + b.Headline
	}
	m.pickers[picker.Bookmarks].SetLabels(labels, m.common.Lang.T("no bookmarks", m.keys.Bookmark.Help().Key))
	m.fitPicker(picker.Bookmarks)
}

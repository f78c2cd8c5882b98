package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/script"
	"dubao/typeset"
	"dubao/ui/keys"
	"dubao/ui/list"
	"dubao/ui/picker"
	"dubao/ui/search"
)

// resize lays the screen out again and tells every pane its new size. The
// article pane keeps its reading position.
func (m *Model) resize(w, h int) {
	m.lay = computeLayout(w, h, m.common.Styles.Pane.Frame)
	m.help.SetWidth(m.lay.Help.W)
	m.tabs.SetSize(m.lay.Header.W-typeset.Width(ansi.Strip(m.headerHelp())), m.lay.Header.H)
	m.list.SetSize(m.lay.ListInner.W, m.lay.ListInner.H)
	m.search.SetSize(m.lay.ListInner.W, m.lay.ListInner.H)
	m.article.SetSize(m.lay.ArticleInner.W, m.lay.ArticleInner.H)
	m.libsearch.SetSize(m.lay.OverlayInner.W, m.lay.OverlayInner.H)
	for p := range m.pickers {
		m.fitPicker(picker.Owner(p))
	}
}

// toggle flips the display option flag points to in the article's
// options, sets them, and remembers the flag under name.
func (m *Model) toggle(name string, flag func(*typeset.Options) *bool) tea.Cmd {
	opt := m.article.Options()
	on := flag(&opt)
	*on = !*on
	m.setOptions(opt)
	return m.lib.setToggle(name, *on)
}

// setOptions sets the display options of the article and the list.
func (m *Model) setOptions(opt typeset.Options) {
	m.article.SetOptions(opt)
	m.list.SetOptions(opt)
}

// setScript shows the text in the script s. Nothing is converted before
// the first script other than the original is asked for.
func (m *Model) setScript(s script.Script) {
	m.script = s
	m.article.SetScript(s, m.conv)
	m.list.SetScript(s, m.conv)
	m.search.SetScript(s, m.conv)
	m.libsearch.SetScript(s)
	title := m.ed.Title
	if len(m.ed.Sections) > 0 && len(m.ed.Sections[0].Articles) > 0 && s != script.Original {
		title = m.conv.String(&m.ed.Sections[0].Articles[0], s, title)
	}
	names := make([]string, len(m.ed.Sections))
	for i := range names {
		names[i] = m.sectionName(i)
	}
	m.tabs.SetNames(title, names)
}

// sectionName is the name of section i as shown: written as its stories
// are.
func (m Model) sectionName(i int) string {
	sec := &m.ed.Sections[i]
	if len(sec.Articles) == 0 || m.script == script.Original {
		return sec.Name
	}
	return m.conv.String(&sec.Articles[0], m.script, sec.Name)
}

// preloadScripts loads the dictionaries that search across scripts uses,
// off the UI path, as a search box opens: the article pane highlights the
// query as it is typed, and would otherwise load them on the first key.
// After the first time it returns at once.
func preloadScripts() tea.Msg {
	_ = script.Preload()
	return nil
}

// switchPane moves the focus between the list and the article.
func (m *Model) switchPane() {
	if m.focus == focusList {
		m.focus = focusArticle
	} else {
		m.focus = focusList
	}
}

// back undoes one step: first an active search, then the article's focus.
func (m *Model) back() {
	switch {
	case m.query != "":
		m.setQuery("")
	case m.focus == focusArticle:
		m.focus = focusList
	}
}

// gotoSection shows section i's stories and the first listed; an i out of
// range does nothing.
func (m *Model) gotoSection(i int) {
	if i < 0 || i >= len(m.ed.Sections) {
		return
	}
	m.sec = i
	m.tabs.SetActive(i)
	m.list.SetSection(&m.ed.Sections[i])
	m.showSelected()
}

// showSelected shows the story selected in the list, or none when the list
// is empty.
func (m *Model) showSelected() {
	if m.list.Len() == 0 {
		m.article.SetArticle(nil)
		return
	}
	m.showArticle(m.sec, m.list.Index())
}

// showArticle selects story art of section sec in the list and shows it.
func (m *Model) showArticle(sec, art int) {
	if sec < 0 || sec >= len(m.ed.Sections) || art < 0 || art >= len(m.ed.Sections[sec].Articles) {
		return
	}
	if sec != m.sec {
		m.sec = sec
		m.tabs.SetActive(sec)
		m.list.SetSection(&m.ed.Sections[sec])
	}
	m.list.Select(art)
	m.article.SetArticle(&m.ed.Sections[sec].Articles[art])
	m.article.SetQuery(m.query)
}

// step moves d stories on (or back) among those listed, crossing into the
// next (or previous) section; at either end of the edition it stays.
func (m *Model) step(d int) {
	sec, at := m.sec, m.list.Position()+d
	shown := m.list.Shown()
	for {
		if at >= 0 && at < len(shown) {
			m.showArticle(sec, shown[at])
			return
		}
		sec += d
		if sec < 0 || sec >= len(m.ed.Sections) {
			return
		}
		shown = list.Visible(&m.ed.Sections[sec], m.lib.read, m.lib.unreadOnly)
		at = 0
		if d < 0 {
			at = len(shown) - 1
		}
	}
}

// openSearch focuses the search box, starting from the query in force.
func (m *Model) openSearch() {
	if m.focus != focusSearch {
		m.lastFocus = m.focus
	}
	m.focus = focusSearch
	m.search.SetQuery(m.query)
}

// syncQuery takes the query from the search box as it is typed, so the
// article's highlights follow it.
func (m *Model) syncQuery() {
	m.setQuery(m.search.Query())
	m.hits, m.hit = m.search.Hits(), 0
}

func (m *Model) setQuery(q string) {
	m.query = q
	m.article.SetQuery(q)
	if q == "" {
		m.hits, m.hit = nil, 0
	}
}

// showHit shows the story of h at its match.
func (m *Model) showHit(h search.Hit) {
	m.showArticle(h.Section, h.Article)
	m.article.ShowMatch(h.Match)
}

// stepHit goes d matches on, wrapping around the edition.
func (m *Model) stepHit(d int) {
	n := len(m.hits)
	if n == 0 {
		return
	}
	m.hit = ((m.hit+d)%n + n) % n
	m.showHit(m.hits[m.hit])
}

func indexOf(hits []search.Hit, h search.Hit) int {
	for i, x := range hits {
		if x == h {
			return i
		}
	}
	return 0
}

// updateKeybindings switches bindings on and off by state, so that the
// help lists only keys that do something: while a search is in force n and
// N move through its matches and J alone is "next story".
func (m *Model) updateKeybindings() {
	searching := m.query != "" && len(m.hits) > 0
	m.keys.NextMatch.SetEnabled(searching)
	m.keys.PrevMatch.SetEnabled(searching)
	m.keys.NextArticle = m.bound.global.NextArticle
	if searching {
		m.keys.NextArticle = keys.Without(m.keys.NextArticle, m.keys.NextMatch)
	}
	m.keys.Back.SetEnabled(m.query != "" || m.focus == focusArticle)
	m.keys.Section.SetEnabled(len(m.ed.Sections) > 1)
	m.keys.PrevSection.SetEnabled(len(m.ed.Sections) > 1)
	m.keys.NextSection.SetEnabled(len(m.ed.Sections) > 1)
	m.keys.Picker.SetEnabled(len(m.ed.Sections) > 1)

	// The library's keys need a store, and those about a story a story.
	lib, story := m.lib.on() || m.lib.pending, m.article.Article() != nil
	for _, b := range []*key.Binding{&m.keys.Editions, &m.keys.Bookmarks, &m.keys.LibrarySearch,
		&m.search.KeyMap.Scope} {
		b.SetEnabled(lib)
	}
	// In the article u is half a page up (issue 4's keys); in the list it
	// filters unread stories.
	m.keys.UnreadOnly.SetEnabled(lib && m.focus != focusArticle)
	m.keys.MarkRead.SetEnabled(lib && story)
	m.keys.Bookmark.SetEnabled(lib && story)
	m.keys.MarkSection.SetEnabled(lib && m.sec < len(m.ed.Sections) && len(m.ed.Sections[m.sec].Articles) > 0)
	m.keys.Lookup.SetEnabled(story && m.focus == focusArticle)
	m.keys.Export.SetEnabled(story)
	m.keys.Copy.SetEnabled(story)
	m.keys.OpenURL.SetEnabled(story && webURL(m.article.Article().URL))
	m.keys.Update.SetEnabled(lib && m.opt.Update != nil)
}

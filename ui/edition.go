package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/model"
	"dubao/script"
	"dubao/ui/picker"
	"dubao/ui/search"
	"dubao/ui/tabs"
)

// setEdition shows ed, whose shelf record is rec, from its first story. The
// panes that belong to an edition are made anew; the others keep their
// state, and the reading state is empty until the store's comes.
func (m *Model) setEdition(ed *model.Edition, rec library.Edition) {
	m.ed, m.lib.rec = ed, rec
	// The conversions of the edition left are not needed again.
	m.conv = script.NewCache()
	names := make([]string, len(ed.Sections))
	for i, s := range ed.Sections {
		names[i] = s.Name
	}
	m.tabs = tabs.New(m.common, ed.Title, names)
	m.search = search.New(m.common, ed)
	m.search.KeyMap = m.bound.search
	m.pickers[picker.Sections] = picker.NewSections(m.common, ed)
	m.pickers[picker.Sections].KeyMap = m.bound.sections
	m.setQuery("")
	m.setMarks(map[string]bool{}, map[string]bool{})
	if m.lay.Width > 0 {
		m.resize(m.lay.Width, m.lay.Height)
	}
	m.sec = 0
	m.list.SetSection(nil)
	m.article.SetArticle(nil)
	m.setScript(m.script)
	m.gotoSection(0)
	m.focus = focusList
	if ed.InvalidBytes > 0 {
		m.note = m.common.Lang.InvalidBytes(ed.InvalidBytes)
	}
}

// setMarks replaces the read and saved stories of the edition shown.
func (m *Model) setMarks(read, saved map[string]bool) {
	if read == nil {
		read = map[string]bool{}
	}
	if saved == nil {
		saved = map[string]bool{}
	}
	m.lib.read, m.lib.saved = read, saved
	m.list.SetMarks(read, saved)
	m.refreshCounts()
}

// refreshCounts puts the unread counts on the tabs and in the section
// picker.
func (m *Model) refreshCounts() {
	if !m.lib.on() && !m.lib.pending {
		return
	}
	unread := library.Unread(m.ed, m.lib.read).Sections
	m.tabs.SetCounts(unread)
	m.pickers[picker.Sections].SetLabels(picker.SectionLabels(m.common.Lang, m.ed, unread), "")
	m.fitPicker(picker.Sections)
	if m.overlay == overlayPicker && m.pick == picker.Editions {
		// The picker shows this edition's count too.
		m.setEditionLabels()
	}
}

// opened shows an edition the store has read, with its reading state, at
// the place asked for.
func (m *Model) opened(msg openedMsg) tea.Cmd {
	if msg.seq != m.lib.loading {
		return nil
	}
	if msg.err != nil {
		m.note = m.common.Lang.Failed(msg.err)
		return nil
	}
	if msg.ed != nil {
		m.setEdition(msg.ed, msg.rec)
	}
	m.setMarks(msg.state.read, msg.state.saved)
	if t := msg.toggles; t != nil {
		// A toggle pressed before wins over the default the options
		// (the config file) give; one never pressed keeps it.
		opt := m.article.Options()
		set := func(name string, v *bool) {
			if on, ok := t[name]; ok {
				*v = on
			}
		}
		set(toggleHalfWidth, &opt.HalfWidthPunct)
		set(toggleNoIndent, &opt.NoIndent)
		set(toggleHanging, &opt.Hanging)
		m.setOptions(opt)
		set(toggleUnreadOnly, &m.lib.unreadOnly)
	}
	if name, ok := msg.settings[m.lib.scriptSetting()]; ok {
		if s, err := script.Parse(name); err == nil && s != m.script {
			m.setScript(s)
		}
	}
	m.list.SetUnreadOnly(m.lib.unreadOnly)
	m.lib.want, m.lib.stored = msg.state.pos, msg.state.pos
	if msg.to.article != "" {
		m.goTo(msg.to)
	} else if msg.state.hasPos && (msg.ed != nil || !m.lib.moved) {
		m.resume(msg.state.pos)
	} else {
		m.showSelected()
	}
	return nil
}

// find returns the section and index of the story with ID id.
func (m Model) find(id string) (sec, art int, ok bool) {
	for si, s := range m.ed.Sections {
		for ai := range s.Articles {
			if s.Articles[ai].ID == id {
				return si, ai, true
			}
		}
	}
	return 0, 0, false
}

// resume returns to where the reader stopped: the story, and the line
// holding the character that was at the top of the page.
func (m *Model) resume(p library.Position) {
	sec, art, ok := m.find(p.Article)
	if !ok {
		return
	}
	m.showArticle(sec, art)
	m.article.ShowBodyPosition(p.Block, p.Offset)
	m.focus = focusArticle
}

// goTo opens a story, at a library search match when to has a query: the
// query is then the search in force, so n and N go on through the edition.
func (m *Model) goTo(to target) {
	sec, art, ok := m.find(to.article)
	if !ok {
		return
	}
	m.setQuery(to.query)
	if to.query != "" {
		_, m.hits = search.Find(m.ed, to.query)
	}
	m.showArticle(sec, art)
	m.focus = focusArticle
	if to.query == "" {
		return
	}
	if i := m.article.MatchAt(to.block, to.offset); i >= 0 {
		m.article.ShowMatch(i)
		m.hit = indexOf(m.hits, search.Hit{Section: sec, Article: art, Match: i})
	}
}

// settle runs after every message: it switches the keys by state, marks the
// story read once its last page is on screen, and saves the reading
// position after a pause.
func (m *Model) settle() tea.Cmd {
	m.updateKeybindings()
	if !m.lib.on() {
		return nil
	}
	return tea.Batch(m.markEnded(), m.trackPosition())
}

// markEnded marks the story shown read when its last page is on screen,
// once per visit, so that m can take the mark off again. Paging to the last
// page in the article pane marks it at once; a story whose last page came
// on screen any other way (the list, a section jump, a resize, a story of
// one page) is read only if it stays there a moment.
func (m *Model) markEnded() tea.Cmd {
	a := m.article.Article()
	paged := m.lib.partial == a && !m.lib.resized
	m.lib.resized = false
	if a != m.lib.shown {
		m.lib.shown, m.lib.ended, m.lib.glance, m.lib.partial = a, nil, nil, nil
		paged = false
	}
	onScreen := m.lay.Width > 0 && !m.lay.TooSmall && m.overlay == overlayNone && m.articleShown()
	if onScreen && m.article.Percent() < 100 {
		m.lib.partial = a
	} else if m.lib.partial == a && m.article.Percent() == 100 {
		m.lib.partial = nil
	}
	if a == nil || a == m.lib.ended || !onScreen || m.article.Percent() < 100 {
		return nil
	}
	if m.focus != focusArticle || !paged {
		// Only glanced at: read if it stays a moment.
		if m.lib.glance == a {
			return nil
		}
		m.lib.glance = a
		return tea.Tick(m.readDelay, func(time.Time) tea.Msg { return glancedMsg{article: a} })
	}
	return m.markRead(a)
}

// markRead marks a, whose last page is on screen, read once per visit.
func (m *Model) markRead(a *model.Article) tea.Cmd {
	m.lib.ended, m.lib.glance = a, nil
	if m.lib.read[a.ID] {
		return nil
	}
	return m.setRead(true, a.ID)
}

// trackPosition starts a pause when the reading position moved; the
// position is saved if the pause ends with nothing moved meanwhile.
func (m *Model) trackPosition() tea.Cmd {
	a := m.article.Article()
	if a == nil {
		return nil
	}
	block, offset := m.article.BodyPosition()
	p := library.Position{Article: a.ID, Block: block, Offset: offset}
	if p == m.lib.want {
		return nil
	}
	m.lib.want = p
	m.lib.posSeq++
	seq := m.lib.posSeq
	return tea.Tick(m.saveDelay, func(time.Time) tea.Msg { return positionTickMsg{seq: seq} })
}

// flushPosition saves the reading position now if it moved since it was
// last saved.
func (m *Model) flushPosition() tea.Cmd {
	if !m.lib.on() || m.lib.want == m.lib.stored || m.lib.want.Article == "" {
		return nil
	}
	id, p := m.lib.rec.ID, m.lib.want
	m.lib.stored = p
	m.lib.posSeq++ // a pause under way no longer saves
	return m.lib.write(func(ctx context.Context, st *library.Store) error { return st.SetPosition(ctx, id, p) })
}

// quit stops the shelf's indexing, saves the reading position after every
// write asked for before, waits for those writes, and then ends the
// program. The indexing stops first: a transaction of it (a story of tens
// of megabytes) holds the store's write lock for seconds, and a read mark
// queued behind it was lost when the reader closed the store on its way
// out. It waits at most quitWait.
func (m *Model) quit() tea.Cmd {
	flush := m.flushPosition()
	written := m.lib.jobs.written()
	sh := m.lib.sh
	return func() tea.Msg {
		done := make(chan struct{})
		go func() {
			defer close(done)
			if sh != nil {
				sh.Close()
			}
			if flush != nil {
				flush()
			}
			written()
		}()
		select {
		case <-done:
		case <-time.After(quitWait):
		}
		return tea.QuitMsg{}
	}
}

// quitWait is the longest quit waits for the indexing to stop and the
// writes asked for to land; a write still waiting then fails, as the
// reader closes the store.
const quitWait = 3 * time.Second

// setRead marks stories of the edition shown read (or unread): at once on
// screen, then in the store.
func (m *Model) setRead(on bool, ids ...string) tea.Cmd {
	for _, id := range ids {
		if on {
			m.lib.read[id] = true
		} else {
			delete(m.lib.read, id)
		}
	}
	m.refreshCounts()
	ed := m.lib.rec.ID
	return m.lib.write(func(ctx context.Context, st *library.Store) error {
		if on {
			return st.MarkRead(ctx, ed, ids...)
		}
		return st.MarkUnread(ctx, ed, ids...)
	})
}

// toggleRead is m: the story shown is marked read, or unread again.
func (m *Model) toggleRead() tea.Cmd {
	a := m.article.Article()
	on := !m.lib.read[a.ID]
	if m.article.Percent() == 100 {
		// The last page is on screen: it does not mark the story again.
		m.lib.ended = a
	}
	m.note = m.common.Lang.Title("marked unread")
	if on {
		m.note = m.common.Lang.Title("marked read")
	}
	return m.setRead(on, a.ID)
}

// markSectionRead is M: every story of the section is marked read.
func (m *Model) markSectionRead() tea.Cmd {
	var ids []string
	for _, a := range m.ed.Sections[m.sec].Articles {
		ids = append(ids, a.ID)
	}
	m.note = m.common.Lang.Title("section read")
	return m.setRead(true, ids...)
}

// toggleBookmark is B: the story shown is saved, or unsaved.
func (m *Model) toggleBookmark() tea.Cmd {
	a := m.article.Article()
	on := !m.lib.saved[a.ID]
	m.lib.saved[a.ID] = on
	m.note = m.common.Lang.Title("unbookmarked")
	if on {
		m.note = m.common.Lang.Title("bookmarked")
	}
	st, ed, id := m.lib.st, m.lib.rec.ID, a.ID
	return m.lib.jobs.do(func(ctx context.Context) tea.Msg {
		on, err := st.ToggleBookmark(ctx, ed, id)
		return bookmarkMsg{edition: ed, id: id, on: on, err: err}
	})
}

package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/model"
	"dubao/ui/picker"
)

// Every store call runs in a command, never in Update or View: during a
// large import a write can wait for the indexer's batch (a few hundred
// milliseconds). Update changes the model at once (a read mark shows as
// soon as it is made) and queues the write.

// The display toggles the store remembers, by name.
const (
	toggleHalfWidth  = "half-width"
	toggleNoIndent   = "no-indent"
	toggleUnreadOnly = "unread-only"
	toggleHanging    = "hanging"
)

// settingScript is the name the store remembers the script shown by.
const settingScript = "script"

// libState is the reader's part of the library: the store and the shelf,
// the record and reading state of the edition shown, and what is on its way
// to or from the store.
type libState struct {
	st   *library.Store
	sh   *library.Shelf
	jobs *serial

	// pending is true while Options.Open is opening the store; moved once
	// the reader moved meanwhile, so the place the reader stopped last
	// time is not jumped to under them.
	pending, moved bool

	// rec is the edition shown; its ID is 0 without a store.
	rec library.Edition
	// read and saved are its stories marked read and bookmarked, by ID.
	read, saved map[string]bool
	unreadOnly  bool

	// progress is the shelf's background indexing; indexing is false once
	// it has ended.
	progress library.Progress
	indexing bool
	// updating is U's update under way, at update.
	updating bool
	update   updateState

	// editions and bookmarks are what the edition picker and the bookmark
	// list show, by row. selectCurrent asks the edition picker to select
	// the edition shown when its list comes.
	editions      []library.Edition
	bookmarks     []library.Bookmark
	selectCurrent bool

	// loading numbers the edition loads asked for; only the latest is
	// shown.
	loading int
	// want is the reading position to save, stored the last one saved;
	// posSeq numbers the pauses that may save it.
	want, stored library.Position
	posSeq       int
	// shown is the story on screen, and ended that story once its last
	// page was shown, so it is marked read once per visit. glance is the
	// story waiting out glanceReadDelay in the article pane.
	shown, ended, glance *model.Article
	// partial is the story shown while its last page was not yet on
	// screen, in the article pane; resized says the message settled was a
	// resize. Paging from there to the last page reads the story at once.
	partial *model.Article
	resized bool
}

func newLibState(opt Options) libState {
	l := libState{jobs: &serial{}, read: map[string]bool{}, saved: map[string]bool{}}
	if opt.Store != nil && opt.Shelf != nil {
		l.st, l.sh, l.indexing = opt.Store, opt.Shelf, true
	}
	return l
}

// on reports whether there is a store.
func (l libState) on() bool { return l.st != nil }

// unsaved says why reading state is not saved to disk, if it is not.
func (l libState) unsaved() error {
	if !l.on() {
		return nil
	}
	return l.st.Unsaved()
}

// serial runs store calls one at a time, in the order Update asked for
// them, each in its own command: a read asked for after a write sees it,
// and two writes to one mark land in order. do is called from Update only.
type serial struct{ last chan struct{} }

// written returns what waits for every call asked for so far to end; s
// may be nil (no store).
func (s *serial) written() func() {
	if s == nil || s.last == nil {
		return func() {}
	}
	last := s.last
	return func() { <-last }
}

func (s *serial) do(f func(ctx context.Context) tea.Msg) tea.Cmd {
	prev, done := s.last, make(chan struct{})
	s.last = done
	return func() tea.Msg {
		defer close(done)
		if prev != nil {
			<-prev
		}
		return f(context.Background())
	}
}

// editionState is an edition's reading state as the store has it.
type editionState struct {
	read, saved map[string]bool
	pos         library.Position
	hasPos      bool
}

func readState(ctx context.Context, st *library.Store, id int64) (editionState, error) {
	var s editionState
	var err error
	if s.read, err = st.ReadSet(ctx, id); err != nil {
		return s, err
	}
	if s.saved, err = st.Bookmarked(ctx, id); err != nil {
		return s, err
	}
	s.pos, s.hasPos, err = st.Position(ctx, id)
	s.pos.Saved = time.Time{}
	return s, err
}

// target is where to go in an edition once it is shown: where the reader
// stopped (article ""), a story, or a search match in a story.
type target struct {
	article string
	// query, block and offset place a library search hit; query is "" for
	// a story alone.
	query         string
	block, offset int
}

// openedMsg is an edition read from the shelf with its reading state, to
// show at to. ed is nil when the edition shown is meant (its state read at
// start); toggles come only then. seq says which load it answers.
type openedMsg struct {
	seq     int
	ed      *model.Edition
	rec     library.Edition
	state   editionState
	toggles map[string]bool
	// settings are the remembered settings that are not toggles; they
	// come with toggles.
	settings map[string]string
	to       target
	err      error
}

// progressMsg reports the indexing of shelf sh; done once it has ended,
// with the files it could not read.
type progressMsg struct {
	sh     *library.Shelf
	p      library.Progress
	done   bool
	failed []error
	err    error
}

// editionsMsg is the shelf's editions, for the edition picker.
type editionsMsg struct {
	list []library.Edition
	err  error
}

// bookmarksMsg is every bookmark, for the bookmark list.
type bookmarksMsg struct {
	list []library.Bookmark
	err  error
}

// storedMsg says a write to the store ended; err is shown if it failed.
type storedMsg struct{ err error }

// bookmarkMsg is the store's answer to B: whether the story is saved now.
type bookmarkMsg struct {
	edition int64
	id      string
	on      bool
	err     error
}

// positionTickMsg ends a pause in reading; the position is saved if it is
// the latest pause.
type positionTickMsg struct{ seq int }

// glancedMsg ends the wait of a story seen only from the list.
type glancedMsg struct{ article *model.Article }

// exportedMsg says where x wrote a story, or why it could not.
type exportedMsg struct {
	path string
	err  error
}

// Restore returns the command that reads the reading state of the edition
// shown and the remembered display toggles; nil without a store. Run calls
// it before the first frame.
func (m *Model) Restore() tea.Cmd {
	if !m.lib.on() {
		return nil
	}
	st, rec, seq := m.lib.st, m.lib.rec, m.lib.loading
	return m.lib.jobs.do(func(ctx context.Context) tea.Msg {
		state, err := readState(ctx, st, rec.ID)
		if err != nil {
			return openedMsg{seq: seq, err: err}
		}
		toggles, err := st.Toggles(ctx)
		if err != nil {
			return openedMsg{seq: seq, err: err}
		}
		settings, err := st.Settings(ctx)
		return openedMsg{seq: seq, rec: rec, state: state, toggles: toggles, settings: settings, err: err}
	})
}

// loadEdition returns the command that reads edition rec and its state, to
// be shown at to, after saving the position in the edition being left.
func (m *Model) loadEdition(rec library.Edition, to target) tea.Cmd {
	m.lib.loading++
	st, sh, seq := m.lib.st, m.lib.sh, m.lib.loading
	return tea.Batch(m.flushPosition(), m.lib.jobs.do(func(ctx context.Context) tea.Msg {
		ed, rec, err := sh.Load(ctx, rec)
		if err != nil {
			return openedMsg{seq: seq, err: err}
		}
		state, err := readState(ctx, st, rec.ID)
		return openedMsg{seq: seq, ed: ed, rec: rec, state: state, to: to, err: err}
	}))
}

// watchProgress returns the command that waits for the shelf's next
// indexing report; nil without a shelf.
func (l libState) watchProgress() tea.Cmd {
	if l.sh == nil {
		return nil
	}
	sh := l.sh
	return func() tea.Msg {
		if p, ok := <-sh.Progress(); ok {
			return progressMsg{sh: sh, p: p}
		}
		return progressMsg{sh: sh, done: true, failed: sh.Failed(), err: sh.Wait()}
	}
}

// fetchEditions returns the command that lists the shelf for the picker.
func (l libState) fetchEditions() tea.Cmd {
	sh := l.sh
	return l.jobs.do(func(ctx context.Context) tea.Msg {
		list, err := sh.Editions(ctx)
		return editionsMsg{list: list, err: err}
	})
}

// fetchBookmarks returns the command that lists every bookmark.
func (l libState) fetchBookmarks() tea.Cmd {
	st := l.st
	return l.jobs.do(func(ctx context.Context) tea.Msg {
		list, err := st.Bookmarks(ctx)
		return bookmarksMsg{list: list, err: err}
	})
}

// write returns the command that runs f on the store in turn.
func (l libState) write(f func(ctx context.Context, st *library.Store) error) tea.Cmd {
	if !l.on() {
		return nil
	}
	st := l.st
	return l.jobs.do(func(ctx context.Context) tea.Msg { return storedMsg{err: f(ctx, st)} })
}

// setToggle remembers a display toggle.
func (l libState) setToggle(name string, on bool) tea.Cmd {
	return l.write(func(ctx context.Context, st *library.Store) error { return st.SetToggle(ctx, name, on) })
}

// scriptSetting is the name the script shown is remembered by: one for
// each shelf, since a shelf of Taiwan's papers and one of the mainland's
// are read in different scripts.
func (l libState) scriptSetting() string {
	if k := l.sh.Key(); k != "" {
		return settingScript + "@" + k
	}
	return settingScript
}

// setSetting remembers a display setting.
func (l libState) setSetting(name, value string) tea.Cmd {
	return l.write(func(ctx context.Context, st *library.Store) error { return st.SetSetting(ctx, name, value) })
}

// libraryMsg takes in the answers of the store and the shelf.
func (m *Model) libraryMsg(msg tea.Msg) tea.Cmd {
	lang := m.common.Lang
	switch msg := msg.(type) {
	case openedMsg:
		return m.opened(msg)
	case progressMsg:
		return m.progressed(msg)
	case editionsMsg:
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
			return nil
		}
		m.lib.editions = msg.list
		m.setEditionLabels()
	case bookmarksMsg:
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
			return nil
		}
		m.lib.bookmarks = msg.list
		m.setBookmarkLabels()
	case bookmarkMsg:
		if msg.err == nil && msg.edition == m.lib.rec.ID {
			// Another dubao may have toggled it too: the store decides.
			m.lib.saved[msg.id] = msg.on
		}
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
		}
	case storedMsg:
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
		}
	case positionTickMsg:
		if msg.seq == m.lib.posSeq {
			return m.flushPosition()
		}
	case glancedMsg:
		if msg.article == m.lib.glance && msg.article == m.article.Article() && m.article.Percent() == 100 {
			return m.markRead(msg.article)
		}
	case exportedMsg:
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
		} else {
			m.note = lang.Saved(msg.path)
		}
	case updateProgressMsg, updateDoneMsg, reopenedMsg:
		return m.updateMsg(msg)
	}
	return nil
}

// progressed follows the shelf's indexing: the status line shows it, an
// open edition picker is listed again, and files that could not be read
// are reported once it ends.
func (m *Model) progressed(msg progressMsg) tea.Cmd {
	if msg.sh != m.lib.sh {
		return nil // a shelf U's update replaced
	}
	m.lib.progress, m.lib.indexing = msg.p, !msg.done
	var cmds []tea.Cmd
	if !msg.done {
		cmds = append(cmds, m.lib.watchProgress())
	} else {
		switch {
		case msg.err != nil:
			m.note = m.common.Lang.Failed(msg.err)
		case len(msg.failed) > 0:
			m.note = m.common.Lang.Skipped(len(msg.failed), msg.failed[0])
		}
	}
	if m.overlay == overlayPicker && m.pick == picker.Editions {
		cmds = append(cmds, m.lib.fetchEditions())
	}
	return tea.Batch(cmds...)
}

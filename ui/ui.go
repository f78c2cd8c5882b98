// Package ui is the reader: a Bubble Tea program showing an edition with
// section tabs, a story list and a paged article pane, and, given a library
// store, the other editions of a shelf, read marks, bookmarks, the place
// the reader stopped and a search of every edition. New builds the root
// model and Run runs it; everything else is in the pane packages under ui/.
package ui

import (
	"context"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"dubao/library"
	"dubao/model"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
	"dubao/ui/list"
	"dubao/ui/lookup"
	"dubao/ui/picker"
	"dubao/ui/search"
	"dubao/ui/styles"
	"dubao/ui/tabs"
)

// Options configure the reader.
type Options struct {
	// Lang is the language of the labels.
	Lang common.Lang
	// NoColor drops all colour (NO_COLOR).
	NoColor bool
	// Typeset are the initial display options; the toggles change them.
	Typeset typeset.Options
	// Store keeps the reading state: read marks, bookmarks, where the
	// reader stopped in each edition, and the display toggles. Without one
	// the reader shows the edition alone and the library's keys are off.
	Store *library.Store
	// Shelf is the editions the picker (e) lists and ctrl+f searches, in
	// Store. Required with Store.
	Shelf *library.Shelf
	// Edition is the shelf's record of the edition the reader opens with.
	Edition library.Edition
	// ExportDir is the directory x writes stories to; "" is the current
	// directory.
	ExportDir string
	// Browser is the command o opens a story's URL with, as $BROWSER
	// gives it; "" is xdg-open.
	Browser string
	// Update is what U runs in the background (see Updater); nil switches
	// U off. Requires Store.
	Update Updater
	// Graphemes says the terminal reported mode 2027 before the program
	// started, and typeset measures by grapheme cluster: the renderer is
	// switched to grapheme widths before the first frame is drawn (see
	// width.go).
	Graphemes bool
	// Script is the script the text is shown in at first, by name (see
	// script.Names; "" or an unknown name is as printed). A script t chose
	// and the store remembers comes instead.
	Script string
	// Theme is "dark" or "light" to choose the styles, or "auto" (or "")
	// to ask the terminal for its background colour.
	Theme string
	// MaxMeasure is the widest line the article pane sets, in cells; 0 is
	// article.MaxMeasure.
	MaxMeasure int
	// Keys rebinds actions, by the name the help shows, to other keys, as
	// the config file's [keys] does; CheckKeys says whether it can.
	Keys map[string][]string
	// Dictionary loads the dictionary L looks words up in, the first time
	// it is used; nil is CC-CEDICT, built in (dict.Default).
	Dictionary lookup.Loader
	// Open, given instead of Store, opens the library once the first frame
	// is drawn (see Opener): the reader shows the edition at once, with
	// Edition as its provisional record, and the store's record, reading
	// state and U come when Open returns.
	Open Opener
}

// Scripts are the names Options.Script takes: the text as printed, 简体,
// 繁體 as in Taiwan (with Taiwan's words) and as in Hong Kong.
var Scripts = script.Names()

// Themes are the names Options.Theme takes.
var Themes = []string{"auto", "dark", "light"}

// focus is the pane that receives keys.
type focus int

const (
	focusList focus = iota
	focusArticle
	focusSearch
)

// overlay is a box drawn over the panes.
type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayPicker  // one of the pickers: sections, editions, bookmarks
	overlayLibrary // the library search
)

// positionSaveDelay is how long the reading position must stay put before
// it is saved: a pause in reading, not every line scrolled. Leaving an
// edition or quitting saves it at once.
const positionSaveDelay = 700 * time.Millisecond

// glanceReadDelay is how long a story whose last page shows in the
// article pane while the list has the focus must stay there to count as
// read: moving down the list past short stories does not mark them all.
const glanceReadDelay = 1500 * time.Millisecond

// Model is the root model. It handles the window size, the background
// colour, the global keys and the mouse, and hands everything else to the
// focused pane or the open box.
type Model struct {
	ed     *model.Edition
	common common.Common
	opt    Options
	dark   bool
	keys   keys.Global
	// bound is every pane's keys as configured; keys and the panes' key
	// maps start from it.
	bound keySet
	lay   Layout

	// script is the script the text is shown in (t); conv converts the
	// edition shown into it and keeps what it converted.
	script script.Script
	conv   *script.Cache

	// sec is the section shown; the story shown is the list's selection,
	// m.list.Index().
	sec       int
	focus     focus
	lastFocus focus // where to return when the search closes
	overlay   overlay
	pick      picker.Owner // the picker shown when overlay is overlayPicker

	tabs      tabs.Model
	list      list.Model
	article   article.Model
	lookup    lookup.Model
	search    search.Model
	libsearch search.Library
	pickers   [3]picker.Model // by picker.Owner
	help      help.Model

	// query is the search in force: its matches are highlighted and n/N
	// move through hits; hit is the one shown.
	query string
	hits  []search.Hit
	hit   int

	// helpNav scrolls the help box when it is taller than the screen;
	// helpScroll is its first row.
	helpNav    keys.Nav
	helpScroll int

	// lib is the reading state kept in the store; lib.st is nil without one.
	lib libState
	// note is a message for the status line, such as where x saved a
	// story; the next key clears it.
	note      string
	saveDelay time.Duration
	// readDelay is glanceReadDelay, shorter in tests.
	readDelay time.Duration
	// launch starts the browser o runs: startDetached, or in tests a run
	// that waits for it.
	launch func(*exec.Cmd) error
	// widthHeld keeps the screen blank until the renderer measures as
	// typeset does (Options.Graphemes).
	widthHeld bool

	// frame tells opt.Open's command when the first frame is out; nil
	// outside Run, where the command runs at once. openCtx is done when
	// Run returns.
	frame   *frameSignal
	openCtx context.Context
	// tmuxColors asks tmux for its colours, in Run; see there.
	tmuxColors tea.Cmd
	// hints is the row of key hints last drawn, shared by the model's
	// copies.
	hints *hintCache
}

// New returns the reader for ed, showing its first story. With a store in
// opt the reading state is read by the command Restore returns.
func New(ed *model.Edition, opt Options) Model {
	bound := newKeySet(opt.Keys)
	m := Model{opt: opt, dark: opt.Theme != "light", keys: bound.global, bound: bound, help: help.New(),
		helpNav: bound.help, saveDelay: positionSaveDelay, readDelay: glanceReadDelay, launch: startDetached, widthHeld: opt.Graphemes,
		hints: &hintCache{}}
	m.common = common.Common{Lang: opt.Lang}
	m.buildStyles()
	m.list = list.New(m.common)
	m.list.KeyMap = bound.list
	m.article = article.New(m.common)
	m.article.KeyMap = bound.article
	m.article.SetMaxMeasure(opt.MaxMeasure)
	m.pickers[picker.Editions] = picker.New(m.common, picker.Editions, bound.editions)
	m.pickers[picker.Bookmarks] = picker.New(m.common, picker.Bookmarks, bound.bookmarks)
	m.lookup = newLookup(m.common, opt, bound.lookup)
	m.lib = newLibState(opt)
	m.lib.pending = opt.Open != nil && !m.lib.on()
	m.openCtx = context.Background()
	var searcher search.Searcher
	if m.lib.sh != nil {
		searcher = m.lib.sh.Search
	}
	m.libsearch = search.NewLibrary(m.common, searcher)
	m.libsearch.KeyMap = bound.library
	m.script, _ = script.Parse(opt.Script)
	m.setOptions(opt.Typeset)
	m.setEdition(ed, opt.Edition)
	if err := m.lib.unsaved(); err != nil && m.note == "" {
		m.note = m.common.Lang.Unsaved(err)
	}
	m.updateKeybindings()
	return m
}

// Run runs the reader on the terminal out until the user quits. Given a
// store, the reading state is read before the first frame, so that frame
// already shows the story and page where the reader stopped; given
// opt.Open instead, the first frame comes first and the library is opened
// once it is out.
func Run(ed *model.Edition, opt Options, out io.Writer, popts ...tea.ProgramOption) error {
	m := New(ed, opt)
	if cmd := m.Restore(); cmd != nil {
		next, _ := m.Update(cmd())
		m = next.(Model)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m.frame, m.openCtx = newFrameSignal(), ctx
	// The first frame waits for the renderer's first tick: at 120 frames a
	// second (Bubble Tea's most) it waits half as long as at its default 60.
	popts = append([]tea.ProgramOption{tea.WithFPS(maxFPS)}, popts...)
	// Bubble Tea would detect the colours before the first frame, and in
	// tmux that runs `tmux info` and waits for it: the first frame is
	// drawn with what the environment and terminfo say, and tmux is asked
	// after it.
	env := os.Environ()
	profile := colorprofile.Detect(out, withoutTmux(env))
	m.tmuxColors = func() tea.Msg {
		if p := colorprofile.Tmux(env); p > profile {
			return tea.ColorProfileMsg{Profile: p}
		}
		return nil
	}
	popts = append(popts, tea.WithColorProfile(profile), tea.WithOutput(wrapOutput(out, m.frame)))
	_, err := tea.NewProgram(m, popts...).Run()
	return err
}

// maxFPS is the most frames a second Bubble Tea draws.
const maxFPS = 120

// Init asks the terminal for its background colour, to pick light or dark
// styles unless the theme is set (the dark ones are used until it answers,
// so nothing waits for it), follows the shelf's indexing, and opens the
// library when it is to be opened after the first frame.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.lib.watchProgress(), m.announceGraphemes(), m.openLibrary(), m.afterFirstFrame(m.tmuxColors)}
	if m.autoTheme() {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// withoutTmux is env without TMUX, which makes colorprofile.Detect run
// `tmux info`.
func withoutTmux(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "TMUX=") })
}

// autoTheme reports whether the terminal's background chooses the styles.
func (m Model) autoTheme() bool { return m.opt.Theme == "" || m.opt.Theme == "auto" }

// buildStyles builds the one Styles value and hands it to every pane.
func (m *Model) buildStyles() {
	m.common.Styles = styles.New(styles.Config{
		Dark: m.dark, NoColor: m.opt.NoColor, AmbiguousWide: typeset.AmbiguousWide(),
	})
	m.help.Styles = m.common.Styles.Help
	panes := []*common.Common{&m.tabs.Common, &m.list.Common, &m.article.Common, &m.search.Common, &m.libsearch.Common,
		&m.lookup.Common}
	for i := range m.pickers {
		panes = append(panes, &m.pickers[i].Common)
	}
	for _, c := range panes {
		c.Styles = m.common.Styles
	}
}

// Update is the root of the message flow.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		m.lib.resized = true
	case tea.BackgroundColorMsg:
		if m.autoTheme() {
			m.dark = msg.IsDark()
			m.buildStyles()
		}
	case tea.ModeReportMsg:
		m.modeReported(msg)
	case tea.KeyPressMsg:
		m.note = ""
		m.lib.moved = m.lib.moved || m.lib.pending
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		cmd = m.handlePaste(msg)
	case tea.MouseClickMsg:
		m.lib.moved = m.lib.moved || m.lib.pending
		m.handleClick(msg.Mouse())
	case tea.MouseWheelMsg:
		m.lib.moved = m.lib.moved || m.lib.pending
		m.handleWheel(msg.Mouse())
	// The panes' messages arrive after any keys typed meanwhile; each says
	// what it is about, and one that no longer applies is dropped.
	case list.SelectMsg:
		if m.current(msg.Section) && msg.Index == m.list.Index() {
			m.showArticle(m.sec, msg.Index)
		}
	case lookup.LoadedMsg:
		m.lookupLoaded(msg)
	case article.EndMsg:
		if msg.Article == m.article.Article() {
			m.step(1)
		}
	case search.PreviewMsg:
		if msg.Query == m.query {
			m.showHit(msg.Hit)
		}
	case search.OpenMsg:
		m.hits, m.hit = msg.Hits, indexOf(msg.Hits, msg.Hit)
		m.showHit(msg.Hit)
		m.focus = focusArticle
	case search.CancelMsg:
		m.setQuery("")
		m.focus = m.lastFocus
	case search.ScopeMsg:
		if m.lib.on() {
			cmd = m.switchScope(msg)
		} else {
			m.note = m.common.Lang.OpeningLibrary()
		}
	case libraryOpenedMsg:
		cmd = m.attach(msg)
	case search.FoundMsg:
		m.search, cmd = m.search.Update(msg)
		m.syncQuery()
	case search.ResultsMsg:
		m.libsearch, cmd = m.libsearch.Update(msg)
	case search.LibraryOpenMsg:
		m.overlay = overlayNone
		cmd = m.openHit(msg)
	case search.LibraryCancelMsg:
		m.overlay = overlayNone
	case picker.ChosenMsg:
		m.overlay = overlayNone
		cmd = m.choose(msg)
	case picker.CloseMsg:
		m.overlay = overlayNone
	case browsedMsg:
		m.browsed(msg)
	default:
		cmd = m.libraryMsg(msg)
	}
	return m, tea.Batch(cmd, m.settle())
}

// current reports whether sec is the section shown.
func (m Model) current(sec *model.Section) bool {
	return m.sec < len(m.ed.Sections) && sec == &m.ed.Sections[m.sec]
}

// handleKey routes a key: overlays and the search box first, then the
// global keys, then the focused pane.
func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case key.Matches(k, m.keys.Interrupt):
		return m.quit()
	case m.overlay == overlayHelp:
		m.helpKey(k)
		return nil
	case m.overlay == overlayPicker:
		m.pickers[m.pick], cmd = m.pickers[m.pick].Update(k)
		return cmd
	case m.overlay == overlayLibrary:
		m.libsearch, cmd = m.libsearch.Update(k)
		return cmd
	case m.focus == focusSearch:
		m.search, cmd = m.search.Update(k)
		m.syncQuery()
		return cmd
	case m.lay.TooSmall:
		if key.Matches(k, m.keys.Quit) {
			return m.quit()
		}
		return nil
	}
	if handled, cmd := m.lookupKey(k); handled {
		return cmd
	}
	if handled, cmd := m.globalKey(k); handled {
		return cmd
	}
	if handled, cmd := m.libraryKey(k); handled {
		return cmd
	}
	switch m.focus {
	case focusList:
		if key.Matches(k, m.list.KeyMap.Open) && m.list.Len() > 0 {
			// At once rather than by a message from the list, so that
			// keys typed right after enter go to the story.
			m.showArticle(m.sec, m.list.Index())
			m.focus = focusArticle
			return nil
		}
		m.list, cmd = m.list.Update(k)
	case focusArticle:
		m.article, cmd = m.article.Update(k)
	}
	return cmd
}

// handlePaste hands pasted text to the search box being typed in.
func (m *Model) handlePaste(p tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case m.overlay == overlayLibrary:
		m.libsearch, cmd = m.libsearch.Update(p)
	case m.overlay == overlayNone && m.focus == focusSearch:
		m.search, cmd = m.search.Update(p)
		m.syncQuery()
	}
	return cmd
}

// globalKey handles the reader's keys that work in every pane.
func (m *Model) globalKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		return true, m.quit()
	case key.Matches(k, g.Help):
		m.overlay, m.helpScroll = overlayHelp, 0
	case key.Matches(k, g.Search):
		m.openSearch()
		return true, preloadScripts
	case key.Matches(k, g.Picker):
		m.openPicker(picker.Sections, m.sec)
	case key.Matches(k, g.Section):
		// The binding matched one of "1".."9"; k.Text may be empty (a
		// keypad digit, some keyboard protocols), so read what matched.
		m.gotoSection(int(k.String()[0] - '1'))
	case key.Matches(k, g.PrevSection):
		m.gotoSection(m.sec - 1)
	case key.Matches(k, g.NextSection):
		m.gotoSection(m.sec + 1)
	case key.Matches(k, g.NextMatch):
		m.stepHit(1)
	case key.Matches(k, g.PrevMatch):
		m.stepHit(-1)
	case key.Matches(k, g.NextArticle):
		m.step(1)
	case key.Matches(k, g.PrevArticle):
		m.step(-1)
	case key.Matches(k, g.NextPane), key.Matches(k, g.PrevPane):
		m.switchPane()
	case key.Matches(k, g.Back):
		m.back()
	case key.Matches(k, g.Punct):
		return true, m.toggle(toggleHalfWidth, func(o *typeset.Options) *bool { return &o.HalfWidthPunct })
	case key.Matches(k, g.Indent):
		return true, m.toggle(toggleNoIndent, func(o *typeset.Options) *bool { return &o.NoIndent })
	case key.Matches(k, g.Hanging):
		return true, m.toggle(toggleHanging, func(o *typeset.Options) *bool { return &o.Hanging })
	case key.Matches(k, g.Script):
		m.setScript(m.script.Next())
		m.note = m.common.Lang.Script(m.script)
		return true, m.lib.setSetting(m.lib.scriptSetting(), m.script.String())
	case key.Matches(k, g.Export):
		return true, m.export()
	case key.Matches(k, g.Copy):
		return true, m.copyArticle()
	case key.Matches(k, g.OpenURL):
		return true, m.openURL()
	default:
		return false, nil
	}
	return true, nil
}

// libraryKey handles the keys of the library: editions, read marks and
// bookmarks. They are switched off without a store.
func (m *Model) libraryKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	g := m.keys
	if !m.lib.on() {
		// The keys are on while the library is being opened (so the
		// hints do not change when it comes) but have no store yet.
		for _, b := range []key.Binding{g.Editions, g.Bookmarks, g.LibrarySearch, g.MarkRead, g.MarkSection,
			g.UnreadOnly, g.Bookmark, g.Update} {
			if key.Matches(k, b) {
				m.note = m.common.Lang.OpeningLibrary()
				return true, nil
			}
		}
		return false, nil
	}
	switch {
	case key.Matches(k, g.Editions):
		return true, m.openEditions()
	case key.Matches(k, g.Bookmarks):
		return true, m.openBookmarks()
	case key.Matches(k, g.LibrarySearch):
		return true, tea.Batch(m.openLibrarySearch(m.query), preloadScripts)
	case key.Matches(k, g.MarkRead):
		return true, m.toggleRead()
	case key.Matches(k, g.MarkSection):
		return true, m.markSectionRead()
	case key.Matches(k, g.UnreadOnly):
		m.lib.unreadOnly = !m.lib.unreadOnly
		m.list.SetUnreadOnly(m.lib.unreadOnly)
		m.showSelected()
		return true, m.lib.setToggle(toggleUnreadOnly, m.lib.unreadOnly)
	case key.Matches(k, g.Bookmark):
		return true, m.toggleBookmark()
	case key.Matches(k, g.Update):
		return true, m.startUpdate()
	}
	return false, nil
}

// OptionsFromEnv reads the options the environment sets: the interface
// language from the locale, NO_COLOR, DUBAO_EXPORT_DIR and BROWSER.
func OptionsFromEnv(getenv func(string) string) Options {
	return Options{Lang: common.LangFromEnv(getenv), NoColor: getenv("NO_COLOR") != "",
		ExportDir: getenv("DUBAO_EXPORT_DIR"), Browser: getenv("BROWSER")}
}

// helpKey scrolls or closes the help box.
// answersTo reports whether k is one of b's keys, whether or not b is
// switched on.
func answersTo(k tea.KeyPressMsg, b key.Binding) bool {
	return slices.Contains(b.Keys(), k.String())
}

func (m *Model) helpKey(k tea.KeyPressMsg) {
	n := len(m.helpContent())
	_, h := m.overlayArea()
	m.helpScroll = m.helpTop(n)
	switch {
	case key.Matches(k, m.keys.Help, m.keys.Quit) || answersTo(k, m.keys.Back):
		// Back is switched off where the panes have nothing to go back
		// from (the story list, no search), but it always closes the box.
		m.overlay = overlayNone
	case key.Matches(k, m.helpNav.Down):
		m.helpScroll++
	case key.Matches(k, m.helpNav.Up):
		m.helpScroll--
	case key.Matches(k, m.helpNav.PageDown, m.helpNav.HalfPageDown):
		m.helpScroll += max(h-1, 1)
	case key.Matches(k, m.helpNav.PageUp, m.helpNav.HalfPageUp):
		m.helpScroll -= max(h-1, 1)
	case key.Matches(k, m.helpNav.Top):
		m.helpScroll = 0
	case key.Matches(k, m.helpNav.Bottom):
		m.helpScroll = n
	}
	m.helpScroll = m.helpTop(n)
}

// Package ui is the reader: a Bubble Tea program showing an edition with
// section tabs, a story list and a paged article pane. New builds the root
// model and Run runs it; everything else is in the pane packages under ui/.
package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
	"dubao/ui/list"
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
}

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
	overlayPicker
)

// Model is the root model. It handles the window size, the background
// colour, the global keys and the mouse, and hands everything else to the
// focused pane.
type Model struct {
	ed     *model.Edition
	common common.Common
	opt    Options
	dark   bool
	keys   keys.Global
	lay    Layout

	// sec is the section shown; the story shown is the list's selection,
	// m.list.Index().
	sec       int
	focus     focus
	lastFocus focus // where to return when the search closes
	overlay   overlay

	tabs    tabs.Model
	list    list.Model
	article article.Model
	search  search.Model
	picker  picker.Model
	help    help.Model

	// query is the search in force: its matches are highlighted and n/N
	// move through hits; hit is the one shown.
	query string
	hits  []search.Hit
	hit   int

	// helpNav scrolls the help box when it is taller than the screen;
	// helpScroll is its first row.
	helpNav    keys.Nav
	helpScroll int
}

// New returns the reader for ed, showing its first story.
func New(ed *model.Edition, opt Options) Model {
	m := Model{ed: ed, opt: opt, dark: true, keys: keys.DefaultGlobal(), help: help.New(), helpNav: keys.DefaultNav()}
	m.common = common.Common{Lang: opt.Lang}
	m.buildStyles()
	names := make([]string, len(ed.Sections))
	for i, s := range ed.Sections {
		names[i] = s.Name
	}
	m.tabs = tabs.New(m.common, ed.Title, names)
	m.list = list.New(m.common)
	m.article = article.New(m.common)
	m.setOptions(opt.Typeset)
	m.search = search.New(m.common, ed)
	m.picker = picker.New(m.common, ed)
	m.gotoSection(0)
	m.setFocus(focusList)
	return m
}

// Run runs the reader on the terminal until the user quits.
func Run(ed *model.Edition, opt Options, popts ...tea.ProgramOption) error {
	_, err := tea.NewProgram(New(ed, opt), popts...).Run()
	return err
}

// Init asks the terminal for its background colour, to pick light or dark
// styles.
func (m Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// buildStyles builds the one Styles value and hands it to every pane.
func (m *Model) buildStyles() {
	m.common.Styles = styles.New(styles.Config{
		Dark: m.dark, NoColor: m.opt.NoColor, AmbiguousWide: typeset.AmbiguousWide(),
	})
	m.help.Styles = m.common.Styles.Help
	for _, c := range []*common.Common{&m.tabs.Common, &m.list.Common, &m.article.Common, &m.search.Common, &m.picker.Common} {
		c.Styles = m.common.Styles
	}
}

// Update is the root of the message flow.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.buildStyles()
	case tea.KeyPressMsg:
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		if m.focus == focusSearch {
			m.search, cmd = m.search.Update(msg)
			m.syncQuery()
		}
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	// The panes' messages arrive after any keys typed meanwhile; each says
	// what it is about, and one that no longer applies is dropped.
	case list.SelectMsg:
		if m.current(msg.Section) && msg.Index == m.list.Index() {
			m.showArticle(m.sec, msg.Index)
		}
	case list.OpenMsg:
		if m.current(msg.Section) && msg.Index == m.list.Index() {
			m.showArticle(m.sec, msg.Index)
			m.setFocus(focusArticle)
		}
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
		m.setFocus(focusArticle)
	case search.CancelMsg:
		m.setQuery("")
		m.setFocus(m.lastFocus)
	case picker.ChosenMsg:
		m.overlay = overlayNone
		m.gotoSection(msg.Index)
	case picker.CloseMsg:
		m.overlay = overlayNone
	}
	m.updateKeybindings()
	return m, cmd
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
	case k.Keystroke() == "ctrl+c":
		return tea.Quit
	case m.overlay == overlayHelp:
		m.helpKey(k)
		return nil
	case m.overlay == overlayPicker:
		m.picker, cmd = m.picker.Update(k)
		return cmd
	case m.focus == focusSearch:
		m.search, cmd = m.search.Update(k)
		m.syncQuery()
		return cmd
	case m.lay.TooSmall:
		if key.Matches(k, m.keys.Quit) {
			return tea.Quit
		}
		return nil
	}
	if handled, cmd := m.globalKey(k); handled {
		return cmd
	}
	switch m.focus {
	case focusList:
		m.list, cmd = m.list.Update(k)
	case focusArticle:
		m.article, cmd = m.article.Update(k)
	}
	return cmd
}

// globalKey handles the keys that work in every pane.
func (m *Model) globalKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	g := m.keys
	switch {
	case key.Matches(k, g.Quit):
		return true, tea.Quit
	case key.Matches(k, g.Help):
		m.overlay, m.helpScroll = overlayHelp, 0
	case key.Matches(k, g.Search):
		m.openSearch()
	case key.Matches(k, g.Picker):
		m.picker.Open(m.sec)
		m.overlay = overlayPicker
	case key.Matches(k, g.Section):
		m.gotoSection(int(k.Text[0] - '1'))
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
		opt := m.article.Options()
		opt.HalfWidthPunct = !opt.HalfWidthPunct
		m.setOptions(opt)
	case key.Matches(k, g.Indent):
		opt := m.article.Options()
		opt.NoIndent = !opt.NoIndent
		m.setOptions(opt)
	default:
		return false, nil
	}
	return true, nil
}

// OptionsFromEnv reads the options the environment sets: the interface
// language from the locale, and NO_COLOR.
func OptionsFromEnv(getenv func(string) string) Options {
	return Options{Lang: common.LangFromEnv(getenv), NoColor: getenv("NO_COLOR") != ""}
}

// helpKey scrolls or closes the help box.
func (m *Model) helpKey(k tea.KeyPressMsg) {
	n := len(m.helpContent())
	_, h := m.overlayArea()
	m.helpScroll = m.helpTop(n)
	switch {
	case key.Matches(k, m.keys.Help, m.keys.Back, m.keys.Quit):
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

// Package list is the story list: the articles of one section, two lines
// each (the headline, and a dim line with the kicker or byline, paragraph
// count and reading time), with the selection highlighted.
package list

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// ItemHeight is the rows one story takes: headline, meta line and a blank
// separator.
const ItemHeight = 3

// charsPerMinute is the reading speed the reading time assumes: about 400
// Chinese characters a minute for news prose.
const charsPerMinute = 400

// Marks shown after the headline.
const (
	photoMark     = "图"
	continuedMark = "转"
)

// KeyMap are the list's keys.
type KeyMap struct {
	keys.Nav
	// Open shows the selected story in the article pane and focuses it.
	Open key.Binding
}

// DefaultKeyMap returns the list's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:  keys.DefaultNav(),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open story")),
	}
}

// SelectMsg says the selection in the list of Section moved to the story
// at Index.
type SelectMsg struct {
	Section *model.Section
	Index   int
}

// OpenMsg asks to open the story at Index of Section.
type OpenMsg struct {
	Section *model.Section
	Index   int
}

// Item is one story as the list shows it, computed once per section so that
// drawing a frame does not walk article bodies.
type Item struct {
	Title, Meta      string
	Photo, Continued bool
}

// Model is the story list.
type Model struct {
	common.Common
	// KeyMap is the list's keys.
	KeyMap KeyMap
	items  []Item
	sec    *model.Section
	opt    typeset.Options
	sel    int
	top    int // index of the first visible item
	focus  bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty list.
func New(c common.Common) Model {
	return Model{Common: c, KeyMap: DefaultKeyMap()}
}

// NewItem describes an article for the list, its text shown as the
// typesetter shows it under opt.
func NewItem(a *model.Article, lang common.Lang, opt typeset.Options) Item {
	var meta []string
	switch {
	case a.Kicker != "":
		meta = append(meta, common.Display(a.Kicker, opt))
	case a.Byline.People() != "":
		meta = append(meta, a.Byline.People())
	case a.PhotoCredit != "":
		meta = append(meta, a.PhotoCredit)
	}
	if n := a.Paragraphs(); n > 0 {
		meta = append(meta, lang.Paragraphs(n))
	}
	mins := (a.Runes() + charsPerMinute - 1) / charsPerMinute
	meta = append(meta, lang.Minutes(max(mins, 1)))
	return Item{
		Title:     common.Display(a.Title(), opt),
		Meta:      strings.Join(meta, " · "),
		Photo:     a.Kind == model.KindPhoto,
		Continued: a.Continued,
	}
}

// SetSection replaces the items with the stories of sec and selects the
// first.
func (m *Model) SetSection(sec *model.Section) {
	m.sec = sec
	m.fill()
	m.sel, m.top = 0, 0
}

// SetOptions sets the display options the items are shown with.
func (m *Model) SetOptions(opt typeset.Options) {
	m.opt = opt
	m.fill()
}

func (m *Model) fill() {
	m.items = m.items[:0]
	if m.sec == nil {
		return
	}
	for i := range m.sec.Articles {
		m.items = append(m.items, NewItem(&m.sec.Articles[i], m.Lang, m.opt))
	}
}

// SetSize sets the content size and keeps the selection in view.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scrollToSelection()
}

// SetFocused says whether the list has the keyboard focus.
func (m *Model) SetFocused(f bool) { m.focus = f }

// Focused reports whether the list has the focus.
func (m Model) Focused() bool { return m.focus }

// Len returns the number of stories.
func (m Model) Len() int { return len(m.items) }

// Index returns the selected story's index.
func (m Model) Index() int { return m.sel }

// Select selects story i, clamped to the list, and scrolls it into view.
func (m *Model) Select(i int) {
	m.sel = max(min(i, len(m.items)-1), 0)
	m.scrollToSelection()
}

// ItemAt returns the story drawn at content row y, if any.
func (m Model) ItemAt(y int) (int, bool) {
	if y < 0 || y >= m.Height || y%ItemHeight == ItemHeight-1 {
		return 0, false
	}
	i := m.top + y/ItemHeight
	return i, i < len(m.items)
}

// perPage is how many stories fit on the screen at once, at least one.
func (m Model) perPage() int {
	// The last item needs no separator below it.
	return max((m.Height+1)/ItemHeight, 1)
}

func (m *Model) scrollToSelection() {
	per := m.perPage()
	if m.sel < m.top {
		m.top = m.sel
	}
	if m.sel >= m.top+per {
		m.top = m.sel - per + 1
	}
	m.top = max(min(m.top, len(m.items)-per), 0)
}

// Update moves the selection; it returns SelectMsg when the selection
// changed and OpenMsg on enter.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.items) == 0 {
		return m, nil
	}
	if key.Matches(k, m.KeyMap.Open) {
		msg := OpenMsg{Section: m.sec, Index: m.sel}
		return m, func() tea.Msg { return msg }
	}
	per := m.perPage()
	to := m.sel
	switch {
	case key.Matches(k, m.KeyMap.Up):
		to--
	case key.Matches(k, m.KeyMap.Down):
		to++
	case key.Matches(k, m.KeyMap.PageDown):
		to += per
	case key.Matches(k, m.KeyMap.PageUp):
		to -= per
	case key.Matches(k, m.KeyMap.HalfPageDown):
		to += max(per/2, 1)
	case key.Matches(k, m.KeyMap.HalfPageUp):
		to -= max(per/2, 1)
	case key.Matches(k, m.KeyMap.Top):
		to = 0
	case key.Matches(k, m.KeyMap.Bottom):
		to = len(m.items) - 1
	default:
		return m, nil
	}
	return m, m.move(to)
}

// MoveBy moves the selection by n stories (the mouse wheel) and returns the
// command that reports it.
func (m *Model) MoveBy(n int) tea.Cmd { return m.move(m.sel + n) }

func (m *Model) move(to int) tea.Cmd {
	old := m.sel
	m.Select(to)
	if m.sel == old {
		return nil
	}
	msg := SelectMsg{Section: m.sec, Index: m.sel}
	return func() tea.Msg { return msg }
}

// View draws the visible stories: exactly Height rows of Width cells.
func (m Model) View() string {
	w, h := m.Width, m.Height
	if w <= 0 || h <= 0 {
		return strings.TrimSuffix(strings.Repeat("\n", max(h, 0)), "\n")
	}
	st := m.Styles.List
	rows := make([]string, 0, h+ItemHeight)
	if len(m.items) == 0 {
		rows = append(rows, st.Empty.Render(common.Fit(m.Lang.Title("empty"), w)))
	}
	for i := m.top; i < len(m.items) && len(rows) < h; i++ {
		it := m.items[i]
		head, meta, mark := st.Headline, st.Meta, st.Mark
		if i == m.sel {
			head, meta, mark = st.SelectedHeadline, st.SelectedMeta, st.SelectedMark
		}
		marks := ""
		if it.Photo {
			marks += photoMark
		}
		if it.Continued {
			marks += continuedMark
		}
		mw := typeset.Width(marks)
		if marks != "" && mw < w {
			rows = append(rows, head.Render(common.Fit(it.Title, w-mw-1)+" ")+mark.Render(marks))
		} else {
			rows = append(rows, head.Render(common.Fit(it.Title, w)))
		}
		rows = append(rows, meta.Render(common.Fit(it.Meta, w)), common.Pad(w))
	}
	for len(rows) < h {
		rows = append(rows, common.Pad(w))
	}
	return strings.Join(rows[:h], "\n")
}

// ShortHelp implements help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.KeyMap.Down, m.KeyMap.Up, m.KeyMap.Open}
}

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(m.KeyMap.Nav.Bindings(), m.KeyMap.Open)}
}

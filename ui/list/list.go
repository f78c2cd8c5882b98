// Package list is the story list: the articles of one section, two lines
// each (the headline, and a dim line with the kicker or byline, paragraph
// count and reading time), with the selection highlighted. Read stories are
// dimmed and say so, saved ones are marked, and the list can leave out read
// stories.
package list

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/script"
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

// Marks shown after the headline; the help explains them.
const (
	PhotoMark     = "图" // a photo story
	ContinuedMark = "转" // 转版: continued on another page
	SavedMark     = "藏" // 收藏: bookmarked
)

// KeyMap are the list's keys.
type KeyMap struct {
	keys.Nav
	// Open shows the selected story in the article pane and focuses it.
	// The parent acts on it at once, not on a message from the list, so
	// that keys typed right after it go to the story.
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
// at Index (of the section's articles).
type SelectMsg struct {
	Section *model.Section
	Index   int
}

// Item is one story as the list shows it, computed once per section so that
// drawing a frame does not walk article bodies.
type Item struct {
	Title, Meta      string
	Photo, Continued bool
	// Index is the story's index in the section; ID its article ID.
	Index int
	ID    string
}

// Model is the story list.
type Model struct {
	common.Common
	// KeyMap is the list's keys.
	KeyMap KeyMap
	all    []Item // every story of the section
	items  []Item // the stories listed: all, or the unread ones
	sec    *model.Section
	opt    typeset.Options
	// script is the script the titles are shown in, conv what converts
	// them.
	script script.Script
	conv   *script.Cache
	sel    int // index in items
	top    int // index of the first visible item

	read, saved map[string]bool
	unreadOnly  bool
}

var _ common.Pane = (*Model)(nil)

// New returns an empty list.
func New(c common.Common) Model {
	return Model{Common: c, KeyMap: DefaultKeyMap()}
}

// NewItem describes an article for the list, its text shown as the
// typesetter shows it under opt.
func NewItem(a *model.Article, lang common.Lang, opt typeset.Options) Item {
	return newItem(a, lang, opt, func(s string) string { return s })
}

// newItem is NewItem with the article's text shown as show gives it: in
// the script the reader shows.
func newItem(a *model.Article, lang common.Lang, opt typeset.Options, show func(string) string) Item {
	var meta []string
	switch {
	case a.Kicker != "":
		meta = append(meta, common.Display(show(a.Kicker), opt))
	case a.Byline.People() != "":
		meta = append(meta, show(a.Byline.People()))
	case a.PhotoCredit != "":
		meta = append(meta, show(a.PhotoCredit))
	}
	if n := a.Paragraphs(); n > 0 {
		meta = append(meta, lang.Paragraphs(n))
	}
	mins := (a.Runes() + charsPerMinute - 1) / charsPerMinute
	meta = append(meta, lang.Minutes(max(mins, 1)))
	return Item{
		Title:     common.Display(show(a.Title()), opt),
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
	m.top = 0
	m.filter(-1, 0)
}

// SetOptions sets the display options the items are shown with.
func (m *Model) SetOptions(opt typeset.Options) {
	m.opt = opt
	i := m.Index()
	m.fill()
	m.filter(i, i)
}

// SetScript shows the titles in the script s, converted through conv.
func (m *Model) SetScript(s script.Script, conv *script.Cache) {
	m.script, m.conv = s, conv
	i := m.Index()
	m.fill()
	m.filter(i, i)
}

// SetMarks says which stories (by article ID) are read and which saved.
// The list shows them so; it is not filtered again until the section
// changes or SetUnreadOnly is called, so a story read meanwhile stays put.
func (m *Model) SetMarks(read, saved map[string]bool) {
	m.read, m.saved = read, saved
}

// SetUnreadOnly lists the unread stories only, or every story again. The
// selection stays on the same story if it is listed, else moves to the
// next listed.
func (m *Model) SetUnreadOnly(on bool) {
	m.unreadOnly = on
	i := m.Index()
	m.filter(-1, max(i, 0))
}

// UnreadOnly reports whether read stories are left out.
func (m Model) UnreadOnly() bool { return m.unreadOnly }

func (m *Model) fill() {
	// New slices, not m.all[:0]: the model is a value, and a copy made
	// before would see its items overwritten.
	m.all = nil
	if m.sec == nil {
		return
	}
	m.all = make([]Item, 0, len(m.sec.Articles))
	for i := range m.sec.Articles {
		a := &m.sec.Articles[i]
		show := func(s string) string { return s }
		if m.conv != nil && m.script != script.Original {
			show = func(s string) string { return m.conv.String(a, m.script, s) }
		}
		it := newItem(a, m.Lang, m.opt, show)
		it.Index, it.ID = i, m.sec.Articles[i].ID
		m.all = append(m.all, it)
	}
}

// filter lists the stories to show, keeping story keep (an index in the
// section, or -1) whatever its mark, and selects story near, or the first
// listed after it, or the last.
func (m *Model) filter(keep, near int) {
	m.items = make([]Item, 0, len(m.all))
	for _, it := range m.all {
		if !m.unreadOnly || !m.read[it.ID] || it.Index == keep {
			m.items = append(m.items, it)
		}
	}
	m.sel = max(len(m.items)-1, 0)
	for i, it := range m.items {
		if it.Index >= near {
			m.sel = i
			break
		}
	}
	m.scrollToSelection()
	// With no stories listed the keys do nothing, and the help must not
	// list them.
	for _, b := range []*key.Binding{&m.KeyMap.Up, &m.KeyMap.Down, &m.KeyMap.PageDown, &m.KeyMap.PageUp,
		&m.KeyMap.HalfPageDown, &m.KeyMap.HalfPageUp, &m.KeyMap.Top, &m.KeyMap.Bottom, &m.KeyMap.Open} {
		b.SetEnabled(len(m.items) > 0)
	}
}

// Visible returns the indices of the stories of sec a list would show,
// given the read marks and whether only unread stories are listed.
func Visible(sec *model.Section, read map[string]bool, unreadOnly bool) []int {
	var out []int
	for i := range sec.Articles {
		if !unreadOnly || !read[sec.Articles[i].ID] {
			out = append(out, i)
		}
	}
	return out
}

// Shown returns the indices in the section of the stories listed.
func (m Model) Shown() []int {
	out := make([]int, len(m.items))
	for i, it := range m.items {
		out[i] = it.Index
	}
	return out
}

// SetSize sets the content size and keeps the selection in view.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scrollToSelection()
}

// Len returns the number of stories listed.
func (m Model) Len() int { return len(m.items) }

// Index returns the selected story's index in the section, or -1 when
// nothing is listed.
func (m Model) Index() int {
	if m.sel >= len(m.items) {
		return -1
	}
	return m.items[m.sel].Index
}

// Position returns the selection's place in the list, from 0.
func (m Model) Position() int { return m.sel }

// Select selects story i of the section, listing it if it was left out,
// and scrolls it into view.
func (m *Model) Select(i int) {
	if m.sec == nil || i < 0 || i >= len(m.sec.Articles) {
		return
	}
	for p, it := range m.items {
		if it.Index == i {
			m.sel = p
			m.scrollToSelection()
			return
		}
	}
	m.filter(i, i)
}

// ItemAt returns the story (its index in the section) drawn at content row
// y, if any.
func (m Model) ItemAt(y int) (int, bool) {
	if y < 0 || y >= m.Height || y%ItemHeight == ItemHeight-1 {
		return 0, false
	}
	i := m.top + y/ItemHeight
	if i >= len(m.items) {
		return 0, false
	}
	return m.items[i].Index, true
}

// perPage is how many stories fit on the screen at once, at least one.
func (m Model) perPage() int {
	// The last item needs no separator below it.
	return max((m.Height+1)/ItemHeight, 1)
}

// scrollToSelection keeps the selection on screen and, unlike the boxes,
// the screen full when the list shrinks (unread only, a resize).
func (m *Model) scrollToSelection() {
	per := m.perPage()
	m.top = max(min(common.ScrollTop(m.top, m.sel, per), len(m.items)-per), 0)
}

// Update moves the selection; it returns SelectMsg when the selection
// changed. Open is the parent's to act on.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.items) == 0 {
		return m, nil
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

// move selects the item at position to, clamped, and reports it.
func (m *Model) move(to int) tea.Cmd {
	old := m.sel
	m.sel = max(min(to, len(m.items)-1), 0)
	m.scrollToSelection()
	if m.sel == old {
		return nil
	}
	msg := SelectMsg{Section: m.sec, Index: m.Index()}
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
		empty := m.Lang.Title("empty")
		if len(m.all) > 0 {
			empty = m.Lang.Title("no unread")
		}
		rows = append(rows, st.Empty.Render(common.Fit(empty, w)))
	}
	for i := m.top; i < len(m.items) && len(rows) < h; i++ {
		it := m.items[i]
		read := m.read[it.ID]
		head, meta, mark := st.Headline, st.Meta, st.Mark
		if read {
			head = st.ReadHeadline
		}
		if i == m.sel {
			head, meta, mark = st.SelectedHeadline, st.SelectedMeta, st.SelectedMark
		}
		marks := ""
		if m.saved[it.ID] {
			marks += SavedMark
		}
		if it.Photo {
			marks += PhotoMark
		}
		if it.Continued {
			marks += ContinuedMark
		}
		mw := typeset.Width(marks)
		if marks != "" && mw < w {
			rows = append(rows, head.Render(common.Fit(it.Title, w-mw-1)+" ")+mark.Render(marks))
		} else {
			rows = append(rows, head.Render(common.Fit(it.Title, w)))
		}
		metaText := it.Meta
		if read {
			metaText = m.Lang.Title("read") + " · " + metaText
		}
		rows = append(rows, meta.Render(common.Fit(metaText, w)), common.Pad(w))
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
